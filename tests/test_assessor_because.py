"""The collaboration assessor says which answers led to its recommendation, for every combination of
answers, the same in Python and in the browser. The answers it names come from the conditions of
the rule that matched (the YAML), never from code written for this tool."""
import itertools

import pytest

from dpup_toolkit import load_checklist, render_json, render_markdown
from dpup_toolkit.engine.results import results_of

from .conftest import ROOT
from .test_front_end_logic import definition, module, run_js  # noqa: F401  (fixtures)

ASSESSOR = load_checklist(ROOT / "checklists" / "collaboration-assessor.yml")
SCALES = {item.id: [option.value for option in item.options] for item in ASSESSOR.items}
COMBINATIONS = [dict(zip(SCALES, combo)) for combo in itertools.product(*SCALES.values())]


def answers_for(chosen):
    return {item_id: {"answer": value} for item_id, value in chosen.items()}


def recommendation(chosen):
    (result,) = results_of(ASSESSOR, answers_for(chosen))
    return result["recommendation"]


def label(item_id, value):
    return ASSESSOR.item(item_id).option_label(value)


def test_there_are_27_combinations_and_each_names_the_answers_that_led_to_its_level():
    assert len(COMBINATIONS) == 27
    for chosen in COMBINATIONS:
        because = recommendation(chosen)["because"]
        assert because, chosen
        # Only the person's own answers, each once, in the order the tool asks them.
        assert [entry["answer"] for entry in because] == [chosen[entry["item"]] for entry in because]
        assert [entry["item"] for entry in because] == [item_id for item_id in SCALES if item_id in
                                                        {entry["item"] for entry in because}]


@pytest.mark.parametrize("chosen", COMBINATIONS, ids=["-".join(c.values()) for c in COMBINATIONS])
def test_an_answer_the_why_leaves_out_never_changes_the_level_on_its_own(chosen):
    level = recommendation(chosen)["title"]
    named = {entry["item"] for entry in recommendation(chosen)["because"]}
    for item_id, values in SCALES.items():
        if item_id in named:
            continue
        for value in values:
            assert recommendation({**chosen, item_id: value})["title"] == level, (chosen, item_id, value)


def test_combinations_that_share_a_level_no_longer_share_one_why():
    whys = {}
    for chosen in COMBINATIONS:
        found = recommendation(chosen)
        reason = (found["text"], tuple((entry["item"], entry["answer"]) for entry in found["because"]))
        whys.setdefault(found["title"], set()).add(reason)
    # Consultation once gave 17 combinations one sentence; now each set of deciding answers has its own.
    assert len(whys["Consultation"]) == 5
    assert {len(reasons) for reasons in whys.values()} != {1}


def test_the_level_and_its_deciding_answers_for_the_seed_examples():
    mapping = recommendation({"identifies": "no", "sensitivity": "broad", "impact": "small"})
    assert mapping["title"] == "A check with colleagues"
    assert [entry["item"] for entry in mapping["because"]] == ["identifies", "sensitivity", "impact"]
    children = recommendation({"identifies": "yes", "sensitivity": "sensitive", "impact": "large"})
    assert children["title"] == "Co-design with service users and communities"
    assert [entry["item"] for entry in children["because"]] == ["sensitivity", "impact"]
    some = recommendation({"identifies": "yes", "sensitivity": "some", "impact": "large"})
    assert (some["title"], some["because"]) == ("Consultation", [{"item": "sensitivity", "answer": "some"}])


def test_the_record_says_because_you_said_with_each_question_and_answer():
    chosen = {"identifies": "could", "sensitivity": "broad", "impact": "large"}
    markdown = render_markdown(ASSESSOR, answers_for(chosen), "2026-12-01")
    section = markdown.split("## How much to involve others\n\n", 1)[1].split("\n## ", 1)[0]
    assert section.startswith(
        "Recommendation: Consultation\n\nBecause you said:\n"
        f"- Does the information identify people? {label('identifies', 'could')}\n"
        f"- How much does it say about people's lives? {label('sensitivity', 'broad')}\n\n"
        "The facts are broad, but they can point to people, so those people should have a say.")


def test_a_rule_that_matches_anything_names_no_answer_and_the_record_says_none(kinds):
    answers = {"size": {"answer": "large"}, "sensitive": {"answer": "low"}}
    found = next(result for result in results_of(kinds, answers) if result["kind"] == "rules")["recommendation"]
    assert (found["title"], found["because"]) == ("Consultation", [])
    assert "Because you said" not in render_markdown(kinds, answers, "x")
    chosen = next(result for result in results_of(kinds, {"size": {"answer": "small"}, "sensitive": {"answer": "low"}}) if result["kind"] == "rules")
    assert chosen["recommendation"]["because"] == [{"item": "size", "answer": "small"}]


def test_every_combination_gives_the_same_why_and_records_in_python_and_the_browser(run_js):  # noqa: F811
    d = definition(ASSESSOR)
    calls = [call for chosen in COMBINATIONS for call in (
        ["resultsOf", [d, answers_for(chosen)]], ["renderMarkdown", [d, answers_for(chosen), "x"]],
        ["renderJson", [d, answers_for(chosen), "x"]])]
    results = [r.get("value", r) for r in run_js(calls)["results"]]
    for n, chosen in enumerate(COMBINATIONS):
        answers = answers_for(chosen)
        assert results[3 * n] == results_of(ASSESSOR, answers), chosen
        assert results[3 * n + 1] == render_markdown(ASSESSOR, answers, "x"), chosen
        assert results[3 * n + 2] == render_json(ASSESSOR, answers, "x"), chosen


def test_a_condition_that_takes_every_option_decides_nothing_and_is_not_named(run_js, tmp_path):  # noqa: F811
    from .conftest import FIXTURES
    text = (FIXTURES / "kinds.yml").read_text(encoding="utf-8")
    old = "      - when: {size: [small]}\n"
    assert old in text
    path = tmp_path / "kinds.yml"
    path.write_text(text.replace(old, "      - when: {sensitive: [high, low], size: [small]}\n"), encoding="utf-8")
    tool = load_checklist(path)
    answers = {"size": {"answer": "small"}, "sensitive": {"answer": "high"}, "why-sensitive": {"answer": "health"}}
    (python,) = [result for result in results_of(tool, answers) if result["kind"] == "rules"]
    assert python["recommendation"]["title"] == "A check with colleagues"
    assert python["recommendation"]["because"] == [{"item": "size", "answer": "small"}]
    (browser,) = [r["value"] for r in run_js([["resultsOf", [definition(tool), answers]]])["results"]]
    assert [result for result in browser if result["kind"] == "rules"] == [python]
