// Records of a tool, the same as record.py: the Markdown summary, the JSON record and reading a
// record back (import), and the rules the Word record (widgets/docx/record.mjs) works from. A part
// of checklist.js that the page loads only when a person downloads, copies or opens a record (see
// `part` there); front_end.py bundles it back into one module for JupyterLab and Voila.
import {
  LONG_SENTENCE, NEEDS_REASON, RecordError, SPACE_ENDS, WS, aboutLines, allItems, answerLabel, answerOf, catalogueParts, changesMessage,
  cleanAbout, cleanAnswers, clearedNotice, isPlainObject, itemById, needsReason, optionLabel, progressOf, resultsOf,
} from "./checklist.js";

const RECORD_FORMAT = "dpup-toolkit/checklist-record";
const RECORD_FORMAT_VERSION = 1;
const MAX_VERSION = 1000; // schema.py bounds a checklist's version

// The same escaping as record.py (see the comment there): only explicit classes, as Python's \s
// and \d differ from JavaScript's. A line's start allows the spaces Python's str.strip() removes,
// which is how MyST reads a target, "(name)=" (WS in checklist.js is that same set).
const LINE_BREAK = /\r\n|\r|\n/g;
const LINE_START_MARKER = new RegExp(`^([${WS}]*)([-+=:%(])`, "u");
const LINE_START_NUMBER = new RegExp(`^([${WS}]*[0-9]+)([.)])`, "u");

function escapeMarkdown(text) {
  return String(text).split(LINE_BREAK).map((line) => line
    .replace(/[\\`*_[\]<>#|~&$@{}^]|:(?=\/\/)|(?<=[^ \t.])\.(?=[^ \t.])/g, "\\$&")
    .replace(LINE_START_MARKER, "$1\\$2")
    .replace(LINE_START_NUMBER, "$1\\$2")
    .replace(/^[ \t]+/, (indent) => "\u00a0".repeat(indent.length))).join("\n");
}

function escapeLine(text) {
  return escapeMarkdown(String(text).replace(LINE_BREAK, " "));
}

const SLUG_LENGTH = 40;

// record.py slug: ASCII lower-case letters, digits and single hyphens, accents folded, length-capped.
// Only the letters of record.py's _FOLDED blocks are decomposed: the browser's Unicode is newer
// than Python's, and would fold letters Python does not know.
const FOLDED = /[\u00a0-\u024f\u1e00-\u1eff\ufb00-\ufb06\uff01-\uff5e]+/g;
function slug(text, limit = SLUG_LENGTH) {
  return String(text).replace(FOLDED, (run) => run.normalize("NFKD")).replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "").toLowerCase().slice(0, limit).replace(/-+$/, "");
}

function recordFilename(id, about, stamp, extension) {
  return `${[id, slug(cleanAbout(about).what), stamp].filter(Boolean).join("-")}.${extension}`;
}

const NOT_UTF8 = "This file is not a checklist record as the toolkit saves it: its text is not UTF-8. Another program "
  + "may have saved it in another encoding, such as Latin-1; save it as UTF-8 and try again.";

// record.py record_text: a record file's text (given as text, or as the file's bytes, which must be
// UTF-8). Decoded leniently, accented letters would become U+FFFD without a word. A byte-order
// mark is kept here, as Python keeps it, and dropped by the readers below.
function recordText(data) {
  if (!(data instanceof ArrayBuffer || ArrayBuffer.isView(data))) return String(data);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    throw new RecordError(NOT_UTF8);
  }
}

// record.py import_about: the details of a record importRecord accepted, or null for an older record.
function importAbout(rawText) {
  const record = JSON.parse(recordText(rawText).replace(/^\ufeff/, ""));
  const about = isPlainObject(record) ? record.about : null;
  return isPlainObject(about) ? cleanAbout(about) : null;
}

function quote(text) {
  return escapeMarkdown(text).split("\n").map((line) => `> ${line}`.replace(/[ \t]+$/, ""));
}

const RESULT_LINES = {
  unmet(def, result, answers = {}) {
    const out = [];
    result.items.forEach((id, i) => {
      const item = itemById(def, id);
      const action = needsReason(def, item, answers[id]) ? NEEDS_REASON : item.action;
      out.push(`${i + 1}. ${escapeLine(item.prompt)}`, `   - What to do: ${escapeLine(action)}`);
    });
    if (!result.items.length) out.push("Nothing is marked as not met.");
    return out;
  },
  template(def, result) {
    const out = [];
    if (!result.parts.length) out.push("Nothing written yet: answer the questions below.");
    result.parts.forEach((part, i) => {
      if (i) out.push("");
      if (part.heading) out.push(`### ${escapeLine(part.heading)}`, "");
      out.push(...escapeMarkdown(part.text).split("\n"));
    });
    const check = result.plain_language;
    if (check && result.parts.length) {
      out.push("", `Plain language: ${check.sentences} sentences, ${check.average} words a sentence `
        + `on average. Sentences over ${LONG_SENTENCE} words: ${check.long.length}.`);
      out.push(...check.long.map((sentence) => `- ${escapeLine(sentence)}`));
    }
    return out;
  },
  rules(def, result) {
    const chosen = result.recommendation;
    if (!chosen) return ["No recommendation yet: answer the questions below."];
    const out = [`Recommendation: ${escapeLine(chosen.title)}`, "", escapeMarkdown(chosen.text)];
    if (chosen.links.length) out.push("", `Read more: ${chosen.links.map((link) => escapeLine(link.title)).join("; ")}`);
    return out;
  },
  score(def, result) {
    return [`${result.correct} of ${result.total} correct.`];
  },
  catalogue(def, result) {
    if (!(result.role || result.stage)) return ["Nothing chosen yet: choose below to see what fits."];
    return catalogueParts(def, result).flatMap(([heading, entries, none], i) => [
      ...(i ? [""] : []), `### ${heading}`, "",
      ...entries.map((entry) => `- ${escapeLine(entry.title)}: ${escapeLine(entry.summary)}`
        + (entry.minutes ? ` About ${entry.minutes} minutes.` : "")),
      ...(entries.length ? [] : [none]),
    ]);
  },
};

