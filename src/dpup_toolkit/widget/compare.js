// Compare answers (compare.py does the same): several people's JSON records of this tool, item by
// item. Loaded only when a person first chooses records to compare (compare-section.js).
//
// Compare reads a record in its own way, not as "Open a saved progress file" does: nothing is
// replaced, so nothing is refused for the sake of the open answers. An answer that no longer fits
// its question (an option renamed or removed, a question whose kind changed) shows as what the
// person answered, set aside; answers to questions the tool no longer asks are listed, not dropped.
import { h } from "./dom.js";
import {
  RecordError, SPACE_ENDS, allItems, answerOf, cleanAbout, cleanAnswers, given, itemKind, needsReason, visibleItems,
} from "./rules.js";
import { escapeLine, quote, readEnvelope } from "./records.js";

const STATUS = { agree: "All agree", differ: "Answers differ", none: "Nobody answered" };
const NOT_ASKED = "Not asked (an earlier answer skipped it)";
const NOT_COMPARED = "This file was not compared: ";
const NO_REASON = "no reason given";
const UNREADABLE = "An answer this page cannot read";
const REMOVED_TITLE = "Answers to questions no longer in this tool";
const REMOVED_INTRO = "These questions were in the version of this tool the record was saved with. "
  + "This version no longer asks them; the records still hold the answers.";

class NotCompared extends Error {}

// An object's own value for a key (a question's id may be "constructor"), or null.
function own(object, key) {
  return Object.hasOwn(object, key) ? object[key] : null;
}

// What Compare says when a file is not a record it can compare (compare.py COMPARE_WORDS).
const COMPARE_WORDS = {
  notText: "its text is not UTF-8. Another program may have saved it in another encoding, such as Latin-1; "
    + "save it as UTF-8 and choose it again.",
  nested: "it is not valid JSON, so it is not a record saved by this toolkit.",
  notJson: "it is not valid JSON, so it is not a record saved by this toolkit.",
  notRecord: "it is not a record saved by this toolkit.",
  unknownFormat: "it was saved in a record format this page does not know.",
  otherTool: (title, def) => `it is a record of another tool (“${title}”), not of “${def.title}”.`,
  noVersion: "it does not say which version of this tool it was saved with.",
  newer: (version, def) => `it was saved with version ${version} of this tool, newer than this page `
    + `(version ${def.version}). Reload the page to get the newest version, then compare again.`,
  damaged: "its answers are damaged.",
};

// A record of this tool from a file's bytes or text; or NotCompared saying why not (the checks of
// "Open a saved progress file", in Compare's words).
function readRecord(def, data) {
  try {
    const { record, version } = readEnvelope(def, data, COMPARE_WORDS);
    return { ...record, version };
  } catch (error) {
    if (error instanceof RecordError) throw new NotCompared(error.message);
    throw error;
  }
}

// An answer with its note and reason, each left out when it is not text.
function readable(entry) {
  const out = { answer: entry.answer };
  for (const field of ["note", "reason"]) if (typeof entry[field] === "string") out[field] = entry[field];
  return out;
}

// What a person answered that does not fit the question in this version, in words.
function setAside(def, answer, older) {
  const fits = older ? "no longer fits" : "does not fit";
  if (typeof answer !== "string") return `${UNREADABLE}, which ${fits} this question`;
  const option = (def.answers || []).find((entry) => entry.value === answer);
  return `Answered “${option ? option.label : given(answer, "")}”, which ${fits} this question`;
}

// [answers as a record keeps them, {item id: {aside, note}} for each answer that does not fit].
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

// An answer to a question this tool no longer asks, as the file holds it; null when empty.
function removedAnswer(entry) {
  const note = typeof entry.note === "string" ? given(entry.note, "") : "";
  const empty = entry.answer === null || entry.answer === undefined || entry.answer === "";
  if (empty && !note) return null;
  const shown = empty ? "No answer" : typeof entry.answer === "string" ? `“${given(entry.answer, "")}”` : UNREADABLE;
  return { answer: shown, note };
}

function readPerson(def, name, data) {
  const record = readRecord(def, data);
  const [answers, asides] = personAnswers(def, record.answers, record.version < def.version);
  const known = new Set(allItems(def).map((item) => item.id));
  const removed = new Map(); // keyed by whatever the file holds, "__proto__" too
  for (const [key, entry] of Object.entries(record.answers)) {
    const kept = known.has(key) ? null : removedAnswer(entry);
    if (kept) removed.set(key, kept);
  }
  const about = cleanAbout(record.about);
  const saved = given(record.exported_at, "");
  return {
    label: about.completed_by || name, file: name, answers, asides, removed, version: record.version,
    by: about.completed_by, what: about.what, saved: typeof saved === "string" ? saved.replace(SPACE_ENDS, "") : "",
  };
}

