"""The "Find what fits" navigator lists case studies as well as tools. Each case says which roles
and stages it fits in its own file (`case_study:` in a Markdown page's front matter or a notebook's
metadata), so a new case with that metadata appears in the navigator by itself."""
import json
import shutil

import pytest

from dpup_toolkit import load_checklist, render_markdown
from dpup_toolkit.engine.catalogue import case_study_entries, catalogue_entries, check_links, toc_pages
from dpup_toolkit.engine.results import results_of
from dpup_toolkit.engine.schema import ChecklistFileError

from .conftest import ROOT

NAVIGATOR = ROOT / "checklists" / "find-what-fits.yml"


def offered(navigator, role, stage, entries=None):
    """The ids of the tools and of the case studies the navigator lists, in its order."""
    answers = {"role": {"answer": role, "note": ""}, "stage": {"answer": stage, "note": ""}}
    (result,) = results_of(navigator, answers, catalogue_entries(navigator) if entries is None else entries)
    return {kind: [entry["id"] for entry in result[kind]] for kind in ("tools", "cases")}


def fitting_both(navigator, role, stage):
    """The case studies made for both the role and the stage."""
    answers = {"role": {"answer": role}, "stage": {"answer": stage}}
    (result,) = results_of(navigator, answers, catalogue_entries(navigator))
    return [entry["id"] for entry in result["cases"] if entry["fits"] == ["role", "stage"]]


def test_the_navigator_lists_the_case_studies_that_fit_the_role_and_stage():
    navigator = load_checklist(NAVIGATOR)
    assert fitting_both(navigator, "front-line", "service-delivery") == ["two-way-street"]
    assert "purpose-statement" in offered(navigator, "front-line", "service-delivery")["tools"]
    assert sorted(fitting_both(navigator, "policy-and-service-design", "planning")) == [
        "children-in-care-service", "client-level-data", "co-designing-dpup", "over-65-population"]
    assert sorted(fitting_both(navigator, "analysis-and-research", "design")) == ["children-in-care-service",
                                                                                 "co-designing-dpup"]


def test_every_case_study_in_the_book_declares_what_it_fits_and_is_a_page():
    pages = toc_pages(ROOT / "_toc.yml")
    cases = [entry for entry in catalogue_entries(load_checklist(NAVIGATOR)) if entry["kind"] == "case"]
    case_pages = {page for page in pages if page.startswith("case_studies/") and page != "case_studies/index"}
    assert {entry["page"] for entry in cases} == case_pages
    check_links(ROOT / "checklists", pages)


def test_the_record_lists_the_case_studies_under_their_own_heading():
    navigator = load_checklist(NAVIGATOR)
    answers = {"role": {"answer": "front-line"}, "stage": {"answer": "service-delivery"}}
    markdown = render_markdown(navigator, answers, "2026-12-01")
    cases = markdown.split("### Case studies\n\n", 1)[1].split("\n\n", 1)[0]
    assert cases.startswith("- A two-way street: A funder shares what it learns") and cases.count("\n- ") == 0
    nothing = render_markdown(navigator, {"role": {"answer": "front-line"}, "stage": {"answer": "planning"}}, "x")
    assert "### Case studies\n\nNo case study fits that choice yet." in nothing


AGENCY_CASE = """---
case_study:
  title: Our own case <script>window.__pwned = 1</script>
  summary: How our front-line team asked whānau before collecting anything.
  roles: [front-line]
  stages: [planning]
---

# Case study: our own case

Text.
"""


@pytest.fixture
def book(tmp_path):
    """A copy of the navigator and the case studies, with an agency's own case added."""
    shutil.copytree(ROOT / "checklists", tmp_path / "checklists", ignore=shutil.ignore_patterns("*.ipynb"))
    shutil.copytree(ROOT / "case_studies", tmp_path / "case_studies")
    (tmp_path / "case_studies" / "our-own-case.md").write_text(AGENCY_CASE, encoding="utf-8")
    return tmp_path


def test_a_new_case_study_appears_by_itself_for_its_role_and_stage_only(book):
    navigator = load_checklist(book / "checklists" / "find-what-fits.yml")
    assert fitting_both(navigator, "front-line", "planning") == ["our-own-case"]
    assert "our-own-case" not in fitting_both(navigator, "front-line", "service-delivery")
    assert "our-own-case" not in offered(navigator, "team-leaders", "design")["cases"]
    entry = next(entry for entry in catalogue_entries(navigator) if entry["id"] == "our-own-case")
    assert entry["page"] == "case_studies/our-own-case" and entry["title"].endswith("<script>window.__pwned = 1</script>")
    # Until it is a page of the book (a line in _toc.yml), the build stops rather than link nowhere.
    pages = toc_pages(ROOT / "_toc.yml")
    with pytest.raises(ChecklistFileError, match="'case_studies/our-own-case', which is not a page of the book"):
        check_links(book / "checklists", pages)
    check_links(book / "checklists", pages | {"case_studies/our-own-case"})


def test_a_notebook_case_study_declares_itself_in_its_metadata(book):
    notebook = book / "case_studies" / "over-65-population.ipynb"
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    nb["metadata"]["case_study"]["stages"] = ["service-delivery"]
    notebook.write_text(json.dumps(nb), encoding="utf-8")
    navigator = load_checklist(book / "checklists" / "find-what-fits.yml")
    assert "over-65-population" in fitting_both(navigator, "analysis-and-research", "service-delivery")
    assert "over-65-population" not in fitting_both(navigator, "analysis-and-research", "planning")


BAD_CASES = [
    ("case_study:\n  title: T\n  summary: S\n  roles: [front-line]\n", "case_study.stages", "is required but missing"),
    ("case_study:\n  title: T\n  summary: S\n  roles: [front-desk]\n  stages: [planning]\n", "case_study.roles[0]",
     "must be one of"),
    ("case_study:\n  title: T\n  summary: ''\n  roles: [front-line]\n  stages: [planning]\n", "case_study.summary",
     "must not be empty"),
    ("case_study:\n  title: T\n  summary: S\n  roles: [front-line, front-line]\n  stages: [planning]\n",
     "case_study.roles", "lists a value twice"),
    ("case_study:\n  title: T\n  summary: S\n  roles: [front-line]\n  stages: [planning]\n  minutes: 5\n",
     "case_study.minutes", "is not a known field"),
    ("case_study: [front-line]\n", "case_study", "must be a mapping"),
    ("case_study:\n  title: T\n  title: U\n", "line 4, column 3", "repeats the key 'title'"),
]


@pytest.mark.parametrize("front_matter, field, reason", BAD_CASES, ids=[case[1] + ":" + case[2] for case in BAD_CASES])
def test_a_bad_case_study_names_the_file_the_field_and_the_reason(tmp_path, front_matter, field, reason):
    (tmp_path / "bad.md").write_text(f"---\n{front_matter}---\n\n# Bad\n", encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        case_study_entries(tmp_path, tmp_path.parent)
    assert caught.value.path.endswith("bad.md") and caught.value.field == field
    assert caught.value.reason.startswith(reason), caught.value.reason


def test_a_navigator_naming_a_missing_case_folder_is_refused(book):
    path = book / "checklists" / "find-what-fits.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("../case_studies", "../no-such-folder"), encoding="utf-8")
    with pytest.raises(ChecklistFileError, match=r"results\[0\]\.case_studies: '../no-such-folder' is not a folder"):
        catalogue_entries(load_checklist(path))
