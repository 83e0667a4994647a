"""The Purpose statement builder and the collaboration assessor give what a person expects."""
import pytest

from dpup_toolkit import load_checklist, progress
from dpup_toolkit.engine.results import results_of

from .conftest import ROOT

BUILDER = load_checklist(ROOT / "checklists" / "purpose-statement-builder.yml")
ASSESSOR = load_checklist(ROOT / "checklists" / "collaboration-assessor.yml")
VAGUE = ("just in case", "any other purpose", "as required", "may be used for", "including but not limited to")


def answers(**chosen):
    return {item_id.replace("_", "-"): {"answer": value} for item_id, value in chosen.items()}


def level(**chosen):
    (result,) = results_of(ASSESSOR, answers(**chosen))
    return result["recommendation"]["title"] if result["recommendation"] else None


def test_seed_example_1_mapping_the_over_65_population_needs_a_check_with_colleagues():
    # Census-style counts: no one identified, nothing in depth about their lives, a planning map.
    assert level(identifies="no", sensitivity="broad", impact="small") == "A check with colleagues"


def test_seed_example_2_funding_a_service_from_children_in_care_details_needs_co_design():
    # Detailed, sensitive information about children in foster care, deciding whether a service exists.
    assert level(identifies="yes", sensitivity="sensitive", impact="large") == \
        "Co-design with service users and communities"
    assert level(identifies="no", sensitivity="sensitive", impact="large") == \
        "Co-design with service users and communities"


@pytest.mark.parametrize("chosen, expected", [
    ({"identifies": "could", "sensitivity": "sensitive", "impact": "small"}, "Co-design with service users and communities"),
    ({"identifies": "no", "sensitivity": "broad", "impact": "large"}, "Consultation"),
    ({"identifies": "yes", "sensitivity": "broad", "impact": "small"}, "Consultation"),
    ({"identifies": "no", "sensitivity": "some", "impact": "medium"}, "Consultation"),
    ({"identifies": "no", "sensitivity": "broad", "impact": "medium"}, "A check with colleagues"),
])
def test_more_identifying_more_sensitive_or_bigger_impact_never_means_less_involvement(chosen, expected):
    assert level(**chosen) == expected


def test_every_answer_gets_a_level_and_the_level_never_drops_as_stakes_rise():
    order = ["A check with colleagues", "Consultation", "Co-design with service users and communities"]
    scales = {item.id: [option.value for option in item.options] for item in ASSESSOR.items}
    import itertools
    for combo in itertools.product(*scales.values()):
        chosen = dict(zip(scales, combo))
        here = order.index(level(**chosen))
        for item_id, values in scales.items():
            rank = values.index(chosen[item_id])
            if rank + 1 < len(values):
                higher = order.index(level(**{**chosen, item_id: values[rank + 1]}))
                assert higher >= here, (chosen, item_id)


def test_the_assessor_waits_until_all_three_are_answered():
    assert level(identifies="no", sensitivity="broad") is None


def test_the_builder_covers_what_why_how_choice_law_and_who_sees_it():
    assert [item.kind for item in BUILDER.items] == ["text"] * 6
    (template,) = BUILDER.results
    assert template.plain_language
    assert [part.heading for part in template.parts] == [
        "What we collect", "Why we need it", "How we use it", "Your choices", "The law", "Who sees it"]
    for item in BUILDER.items:
        assert {warning.phrase for warning in item.warnings} == set(VAGUE), item.id


def test_the_builder_assembles_the_examples_into_a_plain_explanation():
    filled = {item.id: {"answer": item.example} for item in BUILDER.items}
    (result,) = results_of(BUILDER, filled)
    assert len(result["parts"]) == 6
    assert result["parts"][0]["text"] == f"We will ask you for {BUILDER.item('what').example}"
    assert float(result["plain_language"]["average"]) < 20 and result["plain_language"]["long"] == []
    assert progress(BUILDER, filled).summary() == "6 of 6 answered."


def test_the_builder_leaves_out_parts_not_written_yet():
    (result,) = results_of(BUILDER, answers(law="the Social Security Act 2018."))
    assert result["parts"] == [{"heading": "The law", "text": "The law: the Social Security Act 2018."}]
    assert result["text"] == "The law\nThe law: the Social Security Act 2018."
