"""A checklist file with a mistake fails with one message naming the file, the field and why."""
import pytest

from dpup_toolkit import ChecklistFileError, list_checklists, load_checklist
from dpup_toolkit.engine.schema import GUIDELINES, PRINCIPLES, ROLES, STAGES

from .conftest import FIXTURES, ROOT

ANSWERS = "['yes', 'no', 'na']"

# (what is wrong, text to replace in sample.yml, replacement, field, reason)
MISTAKES = [
    ("unknown key", "        action: Write down each kind of data.\n",
     "        action: Write down each kind of data.\n        colour: red\n",
     "sections[0].items[0].colour", "is not a known field (check the spelling)"),
    ("missing prompt", "        prompt: Have you described the data?\n", "",
     "sections[0].items[0].prompt", "is required but missing"),
    ("empty prompt", "prompt: Will people be told?", "prompt: '  '",
     "sections[1].items[0].prompt", "must not be empty"),
    ("duplicate item id", "      - id: told", "      - id: described",
     "sections[1].items[0].id", "duplicate id 'described'"),
    ("condition on a missing item", "show_if: {item: identifies,", "show_if: {item: nothing-here,",
     "sections[0].items[2].show_if.item", "points at 'nothing-here', which is not an item in this checklist"),
    ("condition on a later item", "show_if: {item: identifies,", "show_if: {item: told,",
     "sections[0].items[2].show_if.item", "points at 'told', which must come before this item"),
    ("condition with an unknown answer", 'answer_in: ["yes"]', 'answer_in: ["maybe"]',
     "sections[0].items[2].show_if.answer_in[0]", f"unknown answer value 'maybe'; the answers are {ANSWERS}"),
    ("guidance for an unknown answer", '"na": "Rarely fits."}\n        action: Plan', '"maybe": "Hmm."}\n        action: Plan',
     "sections[1].items[0].guidance.maybe", f"unknown answer value 'maybe'; the answers are {ANSWERS}"),
    ("guidance missing an answer", '"no": "Describe it first.", "na": "Rarely fits."}', '"no": "Describe it first."}',
     "sections[0].items[0].guidance", "has no guidance for answer 'na'"),
    ("unknown role", "roles: [front-line]", "roles: [frontline]",
     "roles[0]", f"must be one of {', '.join(repr(r) for r in ROLES[:-1])} or {ROLES[-1]!r}, not 'frontline'"),
    ("met names an unknown answer", 'met: ["yes", "na"]', 'met: ["yes", "done"]',
     "met[1]", f"unknown answer value 'done'; the answers are {ANSWERS}"),
    ("id with spaces", "id: sample", "id: Sample List",
     "id", "'Sample List' is not allowed here (expected lower-case words joined by hyphens, or a book page path)"),
    ("link to an outside page", "page: book/guidelines/purpose-matters", "page: https://example.org",
     "sections[0].items[2].links[0].page",
     "'https://example.org' is not allowed here (expected lower-case words joined by hyphens, or a book page path)"),
    ("version not a number", "version: 2", "version: two",
     "version", "must be a whole number from 1 to 1000, not 'two'"),
    ("version as text", "version: 2", "version: '2'",
     "version", "must be a whole number from 1 to 1000, not '2'"),
    ("version too big", "version: 2", "version: 1001",
     "version", "must be a whole number from 1 to 1000, not 1001"),
    ("version zero", "version: 2", "version: 0",
     "version", "must be a whole number from 1 to 1000, not 0"),
    ("unknown item kind", "      - id: told\n", "      - id: told\n        kind: slider\n",
     "sections[1].items[0].kind", "must be one of 'question', 'text', 'choice', not 'slider'"),
    ("question items without an answer scale", "answers:\n", "old_answers:\n",
     "old_answers", "is not a known field (check the spelling)"),
    ("no sections", "sections:\n", "old_sections:\n",
     "sections", "is required but missing"),
    ("bad YAML syntax", "  principles: [he-tangata]", "  principles: [he-tangata",
     "line 10, column 13", "is not valid YAML: did not find expected ',' or ']'"),  # libyaml's words
]


