"""“Not applicable” never passes silently: a tool names its N/A answer, items where it
never fits leave it out, an N/A needs a reason before it counts as met, and saved answers or
records of an older version say what changed. Python and checklist.js agree byte for byte."""
import json

import pytest

from dpup_toolkit import ChecklistFileError, RecordError, import_record, load_checklist, progress, render_json, render_markdown
from dpup_toolkit.records.rules import changes_message
from dpup_toolkit.engine.schema import parse_checklist

from .conftest import FIXTURES, ROOT
from .helpers import storage_key
from .test_front_end_logic import definition, module, run_js  # noqa: F401  (fixtures)


@pytest.fixture
def reasons():
    return load_checklist(FIXTURES / "reasons.yml")


REASON = "  No one is told: <b>nothing</b> is kept\n# after the call  "
ANSWERS = {
    "described": {"answer": "yes", "reason": "a reason without N/A is not kept"},
    "identifies": {"answer": "na", "note": "Check with the team"},
    "told": {"answer": "na", "reason": REASON},
}

GOLDEN_MARKDOWN = r"""# Reasons sample: record

- What is being checked: Not given
- Completed by: Not given
- Review by: Not given
- Checklist: reasons, version 2
- Exported: 2026-11-21
- Progress: 3 of 3 questions answered
- Not met: 1

## What to do next

1. Does any of it identify people?
   - What to do: Say why this does not apply, or answer it.

## The data

### Have you described the data?

Answer: Yes

### Does any of it identify people?

Answer: Not applicable

Why it does not apply: Not given yet

Note:

> Check with the team

## The people

### Will people be told?

Answer: Not applicable

Why it does not apply:

> \u00a0\u00a0No one is told: \<b\>nothing\</b\> is kept
> \# after the call
""".replace("\\u00a0", "\u00a0")


def test_an_na_without_a_reason_is_not_met_and_says_what_to_do(reasons):
    assert render_markdown(reasons, ANSWERS, "2026-11-21") == GOLDEN_MARKDOWN
    status = progress(reasons, ANSWERS)
    assert [item.id for item in status.unmet] == ["identifies"]
    assert status.summary() == "3 of 3 questions answered. 1 not met."


def test_a_reason_makes_it_met_and_blank_space_is_no_reason(reasons):
    given = {**ANSWERS, "identifies": {"answer": "na", "reason": "Figures only, no names"}}
    assert progress(reasons, given).unmet == ()
    assert "Nothing is marked as not met." in render_markdown(reasons, given, "2026-11-21")
    blank = {**ANSWERS, "identifies": {"answer": "na", "reason": " \n\t "}}
    assert [item.id for item in progress(reasons, blank).unmet] == ["identifies"]


def test_the_reason_is_saved_in_the_answer_entry_and_round_trips(reasons):
    text = render_json(reasons, ANSWERS, "2026-11-21")
    record = json.loads(text)
    assert record["answers"] == {
        "described": {"answer": "yes", "note": ""},
        "identifies": {"answer": "na", "note": "Check with the team"},
        "told": {"answer": "na", "note": "", "reason": REASON},
    }
    assert record["results"] == [{"kind": "unmet", "title": "What to do next", "items": ["identifies"]}]
    answers, notices = import_record(reasons, text)
    assert answers == record["answers"] and notices == []


def test_an_item_where_na_never_fits_refuses_it(reasons):
    with pytest.raises(RecordError) as caught:
        render_json(reasons, {"described": {"answer": "na"}}, "2026-11-21")
    assert str(caught.value) == "The answer to “Have you described the data?” is \"na\", which this checklist does not use."
    with pytest.raises(RecordError) as caught:
        render_json(reasons, {"told": {"answer": "na", "reason": 5}}, "2026-11-21")
    assert str(caught.value) == "The reason for “Will people be told?” is not text."


def test_the_summary_lists_the_questions_not_yet_answered(reasons):
    text = render_markdown(reasons, {"identifies": {"answer": "yes"}}, "2026-11-21")
    assert text.split("## The data")[0].endswith(
        "## Not yet answered\n\n- Have you described the data?\n- Will people be told?\n\n")


def v1_record(answers):
    return json.dumps({"format": "dpup-toolkit/checklist-record", "format_version": 1,
                       "checklist": {"id": "reasons", "version": 1, "title": "Reasons sample"}, "answers": answers})


V1_ANSWERS = {"described": {"answer": "na", "note": "old N/A, now not offered"},
              "identifies": {"answer": "na", "note": "keep me"},
              "retired": {"answer": "yes"}}


def test_a_version_1_record_is_migrated_and_says_what_changed(reasons):
    answers, notices = import_record(reasons, v1_record(V1_ANSWERS))
    assert answers == {"described": {"answer": None, "note": "old N/A, now not offered"},
                       "identifies": {"answer": "na", "note": "keep me"}}
    assert notices == [
        "This tool changed since you saved it (version 1, now version 2): 1 question added, 2 reworded, "
        "1 removed (your answer to it is still in your file). Not applicable now needs a reason.",
        "1 question(s) no longer offer “Not applicable”, so those answers were cleared: please answer them again.",
    ]
    # The old N/A now needs a reason, so it shows under What to do next.
    assert [item.id for item in progress(reasons, answers).unmet] == ["identifies"]


def test_changes_are_counted_from_the_versions_after_the_saved_one(reasons, sample):
    assert changes_message(reasons, 2, 0, "x") == "This tool changed since you saved it (version 2, now version 2)."
    assert changes_message(sample, 1, 3, "kept in the download") == (
        "This tool changed since you saved it (version 1, now version 2): 3 removed "
        "(your answers to them are kept in the download).")


