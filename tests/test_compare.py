"""Compare answers, for teams and agencies: several people's records of one tool, side by side. What
was set aside between versions is said in Compare's words, reasons for "not applicable" show, and
the page's Markdown (compare.js renderComparison) equals compare.py's byte for byte."""
import json

import pytest

from dpup_toolkit import load_checklist, render_json
from dpup_toolkit.compare import compare_records, compared_answer, render_comparison, table_rows

from .conftest import FIXTURES
from .test_front_end_logic import definition, module, run_js  # noqa: F401  (fixtures)
from .test_record import HOSTILE_NOTE


@pytest.fixture(scope="module")
def reasons():
    """Version 2; "not applicable" asks for a reason, and one question no longer offers it."""
    return load_checklist(FIXTURES / "reasons.yml")


def record(checklist, answers, completed_by=None, version=None, extra=None, what=None):
    """A record as the tool saves it; `version` an older one, `extra` answers the tool cannot take."""
    text = render_json(checklist, answers, "2026-11-30")
    if completed_by is None and version is None and extra is None and what is None:
        return text
    data = json.loads(text)
    if completed_by is not None or what is not None:
        data["about"] = {"completed_by": completed_by, "what": what}
    if version is not None:
        data["checklist"]["version"] = version
    data["answers"].update(extra or {})
    return json.dumps(data, ensure_ascii=False)


def team(sample):
    return [
        ("ana.json", record(sample, {"described": {"answer": "yes", "note": "Checked <b>it</b>"},
                                     "identifies": {"answer": "yes"}, "needed": {"answer": "no", "note": "Too much"}})),
        ("ben.json", record(sample, {"described": {"answer": "yes"}, "identifies": {"answer": "no"},
                                     "told": {"answer": "yes"}}, completed_by="  Aroha Ngata\n")),
        ("broken.json", "{"),
        ("other.json", record(sample, {}).replace('"id": "sample"', '"id": "another"')),
    ]


GOLDEN = r"""# Sample checklist: comparison of answers

- Tool: sample, version 2
- Compared: 2026-12-01
- People: 2
- All agree: 1 of 4 questions
- Answers differ: 3 of 4 questions
- Nobody answered: 0 of 4 questions
- broken\.json: This file was not compared: it is not valid JSON, so it is not a record saved by this toolkit.
- other\.json: This file was not compared: it is a record of another tool (“Sample checklist”), not of “Sample checklist”.

## People

- ana\.json: Completed by: not given. Saved on 2026-11-30, with version 2 of this tool.
- Aroha Ngata (from ben\.json): Completed by: Aroha Ngata. Saved on 2026-11-30, with version 2 of this tool.

## Where answers differ

- Does any of it identify people?
- Is each identifying part needed?
- Will people be told?

## The data

### Have you described the data?

All agree.

- ana\.json: Yes
- Aroha Ngata: Yes

Note from ana\.json:

> Checked \<b\>it\</b\>

### Does any of it identify people?

Answers differ.

- ana\.json: Yes
- Aroha Ngata: No

### Is each identifying part needed?

Answers differ.

- ana\.json: No
- Aroha Ngata: Not asked (an earlier answer skipped it)

Note from ana\.json:

> Too much

## The people

### Will people be told?

Answers differ.

- ana\.json: Not answered
- Aroha Ngata: Yes
"""


def test_comparison_of_a_small_team_is_exactly_as_written(sample):
    assert render_comparison(sample, team(sample), "2026-12-01") == GOLDEN


def test_each_bad_file_gets_its_own_message_naming_it_in_compares_words(sample):
    errors = compare_records(sample, team(sample))["errors"]
    assert [error["file"] for error in errors] == ["broken.json", "other.json"]
    assert all(error["reason"].startswith("This file was not compared: ") for error in errors)


# Files Compare leaves out, and why. None of them may speak as an import does ("Nothing was
# changed", "bring in"): Compare changes nothing.
LEFT_OUT = {
    "newer.json": (lambda tool: record(tool, {}, version=9),
                   "it was saved with version 9 of this tool, newer than this page (version 2). "
                   "Reload the page to get the newest version, then compare again."),
    "damaged.json": (lambda tool: record(tool, {}).replace('"answers": {}', '"answers": {"told": "yes"}'),
                     "its answers are damaged."),
    "format.json": (lambda tool: record(tool, {}).replace('"format_version": 1', '"format_version": 7'),
                    "it was saved in a record format this page does not know."),
    "no-version.json": (lambda tool: record(tool, {}).replace('"version": 2', '"version": "2"'),
                        "it does not say which version of this tool it was saved with."),
    "notes.json": (lambda tool: '{"hello": 1}', "it is not a record saved by this toolkit."),
    "deep.json": (lambda tool: "[" * 40 + "]" * 40, "it is not valid JSON, so it is not a record saved by this toolkit."),
    "latin1.json": (lambda tool: record(tool, {"told": {"answer": "no", "note": "Café"}}).encode("latin-1"),
                    "its text is not UTF-8. Another program may have saved it in another encoding, such as Latin-1; "
                    "save it as UTF-8 and choose it again."),
}


