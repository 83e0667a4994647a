// Records of a tool, the same as records/rules.py and records/markdown.py: the Markdown summary
// (written from the record's blocks, blocks.js), the JSON record and reading a record back
// (import), and what the Word record (widgets/docx/record.mjs) is written from. Loaded only when a
// person first downloads, copies or opens a record (record-buttons.js).
import {
  RecordError, WS, allItems, changesMessage, cleanAbout, cleanAnswers, clearedNotice, isPlainObject, itemById, itemKind,
} from "./rules.js";
import { recordBlocks } from "./blocks.js";
import { MARKDOWN_ONLY, WORD_ONLY } from "./record-parts.js";
import { recordFilename, renderJson } from "./record-json.js";

import SHARED from "../shared.json" with { type: "json" };

const RECORD_FORMAT = SHARED.record_format;
const RECORD_FORMAT_VERSION = SHARED.record_format_version;
const MAX_VERSION = SHARED.max_version;

// The same escaping as records/rules.py (see the comment there): only explicit classes, as
// Python's \s and \d differ from JavaScript's. A line's start allows the spaces Python's
// str.strip() removes, which is how MyST reads a target, "(name)=" (WS in rules.js is that same
// set, from shared.json).
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

const NOT_UTF8 = "This file is not a checklist record as the toolkit saves it: its text is not UTF-8. Another program "
  + "may have saved it in another encoding, such as Latin-1; save it as UTF-8 and try again.";

// records/rules.py record_text: a record file's text (given as text, or as the file's bytes, which
// must be UTF-8). Decoded leniently, accented letters would become U+FFFD without a word. A
// byte-order mark is kept here, as Python keeps it, and dropped by the readers below.
function recordText(data) {
  if (!(data instanceof ArrayBuffer || ArrayBuffer.isView(data))) return String(data);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    throw new RecordError(NOT_UTF8);
  }
}

// records/rules.py import_about: the details of a record importRecord accepted, or null for an older record.
function importAbout(rawText) {
  const record = JSON.parse(recordText(rawText).replace(/^\ufeff/, ""));
  const about = isPlainObject(record) ? record.about : null;
  return isPlainObject(about) ? cleanAbout(about) : null;
}

function quote(text) {
  return escapeMarkdown(text).split("\n").map((line) => `> ${line}`.replace(/[ \t]+$/, ""));
}

// The Markdown writer over the record's blocks (blocks.js), as records/markdown.py: text from the
// tool or a person escaped; a blank line between blocks, except between a list's items and after
// the lead line a list follows.
const MARKDOWN_PREFIX = { title: "# ", heading: "## ", subheading: "### ", detail: "- ", bullet: "- ", step_line: "   - " };
const MARKDOWN_LISTS = new Set(["detail", "bullet", "step", "step_line"]);

function markdownRun([style, value]) {
  if (style === "line") return escapeLine(value);
  return style === "text" ? escapeMarkdown(value) : value;
}

// One block's lines. A quote is its label on a line of its own, a blank line, then its text quoted.
function blockMarkdown(block) {
  if (block.kind === "quote") {
    const head = block.runs.filter(([style]) => style === "label").map(([, value]) => value).join("").replace(/ +$/, "");
    return [head, "", ...quote(block.runs.filter(([style]) => style !== "label").map(([, value]) => value).join(""))].join("\n");
  }
  return (MARKDOWN_PREFIX[block.kind] || "") + block.runs.map(markdownRun).join("");
}

function renderMarkdown(def, rawAnswers, exportedAt, about = {}) {
  const out = [];
  let previous = null;
  for (const block of recordBlocks(def, rawAnswers, exportedAt, about)) {
    if (block.only === WORD_ONLY) continue;
    if (previous && !(MARKDOWN_LISTS.has(block.kind) && (MARKDOWN_LISTS.has(previous.kind) || previous.kind === "lead"))) {
      out.push("");
    }
    out.push(blockMarkdown(block));
    previous = block;
  }
  return out.join("\n") + "\n";
}

// The Word (.docx) record is written by widgets/docx/record.mjs, loaded with its library only when
// asked for, from the record's blocks: it gets them from here, as RECORD_RULES, as it cannot
// import this part (its folder and its build are the site's, not the widget's).
const RECORD_RULES = { MARKDOWN_ONLY, recordBlocks };

