// Front-end of ChecklistWidget (checklist.py): draws a checklist as a native form, keeps the
// answers in this browser's localStorage, and exports the same records as record.py. This module
// wires the widget's rooms together; each lives in a module of its own:
//
// - rules.js: progress, results and what a record holds (the same rules as the Python engine);
// - storage.js and saved-checks.js: what is saved in this browser, and the saved checks' list;
// - session.js: the open check's answers and details, and every write of them (`commit`), Undo;
// - kinds.js: the kinds of item and result, each in its own module (item-*.js, result-*.js),
//   loaded when a tool has them; the kind an item is when its file names none comes with this one;
// - about-section.js, wayfinder.js, record-buttons.js, checks-control.js, compare-section.js:
//   the parts of the form around the items; feedback.js places the messages.
//
// What not every visit needs loads with import() when a person first needs it: records.js
// (downloads, copy, import), compare.js (Compare answers), checks.js (saved-check actions).
// esbuild (front_end.py) makes them files of their own on the built site, and puts them inside
// the one module anywidget loads in JupyterLab and Voila.
import { drawAbout } from "./about-section.js";
import { checksControl } from "./checks-control.js";
import { drawCompare } from "./compare-section.js";
import { bookHref, h } from "./dom.js";
import { placeFeedback } from "./feedback.js";
import "./item-question.js"; // the kind an item is when its tool file names none (schema.py): no fetch for it
import { DRAW_RESULT, loadKinds } from "./kinds.js";
import { NOT_LOADED } from "./messages.js";
import { drawKeepRecord, drawRescue } from "./record-buttons.js";
import { allItems, itemById, itemKind, progressOf, progressSummary, resultsOf } from "./rules.js";
import { checksKey } from "./saved-checks.js";
import { createSession } from "./session.js";
import { watchTeReo } from "./te-reo.js";
import { drawCompletion, drawWayfinder } from "./wayfinder.js";

let widgetsOnPage = 0;

// The parts loaded when a person first uses them (import() loads a module once).
const PARTS = {
  records: () => import("./records.js"),
  compare: () => import("./compare.js"),
};

// The tool's messages (role=status and role=alert), placed beside what the person used.
function drawMessages(el, rescue) {
  const status = h("p", { className: "dpup-message", role: "status" });
  const alert = h("p", { className: "dpup-message dpup-message-error", role: "alert" });
  const feedback = placeFeedback(el, () => [status, alert, rescue.node]);
  function say(message, { error = false } = {}) {
    feedback.place(error ? alert : status);
    (error ? alert : status).textContent = message || "";
    (error ? status : alert).textContent = "";
  }
  // A part of the tool (records, compare), or null when it could not be loaded (say why).
  async function using(name) {
    const back = feedback.keep();
    try {
      const loaded = await PARTS[name]();
      back();
      return loaded;
    } catch {
      back();
      say(NOT_LOADED, { error: true });
      rescue.reload.hidden = false;
      return null;
    }
  }
  return { status, alert, say, using };
}

// The items in their sections and the results, each drawn by its kind's module.
function drawItems(def, ctx, prefix) {
  const itemViews = allItems(def).map((item) => itemKind(item).draw(ctx, item));
  const resultViews = def.results.map((result, i) => DRAW_RESULT[result.kind](ctx, result, i));
  const views = new Map(itemViews.map((view) => [view.item.id, view]));
  // A question that comes and goes says, while it is gone, which answer brings it back (records/blocks.py _skipped).
  for (const view of itemViews.filter((v) => v.item.show_if)) {
    const asked = itemById(def, view.item.show_if.item);
    const labelOf = (value) => itemKind(asked).label(def, asked, value);
    view.skipped = h("p", { className: "dpup-skipped", hidden: true,
      text: `Skipped: “${view.item.prompt}” is asked only when “${asked.prompt}” is answered `
        + `${view.item.show_if.answer_in.map(labelOf).join(" or ")}.` });
  }
  const sections = def.sections.map((section) => h("section", {
    className: "dpup-section", "aria-labelledby": `${prefix}-section-${section.id}`,
  },
  h("h2", { id: `${prefix}-section-${section.id}`, text: section.title }),
  section.intro ? h("p", { className: "dpup-intro", text: section.intro }) : null,
  ...section.items.flatMap((item) => [views.get(item.id).node, views.get(item.id).skipped].filter(Boolean))));
  return { itemViews, resultViews, sections };
}

// Everything on the page that follows the answers, shown again after each change.
function showAnswers(el, def, answers, parts) {
  const state = progressOf(def, answers);
  const shownIds = new Set(state.shown.map((item) => item.id));
  for (const view of parts.itemViews) {
    view.node.hidden = !shownIds.has(view.item.id);
    if (view.skipped) view.skipped.hidden = shownIds.has(view.item.id);
    view.refresh(answers[view.item.id] || {});
  }
  for (const section of el.querySelectorAll(".dpup-section")) {
    section.hidden = ![...section.querySelectorAll(".dpup-item")].some((item) => !item.hidden);
  }
  parts.progressText.textContent = progressSummary(state);
  parts.progressBar.max = Math.max(state.total, 1);
  parts.progressBar.value = state.answered;
  parts.wayfinder.refresh(state, answers);
  parts.completion.refresh(state, answers);
  resultsOf(def, answers).forEach((value, i) => parts.resultViews[i].refresh(value, answers));
  // Every textarea: a long unbroken run of letters may break anywhere. Chromium otherwise lays out
  // such a run in a textarea in quadratic time (a 1 MB note of one non-ASCII letter froze the page).
  for (const area of el.querySelectorAll("textarea")) {
    area.classList.toggle("dpup-long-words", /[^ \t\r\n]{60}/.test(area.value));
  }
}

