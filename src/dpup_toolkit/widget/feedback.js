// Messages appear beside what the person used: after the row of the button they pressed or the
// file they chose (and take focus there), or after the item they were answering (focus stays).
// `nodes()`: the message elements, and the buttons offered with them, in order.
function placeFeedback(root, nodes) {
  let origin = null;
  let home = null; // what the messages follow at the top of the tool
  const remember = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const from = target && (target.closest(".dpup-item") || target.closest("button, input[type=file]"));
    if (!from || !root.contains(from)) return;
    origin = from;
    // A button's message comes while its click is handled; a chosen file's comes once it is read.
    if (!from.matches("input[type=file]")) setTimeout(() => { if (origin === from) origin = null; });
  };
  root.addEventListener("click", remember, true);
  root.addEventListener("change", remember, true);
  root.addEventListener("input", remember, true);
  for (const message of nodes().slice(0, 2)) message.setAttribute("tabindex", "-1");
  return {
    // Before waiting for something (a part of the tool to load): gives back a function that, once
    // the wait is over, puts the message of the control that asked beside that control again.
    keep() {
      const from = origin;
      return () => {
        origin = from;
        setTimeout(() => { if (origin === from) origin = null; });
      };
    },
    // Called as a message is about to be shown in `message`.
    place(message) {
      const from = origin;
      origin = null;
      const group = nodes().filter(Boolean);
      home = home || group[0].previousElementSibling;
      if (!from || !from.isConnected) {
        // Not caused here (loading, another tab): at the top of the tool, where it always was.
        if (home && home.isConnected && group[0].previousElementSibling !== home) home.after(...group);
        return;
      }
      const anchor = from.closest(".dpup-item") || from.closest(".dpup-buttons, p") || from;
      if (!group.some((node) => node.contains(anchor))) anchor.after(...group);
      if (!from.matches(".dpup-item")) queueMicrotask(() => { if (message.textContent) message.focus(); });
    },
  };
}

export { placeFeedback };
