// The browser's records (records.js and widgets/docx/record.mjs) for tests/goldens.py. Reads
// {"module", "record", "calls": [{"args": [definition, answers, exportedAt, about], "out": path}]}
// on stdin; writes each Word file to its `out` and prints [{"markdown", "json"}] as JSON.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const input = JSON.parse(readFileSync(0, "utf8"));
const logic = await import(pathToFileURL(input.module).href);
const word = await import(pathToFileURL(input.record).href);
const records = [];
for (const { args, out } of input.calls) {
  writeFileSync(out, await word.docxBuffer(logic.RECORD_RULES, ...args));
  records.push({ markdown: logic.renderMarkdown(...args), json: logic.renderJson(...args) });
}
console.log(JSON.stringify(records));
