"""The Word (.docx) record: the browser's (widgets/docx/record.mjs with the docx library) and the
kernel's (python-docx) hold the same paragraphs, styles and runs, written the same way, and
python-docx finds everything in them."""
import io
import json
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from hypothesis import given
from hypothesis import strategies as st

from dpup_toolkit import load_checklist
from dpup_toolkit.records.blocks import record_blocks
from dpup_toolkit.records.word import render_docx

from .conftest import ROOT
from .goldens import docx_text
from .test_front_end_logic import definition, module  # noqa: F401  (module is a fixture)
from .test_parity import CORPUS, hostile_text
from .test_record import ANSWERS, HOSTILE_NOTE, KINDS_ANSWERS

WORD_MODULE = ROOT / "theme" / "site-root" / "widgets" / "docx" / "record.mjs"
MAKER = ROOT / "tests" / "js" / "make_docx.mjs"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
ABOUT = {"what": "Youth mentoring pilot", "completed_by": "Aroha Ngata", "review_by": "2027-03-31"}


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(io.BytesIO(data)).paragraphs]


def markup(element) -> str:
    """An element as XML with its own names and attributes only (not the namespaces its document
    declares, nor xml:space, which docx writes on every text and python-docx where it is needed)."""
    name = etree.QName(element).localname
    attributes = "".join(f' {etree.QName(key).localname}="{value}"' for key, value in sorted(element.attrib.items())
                         if key != XML_SPACE)
    return f"<{name}{attributes}>{element.text or ''}{''.join(map(markup, element))}</{name}>"


def paragraph_xml(data: bytes) -> list[str]:
    """Each paragraph as Word reads it: its style, runs, bold, text, line breaks and tabs."""
    return [markup(paragraph) for paragraph in Document(io.BytesIO(data)).element.body.iterchildren(qn("w:p"))]


def browser_docx(module, tmp_path, d, answers, about):  # noqa: F811
    out = tmp_path / "record.docx"
    request = {"module": str(module), "record": str(WORD_MODULE), "out": str(out), "args": [d, answers, "2026-11-21", about]}
    subprocess.run(["node", str(MAKER)], input=json.dumps(request), text=True, check=True, capture_output=True)
    return out.read_bytes()


def browser_blocks(module, calls):  # noqa: F811
    request = {"module": str(module), "record": str(WORD_MODULE), "blocks": calls}
    out = subprocess.run(["node", str(MAKER)], input=json.dumps(request), text=True, check=True, capture_output=True)
    return json.loads(out.stdout)


def test_the_word_library_is_the_pinned_npm_release():
    # record.mjs imports "docx" from node_modules (the built site gets it bundled in, minified:
    # widget/front_end.py); no copy of the library is kept in the repository.
    package = json.loads((ROOT / "package.json").read_text())["dependencies"]["docx"]
    installed = ROOT / "node_modules" / "docx"
    assert json.loads((installed / "package.json").read_text())["version"] == package
    assert 'import * as docx from "docx";' in WORD_MODULE.read_text(encoding="utf-8")
    assert not (WORD_MODULE.parent / "docx.mjs").exists()
    assert "MIT" in (WORD_MODULE.parent / "LICENSE.txt").read_text()


def test_the_python_word_record_has_the_details_summary_actions_answers_and_notes(sample):
    found = paragraphs(render_docx(sample, ANSWERS, "2026-11-21", about=ABOUT))
    texts = [text for _, text in found]
    assert found[0] == ("Title", "Sample checklist: record")
    assert texts[1:4] == ["What is being checked: Youth mentoring pilot", "Completed by: Aroha Ngata",
                          "Review by: 2027-03-31"]
    assert "Progress: 3 of 4 questions answered" in texts and "Not met: 1" in texts
    # The summary and its actions come before the answers.
    assert texts.index("What to do next") < texts.index("The data")
    assert ("Heading 2", "1. Is each identifying part needed?") in found
    assert "What to do: Remove the parts you do not need." in texts
    assert "Note: " + HOSTILE_NOTE in texts
    assert "Note: Ask the team" in texts
    assert texts.count("Answer: Yes") == 2 and "Answer: No" in texts and "Answer: Not answered" in texts


@pytest.mark.parametrize("tool, answers", [("sample", ANSWERS), ("kinds", KINDS_ANSWERS), ("kinds", {})])
def test_the_browser_word_record_is_written_as_python_writes_it(module, tmp_path, sample, kinds, tool, answers):  # noqa: F811
    checklist = {"sample": sample, "kinds": kinds}[tool]
    made_in_browser = browser_docx(module, tmp_path, definition(checklist), answers, ABOUT)
    made_in_python = render_docx(checklist, answers, "2026-11-21", about=ABOUT)
    assert docx_text(made_in_browser) == docx_text(made_in_python)
    assert paragraph_xml(made_in_browser) == paragraph_xml(made_in_python)


