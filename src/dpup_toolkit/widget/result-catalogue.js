// The catalogue result (results.py): the tools (and case studies) that fit the answers, for the
// navigator. A tool page loads this module only when its tool has one (kinds.js).
import { bookHref, h, linksLine } from "./dom.js";
import { resultFrame } from "./drawing.js";
import { DRAW_RESULT } from "./kinds.js";
import { RESULTS, answerOf, catalogueParts, itemById, optionLabel } from "./rules.js";

function catalogueResult(def, result, answers, shown) {
  const answer = (id) => (id && shown.has(id) ? answerOf(itemById(def, id), answers) : null);
  const role = answer(result.by.role);
  const stage = answer(result.by.stage);
  const fits = !(role || stage) ? [] : (def.catalogue || [])
    .filter((entry) => (!role || entry.roles.includes(role)) && (!stage || entry.stages.includes(stage)));
  return {
    kind: "catalogue", title: result.title, role, stage,
    tools: fits.filter((entry) => entry.kind === "tool" && entry.id !== def.id).map((entry) => entry.id),
    cases: fits.filter((entry) => entry.kind === "case").map((entry) => entry.id),
  };
}

function drawCatalogue(ctx, result, i) {
  const output = h("div", { className: "dpup-catalogue" });
  const node = resultFrame(ctx, result, i, output);
  function entryNode(entry) {
    const href = bookHref(entry.page);
    return h("li", {}, href ? h("a", { href, text: entry.title }) : h("strong", { text: entry.title }),
      h("p", { text: entry.summary + (entry.minutes ? ` About ${entry.minutes} minutes.` : "") }));
  }
  function refresh(value) {
    if (!(value.role || value.stage)) {
      output.replaceChildren(h("p", { text: "Choose above to see the guides, tools and case studies that fit." }));
      return;
    }
    const guide = value.role ? linksLine([{
      title: `Guide for ${optionLabel(itemById(ctx.def, result.by.role), value.role)}`, page: `book/roles/${value.role}`,
    }], "Start with: ") : null;
    const parts = catalogueParts(ctx.def, value).flatMap(([heading, entries, none]) => [
      h("h3", { text: heading }),
      entries.length ? h("ul", { className: `dpup-catalogue-list dpup-catalogue-${entries[0].kind}s` }, ...entries.map(entryNode))
        : h("p", { text: none }),
    ]);
    output.replaceChildren(...[guide, ...parts].filter(Boolean));
  }
  return { node, refresh };
}

RESULTS.catalogue = catalogueResult;
DRAW_RESULT.catalogue = drawCatalogue;

export { catalogueResult, drawCatalogue };
