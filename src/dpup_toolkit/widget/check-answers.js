// "Check your answers", before a record is kept: each section's questions with the answer given,
// the reason a question does not apply and the note where there is one; the questions skipped
// because of an answer, and which answer; those not answered yet, marked plainly. Each row has a
// "Change" link that takes focus to its question (below the bar: wayfinder.js moves focus for
// links to places in the tool), and from there a link leads back to the row. Drawn from the tool's
// data alone, the same way for every tool; on paper each answer prints in its question instead.
import { h, plural } from "./dom.js";
import { SPACE_ENDS, allItems, answerOf, itemById, itemKind } from "./rules.js";

// The answer that brings a skipped question back (records/blocks.py _skipped says the same).
function askedOnlyWhen(def, item) {
  const asked = itemById(def, item.show_if.item);
  const labelOf = (value) => itemKind(asked).label(def, asked, value);
  return `asked only when “${asked.prompt}” is answered ${item.show_if.answer_in.map(labelOf).join(" or ")}.`;
}

// In the form, where the question is gone, the sentence names it.
function skippedSentence(def, item) {
  return `Skipped: “${item.prompt}” is ${askedOnlyWhen(def, item)}`;
}

// The question that decides whether a skipped one is asked, or, when that one is skipped too, the
// first shown question up the chain: where a person changes what skipped it.
function decidingItem(def, item, shownIds) {
  let asked = itemById(def, item.show_if.item);
  while (!shownIds.has(asked.id) && asked.show_if) asked = itemById(def, asked.show_if.item);
  return asked;
}

const setText = (node, text) => {
  if (node.textContent !== text) node.textContent = text;
  node.hidden = !text;
};

// One row: the question, what was answered, and its Change link. The row's parts are the same
// whatever the answers (a form drawn at build time and the live one match part for part).
function drawRow(ctx, ui, item) {
  const els = {
    answer: h("p", { className: "dpup-summary-answer" }),
    reason: h("p", { className: "dpup-summary-reason" }),
    note: h("p", { className: "dpup-summary-note" }),
    which: h("span", { className: "dpup-screen-hidden" }),
  };
  els.change = h("a", { className: "dpup-change", id: ui.uiId(`change-${item.id}`), href: `#${ctx.id(item)}` },
    "Change", els.which);
  const node = h("div", { className: "dpup-summary-row" },
    h("dt", { text: item.prompt }),
    h("dd", { className: "dpup-summary-value" }, els.answer, els.reason, els.note),
    h("dd", { className: "dpup-summary-action" }, els.change));

  function refresh(shownIds, answers) {
    const entry = answers[item.id] || {};
    const skipped = !shownIds.has(item.id);
    const given = skipped ? null : answerOf(item, answers);
    const target = skipped ? decidingItem(ctx.def, item, shownIds) : item;
    node.classList.toggle("dpup-summary-missing", !skipped && !given);
    node.classList.toggle("dpup-summary-skipped", skipped);
    let answer = skipped ? `Skipped: ${askedOnlyWhen(ctx.def, item)}`
      : given ? itemKind(item).label(ctx.def, item, given) : itemKind(item).missing;
    if (!skipped && !given) answer = `${answer} yet`;
    setText(els.answer, answer);
    els.answer.classList.toggle("dpup-long-words", /[^ \t\r\n]{60}/.test(answer));
    const notApplicable = Boolean(given) && itemKind(item).keepsReason(ctx.def, item, given);
    const reason = typeof entry.reason === "string" ? entry.reason.replace(SPACE_ENDS, "") : "";
    setText(els.reason, notApplicable ? `Why it does not apply: ${reason || "Not given yet"}` : "");
    const note = !skipped && !itemKind(item).typed && typeof entry.note === "string" ? entry.note.replace(SPACE_ENDS, "") : "";
    setText(els.note, note ? `Your note: ${note}` : "");
    els.note.classList.toggle("dpup-long-words", /[^ \t\r\n]{60}/.test(note));
    const href = `#${ctx.id(target)}`;
    if (els.change.getAttribute("href") !== href) els.change.setAttribute("href", href);
    setText(els.which, skipped ? ` the answer to “${target.prompt}”, which decides whether “${item.prompt}” is asked`
      : ` your answer to “${item.prompt}”`);
    return { given: Boolean(given), skipped };
  }
  return { item, node, change: els.change, refresh };
}

// A link placed just after the question a Change link led to, back to that row's Change link.
function drawBack(ui) {
  const link = h("a", { className: "dpup-back-to-check", href: "#", text: "Back to Check your answers" });
  const node = h("p", { className: "dpup-back-to-check-line" }, link);
  // Taken off once used: the tool's own handler (wayfinder.js) has moved focus by then.
  link.addEventListener("click", () => setTimeout(() => node.remove(), 0));
  return {
    node,
    offer(row, question) {
      link.setAttribute("href", `#${row.change.id}`);
      question.after(node);
    },
  };
}

// ctx: what the items are drawn with (def, id(item)). ui: { root, uiId(name) }.
// Returns { node, refresh(state, answers) }.
function drawCheckAnswers(ctx, ui) {
  const { def } = ctx;
  const rows = new Map(allItems(def).map((item) => [item.id, drawRow(ctx, ui, item)]));
  const count = h("p", { className: "dpup-check-count" });
  const back = drawBack(ui);
  const sections = def.sections.map((section) => h("div", { className: "dpup-check-section" },
    h("h3", { text: section.title }),
    h("dl", { className: "dpup-summary" }, ...section.items.map((item) => rows.get(item.id).node))));
  const node = h("section", { className: "dpup-check-answers", "aria-labelledby": ui.uiId("check") },
    h("h2", { id: ui.uiId("check"), text: "Check your answers" }),
    h("p", { text: "Before you keep a record, read your answers through. Use “Change” to go to a question; "
      + "a link after it brings you back here." }),
    count, ...sections);
  for (const row of rows.values()) {
    row.change.addEventListener("click", () => {
      const question = ui.root.querySelector(`#${CSS.escape(row.change.getAttribute("href").slice(1))}`);
      if (question) back.offer(row, question);
    });
  }

  function refresh(state, answers) {
    const shownIds = new Set(state.shown.map((item) => item.id));
    let missing = 0;
    let skipped = 0;
    for (const row of rows.values()) {
      const seen = row.refresh(shownIds, answers);
      if (seen.skipped) skipped += 1;
      else if (!seen.given) missing += 1;
    }
    const parts = [`${state.answered} of ${state.total} answered.`];
    if (missing) parts.push(`${plural(missing, "question")} not answered yet.`);
    if (skipped) parts.push(`${plural(skipped, "question")} skipped because of an answer.`);
    setText(count, parts.join(" "));
  }
  return { node, refresh };
}

export { drawCheckAnswers, skippedSentence };
