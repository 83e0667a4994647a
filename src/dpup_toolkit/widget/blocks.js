// The record's layout, made once in the browser: the same blocks as records/blocks.py (see there
// for the kinds of block and run, and how each writer shows them). records.js writes them as Markdown and
// widgets/docx/record.mjs as a Word file (it gets `recordBlocks` in records.js's RECORD_RULES). A
// part loaded with records.js, when a person first downloads, copies or opens a record.
import {
  LONG_SENTENCE, NEEDS_REASON, SPACE_ENDS, aboutLines, allItems, answerLabel, answerOf, becauseLines, catalogueParts,
  cleanAnswers, itemById, needsReason, optionLabel, progressOf, resultsOf,
} from "./rules.js";

const MARKDOWN_ONLY = "markdown";
const WORD_ONLY = "word";

// Runs and blocks (words, label, line, text and block in records/blocks.py); the names are long
// because the modules share one scope once bundled.
const wordsRun = (value) => ["words", value];
const labelRun = (value) => ["label", value];
const lineRun = (value) => ["line", value];
const textRun = (value) => ["text", value];
const recordBlock = (kind, runs, only = null) => ({ kind, runs, only });

const RESULT_BLOCKS = {
  // Each question not met, numbered, with what to do (and, in Word, the note written on it).
  unmet(def, result, answers) {
    const out = [];
    result.items.forEach((id, i) => {
      const item = itemById(def, id);
      out.push(recordBlock("step", [wordsRun(`${i + 1}. `), lineRun(item.prompt)]));
      if (needsReason(def, item, answers[id])) {
        out.push(recordBlock("step_line", [labelRun("What to do: "), lineRun(NEEDS_REASON)], MARKDOWN_ONLY),
          recordBlock("step_line", [labelRun("Needs a reason: "), lineRun(NEEDS_REASON)], WORD_ONLY));
      } else {
        out.push(recordBlock("step_line", [labelRun("What to do: "), lineRun(item.action)]));
      }
      const note = (answers[id] || {}).note;
      if (note) out.push(recordBlock("paragraph", [labelRun("Your note: "), textRun(note)], WORD_ONLY));
    });
    if (!result.items.length) out.push(recordBlock("paragraph", [wordsRun("Nothing is marked as not met.")]));
    return out;
  },
  // The text the answers make, part by part, and its plain-language check with the long sentences.
  template(def, result) {
    const out = result.parts.length ? [] : [recordBlock("paragraph", [wordsRun("Nothing written yet: answer the questions below.")])];
    for (const part of result.parts) {
      if (part.heading) out.push(recordBlock("subheading", [lineRun(part.heading)]));
      out.push(recordBlock("paragraph", [textRun(part.text)]));
    }
    const check = result.plain_language;
    if (check && result.parts.length) {
      out.push(recordBlock("lead", [wordsRun(`Plain language: ${check.sentences} sentences, ${check.average} words a `
        + `sentence on average. Sentences over ${LONG_SENTENCE} words: ${check.long.length}.`)]));
      out.push(...check.long.map((sentence) => recordBlock("bullet", [lineRun(sentence)])));
    }
    return out;
  },
  // The recommendation the choices lead to, the answers that led to it, and what to read about it.
  rules(def, result) {
    const chosen = result.recommendation;
    if (!chosen) return [recordBlock("paragraph", [wordsRun("No recommendation yet: answer the questions below.")])];
    const out = [recordBlock("paragraph", [labelRun("Recommendation: "), lineRun(chosen.title)])];
    if (chosen.because.length) {
      out.push(recordBlock("lead", [wordsRun("Because you said:")]), ...becauseLines(def, chosen.because)
        .map(([prompt, joint, answer]) => recordBlock("bullet", [lineRun(prompt), wordsRun(joint), lineRun(answer)])));
    }
    out.push(recordBlock("paragraph", [textRun(chosen.text)]));
    if (chosen.links.length) {
      const titles = chosen.links.flatMap((link, i) => [...(i ? [wordsRun("; ")] : []), lineRun(link.title)]);
      out.push(recordBlock("paragraph", [wordsRun("Read more: "), ...titles]));
    }
    return out;
  },
  // The score, and the questions answered wrongly.
  score(def, result) {
    return [recordBlock("paragraph", [wordsRun(`${result.correct} of ${result.total} correct.`)]),
      ...(result.wrong.length ? [recordBlock("lead", [wordsRun("Questions you answered wrongly:")]),
        ...result.wrong.map((id) => recordBlock("bullet", [lineRun(itemById(def, id).prompt)]))] : [])];
  },
  // The tools (and case studies) that fit the role and stage chosen, best first, each with why.
  catalogue(def, result) {
    if (!(result.role || result.stage)) return [recordBlock("paragraph", [wordsRun("Nothing chosen yet: choose below to see what fits.")])];
    return catalogueParts(def, result).flatMap(([heading, entries, none]) => [
      recordBlock("subheading", [wordsRun(heading)]),
      ...entries.flatMap((entry) => [recordBlock("bullet", [lineRun(entry.title), wordsRun(": "), lineRun(entry.summary),
        ...(entry.minutes ? [wordsRun(` About ${entry.minutes} minutes.`)] : [])]),
      recordBlock("step_line", [labelRun("Why: "), lineRun(entry.why)])]),
      ...(entries.length ? [] : [recordBlock("paragraph", [wordsRun(none)])]),
    ]);
  },
};

