// Te reo Māori words marked with their language as a tool draws and redraws them, so screen
// readers say them in te reo Māori (WCAG 3.1.2). The same rules as te_reo.py, which marks the
// built pages; the words come from te_reo.yml, as the widget's `te_reo` (checklist.py).
//
// A word is matched whole and not as part of an address, with or without a capital first letter,
// longer phrases first. Text in code, form fields and anything already in another language is
// left alone. A watcher marks whatever the tool draws next, so the tool's own code needs no change.

const TE_REO_SKIP = "script, style, code, pre, kbd, samp, var, title, textarea, option, select, svg, math, template";

function teReoEscape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// One term: its first letter in either case, spaces as any run of white space.
function teReoTermSource(term) {
  const first = term[0];
  const rest = term.slice(1).split(" ").map(teReoEscape).join("\\s+");
  return `[${teReoEscape(first.toUpperCase())}${teReoEscape(first.toLowerCase())}]${rest}`;
}

function teReoPattern(terms) {
  const sorted = [...terms].sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : 1));
  const word = "[\\p{L}\\p{M}\\p{N}_]";
  const alternatives = sorted.map((t) => `(${teReoTermSource(t.term)})`).join("|");
  return {
    pattern: new RegExp(`(?<!${word}|[/#@])(?:${alternatives})(?!${word}|[/@]|\\.${word})`, "gu"),
    langs: sorted.map((t) => t.lang || "mi"),
  };
}

// Whether a text node is prose in English (or in no stated language) that may be marked.
function teReoMarkable(node) {
  const parent = node.parentElement;
  if (parent === null || parent.closest(TE_REO_SKIP)) return false;
  const stated = parent.closest("[lang]");
  return stated === null || stated.lang === "" || stated.lang.toLowerCase().startsWith("en");
}

function markTeReoNode(node, { pattern, langs }) {
  const text = node.data;
  pattern.lastIndex = 0;
  if (!pattern.test(text)) return;
  pattern.lastIndex = 0;
  const parts = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) parts.push(text.slice(at, match.index));
    const span = node.ownerDocument.createElement("span");
    span.lang = langs[match.slice(1).findIndex((group) => group !== undefined)];
    span.textContent = match[0];
    parts.push(span);
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  node.replaceWith(...parts);
}

// Mark every listed term under `root` (an element or a text node).
function markTeReo(root, compiled) {
  if (root.nodeType === 3) {
    if (teReoMarkable(root)) markTeReoNode(root, compiled);
    return;
  }
  if (root.nodeType !== 1) return;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const found = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (teReoMarkable(node)) found.push(node);
  }
  for (const node of found) markTeReoNode(node, compiled);
}

// Mark the terms in `el` now and whenever it changes (drawn apart from the page or in it);
// returns a function that stops watching.
function watchTeReo(el, terms) {
  if (!Array.isArray(terms) || terms.length === 0) return () => {};
  const compiled = teReoPattern(terms);
  markTeReo(el, compiled);
  if (typeof MutationObserver === "undefined") return () => {};
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "characterData") markTeReo(record.target, compiled);
      else for (const node of record.addedNodes) if (el.contains(node)) markTeReo(node, compiled); // still there
    }
  });
  observer.observe(el, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}

export { markTeReo, teReoPattern, watchTeReo };
