var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __glob = (map) => (path) => {
  var fn = map[path];
  if (fn) return fn();
  throw new Error("Module not found in bundle: " + path);
};
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/dpup_toolkit/widget/dom.js
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === void 0) continue;
    if (name === "text") element.textContent = value;
    else if (name === "className") element.className = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.filter((child) => child !== null && child !== void 0));
  return element;
}
function today() {
  const now = /* @__PURE__ */ new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
function stamp() {
  const now = /* @__PURE__ */ new Date();
  return `${today()}-${String(now.getHours()).padStart(2, "0")}${String(now.getMinutes()).padStart(2, "0")}`;
}
function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1e4);
}
function bookHref(page) {
  const root = document.documentElement.dataset.content_root;
  return root === void 0 ? null : `${root}${page}.html`;
}
function linksLine(links, lead = "Read more: ") {
  if (!links.length) return null;
  return h("p", { className: "dpup-links" }, lead, ...links.flatMap((link, i) => {
    const href = bookHref(link.page);
    const node = href ? h("a", { href, text: link.title }) : h("span", { text: link.title });
    return i ? ["; ", node] : [node];
  }));
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
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
var DOCX_TYPE;
var init_dom = __esm({
  "src/dpup_toolkit/widget/dom.js"() {
    DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
});

// src/dpup_toolkit/shared.json
var shared_default;
var init_shared = __esm({
  "src/dpup_toolkit/shared.json"() {
    shared_default = {
      _about: "Rules the Python engine and the widget's JavaScript share. Python reads this file (shared.py); esbuild puts it into the widget's module (widget/rules.js imports it).",
      long_sentence: 25,
      lower_after_lead_in: [
        "a",
        "about",
        "all",
        "an",
        "and",
        "any",
        "at",
        "because",
        "by",
        "check",
        "contact",
        "date",
        "dates",
        "each",
        "every",
        "find",
        "for",
        "from",
        "get",
        "give",
        "help",
        "how",
        "if",
        "in",
        "information",
        "it",
        "its",
        "keep",
        "make",
        "my",
        "name",
        "names",
        "no",
        "not",
        "of",
        "on",
        "only",
        "or",
        "our",
        "plan",
        "see",
        "so",
        "some",
        "that",
        "the",
        "their",
        "them",
        "these",
        "they",
        "this",
        "those",
        "to",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "with",
        "work",
        "you",
        "your"
      ],
      max_nesting: 32,
      max_version: 1e3,
      record_format: "dpup-toolkit/checklist-record",
      record_format_version: 1,
      storage_prefix: {
        answers: "dpup-toolkit:checklist:",
        checks: "dpup-toolkit:checks:"
      },
      trimmed: " 	\r\n",
      whitespace: "	-\r -\x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
    };
  }
});

// src/dpup_toolkit/widget/rules.js
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
  const shown2 = [];
  const shownIds = /* @__PURE__ */ new Set();
  for (const item of allItems(def)) {
    const condition = item.show_if;
    const holds = !condition || shownIds.has(condition.item) && condition.answer_in.includes((answers[condition.item] || {}).answer);
    if (holds) {
      shown2.push(item);
      shownIds.add(item.id);
    }
  }
  return shown2;
}
function answerOf(item, answers) {
  let answer = (answers[item.id] || {}).answer;
  if (itemKind(item).typed && typeof answer === "string") answer = answer.replace(SPACE_ENDS, "");
  return answer || null;
}
function offered(def, item) {
  return def.answers.map((option) => option.value).filter((value) => item.not_applicable !== false || value !== def.not_applicable);
}
function needsReason(def, item, entry) {
  const { answer, reason } = entry || {};
  return itemKind(item).asksReason(def, item, answer) && !(typeof reason === "string" && reason.replace(SPACE_ENDS, ""));
}
function progressOf(def, answers) {
  const shown2 = visibleItems(def, answers);
  const answered = shown2.filter((item) => answerOf(item, answers));
  const unmet = answered.filter((item) => itemKind(item).judged && (!def.met.includes(answerOf(item, answers)) || needsReason(def, item, answers[item.id])));
  const hasQuestions = allItems(def).some((item) => itemKind(item).judged);
  return { answered: answered.length, total: shown2.length, unmet, shown: shown2, hasQuestions };
}
function progressSummary(state) {
  return state.hasQuestions ? `${state.answered} of ${state.total} questions answered. ${state.unmet.length} not met.` : `${state.answered} of ${state.total} answered.`;
}
function optionLabel(item, value) {
  return item.options.find((option) => option.value === value).label;
}
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
    ["Tools that fit one of your answers", listed("tool", some(result.tools)), null, true]
  ];
  if (entries.some((entry) => entry.kind === "case")) {
    parts.push(
      ["Case studies", listed("case", every(result.cases)), "No case study fits that choice yet.", false],
      ["Case studies that fit one of your answers", listed("case", some(result.cases)), null, true]
    );
  }
  return parts.filter(([, found, none]) => found.length || none);
}
function becauseLines(def, because) {
  return because.map(({ item, answer }) => {
    const asked = itemById(def, item);
    return [asked.prompt, /[?:]$/.test(asked.prompt) ? " " : ": ", optionLabel(asked, answer)];
  });
}
function resultsOf(def, answers) {
  const shown2 = new Set(visibleItems(def, answers).map((item) => item.id));
  return def.results.map((result) => RESULTS[result.kind](def, result, answers, shown2));
}
function given(value, missing) {
  const text = typeof value === "string" ? value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\uFFFD").replace(CONTROL, "\uFFFD") : value;
  return text === null || text === void 0 || text === "" ? missing : text;
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
      if (answer !== null && typeof answer !== "string") throw new RecordError(`The answer to \u201C${item.prompt}\u201D is not text.`);
      note = "";
    } else if (answer !== null) {
      const allowed = kind.allowed(def, item);
      if (!allowed.includes(answer)) {
        throw new RecordError(`The answer to \u201C${item.prompt}\u201D is ${shown(answer)}, which this checklist does not use.`);
      }
    }
    if (typeof note !== "string") throw new RecordError(`The note for \u201C${item.prompt}\u201D is not text.`);
    if (typeof reason !== "string") throw new RecordError(`The reason for \u201C${item.prompt}\u201D is not text.`);
    if (answer || note) {
      cleaned[item.id] = { answer, note };
      if (reason && kind.keepsReason(def, item, answer)) cleaned[item.id].reason = reason;
    }
  }
  return cleaned;
}
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
  return [`${text}${parts.length ? `: ${parts.join(", ")}` : ""}.`, ...later.filter((change) => change.note).map((change) => change.note)].join(" ");
}
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
  return `${count} question(s) no longer offer \u201C${answerLabel(def, def.not_applicable)}\u201D, so those answers were cleared: please answer them again.`;
}
var SPACE_ENDS, WS, WS_RUN, LONG_SENTENCE, ITEM_KINDS, NEEDS_REASON, RESULTS, RecordError, CONTROL, ABOUT_FIELDS, ABOUT_LABELS;
var init_rules = __esm({
  "src/dpup_toolkit/widget/rules.js"() {
    init_shared();
    SPACE_ENDS = new RegExp(`^[${shared_default.trimmed}]+|[${shared_default.trimmed}]+$`, "g");
    WS = shared_default.whitespace;
    WS_RUN = new RegExp(`[${WS}]+`, "u");
    LONG_SENTENCE = shared_default.long_sentence;
    ITEM_KINDS = {};
    NEEDS_REASON = "Say why this does not apply, or answer it.";
    RESULTS = {
      unmet(def, result, answers) {
        return { kind: "unmet", title: result.title, items: progressOf(def, answers).unmet.map((item) => item.id) };
      }
      // template (text.js); rules, score and catalogue (choice.js): each part adds its own.
    };
    RecordError = class extends Error {
    };
    CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/g;
    ABOUT_FIELDS = ["what", "completed_by", "review_by"];
    ABOUT_LABELS = { what: "What is being checked", completed_by: "Completed by", review_by: "Review by" };
  }
});

// src/dpup_toolkit/widget/messages.js
var NOT_LOADED, SAVE_NOW;
var init_messages = __esm({
  "src/dpup_toolkit/widget/messages.js"() {
    NOT_LOADED = "This part of the tool could not be loaded. Your answers are still on this page. If the site was updated since you opened it, use \u201CSave a file to carry on later\u201D (it still works), then reload the page. Otherwise check your connection and try again.";
    SAVE_NOW = "Save my answers to a file now (.json)";
  }
});

// src/dpup_toolkit/widget/storage.js
function storageKey(def, version = def.version) {
  return `${STORAGE_PREFIX}${def.id}:v${version}`;
}
function storageKeys(storage) {
  const keys = [];
  for (let i = 0; i < storage.length; i += 1) keys.push(storage.key(i));
  return keys;
}
function olderKeys(def, storage) {
  const start = `${STORAGE_PREFIX}${def.id}:v`;
  return storageKeys(storage).filter((key) => key.startsWith(start) && /^[0-9]{1,4}$/.test(key.slice(start.length))).map((key) => [key, Number(key.slice(start.length))]).filter(([, version]) => version >= 1 && version < def.version).sort((a, b) => b[1] - a[1]).map(([key]) => key);
}
function newerKeys(def, storage) {
  const start = `${STORAGE_PREFIX}${def.id}:v`;
  return storageKeys(storage).filter((key) => key.startsWith(start) && /^[0-9]{1,4}$/.test(key.slice(start.length)) && Number(key.slice(start.length)) > def.version);
}
function keepCopy(storage, key, text, why = "unreadable") {
  const base = `${key}:${why}`;
  const keys = storageKeys(storage).filter((other) => other === base || other.startsWith(`${base}-`));
  const same = keys.find((other) => storage.getItem(other) === text);
  if (same) return same;
  let copy = base;
  for (let n = 2; keys.includes(copy); n += 1) copy = `${base}-${n}`;
  storage.setItem(copy, text);
  return copy;
}
function salvage(def, raw) {
  const known = new Set(allItems(def).map((item) => item.id));
  const usable = {};
  let left = 0;
  for (const [id, entry] of Object.entries(raw)) {
    if (!known.has(id) || !isPlainObject(entry)) {
      left += 1;
      continue;
    }
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
    if (answer !== given(entry.answer, null) || note !== given(entry.note, "") || kept !== given(entry.reason, "")) left += 1;
  }
  return { answers: cleanAnswers(def, usable), left };
}
function loadSaved(def) {
  let storage;
  try {
    if (newerKeys(def, window.localStorage).length) return { ...STALE, recover: null };
  } catch {
  }
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
  if (older) olderSeen.set(key, text);
  let saved = null;
  try {
    saved = JSON.parse(text);
  } catch {
    saved = null;
  }
  const readable2 = isPlainObject(saved) && isPlainObject(saved.answers);
  const { answers, left } = readable2 ? salvage(def, saved.answers) : { answers: null, left: 0 };
  const known = new Set(allItems(def).map((item) => item.id));
  const removed = readable2 ? Object.keys(saved.answers).filter((id) => !known.has(id)).length : 0;
  const cleared = readable2 ? Object.entries(saved.answers).filter(([id, entry]) => known.has(id) && isPlainObject(entry) && itemById(def, id).not_applicable === false && entry.answer === def.not_applicable).length : 0;
  const changed = older ? [
    changesMessage(def, Number(key.slice(key.lastIndexOf(":v") + 2)), removed, "kept in the download"),
    "Your earlier answers were brought across: please check them.",
    cleared ? clearedNotice(def, cleared) : null
  ].filter(Boolean).join(" ") : null;
  if (readable2 && !left) return { answers, message: older ? changed : null, error: false, recover: null, blocked: false };
  let copied = true;
  try {
    keepCopy(storage, key, text);
  } catch {
    copied = false;
  }
  const recover = { text, key };
  const kept = copied ? "A copy of the unreadable data is kept in this browser." : "This browser has no room to keep a copy, so the page will not save until you download it.";
  const download2 = "You can download it below.";
  if (!readable2) {
    const what = older ? "Answers saved for an earlier version of this checklist could not be read, so the checklist starts empty." : "Your saved answers for this checklist could not be read, so the checklist starts empty.";
    return { answers: null, message: `${what} ${kept} ${download2}`, error: true, recover, blocked: !copied };
  }
  const leftOut = `${left} saved answer(s) or note(s) could not be used here (for questions this version no longer asks, or in a form this page cannot read), so they were left out.`;
  return {
    answers,
    message: [
      older ? changed : null,
      leftOut,
      copied ? "A copy of everything saved before is kept in this browser." : kept,
      download2
    ].filter(Boolean).join(" "),
    error: true,
    recover,
    blocked: !copied
  };
}
function writeSaved(def, answers, about = {}) {
  try {
    const storage = window.localStorage;
    const key = storageKey(def);
    const details = cleanAbout(about);
    const kept = Object.values(details).some(Boolean) ? { about: details } : {};
    if (Object.keys(answers).length || kept.about) {
      storage.setItem(key, JSON.stringify({ answers, ...kept, saved_at: (/* @__PURE__ */ new Date()).toISOString() }));
    } else {
      storage.removeItem(key);
    }
    for (const older of olderKeys(def, storage)) {
      const text = storage.getItem(older);
      if (text !== olderSeen.get(older)) keepCopy(storage, older, text, "moved");
      storage.removeItem(older);
    }
    return true;
  } catch {
    return false;
  }
}
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
  }
}
var STORAGE_PREFIX, olderSeen, STALE, MOVED, CANNOT_SAVE;
var init_storage = __esm({
  "src/dpup_toolkit/widget/storage.js"() {
    init_shared();
    init_messages();
    init_rules();
    STORAGE_PREFIX = shared_default.storage_prefix.answers;
    olderSeen = /* @__PURE__ */ new Map();
    STALE = {
      answers: null,
      message: "This site was updated since this page was opened, and your answers for this check were saved by the newer version. Reload the page to see them. Until then this page does not save, so nothing is written over.",
      error: true,
      blocked: true,
      moved: true
    };
    MOVED = `This site was updated, and another tab opened the new version of this checklist: your saved answers moved there. This page no longer saves, so it cannot write over them. If you changed anything here since, use \u201C${SAVE_NOW}\u201D; then reload the page to carry on.`;
    CANNOT_SAVE = "This browser is not letting the page save your answers. Save your answers to a file before you leave the page.";
  }
});

// src/dpup_toolkit/widget/saved-checks.js
function checksKey(def) {
  return `${CHECKS_PREFIX}${def.id}`;
}
function checkStore(def, check) {
  return check === FIRST_CHECK ? def : { ...def, id: `${def.id}~${check}` };
}
function checkOfKey(def, key) {
  const base = `${STORAGE_PREFIX}${def.id}`;
  if (key.startsWith(`${base}:`)) return FIRST_CHECK;
  if (!key.startsWith(`${base}~`)) return null;
  const check = key.slice(base.length + 1).split(":")[0];
  return CHECK_ID.test(check) && check !== FIRST_CHECK ? check : null;
}
function cleanCheckName(name) {
  return Array.from(String(name).split(WS_RUN).filter(Boolean).join(" ")).slice(0, MAX_CHECK_NAME).join("");
}
function unusedName(checks, name) {
  const taken = new Set(checks.map((check) => check.name.toLowerCase()));
  let unused = name;
  for (let n = 2; taken.has(unused.toLowerCase()); n += 1) unused = `${name} (${n})`;
  return unused;
}
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
  const found = [...new Set(storageKeys(storage).map((key) => checkOfKey(def, key)))].filter((id) => id !== null && !known(id)).sort();
  for (const id of found) {
    checks.push({ id, name: unusedName(checks, id === FIRST_CHECK ? FIRST_CHECK_NAME : FOUND_CHECK_NAME) });
  }
  if (!checks.length) checks.push({ id: FIRST_CHECK, name: FIRST_CHECK_NAME });
  const current = listed && known(index.current) ? index.current : checks[0].id;
  return { checks, current, damaged: text !== null && listed === null };
}
function writeChecks(def, checks, current, full) {
  try {
    window.localStorage.setItem(checksKey(def), JSON.stringify({ checks, current }));
  } catch {
    throw new CheckError(full);
  }
}
function rememberCheck(def, check) {
  try {
    const { checks } = savedChecks(def);
    writeChecks(def, checks, check, "");
  } catch {
  }
}
var CHECKS_PREFIX, FIRST_CHECK, FIRST_CHECK_NAME, FOUND_CHECK_NAME, CHECK_ID, MAX_CHECK_NAME, CheckError;
var init_saved_checks = __esm({
  "src/dpup_toolkit/widget/saved-checks.js"() {
    init_shared();
    init_rules();
    init_storage();
    CHECKS_PREFIX = shared_default.storage_prefix.checks;
    FIRST_CHECK = "main";
    FIRST_CHECK_NAME = "My check";
    FOUND_CHECK_NAME = "Check found in this browser";
    CHECK_ID = /^[a-z0-9]{1,32}$/;
    MAX_CHECK_NAME = 80;
    CheckError = class extends Error {
    };
  }
});

