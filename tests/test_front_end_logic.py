"""checklist.js runs the same rules as the Python engine: the static site has no kernel, so the
browser makes the records itself. These tests run the front-end's functions in Node and compare
them with progress.py and records/rules.py, and check its saved-state handling."""
import json
import re
import subprocess

import pytest

from dpup_toolkit import RecordError, import_record, progress, render_json, render_markdown
from dpup_toolkit.records.rules import escape_markdown
from dpup_toolkit.widget import front_end

from .conftest import ROOT
from .helpers import storage_key
from .test_record import ANSWERS, HOSTILE_NOTE, KINDS_ANSWERS, record_with

RUNNER = ROOT / "tests" / "js" / "run_front_end_logic.mjs"


@pytest.fixture(scope="module")
def module(tmp_path_factory):
    # The widget's source modules, run in place as ES modules; one module that re-exports them all
    # gives the tests every function.
    folder = tmp_path_factory.mktemp("js")
    (folder / "all.mjs").write_text("".join(f'export * from "{path.as_uri()}";\n' for path in front_end.module_files()),
                                    encoding="utf-8")
    return folder / "all.mjs"


@pytest.fixture
def run_js(module):
    def run(calls, storage=None, quota=None):
        request = {"module": str(module), "calls": calls, "storage": storage or {}}
        if quota is not None:
            request["quota"] = quota
        out = subprocess.run(["node", str(RUNNER)], input=json.dumps(request), capture_output=True, text=True, check=True)
        return json.loads(out.stdout)
    return run


def definition(checklist):
    return checklist.model_dump(mode="json")


ANSWER_SETS = [
    {},
    ANSWERS,
    {"told": {"answer": "na", "note": "Kia ora whānau — 你好 🙂\r\nline two"}},
    {"identifies": {"answer": "no"}, "needed": {"answer": "no", "note": "hidden, so left out of the record"}},
    {"described": {"answer": "no", "note": "x" * 100_000}},
]


@pytest.mark.parametrize("answers", ANSWER_SETS, ids=["empty", "hostile", "unicode", "hidden", "long-note"])
def test_records_made_in_the_browser_match_python_byte_for_byte(run_js, sample, answers):
    d = definition(sample)
    results = run_js([["renderMarkdown", [d, answers, "2026-11-21"]], ["renderJson", [d, answers, "2026-11-21"]],
                      ["progressOf", [d, answers]]])["results"]
    assert results[0]["value"] == render_markdown(sample, answers, "2026-11-21")
    assert results[1]["value"] == render_json(sample, answers, "2026-11-21")
    status = progress(sample, answers)
    js_status = results[2]["value"]
    assert (js_status["answered"], js_status["total"]) == (status.answered, status.total)
    assert [item["id"] for item in js_status["unmet"]] == [item.id for item in status.unmet]


KIND_ANSWER_SETS = [
    {},
    KINDS_ANSWERS,
    {"what": {"answer": " \n\t "}, "size": {"answer": "small", "note": "x"}, "sensitive": {"answer": "low"}},
    {"why": {"answer": "Because. " + " ".join(["many"] * 30) + ". Then “a quote.” (and a bracket.) end"},
     "sensitive": {"answer": "low"}, "why-sensitive": {"answer": "health"}},
    {"what": {"answer": "Kia ora whānau — 你好 🙂. e\u0301 ½ x\u2003y\u00a0z.\u2028Next\ufeff. Last\x1cone"},
     "size": {"answer": "large"}, "sensitive": {"answer": "high"}, "why-sensitive": {"answer": "health"}},
]


@pytest.mark.parametrize("answers", KIND_ANSWER_SETS, ids=["empty", "golden", "blank-text", "long", "unicode"])
def test_records_and_results_of_every_kind_match_python_byte_for_byte(run_js, kinds, answers):
    from dpup_toolkit.engine.results import results_of
    d = definition(kinds)
    results = run_js([["renderMarkdown", [d, answers, "2026-11-21"]], ["renderJson", [d, answers, "2026-11-21"]],
                      ["resultsOf", [d, answers]], ["progressOf", [d, answers]]])["results"]
    assert results[0]["value"] == render_markdown(kinds, answers, "2026-11-21")
    assert results[1]["value"] == render_json(kinds, answers, "2026-11-21")
    assert results[2]["value"] == results_of(kinds, answers)
    status = progress(kinds, answers)
    assert (results[3]["value"]["answered"], results[3]["value"]["total"]) == (status.answered, status.total)


