// The "Compare answers with your team" section: several people's JSON records of this tool, item by
// item (compare.js, loaded when a person first chooses records). The records are read on this page
// only, never saved in this browser: they are other people's answers.
import { download, h, today } from "./dom.js";

// Closed until opened, nothing kept after the page. Its messages are live regions, not
// role=status/alert: those belong to the tool's own messages.
function drawCompare(def, uiId, using) {
  const picker = h("input", { type: "file", id: uiId("compare-files"), accept: ".json,application/json", multiple: true });
  const errors = h("div", { className: "dpup-compare-errors", "aria-live": "assertive" });
  const summary = h("p", { className: "dpup-compare-summary", "aria-live": "polite" });
  const output = h("div", { className: "dpup-compare-output" });
  const downloadButton = h("button", { type: "button", hidden: true, text: "Download the comparison (Markdown)" });
  const onlyDiffer = h("input", { type: "checkbox", id: uiId("compare-differ") });
  const filter = h("p", { hidden: true }, onlyDiffer, h("label", { for: onlyDiffer.id, text: " Show only where answers differ" }));
  let files = [];

  downloadButton.addEventListener("click", async () => {
    const compare = await using("compare");
    if (compare) download(`${def.id}-comparison-${today()}.md`, compare.renderComparison(def, files, today()), "text/markdown");
  });

  // Leave out the items (and then the sections) where nobody differs.
  function narrow() {
    for (const part of output.querySelectorAll(".dpup-compare-part")) {
      for (const item of part.querySelectorAll(".dpup-compare-item")) {
        item.hidden = onlyDiffer.checked && !item.classList.contains("dpup-compare-differ");
      }
      part.hidden = ![...part.querySelectorAll(".dpup-compare-item")].some((item) => !item.hidden);
    }
  }
  onlyDiffer.addEventListener("change", narrow);

  picker.addEventListener("change", async () => {
    const chosen = [...picker.files];
    picker.value = "";
    files = [];
    for (const file of chosen) {
      let text = "";
      try {
        text = await file.arrayBuffer(); // bytes: the comparison says so if they are not UTF-8
      } catch {
        // Left empty: the comparison then says this file is not valid JSON.
      }
      files.push({ name: file.name, text });
    }
    files.sort((a, b) => (a.name < b.name ? -1 : Number(a.name > b.name)));
    const compare = await using("compare");
    if (compare) compare.showComparison(def, files, { errors, summary, output, downloadButton, filter });
    narrow();
  });

  const title = h("h2", { id: uiId("compare"), text: "Compare answers with your team" });
  return h("section", { className: "dpup-compare", "aria-labelledby": title.id }, title,
    h("details", {},
      h("summary", { text: "Open to compare records" }),
      h("p", { text: "Each person saves a record of this tool as a JSON file. Choose two or more of them to see, "
        + "item by item, where your team agrees and where it differs." }),
      h("p", { text: "The records stay on this page: they are not saved in this browser or sent anywhere." }),
      h("p", {}, h("label", { for: picker.id, text: "Records to compare (JSON files): " }), picker),
      errors, summary,
      h("div", { className: "dpup-buttons" }, downloadButton),
      filter,
      output));
}

export { drawCompare };
