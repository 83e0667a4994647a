// The score result (results.py): a quiz's score. A tool page loads this module only when its tool
// has one (kinds.js).
import { h } from "./dom.js";
import { resultFrame } from "./drawing.js";
import { DRAW_RESULT } from "./kinds.js";
import { RESULTS, allItems, answerOf } from "./rules.js";

function scoreResult(def, result, answers, shown) {
  const quiz = allItems(def).filter((item) => shown.has(item.id) && item.kind === "choice" && item.correct);
  const correct = quiz.filter((item) => answerOf(item, answers) === item.correct).length;
  return { kind: "score", title: result.title, correct, total: quiz.length };
}

function drawScore(ctx, result, i) {
  const output = h("p", { className: "dpup-score", "aria-live": "polite" });
  const node = resultFrame(ctx, result, i, output);
  function refresh(value) {
    output.textContent = `${value.correct} of ${value.total} correct.`;
  }
  return { node, refresh };
}

RESULTS.score = scoreResult;
DRAW_RESULT.score = drawScore;

export { drawScore, scoreResult };
