// The Word (.docx) record on the static site: a thin writer over the record's blocks, as
// src/dpup_toolkit/records/word.py (see there), with the docx library (MIT, pinned in
// package.json; esbuild puts it into this module on the built site, widget/front_end.py).
// The widget imports this module only when "Download for Word (Word document, .docx)" is pressed, and hands it
// records.js's RECORD_RULES (the blocks come from there), so the page never loads any of it.
import * as docx from "docx";

const LINE_BREAK = /\r\n|\r|\n/g;
// Characters XML 1.0 cannot hold (Word refuses a file with them), and lone surrogates.
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const HEADING = { title: docx.HeadingLevel.TITLE, heading: docx.HeadingLevel.HEADING_1,
  subheading: docx.HeadingLevel.HEADING_2, step: docx.HeadingLevel.HEADING_2 };

function xmlSafe(text) {
  return String(text).replace(LINE_BREAK, "\n").replace(NOT_XML, "\ufffd");
}

// [bold, text] for each run Word writes: a block's runs joined where their weight is the same.
export function wordRuns(block) {
  const out = [];
  for (const [style, value] of block.runs) {
    const bold = style === "label";
    if (out.length && out[out.length - 1][0] === bold) out[out.length - 1][1] += value;
    else out.push([bold, value]);
  }
  return out.map(([bold, text]) => [bold, xmlSafe(text)]);
}

// A bullet is a paragraph in the "List Bullet" style, which carries the bullet as Word's own
// style does (and python-docx's template): the paragraph names only its style.
const BULLETS = "bullets";
const LIST_BULLET = { id: "ListBullet", name: "List Bullet", basedOn: "Normal",
  paragraph: { numbering: { reference: BULLETS, level: 0 }, contextualSpacing: true } };
const BULLET_LIST = { reference: BULLETS, levels: [{ level: 0, format: docx.LevelFormat.BULLET, text: "\u2022",
  alignment: docx.AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }] };

// A line break (w:br) for each "\n" and a tab (w:tab) for each "\t", inside the run, as python-docx
// writes a run's text: one run, its text in pieces between them, no empty pieces.
class LineBreak extends docx.EmptyElement {
  constructor() { super("w:br"); }
}
const IN_RUN = { "\n": () => new LineBreak(), "\t": () => new docx.Tab() };

function textRun(text, bold) {
  const children = text.split(/(\n|\t)/).filter(Boolean).map((piece) => (IN_RUN[piece] ? IN_RUN[piece]() : piece));
  return new docx.TextRun({ children, ...(bold ? { bold: true, boldComplexScript: false } : {}) });
}

// The blocks Word shows as a document: headings, bold labels, bullets; "\n" as a line break.
export function docxDocument(rules, blocks) {
  const shown = blocks.filter((block) => block.only !== rules.MARKDOWN_ONLY);
  const paragraphs = shown.map((block) => new docx.Paragraph({
    heading: HEADING[block.kind],
    style: block.kind === "bullet" ? LIST_BULLET.id : undefined,
    children: wordRuns(block).map(([bold, text]) => textRun(text, bold)),
  }));
  const title = wordRuns(shown[0]).map(([, text]) => text).join("");
  return new docx.Document({ creator: "DPUP Toolkit", title, styles: { paragraphStyles: [LIST_BULLET] },
    numbering: { config: [BULLET_LIST] }, sections: [{ children: paragraphs }] });
}

export function docxBlob(rules, def, answers, exportedAt, about) {
  return docx.Packer.toBlob(docxDocument(rules, rules.recordBlocks(def, answers, exportedAt, about)));
}

export function docxBuffer(rules, def, answers, exportedAt, about) {
  return docx.Packer.toBuffer(docxDocument(rules, rules.recordBlocks(def, answers, exportedAt, about)));
}
