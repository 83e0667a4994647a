// The JSON record and the name of every record's file, as records/rules.py writes them. Part of
// the code every tool page loads (not an on-demand part like records.js): a page left open while
// the site is updated loses its on-demand parts, and a person must still be able to save their
// answers to a file from it.
import SHARED from "../shared.json" with { type: "json" };
import { cleanAbout, cleanAnswers, resultsOf } from "./rules.js";

const RECORD_FORMAT = SHARED.record_format;
const RECORD_FORMAT_VERSION = SHARED.record_format_version;

// records/rules.py record_filename: the tool and the time, never what was typed about the check
// (a worker may type a person's name there, and anyone who sees the file sees its name).
function recordFilename(id, stamp, extension) {
  return `${id}-${stamp}.${extension}`;
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

export { recordFilename, renderJson };
