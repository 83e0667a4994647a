"""Compare answers: several people's JSON records of one tool, item by item, as a team review needs.

compare.js (compareRecords, renderComparison) does the same in the browser; the tests compare its
Markdown with `render_comparison` byte for byte. The records are only read, never stored: they are
other people's answers.

Compare reads a record in its own way, not as "Open a saved progress file" does: nothing is
replaced, so nothing is refused for the sake of the open answers. An answer that no longer fits
its question (an option renamed or removed, a question whose kind changed) shows as what the
person answered, set aside; answers to questions the tool no longer asks are listed, not dropped.
"""
from __future__ import annotations

import datetime as dt

from .engine.progress import SPACE, answer_of, visible_items
from .engine.schema import Checklist
from .records.kinds import kind_of
from .records.rules import RecordError, RecordWords, _given, _quote, clean_about, clean_answers, escape_line, read_envelope

STATUS = {"agree": "All agree", "differ": "Answers differ", "none": "Nobody answered"}
NOT_ASKED = "Not asked (an earlier answer skipped it)"
NOT_COMPARED = "This file was not compared: "
NO_REASON = "no reason given"
UNREADABLE = "An answer this page cannot read"
REMOVED_TITLE = "Answers to questions no longer in this tool"
REMOVED_INTRO = ("These questions were in the version of this tool the record was saved with. "
                 "This version no longer asks them; the records still hold the answers.")


class NotCompared(Exception):
    """Why a file was left out of the comparison, in Compare's words."""


COMPARE_WORDS = RecordWords(
    not_text=("its text is not UTF-8. Another program may have saved it in another encoding, such as Latin-1; "
              "save it as UTF-8 and choose it again."),
    nested="it is not valid JSON, so it is not a record saved by this toolkit.",
    not_json="it is not valid JSON, so it is not a record saved by this toolkit.",
    not_record="it is not a record saved by this toolkit.",
    unknown_format="it was saved in a record format this page does not know.",
    other_tool=lambda title, checklist: f"it is a record of another tool (“{title}”), not of “{checklist.title}”.",
    no_version="it does not say which version of this tool it was saved with.",
    newer=lambda version, checklist: (f"it was saved with version {version} of this tool, newer than this page "
                                      f"(version {checklist.version}). Reload the page to get the newest version, "
                                      "then compare again."),
    damaged="its answers are damaged.",
)


def read_record(checklist: Checklist, data: str | bytes) -> dict:
    """A record of this tool from a file's bytes or text, with its version as a whole number; or
    NotCompared saying why not (the checks of "Open a saved progress file", in Compare's words)."""
    try:
        record, version = read_envelope(checklist, data, COMPARE_WORDS)
    except RecordError as error:
        raise NotCompared(str(error)) from None
    return {**record, "version": version}


def _readable(entry: dict) -> dict:
    """An answer with its note and reason, each left out when it is not text."""
    return {"answer": entry.get("answer"), **{field: entry[field] for field in ("note", "reason")
                                               if isinstance(entry.get(field), str)}}


def set_aside(checklist: Checklist, answer, older: bool) -> str:
    """What a person answered that does not fit the question in this version, in words."""
    fits = "no longer fits" if older else "does not fit"
    if not isinstance(answer, str):
        return f"{UNREADABLE}, which {fits} this question"
    labels = {option.value: option.label for option in checklist.answers}
    return f"Answered “{labels.get(answer, _given(answer, ''))}”, which {fits} this question"


def person_answers(checklist: Checklist, raw: dict, older: bool) -> tuple[dict, dict]:
    """(answers as a record keeps them, {item id: {"aside", "note"}} for each answer that does not fit)."""
    answers, asides = {}, {}
    for item in checklist.items:
        entry = raw.get(item.id)
        if entry is None:
            continue
        try:
            kept = clean_answers(checklist, {item.id: _readable(entry)}).get(item.id)
        except RecordError:
            note = clean_answers(checklist, {item.id: {"note": _readable(entry).get("note")}}).get(item.id)
            asides[item.id] = {"aside": set_aside(checklist, entry.get("answer"), older),
                               "note": (note or {}).get("note", "")}
            continue
        if kept:
            answers[item.id] = kept
    return answers, asides


