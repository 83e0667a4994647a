// "Your saved checks": start, switch, rename and delete checks (saved-checks.js keeps the list;
// checks.js, loaded on first use, changes it).
// host: { def, uiId, open(check, message), unsaved(), downloadRecord() }; open shows that check's
// answers, says `message` (and anything loading them had to say) at the top of the tool, and returns
// whether loading said anything; unsaved() says whether the open check holds answers this browser
// could not save (then the page does not leave it until the person has them in a file, which
// downloadRecord() gives them).
// Returns { line, node, current, name, refresh, startNamed }: `line` names the open check at the
// top of the tool, `node` is the section of controls, `refresh` re-reads the list after another
// tab changed it, `startNamed` starts and opens a check for a file opened as a new check.
import { h } from "./dom.js";
import { NOT_LOADED, SAVE_NOW } from "./messages.js";
import {
  CheckError, FIRST_CHECK, FIRST_CHECK_NAME, FOUND_CHECK_NAME, MAX_CHECK_NAME, checksKey, cleanCheckName, rememberCheck,
  savedChecks, unusedName,
} from "./saved-checks.js";
import { keepCopy } from "./storage.js";

const NO_STORAGE = "This browser is not letting the page keep saved checks. Save your answers to a file before you leave the page.";

function readChecks(def) {
  try {
    return savedChecks(def);
  } catch {
    return { checks: [{ id: FIRST_CHECK, name: FIRST_CHECK_NAME }], current: FIRST_CHECK, damaged: false };
  }
}

// The section's elements, not yet wired.
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
      type: "text", id: uiId("check-name"), maxlength: MAX_CHECK_NAME, autocomplete: "off", className: "dpup-check-name-input",
    }),
    nameSubmit: h("button", { type: "submit" }),
    nameCancel: h("button", { type: "button", className: "dpup-secondary", text: "Cancel" }),
  };
  els.nameLabel = h("label", { for: els.nameInput.id });
  // The question is on the page only while it asks (so no message is placed beside its buttons after).
  els.confirm = h("div", { className: "dpup-check-confirm" }, els.confirmText,
    h("div", { className: "dpup-buttons" }, els.confirmButton, els.confirmCancel));
  els.confirmSlot = h("div");
  els.nameForm = h("form", { className: "dpup-check-name", hidden: true },
    h("p", {}, els.nameLabel, els.nameInput), h("div", { className: "dpup-buttons" }, els.nameSubmit, els.nameCancel));
  els.line = h("p", { className: "dpup-check-now", id: uiId("check-now") }, "Saved check: ", els.nowName, ". ",
    h("a", { href: `#${sectionId}`, text: "Switch, rename or start another check" }));
  els.node = h("section", { className: "dpup-checks", "aria-labelledby": sectionId },
    h("h2", { id: sectionId, text: "Your saved checks" }),
    h("p", { text: "Keep a separate check for each programme or project you look at. Each one is saved in this "
      + "browser under its own name, with its own answers." }),
    h("p", { className: "dpup-check-open" }, "Open now: ", els.openName, "."),
    h("p", { className: "dpup-check-choose" }, h("label", { for: els.select.id, text: "Choose a saved check: " }), els.select,
      els.switchButton),
    h("div", { className: "dpup-buttons" }, els.newButton, els.renameButton, els.deleteButton, els.undoButton),
    els.confirmSlot, els.nameForm, els.status, els.alert, h("div", { className: "dpup-buttons" }, els.keepButton));
  return els;
}

// What the controls share: the list as last read, the open check, the check deleted last (while
// Undo delete is offered), the name field's mode ("new" or "rename" while it is open), and the
// steps every control takes.
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
    els.openName.textContent = `“${c.nameOf(c.current)}”`;
    // The open check is the list's default too (`selected`): the form drawn at build time then does
    // not count as changed, and its choice is not carried into the live form (static-runtime.js).
    els.select.replaceChildren(...c.list.checks.map((check) => h("option", {
      value: check.id, text: check.name, selected: check.id === c.current,
    })));
    els.select.value = c.current;
    els.deleteButton.textContent = c.list.checks.length > 1 ? "Delete this check" : "Delete this check and start afresh";
  };
  // Every action ends in a message: what it did, or why it could not.
  c.failed = (error) => c.tell(error instanceof CheckError ? error.message : NO_STORAGE, { error: true });
  // The actions that change the list are in checks.js, loaded on first use; one runs at a time.
  c.attempt = async (action) => {
    if (c.busy) return;
    c.busy = true;
    let checks = null;
    try {
      checks = await import("./checks.js");
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
  c.reread = () => { c.list = readChecks(def); };
  // Leaving the open check would lose answers this browser could not save: say so, offer the
  // file, and stay. Returns whether the page may leave it.
  c.mayLeave = () => {
    if (!host.unsaved()) return true;
    c.tell(`The latest answers and notes in “${c.nameOf(c.current)}” could not be saved in this browser (it may be full), `
      + `so the page stays on this check: leaving it now would lose them. Use “${SAVE_NOW}”, then try again.`,
    { error: true });
    els.keepButton.hidden = false;
    els.keepButton.focus();
    return false;
  };
  // Opens check `id`; returns what to add to the message when loading it had something to say.
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
      c.tell(`You are already working on “${c.nameOf(id)}”.`);
      return;
    }
    if (!c.mayLeave()) return;
    c.hideUndo();
    try {
      const name = c.nameOf(id);
      c.tell(`You are now working on “${name}”. Your other checks are still saved.${c.show(id)}`);
    } catch (error) {
      c.failed(error);
    }
  });
}

