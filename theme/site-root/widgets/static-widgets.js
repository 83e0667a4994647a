// Runs the anywidget widgets embedded in a built page, with no kernel and no widget manager.
//
// myst-nb writes each executed notebook's widget state into the page as JSON, and a
// "widget-view" script where each widget was displayed. The generic ipywidgets runtime that
// normally draws them is megabytes of JavaScript; an anywidget only needs its own ES module (the
// `_esm` in its state, or the file `_esm_file` names) and a model with get/set/on/off/save_changes.
// This script gives it that, and nothing else. JupyterLab and Voila keep the standard runtime with a live kernel.
(function () {
  "use strict";

  var STATE = 'script[type="application/vnd.jupyter.widget-state+json"]';
  var VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';

  function StaticModel(state) {
    this.state = Object.assign({}, state);
    this.listeners = {};
  }
  StaticModel.prototype.get = function (name) {
    return this.state[name];
  };
  StaticModel.prototype.set = function (name, value) {
    this.state[name] = value;
    (this.listeners["change:" + name] || []).slice().forEach(function (callback) { callback(); });
  };
  StaticModel.prototype.on = function (event, callback) {
    (this.listeners[event] = this.listeners[event] || []).push(callback);
  };
  StaticModel.prototype.off = function (event, callback) {
    if (!event) { this.listeners = {}; return; }
    this.listeners[event] = callback ? (this.listeners[event] || []).filter(function (c) { return c !== callback; }) : [];
  };
  // A static page has no kernel to send anything to.
  StaticModel.prototype.save_changes = function () {};
  StaticModel.prototype.send = function () {};

  // The module embedded in the state, or (the toolkit's own widget, minify.py) a file of this site
  // named by `_esm_file` from the site root, which can load its parts from beside it.
  function importModule(state) {
    if (state._esm_file) {
      var root = document.documentElement.dataset.content_root || "";
      return import(new URL(root + state._esm_file, document.baseURI).href);
    }
    var url = URL.createObjectURL(new Blob([state._esm], { type: "text/javascript" }));
    return import(url).finally(function () { URL.revokeObjectURL(url); });
  }

  function addStyle(id, css) {
    if (!css || document.querySelector('style[data-widget-model="' + id + '"]')) return;
    var style = document.createElement("style");
    style.dataset.widgetModel = id;
    style.textContent = css;
    document.head.appendChild(style);
  }

  async function show(viewTag, models) {
    var view = JSON.parse(viewTag.textContent);
    var entry = models[view.model_id];
    var el = document.createElement("div");
    el.className = "static-widget";
    viewTag.parentNode.insertBefore(el, viewTag);
    if (!entry || entry.model_name !== "AnyModel") {
      el.textContent = "This interactive part of the page cannot be shown here.";
      throw new Error("static-widgets.js: no anywidget state for view " + view.model_id);
    }
    var model = new StaticModel(entry.state);
    addStyle(view.model_id, entry.state._css);
    var module = await importModule(entry.state);
    var widget = typeof module.default === "function" ? await module.default() : module.default;
    if (widget.initialize) await widget.initialize({ model: model });
    await widget.render({ model: model, el: el });
  }

  function start() {
    var stateTag = document.querySelector(STATE);
    var models = stateTag ? JSON.parse(stateTag.textContent).state : {};
    document.querySelectorAll(VIEW).forEach(function (viewTag) {
      show(viewTag, models).catch(function (error) { console.error(error); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