def test_bullets_and_line_breaks_are_what_word_shows(module, tmp_path):  # noqa: F811
    """A bullet is a paragraph in the "List Bullet" style, whose numbering is a bullet (so Word
    draws one); a line break or tab in a text is inside its run, as Word writes Shift+Enter."""
    tool = load_checklist(ROOT / "checklists" / "find-what-fits.yml")
    from dpup_toolkit.engine.catalogue import catalogue_entries
    entries = catalogue_entries(tool)
    answers = {"role": {"answer": "front-line"}, "stage": {"answer": "service-delivery"}}
    made = {"browser": browser_docx(module, tmp_path, {**definition(tool), "catalogue": entries}, answers, {"what": "a\tb\nc"}),
            "python": render_docx(tool, answers, "2026-11-21", entries, about={"what": "a\tb\nc"})}
    for maker, data in made.items():
        document = Document(io.BytesIO(data))
        bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
        assert bullets, maker
        assert all(p._p.pPr.numPr is None for p in bullets), maker  # the style carries the bullet
        style = document.styles["List Bullet"].element
        numbering = document.part.numbering_part.element
        num = numbering.num_having_numId(style.pPr.numPr.numId.val)
        level = f"w:abstractNum[@w:abstractNumId='{num.abstractNumId.val}']/w:lvl[@w:ilvl='0']"
        assert numbering.xpath(f"{level}/w:numFmt/@w:val") == ["bullet"], maker
        details = next(p for p in document.paragraphs if p.text.startswith("What is being checked: "))
        assert [run.text for run in details.runs] == ["What is being checked: ", "a\tb\nc"], maker
        assert [child.tag for child in details.runs[1]._r] == [qn(tag) for tag in ("w:t", "w:tab", "w:t", "w:br", "w:t")], maker


def test_a_real_tool_with_actions_and_notes_matches_too(module, tmp_path):  # noqa: F811
    tool = load_checklist(ROOT / "checklists" / "purpose-statement.yml")
    ids = [item.id for item in tool.items]
    answers = {ids[0]: {"answer": "no", "note": "Ask the data team.\nBy Friday\x0b."}, ids[1]: {"answer": "yes"},
               ids[2]: {"answer": "no"}}
    made_in_browser = browser_docx(module, tmp_path, definition(tool), answers, {"what": "Ōtaki pilot"})
    made_in_python = render_docx(tool, answers, "2026-11-21", about={"what": "Ōtaki pilot"})
    assert paragraph_xml(made_in_browser) == paragraph_xml(made_in_python)
    assert "Your note: Ask the data team.\nBy Friday\ufffd." in [text for _, text in paragraphs(made_in_browser)]


@CORPUS
@given(st.lists(hostile_text, min_size=20, max_size=60))
def test_record_blocks_agree_on_hostile_notes(module, sample, notes):  # noqa: F811
    d = definition(sample)
    calls, expected = [], []
    for note in notes:
        answers = {"needed": {"answer": "no", "note": note}, "told": {"answer": "yes", "note": note[::-1]}}
        about = {"what": note, "completed_by": note[:5]}
        calls.append([d, answers, "2026-11-21", about])
        expected.append([block.as_json() for block in record_blocks(sample, answers, "2026-11-21", about=about)])
    assert browser_blocks(module, calls) == expected


def test_the_navigators_word_record_lists_tools_and_case_studies_as_python_does(module):  # noqa: F811
    from dpup_toolkit.engine.catalogue import catalogue_entries
    navigator = load_checklist(ROOT / "checklists" / "find-what-fits.yml")
    entries = catalogue_entries(navigator)
    d = {**definition(navigator), "catalogue": entries}
    sets = [{}, {"role": {"answer": "front-line"}, "stage": {"answer": "service-delivery"}},
            {"role": {"answer": "front-line"}, "stage": {"answer": "planning"}}]
    expected = [[block.as_json() for block in record_blocks(navigator, answers, "2026-11-21", entries)] for answers in sets]
    assert browser_blocks(module, [[d, answers, "2026-11-21", {}] for answers in sets]) == expected
    heading = {"kind": "subheading", "runs": [["words", "Case studies"]], "only": None}
    cases = expected[1][expected[1].index(heading) + 1]
    assert cases["kind"] == "bullet" and "".join(text for _, text in cases["runs"]).startswith("A two-way street: ")
