import SHARED from "../shared.json" with { type: "json" };
import { WS_RUN, isPlainObject } from "./rules.js";
import { STORAGE_PREFIX, storageKeys } from "./storage.js";

// Several saved checks per browser: a team leader keeps one check per programme. Each check is
// saved exactly as above, under a namespace of its own. The first check ("My check", which holds
// every answer saved before there were checks) keeps the checklist's id; every other check uses
// `<id>~<check>`, so its answers live under `dpup-toolkit:checklist:<id>~<check>:v<version>`.
// (Checklist ids are slugs, so "~" never clashes.) Given checkStore(def, check), storageKey,
// olderKeys, loadSaved, writeSaved, savedText and clearSaved work on one check, moving its answers
// on from older versions included. The names and their order are a list under
// `dpup-toolkit:checks:<id>`, written only once someone starts, renames or deletes a check; saved
// answers that the list does not name are still found by listing storage, so none is ever hidden.

const CHECKS_PREFIX = SHARED.storage_prefix.checks;
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

export {
  CHECK_ID, CheckError, FIRST_CHECK, FIRST_CHECK_NAME, FOUND_CHECK_NAME, MAX_CHECK_NAME, checkOfKey, checkStore, checksKey,
  cleanCheckName, rememberCheck, savedChecks, unusedName, writeChecks,
};
