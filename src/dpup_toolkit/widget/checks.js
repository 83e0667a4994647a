// Starting, renaming, deleting and restoring saved checks (see savedChecks in saved-checks.js).
// Loaded only when a person first changes the list of checks (checks-control.js).
import {
  CHECK_ID, CheckError, FIRST_CHECK, FIRST_CHECK_NAME, checkOfKey, checksKey, cleanCheckName, savedChecks, unusedName,
  writeChecks,
} from "./saved-checks.js";
import { storageKeys } from "./storage.js";

function checkName(checks, name) {
  const cleaned = cleanCheckName(name);
  if (!cleaned) throw new CheckError("Type a name for the check first.");
  if (checks.some((check) => check.name.toLowerCase() === cleaned.toLowerCase())) {
    throw new CheckError(`You already have a check called “${cleaned}”. Choose another name.`);
  }
  return cleaned;
}

// An id no check uses, in the list or in storage.
function newCheckId(def, checks) {
  const used = new Set([FIRST_CHECK, ...checks.map((check) => check.id),
    ...storageKeys(window.localStorage).map((key) => checkOfKey(def, key))]);
  let id;
  do id = Math.random().toString(36).slice(2, 10);
  while (!CHECK_ID.test(id) || used.has(id));
  return id;
}

// Starts an empty check named `name` after the others; returns its id.
function startCheck(def, name) {
  const { checks } = savedChecks(def);
  const cleaned = checkName(checks, name);
  const id = newCheckId(def, checks);
  writeChecks(def, [...checks, { id, name: cleaned }], id,
    "This browser is full, so a new check could not be started. Your answers have not changed.");
  return id;
}

function renameCheck(def, check, name) {
  const { checks, current } = savedChecks(def);
  const others = checks.filter((other) => other.id !== check);
  const cleaned = checkName(others, name);
  writeChecks(def, checks.map((other) => (other.id === check ? { id: check, name: cleaned } : other)), current,
    "This browser is full, so the new name could not be saved. Nothing was changed.");
  return cleaned;
}

// Deletes a check and everything saved for it. Returns what Undo needs to put it back:
// { id, name, position, data: {key: text}, next } where `next` is the check to open now (when
// the last check goes, an empty "My check" takes its place).
function deleteCheck(def, check) {
  const storage = window.localStorage;
  const { checks, current } = savedChecks(def);
  const position = checks.findIndex((other) => other.id === check);
  if (position < 0) throw new CheckError("That check is no longer saved in this browser.");
  let rest = checks.filter((other) => other.id !== check);
  if (!rest.length) rest = [{ id: newCheckId(def, checks), name: FIRST_CHECK_NAME }];
  const next = current !== check && rest.some((other) => other.id === current) ? current : rest[0].id;
  const data = Object.fromEntries(storageKeys(storage).filter((key) => checkOfKey(def, key) === check)
    .map((key) => [key, storage.getItem(key)]));
  // The answers go first, then the name: another tab then never sees them as a check without a name.
  Object.keys(data).forEach((key) => storage.removeItem(key));
  try {
    writeChecks(def, rest, next, "This browser is full, so the check could not be deleted. Nothing was changed.");
  } catch (error) {
    Object.entries(data).forEach(([key, text]) => storage.setItem(key, text));
    throw error;
  }
  return { id: check, name: checks[position].name, position, data, next };
}

// Puts a deleted check back where it was, with everything saved for it. All or nothing.
function restoreCheck(def, removed) {
  const storage = window.localStorage;
  if (storageKeys(storage).some((key) => checkOfKey(def, key) === removed.id)) {
    throw new CheckError(`“${removed.name}” was saved again in another tab after it was deleted, `
      + "so Undo would overwrite that. Nothing was changed.");
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
    throw new CheckError(`This browser is full, so “${removed.name}” could not be brought back yet. `
      + "Make room (for example, delete a check you no longer need) and press Undo delete again.");
  }
}

export { deleteCheck, renameCheck, restoreCheck, startCheck };