// Listens to the kernel and to other tabs; returns a function that stops listening.
function follow(model, def, session, checks) {
  const onKernelAnswers = () => session.fromKernelAnswers();
  const onKernelAbout = () => session.fromKernelAbout();
  const onOtherTab = (event) => session.fromOtherTab(event);
  const onOtherTabChecks = (event) => {
    if (event.key === null || event.key === checksKey(def)) checks.refresh();
  };
  model.on("change:answers", onKernelAnswers);
  model.on("change:about", onKernelAbout);
  window.addEventListener("storage", onOtherTab);
  window.addEventListener("storage", onOtherTabChecks);
  return () => {
    model.off("change:answers", onKernelAnswers);
    model.off("change:about", onKernelAbout);
    window.removeEventListener("storage", onOtherTab);
    window.removeEventListener("storage", onOtherTabChecks);
  };
}

async function render({ model, el }) {
  const def = model.get("definition");
  widgetsOnPage += 1;
  const number = widgetsOnPage;
  try {
    await loadKinds(def);
  } catch {
    el.replaceChildren(h("p", { className: "dpup-message dpup-message-error",
      text: "This tool could not be loaded (are you offline?). Reload the page to try again." }));
    return () => {};
  }
  watchTeReo(el, model.get("te_reo")); // te reo Māori words marked lang="mi" as the tool draws (te-reo.js)
  // Every element id is namespaced: items, sections and results each under their own word, the
  // widget's own parts after "--" (no item id can contain "--"), so no id in a file can collide.
  const prefix = `dpup-${def.id}${number > 1 ? `-${number}` : ""}`;
  const uiId = (name) => `${prefix}--${name}`;

  const parts = {
    progressText: h("p", { className: "dpup-progress-text", id: uiId("progress"), role: "status" }),
    progressBar: h("progress", { max: 1, value: 0, "aria-labelledby": uiId("progress") }),
  };
  const view = {
    show: () => showAnswers(el, def, session.answers, parts),
    showAbout: () => about.show(),
    say: (...args) => messages.say(...args),
    saved: (ok) => { rescue.saveNow.hidden = ok; },
    undoOffered: (on) => { keep.undo.hidden = !on; },
    recoverOffered: (on) => { rescue.recover.hidden = !on; },
    reloadOffered: (on) => { rescue.reload.hidden = !on; },
  };
  const session = createSession(def, model, view);
  const rescue = drawRescue({ def, session });
  const messages = drawMessages(el, rescue);
  const host = { def, uiId, model, session, using: messages.using, say: messages.say };
  const ctx = {
    def,
    id: (item) => `${prefix}-item-${item.id}`,
    resultId: (i) => `${prefix}-result-${i + 1}`,
    update: (...args) => session.update(...args),
    noteOf: (id) => (session.answers[id] || {}).note || "", // printed under the item's action
  };
  Object.assign(parts, drawItems(def, ctx, prefix));
  const about = drawAbout(uiId, session);
  const places = {
    root: el, sectionId: (section) => `${prefix}-section-${section.id}`, completeId: uiId("complete"), keepId: uiId("keep"),
    progressText: parts.progressText, progressBar: parts.progressBar,
  };
  parts.wayfinder = drawWayfinder(ctx, places);
  parts.completion = drawCompletion(ctx, places);
  const keep = drawKeepRecord(host);
  const checks = checksControl({
    def, uiId, open: (check, message) => session.openCheck(check, message), unsaved: () => session.unsaved,
    downloadRecord: () => rescue.downloadRecord(),
  });
  host.checks = checks; // "Open a saved progress file" may open the file as a new saved check
  // On paper: where the page is online (on the built book; Voila and JupyterLab are local).
  const source = bookHref("index") === null ? null
    : h("p", { className: "dpup-print-only dpup-print-source", text: `Online: ${location.origin}${location.pathname}` });
  el.replaceChildren(h("div", { className: "dpup-checklist" },
    source, checks.line, parts.wayfinder.node, messages.status, messages.alert, rescue.node,
    ...parts.sections, parts.completion.node, ...parts.resultViews.map((result) => result.node), about.node, keep.node,
    checks.node));
  el.firstChild.append(drawCompare(def, uiId, messages.using)); // Compare answers with your team

  session.start(checks.current());
  // The watcher measures the bar once the page is laid out. A link to a place on the page (#...)
  // is followed before that (navigation.js), so then measure now: it lands below the bar.
  if (location.hash || typeof ResizeObserver === "undefined") parts.wayfinder.fit();
  const stop = follow(model, def, session, checks);
  return () => {
    stop();
    keep.dispose();
    parts.wayfinder.dispose();
  };
}

export default { render };
