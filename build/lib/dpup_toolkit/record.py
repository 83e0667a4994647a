"""A completed checklist as a record a person keeps: Markdown to read, JSON to resume from.

checklist.js renders the same two formats in the browser, byte for byte; the browser tests
compare a downloaded record with `render_markdown` / `render_json` for the same answers.
"""
from __future__ import annotations

import datetime as dt
import json
import re

from .progress import Answers, progress, visible_items
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
    """Answers in checklist order, as {"answer": value or None, "note": text}, empty ones dropped."""
    values = {option.value for option in checklist.answers}
    cleaned: Answers = {}
    for item in checklist.items:
        entry = answers.get(item.id) or {}
        answer, note = entry.get("answer") or None, entry.get("note") or ""
        if answer is not None and (not isinstance(answer, str) or answer not in values):
            raise RecordError(f"The answer to “{item.prompt}” is {json.dumps(answer)}, which this checklist does not use.")
        if not isinstance(note, str):
            raise RecordError(f"The note for “{item.prompt}” is not text.")
        if answer or note:
            cleaned[item.id] = {"answer": answer, "note": note}
    return cleaned


def render_markdown(checklist: Checklist, answers: Answers, exported_at: dt.date | str | None = None) -> str:
    exported_at = str(exported_at or dt.date.today().isoformat())
    answers = clean_answers(checklist, answers)
    status = progress(checklist, answers)
    shown = {item.id for item in visible_items(checklist, answers)}
    out = [
        f"# {escape_markdown(checklist.title)}: record",
        "",
        f"- Checklist: {checklist.id}, version {checklist.version}",
        f"- Exported: {escape_markdown(exported_at)}",
        f"- Progress: {status.answered} of {status.total} questions answered",
        f"- Not met: {len(status.unmet)}",
        "",
        "## What to do next",
        "",
    ]
    if status.unmet:
        for number, item in enumerate(status.unmet, 1):
            out += [f"{number}. {escape_markdown(item.prompt)}", f"   - What to do: {escape_markdown(item.action)}"]
    else:
        out.append("Nothing is marked as not met.")
    for section in checklist.sections:
        items = [item for item in section.items if item.id in shown]
        if not items:
            continue
        out += ["", f"## {escape_markdown(section.title)}"]
        for item in items:
            entry = answers.get(item.id, {})
            answer = entry.get("answer")
            label = checklist.answer_label(answer) if answer else "Not answered"
            out += ["", f"### {escape_markdown(item.prompt)}", "", f"Answer: {label}"]
            if entry.get("note"):
                out += ["", "Note:", ""]
                out += [f"> {line}".rstrip() for line in escape_markdown(entry["note"]).split("\n")]
    return "\n".join(out) + "\n"


def render_json(checklist: Checklist, answers: Answers, exported_at: dt.date | str | None = None) -> str:
    record = {
        "format": RECORD_FORMAT,
        "format_version": RECORD_FORMAT_VERSION,
        "checklist": {"id": checklist.id, "version": checklist.version, "title": checklist.title},
        "exported_at": str(exported_at or dt.date.today().isoformat()),
        "answers": clean_answers(checklist, answers),
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