// src/dpup_toolkit/widget/checks.js
var checks_exports = {};
__export(checks_exports, {
  deleteCheck: () => deleteCheck,
  renameCheck: () => renameCheck,
  restoreCheck: () => restoreCheck,
  startCheck: () => startCheck
});
function checkName(checks, name) {
  const cleaned = cleanCheckName(name);
  if (!cleaned) throw new CheckError("Type a name for the check first.");
  if (checks.some((check) => check.name.toLowerCase() === cleaned.toLowerCase())) {
    throw new CheckError(`You already have a check called \u201C${cleaned}\u201D. Choose another name.`);
  }
  return cleaned;
}
function newCheckId(def, checks) {
  const used = /* @__PURE__ */ new Set([
    FIRST_CHECK,
    ...checks.map((check) => check.id),
    ...storageKeys(window.localStorage).map((key) => checkOfKey(def, key))
  ]);
  let id;
  do
    id = Math.random().toString(36).slice(2, 10);
  while (!CHECK_ID.test(id) || used.has(id));
  return id;
}
function startCheck(def, name) {
  const { checks } = savedChecks(def);
  const cleaned = checkName(checks, name);
  const id = newCheckId(def, checks);
  writeChecks(
    def,
    [...checks, { id, name: cleaned }],
    id,
    "This browser is full, so a new check could not be started. Your answers have not changed."
  );
  return id;
}
function renameCheck(def, check, name) {
  const { checks, current } = savedChecks(def);
  const others = checks.filter((other) => other.id !== check);
  const cleaned = checkName(others, name);
  writeChecks(
    def,
    checks.map((other) => other.id === check ? { id: check, name: cleaned } : other),
    current,
    "This browser is full, so the new name could not be saved. Nothing was changed."
  );
  return cleaned;
}
function deleteCheck(def, check) {
  const storage = window.localStorage;
  const { checks, current } = savedChecks(def);
  const position = checks.findIndex((other) => other.id === check);
  if (position < 0) throw new CheckError("That check is no longer saved in this browser.");
  let rest = checks.filter((other) => other.id !== check);
  if (!rest.length) rest = [{ id: newCheckId(def, checks), name: FIRST_CHECK_NAME }];
  const next = current !== check && rest.some((other) => other.id === current) ? current : rest[0].id;
  const data = Object.fromEntries(storageKeys(storage).filter((key) => checkOfKey(def, key) === check).map((key) => [key, storage.getItem(key)]));
  Object.keys(data).forEach((key) => storage.removeItem(key));
  try {
    writeChecks(def, rest, next, "This browser is full, so the check could not be deleted. Nothing was changed.");
  } catch (error) {
    Object.entries(data).forEach(([key, text]) => storage.setItem(key, text));
    throw error;
  }
  return { id: check, name: checks[position].name, position, data, next };
}
function restoreCheck(def, removed) {
  const storage = window.localStorage;
  if (storageKeys(storage).some((key) => checkOfKey(def, key) === removed.id)) {
    throw new CheckError(`\u201C${removed.name}\u201D was saved again in another tab after it was deleted, so Undo would overwrite that. Nothing was changed.`);
  }
  const { checks } = savedChecks(def);
  const back = checks.filter((other) => other.id !== removed.id);
  back.splice(Math.min(removed.position, back.length), 0, { id: removed.id, name: unusedName(back, removed.name) });
  const written = [];
  try {
    for (const [key, text] of Object.entries(removed.data)) {
      storage.setItem(key, text);
      written.push(key);
    }
    storage.setItem(checksKey(def), JSON.stringify({ checks: back, current: removed.id }));
  } catch {
    written.forEach((key) => storage.removeItem(key));
    throw new CheckError(`This browser is full, so \u201C${removed.name}\u201D could not be brought back yet. Make room (for example, delete a check you no longer need) and press Undo delete again.`);
  }
}
var init_checks = __esm({
  "src/dpup_toolkit/widget/checks.js"() {
    init_saved_checks();
    init_storage();
  }
});

// src/dpup_toolkit/widget/drawing.js
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
    type: "radio",
    name: `${id}--answer`,
    value: option.value,
    id: `${id}--option-${option.value}`
  }));
  for (const radio of radios) {
    radio.addEventListener("change", () => {
      if (radio.checked) ctx.update(item.id, { answer: radio.value });
    });
  }
  const node = h("div", { className: "dpup-options" }, ...options.map((option, i) => h(
    "label",
    { for: radios[i].id, className: "dpup-option" },
    radios[i],
    h("span", { text: option.label })
  )));
  return { radios, node };
}
function resultFrame(ctx, result, i, ...children) {
  const headingId = `${ctx.resultId(i)}--heading`;
  return h(
    "section",
    { className: `dpup-result dpup-result-${result.kind}`, id: ctx.resultId(i), "aria-labelledby": headingId },
    h("h2", { id: headingId, text: result.title }),
    result.intro ? h("p", { className: "dpup-intro", text: result.intro }) : null,
    ...children
  );
}
var init_drawing = __esm({
  "src/dpup_toolkit/widget/drawing.js"() {
    init_dom();
  }
});

// src/dpup_toolkit/widget/record-parts.js
var MARKDOWN_ONLY, WORD_ONLY, wordsRun, labelRun, lineRun, textRun, recordBlock;
var init_record_parts = __esm({
  "src/dpup_toolkit/widget/record-parts.js"() {
    MARKDOWN_ONLY = "markdown";
    WORD_ONLY = "word";
    wordsRun = (value) => ["words", value];
    labelRun = (value) => ["label", value];
    lineRun = (value) => ["line", value];
    textRun = (value) => ["text", value];
    recordBlock = (kind, runs, only = null) => ({ kind, runs, only });
  }
});

// src/dpup_toolkit/widget/item-question.js
var item_question_exports = {};
__export(item_question_exports, {
  drawQuestion: () => drawQuestion
});
function reasonField(ctx, item) {
  const id = `${ctx.id(item)}--reason`;
  const field = h("textarea", {
    id,
    rows: 2,
    className: "dpup-note dpup-reason",
    "aria-required": "true",
    "aria-describedby": `${id}-hint`
  });
  field.addEventListener("input", () => ctx.update(item.id, { reason: field.value }, { sync: false }));
  field.addEventListener("change", () => ctx.update(item.id, { reason: field.value }));
  const node = h(
    "div",
    { className: "dpup-reason-box", hidden: true },
    h("label", { for: id, className: "dpup-note-label", text: "Why does this not apply? (needed)" }),
    h("p", { className: "dpup-help", id: `${id}-hint`, text: "Until you say why, this question stays under What to do next." }),
    field
  );
  return { field, node };
}
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
  const node = h(
    "fieldset",
    { className: "dpup-item", id, "aria-describedby": `${id}--help` },
    h("legend", { text: item.prompt }),
    h("p", { className: "dpup-help", id: `${id}--help`, text: item.help }),
    options.node,
    guidance,
    reason && reason.node,
    label,
    note,
    printAnswer,
    printReason,
    printNote,
    linksLine(item.links)
  );
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
      const state = needsReason(def, item, entry) ? "reason" : def.met.includes(entry.answer) ? "met" : "unmet";
      guidance.className = `dpup-guidance dpup-guidance-${state}`;
      guidance.append(h("p", {}, h("strong", { text: GUIDANCE_PREFIX[state] }), item.guidance[entry.answer]));
      if (state !== "met") {
        guidance.append(h("p", {}, h("strong", { text: "What to do: " }), state === "reason" ? NEEDS_REASON : item.action));
      }
    }
    guidance.hidden = !entry.answer;
    printAnswer.textContent = `Answer: ${entry.answer ? answerLabel(def, entry.answer) : "Not answered"}`;
    printReason.textContent = notApplicable ? `Why it does not apply: ${(entry.reason || "").replace(SPACE_ENDS, "") || "Not given yet"}` : "";
    printNote.textContent = entry.note ? `Note: ${entry.note}` : "";
    node.classList.toggle("dpup-answered", Boolean(entry.answer));
  }
  return { item, node, refresh };
}
function questionAnswerBlocks(def, item, entry) {
  const answer = entry.answer;
  const out = [recordBlock("paragraph", [labelRun("Answer: "), answer ? lineRun(answerLabel(def, answer)) : wordsRun(MISSING)])];
  if (answer && answer === def.not_applicable) {
    const reason = entry.reason || "";
    if (reason.replace(SPACE_ENDS, "")) {
      out.push(
        recordBlock("quote", [labelRun("Why it does not apply: "), textRun(reason)], MARKDOWN_ONLY),
        recordBlock("paragraph", [labelRun("Why it does not apply: "), textRun(reason.replace(SPACE_ENDS, ""))], WORD_ONLY)
      );
    } else {
      out.push(recordBlock("paragraph", [labelRun("Why it does not apply: "), wordsRun("Not given yet")]));
    }
  }
  return out;
}
var MISSING, GUIDANCE_PREFIX;
var init_item_question = __esm({
  "src/dpup_toolkit/widget/item-question.js"() {
    init_dom();
    init_drawing();
    init_record_parts();
    init_rules();
    MISSING = "Not answered";
    GUIDANCE_PREFIX = { met: "Met: ", unmet: "Not met: ", reason: "Needs a reason: " };
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
      answerBlocks: questionAnswerBlocks
    };
  }
});

// src/dpup_toolkit/widget/result-unmet.js
function drawUnmet(ctx, result, i) {
  const list = h("ol", { className: "dpup-next-list" });
  const none = h("p", { text: "Nothing is marked as not met yet. Answer \u201CNo\u201D to a question and it shows here with what to do." });
  const node = resultFrame(ctx, result, i, none, list);
  node.classList.add("dpup-next");
  function refresh(value, answers = {}) {
    list.replaceChildren(...value.items.map((id) => {
      const item = itemById(ctx.def, id);
      const needs = needsReason(ctx.def, item, answers[id]);
      const note = ctx.noteOf(id);
      return h(
        "li",
        { className: needs ? "dpup-needs-reason" : null },
        h("a", { href: `#${ctx.id(item)}`, text: item.prompt }),
        h("p", {}, needs ? h("strong", { text: "Needs a reason: " }) : null, needs ? NEEDS_REASON : item.action),
        h("p", { className: "dpup-print-only dpup-print-note", text: note ? `Your note: ${note}` : "" })
      );
    }));
    list.hidden = !value.items.length;
    none.hidden = Boolean(value.items.length);
  }
  return { node, refresh };
}
var init_result_unmet = __esm({
  "src/dpup_toolkit/widget/result-unmet.js"() {
    init_dom();
    init_drawing();
    init_rules();
  }
});

// src/dpup_toolkit/widget/item-choice.js
var item_choice_exports = {};
__export(item_choice_exports, {
  drawChoice: () => drawChoice
});
function drawChoice(ctx, item) {
  const id = ctx.id(item);
  const feedback = h("div", { className: "dpup-guidance", id: `${id}--guidance`, "aria-live": "polite" });
  const { note, label } = noteField(ctx, item);
  const printAnswer = h("p", { className: "dpup-print-only dpup-print-answer" });
  const printNote = h("p", { className: "dpup-print-only dpup-print-note" });
  const options = radioGroup(ctx, item, item.options);
  const node = h(
    "fieldset",
    { className: "dpup-item dpup-choice", id, "aria-describedby": `${id}--help` },
    h("legend", { text: item.prompt }),
    h("p", { className: "dpup-help", id: `${id}--help`, text: item.help }),
    options.node,
    feedback,
    label,
    note,
    printAnswer,
    printNote,
    linksLine(item.links)
  );
  function refresh(entry) {
    for (const radio of options.radios) radio.checked = radio.value === entry.answer;
    if (document.activeElement !== note) note.value = entry.note || "";
    const chosen = item.options.find((option) => option.value === entry.answer);
    feedback.replaceChildren();
    if (chosen && item.correct) {
      const right = chosen.value === item.correct;
      feedback.append(h("p", { className: `dpup-verdict dpup-verdict--${right ? "right" : "wrong"}` }, h("strong", {
        text: chosen.value === item.correct ? "Correct." : `Not correct. The right answer is: ${optionLabel(item, item.correct)}.`
      })));
    }
    if (chosen && chosen.explanation) feedback.append(h("p", { text: chosen.explanation }));
    printAnswer.textContent = `Answer: ${chosen ? chosen.label : "Not answered"}`;
    printNote.textContent = entry.note ? `Note: ${entry.note}` : "";
    node.classList.toggle("dpup-answered", Boolean(chosen));
  }
  return { item, node, refresh };
}
function choiceAnswerBlocks(def, item, entry) {
  const answer = entry.answer;
  const out = [recordBlock("paragraph", [labelRun("Answer: "), answer ? lineRun(optionLabel(item, answer)) : wordsRun(MISSING2)])];
  if (item.correct && answer) {
    const right = answer === item.correct ? [wordsRun("Correct.")] : [wordsRun("Not correct. The right answer is: "), lineRun(optionLabel(item, item.correct)), wordsRun(".")];
    const explanation = item.options.find((option) => option.value === answer).explanation;
    out.push(recordBlock("paragraph", right), recordBlock("paragraph", [textRun(explanation)]));
  }
  return out;
}
var MISSING2;
var init_item_choice = __esm({
  "src/dpup_toolkit/widget/item-choice.js"() {
    init_dom();
    init_drawing();
    init_record_parts();
    init_rules();
    MISSING2 = "Not answered";
    ITEM_KINDS.choice = {
      draw: drawChoice,
      typed: false,
      judged: false,
      allowed: (def, item) => item.options.map((option) => option.value),
      label: (def, item, value) => optionLabel(item, value),
      missing: MISSING2,
      asksReason: () => false,
      keepsReason: () => false,
      withdrawn: () => false,
      answerBlocks: choiceAnswerBlocks
    };
  }
});

// src/dpup_toolkit/widget/item-text.js
var item_text_exports = {};
__export(item_text_exports, {
  drawText: () => drawText,
  vagueWarnings: () => vagueWarnings
});
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
    id: `${id}--text`,
    rows: 3,
    className: "dpup-note dpup-text",
    "aria-describedby": `${id}--help${item.example ? ` ${id}--example` : ""} ${id}--warnings`
  });
  const warnings = h("div", { className: "dpup-warnings", id: `${id}--warnings`, "aria-live": "polite" });
  const printAnswer = h("p", { className: "dpup-print-only dpup-print-answer" });
  const node = h(
    "div",
    { className: "dpup-item dpup-text-item", id, role: "group", "aria-labelledby": `${id}--label` },
    h("label", { for: field.id, id: `${id}--label`, className: "dpup-prompt", text: item.prompt }),
    h("p", { className: "dpup-help", id: `${id}--help`, text: item.help }),
    item.example ? h(
      "p",
      { className: "dpup-example", id: `${id}--example` },
      h("strong", { text: "For example: " }),
      item.example
    ) : null,
    field,
    warnings,
    printAnswer,
    linksLine(item.links)
  );
  function showWarnings(text) {
    const found = vagueWarnings(item, text);
    const key = found.map((warning) => warning.phrase).join("\n");
    if (warnings.dataset.showing === key) return;
    warnings.dataset.showing = key;
    warnings.replaceChildren(...found.map((warning) => h(
      "p",
      { className: "dpup-warning" },
      h("strong", { text: `\u201C${warning.phrase}\u201D makes a purpose vague. ` }),
      warning.advice
    )));
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
    node.classList.toggle("dpup-written", Boolean(entry.answer));
  }
  return { item, node, refresh };
}
function textAnswerBlocks(def, item, entry) {
  const typed = answerOf(item, { [item.id]: entry });
  return [typed ? recordBlock("quote", [labelRun("Answer: "), textRun(typed)]) : recordBlock("paragraph", [labelRun("Answer: "), wordsRun(MISSING3)])];
}
var MISSING3, LETTER;
var init_item_text = __esm({
  "src/dpup_toolkit/widget/item-text.js"() {
    init_dom();
    init_record_parts();
    init_rules();
    MISSING3 = "Not written";
    LETTER = /[\p{L}\p{N}]/u;
    ITEM_KINDS.text = {
      draw: drawText,
      typed: true,
      judged: false,
      allowed: () => null,
      label: (def, item, value) => value,
      missing: MISSING3,
      asksReason: () => false,
      keepsReason: () => false,
      withdrawn: () => false,
      answerBlocks: textAnswerBlocks
    };
  }
});

// import("./item-*.js") in src/dpup_toolkit/widget/kinds.js
var globImport_item_js;
var init_ = __esm({
  'import("./item-*.js") in src/dpup_toolkit/widget/kinds.js'() {
    globImport_item_js = __glob({
      "./item-choice.js": () => Promise.resolve().then(() => (init_item_choice(), item_choice_exports)),
      "./item-question.js": () => Promise.resolve().then(() => (init_item_question(), item_question_exports)),
      "./item-text.js": () => Promise.resolve().then(() => (init_item_text(), item_text_exports))
    });
  }
});

