// The catalogue result (results.py): the tools (and case studies) that fit the answers, for the
// navigator. A tool page loads this module only when its tool has one (kinds.js).
import { bookHref, h, linksLine } from "./dom.js";
import { resultFrame } from "./drawing.js";
import { DRAW_RESULT } from "./kinds.js";
import { RESULTS, answerOf, catalogueParts, itemById, optionLabel } from "./rules.js";

// What a catalogue asks about, as each entry lists it (engine/catalogue.py FIT_FIELDS).
const FIT_FIELDS = [["role", "roles"], ["stage", "stages"]];

// engine/catalogue.py made_for: how many of the offered roles and stages an entry is made for.
function madeFor(entry, offered) {
  return FIT_FIELDS.filter(([field]) => offered[field])
    .reduce((n, [field, listed]) => n + entry[listed].filter((value) => offered[field].includes(value)).length, 0);
}

// engine/catalogue.py rank_key: more chosen answers fitted first; then made for fewer roles and
// stages; then shorter (no time given counts as 0); then by id.
function rankKey(entry, chosen, offered) {
  const fits = FIT_FIELDS.filter(([field, listed]) => chosen[field] && entry[listed].includes(chosen[field])).length;
  return [-fits, madeFor(entry, offered), entry.minutes || 0, entry.id];
}

// Keys in order, as Python compares tuples; text by code point, as Python compares str (a case
// study's id is its file name, which may hold any character).
function compareKeys(a, b) {
  for (let i = 0; i < a.length; i += 1) {
    const [x, y] = typeof a[i] === "string" ? [[...a[i]].map((c) => c.codePointAt(0)), [...b[i]].map((c) => c.codePointAt(0))]
      : [[a[i]], [b[i]]];
    for (let j = 0; j < Math.min(x.length, y.length); j += 1) {
      if (x[j] !== y[j]) return x[j] < y[j] ? -1 : 1;
    }
    if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  }
  return 0;
}

// engine/catalogue.py fit_reason: why an entry is listed, in plain words.
function fitReason(entry, chosen, labels, offered) {
  const named = ([field]) => `your ${field} (${labels[field]})`;
  const fitted = FIT_FIELDS.filter(([field, listed]) => chosen[field] && entry[listed].includes(chosen[field])).map(named);
  const missed = FIT_FIELDS.filter(([field, listed]) => chosen[field] && !entry[listed].includes(chosen[field])).map(named);
  const text = `It fits ${fitted.join(" and ")}` + (missed.length ? `, but it is not made for ${missed.join(" or ")}.` : ".");
  const counts = FIT_FIELDS.filter(([field]) => offered[field]).map(([field, listed]) => {
    const n = entry[listed].filter((value) => offered[field].includes(value)).length;
    return n === offered[field].length ? `every ${field}` : `${n} of the ${offered[field].length} ${listed}`;
  });
  return `${text} It is made for ${counts.join(" and ")}.`;
}

// results.py catalogue: the tools (other than this one) and case studies that fit one or more of the
// chosen answers, ranked, each with which answers it fits and why; the first `best` tools fit all.
function catalogueResult(def, result, answers, shown) {
  const items = { role: result.by.role, stage: result.by.stage };
  const chosen = {};
  const offered = {};
  const labels = {};
  for (const [field, id] of Object.entries(items)) {
    chosen[field] = id && shown.has(id) ? answerOf(itemById(def, id), answers) : null;
    if (id) offered[field] = itemById(def, id).options.map((option) => option.value);
    if (chosen[field]) labels[field] = optionLabel(itemById(def, id), chosen[field]);
  }
  const wanted = Object.keys(chosen).filter((field) => chosen[field]);
  const fitted = (entry) => FIT_FIELDS.filter(([field, listed]) => wanted.includes(field) && entry[listed].includes(chosen[field]))
    .map(([field]) => field);
  const listed = (def.catalogue || []).filter((entry) => fitted(entry).length && !(entry.kind === "tool" && entry.id === def.id))
    .map((entry) => [rankKey(entry, chosen, offered), entry]).sort(([a], [b]) => compareKeys(a, b)).map(([, entry]) => entry);
  const ranked = (kind) => listed.filter((entry) => entry.kind === kind)
    .map((entry) => ({ id: entry.id, fits: fitted(entry), why: fitReason(entry, chosen, labels, offered) }));
  const tools = ranked("tool");
  return {
    kind: "catalogue", title: result.title, role: chosen.role, stage: chosen.stage,
    best: Math.min(result.lead, tools.filter((entry) => entry.fits.length === wanted.length).length),
    tools, cases: ranked("case"),
  };
}

// Each part of the result (rules.js catalogueParts): the best fits in the open, each with why; the
// rest, still in order, folded under a summary that says how many there are.
function drawCatalogue(ctx, result, i) {
  const output = h("div", { className: "dpup-catalogue" });
  const node = resultFrame(ctx, result, i, output);
  function entryNode(entry) {
    const href = bookHref(entry.page);
    return h("li", {}, href ? h("a", { href, text: entry.title }) : h("strong", { text: entry.title }),
      h("p", { text: entry.summary + (entry.minutes ? ` About ${entry.minutes} minutes.` : "") }),
      h("p", { className: "dpup-catalogue-why" }, h("strong", { text: "Why: " }), entry.why));
  }
  // A fold a person opened stays open when the answers change.
  const opened = new Set();
  output.addEventListener("toggle", (event) => {
    opened[event.target.open ? "add" : "delete"](event.target.dataset.part);
  }, true);
  function partNodes([heading, entries, none, folded]) {
    const list = entries.length
      ? h("ul", { className: `dpup-catalogue-list dpup-catalogue-${entries[0].kind}s` }, ...entries.map(entryNode))
      : h("p", { text: none });
    return folded ? [h("details", { className: "dpup-catalogue-more", "data-part": heading, open: opened.has(heading) },
      h("summary", { text: `${heading} (${entries.length})` }), list)] : [h("h3", { text: heading }), list];
  }
  function refresh(value) {
    if (!(value.role || value.stage)) {
      output.replaceChildren(h("p", { text: "Choose above to see the guides, tools and case studies that fit." }));
      return;
    }
    const guide = value.role ? linksLine([{
      title: `Guide for ${optionLabel(itemById(ctx.def, result.by.role), value.role)}`, page: `book/roles/${value.role}`,
    }], "Start with: ") : null;
    output.replaceChildren(...[guide, ...catalogueParts(ctx.def, value).flatMap(partNodes)].filter(Boolean));
  }
  return { node, refresh };
}

RESULTS.catalogue = catalogueResult;
DRAW_RESULT.catalogue = drawCatalogue;

export { catalogueResult, drawCatalogue };
