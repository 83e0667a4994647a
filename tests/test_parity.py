"""Python and the browser agree byte for byte on hostile input.

Hypothesis builds a large randomised corpus of notes and records from the characters and sequences
where Python and JavaScript differ (byte-order marks, NEL and other Unicode line or space characters,
control characters, non-ASCII digits) and from Markdown, GFM and MyST syntax. Each batch goes to one
Node process, so the corpus costs seconds.
"""
import json
import re
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dpup_toolkit import RecordError, import_record, load_checklist, render_json, render_markdown
from dpup_toolkit.records.rules import (LINE_START_SPACE, escape_line, escape_markdown, import_about, nesting,
                                 record_filename)

from .conftest import FIXTURES
from .test_front_end_logic import RUNNER, definition, module  # noqa: F401  (module is a fixture)

TOKENS = [
    "\r\n", "\r", "\n", "\u0085", "\u2028", "\u2029", "\ufeff", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f",
    "\x00", "\x7f", "\u00a0", "\u3000", "\u200b", " ", "  ", "\t", "٣", "１", "੧", "1.", "2)", "-", "+", "=", "*",
    "#", ">", "|", "~", "`", "```", "~~~", ":::", ":::{raw} html", "```{eval-rst}", "{include}", "{{ x }}",
    "%", "(", "(target)=", "$", "$$", "$x$", "@", "a@b.co", "http://", "https://x.org", "www.", "example.com",
    "<!--", "<script", "</script", "]]>", "<", "&", "&amp;", "[", "](", "![", "\\", "_", "^", "{", "}", ".",
    "ā", "Māori", "你好", "🙂", "\u0301",
    "\ud800", "\udbff",  # lone high surrogates (a low one after them would make a pair in JavaScript only)
]
hostile_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.characters(exclude_categories=("Cs",))),
                        max_size=40).map("".join)
CORPUS = settings(max_examples=12, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                         HealthCheck.function_scoped_fixture])


def run_batch(module, calls):  # noqa: F811
    out = subprocess.run(["node", str(RUNNER)], input=json.dumps({"module": str(module), "calls": calls}),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["results"]


def python_result(function, *args):
    try:
        return {"value": function(*args)}
    except RecordError as error:
        return {"error": str(error), "kind": "RecordError"}


@CORPUS
@given(st.lists(hostile_text, min_size=60, max_size=200))
def test_escaping_agrees_on_hostile_text(module, texts):  # noqa: F811
    calls = [[name, [text]] for text in texts for name in ("escapeMarkdown", "escapeLine")]
    expected = [{"value": f(text)} for text in texts for f in (escape_markdown, escape_line)]
    assert run_batch(module, calls) == expected


SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]


def test_a_line_start_allows_exactly_the_spaces_python_strips():
    # MyST reads a target, "(name)=", from a line as str.strip() leaves it (records/rules.py).
    allowed = re.compile(f"[{LINE_START_SPACE}]")
    assert [c for c in map(chr, range(0x110000)) if allowed.fullmatch(c)] == SPACES


def test_escaping_agrees_on_every_space_before_a_line_start_marker(module):  # noqa: F811
    texts = [f"{space}{marker}" for space in SPACES + ["\u200b", "\ufeff", "\x00"]
             for marker in ("(t)=", "- x", "1. x", "% x", ": x")]
    calls = [["escapeMarkdown", [text]] for text in texts]
    assert run_batch(module, calls) == [{"value": escape_markdown(text)} for text in texts]


@CORPUS
@given(st.lists(hostile_text, min_size=20, max_size=60))
def test_records_agree_on_hostile_notes(module, sample, notes):  # noqa: F811
    d = definition(sample)
    calls, expected = [], []
    for note in notes:
        answers = {"described": {"answer": "no", "note": note}, "told": {"answer": "yes", "note": note[::-1]}}
        calls += [["renderMarkdown", [d, answers, "2026-11-21"]], ["renderJson", [d, answers, "2026-11-21"]]]
        expected += [python_result(render_markdown, sample, answers, "2026-11-21"),
                     python_result(render_json, sample, answers, "2026-11-21")]
    assert run_batch(module, calls) == expected


@CORPUS
@given(st.lists(st.tuples(hostile_text, hostile_text, st.sampled_from(["", "2027-03-31", " 2027-03-31\n", "31/3/2027"])),
                min_size=20, max_size=60))
def test_details_and_file_names_agree_on_hostile_text(module, sample, details):  # noqa: F811
    d = definition(sample)
    answers = {"told": {"answer": "no", "note": "n"}}
    calls, expected = [], []
    for what, by, review in details:
        about = {"what": what, "completed_by": by, "review_by": review}
        record = render_json(sample, answers, "2026-11-21", about=about)
        calls += [["renderMarkdown", [d, answers, "2026-11-21", about]], ["renderJson", [d, answers, "2026-11-21", about]],
                  ["recordFilename", ["sample", about, "2026-11-21-0930", "md"]], ["importAbout", [record]]]
        expected += [python_result(render_markdown, sample, answers, "2026-11-21", None, about),
                     {"value": record}, {"value": record_filename("sample", about, "2026-11-21-0930", "md")},
                     {"value": import_about(record)}]
    assert run_batch(module, calls) == expected


def record_text(format_version="1", version="1", title='"Sample checklist"', id_='"sample"', answers="{}", bom=""):
    return (f'{bom}{{"format": "dpup-toolkit/checklist-record", "format_version": {format_version}, '
            f'"checklist": {{"id": {id_}, "version": {version}, "title": {title}}}, "answers": {answers}}}')


NUMBERS = ["1", "2", "3", "1.0", "2.0", "1e0", "10e-1", "true", "false", '"1"', "0", "-0.0", "1001", "1e300",
           "1e400", "-1", "null", "[]", "{}", "1.5", "9" * 5000, "NaN", "Infinity"]
