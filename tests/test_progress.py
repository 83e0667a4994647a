"""Progress, unmet items and conditional items, as a person completing a checklist sees them."""
from dpup_toolkit import list_checklists, progress, visible_items

from .conftest import FIXTURES


def ids(items):
    return [item.id for item in items]


def test_a_conditional_item_shows_only_when_its_condition_holds(sample):
    assert ids(visible_items(sample, {})) == ["described", "identifies", "told"]
    assert ids(visible_items(sample, {"identifies": {"answer": "no"}})) == ["described", "identifies", "told"]
    assert ids(visible_items(sample, {"identifies": {"answer": "yes"}})) == ["described", "identifies", "needed", "told"]


def test_progress_counts_only_visible_answered_items(sample):
    empty = progress(sample, {})
    assert (empty.answered, empty.total, empty.unmet, empty.complete) == (0, 3, (), False)
    # An answer to a hidden item does not count.
    hidden = progress(sample, {"needed": {"answer": "no"}})
    assert (hidden.answered, hidden.total, hidden.unmet) == (0, 3, ())
    status = progress(sample, {"described": {"answer": "na"}, "identifies": {"answer": "yes"},
                               "needed": {"answer": "no"}, "told": {"answer": "no", "note": "later"}})
    assert (status.answered, status.total, status.complete) == (4, 4, True)
    assert ids(status.unmet) == ["needed", "told"]
    assert status.summary() == "4 of 4 questions answered. 2 not met."


def test_a_note_without_an_answer_is_not_progress(sample):
    assert progress(sample, {"told": {"answer": None, "note": "ask the team"}}).answered == 0


def test_list_checklists_finds_every_file_sorted(tmp_path):
    for name in ("zeta", "alpha"):
        text = (FIXTURES / "sample.yml").read_text(encoding="utf-8").replace("id: sample", f"id: {name}")
        (tmp_path / f"{name}.yml").write_text(text, encoding="utf-8")
    assert [c.id for c in list_checklists(tmp_path)] == ["alpha", "zeta"]


def test_text_items_count_once_typed_and_only_question_items_can_be_unmet(kinds):
    status = progress(kinds, {"what": {"answer": " \n "}, "size": {"answer": "small"}})
    assert (status.answered, status.total, status.unmet) == (1, 4, ())
    assert status.summary() == "1 of 4 answered."
    assert ids(visible_items(kinds, {"sensitive": {"answer": "high"}}))[-1] == "why-sensitive"


def test_the_rules_wait_for_every_shown_choice_then_the_first_match_wins(kinds):
    from dpup_toolkit.engine.results import results_of

    def level(answers):
        return results_of(kinds, {k: {"answer": v} for k, v in answers.items()})[1]["recommendation"]

    assert level({"size": "large"}) is None
    assert level({"size": "large", "sensitive": "high"})["title"] == "Co-design"
    assert level({"size": "large", "sensitive": "low"})["title"] == "Consultation"
    assert level({"size": "small", "sensitive": "high"})["title"] == "A check with colleagues"


def test_the_plain_language_rule_is_the_site_report_rule():
    from dpup_toolkit.engine.plain_language import average_sentence_length, check_text
    long = " ".join(["word"] * 26) + "."
    text = f"Short one. {long} “Quoted end.” Next (with a bracket.) last one"
    check = check_text([text])
    html = f"<article class='bd-article'><p>{text}</p></article>"
    assert check["sentences"] == 5 and check["long"] == [long]
    assert check["average"] == f"{average_sentence_length(html):.1f}"
    assert check_text(["One two three four. Five six seven eight. A b c d. One two three four five"])["average"] == "4.3"
    assert check_text([]) == {"sentences": 0, "average": "0.0", "long": []}