const MAX_NESTING = SHARED.max_nesting; // a record nests 3 deep; deeper files are refused before they are parsed

// How deeply a JSON text nests arrays and objects (strings skipped), in one pass; the same as
// records/rules.py. Each token is one escaped pair, a quote or a bracket: nothing can backtrack.
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

// What "Open a saved progress file" says when a file is not a record it can use (records/rules.py
// IMPORT_WORDS); Compare words the same checks its own way (compare.js).
const IMPORT_WORDS = {
  notText: NOT_UTF8,
  nested: "This file is not a checklist record: it is nested too deeply.",
  notJson: "This file is not a checklist record: it is not valid JSON.",
  notRecord: "This file is not a DPUP Toolkit checklist record.",
  unknownFormat: "This record was saved in a format this page does not know. Use the page it came from.",
  otherTool: (title, def) => `This record is for another checklist (“${title}”), not “${def.title}”.`,
  noVersion: "This record does not say which version of the checklist it is for.",
  newer: (version, def) => `This record comes from a newer version of this checklist (version ${version}) `
    + `than this page has (version ${def.version}). Nothing was changed.`,
  damaged: "This record's answers are damaged. Nothing was changed.",
};

// A record of this tool from a file's text or bytes, and its version; or RecordError in `words`
// saying why not (records/rules.py read_envelope). The nesting is measured before parsing.
function readEnvelope(def, data, words) {
  let text;
  try {
    text = recordText(data).replace(/^\ufeff/, "");
  } catch {
    throw new RecordError(words.notText);
  }
  if (nesting(text) > MAX_NESTING) throw new RecordError(words.nested);
  let record;
  try {
    record = JSON.parse(text);
  } catch {
    throw new RecordError(words.notJson);
  }
  if (!isPlainObject(record) || record.format !== RECORD_FORMAT) throw new RecordError(words.notRecord);
  if (record.format_version !== RECORD_FORMAT_VERSION) throw new RecordError(words.unknownFormat);
  const tool = record.checklist;
  if (!isPlainObject(tool) || tool.id !== def.id) {
    const title = isPlainObject(tool) && typeof tool.title === "string" && tool.title ? tool.title : "unknown";
    throw new RecordError(words.otherTool(title, def));
  }
  const version = tool.version;
  if (!Number.isInteger(version) || version < 1 || version > MAX_VERSION) throw new RecordError(words.noVersion);
  if (version > def.version) throw new RecordError(words.newer(version, def));
  const answers = record.answers;
  if (!isPlainObject(answers) || !Object.values(answers).every(isPlainObject)) throw new RecordError(words.damaged);
  return { record, version };
}

function importRecord(def, rawText) {
  const { record, version } = readEnvelope(def, rawText, IMPORT_WORDS);
  const raw = record.answers;
  const known = new Set(allItems(def).map((item) => item.id));
  let kept = Object.fromEntries(Object.entries(raw).filter(([id]) => known.has(id)));
  if (Object.keys(raw).length && !Object.keys(kept).length) {
    // Importing would replace the answers with nothing: refuse, and say why (records/rules.py nothing_known).
    throw new RecordError(`None of the ${Object.keys(raw).length} answer(s) in this file is for a question this checklist `
      + "asks, so there is nothing to bring in. Nothing was changed.");
  }
  const dropped = Object.keys(raw).length - Object.keys(kept).length;
  const notices = [];
  if (version < def.version) {
    // An older record: say what changed. An answer "not applicable" to a question that no longer
    // offers it is cleared (the file still has it); elsewhere it now asks for a reason.
    notices.push(changesMessage(def, version, dropped, "still in your file"));
    const cleared = Object.entries(kept).filter(([id, entry]) => {
      const item = itemById(def, id);
      return entry.answer !== null && entry.answer !== undefined && itemKind(item).withdrawn(def, item, entry.answer);
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
  RECORD_RULES, escapeLine, escapeMarkdown, importAbout, importRecord, nesting, quote, readEnvelope, recordFilename,
  recordText, renderJson, renderMarkdown,
};
