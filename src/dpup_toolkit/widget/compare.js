// Compare answers (compare.py does the same): several people's JSON records of this tool, item by
// item. Loaded only when a person first chooses records to compare
// (compare-section.js).
import { h } from "./dom.js";
import { ANSWER_WORDS } from "./kinds.js";
import { RecordError, SPACE_ENDS, answerOf, given, isPlainObject, visibleItems } from "./rules.js";
import { escapeLine, importRecord, quote, recordText } from "./records.js";

const COMPARE_STATUS = { agree: "All agree", differ: "Answers differ", none: "Nobody answered" };
const NOT_ASKED = "Not asked (an earlier answer skipped it)";

// Who a record is from: its "Completed by" detail when it has one, else the file's name.
function personLabel(text, name) {
  const record = JSON.parse(String(text).replace(/^\ufeff/, ""));
  const about = isPlainObject(record.about) ? record.about : {};
  const by = given(about.completed_by, "");
  return typeof by === "string" && by.replace(SPACE_ENDS, "") ? by.replace(SPACE_ENDS, "") : name;
}

function comparedAnswer(def, item, entry) {
  if (!entry.shown) return NOT_ASKED;
  const words = ANSWER_WORDS[item.kind];
  return entry.answer === null ? words.missing : words.label(def, item, entry.answer);
}

// files: [{name, text}] in the order to show them. Gives {people, errors, sections}: every file
// importRecord accepts is a person; every other file an error naming it.
function compareRecords(def, files) {
  const people = [];
  const errors = [];
  for (const { name, text: data } of files) {
    try {
      const text = recordText(data); // the file's bytes, or its text
      const { answers } = importRecord(def, text);
      people.push({ label: personLabel(text, name), file: name, answers });
    } catch (error) {
      const reason = error instanceof RecordError ? error.message : "This file could not be read as a checklist record.";
      errors.push(`${name}: ${reason}`);
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
    items: section.items.filter((item) => shownSets.some((set) => set.has(item.id))).map((item) => {
      const entries = people.map((person, i) => (shownSets[i].has(item.id) ? {
        shown: true,
        answer: answerOf(item, person.answers),
        note: ANSWER_WORDS[item.kind].typed ? "" : (person.answers[item.id] || {}).note || "",
      } : { shown: false, answer: null, note: "" }));
      const answered = entries.filter((entry) => entry.answer !== null);
      const agree = !answered.length ? "none"
        : answered.length === entries.length && answered.every((entry) => entry.answer === answered[0].answer) ? "agree" : "differ";
      return { item, agree, entries };
    }),
  })).filter((section) => section.items.length);
  return { people, errors, sections };
}

function renderComparison(def, files, comparedAt) {
  const { people, errors, sections } = compareRecords(def, files);
  const items = sections.flatMap((section) => section.items);
  const count = (agree) => items.filter((entry) => entry.agree === agree).length;
  const out = [
    `# ${escapeLine(def.title)}: comparison of answers`,
    "",
    `- Checklist: ${def.id}, version ${def.version}`,
    `- Compared: ${escapeLine(comparedAt)}`,
    `- People: ${people.length}`,
    ...Object.entries(COMPARE_STATUS).map(([agree, label]) => `- ${label}: ${count(agree)} of ${items.length} items`),
    ...errors.map((error) => `- Left out: ${escapeLine(error)}`),
  ];
  if (people.length) out.push("", "## People", "", ...people.map((p) => (p.label === p.file
    ? `- ${escapeLine(p.file)}` : `- ${escapeLine(p.label)} (from ${escapeLine(p.file)})`)));
  for (const section of sections) {
    out.push("", `## ${escapeLine(section.title)}`);
    for (const { item, agree, entries } of section.items) {
      out.push("", `### ${escapeLine(item.prompt)}`, "", `${COMPARE_STATUS[agree]}.`, "");
      if (ANSWER_WORDS[item.kind].typed) { // typed text: quoted, each person's under their name
        entries.forEach((entry, i) => {
          if (i) out.push("");
          const label = escapeLine(people[i].label);
          if (entry.answer === null) out.push(`${label}: ${comparedAnswer(def, item, entry)}`);
          else out.push(`${label} wrote:`, "", ...quote(entry.answer));
        });
        continue;
      }
      out.push(...entries.map((entry, i) => `- ${escapeLine(people[i].label)}: ${escapeLine(comparedAnswer(def, item, entry))}`));
      entries.forEach((entry, i) => {
        if (entry.note) out.push("", `Note from ${escapeLine(people[i].label)}:`, "", ...quote(entry.note));
      });
    }
  }
  return out.join("\n") + "\n";
}

// The comparison of `files`, drawn into the parts of the section drawCompare (compare-section.js) made.
function showComparison(def, files, { errors, summary, output, downloadButton, filter }) {
  const { people, errors: problems, sections } = compareRecords(def, files);
  errors.replaceChildren(...(problems.length ? [
    h("p", { text: "These files were left out:" }),
    h("ul", {}, ...problems.map((problem) => h("li", { text: problem }))),
  ] : []));
  const enough = people.length >= 2;
  downloadButton.hidden = !enough;
  filter.hidden = !enough;
  const items = sections.flatMap((section) => section.items);
  const agreeing = items.filter((entry) => entry.agree === "agree").length;
  const differing = items.filter((entry) => entry.agree === "differ").length;
  summary.textContent = enough
    ? `${people.length} people compared. All agree on ${agreeing} of ${items.length} items; answers differ on ${differing}.`
    : "Choose two or more records of this tool to compare them.";
  output.replaceChildren(...(enough ? sections.map((section) => h("div", { className: "dpup-compare-part" },
    h("h3", { text: section.title }),
    ...section.items.map(({ item, agree, entries }) => h("div", { className: `dpup-compare-item dpup-compare-${agree}` },
      h("h4", { text: item.prompt }),
      h("p", { className: "dpup-compare-status", text: COMPARE_STATUS[agree] }),
      h("ul", { className: "dpup-compare-answers" }, ...entries.map((entry, i) => h("li", {},
        h("strong", { text: `${people[i].label}: ` }),
        h("span", { className: ANSWER_WORDS[item.kind].typed && entry.answer ? "dpup-compare-text" : null,
          text: comparedAnswer(def, item, entry) }),
        entry.note ? h("p", { className: "dpup-compare-note" }, h("span", { text: "Note: " }), entry.note) : null))))))) : []));
}

export { compareRecords, renderComparison, showComparison };
