"""The record's layout, made once: what a record says and in what order, as a list of blocks.

The Markdown record (markdown.py) and the Word record (word.py) are thin writers
over these blocks; blocks.js lays out the same blocks in the browser, for records.js's Markdown
and widgets/docx/record.mjs's Word file. A change to the record's layout is made here and in
blocks.js (and shows in tests/golden/); a change to how a kind of block looks is made in a writer.
A new kind of block needs a row in the table below and a line in each writer (markdown.py and
word.py here; records.js and widgets/docx/record.mjs in the browser).

What is common to every kind of item is here; how an item's answer goes in a record is its kind's
(`answer_blocks` in kinds/<kind>.py). A block is a kind and a tuple of runs (parts.py). A run is
(style, text):

- "words": our own words and numbers, written as they are;
- "label": our own words that name what follows ("Answer: "), bold in Word;
- "line": text from the tool or a person, kept on one line in Markdown (escaped there);
- "text": text from the tool or a person that may span lines (escaped in Markdown).

The kinds, and how each writer shows them:

===========  ==============================================  =================
kind         Markdown                                        Word
===========  ==============================================  =================
title        "# " heading                                    Title
heading      "## " heading                                   Heading 1
subheading   "### " heading                                  Heading 2
detail       "- " list item                                  paragraph
bullet       "- " list item                                  bulleted paragraph
step         list item (its number is in its runs)           Heading 2
step_line    "   - " list item under a step                  paragraph
paragraph    paragraph                                       paragraph
lead         a line the list after it follows directly       paragraph
quote        its label on a line, then the text quoted       paragraph
===========  ==============================================  =================

`only` marks a block that one record has and the other does not (MARKDOWN_ONLY or WORD_ONLY): the
Word record names an action's note and says "Needs a reason" where Markdown says "What to do", shows a
reason trimmed where Markdown quotes it as typed, and has no "Not yet answered" list.
"""
from __future__ import annotations

import datetime as dt

from ..engine.catalogue import catalogue_entries
from ..engine.plain_language import LONG_SENTENCE
from ..engine.progress import Answers, answer_of, progress, visible_items
from ..engine.results import results_of
from ..engine.schema import Checklist
from .kinds import kind_of
from .parts import MARKDOWN_ONLY, WORD_ONLY, Block, Run, block, label, line, text, words
from .rules import NEEDS_REASON, about_lines, because_lines, clean_answers

__all__ = ["MARKDOWN_ONLY", "WORD_ONLY", "Block", "Run", "catalogue_parts", "record_blocks"]


def catalogue_parts(result: dict, entries: list[dict]) -> list[tuple[str, list[dict], str | None, bool]]:
    """A catalogue result as (heading, the entries it lists with why, what to say when none fit or
    None to leave an empty part out, folded on the page): the tools that fit best, more that fit
    every answer, those that fit one; then the case studies that fit every answer and those that
    fit one, when the catalogue has any. The widget's rules.js has the same in `catalogueParts`."""
    by_id = {(entry["kind"], entry["id"]): entry for entry in entries}
    wanted = len([value for value in (result["role"], result["stage"]) if value])

    def listed(kind, found):
        return [{**by_id[kind, entry["id"]], "why": entry["why"]} for entry in found]

    def every(found):
        return [entry for entry in found if len(entry["fits"]) == wanted]

    def some(found):
        return [entry for entry in found if len(entry["fits"]) < wanted]

    tools, cases = result["tools"], result["cases"]
    parts = [("Tools that fit best", listed("tool", tools[:result["best"]]), "No tool fits that choice yet.", False),
             ("More tools that fit", listed("tool", every(tools)[result["best"]:]), None, True),
             ("Tools that fit one of your answers", listed("tool", some(tools)), None, True)]
    if any(entry["kind"] == "case" for entry in entries):
        parts += [("Case studies", listed("case", every(cases)), "No case study fits that choice yet.", False),
                  ("Case studies that fit one of your answers", listed("case", some(cases)), None, True)]
    return [part for part in parts if part[1] or part[2]]


