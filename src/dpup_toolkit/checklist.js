// Front-end of ChecklistWidget (checklist.py): draws a checklist as a native form, keeps the
// answers in this browser's localStorage, and exports the same records as record.py.
//
// What not every tool or every visit needs is in parts, modules of their own loaded with `part`:
// records.js (downloads, copy, import) and compare.js (Compare answers) on first use; text.js and
// choice.js (kinds beyond questions) before a tool that has those kinds is drawn. On the built
// site they are files beside this one; anywidget loads its module from a blob: URL, which can
// import nothing, so for JupyterLab and Voila front_end.py bundles the parts into this module.

const STORAGE_PREFIX = "dpup-toolkit:checklist:";
let widgetsOnPage = 0;

// Filled in only where front_end.py bundles the parts into this module: { name: its exports }.
const PARTS = {};

// A part's exports: bundled, or imported from the file of that name beside this module.
function part(name) {
  return name in PARTS ? Promise.resolve(PARTS[name]) : import(new URL(`./${name}.js`, import.meta.url).href);
}

const NOT_LOADED = "This part of the tool could not be loaded (are you offline?). Your answers are still here: try again later.";

// ---------------------------------------------------------------------------------------------
// Progress, results and records: the same rules as progress.py, results.py and record.py.

// Trimmed from typed text (progress.py SPACE), and Python's whitespace (str.split, re's \s).
const SPACE_ENDS = /^[ \t\r\n]+|[ \t\r\n]+$/g;
const WS = "\\t-\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const WS_RUN = new RegExp(`[${WS}]+`, "u");
const LONG_SENTENCE = 25;

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
  if (item.kind === "text" && typeof answer === "string") answer = answer.replace(SPACE_ENDS, "");
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
  return item.kind === "question" && Boolean(def.not_applicable) && answer === def.not_applicable
    && !(typeof reason === "string" && reason.replace(SPACE_ENDS, ""));
}

const NEEDS_REASON = "Say why this does not apply, or answer it.";