function itemLines(def, item, entry) {
  const out = ["", `### ${escapeLine(item.prompt)}`, ""];
  const answer = entry.answer;
  if (item.kind === "text") {
    const text = answerOf(item, { [item.id]: entry });
    return out.concat(text ? ["Answer:", "", ...quote(text)] : ["Answer: Not written"]);
  }
  if (item.kind === "choice") {
    out.push(`Answer: ${answer ? escapeLine(optionLabel(item, answer)) : "Not answered"}`);
    if (item.correct && answer) {
      const right = answer === item.correct ? "Correct."
        : `Not correct. The right answer is: ${escapeLine(optionLabel(item, item.correct))}.`;
      const explanation = item.options.find((option) => option.value === answer).explanation;
      out.push("", right, "", escapeMarkdown(explanation));
    }
  } else {
    out.push(`Answer: ${answer ? escapeLine(answerLabel(def, answer)) : "Not answered"}`);
    if (answer && answer === def.not_applicable) {
      const reason = entry.reason || "";
      if (reason.replace(SPACE_ENDS, "")) out.push("", "Why it does not apply:", "", ...quote(reason));
      else out.push("", "Why it does not apply: Not given yet");
    }
  }
  if (entry.note) out.push("", "Note:", "", ...quote(entry.note));
  return out;
}

// The prompts of the shown items with no answer yet, so the summary says which ones.
function unansweredLines(def, answers, shownIds) {
  const prompts = allItems(def).filter((item) => shownIds.has(item.id) && !answerOf(item, answers))
    .map((item) => item.prompt);
  return prompts.length ? ["", "## Not yet answered", "", ...prompts.map((prompt) => `- ${escapeLine(prompt)}`)] : [];
}

function renderMarkdown(def, rawAnswers, exportedAt, about = {}) {
  const answers = cleanAnswers(def, rawAnswers);
  const status = progressOf(def, answers);
  const shownIds = new Set(status.shown.map((item) => item.id));
  const out = [
    `# ${escapeLine(def.title)}: record`,
    "",
    ...aboutLines(about).map(([label, text]) => `- ${label}: ${escapeLine(text)}`),
    `- Checklist: ${def.id}, version ${def.version}`,
    `- Exported: ${escapeLine(exportedAt)}`,
  ];
  if (status.hasQuestions) {
    out.push(`- Progress: ${status.answered} of ${status.total} questions answered`, `- Not met: ${status.unmet.length}`);
  } else {
    out.push(`- Progress: ${status.answered} of ${status.total} answered`);
  }
  for (const result of resultsOf(def, answers)) {
    out.push("", `## ${escapeLine(result.title)}`, "", ...RESULT_LINES[result.kind](def, result, answers));
  }
  out.push(...unansweredLines(def, answers, shownIds));
  for (const section of def.sections) {
    const items = section.items.filter((item) => shownIds.has(item.id));
    if (!items.length) continue;
    out.push("", `## ${escapeLine(section.title)}`);
    for (const item of items) out.push(...itemLines(def, item, answers[item.id] || {}));
  }
  return out.join("\n") + "\n";
}

