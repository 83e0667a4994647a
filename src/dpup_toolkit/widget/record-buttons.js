// "Keep a record": save progress to a file and open it again, download or copy a summary, a Word
// file, print, clear the answers (with Undo); and the two downloads offered beside the tool's
// messages when something could not be saved or was left out. The records themselves are made by
// records.js (and the Word file by widgets/docx/record.mjs on the site, or the kernel), loaded
// when a person first asks for one.
// host: { def, uiId, model, session, checks (the saved checks control: a file may open as a new check),
//   using(name) (a part, or null when it could not be loaded),
//   say(message, { error }) }.
import { DOCX_TYPE, copyText, download, h, stamp, today } from "./dom.js";
import { SAVE_NOW } from "./messages.js";
import { recordFilename, renderJson } from "./record-json.js";
import { RecordError, cleanAbout } from "./rules.js";

// "Save my answers to a file now", "Download the saved data that was left out" and "Reload the
// page" (the site was updated under this page).
// The JSON record of the open check, downloaded; the person now has the answers in a file.
function saveProgress(def, session) {
  download(recordFilename(def.id, stamp(), "json"), renderJson(def, session.answers, today(), session.about),
    "application/json");
  session.keptByPerson();
}

function drawRescue({ def, session }) {
  const saveNow = h("button", { type: "button", hidden: true, text: SAVE_NOW });
  const recover = h("button", { type: "button", hidden: true, text: "Download the saved data that was left out" });
  const reload = h("button", { type: "button", hidden: true, text: "Reload the page" });
  reload.addEventListener("click", () => window.location.reload());
  // The same record, named the same way, as "Save a file to carry on later". It needs no on-demand
  // part, so it works on a page whose site was updated since it opened. Returns whether it was downloaded.
  async function downloadRecord() {
    saveProgress(def, session);
    return true;
  }
  saveNow.addEventListener("click", downloadRecord);
  recover.addEventListener("click", () => {
    if (session.recover === null) return;
    download(`${def.id}-saved-data-${today()}.json`, session.recover.text, "application/json");
    session.recovered(); // the person now holds the data: the page may save over it again
  });
  return { saveNow, recover, reload, downloadRecord, node: h("div", { className: "dpup-buttons" }, saveNow, recover, reload) };
}

function wireDownloads(host, els) {
  const { def, session, using, say } = host;
  els.md.addEventListener("click", async () => {
    const records = await using("records");
    if (!records) return;
    download(records.recordFilename(def.id, stamp(), "md"),
      records.renderMarkdown(def, session.answers, today(), session.about), "text/markdown");
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
      // No clipboard here (an older browser, or not allowed): show the summary selected instead.
      els.copyArea.value = summary;
      els.copyBox.hidden = false;
      els.copyArea.focus();
      els.copyArea.select();
      els.status.textContent = "This browser did not let the page copy. The text is selected below: copy it with Ctrl+C (⌘+C on a Mac).";
    });
  });
}