function progressOf(def, answers) {
  const shown = visibleItems(def, answers);
  const answered = shown.filter((item) => answerOf(item, answers));
  const unmet = answered.filter((item) => item.kind === "question"
    && (!def.met.includes(answerOf(item, answers)) || needsReason(def, item, answers[item.id])));
  const hasQuestions = allItems(def).some((item) => item.kind === "question");
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

// A catalogue result as [heading, the entries it lists, what to say when none fit]: tools, then
// case studies when the catalogue has any (record.py's catalogue_parts).
function catalogueParts(def, result) {
  const entries = def.catalogue || [];
  const byId = new Map(entries.map((entry) => [`${entry.kind}:${entry.id}`, entry]));
  const parts = [["Tools", result.tools.map((id) => byId.get(`tool:${id}`)), "No tool fits that choice yet."]];
  if (entries.some((entry) => entry.kind === "case")) {
    parts.push(["Case studies", result.cases.map((id) => byId.get(`case:${id}`)), "No case study fits that choice yet."]);
  }
  return parts;
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
    if (item.kind === "text") {
      if (answer !== null && typeof answer !== "string") throw new RecordError(`The answer to “${item.prompt}” is not text.`);
      note = ""; // a text item is its own note
    } else if (answer !== null) {
      const allowed = item.kind === "question" ? offered(def, item) : item.options.map((option) => option.value);
      if (!allowed.includes(answer)) {
        throw new RecordError(`The answer to “${item.prompt}” is ${shown(answer)}, which this checklist does not use.`);
      }
    }
    if (typeof note !== "string") throw new RecordError(`The note for “${item.prompt}” is not text.`);
    if (typeof reason !== "string") throw new RecordError(`The reason for “${item.prompt}” is not text.`);
    if (answer || note) {
      cleaned[item.id] = { answer, note };
      // Kept only with the answer it explains.
      if (reason && item.kind === "question" && answer === def.not_applicable) cleaned[item.id].reason = reason;
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

// record.py is_date: YYYY-MM-DD naming a day that exists (no 30 February), years 0001-9999.
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

// ---------------------------------------------------------------------------------------------
// Saved state in localStorage: one key per checklist and version, all under STORAGE_PREFIX.

function storageKey(def, version = def.version) {
  return `${STORAGE_PREFIX}${def.id}:v${version}`;
}

function storageKeys(storage) {
  const keys = [];
  for (let i = 0; i < storage.length; i += 1) keys.push(storage.key(i));
  return keys;
}

// Keys of answers saved for earlier versions, newest first. Found by listing what is stored (a
// few keys), never by counting down from the version.
function olderKeys(def, storage) {
  const start = `${STORAGE_PREFIX}${def.id}:v`;
  return storageKeys(storage)
    .filter((key) => key.startsWith(start) && /^[0-9]{1,4}$/.test(key.slice(start.length)))
    .map((key) => [key, Number(key.slice(start.length))])
    .filter(([, version]) => version >= 1 && version < def.version)
    .sort((a, b) => b[1] - a[1])
    .map(([key]) => key);
}

// Keep a copy of saved data the page cannot use in full, beside it: `<key>:unreadable`, then
// `-2`, `-3`, ... so a later copy never replaces an earlier one. The same data is kept once.
// Throws when the browser has no room (the caller then leaves the data where it is).
function keepCopy(storage, key, text) {
  const base = `${key}:unreadable`;
  const keys = storageKeys(storage).filter((other) => other === base || other.startsWith(`${base}-`));
  const same = keys.find((other) => storage.getItem(other) === text);
  if (same) return same;
  let copy = base;
  for (let n = 2; keys.includes(copy); n += 1) copy = `${base}-${n}`;
  storage.setItem(copy, text);
  return copy;
}

// The entries of saved answers this checklist can use, and how many it could not use in full
// (unknown or removed items, wrong types, answers it does not offer).
function salvage(def, raw) {
  const known = new Set(allItems(def).map((item) => item.id));
  const usable = {};
  let left = 0;
  for (const [id, entry] of Object.entries(raw)) {
    if (!known.has(id) || !isPlainObject(entry)) {
      left += 1;
      continue;
    }
    // The answer and the note each stand on their own: a bad one does not take the other with it.
    const part = (field, missing) => {
      try {
        return (cleanAnswers(def, { [id]: { [field]: entry[field] } })[id] || {})[field] ?? missing;
      } catch {
        return missing;
      }
    };
    const reason = typeof entry.reason === "string" ? given(entry.reason, "") : "";
    const cleaned = cleanAnswers(def, { [id]: { answer: part("answer", null), note: part("note", ""), reason } })[id];
    if (cleaned) usable[id] = cleaned;
    const { answer = null, note = "" } = cleaned || {};
    const kept = (cleaned || {}).reason || "";
    if (answer !== given(entry.answer, null) || note !== given(entry.note, "")
      || kept !== given(entry.reason, "")) left += 1;
  }
  return { answers: cleanAnswers(def, usable), left };
}

const CANNOT_SAVE = "This browser is not letting the page save your answers. Download a record before you leave the page.";

// What the page starts from: { answers (or null), message, error, recover, blocked }.
// `recover` is saved data that was left out, for the person to download; `blocked` means it
// could not be copied aside, so the page must not save over it. Never throws.
function loadSaved(def) {
  let storage;
  try {
    storage = window.localStorage;
    storage.getItem(storageKey(def));
  } catch {
    return { answers: null, message: CANNOT_SAVE, error: true, recover: null, blocked: false };
  }
  try {
    const current = storage.getItem(storageKey(def));
    if (current !== null) return readSaved(def, storage, storageKey(def), current, false);
    const [older] = olderKeys(def, storage);
    if (older) return readSaved(def, storage, older, storage.getItem(older), true);
    return { answers: null, message: null, error: false, recover: null, blocked: false };
  } catch {
    return { answers: null, message: CANNOT_SAVE, error: true, recover: null, blocked: true };
  }
}

function readSaved(def, storage, key, text, older) {
  let saved = null;
  try {
    saved = JSON.parse(text);
  } catch {
    saved = null;
  }
  const readable = isPlainObject(saved) && isPlainObject(saved.answers);
  const { answers, left } = readable ? salvage(def, saved.answers) : { answers: null, left: 0 };
  const known = new Set(allItems(def).map((item) => item.id));
  const removed = readable ? Object.keys(saved.answers).filter((id) => !known.has(id)).length : 0;
  const cleared = readable ? Object.entries(saved.answers).filter(([id, entry]) => known.has(id)
    && isPlainObject(entry) && itemById(def, id).not_applicable === false && entry.answer === def.not_applicable).length : 0;
  const changed = older ? [changesMessage(def, Number(key.slice(key.lastIndexOf(":v") + 2)), removed, "kept in the download"),
    "Your earlier answers were brought across: please check them.", cleared ? clearedNotice(def, cleared) : null]
    .filter(Boolean).join(" ") : null;
  if (readable && !left) return { answers, message: older ? changed : null, error: false, recover: null, blocked: false };
  let copied = true;
  try {
    keepCopy(storage, key, text);
  } catch {
    copied = false;
  }
  const recover = { text, key };
  const kept = copied
    ? "A copy of the unreadable data is kept in this browser."
    : "This browser has no room to keep a copy, so the page will not save until you download it.";
  const download = "You can download it below.";
  if (!readable) {
    const what = older
      ? "Answers saved for an earlier version of this checklist could not be read, so the checklist starts empty."
      : "Your saved answers for this checklist could not be read, so the checklist starts empty.";
    return { answers: null, message: `${what} ${kept} ${download}`, error: true, recover, blocked: !copied };
  }
  const leftOut = `${left} saved answer(s) or note(s) could not be used here (for questions this version no longer asks, `
    + "or in a form this page cannot read), so they were left out.";
  return {
    answers,
    message: [older ? changed : null, leftOut, copied ? "A copy of everything saved before is kept in this browser." : kept,
      download].filter(Boolean).join(" "),
    error: true,
    recover,
    blocked: !copied,
  };
}

function writeSaved(def, answers, about = {}) {
  try {
    const storage = window.localStorage;
    const key = storageKey(def);
    const details = cleanAbout(about);
    const kept = Object.values(details).some(Boolean) ? { about: details } : {};
    if (Object.keys(answers).length || kept.about) {
      storage.setItem(key, JSON.stringify({ answers, ...kept, saved_at: new Date().toISOString() }));
    } else {
      storage.removeItem(key);
    }
    olderKeys(def, storage).forEach((older) => storage.removeItem(older));
    return true;
  } catch {
    return false;
  }
}

// The details (what, completed by, review by) saved with the answers; empty when none or unreadable.
function loadAbout(def) {
  try {
    const storage = window.localStorage;
    const key = storage.getItem(storageKey(def)) !== null ? storageKey(def) : olderKeys(def, storage)[0];
    const saved = key ? JSON.parse(storage.getItem(key)) : null;
    return cleanAbout(isPlainObject(saved) ? saved.about : null);
  } catch {
    return cleanAbout(null);
  }
}

// The raw text saved under this version's key now (null when none or unavailable).
function savedText(def) {
  try {
    return window.localStorage.getItem(storageKey(def));
  } catch {
    return null;
  }
}

function clearSaved(def) {
  try {
    const prefix = `${STORAGE_PREFIX}${def.id}:`;
    const keys = [];
    for (let i = 0; i < window.localStorage.length; i += 1) keys.push(window.localStorage.key(i));
    keys.filter((key) => key.startsWith(prefix)).forEach((key) => window.localStorage.removeItem(key));
  } catch {
    // Storage is unavailable: there is nothing saved to clear.
  }
}

// ---------------------------------------------------------------------------------------------
// Several saved checks per browser: a team leader keeps one check per programme. Each check is
// saved exactly as above, under a namespace of its own. The first check ("My check", which holds
// every answer saved before there were checks) keeps the checklist's id; every other check uses
// `<id>~<check>`, so its answers live under `dpup-toolkit:checklist:<id>~<check>:v<version>`.
// (Checklist ids are slugs, so "~" never clashes.) Given checkStore(def, check), storageKey,
// olderKeys, loadSaved, writeSaved, savedText and clearSaved work on one check, moving its answers
// on from older versions included. The names and their order are a list under
// `dpup-toolkit:checks:<id>`, written only once someone starts, renames or deletes a check; saved
// answers that the list does not name are still found by listing storage, so none is ever hidden.

const CHECKS_PREFIX = "dpup-toolkit:checks:";
const FIRST_CHECK = "main";
const FIRST_CHECK_NAME = "My check";
const FOUND_CHECK_NAME = "Check found in this browser";
const CHECK_ID = /^[a-z0-9]{1,32}$/;
const MAX_CHECK_NAME = 80;

class CheckError extends Error {}

function checksKey(def) {
  return `${CHECKS_PREFIX}${def.id}`;
}

// What the storage functions above are given for one check.
function checkStore(def, check) {
  return check === FIRST_CHECK ? def : { ...def, id: `${def.id}~${check}` };
}

// The check a stored key belongs to, or null when it is not a key of this checklist's answers.
function checkOfKey(def, key) {
  const base = `${STORAGE_PREFIX}${def.id}`;
  if (key.startsWith(`${base}:`)) return FIRST_CHECK;
  if (!key.startsWith(`${base}~`)) return null;
  const check = key.slice(base.length + 1).split(":")[0];
  return CHECK_ID.test(check) && check !== FIRST_CHECK ? check : null;
}

// A name as shown and kept: spaces tidied, at most MAX_CHECK_NAME characters.
function cleanCheckName(name) {
  return Array.from(String(name).split(WS_RUN).filter(Boolean).join(" ")).slice(0, MAX_CHECK_NAME).join("");
}

function unusedName(checks, name) {
  const taken = new Set(checks.map((check) => check.name.toLowerCase()));
  let unused = name;
  for (let n = 2; taken.has(unused.toLowerCase()); n += 1) unused = `${name} (${n})`;
  return unused;
}

// The saved checks of this checklist, in order: { checks: [{ id, name }], current, damaged }.
// `current` is the check opened last in this browser; `damaged` says the list of names could not
// be read (the answers are all still found). Throws when the browser gives no storage.
function savedChecks(def) {
  const storage = window.localStorage;
  const text = storage.getItem(checksKey(def));
  let index = null;
  try {
    index = text === null ? null : JSON.parse(text);
  } catch {
    index = null;
  }
  const listed = isPlainObject(index) && Array.isArray(index.checks) ? index.checks : null;
  const checks = [];
  const known = (id) => checks.some((check) => check.id === id);
  for (const entry of listed || []) {
    const name = isPlainObject(entry) && typeof entry.name === "string" ? cleanCheckName(entry.name) : "";
    if (name && typeof entry.id === "string" && CHECK_ID.test(entry.id) && !known(entry.id)) {
      checks.push({ id: entry.id, name });
    }
  }
  if (listed === null) checks.push({ id: FIRST_CHECK, name: FIRST_CHECK_NAME });
  const found = [...new Set(storageKeys(storage).map((key) => checkOfKey(def, key)))]
    .filter((id) => id !== null && !known(id)).sort();
  for (const id of found) {
    checks.push({ id, name: unusedName(checks, id === FIRST_CHECK ? FIRST_CHECK_NAME : FOUND_CHECK_NAME) });
  }
  if (!checks.length) checks.push({ id: FIRST_CHECK, name: FIRST_CHECK_NAME });
  const current = listed && known(index.current) ? index.current : checks[0].id;
  return { checks, current, damaged: text !== null && listed === null };
}

// Writes the list of checks. Throws CheckError with `full` when the browser has no room.
function writeChecks(def, checks, current, full) {
  try {
    window.localStorage.setItem(checksKey(def), JSON.stringify({ checks, current }));
  } catch {
    throw new CheckError(full);
  }
}

// The open check in the list, so the page opens it next time. Best effort: a full browser only
// means the page opens the first check next time.
function rememberCheck(def, check) {
  try {
    const { checks } = savedChecks(def);
    writeChecks(def, checks, check, "");
  } catch {
    // Nothing is lost: every check is still listed.
  }
}

// ---------------------------------------------------------------------------------------------
// Drawing the form. Text from people and from checklist files only ever goes in as textContent.

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") element.textContent = value;
    else if (name === "className") element.className = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A date and time for file names: 2026-11-21-0930 (local time).
function stamp() {
  const now = new Date();
  return `${today()}-${String(now.getHours()).padStart(2, "0")}${String(now.getMinutes()).padStart(2, "0")}`;
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function bookHref(page) {
  // On the built book, <html data-content_root="../"> says how far the site root is.
  const root = document.documentElement.dataset.content_root;
  return root === undefined ? null : `${root}${page}.html`;
}

function linksLine(links, lead = "Read more: ") {
  if (!links.length) return null;
  return h("p", { className: "dpup-links" }, lead, ...links.flatMap((link, i) => {
    const href = bookHref(link.page);
    const node = href ? h("a", { href, text: link.title }) : h("span", { text: link.title });
    return i ? ["; ", node] : [node];
  }));
}

// ---- One drawing function per item kind. Each returns { item, node, refresh(entry) }. ----
// ctx: { def, id(item), update(itemId, change, options) }.

function noteField(ctx, item) {
  const note = h("textarea", { id: `${ctx.id(item)}--note`, rows: 2, className: "dpup-note" });
  note.addEventListener("input", () => ctx.update(item.id, { note: note.value }, { sync: false }));
  note.addEventListener("change", () => ctx.update(item.id, { note: note.value }));
  const label = h("label", { for: note.id, className: "dpup-note-label", text: "Your note (optional)" });
  return { note, label };
}

function radioGroup(ctx, item, options) {
  const id = ctx.id(item);
  const radios = options.map((option) => h("input", {
    type: "radio", name: `${id}--answer`, value: option.value, id: `${id}--option-${option.value}`,
  }));
  for (const radio of radios) {
    radio.addEventListener("change", () => {
      if (radio.checked) ctx.update(item.id, { answer: radio.value });
    });
  }
  const node = h("div", { className: "dpup-options" }, ...options.map((option, i) => h(
    "label", { for: radios[i].id, className: "dpup-option" }, radios[i], h("span", { text: option.label }),
  )));
  return { radios, node };
}

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

// The other kinds are drawn by the parts text.js and choice.js, which add themselves here.
const DRAW_ITEM = { question: drawQuestion };

// ---- One drawing function per result kind. Each returns { node, refresh(value) }. ----
// ctx adds: resultId(i), the id of the i-th result's section.

function resultFrame(ctx, result, i, ...children) {
  const headingId = `${ctx.resultId(i)}--heading`;
  return h("section", { className: `dpup-result dpup-result-${result.kind}`, id: ctx.resultId(i), "aria-labelledby": headingId },
    h("h2", { id: headingId, text: result.title }),
    result.intro ? h("p", { className: "dpup-intro", text: result.intro }) : null,
    ...children);
}

function drawUnmet(ctx, result, i) {
  const list = h("ol", { className: "dpup-next-list" });
  const none = h("p", { text: "Nothing is marked as not met yet. Answer “No” to a question and it shows here with what to do." });
  const node = resultFrame(ctx, result, i, none, list);
  node.classList.add("dpup-next");
  function refresh(value, answers = {}) {
    list.replaceChildren(...value.items.map((id) => {
      const item = itemById(ctx.def, id);
      const needs = needsReason(ctx.def, item, answers[id]);
      const note = ctx.noteOf(id);
      return h("li", { className: needs ? "dpup-needs-reason" : null }, h("a", { href: `#${ctx.id(item)}`, text: item.prompt }),
        h("p", {}, needs ? h("strong", { text: "Needs a reason: " }) : null, needs ? NEEDS_REASON : item.action),
        h("p", { className: "dpup-print-only dpup-print-note", text: note ? `Your note: ${note}` : "" }));
    }));
    list.hidden = !value.items.length;
    none.hidden = Boolean(value.items.length);
  }
  return { node, refresh };
}

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = h("textarea", { readonly: true, className: "dpup-copy-area" });
  area.value = text;
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}

// The other kinds (template; rules, score, catalogue) are drawn by text.js and choice.js.
const DRAW_RESULT = { unmet: drawUnmet };

// The part that works out and draws each kind a tool may use beyond questions and the "unmet"
// list: a tool page loads only the parts its own kinds need, before it draws the tool.
const KIND_PARTS = { text: "text", template: "text", choice: "choice", rules: "choice", score: "choice", catalogue: "choice" };

function kindParts(def) {
  return [...new Set([...allItems(def), ...def.results].map((entry) => KIND_PARTS[entry.kind]).filter(Boolean))];
}

// ---------------------------------------------------------------------------------------------
// Compare answers (compare.js): several people's JSON records of this tool, item by item. The
// records are read on this page only, never saved in this browser: they are other people's answers.

// The "Compare answers with your team" section: closed until opened, nothing kept after the page.
// Its messages are live regions, not role=status/alert: those belong to the tool's own messages.
function drawCompare(def, uiId, using) {
  const picker = h("input", { type: "file", id: uiId("compare-files"), accept: ".json,application/json", multiple: true });
  const errors = h("div", { className: "dpup-compare-errors", "aria-live": "assertive" });
  const summary = h("p", { className: "dpup-compare-summary", "aria-live": "polite" });
  const output = h("div", { className: "dpup-compare-output" });
  const downloadButton = h("button", { type: "button", hidden: true, text: "Download the comparison (Markdown)" });
  const onlyDiffer = h("input", { type: "checkbox", id: uiId("compare-differ") });
  const filter = h("p", { hidden: true }, onlyDiffer, h("label", { for: onlyDiffer.id, text: " Show only where answers differ" }));
  let files = [];

  downloadButton.addEventListener("click", async () => {
    const compare = await using("compare");
    if (compare) download(`${def.id}-comparison-${today()}.md`, compare.renderComparison(def, files, today()), "text/markdown");
  });

  // Leave out the items (and then the sections) where nobody differs.
  function narrow() {
    for (const part of output.querySelectorAll(".dpup-compare-part")) {
      for (const item of part.querySelectorAll(".dpup-compare-item")) {
        item.hidden = onlyDiffer.checked && !item.classList.contains("dpup-compare-differ");
      }
      part.hidden = ![...part.querySelectorAll(".dpup-compare-item")].some((item) => !item.hidden);
    }
  }
  onlyDiffer.addEventListener("change", narrow);

  picker.addEventListener("change", async () => {
    const chosen = [...picker.files];
    picker.value = "";
    files = [];
    for (const file of chosen) {
      let text = "";
      try {
        text = await file.arrayBuffer(); // bytes: the comparison says so if they are not UTF-8
      } catch {
        // Left empty: the comparison then says this file is not valid JSON.
      }
      files.push({ name: file.name, text });
    }
    files.sort((a, b) => (a.name < b.name ? -1 : Number(a.name > b.name)));
    const compare = await using("compare");
    if (compare) compare.showComparison(def, files, { errors, summary, output, downloadButton, filter });
    narrow();
  });

  const title = h("h2", { id: uiId("compare"), text: "Compare answers with your team" });
  return h("section", { className: "dpup-compare", "aria-labelledby": title.id }, title,
    h("details", {},
      h("summary", { text: "Open to compare records" }),
      h("p", { text: "Each person saves a record of this tool as a JSON file. Choose two or more of them to see, "
        + "item by item, where your team agrees and where it differs." }),
      h("p", { text: "The records stay on this page: they are not saved in this browser or sent anywhere." }),
      h("p", {}, h("label", { for: picker.id, text: "Records to compare (JSON files): " }), picker),
      errors, summary,
      h("div", { className: "dpup-buttons" }, downloadButton),
      filter,
      output));
}

// Finding your way in a long tool, from the tool's data alone: a small bar that stays in view
// (progress, links to the sections, the next unanswered item), a word on why the total changed,
// a panel once everything is answered, and messages shown beside what the person used.

const FOCUSABLE = "a[href], button, input, textarea, select, summary, [tabindex]";

// Scroll an element of the tool into view (below the bar) and move focus there: for an item its
// chosen option or first control, otherwise the element itself (a heading, made focusable).
function goTo(target) {
  const item = target.closest(".dpup-item");
  let focus = item && (item.querySelector("input:checked") || item.querySelector("input, textarea, select"));
  if (!focus) {
    focus = target.matches("section") ? target.querySelector("h2") || target : target;
    if (!focus.matches(FOCUSABLE)) focus.setAttribute("tabindex", "-1");
  }
  (item || target).scrollIntoView({ block: "start" });
  focus.focus({ preventScroll: true });
}

// How far down the page's own sticky header reaches (the book's theme has one; Voila has none).
function headerHeight() {
  let height = 0;
  for (const header of document.querySelectorAll(".bd-header, .bd-header-article")) {
    const style = getComputedStyle(header);
    if (style.display !== "none" && /sticky|fixed/.test(style.position)) height = Math.max(height, header.offsetHeight);
  }
  return height;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// ui: { root (the tool's element), sectionId(section), completeId, progressText, progressBar }.
// Returns { node, refresh(state, answers), dispose() }.
function drawWayfinder(ctx, ui) {
  const { def } = ctx;
  const change = h("p", { className: "dpup-progress-change", role: "status" });
  // Leads to the next unanswered item; once there is none, to the completion panel, and says so.
  const next = h("a", { className: "dpup-next-unanswered", href: `#${ui.completeId}`, text: "Next unanswered question" });
  const targets = [
    ...def.sections.map((section) => ({ id: ui.sectionId(section), title: section.title, section })),
    ...def.results.map((result, i) => ({ id: ctx.resultId(i), title: result.title })),
  ];
  const links = targets.map((target) => h("li", {}, h("a", { href: `#${target.id}`, text: target.title })));
  const jump = h("details", { className: "dpup-jump" }, h("summary", { text: "Sections" }), h("ul", {}, ...links));
  const node = h("div", { className: "dpup-progress dpup-wayfinder" },
    h("h2", { className: "dpup-screen-hidden", text: "Your progress" }), ui.progressText, ui.progressBar,
    h("nav", { className: "dpup-wayfinder-nav", "aria-label": "In this tool" }, jump, next), change);

  let shownBefore = null; // the items shown at the last refresh (null before the first)
  let completeBefore = false;
  let cause = null; // the item the person is changing, while its change is handled
  let explained = null; // the item the message in `change` is about
  const items = new Map(allItems(def).map((item) => [ctx.id(item), item]));
  const causeFrom = (event) => {
    const found = event.target instanceof Element && event.target.closest(".dpup-item");
    cause = found ? items.get(found.id) || null : null;
  };
  const causeDone = () => { cause = null; };
  for (const type of ["input", "change"]) {
    ui.root.addEventListener(type, causeFrom, true);
    ui.root.addEventListener(type, causeDone);
  }

  // Links to places in the tool move focus there, not only the view (sections, "What to do next").
  ui.root.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest('a[href^="#"]');
    if (!link || event.defaultPrevented) return;
    const id = decodeURIComponent(link.getAttribute("href").slice(1));
    const target = id && document.getElementById(id);
    if (!target || !ui.root.contains(target)) return;
    event.preventDefault();
    jump.open = false;
    fit(); // the bar's height now, as its message may just have changed
    goTo(target);
  });
  jump.addEventListener("focusout", (event) => {
    if (!jump.contains(event.relatedTarget)) jump.open = false; // moving on closes the list
  });
  jump.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !jump.open) return;
    jump.open = false;
    jump.querySelector("summary").focus();
  });

  function explain(state) {
    const ids = new Set(state.shown.map((item) => item.id));
    const added = state.shown.filter((item) => !shownBefore.has(item.id)).length;
    const removed = [...shownBefore].filter((id) => !ids.has(id)).length;
    if (!cause) {
      if (added || removed) change.textContent = "";
      return;
    }
    if (!added && !removed) {
      if (explained && explained !== cause) change.textContent = "";
      return;
    }
    const parts = [];
    if (added) parts.push(`${plural(added, "follow-up question")} added`);
    if (removed) parts.push(`${plural(removed, "follow-up question")} no longer ${removed === 1 ? "applies" : "apply"}`);
    change.textContent = `${parts.join(" and ")} because of your answer to “${cause.prompt}”.`;
    explained = cause;
  }

  function refresh(state, answers) {
    if (shownBefore) explain(state);
    const shown = new Set(state.shown.map((item) => item.id));
    targets.forEach((target, i) => {
      links[i].hidden = Boolean(target.section) && !target.section.items.some((item) => shown.has(item.id));
    });
    const waiting = state.shown.find((item) => !answerOf(item, answers));
    next.setAttribute("href", `#${waiting ? ctx.id(waiting) : ui.completeId}`);
    const complete = state.total > 0 && !waiting;
    next.textContent = complete ? "All answered: what next" : "Next unanswered question";
    next.hidden = !waiting && !complete; // nothing shown to answer: no panel to lead to either
    if (complete && !completeBefore && shownBefore && cause) {
      change.textContent = "Everything is answered. What to do next is below the last question.";
      explained = cause;
    }
    completeBefore = complete;
    shownBefore = shown;
  }

  // The bar sits below the page's sticky header; what a link leads to lands below the bar.
  // Reading sizes makes the browser lay the page out, so it is done only when they may have
  // changed (the watcher reports the bar's size once the page is first laid out, not before),
  // and a style is written only when it changes, which would make it lay the page out again.
  function fit() {
    for (const [name, value] of [["--dpup-top", `${headerHeight()}px`], ["--dpup-covered", `${node.offsetHeight + 8}px`]]) {
      if (ui.root.style.getPropertyValue(name) !== value) ui.root.style.setProperty(name, value);
    }
  }
  const watcher = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(fit);
  if (watcher) watcher.observe(node);
  window.addEventListener("resize", fit);
  return {
    node,
    refresh,
    fit,
    dispose() {
      if (watcher) watcher.disconnect();
      window.removeEventListener("resize", fit);
    },
  };
}

