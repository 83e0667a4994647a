// Keeps a copy of the toolkit in this browser so it works with no signal (see sw.js at the site
// root), and says so quietly when a newer version is ready. Nothing here reads what you type.
(() => {
  if (!("serviceWorker" in navigator)) return;
  const workerUrl = new URL("../sw.js", document.currentScript.src);
  let notice = null;
  let chosen = false;

  function offerReload(waiting) {
    if (!notice || notice.childElementCount) return;
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Reload";
    button.addEventListener("click", () => {
      chosen = true;
      waiting.postMessage("use-new-build");
    });
    notice.append("Updated — ", button);
    notice.hidden = false;
  }

  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (chosen || document.visibilityState === "hidden") location.reload();
  });

  window.addEventListener("load", () => {
    notice = document.createElement("div");
    notice.className = "dpup-update";
    notice.setAttribute("role", "status");
    notice.hidden = true;
    document.body.append(notice);
    navigator.serviceWorker.register(workerUrl.href).then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) offerReload(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const incoming = registration.installing;
        incoming.addEventListener("statechange", () => {
          if (incoming.state === "installed" && navigator.serviceWorker.controller) offerReload(incoming);
        });
      });
    }).catch(() => {});  // no offline copy here (a private window, say): the site works as before
  });
})();
