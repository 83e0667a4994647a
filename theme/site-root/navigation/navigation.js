// Finding your way around the toolkit, on every page (loaded by src/dpup_toolkit/site/navigation.py):
// the menus on phones and tablets, a copyable link on every heading, and links into a tool's
// sections that wait for the tool to draw; on the search page, better results. Each concern is a
// wrapper of its own, so nothing leaks into the page's globals and no wrapper grows long.

// Menus, and links that lead somewhere on the page.
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

  scrollToLateTarget();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wireMenuToggles);
  else wireMenuToggles();
})();

// A copy-link button on every heading.
(() => {
  "use strict";
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

  // Sphinx puts a "#" link in every heading, shown only on hover. It becomes a small button, always
  // shown, that copies the section's address. Headings that Sphinx did not write (a tool's
  // sections, drawn once the tool loads; headings a page's own code writes) get the same button
  // when they have an id to link to.
  const HEADINGS = "article.bd-article :is(h2, h3, h4, h5, h6)";
  let announcer = null;

  function say(note, message) {
    note.textContent = message;
    announcer.textContent = message;
    clearTimeout(note.timer);
    note.timer = setTimeout(() => { note.textContent = ""; announcer.textContent = ""; }, 4000);
  }

  function makeCopyLink(link) {
    const heading = link.parentElement.cloneNode(true);
    for (const extra of heading.querySelectorAll(".headerlink, .dpup-link-copied")) extra.remove();
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
      history.replaceState(history.state, "", link.getAttribute("href"));
      copyText(location.href).then(() => say(note, "Link copied"),
                                   () => say(note, "Copy the link from the address bar"));
    });
  }

  function linkHeadings(root) {
    for (const link of root.querySelectorAll(`${HEADINGS} > a.headerlink:not(.dpup-heading-link)`)) makeCopyLink(link);
    for (const heading of root.querySelectorAll(`${HEADINGS}[id]`)) {
      if (heading.querySelector(":scope > a.headerlink") || heading.closest("legend, button, summary, a")) continue;
      const link = document.createElement("a");
      link.className = "headerlink";
      link.href = `#${encodeURIComponent(heading.id)}`;
      heading.append(link);
      makeCopyLink(link);
    }
  }

  function addHeadingLinks() {
    announcer = document.createElement("div");
    announcer.className = "dpup-offscreen";
    announcer.setAttribute("role", "status");
    document.body.append(announcer);
    linkHeadings(document);
    const article = document.querySelector("article.bd-article");
    if (!article) return;
    let queued = false;
    new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; linkHeadings(article); });
    }).observe(article, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addHeadingLinks);
  else addHeadingLinks();
})();

// Search results: the page's own words quoted, titles that match first.
(() => {
  "use strict";
  // Search (search.html only), on top of Sphinx 7.4's searchtools.js, which has already run and
  // loaded the index when this deferred script runs, and searches once the page is ready.
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC").toLowerCase();

  // The page's own words: the article, without the print-only contents list, the heading link
  // buttons and the tool's scripts. (Sphinx quotes the whole main block, which starts with the
  // contents list that only paper shows.)
  function pageText(htmlText, anchor) {
    const doc = new DOMParser().parseFromString(htmlText, "text/html");
    for (const extra of doc.querySelectorAll("#jb-print-docs-body, .headerlink, script, style, nav")) extra.remove();
    const main = doc.querySelector("article.bd-article") || doc.querySelector('[role="main"]');
    if (!main) return "";
    const part = anchor ? main.querySelector(anchor) : null;
    return (part || main).textContent.replace(/\s+/g, " ").trim().normalize("NFC");
  }

  // Quote the words themselves, with blanks collapsed and macrons folded ("whanau" finds
  // "whānau" to quote; Sphinx quotes 240 characters around the word as typed).
  function quoteSearchResults() {
    Search.makeSearchSummary = (htmlText, keywords, anchor) => {
      const text = pageText(htmlText, anchor);
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

  // A page whose title holds every word searched for comes first ("tangata" finds He Tāngata
  // before the pages that mention it); a section whose title does comes next.
  function rankTitlesFirst() {
    const words = splitQuery(new URLSearchParams(location.search).get("q") || "").map(fold);
    if (!words.length) return;
    const holdsEvery = (title) => words.every((word) => fold(title).includes(word));
    Scorer.score = (result) => {
      const [, title, anchor, , score] = result;
      const [pageTitle, sectionTitle] = title.split(" > ");
      if (holdsEvery(pageTitle) && !anchor) return score + 100;
      if (holdsEvery(sectionTitle || pageTitle)) return score + 50;
      return score;
    };
  }

  function improveSearch() {
    if (typeof Search === "undefined" || typeof Search.makeSearchSummary !== "function") return;
    quoteSearchResults();
    rankTitlesFirst();
  }

  improveSearch();
})();