@pytest.mark.parametrize("name", LEFT_OUT)
def test_a_file_left_out_says_what_compare_did_with_it(run_js, sample, name):  # noqa: F811
    make, reason = LEFT_OUT[name]
    data = make(sample)
    comparison = compare_records(sample, [(name, data)])
    assert comparison["errors"] == [{"file": name, "reason": f"This file was not compared: {reason}"}]
    assert comparison["files"] == [{"file": name, "reason": f"This file was not compared: {reason}"}]
    if isinstance(data, str):  # bytes as the page reads them: tests/browser/test_compare.py
        js = run_js([["compareRecords", [definition(sample), [{"name": name, "text": data}]]]])["results"][0]["value"]
        assert js["errors"] == comparison["errors"]
    text = render_comparison(sample, [(name, data)], "2026-12-01")
    for words in ("Nothing was changed", "bring in", "imported", "Left out"):
        assert words not in text


def test_a_record_whose_every_answer_is_for_a_removed_question_is_still_compared(sample):
    gone = {"old-one": {"answer": "yes", "note": "We asked this in 2025"}, "old-two": {"answer": "no"}}
    files = [("ana.json", record(sample, {}, version=1, extra=gone)),
             ("ben.json", record(sample, {"told": {"answer": "yes"}}, version=1, extra={"old-two": {"answer": "yes"}}))]
    comparison = compare_records(sample, files)
    assert comparison["errors"] == []
    assert [p["file"] for p in comparison["people"]] == ["ana.json", "ben.json"]
    assert comparison["removed"] == [
        {"id": "old-one", "entries": [{"answer": "“yes”", "note": "We asked this in 2025"}, None]},
        {"id": "old-two", "entries": [{"answer": "“no”", "note": ""}, {"answer": "“yes”", "note": ""}]},
    ]
    text = render_comparison(sample, files, "2026-12-01")
    assert "- Answers to questions no longer in this tool: 2\n" in text
    assert text.endswith(
        "## Answers to questions no longer in this tool\n\nThese questions were in the version of this tool the record "
        "was saved with. This version no longer asks them; the records still hold the answers.\n\n"
        "### Question “old-one”\n\n- ana\\.json: “yes”\n- ben\\.json: Not in this file\n\n"
        "Note from ana\\.json:\n\n> We asked this in 2025\n\n"
        "### Question “old-two”\n\n- ana\\.json: “no”\n- ben\\.json: “yes”\n")
    assert "Saved on 2026-11-30, with version 1 of this tool (this page has version 2)." in text


def test_an_option_that_changed_shows_what_was_answered_and_that_it_no_longer_fits(kinds):
    files = [("ana.json", record(kinds, {"size": {"answer": "large"}})),
             ("ben.json", record(kinds, {}, version=2, extra={"size": {"answer": "medium", "note": "About 40 people"}}))]
    rows = table_rows(compare_records(kinds, files))
    size = next(row for row in rows if row["item"].id == "size")
    assert size["agree"] == "differ"
    assert [compared_answer(kinds, size["item"], entry) for entry in size["entries"]] == [
        "Large", "Answered “medium”, which no longer fits this question"]
    assert size["entries"][1]["note"] == "About 40 people"
    assert rows[0] is size  # where answers differ comes first


def test_an_answer_whose_kind_changed_is_set_aside_not_taken_for_not_answered(kinds, sample):
    # Was free text, now a choice; was a choice, now a question; a number where text belongs.
    kinds_files = [("a.json", record(kinds, {}, version=1, extra={"size": {"answer": "About 40 people"},
                                                                   "what": {"answer": 12}}))]
    sample_files = [("a.json", record(sample, {}, version=1, extra={"told": {"answer": "large"}})),
                    ("b.json", record(sample, {"told": {"answer": "yes"}}))]
    kinds_text = render_comparison(kinds, kinds_files, "2026-12-01")
    assert "- a\\.json: Answered “About 40 people”, which no longer fits this question\n" in kinds_text
    assert "a\\.json: An answer this page cannot read, which no longer fits this question\n" in kinds_text
    sample_text = render_comparison(sample, sample_files, "2026-12-01")
    assert ("### Will people be told?\n\nAnswers differ.\n\n- a\\.json: Answered “large”, which no longer fits this "
            "question\n- b\\.json: Yes\n") in sample_text
    assert "Not answered" not in sample_text.split("### Will people be told?")[1]