// src/dpup_toolkit/widget/result-template.js
var result_template_exports = {};
__export(result_template_exports, {
  checkText: () => checkText,
  drawTemplate: () => drawTemplate,
  fitAnswer: () => fitAnswer,
  templateResult: () => templateResult,
  wordCount: () => wordCount
});
function splitSentences(text) {
  return text.split(WS_RUN).filter(Boolean).join(" ").split(SENTENCE_END).filter((sentence) => sentence.match(WORD));
}
function wordCount(sentence) {
  return (sentence.match(WORD) || []).length;
}
function checkText(blocks) {
  const found = blocks.flatMap(splitSentences);
  const words = found.reduce((sum, sentence) => sum + wordCount(sentence), 0);
  const tenths = found.length ? Math.floor((20 * words + found.length) / (2 * found.length)) : 0;
  return {
    sentences: found.length,
    average: `${Math.floor(tenths / 10)}.${tenths % 10}`,
    long: found.filter((sentence) => wordCount(sentence) > LONG_SENTENCE)
  };
}
function bare(word) {
  return word.replace(/^[.,;:!?]+|[.,;:!?]+$/g, "").toLowerCase();
}
function fitAnswer(lead, typed, following) {
  let answer = typed.replace(ENDS, "");
  const words = [...answer.matchAll(WORDS)];
  const leadWords = lead.match(WORDS) || [];
  const inSentence = leadWords.length > 0 && ALNUM.test(leadWords[leadWords.length - 1]);
  for (let k = Math.min(leadWords.length, words.length - 1); k > 0; k -= 1) {
    const tail = leadWords.slice(-k).map(bare);
    if ((inSentence || k === leadWords.length) && words.slice(0, k).every((m, i) => bare(m[0]) === tail[i])) {
      answer = answer.slice(words[k].index);
      break;
    }
  }
  const first = answer.match(WORDS);
  if (inSentence && first && answer.search(WORDS) === 0 && LOWER_AFTER_LEAD_IN.has(bare(first[0]))) {
    answer = answer[0].toLowerCase() + answer.slice(1);
  }
  const after = following.replace(ENDS, "");
  if (after && MARKS.includes(after[0])) answer = answer.replace(/[.,;:!?]+$/u, "");
  else if (!after && leadWords.length && !CLOSED.test(answer)) answer = `${answer.replace(OPEN_END, "")}.`;
  return answer;
}
function templateResult(def, result, answers, shown2) {
  const valueOf = (id) => {
    const item = itemById(def, id);
    const answer = shown2.has(id) ? answerOf(item, answers) : null;
    if (!answer) return "";
    return itemKind(item).label(def, item, answer);
  };
  let parts = [];
  let written = false;
  for (const part of result.parts) {
    const names = [...part.text.matchAll(PLACEHOLDER)].map((match) => match[1]);
    if (names.length && !names.some(valueOf)) continue;
    written = written || names.length > 0;
    let text = "";
    let at = 0;
    for (const match of part.text.matchAll(PLACEHOLDER)) {
      const value = valueOf(match[1]);
      const lead = part.text.slice(at, match.index);
      const end = match.index + match[0].length;
      const following = part.text.slice(end).search(PLACEHOLDER);
      const after = part.text.slice(end, following < 0 ? void 0 : end + following);
      text += lead + (value ? fitAnswer(lead, value, after) : `[${itemById(def, match[1]).prompt}]`);
      at = match.index + match[0].length;
    }
    text += part.text.slice(at);
    parts.push({ heading: part.heading, text });
  }
  if (!written) parts = [];
  return {
    kind: "template",
    id: result.id,
    title: result.title,
    parts,
    text: parts.map((p) => p.heading ? `${p.heading}
${p.text}` : p.text).join("\n\n"),
    plain_language: result.plain_language ? checkText(parts.map((p) => p.text)) : null
  };
}
function drawTemplate(ctx, result, i) {
  const output = h("div", { className: "dpup-template-output" });
  const check = h("div", { className: "dpup-plain-language" });
  const copied = h("p", { className: "dpup-copy-status", role: "status" });
  const copy = h("button", { type: "button", className: "dpup-copy", text: `Copy ${result.title.toLowerCase()}` });
  let current = "";
  copy.addEventListener("click", () => {
    copyText(current).then(
      () => {
        copied.textContent = "Copied. Paste it where you need it.";
      },
      () => {
        copied.textContent = "This browser did not let the page copy. Select the text and copy it yourself.";
      }
    );
  });
  const node = resultFrame(ctx, result, i, output, check, h("div", { className: "dpup-buttons dpup-copy-row" }, copy), copied);
  function refresh(value) {
    current = value.text;
    copy.hidden = !value.parts.length;
    output.replaceChildren(...value.parts.length ? value.parts.flatMap((part) => [
      part.heading ? h("h3", { text: part.heading }) : null,
      h("p", { className: "dpup-template-part", text: part.text })
    ].filter(Boolean)) : [h("p", { text: "Nothing written yet. Answer the questions above and your text appears here." })]);
    check.replaceChildren();
    const figures = value.plain_language;
    if (figures && value.parts.length) {
      check.append(h("p", {
        text: `Plain language: ${figures.sentences} sentences, ${figures.average} words a sentence on average (aim for under 20). Sentences over ${LONG_SENTENCE} words: ${figures.long.length}.`
      }));
      if (figures.long.length) {
        check.append(
          h("p", { text: "Try splitting these sentences:" }),
          h("ul", {}, ...figures.long.map((sentence) => h("li", { text: sentence })))
        );
      }
    }
  }
  return { node, refresh };
}
var SENTENCE_END, NOT_WORD, WORD, PLACEHOLDER, LOWER_AFTER_LEAD_IN, ENDS, WORDS, CLOSED, OPEN_END, ALNUM, MARKS;
var init_result_template = __esm({
  "src/dpup_toolkit/widget/result-template.js"() {
    init_dom();
    init_drawing();
    init_kinds();
    init_shared();
    init_rules();
    SENTENCE_END = new RegExp(`(?<=[.!?])["\u201D\u2019)]*[${WS}]+`, "u");
    NOT_WORD = "\\x00-/:-@\\[-`{-\\xbf\\xd7\\xf7\\u1680\\u2000-\\u2bff\\u3000-\\u303f\\ufe00-\\ufe0f\\ufe10-\\ufe6f\\ufeff\\uff00-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u{1f000}-\\u{1faff}";
    WORD = new RegExp(`[^${NOT_WORD}]+(?:[\u2019'-][^${NOT_WORD}]+)*`, "gu");
    PLACEHOLDER = /\{([a-z0-9]+(?:-[a-z0-9]+)*)\}/g;
    LOWER_AFTER_LEAD_IN = new Set(shared_default.lower_after_lead_in);
    ENDS = new RegExp(`^[${WS}]+|[${WS}]+$`, "gu");
    WORDS = new RegExp(`[^${WS}]+`, "gu");
    CLOSED = /[.!?…]["'”’)\]]*$/u;
    OPEN_END = new RegExp(`[,;:${WS}]+$`, "u");
    ALNUM = /[\p{L}\p{N}]$/u;
    MARKS = ".,;:!?";
    RESULTS.template = templateResult;
    DRAW_RESULT.template = drawTemplate;
  }
});

// src/dpup_toolkit/widget/result-rules.js
var result_rules_exports = {};
__export(result_rules_exports, {
  drawRules: () => drawRules,
  rulesResult: () => rulesResult
});
function rulesResult(def, result, answers, shown2) {
  const answer = (id) => shown2.has(id) ? answerOf(itemById(def, id), answers) : null;
  const asked = new Set(result.rules.flatMap((rule2) => Object.keys(rule2.when)));
  const waiting = [...asked].some((id) => shown2.has(id) && !answer(id));
  const rule = waiting ? null : result.rules.find((candidate) => Object.entries(candidate.when).every(([id, wanted]) => wanted.includes(answer(id))));
  const deciding = rule ? Object.entries(rule.when).filter(([id, wanted]) => new Set(wanted).size < itemById(def, id).options.length).map(([id]) => id) : [];
  const chosen = rule ? {
    title: rule.result.title,
    text: rule.result.text,
    because: allItems(def).filter((item) => deciding.includes(item.id)).map((item) => ({ item: item.id, answer: answer(item.id) })),
    links: rule.result.links.map((link) => ({ title: link.title, page: link.page }))
  } : null;
  return { kind: "rules", id: result.id, title: result.title, recommendation: chosen };
}
function drawRules(ctx, result, i) {
  const output = h("div", { className: "dpup-recommendation" });
  const node = resultFrame(ctx, result, i, output);
  function refresh(value) {
    const chosen = value.recommendation;
    output.replaceChildren(...chosen ? [
      h("p", { className: "dpup-recommendation-title" }, "Recommended: ", h("strong", { text: chosen.title })),
      ...chosen.because.length ? [
        h("p", { className: "dpup-because-lead" }, h("strong", { text: "Because you said:" })),
        h("ul", { className: "dpup-because" }, ...becauseLines(ctx.def, chosen.because).map(([prompt, joint, answer]) => h("li", {}, prompt + joint, h("strong", { text: answer }))))
      ] : [],
      h("p", {}, h("strong", { text: "Why: " }), chosen.text),
      linksLine(chosen.links)
    ].filter(Boolean) : [h("p", { text: "Answer the questions above to see a recommendation." })]);
  }
  return { node, refresh };
}
var init_result_rules = __esm({
  "src/dpup_toolkit/widget/result-rules.js"() {
    init_dom();
    init_drawing();
    init_kinds();
    init_rules();
    RESULTS.rules = rulesResult;
    DRAW_RESULT.rules = drawRules;
  }
});

// src/dpup_toolkit/widget/result-score.js
var result_score_exports = {};
__export(result_score_exports, {
  drawScore: () => drawScore,
  scoreResult: () => scoreResult
});
function scoreResult(def, result, answers, shown2) {
  const quiz = allItems(def).filter((item) => shown2.has(item.id) && item.correct);
  const correct = quiz.filter((item) => answerOf(item, answers) === item.correct).length;
  const wrong = quiz.filter((item) => ![null, item.correct].includes(answerOf(item, answers))).map((item) => item.id);
  return { kind: "score", title: result.title, correct, total: quiz.length, wrong };
}
function drawScore(ctx, result, i) {
  const output = h("p", { className: "dpup-score", "aria-live": "polite" });
  const missed = h("div", { className: "dpup-score-missed" });
  const node = resultFrame(ctx, result, i, output, missed);
  function refresh(value) {
    output.textContent = `${value.correct} of ${value.total} correct.`;
    missed.replaceChildren(...value.wrong.length ? [
      h("p", { text: "Questions you answered wrongly (each says the right answer):" }),
      h("ul", {}, ...value.wrong.map((id) => h(
        "li",
        {},
        h("a", { href: `#${ctx.id(itemById(ctx.def, id))}`, text: itemById(ctx.def, id).prompt })
      )))
    ] : []);
  }
  return { node, refresh };
}
var init_result_score = __esm({
  "src/dpup_toolkit/widget/result-score.js"() {
    init_dom();
    init_drawing();
    init_kinds();
    init_rules();
    RESULTS.score = scoreResult;
    DRAW_RESULT.score = drawScore;
  }
});

// src/dpup_toolkit/widget/result-catalogue.js
var result_catalogue_exports = {};
__export(result_catalogue_exports, {
  catalogueResult: () => catalogueResult,
  drawCatalogue: () => drawCatalogue
});
function madeFor(entry, offered2) {
  return FIT_FIELDS.filter(([field]) => offered2[field]).reduce((n, [field, listed]) => n + entry[listed].filter((value) => offered2[field].includes(value)).length, 0);
}
function rankKey(entry, chosen, offered2) {
  const fits = FIT_FIELDS.filter(([field, listed]) => chosen[field] && entry[listed].includes(chosen[field])).length;
  return [-fits, madeFor(entry, offered2), entry.minutes || 0, entry.id];
}
function compareKeys(a, b) {
  for (let i = 0; i < a.length; i += 1) {
    const [x, y] = typeof a[i] === "string" ? [[...a[i]].map((c) => c.codePointAt(0)), [...b[i]].map((c) => c.codePointAt(0))] : [[a[i]], [b[i]]];
    for (let j = 0; j < Math.min(x.length, y.length); j += 1) {
      if (x[j] !== y[j]) return x[j] < y[j] ? -1 : 1;
    }
    if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  }
  return 0;
}
function fitReason(entry, chosen, labels, offered2) {
  const named = ([field]) => `your ${field} (${labels[field]})`;
  const fitted = FIT_FIELDS.filter(([field, listed]) => chosen[field] && entry[listed].includes(chosen[field])).map(named);
  const missed = FIT_FIELDS.filter(([field, listed]) => chosen[field] && !entry[listed].includes(chosen[field])).map(named);
  const text = `It fits ${fitted.join(" and ")}` + (missed.length ? `, but it is not made for ${missed.join(" or ")}.` : ".");
  const counts = FIT_FIELDS.filter(([field]) => offered2[field]).map(([field, listed]) => {
    const n = entry[listed].filter((value) => offered2[field].includes(value)).length;
    return n === offered2[field].length ? `every ${field}` : `${n} of the ${offered2[field].length} ${listed}`;
  });
  return `${text} It is made for ${counts.join(" and ")}.`;
}
function catalogueResult(def, result, answers, shown2) {
  const items = { role: result.by.role, stage: result.by.stage };
  const chosen = {};
  const offered2 = {};
  const labels = {};
  for (const [field, id] of Object.entries(items)) {
    chosen[field] = id && shown2.has(id) ? answerOf(itemById(def, id), answers) : null;
    if (id) offered2[field] = itemById(def, id).options.map((option) => option.value);
    if (chosen[field]) labels[field] = optionLabel(itemById(def, id), chosen[field]);
  }
  const wanted = Object.keys(chosen).filter((field) => chosen[field]);
  const fitted = (entry) => FIT_FIELDS.filter(([field, listed2]) => wanted.includes(field) && entry[listed2].includes(chosen[field])).map(([field]) => field);
  const listed = (def.catalogue || []).filter((entry) => fitted(entry).length && !(entry.kind === "tool" && entry.id === def.id)).map((entry) => [rankKey(entry, chosen, offered2), entry]).sort(([a], [b]) => compareKeys(a, b)).map(([, entry]) => entry);
  const ranked = (kind) => listed.filter((entry) => entry.kind === kind).map((entry) => ({ id: entry.id, fits: fitted(entry), why: fitReason(entry, chosen, labels, offered2) }));
  const tools = ranked("tool");
  return {
    kind: "catalogue",
    title: result.title,
    role: chosen.role,
    stage: chosen.stage,
    best: Math.min(result.lead, tools.filter((entry) => entry.fits.length === wanted.length).length),
    tools,
    cases: ranked("case")
  };
}
function drawCatalogue(ctx, result, i) {
  const output = h("div", { className: "dpup-catalogue" });
  const node = resultFrame(ctx, result, i, output);
  function entryNode(entry) {
    const href = bookHref(entry.page);
    return h(
      "li",
      {},
      href ? h("a", { href, text: entry.title }) : h("strong", { text: entry.title }),
      h("p", { text: entry.summary + (entry.minutes ? ` About ${entry.minutes} minutes.` : "") }),
      h("p", { className: "dpup-catalogue-why" }, h("strong", { text: "Why: " }), entry.why)
    );
  }
  const opened = /* @__PURE__ */ new Set();
  output.addEventListener("toggle", (event) => {
    opened[event.target.open ? "add" : "delete"](event.target.dataset.part);
  }, true);
  function partNodes([heading, entries, none, folded]) {
    const list = entries.length ? h("ul", { className: `dpup-catalogue-list dpup-catalogue-${entries[0].kind}s` }, ...entries.map(entryNode)) : h("p", { text: none });
    return folded ? [h(
      "details",
      { className: "dpup-catalogue-more", "data-part": heading, open: opened.has(heading) },
      h("summary", { text: `${heading} (${entries.length})` }),
      list
    )] : [h("h3", { text: heading }), list];
  }
  function refresh(value) {
    if (!(value.role || value.stage)) {
      output.replaceChildren(h("p", { text: "Choose above to see the guides, tools and case studies that fit." }));
      return;
    }
    const guide = value.role ? linksLine([{
      title: `Guide for ${optionLabel(itemById(ctx.def, result.by.role), value.role)}`,
      page: `book/roles/${value.role}`
    }], "Start with: ") : null;
    output.replaceChildren(...[guide, ...catalogueParts(ctx.def, value).flatMap(partNodes)].filter(Boolean));
  }
  return { node, refresh };
}
var FIT_FIELDS;
var init_result_catalogue = __esm({
  "src/dpup_toolkit/widget/result-catalogue.js"() {
    init_dom();
    init_drawing();
    init_kinds();
    init_rules();
    FIT_FIELDS = [["role", "roles"], ["stage", "stages"]];
    RESULTS.catalogue = catalogueResult;
    DRAW_RESULT.catalogue = drawCatalogue;
  }
});

// src/dpup_toolkit/widget/kinds.js
function loadItemKind(kind) {
  return globImport_item_js(`./item-${kind}.js`);
}
function loadKinds(def) {
  const items = new Set(allItems(def).map((item) => item.kind));
  const results = new Set(def.results.map((result) => result.kind).filter((kind) => kind in RESULT_MODULES));
  return Promise.all([
    ...[...items].filter((kind) => !Object.hasOwn(ITEM_KINDS, kind)).map(loadItemKind),
    ...[...results].map((kind) => RESULT_MODULES[kind]())
  ]);
}
var DRAW_RESULT, RESULT_MODULES;
var init_kinds = __esm({
  "src/dpup_toolkit/widget/kinds.js"() {
    init_result_unmet();
    init_rules();
    init_();
    DRAW_RESULT = { unmet: drawUnmet };
    RESULT_MODULES = {
      template: () => Promise.resolve().then(() => (init_result_template(), result_template_exports)),
      rules: () => Promise.resolve().then(() => (init_result_rules(), result_rules_exports)),
      score: () => Promise.resolve().then(() => (init_result_score(), result_score_exports)),
      catalogue: () => Promise.resolve().then(() => (init_result_catalogue(), result_catalogue_exports))
    };
  }
});

// src/dpup_toolkit/widget/record-json.js
function recordFilename(id, stamp2, extension) {
  return `${id}-${stamp2}.${extension}`;
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
    results: resultsOf(def, answers)
  };
  return JSON.stringify(record, null, 2) + "\n";
}
var RECORD_FORMAT, RECORD_FORMAT_VERSION;
var init_record_json = __esm({
  "src/dpup_toolkit/widget/record-json.js"() {
    init_shared();
    init_rules();
    RECORD_FORMAT = shared_default.record_format;
    RECORD_FORMAT_VERSION = shared_default.record_format_version;
  }
});

