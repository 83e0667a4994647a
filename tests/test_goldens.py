"""Every tool's records, empty and filled, are exactly the golden files in tests/golden/.

Python's Markdown, JSON and Word records, and the browser's (records.js and widgets/docx/record.mjs
run in Node), must each equal their file; each record has one file that both match. After an
intended change, `make goldens` writes the files again and the change is reviewed as a git diff.
"""
import difflib
import json

import pytest

from dpup_toolkit import import_record

from .goldens import ROOT, STATES, TOOLS, browser_records, cases, definition, golden_path, python_records
from .test_front_end_logic import module  # noqa: F401  (a fixture: the browser's code as the site serves it)
from .test_parity import run_batch

CASES = cases()
IDS = [f"{tool}-{state}" for tool, state, *_ in CASES]


def assert_golden(tool: str, state: str, suffix: str, made: str, maker: str):
    path = golden_path(tool, state, suffix)
    assert path.exists(), f"{path.relative_to(ROOT)} is missing: run `make goldens`"
    golden = path.read_bytes().decode("utf-8")
    if made != golden:
        diff = "".join(difflib.unified_diff(golden.splitlines(keepends=True), made.splitlines(keepends=True),
                                            f"{path.relative_to(ROOT)} (golden)", f"made by {maker}"))
        pytest.fail(f"{maker}'s {suffix} record differs from the golden file "
                    f"(run `make goldens` if the change is intended, and review the diff):\n{diff}", pytrace=False)


@pytest.fixture(scope="module")
def browser(module, tmp_path_factory):  # noqa: F811
    """Every case's records from the browser's code, made in one Node process."""
    folder = tmp_path_factory.mktemp("goldens")
    made = browser_records(module, folder, [(checklist, answers, about) for _, _, checklist, answers, about in CASES])
    return dict(zip(IDS, made))


def test_every_tool_has_golden_records_and_no_stale_ones():
    tools = {path.stem for path in TOOLS}
    assert {path.name for path in (ROOT / "tests" / "golden").iterdir()} == tools
    suffixes = ("md", "json", "docx.txt")
    for tool in tools:
        expected = {f"{state}.{suffix}" for state in STATES for suffix in suffixes}
        assert {path.name for path in (ROOT / "tests" / "golden" / tool).iterdir()} == expected


@pytest.mark.parametrize("tool, state, checklist, answers, about", CASES, ids=IDS)
def test_python_records_match_the_goldens(tool, state, checklist, answers, about):
    for suffix, text in python_records(checklist, answers, about).items():
        assert_golden(tool, state, suffix, text, "Python")


@pytest.mark.parametrize("tool, state", [case[:2] for case in CASES], ids=IDS)
def test_browser_records_match_the_goldens(browser, tool, state):
    for suffix, text in browser[f"{tool}-{state}"].items():
        assert_golden(tool, state, suffix, text, "the browser")


def test_the_filled_answers_use_every_kind_of_answer():
    """The goldens only pin what the filled answers reach: every item kind, right and wrong quiz
    answers, "not applicable" with and without a reason, notes, unanswered items and the details."""
    filled = [(checklist, answers) for _, state, checklist, answers, _ in CASES if state == "filled"]
    kinds = {checklist.item(item_id).kind for checklist, answers in filled for item_id in answers}
    assert kinds == {"question", "text", "choice"}
    reasons = [entry.get("reason", "").strip() for checklist, answers in filled for entry in answers.values()
               if checklist.not_applicable and entry.get("answer") == checklist.not_applicable]
    assert "" in reasons and any(reasons)
    quiz = [(checklist.item(item_id).correct, entry["answer"]) for checklist, answers in filled
            for item_id, entry in answers.items() if getattr(checklist.item(item_id), "correct", None)]
    assert any(c == a for c, a in quiz) and any(a and c != a for c, a in quiz) and any(a is None for _, a in quiz)
    # A text item is its own note; every other tool has a note somewhere.
    assert all(any(entry.get("note") for entry in answers.values()) for checklist, answers in filled
               if any(item.kind != "text" for item in checklist.items))
    # An item left unanswered, in every tool with questions or text (a choice tool needs all its
    # choices to show a result).
    assert all(any(not entry.get("answer") for entry in answers.values()) or len(answers) < len(checklist.items)
               for checklist, answers in filled if any(item.kind != "choice" for item in checklist.items))


def test_every_golden_json_record_opens_again_with_its_answers(module):  # noqa: F811
    """Import reads back what export wrote, in Python and in the browser: the answers in the record,
    no notices, for every tool, empty and filled."""
    calls, expected = [], []
    for tool, state, checklist, *_ in CASES:
        text = golden_path(tool, state, "json").read_bytes().decode("utf-8")
        answers, notices = import_record(checklist, text)
        assert (answers, notices) == (json.loads(text)["answers"], [])
        calls.append(["importRecord", [definition(checklist), text]])
        expected.append({"value": {"answers": answers, "notices": notices}})
    assert run_batch(module, calls) == expected
