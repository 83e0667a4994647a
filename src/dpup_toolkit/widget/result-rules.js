// The rules result (results.py): a recommendation worked out from the answers by the tool's rules.
// A tool page loads this module only when its tool has one (kinds.js).
import { h, linksLine } from "./dom.js";
import { resultFrame } from "./drawing.js";
import { DRAW_RESULT } from "./kinds.js";
import { RESULTS, answerOf, itemById } from "./rules.js";

function rulesResult(def, result, answers, shown) {
  const answer = (id) => (shown.has(id) ? answerOf(itemById(def, id), answers) : null);
  const asked = new Set(result.rules.flatMap((rule) => Object.keys(rule.when)));
  const waiting = [...asked].some((id) => shown.has(id) && !answer(id));
  const rule = waiting ? null : result.rules.find((candidate) => Object.entries(candidate.when)
    .every(([id, wanted]) => wanted.includes(answer(id))));
  const chosen = rule ? {
    title: rule.result.title,
    text: rule.result.text,
    links: rule.result.links.map((link) => ({ title: link.title, page: link.page })),
  } : null;
  return { kind: "rules", id: result.id, title: result.title, recommendation: chosen };
}

function drawRules(ctx, result, i) {
  const output = h("div", { className: "dpup-recommendation" });
  const node = resultFrame(ctx, result, i, output);
  function refresh(value) {
    const chosen = value.recommendation;
    output.replaceChildren(...(chosen ? [
      h("p", { className: "dpup-recommendation-title" }, "Recommended: ", h("strong", { text: chosen.title })),
      h("p", {}, h("strong", { text: "Why: " }), chosen.text),
      linksLine(chosen.links),
    ].filter(Boolean) : [h("p", { text: "Answer the questions above to see a recommendation." })]));
  }
  return { node, refresh };
}

RESULTS.rules = rulesResult;
DRAW_RESULT.rules = drawRules;

export { drawRules, rulesResult };