@pytest.mark.parametrize("old, new, field, reason", [
    ("not_applicable: \"na\"\n", "not_applicable: \"maybe\"\n", "not_applicable",
     "unknown answer value 'maybe'; the answers are ['yes', 'no', 'na']"),
    ('met: ["yes", "na"]', 'met: ["yes"]', "not_applicable", "must also be in met (with a reason, it counts as met)"),
    ('{"yes": "Good.", "no": "Describe it first."}', '{"yes": "Good.", "no": "Describe it first.", "na": "x"}',
     "sections[0].items[0].guidance.na", "'na' is not offered here (not_applicable: false)"),
    ("        not_applicable: false\n", "        not_applicable: 'no'\n", "sections[0].items[0].not_applicable",
     "Input should be a valid boolean"),
    ("  - version: 2\n", "  - version: 3\n", "changes[0].version", "must be after 1 and at most the tool's version 2"),
    ("added: [told]", "added: [gone]", "changes[0].added[0]", "'gone' is not an item in this tool"),
])
def test_mistakes_in_the_new_fields_name_the_field(old, new, field, reason):
    text = (FIXTURES / "reasons.yml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(ChecklistFileError) as caught:
        parse_checklist(text.replace(old, new), "reasons.yml")
    assert (caught.value.field, caught.value.reason) == (field, reason)


def test_an_item_cannot_drop_na_when_the_tool_has_none():
    text = (FIXTURES / "sample.yml").read_text(encoding="utf-8").replace(
        "        action: Write down each kind of data.\n", "        action: Write down each kind of data.\n"
        "        not_applicable: false\n")
    with pytest.raises(ChecklistFileError) as caught:
        parse_checklist(text, "sample.yml")
    assert (caught.value.field, caught.value.reason) == (
        "sections[0].items[0].not_applicable", "the tool names no not_applicable answer to leave out")


def test_every_tool_with_na_asks_for_a_reason_and_drops_it_where_it_never_fits():
    for path in sorted((ROOT / "checklists").glob("*.yml")):
        tool = load_checklist(path)
        if not tool.questions:
            continue
        assert tool.not_applicable == "na" and tool.version >= 2, path.name
        assert tool.changes and tool.changes[0].version == 2 and tool.changes[0].note, path.name
        for item in tool.questions:
            # Guidance that says N/A does not fit means the item does not offer it.
            assert item.not_applicable == ("na" in item.guidance), (path.name, item.id)
    purpose = load_checklist(ROOT / "checklists" / "purpose-statement.yml")
    dropped = [item.id for item in purpose.questions if not item.not_applicable]
    assert dropped == ["data-described", "purpose-written", "benefit-clear", "minimum-only", "risks-weighed",
                       "who-will-see", "kept-safe", "fair-not-just-legal", "told-in-right-way", "others-involved"]


# ---- checklist.js agrees ----

JS_SETS = [
    ANSWERS,
    {"identifies": {"answer": "na", "reason": " \t"}, "told": {"answer": "no", "reason": "not kept"}},
    {"told": {"answer": "na", "reason": "Kia ora whānau — 你好 🙂\r\n- a list? \ufeff٣. no", "note": "x"}},
    {},
]


@pytest.mark.parametrize("answers", JS_SETS, ids=["golden", "blank-reason", "unicode", "empty"])
def test_the_browser_makes_the_same_records(run_js, reasons, answers):  # noqa: F811
    d = definition(reasons)
    results = run_js([["renderMarkdown", [d, answers, "2026-11-21"]], ["renderJson", [d, answers, "2026-11-21"]],
                      ["progressOf", [d, answers]]])["results"]
    assert results[0]["value"] == render_markdown(reasons, answers, "2026-11-21")
    assert results[1]["value"] == render_json(reasons, answers, "2026-11-21")
    assert [item["id"] for item in results[2]["value"]["unmet"]] == [item.id for item in progress(reasons, answers).unmet]


def test_the_browser_migrates_a_version_1_record_the_same_way(run_js, reasons):  # noqa: F811
    d = definition(reasons)
    texts = [v1_record(V1_ANSWERS), v1_record({"told": {"answer": "na", "reason": 7}}), v1_record({}),
             render_json(reasons, ANSWERS, "2026-11-21")]
    results = run_js([["importRecord", [d, text]] for text in texts])["results"]
    expected = []
    for text in texts:
        try:
            answers, notices = import_record(reasons, text)
            expected.append({"value": {"answers": answers, "notices": notices}})
        except RecordError as error:
            expected.append({"error": str(error), "kind": "RecordError"})
    assert results == expected
    assert results[1]["error"] == "The reason for “Will people be told?” is not text."


def test_a_version_1_save_in_the_browser_keeps_everything_and_says_what_changed(run_js, reasons):  # noqa: F811
    old = {storage_key("reasons", 1): json.dumps({"answers": V1_ANSWERS})}
    out = run_js([["loadSaved", [definition(reasons)]]], storage=old)
    value = out["results"][0]["value"]
    assert value["answers"] == {"described": {"answer": None, "note": "old N/A, now not offered"},
                                "identifies": {"answer": "na", "note": "keep me"}}
    assert value["message"] == (
        "This tool changed since you saved it (version 1, now version 2): 1 question added, 2 reworded, 1 removed "
        "(your answer to it is kept in the download). Not applicable now needs a reason. Your earlier answers were "
        "brought across: please check them. 1 question(s) no longer offer “Not applicable”, so those answers were "
        "cleared: please answer them again. 2 saved answer(s) or note(s) could not be used here (for questions this "
        "version no longer asks, or in a form this page cannot read), so they were left out. A copy of everything "
        "saved before is kept in this browser. You can download it below.")
    assert out["storage"][storage_key("reasons", 1) + ":unreadable"] == old[storage_key("reasons", 1)]
