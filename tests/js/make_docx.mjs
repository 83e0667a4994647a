// Writes a Word record with checklist.js and the vendored docx library, for tests/test_docx_record.py.
// Reads {"module", "docx", "out", "args": [definition, answers, exportedAt, about]} on stdin.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const input = JSON.parse(readFileSync(0, "utf8"));
const logic = await import(pathToFileURL(input.module).href);
const docx = await import(pathToFileURL(input.docx).href);
const document = logic.docxDocument(docx, logic.recordBlocks(...input.args));
writeFileSync(input.out, await docx.Packer.toBuffer(document));