function openForm(c, mode) {
  const { els } = c;
  c.naming = mode;
  els.nameLabel.textContent = mode === "new" ? "Name for the new check, for example the programme it is about: "
    : "New name for this check: ";
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
    await c.attempt(({ startCheck, renameCheck }) => {
      if (mode === "new") {
        const id = startCheck(def, els.nameInput.value);
        c.hideUndo();
        c.closeForm();
        c.reread();
        const told = c.show(id);
        c.tell(`You started a new check, “${c.nameOf(id)}”. It has no answers yet. Your other checks are still saved.${told}`);
        els.newButton.focus();
      } else {
        const name = renameCheck(def, c.current, els.nameInput.value);
        c.closeForm();
        c.reread();
        c.draw();
        c.tell(`This check is now called “${name}”.`);
        els.renameButton.focus();
      }
    });
    if (!els.nameForm.hidden) els.nameInput.focus(); // the name was not accepted: the message says why
  });
}

// Delete asks first, naming the open check (the one it deletes, whatever the list shows).
function wireDelete(c) {
  const { def, els } = c;
  els.deleteButton.addEventListener("click", () => {
    c.closeForm();
    const name = c.nameOf(c.current);
    els.confirmText.textContent = `Delete “${name}” and all its answers and notes from this browser? `
      + "You can undo this until you leave the page.";
    els.confirmButton.textContent = `Yes, delete “${name}”`;
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
    c.attempt(({ deleteCheck }) => {
      const gone = deleteCheck(def, c.current);
      c.removed = gone;
      const told = c.show(gone.next);
      c.tell(`“${gone.name}” was deleted from this browser. You are now working on “${c.nameOf(gone.next)}”. `
        + `Undo delete brings “${gone.name}” back.${told}`);
      els.undoButton.hidden = false;
      els.undoButton.focus();
    });
  });
  els.undoButton.addEventListener("click", () => {
    if (c.removed === null || !c.mayLeave()) return;
    c.attempt(({ restoreCheck }) => {
      restoreCheck(def, c.removed);
      const back = c.removed;
      c.hideUndo();
      const told = c.show(back.id);
      c.tell(`“${c.nameOf(back.id)}” is back, with everything saved for it.${told}`);
      els.select.focus();
    });
  });
}

// The list of names could not be read: say so, and keep a copy of it.
function warnDamaged(c) {
  let copied = true;
  try {
    const storage = window.localStorage;
    keepCopy(storage, checksKey(c.def), storage.getItem(checksKey(c.def)));
  } catch {
    copied = false;
  }
  c.tell(`The list of your saved checks' names could not be read. Every saved answer is still here; a check without `
    + `its name is called “${FOUND_CHECK_NAME}”.${copied ? " A copy of the list is kept in this browser." : ""}`, { error: true });
}

// Another tab started, renamed or deleted a check.
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
  const message = `“${before}” was deleted in another tab. You are now working on “${c.nameOf(next)}”.`;
  c.current = next;
  c.draw();
  c.host.open(next, message);
}

function wireKeep(c) {
  const { els, host } = c;
  els.keepButton.addEventListener("click", async () => {
    if (!(await host.downloadRecord())) return;
    els.keepButton.hidden = true;
    c.tell(`Your answers in “${c.nameOf(c.current)}” were downloaded as a record. Keep the file: open it again with `
      + "“Open a saved progress file”. You can switch checks now.");
    els.select.focus();
  });
}

// Starts a new check named after `name` (made unique) and opens it, for a file opened as a new
// check. Returns its name, or null when it could not be started (the section says why).
async function startNamed(c, name) {
  if (!c.mayLeave()) return null;
  let id = null;
  await c.attempt(({ startCheck }) => {
    const wanted = cleanCheckName(name) || "Check from a file";
    id = startCheck(c.def, unusedName(c.list.checks, wanted));
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
    line: els.line, node: els.node, current: () => c.current, name: () => c.nameOf(c.current), refresh: () => refreshFromOtherTab(c),
    startNamed: (name) => startNamed(c, name),
  };
}

export { checksControl };
