// The kinds of item and result a tool may use, and where each is drawn: one module per kind
// (item-*.js, result-*.js). Questions and the "unmet" list are always there; the module of any
// other kind loads before a tool that uses it is drawn (a tool page fetches only the kinds its own
// tool needs), and adds its drawing here (and a result's interpreter to rules.js RESULTS).
import { drawQuestion } from "./item-question.js";
import { drawUnmet } from "./result-unmet.js";
import { allItems, answerLabel } from "./rules.js";

const DRAW_ITEM = { question: drawQuestion };
// How each item kind's answer reads where people's answers are compared (compare.js): the words for
// no answer, and an answer's words.
const ANSWER_WORDS = { question: { missing: "Not answered", label: (def, item, answer) => answerLabel(def, answer) } };
const DRAW_RESULT = { unmet: drawUnmet };

// The module of each kind beyond questions and the "unmet" list.
const KIND_MODULES = {
  text: () => import("./item-text.js"),
  choice: () => import("./item-choice.js"),
  template: () => import("./result-template.js"),
  rules: () => import("./result-rules.js"),
  score: () => import("./result-score.js"),
  catalogue: () => import("./result-catalogue.js"),
};

// Loads the modules the tool's kinds need (each once); rejects when one cannot be loaded.
function loadKinds(def) {
  const kinds = new Set([...allItems(def), ...def.results].map((entry) => entry.kind).filter((kind) => kind in KIND_MODULES));
  return Promise.all([...kinds].map((kind) => KIND_MODULES[kind]()));
}

export { ANSWER_WORDS, DRAW_ITEM, DRAW_RESULT, loadKinds };