# The same, on a tool with text and choice items and every result (fixtures/kinds.yml).
KIND_MISTAKES = [
    ("template names an unknown item", 'text: "We collect {what}."', 'text: "We collect {whatever}."',
     "results[0].parts[0].text", "names {whatever}, which is not an item in this tool"),
    ("template names a section", 'text: "We collect {what}."', 'text: "We collect {words}."',
     "results[0].parts[0].text", "names {words}, which is not an item in this tool"),
    ("template names a question item", "      - id: why\n        kind: text\n",
     "      - id: why\n        guidance: {a: b}\n        action: Do it.\n",
     "answers", "is required when the tool has question items (the answer scale)"),
    ("template with a stray brace", 'text: "Ask us anything."', 'text: "Ask us {anything."',
     "results[0].parts[2].text", "has a brace that is not a placeholder like {item-id}"),
    ("template with no parts", "    parts:\n      - {heading: What", "    parts: []\n    old:\n      - {heading: What",
     "results[0].parts", "must list at least 1"),
    ("rule over an unknown item", "when: {size: [small]}", "when: {colour: [red]}",
     "results[1].rules[1].when.colour", "'colour' is not a choice item in this tool"),
    ("rule over a text item", "when: {size: [small]}", "when: {what: [small]}",
     "results[1].rules[1].when.what", "'what' is not a choice item in this tool"),
    ("rule with an unknown option", "when: {size: [small]}", "when: {size: [tiny]}",
     "results[1].rules[1].when.size[0]", "unknown option 'tiny'; the options are ['small', 'large']"),
    ("rule with no option", "when: {size: [small]}", "when: {size: []}",
     "results[1].rules[1].when.size", "lists no option, so the rule can never match"),
    ("catch-all before the last rule", "when: {size: [small]}", "when: {}",
     "results[1].rules[1].when", "matches anything, so it must be the last rule"),
    ("rule shadowed by an earlier one", "when: {size: [large], sensitive: [high]}", "when: {size: [large, small]}",
     "results[1].rules[1]", "can never match: every answer it covers is taken by an earlier rule"),
    ("rule shadowed by two earlier ones together",
     "      - when: {}\n", "      - when: {size: [large]}\n        result: {title: B, text: b.}\n      - when: {size: [large], sensitive: [low]}\n",
     "results[1].rules[3]", "can never match: every answer it covers is taken by an earlier rule"),
    ("correct is not an option", "correct: large", "correct: huge",
     "sections[1].items[0].correct", "unknown option 'huge'; the options are ['small', 'large']"),
    ("quiz option without an explanation", "{value: small, label: Small, explanation: Few people notice.}",
     "{value: small, label: Small}", "sections[1].items[0].options[0].explanation",
     "is required when the item has a correct answer (say why each option is right or wrong)"),
    ("score with no correct answers", "        correct: large\n", "",
     "results[2].kind", "'score' needs choice items with a correct answer, and this tool has none"),
    ("condition on a text item", "show_if: {item: sensitive, answer_in: [high]}", "show_if: {item: why, answer_in: [high]}",
     "sections[1].items[2].show_if.item", "points at 'why', a text item; conditions need a question or choice item"),
    ("condition with an unknown option", "show_if: {item: sensitive, answer_in: [high]}",
     "show_if: {item: sensitive, answer_in: [maybe]}",
     "sections[1].items[2].show_if.answer_in[0]", "unknown option 'maybe'; the options are ['low', 'high']"),
    ("choice with one option", "          - {value: low, label: Not very}\n", "",
     "sections[1].items[1].options", "must list at least 2"),
    ("repeated option value", "{value: high, label: Very}", "{value: low, label: Very}",
     "sections[1].items[1].options", "lists the same option value twice"),
    ("answer scale with no question items", "sections:\n", "answers: [{value: a, label: A}, {value: b, label: B}]\nsections:\n",
     "answers", "is only for question items, and this tool has none"),
    ("unmet result with no question items", "results:\n", "results:\n  - {kind: unmet}\n",
     "results[0].kind", "'unmet' lists question items, and this tool has none"),
    ("unknown result kind", "  - kind: score\n", "  - kind: scores\n",
     "results[2].kind", "must be one of 'unmet', 'template', 'rules', 'score', 'catalogue', not 'scores'"),
    ("duplicate result id", "    id: level\n", "    id: statement\n",
     "results[1].id", "duplicate id 'statement'"),
    ("catalogue over a text item", "  - kind: score\n", "  - {kind: catalogue, title: Fits, by: {role: what}}\n  - kind: score\n",
     "results[2].by.role", "points at 'what', which is not a choice item in this tool"),
    ("catalogue over options that are not roles", "  - kind: score\n",
     "  - {kind: catalogue, title: Fits, by: {role: sensitive}}\n  - kind: score\n",
     "results[2].by.role", "'sensitive' has option 'low', which is not a role; use " + repr(list(ROLES))),
    ("minutes not a whole number", "minutes: 5", "minutes: 2.5",
     "minutes", "must be a whole number from 1 to 600, not 2.5"),
    ("rule outcome link outside the book", "page: book/guidelines/purpose-matters", "page: http://x.org",
     "results[1].rules[0].result.links[0].page",
     "'http://x.org' is not allowed here (expected lower-case words joined by hyphens, or a book page path)"),
]