// src/dpup_toolkit/widget/blocks.js
function itemBlocks(def, item, entry) {
  const kind = itemKind(item);
  const out = [recordBlock("subheading", [lineRun(item.prompt)]), ...kind.answerBlocks(def, item, entry)];
  if (!kind.typed && entry.note) out.push(recordBlock("quote", [labelRun("Note: "), textRun(entry.note)]));
  return out;
}
function headerBlocks(def, status, exportedAt, about) {
  const out = [
    recordBlock("title", [lineRun(def.title), wordsRun(": record")]),
    ...aboutLines(about).map(([name, value]) => recordBlock("detail", [labelRun(`${name}: `), lineRun(value)])),
    recordBlock("detail", [labelRun("Checklist: "), wordsRun(`${def.id}, version ${def.version}`)]),
    recordBlock("detail", [labelRun("Exported: "), lineRun(exportedAt)])
  ];
  if (status.hasQuestions) {
    out.push(
      recordBlock("detail", [labelRun("Progress: "), wordsRun(`${status.answered} of ${status.total} questions answered`)]),
      recordBlock("detail", [labelRun("Not met: "), wordsRun(String(status.unmet.length))])
    );
  } else {
    out.push(recordBlock("detail", [labelRun("Progress: "), wordsRun(`${status.answered} of ${status.total} answered`)]));
  }
  return out;
}
function skippedBlock(def, item, answers) {
  const asked = itemById(def, item.show_if.item);
  const labelOf = (value) => itemKind(asked).label(def, asked, value);
  const wanted = item.show_if.answer_in.flatMap((value, n) => [...n ? [wordsRun(" or ")] : [], lineRun(labelOf(value))]);
  const given2 = (answers[asked.id] || {}).answer;
  return recordBlock("detail", [
    lineRun(item.prompt),
    wordsRun(" Skipped: it is asked only when \u201C"),
    lineRun(asked.prompt),
    wordsRun("\u201D is answered "),
    ...wanted,
    wordsRun(". Answered: "),
    given2 ? lineRun(labelOf(given2)) : wordsRun("not yet"),
    wordsRun(".")
  ]);
}
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
    out.push(
      recordBlock("heading", [wordsRun("Not yet answered")], MARKDOWN_ONLY),
      ...unanswered.map((item) => recordBlock("bullet", [lineRun(item.prompt)], MARKDOWN_ONLY))
    );
  }
  const skipped = allItems(def).filter((item) => !shownIds.has(item.id) && item.show_if);
  if (skipped.length) {
    out.push(
      recordBlock("heading", [wordsRun("Questions skipped because of an answer")]),
      ...skipped.map((item) => skippedBlock(def, item, answers))
    );
  }
  for (const section of def.sections) {
    const items = section.items.filter((item) => shownIds.has(item.id));
    if (!items.length) continue;
    out.push(recordBlock("heading", [lineRun(section.title)]));
    for (const item of items) out.push(...itemBlocks(def, item, answers[item.id] || {}));
  }
  return out;
}
var RESULT_BLOCKS;
var init_blocks = __esm({
  "src/dpup_toolkit/widget/blocks.js"() {
    init_record_parts();
    init_rules();
    RESULT_BLOCKS = {
      // Each question not met, numbered, with what to do (and, in Word, the note written on it).
      unmet(def, result, answers) {
        const out = [];
        result.items.forEach((id, i) => {
          const item = itemById(def, id);
          out.push(recordBlock("step", [wordsRun(`${i + 1}. `), lineRun(item.prompt)]));
          if (needsReason(def, item, answers[id])) {
            out.push(
              recordBlock("step_line", [labelRun("What to do: "), lineRun(NEEDS_REASON)], MARKDOWN_ONLY),
              recordBlock("step_line", [labelRun("Needs a reason: "), lineRun(NEEDS_REASON)], WORD_ONLY)
            );
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
          out.push(recordBlock("lead", [wordsRun(`Plain language: ${check.sentences} sentences, ${check.average} words a sentence on average. Sentences over ${LONG_SENTENCE} words: ${check.long.length}.`)]));
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
          out.push(recordBlock("lead", [wordsRun("Because you said:")]), ...becauseLines(def, chosen.because).map(([prompt, joint, answer]) => recordBlock("bullet", [lineRun(prompt), wordsRun(joint), lineRun(answer)])));
        }
        out.push(recordBlock("paragraph", [textRun(chosen.text)]));
        if (chosen.links.length) {
          const titles = chosen.links.flatMap((link, i) => [...i ? [wordsRun("; ")] : [], lineRun(link.title)]);
          out.push(recordBlock("paragraph", [wordsRun("Read more: "), ...titles]));
        }
        return out;
      },
      // The score, and the questions answered wrongly.
      score(def, result) {
        return [
          recordBlock("paragraph", [wordsRun(`${result.correct} of ${result.total} correct.`)]),
          ...result.wrong.length ? [
            recordBlock("lead", [wordsRun("Questions you answered wrongly:")]),
            ...result.wrong.map((id) => recordBlock("bullet", [lineRun(itemById(def, id).prompt)]))
          ] : []
        ];
      },
      // The tools (and case studies) that fit the role and stage chosen, best first, each with why.
      catalogue(def, result) {
        if (!(result.role || result.stage)) return [recordBlock("paragraph", [wordsRun("Nothing chosen yet: choose below to see what fits.")])];
        return catalogueParts(def, result).flatMap(([heading, entries, none]) => [
          recordBlock("subheading", [wordsRun(heading)]),
          ...entries.flatMap((entry) => [
            recordBlock("bullet", [
              lineRun(entry.title),
              wordsRun(": "),
              lineRun(entry.summary),
              ...entry.minutes ? [wordsRun(` About ${entry.minutes} minutes.`)] : []
            ]),
            recordBlock("step_line", [labelRun("Why: "), lineRun(entry.why)])
          ]),
          ...entries.length ? [] : [recordBlock("paragraph", [wordsRun(none)])]
        ]);
      }
    };
  }
});

// src/dpup_toolkit/widget/records.js
var records_exports = {};
__export(records_exports, {
  RECORD_RULES: () => RECORD_RULES,
  escapeLine: () => escapeLine,
  escapeMarkdown: () => escapeMarkdown,
  importAbout: () => importAbout,
  importRecord: () => importRecord,
  nesting: () => nesting,
  quote: () => quote,
  readEnvelope: () => readEnvelope,
  recordFilename: () => recordFilename,
  recordText: () => recordText,
  renderJson: () => renderJson,
  renderMarkdown: () => renderMarkdown
});
function escapeMarkdown(text) {
  return String(text).split(LINE_BREAK).map((line) => line.replace(/[\\`*_[\]<>#|~&$@{}^]|:(?=\/\/)|(?<=[^ \t.])\.(?=[^ \t.])/g, "\\$&").replace(LINE_START_MARKER, "$1\\$2").replace(LINE_START_NUMBER, "$1\\$2").replace(/^[ \t]+/, (indent) => "\xA0".repeat(indent.length))).join("\n");
}
function escapeLine(text) {
  return escapeMarkdown(String(text).replace(LINE_BREAK, " "));
}
function recordText(data) {
  if (!(data instanceof ArrayBuffer || ArrayBuffer.isView(data))) return String(data);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    throw new RecordError(NOT_UTF8);
  }
}
function importAbout(rawText) {
  const record = JSON.parse(recordText(rawText).replace(/^\ufeff/, ""));
  const about = isPlainObject(record) ? record.about : null;
  return isPlainObject(about) ? cleanAbout(about) : null;
}
function quote(text) {
  return escapeMarkdown(text).split("\n").map((line) => `> ${line}`.replace(/[ \t]+$/, ""));
}
function markdownRun([style, value]) {
  if (style === "line") return escapeLine(value);
  return style === "text" ? escapeMarkdown(value) : value;
}
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
  if (!isPlainObject(record) || record.format !== RECORD_FORMAT2) throw new RecordError(words.notRecord);
  if (record.format_version !== RECORD_FORMAT_VERSION2) throw new RecordError(words.unknownFormat);
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
    throw new RecordError(`None of the ${Object.keys(raw).length} answer(s) in this file is for a question this checklist asks, so there is nothing to bring in. Nothing was changed.`);
  }
  const dropped = Object.keys(raw).length - Object.keys(kept).length;
  const notices = [];
  if (version < def.version) {
    notices.push(changesMessage(def, version, dropped, "still in your file"));
    const cleared = Object.entries(kept).filter(([id, entry]) => {
      const item = itemById(def, id);
      return entry.answer !== null && entry.answer !== void 0 && itemKind(item).withdrawn(def, item, entry.answer);
    }).map(([id]) => id);
    if (cleared.length) {
      kept = Object.fromEntries(Object.entries(kept).map(([id, entry]) => [id, cleared.includes(id) ? { ...entry, answer: null } : entry]));
      notices.push(clearedNotice(def, cleared.length));
    }
  } else if (dropped) {
    notices.push(`${dropped} saved answer(s) were for questions this version no longer asks, so they were left out.`);
  }
  return { answers: cleanAnswers(def, kept), notices };
}
var RECORD_FORMAT2, RECORD_FORMAT_VERSION2, MAX_VERSION, LINE_BREAK, LINE_START_MARKER, LINE_START_NUMBER, NOT_UTF8, MARKDOWN_PREFIX, MARKDOWN_LISTS, RECORD_RULES, MAX_NESTING, IMPORT_WORDS;
var init_records = __esm({
  "src/dpup_toolkit/widget/records.js"() {
    init_rules();
    init_blocks();
    init_record_parts();
    init_record_json();
    init_shared();
    RECORD_FORMAT2 = shared_default.record_format;
    RECORD_FORMAT_VERSION2 = shared_default.record_format_version;
    MAX_VERSION = shared_default.max_version;
    LINE_BREAK = /\r\n|\r|\n/g;
    LINE_START_MARKER = new RegExp(`^([${WS}]*)([-+=:%(])`, "u");
    LINE_START_NUMBER = new RegExp(`^([${WS}]*[0-9]+)([.)])`, "u");
    NOT_UTF8 = "This file is not a checklist record as the toolkit saves it: its text is not UTF-8. Another program may have saved it in another encoding, such as Latin-1; save it as UTF-8 and try again.";
    MARKDOWN_PREFIX = { title: "# ", heading: "## ", subheading: "### ", detail: "- ", bullet: "- ", step_line: "   - " };
    MARKDOWN_LISTS = /* @__PURE__ */ new Set(["detail", "bullet", "step", "step_line"]);
    RECORD_RULES = { MARKDOWN_ONLY, recordBlocks };
    MAX_NESTING = shared_default.max_nesting;
    IMPORT_WORDS = {
      notText: NOT_UTF8,
      nested: "This file is not a checklist record: it is nested too deeply.",
      notJson: "This file is not a checklist record: it is not valid JSON.",
      notRecord: "This file is not a DPUP Toolkit checklist record.",
      unknownFormat: "This record was saved in a format this page does not know. Use the page it came from.",
      otherTool: (title, def) => `This record is for another checklist (\u201C${title}\u201D), not \u201C${def.title}\u201D.`,
      noVersion: "This record does not say which version of the checklist it is for.",
      newer: (version, def) => `This record comes from a newer version of this checklist (version ${version}) than this page has (version ${def.version}). Nothing was changed.`,
      damaged: "This record's answers are damaged. Nothing was changed."
    };
  }
});

// src/dpup_toolkit/widget/compare.js
var compare_exports = {};
__export(compare_exports, {
  compareRecords: () => compareRecords,
  renderComparison: () => renderComparison,
  showComparison: () => showComparison,
  tableRows: () => tableRows
});
function own(object, key) {
  return Object.hasOwn(object, key) ? object[key] : null;
}
function readRecord(def, data) {
  try {
    const { record, version } = readEnvelope(def, data, COMPARE_WORDS);
    return { ...record, version };
  } catch (error) {
    if (error instanceof RecordError) throw new NotCompared(error.message);
    throw error;
  }
}
function readable(entry) {
  const out = { answer: entry.answer };
  for (const field of ["note", "reason"]) if (typeof entry[field] === "string") out[field] = entry[field];
  return out;
}
function setAside(def, answer, older) {
  const fits = older ? "no longer fits" : "does not fit";
  if (typeof answer !== "string") return `${UNREADABLE}, which ${fits} this question`;
  const option = (def.answers || []).find((entry) => entry.value === answer);
  return `Answered \u201C${option ? option.label : given(answer, "")}\u201D, which ${fits} this question`;
}
function personAnswers(def, raw, older) {
  const answers = {};
  const asides = {};
  for (const item of allItems(def)) {
    if (!Object.hasOwn(raw, item.id)) continue;
    const entry = raw[item.id];
    let kept;
    try {
      kept = own(cleanAnswers(def, { [item.id]: readable(entry) }), item.id);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      const note = own(cleanAnswers(def, { [item.id]: { note: readable(entry).note } }), item.id);
      asides[item.id] = { aside: setAside(def, entry.answer, older), note: note ? note.note : "" };
      continue;
    }
    if (kept) answers[item.id] = kept;
  }
  return [answers, asides];
}
function removedAnswer(entry) {
  const note = typeof entry.note === "string" ? given(entry.note, "") : "";
  const empty = entry.answer === null || entry.answer === void 0 || entry.answer === "";
  if (empty && !note) return null;
  const shown2 = empty ? "No answer" : typeof entry.answer === "string" ? `\u201C${given(entry.answer, "")}\u201D` : UNREADABLE;
  return { answer: shown2, note };
}
function readPerson(def, name, data) {
  const record = readRecord(def, data);
  const [answers, asides] = personAnswers(def, record.answers, record.version < def.version);
  const known = new Set(allItems(def).map((item) => item.id));
  const removed = /* @__PURE__ */ new Map();
  for (const [key, entry] of Object.entries(record.answers)) {
    const kept = known.has(key) ? null : removedAnswer(entry);
    if (kept) removed.set(key, kept);
  }
  const about = cleanAbout(record.about);
  const saved = given(record.exported_at, "");
  return {
    label: about.completed_by || name,
    file: name,
    answers,
    asides,
    removed,
    version: record.version,
    by: about.completed_by,
    what: about.what,
    saved: typeof saved === "string" ? saved.replace(SPACE_ENDS, "") : ""
  };
}
function comparedEntry(item, person, shown2) {
  if (Object.hasOwn(person.asides, item.id)) {
    const { aside, note } = person.asides[item.id];
    return { shown: shown2, answer: null, note, reason: "", aside };
  }
  if (!shown2) return { shown: false, answer: null, note: "", reason: "", aside: "" };
  const entry = own(person.answers, item.id) || {};
  return { shown: true, answer: answerOf(item, person.answers), note: entry.note || "", reason: entry.reason || "", aside: "" };
}
function agreement(entries) {
  const answered = entries.filter((entry) => entry.aside || entry.answer !== null).map((entry) => entry.aside || entry.answer);
  if (!answered.length) return "none";
  return answered.length === entries.length && answered.every((answer) => answer === answered[0]) ? "agree" : "differ";
}
function compareRecords(def, files) {
  const people = [];
  const errors = [];
  const loaded = [];
  for (const { name, text } of files) {
    try {
      people.push(readPerson(def, name, text));
      loaded.push({ file: name, person: people.length - 1 });
    } catch (error) {
      if (!(error instanceof NotCompared)) throw error;
      const refused = { file: name, reason: NOT_COMPARED + error.message };
      errors.push(refused);
      loaded.push(refused);
    }
  }
  const times = /* @__PURE__ */ new Map();
  for (const person of people) {
    times.set(person.label, (times.get(person.label) || 0) + 1);
    if (times.get(person.label) > 1) person.label = `${person.label} (${times.get(person.label)})`;
  }
  const shownSets = people.map((person) => new Set(visibleItems(def, person.answers).map((item) => item.id)));
  const sections = def.sections.map((section) => ({
    title: section.title,
    items: section.items.filter((item) => people.some((person, i) => shownSets[i].has(item.id) || Object.hasOwn(person.asides, item.id))).map((item) => {
      const entries = people.map((person, i) => comparedEntry(item, person, shownSets[i].has(item.id)));
      return { item, section: section.title, agree: agreement(entries), entries };
    })
  })).filter((section) => section.items.length);
  const removedIds = [...new Set(people.flatMap((person) => [...person.removed.keys()]))].sort();
  const removed = removedIds.map((id) => ({
    id,
    entries: people.map((person) => person.removed.get(id) || null)
  }));
  return { files: loaded, people, errors, sections, removed };
}
function tableRows(comparison) {
  const items = comparison.sections.flatMap((section) => section.items);
  return [...items.filter((row) => row.agree === "differ"), ...items.filter((row) => row.agree !== "differ")];
}
function comparedAnswer(def, item, entry) {
  if (entry.aside) return entry.aside;
  if (!entry.shown) return NOT_ASKED;
  const words = itemKind(item);
  if (entry.answer === null) return words.missing;
  const label = words.label(def, item, entry.answer);
  return unexplained(def, item, entry) ? `${label}, ${NO_REASON}` : label;
}
function unexplained(def, item, entry) {
  return !entry.aside && entry.answer !== null && needsReason(def, item, entry);
}
function personName(person) {
  return person.label === person.file ? person.label : `${person.label} (from ${person.file})`;
}
function personLine(def, person) {
  const parts = [`Completed by: ${person.by || "not given"}.`];
  if (person.what) parts.push(`What is being checked: ${person.what}.`);
  const saved = person.saved ? `Saved on ${person.saved}` : "Saved on a day not given";
  const newer = person.version < def.version ? ` (this page has version ${def.version})` : "";
  parts.push(`${saved}, with version ${person.version} of this tool${newer}.`);
  return parts.join(" ");
}
function markdownHead(def, comparison, comparedAt) {
  const { people, errors, removed } = comparison;
  const rows = tableRows(comparison);
  const out = [
    `# ${escapeLine(def.title)}: comparison of answers`,
    "",
    `- Tool: ${def.id}, version ${def.version}`,
    `- Compared: ${escapeLine(comparedAt)}`,
    `- People: ${people.length}`,
    ...Object.entries(STATUS).map(([agree, label]) => `- ${label}: ${rows.filter((row) => row.agree === agree).length} of ${rows.length} questions`)
  ];
  if (removed.length) out.push(`- ${REMOVED_TITLE}: ${removed.length}`);
  out.push(...errors.map((error) => `- ${escapeLine(error.file)}: ${escapeLine(error.reason)}`));
  if (people.length) {
    out.push("", "## People", "", ...people.map((person) => `- ${escapeLine(personName(person))}: ${escapeLine(personLine(def, person))}`));
  }
  const differ = rows.filter((row) => row.agree === "differ");
  if (differ.length) out.push("", "## Where answers differ", "", ...differ.map((row) => `- ${escapeLine(row.item.prompt)}`));
  return out;
}
function markdownItem(def, people, { item, agree, entries }) {
  const out = ["", `### ${escapeLine(item.prompt)}`, "", `${STATUS[agree]}.`, ""];
  if (itemKind(item).typed) {
    entries.forEach((entry, i) => {
      if (i) out.push("");
      const label = escapeLine(people[i].label);
      if (entry.answer === null) out.push(`${label}: ${escapeLine(comparedAnswer(def, item, entry))}`);
      else out.push(`${label} wrote:`, "", ...quote(entry.answer));
    });
    return out;
  }
  out.push(...entries.map((entry, i) => `- ${escapeLine(people[i].label)}: ${escapeLine(comparedAnswer(def, item, entry))}`));
  entries.forEach((entry, i) => {
    if (entry.reason && !unexplained(def, item, entry)) out.push("", `Why it does not apply, from ${escapeLine(people[i].label)}:`, "", ...quote(entry.reason));
    if (entry.note) out.push("", `Note from ${escapeLine(people[i].label)}:`, "", ...quote(entry.note));
  });
  return out;
}
function markdownRemoved(people, removed) {
  const out = ["", `## ${REMOVED_TITLE}`, "", REMOVED_INTRO];
  for (const question of removed) {
    out.push("", `### Question \u201C${escapeLine(given(question.id, ""))}\u201D`, "");
    out.push(...question.entries.map((entry, i) => `- ${escapeLine(people[i].label)}: ${entry ? escapeLine(entry.answer) : "Not in this file"}`));
    question.entries.forEach((entry, i) => {
      if (entry && entry.note) out.push("", `Note from ${escapeLine(people[i].label)}:`, "", ...quote(entry.note));
    });
  }
  return out;
}
function renderComparison(def, files, comparedAt) {
  const comparison = compareRecords(def, files);
  const out = markdownHead(def, comparison, comparedAt);
  for (const section of comparison.sections) {
    out.push("", `## ${escapeLine(section.title)}`);
    for (const row of section.items) out.push(...markdownItem(def, comparison.people, row));
  }
  if (comparison.removed.length) out.push(...markdownRemoved(comparison.people, comparison.removed));
  return out.join("\n") + "\n";
}
function drawLoaded(def, { files, people }, pickerName) {
  if (!files.length) return [];
  return [
    h("p", { text: `You chose ${files.length} file${files.length === 1 ? "" : "s"}:` }),
    h("ul", {}, ...files.map((file) => file.reason ? h("li", { className: "dpup-compare-left-out" }, h("strong", { text: file.file }), `: ${file.reason}`) : h(
      "li",
      {},
      h("strong", { text: file.file }),
      `: compared, in the column \u201C${people[file.person].label}\u201D. ${personLine(def, people[file.person])}`
    ))),
    h("p", { text: `To compare different files, choose them again with \u201C${pickerName}\u201D: they replace these.` })
  ];
}
function answerCell(def, item, entry) {
  const answer = comparedAnswer(def, item, entry);
  const kind = entry.aside ? "dpup-compare-aside" : unexplained(def, item, entry) ? "dpup-compare-no-reason" : null;
  return h(
    "td",
    { className: kind },
    h("p", { className: itemKind(item).typed && entry.answer !== null ? "dpup-compare-text" : null, text: answer }),
    entry.reason && !unexplained(def, item, entry) ? h("p", { className: "dpup-compare-reason" }, h("strong", { text: "Why it does not apply: " }), entry.reason) : null,
    entry.note ? h("p", { className: "dpup-compare-note" }, h("strong", { text: "Note: " }), entry.note) : null
  );
}
function scrolling(id, caption, head, rows) {
  return h(
    "div",
    { className: "dpup-compare-scroll", role: "region", "aria-labelledby": id, tabindex: "0" },
    h(
      "table",
      { className: "dpup-compare-table" },
      h("caption", { id, text: caption }),
      h("thead", {}, h("tr", {}, ...head.map((cell) => h("th", { scope: "col" }, ...cell)))),
      h("tbody", {}, ...rows)
    )
  );
}
function peopleHead(people) {
  return people.map((person) => [person.label, person.label === person.file ? null : h("span", { className: "dpup-compare-file", text: ` from ${person.file}` })]);
}
function answersTable(def, comparison, id) {
  const { people } = comparison;
  const rows = tableRows(comparison).map(({ item, section, agree, entries }) => h(
    "tr",
    { className: `dpup-compare-row dpup-compare-${agree}` },
    h("th", { scope: "row" }, h("span", { className: "dpup-compare-section", text: section }), item.prompt),
    h("td", { className: "dpup-compare-status", text: STATUS[agree] }),
    ...entries.map((entry) => answerCell(def, item, entry))
  ));
  const caption = `Answers side by side: one column for each person. Questions where answers differ come first, then the rest in the tool's order.`;
  return scrolling(id, caption, [["Question"], ["Agreement"], ...peopleHead(people)], rows);
}
function removedTable({ people, removed }, id) {
  const rows = removed.map((question) => h(
    "tr",
    {},
    h("th", { scope: "row", text: `Question \u201C${given(question.id, "")}\u201D` }),
    ...question.entries.map((entry) => h(
      "td",
      {},
      h("p", { text: entry ? entry.answer : "Not in this file" }),
      entry && entry.note ? h("p", { className: "dpup-compare-note" }, h("strong", { text: "Note: " }), entry.note) : null
    ))
  ));
  return [scrolling(id, REMOVED_TITLE, [["Question"], ...peopleHead(people)], rows), h("p", { text: REMOVED_INTRO })];
}
function showComparison(def, files, { loaded, summary, output, downloadButton, filter, pickerName, uiId }) {
  const comparison = compareRecords(def, files);
  const { people, errors } = comparison;
  loaded.replaceChildren(...drawLoaded(def, comparison, pickerName));
  const enough = people.length >= 2;
  const rows = tableRows(comparison);
  const count = (agree) => rows.filter((row) => row.agree === agree).length;
  downloadButton.hidden = !enough;
  filter.hidden = !enough || !count("differ");
  const left = errors.length ? ` ${errors.length} file${errors.length === 1 ? " was" : "s were"} not compared: the list above says why.` : "";
  summary.textContent = (enough ? `${people.length} people compared. Answers differ on ${count("differ")} of ${rows.length} questions; all agree on ${count("agree")}.` : "Choose two or more records of this tool to compare them.") + left;
  output.replaceChildren(...enough ? [
    answersTable(def, comparison, uiId("compare-table")),
    ...comparison.removed.length ? removedTable(comparison, uiId("compare-removed")) : []
  ] : []);
}
var STATUS, NOT_ASKED, NOT_COMPARED, NO_REASON, UNREADABLE, REMOVED_TITLE, REMOVED_INTRO, NotCompared, COMPARE_WORDS;
var init_compare = __esm({
  "src/dpup_toolkit/widget/compare.js"() {
    init_dom();
    init_rules();
    init_records();
    STATUS = { agree: "All agree", differ: "Answers differ", none: "Nobody answered" };
    NOT_ASKED = "Not asked (an earlier answer skipped it)";
    NOT_COMPARED = "This file was not compared: ";
    NO_REASON = "no reason given";
    UNREADABLE = "An answer this page cannot read";
    REMOVED_TITLE = "Answers to questions no longer in this tool";
    REMOVED_INTRO = "These questions were in the version of this tool the record was saved with. This version no longer asks them; the records still hold the answers.";
    NotCompared = class extends Error {
    };
    COMPARE_WORDS = {
      notText: "its text is not UTF-8. Another program may have saved it in another encoding, such as Latin-1; save it as UTF-8 and choose it again.",
      nested: "it is not valid JSON, so it is not a record saved by this toolkit.",
      notJson: "it is not valid JSON, so it is not a record saved by this toolkit.",
      notRecord: "it is not a record saved by this toolkit.",
      unknownFormat: "it was saved in a record format this page does not know.",
      otherTool: (title, def) => `it is a record of another tool (\u201C${title}\u201D), not of \u201C${def.title}\u201D.`,
      noVersion: "it does not say which version of this tool it was saved with.",
      newer: (version, def) => `it was saved with version ${version} of this tool, newer than this page (version ${def.version}). Reload the page to get the newest version, then compare again.`,
      damaged: "its answers are damaged."
    };
  }
});

// src/dpup_toolkit/widget/about-section.js
init_dom();
init_rules();
var LABELS = { what: "What are you checking?", completed_by: "Completed by", review_by: "Review by (optional)" };
function drawAbout(uiId, session) {
  const inputs = {
    what: h("input", { type: "text", id: uiId("what"), className: "dpup-field", "aria-describedby": uiId("what-help") }),
    completed_by: h("input", { type: "text", id: uiId("completed-by"), className: "dpup-field", autocomplete: "name" }),
    review_by: h("input", { type: "date", id: uiId("review-by"), className: "dpup-field dpup-date" })
  };
  const printed = h("ul", { className: "dpup-print-only dpup-about-print" });
  const node = h(
    "section",
    { className: "dpup-about", "aria-labelledby": uiId("about") },
    h("h2", { id: uiId("about"), text: "About this check" }),
    h("p", { className: "dpup-about-intro", text: "These details go in your record." }),
    ...ABOUT_FIELDS.map((field) => h(
      "p",
      { className: "dpup-about-field" },
      h("label", { for: inputs[field].id, text: LABELS[field] }),
      field === "what" ? h("span", {
        className: "dpup-help",
        id: uiId("what-help"),
        text: "For example, the programme, service or project. Do not enter a person's name or details about them."
      }) : null,
      inputs[field]
    )),
    printed
  );
  function print() {
    const filled = cleanAbout(session.about);
    printed.replaceChildren(...aboutLines(session.about).map(([label, text], i) => filled[ABOUT_FIELDS[i]] ? h("li", { text: `${label}: ${text}` }) : h("li", { className: "dpup-blank" }, `${label}: `, h("span", { className: "dpup-write-here" }))));
  }
  function show() {
    for (const field of ABOUT_FIELDS) {
      if (document.activeElement !== inputs[field]) inputs[field].value = session.about[field] || "";
    }
    print();
  }
  for (const field of ABOUT_FIELDS) {
    const input = inputs[field];
    input.addEventListener("input", () => {
      session.editAbout(field, input.value, { sync: false });
      print();
    });
    input.addEventListener("change", () => session.editAbout(field, input.value));
  }
  return { node, show };
}

// src/dpup_toolkit/widget/check-answers.js
init_dom();
init_rules();
function askedOnlyWhen(def, item) {
  const asked = itemById(def, item.show_if.item);
  const labelOf = (value) => itemKind(asked).label(def, asked, value);
  return `asked only when \u201C${asked.prompt}\u201D is answered ${item.show_if.answer_in.map(labelOf).join(" or ")}.`;
}
function skippedSentence(def, item) {
  return `Skipped: \u201C${item.prompt}\u201D is ${askedOnlyWhen(def, item)}`;
}
function decidingItem(def, item, shownIds) {
  let asked = itemById(def, item.show_if.item);
  while (!shownIds.has(asked.id) && asked.show_if) asked = itemById(def, asked.show_if.item);
  return asked;
}
var setText = (node, text) => {
  if (node.textContent !== text) node.textContent = text;
  node.hidden = !text;
};
function drawRow(ctx, ui, item) {
  const els = {
    answer: h("p", { className: "dpup-summary-answer" }),
    reason: h("p", { className: "dpup-summary-reason" }),
    note: h("p", { className: "dpup-summary-note" }),
    which: h("span", { className: "dpup-screen-hidden" })
  };
  els.change = h(
    "a",
    { className: "dpup-change", id: ui.uiId(`change-${item.id}`), href: `#${ctx.id(item)}` },
    "Change",
    els.which
  );
  const node = h(
    "div",
    { className: "dpup-summary-row" },
    h("dt", { text: item.prompt }),
    h("dd", { className: "dpup-summary-value" }, els.answer, els.reason, els.note),
    h("dd", { className: "dpup-summary-action" }, els.change)
  );
  function refresh(shownIds, answers) {
    const entry = answers[item.id] || {};
    const skipped = !shownIds.has(item.id);
    const given2 = skipped ? null : answerOf(item, answers);
    const target = skipped ? decidingItem(ctx.def, item, shownIds) : item;
    node.classList.toggle("dpup-summary-missing", !skipped && !given2);
    node.classList.toggle("dpup-summary-skipped", skipped);
    let answer = skipped ? `Skipped: ${askedOnlyWhen(ctx.def, item)}` : given2 ? itemKind(item).label(ctx.def, item, given2) : itemKind(item).missing;
    if (!skipped && !given2) answer = `${answer} yet`;
    setText(els.answer, answer);
    els.answer.classList.toggle("dpup-long-words", /[^ \t\r\n]{60}/.test(answer));
    const notApplicable = Boolean(given2) && itemKind(item).keepsReason(ctx.def, item, given2);
    const reason = typeof entry.reason === "string" ? entry.reason.replace(SPACE_ENDS, "") : "";
    setText(els.reason, notApplicable ? `Why it does not apply: ${reason || "Not given yet"}` : "");
    const note = !skipped && !itemKind(item).typed && typeof entry.note === "string" ? entry.note.replace(SPACE_ENDS, "") : "";
    setText(els.note, note ? `Your note: ${note}` : "");
    els.note.classList.toggle("dpup-long-words", /[^ \t\r\n]{60}/.test(note));
    const href = `#${ctx.id(target)}`;
    if (els.change.getAttribute("href") !== href) els.change.setAttribute("href", href);
    setText(els.which, skipped ? ` the answer to \u201C${target.prompt}\u201D, which decides whether \u201C${item.prompt}\u201D is asked` : ` your answer to \u201C${item.prompt}\u201D`);
    return { given: Boolean(given2), skipped };
  }
  return { item, node, change: els.change, refresh };
}
function drawBack(ui) {
  const link = h("a", { className: "dpup-back-to-check", href: "#", text: "Back to Check your answers" });
  const node = h("p", { className: "dpup-back-to-check-line" }, link);
  link.addEventListener("click", () => setTimeout(() => node.remove(), 0));
  return {
    node,
    offer(row, question) {
      link.setAttribute("href", `#${row.change.id}`);
      question.after(node);
    }
  };
}
function drawCheckAnswers(ctx, ui) {
  const { def } = ctx;
  const rows = new Map(allItems(def).map((item) => [item.id, drawRow(ctx, ui, item)]));
  const count = h("p", { className: "dpup-check-count" });
  const back = drawBack(ui);
  const sections = def.sections.map((section) => h(
    "div",
    { className: "dpup-check-section" },
    h("h3", { text: section.title }),
    h("dl", { className: "dpup-summary" }, ...section.items.map((item) => rows.get(item.id).node))
  ));
  const node = h(
    "section",
    { className: "dpup-check-answers", "aria-labelledby": ui.uiId("check") },
    h("h2", { id: ui.uiId("check"), text: "Check your answers" }),
    h("p", { text: "Before you keep a record, read your answers through. Use \u201CChange\u201D to go to a question; a link after it brings you back here." }),
    count,
    ...sections
  );
  for (const row of rows.values()) {
    row.change.addEventListener("click", () => {
      const question = ui.root.querySelector(`#${CSS.escape(row.change.getAttribute("href").slice(1))}`);
      if (question) back.offer(row, question);
    });
  }
  function refresh(state, answers) {
    const shownIds = new Set(state.shown.map((item) => item.id));
    let missing = 0;
    let skipped = 0;
    for (const row of rows.values()) {
      const seen = row.refresh(shownIds, answers);
      if (seen.skipped) skipped += 1;
      else if (!seen.given) missing += 1;
    }
    const parts = [`${state.answered} of ${state.total} answered.`];
    if (missing) parts.push(`${plural(missing, "question")} not answered yet.`);
    if (skipped) parts.push(`${plural(skipped, "question")} skipped because of an answer.`);
    setText(count, parts.join(" "));
  }
  return { node, refresh };
}

// src/dpup_toolkit/widget/checks-control.js
init_dom();
init_messages();
init_saved_checks();
init_storage();
var NO_STORAGE = "This browser is not letting the page keep saved checks. Save your answers to a file before you leave the page.";
function readChecks(def) {
  try {
    return savedChecks(def);
  } catch {
    return { checks: [{ id: FIRST_CHECK, name: FIRST_CHECK_NAME }], current: FIRST_CHECK, damaged: false };
  }
}
function drawControls(uiId) {
  const sectionId = uiId("checks");
  const els = {
    nowName: h("strong"),
    status: h("p", { className: "dpup-message", role: "status" }),
    alert: h("p", { className: "dpup-message dpup-message-error", role: "alert" }),
    // autocomplete off: a browser restoring the choice after a reload would show another check than the open one.
    select: h("select", { id: uiId("check-list"), autocomplete: "off" }),
    switchButton: h("button", { type: "button", text: "Switch to this check" }),
    newButton: h("button", { type: "button", text: "Start a new check" }),
    renameButton: h("button", { type: "button", className: "dpup-secondary", text: "Rename this check" }),
    deleteButton: h("button", { type: "button", className: "dpup-secondary", text: "Delete this check" }),
    undoButton: h("button", { type: "button", className: "dpup-undo", hidden: true, text: "Undo delete" }),
    openName: h("strong"),
    confirmText: h("p", { className: "dpup-check-confirm-text" }),
    confirmButton: h("button", { type: "button", className: "dpup-clear" }),
    confirmCancel: h("button", { type: "button", className: "dpup-secondary", text: "Cancel" }),
    keepButton: h("button", { type: "button", hidden: true, text: SAVE_NOW }),
    nameInput: h("input", {
      type: "text",
      id: uiId("check-name"),
      maxlength: MAX_CHECK_NAME,
      autocomplete: "off",
      className: "dpup-check-name-input"
    }),
    nameSubmit: h("button", { type: "submit" }),
    nameCancel: h("button", { type: "button", className: "dpup-secondary", text: "Cancel" })
  };
  els.nameLabel = h("label", { for: els.nameInput.id });
  els.confirm = h(
    "div",
    { className: "dpup-check-confirm" },
    els.confirmText,
    h("div", { className: "dpup-buttons" }, els.confirmButton, els.confirmCancel)
  );
  els.confirmSlot = h("div");
  els.nameForm = h(
    "form",
    { className: "dpup-check-name", hidden: true },
    h("p", {}, els.nameLabel, els.nameInput),
    h("div", { className: "dpup-buttons" }, els.nameSubmit, els.nameCancel)
  );
  els.line = h(
    "p",
    { className: "dpup-check-now", id: uiId("check-now") },
    "Saved check: ",
    els.nowName,
    ". ",
    h("a", { href: `#${sectionId}`, text: "Switch, rename or start another check" })
  );
  els.node = h(
    "section",
    { className: "dpup-checks", "aria-labelledby": sectionId },
    h("h2", { id: sectionId, text: "Your saved checks" }),
    h("p", { text: "Keep a separate check for each programme or project you look at. Each one is saved in this browser under its own name, with its own answers." }),
    h("p", { className: "dpup-check-open" }, "Open now: ", els.openName, "."),
    h(
      "p",
      { className: "dpup-check-choose" },
      h("label", { for: els.select.id, text: "Choose a saved check: " }),
      els.select,
      els.switchButton
    ),
    h("div", { className: "dpup-buttons" }, els.newButton, els.renameButton, els.deleteButton, els.undoButton),
    els.confirmSlot,
    els.nameForm,
    els.status,
    els.alert,
    h("div", { className: "dpup-buttons" }, els.keepButton)
  );
  return els;
}
function controlState(host, els) {
  const { def } = host;
  const c = { def, host, els, list: readChecks(def), removed: null, naming: null, busy: false };
  c.current = c.list.current;
  c.nameOf = (id) => (c.list.checks.find((check) => check.id === id) || { name: FIRST_CHECK_NAME }).name;
  c.tell = (message, { error = false } = {}) => {
    (error ? els.alert : els.status).textContent = message || "";
    (error ? els.status : els.alert).textContent = "";
  };
  c.draw = () => {
    els.nowName.textContent = c.nameOf(c.current);
    els.openName.textContent = `\u201C${c.nameOf(c.current)}\u201D`;
    els.select.replaceChildren(...c.list.checks.map((check) => h("option", {
      value: check.id,
      text: check.name,
      selected: check.id === c.current
    })));
    els.select.value = c.current;
    els.deleteButton.textContent = c.list.checks.length > 1 ? "Delete this check" : "Delete this check and start afresh";
  };
  c.failed = (error) => c.tell(error instanceof CheckError ? error.message : NO_STORAGE, { error: true });
  c.attempt = async (action) => {
    if (c.busy) return;
    c.busy = true;
    let checks = null;
    try {
      checks = await Promise.resolve().then(() => (init_checks(), checks_exports));
    } catch {
      c.tell(NOT_LOADED, { error: true });
    }
    try {
      if (checks) action(checks);
    } catch (error) {
      c.failed(error);
    }
    c.busy = false;
  };
  c.hideUndo = () => {
    c.removed = null;
    els.undoButton.hidden = true;
  };
  c.closeForm = () => {
    c.naming = null;
    els.nameForm.hidden = true;
    els.confirm.remove();
  };
  c.reread = () => {
    c.list = readChecks(def);
  };
  c.mayLeave = () => {
    if (!host.unsaved()) return true;
    c.tell(
      `The latest answers and notes in \u201C${c.nameOf(c.current)}\u201D could not be saved in this browser (it may be full), so the page stays on this check: leaving it now would lose them. Use \u201C${SAVE_NOW}\u201D, then try again.`,
      { error: true }
    );
    els.keepButton.hidden = false;
    els.keepButton.focus();
    return false;
  };
  c.show = (id, message) => {
    c.current = id;
    rememberCheck(def, id);
    c.reread();
    c.draw();
    const told = host.open(id, message);
    return told ? " Read the message at the top of this tool about its saved answers." : "";
  };
  return c;
}
function wireSwitch(c) {
  const { els } = c;
  els.switchButton.addEventListener("click", () => {
    const id = els.select.value;
    c.closeForm();
    if (id === c.current) {
      c.tell(`You are already working on \u201C${c.nameOf(id)}\u201D.`);
      return;
    }
    if (!c.mayLeave()) return;
    c.hideUndo();
    try {
      const name = c.nameOf(id);
      c.tell(`You are now working on \u201C${name}\u201D. Your other checks are still saved.${c.show(id)}`);
    } catch (error) {
      c.failed(error);
    }
  });
}
function openForm(c, mode) {
  const { els } = c;
  c.naming = mode;
  els.nameLabel.textContent = mode === "new" ? "Name for the new check, for example the programme it is about: " : "New name for this check: ";
  els.nameSubmit.textContent = mode === "new" ? "Start the check" : "Save the name";
  els.nameInput.value = mode === "new" ? "" : c.nameOf(c.current);
  els.nameForm.hidden = false;
  c.tell("");
  els.nameInput.focus();
  els.nameInput.select();
}
function wireNaming(c) {
  const { def, els } = c;
  els.newButton.addEventListener("click", () => openForm(c, "new"));
  els.renameButton.addEventListener("click", () => openForm(c, "rename"));
  els.nameCancel.addEventListener("click", () => {
    const back = c.naming === "new" ? els.newButton : els.renameButton;
    c.closeForm();
    c.tell("");
    back.focus();
  });
  els.nameInput.addEventListener("keydown", (event) => {
    if (event.key === "Escape") els.nameCancel.click();
  });
  els.nameForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const mode = c.naming;
    if (mode === "new" && !c.mayLeave()) return;
    await c.attempt(({ startCheck: startCheck2, renameCheck: renameCheck2 }) => {
      if (mode === "new") {
        const id = startCheck2(def, els.nameInput.value);
        c.hideUndo();
        c.closeForm();
        c.reread();
        const told = c.show(id);
        c.tell(`You started a new check, \u201C${c.nameOf(id)}\u201D. It has no answers yet. Your other checks are still saved.${told}`);
        els.newButton.focus();
      } else {
        const name = renameCheck2(def, c.current, els.nameInput.value);
        c.closeForm();
        c.reread();
        c.draw();
        c.tell(`This check is now called \u201C${name}\u201D.`);
        els.renameButton.focus();
      }
    });
    if (!els.nameForm.hidden) els.nameInput.focus();
  });
}
function wireDelete(c) {
  const { def, els } = c;
  els.deleteButton.addEventListener("click", () => {
    c.closeForm();
    const name = c.nameOf(c.current);
    els.confirmText.textContent = `Delete \u201C${name}\u201D and all its answers and notes from this browser? You can undo this until you leave the page.`;
    els.confirmButton.textContent = `Yes, delete \u201C${name}\u201D`;
    els.confirmSlot.replaceChildren(els.confirm);
    c.tell("");
    els.confirmButton.focus();
  });
  els.confirmCancel.addEventListener("click", () => {
    els.confirm.remove();
    c.tell("Nothing was deleted.");
    els.deleteButton.focus();
  });
  els.confirmButton.addEventListener("click", () => {
    els.confirm.remove();
    c.attempt(({ deleteCheck: deleteCheck2 }) => {
      const gone = deleteCheck2(def, c.current);
      c.removed = gone;
      const told = c.show(gone.next);
      c.tell(`\u201C${gone.name}\u201D was deleted from this browser. You are now working on \u201C${c.nameOf(gone.next)}\u201D. Undo delete brings \u201C${gone.name}\u201D back.${told}`);
      els.undoButton.hidden = false;
      els.undoButton.focus();
    });
  });
  els.undoButton.addEventListener("click", () => {
    if (c.removed === null || !c.mayLeave()) return;
    c.attempt(({ restoreCheck: restoreCheck2 }) => {
      restoreCheck2(def, c.removed);
      const back = c.removed;
      c.hideUndo();
      const told = c.show(back.id);
      c.tell(`\u201C${c.nameOf(back.id)}\u201D is back, with everything saved for it.${told}`);
      els.select.focus();
    });
  });
}
function warnDamaged(c) {
  let copied = true;
  try {
    const storage = window.localStorage;
    keepCopy(storage, checksKey(c.def), storage.getItem(checksKey(c.def)));
  } catch {
    copied = false;
  }
  c.tell(`The list of your saved checks' names could not be read. Every saved answer is still here; a check without its name is called \u201C${FOUND_CHECK_NAME}\u201D.${copied ? " A copy of the list is kept in this browser." : ""}`, { error: true });
}
function refreshFromOtherTab(c) {
  const before = c.nameOf(c.current);
  c.reread();
  if (c.list.checks.some((check) => check.id === c.current)) {
    c.draw();
    return;
  }
  c.hideUndo();
  c.closeForm();
  const next = c.list.checks[0].id;
  const message = `\u201C${before}\u201D was deleted in another tab. You are now working on \u201C${c.nameOf(next)}\u201D.`;
  c.current = next;
  c.draw();
  c.host.open(next, message);
}
function wireKeep(c) {
  const { els, host } = c;
  els.keepButton.addEventListener("click", async () => {
    if (!await host.downloadRecord()) return;
    els.keepButton.hidden = true;
    c.tell(`Your answers in \u201C${c.nameOf(c.current)}\u201D were downloaded as a record. Keep the file: open it again with \u201COpen a saved progress file\u201D. You can switch checks now.`);
    els.select.focus();
  });
}
async function startNamed(c, name) {
  if (!c.mayLeave()) return null;
  let id = null;
  await c.attempt(({ startCheck: startCheck2 }) => {
    const wanted = cleanCheckName(name) || "Check from a file";
    id = startCheck2(c.def, unusedName(c.list.checks, wanted));
    c.hideUndo();
    c.closeForm();
    c.reread();
    c.show(id);
  });
  return id === null ? null : c.nameOf(id);
}
function checksControl(host) {
  const els = drawControls(host.uiId);
  const c = controlState(host, els);
  wireSwitch(c);
  wireNaming(c);
  wireDelete(c);
  wireKeep(c);
  if (c.list.damaged) warnDamaged(c);
  c.draw();
  return {
    line: els.line,
    node: els.node,
    current: () => c.current,
    name: () => c.nameOf(c.current),
    refresh: () => refreshFromOtherTab(c),
    startNamed: (name) => startNamed(c, name)
  };
}

// src/dpup_toolkit/widget/compare-section.js
init_dom();
var PICKER_NAME = "Files to compare (.json)";
function drawCompare(def, uiId, using) {
  const picker = h("input", { type: "file", id: uiId("compare-files"), accept: ".json,application/json", multiple: true });
  const loaded = h("div", { className: "dpup-compare-loaded" });
  const summary = h("p", { className: "dpup-compare-summary", "aria-live": "polite" });
  const output = h("div", { className: "dpup-compare-output" });
  const downloadButton = h("button", { type: "button", hidden: true, text: "Download the comparison (text file, .md)" });
  const onlyDiffer = h("input", { type: "checkbox", id: uiId("compare-differ") });
  const filter = h(
    "p",
    { className: "dpup-compare-filter", hidden: true },
    onlyDiffer,
    h("label", { for: onlyDiffer.id, text: "Show only where answers differ" })
  );
  let files = [];
  downloadButton.addEventListener("click", async () => {
    const compare = await using("compare");
    if (compare) download(`${def.id}-comparison-${today()}.md`, compare.renderComparison(def, files, today()), "text/markdown");
  });
  function narrow() {
    for (const row of output.querySelectorAll(".dpup-compare-row")) {
      row.hidden = onlyDiffer.checked && !filter.hidden && !row.classList.contains("dpup-compare-differ");
    }
  }
  onlyDiffer.addEventListener("change", narrow);
  picker.addEventListener("change", async () => {
    const chosen = [...picker.files];
    files = [];
    for (const file of chosen) {
      let text = "";
      try {
        text = await file.arrayBuffer();
      } catch {
      }
      files.push({ name: file.name, text });
    }
    files.sort((a, b) => a.name < b.name ? -1 : Number(a.name > b.name));
    const compare = await using("compare");
    if (compare) compare.showComparison(def, files, { loaded, summary, output, downloadButton, filter, pickerName: PICKER_NAME, uiId });
    narrow();
  });
  const title = h("h2", { id: uiId("more"), text: "More options" });
  return h(
    "section",
    { className: "dpup-more-options", "aria-labelledby": title.id },
    title,
    h(
      "details",
      { className: "dpup-compare", id: uiId("compare") },
      h("summary", { text: "Compare answers with your team" }),
      h("p", { text: "Each person answers this tool on their own and keeps their answers with \u201CSave a file to carry on later\u201D. Choose two or more of those files to see everyone's answers side by side, with the questions where answers differ first." }),
      h("p", { text: "The files stay on this page: they are not saved in this browser or sent anywhere." }),
      h("p", {}, h("label", { for: picker.id, text: `${PICKER_NAME}: ` }), picker),
      loaded,
      summary,
      h("div", { className: "dpup-buttons" }, downloadButton),
      filter,
      output
    )
  );
}

// src/dpup_toolkit/widget/checklist.js
init_dom();

// src/dpup_toolkit/widget/feedback.js
function placeFeedback(root, nodes) {
  let origin = null;
  let home = null;
  const remember = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const from = target && (target.closest(".dpup-item") || target.closest("button, input[type=file]"));
    if (!from || !root.contains(from)) return;
    origin = from;
    if (!from.matches("input[type=file]")) setTimeout(() => {
      if (origin === from) origin = null;
    });
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
        setTimeout(() => {
          if (origin === from) origin = null;
        });
      };
    },
    // Called as a message is about to be shown in `message`.
    place(message) {
      const from = origin;
      origin = null;
      const group = nodes().filter(Boolean);
      home = home || group[0].previousElementSibling;
      if (!from || !from.isConnected) {
        if (home && home.isConnected && group[0].previousElementSibling !== home) home.after(...group);
        return;
      }
      const anchor = from.closest(".dpup-item") || from.closest(".dpup-buttons, p") || from;
      if (!group.some((node) => node.contains(anchor))) anchor.after(...group);
      if (!from.matches(".dpup-item")) queueMicrotask(() => {
        if (message.textContent) message.focus();
      });
    }
  };
}