PLAIN_TEXTS = [
    "", "One.", "Short one. Another short one! And a question? Yes.",
    " ".join(["word"] * 26) + ". " + " ".join(["word"] * 25) + ".",
    "“Quoted end.” Next (with a bracket.) last one", "Don’t stop-gap it's e.g. fine. 3.5 million people. ½ of ²",
    "Kia ora whānau — 你好 🙂. e\u0301 x\u2003y\u00a0z.\u2028Next\ufeff. Last\x1cone. \x85End.",
    "One two three four. Five six seven eight. A b c d. One two three four five",
    "Tabs\tand\nnew lines.\r\nStill  counted   once.",
]


def test_the_plain_language_check_matches_python(run_js):
    from dpup_toolkit.engine.plain_language import check_text
    results = run_js([["checkText", [[text, "Second block. Two."]]] for text in PLAIN_TEXTS])["results"]
    assert [r["value"] for r in results] == [check_text([text, "Second block. Two."]) for text in PLAIN_TEXTS]


def test_the_catalogue_result_matches_python(run_js, tmp_path):
    from dpup_toolkit import load_checklist
    from dpup_toolkit.engine.catalogue import catalogue_entries
    from dpup_toolkit.engine.results import results_of
    from .conftest import FIXTURES
    (tmp_path / "sample.yml").write_text((FIXTURES / "sample.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "kinds.yml").write_text((FIXTURES / "kinds.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "finder.yml").write_text(NAVIGATOR, encoding="utf-8")
    finder = load_checklist(tmp_path / "finder.yml")
    entries = catalogue_entries(finder)
    assert [entry["id"] for entry in entries] == ["finder", "kinds", "sample"]
    d = {**definition(finder), "catalogue": entries}
    sets = [{}, {"role": {"answer": "team-leaders"}}, {"role": {"answer": "front-line"}, "stage": {"answer": "planning"}},
            {"stage": {"answer": "design"}}]
    calls = [c for answers in sets for c in (["resultsOf", [d, answers]], ["renderMarkdown", [d, answers, "x"]])]
    results = [r["value"] for r in run_js(calls)["results"]]
    for i, answers in enumerate(sets):
        assert results[2 * i] == results_of(finder, answers, entries)
        assert results[2 * i + 1] == render_markdown(finder, answers, "x")
    def ids(n):
        return [entry["id"] for entry in results[n][0]["tools"]]
    assert ids(2) == ["kinds"] and ids(4) == ["sample", "kinds"]  # sample is made for fewer roles
    assert ids(6) == []


CASE_NOTEBOOK = {"cells": [], "nbformat": 4, "nbformat_minor": 5, "metadata": {"case_study": {
    "title": "A notebook case <b>bold</b>", "summary": "Team leaders, any stage. *Not emphasis*",
    "roles": ["team-leaders"], "stages": ["planning", "design"]}}}
CASE_PAGE = """---
case_study:
  title: A page case
  summary: For the front line, at the design stage.
  roles: [front-line]
  stages: [design]
---
# A page case
"""


def test_the_catalogue_lists_case_studies_the_same_in_python_and_the_browser(run_js, tmp_path):
    from dpup_toolkit import load_checklist
    from dpup_toolkit.engine.catalogue import catalogue_entries
    from dpup_toolkit.engine.results import results_of
    from .conftest import FIXTURES
    tools, cases = tmp_path / "tools", tmp_path / "cases"
    tools.mkdir(), cases.mkdir()
    (tools / "kinds.yml").write_text((FIXTURES / "kinds.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tools / "finder.yml").write_text(NAVIGATOR.replace("stage: stage}}", "stage: stage}, case_studies: ../cases}"),
                                      encoding="utf-8")
    (cases / "notebook-case.ipynb").write_text(json.dumps(CASE_NOTEBOOK), encoding="utf-8")
    (cases / "page-case.md").write_text(CASE_PAGE, encoding="utf-8")
    (cases / "index.md").write_text("# Cases without metadata are not listed\n", encoding="utf-8")
    finder = load_checklist(tools / "finder.yml")
    entries = catalogue_entries(finder)
    assert [(entry["kind"], entry["id"], entry["page"]) for entry in entries] == [
        ("tool", "finder", "tools/finder"), ("tool", "kinds", "tools/kinds"),
        ("case", "notebook-case", "cases/notebook-case"), ("case", "page-case", "cases/page-case")]
    d = {**definition(finder), "catalogue": entries}
    sets = [{}, {"role": {"answer": "team-leaders"}}, {"role": {"answer": "front-line"}, "stage": {"answer": "design"}},
            {"stage": {"answer": "design"}}, {"role": {"answer": "front-line"}, "stage": {"answer": "planning"}}]
    calls = [c for answers in sets for c in (["resultsOf", [d, answers]], ["renderMarkdown", [d, answers, "x"]],
                                              ["renderJson", [d, answers, "x"]])]
    results = [r["value"] for r in run_js(calls)["results"]]
    for i, answers in enumerate(sets):
        assert results[3 * i] == results_of(finder, answers, entries)
        assert results[3 * i + 1] == render_markdown(finder, answers, "x")
        assert results[3 * i + 2] == render_json(finder, answers, "x", entries)
    assert [[entry["id"] for entry in results[3 * i][0]["cases"]] for i in range(len(sets))] == [
        [], ["notebook-case"], ["page-case", "notebook-case"], ["page-case", "notebook-case"],
        ["page-case", "notebook-case"]]
    assert "### Case studies\n\n- A notebook case \\<b\\>bold\\</b\\>: Team leaders, any stage. \\*Not emphasis\\*\n" \
        in results[4]


