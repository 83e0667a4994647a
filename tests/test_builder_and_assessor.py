"""The Purpose statement builder and the collaboration assessor give what a person expects."""
import pytest

from dpup_toolkit import load_checklist, progress
from dpup_toolkit.engine.results import results_of

from .conftest import ROOT

BUILDER = load_checklist(ROOT / "checklists" / "purpose-statement-builder.yml")
ASSESSOR = load_checklist(ROOT / "checklists" / "collaboration-assessor.yml")
VAGUE = ("just in case", "other purpose", "relevant purposes", "your details", "relevant information", "as required",
         "as necessary", "where necessary", "as appropriate", "may be used for", "may be shared", "third parties",
         "from time to time", "improve our services", "including but not limited to", "and so on", "etc.")


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
    for item in BUILDER.items:  # "your details" is vague for what is collected, not for who sees it
        expected = set(VAGUE) - ({"your details"} if item.id != "what" else set())
        assert {warning.phrase for warning in item.warnings} == expected, item.id


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


# What a person types, as it joins the builder's lead-ins: (item, typed, the part's text).
TYPED_JOINS = [
    ("what", "Your name and your date of birth", "We will ask you for your name and your date of birth."),
    ("what", "  your name, your address,  ", "We will ask you for your name, your address."),
    ("what", "for your name.", "We will ask you for your name."),
    ("what", "Oranga Tamariki case notes", "We will ask you for Oranga Tamariki case notes."),
    ("what", "We will ask you for your name!", "We will ask you for your name!"),
    ("why", "to match you with a key worker", "We need it to match you with a key worker."),
    ("why", "To match you with a key worker.", "We need it to match you with a key worker."),
    ("why", "it to check (and only check) your address", "We need it to check (and only check) your address."),
    ("why", "to", "We need it to to."),
    ("how", "it is read by your key worker", "Here is how we will use it: it is read by your key worker."),
    ("how", "Here is how we will use it: we read it with you", "Here is how we will use it: we read it with you."),
    ("choice", "You can say no; we still help you;", "Your choices: You can say no; we still help you."),
    ("law", "no law requires it. Ask us about “the Act”.", "The law: no law requires it. Ask us about “the Act”."),
    ("openness", "only your key worker (and their team leader)", "Who sees it: only your key worker (and their team leader)."),
]


@pytest.mark.parametrize("item_id, typed, expected", TYPED_JOINS)
def test_what_a_person_types_joins_the_template_as_a_sentence(item_id, typed, expected):
    (result,) = results_of(BUILDER, {item_id: {"answer": typed}})
    assert result["parts"][0]["text"] == expected


def test_the_builder_explanation_reads_as_plain_sentences_from_careless_typing():
    typed = {"what": "Your name", "why": "to match you", "how": "we read it with you",
             "choice": "you can say no", "law": "none", "openness": "your key worker"}
    (result,) = results_of(BUILDER, answers(**typed))
    assert [part["text"] for part in result["parts"]] == [
        "We will ask you for your name.", "We need it to match you.", "Here is how we will use it: we read it with you.",
        "Your choices: you can say no.", "The law: none.", "Who sees it: your key worker."]


def test_a_part_that_is_only_what_was_typed_is_left_as_typed():
    tool = load_checklist(ROOT / "checklists" / "our-organisation.yml")
    (template,) = [result for result in tool.results if result.kind == "template"]
    item_id = template.parts[0].text.strip("{}")
    out = [r for r in results_of(tool, {item_id: {"answer": "Te Whatu Ora"}}) if r["kind"] == "template"]
    assert out[0]["parts"][0]["text"] == "Te Whatu Ora"
