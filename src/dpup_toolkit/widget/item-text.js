// The text kind: free text typed in answer, with warnings about vague phrases as the person types.
// The text is its own note. A tool page loads this module only when its tool has text items (kinds.js).
import { h, linksLine } from "./dom.js";
import { labelRun, recordBlock, textRun, wordsRun } from "./record-parts.js";
import { ITEM_KINDS, WS_RUN, answerOf } from "./rules.js";

// How no answer reads, in a record and where people's answers are compared.
const MISSING = "Not written";

const LETTER = /[\p{L}\p{N}]/u;

// A phrase is found in any case, across line breaks and runs of spaces, where a word starts: "as
// required" is not found in "has required"; "other purpose" is found in "other purposes".
function vagueWarnings(item, text) {
  const lower = text.toLowerCase().split(WS_RUN).join(" ");
  return item.warnings.filter((warning) => {
    const phrase = warning.phrase.toLowerCase();
    for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
      if (at === 0 || !LETTER.test(lower[at - 1])) return true;
    }
    return false;
  });
}

function drawText(ctx, item) {
  const id = ctx.id(item);
  const field = h("textarea", {
    id: `${id}--text`, rows: 3, className: "dpup-note dpup-text",
    "aria-describedby": `${id}--help${item.example ? ` ${id}--example` : ""} ${id}--warnings`,
  });
  const warnings = h("div", { className: "dpup-warnings", id: `${id}--warnings`, "aria-live": "polite" });
  const printAnswer = h("p", { className: "dpup-print-only dpup-print-answer" });
  const node = h("div", { className: "dpup-item dpup-text-item", id, role: "group", "aria-labelledby": `${id}--label` },
    h("label", { for: field.id, id: `${id}--label`, className: "dpup-prompt", text: item.prompt }),
    h("p", { className: "dpup-help", id: `${id}--help`, text: item.help }),
    item.example ? h("p", { className: "dpup-example", id: `${id}--example` },
      h("strong", { text: "For example: " }), item.example) : null,
    field, warnings, printAnswer, linksLine(item.links));
  function showWarnings(text) {
    const found = vagueWarnings(item, text);
    const key = found.map((warning) => warning.phrase).join("\n");
    if (warnings.dataset.showing === key) return; // unchanged: do not make screen readers repeat it
    warnings.dataset.showing = key;
    warnings.replaceChildren(...found.map((warning) => h("p", { className: "dpup-warning" },
      h("strong", { text: `“${warning.phrase}” makes a purpose vague. ` }), warning.advice)));
  }
  field.addEventListener("input", () => {
    showWarnings(field.value);
    ctx.update(item.id, { answer: field.value }, { sync: false });
  });
  field.addEventListener("change", () => ctx.update(item.id, { answer: field.value }));
  function refresh(entry) {
    if (document.activeElement !== field) field.value = entry.answer || "";
    showWarnings(field.value);
    printAnswer.textContent = entry.answer ? entry.answer : "Not written yet.";
    node.classList.toggle("dpup-written", Boolean(entry.answer)); // print leaves out the example then
  }
  return { item, node, refresh };
}

// The answer in a record: the text quoted, trimmed at its ends.
function textAnswerBlocks(def, item, entry) {
  const typed = answerOf(item, { [item.id]: entry });
  return [typed ? recordBlock("quote", [labelRun("Answer: "), textRun(typed)])
    : recordBlock("paragraph", [labelRun("Answer: "), wordsRun(MISSING)])];
}

ITEM_KINDS.text = {
  draw: drawText,
  typed: true,
  judged: false,
  allowed: () => null,
  label: (def, item, value) => value,
  missing: MISSING,
  asksReason: () => false,
  keepsReason: () => false,
  withdrawn: () => false,
  answerBlocks: textAnswerBlocks,
};

export { drawText, vagueWarnings };