// An item's answer: typed text quoted, a choice with whether it is right, a question with the
// reason it does not apply.
function answerBlocks(def, item, entry) {
  const answer = entry.answer;
  if (item.kind === "text") {
    const typed = answerOf(item, { [item.id]: entry });
    return [typed ? recordBlock("quote", [labelRun("Answer: "), textRun(typed)]) : recordBlock("paragraph", [labelRun("Answer: "), wordsRun("Not written")])];
  }
  if (item.kind === "choice") {
    const out = [recordBlock("paragraph", [labelRun("Answer: "), answer ? lineRun(optionLabel(item, answer)) : wordsRun("Not answered")])];
    if (item.correct && answer) {
      const right = answer === item.correct ? [wordsRun("Correct.")]
        : [wordsRun("Not correct. The right answer is: "), lineRun(optionLabel(item, item.correct)), wordsRun(".")];
      const explanation = item.options.find((option) => option.value === answer).explanation;
      out.push(recordBlock("paragraph", right), recordBlock("paragraph", [textRun(explanation)]));
    }
    return out;
  }
  const out = [recordBlock("paragraph", [labelRun("Answer: "), answer ? lineRun(answerLabel(def, answer)) : wordsRun("Not answered")])];
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

// One shown item: its prompt, its answer and the note written on it (a text item is its own note).
function itemBlocks(def, item, entry) {
  const out = [recordBlock("subheading", [lineRun(item.prompt)]), ...answerBlocks(def, item, entry)];
  if (item.kind !== "text" && entry.note) out.push(recordBlock("quote", [labelRun("Note: "), textRun(entry.note)]));
  return out;
}

// The title, what is being checked and by whom, which tool and when, and how far it got.
function headerBlocks(def, status, exportedAt, about) {
  const out = [recordBlock("title", [lineRun(def.title), wordsRun(": record")]),
    ...aboutLines(about).map(([name, value]) => recordBlock("detail", [labelRun(`${name}: `), lineRun(value)])),
    recordBlock("detail", [labelRun("Checklist: "), wordsRun(`${def.id}, version ${def.version}`)]),
    recordBlock("detail", [labelRun("Exported: "), lineRun(exportedAt)])];
  if (status.hasQuestions) {
    out.push(recordBlock("detail", [labelRun("Progress: "), wordsRun(`${status.answered} of ${status.total} questions answered`)]),
      recordBlock("detail", [labelRun("Not met: "), wordsRun(String(status.unmet.length))]));
  } else {
    out.push(recordBlock("detail", [labelRun("Progress: "), wordsRun(`${status.answered} of ${status.total} answered`)]));
  }
  return out;
}

// records/blocks.py _skipped: a question left out, which answer would bring it in, and the answer given.
function skippedBlock(def, item, answers) {
  const asked = itemById(def, item.show_if.item);
  const labelOf = (value) => (asked.kind === "choice" ? optionLabel(asked, value) : answerLabel(def, value));
  const wanted = item.show_if.answer_in.flatMap((value, n) => [...(n ? [wordsRun(" or ")] : []), lineRun(labelOf(value))]);
  const given = (answers[asked.id] || {}).answer;
  return recordBlock("detail", [lineRun(item.prompt), wordsRun(" Skipped: it is asked only when “"), lineRun(asked.prompt),
    wordsRun("” is answered "), ...wanted, wordsRun(". Answered: "), given ? lineRun(labelOf(given)) : wordsRun("not yet"), wordsRun(".")]);
}

// records/blocks.py record_blocks: the header, each result, the shown items not yet answered
// (Markdown only), then every shown item by section. `rawAnswers` as saved (they are cleaned here).
function recordBlocks(def, rawAnswers, exportedAt, about = {}) {
  const answers = cleanAnswers(def, rawAnswers);
  const status = progressOf(def, answers);
  const shownIds = new Set(status.shown.map((item) => item.id));
  const out = headerBlocks(def, status, exportedAt, about);
  for (const result of resultsOf(def, answers)) {
    out.push(recordBlock("heading", [lineRun(result.title)]), ...RESULT_BLOCKS[result.kind](def, result, answers));
  }
  const unanswered = allItems(def).filter((item) => shownIds.has(item.id) && !answerOf(item, answers));
  if (unanswered.length) {
    out.push(recordBlock("heading", [wordsRun("Not yet answered")], MARKDOWN_ONLY),
      ...unanswered.map((item) => recordBlock("bullet", [lineRun(item.prompt)], MARKDOWN_ONLY)));
  }
  const skipped = allItems(def).filter((item) => !shownIds.has(item.id) && item.show_if);
  if (skipped.length) {
    out.push(recordBlock("heading", [wordsRun("Questions skipped because of an answer")]),
      ...skipped.map((item) => skippedBlock(def, item, answers)));
  }
  for (const section of def.sections) {
    const items = section.items.filter((item) => shownIds.has(item.id));
    if (!items.length) continue;
    out.push(recordBlock("heading", [lineRun(section.title)]));
    for (const item of items) out.push(...itemBlocks(def, item, answers[item.id] || {}));
  }
  return out;
}

export { MARKDOWN_ONLY, WORD_ONLY, recordBlocks };
