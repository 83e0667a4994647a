// The "unmet" result: what to do next, one entry for each question not met (results.py). Returns
// { node, refresh(value, answers) }, as every result kind.
import { h } from "./dom.js";
import { resultFrame } from "./drawing.js";
import { NEEDS_REASON, itemById, needsReason } from "./rules.js";

function drawUnmet(ctx, result, i) {
  const list = h("ol", { className: "dpup-next-list" });
  const none = h("p", { text: "Nothing is marked as not met yet. Answer “No” to a question and it shows here with what to do." });
  const node = resultFrame(ctx, result, i, none, list);
  node.classList.add("dpup-next");
  function refresh(value, answers = {}) {
    list.replaceChildren(...value.items.map((id) => {
      const item = itemById(ctx.def, id);
      const needs = needsReason(ctx.def, item, answers[id]);
      const note = ctx.noteOf(id);
      return h("li", { className: needs ? "dpup-needs-reason" : null }, h("a", { href: `#${ctx.id(item)}`, text: item.prompt }),
        h("p", {}, needs ? h("strong", { text: "Needs a reason: " }) : null, needs ? NEEDS_REASON : item.action),
        h("p", { className: "dpup-print-only dpup-print-note", text: note ? `Your note: ${note}` : "" }));
    }));
    list.hidden = !value.items.length;
    none.hidden = Boolean(value.items.length);
  }
  return { node, refresh };
}

export { drawUnmet };
