import { h, plural } from "./dom.js";
import { allItems, answerOf } from "./rules.js";

// Finding your way in a long tool, from the tool's data alone: a small bar that stays in view
// (progress, links to the sections, the next unanswered item), a word on why the total changed,
// a panel once everything is answered, and messages shown beside what the person used.

const FOCUSABLE = "a[href], button, input, textarea, select, summary, [tabindex]";

// Scroll an element of the tool into view (below the bar) and move focus there: for an item its
// chosen option or first control, otherwise the element itself (a heading, made focusable).
function goTo(target) {
  const item = target.closest(".dpup-item");
  let focus = item && (item.querySelector("input:checked") || item.querySelector("input, textarea, select"));
  if (!focus) {
    focus = target.matches("section") ? target.querySelector("h2") || target : target;
    if (!focus.matches(FOCUSABLE)) focus.setAttribute("tabindex", "-1");
  }
  (item || target).scrollIntoView({ block: "start" });
  focus.focus({ preventScroll: true });
}

// How far down the page's own sticky header reaches (the book's theme has one; Voila has none).
function headerHeight() {
  let height = 0;
  for (const header of document.querySelectorAll(".bd-header, .bd-header-article")) {
    const style = getComputedStyle(header);
    if (style.display !== "none" && /sticky|fixed/.test(style.position)) height = Math.max(height, header.offsetHeight);
  }
  return height;
}

// WCAG 2.4.11: a focused element is never hidden under the header and the bar. The browser
// scrolls what gets focus into view, but not clear of sticky things (Shift+Tab upwards leaves it
// at the top of the screen, under them): once it has scrolled, move the page down until the
// element sits below the bar. Nothing moves when the element is already in the clear.
function keepClear(target, bar) {
  if (bar.contains(target) || !(target instanceof Element)) return;
  requestAnimationFrame(() => {
    if (document.activeElement !== target) return;
    const box = target.getBoundingClientRect();
    const barBox = bar.getBoundingClientRect();
    const covered = getComputedStyle(bar).position === "sticky" ? barBox.bottom : headerHeight();
    if (box.height === 0 || box.top >= covered) return;
    window.scrollBy({ top: box.top - covered - 8, behavior: "instant" });
  });
}

// Links to places in the tool move focus there, not only the view (sections, "What to do next");
// the list of sections closes once used, left, or on Escape.
function wireJumps(root, jump, fit) {
  root.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest('a[href^="#"]');
    if (!link || event.defaultPrevented) return;
    const id = decodeURIComponent(link.getAttribute("href").slice(1));
    const target = id && document.getElementById(id);
    if (!target || !root.contains(target)) return;
    event.preventDefault();
    jump.open = false;
    fit(); // the bar's height now, as its message may just have changed
    goTo(target);
  });
  jump.addEventListener("focusout", (event) => {
    if (!jump.contains(event.relatedTarget)) jump.open = false; // moving on closes the list
  });
  jump.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !jump.open) return;
    jump.open = false;
    jump.querySelector("summary").focus();
  });
}

// A message for the bar, said in full: `wide` only where there is room (on a phone it names what
// the person has just done, or what the bar's link already says).
function inFull(start, wide, end) {
  return [start, h("span", { className: "dpup-wide-only", text: wide }), end];
}