function renderJson(def, rawAnswers, exportedAt, about = {}) {
  const answers = cleanAnswers(def, rawAnswers);
  const record = {
    format: RECORD_FORMAT,
    format_version: RECORD_FORMAT_VERSION,
    checklist: { id: def.id, version: def.version, title: def.title },
    exported_at: exportedAt,
    about: cleanAbout(about),
    answers,
    results: resultsOf(def, answers),
  };
  return JSON.stringify(record, null, 2) + "\n";
}

// The Word (.docx) record is laid out by widgets/docx/record.mjs, loaded with its library only when
// asked for; it works from the record rules here, handed to it as RECORD_RULES.
const RECORD_RULES = {
  NEEDS_REASON, aboutLines, answerLabel, answerOf, catalogueParts, cleanAnswers, itemById, needsReason, optionLabel,
  progressOf, resultsOf,
};

const MAX_NESTING = 32;

// How deeply a JSON text nests arrays and objects (strings skipped), in one pass; the same as
// record.py. Each token is one escaped pair, a quote or a bracket: nothing can backtrack.
function nesting(text) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (const [token] of text.matchAll(/\\[\s\S]|["[\]{}]/g)) {
    if (token === '"') inString = !inString;
    else if (inString || token[0] === "\\") continue;
    else if (token === "[" || token === "{") deepest = Math.max(deepest, ++depth);
    else depth -= 1;
  }
  return deepest;
}

function importRecord(def, rawText) {
  const text = recordText(rawText).replace(/^\ufeff/, "");
  if (nesting(text) > MAX_NESTING) {
    throw new RecordError("This file is not a checklist record: it is nested too deeply.");
  }
  let record;
  try {
    record = JSON.parse(text);
  } catch {
    throw new RecordError("This file is not a checklist record: it is not valid JSON.");
  }
  if (!isPlainObject(record) || record.format !== RECORD_FORMAT) {
    throw new RecordError("This file is not a DPUP Toolkit checklist record.");
  }
  if (record.format_version !== RECORD_FORMAT_VERSION) {
    throw new RecordError("This record was saved in a format this page does not know. Use the page it came from.");
  }
  const about = record.checklist;
  if (!isPlainObject(about) || about.id !== def.id) {
    const title = isPlainObject(about) && typeof about.title === "string" && about.title ? about.title : "unknown";
    throw new RecordError(`This record is for another checklist (“${title}”), not “${def.title}”.`);
  }
  const version = about.version;
  if (!Number.isInteger(version) || version < 1 || version > MAX_VERSION) {
    throw new RecordError("This record does not say which version of the checklist it is for.");
  }
  if (version > def.version) {
    throw new RecordError(`This record comes from a newer version of this checklist (version ${version}) `
      + `than this page has (version ${def.version}). Nothing was changed.`);
  }
  const raw = record.answers;
  if (!isPlainObject(raw) || !Object.values(raw).every(isPlainObject)) {
    throw new RecordError("This record's answers are damaged. Nothing was changed.");
  }
  const known = new Set(allItems(def).map((item) => item.id));
  let kept = Object.fromEntries(Object.entries(raw).filter(([id]) => known.has(id)));
  const dropped = Object.keys(raw).length - Object.keys(kept).length;
  const notices = [];
  if (version < def.version) {
    // An older record: say what changed. An answer "not applicable" to a question that no longer
    // offers it is cleared (the file still has it); elsewhere it now asks for a reason.
    notices.push(changesMessage(def, version, dropped, "still in your file"));
    const cleared = Object.entries(kept).filter(([id, entry]) => {
      const item = itemById(def, id);
      return item.kind === "question" && entry.answer !== null && entry.answer !== undefined
        && entry.answer === def.not_applicable && item.not_applicable === false;
    }).map(([id]) => id);
    if (cleared.length) {
      kept = Object.fromEntries(Object.entries(kept)
        .map(([id, entry]) => [id, cleared.includes(id) ? { ...entry, answer: null } : entry]));
      notices.push(clearedNotice(def, cleared.length));
    }
  } else if (dropped) {
    notices.push(`${dropped} saved answer(s) were for questions this version no longer asks, so they were left out.`);
  }
  return { answers: cleanAnswers(def, kept), notices };
}

export {
  RECORD_RULES, escapeLine, escapeMarkdown, importAbout, importRecord, nesting, quote, recordFilename, recordText,
  renderJson, renderMarkdown, slug,
};
