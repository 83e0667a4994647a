// Progress, results and records: the same rules as progress.py, results.py and record.py, worked
// out from a tool's data (its definition) and the answers. No drawing and no storage here.
import SHARED from "../shared.json" with { type: "json" };


// Trimmed from typed text (progress.py SPACE), and Python's whitespace (str.split, re's \s), as a
// character class: both from shared.json, which Python reads too.
const SPACE_ENDS = new RegExp(`^[${SHARED.trimmed}]+|[${SHARED.trimmed}]+$`, "g");
const WS = SHARED.whitespace;
const WS_RUN = new RegExp(`[${WS}]+`, "u");
const LONG_SENTENCE = SHARED.long_sentence;

// Each item kind's rules, added by its module (item-*.js) when it loads: see kinds.js for what an
// entry holds. Every rule below that differs by kind asks the item's kind here.
const ITEM_KINDS = {};

// The item's kind; throws when its module has not been loaded (kinds.js loadKinds).
function itemKind(item) {
  if (!Object.hasOwn(ITEM_KINDS, item.kind)) throw new Error(`The code for items of kind ${JSON.stringify(item.kind)} is not loaded.`);
  return ITEM_KINDS[item.kind];
}

function allItems(def) {
  return def.sections.flatMap((section) => section.items);
}

function itemById(def, id) {
  return allItems(def).find((item) => item.id === id);
}

function visibleItems(def, answers) {
  const shown = [];
  const shownIds = new Set();
  for (const item of allItems(def)) {
    const condition = item.show_if;
    const holds = !condition || (shownIds.has(condition.item)
      && condition.answer_in.includes((answers[condition.item] || {}).answer));
    if (holds) {
      shown.push(item);
      shownIds.add(item.id);
    }
  }
  return shown;
}

// The item's answer: an answer or option value, or typed text without spaces at its ends.
function answerOf(item, answers) {
  let answer = (answers[item.id] || {}).answer;
  if (itemKind(item).typed && typeof answer === "string") answer = answer.replace(SPACE_ENDS, "");
  return answer || null;
}

// The answer values a question offers: the scale, less "not applicable" where the item drops it.
function offered(def, item) {
  return def.answers.map((option) => option.value)
    .filter((value) => item.not_applicable !== false || value !== def.not_applicable);
}

// A question answered "not applicable" with no reason given (not met until there is one).
function needsReason(def, item, entry) {
  const { answer, reason } = entry || {};
  return itemKind(item).asksReason(def, item, answer)
    && !(typeof reason === "string" && reason.replace(SPACE_ENDS, ""));
}

const NEEDS_REASON = "Say why this does not apply, or answer it.";

function progressOf(def, answers) {
  const shown = visibleItems(def, answers);
  const answered = shown.filter((item) => answerOf(item, answers));
  const unmet = answered.filter((item) => itemKind(item).judged
    && (!def.met.includes(answerOf(item, answers)) || needsReason(def, item, answers[item.id])));
  const hasQuestions = allItems(def).some((item) => itemKind(item).judged);
  return { answered: answered.length, total: shown.length, unmet, shown, hasQuestions };
}

function progressSummary(state) {
  return state.hasQuestions
    ? `${state.answered} of ${state.total} questions answered. ${state.unmet.length} not met.`
    : `${state.answered} of ${state.total} answered.`;
}

function optionLabel(item, value) {
  return item.options.find((option) => option.value === value).label;
}

// ---- One interpreter per result kind (results.py). Each gives plain data. ----

const RESULTS = {
  unmet(def, result, answers) {
    return { kind: "unmet", title: result.title, items: progressOf(def, answers).unmet.map((item) => item.id) };
  },
  // template (text.js); rules, score and catalogue (choice.js): each part adds its own.
};

// A catalogue result as [heading, the entries it lists with why, what to say when none fit or null
// to leave an empty part out, folded on the page] (records/blocks.py catalogue_parts): the tools
// that fit best, more that fit every answer, those that fit one; then the case studies likewise.
function catalogueParts(def, result) {
  const entries = def.catalogue || [];
  const byId = new Map(entries.map((entry) => [`${entry.kind}:${entry.id}`, entry]));
  const wanted = [result.role, result.stage].filter(Boolean).length;
  const listed = (kind, found) => found.map((entry) => ({ ...byId.get(`${kind}:${entry.id}`), why: entry.why }));
  const every = (found) => found.filter((entry) => entry.fits.length === wanted);
  const some = (found) => found.filter((entry) => entry.fits.length < wanted);
  const parts = [
    ["Tools that fit best", listed("tool", result.tools.slice(0, result.best)), "No tool fits that choice yet.", false],
    ["More tools that fit", listed("tool", every(result.tools).slice(result.best)), null, true],
    ["Tools that fit one of your answers", listed("tool", some(result.tools)), null, true],
  ];
  if (entries.some((entry) => entry.kind === "case")) {
    parts.push(["Case studies", listed("case", every(result.cases)), "No case study fits that choice yet.", false],
      ["Case studies that fit one of your answers", listed("case", some(result.cases)), null, true]);
  }
  return parts.filter(([, found, none]) => found.length || none);
}