@pytest.fixture
def kinds_text():
    return (FIXTURES / "kinds.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("old, new, field, reason", [m[1:] for m in KIND_MISTAKES], ids=[m[0] for m in KIND_MISTAKES])
def test_a_mistake_in_a_new_kind_names_file_field_and_reason(tmp_path, kinds_text, old, new, field, reason):
    assert old in kinds_text
    path = tmp_path / "kinds.yml"
    path.write_text(kinds_text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist(path)
    assert (caught.value.field, caught.value.reason) == (field, reason)


def test_items_without_a_kind_are_questions_and_results_default_to_what_to_do_next(sample):
    assert {item.kind for item in sample.items} == {"question"}
    assert [result.model_dump() for result in sample.results] == [{"kind": "unmet", "title": "What to do next"}]


def test_the_kinds_sample_loads(tmp_path):
    tool = load_checklist(FIXTURES / "kinds.yml")
    assert [item.kind for item in tool.items] == ["text", "text", "choice", "choice", "choice"]
    assert [result.kind for result in tool.results] == ["template", "rules", "score"]
    assert tool.minutes == 5 and tool.answers == () and tool.source == (FIXTURES / "kinds.yml").resolve()


@pytest.mark.parametrize("old, new, field, reason", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_mistake_names_file_field_and_reason(tmp_path, sample_text, old, new, field, reason):
    assert old in sample_text
    path = tmp_path / "sample.yml"
    path.write_text(sample_text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist(path)
    assert str(caught.value) == f"{path}: {field}: {reason}"
    assert (caught.value.field, caught.value.reason) == (field, reason)


def test_the_id_must_match_the_file_name(tmp_path, sample_text):
    path = tmp_path / "other.yml"
    path.write_text(sample_text, encoding="utf-8")
    with pytest.raises(ChecklistFileError, match=r"other\.yml: id: 'sample' must match the file name 'other'$"):
        load_checklist(path)


@pytest.mark.parametrize("text, reason", [
    ("", "must be a mapping of fields, not an empty file"),
    ("- just\n- a list\n", "must be a mapping of fields, not list"),
])
def test_a_file_that_is_not_a_mapping(tmp_path, text, reason):
    path = tmp_path / "sample.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist(path)
    assert str(caught.value) == f"{path}: (top level): {reason}"


def test_the_sample_loads_with_items_in_order(sample):
    assert [item.id for item in sample.items] == ["described", "identifies", "needed", "told"]
    assert sample.item("needed").show_if.item == "identifies"
    assert sample.answer_label("na") == "Not applicable"


def test_every_checklist_in_the_repo_is_valid_and_linked_to_real_pages():
    checklists = list_checklists(ROOT / "checklists")
    assert {"purpose-statement", "purpose-statement-builder", "collaboration-assessor", "transparency-and-choice",
            "access-to-information", "sharing-value", "principles-in-practice", "quick-check-in",
            "service-users-need-to-know", "before-you-ask", "find-what-fits"} <= {c.id for c in checklists}
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for checklist in checklists:
        assert (ROOT / "checklists" / f"{checklist.id}.ipynb").exists()
        assert f"file: checklists/{checklist.id}\n" in toc
        links = [(item.id, link) for item in checklist.items for link in item.links]
        links += [(getattr(result, "id", result.kind), link) for result in checklist.results if result.kind == "rules"
                  for rule in result.rules for link in rule.result.links]
        for where, link in links:
            assert f"file: {link.page}\n" in toc, f"{checklist.id}/{where} links to {link.page}, not in _toc.yml"


def test_the_purpose_statement_checklist_is_substantial():
    checklist = load_checklist(ROOT / "checklists" / "purpose-statement.yml")
    assert len(checklist.items) >= 12
    assert len(checklist.sections) >= 4
    assert "purpose-matters" in checklist.supports.guidelines
    assert set(checklist.roles) == set(ROLES) and set(checklist.stages) <= set(STAGES)
    assert set(checklist.supports.principles) <= set(PRINCIPLES)
    assert set(checklist.supports.guidelines) <= set(GUIDELINES)
    assert len({item.id for item in checklist.items}) == len(checklist.items)