// Shown once every item on the page is answered: where to go next. Links only, so it never takes
// focus by itself (the bar's "All answered: what next" leads here).
function drawCompletion(ctx, ui) {
  const { def } = ctx;
  const heading = h("h2", { id: ui.completeId, tabindex: "-1", text: "Everything is answered" });
  const results = def.results.map((result, i) => h("li", {}, h("a", { href: `#${ctx.resultId(i)}`, text: `Read the results: ${result.title}` })));
  const node = h("section", { className: "dpup-complete", "aria-labelledby": ui.completeId, hidden: true },
    heading,
    h("p", { text: "You have answered every question shown. What next:" }),
    h("ul", {}, ...results,
      h("li", {}, h("a", { href: `#${ui.keepId}`, text: "Keep a record: download it, or print it or save it as a PDF" }))));
  function refresh(state, answers) {
    node.hidden = !(state.total > 0 && state.shown.every((item) => answerOf(item, answers)));
  }
  return { node, refresh };
}

// Messages appear beside what the person used: after the row of the button they pressed or the
// file they chose (and take focus there), or after the item they were answering (focus stays).
// `nodes()`: the message elements, and the buttons offered with them, in order.
function placeFeedback(root, nodes) {
  let origin = null;
  let home = null; // what the messages follow at the top of the tool
  const remember = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const from = target && (target.closest(".dpup-item") || target.closest("button, input[type=file]"));
    if (!from || !root.contains(from)) return;
    origin = from;
    // A button's message comes while its click is handled; a chosen file's comes once it is read.
    if (!from.matches("input[type=file]")) setTimeout(() => { if (origin === from) origin = null; });
  };
  root.addEventListener("click", remember, true);
  root.addEventListener("change", remember, true);
  root.addEventListener("input", remember, true);
  for (const message of nodes().slice(0, 2)) message.setAttribute("tabindex", "-1");
  return {
    // Before waiting for something (a part of the tool to load): gives back a function that, once
    // the wait is over, puts the message of the control that asked beside that control again.
    keep() {
      const from = origin;
      return () => {
        origin = from;
        setTimeout(() => { if (origin === from) origin = null; });
      };
    },
    // Called as a message is about to be shown in `message`.
    place(message) {
      const from = origin;
      origin = null;
      const group = nodes().filter(Boolean);
      home = home || group[0].previousElementSibling;
      if (!from || !from.isConnected) {
        // Not caused here (loading, another tab): at the top of the tool, where it always was.
        if (home && home.isConnected && group[0].previousElementSibling !== home) home.after(...group);
        return;
      }
      const anchor = from.closest(".dpup-item") || from.closest(".dpup-buttons, p") || from;
      if (!group.some((node) => node.contains(anchor))) anchor.after(...group);
      if (!from.matches(".dpup-item")) queueMicrotask(() => { if (message.textContent) message.focus(); });
    },
  };
}

