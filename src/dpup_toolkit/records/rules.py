"""A completed checklist as a record a person keeps: the rules every record follows (answers and
details cleaned, text escaped for Markdown, file names), the JSON record to resume from, and
reading a record back (import).

The Markdown and Word records are laid out in blocks.py and written by markdown.py and
word.py. records.js (and the widget's rules.js) follow the same rules in the browser, byte for byte;
the parity tests and the golden records (tests/golden/) hold the two to it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable

from ..engine.catalogue import catalogue_entries
from ..engine.progress import SPACE, Answers
from ..engine.results import results_of
from ..engine.schema import Checklist
from ..shared import MAX_NESTING, MAX_VERSION, RECORD_FORMAT, RECORD_FORMAT_VERSION, WHITESPACE

# Escaping, identical in records.js (escapeMarkdown). Only explicit classes are used, because
# Python's \s and \d also match characters (NEL, other digits) that JavaScript's do not.
# Escaped: Markdown and GFM markup; "$" (maths); "{", "}" and ":" at a line's start (MyST roles,
# substitutions and ::: directives); "%" and "(" at a line's start (MyST comments and targets);
# "@", the ":" of "://" and a "." inside a word (bare links that linkify would make).
# "At a line's start" allows any space Python's str.strip() removes (LINE_START_SPACE), not only
# spaces and tabs: MyST reads a target, "(name)=", from the line stripped that way, so a note
# starting with NEL (U+0085) and "(name)=" became a target.
LINE_START_SPACE = WHITESPACE
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~&$@{}^]|:(?=//)|(?<=[^ \t.])\.(?=[^ \t.])")
_LINE_START_MARKER = re.compile(rf"^([{LINE_START_SPACE}]*)([-+=:%(])")
_LINE_START_NUMBER = re.compile(rf"^([{LINE_START_SPACE}]*[0-9]+)([.)])")
_INDENT = re.compile(r"^[ \t]+")  # no-break spaces: indentation shows, but never starts a code block
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class RecordError(ValueError):
    """An imported record that cannot be used; the message is written for the person importing it."""


def escape_markdown(text: str) -> str:
    """Make text show literally, line by line, in CommonMark, GFM and MyST: no HTML, links, maths,
    emphasis, headings, lists or directives."""
    lines = []
    for line in _LINE_BREAK.split(text):
        line = _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(0), line)
        line = _LINE_START_MARKER.sub(r"\1\\\2", line)
        line = _LINE_START_NUMBER.sub(r"\1\\\2", line)
        line = _INDENT.sub(lambda m: "\u00a0" * len(m.group(0)), line)
        lines.append(line)
    return "\n".join(lines)


def escape_line(text: str) -> str:
    """escape_markdown for a heading, list item or label: line breaks become spaces, so the text
    stays inside its line."""
    return escape_markdown(_LINE_BREAK.sub(" ", text))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # a str from JSON holds a valid pair as one character
# Control characters a person cannot see (all but tab, line feed, carriage return and NEL) and the
# non-characters U+FFFE and U+FFFF: pasted or imported, they break the Word record's XML and hide
# in the Markdown one. Each becomes U+FFFD, as the Word record showed them; CONTROL in checklist.js.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def _given(value, missing):
    """A saved value, or `missing` when there is none (null, absent or empty text): the same test
    as the widget's rules.js, so that 0, false, [] and {} are mistakes in both, not "no answer" in one.
    Text loses any lone surrogate (to U+FFFD): it cannot be written as UTF-8, and JSON.stringify
    would escape it where json.dumps does not; and so does any control character."""
    if isinstance(value, str):
        value = _CONTROL.sub("\ufffd", _LONE_SURROGATE.sub("\ufffd", value))
    return missing if value is None or (isinstance(value, str) and not value) else value


def _shown(value) -> str:
    """A value as a message quotes it: JSON for text, the same in the widget's rules.js."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else "not one of its answers"


