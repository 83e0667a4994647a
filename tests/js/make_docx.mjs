// The Word record as the static site makes it (widgets/docx/record.mjs with records.js's
// RECORD_RULES), for tests/test_docx_record.py. Reads {"module", "record", "out" (optional), "args"
// (optional), "blocks" (optional: a list of argument lists)} on stdin; writes the .docx for `args` to
// `out` and prints the record's blocks (blocks.js) for each of `blocks` as JSON.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const input = JSON.parse(readFileSync(0, "utf8"));
const logic = await import(pathToFileURL(input.module).href);
const word = await import(pathToFileURL(input.record).href);
if (input.out) writeFileSync(input.out, await word.docxBuffer(logic.RECORD_RULES, ...input.args));
console.log(JSON.stringify((input.blocks || []).map((args) => logic.recordBlocks(...args))));
