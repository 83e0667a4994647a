// "About this check": what is being checked, who completed it, when to review it. Asked beside
// "Keep a record", where a person needs them (the questions come first on the screen; on paper the
// details stay at the top), kept with the answers (the session saves them) and in every record.
import { h } from "./dom.js";
import { ABOUT_FIELDS, aboutLines, cleanAbout } from "./rules.js";

const LABELS = { what: "What are you checking?", completed_by: "Completed by", review_by: "Review by (optional)" };

// Returns { node, show() (the session's details changed) }.
function drawAbout(uiId, session) {
  const inputs = {
    what: h("input", { type: "text", id: uiId("what"), className: "dpup-field", "aria-describedby": uiId("what-help") }),
    completed_by: h("input", { type: "text", id: uiId("completed-by"), className: "dpup-field", autocomplete: "name" }),
    review_by: h("input", { type: "date", id: uiId("review-by"), className: "dpup-field dpup-date" }),
  };
  const printed = h("ul", { className: "dpup-print-only dpup-about-print" });
  const node = h("section", { className: "dpup-about", "aria-labelledby": uiId("about") },
    h("h2", { id: uiId("about"), text: "About this check" }),
    h("p", { className: "dpup-about-intro", text: "These details go in your record." }),
    ...ABOUT_FIELDS.map((field) => h("p", { className: "dpup-about-field" },
      h("label", { for: inputs[field].id, text: LABELS[field] }),
      field === "what" ? h("span", { className: "dpup-help", id: uiId("what-help"),
        text: "For example, the programme, service or project. Do not enter a person's name or details about them." }) : null,
      inputs[field])),
    printed);

  function print() {
    // On paper an empty detail is a line to write on.
    const filled = cleanAbout(session.about);
    printed.replaceChildren(...aboutLines(session.about).map(([label, text], i) => filled[ABOUT_FIELDS[i]]
      ? h("li", { text: `${label}: ${text}` })
      : h("li", { className: "dpup-blank" }, `${label}: `, h("span", { className: "dpup-write-here" }))));
  }

  function show() {
    for (const field of ABOUT_FIELDS) {
      if (document.activeElement !== inputs[field]) inputs[field].value = session.about[field] || "";
    }
    print();
  }

  for (const field of ABOUT_FIELDS) {
    const input = inputs[field];
    input.addEventListener("input", () => {
      session.editAbout(field, input.value, { sync: false });
      print();
    });
    input.addEventListener("change", () => session.editAbout(field, input.value));
  }
  return { node, show };
}

export { drawAbout };
