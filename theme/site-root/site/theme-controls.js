// The two things the pages used the theme's 81 KB Bootstrap script for (see
// src/dpup_toolkit/site/bundle.py): the header buttons' tooltips and the "Back to top" button. No page
// has a Bootstrap dropdown, dialog or collapse; the theme draws its menus without Bootstrap.
(() => {
  "use strict";

  // Tooltips as Bootstrap drew them (same markup and classes, so the theme's styles apply): shown
  // half a second after the pointer or keyboard focus reaches the button, below it, and gone when
  // it leaves, on a click or on Escape.
  let count = 0;
  function addTooltip(button) {
    const title = button.getAttribute("title") || button.dataset.bsTitle;
    if (!title) return;
    if (button.hasAttribute("title")) {
      // Bootstrap moves the title so the browser does not draw its own tooltip as well; a button
      // with no visible text keeps the title as its name.
      if (!button.getAttribute("aria-label") && !button.textContent.trim()) button.setAttribute("aria-label", title);
      button.dataset.bsOriginalTitle = title;
      button.removeAttribute("title");
    }
    let tip = null;
    let timer = 0;
    const show = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (tip) return;
        tip = document.createElement("div");
        tip.className = "tooltip bs-tooltip-auto fade";
        tip.setAttribute("role", "tooltip");
        tip.id = `dpup-tooltip-${++count}`;
        tip.dataset.popperPlacement = "bottom";
        const arrow = document.createElement("div");
        arrow.className = "tooltip-arrow";
        const inner = document.createElement("div");
        inner.className = "tooltip-inner";
        inner.textContent = title;
        tip.append(arrow, inner);
        tip.style.cssText = "position: absolute; inset: 0 auto auto 0; margin: 0;";
        document.body.append(tip);
        const box = button.getBoundingClientRect();
        const width = tip.offsetWidth;
        const centre = box.left + box.width / 2;
        const left = Math.max(0, Math.min(centre - width / 2, document.documentElement.clientWidth - width));
        const top = box.bottom + 6;  // Bootstrap's gap between a button and its tooltip
        tip.style.transform = `translate(${Math.round(left + scrollX)}px, ${Math.round(top + scrollY)}px)`;
        arrow.style.position = "absolute";
        arrow.style.left = `${Math.round(centre - left - arrow.offsetWidth / 2)}px`;
        button.setAttribute("aria-describedby", tip.id);
        requestAnimationFrame(() => tip && tip.classList.add("show"));
      }, 500);
    };
    const hide = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!tip) return;
        tip.remove();
        tip = null;
        button.removeAttribute("aria-describedby");
      }, 100);
    };
    button.addEventListener("mouseenter", show);
    button.addEventListener("focusin", show);
    button.addEventListener("mouseleave", hide);
    button.addEventListener("focusout", hide);
    button.addEventListener("click", hide);
    button.addEventListener("keydown", (event) => {
      if (event.key === "Escape") hide();
    });
  }

  // "Back to top" shows while the reader scrolls up, below the header, and takes them to the top.
  // Not while they are typing in a field: on a phone the pill would sit over what they type.
  const TYPING = "input:is(:not([type]), [type=text], [type=search], [type=email], [type=url], [type=tel], [type=number],"
    + " [type=password], [type=date], [type=datetime-local], [type=month], [type=time], [type=week]), textarea,"
    + " [contenteditable]:not([contenteditable=false])";
  function backToTop() {
    const button = document.getElementById("pst-back-to-top");
    const header = document.querySelector(".bd-header");
    if (!button || !header) return;
    button.addEventListener("click", () => {
      document.body.scrollTop = 0;
      document.documentElement.scrollTop = 0;
    });
    // Nothing here reads the layout until the reader scrolls (reading it as the page loads would
    // make the browser lay the page out early, before it is ready).
    let last = null;
    window.addEventListener("scroll", () => {
      const typing = document.activeElement && document.activeElement.matches(TYPING);
      const up = !typing && last !== null && last > scrollY && scrollY > header.offsetTop + header.offsetHeight;
      button.style.display = up ? "block" : "none";
      last = scrollY;
    }, { passive: true });
    document.addEventListener("focusin", (event) => {
      if (event.target instanceof Element && event.target.matches(TYPING)) button.style.display = "none";
    });
  }

  for (const button of document.querySelectorAll('[data-bs-toggle="tooltip"]')) addTooltip(button);
  backToTop();
})();
