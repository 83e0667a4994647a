// The session: the open check's answers and details, and every write of them. `commit` is the one
// place that saves to this browser's storage and tells the kernel (JupyterLab, Voila); the session
// also keeps Undo, knows when saved data must not be written over, and follows other tabs.
// It draws nothing: it tells the view what to show.
//
// view: { show() (the answers changed), showAbout() (the details changed), say(message, { error }),
//   saved(ok) (whether the answers are saved: offer a download when not), undoOffered(on),
//   recoverOffered(on) (saved data was left out on load, to download) }.
import { cleanAbout, cleanAnswers } from "./rules.js";
import { checkStore } from "./saved-checks.js";
import { CANNOT_SAVE, clearSaved, loadAbout, loadSaved, savedText, storageKey, writeSaved } from "./storage.js";

function notSaved(what) {
  return `${what} The answers are on this page, but this browser could not save them (it may be full). `
    + "Download a record (JSON) now, or they will be gone when you leave the page.";
}

function createSession(def, model, view) {
  const s = {
    answers: {},
    store: def, // the open saved check, as the storage functions take it (checkStore)
    about: cleanAbout(null), // what is being checked, by whom, review date: saved and in every record
    undo: null, // { before: answers, beforeAbout, stored: what storage held right after the change }
    blocked: false, // saved data could not be copied aside: do not save over it
    recover: null, // saved data left out on load ({ text, key }), offered as a download
  };

  // Show `next` and save it. Returns whether it was saved; when not, the answers stay on the
  // page, the person is told (unless the caller says so itself) and offered a download.
  s.commit = (next, { sync = true, quiet = false } = {}) => {
    s.answers = next;
    const saved = !s.blocked && writeSaved(s.store, s.answers, s.about);
    view.saved(saved);
    if (!saved && !quiet) view.say(CANNOT_SAVE, { error: true });
    if (sync) {
      model.set("about", s.about);
      model.set("answers", s.answers);
      model.save_changes();
    }
    view.show();
    return saved;
  };

  s.dropUndo = () => {
    s.undo = null;
    view.undoOffered(false);
  };

  // One item's answer, note or reason changed.
  s.update = (itemId, change, options) => {
    const entry = { answer: null, note: "", ...(s.answers[itemId] || {}), ...change };
    const next = { ...s.answers, [itemId]: entry };
    s.dropUndo();
    s.commit(cleanAnswers(def, next), options);
  };

  s.setAbout = (next) => {
    s.about = { ...cleanAbout(null), ...next };
    view.showAbout();
  };

  // One detail typed (`sync` false while typing, true once the field changes).
  s.editAbout = (field, value, options) => {
    s.about = { ...s.about, [field]: value };
    s.commit(s.answers, options);
  };

  // After a change the person may want to take back: say how it went, and offer Undo.
  s.changeWithUndo = (next, done, nextAbout = s.about) => {
    const previous = s.answers;
    const beforeAbout = s.about;
    s.setAbout(nextAbout);
    const saved = s.commit(next, { quiet: true });
    s.undo = { before: previous, beforeAbout, stored: savedText(s.store) };
    view.undoOffered(true);
    if (saved) view.say(done);
    else view.say(notSaved(done), { error: true });
  };

  s.undoLast = () => {
    if (s.undo === null) return;
    const { before, beforeAbout, stored } = s.undo;
    s.dropUndo();
    if (!s.blocked && savedText(s.store) !== stored) {
      // Another tab saved since: Undo would write over answers it did not make.
      view.say("Your answers were changed in another tab after this, so Undo would overwrite those changes. "
        + "Nothing was changed.", { error: true });
      return;
    }
    s.setAbout(beforeAbout);
    if (s.commit(before, { quiet: true })) view.say("Your answers are back.");
    else view.say(notSaved("Your answers are back."), { error: true });
  };

  // Start from what is saved (or say why not); also used when another tab saves.
  s.startFrom = (saved) => {
    s.blocked = saved.blocked;
    s.recover = saved.recover;
    view.recoverOffered(s.recover !== null);
    if (saved.message) view.say(saved.message, { error: saved.error });
  };

  // The person downloaded the saved data that was left out: the page may save over it again.
  s.recovered = () => {
    if (!s.blocked) return;
    try {
      window.localStorage.removeItem(s.recover.key);
    } catch {
      // Nothing to remove.
    }
    s.blocked = false;
    s.recover = null;
    view.recoverOffered(false);
    if (s.commit(s.answers, { quiet: true })) view.say("The saved data was downloaded. This page saves your answers again.");
    else view.say(CANNOT_SAVE, { error: true });
  };

  s.clear = () => {
    clearSaved(s.store);
    s.blocked = false;
    s.recover = null;
    view.recoverOffered(false);
    s.changeWithUndo({}, "All your answers and notes for this checklist were cleared from this browser.", cleanAbout(null));
  };

  // Show the answers of another saved check, and what loading them had to say. Returns whether
  // there was anything to say beyond `message`.
  s.openCheck = (check, message) => {
    s.dropUndo();
    s.store = checkStore(def, check);
    const saved = loadSaved(s.store);
    s.startFrom({ ...saved, message: null });
    s.setAbout(loadAbout(s.store)); // each check keeps its own "What are you checking?"
    const kept = s.commit(saved.answers || {}, { quiet: true });
    const problem = saved.message || (kept ? null : CANNOT_SAVE);
    view.say([message, problem].filter(Boolean).join(" "), { error: Boolean(saved.error || !kept) });
    return Boolean(problem);
  };

  // The first check shown: what this browser saved for it, else what the kernel holds.
  s.start = (check) => {
    s.store = checkStore(def, check);
    const saved = loadSaved(s.store);
    s.startFrom(saved);
    const savedAbout = loadAbout(s.store);
    s.setAbout(Object.values(savedAbout).some(Boolean) ? savedAbout : cleanAbout(model.get("about")));
    let fromKernel = {};
    try {
      fromKernel = cleanAnswers(def, model.get("answers") || {});
    } catch (error) {
      view.say(error.message, { error: true });
    }
    s.commit(saved.answers || fromKernel, { quiet: Boolean(saved.message) }); // keep what loading said
  };

  s.fromKernelAnswers = () => {
    const incoming = model.get("answers") || {};
    if (JSON.stringify(incoming) === JSON.stringify(s.answers)) return;
    try {
      s.commit(cleanAnswers(def, incoming), { sync: false });
    } catch (error) {
      view.say(error.message, { error: true });
    }
  };

  // The kernel may set the details too (a notebook that fills in widget.about).
  s.fromKernelAbout = () => {
    const incoming = cleanAbout(model.get("about"));
    if (JSON.stringify(incoming) === JSON.stringify(cleanAbout(s.about))) return;
    s.setAbout(incoming);
    s.commit(s.answers, { sync: false });
  };

  // Another tab with this checklist saved: show its answers here too, so neither tab later
  // writes over the other with what it showed before. (Only shown, not written back.)
  s.fromOtherTab = (event) => {
    if (event.key !== null && event.key !== storageKey(s.store)) return;
    if (s.undo !== null) {
      s.dropUndo();
      view.say("Your answers were changed in another tab, so Undo is no longer offered here.");
    }
    const saved = loadSaved(s.store);
    s.blocked = saved.blocked;
    if (saved.message) s.startFrom(saved);
    s.answers = saved.answers || {};
    s.setAbout(loadAbout(s.store));
    model.set("about", s.about);
    model.set("answers", s.answers);
    model.save_changes();
    view.show();
  };
  return s;
}

export { createSession };
