"""A completed checklist as a record a person keeps: Markdown to read, JSON to resume from.

checklist.js renders the same two formats in the browser, byte for byte; the browser tests
compare a downloaded record with `render_markdown` / `render_json` for the same answers.
"""
from __future__ import annotations

import datetime as dt
import json
import re

from .catalogue import catalogue_entries
from .plain_language import LONG_SENTENCE
from .progress import Answers, answer_of, progress, visible_items
from .results import results_of
from .schema import Checklist

RECORD_FORMAT = "dpup-toolkit/checklist-record"
RECORD_FORMAT_VERSION = 1

_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~&]")
_LINE_START_MARKER = re.compile(r"^(\s*)([-+=])")
_LINE_START_NUMBER = re.compile(r"^(\s*\d+)([.)])")


class RecordError(ValueError):
    """An imported record that cannot be used; the message is written for the person importing it."""


def escape_markdown(text: str) -> str:
    """Make text show literally in Markdown: no HTML, links, emphasis, headings or lists."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(0), line)
        line = _LINE_START_MARKER.sub(r"\1\\\2", line)
        line = _LINE_START_NUMBER.sub(r"\1\\\2", line)
        lines.append(line)
    return "\n".join(lines)


def clean_answers(checklist: Checklist, answers: Answers) -> Answers:
    """Answers in checklist order, as {"answer": value, text or None, "note": text}, empty ones dropped."""
    values = [option.value for option in checklist.answers]
    cleaned: Answers = {}
    for item in checklist.items:
        entry = answers.get(item.id) or {}
        answer, note = entry.get("answer") or None, entry.get("note") or ""
        if item.kind == "text":
            if answer is not None and not isinstance(answer, str):
                raise RecordError(f"The answer to “{item.prompt}” is not text.")
            note = ""  # a text item is its own note
        elif answer is not None:
            allowed = values if item.kind == "question" else [option.value for option in item.options]
            if not isinstance(answer, str) or answer not in allowed:
                raise RecordError(f"The answer to “{item.prompt}” is {json.dumps(answer)}, which this checklist does not use.")
        if not isinstance(note, str):
            raise RecordError(f"The note for “{item.prompt}” is not text.")
        if answer or note:
            cleaned[item.id] = {"answer": answer, "note": note}
    return cleaned


def _quote(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in escape_markdown(text).split("\n")]


def _result_lines(checklist: Checklist, result: dict, entries: list[dict]) -> list[str]:
    out = ["", f"## {escape_markdown(result['title'])}", ""]
    kind = result["kind"]
    if kind == "unmet":
        for number, item_id in enumerate(result["items"], 1):
            item = checklist.item(item_id)
            out += [f"{number}. {escape_markdown(item.prompt)}", f"   - What to do: {escape_markdown(item.action)}"]
        if not result["items"]:
            out.append("Nothing is marked as not met.")
    elif kind == "template":
        if not result["parts"]:
            out.append("Nothing written yet: answer the questions below.")
        for i, part in enumerate(result["parts"]):
            out += ([""] if i else []) + ([f"### {escape_markdown(part['heading'])}", ""] if part["heading"] else [])
            out += escape_markdown(part["text"]).split("\n")
        check = result["plain_language"]
        if check and result["parts"]:
            out += ["", f"Plain language: {check['sentences']} sentences, {check['average']} words a sentence "
                        f"on average. Sentences over {LONG_SENTENCE} words: {len(check['long'])}."]
            out += [f"- {escape_markdown(sentence)}" for sentence in check["long"]]
    elif kind == "rules":
        chosen = result["recommendation"]
        if chosen is None:
            out.append("No recommendation yet: answer the questions below.")
        else:
            out += [f"Recommendation: {escape_markdown(chosen['title'])}", "", escape_markdown(chosen["text"])]
            if chosen["links"]:
                out += ["", "Read more: " + "; ".join(escape_markdown(link["title"]) for link in chosen["links"])]
    elif kind == "score":
        out.append(f"{result['correct']} of {result['total']} correct.")
    elif kind == "catalogue":
        if not (result["role"] or result["stage"]):
            out.append("Nothing chosen yet: choose below to see what fits.")
        else:
            titles = {entry["id"]: entry for entry in entries}
            for tool_id in result["tools"]:
                entry = titles[tool_id]
                minutes = f" About {entry['minutes']} minutes." if entry["minutes"] else ""
                out.append(f"- {escape_markdown(entry['title'])}: {escape_markdown(entry['summary'])}{minutes}")
            if not result["tools"]:
                out.append("No tool fits that choice yet.")
    return out


def _item_lines(checklist: Checklist, item, entry: dict) -> list[str]:
    out = ["", f"### {escape_markdown(item.prompt)}", ""]
    answer = entry.get("answer")
    if item.kind == "text":
        text = answer_of(item, {item.id: entry})
        return out + (["Answer:", ""] + _quote(text) if text else ["Answer: Not written"])
    if item.kind == "choice":
        out.append(f"Answer: {escape_markdown(item.option_label(answer)) if answer else 'Not answered'}")
        if item.correct and answer:
            right = "Correct." if answer == item.correct else \
                f"Not correct. The right answer is: {escape_markdown(item.option_label(item.correct))}."
            explanation = next(option.explanation for option in item.options if option.value == answer)
            out += ["", right, "", escape_markdown(explanation)]
    else:
        out.append(f"Answer: {escape_markdown(checklist.answer_label(answer)) if answer else 'Not answered'}")
    if entry.get("note"):
        out += ["", "Note:", ""] + _quote(entry["note"])
    return out


def render_markdown(checklist: Checklist, answers: Answers, exported_at: dt.date | str | None = None,
                    entries: list[dict] | None = None) -> str:
    exported_at = str(exported_at or dt.date.today().isoformat())
    entries = catalogue_entries(checklist) if entries is None else entries
    answers = clean_answers(checklist, answers)
    status = progress(checklist, answers)
    shown = {item.id for item in visible_items(checklist, answers)}
    out = [
        f"# {escape_markdown(checklist.title)}: record",
        "",
        f"- Checklist: {checklist.id}, version {checklist.version}",
        f"- Exported: {escape_markdown(exported_at)}",
    ]
    if status.has_questions:
        out += [f"- Progress: {status.answered} of {status.total} questions answered", f"- Not met: {len(status.unmet)}"]
    else:
        out.append(f"- Progress: {status.answered} of {status.total} answered")
    for result in results_of(checklist, answers, entries):
        out += _result_lines(checklist, result, entries)
    for section in checklist.sections:
        items = [item for item in section.items if item.id in shown]
        if not items:
            continue
        out += ["", f"## {escape_markdown(section.title)}"]
        for item in items:
            out += _item_lines(checklist, item, answers.get(item.id, {}))
    return "\n".join(out) + "\n"


def render_json(checklist: Checklist, answers: Answers, exported_at: dt.date | str | None = None,
                entries: list[dict] | None = None) -> str:
    entries = catalogue_entries(checklist) if entries is None else entries
    answers = clean_answers(checklist, answers)
    record = {
        "format": RECORD_FORMAT,
        "format_version": RECORD_FORMAT_VERSION,
        "checklist": {"id": checklist.id, "version": checklist.version, "title": checklist.title},
        "exported_at": str(exported_at or dt.date.today().isoformat()),
        "answers": answers,
        "results": results_of(checklist, answers, entries),
    }
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def import_record(checklist: Checklist, text: str) -> tuple[Answers, list[str]]:
    """Answers from a JSON record, and notices for the person (for example, dropped old items)."""
    try:
        record = json.loads(text)
    except (ValueError, TypeError):
        raise RecordError("This file is not a checklist record: it is not valid JSON.") from None
    if not isinstance(record, dict) or record.get("format") != RECORD_FORMAT:
        raise RecordError("This file is not a DPUP Toolkit checklist record.")
    if record.get("format_version") != RECORD_FORMAT_VERSION:
        raise RecordError("This record was saved in a format this page does not know. Use the page it came from.")
    about = record.get("checklist")
    if not isinstance(about, dict) or about.get("id") != checklist.id:
        title = about.get("title") if isinstance(about, dict) else None
        raise RecordError(f"This record is for another checklist (“{title or 'unknown'}”), not “{checklist.title}”.")
    version = about.get("version")
    if not isinstance(version, int) or version < 1:
        raise RecordError("This record does not say which version of the checklist it is for.")
    if version > checklist.version:
        raise RecordError(f"This record comes from a newer version of this checklist (version {version}) "
                          f"than this page has (version {checklist.version}). Nothing was changed.")
    raw = record.get("answers")
    if not isinstance(raw, dict) or not all(isinstance(entry, dict) for entry in raw.values()):
        raise RecordError("This record's answers are damaged. Nothing was changed.")
    known = {item.id for item in checklist.items}
    dropped = [item_id for item_id in raw if item_id not in known]
    notices = []
    if dropped:
        notices.append(f"{len(dropped)} saved answer(s) were for questions this version no longer asks, "
                       "so they were left out.")
    return clean_answers(checklist, {k: v for k, v in raw.items() if k in known}), notices