NAVIGATOR = """id: finder
title: Find what fits
version: 1
summary: Pick your role and stage.
roles: [front-line]
stages: [planning]
supports: {}
sections:
  - id: you
    title: About you
    items:
      - id: role
        kind: choice
        prompt: Your role?
        help: Pick one.
        options: [{value: front-line, label: Front-line}, {value: team-leaders, label: Team leaders}]
      - id: stage
        kind: choice
        prompt: Your stage?
        help: Pick one.
        options: [{value: planning, label: Planning}, {value: design, label: Design}]
results:
  - {kind: catalogue, title: What fits, by: {role: role, stage: stage}}
"""


def test_escaping_matches(run_js):
    texts = [HOSTILE_NOTE, "  - dash", "+ plus", "===", "12) twelve", "a\r\nb\rc", "back\\slash", "~~strike~~"]
    results = run_js([["escapeMarkdown", [text]] for text in texts])["results"]
    assert [r["value"] for r in results] == [escape_markdown(text) for text in texts]


BAD_IMPORTS = [
    "{not json", '{"format": "something-else"}', '["a", "list"]',
    record_with(id="other", title="Other checklist"), record_with(version=3), record_with(version="2"),
    record_with(answers=["yes"]), record_with(answers={"told": {"answer": "maybe"}}),
    record_with(answers={"told": {"answer": "yes", "note": 5}}),
    record_with(answers={"unknown-a": {"answer": "yes"}, "unknown-b": {"answer": "no"}}),
    record_with(version=1, answers={"retired": {"answer": "yes"}}),
]


def test_import_errors_match(run_js, sample):
    results = run_js([["importRecord", [definition(sample), text]] for text in BAD_IMPORTS])["results"]
    for text, result in zip(BAD_IMPORTS, results):
        with pytest.raises(RecordError) as caught:
            import_record(sample, text)
        assert result == {"error": str(caught.value), "kind": "RecordError"}


def test_import_of_an_older_record_matches(run_js, sample):
    text = record_with(version=1, answers={"told": {"answer": "yes", "note": ""}, "retired": {"answer": "no"}})
    (value,) = [r["value"] for r in run_js([["importRecord", [definition(sample), text]]])["results"]]
    answers, notices = import_record(sample, text)
    assert value == {"answers": answers, "notices": notices}


