import SHARED from "../shared.json" with { type: "json" };
import { SAVE_NOW } from "./messages.js";
import { allItems, changesMessage, cleanAbout, cleanAnswers, clearedNotice, given, isPlainObject, itemById } from "./rules.js";

const STORAGE_PREFIX = SHARED.storage_prefix.answers;

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

// Keys of answers saved for later versions: a newer build of the site has this check open.
function newerKeys(def, storage) {
  const start = `${STORAGE_PREFIX}${def.id}:v`;
  return storageKeys(storage).filter((key) => key.startsWith(start) && /^[0-9]{1,4}$/.test(key.slice(start.length))
    && Number(key.slice(start.length)) > def.version);
}

// Keep a copy of saved data the page cannot use in full, beside it: `<key>:unreadable`, then
// `-2`, `-3`, ... so a later copy never replaces an earlier one. The same data is kept once.
// (`:moved` for answers a tab on an earlier version of the site saved after they were brought
// across.) Throws when the browser has no room (the caller then leaves the data where it is).
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

// What each older key held when this page read it: a different text later was written by a tab
// still on the earlier version, and is kept as a copy before the key is removed.
const olderSeen = new Map();

// This page is older than the one that saved the answers last: it must not write beside them.
const STALE = {
  answers: null,
  message: "This site was updated since this page was opened, and your answers for this check were saved by the newer "
    + "version. Reload the page to see them. Until then this page does not save, so nothing is written over.",
  error: true,
  blocked: true,
  moved: true,
};

const MOVED = "This site was updated, and another tab opened the new version of this checklist: your saved answers moved "
  + "there. This page no longer saves, so it cannot write over them. If you changed anything here since, use "
  + `“${SAVE_NOW}”; then reload the page to carry on.`;

const CANNOT_SAVE = "This browser is not letting the page save your answers. Save your answers to a file before you leave the page.";

// What the page starts from: { answers (or null), message, error, recover, blocked }.
// `recover` is saved data that was left out, for the person to download; `blocked` means it
// could not be copied aside, so the page must not save over it. Never throws.
function loadSaved(def) {
  let storage;
  try {
    if (newerKeys(def, window.localStorage).length) return { ...STALE, recover: null };
  } catch {
    // No storage: said below.
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
    // Answers of an earlier version were brought across when this page read them. If a tab still
    // on that version saved since, keep what it saved as a copy before removing the key.
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

export {
  CANNOT_SAVE, MOVED, STORAGE_PREFIX, clearSaved, keepCopy, loadAbout, loadSaved, newerKeys, olderKeys, savedText,
  storageKey, storageKeys, writeSaved,
};
