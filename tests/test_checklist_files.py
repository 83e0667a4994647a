"""Hostile and careless checklist files: each is refused with the
loader's own error naming the file, where and why — never a crash, a hang or a silent loss."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dpup_toolkit import ChecklistFileError, list_checklists, load_checklist, parse_checklist
from dpup_toolkit.engine.catalogue import check_links, toc_pages
from dpup_toolkit.engine.yaml_source import MAX_BYTES

from .conftest import FIXTURES, ROOT

SAMPLE_TEXT = (FIXTURES / "sample.yml").read_text(encoding="utf-8")

ALIAS_BOMB = """
a: &a ["front-line", "front-line", "front-line", "front-line", "front-line", "front-line", "front-line"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
"""

# (what is wrong, text to replace in sample.yml, replacement, field, reason)
MISTAKES = [
    ("second prompt in an item", "        action: Write down each kind of data.\n",
     "        action: Write down each kind of data.\n        prompt: A second prompt\n",
     "line 26, column 9", "repeats the key 'prompt' (first given on line 22); the second would silently replace the first"),
    ("second sections", "sections:\n", "sections: []\nsections:\n",
     "line 17, column 1", "repeats the key 'sections' (first given on line 16); the second would silently replace the first"),
    ("repeated guidance answer", '"na": "Rarely fits."}\n        action: Write', '"na": "x", "na": "y"}\n        action: Write',
     "line 24, column 75", "repeats the key 'na' (first given on line 24); the second would silently replace the first"),
    ("alias bomb in roles", "roles: [front-line]", "x-bomb:" + ALIAS_BOMB.replace("\n", "\n  ") + "\nroles: *h",
     "line 8, column 10", "uses a YAML alias (*name); checklist files must write every value out"),
    ("merge key", "  - id: people\n", "  - <<: {intro: merged}\n    id: people\n",
     "line 39, column 5", "uses a YAML merge key (<<); write the fields out instead"),
    ("deeply nested list", "summary: A checklist used only by the tests.",
     "summary: " + "[" * 10_000 + "]" * 10_000, "line 5, column 49", "nests deeper than 40 levels"),
    ("deeply nested mapping", "summary: A checklist used only by the tests.",
     "summary: " + "{a: " * 10_000 + "b" + "}" * 10_000, "line 5, column 163", "nests deeper than 40 levels"),
    ("version true", "version: 2", "version: true",
     "version", "must be a whole number from 1 to 1000, not true (YAML read it as a boolean)"),
    ("version with a decimal point", "version: 2", "version: 2.0",
     "version", "must be a whole number from 1 to 1000, not 2.0"),
    ("version in exponent form", "version: 2", "version: 1e23",
     "version", "must be a whole number from 1 to 1000, not '1e23'"),
    ("version a date", "version: 2", "version: 20240601",
     "version", "must be a whole number from 1 to 1000, not 20240601"),
    ("unquoted yes key", '{"yes": "Good.", "no": "Describe it first."', '{yes: "Good.", "no": "Describe it first."',
     "line 24, column 20", "the key 'yes' was read by YAML as the boolean true; put it in quotes: \"yes\""),
    ("unquoted on key", '{"yes": "Good.", "no": "Describe it first."', '{"yes": "Good.", on: "Describe it first."',
     "line 24, column 36", "the key 'on' was read by YAML as the boolean true; put it in quotes: \"on\""),
    ("unquoted yes in a condition", 'answer_in: ["yes"]', "answer_in: [yes]",
     "sections[0].items[2].show_if.answer_in[0]",
     "YAML read this as the boolean true; put the value in quotes if it is text"),
    ("unquoted no as a role", "roles: [front-line]", "roles: [no]",
     "roles[0]", "YAML read this as the boolean false; put the value in quotes if it is text"),
]
MISTAKES += [
    ("item id of digits only", "      - id: told", "      - id: '12'",
     "sections[1].items[0].id", "'12' must contain a letter, not only digits"),
    ("aliased item", "        action: Plan how and when to tell people.\n",
     "        action: Plan how and when to tell people.\n      - *first\n",
     "line 48, column 9", "uses a YAML alias (*name); checklist files must write every value out"),
]


@pytest.mark.parametrize("old, new, field, reason", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_hostile_or_careless_file_names_file_place_and_reason(tmp_path, sample_text, old, new, field, reason):
    assert old in sample_text
    text = sample_text.replace(old, new, 1)
    if "*first" in new:
        text = text.replace("      - id: described", "      - &first\n        id: described", 1)
    path = tmp_path / "sample.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist(path)
    assert (caught.value.field, caught.value.reason) == (field, reason)
    assert str(caught.value) == f"{path}: {field}: {reason}"


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-32"])
def test_a_file_in_another_encoding_names_the_file(tmp_path, sample_text, encoding):
    path = tmp_path / "sample.yml"
    path.write_bytes(sample_text.replace("About the data.", "About the café’s data.".replace("’", "'")).encode(encoding))
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist(path)
    assert caught.value.path == str(path) and caught.value.field == "(file)"
    assert "is not UTF-8 text" in caught.value.reason and "save it with UTF-8 encoding" in caught.value.reason


def test_a_utf8_file_with_a_byte_order_mark_loads(tmp_path, sample_text):
    path = tmp_path / "sample.yml"
    path.write_bytes(sample_text.encode("utf-8-sig"))
    assert load_checklist(path).id == "sample"


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path, sample_text):
    path = tmp_path / "sample.yml"
    path.write_text(sample_text + "# " + "x" * 26_000_000 + "\n", encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist(path)
    assert caught.value.field == "(file)"
    assert caught.value.reason == f"is {path.stat().st_size:,} bytes; a checklist file may be at most {MAX_BYTES:,}"


@pytest.mark.parametrize("old, new", [
    ("id: sample", "id: " + "x" * 300_000),
    ("roles: [front-line]", "roles: [" + "a" * 300_000 + "]"),
    ('answer_in: ["yes"]', 'answer_in: ["' + "m" * 300_000 + '"]'),
    ("  principles: [he-tangata]", "  principles: [" + "[" * 30 + "]" * 30),
])
def test_values_quoted_in_an_error_are_cut_short(tmp_path, sample_text, old, new):
    path = tmp_path / "sample.yml"
    path.write_text(sample_text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist(path)
    assert len(caught.value.reason) <= 400
    assert str(caught.value).startswith(f"{path}: ")


def test_only_checklist_suffixes_are_loaded(tmp_path, sample_text):
    path = tmp_path / "sample.txt"
    path.write_text(sample_text, encoding="utf-8")
    with pytest.raises(ChecklistFileError, match=r"sample\.txt: \(file\): a checklist file's name must end in \.yml or \.yaml$"):
        load_checklist(path)


def test_the_catalogue_finds_yml_and_yaml_files_alike(tmp_path, sample_text):
    (tmp_path / "sample.yml").write_text(sample_text, encoding="utf-8")
    (tmp_path / "second.yaml").write_text(sample_text.replace("id: sample", "id: second"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a checklist", encoding="utf-8")
    assert [c.id for c in list_checklists(tmp_path)] == ["sample", "second"]


def test_the_catalogue_refuses_two_files_with_one_id(tmp_path, sample_text):
    (tmp_path / "sample.yml").write_text(sample_text, encoding="utf-8")
    (tmp_path / "sample.yaml").write_text(sample_text, encoding="utf-8")
    with pytest.raises(ChecklistFileError, match=r"sample\.yml: id: 'sample' is also the id of sample\.yaml$"):
        list_checklists(tmp_path)


def test_a_link_to_a_page_the_book_does_not_have_is_refused(tmp_path, sample_text):
    (tmp_path / "sample.yml").write_text(sample_text.replace("book/guidelines/purpose-matters", "book/guidelines/no-such-page"))
    pages = toc_pages(ROOT / "_toc.yml")
    with pytest.raises(ChecklistFileError) as caught:
        check_links(tmp_path, pages)
    assert (caught.value.field, caught.value.reason) == (
        "sections[0].items[2].links[0].page", "'book/guidelines/no-such-page' is not a page of the book (see _toc.yml)")
    (tmp_path / "sample.yml").write_text(sample_text)
    check_links(tmp_path, pages)


def test_every_checklist_in_the_repo_links_only_to_pages_of_the_book():
    # The catalogue may grow: every checklist file is checked, whatever their number.
    checklists = list_checklists(ROOT / "checklists")
    assert "purpose-statement" in {c.id for c in checklists}
    pages = toc_pages(ROOT / "_toc.yml")
    for checklist in checklists:
        assert f"checklists/{checklist.id}" in pages
        assert (ROOT / "checklists" / f"{checklist.id}.ipynb").exists()
    check_links(ROOT / "checklists", pages)


def test_the_build_fails_on_a_link_to_a_missing_page(tmp_path, sample_text):
    # The site's extension runs this check when Sphinx has read every page (env-check-consistency).
    from types import SimpleNamespace

    from dpup_toolkit.site import setup
    from dpup_toolkit.site.links import check_checklist_links

    events = []
    setup(SimpleNamespace(connect=lambda event, handler, **kw: events.append((event, handler)),
                          add_css_file=lambda *args, **kw: None, add_js_file=lambda *args, **kw: None))
    assert ("env-check-consistency", check_checklist_links) in events
    (tmp_path / "checklists").mkdir()
    (tmp_path / "checklists" / "sample.yml").write_text(sample_text, encoding="utf-8")
    app = SimpleNamespace(srcdir=str(tmp_path))
    check_checklist_links(app, SimpleNamespace(found_docs={"book/guidelines/purpose-matters"}))
    with pytest.raises(ChecklistFileError, match="'book/guidelines/purpose-matters' is not a page of the book"):
        check_checklist_links(app, SimpleNamespace(found_docs={"book/index"}))


YAML_BITS = ["\n", "  ", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: ", "!!python/object:os.system ",
             "!!binary ", "!!set ", "? ", "|", ">", "'", '"', "#", "yes", "no", "on", "~", "null", "1e3", "0x10",
             "2024-06-01", "id: x", "kind: text", "kind: choice", "items:", "\t", "\x00", "\ufeff", "ā", "%YAML 1.1\n",
             "---\n", "...\n"]


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(YAML_BITS), st.integers(0, 3)), max_size=6))
def test_any_damage_to_a_file_gives_the_loaders_own_error(edits):
    """Whatever a careless edit does to a good file, loading it never raises anything but
    ChecklistFileError (or loads)."""
    text = SAMPLE_TEXT
    for position, bit, cut in edits:
        position %= len(text) + 1
        text = text[:position] + bit + text[position + cut:]
    try:
        parse_checklist(text, "sample.yml")
    except ChecklistFileError as error:
        assert len(error.reason) <= 400
