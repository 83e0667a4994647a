// Draws the anywidget widgets of a built page, with no kernel and no widget manager; loaded by
// static-widgets.js when a page's widgets are to be drawn (see there).
//
// myst-nb writes each executed notebook's widget state into the page as JSON, and a
// "widget-view" script where each widget was displayed. The generic ipywidgets runtime that
// normally draws them is megabytes of JavaScript; an anywidget only needs its own ES module (the
// `_esm` in its state, or the file `_esm_file` names) and a model with get/set/on/off/save_changes.
// This module gives it that, and nothing else. JupyterLab and Voila keep the standard runtime
// with a live kernel.

class StaticModel {
  constructor(state) {
    this.state = { ...state };
    this.listeners = {};
  }

  get(name) {
    return this.state[name];
  }

  set(name, value) {
    this.state[name] = value;
    for (const callback of (this.listeners[`change:${name}`] || []).slice()) callback();
  }

  on(event, callback) {
    (this.listeners[event] = this.listeners[event] || []).push(callback);
  }

  off(event, callback) {
    if (!event) {
      this.listeners = {};
      return;
    }
    this.listeners[event] = callback ? (this.listeners[event] || []).filter((c) => c !== callback) : [];
  }

  // A static page has no kernel to send anything to.
  save_changes() {}

  send() {}
}

// The module embedded in the state, or (the toolkit's own widget, minify.py) a file of this site
// named by `_esm_file` from the site root, which can load its parts from beside it.
function importModule(state) {
  if (state._esm_file) {
    const root = document.documentElement.dataset.content_root || "";
    return import(new URL(root + state._esm_file, document.baseURI).href);
  }
  const url = URL.createObjectURL(new Blob([state._esm], { type: "text/javascript" }));
  return import(url).finally(() => URL.revokeObjectURL(url));
}

function addStyle(id, css) {
  if (!css || document.querySelector(`style[data-widget-model="${id}"]`)) return;
  const style = document.createElement("style");
  style.dataset.widgetModel = id;
  style.textContent = css;
  document.head.appendChild(style);
}

// The page's widget state: in its state script, or in the file that script names (a tool page).
let models = null;
function loadModels(stateTag) {
  if (!models) {
    models = !stateTag ? Promise.resolve({})
      : !stateTag.dataset.src ? Promise.resolve(JSON.parse(stateTag.textContent).state)
        : fetch(new URL(stateTag.dataset.src, document.baseURI)).then((response) => {
          if (!response.ok) throw new Error(`static-runtime.js: ${response.status} for ${response.url}`);
          return response.json();
        }).then((state) => state.state);
  }
  return models;
}

// The page's copy-link buttons on headings (navigation.js) are not the form's: the drawn form has
// them by the time a person acts, the live one only a frame later.
const HEADING_LINKS = ".dpup-heading-link, .dpup-heading-link *, .dpup-link-copied";
const formElements = (root) => [...root.getElementsByTagName("*")].filter((element) => !element.matches(HEADING_LINKS));

// The element of `to` where `element` is in `from`: the same id, or the same place in the form.
function counterpart(element, from, to) {
  if (element.id) return to.querySelector(`#${CSS.escape(element.id)}`);
  const index = formElements(from).indexOf(element);
  const found = index < 0 ? null : formElements(to)[index];
  return found && found.tagName === element.tagName ? found : null;
}

function changedFrom(field) {
  if (field.type === "radio" || field.type === "checkbox") return field.checked !== field.defaultChecked;
  if (field.tagName === "SELECT") return [...field.options].some((option) => option.selected !== option.defaultSelected);
  if (field.type === "file") return field.files.length > 0;
  return field.value !== field.defaultValue;
}

// The live form takes the drawn form's place, with what the person did in it: answers chosen,
// text typed and files chosen (taken in as their input: saved, and what follows updated),
// sections opened, the focus and the caret, and the button or link they pressed (pressed again in
// the live form).
function takeOver(drawn, live, button, linked) {
  const active = drawn.contains(document.activeElement) ? document.activeElement : null;
  const caret = active && typeof active.selectionStart === "number"
    ? [active.selectionStart, active.selectionEnd, active.selectionDirection] : null;
  const focus = active && counterpart(active, drawn, live);
  const opened = [...drawn.querySelectorAll("details")].filter((d) => d.open).map((d) => counterpart(d, drawn, live));
  const changed = [...drawn.querySelectorAll("input, textarea, select")].filter(changedFrom)
    .map((field) => [field, counterpart(field, drawn, live)]);
  drawn.replaceWith(live);
  for (const details of opened) if (details) details.open = true;
  for (const [field, now] of changed) {
    if (!now) continue;
    if (field.type === "radio" || field.type === "checkbox") now.checked = field.checked;
    else if (field.type === "file") now.files = field.files;
    else now.value = field.value;
    now.dispatchEvent(new Event("input", { bubbles: true }));
    now.dispatchEvent(new Event("change", { bubbles: true }));
  }
  if (focus) {
    focus.focus({ preventScroll: true });
    if (caret && typeof focus.setSelectionRange === "function") focus.setSelectionRange(...caret);
  }
  const press = button && counterpart(button, drawn, live);
  if (press) press.click();
  // Opened at a place in the form (#...): the place, again, once the live form has measured its
  // bar (it lands just below it).
  const place = linked && live.querySelector(`#${CSS.escape(decodeURIComponent(location.hash.slice(1)))}`);
  if (place) requestAnimationFrame(() => requestAnimationFrame(() => place.scrollIntoView()));
}

// Draws the widget of `viewTag`. Given the form drawn for it at build time, draws it apart and,
// once `ready()` says no press is under way, puts it in the drawn form's place (takeOver);
// `button()` names the button or link last pressed in the drawn form; `linked` says the page was
// opened at a place in the form.
export async function show(viewTag, stateTag, drawn = null, ready = async () => {}, button = () => null, linked = false) {
  const view = JSON.parse(viewTag.textContent);
  const entry = (await loadModels(stateTag))[view.model_id];
  const el = document.createElement("div");
  el.className = "static-widget";
  if (!drawn) viewTag.parentNode.insertBefore(el, viewTag);
  if (!entry || entry.model_name !== "AnyModel") {
    el.textContent = "This interactive part of the page cannot be shown here.";
    throw new Error(`static-runtime.js: no anywidget state for view ${view.model_id}`);
  }
  const model = new StaticModel(entry.state);
  addStyle(view.model_id, entry.state._css);
  const module = await importModule(entry.state);
  const widget = typeof module.default === "function" ? await module.default() : module.default;
  if (widget.initialize) await widget.initialize({ model });
  await widget.render({ model, el });
  if (drawn) {
    await ready();
    takeOver(drawn, el, button(), linked);
  }
}