// The Word file: on the built site the page makes it (its module and library load only now, from
// this site); in JupyterLab or Voila the kernel writes it with python-docx and sends it back.
// Returns a function that stops listening to the kernel.
function wireWord(host, els) {
  const { def, model, session } = host;
  els.docx.addEventListener("click", async () => {
    const when = stamp();
    const root = document.documentElement.dataset.content_root;
    if (root === undefined) {
      els.status.textContent = "Making your Word file…";
      // The answers go with the request: a change still waiting in ipywidgets' queue of state
      // updates (a note typed just before the click) would otherwise reach the kernel after it.
      model.send({ kind: "docx", exported_at: today(), stamp: when, answers: session.answers, about: session.about });
      return;
    }
    els.status.textContent = "Making your Word file…";
    try {
      const records = await import("./records.js");
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

// The file names another person or a different "What" than the open check: it is another check.
function anotherCheck(about, fileAbout) {
  if (!fileAbout) return false;
  return ["what", "completed_by"].some((field) => fileAbout[field] && fileAbout[field] !== about[field]);
}

function hasAnything(session) {
  return Object.keys(session.answers).length > 0 || Object.values(session.about).some(Boolean);
}

// A file opened into a check that holds answers asks first: replace this check's answers, or open
// the file as a new saved check (checked first when the file is about another person or thing).
function drawImportChoice(uiId) {
  const radio = (value) => h("input", { type: "radio", name: uiId("import-choice"), id: uiId(`import-${value}`), value });
  const els = {
    legend: h("legend"),
    replace: radio("replace"),
    asNew: radio("new"),
    replaceLabel: h("label", { for: uiId("import-replace") }),
    newLabel: h("label", { for: uiId("import-new") }),
    go: h("button", { type: "button", text: "Continue" }),
    cancel: h("button", { type: "button", className: "dpup-secondary", text: "Cancel" }),
  };
  els.node = h("fieldset", { className: "dpup-import-choice" }, els.legend,
    h("p", { className: "dpup-choice-option" }, els.asNew, " ", els.newLabel),
    h("p", { className: "dpup-choice-option" }, els.replace, " ", els.replaceLabel),
    h("div", { className: "dpup-buttons" }, els.go, els.cancel));
  // On the page only while it asks: taken off after, so the message that follows Continue is shown
  // at the top of the tool, not beside a button no longer there (feedback.js).
  els.slot = h("div");
  return els;
}

function wireImport(host, els) {
  const { def, session, using, say } = host;
  const choice = els.choice;
  let pending = null; // { imported, restored, fileName } while the person chooses
  const replace = ({ imported, restored }) => {
    session.changeWithUndo(imported.answers, ["Your saved record was imported.", ...imported.notices].join(" "),
      restored || session.about);
  };
  const asNewCheck = async ({ imported, restored, fileName }) => {
    const name = await host.checks.startNamed((restored && restored.what) || fileName.replace(/\.json$/i, ""));
    if (name === null) {
      say("The file was not opened. Read the message under “Your saved checks”, then open the file again.", { error: true });
      return;
    }
    session.changeWithUndo(imported.answers, [`The file was opened as a new saved check, “${name}”. `
      + "The check you were working on is unchanged: switch back to it under “Your saved checks”.", ...imported.notices]
      .join(" "), restored || cleanAbout(null));
  };
  els.open.addEventListener("click", () => els.importInput.click());
  els.importInput.addEventListener("change", async () => {
    const file = els.importInput.files[0];
    els.importInput.value = "";
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
      say(reason.endsWith("Nothing was changed.") ? reason : `${reason} Your current answers have not changed.`, { error: true });
      return;
    }
    pending = { imported, restored, fileName: file.name };
    if (!host.checks || !hasAnything(session)) {
      replace(pending);
      return;
    }
    const current = host.checks.name();
    choice.legend.textContent = `You opened “${file.name}”. Where should its answers go?`;
    choice.newLabel.textContent = "Open it as a new saved check (the check you are working on stays as it is)";
    choice.replaceLabel.textContent = `Replace the answers in “${current}”, the check you are working on`;
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

// Returns { node, undo (the Undo button, shown by the session), dispose }.
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
    copyArea: h("textarea", { id: uiId("summary"), className: "dpup-note dpup-summary-text", readonly: true, rows: 8 }),
  };
  els.copyBox = h("p", { className: "dpup-summary-box", hidden: true },
    h("label", { for: els.copyArea.id, text: "The text copy, selected to copy" }), els.copyArea);
  wireDownloads(host, els);
  const dispose = wireWord(host, els);
  wireImport(host, els);
  els.print.addEventListener("click", () => window.print());
  els.clear.addEventListener("click", () => session.clear());
  els.undo.addEventListener("click", () => session.undoLast());
  const node = h("section", { className: "dpup-controls", "aria-labelledby": uiId("keep") },
    h("h2", { id: uiId("keep"), text: "Keep a record" }),
    h("p", { text: "Your answers stay in this browser only. Nothing you type is sent anywhere." }),
    h("div", { className: "dpup-buttons" }, els.json, els.open, els.importInput),
    els.choice.slot,
    h("div", { className: "dpup-buttons" }, els.md, els.copy, els.docx, els.print),
    els.status,
    els.copyBox,
    h("div", { className: "dpup-buttons" }, els.clear, els.undo));
  return { node, undo: els.undo, dispose };
}

export { drawKeepRecord, drawRescue };
