"""The toolkit knows the law as it stands: IPP 3A (Privacy Amendment Act 2025, in force 1 May 2026).

A reader of "DPUP and the law" finds the new principle, its date and the table relating DPUP to
the information privacy principles, labelled as this toolkit's own reading. Every tool that
talks about getting information about a person from someone else tells people about IPP 3A.
"""
import json
import re

import pytest
from bs4 import BeautifulSoup

from dpup_toolkit import load_checklist
from dpup_toolkit.engine.plain_language import article

from .conftest import ROOT, SITE  # noqa: F401  (SITE marks these as tests of the built site)
from .test_pages import html

LAW_PAGE = "book/dpup-and-the-law.html"
IPPS = ["1", "2", "3", "3A", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"]
GUIDELINES = ["Purpose Matters", "Transparency and Choice", "Access to Information", "Sharing Value"]
PRINCIPLES = ["He Tāngata", "Manaakitanga", "Mana Whakahaere", "Kaitiakitanga", "Mahitahitanga"]

# The rule for "touches collection from others": a question or text item whose words speak of
# getting information about a person from someone other than that person. Quiz answers (choice
# items) explain DPUP; they do not ask about a person's own work, so they are not covered.
FROM_OTHERS = [
    r"\breferr(al|ed)",
    r"someone else",
    r"never gave you",
    r"from (an)?other (agenc|service|provider)",
    r"another agency shares",
    r"client-level data",
    r"sends to its funder",
]
# Tools known to collect from others today: the rule must find at least these, or it has gone blind.
KNOWN = {"transparency-and-choice", "before-you-ask", "service-users-need-to-know", "purpose-statement"}


def law_page():
    return article(html(LAW_PAGE))


def words(node):
    """The text a reader sees, with the site's typographic apostrophes as plain ones."""
    return " ".join(node.get_text(" ").replace("\u2019", "'").split())


def section_at(anchor_id):
    """The section a trainer's link to #anchor_id lands in (Sphinx puts a label's id on a span in it)."""
    anchor = law_page().find(id=anchor_id)
    assert anchor is not None, f"#{anchor_id} is gone: links to it would break"
    return anchor if anchor.name == "section" else anchor.find_parent("section")


def test_the_law_page_names_ipp_3a_its_date_and_the_act_that_made_it():
    text = words(section_at("ipp-3a"))
    for fact in ("IPP 3A", "1 May 2026", "Privacy Amendment Act 2025", "23 September 2025", "section 22"):
        assert fact in text, fact
    for told in ("why", "who will receive it", "name and address", "law that allows or requires",
                 "see the information and ask for it to be corrected"):
        assert told in text, told
    assert "privacy officer" in text
    assert "IPP 3A" in words(law_page().find(id="in-brief"))


def test_the_law_page_relates_the_guidelines_and_principles_to_ipps_1_to_13_and_3a():
    section = section_at("dpup-and-the-ipps")
    text = words(section)
    for caveat in ("this toolkit's own reading", "not legal advice", "not the policy's words",
                   "asks more than the law", "de-identified and aggregated", "privacy officer"):
        assert caveat in text, caveat
    (table,) = section.find_all("table")
    rows = [[words(cell) for cell in row.find_all("td")] for row in table.find("tbody").find_all("tr")]
    assert [row[0] for row in rows] == IPPS
    assert all(row[1] for row in rows), "every IPP has a name"
    named = " ".join(row[2] for row in rows)
    for part in GUIDELINES + PRINCIPLES:
        assert part in named, f"{part} is in no row of the table"


def test_the_health_row_keeps_to_what_the_sources_say():
    text = words(section_at("other-laws-and-guidance-dpup-sits-beside"))
    assert "Health and Disability Code" in text and "privacy officer" in text
    # The sources name one health and disability code and nothing more.
    for unsupported in ("Health Information Privacy Code", "Consumers' Rights"):
        assert unsupported not in text


def item_words(item):
    parts = [item.prompt, item.help, getattr(item, "action", "") or "", getattr(item, "example", "") or ""]
    parts += list((getattr(item, "guidance", None) or {}).values())
    return " ".join(str(p) for p in parts)


def tool_words(checklist):
    texts = [checklist.summary] + [item_words(item) for item in checklist.items]
    return " ".join(texts + [change.note for change in checklist.changes])


TOOLS = {path.stem: load_checklist(path) for path in sorted((ROOT / "checklists").glob("*.yml"))}


def collects_from_others(checklist):
    return [item.id for item in checklist.items if item.kind in ("question", "text")
            and any(re.search(pattern, item_words(item), re.IGNORECASE) for pattern in FROM_OTHERS)]


def test_the_rule_finds_the_tools_known_to_collect_from_others():
    found = {name for name, checklist in TOOLS.items() if collects_from_others(checklist)}
    assert KNOWN <= found, KNOWN - found


@pytest.mark.parametrize("name", sorted(name for name, checklist in TOOLS.items() if collects_from_others(checklist)))
def test_every_tool_that_collects_from_others_refers_to_ipp_3a(name):
    checklist = TOOLS[name]
    items = collects_from_others(checklist)
    assert "IPP 3A" in tool_words(checklist), f"{name} speaks of information from others in {items}"
    assert "1 May 2026" in tool_words(checklist), name
    # People with saved answers are told: the change note names the new principle.
    assert any("IPP 3A" in change.note for change in checklist.changes), name


def test_the_client_level_data_case_study_explains_ipp_3a():
    notebook = json.loads((ROOT / "case_studies" / "client-level-data.ipynb").read_text(encoding="utf-8"))
    text = " ".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown")
    for fact in ("IPP 3A", "1 May 2026", "funder", "privacy officer"):
        assert fact in text, fact
    page = BeautifulSoup(html("case_studies/client-level-data.html"), "html.parser")
    assert page.find(id="if-it-happened-today-the-law-since-1-may-2026") is not None
