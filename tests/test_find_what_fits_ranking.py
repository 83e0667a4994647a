""""Find what fits" ranks what it finds and says why, the same in Python and in the browser.

The rule, stated once here and checked against every role and stage a person can choose: what fits
more of the chosen answers comes first; among equals, what is made for fewer of the roles and
stages on offer (closer to this person's work); then the shorter; then by id. The first three tools
that fit every answer lead; the rest follow, folded, in the same order.
"""
import itertools
import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dpup_toolkit import load_checklist, render_json, render_markdown
from dpup_toolkit.engine.catalogue import catalogue_entries
from dpup_toolkit.engine.results import results_of

from .conftest import ROOT
from .test_front_end_logic import definition, module, run_js  # noqa: F401  (fixtures)

NAVIGATOR = load_checklist(ROOT / "checklists" / "find-what-fits.yml")
ENTRIES = catalogue_entries(NAVIGATOR)
ROLES = [option.value for option in NAVIGATOR.item("role").options]
STAGES = [option.value for option in NAVIGATOR.item("stage").options]
# Every choice a person can make: a role, a stage, both or (the first state) neither.
CHOICES = list(itertools.product([None, *ROLES], [None, *STAGES]))


def answers_for(role, stage):
    return {item_id: {"answer": value} for item_id, value in (("role", role), ("stage", stage)) if value}


def found(role, stage, entries=ENTRIES):
    (result,) = results_of(NAVIGATOR, answers_for(role, stage), entries)
    return result


def fitted(entry, role, stage):
    return [field for field, value, listed in (("role", role, "roles"), ("stage", stage, "stages"))
            if value and value in entry[listed]]


def expected_order(kind, role, stage, entries=ENTRIES):
    """The stated rule, written out again here from the entries' own metadata."""
    def made_for(entry):
        return len(set(entry["roles"]) & set(ROLES)) + len(set(entry["stages"]) & set(STAGES))
    listed = [entry for entry in entries if entry["kind"] == kind and fitted(entry, role, stage)
              and (entry["kind"], entry["id"]) != ("tool", NAVIGATOR.id)]
    listed.sort(key=lambda entry: (-len(fitted(entry, role, stage)), made_for(entry), entry["minutes"] or 0, entry["id"]))
    return [entry["id"] for entry in listed]


@pytest.mark.parametrize("role, stage", CHOICES, ids=[f"{r}+{s}" for r, s in CHOICES])
def test_every_role_and_stage_ranks_what_fits_more_answers_first(role, stage):
    result = found(role, stage)
    chosen = [value for value in (role, stage) if value]
    by_id = {(entry["kind"], entry["id"]): entry for entry in ENTRIES}
    for kind, listed in (("tool", result["tools"]), ("case", result["cases"])):
        assert [entry["id"] for entry in listed] == expected_order(kind, role, stage)
        counts = [len(entry["fits"]) for entry in listed]
        # Never an entry that fits fewer of the answers above one that fits more.
        assert counts == sorted(counts, reverse=True)
        for entry in listed:
            assert entry["fits"] == fitted(by_id[kind, entry["id"]], role, stage) and entry["fits"]
    if not chosen:
        assert result["tools"] == [] and result["cases"] == [] and result["best"] == 0
        return
    every = [entry for entry in result["tools"] if len(entry["fits"]) == len(chosen)]
    assert result["best"] == min(3, len(every)) and result["tools"][:result["best"]] == every[:result["best"]]


@pytest.mark.parametrize("role, stage", CHOICES[1:], ids=[f"{r}+{s}" for r, s in CHOICES[1:]])
def test_each_entry_says_in_plain_words_which_answers_it_fits(role, stage):
    result = found(role, stage)
    labels = {"role": NAVIGATOR.item("role").option_label(role) if role else None,
              "stage": NAVIGATOR.item("stage").option_label(stage) if stage else None}
    for entry in result["tools"] + result["cases"]:
        why = entry["why"]
        for field in ("role", "stage"):
            if field in entry["fits"]:
                assert f"your {field} ({labels[field]})" in why.split(", but")[0]
            elif labels[field]:
                assert why.split(", but it is not made for ")[1].startswith(f"your {field} ({labels[field]})")
        assert why.startswith("It fits your ") and why.endswith(".") and why.count(". ") == 1
        assert len(why.split(". ")[0].split()) <= 25  # short sentences: each clause names one answer