// ui: { root (the tool's element), sectionId(section), completeId, progressText, progressBar }.
// Returns { node, refresh(state, answers), dispose() }.
function drawWayfinder(ctx, ui) {
  const { def } = ctx;
  const change = h("p", { className: "dpup-progress-change", role: "status" });
  // Leads to the next unanswered item; once there is none, to the completion panel, and says so.
  const next = h("a", { className: "dpup-next-unanswered", href: `#${ui.completeId}`, text: "Next unanswered question" });
  const targets = [
    ...def.sections.map((section) => ({ id: ui.sectionId(section), title: section.title, section })),
    ...def.results.map((result, i) => ({ id: ctx.resultId(i), title: result.title })),
  ];
  // Each section's link says how far it has got (a task list): not started, in progress or done.
  const statuses = targets.map((target) => (target.section ? h("span", { className: "dpup-task-status" }) : null));
  const links = targets.map((target, i) => h("li", {}, h("a", { href: `#${target.id}` },
    h("span", {}, target.title, target.section ? h("span", { className: "dpup-screen-hidden", text: ":" }) : null), statuses[i])));
  const jump = h("details", { className: "dpup-jump" }, h("summary", { text: "Sections" }), h("ul", {}, ...links));
  const node = h("div", { className: "dpup-progress dpup-wayfinder" },
    h("h2", { className: "dpup-screen-hidden", text: "Your progress" }), ui.progressText, ui.progressBar,
    h("nav", { className: "dpup-wayfinder-nav", "aria-label": "In this tool" }, jump, next), change);

  let shownBefore = null; // the items shown at the last refresh (null before the first)
  let completeBefore = false;
  let cause = null; // the item the person is changing, while its change is handled
  let explained = null; // the item the message in `change` is about
  const items = new Map(allItems(def).map((item) => [ctx.id(item), item]));
  const causeFrom = (event) => {
    const found = event.target instanceof Element && event.target.closest(".dpup-item");
    cause = found ? items.get(found.id) || null : null;
  };
  const causeDone = () => { cause = null; };
  for (const type of ["input", "change"]) {
    ui.root.addEventListener(type, causeFrom, true);
    ui.root.addEventListener(type, causeDone);
  }

  wireJumps(ui.root, jump, fit);
  ui.root.addEventListener("focusin", (event) => keepClear(event.target, node));

  function explain(state) {
    const ids = new Set(state.shown.map((item) => item.id));
    const added = state.shown.filter((item) => !shownBefore.has(item.id)).length;
    const removed = [...shownBefore].filter((id) => !ids.has(id)).length;
    if (!cause) {
      if (added || removed) change.textContent = "";
      return;
    }
    if (!added && !removed) {
      if (explained && explained !== cause) change.textContent = "";
      return;
    }
    const parts = [];
    if (added) parts.push(`${plural(added, "follow-up question")} added`);
    if (removed) parts.push(`${plural(removed, "follow-up question")} no longer ${removed === 1 ? "applies" : "apply"}`);
    change.replaceChildren(...inFull(`${parts.join(" and ")} because of your answer`, ` to “${cause.prompt}”`, "."));
    explained = cause;
  }

  function refresh(state, answers) {
    if (shownBefore) explain(state);
    const shown = new Set(state.shown.map((item) => item.id));
    targets.forEach((target, i) => {
      if (!target.section) return;
      const items = target.section.items.filter((item) => shown.has(item.id));
      const answered = items.filter((item) => answerOf(item, answers)).length;
      links[i].hidden = !items.length;
      statuses[i].textContent = answered === 0 ? "Not started" : answered === items.length ? "Done" : "In progress";
    });
    const waiting = state.shown.find((item) => !answerOf(item, answers));
    next.setAttribute("href", `#${waiting ? ctx.id(waiting) : ui.completeId}`);
    const complete = state.total > 0 && !waiting;
    next.textContent = complete ? "All answered: what next" : "Next unanswered question";
    next.hidden = !waiting && !complete; // nothing shown to answer: no panel to lead to either
    if (complete && !completeBefore && shownBefore && cause) {
      change.replaceChildren(...inFull("Everything is answered.", " What to do next is below the last question.", ""));
      explained = cause;
    }
    completeBefore = complete;
    shownBefore = shown;
  }

  // The bar sits below the page's sticky header; what a link leads to lands below the bar.
  // Reading sizes makes the browser lay the page out, so it is done only when they may have
  // changed (the watcher reports the bar's size once the page is first laid out, not before),
  // and a style is written only when it changes, which would make it lay the page out again.
  function fit() {
    for (const [name, value] of [["--dpup-top", `${headerHeight()}px`], ["--dpup-covered", `${node.offsetHeight + 8}px`]]) {
      if (ui.root.style.getPropertyValue(name) !== value) ui.root.style.setProperty(name, value);
    }
  }
  const watcher = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(fit);
  if (watcher) watcher.observe(node);
  window.addEventListener("resize", fit);
  return {
    node,
    refresh,
    fit,
    dispose() {
      if (watcher) watcher.disconnect();
      window.removeEventListener("resize", fit);
    },
  };
}

// Shown once every item on the page is answered: where to go next. Links only, so it never takes
// focus by itself (the bar's "All answered: what next" leads here).
function drawCompletion(ctx, ui) {
  const { def } = ctx;
  const heading = h("h2", { id: ui.completeId, tabindex: "-1", text: "Everything is answered" });
  const results = def.results.map((result, i) => h("li", {}, h("a", { href: `#${ctx.resultId(i)}`, text: `Read the results: ${result.title}` })));
  const node = h("section", { className: "dpup-complete", "aria-labelledby": ui.completeId, hidden: true },
    heading,
    h("p", { text: "You have answered every question shown. What next:" }),
    h("ul", {}, ...results,
      h("li", {}, h("a", { href: `#${ui.checkId}`, text: "Check your answers" })),
      h("li", {}, h("a", { href: `#${ui.keepId}`, text: "Keep a record: download it, or print it or save it as a PDF" }))));
  function refresh(state, answers) {
    node.hidden = !(state.total > 0 && state.shown.every((item) => answerOf(item, answers)));
  }
  return { node, refresh };
}

export { drawCompletion, drawWayfinder };
