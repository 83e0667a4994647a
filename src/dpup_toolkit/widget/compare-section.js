// "More options" at the end of a tool, and under it, folded, "Compare answers with your team":
// several people's records of this tool side by side (compare.js, loaded when a person first
// chooses records). The records are read on this page only, never saved in this browser: they
// are other people's answers.
import { download, h, today } from "./dom.js";

const PICKER_NAME = "Files to compare (.json)";

// Closed until opened, nothing kept after the page. The summary is a live region, not
// role=status/alert: those belong to the tool's own messages.
function drawCompare(def, uiId, using) {
  const picker = h("input", { type: "file", id: uiId("compare-files"), accept: ".json,application/json", multiple: true });
  const loaded = h("div", { className: "dpup-compare-loaded" });
  const summary = h("p", { className: "dpup-compare-summary", "aria-live": "polite" });
  const output = h("div", { className: "dpup-compare-output" });
  const downloadButton = h("button", { type: "button", hidden: true, text: "Download the comparison (text file, .md)" });
  const onlyDiffer = h("input", { type: "checkbox", id: uiId("compare-differ") });
  const filter = h("p", { className: "dpup-compare-filter", hidden: true }, onlyDiffer,
    h("label", { for: onlyDiffer.id, text: "Show only where answers differ" }));
  let files = [];

  downloadButton.addEventListener("click", async () => {
    const compare = await using("compare");
    if (compare) download(`${def.id}-comparison-${today()}.md`, compare.renderComparison(def, files, today()), "text/markdown");
  });

  // Leave out the rows where nobody differs (offered only when some differ).
  function narrow() {
    for (const row of output.querySelectorAll(".dpup-compare-row")) {
      row.hidden = onlyDiffer.checked && !filter.hidden && !row.classList.contains("dpup-compare-differ");
    }
  }
  onlyDiffer.addEventListener("change", narrow);

  picker.addEventListener("change", async () => {
    const chosen = [...picker.files]; // the picker keeps them, so it says what was chosen, as the list below does
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
    if (compare) compare.showComparison(def, files, { loaded, summary, output, downloadButton, filter, pickerName: PICKER_NAME, uiId });
    narrow();
  });

  // In Voila and JupyterLab this is all of "More options"; on the built site the page adds the
  // other ways to run the tool after it (site/navigation.py), under this same heading.
  const title = h("h2", { id: uiId("more"), text: "More options" });
  return h("section", { className: "dpup-more-options", "aria-labelledby": title.id }, title,
    h("details", { className: "dpup-compare", id: uiId("compare") },
      h("summary", { text: "Compare answers with your team" }),
      h("p", { text: "Each person answers this tool on their own and keeps their answers with “Save a file to carry on "
        + "later”. Choose two or more of those files to see everyone's answers side by side, with the questions "
        + "where answers differ first." }),
      h("p", { text: "The files stay on this page: they are not saved in this browser or sent anywhere." }),
      h("p", {}, h("label", { for: picker.id, text: `${PICKER_NAME}: ` }), picker),
      loaded, summary,
      h("div", { className: "dpup-buttons" }, downloadButton),
      filter,
      output));
}

export { drawCompare };
