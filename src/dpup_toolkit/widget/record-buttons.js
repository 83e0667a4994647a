// "Keep a record": save progress to a file and open it again, download or copy a summary, a Word
// file, print, clear the answers (with Undo); and the two downloads offered beside the tool's
// messages when something could not be saved or was left out. The records themselves are made by
// records.js (and the Word file by widgets/docx/record.mjs on the site, or the kernel), loaded
// when a person first asks for one.
// host: { def, uiId, model, session, using(name) (a part, or null when it could not be loaded),
//   say(message, { error }) }.
import { DOCX_TYPE, copyText, download, h, stamp, today } from "./dom.js";
import { RecordError } from "./rules.js";

// "Download a record (JSON) now" and "Download the saved data that was left out".
function drawRescue({ def, session, using }) {
  const saveNow = h("button", { type: "button", hidden: true, text: "Download a record (JSON) now" });
  const recover = h("button", { type: "button", hidden: true, text: "Download the saved data that was left out" });
  saveNow.addEventListener("click", async () => {
    const records = await using("records");
    if (records) download(`${def.id}-record-${today()}.json`, records.renderJson(def, session.answers, today()), "application/json");
  });
  recover.addEventListener("click", () => {
    if (session.recover === null) return;
    download(`${def.id}-saved-data-${today()}.json`, session.recover.text, "application/json");
    session.recovered(); // the person now holds the data: the page may save over it again
  });
  return { saveNow, recover, node: h("div", { className: "dpup-buttons" }, saveNow, recover) };
}

function wireDownloads(host, els) {
  const { def, session, using, say } = host;
  els.md.addEventListener("click", async () => {
    const records = await using("records");
    if (!records) return;
    download(records.recordFilename(def.id, session.about, stamp(), "md"),
      records.renderMarkdown(def, session.answers, today(), session.about), "text/markdown");
    say("Your summary was downloaded as a Markdown file.");
  });
  els.json.addEventListener("click", async () => {
    const records = await using("records");
    if (!records) return;
    download(records.recordFilename(def.id, session.about, stamp(), "json"),
      records.renderJson(def, session.answers, today(), session.about), "application/json");
    say("Your progress was saved to a file. Open it here later to carry on.");
  });
  els.copy.addEventListener("click", async () => {
    const records = await using("records");
    if (!records) return;
    const summary = records.renderMarkdown(def, session.answers, today(), session.about);
    els.copyBox.hidden = true;
    copyText(summary).then(() => {
      els.status.textContent = "Summary copied. Paste it into an email or a Teams message.";
    }, () => {
      // No clipboard here (an older browser, or not allowed): show the summary selected instead.
      els.copyArea.value = summary;
      els.copyBox.hidden = false;
      els.copyArea.focus();
      els.copyArea.select();
      els.status.textContent = "This browser did not let the page copy. The summary is selected below: copy it with Ctrl+C (⌘+C on a Mac).";
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
      download(records.recordFilename(def.id, session.about, when, "docx"), blob, DOCX_TYPE);
      els.status.textContent = "Your summary was downloaded as a Word file.";
    } catch {
      els.status.textContent = "The Word file could not be made here (are you offline?). Download a summary (Markdown) instead.";
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

function wireImport(host, els) {
  const { def, session, using, say } = host;
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
      say(`${reason} Your current answers have not changed.`, { error: true });
      return;
    }
    session.changeWithUndo(imported.answers, ["Your saved record was imported.", ...imported.notices].join(" "),
      restored || session.about);
  });
}

// Returns { node, undo (the Undo button, shown by the session), dispose }.
function drawKeepRecord(host) {
  const { uiId, session } = host;
  const els = {
    json: h("button", { type: "button", text: "Save my progress to a file" }),
    open: h("button", { type: "button", className: "dpup-secondary", text: "Open a saved progress file" }),
    md: h("button", { type: "button", text: "Download a summary (Markdown)" }),
    copy: h("button", { type: "button", text: "Copy summary" }),
    docx: h("button", { type: "button", text: "Download for Word (.docx)" }),
    print: h("button", { type: "button", text: "Print or save as PDF" }),
    clear: h("button", { type: "button", className: "dpup-clear", text: "Clear my answers" }),
    undo: h("button", { type: "button", className: "dpup-undo", hidden: true, text: "Undo" }),
    // The file input itself stays hidden: "Open a saved progress file" opens it.
    importInput: h("input", { type: "file", id: uiId("import"), accept: ".json,application/json", hidden: true, tabindex: -1 }),
    status: h("p", { className: "dpup-message dpup-keep-status", role: "status" }),
    copyArea: h("textarea", { id: uiId("summary"), className: "dpup-note dpup-summary-text", readonly: true, rows: 8 }),
  };
  els.copyBox = h("p", { className: "dpup-summary-box", hidden: true },
    h("label", { for: els.copyArea.id, text: "Your summary, selected to copy" }), els.copyArea);
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
    h("div", { className: "dpup-buttons" }, els.md, els.copy, els.docx, els.print),
    els.status,
    els.copyBox,
    h("div", { className: "dpup-buttons" }, els.clear, els.undo));
  return { node, undo: els.undo, dispose };
}

export { drawKeepRecord, drawRescue };
