// The template result (results.py): text assembled from the answers, with its plain-language
// figures (plain_language.py). A tool page loads this module only when its tool has one (kinds.js).
import { copyText, h } from "./dom.js";
import { resultFrame } from "./drawing.js";
import { DRAW_RESULT } from "./kinds.js";
import SHARED from "../shared.json" with { type: "json" };
import { LONG_SENTENCE, RESULTS, WS, WS_RUN, answerOf, itemById, itemKind } from "./rules.js";

// plain_language.py: a sentence ends at . ! or ? (after any closing quotes or brackets) and a space.
const SENTENCE_END = new RegExp(`(?<=[.!?])["”’)]*[${WS}]+`, "u");
// plain_language.py NOT_WORD: spaces, punctuation and symbols by fixed ranges, not Unicode's letter
// tables (the browser's Unicode version is newer than Python's); a word is a run of anything else.
const NOT_WORD = "\\x00-/:-@\\[-`{-\\xbf\\xd7\\xf7\\u1680\\u2000-\\u2bff\\u3000-\\u303f\\ufe00-\\ufe0f\\ufe10-\\ufe6f\\ufeff"
  + "\\uff00-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u{1f000}-\\u{1faff}";
const WORD = new RegExp(`[^${NOT_WORD}]+(?:[’'-][^${NOT_WORD}]+)*`, "gu");
const PLACEHOLDER = /\{([a-z0-9]+(?:-[a-z0-9]+)*)\}/g;

function splitSentences(text) {
  return text.split(WS_RUN).filter(Boolean).join(" ").split(SENTENCE_END)
    .filter((sentence) => sentence.match(WORD));
}

function wordCount(sentence) {
  return (sentence.match(WORD) || []).length;
}

// plain_language.check_text: the average is rounded half up in whole numbers, as Python does it.
function checkText(blocks) {
  const found = blocks.flatMap(splitSentences);
  const words = found.reduce((sum, sentence) => sum + wordCount(sentence), 0);
  const tenths = found.length ? Math.floor((20 * words + found.length) / (2 * found.length)) : 0;
  return {
    sentences: found.length,
    average: `${Math.floor(tenths / 10)}.${tenths % 10}`,
    long: found.filter((sentence) => wordCount(sentence) > LONG_SENTENCE),
  };
}

// results.py fit_answer: typed text as it joins the template's lead-in.
const LOWER_AFTER_LEAD_IN = new Set(SHARED.lower_after_lead_in);
const ENDS = new RegExp(`^[${WS}]+|[${WS}]+$`, "gu");
const WORDS = new RegExp(`[^${WS}]+`, "gu");
const CLOSED = /[.!?…]["'”’)\]]*$/u;
const OPEN_END = new RegExp(`[,;:${WS}]+$`, "u");
const ALNUM = /[\p{L}\p{N}]$/u;

const MARKS = ".,;:!?";

function bare(word) {
  return word.replace(/^[.,;:!?]+|[.,;:!?]+$/g, "").toLowerCase();
}

function fitAnswer(lead, typed, following) {
  let answer = typed.replace(ENDS, "");
  const words = [...answer.matchAll(WORDS)];
  const leadWords = lead.match(WORDS) || [];
  const inSentence = leadWords.length > 0 && ALNUM.test(leadWords[leadWords.length - 1]);
  for (let k = Math.min(leadWords.length, words.length - 1); k > 0; k -= 1) {
    const tail = leadWords.slice(-k).map(bare);
    if ((inSentence || k === leadWords.length) && words.slice(0, k).every((m, i) => bare(m[0]) === tail[i])) {
      answer = answer.slice(words[k].index);
      break;
    }
  }
  const first = answer.match(WORDS);
  if (inSentence && first && answer.search(WORDS) === 0 && LOWER_AFTER_LEAD_IN.has(bare(first[0]))) {
    answer = answer[0].toLowerCase() + answer.slice(1);
  }
  const after = following.replace(ENDS, "");
  if (after && MARKS.includes(after[0])) answer = answer.replace(/[.,;:!?]+$/u, "");
  else if (!after && leadWords.length && !CLOSED.test(answer)) answer = `${answer.replace(OPEN_END, "")}.`;
  return answer;
}

function templateResult(def, result, answers, shown) {
  const valueOf = (id) => {
    const item = itemById(def, id);
    const answer = shown.has(id) ? answerOf(item, answers) : null;
    if (!answer) return "";
    return itemKind(item).label(def, item, answer);
  };
  let parts = [];
  let written = false;
  for (const part of result.parts) {
    const names = [...part.text.matchAll(PLACEHOLDER)].map((match) => match[1]);
    if (names.length && !names.some(valueOf)) continue;
    written = written || names.length > 0;
    let text = "";
    let at = 0;
    for (const match of part.text.matchAll(PLACEHOLDER)) {
      const value = valueOf(match[1]);
      const lead = part.text.slice(at, match.index);
      const end = match.index + match[0].length;
      const following = part.text.slice(end).search(PLACEHOLDER);
      const after = part.text.slice(end, following < 0 ? undefined : end + following);
      text += lead + (value ? fitAnswer(lead, value, after) : `[${itemById(def, match[1]).prompt}]`);
      at = match.index + match[0].length;
    }
    text += part.text.slice(at);
    parts.push({ heading: part.heading, text });
  }
  if (!written) parts = [];
  return {
    kind: "template",
    id: result.id,
    title: result.title,
    parts,
    text: parts.map((p) => (p.heading ? `${p.heading}\n${p.text}` : p.text)).join("\n\n"),
    plain_language: result.plain_language ? checkText(parts.map((p) => p.text)) : null,
  };
}

function drawTemplate(ctx, result, i) {
  const output = h("div", { className: "dpup-template-output" });
  const check = h("div", { className: "dpup-plain-language" });
  const copied = h("p", { className: "dpup-copy-status", role: "status" });
  const copy = h("button", { type: "button", className: "dpup-copy", text: `Copy ${result.title.toLowerCase()}` });
  let current = "";
  copy.addEventListener("click", () => {
    copyText(current).then(
      () => { copied.textContent = "Copied. Paste it where you need it."; },
      () => { copied.textContent = "This browser did not let the page copy. Select the text and copy it yourself."; },
    );
  });
  const node = resultFrame(ctx, result, i, output, check, h("div", { className: "dpup-buttons dpup-copy-row" }, copy), copied);
  function refresh(value) {
    current = value.text;
    copy.hidden = !value.parts.length;
    output.replaceChildren(...(value.parts.length ? value.parts.flatMap((part) => [
      part.heading ? h("h3", { text: part.heading }) : null,
      h("p", { className: "dpup-template-part", text: part.text }),
    ].filter(Boolean)) : [h("p", { text: "Nothing written yet. Answer the questions above and your text appears here." })]));
    check.replaceChildren();
    const figures = value.plain_language;
    if (figures && value.parts.length) {
      check.append(h("p", {
        text: `Plain language: ${figures.sentences} sentences, ${figures.average} words a sentence on average `
          + `(aim for under 20). Sentences over ${LONG_SENTENCE} words: ${figures.long.length}.`,
      }));
      if (figures.long.length) {
        check.append(h("p", { text: "Try splitting these sentences:" }),
          h("ul", {}, ...figures.long.map((sentence) => h("li", { text: sentence }))));
      }
    }
  }
  return { node, refresh };
}

RESULTS.template = templateResult;
DRAW_RESULT.template = drawTemplate;

export { checkText, drawTemplate, fitAnswer, templateResult, wordCount };