def clean_answers(checklist: Checklist, answers: Answers) -> Answers:
    """Answers in checklist order, as {"answer": value, text or None, "note": text}, empty ones dropped."""
    cleaned: Answers = {}
    for item in checklist.items:
        entry = answers.get(item.id) or {}
        answer, note = _given(entry.get("answer"), None), _given(entry.get("note"), "")
        reason = _given(entry.get("reason"), "")
        if item.typed:
            if answer is not None and not isinstance(answer, str):
                raise RecordError(f"The answer to “{item.prompt}” is not text.")
            note = ""  # a text item is its own note
        elif answer is not None:
            allowed = item.allowed(checklist)
            if not isinstance(answer, str) or answer not in allowed:
                raise RecordError(f"The answer to “{item.prompt}” is {_shown(answer)}, which this checklist does not use.")
        if not isinstance(note, str):
            raise RecordError(f"The note for “{item.prompt}” is not text.")
        if not isinstance(reason, str):
            raise RecordError(f"The reason for “{item.prompt}” is not text.")
        if answer or note:
            cleaned[item.id] = {"answer": answer, "note": note}
            if reason and item.keeps_reason(checklist, answer):
                cleaned[item.id]["reason"] = reason  # kept only with the answer it explains
    return cleaned


NEEDS_REASON = "Say why this does not apply, or answer it."


def changes_message(checklist: Checklist, version: int, removed: int, kept: str) -> str:
    """What changed in the tool since answers were saved for `version`, in plain words (the same
    in the widget's rules.js): added and reworded items from the YAML's `changes`, removed ones counted."""
    later = [change for change in checklist.changes if change.version > version]
    known = {item.id for item in checklist.items}

    def count(field: str) -> int:
        return len({item_id for change in later for item_id in getattr(change, field) if item_id in known})

    added, reworded = count("added"), count("reworded")
    parts = [f"{added} question{'s' if added != 1 else ''} added"] if added else []
    parts += [f"{reworded} reworded"] if reworded else []
    if removed:
        parts.append(f"{removed} removed ({'your answer to it is' if removed == 1 else 'your answers to them are'} {kept})")
    text = f"This tool changed since you saved it (version {version}, now version {checklist.version})"
    return " ".join([text + (": " + ", ".join(parts) if parts else "") + ".", *(change.note for change in later if change.note)])


# What the check is about, asked in every tool; part of every record (never of its file name).
ABOUT_FIELDS = ("what", "completed_by", "review_by")
ABOUT_LABELS = {"what": "What is being checked", "completed_by": "Completed by", "review_by": "Review by"}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def clean_about(about) -> dict[str, str]:
    """{"what", "completed_by", "review_by"} as trimmed text ("" when missing or not text); a review
    date that is not a real day written YYYY-MM-DD is dropped. The same as cleanAbout in the widget's rules.js."""
    about = about if isinstance(about, dict) else {}
    cleaned = {}
    for field in ABOUT_FIELDS:
        value = _given(about.get(field), "")
        cleaned[field] = value.strip(SPACE) if isinstance(value, str) else ""
    if not is_date(cleaned["review_by"]):
        cleaned["review_by"] = ""
    return cleaned


def is_date(text: str) -> bool:
    """YYYY-MM-DD naming a day that exists (no 30 February), years 0001-9999; isDate in checklist.js."""
    if not _DATE.fullmatch(text):
        return False
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:])
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return year >= 1 and 1 <= month <= 12 and 1 <= day <= days[month - 1]


def about_lines(about) -> list[tuple[str, str]]:
    """(label, text) for each detail, "Not given" when empty."""
    about = clean_about(about)
    return [(ABOUT_LABELS[field], about[field] or "Not given") for field in ABOUT_FIELDS]


def because_lines(checklist: Checklist, because: list[dict]) -> list[tuple[str, str, str]]:
    """A rules result's `because` as lines (question, joint, answer): "Does it identify people? No",
    or "Your role: Front-line" for a question that does not end in "?" or ":" (becauseLines in the
    widget's rules.js)."""
    lines = []
    for entry in because:
        asked = checklist.item(entry["item"])
        lines.append((asked.prompt, " " if asked.prompt.endswith(("?", ":")) else ": ", asked.option_label(entry["answer"])))
    return lines


