// Draws each tool's form as HTML at build time (prerender.py), with the widget's own render code
// (widget/checklist.js and the modules it imports) in a small DOM (linkedom, pinned in
// package.json): a tool page then shows its form with the page's first paint, before any script
// runs.
//
// Usage: node prerender.mjs <form.json> <checklist.js>, where form.json is {state, url, root}: a
// widget's model state (its definition, and any answers the page fills in), the page's address
// and its way to the site root (the page's data-content_root), and checklist.js is the widget's
// entry module (front_end.ENTRY). Prints the form's HTML. One form a run: the widget numbers the forms it
// draws on a page. Nothing is read from or written to storage.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseHTML } from "linkedom";

const { state, url, root } = JSON.parse(readFileSync(process.argv[2], "utf8"));

function emptyStorage() {
  return { length: 0, key: () => null, getItem: () => null, setItem() {}, removeItem() {} };
}

// What the widget asks of a browser, in a page of its own.
function browserFor(url, root) {
  const { window, document } = parseHTML('<!DOCTYPE html><html lang="en"><head></head><body><main></main></body></html>');
  document.documentElement.dataset.content_root = root;
  // linkedom's <select> has no value setter; the widget sets one when it draws a choice list. As
  // in a browser, choosing an option by value leaves the HTML as it is.
  const select = Object.getPrototypeOf(document.createElement("select"));
  const chosen = new WeakMap();
  Object.defineProperty(select, "value", {
    configurable: true,
    get() { return chosen.get(this) ?? this.querySelector("option")?.value ?? ""; },
    set(value) { chosen.set(this, String(value)); },
  });
  // Nor does its <progress> reflect max and value as a browser's does.
  const progress = Object.getPrototypeOf(document.createElement("progress"));
  for (const name of ["max", "value"]) {
    Object.defineProperty(progress, name, {
      configurable: true,
      get() { return Number(this.getAttribute(name) ?? (name === "max" ? 1 : 0)); },
      set(value) { this.setAttribute(name, String(value)); },
    });
  }
  const location = new URL(url);
  Object.assign(window, { localStorage: emptyStorage(), location, isSecureContext: true });
  Object.assign(globalThis, {
    window, document, location, navigator: {},
    ResizeObserver: class { observe() {} unobserve() {} disconnect() {} },
    getComputedStyle: () => ({ getPropertyValue: () => "", height: "0px" }),
    requestAnimationFrame: (callback) => setTimeout(callback, 0),
  });
  return document;
}

class Model {
  constructor(state) { this.state = { ...state }; }
  get(name) { return this.state[name]; }
  set(name, value) { this.state[name] = value; }
  on() {}
  off() {}
  save_changes() {}
  send() {}
}

const document = browserFor(url, root);
const { default: widget } = await import(pathToFileURL(process.argv[3]).href);
const el = document.createElement("div");
el.className = "static-widget";
document.querySelector("main").append(el);
await widget.render({ model: new Model(state), el });
await new Promise((resolve) => setTimeout(resolve, 0)); // what the widget queues after drawing
// A case study fills in answers: a chosen option is written as the HTML a browser shows checked
// (linkedom keeps `checked` as a property only; a textarea's value it already writes as its text).
for (const field of el.querySelectorAll("input")) {
  if (field.checked) field.setAttribute("checked", "");
}
process.stdout.write(el.innerHTML);
