"""A checklist file with a mistake fails with one message naming the file, the field and why."""
import pytest

from dpup_toolkit import ChecklistFileError, list_checklists, load_checklist
from dpup_toolkit.schema import GUIDELINES, PRINCIPLES, ROLES, STAGES

from .conftest import ROOT

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
     "version", "must be a whole number written without quotes or a decimal point, not 'two'"),
    ("no sections", "sections:\n", "old_sections:\n",
     "sections", "is required but missing"),
    ("bad YAML syntax", "  principles: [he-tangata]", "  principles: [he-tangata",
     "line 10, column 13", "is not valid YAML: expected ',' or ']', but got ':'"),
]


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
    assert "purpose-statement" in [c.id for c in checklists]  # the catalogue may grow
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for checklist in checklists:
        assert (ROOT / "checklists" / f"{checklist.id}.ipynb").exists()
        assert f"file: checklists/{checklist.id}\n" in toc
        for item in checklist.items:
            for link in item.links:
                assert f"file: {link.page}\n" in toc, f"{checklist.id}/{item.id} links to {link.page}, not in _toc.yml"


def test_the_purpose_statement_checklist_is_substantial():
    checklist = load_checklist(ROOT / "checklists" / "purpose-statement.yml")
    assert len(checklist.items) >= 12
    assert len(checklist.sections) >= 4
    assert "purpose-matters" in checklist.supports.guidelines
    assert set(checklist.roles) == set(ROLES) and set(checklist.stages) <= set(STAGES)
    assert set(checklist.supports.principles) <= set(PRINCIPLES)
    assert set(checklist.supports.guidelines) <= set(GUIDELINES)
    assert len({item.id for item in checklist.items}) == len(checklist.items)
