// The Word (.docx) record on the static site: the same blocks as src/dpup_toolkit/docx_record.py
// (see there), written with the docx library (MIT, pinned in package.json; esbuild puts it into
// this module on the built site, widget/front_end.py).
// checklist.js imports this module only when "Download for Word (.docx)" is pressed, and hands it
// the record rules it needs (RECORD_RULES), so the page never loads any of it.
import * as docx from "docx";

const LINE_BREAK = /\r\n|\r|\n/g;
// Characters XML 1.0 cannot hold (Word refuses a file with them), and lone surrogates.
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xmlSafe(text) {
  return String(text).replace(LINE_BREAK, "\n").replace(NOT_XML, "\ufffd");
}

const RESULT_BLOCKS = {
  unmet(rules, def, result, answers) {
    const out = [];
    result.items.forEach((id, i) => {
      const item = rules.itemById(def, id);
      out.push(["h2", `${i + 1}. ${item.prompt}`], rules.needsReason(def, item, answers[id])
        ? ["label", "Needs a reason: ", rules.NEEDS_REASON] : ["label", "What to do: ", item.action]);
      const note = (answers[id] || {}).note;
      if (note) out.push(["label", "Your note: ", note]);
    });
    if (!result.items.length) out.push(["p", "Nothing is marked as not met."]);
    return out;
  },
  template(rules, def, result) {
    const out = [];
    if (!result.parts.length) out.push(["p", "Nothing written yet: answer the questions below."]);
    for (const part of result.parts) {
      if (part.heading) out.push(["h2", part.heading]);
      out.push(["p", part.text]);
    }
    const check = result.plain_language;
    if (check && result.parts.length) {
      out.push(["p", `Plain language: ${check.sentences} sentences, ${check.average} words a sentence `
        + `on average. Sentences over ${rules.LONG_SENTENCE} words: ${check.long.length}.`]);
      out.push(...check.long.map((sentence) => ["bullet", sentence]));
    }
    return out;
  },
  rules(rules, def, result) {
    const chosen = result.recommendation;
    if (!chosen) return [["p", "No recommendation yet: answer the questions below."]];
    const out = [["label", "Recommendation: ", chosen.title], ["p", chosen.text]];
    if (chosen.links.length) out.push(["p", `Read more: ${chosen.links.map((link) => link.title).join("; ")}`]);
    return out;
  },
  score(rules, def, result) {
    return [["p", `${result.correct} of ${result.total} correct.`]];
  },
  catalogue(rules, def, result) {
    if (!(result.role || result.stage)) return [["p", "Nothing chosen yet: choose below to see what fits."]];
    return rules.catalogueParts(def, result).flatMap(([heading, entries, none]) => [
      ["h2", heading],
      ...entries.map((entry) => ["bullet", `${entry.title}: ${entry.summary}${entry.minutes ? ` About ${entry.minutes} minutes.` : ""}`]),
      ...(entries.length ? [] : [["p", none]]),
    ]);
  },
};

function itemBlocks(rules, def, item, entry) {
  const out = [["h2", item.prompt]];
  const answer = entry.answer;
  if (item.kind === "text") {
    return out.concat([["label", "Answer: ", rules.answerOf(item, { [item.id]: entry }) || "Not written"]]);
  }
  if (item.kind === "choice") {
    out.push(["label", "Answer: ", answer ? rules.optionLabel(item, answer) : "Not answered"]);
    if (item.correct && answer) {
      out.push(["p", answer === item.correct ? "Correct."
        : `Not correct. The right answer is: ${rules.optionLabel(item, item.correct)}.`],
      ["p", item.options.find((option) => option.value === answer).explanation]);
    }
  } else {
    out.push(["label", "Answer: ", answer ? rules.answerLabel(def, answer) : "Not answered"]);
    if (answer && answer === def.not_applicable) {
      const reason = typeof entry.reason === "string" ? entry.reason.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "") : "";
      out.push(["label", "Why it does not apply: ", reason || "Not given yet"]);
    }
  }
  if (entry.note) out.push(["label", "Note: ", entry.note]);
  return out;
}

// docx_record.record_blocks: the details, the results (actions with their notes), then the answers.
export function recordBlocks(rules, def, rawAnswers, exportedAt, about = {}) {
  const answers = rules.cleanAnswers(def, rawAnswers);
  const status = rules.progressOf(def, answers);
  const shownIds = new Set(status.shown.map((item) => item.id));
  const out = [["title", `${def.title}: record`],
    ...rules.aboutLines(about).map(([label, text]) => ["label", `${label}: `, text]),
    ["label", "Checklist: ", `${def.id}, version ${def.version}`], ["label", "Exported: ", exportedAt]];
  if (status.hasQuestions) {
    out.push(["label", "Progress: ", `${status.answered} of ${status.total} questions answered`],
      ["label", "Not met: ", String(status.unmet.length)]);
  } else {
    out.push(["label", "Progress: ", `${status.answered} of ${status.total} answered`]);
  }
  for (const result of rules.resultsOf(def, answers)) {
    out.push(["h1", result.title], ...RESULT_BLOCKS[result.kind](rules, def, result, answers));
  }
  for (const section of def.sections) {
    const items = section.items.filter((item) => shownIds.has(item.id));
    if (!items.length) continue;
    out.push(["h1", section.title]);
    for (const item of items) out.push(...itemBlocks(rules, def, item, answers[item.id] || {}));
  }
  return out.map(([kind, ...texts]) => [kind, ...texts.map(xmlSafe)]);
}

// The blocks as a Word document: headings, bold labels, bullets; "\n" as a line break.
export function docxDocument(blocks) {
  const heading = { title: docx.HeadingLevel.TITLE, h1: docx.HeadingLevel.HEADING_1, h2: docx.HeadingLevel.HEADING_2 };
  const runs = (text, options = {}) => text.split("\n").map((line, i) => new docx.TextRun({ text: line, break: i ? 1 : 0, ...options }));
  const paragraphs = blocks.map(([kind, ...texts]) => new docx.Paragraph({
    heading: heading[kind],
    bullet: kind === "bullet" ? { level: 0 } : undefined,
    children: kind === "label" ? [...runs(texts[0], { bold: true }), ...runs(texts[1])] : runs(texts[0]),
  }));
  return new docx.Document({ creator: "DPUP Toolkit", title: blocks[0][1], sections: [{ children: paragraphs }] });
}

export function docxBlob(rules, def, answers, exportedAt, about) {
  return docx.Packer.toBlob(docxDocument(recordBlocks(rules, def, answers, exportedAt, about)));
}

export function docxBuffer(rules, def, answers, exportedAt, about) {
  return docx.Packer.toBuffer(docxDocument(recordBlocks(rules, def, answers, exportedAt, about)));
}