// A rules result's `because` as lines [question, joint, answer]: "Does it identify people? No",
// or "Your role: Front-line" for a question that does not end in "?" or ":" (records/rules.py because_lines).
function becauseLines(def, because) {
  return because.map(({ item, answer }) => {
    const asked = itemById(def, item);
    return [asked.prompt, /[?:]$/.test(asked.prompt) ? " " : ": ", optionLabel(asked, answer)];
  });
}

function resultsOf(def, answers) {
  const shown = new Set(visibleItems(def, answers).map((item) => item.id));
  return def.results.map((result) => RESULTS[result.kind](def, result, answers, shown));
}

class RecordError extends Error {}

// A saved value, or `missing` when there is none (null, absent or empty text), as in record.py.
// Text loses any lone surrogate (to U+FFFD) and any control character (to U+FFFD too), as in record.py.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/g;
function given(value, missing) {
  const text = typeof value === "string"
    ? value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
      .replace(CONTROL, "\ufffd") : value;
  return text === null || text === undefined || text === "" ? missing : text;
}

function shown(value) {
  return typeof value === "string" ? JSON.stringify(value) : "not one of its answers";
}

function answerLabel(def, value) {
  return def.answers.find((option) => option.value === value).label;
}

function cleanAnswers(def, answers) {
  const cleaned = {};
  for (const item of allItems(def)) {
    const entry = answers[item.id] || {};
    const answer = given(entry.answer, null);
    let note = given(entry.note, "");
    const reason = given(entry.reason, "");
    const kind = itemKind(item);
    if (kind.typed) {
      if (answer !== null && typeof answer !== "string") throw new RecordError(`The answer to “${item.prompt}” is not text.`);
      note = ""; // a text item is its own note
    } else if (answer !== null) {
      const allowed = kind.allowed(def, item);
      if (!allowed.includes(answer)) {
        throw new RecordError(`The answer to “${item.prompt}” is ${shown(answer)}, which this checklist does not use.`);
      }
    }
    if (typeof note !== "string") throw new RecordError(`The note for “${item.prompt}” is not text.`);
    if (typeof reason !== "string") throw new RecordError(`The reason for “${item.prompt}” is not text.`);
    if (answer || note) {
      cleaned[item.id] = { answer, note };
      // Kept only with the answer it explains.
      if (reason && kind.keepsReason(def, item, answer)) cleaned[item.id].reason = reason;
    }
  }
  return cleaned;
}

// What changed in the tool since answers were saved for `version`, in plain words (record.py
// changes_message): added and reworded items from the YAML's `changes`, removed ones counted.
function changesMessage(def, version, removed, kept) {
  const later = (def.changes || []).filter((change) => change.version > version);
  const known = new Set(allItems(def).map((item) => item.id));
  const count = (field) => new Set(later.flatMap((change) => change[field]).filter((id) => known.has(id))).size;
  const added = count("added");
  const reworded = count("reworded");
  const parts = added ? [`${added} question${added !== 1 ? "s" : ""} added`] : [];
  if (reworded) parts.push(`${reworded} reworded`);
  if (removed) parts.push(`${removed} removed (${removed === 1 ? "your answer to it is" : "your answers to them are"} ${kept})`);
  const text = `This tool changed since you saved it (version ${version}, now version ${def.version})`;
  return [`${text}${parts.length ? `: ${parts.join(", ")}` : ""}.`, ...later.filter((change) => change.note)
    .map((change) => change.note)].join(" ");
}

// What the check is about, asked at the top of every tool (record.py ABOUT_FIELDS).
const ABOUT_FIELDS = ["what", "completed_by", "review_by"];
const ABOUT_LABELS = { what: "What is being checked", completed_by: "Completed by", review_by: "Review by" };

// record.py clean_about: trimmed text, "" when missing or not text; a review date not a real YYYY-MM-DD is dropped.
function cleanAbout(about) {
  const source = isPlainObject(about) ? about : {};
  const cleaned = {};
  for (const field of ABOUT_FIELDS) {
    const value = given(source[field], "");
    cleaned[field] = typeof value === "string" ? value.replace(SPACE_ENDS, "") : "";
  }
  if (!isDate(cleaned.review_by)) cleaned.review_by = "";
  return cleaned;
}

// records/rules.py is_date: YYYY-MM-DD naming a day that exists (no 30 February), years 0001-9999.
function isDate(text) {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return false;
  const [year, month, day] = text.split("-").map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

function aboutLines(about) {
  const cleaned = cleanAbout(about);
  return ABOUT_FIELDS.map((field) => [ABOUT_LABELS[field], cleaned[field] || "Not given"]);
}

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function clearedNotice(def, count) {
  return `${count} question(s) no longer offer “${answerLabel(def, def.not_applicable)}”, `
    + "so those answers were cleared: please answer them again.";
}

export {
  ABOUT_FIELDS, ITEM_KINDS, LONG_SENTENCE, NEEDS_REASON, RESULTS, RecordError, SPACE_ENDS, WS, WS_RUN, aboutLines, allItems, answerLabel,
  answerOf, becauseLines, catalogueParts, changesMessage, cleanAbout, cleanAnswers, clearedNotice, given, isPlainObject, itemById,
  itemKind,
  needsReason, offered, optionLabel, progressOf, progressSummary, resultsOf, visibleItems,
};