def record_filename(checklist_id: str, stamp: str, extension: str) -> str:
    """`<tool>-<date-time>.<extension>`. Never what was typed in "What are you checking?": a worker
    may type a person's name there, and a file name is seen by anyone who sees the file (in a
    folder, an email, a download list). The same as recordFilename in the widget's record-json.js."""
    return f"{checklist_id}-{stamp}.{extension}"


def import_about(text: str | bytes) -> dict[str, str] | None:
    """The details saved in a record that import_record accepted; None for a record made before
    records had them (the page then keeps what it shows)."""
    record = json.loads(record_text(text).removeprefix("\ufeff"), parse_int=float, parse_constant=_no_constant)
    about = record.get("about") if isinstance(record, dict) else None
    return clean_about(about) if isinstance(about, dict) else None


def _quote(text: str) -> list[str]:
    return [f"> {line}".rstrip(" \t") for line in escape_markdown(text).split("\n")]


def render_json(checklist: Checklist, answers: Answers, exported_at: dt.date | str | None = None,
                entries: list[dict] | None = None, about: dict | None = None) -> str:
    entries = catalogue_entries(checklist) if entries is None else entries
    answers = clean_answers(checklist, answers)
    record = {
        "format": RECORD_FORMAT,
        "format_version": RECORD_FORMAT_VERSION,
        "checklist": {"id": checklist.id, "version": checklist.version, "title": checklist.title},
        "exported_at": str(exported_at or dt.date.today().isoformat()),
        "about": clean_about(about),
        "answers": answers,
        "results": results_of(checklist, answers, entries),
    }
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


# The characters that matter for nesting, each matched on its own: a backslash and the character
# it escapes, a quote, a bracket. No alternative can backtrack, so one pass over the text is all
# the work, whatever the text (a pattern matching whole strings took minutes on runs of \").
_NESTING_TOKEN = re.compile(r'\\[\s\S]|["\[\]{}]')


def nesting(text: str) -> int:
    """How deeply a JSON text nests arrays and objects (strings skipped), in one pass; the same
    as nesting in records.js."""
    depth = deepest = 0
    in_string = False
    for token in _NESTING_TOKEN.findall(text):
        if token == '"':
            in_string = not in_string
        elif in_string or token[0] == "\\":
            continue
        elif token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def nothing_known(count: int) -> str:
    """The refusal when none of a record's answers is for a question this checklist asks."""
    return (f"None of the {count} answer(s) in this file is for a question this checklist asks, so there is nothing "
            "to bring in. Nothing was changed.")


NOT_UTF8 = ("This file is not a checklist record as the toolkit saves it: its text is not UTF-8. Another program "
            "may have saved it in another encoding, such as Latin-1; save it as UTF-8 and try again.")


def record_text(data: str | bytes) -> str:
    """A record file's text: its bytes must be UTF-8, as every record is written. Read any other
    way, accented letters would become U+FFFD without a word (recordText in records.js)."""
    if isinstance(data, str):
        return data
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        raise RecordError(NOT_UTF8) from None


@dataclasses.dataclass(frozen=True)
class RecordWords:
    """What a reader of record files says when a file is not a record it can use. "Open a saved
    progress file" (IMPORT_WORDS) and Compare (compare.py) read files with the same checks, worded
    for what each does with them."""
    not_text: str
    nested: str
    not_json: str
    not_record: str
    unknown_format: str
    other_tool: Callable[[str, Checklist], str]  # (the record's tool title, this tool)
    no_version: str
    newer: Callable[[int, Checklist], str]  # (the record's version, this tool)
    damaged: str


