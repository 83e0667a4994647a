// Front-end of ChecklistWidget (checklist.py): draws a checklist as a native form, keeps the
// answers in this browser's localStorage, and exports the same records as record.py.
// Self-contained ES module: anywidget loads it from a blob: URL, so it imports nothing.

const RECORD_FORMAT = "dpup-toolkit/checklist-record";
const RECORD_FORMAT_VERSION = 1;
const STORAGE_PREFIX = "dpup-toolkit:checklist:";
let widgetsOnPage = 0;

// ---------------------------------------------------------------------------------------------
// Progress and records: the same rules as progress.py and record.py.

function allItems(def) {
  return def.sections.flatMap((section) => section.items);
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

function progressOf(def, answers) {
  const shown = visibleItems(def, answers);
  const answered = shown.filter((item) => (answers[item.id] || {}).answer);
  const unmet = answered.filter((item) => !def.met.includes(answers[item.id].answer));
  return { answered: answered.length, total: shown.length, unmet, shown };
}

class RecordError extends Error {}

function escapeMarkdown(text) {
  return String(text).replace(/\r\n|\r/g, "\n").split("\n").map((line) => line
    .replace(/[\\`*_[\]<>#|~&]/g, "\\$&")
    .replace(/^(\s*)([-+=])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2")).join("\n");
}

function answerLabel(def, value) {
  return def.answers.find((option) => option.value === value).label;
}

function cleanAnswers(def, answers) {
  const values = def.answers.map((option) => option.value);
  const cleaned = {};
  for (const item of allItems(def)) {
    const entry = answers[item.id] || {};
    const answer = entry.answer || null;
    const note = entry.note || "";
    if (answer !== null && !values.includes(answer)) {
      throw new RecordError(`The answer to “${item.prompt}” is ${JSON.stringify(answer)}, which this checklist does not use.`);
    }
    if (typeof note !== "string") throw new RecordError(`The note for “${item.prompt}” is not text.`);
    if (answer || note) cleaned[item.id] = { answer, note };
  }
  return cleaned;
}

function renderMarkdown(def, rawAnswers, exportedAt) {
  const answers = cleanAnswers(def, rawAnswers);
  const status = progressOf(def, answers);
  const shownIds = new Set(status.shown.map((item) => item.id));
  const out = [
    `# ${escapeMarkdown(def.title)}: record`,
    "",
    `- Checklist: ${def.id}, version ${def.version}`,
    `- Exported: ${escapeMarkdown(exportedAt)}`,
    `- Progress: ${status.answered} of ${status.total} questions answered`,
    `- Not met: ${status.unmet.length}`,
    "",
    "## What to do next",
    "",
  ];
  if (status.unmet.length) {
    status.unmet.forEach((item, i) => {
      out.push(`${i + 1}. ${escapeMarkdown(item.prompt)}`, `   - What to do: ${escapeMarkdown(item.action)}`);
    });
  } else {
    out.push("Nothing is marked as not met.");
  }
  for (const section of def.sections) {
    const items = section.items.filter((item) => shownIds.has(item.id));
    if (!items.length) continue;
    out.push("", `## ${escapeMarkdown(section.title)}`);
    for (const item of items) {
      const entry = answers[item.id] || {};
      const label = entry.answer ? answerLabel(def, entry.answer) : "Not answered";
      out.push("", `### ${escapeMarkdown(item.prompt)}`, "", `Answer: ${label}`);
      if (entry.note) {
        out.push("", "Note:", "");
        for (const line of escapeMarkdown(entry.note).split("\n")) out.push(`> ${line}`.trimEnd());
      }
    }
  }
  return out.join("\n") + "\n";
}

function renderJson(def, answers, exportedAt) {
  const record = {
    format: RECORD_FORMAT,
    format_version: RECORD_FORMAT_VERSION,
    checklist: { id: def.id, version: def.version, title: def.title },
    exported_at: exportedAt,
    answers: cleanAnswers(def, answers),
  };
  return JSON.stringify(record, null, 2) + "\n";
}

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function importRecord(def, text) {
  let record;
  try {
    record = JSON.parse(text);
  } catch {
    throw new RecordError("This file is not a checklist record: it is not valid JSON.");
  }
  if (!isPlainObject(record) || record.format !== RECORD_FORMAT) {
    throw new RecordError("This file is not a DPUP Toolkit checklist record.");
  }
  if (record.format_version !== RECORD_FORMAT_VERSION) {
    throw new RecordError("This record was saved in a format this page does not know. Use the page it came from.");
  }
  const about = record.checklist;
  if (!isPlainObject(about) || about.id !== def.id) {
    const title = isPlainObject(about) && about.title ? about.title : "unknown";
    throw new RecordError(`This record is for another checklist (“${title}”), not “${def.title}”.`);
  }
  const version = about.version;
  if (!Number.isInteger(version) || version < 1) {
    throw new RecordError("This record does not say which version of the checklist it is for.");
  }
  if (version > def.version) {
    throw new RecordError(`This record comes from a newer version of this checklist (version ${version}) `
      + `than this page has (version ${def.version}). Nothing was changed.`);
  }
  const raw = record.answers;
  if (!isPlainObject(raw) || !Object.values(raw).every(isPlainObject)) {
    throw new RecordError("This record's answers are damaged. Nothing was changed.");
  }
  const known = new Set(allItems(def).map((item) => item.id));
  const kept = Object.fromEntries(Object.entries(raw).filter(([id]) => known.has(id)));
  const dropped = Object.keys(raw).length - Object.keys(kept).length;
  const notices = dropped
    ? [`${dropped} saved answer(s) were for questions this version no longer asks, so they were left out.`]
    : [];
  return { answers: cleanAnswers(def, kept), notices };
}

// ---------------------------------------------------------------------------------------------
// Saved state in localStorage: one key per checklist and version, all under STORAGE_PREFIX.

function storageKey(def, version = def.version) {
  return `${STORAGE_PREFIX}${def.id}:v${version}`;
}

function loadSaved(def) {
  let storage;
  try {
    storage = window.localStorage;
    storage.getItem(storageKey(def));
  } catch {
    return { answers: null, message: "This browser is not letting the page save your answers. Download a record before you leave the page." };
  }
  const current = storage.getItem(storageKey(def));
  if (current !== null) {
    try {
      const saved = JSON.parse(current);
      if (!isPlainObject(saved) || !isPlainObject(saved.answers)) throw new Error("not a saved state");
      return { answers: cleanAnswers(def, saved.answers), message: null };
    } catch {
      storage.setItem(`${storageKey(def)}:unreadable`, current);
      storage.removeItem(storageKey(def));
      return {
        answers: null,
        message: "Your saved answers for this checklist could not be read, so the checklist starts empty. "
          + "A copy of the unreadable data is kept in this browser.",
      };
    }
  }
  for (let version = def.version - 1; version >= 1; version -= 1) {
    const older = storage.getItem(storageKey(def, version));
    if (older === null) continue;
    try {
      const saved = JSON.parse(older);
      const known = new Set(allItems(def).map((item) => item.id));
      const values = def.answers.map((option) => option.value);
      const kept = {};
      for (const [id, entry] of Object.entries(saved.answers)) {
        if (!known.has(id) || !isPlainObject(entry)) continue;
        kept[id] = {
          answer: values.includes(entry.answer) ? entry.answer : null,
          note: typeof entry.note === "string" ? entry.note : "",
        };
      }
      return {
        answers: cleanAnswers(def, kept),
        message: "This checklist has changed since you last saved it. Your earlier answers were brought across: please check them.",
      };
    } catch {
      return { answers: null, message: "Answers saved for an earlier version of this checklist could not be read, so the checklist starts empty." };
    }
  }
  return { answers: null, message: null };
}

function writeSaved(def, answers) {
  try {
    const key = storageKey(def);
    if (Object.keys(answers).length) {
      window.localStorage.setItem(key, JSON.stringify({ answers, saved_at: new Date().toISOString() }));
    } else {
      window.localStorage.removeItem(key);
    }
    for (let version = def.version - 1; version >= 1; version -= 1) {
      window.localStorage.removeItem(storageKey(def, version));
    }
    return true;
  } catch {
    return false;
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

function render({ model, el }) {
  const def = model.get("definition");
  widgetsOnPage += 1;
  const prefix = `dpup-${def.id}${widgetsOnPage > 1 ? `-${widgetsOnPage}` : ""}`;
  const itemDomId = (item) => `${prefix}-${item.id}`;

  let answers = {};
  let undo = null;

  const status = h("p", { className: "dpup-message", role: "status" });
  const alert = h("p", { className: "dpup-message dpup-message-error", role: "alert" });
  const progressText = h("p", { className: "dpup-progress-text", id: `${prefix}-progress`, role: "status" });
  const progressBar = h("progress", { max: 1, value: 0, "aria-labelledby": `${prefix}-progress` });
  const nextList = h("ol", { className: "dpup-next-list" });
  const nextNone = h("p", { text: "Nothing is marked as not met yet. Answer “No” to a question and it shows here with what to do." });
  const undoButton = h("button", { type: "button", className: "dpup-undo", hidden: true, text: "Undo" });
  const views = new Map();

  function say(message, { error = false } = {}) {
    (error ? alert : status).textContent = message || "";
    (error ? status : alert).textContent = "";
  }

  function itemView(item) {
    const id = itemDomId(item);
    const helpId = `${id}-help`;
    const guidance = h("div", { className: "dpup-guidance", id: `${id}-guidance`, hidden: true });
    const note = h("textarea", { id: `${id}-note`, rows: 2, className: "dpup-note" });
    const printAnswer = h("p", { className: "dpup-print-only dpup-print-answer" });
    const printNote = h("p", { className: "dpup-print-only dpup-print-note" });
    const radios = def.answers.map((option) => h("input", {
      type: "radio", name: `${id}-answer`, value: option.value, id: `${id}-${option.value}`,
    }));
    const options = h("div", { className: "dpup-options" }, ...def.answers.map((option, i) => h(
      "label", { for: radios[i].id, className: "dpup-option" }, radios[i], h("span", { text: option.label }),
    )));
    const links = item.links.length ? h("p", { className: "dpup-links" }, "Read more: ", ...item.links.flatMap((link, i) => {
      const href = bookHref(link.page);
      const node = href ? h("a", { href, text: link.title }) : h("span", { text: link.title });
      return i ? ["; ", node] : [node];
    })) : null;
    const fieldset = h("fieldset", { className: "dpup-item", id, "aria-describedby": helpId },
      h("legend", { text: item.prompt }),
      h("p", { className: "dpup-help", id: helpId, text: item.help }),
      options,
      guidance,
      h("label", { for: note.id, className: "dpup-note-label", text: "Your note (optional)" }),
      note,
      printAnswer,
      printNote,
      links);
    for (const radio of radios) {
      radio.addEventListener("change", () => {
        if (radio.checked) update(item.id, { answer: radio.value });
      });
    }
    note.addEventListener("input", () => update(item.id, { note: note.value }, { sync: false }));
    note.addEventListener("change", () => update(item.id, { note: note.value }));
    views.set(item.id, { item, fieldset, radios, note, guidance, printAnswer, printNote });
    return fieldset;
  }

  function show() {
    const state = progressOf(def, answers);
    const shownIds = new Set(state.shown.map((item) => item.id));
    for (const { item, fieldset, radios, note, guidance, printAnswer, printNote } of views.values()) {
      const entry = answers[item.id] || {};
      fieldset.hidden = !shownIds.has(item.id);
      for (const radio of radios) radio.checked = radio.value === entry.answer;
      if (document.activeElement !== note) note.value = entry.note || "";
      guidance.replaceChildren();
      if (entry.answer) {
        guidance.append(h("p", { text: item.guidance[entry.answer] }));
        if (!def.met.includes(entry.answer)) {
          guidance.append(h("p", {}, h("strong", { text: "What to do: " }), item.action));
        }
      }
      guidance.hidden = !entry.answer;
      printAnswer.textContent = `Answer: ${entry.answer ? answerLabel(def, entry.answer) : "Not answered"}`;
      printNote.textContent = entry.note ? `Note: ${entry.note}` : "";
    }
    for (const section of el.querySelectorAll(".dpup-section")) {
      section.hidden = ![...section.querySelectorAll(".dpup-item")].some((item) => !item.hidden);
    }
    progressText.textContent = `${state.answered} of ${state.total} questions answered. ${state.unmet.length} not met.`;
    progressBar.max = Math.max(state.total, 1);
    progressBar.value = state.answered;
    nextList.replaceChildren(...state.unmet.map((item) => h("li", {},
      h("a", { href: `#${itemDomId(item)}`, text: item.prompt }),
      h("p", { text: item.action }))));
    nextList.hidden = !state.unmet.length;
    nextNone.hidden = Boolean(state.unmet.length);
  }

  function commit(next, { sync = true } = {}) {
    answers = next;
    if (!writeSaved(def, answers)) {
      say("This browser is not letting the page save your answers. Download a record before you leave the page.", { error: true });
    }
    if (sync) {
      model.set("answers", answers);
      model.save_changes();
    }
    show();
  }

  function update(itemId, change, options) {
    const entry = { answer: null, note: "", ...(answers[itemId] || {}), ...change };
    const next = { ...answers, [itemId]: entry };
    undoButton.hidden = true;
    commit(cleanAnswers(def, next), options);
  }

  function offerUndo(previous, message) {
    undo = previous;
    say(message);
    undoButton.hidden = false;
  }

  undoButton.addEventListener("click", () => {
    if (undo === null) return;
    commit(undo);
    undo = null;
    undoButton.hidden = true;
    say("Your answers are back.");
  });

  const sections = def.sections.map((section) => h("section", {
    className: "dpup-section", "aria-labelledby": `${prefix}-section-${section.id}`,
  },
  h("h2", { id: `${prefix}-section-${section.id}`, text: section.title }),
  section.intro ? h("p", { className: "dpup-intro", text: section.intro }) : null,
  ...section.items.map(itemView)));

  const mdButton = h("button", { type: "button", text: "Download record (Markdown)" });
  const jsonButton = h("button", { type: "button", text: "Download record (JSON)" });
  const printButton = h("button", { type: "button", text: "Print or save as PDF" });
  const clearButton = h("button", { type: "button", className: "dpup-clear", text: "Clear my answers" });
  const importInput = h("input", { type: "file", id: `${prefix}-import`, accept: ".json,application/json" });

  mdButton.addEventListener("click", () => {
    download(`${def.id}-record-${today()}.md`, renderMarkdown(def, answers, today()), "text/markdown");
    say("Your record was downloaded as a Markdown file.");
  });
  jsonButton.addEventListener("click", () => {
    download(`${def.id}-record-${today()}.json`, renderJson(def, answers, today()), "application/json");
    say("Your record was downloaded as a JSON file. Import it here later to carry on.");
  });
  printButton.addEventListener("click", () => window.print());
  clearButton.addEventListener("click", () => {
    const previous = answers;
    clearSaved(def);
    commit({});
    offerUndo(previous, "All your answers and notes for this checklist were cleared from this browser.");
  });
  importInput.addEventListener("change", async () => {
    const file = importInput.files[0];
    importInput.value = "";
    if (!file) return;
    try {
      const imported = importRecord(def, await file.text());
      const previous = answers;
      commit(imported.answers);
      offerUndo(previous, ["Your saved record was imported.", ...imported.notices].join(" "));
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      say(`${error.message} Your current answers have not changed.`, { error: true });
    }
  });

  el.replaceChildren(h("div", { className: "dpup-checklist" },
    h("div", { className: "dpup-progress" }, h("h2", { text: "Your progress" }), progressText, progressBar),
    status,
    alert,
    ...sections,
    h("section", { className: "dpup-next", "aria-labelledby": `${prefix}-next` },
      h("h2", { id: `${prefix}-next`, text: "What to do next" }), nextNone, nextList),
    h("section", { className: "dpup-controls", "aria-labelledby": `${prefix}-keep` },
      h("h2", { id: `${prefix}-keep`, text: "Keep a record" }),
      h("p", { text: "Your answers stay in this browser only. Nothing you type is sent anywhere." }),
      h("div", { className: "dpup-buttons" }, mdButton, jsonButton, printButton),
      h("p", {}, h("label", { for: importInput.id, text: "Carry on from a saved record (JSON file): " }), importInput),
      h("div", { className: "dpup-buttons" }, clearButton, undoButton))));

  const saved = loadSaved(def);
  if (saved.message) say(saved.message, { error: saved.answers === null });
  const fromKernel = cleanAnswers(def, model.get("answers") || {});
  commit(saved.answers || fromKernel);

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

  // Another tab with this checklist saved: show its answers here too, so neither tab later
  // writes over the other with what it showed before. (Only shown, not written back.)
  const onOtherTab = (event) => {
    if (event.key !== storageKey(def)) return;
    const saved = loadSaved(def);
    answers = saved.answers || {};
    model.set("answers", answers);
    model.save_changes();
    show();
  };
  window.addEventListener("storage", onOtherTab);
  return () => {
    model.off("change:answers", onKernelChange);
    window.removeEventListener("storage", onOtherTab);
  };
}

export default { render };

// The rules above, for the tests that check they agree with progress.py and record.py.
export {
  RecordError, clearSaved, escapeMarkdown, importRecord, loadSaved, progressOf, renderJson,
  renderMarkdown, writeSaved,
};