// ---- "Your saved checks": start, switch, rename and delete checks (see savedChecks). ----
// host: { def, uiId, open(check, message) }; open shows that check's answers, says `message` (and
// anything loading them had to say) at the top of the tool, and returns whether loading said anything.
// Returns { line, node, current, refresh }: `line` names the open check at the top of the tool,
// `node` is the section of controls, `refresh` re-reads the list after another tab changed it.

const NO_STORAGE = "This browser is not letting the page keep saved checks. Download a record before you leave the page.";

function checksControl(host) {
  const { def, uiId } = host;
  const readChecks = () => {
    try {
      return savedChecks(def);
    } catch {
      return { checks: [{ id: FIRST_CHECK, name: FIRST_CHECK_NAME }], current: FIRST_CHECK, damaged: false };
    }
  };
  let list = readChecks();
  let current = list.current;
  let removed = null; // the check deleted last, while Undo delete is offered
  let naming = null; // "new" or "rename" while the name field is open

  const sectionId = uiId("checks");
  const nowName = h("strong");
  const line = h("p", { className: "dpup-check-now", id: uiId("check-now") }, "Saved check: ", nowName, ". ",
    h("a", { href: `#${sectionId}`, text: "Switch, rename or start another check" }));
  const status = h("p", { className: "dpup-message", role: "status" });
  const alert = h("p", { className: "dpup-message dpup-message-error", role: "alert" });
  const select = h("select", { id: uiId("check-list") });
  const switchButton = h("button", { type: "button", text: "Switch to this check" });
  const newButton = h("button", { type: "button", text: "Start a new check" });
  const renameButton = h("button", { type: "button", className: "dpup-secondary", text: "Rename this check" });
  const deleteButton = h("button", { type: "button", className: "dpup-secondary", text: "Delete this check" });
  const undoButton = h("button", { type: "button", className: "dpup-undo", hidden: true, text: "Undo delete" });
  const nameInput = h("input", {
    type: "text", id: uiId("check-name"), maxlength: MAX_CHECK_NAME, autocomplete: "off", className: "dpup-check-name-input",
  });
  const nameLabel = h("label", { for: nameInput.id });
  const nameSubmit = h("button", { type: "submit" });
  const nameCancel = h("button", { type: "button", className: "dpup-secondary", text: "Cancel" });
  const nameForm = h("form", { className: "dpup-check-name", hidden: true },
    h("p", {}, nameLabel, nameInput), h("div", { className: "dpup-buttons" }, nameSubmit, nameCancel));

  const nameOf = (id) => (list.checks.find((check) => check.id === id) || { name: FIRST_CHECK_NAME }).name;

  function tell(message, { error = false } = {}) {
    (error ? alert : status).textContent = message || "";
    (error ? status : alert).textContent = "";
  }

  function draw() {
    nowName.textContent = nameOf(current);
    select.replaceChildren(...list.checks.map((check) => h("option", { value: check.id, text: check.name })));
    select.value = current;
    deleteButton.textContent = list.checks.length > 1 ? "Delete this check" : "Delete this check and start afresh";
  }

  // Every action ends in a message: what it did, or why it could not.
  function failed(error) {
    tell(error instanceof CheckError ? error.message : NO_STORAGE, { error: true });
  }

  // The actions that change the list are in checks.js, loaded on first use; one runs at a time.
  let busy = false;
  async function attempt(action) {
    if (busy) return;
    busy = true;
    let checks = null;
    try {
      checks = await part("checks");
    } catch {
      tell(NOT_LOADED, { error: true });
    }
    try {
      if (checks) action(checks);
    } catch (error) {
      failed(error);
    }
    busy = false;
  }

  function hideUndo() {
    removed = null;
    undoButton.hidden = true;
  }

  function closeForm() {
    naming = null;
    nameForm.hidden = true;
  }

  function openForm(mode) {
    naming = mode;
    nameLabel.textContent = mode === "new" ? "Name for the new check, for example the programme it is about: "
      : "New name for this check: ";
    nameSubmit.textContent = mode === "new" ? "Start the check" : "Save the name";
    nameInput.value = mode === "new" ? "" : nameOf(current);
    nameForm.hidden = false;
    tell("");
    nameInput.focus();
    nameInput.select();
  }

  function show(id, message) {
    current = id;
    rememberCheck(def, id);
    list = readChecks();
    draw();
    const told = host.open(id, message);
    return told ? " Read the message at the top of this tool about its saved answers." : "";
  }

  switchButton.addEventListener("click", () => {
    const id = select.value;
    closeForm();
    if (id === current) {
      tell(`You are already working on “${nameOf(id)}”.`);
      return;
    }
    hideUndo();
    try {
      const name = nameOf(id);
      tell(`You are now working on “${name}”. Your other checks are still saved.${show(id)}`);
    } catch (error) {
      failed(error);
    }
  });
  newButton.addEventListener("click", () => openForm("new"));
  renameButton.addEventListener("click", () => openForm("rename"));
  nameCancel.addEventListener("click", () => {
    const back = naming === "new" ? newButton : renameButton;
    closeForm();
    tell("");
    back.focus();
  });
  nameInput.addEventListener("keydown", (event) => {
    if (event.key === "Escape") nameCancel.click();
  });
  nameForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const mode = naming;
    await attempt(({ startCheck, renameCheck }) => {
      if (mode === "new") {
        const id = startCheck(def, nameInput.value);
        hideUndo();
        closeForm();
        list = readChecks();
        const told = show(id);
        tell(`You started a new check, “${nameOf(id)}”. It has no answers yet. Your other checks are still saved.${told}`);
        newButton.focus();
      } else {
        const name = renameCheck(def, current, nameInput.value);
        closeForm();
        list = readChecks();
        draw();
        tell(`This check is now called “${name}”.`);
        renameButton.focus();
      }
    });
    if (!nameForm.hidden) nameInput.focus(); // the name was not accepted: the message says why
  });
  deleteButton.addEventListener("click", () => {
    closeForm();
    attempt(({ deleteCheck }) => {
      const gone = deleteCheck(def, current);
      removed = gone;
      const told = show(gone.next);
      tell(`“${gone.name}” was deleted from this browser. You are now working on “${nameOf(gone.next)}”. `
        + `Undo delete brings “${gone.name}” back.${told}`);
      undoButton.hidden = false;
      undoButton.focus();
    });
  });
  undoButton.addEventListener("click", () => {
    if (removed === null) return;
    attempt(({ restoreCheck }) => {
      restoreCheck(def, removed);
      const back = removed;
      hideUndo();
      const told = show(back.id);
      tell(`“${nameOf(back.id)}” is back, with everything saved for it.${told}`);
      select.focus();
    });
  });

  if (list.damaged) {
    let copied = true;
    try {
      const storage = window.localStorage;
      keepCopy(storage, checksKey(def), storage.getItem(checksKey(def)));
    } catch {
      copied = false;
    }
    tell(`The list of your saved checks' names could not be read. Every saved answer is still here; a check without `
      + `its name is called “${FOUND_CHECK_NAME}”.${copied ? " A copy of the list is kept in this browser." : ""}`, { error: true });
  }

  // Another tab started, renamed or deleted a check.
  function refresh() {
    const before = nameOf(current);
    list = readChecks();
    if (list.checks.some((check) => check.id === current)) {
      draw();
      return;
    }
    hideUndo();
    closeForm();
    const next = list.checks[0].id;
    const message = `“${before}” was deleted in another tab. You are now working on “${nameOf(next)}”.`;
    current = next;
    draw();
    host.open(next, message);
  }

  draw();
  const node = h("section", { className: "dpup-checks", "aria-labelledby": sectionId },
    h("h2", { id: sectionId, text: "Your saved checks" }),
    h("p", { text: "Keep a separate check for each programme or project you look at. Each one is saved in this "
      + "browser under its own name, with its own answers." }),
    h("p", { className: "dpup-check-choose" }, h("label", { for: select.id, text: "Choose a saved check: " }), select,
      switchButton),
    h("div", { className: "dpup-buttons" }, newButton, renameButton, deleteButton, undoButton),
    nameForm, status, alert);
  return { line, node, current: () => current, refresh };
}

