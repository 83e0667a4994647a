// Loaded right after require.js on pages with a widget. It tells require.js where this site keeps
// the widget modules (and the widget manager's font files), so nothing is asked of a CDN.
(function () {
  var here = document.currentScript.src.replace(/[^/]*$/, "");
  require.config({
    paths: {
      anywidget: here + "anywidget",
      // Modules bundled in embed-amd.js find their font files beside their own URL.
      "@jupyter-widgets": here + "html-manager",
      "@jupyter-widgets/html-manager/dist": here + "html-manager",
    },
  });
})();
