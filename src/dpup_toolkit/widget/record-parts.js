// What a record's blocks are made of (records/parts.py): runs and blocks, and the marks for a block
// that only one of the two records has. In a module of its own, as small as it is, because each item
// kind's module (item-*.js) lays out its answer with them, and a tool page should not load the
// record's whole layout (blocks.js) only to draw its form. The names are long because the modules
// share one scope once bundled.
const MARKDOWN_ONLY = "markdown";
const WORD_ONLY = "word";

const wordsRun = (value) => ["words", value];
const labelRun = (value) => ["label", value];
const lineRun = (value) => ["line", value];
const textRun = (value) => ["text", value];
const recordBlock = (kind, runs, only = null) => ({ kind, runs, only });

export { MARKDOWN_ONLY, WORD_ONLY, labelRun, lineRun, recordBlock, textRun, wordsRun };