def _unmet(checklist: Checklist, result: dict, answers: Answers, entries: list[dict]) -> list[Block]:
    """Each question not met, numbered, with what to do (and, in Word, the note written on it)."""
    out = []
    for number, item_id in enumerate(result["items"], 1):
        item = checklist.item(item_id)
        out.append(block("step", words(f"{number}. "), line(item.prompt)))
        if checklist.needs_reason(item, answers.get(item_id)):
            out += [block("step_line", label("What to do: "), line(NEEDS_REASON), only=MARKDOWN_ONLY),
                    block("step_line", label("Needs a reason: "), line(NEEDS_REASON), only=WORD_ONLY)]
        else:
            out.append(block("step_line", label("What to do: "), line(item.action)))
        note = answers.get(item_id, {}).get("note")
        if note:
            out.append(block("paragraph", label("Your note: "), text(note), only=WORD_ONLY))
    if not result["items"]:
        out.append(block("paragraph", words("Nothing is marked as not met.")))
    return out


def _template(checklist: Checklist, result: dict, answers: Answers, entries: list[dict]) -> list[Block]:
    """The text the answers make, part by part, and its plain-language check with the long sentences."""
    out = [] if result["parts"] else [block("paragraph", words("Nothing written yet: answer the questions below."))]
    for part in result["parts"]:
        out += [block("subheading", line(part["heading"]))] if part["heading"] else []
        out.append(block("paragraph", text(part["text"])))
    check = result["plain_language"]
    if check and result["parts"]:
        out.append(block("lead", words(f"Plain language: {check['sentences']} sentences, {check['average']} words a "
                                       f"sentence on average. Sentences over {LONG_SENTENCE} words: {len(check['long'])}.")))
        out += [block("bullet", line(sentence)) for sentence in check["long"]]
    return out


def _rules(checklist: Checklist, result: dict, answers: Answers, entries: list[dict]) -> list[Block]:
    """The recommendation the choices lead to, the answers that led to it, and what to read about it."""
    chosen = result["recommendation"]
    if chosen is None:
        return [block("paragraph", words("No recommendation yet: answer the questions below."))]
    out = [block("paragraph", label("Recommendation: "), line(chosen["title"]))]
    if chosen["because"]:
        out.append(block("lead", words("Because you said:")))
        out += [block("bullet", line(prompt), words(joint), line(answer))
                for prompt, joint, answer in because_lines(checklist, chosen["because"])]
    out.append(block("paragraph", text(chosen["text"])))
    if chosen["links"]:
        titles = [run for n, link in enumerate(chosen["links"]) for run in ([words("; ")] if n else []) + [line(link["title"])]]
        out.append(block("paragraph", words("Read more: "), *titles))
    return out


def _score(checklist: Checklist, result: dict, answers: Answers, entries: list[dict]) -> list[Block]:
    """The score, and the questions answered wrongly."""
    out = [block("paragraph", words(f"{result['correct']} of {result['total']} correct."))]
    if result["wrong"]:
        out.append(block("lead", words("Questions you answered wrongly:")))
        out += [block("bullet", line(checklist.item(item_id).prompt)) for item_id in result["wrong"]]
    return out


def _catalogue(checklist: Checklist, result: dict, answers: Answers, entries: list[dict]) -> list[Block]:
    """The tools (and case studies) that fit the role and stage chosen, best first, each with why."""
    if not (result["role"] or result["stage"]):
        return [block("paragraph", words("Nothing chosen yet: choose below to see what fits."))]
    out = []
    for heading, entries_of, none, _ in catalogue_parts(result, entries):
        out.append(block("subheading", words(heading)))
        for entry in entries_of:
            minutes = [words(f" About {entry['minutes']} minutes.")] if entry["minutes"] else []
            out += [block("bullet", line(entry["title"]), words(": "), line(entry["summary"]), *minutes),
                    block("step_line", label("Why: "), line(entry["why"]))]
        if not entries_of:
            out.append(block("paragraph", words(none)))
    return out