IMPORT_WORDS = RecordWords(
    not_text=NOT_UTF8,
    nested="This file is not a checklist record: it is nested too deeply.",
    not_json="This file is not a checklist record: it is not valid JSON.",
    not_record="This file is not a DPUP Toolkit checklist record.",
    unknown_format="This record was saved in a format this page does not know. Use the page it came from.",
    other_tool=lambda title, checklist: f"This record is for another checklist (“{title}”), not “{checklist.title}”.",
    no_version="This record does not say which version of the checklist it is for.",
    newer=lambda version, checklist: (f"This record comes from a newer version of this checklist (version {version}) "
                                      f"than this page has (version {checklist.version}). Nothing was changed."),
    damaged="This record's answers are damaged. Nothing was changed.",
)


def read_envelope(checklist: Checklist, data: str | bytes, words: RecordWords) -> tuple[dict, int]:
    """A record of this tool from a file's text or bytes, and its version as a whole number; or
    RecordError in `words` saying why not (readEnvelope in records.js).

    Read exactly as JSON.parse reads it: a leading byte-order mark is dropped, every number is a
    double (JSON.parse has no integers), and NaN or Infinity are not JSON. The nesting is measured
    before parsing, in one pass, so no file can make the parser recurse or take long.
    """
    try:
        text = record_text(data).removeprefix("\ufeff")
    except RecordError:
        raise RecordError(words.not_text) from None
    if nesting(text) > MAX_NESTING:
        raise RecordError(words.nested)
    try:
        record = json.loads(text, parse_int=float, parse_constant=_no_constant)
    except (ValueError, TypeError, RecursionError):
        raise RecordError(words.not_json) from None
    if not isinstance(record, dict) or record.get("format") != RECORD_FORMAT:
        raise RecordError(words.not_record)
    if not isinstance(record.get("format_version"), float) or record["format_version"] != RECORD_FORMAT_VERSION:
        raise RecordError(words.unknown_format)
    tool = record.get("checklist")
    if not isinstance(tool, dict) or tool.get("id") != checklist.id:
        title = tool.get("title") if isinstance(tool, dict) else None
        raise RecordError(words.other_tool(title if isinstance(title, str) and title else "unknown", checklist))
    version = tool.get("version")
    if not isinstance(version, float) or not version.is_integer() or not 1 <= version <= MAX_VERSION:
        raise RecordError(words.no_version)
    if version > checklist.version:
        raise RecordError(words.newer(int(version), checklist))
    answers = record.get("answers")
    if not isinstance(answers, dict) or not all(isinstance(entry, dict) for entry in answers.values()):
        raise RecordError(words.damaged)
    return record, int(version)


def import_record(checklist: Checklist, text: str | bytes) -> tuple[Answers, list[str]]:
    """Answers from a JSON record (its text, or the file's bytes), and notices for the person (for
    example, dropped old items); read as importRecord in records.js reads it."""
    record, version = read_envelope(checklist, text, IMPORT_WORDS)
    raw = record["answers"]
    known = {item.id for item in checklist.items}
    dropped = [item_id for item_id in raw if item_id not in known]
    kept = {k: v for k, v in raw.items() if k in known}
    if raw and not kept:
        # Importing would replace the answers with nothing: refuse, and say why.
        raise RecordError(nothing_known(len(raw)))
    notices = []
    if version < checklist.version:
        # An older record: say what changed. An answer "not applicable" to a question that no
        # longer offers it is cleared (the file still has it); elsewhere it now asks for a reason.
        notices.append(changes_message(checklist, version, len(dropped), "still in your file"))
        cleared = [item_id for item_id, entry in kept.items()
                   if entry.get("answer") is not None and checklist.item(item_id).withdrawn(checklist, entry.get("answer"))]
        if cleared:
            kept = {k: ({**v, "answer": None} if k in cleared else v) for k, v in kept.items()}
            notices.append(f"{len(cleared)} question(s) no longer offer “{checklist.answer_label(checklist.not_applicable)}”, "
                           "so those answers were cleared: please answer them again.")
    elif dropped:
        notices.append(f"{len(dropped)} saved answer(s) were for questions this version no longer asks, "
                       "so they were left out.")
    return clean_answers(checklist, kept), notices
