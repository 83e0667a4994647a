// The rules result (results.py): a recommendation worked out from the answers by the tool's rules.
// A tool page loads this module only when its tool has one (kinds.js).
import { h, linksLine } from "./dom.js";
import { resultFrame } from "./drawing.js";
import { DRAW_RESULT } from "./kinds.js";
import { RESULTS, allItems, answerOf, becauseLines, itemById } from "./rules.js";

// `because`: the answers the chosen rule asks about, in the tool's order (results.py rules); a
// condition that takes every option decides nothing and is left out.
function rulesResult(def, result, answers, shown) {
  const answer = (id) => (shown.has(id) ? answerOf(itemById(def, id), answers) : null);
  const asked = new Set(result.rules.flatMap((rule) => Object.keys(rule.when)));
  const waiting = [...asked].some((id) => shown.has(id) && !answer(id));
  const rule = waiting ? null : result.rules.find((candidate) => Object.entries(candidate.when)
    .every(([id, wanted]) => wanted.includes(answer(id))));
  const deciding = rule ? Object.entries(rule.when)
    .filter(([id, wanted]) => new Set(wanted).size < itemById(def, id).options.length).map(([id]) => id) : [];
  const chosen = rule ? {
    title: rule.result.title,
    text: rule.result.text,
    because: allItems(def).filter((item) => deciding.includes(item.id)).map((item) => ({ item: item.id, answer: answer(item.id) })),
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
      ...(chosen.because.length ? [
        h("p", { className: "dpup-because-lead" }, h("strong", { text: "Because you said:" })),
        h("ul", { className: "dpup-because" }, ...becauseLines(ctx.def, chosen.because)
          .map(([prompt, joint, answer]) => h("li", {}, prompt + joint, h("strong", { text: answer })))),
      ] : []),
      h("p", {}, h("strong", { text: "Why: " }), chosen.text),
      linksLine(chosen.links),
    ].filter(Boolean) : [h("p", { text: "Answer the questions above to see a recommendation." })]));
  }
  return { node, refresh };
}

RESULTS.rules = rulesResult;
DRAW_RESULT.rules = drawRules;

export { drawRules, rulesResult };
