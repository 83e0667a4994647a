// The kinds of item and result a tool may use, and where each is drawn. Questions and the "unmet"
// list are drawn by the modules here; the other kinds are in modules loaded before a tool that
// uses them is drawn (a tool page fetches only the kinds its own tool needs). Each of those adds
// its drawing here (and its interpreter to rules.js RESULTS) as it loads.
import { drawQuestion } from "./item-question.js";
import { drawUnmet } from "./result-unmet.js";
import { allItems } from "./rules.js";

const DRAW_ITEM = { question: drawQuestion };
const DRAW_RESULT = { unmet: drawUnmet };

const KIND_MODULES = {
  text: () => import("./text.js"),
  choice: () => import("./choice.js"),
};
const KIND_PARTS = { text: "text", template: "text", choice: "choice", rules: "choice", score: "choice", catalogue: "choice" };

// Loads the modules the tool's kinds need (each once); rejects when one cannot be loaded.
function loadKinds(def) {
  const parts = new Set([...allItems(def), ...def.results].map((entry) => KIND_PARTS[entry.kind]).filter(Boolean));
  return Promise.all([...parts].map((name) => KIND_MODULES[name]()));
}

export { DRAW_ITEM, DRAW_RESULT, loadKinds };
