// The choice kind: one of the item's own options, with its feedback (and, in a quiz, whether it is
// right). A tool page loads this module only when its tool has choice items (kinds.js).
import { h, linksLine } from "./dom.js";
import { noteField, radioGroup } from "./drawing.js";
import { labelRun, lineRun, recordBlock, textRun, wordsRun } from "./record-parts.js";
import { ITEM_KINDS, optionLabel } from "./rules.js";

// How no answer reads, in a record and where people's answers are compared.
const MISSING = "Not answered";

function drawChoice(ctx, item) {
  const id = ctx.id(item);
  // A live region is announced only if it is on the page before its text changes: it stays in the
  // page from the start, empty (and takes no room: see .dpup-guidance:empty), never hidden.
  const feedback = h("div", { className: "dpup-guidance", id: `${id}--guidance`, "aria-live": "polite" });
  const { note, label } = noteField(ctx, item);
  const printAnswer = h("p", { className: "dpup-print-only dpup-print-answer" });
  const printNote = h("p", { className: "dpup-print-only dpup-print-note" });
  const options = radioGroup(ctx, item, item.options);
  const node = h("fieldset", { className: "dpup-item dpup-choice", id, "aria-describedby": `${id}--help` },
    h("legend", { text: item.prompt }),
    h("p", { className: "dpup-help", id: `${id}--help`, text: item.help }),
    options.node, feedback, label, note, printAnswer, printNote, linksLine(item.links));
  function refresh(entry) {
    for (const radio of options.radios) radio.checked = radio.value === entry.answer;
    if (document.activeElement !== note) note.value = entry.note || "";
    const chosen = item.options.find((option) => option.value === entry.answer);
    feedback.replaceChildren();
    if (chosen && item.correct) {
      const right = chosen.value === item.correct; // a tick or a cross beside the words too (checklist.css)
      feedback.append(h("p", { className: `dpup-verdict dpup-verdict--${right ? "right" : "wrong"}` }, h("strong", {
        text: chosen.value === item.correct ? "Correct." : `Not correct. The right answer is: ${optionLabel(item, item.correct)}.`,
      })));
    }
    if (chosen && chosen.explanation) feedback.append(h("p", { text: chosen.explanation }));
    printAnswer.textContent = `Answer: ${chosen ? chosen.label : "Not answered"}`;
    printNote.textContent = entry.note ? `Note: ${entry.note}` : "";
    node.classList.toggle("dpup-answered", Boolean(chosen)); // print shows tick boxes until then
  }
  return { item, node, refresh };
}

// The answer in a record and, in a quiz, whether it is right and the chosen option's explanation.
function choiceAnswerBlocks(def, item, entry) {
  const answer = entry.answer;
  const out = [recordBlock("paragraph", [labelRun("Answer: "), answer ? lineRun(optionLabel(item, answer)) : wordsRun(MISSING)])];
  if (item.correct && answer) {
    const right = answer === item.correct ? [wordsRun("Correct.")]
      : [wordsRun("Not correct. The right answer is: "), lineRun(optionLabel(item, item.correct)), wordsRun(".")];
    const explanation = item.options.find((option) => option.value === answer).explanation;
    out.push(recordBlock("paragraph", right), recordBlock("paragraph", [textRun(explanation)]));
  }
  return out;
}

ITEM_KINDS.choice = {
  draw: drawChoice,
  typed: false,
  judged: false,
  allowed: (def, item) => item.options.map((option) => option.value),
  label: (def, item, value) => optionLabel(item, value),
  missing: MISSING,
  asksReason: () => false,
  keepsReason: () => false,
  withdrawn: () => false,
  answerBlocks: choiceAnswerBlocks,
};

export { drawChoice };