json_value = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), hostile_text),
                          lambda children: st.one_of(st.lists(children, max_size=3),
                                                     st.dictionaries(hostile_text, children, max_size=3)),
                          max_leaves=8)


@st.composite
def hostile_records(draw):
    answer = draw(st.one_of(st.sampled_from(['"yes"', '"no"', '"na"', '""', "null", "0", "false", "[]", "{}",
                                             '"maybe"', '"ā"', "1.0"]), json_value.map(json.dumps)))
    note = draw(st.one_of(hostile_text.map(lambda t: json.dumps(t, ensure_ascii=draw(st.booleans()))),
                          st.sampled_from(["null", "0", "false", "[]", "{}", '""', '"a\\udc00b"', '"\\ud83d\\ude00"',
                                           '"\\ud83d"', '"\\udfff\\ud800"'])))
    answers = draw(st.sampled_from([
        f'{{"told": {{"answer": {answer}, "note": {note}}}}}',
        f'{{"described": {{"answer": {answer}}}, "retired": {{"answer": "yes"}}}}',
        "[]", '{"told": 1}', "{}",
    ]))
    title = draw(st.one_of(st.sampled_from(['"Other"', "null", "0", "[1, 2]", '{"toString": 1}', '""', "true"]),
                           hostile_text.map(json.dumps)))
    text = record_text(format_version=draw(st.sampled_from(NUMBERS)), version=draw(st.sampled_from(NUMBERS)),
                       title=title, id_=draw(st.sampled_from(['"sample"', '"other"', "null"])), answers=answers,
                       bom=draw(st.sampled_from(["", "\ufeff", "\ufeff\ufeff", " "])))
    depth = draw(st.sampled_from([0, 0, 0, 31, 33, 1000]))
    if depth:
        text = draw(st.sampled_from(["[" * depth + "]" * depth, text[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}"]))
    return text


@CORPUS
@given(st.lists(hostile_records(), min_size=60, max_size=150))
def test_imports_agree_on_hostile_records(module, sample, texts):  # noqa: F811
    d = definition(sample)
    results = run_batch(module, [["importRecord", [d, text]] for text in texts]
                        + [["nesting", [text]] for text in texts])
    expected = []
    for text in texts:
        outcome = python_result(import_record, sample, text)
        if "value" in outcome:
            answers, notices = outcome["value"]
            outcome = {"value": {"answers": answers, "notices": notices}}
        expected.append(outcome)
    expected += [{"value": nesting(text)} for text in texts]
    assert results == expected


def test_a_thousand_deep_record_is_refused_with_a_message_not_a_recursion_error(sample):
    for text in ["[" * 1000 + "]" * 1000, record_text(answers='{"x": ' + "[" * 100_000 + "]" * 100_000 + "}")]:
        try:
            import_record(sample, text)
        except RecordError as error:
            assert str(error) == "This file is not a checklist record: it is nested too deeply."
        else:
            raise AssertionError("a deeply nested file was accepted")


def test_the_known_differences_now_agree(module, sample):  # noqa: F811
    d = definition(sample)
    cases = [record_text(format_version="true"), record_text(version="1.0"), record_text(bom="\ufeff"),
             record_text(title='{"toString": 1}', id_='"other"'), record_text(version="true")]
    results = run_batch(module, [["importRecord", [d, text]] for text in cases])
    for text, result in zip(cases, results):
        outcome = python_result(import_record, sample, text)
        if "value" in outcome:
            outcome = {"value": dict(zip(("answers", "notices"), outcome["value"]))}
        assert result == outcome
    assert "error" in results[0] and "error" in results[4]  # true is not 1
    changed = "This tool changed since you saved it (version 1, now version 2)."
    assert results[1]["value"] == {"answers": {}, "notices": [changed]} == results[2]["value"]
    assert results[3] == {"kind": "RecordError",
                          "error": "This record is for another checklist (“unknown”), not “Sample checklist”."}
    notes = ["\ufeff- item", "\u0085+ plus", "\x1c1. one", "٣. three", "a\u0085", "x \u3000"]
    assert run_batch(module, [["escapeMarkdown", [n]] for n in notes]) == [{"value": escape_markdown(n)} for n in notes]



@pytest.fixture
def reasons():
    return load_checklist(FIXTURES / "reasons.yml")


@CORPUS
@given(st.lists(hostile_text, min_size=20, max_size=60))
def test_records_and_imports_agree_on_hostile_not_applicable_reasons(module, reasons, texts):  # noqa: F811
    """The reason given for "not applicable" goes into both records, and back in from an
    older record, the same way (blank, odd spaces and line breaks included)."""
    d = definition(reasons)
    calls, expected = [], []
    for text in texts:
        answers = {"identifies": {"answer": "na", "reason": text, "note": text[::-1]},
                   "told": {"answer": "na", "reason": text[:3]}}
        old = json.dumps({"format": "dpup-toolkit/checklist-record", "format_version": 1,
                          "checklist": {"id": "reasons", "version": 1, "title": "x"},
                          "answers": {**answers, "described": {"answer": "na"}, text or "x": {"answer": "no"}}})
        calls += [["renderMarkdown", [d, answers, "2026-11-21"]], ["renderJson", [d, answers, "2026-11-21"]],
                  ["importRecord", [d, old]]]
        imported = python_result(import_record, reasons, old)
        if "value" in imported:
            imported = {"value": dict(zip(("answers", "notices"), imported["value"]))}
        expected += [python_result(render_markdown, reasons, answers, "2026-11-21"),
                     python_result(render_json, reasons, answers, "2026-11-21"), imported]
    assert run_batch(module, calls) == expected
