"""Compare answers: several people's JSON records of one tool, item by item, as a team review needs.

checklist.js (compareRecords, renderComparison) does the same in the browser; the tests compare its
Markdown with `render_comparison` byte for byte. The records are only read, never stored: they are
other people's answers.
"""
from __future__ import annotations

import datetime as dt
import json

from .engine.progress import SPACE, answer_of, visible_items
from .records.kinds import kind_of
from .records.rules import RecordError, _given, _quote, escape_line, import_record, record_text
from .engine.schema import Checklist

STATUS = {"agree": "All agree", "differ": "Answers differ", "none": "Nobody answered"}
NOT_ASKED = "Not asked (an earlier answer skipped it)"


def person_label(text: str, name: str) -> str:
    """Who a record is from: its "Completed by" detail when it has one, else the file's name."""
    record = json.loads(text.removeprefix("\ufeff"))
    about = record.get("about")
    by = _given(about.get("completed_by"), "") if isinstance(about, dict) else ""
    return by.strip(SPACE) if isinstance(by, str) and by.strip(SPACE) else name


def compared_answer(checklist: Checklist, item, entry: dict) -> str:
    if not entry["shown"]:
        return NOT_ASKED
    if entry["answer"] is None:
        return kind_of(item).MISSING
    return item.label(checklist, entry["answer"])


def compare_records(checklist: Checklist, files: list[tuple[str, str | bytes]]) -> dict:
    """{"people", "errors", "sections"} for [(file name, text)] in the order to show them: every
    file import_record accepts is a person, every other file an error naming it."""
    people, errors = [], []
    for name, data in files:
        try:
            text = record_text(data)  # the file's bytes, or its text
            answers, _notices = import_record(checklist, text)
        except RecordError as error:
            errors.append(f"{name}: {error}")
            continue
        people.append({"label": person_label(text, name), "file": name, "answers": answers})
    times: dict[str, int] = {}
    for person in people:
        times[person["label"]] = times.get(person["label"], 0) + 1
        if times[person["label"]] > 1:
            person["label"] = f"{person['label']} ({times[person['label']]})"
    shown_sets = [{item.id for item in visible_items(checklist, person["answers"])} for person in people]
    sections = []
    for section in checklist.sections:
        items = []
        for item in section.items:
            if not any(item.id in shown for shown in shown_sets):
                continue
            entries = []
            for person, shown in zip(people, shown_sets):
                if item.id not in shown:
                    entries.append({"shown": False, "answer": None, "note": ""})
                    continue
                note = "" if item.typed else (person["answers"].get(item.id) or {}).get("note") or ""
                entries.append({"shown": True, "answer": answer_of(item, person["answers"]), "note": note})
            answered = [entry["answer"] for entry in entries if entry["answer"] is not None]
            agree = "none" if not answered else \
                "agree" if len(answered) == len(entries) and len(set(answered)) == 1 else "differ"
            items.append({"item": item, "agree": agree, "entries": entries})
        if items:
            sections.append({"title": section.title, "items": items})
    return {"people": people, "errors": errors, "sections": sections}


def render_comparison(checklist: Checklist, files: list[tuple[str, str]],
                      compared_at: dt.date | str | None = None) -> str:
    """The merged view as Markdown, the same as the page's "Download the comparison (Markdown)"."""
    compared_at = str(compared_at or dt.date.today().isoformat())
    comparison = compare_records(checklist, files)
    people = comparison["people"]
    items = [entry for section in comparison["sections"] for entry in section["items"]]
    out = [
        f"# {escape_line(checklist.title)}: comparison of answers",
        "",
        f"- Checklist: {checklist.id}, version {checklist.version}",
        f"- Compared: {escape_line(compared_at)}",
        f"- People: {len(people)}",
    ]
    out += [f"- {label}: {sum(entry['agree'] == agree for entry in items)} of {len(items)} items"
            for agree, label in STATUS.items()]
    out += [f"- Left out: {escape_line(error)}" for error in comparison["errors"]]
    if people:
        out += ["", "## People", ""] + [f"- {escape_line(p['file'])}" if p["label"] == p["file"]
                                         else f"- {escape_line(p['label'])} (from {escape_line(p['file'])})" for p in people]
    for section in comparison["sections"]:
        out += ["", f"## {escape_line(section['title'])}"]
        for compared in section["items"]:
            item, entries = compared["item"], compared["entries"]
            out += ["", f"### {escape_line(item.prompt)}", "", f"{STATUS[compared['agree']]}.", ""]
            if item.typed:  # typed text: quoted, each person's under their name
                for i, (person, entry) in enumerate(zip(people, entries)):
                    out += [""] if i else []
                    label = escape_line(person["label"])
                    if entry["answer"] is None:
                        out.append(f"{label}: {compared_answer(checklist, item, entry)}")
                    else:
                        out += [f"{label} wrote:", ""] + _quote(entry["answer"])
                continue
            out += [f"- {escape_line(person['label'])}: {escape_line(compared_answer(checklist, item, entry))}"
                    for person, entry in zip(people, entries)]
            for person, entry in zip(people, entries):
                if entry["note"]:
                    out += ["", f"Note from {escape_line(person['label'])}:", ""] + _quote(entry["note"])
    return "\n".join(out) + "\n"