async function render({ model, el }) {
  const def = model.get("definition");
  widgetsOnPage += 1;
  const number = widgetsOnPage;
  try {
    await Promise.all(kindParts(def).map(part));
  } catch {
    el.replaceChildren(h("p", { className: "dpup-message dpup-message-error",
      text: "This tool could not be loaded (are you offline?). Reload the page to try again." }));
    return () => {};
  }
  // Every element id is namespaced: items, sections and results each under their own word, the
  // widget's own parts after "--" (no item id can contain "--"), so no id in a file can collide.
  const prefix = `dpup-${def.id}${number > 1 ? `-${number}` : ""}`;
  const uiId = (name) => `${prefix}--${name}`;

  let answers = {};
  let store = def; // the open saved check, as the storage functions take it (checkStore)
  let about = cleanAbout(null); // what is being checked, by whom, review date: saved and in every record
  let undo = null; // { before: answers, beforeAbout, stored: what storage held right after the change }
  let blocked = false; // saved data could not be copied aside: do not save over it
  let recover = null; // saved data left out on load, offered as a download

  const status = h("p", { className: "dpup-message", role: "status" });
  const alert = h("p", { className: "dpup-message dpup-message-error", role: "alert" });
  // Offered next to the messages whenever something could not be saved or was left out.
  const saveNowButton = h("button", { type: "button", hidden: true, text: "Download a record (JSON) now" });
  const recoverButton = h("button", { type: "button", hidden: true, text: "Download the saved data that was left out" });
  const progressText = h("p", { className: "dpup-progress-text", id: uiId("progress"), role: "status" });
  const progressBar = h("progress", { max: 1, value: 0, "aria-labelledby": uiId("progress") });
  const undoButton = h("button", { type: "button", className: "dpup-undo", hidden: true, text: "Undo" });
  const feedback = placeFeedback(el, () => [status, alert, saveNowButton.parentElement]);

  const ctx = {
    def,
    id: (item) => `${prefix}-item-${item.id}`,
    resultId: (i) => `${prefix}-result-${i + 1}`,
    update: (...args) => update(...args),
    noteOf: (id) => (answers[id] || {}).note || "", // printed under the item's action
  };
  const itemViews = allItems(def).map((item) => DRAW_ITEM[item.kind](ctx, item));
  const resultViews = def.results.map((result, i) => DRAW_RESULT[result.kind](ctx, result, i));

  function say(message, { error = false } = {}) {
    feedback.place(error ? alert : status);
    (error ? alert : status).textContent = message || "";
    (error ? status : alert).textContent = "";
  }

  function show() {
    const state = progressOf(def, answers);
    const shownIds = new Set(state.shown.map((item) => item.id));
    for (const view of itemViews) {
      view.node.hidden = !shownIds.has(view.item.id);
      view.refresh(answers[view.item.id] || {});
    }
    for (const section of el.querySelectorAll(".dpup-section")) {
      section.hidden = ![...section.querySelectorAll(".dpup-item")].some((item) => !item.hidden);
    }
    progressText.textContent = progressSummary(state);
    progressBar.max = Math.max(state.total, 1);
    progressBar.value = state.answered;
    wayfinder.refresh(state, answers);
    completion.refresh(state, answers);
    resultsOf(def, answers).forEach((value, i) => resultViews[i].refresh(value, answers));
    fitLongWords();
  }

  // Show `next` and save it. Returns whether it was saved; when not, the answers stay on the
  // page, the person is told (unless the caller says so itself) and offered a download.
  function commit(next, { sync = true, quiet = false } = {}) {
    answers = next;
    const saved = !blocked && writeSaved(store, answers, about);
    saveNowButton.hidden = saved;
    if (!saved && !quiet) say(CANNOT_SAVE, { error: true });
    if (sync) {
      model.set("about", about);
      model.set("answers", answers);
      model.save_changes();
    }
    show();
    return saved;
  }

  function notSaved(what) {
    return `${what} The answers are on this page, but this browser could not save them (it may be full). `
      + "Download a record (JSON) now, or they will be gone when you leave the page.";
  }

  function dropUndo() {
    undo = null;
    undoButton.hidden = true;
  }

  function update(itemId, change, options) {
    const entry = { answer: null, note: "", ...(answers[itemId] || {}), ...change };
    const next = { ...answers, [itemId]: entry };
    dropUndo();
    commit(cleanAnswers(def, next), options);
  }

  // After a change the person may want to take back: say how it went, and offer Undo.
  function changeWithUndo(next, done, nextAbout = about) {
    const previous = answers;
    const beforeAbout = about;
    setAbout(nextAbout);
    const saved = commit(next, { quiet: true });
    undo = { before: previous, beforeAbout, stored: savedText(store) };
    undoButton.hidden = false;
    if (saved) say(done);
    else say(notSaved(done), { error: true });
  }

  undoButton.addEventListener("click", () => {
    if (undo === null) return;
    const { before, beforeAbout, stored } = undo;
    dropUndo();
    if (!blocked && savedText(store) !== stored) {
      // Another tab saved since: Undo would write over answers it did not make.
      say("Your answers were changed in another tab after this, so Undo would overwrite those changes. "
        + "Nothing was changed.", { error: true });
      return;
    }
    setAbout(beforeAbout);
    if (commit(before, { quiet: true })) say("Your answers are back.");
    else say(notSaved("Your answers are back."), { error: true });
  });

  // A part of the tool (records, compare), or null when it could not be loaded (say why).
  async function using(name) {
    const back = feedback.keep();
    try {
      const loaded = await part(name);
      back();
      return loaded;
    } catch {
      back();
      say(NOT_LOADED, { error: true });
      return null;
    }
  }

  saveNowButton.addEventListener("click", async () => {
    const records = await using("records");
    if (records) download(`${def.id}-record-${today()}.json`, records.renderJson(def, answers, today()), "application/json");
  });

  recoverButton.addEventListener("click", () => {
    if (recover === null) return;
    download(`${def.id}-saved-data-${today()}.json`, recover.text, "application/json");
    if (blocked) {
      // The person now holds the data: the page may save over it again.
      try {
        window.localStorage.removeItem(recover.key);
      } catch {
        // Nothing to remove.
      }
      blocked = false;
      recover = null;
      recoverButton.hidden = true;
      if (commit(answers, { quiet: true })) say("The saved data was downloaded. This page saves your answers again.");
      else say(CANNOT_SAVE, { error: true });
    }
  });

  // Start from what is saved (or say why not); also used when another tab saves.
  function startFrom(saved) {
    blocked = saved.blocked;
    recover = saved.recover;
    recoverButton.hidden = recover === null;
    if (saved.message) say(saved.message, { error: saved.error });
  }

  // Show the answers of another saved check (checksControl), and what loading them had to say.
  // Returns whether there was anything to say beyond `message`.
  function openCheck(check, message) {
    dropUndo();
    store = checkStore(def, check);
    const saved = loadSaved(store);
    startFrom({ ...saved, message: null });
    setAbout(loadAbout(store)); // each check keeps its own "What are you checking?"
    const kept = commit(saved.answers || {}, { quiet: true });
    const problem = saved.message || (kept ? null : CANNOT_SAVE);
    say([message, problem].filter(Boolean).join(" "), { error: Boolean(saved.error || !kept) });
    return Boolean(problem);
  }

  // Every textarea: a long unbroken run of letters may break anywhere. Chromium otherwise lays out
  // such a run in a textarea in quadratic time (a 1 MB note of one non-ASCII letter froze the page).
  function fitLongWords() {
    for (const area of el.querySelectorAll("textarea")) {
      area.classList.toggle("dpup-long-words", /[^ \t\r\n]{60}/.test(area.value));
    }
  }

  // What are you checking, who completed it, when to review it: asked at the top, kept with the answers.
  const aboutInputs = {
    what: h("input", { type: "text", id: uiId("what"), className: "dpup-field", "aria-describedby": uiId("what-help") }),
    completed_by: h("input", { type: "text", id: uiId("completed-by"), className: "dpup-field", autocomplete: "name" }),
    review_by: h("input", { type: "date", id: uiId("review-by"), className: "dpup-field dpup-date" }),
  };
  const aboutPrint = h("ul", { className: "dpup-print-only dpup-about-print" });
  const aboutLabels = { what: "What are you checking?", completed_by: "Completed by", review_by: "Review by (optional)" };
  const aboutBlock = h("section", { className: "dpup-about", "aria-labelledby": uiId("about") },
    h("h2", { id: uiId("about"), text: "About this check" }),
    ...ABOUT_FIELDS.map((field) => h("p", { className: "dpup-about-field" },
      h("label", { for: aboutInputs[field].id, text: aboutLabels[field] }),
      field === "what" ? h("span", { className: "dpup-help", id: uiId("what-help"),
        text: "For example, the programme, service or project. It goes in your record and its file name." }) : null,
      aboutInputs[field])),
    aboutPrint);

  function printAbout() {
    // On paper an empty detail is a line to write on.
    const filled = cleanAbout(about);
    aboutPrint.replaceChildren(...aboutLines(about).map(([label, text], i) => filled[ABOUT_FIELDS[i]]
      ? h("li", { text: `${label}: ${text}` })
      : h("li", { className: "dpup-blank" }, `${label}: `, h("span", { className: "dpup-write-here" }))));
  }

  function showAbout() {
    for (const field of ABOUT_FIELDS) {
      if (document.activeElement !== aboutInputs[field]) aboutInputs[field].value = about[field] || "";
    }
    printAbout();
  }

  function setAbout(next) {
    about = { ...cleanAbout(null), ...next };
    showAbout();
  }

  for (const field of ABOUT_FIELDS) {
    const input = aboutInputs[field];
    input.addEventListener("input", () => {
      about = { ...about, [field]: input.value };
      commit(answers, { sync: false });
      printAbout();
    });
    input.addEventListener("change", () => {
      about = { ...about, [field]: input.value };
      commit(answers);
    });
  }

  const views = new Map(itemViews.map((view) => [view.item.id, view]));
  const sections = def.sections.map((section) => h("section", {
    className: "dpup-section", "aria-labelledby": `${prefix}-section-${section.id}`,
  },
  h("h2", { id: `${prefix}-section-${section.id}`, text: section.title }),
  section.intro ? h("p", { className: "dpup-intro", text: section.intro }) : null,
  ...section.items.map((item) => views.get(item.id).node)));
  const places = {
    root: el, sectionId: (section) => `${prefix}-section-${section.id}`, completeId: uiId("complete"), keepId: uiId("keep"),
    progressText, progressBar,
  };
  const wayfinder = drawWayfinder(ctx, places);
  const completion = drawCompletion(ctx, places);

  const jsonButton = h("button", { type: "button", text: "Save my progress to a file" });
  const openButton = h("button", { type: "button", className: "dpup-secondary", text: "Open a saved progress file" });
  const mdButton = h("button", { type: "button", text: "Download a summary (Markdown)" });
  const copyButton = h("button", { type: "button", text: "Copy summary" });
  const docxButton = h("button", { type: "button", text: "Download for Word (.docx)" });
  const printButton = h("button", { type: "button", text: "Print or save as PDF" });
  const clearButton = h("button", { type: "button", className: "dpup-clear", text: "Clear my answers" });
  // The file input itself stays hidden: "Open a saved progress file" opens it.
  const importInput = h("input", { type: "file", id: uiId("import"), accept: ".json,application/json", hidden: true, tabindex: -1 });
  const keepStatus = h("p", { className: "dpup-message dpup-keep-status", role: "status" });
  const copyArea = h("textarea", { id: uiId("summary"), className: "dpup-note dpup-summary-text", readonly: true, rows: 8 });
  const copyBox = h("p", { className: "dpup-summary-box", hidden: true },
    h("label", { for: copyArea.id, text: "Your summary, selected to copy" }), copyArea);

  mdButton.addEventListener("click", async () => {
    const records = await using("records");
    if (!records) return;
    download(records.recordFilename(def.id, about, stamp(), "md"), records.renderMarkdown(def, answers, today(), about), "text/markdown");
    say("Your summary was downloaded as a Markdown file.");
  });
  jsonButton.addEventListener("click", async () => {
    const records = await using("records");
    if (!records) return;
    download(records.recordFilename(def.id, about, stamp(), "json"), records.renderJson(def, answers, today(), about), "application/json");
    say("Your progress was saved to a file. Open it here later to carry on.");
  });
  openButton.addEventListener("click", () => importInput.click());
  copyButton.addEventListener("click", async () => {
    const records = await using("records");
    if (!records) return;
    const summary = records.renderMarkdown(def, answers, today(), about);
    copyBox.hidden = true;
    copyText(summary).then(() => {
      keepStatus.textContent = "Summary copied. Paste it into an email or a Teams message.";
    }, () => {
      // No clipboard here (an older browser, or not allowed): show the summary selected instead.
      copyArea.value = summary;
      copyBox.hidden = false;
      copyArea.focus();
      copyArea.select();
      keepStatus.textContent = "This browser did not let the page copy. The summary is selected below: copy it with Ctrl+C (⌘+C on a Mac).";
    });
  });
  docxButton.addEventListener("click", async () => {
    const when = stamp();
    const root = document.documentElement.dataset.content_root;
    if (root === undefined) {
      // JupyterLab or Voila: the kernel writes the file with python-docx and sends it back.
      keepStatus.textContent = "Making your Word file…";
      // The answers go with the request: a change still waiting in ipywidgets' queue of state
      // updates (a note typed just before the click) would otherwise reach the kernel after it.
      model.send({ kind: "docx", exported_at: today(), stamp: when, answers, about });
      return;
    }
    keepStatus.textContent = "Making your Word file…";
    try {
      // The Word library loads only now, from this site (never with the page).
      const records = await part("records");
      const word = await import(new URL(`${root}widgets/docx/record.mjs`, document.baseURI).href);
      const blob = await word.docxBlob(records.RECORD_RULES, def, answers, today(), about);
      download(records.recordFilename(def.id, about, when, "docx"), blob, DOCX_TYPE);
      keepStatus.textContent = "Your summary was downloaded as a Word file.";
    } catch {
      keepStatus.textContent = "The Word file could not be made here (are you offline?). Download a summary (Markdown) instead.";
    }
  });
  const onKernelFile = (message, buffers) => {
    if (!message || message.kind !== "docx" || !buffers || !buffers.length) return;
    download(message.filename, new Blob(buffers, { type: DOCX_TYPE }), DOCX_TYPE);
    keepStatus.textContent = "Your summary was downloaded as a Word file.";
  };
  model.on("msg:custom", onKernelFile);
  printButton.addEventListener("click", () => window.print());
  clearButton.addEventListener("click", () => {
    clearSaved(store);
    blocked = false;
    recover = null;
    recoverButton.hidden = true;
    changeWithUndo({}, "All your answers and notes for this checklist were cleared from this browser.", cleanAbout(null));
  });
  importInput.addEventListener("change", async () => {
    const file = importInput.files[0];
    importInput.value = "";
    if (!file) return;
    let imported;
    let restored = null;
    try {
      const text = await file.arrayBuffer(); // bytes: importRecord says so if they are not UTF-8
      const records = await using("records");
      if (!records) return;
      imported = records.importRecord(def, text);
      restored = records.importAbout(text);
    } catch (error) {
      // Every failure ends in a message, whatever it was.
      const reason = error instanceof RecordError ? error.message : "This file could not be read as a checklist record.";
      say(`${reason} Your current answers have not changed.`, { error: true });
      return;
    }
    changeWithUndo(imported.answers, ["Your saved record was imported.", ...imported.notices].join(" "), restored || about);
  });

  const checks = checksControl({ def, uiId, open: (check, message) => openCheck(check, message) });
  // On paper: where the page is online (on the built book; Voila and JupyterLab are local).
  const source = bookHref("index") === null ? null
    : h("p", { className: "dpup-print-only dpup-print-source", text: `Online: ${location.origin}${location.pathname}` });
  el.replaceChildren(h("div", { className: "dpup-checklist" },
    source,
    checks.line,
    aboutBlock,
    wayfinder.node,
    status,
    alert,
    h("div", { className: "dpup-buttons" }, saveNowButton, recoverButton),
    ...sections,
    completion.node,
    ...resultViews.map((view) => view.node),
    h("section", { className: "dpup-controls", "aria-labelledby": uiId("keep") },
      h("h2", { id: uiId("keep"), text: "Keep a record" }),
      h("p", { text: "Your answers stay in this browser only. Nothing you type is sent anywhere." }),
      h("div", { className: "dpup-buttons" }, jsonButton, openButton, importInput),
      h("div", { className: "dpup-buttons" }, mdButton, copyButton, docxButton, printButton),
      keepStatus,
      copyBox,
      h("div", { className: "dpup-buttons" }, clearButton, undoButton)),
    checks.node));
  el.firstChild.append(drawCompare(def, uiId, using)); // Compare answers with your team

  store = checkStore(def, checks.current());
  const saved = loadSaved(store);
  startFrom(saved);
  const savedAbout = loadAbout(store);
  setAbout(Object.values(savedAbout).some(Boolean) ? savedAbout : cleanAbout(model.get("about")));
  let fromKernel = {};
  try {
    fromKernel = cleanAnswers(def, model.get("answers") || {});
  } catch (error) {
    say(error.message, { error: true });
  }
  commit(saved.answers || fromKernel, { quiet: Boolean(saved.message) }); // keep what loading said
  // The watcher measures the bar once the page is laid out. A link to a place on the page (#...)
  // is followed before that (navigation.js), so then measure now: it lands below the bar.
  if (location.hash || typeof ResizeObserver === "undefined") wayfinder.fit();

  const onKernelChange = () => {
    const incoming = model.get("answers") || {};
    if (JSON.stringify(incoming) === JSON.stringify(answers)) return;
    try {
      commit(cleanAnswers(def, incoming), { sync: false });
    } catch (error) {
      say(error.message, { error: true });
    }
  };
  model.on("change:answers", onKernelChange);
  // The kernel may set the details too (a notebook that fills in widget.about).
  const onKernelAbout = () => {
    const incoming = cleanAbout(model.get("about"));
    if (JSON.stringify(incoming) === JSON.stringify(cleanAbout(about))) return;
    setAbout(incoming);
    commit(answers, { sync: false });
  };
  model.on("change:about", onKernelAbout);

  // Another tab with this checklist saved: show its answers here too, so neither tab later
  // writes over the other with what it showed before. (Only shown, not written back.)
  const onOtherTab = (event) => {
    if (event.key !== null && event.key !== storageKey(store)) return;
    if (undo !== null) {
      dropUndo();
      say("Your answers were changed in another tab, so Undo is no longer offered here.");
    }
    const saved = loadSaved(store);
    blocked = saved.blocked;
    if (saved.message) startFrom(saved);
    answers = saved.answers || {};
    setAbout(loadAbout(store));
    model.set("about", about);
    model.set("answers", answers);
    model.save_changes();
    show();
  };
  window.addEventListener("storage", onOtherTab);
  const onOtherTabChecks = (event) => {
    if (event.key === null || event.key === checksKey(def)) checks.refresh();
  };
  window.addEventListener("storage", onOtherTabChecks);
  return () => {
    model.off("change:answers", onKernelChange);
    model.off("msg:custom", onKernelFile);
    model.off("change:about", onKernelAbout);
    window.removeEventListener("storage", onOtherTab);
    window.removeEventListener("storage", onOtherTabChecks);
    wayfinder.dispose();
  };
}

export default { render };

// For the parts (records.js, compare.js), and for the tests that check these rules agree with
// progress.py and record.py.
export {
  DRAW_ITEM, DRAW_RESULT, LONG_SENTENCE, NEEDS_REASON, RESULTS, RecordError, SPACE_ENDS, WS, WS_RUN, aboutLines, allItems,
  answerLabel, catalogueParts, answerOf, bookHref, changesMessage, cleanAbout, cleanAnswers, clearSaved, clearedNotice, copyText, given, h,
  isPlainObject, itemById, keepCopy, linksLine, loadSaved, needsReason, noteField, olderKeys, optionLabel, progressOf,
  radioGroup, resultFrame, resultsOf, visibleItems, writeSaved,
};

// Saved checks (several per browser), for checks.js and tests/test_saved_checks.py.
export {
  CHECK_ID, CheckError, FIRST_CHECK, FIRST_CHECK_NAME, checkOfKey, checkStore, checksKey, cleanCheckName, savedChecks,
  storageKeys, unusedName, writeChecks,
};
