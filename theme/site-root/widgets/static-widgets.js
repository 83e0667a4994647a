// Runs the anywidget widgets of a built page, with no kernel (static-runtime.js draws them).
//
// A tool page comes with its form already drawn (src/dpup_toolkit/site/prerender.py): a
// `div.static-widget[data-drawn]` before the widget's view, and the widget state in a file that
// the state script names (`data-src`). The drawn form is plain HTML that works as such. This small
// script waits: when a person starts to use the page (points at, touches, focuses, types in or
// scrolls it, or prints it), or at once when this browser has saved answers for the tool, it
// loads the runtime and the widget's code, which draw the live form and put it in the drawn one's
// place with what the person did meanwhile. Any other widget is drawn at once.
(function () {
  "use strict";

  var STATE = 'script[type="application/vnd.jupyter.widget-state+json"]';
  var VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';
  var STORAGE = "dpup-toolkit:";
  var WAKE_ON = ["pointerover", "pointerdown", "touchstart", "focusin", "keydown", "input", "change", "wheel"];
  var WAKE_ON_WINDOW = ["scroll", "beforeprint", "hashchange"];
  // static-widgets.js and static-runtime.js are built together (minify.version_runtime writes the
  // version), in the site's widgets/ folder.
  var RUNTIME = new URL((document.documentElement.dataset.content_root || "") + "widgets/static-runtime.js?v=__RUNTIME_VERSION__",
    document.baseURI).href;

  // A press (of a pointer or a key) is never split between the drawn form and the live one: the
  // live form waits until the press is over and its click has happened.
  var pressed = false;
  var waiting = [];
  function released() {
    pressed = false;
    setTimeout(function () { waiting.splice(0).forEach(function (resolve) { resolve(); }); });
  }
  function ready() {
    return pressed ? new Promise(function (resolve) { waiting.push(resolve); }) : Promise.resolve();
  }

  // Saved answers or saved checks of this tool: the keys checklist.js writes (storageKey, checkStore,
  // checksKey there), looked for without loading it.
  function hasSaved(tool) {
    try {
      for (var i = 0; i < localStorage.length; i += 1) {
        var key = localStorage.key(i) || "";
        if (key.indexOf(STORAGE + "checklist:" + tool + ":") === 0 || key.indexOf(STORAGE + "checklist:" + tool + "~") === 0
            || key === STORAGE + "checks:" + tool) return true;
      }
    } catch (error) {
      return false; // storage is off: nothing saved to show
    }
    return false;
  }

  function failed(drawn) {
    return function (error) {
      console.error(error);
      if (!drawn || !drawn.isConnected) return;
      var message = document.createElement("p");
      message.className = "dpup-message dpup-message-error";
      message.setAttribute("role", "alert");
      message.textContent = "This tool could not be loaded (are you offline?). Reload the page to try again.";
      drawn.prepend(message);
    };
  }

  function watch(viewTag, stateTag, drawn) {
    // The drawn form prints where the page is online (it was drawn at build time, with no address).
    var source = drawn.querySelector(".dpup-print-source");
    if (source) source.textContent = "Online: " + location.origin + location.pathname;
    // A button or a link to a place in the form does only part of its work in the drawn form: the
    // live form's is pressed as well.
    var button = null;
    drawn.addEventListener("click", function (event) {
      button = (event.target instanceof Element && event.target.closest('button, a[href^="#"]')) || button;
    }, true);
    var started = false;
    function wake() {
      if (started) return;
      started = true;
      WAKE_ON.forEach(function (type) { drawn.removeEventListener(type, wake, true); });
      WAKE_ON_WINDOW.forEach(function (type) { window.removeEventListener(type, wake); });
      import(RUNTIME).then(function (runtime) {
        return runtime.show(viewTag, stateTag, drawn, ready, function () { return button; }, linked);
      }).catch(failed(drawn));
    }
    // At once when this browser has saved answers for the tool, or the address leads into the form.
    var linked = false;
    try {
      var target = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      linked = Boolean(target && drawn.contains(target));
    } catch (error) {
      linked = false; // an address with a broken escape leads nowhere in the form
    }
    if (hasSaved(drawn.dataset.drawn) || linked) return wake();
    WAKE_ON.forEach(function (type) { drawn.addEventListener(type, wake, { capture: true, passive: true }); });
    WAKE_ON_WINDOW.forEach(function (type) { window.addEventListener(type, wake, { passive: true }); });
    // Answers saved in another tab of this tool: the live form shows them.
    window.addEventListener("storage", function () {
      if (hasSaved(drawn.dataset.drawn)) wake();
    });
  }

  function followPresses() {
    document.addEventListener("pointerdown", function () { pressed = true; }, true);
    document.addEventListener("keydown", function () { pressed = true; }, true);
    ["pointerup", "pointercancel", "keyup"].forEach(function (type) { document.addEventListener(type, released, true); });
  }

  // Every page runs this script (it is part of the site's script bundle, bundle.py); a page with
  // no widget has no view to draw, and nothing happens.
  function start() {
    var stateTag = document.querySelector(STATE);
    var following = false;
    document.querySelectorAll(VIEW).forEach(function (viewTag) {
      var drawn = viewTag.previousElementSibling;
      if (drawn && drawn.matches(".static-widget[data-drawn]")) {
        if (!following) followPresses();
        following = true;
        watch(viewTag, stateTag, drawn);
      } else {
        import(RUNTIME).then(function (runtime) { return runtime.show(viewTag, stateTag); }).catch(failed(null));
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
