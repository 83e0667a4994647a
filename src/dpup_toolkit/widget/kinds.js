// The kinds of item and result a tool may use, each in a module of its own.
//
// An item kind's module, item-<kind>.js, holds everything about the kind: how it is drawn, which
// answers it takes, how an answer reads and how it goes in a record. Loaded, it adds itself to
// ITEM_KINDS (kept in rules.js, which asks it the kind's rules) under its name: the `kind` of its
// items in a tool file and in schema.py. No list of item kinds is kept here: loadItemKind's
// import() names a pattern, and esbuild (front_end.py) makes of it, at build time, a table of every
// item-*.js beside this file, each a part of its own that a tool page fetches only when its tool
// has that kind. So a new item kind is a new item-<kind>.js (with its model in schema.py and its
// module in records/kinds/); nothing here changes. The kind an item is when its file names none
// comes with the entry (checklist.js), so most tools draw without fetching a part.
//
// Every item kind's entry: { draw(ctx, item) -> { item, node, refresh(entry) };
//   typed: the answer is text a person types (trimmed, quoted in records and Compare answers,
//     and its own note: the item has no note field);
//   judged: its answers are met or not met (a "question" in progress, and in the "unmet" list);
//   allowed(def, item): the answer values it takes, or null for typed text;
//   label(def, item, value): how an answer reads (records, Compare answers, skipped questions);
//   missing: how no answer reads in Compare answers;
//   asksReason(def, item, answer): the answer needs a reason before it counts as met;
//   keepsReason(def, item, answer): a reason given is kept with this answer;
//   withdrawn(def, item, answer): the answer is one the item used to offer and no longer does;
//   answerBlocks(def, item, entry): the answer in a record, as blocks (record-parts.js) }.
//
// Results: "unmet" is always there; the module of any other result kind loads before a tool that
// uses it is drawn, and adds its drawing here (and its interpreter to rules.js RESULTS).
import { drawUnmet } from "./result-unmet.js";
import { ITEM_KINDS, allItems } from "./rules.js";

const DRAW_RESULT = { unmet: drawUnmet };

// The module of each result kind beyond the "unmet" list.
const RESULT_MODULES = {
  template: () => import("./result-template.js"),
  rules: () => import("./result-rules.js"),
  score: () => import("./result-score.js"),
  catalogue: () => import("./result-catalogue.js"),
};

// An item kind's module, from the table esbuild makes of the files item-*.js (see above).
function loadItemKind(kind) {
  return import(`./item-${kind}.js`);
}

// Loads the modules the tool's kinds need (each once); rejects when one cannot be loaded.
function loadKinds(def) {
  const items = new Set(allItems(def).map((item) => item.kind));
  const results = new Set(def.results.map((result) => result.kind).filter((kind) => kind in RESULT_MODULES));
  return Promise.all([...[...items].filter((kind) => !Object.hasOwn(ITEM_KINDS, kind)).map(loadItemKind),
    ...[...results].map((kind) => RESULT_MODULES[kind]())]);
}

export { DRAW_RESULT, ITEM_KINDS, loadKinds };