// src/dpup_toolkit/widget/checklist.js
init_item_question();
init_kinds();
init_messages();

// src/dpup_toolkit/widget/record-buttons.js
init_dom();
init_messages();
init_record_json();
init_rules();
function saveProgress(def, session) {
  download(
    recordFilename(def.id, stamp(), "json"),
    renderJson(def, session.answers, today(), session.about),
    "application/json"
  );
  session.keptByPerson();
}
function drawRescue({ def, session }) {
  const saveNow = h("button", { type: "button", hidden: true, text: SAVE_NOW });
  const recover = h("button", { type: "button", hidden: true, text: "Download the saved data that was left out" });
  const reload = h("button", { type: "button", hidden: true, text: "Reload the page" });
  reload.addEventListener("click", () => window.location.reload());
  async function downloadRecord() {
    saveProgress(def, session);
    return true;
  }
  saveNow.addEventListener("click", downloadRecord);
  recover.addEventListener("click", () => {
    if (session.recover === null) return;
    download(`${def.id}-saved-data-${today()}.json`, session.recover.text, "application/json");
    session.recovered();
  });
  return { saveNow, recover, reload, downloadRecord, node: h("div", { className: "dpup-buttons" }, saveNow, recover, reload) };
}
function wireDownloads(host, els) {
  const { def, session, using, say } = host;
  els.md.addEventListener("click", async () => {
    const records = await using("records");
    if (!records) return;
    download(
      records.recordFilename(def.id, stamp(), "md"),
      records.renderMarkdown(def, session.answers, today(), session.about),
      "text/markdown"
    );
    say("Your text copy was downloaded, as a text file ending .md.");
  });
  els.json.addEventListener("click", () => {
    saveProgress(def, session);
    say("Your progress was saved to a file. Open it here later to carry on.");
  });
  els.copy.addEventListener("click", async () => {
    const records = await using("records");
    if (!records) return;
    const summary = records.renderMarkdown(def, session.answers, today(), session.about);
    els.copyBox.hidden = true;
    copyText(summary).then(() => {
      els.status.textContent = "Text copied. Paste it into an email or a Teams message.";
    }, () => {
      els.copyArea.value = summary;
      els.copyBox.hidden = false;
      els.copyArea.focus();
      els.copyArea.select();
      els.status.textContent = "This browser did not let the page copy. The text is selected below: copy it with Ctrl+C (\u2318+C on a Mac).";
    });
  });
}
function wireWord(host, els) {
  const { def, model, session } = host;
  els.docx.addEventListener("click", async () => {
    const when = stamp();
    const root = document.documentElement.dataset.content_root;
    if (root === void 0) {
      els.status.textContent = "Making your Word file\u2026";
      model.send({ kind: "docx", exported_at: today(), stamp: when, answers: session.answers, about: session.about });
      return;
    }
    els.status.textContent = "Making your Word file\u2026";
    try {
      const records = await Promise.resolve().then(() => (init_records(), records_exports));
      const word = await import(new URL(`${root}widgets/docx/record.mjs`, document.baseURI).href);
      const blob = await word.docxBlob(records.RECORD_RULES, def, session.answers, today(), session.about);
      download(records.recordFilename(def.id, when, "docx"), blob, DOCX_TYPE);
      els.status.textContent = "Your summary was downloaded as a Word file.";
    } catch {
      els.status.textContent = "The Word file could not be made here (are you offline?). Download a text copy instead.";
    }
  });
  const onKernelFile = (message, buffers) => {
    if (!message || message.kind !== "docx" || !buffers || !buffers.length) return;
    download(message.filename, new Blob(buffers, { type: DOCX_TYPE }), DOCX_TYPE);
    els.status.textContent = "Your summary was downloaded as a Word file.";
  };
  model.on("msg:custom", onKernelFile);
  return () => model.off("msg:custom", onKernelFile);
}
function anotherCheck(about, fileAbout) {
  if (!fileAbout) return false;
  return ["what", "completed_by"].some((field) => fileAbout[field] && fileAbout[field] !== about[field]);
}
function hasAnything(session) {
  return Object.keys(session.answers).length > 0 || Object.values(session.about).some(Boolean);
}
function drawImportChoice(uiId) {
  const radio = (value) => h("input", { type: "radio", name: uiId("import-choice"), id: uiId(`import-${value}`), value });
  const els = {
    legend: h("legend"),
    replace: radio("replace"),
    asNew: radio("new"),
    replaceLabel: h("label", { for: uiId("import-replace") }),
    newLabel: h("label", { for: uiId("import-new") }),
    go: h("button", { type: "button", text: "Continue" }),
    cancel: h("button", { type: "button", className: "dpup-secondary", text: "Cancel" })
  };
  els.node = h(
    "fieldset",
    { className: "dpup-import-choice" },
    els.legend,
    h("p", { className: "dpup-choice-option" }, els.asNew, " ", els.newLabel),
    h("p", { className: "dpup-choice-option" }, els.replace, " ", els.replaceLabel),
    h("div", { className: "dpup-buttons" }, els.go, els.cancel)
  );
  els.slot = h("div");
  return els;
}
function wireImport(host, els) {
  const { def, session, using, say } = host;
  const choice = els.choice;
  let pending = null;
  const replace = ({ imported, restored }) => {
    session.changeWithUndo(
      imported.answers,
      ["Your saved record was imported.", ...imported.notices].join(" "),
      restored || session.about
    );
  };
  const asNewCheck = async ({ imported, restored, fileName }) => {
    const name = await host.checks.startNamed(restored && restored.what || fileName.replace(/\.json$/i, ""));
    if (name === null) {
      say("The file was not opened. Read the message under \u201CYour saved checks\u201D, then open the file again.", { error: true });
      return;
    }
    session.changeWithUndo(imported.answers, [`The file was opened as a new saved check, \u201C${name}\u201D. The check you were working on is unchanged: switch back to it under \u201CYour saved checks\u201D.`, ...imported.notices].join(" "), restored || cleanAbout(null));
  };
  els.open.addEventListener("click", () => els.importInput.click());
  els.importInput.addEventListener("change", async () => {
    const file = els.importInput.files[0];
    els.importInput.value = "";
    if (!file) return;
    let imported;
    let restored = null;
    try {
      const text = await file.arrayBuffer();
      const records = await using("records");
      if (!records) return;
      imported = records.importRecord(def, text);
      restored = records.importAbout(text);
    } catch (error) {
      const reason = error instanceof RecordError ? error.message : "This file could not be read as a checklist record.";
      say(reason.endsWith("Nothing was changed.") ? reason : `${reason} Your current answers have not changed.`, { error: true });
      return;
    }
    pending = { imported, restored, fileName: file.name };
    if (!host.checks || !hasAnything(session)) {
      replace(pending);
      return;
    }
    const current = host.checks.name();
    choice.legend.textContent = `You opened \u201C${file.name}\u201D. Where should its answers go?`;
    choice.newLabel.textContent = "Open it as a new saved check (the check you are working on stays as it is)";
    choice.replaceLabel.textContent = `Replace the answers in \u201C${current}\u201D, the check you are working on`;
    (anotherCheck(session.about, restored) ? choice.asNew : choice.replace).checked = true;
    choice.slot.replaceChildren(choice.node);
    els.status.textContent = "";
    (choice.asNew.checked ? choice.asNew : choice.replace).focus();
  });
  choice.go.addEventListener("click", () => {
    const chosen = pending;
    pending = null;
    choice.node.remove();
    els.open.focus();
    if (chosen === null) return;
    if (choice.asNew.checked) asNewCheck(chosen);
    else replace(chosen);
  });
  choice.cancel.addEventListener("click", () => {
    pending = null;
    choice.node.remove();
    els.status.textContent = "The file was not opened. Your answers have not changed.";
    els.open.focus();
  });
}
function drawKeepRecord(host) {
  const { uiId, session } = host;
  const els = {
    json: h("button", { type: "button", text: "Save a file to carry on later (.json)" }),
    open: h("button", { type: "button", className: "dpup-secondary", text: "Open a saved progress file" }),
    md: h("button", { type: "button", text: "Download a text copy (text file, .md)" }),
    copy: h("button", { type: "button", text: "Copy the text" }),
    docx: h("button", { type: "button", text: "Download for Word (Word document, .docx)" }),
    print: h("button", { type: "button", text: "Print or save as PDF" }),
    clear: h("button", { type: "button", className: "dpup-clear", text: "Clear my answers" }),
    undo: h("button", { type: "button", className: "dpup-undo", hidden: true, text: "Undo" }),
    // The file input itself stays hidden: "Open a saved progress file" opens it.
    importInput: h("input", { type: "file", id: uiId("import"), accept: ".json,application/json", hidden: true, tabindex: -1 }),
    status: h("p", { className: "dpup-message dpup-keep-status", role: "status" }),
    choice: drawImportChoice(uiId),
    copyArea: h("textarea", { id: uiId("summary"), className: "dpup-note dpup-summary-text", readonly: true, rows: 8 })
  };
  els.copyBox = h(
    "p",
    { className: "dpup-summary-box", hidden: true },
    h("label", { for: els.copyArea.id, text: "The text copy, selected to copy" }),
    els.copyArea
  );
  wireDownloads(host, els);
  const dispose = wireWord(host, els);
  wireImport(host, els);
  els.print.addEventListener("click", () => window.print());
  els.clear.addEventListener("click", () => session.clear());
  els.undo.addEventListener("click", () => session.undoLast());
  const node = h(
    "section",
    { className: "dpup-controls", "aria-labelledby": uiId("keep") },
    h("h2", { id: uiId("keep"), text: "Keep a record" }),
    h("p", { text: "Your answers stay in this browser only. Nothing you type is sent anywhere." }),
    h("div", { className: "dpup-buttons" }, els.json, els.open, els.importInput),
    els.choice.slot,
    h("div", { className: "dpup-buttons" }, els.md, els.copy, els.docx, els.print),
    els.status,
    els.copyBox,
    h("div", { className: "dpup-buttons" }, els.clear, els.undo)
  );
  return { node, undo: els.undo, dispose };
}

