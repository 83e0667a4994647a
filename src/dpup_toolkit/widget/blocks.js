// The record's layout, made once in the browser: the same blocks as records/blocks.py (see there
// for the kinds of block and run, and how each writer shows them). records.js writes them as Markdown and
// widgets/docx/record.mjs as a Word file (it gets `recordBlocks` in records.js's RECORD_RULES). A
// part loaded with records.js, when a person first downloads, copies or opens a record. What is
// common to every kind of item is here; how an item's answer goes in a record is its kind's
// (answerBlocks in item-*.js). Runs and blocks are made with record-parts.js.
import { MARKDOWN_ONLY, WORD_ONLY, labelRun, lineRun, recordBlock, textRun, wordsRun } from "./record-parts.js";
import {
  LONG_SENTENCE, NEEDS_REASON, aboutLines, allItems, answerOf, becauseLines, catalogueParts, cleanAnswers, itemById,
  itemKind, needsReason, progressOf, resultsOf,
} from "./rules.js";

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

// One shown item: its prompt, its answer and the note written on it (a text item is its own note).
function itemBlocks(def, item, entry) {
  const kind = itemKind(item);
  const out = [recordBlock("subheading", [lineRun(item.prompt)]), ...kind.answerBlocks(def, item, entry)];
  if (!kind.typed && entry.note) out.push(recordBlock("quote", [labelRun("Note: "), textRun(entry.note)]));
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
  const labelOf = (value) => itemKind(asked).label(def, asked, value);
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

export { recordBlocks };
