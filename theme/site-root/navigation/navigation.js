// Finding your way around the toolkit, on every page (loaded by src/dpup_toolkit/site/navigation.py):
// the menus on phones and tablets, a copyable link on every heading, and links into a tool's
// sections that wait for the tool to draw.
(() => {
  "use strict";

  // pydata-sphinx-theme 0.17 wires only the first "☰" and the first page-contents button, which
  // sit in a header that is hidden below 992 px. Every other copy passes its click to that one,
  // so the theme opens its dialog (and gives focus back to the button that was pressed).
  function wireMenuToggles() {
    for (const selector of [".primary-toggle", ".secondary-toggle"]) {
      const wired = document.querySelector(selector);
      for (const toggle of document.querySelectorAll(selector)) {
        if (toggle === wired) continue;
        toggle.addEventListener("click", (event) => {
          event.preventDefault();
          wired.click();
        });
      }
    }
    // A link followed from a menu closes it, also when it leads to a section of this same page.
    for (const dialog of document.querySelectorAll("#pst-primary-sidebar-modal, #pst-secondary-sidebar-modal")) {
      dialog.addEventListener("click", (event) => {
        if (event.target.closest("a[href]")) setTimeout(() => dialog.open && dialog.close());
      });
    }
  }

  const LINK_ICON = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">' +
    '<path fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" ' +
    'd="M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L11.6 6M14 10a4.5 4.5 0 0 0-6.4 0' +
    'l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.6-1.6"/></svg>';

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    const area = Object.assign(document.createElement("textarea"), { value: text, readOnly: true });
    area.className = "dpup-offscreen";
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  // Sphinx puts a "#" link in every heading, shown only on hover. It becomes a small button that
  // is also shown on keyboard focus and on touch screens, and copies the section's address.
  function addHeadingLinks() {
    const announcer = document.createElement("div");
    announcer.className = "dpup-offscreen";
    announcer.setAttribute("role", "status");
    document.body.append(announcer);
    const links = document.querySelectorAll("article.bd-article :is(h2, h3, h4, h5, h6) > a.headerlink");
    for (const link of links) {
      const heading = link.parentElement.cloneNode(true);
      heading.querySelector(".headerlink").remove();
      link.classList.add("dpup-heading-link");
      link.removeAttribute("title");
      link.setAttribute("aria-label", `Copy a link to this section: ${heading.textContent.trim()}`);
      link.innerHTML = LINK_ICON;
      const note = document.createElement("span");
      note.className = "dpup-link-copied";
      note.setAttribute("aria-hidden", "true");
      link.after(note);
      link.addEventListener("click", (event) => {
        event.preventDefault();
        const hash = link.getAttribute("href");
        history.replaceState(history.state, "", hash);
        const say = (message) => {
          note.textContent = message;
          announcer.textContent = message;
          clearTimeout(note.timer);
          note.timer = setTimeout(() => { note.textContent = ""; announcer.textContent = ""; }, 4000);
        };
        copyText(location.href).then(() => say("Link copied"),
                                     () => say("Copy the link from the address bar"));
      });
    }
  }

  // A link to a section inside a tool ("…#dpup-purpose-statement-section-the-data") arrives
  // before the tool has drawn that section: scroll to it as soon as it appears.
  function scrollToLateTarget() {
    let id = "";
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return; // an address with a broken escape leads nowhere
    }
    if (!id || document.getElementById(id)) return;
    const observer = new MutationObserver(() => {
      const target = document.getElementById(id);
      if (target) {
        observer.disconnect();
        requestAnimationFrame(() => target.scrollIntoView());
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => observer.disconnect(), 60_000);
  }

  // Search results (search.html only): Sphinx 7.4 quotes 240 characters of the page's raw text
  // (mostly blank lines in this theme) around the word as typed, so "whanau" never finds
  // "whānau" to quote. Quote the words themselves, with blanks collapsed and macrons folded.
  function quoteSearchResults() {
    if (typeof Search === "undefined" || typeof Search.makeSearchSummary !== "function") return;
    const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC").toLowerCase();
    Search.makeSearchSummary = (htmlText, keywords, anchor) => {
      const text = Search.htmlToText(htmlText, anchor).replace(/\s+/g, " ").trim().normalize("NFC");
      if (!text) return null;
      const folded = fold(text);
      const found = [...keywords].map((k) => folded.indexOf(fold(k))).filter((i) => i > -1);
      const start = found.length ? Math.max(Math.min(...found) - 100, 0) : 0;
      const summary = document.createElement("p");
      summary.className = "context";
      summary.textContent = (start ? "…" : "") + text.substr(start, 240).trim() + (start + 240 < text.length ? "…" : "");
      return summary;
    };
  }

  scrollToLateTarget();
  quoteSearchResults();
  const ready = () => { wireMenuToggles(); addHeadingLinks(); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