// src/dpup_toolkit/widget/checklist.js
init_rules();
init_saved_checks();

// src/dpup_toolkit/widget/session.js
init_messages();
init_rules();
init_saved_checks();
init_storage();
function notSaved(what) {
  return `${what} The answers are on this page, but this browser could not save them (it may be full). Use \u201C${SAVE_NOW}\u201D, or they will be gone when you leave the page.`;
}
var Session = class {
  constructor(def, model, view) {
    this.def = def;
    this.model = model;
    this.view = view;
    this.answers = {};
    this.store = def;
    this.about = cleanAbout(null);
    this.undo = null;
    this.blocked = false;
    this.recover = null;
    this.unsaved = false;
    this.moved = false;
    this.seen = null;
  }
  // Another tab's save reaches this one as a storage event a little later, maybe after this tab's
  // next change. Before a change, take in what another tab saved since this tab last saw storage,
  // so saving the change does not write over it.
  catchUp() {
    if (this.blocked || this.moved) return;
    const text = savedText(this.store);
    if (text !== this.seen) this.fromOtherTab({ key: storageKey(this.store), newValue: text });
  }
  // Show `next` and save it. Returns whether it was saved; when not, the answers stay on the
  // page, the person is told (unless the caller says so itself) and offered a download.
  commit(next, { sync = true, quiet = false } = {}) {
    this.answers = next;
    const saved = !this.blocked && writeSaved(this.store, this.answers, this.about);
    this.seen = savedText(this.store);
    this.unsaved = !saved;
    this.view.saved(saved);
    if (!saved && !quiet) this.view.say(this.moved ? MOVED : CANNOT_SAVE, { error: true });
    if (sync) {
      this.model.set("about", this.about);
      this.model.set("answers", this.answers);
      this.model.save_changes();
    }
    this.view.show();
    return saved;
  }
  // The person downloaded a record of the answers on the page: they are no longer only here.
  keptByPerson() {
    this.unsaved = false;
  }
  dropUndo() {
    this.undo = null;
    this.view.undoOffered(false);
  }
  // One item's answer, note or reason changed.
  update(itemId, change, options) {
    this.catchUp();
    const entry = { answer: null, note: "", ...this.answers[itemId] || {}, ...change };
    const next = { ...this.answers, [itemId]: entry };
    this.dropUndo();
    this.commit(cleanAnswers(this.def, next), options);
  }
  setAbout(next) {
    this.about = { ...cleanAbout(null), ...next };
    this.view.showAbout();
  }
  // One detail typed (`sync` false while typing, true once the field changes).
  editAbout(field, value, options) {
    this.catchUp();
    this.about = { ...this.about, [field]: value };
    this.commit(this.answers, options);
  }
  // After a change the person may want to take back: say how it went, and offer Undo.
  changeWithUndo(next, done, nextAbout = this.about) {
    const previous = this.answers;
    const beforeAbout = this.about;
    this.setAbout(nextAbout);
    const saved = this.commit(next, { quiet: true });
    this.undo = { before: previous, beforeAbout, stored: savedText(this.store) };
    this.view.undoOffered(true);
    if (saved) this.view.say(done);
    else this.view.say(notSaved(done), { error: true });
  }
  undoLast() {
    if (this.undo === null) return;
    const { before, beforeAbout, stored } = this.undo;
    this.dropUndo();
    if (!this.blocked && savedText(this.store) !== stored) {
      this.view.say("Your answers were changed in another tab after this, so Undo would overwrite those changes. Nothing was changed.", { error: true });
      return;
    }
    this.setAbout(beforeAbout);
    if (this.commit(before, { quiet: true })) this.view.say("Your answers are back.");
    else this.view.say(notSaved("Your answers are back."), { error: true });
  }
  // Start from what is saved (or say why not); also used when another tab saves.
  startFrom(saved) {
    this.blocked = saved.blocked;
    this.moved = Boolean(saved.moved);
    this.view.reloadOffered(this.moved);
    this.recover = saved.recover;
    this.view.recoverOffered(this.recover !== null);
    if (saved.message) this.view.say(saved.message, { error: saved.error });
  }
  // The person downloaded the saved data that was left out: the page may save over it again.
  recovered() {
    if (this.moved) return;
    if (!this.blocked) {
      this.recover = null;
      this.view.recoverOffered(false);
      return;
    }
    try {
      window.localStorage.removeItem(this.recover.key);
    } catch {
    }
    this.blocked = false;
    this.recover = null;
    this.view.recoverOffered(false);
    if (this.commit(this.answers, { quiet: true })) this.view.say("The saved data was downloaded. This page saves your answers again.");
    else this.view.say(CANNOT_SAVE, { error: true });
  }
  clear() {
    clearSaved(this.store);
    this.blocked = false;
    this.recover = null;
    this.view.recoverOffered(false);
    this.changeWithUndo({}, "All your answers and notes for this checklist were cleared from this browser.", cleanAbout(null));
  }
  // Show the answers of another saved check, and what loading them had to say. Returns whether
  // there was anything to say beyond `message`.
  openCheck(check, message) {
    this.dropUndo();
    this.store = checkStore(this.def, check);
    const saved = loadSaved(this.store);
    this.startFrom({ ...saved, message: null });
    this.setAbout(loadAbout(this.store));
    const kept = this.commit(saved.answers || {}, { quiet: true });
    const problem = saved.message || (kept ? null : CANNOT_SAVE);
    this.view.say([message, problem].filter(Boolean).join(" "), { error: Boolean(saved.error || !kept) });
    return Boolean(problem);
  }
  // The first check shown: what this browser saved for it, else what the kernel holds.
  start(check) {
    this.store = checkStore(this.def, check);
    const saved = loadSaved(this.store);
    this.startFrom(saved);
    const savedAbout = loadAbout(this.store);
    this.setAbout(Object.values(savedAbout).some(Boolean) ? savedAbout : cleanAbout(this.model.get("about")));
    let fromKernel = {};
    try {
      fromKernel = cleanAnswers(this.def, this.model.get("answers") || {});
    } catch (error) {
      this.view.say(error.message, { error: true });
    }
    this.commit(saved.answers || fromKernel, { quiet: Boolean(saved.message) });
  }
  fromKernelAnswers() {
    const incoming = this.model.get("answers") || {};
    if (JSON.stringify(incoming) === JSON.stringify(this.answers)) return;
    try {
      this.commit(cleanAnswers(this.def, incoming), { sync: false });
    } catch (error) {
      this.view.say(error.message, { error: true });
    }
  }
  // The kernel may set the details too (a notebook that fills in widget.about).
  fromKernelAbout() {
    const incoming = cleanAbout(this.model.get("about"));
    if (JSON.stringify(incoming) === JSON.stringify(cleanAbout(this.about))) return;
    this.setAbout(incoming);
    this.commit(this.answers, { sync: false });
  }
  // Another tab with this checklist saved: show its answers here too, so neither tab later
  // writes over the other with what it showed before. (Only shown, not written back.)
  fromOtherTab(event) {
    if (this.moved) return;
    if (event.key !== null && event.key === storageKey(this.store) && event.newValue === null && this.movedAway()) return;
    if (event.key !== null && event.newValue !== null && this.olderTabSaved(event)) return;
    if (event.key !== null && event.key !== storageKey(this.store)) return;
    if (this.undo !== null) {
      this.dropUndo();
      this.view.say("Your answers were changed in another tab, so Undo is no longer offered here.");
    }
    const saved = loadSaved(this.store);
    this.seen = savedText(this.store);
    this.blocked = saved.blocked;
    if (saved.message) this.startFrom(saved);
    this.answers = saved.answers || {};
    this.setAbout(loadAbout(this.store));
    this.model.set("about", this.about);
    this.model.set("answers", this.answers);
    this.model.save_changes();
    this.view.show();
  }
  // Another tab removed this page's saved answers because it runs a newer version of the site and
  // brought them across: keep showing them, stop saving (the newer tab would remove what this one
  // writes), and say so. Returns whether that is what happened.
  movedAway() {
    try {
      if (!newerKeys(this.store, window.localStorage).length) return false;
    } catch {
      return false;
    }
    this.dropUndo();
    this.blocked = true;
    this.moved = true;
    this.unsaved = false;
    this.view.saved(false);
    this.view.reloadOffered(true);
    this.view.say(MOVED, { error: true });
    return true;
  }
  // A tab still on an earlier version of the site saved this check's answers under its own key
  // after this page brought them across: keep a copy, offer it, and leave this page's answers as
  // they are. Returns whether that is what happened.
  olderTabSaved(event) {
    let copy;
    try {
      const storage = window.localStorage;
      if (!olderKeys(this.store, storage).includes(event.key)) return false;
      copy = keepCopy(storage, event.key, event.newValue, "moved");
    } catch {
      copy = null;
    }
    this.recover = { text: event.newValue, key: copy };
    this.view.recoverOffered(true);
    this.view.say(`A tab still showing the earlier version of this page saved answers for this check after the site was updated. They are not mixed into yours here${copy ? ", and a copy is kept in this browser" : ""}. You can download them below. Close or reload that tab.`, { error: true });
    return true;
  }
};
function createSession(def, model, view) {
  return new Session(def, model, view);
}