KEY = storage_key("sample", 2)


FRESH = {"error": False, "recover": None, "blocked": False}


def test_saved_answers_are_read_back(run_js, sample):
    saved = {KEY: json.dumps({"answers": {"told": {"answer": "yes", "note": "n"}}, "saved_at": "x"})}
    out = run_js([["loadSaved", [definition(sample)]]], storage=saved)
    assert out["results"][0]["value"] == {"answers": {"told": {"answer": "yes", "note": "n"}}, "message": None, **FRESH}


@pytest.mark.parametrize("raw", ["{broken", '"a string"', '{"answers": ["told"]}'])
def test_unreadable_saved_answers_are_set_aside_with_a_message(run_js, sample, raw):
    out = run_js([["loadSaved", [definition(sample)]]], storage={KEY: raw})
    assert out["results"][0]["value"] == {"answers": None, "message": (
        "Your saved answers for this checklist could not be read, so the checklist starts empty. "
        "A copy of the unreadable data is kept in this browser. You can download it below."),
        "error": True, "recover": {"key": KEY, "text": raw}, "blocked": False}
    assert out["storage"] == {KEY: raw, f"{KEY}:unreadable": raw}


def test_answers_saved_for_an_older_version_are_brought_across(run_js, sample):
    old = {storage_key("sample", 1): json.dumps({"answers": {"told": {"answer": "no", "note": "keep me"}}})}
    out = run_js([["loadSaved", [definition(sample)]]], storage=old)
    assert out["results"][0]["value"] == {
        "answers": {"told": {"answer": "no", "note": "keep me"}},
        "message": "This tool changed since you saved it (version 1, now version 2). Your earlier answers were brought across: "
                   "please check them.", **FRESH}
    # Saving moves what was read to this version's key; the old key goes.
    out = run_js([["loadSaved", [definition(sample)]],
                  ["writeSaved", [definition(sample), {"told": {"answer": "no", "note": "keep me"}}]]], storage=old)
    assert list(out["storage"]) == [KEY]


def test_what_an_older_tab_saved_after_the_move_is_kept_as_a_copy(run_js, sample):
    # This page read the earlier version's answers; a tab still on that version saved again since
    # (after a deploy): the key is removed only with a copy kept beside it.
    old_key = "dpup-toolkit:checklist:sample:v1"
    old = {old_key: json.dumps({"answers": {"told": {"answer": "no", "note": "first"}}})}
    later = json.dumps({"answers": {"told": {"answer": "yes", "note": "written in the old tab"}}})
    out = run_js([["loadSaved", [definition(sample)]],
                  ["setItem", [old_key, later]],
                  ["writeSaved", [definition(sample), {"told": {"answer": "no", "note": "first"}}]]], storage=old)
    assert set(out["storage"]) == {KEY, f"{old_key}:moved"}
    assert out["storage"][f"{old_key}:moved"] == later


def test_a_page_older_than_the_saved_answers_does_not_save_beside_them(run_js, sample):
    newer = {"dpup-toolkit:checklist:sample:v3": json.dumps({"answers": {"told": {"answer": "no", "note": ""}}})}
    out = run_js([["loadSaved", [definition(sample)]]], storage=newer)
    assert out["results"][0]["value"] == {
        "answers": None, "error": True, "blocked": True, "moved": True, "recover": None,
        "message": "This site was updated since this page was opened, and your answers for this check were saved by the "
                   "newer version. Reload the page to see them. Until then this page does not save, so nothing is "
                   "written over."}


def test_clearing_removes_every_key_of_this_checklist_and_nothing_else(run_js, sample):
    storage = {KEY: "{}", f"{KEY}:unreadable": "x", storage_key("sample", 1): "{}",
               storage_key("other", 1): "{}", "someone-else": "y"}
    out = run_js([["clearSaved", [definition(sample)]]], storage=storage)
    assert out["storage"] == {storage_key("other", 1): "{}", "someone-else": "y"}