function comparedEntry(item, person, shown) {
  if (Object.hasOwn(person.asides, item.id)) {
    const { aside, note } = person.asides[item.id];
    return { shown, answer: null, note, reason: "", aside };
  }
  if (!shown) return { shown: false, answer: null, note: "", reason: "", aside: "" };
  const entry = own(person.answers, item.id) || {};
  return { shown: true, answer: answerOf(item, person.answers), note: entry.note || "", reason: entry.reason || "", aside: "" };
}

// "none" when nobody answered, "agree" when everyone gave the same answer (set aside or not).
function agreement(entries) {
  const answered = entries.filter((entry) => entry.aside || entry.answer !== null).map((entry) => entry.aside || entry.answer);
  if (!answered.length) return "none";
  return answered.length === entries.length && answered.every((answer) => answer === answered[0]) ? "agree" : "differ";
}

// files: [{name, text}] in the order to show them. Gives {files, people, errors, sections,
// removed}: every record of this tool is a person; every other file an error naming it.
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
  const times = new Map();
  for (const person of people) {
    times.set(person.label, (times.get(person.label) || 0) + 1);
    if (times.get(person.label) > 1) person.label = `${person.label} (${times.get(person.label)})`;
  }
  const shownSets = people.map((person) => new Set(visibleItems(def, person.answers).map((item) => item.id)));
  const sections = def.sections.map((section) => ({
    title: section.title,
    items: section.items
      .filter((item) => people.some((person, i) => shownSets[i].has(item.id) || Object.hasOwn(person.asides, item.id)))
      .map((item) => {
        const entries = people.map((person, i) => comparedEntry(item, person, shownSets[i].has(item.id)));
        return { item, section: section.title, agree: agreement(entries), entries };
      }),
  })).filter((section) => section.items.length);
  const removedIds = [...new Set(people.flatMap((person) => [...person.removed.keys()]))].sort();
  const removed = removedIds.map((id) => ({
    id, entries: people.map((person) => person.removed.get(id) || null),
  }));
  return { files: loaded, people, errors, sections, removed };
}

// The compared items as the table lists them: where answers differ first, then the rest, each in
// the tool's order.
function tableRows(comparison) {
  const items = comparison.sections.flatMap((section) => section.items);
  return [...items.filter((row) => row.agree === "differ"), ...items.filter((row) => row.agree !== "differ")];
}

// A person's answer in words: set aside, not asked, missing, or its label (a "not applicable"
// answer without the reason the tool asks for says so).
function comparedAnswer(def, item, entry) {
  if (entry.aside) return entry.aside;
  if (!entry.shown) return NOT_ASKED;
  const words = itemKind(item);
  if (entry.answer === null) return words.missing;
  const label = words.label(def, item, entry.answer);
  return unexplained(def, item, entry) ? `${label}, ${NO_REASON}` : label;
}

// A "not applicable" answer without the reason the tool asks for.
function unexplained(def, item, entry) {
  return !entry.aside && entry.answer !== null && needsReason(def, item, entry);
}

// A person's column, and the file it comes from when that is not its name.
function personName(person) {
  return person.label === person.file ? person.label : `${person.label} (from ${person.file})`;
}

// Who and when, from the record: the same words on the page and in the Markdown.
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
    ...Object.entries(STATUS).map(([agree, label]) => `- ${label}: ${rows.filter((row) => row.agree === agree).length} of ${rows.length} questions`),
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
  if (itemKind(item).typed) { // typed text: quoted, each person's under their name
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
    out.push("", `### Question “${escapeLine(given(question.id, ""))}”`, "");
    out.push(...question.entries.map((entry, i) => `- ${escapeLine(people[i].label)}: ${entry ? escapeLine(entry.answer) : "Not in this file"}`));
    question.entries.forEach((entry, i) => {
      if (entry && entry.note) out.push("", `Note from ${escapeLine(people[i].label)}:`, "", ...quote(entry.note));
    });
  }
  return out;
}

// The comparison as Markdown, the same as compare.py's render_comparison.
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

// ---- On the page: what was loaded, and the table (compare-section.js makes the places). ----