// src/dpup_toolkit/widget/te-reo.js
var TE_REO_SKIP = "script, style, code, pre, kbd, samp, var, title, textarea, option, select, svg, math, template";
function teReoEscape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function teReoTermSource(term) {
  const first = term[0];
  const rest = term.slice(1).split(" ").map(teReoEscape).join("\\s+");
  return `[${teReoEscape(first.toUpperCase())}${teReoEscape(first.toLowerCase())}]${rest}`;
}
function teReoPattern(terms) {
  const sorted = [...terms].sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : 1));
  const word = "[\\p{L}\\p{M}\\p{N}_]";
  const alternatives = sorted.map((t) => `(${teReoTermSource(t.term)})`).join("|");
  return {
    pattern: new RegExp(`(?<!${word}|[/#@])(?:${alternatives})(?!${word}|[/@]|\\.${word})`, "gu"),
    langs: sorted.map((t) => t.lang || "mi")
  };
}
function teReoMarkable(node) {
  const parent = node.parentElement;
  if (parent === null || parent.closest(TE_REO_SKIP)) return false;
  const stated = parent.closest("[lang]");
  return stated === null || stated.lang === "" || stated.lang.toLowerCase().startsWith("en");
}
function markTeReoNode(node, { pattern, langs }) {
  const text = node.data;
  pattern.lastIndex = 0;
  if (!pattern.test(text)) return;
  pattern.lastIndex = 0;
  const parts = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) parts.push(text.slice(at, match.index));
    const span = node.ownerDocument.createElement("span");
    span.lang = langs[match.slice(1).findIndex((group) => group !== void 0)];
    span.textContent = match[0];
    parts.push(span);
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  node.replaceWith(...parts);
}
function markTeReo(root, compiled) {
  if (root.nodeType === 3) {
    if (teReoMarkable(root)) markTeReoNode(root, compiled);
    return;
  }
  if (root.nodeType !== 1) return;
  const walker = root.ownerDocument.createTreeWalker(
    root,
    4
    /* NodeFilter.SHOW_TEXT */
  );
  const found = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (teReoMarkable(node)) found.push(node);
  }
  for (const node of found) markTeReoNode(node, compiled);
}
function watchTeReo(el, terms) {
  if (!Array.isArray(terms) || terms.length === 0) return () => {
  };
  const compiled = teReoPattern(terms);
  markTeReo(el, compiled);
  if (typeof MutationObserver === "undefined") return () => {
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "characterData") markTeReo(record.target, compiled);
      else for (const node of record.addedNodes) if (el.contains(node)) markTeReo(node, compiled);
    }
  });
  observer.observe(el, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}