def test_an_answer_that_never_fitted_this_version_says_so(sample):
    files = [("a.json", record(sample, {}, extra={"told": {"answer": "maybe"}})), ("b.json", record(sample, {}))]
    assert "- a\\.json: Answered “maybe”, which does not fit this question\n" in render_comparison(sample, files, "x")


def test_not_applicable_no_longer_offered_is_set_aside_with_its_label(reasons):
    files = [("a.json", record(reasons, {}, version=1, extra={"described": {"answer": "na", "note": "Old form"}})),
             ("b.json", record(reasons, {"described": {"answer": "yes"}}))]
    text = render_comparison(reasons, files, "2026-12-01")
    assert ("### Have you described the data?\n\nAnswers differ.\n\n- a\\.json: Answered “Not applicable”, which no "
            "longer fits this question\n- b\\.json: Yes\n\nNote from a\\.json:\n\n> Old form\n") in text


def test_a_justified_not_applicable_and_an_unexplained_one_look_different(reasons):
    files = [("a.json", record(reasons, {"identifies": {"answer": "na", "reason": "We hold no names\n# at all"}})),
             ("b.json", record(reasons, {"identifies": {"answer": "na"}}))]
    text = render_comparison(reasons, files, "2026-12-01")
    assert ("### Does any of it identify people?\n\nAll agree.\n\n- a\\.json: Not applicable\n"
            "- b\\.json: Not applicable, no reason given\n\nWhy it does not apply, from a\\.json:\n\n"
            "> We hold no names\n> \\# at all\n") in text


def test_three_people_who_all_agree(sample):
    answers = {"described": {"answer": "yes"}, "identifies": {"answer": "no"}, "told": {"answer": "no"}}
    files = [(f"{name}.json", record(sample, answers, completed_by=name.title())) for name in ("ana", "ben", "cai")]
    comparison = compare_records(sample, files)
    assert [p["label"] for p in comparison["people"]] == ["Ana", "Ben", "Cai"]
    assert [row["agree"] for row in table_rows(comparison)] == ["agree", "agree", "agree"]
    text = render_comparison(sample, files, "2026-12-01")
    assert "- All agree: 3 of 3 questions\n- Answers differ: 0 of 3 questions\n" in text
    assert "## Where answers differ" not in text


def test_three_people_who_all_disagree_are_listed_in_the_tools_order(sample):
    files = [("a.json", record(sample, {"described": {"answer": "yes"}, "identifies": {"answer": "yes"},
                                        "needed": {"answer": "yes"}, "told": {"answer": "yes"}})),
             ("b.json", record(sample, {"described": {"answer": "no"}, "identifies": {"answer": "no"},
                                        "told": {"answer": "no"}})),
             ("c.json", record(sample, {"described": {"answer": "na"}, "identifies": {"answer": "na"}}))]
    rows = table_rows(compare_records(sample, files))
    assert [(row["item"].id, row["agree"]) for row in rows] == [
        ("described", "differ"), ("identifies", "differ"), ("needed", "differ"), ("told", "differ")]


def test_disagreements_come_first_then_the_rest_in_the_tools_order(sample):
    files = [("a.json", record(sample, {"described": {"answer": "yes"}, "told": {"answer": "yes"}})),
             ("b.json", record(sample, {"described": {"answer": "yes"}, "told": {"answer": "no"}}))]
    rows = table_rows(compare_records(sample, files))
    assert [(row["item"].id, row["agree"]) for row in rows] == [
        ("told", "differ"), ("described", "agree"), ("identifies", "none")]


def test_free_text_shows_each_persons_text_and_agreement_ignores_spaces_at_the_ends(kinds):
    files = [("a.json", record(kinds, {"what": {"answer": "Names"}, "why": {"answer": "To call back"}})),
             ("b.json", record(kinds, {"what": {"answer": "  Names\n"}, "why": {"answer": "To\nwrite"}})),
             ("c.json", record(kinds, {"what": {"answer": "Names"}}))]
    text = render_comparison(kinds, files, "2026-12-01")
    assert "### What will you collect?\n\nAll agree.\n\na\\.json wrote:\n\n> Names\n\nb\\.json wrote:\n\n> Names\n" in text
    assert "### Why do you need it?\n\nAnswers differ.\n\na\\.json wrote:\n\n> To call back\n\n" \
           "b\\.json wrote:\n\n> To\n> write\n\nc\\.json: Not written\n" in text
    assert "### How big is the impact?\n\nNobody answered.\n" in text