// The files chosen: what Compare did with each, and who and when each record is from.
function drawLoaded(def, { files, people }, pickerName) {
  if (!files.length) return [];
  return [
    h("p", { text: `You chose ${files.length} file${files.length === 1 ? "" : "s"}:` }),
    h("ul", {}, ...files.map((file) => (file.reason
      ? h("li", { className: "dpup-compare-left-out" }, h("strong", { text: file.file }), `: ${file.reason}`)
      : h("li", {}, h("strong", { text: file.file }),
        `: compared, in the column “${people[file.person].label}”. ${personLine(def, people[file.person])}`)))),
    h("p", { text: `To compare different files, choose them again with “${pickerName}”: they replace these.` }),
  ];
}

// One person's answer in a cell: the answer, then the reason it does not apply and the note.
function answerCell(def, item, entry) {
  const answer = comparedAnswer(def, item, entry);
  const kind = entry.aside ? "dpup-compare-aside" : unexplained(def, item, entry) ? "dpup-compare-no-reason" : null;
  return h("td", { className: kind },
    h("p", { className: itemKind(item).typed && entry.answer !== null ? "dpup-compare-text" : null, text: answer }),
    entry.reason && !unexplained(def, item, entry) ? h("p", { className: "dpup-compare-reason" }, h("strong", { text: "Why it does not apply: " }), entry.reason) : null,
    entry.note ? h("p", { className: "dpup-compare-note" }, h("strong", { text: "Note: " }), entry.note) : null);
}

// A table in a region of its own that scrolls sideways on a narrow screen, reachable and
// labelled for keyboard and screen reader users.
function scrolling(id, caption, head, rows) {
  return h("div", { className: "dpup-compare-scroll", role: "region", "aria-labelledby": id, tabindex: "0" },
    h("table", { className: "dpup-compare-table" },
      h("caption", { id, text: caption }),
      h("thead", {}, h("tr", {}, ...head.map((cell) => h("th", { scope: "col" }, ...cell)))),
      h("tbody", {}, ...rows)));
}

function peopleHead(people) {
  return people.map((person) => [person.label, person.label === person.file ? null
    : h("span", { className: "dpup-compare-file", text: ` from ${person.file}` })]);
}

function answersTable(def, comparison, id) {
  const { people } = comparison;
  const rows = tableRows(comparison).map(({ item, section, agree, entries }) => h("tr", { className: `dpup-compare-row dpup-compare-${agree}` },
    h("th", { scope: "row" }, h("span", { className: "dpup-compare-section", text: section }), item.prompt),
    h("td", { className: "dpup-compare-status", text: STATUS[agree] }),
    ...entries.map((entry) => answerCell(def, item, entry))));
  const caption = `Answers side by side: one column for each person. Questions where answers differ come first, `
    + "then the rest in the tool's order.";
  return scrolling(id, caption, [["Question"], ["Agreement"], ...peopleHead(people)], rows);
}

function removedTable({ people, removed }, id) {
  const rows = removed.map((question) => h("tr", {},
    h("th", { scope: "row", text: `Question “${given(question.id, "")}”` }),
    ...question.entries.map((entry) => h("td", {},
      h("p", { text: entry ? entry.answer : "Not in this file" }),
      entry && entry.note ? h("p", { className: "dpup-compare-note" }, h("strong", { text: "Note: " }), entry.note) : null))));
  return [scrolling(id, REMOVED_TITLE, [["Question"], ...peopleHead(people)], rows), h("p", { text: REMOVED_INTRO })];
}

// The comparison of `files`, drawn into the places drawCompare (compare-section.js) made.
function showComparison(def, files, { loaded, summary, output, downloadButton, filter, pickerName, uiId }) {
  const comparison = compareRecords(def, files);
  const { people, errors } = comparison;
  loaded.replaceChildren(...drawLoaded(def, comparison, pickerName));
  const enough = people.length >= 2;
  const rows = tableRows(comparison);
  const count = (agree) => rows.filter((row) => row.agree === agree).length;
  downloadButton.hidden = !enough;
  filter.hidden = !enough || !count("differ"); // where nobody differs, it would leave an empty table
  const left = errors.length ? ` ${errors.length} file${errors.length === 1 ? " was" : "s were"} not compared: the list above says why.` : "";
  summary.textContent = (enough
    ? `${people.length} people compared. Answers differ on ${count("differ")} of ${rows.length} questions; all agree on ${count("agree")}.`
    : "Choose two or more records of this tool to compare them.") + left;
  output.replaceChildren(...(enough ? [answersTable(def, comparison, uiId("compare-table")),
    ...(comparison.removed.length ? removedTable(comparison, uiId("compare-removed")) : [])] : []));
}

export { compareRecords, renderComparison, showComparison, tableRows };
