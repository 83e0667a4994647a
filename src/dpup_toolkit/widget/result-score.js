// The score result (results.py): a quiz's score. A tool page loads this module only when its tool
// has one (kinds.js).
import { h } from "./dom.js";
import { resultFrame } from "./drawing.js";
import { DRAW_RESULT } from "./kinds.js";
import { RESULTS, allItems, answerOf, itemById } from "./rules.js";

function scoreResult(def, result, answers, shown) {
  const quiz = allItems(def).filter((item) => shown.has(item.id) && item.correct); // items with a right answer
  const correct = quiz.filter((item) => answerOf(item, answers) === item.correct).length;
  const wrong = quiz.filter((item) => ![null, item.correct].includes(answerOf(item, answers))).map((item) => item.id);
  return { kind: "score", title: result.title, correct, total: quiz.length, wrong };
}

function drawScore(ctx, result, i) {
  const output = h("p", { className: "dpup-score", "aria-live": "polite" });
  const missed = h("div", { className: "dpup-score-missed" });
  const node = resultFrame(ctx, result, i, output, missed);
  function refresh(value) {
    output.textContent = `${value.correct} of ${value.total} correct.`;
    missed.replaceChildren(...(value.wrong.length ? [
      h("p", { text: "Questions you answered wrongly (each says the right answer):" }),
      h("ul", {}, ...value.wrong.map((id) => h("li", {},
        h("a", { href: `#${ctx.id(itemById(ctx.def, id))}`, text: itemById(ctx.def, id).prompt })))),
    ] : []));
  }
  return { node, refresh };
}

RESULTS.score = scoreResult;
DRAW_RESULT.score = drawScore;

export { drawScore, scoreResult };
