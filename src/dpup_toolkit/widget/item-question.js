// The question kind: a scale of answers (the tool's own), guidance on the answer, a reason when
// "not applicable" is chosen, and a note. Its answers are met or not met (the tool's `met`). The
// kind an item is when its tool file names none (schema.py), so it comes with the entry (kinds.js).
import { h, linksLine } from "./dom.js";
import { noteField, radioGroup } from "./drawing.js";
import { MARKDOWN_ONLY, WORD_ONLY, labelRun, lineRun, recordBlock, textRun, wordsRun } from "./record-parts.js";
import { ITEM_KINDS, NEEDS_REASON, SPACE_ENDS, answerLabel, needsReason, offered } from "./rules.js";

// How no answer reads, in a record and where people's answers are compared.
const MISSING = "Not answered";

// Shown when "not applicable" is chosen: the reason it needs before it counts as met.
function reasonField(ctx, item) {
  const id = `${ctx.id(item)}--reason`;
  const field = h("textarea", {
    id, rows: 2, className: "dpup-note dpup-reason", "aria-required": "true", "aria-describedby": `${id}-hint`,
  });
  field.addEventListener("input", () => ctx.update(item.id, { reason: field.value }, { sync: false }));
  field.addEventListener("change", () => ctx.update(item.id, { reason: field.value }));
  const node = h("div", { className: "dpup-reason-box", hidden: true },
    h("label", { for: id, className: "dpup-note-label", text: "Why does this not apply? (needed)" }),
    h("p", { className: "dpup-help", id: `${id}-hint`, text: "Until you say why, this question stays under What to do next." }),
    field);
  return { field, node };
}

const GUIDANCE_PREFIX = { met: "Met: ", unmet: "Not met: ", reason: "Needs a reason: " };

function drawQuestion(ctx, item) {
  const { def } = ctx;
  const id = ctx.id(item);
  const guidance = h("div", { className: "dpup-guidance", id: `${id}--guidance`, hidden: true });
  const { note, label } = noteField(ctx, item);
  const printAnswer = h("p", { className: "dpup-print-only dpup-print-answer" });
  const printReason = h("p", { className: "dpup-print-only dpup-print-reason" });
  const printNote = h("p", { className: "dpup-print-only dpup-print-note" });
  const choices = offered(def, item);
  const options = radioGroup(ctx, item, def.answers.filter((option) => choices.includes(option.value)));
  const reason = def.not_applicable && choices.includes(def.not_applicable) ? reasonField(ctx, item) : null;
  const node = h("fieldset", { className: "dpup-item", id, "aria-describedby": `${id}--help` },
    h("legend", { text: item.prompt }),
    h("p", { className: "dpup-help", id: `${id}--help`, text: item.help }),
    options.node, guidance, reason && reason.node, label, note, printAnswer, printReason, printNote,
    linksLine(item.links));
  function refresh(entry) {
    for (const radio of options.radios) radio.checked = radio.value === entry.answer;
    if (document.activeElement !== note) note.value = entry.note || "";
    const notApplicable = Boolean(entry.answer) && entry.answer === def.not_applicable;
    if (reason) {
      reason.node.hidden = !notApplicable;
      if (document.activeElement !== reason.field) reason.field.value = entry.reason || "";
    }
    guidance.replaceChildren();
    if (entry.answer) {
      // Met, not met and needs-a-reason differ in words and border, not only in colour.
      const state = needsReason(def, item, entry) ? "reason" : def.met.includes(entry.answer) ? "met" : "unmet";
      guidance.className = `dpup-guidance dpup-guidance-${state}`;
      guidance.append(h("p", {}, h("strong", { text: GUIDANCE_PREFIX[state] }), item.guidance[entry.answer]));
      if (state !== "met") {
        guidance.append(h("p", {}, h("strong", { text: "What to do: " }), state === "reason" ? NEEDS_REASON : item.action));
      }
    }
    guidance.hidden = !entry.answer;
    printAnswer.textContent = `Answer: ${entry.answer ? answerLabel(def, entry.answer) : "Not answered"}`;
    printReason.textContent = notApplicable
      ? `Why it does not apply: ${(entry.reason || "").replace(SPACE_ENDS, "") || "Not given yet"}` : "";
    printNote.textContent = entry.note ? `Note: ${entry.note}` : "";
    node.classList.toggle("dpup-answered", Boolean(entry.answer)); // print shows tick boxes until then
  }
  return { item, node, refresh };
}

// The answer in a record, and the reason when it does not apply: Markdown quotes the reason as typed,
// Word shows it trimmed.
function questionAnswerBlocks(def, item, entry) {
  const answer = entry.answer;
  const out = [recordBlock("paragraph", [labelRun("Answer: "), answer ? lineRun(answerLabel(def, answer)) : wordsRun(MISSING)])];
  if (answer && answer === def.not_applicable) {
    const reason = entry.reason || "";
    if (reason.replace(SPACE_ENDS, "")) {
      out.push(recordBlock("quote", [labelRun("Why it does not apply: "), textRun(reason)], MARKDOWN_ONLY),
        recordBlock("paragraph", [labelRun("Why it does not apply: "), textRun(reason.replace(SPACE_ENDS, ""))], WORD_ONLY));
    } else {
      out.push(recordBlock("paragraph", [labelRun("Why it does not apply: "), wordsRun("Not given yet")]));
    }
  }
  return out;
}

ITEM_KINDS.question = {
  draw: drawQuestion,
  typed: false,
  judged: true,
  allowed: (def, item) => offered(def, item),
  label: (def, item, value) => answerLabel(def, value),
  missing: MISSING,
  asksReason: (def, item, answer) => Boolean(def.not_applicable) && answer === def.not_applicable,
  keepsReason: (def, item, answer) => answer === def.not_applicable,
  // "not applicable", once the tool file turns it off for this question (`not_applicable: false`).
  withdrawn: (def, item, answer) => answer === def.not_applicable && item.not_applicable === false,
  answerBlocks: questionAnswerBlocks,
};

export { drawQuestion };
