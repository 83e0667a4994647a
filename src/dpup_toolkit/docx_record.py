"""The record as a Word document (.docx), for people who file and comment on Word documents.

`record_blocks` lays the record out as plain blocks — the details, the results with the actions
(and the notes written on those items), then every answer and note — and `render_docx` writes
them with python-docx. On the static site checklist.js lays out the same blocks (`recordBlocks`)
and writes them with the vendored `docx` library, loaded only when the button is pressed; the
tests compare the two, block for block and paragraph for paragraph.

A block is a list: ["title", text], ["h1", text], ["h2", text], ["p", text], ["bullet", text] or
["label", bold label, text]. Text is plain (never markup); "\n" is a line break.
"""
from __future__ import annotations

import datetime as dt
import io
import re

from .engine.catalogue import catalogue_entries
from .engine.plain_language import LONG_SENTENCE
from .engine.progress import Answers, answer_of, progress, visible_items
from .record import NEEDS_REASON, _LINE_BREAK, about_lines, catalogue_parts, clean_answers
from .engine.results import results_of
from .engine.schema import Checklist

# Characters XML 1.0 cannot hold (Word refuses a file with them); the same in checklist.js.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", _LINE_BREAK.sub("\n", text))


def _result_blocks(checklist: Checklist, result: dict, answers: Answers, entries: list[dict]) -> list[list[str]]:
    out = [["h1", result["title"]]]
    kind = result["kind"]
    if kind == "unmet":
        for number, item_id in enumerate(result["items"], 1):
            item = checklist.item(item_id)
            needs = checklist.needs_reason(item, answers.get(item_id))
            out += [["h2", f"{number}. {item.prompt}"],
                    ["label", "Needs a reason: ", NEEDS_REASON] if needs else ["label", "What to do: ", item.action]]
            note = answers.get(item_id, {}).get("note")
            if note:
                out.append(["label", "Your note: ", note])
        if not result["items"]:
            out.append(["p", "Nothing is marked as not met."])
    elif kind == "template":
        if not result["parts"]:
            out.append(["p", "Nothing written yet: answer the questions below."])
        for part in result["parts"]:
            out += ([["h2", part["heading"]]] if part["heading"] else []) + [["p", part["text"]]]
        check = result["plain_language"]
        if check and result["parts"]:
            out.append(["p", f"Plain language: {check['sentences']} sentences, {check['average']} words a sentence "
                             f"on average. Sentences over {LONG_SENTENCE} words: {len(check['long'])}."])
            out += [["bullet", sentence] for sentence in check["long"]]
    elif kind == "rules":
        chosen = result["recommendation"]
        if chosen is None:
            out.append(["p", "No recommendation yet: answer the questions below."])
        else:
            out += [["label", "Recommendation: ", chosen["title"]], ["p", chosen["text"]]]
            if chosen["links"]:
                out.append(["p", "Read more: " + "; ".join(link["title"] for link in chosen["links"])])
    elif kind == "score":
        out.append(["p", f"{result['correct']} of {result['total']} correct."])
    elif kind == "catalogue":
        if not (result["role"] or result["stage"]):
            out.append(["p", "Nothing chosen yet: choose below to see what fits."])
        else:
            for heading, entries_of, none in catalogue_parts(result, entries):
                out.append(["h2", heading])
                for entry in entries_of:
                    minutes = f" About {entry['minutes']} minutes." if entry["minutes"] else ""
                    out.append(["bullet", f"{entry['title']}: {entry['summary']}{minutes}"])
                if not entries_of:
                    out.append(["p", none])
    return out


def _item_blocks(checklist: Checklist, item, entry: dict) -> list[list[str]]:
    out = [["h2", item.prompt]]
    answer = entry.get("answer")
    if item.kind == "text":
        text = answer_of(item, {item.id: entry})
        return out + [["label", "Answer: ", text or "Not written"]]
    if item.kind == "choice":
        out.append(["label", "Answer: ", item.option_label(answer) if answer else "Not answered"])
        if item.correct and answer:
            right = "Correct." if answer == item.correct else \
                f"Not correct. The right answer is: {item.option_label(item.correct)}."
            explanation = next(option.explanation for option in item.options if option.value == answer)
            out += [["p", right], ["p", explanation]]
    else:
        out.append(["label", "Answer: ", checklist.answer_label(answer) if answer else "Not answered"])
        if answer is not None and answer == checklist.not_applicable:
            reason = entry.get("reason")
            given = reason.strip(" \t\r\n") if isinstance(reason, str) else ""
            out.append(["label", "Why it does not apply: ", given or "Not given yet"])
    if entry.get("note"):
        out.append(["label", "Note: ", entry["note"]])
    return out


def record_blocks(checklist: Checklist, answers: Answers, exported_at: dt.date | str | None = None,
                  entries: list[dict] | None = None, about: dict | None = None) -> list[list[str]]:
    exported_at = str(exported_at or dt.date.today().isoformat())
    entries = catalogue_entries(checklist) if entries is None else entries
    answers = clean_answers(checklist, answers)
    status = progress(checklist, answers)
    shown = {item.id for item in visible_items(checklist, answers)}
    out = [["title", f"{checklist.title}: record"]]
    out += [["label", f"{label}: ", text] for label, text in about_lines(about)]
    out += [["label", "Checklist: ", f"{checklist.id}, version {checklist.version}"], ["label", "Exported: ", exported_at]]
    if status.has_questions:
        out += [["label", "Progress: ", f"{status.answered} of {status.total} questions answered"],
                ["label", "Not met: ", str(len(status.unmet))]]
    else:
        out.append(["label", "Progress: ", f"{status.answered} of {status.total} answered"])
    for result in results_of(checklist, answers, entries):
        out += _result_blocks(checklist, result, answers, entries)
    for section in checklist.sections:
        items = [item for item in section.items if item.id in shown]
        if items:
            out.append(["h1", section.title])
            for item in items:
                out += _item_blocks(checklist, item, answers.get(item.id, {}))
    return [[block[0], *(xml_safe(text) for text in block[1:])] for block in out]


def render_docx(checklist: Checklist, answers: Answers, exported_at: dt.date | str | None = None,
                entries: list[dict] | None = None, about: dict | None = None) -> bytes:
    """The record as a .docx file's bytes."""
    from docx import Document  # python-docx: only the kernel side and the tests need it

    document = Document()
    document.core_properties.title = f"{checklist.title}: record"
    document.core_properties.author = "DPUP Toolkit"
    for kind, *texts in record_blocks(checklist, answers, exported_at, entries, about):
        if kind in ("title", "h1", "h2"):
            paragraph = document.add_heading(level={"title": 0, "h1": 1, "h2": 2}[kind])
        else:
            paragraph = document.add_paragraph(style="List Bullet" if kind == "bullet" else None)
        if kind == "label":
            paragraph.add_run(texts.pop(0)).bold = True
        paragraph.add_run(texts[0])  # python-docx writes "\n" as a line break
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