def removed_answer(entry: dict) -> dict | None:
    """An answer to a question this tool no longer asks, as the file holds it; None when empty."""
    answer, note = entry.get("answer"), entry.get("note")
    note = _given(note, "") if isinstance(note, str) else ""
    empty = answer is None or answer == ""
    if empty and not note:
        return None
    shown = "No answer" if empty else f"“{_given(answer, '')}”" if isinstance(answer, str) else UNREADABLE
    return {"answer": shown, "note": note}


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-be", "surrogatepass")  # the order JavaScript's < sorts strings in


def read_person(checklist: Checklist, name: str, data: str | bytes) -> dict:
    record = read_record(checklist, data)
    older = record["version"] < checklist.version
    answers, asides = person_answers(checklist, record["answers"], older)
    known = {item.id for item in checklist.items}
    removed = {key: kept for key, entry in record["answers"].items()
               if key not in known and (kept := removed_answer(entry)) is not None}
    about = clean_about(record.get("about"))
    saved = _given(record.get("exported_at"), "")
    return {"label": about["completed_by"] or name, "file": name, "answers": answers, "asides": asides,
            "removed": removed, "version": record["version"], "by": about["completed_by"], "what": about["what"],
            "saved": saved.strip(SPACE) if isinstance(saved, str) else ""}


def compared_entry(item, person: dict, shown: bool) -> dict:
    if item.id in person["asides"]:
        return {"shown": shown, "answer": None, "note": person["asides"][item.id]["note"], "reason": "",
                "aside": person["asides"][item.id]["aside"]}
    if not shown:
        return {"shown": False, "answer": None, "note": "", "reason": "", "aside": ""}
    entry = person["answers"].get(item.id) or {}
    return {"shown": True, "answer": answer_of(item, person["answers"]), "note": entry.get("note", ""),
            "reason": entry.get("reason", ""), "aside": ""}


def agreement(entries: list[dict]) -> str:
    """"none" when nobody answered, "agree" when everyone gave the same answer (set aside or not)."""
    given = [entry["aside"] or entry["answer"] for entry in entries if entry["aside"] or entry["answer"] is not None]
    if not given:
        return "none"
    return "agree" if len(given) == len(entries) and all(entry == given[0] for entry in given) else "differ"


def compare_records(checklist: Checklist, files: list[tuple[str, str | bytes]]) -> dict:
    """{"files", "people", "errors", "sections", "removed"} for [(file name, text or bytes)] in the
    order to show them: every record of this tool is a person; every other file an error naming it."""
    people, errors, loaded = [], [], []
    for name, data in files:
        try:
            people.append(read_person(checklist, name, data))
            loaded.append({"file": name, "person": len(people) - 1})
        except NotCompared as error:
            errors.append({"file": name, "reason": NOT_COMPARED + str(error)})
            loaded.append({"file": name, "reason": errors[-1]["reason"]})
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
            if not any(item.id in shown or item.id in person["asides"] for person, shown in zip(people, shown_sets)):
                continue
            entries = [compared_entry(item, person, item.id in shown)
                       for person, shown in zip(people, shown_sets)]
            items.append({"item": item, "section": section.title, "agree": agreement(entries), "entries": entries})
        if items:
            sections.append({"title": section.title, "items": items})
    removed_ids = sorted({key for person in people for key in person["removed"]}, key=_utf16)
    removed = [{"id": key, "entries": [person["removed"].get(key) for person in people]} for key in removed_ids]
    return {"files": loaded, "people": people, "errors": errors, "sections": sections, "removed": removed}


def table_rows(comparison: dict) -> list[dict]:
    """The compared items as the table lists them: where answers differ first, then the rest, each
    in the tool's order."""
    items = [compared for section in comparison["sections"] for compared in section["items"]]
    return [c for c in items if c["agree"] == "differ"] + [c for c in items if c["agree"] != "differ"]


def unexplained(checklist: Checklist, item, entry: dict) -> bool:
    """A "not applicable" answer without the reason the tool asks for."""
    return not entry["aside"] and entry["answer"] is not None and checklist.needs_reason(item, entry)


def compared_answer(checklist: Checklist, item, entry: dict) -> str:
    """A person's answer in words: set aside, not asked, missing, or its label (a "not applicable"
    answer without the reason the tool asks for says so)."""
    if entry["aside"]:
        return entry["aside"]
    if not entry["shown"]:
        return NOT_ASKED
    if entry["answer"] is None:
        return kind_of(item).MISSING
    label = item.label(checklist, entry["answer"])
    return f"{label}, {NO_REASON}" if unexplained(checklist, item, entry) else label