def test_text_and_choice_answers_saved_for_an_older_version_are_brought_across(run_js, kinds):
    old = {storage_key("kinds", 2): json.dumps({"answers": {
        "what": {"answer": "names", "note": ""}, "size": {"answer": "large", "note": "n"},
        "sensitive": {"answer": "retired-option"}}})}
    out = run_js([["loadSaved", [definition(kinds)]]], storage=old)
    assert out["results"][0]["value"]["answers"] == {
        "what": {"answer": "names", "note": ""}, "size": {"answer": "large", "note": "n"}}


def test_python_and_the_widget_take_the_rules_they_share_from_one_file(run_js, sample):
    # shared.json holds the sentence-length limit, the record format and its newest number, the
    # storage keys' format and the whitespace rules; neither language keeps a copy of its own.
    from dpup_toolkit import shared
    from dpup_toolkit.records import rules as record
    from dpup_toolkit.engine import plain_language
    from dpup_toolkit.engine.progress import SPACE
    from dpup_toolkit.widget import front_end

    values = json.loads((ROOT / "src" / "dpup_toolkit" / "shared.json").read_text(encoding="utf-8"))
    assert (plain_language.LONG_SENTENCE, SPACE, record.LINE_START_SPACE) == \
        (values["long_sentence"], values["trimmed"], values["whitespace"])
    d = definition(sample)
    out = run_js([["storageKey", [d]], ["checksKey", [d]], ["renderJson", [d, {}, "2026-11-21"]],
                  ["cleanCheckName", ["  a\u3000\u0085b  "]]])["results"]
    assert out[0]["value"] == f"{shared.STORAGE_PREFIX}sample:v{sample.version}"
    assert out[1]["value"] == f"{shared.CHECKS_PREFIX}sample"
    made = json.loads(out[2]["value"])
    assert (made["format"], made["format_version"]) == (shared.RECORD_FORMAT, shared.RECORD_FORMAT_VERSION)
    assert out[3]["value"] == " ".join("  a\u3000\u0085b  ".split())
    for path in front_end.module_files():
        text = re.sub(r"^\s*//.*$", "", path.read_text(encoding="utf-8"), flags=re.M)  # code, not comments
        for copy in ("dpup-toolkit:checklist:", "dpup-toolkit:checks:", "checklist-record", "\\u205f", "= 25;"):
            assert copy not in text, f"{path.name} keeps its own copy of {copy!r}: take it from shared.json"


# Typed text where it joins a template's lead-in: (lead, typed, the template's text after it).
JOINS = [
    ("We will ask you for ", "Your name", ""), ("We will ask you for ", "  Oranga Tamariki notes,; ", ""),
    ("We need it to ", "To match you", ""), ("We need it to ", "It to check", " today."),
    ("Who sees it: ", "it is only us", ""), ("Who sees it: ", "Who sees it: only us.", ""),
    ("We collect ", "your name.", ". Then"), ("", "Te Whatu Ora", ""), ("for\u2003", "For\u00a0you\u2028now", ""),
    ("We need it to ", "to", ""), ("Say: ", "“Kia ora.”", ""), ("X (", "The end", ")"), ("A ", "ends…", ""),
]


def test_typed_text_joins_a_template_the_same_in_python_and_the_browser(run_js):
    from dpup_toolkit.engine.results import fit_answer
    results = run_js([["fitAnswer", list(join)] for join in JOINS])["results"]
    assert [r["value"] for r in results] == [fit_answer(*join) for join in JOINS]
    assert [r["value"] for r in results][:3] == ["your name.", "Oranga Tamariki notes.", "match you."]


def test_vague_phrases_are_found_where_a_word_starts_in_any_case_across_line_breaks(run_js):
    item = {"warnings": [{"phrase": phrase, "advice": "."} for phrase in ("your details", "as required", "other purpose")]}
    texts = ["Your\n  DETAILS", "what has required", "any other purposes", "as required; your details"]
    found = [[w["phrase"] for w in r["value"]] for r in run_js([["vagueWarnings", [item, text]] for text in texts])["results"]]
    assert found == [["your details"], [], ["other purpose"], ["your details", "as required"]]
