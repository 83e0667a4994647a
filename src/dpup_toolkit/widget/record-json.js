// The JSON record and the name of every record's file, as records/rules.py writes them. Part of
// the code every tool page loads (not an on-demand part like records.js): a page left open while
// the site is updated loses its on-demand parts, and a person must still be able to save their
// answers to a file from it.
import SHARED from "../shared.json" with { type: "json" };
import { cleanAbout, cleanAnswers, resultsOf } from "./rules.js";

const RECORD_FORMAT = SHARED.record_format;
const RECORD_FORMAT_VERSION = SHARED.record_format_version;

const SLUG_LENGTH = 40;

// records/rules.py slug: ASCII lower-case letters, digits and single hyphens, accents folded, length-capped.
// Only the letters of records/rules.py's _FOLDED blocks are decomposed: the browser's Unicode is
// newer than Python's, and would fold letters Python does not know.
const FOLDED = /[\u00a0-\u024f\u1e00-\u1eff\ufb00-\ufb06\uff01-\uff5e]+/g;
function slug(text, limit = SLUG_LENGTH) {
  return String(text).replace(FOLDED, (run) => run.normalize("NFKD")).replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "").toLowerCase().slice(0, limit).replace(/-+$/, "");
}

function recordFilename(id, about, stamp, extension) {
  return `${[id, slug(cleanAbout(about).what), stamp].filter(Boolean).join("-")}.${extension}`;
}

function renderJson(def, rawAnswers, exportedAt, about = {}) {
  const answers = cleanAnswers(def, rawAnswers);
  const record = {
    format: RECORD_FORMAT,
    format_version: RECORD_FORMAT_VERSION,
    checklist: { id: def.id, version: def.version, title: def.title },
    exported_at: exportedAt,
    about: cleanAbout(about),
    answers,
    results: resultsOf(def, answers),
  };
  return JSON.stringify(record, null, 2) + "\n";
}

export { recordFilename, renderJson, slug };