// src/dpup_toolkit/widget/wayfinder.js
init_dom();
init_rules();
var FOCUSABLE = "a[href], button, input, textarea, select, summary, [tabindex]";
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
function headerHeight() {
  let height = 0;
  for (const header of document.querySelectorAll(".bd-header, .bd-header-article")) {
    const style = getComputedStyle(header);
    if (style.display !== "none" && /sticky|fixed/.test(style.position)) height = Math.max(height, header.offsetHeight);
  }
  return height;
}
function keepClear(target, bar) {
  if (bar.contains(target) || !(target instanceof Element)) return;
  requestAnimationFrame(() => {
    if (document.activeElement !== target) return;
    const box = target.getBoundingClientRect();
    const barBox = bar.getBoundingClientRect();
    const covered = getComputedStyle(bar).position === "sticky" ? barBox.bottom : headerHeight();
    if (box.height === 0 || box.top >= covered) return;
    window.scrollBy({ top: box.top - covered - 8, behavior: "instant" });
  });
}
function wireJumps(root, jump, fit) {
  root.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest('a[href^="#"]');
    if (!link || event.defaultPrevented) return;
    const id = decodeURIComponent(link.getAttribute("href").slice(1));
    const target = id && document.getElementById(id);
    if (!target || !root.contains(target)) return;
    event.preventDefault();
    jump.open = false;
    fit();
    goTo(target);
  });
  jump.addEventListener("focusout", (event) => {
    if (!jump.contains(event.relatedTarget)) jump.open = false;
  });
  jump.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !jump.open) return;
    jump.open = false;
    jump.querySelector("summary").focus();
  });
}
function inFull(start, wide, end) {
  return [start, h("span", { className: "dpup-wide-only", text: wide }), end];
}
function drawWayfinder(ctx, ui) {
  const { def } = ctx;
  const change = h("p", { className: "dpup-progress-change", role: "status" });
  const next = h("a", { className: "dpup-next-unanswered", href: `#${ui.completeId}`, text: "Next unanswered question" });
  const targets = [
    ...def.sections.map((section) => ({ id: ui.sectionId(section), title: section.title, section })),
    ...def.results.map((result, i) => ({ id: ctx.resultId(i), title: result.title }))
  ];
  const statuses = targets.map((target) => target.section ? h("span", { className: "dpup-task-status" }) : null);
  const links = targets.map((target, i) => h("li", {}, h(
    "a",
    { href: `#${target.id}` },
    h("span", {}, target.title, target.section ? h("span", { className: "dpup-screen-hidden", text: ":" }) : null),
    statuses[i]
  )));
  const jump = h("details", { className: "dpup-jump" }, h("summary", { text: "Sections" }), h("ul", {}, ...links));
  const node = h(
    "div",
    { className: "dpup-progress dpup-wayfinder" },
    h("h2", { className: "dpup-screen-hidden", text: "Your progress" }),
    ui.progressText,
    ui.progressBar,
    h("nav", { className: "dpup-wayfinder-nav", "aria-label": "In this tool" }, jump, next),
    change
  );
  let shownBefore = null;
  let completeBefore = false;
  let cause = null;
  let explained = null;
  const items = new Map(allItems(def).map((item) => [ctx.id(item), item]));
  const causeFrom = (event) => {
    const found = event.target instanceof Element && event.target.closest(".dpup-item");
    cause = found ? items.get(found.id) || null : null;
  };
  const causeDone = () => {
    cause = null;
  };
  for (const type of ["input", "change"]) {
    ui.root.addEventListener(type, causeFrom, true);
    ui.root.addEventListener(type, causeDone);
  }
  wireJumps(ui.root, jump, fit);
  ui.root.addEventListener("focusin", (event) => keepClear(event.target, node));
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
    change.replaceChildren(...inFull(`${parts.join(" and ")} because of your answer`, ` to \u201C${cause.prompt}\u201D`, "."));
    explained = cause;
  }
  function refresh(state, answers) {
    if (shownBefore) explain(state);
    const shown2 = new Set(state.shown.map((item) => item.id));
    targets.forEach((target, i) => {
      if (!target.section) return;
      const items2 = target.section.items.filter((item) => shown2.has(item.id));
      const answered = items2.filter((item) => answerOf(item, answers)).length;
      links[i].hidden = !items2.length;
      statuses[i].textContent = answered === 0 ? "Not started" : answered === items2.length ? "Done" : "In progress";
    });
    const waiting = state.shown.find((item) => !answerOf(item, answers));
    next.setAttribute("href", `#${waiting ? ctx.id(waiting) : ui.completeId}`);
    const complete = state.total > 0 && !waiting;
    next.textContent = complete ? "All answered: what next" : "Next unanswered question";
    next.hidden = !waiting && !complete;
    if (complete && !completeBefore && shownBefore && cause) {
      change.replaceChildren(...inFull("Everything is answered.", " What to do next is below the last question.", ""));
      explained = cause;
    }
    completeBefore = complete;
    shownBefore = shown2;
  }
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
    }
  };
}
function drawCompletion(ctx, ui) {
  const { def } = ctx;
  const heading = h("h2", { id: ui.completeId, tabindex: "-1", text: "Everything is answered" });
  const results = def.results.map((result, i) => h("li", {}, h("a", { href: `#${ctx.resultId(i)}`, text: `Read the results: ${result.title}` })));
  const node = h(
    "section",
    { className: "dpup-complete", "aria-labelledby": ui.completeId, hidden: true },
    heading,
    h("p", { text: "You have answered every question shown. What next:" }),
    h(
      "ul",
      {},
      ...results,
      h("li", {}, h("a", { href: `#${ui.checkId}`, text: "Check your answers" })),
      h("li", {}, h("a", { href: `#${ui.keepId}`, text: "Keep a record: download it, or print it or save it as a PDF" }))
    )
  );
  function refresh(state, answers) {
    node.hidden = !(state.total > 0 && state.shown.every((item) => answerOf(item, answers)));
  }
  return { node, refresh };
}

// src/dpup_toolkit/widget/checklist.js
var widgetsOnPage = 0;
var PARTS = {
  records: () => Promise.resolve().then(() => (init_records(), records_exports)),
  compare: () => Promise.resolve().then(() => (init_compare(), compare_exports))
};
function drawMessages(el, rescue) {
  const status = h("p", { className: "dpup-message", role: "status" });
  const alert = h("p", { className: "dpup-message dpup-message-error", role: "alert" });
  const feedback = placeFeedback(el, () => [status, alert, rescue.node]);
  function say(message, { error = false } = {}) {
    feedback.place(error ? alert : status);
    (error ? alert : status).textContent = message || "";
    (error ? status : alert).textContent = "";
  }
  async function using(name) {
    const back = feedback.keep();
    try {
      const loaded = await PARTS[name]();
      back();
      return loaded;
    } catch {
      back();
      say(NOT_LOADED, { error: true });
      rescue.reload.hidden = false;
      return null;
    }
  }
  return { status, alert, say, using };
}
function drawItems(def, ctx, prefix) {
  const itemViews = allItems(def).map((item) => itemKind(item).draw(ctx, item));
  const resultViews = def.results.map((result, i) => DRAW_RESULT[result.kind](ctx, result, i));
  const views = new Map(itemViews.map((view) => [view.item.id, view]));
  for (const view of itemViews.filter((v) => v.item.show_if)) {
    view.skipped = h("p", { className: "dpup-skipped", hidden: true, text: skippedSentence(def, view.item) });
  }
  const sections = def.sections.map((section) => h(
    "section",
    {
      className: "dpup-section",
      "aria-labelledby": `${prefix}-section-${section.id}`
    },
    h("h2", { id: `${prefix}-section-${section.id}`, text: section.title }),
    section.intro ? h("p", { className: "dpup-intro", text: section.intro }) : null,
    ...section.items.flatMap((item) => [views.get(item.id).node, views.get(item.id).skipped].filter(Boolean))
  ));
  return { itemViews, resultViews, sections };
}
function showAnswers(el, def, answers, parts) {
  const state = progressOf(def, answers);
  const shownIds = new Set(state.shown.map((item) => item.id));
  for (const view of parts.itemViews) {
    view.node.hidden = !shownIds.has(view.item.id);
    if (view.skipped) view.skipped.hidden = shownIds.has(view.item.id);
    view.refresh(answers[view.item.id] || {});
  }
  for (const section of el.querySelectorAll(".dpup-section")) {
    section.hidden = ![...section.querySelectorAll(".dpup-item")].some((item) => !item.hidden);
  }
  parts.progressText.textContent = progressSummary(state);
  parts.progressBar.max = Math.max(state.total, 1);
  parts.progressBar.value = state.answered;
  parts.wayfinder.refresh(state, answers);
  parts.completion.refresh(state, answers);
  parts.check.refresh(state, answers);
  resultsOf(def, answers).forEach((value, i) => parts.resultViews[i].refresh(value, answers));
  for (const area of el.querySelectorAll("textarea")) {
    area.classList.toggle("dpup-long-words", /[^ \t\r\n]{60}/.test(area.value));
  }
}
function follow(model, def, session, checks) {
  const onKernelAnswers = () => session.fromKernelAnswers();
  const onKernelAbout = () => session.fromKernelAbout();
  const onOtherTab = (event) => session.fromOtherTab(event);
  const onOtherTabChecks = (event) => {
    if (event.key === null || event.key === checksKey(def)) checks.refresh();
  };
  model.on("change:answers", onKernelAnswers);
  model.on("change:about", onKernelAbout);
  window.addEventListener("storage", onOtherTab);
  window.addEventListener("storage", onOtherTabChecks);
  return () => {
    model.off("change:answers", onKernelAnswers);
    model.off("change:about", onKernelAbout);
    window.removeEventListener("storage", onOtherTab);
    window.removeEventListener("storage", onOtherTabChecks);
  };
}
async function render({ model, el }) {
  const def = model.get("definition");
  widgetsOnPage += 1;
  const number = widgetsOnPage;
  try {
    await loadKinds(def);
  } catch {
    el.replaceChildren(h("p", {
      className: "dpup-message dpup-message-error",
      text: "This tool could not be loaded (are you offline?). Reload the page to try again."
    }));
    return () => {
    };
  }
  watchTeReo(el, model.get("te_reo"));
  const prefix = `dpup-${def.id}${number > 1 ? `-${number}` : ""}`;
  const uiId = (name) => `${prefix}--${name}`;
  const parts = {
    progressText: h("p", { className: "dpup-progress-text", id: uiId("progress"), role: "status" }),
    progressBar: h("progress", { max: 1, value: 0, "aria-labelledby": uiId("progress") })
  };
  const view = {
    show: () => showAnswers(el, def, session.answers, parts),
    showAbout: () => about.show(),
    say: (...args) => messages.say(...args),
    saved: (ok) => {
      rescue.saveNow.hidden = ok;
    },
    undoOffered: (on) => {
      keep.undo.hidden = !on;
    },
    recoverOffered: (on) => {
      rescue.recover.hidden = !on;
    },
    reloadOffered: (on) => {
      rescue.reload.hidden = !on;
    }
  };
  const session = createSession(def, model, view);
  const rescue = drawRescue({ def, session });
  const messages = drawMessages(el, rescue);
  const host = { def, uiId, model, session, using: messages.using, say: messages.say };
  const ctx = {
    def,
    id: (item) => `${prefix}-item-${item.id}`,
    resultId: (i) => `${prefix}-result-${i + 1}`,
    update: (...args) => session.update(...args),
    noteOf: (id) => (session.answers[id] || {}).note || ""
    // printed under the item's action
  };
  Object.assign(parts, drawItems(def, ctx, prefix));
  const about = drawAbout(uiId, session);
  const places = {
    root: el,
    sectionId: (section) => `${prefix}-section-${section.id}`,
    completeId: uiId("complete"),
    keepId: uiId("keep"),
    checkId: uiId("check"),
    progressText: parts.progressText,
    progressBar: parts.progressBar
  };
  parts.wayfinder = drawWayfinder(ctx, places);
  parts.completion = drawCompletion(ctx, places);
  parts.check = drawCheckAnswers(ctx, { root: el, uiId });
  const keep = drawKeepRecord(host);
  const checks = checksControl({
    def,
    uiId,
    open: (check, message) => session.openCheck(check, message),
    unsaved: () => session.unsaved,
    downloadRecord: () => rescue.downloadRecord()
  });
  host.checks = checks;
  const source = bookHref("index") === null ? null : h("p", { className: "dpup-print-only dpup-print-source", text: `Online: ${location.origin}${location.pathname}` });
  el.replaceChildren(h(
    "div",
    { className: "dpup-checklist" },
    source,
    checks.line,
    parts.wayfinder.node,
    messages.status,
    messages.alert,
    rescue.node,
    ...parts.sections,
    parts.completion.node,
    ...parts.resultViews.map((result) => result.node),
    parts.check.node,
    about.node,
    keep.node,
    checks.node
  ));
  el.firstChild.append(drawCompare(def, uiId, messages.using));
  session.start(checks.current());
  if (location.hash || typeof ResizeObserver === "undefined") parts.wayfinder.fit();
  const stop = follow(model, def, session, checks);
  return () => {
    stop();
    keep.dispose();
    parts.wayfinder.dispose();
  };
}
var checklist_default = { render };
export {
  checklist_default as default
};
