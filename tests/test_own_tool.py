"""An agency adds its own tool the way README.md says: one YAML file, a copied notebook, one line
in _toc.yml. These tests do it with a temporary tool in a copy of checklists/ and check that the
Tools index, the navigator and the notebook (the Voila app) all pick it up by themselves."""
import shutil

import nbformat
import pytest
import yaml
from markdown_it import MarkdownIt
from nbclient import NotebookClient

from dpup_toolkit import list_checklists, load_checklist
from dpup_toolkit.engine.results import results_of
from dpup_toolkit.engine.catalogue import catalogue_entries

from .conftest import ROOT
from .site_manifest import toc_pages
from .test_record_inert import RENDERERS

HOSTILE = ('<script>window.__pwned = 1</script> [a link](https://example.org) *bold* $x$ {term}`t`'
           " example.org www.example.org someone@example.org https://example.org/bare")  # bare links (linkify)
OWN_TOOL = {
    "id": "agency-intake",
    "title": "Our intake form check " + HOSTILE,
    "version": 1,
    "minutes": 7,
    "summary": "Check our intake form before it goes live. " + HOSTILE,
    "roles": ["front-line"],
    "stages": ["service-delivery"],
    "supports": {"principles": ["mana-whakahaere"], "guidelines": ["transparency-and-choice"]},
    "answers": [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}],
    "met": ["yes"],
    "sections": [{"id": "form", "title": "The form", "items": [{
        "id": "purpose-on-form", "prompt": "Does the form say why each question is asked?",
        "help": "People want to know why.", "guidance": {"yes": "Good.", "no": "Add the reasons."},
        "action": "Add a reason beside each question."}]}],
}


@pytest.fixture
def folder(tmp_path):
    """A copy of checklists/ (and the case studies the navigator lists) with the agency's tool added
    as README.md describes."""
    folder = tmp_path / "checklists"
    shutil.copytree(ROOT / "checklists", folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(ROOT / "case_studies", tmp_path / "case_studies", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (folder / "agency-intake.yml").write_text(yaml.safe_dump(OWN_TOOL, allow_unicode=True), encoding="utf-8")
    notebook = (folder / "purpose-statement.ipynb").read_text(encoding="utf-8")
    (folder / "agency-intake.ipynb").write_text(notebook.replace("purpose-statement.yml", "agency-intake.yml"),
                                                encoding="utf-8")
    return folder


def run(notebook):
    nb = nbformat.read(notebook, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(notebook.parent)}}).execute()
    return [output for cell in nb.cells if cell.cell_type == "code" for output in cell.outputs]


def test_the_new_tool_loads_beside_the_others(folder):
    ids = [tool.id for tool in list_checklists(folder)]
    assert "agency-intake" in ids and "purpose-statement" in ids


def test_the_navigator_offers_the_new_tool_for_its_role_and_stage_only(folder):
    navigator = load_checklist(folder / "find-what-fits.yml")
    entries = catalogue_entries(navigator)

    def offered(role, stage):
        """The tools that fit both answers, in the navigator's order."""
        answers = {"role": {"answer": role, "note": ""}, "stage": {"answer": stage, "note": ""}}
        (result,) = results_of(navigator, answers, entries)
        return [tool["id"] for tool in result["tools"] if len(tool["fits"]) == 2]

    # Made for one role and one stage, it is the closest fit there, so it leads.
    assert offered("front-line", "service-delivery")[0] == "agency-intake"
    assert "agency-intake" not in offered("analysis-and-research", "service-delivery")
    assert "agency-intake" not in offered("front-line", "planning")
    assert "agency-intake" not in [tool["id"] for tool in catalogue_entries(load_checklist(ROOT / "checklists" / "find-what-fits.yml"))]


def test_the_tools_index_lists_the_new_tool_as_text_with_its_time(folder):
    (output,) = run(folder / "index.ipynb")
    markdown = output["data"]["text/markdown"]
    tokens = [t for block in RENDERERS["MyST"].parse(markdown) for t in [block, *(block.children or [])]]
    assert [t.type for t in tokens if "html" in t.type] == [], "text from a tool file became HTML"
    links = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert links == [f"{tool.id}.ipynb" for tool in list_checklists(folder)]
    entry = next(line for line in markdown.split("\n- ") if "agency-intake.ipynb" in line)
    text = MarkdownIt("commonmark").renderInline(entry)
    assert "Our intake form check &lt;script&gt;" in text and "About 7 minutes." in text
    assert "For front-line staff." in text


def test_the_new_tools_notebook_shows_its_widget(folder):
    outputs = run(folder / "agency-intake.ipynb")
    (view,) = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert view["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]


def test_every_tool_in_the_repo_is_a_page_and_the_tools_part_opens_with_the_index():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    # The part that holds the tools opens with the Tools index (its caption is the part's own).
    (tools,) = [part for part in toc["parts"] if any(chapter["file"] == "checklists/index" for chapter in part["chapters"])]
    assert tools["chapters"][0]["file"] == "checklists/index"
    pages = set(toc_pages())
    for tool in list_checklists(ROOT / "checklists"):
        assert f"checklists/{tool.id}.html" in pages, f"{tool.id} is not in _toc.yml"
        notebook = (ROOT / "checklists" / f"{tool.id}.ipynb").read_text(encoding="utf-8")
        assert f'load_checklist(\\"{tool.id}.yml\\")' in notebook, tool.id
