// The session: the open check's answers and details, and every write of them. `commit` is the one
// place that saves to this browser's storage and tells the kernel (JupyterLab, Voila); the session
// also keeps Undo, knows when saved data must not be written over, and follows other tabs.
// It draws nothing: it tells the view what to show.
//
// view: { show() (the answers changed), showAbout() (the details changed), say(message, { error }),
//   saved(ok) (whether the answers are saved: offer a download when not), undoOffered(on),
//   recoverOffered(on) (saved data was left out on load, to download), reloadOffered(on) (the site
//   was updated under this page: its answers moved to the newer version) }.
import { SAVE_NOW } from "./messages.js";
import { cleanAbout, cleanAnswers } from "./rules.js";
import { checkStore } from "./saved-checks.js";
import {
  CANNOT_SAVE, MOVED, clearSaved, keepCopy, loadAbout, loadSaved, newerKeys, olderKeys, savedText, storageKey, writeSaved,
} from "./storage.js";

function notSaved(what) {
  return `${what} The answers are on this page, but this browser could not save them (it may be full). `
    + `Use “${SAVE_NOW}”, or they will be gone when you leave the page.`;
}

class Session {
  constructor(def, model, view) {
    this.def = def;
    this.model = model;
    this.view = view;
    this.answers = {};
    this.store = def; // the open saved check, as the storage functions take it (checkStore)
    this.about = cleanAbout(null); // what is being checked, by whom, review date: saved and in every record
    this.undo = null; // { before: answers, beforeAbout, stored: what storage held right after the change }
    this.blocked = false; // saved data could not be copied aside: do not save over it
    this.recover = null; // saved data left out on load ({ text, key }), offered as a download
    this.unsaved = false; // the answers on the page could not be saved, and the person has no file of them yet
    this.moved = false; // a newer version of the site holds this check's answers: this page must not save
    this.seen = null; // the saved text (null: none) this tab last wrote or read; anything else came from another tab
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
    const entry = { answer: null, note: "", ...(this.answers[itemId] || {}), ...change };
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
      // Another tab saved since: Undo would write over answers it did not make.
      this.view.say("Your answers were changed in another tab after this, so Undo would overwrite those changes. "
        + "Nothing was changed.", { error: true });
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
    if (this.moved) return; // a newer version holds the answers: this page still must not save
    if (!this.blocked) {
      this.recover = null; // a copy stays in this browser (olderTabSaved): the person now has it too
      this.view.recoverOffered(false);
      return;
    }
    try {
      window.localStorage.removeItem(this.recover.key);
    } catch {
      // Nothing to remove.
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
    this.setAbout(loadAbout(this.store)); // each check keeps its own "What are you checking?"
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
    this.commit(saved.answers || fromKernel, { quiet: Boolean(saved.message) }); // keep what loading said
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
    if (this.moved) return; // this page no longer follows: it keeps what it shows until reloaded
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
    this.unsaved = false; // what is shown was saved, and brought across
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
    this.view.say("A tab still showing the earlier version of this page saved answers for this check after the site was "
      + `updated. They are not mixed into yours here${copy ? ", and a copy is kept in this browser" : ""}. `
      + "You can download them below. Close or reload that tab.", { error: true });
    return true;
  }
}


function createSession(def, model, view) {
  return new Session(def, model, view);
}

export { createSession };
