// Choice items, and the results worked out from choices (results.py): a recommendation by rules,
// a quiz score, and the tools that fit (the navigator). A tool page loads this
// module only when its tool has these kinds (kinds.js).
import { bookHref, h, linksLine } from "./dom.js";
import { noteField, radioGroup, resultFrame } from "./drawing.js";
import { DRAW_ITEM, DRAW_RESULT } from "./kinds.js";
import { RESULTS, allItems, answerOf, catalogueParts, itemById, optionLabel } from "./rules.js";

function drawChoice(ctx, item) {
  const id = ctx.id(item);
  // A live region is announced only if it is on the page before its text changes: it stays in the
  // page from the start, empty (and takes no room: see .dpup-guidance:empty), never hidden.
  const feedback = h("div", { className: "dpup-guidance", id: `${id}--guidance`, "aria-live": "polite" });
  const { note, label } = noteField(ctx, item);
  const printAnswer = h("p", { className: "dpup-print-only dpup-print-answer" });
  const printNote = h("p", { className: "dpup-print-only dpup-print-note" });
  const options = radioGroup(ctx, item, item.options);
  const node = h("fieldset", { className: "dpup-item dpup-choice", id, "aria-describedby": `${id}--help` },
    h("legend", { text: item.prompt }),
    h("p", { className: "dpup-help", id: `${id}--help`, text: item.help }),
    options.node, feedback, label, note, printAnswer, printNote, linksLine(item.links));
  function refresh(entry) {
    for (const radio of options.radios) radio.checked = radio.value === entry.answer;
    if (document.activeElement !== note) note.value = entry.note || "";
    const chosen = item.options.find((option) => option.value === entry.answer);
    feedback.replaceChildren();
    if (chosen && item.correct) {
      feedback.append(h("p", { className: "dpup-verdict" }, h("strong", {
        text: chosen.value === item.correct ? "Correct." : `Not correct. The right answer is: ${optionLabel(item, item.correct)}.`,
      })));
    }
    if (chosen && chosen.explanation) feedback.append(h("p", { text: chosen.explanation }));
    printAnswer.textContent = `Answer: ${chosen ? chosen.label : "Not answered"}`;
    printNote.textContent = entry.note ? `Note: ${entry.note}` : "";
    node.classList.toggle("dpup-answered", Boolean(chosen)); // print shows tick boxes until then
  }
  return { item, node, refresh };
}

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

function scoreResult(def, result, answers, shown) {
  const quiz = allItems(def).filter((item) => shown.has(item.id) && item.kind === "choice" && item.correct);
  const correct = quiz.filter((item) => answerOf(item, answers) === item.correct).length;
  return { kind: "score", title: result.title, correct, total: quiz.length };
}

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

function drawScore(ctx, result, i) {
  const output = h("p", { className: "dpup-score", "aria-live": "polite" });
  const node = resultFrame(ctx, result, i, output);
  function refresh(value) {
    output.textContent = `${value.correct} of ${value.total} correct.`;
  }
  return { node, refresh };
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

Object.assign(RESULTS, { rules: rulesResult, score: scoreResult, catalogue: catalogueResult });
DRAW_ITEM.choice = drawChoice;
Object.assign(DRAW_RESULT, { rules: drawRules, score: drawScore, catalogue: drawCatalogue });

export { catalogueResult, drawCatalogue, drawChoice, drawRules, drawScore, rulesResult, scoreResult };