RESULT_BLOCKS = {"unmet": _unmet, "template": _template, "rules": _rules, "score": _score, "catalogue": _catalogue}


def _item(checklist: Checklist, item, entry: dict) -> list[Block]:
    """One shown item: its prompt, its answer and the note written on it (a text item is its own note)."""
    out = [block("subheading", line(item.prompt)), *kind_of(item).answer_blocks(checklist, item, entry)]
    if not item.typed and entry.get("note"):
        out.append(block("quote", label("Note: "), text(entry["note"])))
    return out


def _header(checklist: Checklist, answers: Answers, exported_at: str, about) -> list[Block]:
    """The title, what is being checked and by whom, which tool and when, and how far it got."""
    status = progress(checklist, answers)
    out = [block("title", line(checklist.title), words(": record"))]
    out += [block("detail", label(f"{name}: "), line(value)) for name, value in about_lines(about)]
    out += [block("detail", label("Checklist: "), words(f"{checklist.id}, version {checklist.version}")),
            block("detail", label("Exported: "), line(exported_at))]
    if status.has_questions:
        out += [block("detail", label("Progress: "), words(f"{status.answered} of {status.total} questions answered")),
                block("detail", label("Not met: "), words(str(len(status.unmet))))]
    else:
        out.append(block("detail", label("Progress: "), words(f"{status.answered} of {status.total} answered")))
    return out


def _skipped(checklist: Checklist, item, answers: Answers) -> Block:
    """A question left out: which answer to which question would bring it in, and the answer given."""
    asked = checklist.item(item.show_if.item)
    def label_of(value):
        return asked.label(checklist, value)
    wanted = [run for n, value in enumerate(item.show_if.answer_in)
              for run in ([words(" or ")] if n else []) + [line(label_of(value))]]
    given = (answers.get(asked.id) or {}).get("answer")
    return block("detail", line(item.prompt), words(" Skipped: it is asked only when “"), line(asked.prompt),
                 words("” is answered "), *wanted, words(". Answered: "),
                 line(label_of(given)) if given else words("not yet"), words("."))


def record_blocks(checklist: Checklist, answers: Answers, exported_at: dt.date | str | None = None,
                  entries: list[dict] | None = None, about: dict | None = None) -> list[Block]:
    """The whole record: the header, each result, the shown items not yet answered (Markdown only),
    then every shown item by section. `answers` as saved (they are cleaned here)."""
    exported_at = str(exported_at or dt.date.today().isoformat())
    entries = catalogue_entries(checklist) if entries is None else entries
    answers = clean_answers(checklist, answers)
    shown = {item.id for item in visible_items(checklist, answers)}
    out = _header(checklist, answers, exported_at, about)
    for result in results_of(checklist, answers, entries):
        out += [block("heading", line(result["title"])), *RESULT_BLOCKS[result["kind"]](checklist, result, answers, entries)]
    unanswered = [item for item in checklist.items if item.id in shown and not answer_of(item, answers)]
    if unanswered:
        out += [block("heading", words("Not yet answered"), only=MARKDOWN_ONLY),
                *(block("bullet", line(item.prompt), only=MARKDOWN_ONLY) for item in unanswered)]
    skipped = [item for item in checklist.items if item.id not in shown and item.show_if]
    if skipped:
        out.append(block("heading", words("Questions skipped because of an answer")))
        out += [_skipped(checklist, item, answers) for item in skipped]
    for section in checklist.sections:
        items = [item for item in section.items if item.id in shown]
        if items:
            out.append(block("heading", line(section.title)))
            for item in items:
                out += _item(checklist, item, answers.get(item.id, {}))
    return out