def test_the_same_name_twice_stays_two_people(sample):
    files = [(name, record(sample, {"told": {"answer": answer}}, completed_by="Sam"))
             for name, answer in (("1.json", "yes"), ("2.json", "no"))]
    assert [p["label"] for p in compare_records(sample, files)["people"]] == ["Sam", "Sam (2)"]


def file_sets(sample, kinds, reasons):
    hostile = {"described": {"answer": "no", "note": HOSTILE_NOTE}, "told": {"answer": "na", "note": "Kia ora whānau\r\n你好 🙂"}}
    odd_ids = {"12": {"answer": "yes"}, "constructor": {"answer": "no"}, "__proto__": {"note": "x"}, "": {"answer": 3},
               "z🙂": {"answer": "\x1b[31m"}, "z\uffff": {"answer": "yes"}, "lone\ud800": {"note": "\ud800"}}
    return [
        (sample, team(sample)),
        (sample, [("<b>x</b>.json", record(sample, hostile, completed_by="# Me & <i>you</i>\r\n- list")),
                  ("\ufeffbom.json", "\ufeff" + record(sample, hostile)),
                  ("empty.json", record(sample, {})),
                  ("deep.json", "[" * 40 + "]" * 40),
                  ("version.json", record(sample, {}).replace('"version": 2', '"version": 9')),
                  ("odd.json", record(sample, {}).replace('"answers": {}', '"answers": {"told": {"answer": 0}}')),
                  ("by.json", record(sample, {"told": {"answer": "yes"}}, completed_by=7)),
                  ("ids.json", record(sample, {}, version=1, extra=odd_ids, what="Ward 3 <forms>"))]),
        (kinds, [("a.json", record(kinds, {"what": {"answer": "Names " + HOSTILE_NOTE}, "size": {"answer": "large"},
                                           "sensitive": {"answer": "high"}, "why-sensitive": {"answer": "health",
                                                                                              "note": "1. first"}})),
                 ("b.json", record(kinds, {"what": {"answer": "Names"}, "sensitive": {"answer": "low"}}, "\ud800x")),
                 ("c.json", record(kinds, {}, version=2, extra={"size": {"answer": "medium", "note": 5},
                                                                 "what": {"answer": ["x"]}, "gone": {"answer": "a"}}))]),
        (reasons, [("a.json", record(reasons, {"identifies": {"answer": "na", "reason": "No names\r\n- at all"}})),
                   ("b.json", record(reasons, {"identifies": {"answer": "na"}, "told": {"answer": "na", "reason": "x"}})),
                   ("c.json", record(reasons, {}, version=1, extra={"described": {"answer": "na", "reason": "Old"},
                                                                     "identifies": {"answer": "na", "reason": 4}}))]),
        (sample, []),
    ]


def test_the_page_writes_the_same_comparison_as_python(run_js, sample, kinds, reasons):  # noqa: F811
    sets = file_sets(sample, kinds, reasons)
    calls = [["renderComparison", [definition(tool), [{"name": n, "text": t} for n, t in files], "2026-12-01"]]
             for tool, files in sets]
    results = run_js(calls)["results"]
    for (tool, files), result in zip(sets, results):
        assert result == {"value": render_comparison(tool, files, "2026-12-01")}


def test_the_page_orders_the_table_as_python_does(run_js, sample, kinds, reasons):  # noqa: F811
    sets = file_sets(sample, kinds, reasons)
    calls = [["compareRecords", [definition(tool), [{"name": n, "text": t} for n, t in files]]] for tool, files in sets]
    for (tool, files), result in zip(sets, run_js(calls)["results"]):
        js = result["value"]
        py = compare_records(tool, files)
        assert js["files"] == py["files"] and js["errors"] == py["errors"] and js["removed"] == py["removed"]
        order = [(row["item"]["id"], row["agree"]) for row in
                 [c for s in js["sections"] for c in s["items"] if c["agree"] == "differ"]
                 + [c for s in js["sections"] for c in s["items"] if c["agree"] != "differ"]]
        assert order == [(row["item"].id, row["agree"]) for row in table_rows(py)]