def test_front_line_service_delivery_leads_with_the_tools_made_for_that_work():
    result = found("front-line", "service-delivery")
    assert [entry["id"] for entry in result["tools"][:result["best"]]] == [
        "before-you-ask", "access-to-information", "transparency-and-choice"]
    assert result["tools"][0]["why"] == ("It fits your role (Working at the front line) and your stage (Service "
                                         "delivery). It is made for 2 of the 5 roles and 1 of the 4 stages.")
    # Tools made for every role and stage still fit, and follow; those fitting one answer come last.
    assert [entry["id"] for entry in result["tools"][result["best"]:]] == [
        "service-users-need-to-know", "purpose-statement-builder", "quick-check-in", "dpup-quiz",
        "purpose-statement", "our-organisation", "principles-in-practice"]
    assert result["tools"][-1]["why"] == (
        "It fits your stage (Service delivery), but it is not made for your role (Working at the front line). "
        "It is made for 4 of the 5 roles and every stage.")


def test_the_order_does_not_depend_on_the_order_files_are_read_in():
    shuffled = list(ENTRIES)
    random.Random(7).shuffle(shuffled)
    for role, stage in CHOICES:
        assert found(role, stage, shuffled) == found(role, stage)


def test_the_record_leads_with_the_best_fits_and_keeps_the_rest_in_order():
    markdown = render_markdown(NAVIGATOR, answers_for("front-line", "service-delivery"), "2026-12-01")
    section = markdown.split("## What fits your work\n\n", 1)[1].split("\n## ", 1)[0]
    headings = [line for line in section.splitlines() if line.startswith("### ")]
    assert headings == ["### Tools that fit best", "### More tools that fit", "### Tools that fit one of your answers",
                        "### Case studies"]
    best = section.split("### Tools that fit best\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert best[0].startswith("- Before you ask — a front-line conversation: ") and best[0].endswith("About 10 minutes.")
    assert best[1] == ("   - Why: It fits your role (Working at the front line) and your stage (Service delivery). "
                       "It is made for 2 of the 5 roles and 1 of the 4 stages.")
    assert len(best) == 6  # three tools, each with its why


ENTRY = st.fixed_dictionaries({
    "kind": st.sampled_from(["tool", "case"]),
    # Ids a case study's file name may give: code points where UTF-16 and Python order differ too.
    "id": st.sampled_from(["a", "b", "ab", "a-b", "ō", "\uff21", "\U0001f642", "z"]),
    "roles": st.lists(st.sampled_from(ROLES), min_size=1, unique=True),
    "stages": st.lists(st.sampled_from(STAGES), min_size=1, unique=True),
    "minutes": st.one_of(st.none(), st.integers(1, 60)),
})


def unique(entries):
    """Entries as a folder gives them: one per kind and id."""
    kept = {}
    for entry in entries:
        kept.setdefault((entry["kind"], entry["id"]), {**entry, "title": entry["id"].upper(), "summary": "S.",
                                                       "page": f"x/{entry['id']}"})
    return list(kept.values())


CATALOGUES = st.lists(ENTRY, max_size=14).map(unique)


@settings(max_examples=60, deadline=None, database=None)
@given(CATALOGUES, st.sampled_from(CHOICES))
def test_any_catalogue_is_ranked_by_the_stated_rule(entries, choice):
    role, stage = choice
    result = found(role, stage, entries)
    for kind, listed in (("tool", result["tools"]), ("case", result["cases"])):
        assert [entry["id"] for entry in listed] == expected_order(kind, role, stage, entries)


@settings(max_examples=3, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(CATALOGUES, min_size=20, max_size=20))
def test_the_browser_ranks_any_catalogue_as_python_does(run_js, catalogues):  # noqa: F811
    calls, expected = [], []
    for n, entries in enumerate(catalogues):
        role, stage = CHOICES[n % len(CHOICES)]
        answers = answers_for(role, stage)
        calls.append(["resultsOf", [{**definition(NAVIGATOR), "catalogue": entries}, answers]])
        expected.append(results_of(NAVIGATOR, answers, entries))
    assert [r["value"] for r in run_js(calls)["results"]] == expected


def test_every_choice_gives_the_same_result_and_records_in_python_and_the_browser(run_js):  # noqa: F811
    d = {**definition(NAVIGATOR), "catalogue": ENTRIES}
    calls = [call for role, stage in CHOICES for call in (
        ["resultsOf", [d, answers_for(role, stage)]], ["renderMarkdown", [d, answers_for(role, stage), "x"]],
        ["renderJson", [d, answers_for(role, stage), "x"]])]
    results = [r.get("value", r) for r in run_js(calls)["results"]]
    for n, (role, stage) in enumerate(CHOICES):
        answers = answers_for(role, stage)
        assert results[3 * n] == results_of(NAVIGATOR, answers, ENTRIES), (role, stage)
        assert results[3 * n + 1] == render_markdown(NAVIGATOR, answers, "x", ENTRIES), (role, stage)
        assert results[3 * n + 2] == render_json(NAVIGATOR, answers, "x", ENTRIES), (role, stage)
    assert json.loads(results[-1])["results"][0]["best"] == 3


@pytest.mark.parametrize("lead, problem", [("0", "greater than or equal to 1"), ("11", "less than or equal to 10"),
                                           ('"3"', "a valid integer"), ("2.5", "a valid integer")])
def test_how_many_tools_lead_is_checked_like_any_field(tmp_path, lead, problem):
    from dpup_toolkit import ChecklistFileError
    path = tmp_path / "find-what-fits.yml"
    path.write_text(NAVIGATOR.source.read_text(encoding="utf-8").replace("lead: 3", f"lead: {lead}"), encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist(path)
    assert caught.value.field == "results[0].lead", str(caught.value)
    assert caught.value.reason == f"Input should be {problem}"


def test_a_navigator_that_leads_with_one_tool_lists_the_rest_in_the_same_order(tmp_path):
    import shutil
    shutil.copytree(ROOT / "checklists", tmp_path / "checklists", ignore=shutil.ignore_patterns("*.ipynb"))
    shutil.copytree(ROOT / "case_studies", tmp_path / "case_studies")
    path = tmp_path / "checklists" / "find-what-fits.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("lead: 3", "lead: 1"), encoding="utf-8")
    navigator = load_checklist(path)
    entries = catalogue_entries(navigator)
    (result,) = results_of(navigator, answers_for("front-line", "service-delivery"), entries)
    assert result["best"] == 1
    assert result["tools"] == found("front-line", "service-delivery")["tools"]
    markdown = render_markdown(navigator, answers_for("front-line", "service-delivery"), "x", entries)
    assert markdown.split("### Tools that fit best\n\n", 1)[1].split("\n\n")[0].count("\n- ") == 0


def test_ties_fall_to_the_id_in_python_order_in_the_browser_too(run_js):  # noqa: F811
    # U+FF21 comes before U+1F642 in Python; in UTF-16 the emoji's first unit (U+D83D) comes first.
    entries = unique([{"kind": "case", "id": case_id, "roles": ["front-line"], "stages": ["planning"], "minutes": None}
                      for case_id in ("\U0001f642", "\uff21", "b")])
    answers = answers_for("front-line", "planning")
    (python,) = results_of(NAVIGATOR, answers, entries)
    assert [entry["id"] for entry in python["cases"]] == ["b", "\uff21", "\U0001f642"]
    (browser,) = run_js([["resultsOf", [{**definition(NAVIGATOR), "catalogue": entries}, answers]]])["results"]
    assert browser["value"] == [python]