def person_name(person: dict) -> str:
    """A person's column, and the file it comes from when that is not its name."""
    return person["label"] if person["label"] == person["file"] else f"{person['label']} (from {person['file']})"


def person_line(checklist: Checklist, person: dict) -> str:
    """Who and when, from the record: the same words on the page and in the Markdown."""
    parts = [f"Completed by: {person['by'] or 'not given'}."]
    if person["what"]:
        parts.append(f"What is being checked: {person['what']}.")
    saved = f"Saved on {person['saved']}" if person["saved"] else "Saved on a day not given"
    newer = f" (this page has version {checklist.version})" if person["version"] < checklist.version else ""
    parts.append(f"{saved}, with version {person['version']} of this tool{newer}.")
    return " ".join(parts)


def _markdown_head(checklist: Checklist, comparison: dict, compared_at: str) -> list[str]:
    people, rows = comparison["people"], table_rows(comparison)
    out = [
        f"# {escape_line(checklist.title)}: comparison of answers",
        "",
        f"- Tool: {checklist.id}, version {checklist.version}",
        f"- Compared: {escape_line(compared_at)}",
        f"- People: {len(people)}",
    ]
    out += [f"- {label}: {sum(row['agree'] == agree for row in rows)} of {len(rows)} questions"
            for agree, label in STATUS.items()]
    if comparison["removed"]:
        out.append(f"- {REMOVED_TITLE}: {len(comparison['removed'])}")
    out += [f"- {escape_line(error['file'])}: {escape_line(error['reason'])}" for error in comparison["errors"]]
    if people:
        out += ["", "## People", ""] + [f"- {escape_line(person_name(p))}: {escape_line(person_line(checklist, p))}"
                                         for p in people]
    differ = [row for row in rows if row["agree"] == "differ"]
    if differ:
        out += ["", "## Where answers differ", ""] + [f"- {escape_line(row['item'].prompt)}" for row in differ]
    return out


def _markdown_item(checklist: Checklist, people: list[dict], compared: dict) -> list[str]:
    item, entries = compared["item"], compared["entries"]
    out = ["", f"### {escape_line(item.prompt)}", "", f"{STATUS[compared['agree']]}.", ""]
    if item.typed:  # typed text: quoted, each person's under their name
        for i, (person, entry) in enumerate(zip(people, entries)):
            out += [""] if i else []
            label = escape_line(person["label"])
            if entry["answer"] is None:
                out.append(f"{label}: {escape_line(compared_answer(checklist, item, entry))}")
            else:
                out += [f"{label} wrote:", ""] + _quote(entry["answer"])
        return out
    out += [f"- {escape_line(person['label'])}: {escape_line(compared_answer(checklist, item, entry))}"
            for person, entry in zip(people, entries)]
    for person, entry in zip(people, entries):
        if entry["reason"] and not unexplained(checklist, item, entry):
            out += ["", f"Why it does not apply, from {escape_line(person['label'])}:", ""] + _quote(entry["reason"])
        if entry["note"]:
            out += ["", f"Note from {escape_line(person['label'])}:", ""] + _quote(entry["note"])
    return out


def _markdown_removed(people: list[dict], removed: list[dict]) -> list[str]:
    out = ["", f"## {REMOVED_TITLE}", "", REMOVED_INTRO]
    for question in removed:
        out += ["", f"### Question “{escape_line(_given(question['id'], ''))}”", ""]
        out += [f"- {escape_line(person['label'])}: {escape_line(entry['answer']) if entry else 'Not in this file'}"
                for person, entry in zip(people, question["entries"])]
        for person, entry in zip(people, question["entries"]):
            if entry and entry["note"]:
                out += ["", f"Note from {escape_line(person['label'])}:", ""] + _quote(entry["note"])
    return out


def render_comparison(checklist: Checklist, files: list[tuple[str, str | bytes]],
                      compared_at: dt.date | str | None = None) -> str:
    """The comparison as Markdown, the same as the page's "Download the comparison" button gives."""
    compared_at = str(compared_at or dt.date.today().isoformat())
    comparison = compare_records(checklist, files)
    people = comparison["people"]
    out = _markdown_head(checklist, comparison, compared_at)
    for section in comparison["sections"]:
        out += ["", f"## {escape_line(section['title'])}"]
        for compared in section["items"]:
            out += _markdown_item(checklist, people, compared)
    if comparison["removed"]:
        out += _markdown_removed(people, comparison["removed"])
    return "\n".join(out) + "\n"
