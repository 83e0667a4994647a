"""Every reading page that names a tool links to it; every page that mentions the official toolkit's
PDF or Word files links to the official toolkit page; every item of the new tools links to a page."""
import re

import pytest

from dpup_toolkit import load_checklist
from dpup_toolkit.engine.plain_language import article

from .conftest import ROOT, SITE  # noqa: F401  (SITE marks these as tests of the built site)
from .test_pages import READING_PAGES, html

OFFICIAL_TOOLKIT = "https://www.digital.govt.nz/dpup/toolkit"
# How pages name each tool (titles in title case; (?i) where prose writes them in lower case too), and its page.
NAMES = {
    r"Purpose statement checklist": "purpose-statement",
    r"Purpose statement builder": "purpose-statement-builder",
    r"Transparency and Choice checklist": "transparency-and-choice",
    r"Access to Information checklist": "access-to-information",
    r"(?i)quick check-in": "quick-check-in",
    r"(?i)value loop": "sharing-value",
    r"(?i)Principles in practice": "principles-in-practice",
    r"(?<!Transparency and Choice\. )What service users need to know": "service-users-need-to-know",
    r"Before you ask": "before-you-ask",
    r"Find what fits": "find-what-fits",
}


@pytest.mark.parametrize("page", READING_PAGES)
def test_a_page_that_names_a_tool_links_to_it(page):
    main = article(html(page))
    text = " ".join(main.get_text(" ").split())
    links = {a["href"].split("#")[0].rsplit("/", 1)[-1] for a in main.select("a[href]")}
    missing = [tool for name, tool in NAMES.items()
               if re.search(name, text) and f"{tool}.html" not in links]
    assert missing == [], f"{page} names these tools without linking to them: {missing}"
    # "save it as a PDF" (from the browser's print dialog) is not the official toolkit's PDF.
    if re.search(r"(?<!as a )\bPDF\b|\bWord (file|version)", text):
        assert any(a["href"].startswith(OFFICIAL_TOOLKIT) for a in main.select("a[href]")), page


def test_the_list_of_what_service_users_need_to_know_lives_in_one_place():
    """The role pages and the Transparency and Choice page point at the tool instead of repeating it."""
    for page in [p for p in READING_PAGES if p.startswith("book/roles/") and not p.endswith("index.html")] + [
            "book/guidelines/transparency-and-choice.html"]:
        text = " ".join(article(html(page)).get_text(" ").split())
        assert "How they can have a say in decisions" not in text and "take part in decisions" not in text, page
        assert not re.search(r"right to see their personal information and ask for corrections\.", text), page


TOOLS_WITH_LINKED_ITEMS = ["transparency-and-choice", "access-to-information", "sharing-value", "principles-in-practice",
                           "quick-check-in", "service-users-need-to-know", "before-you-ask", "find-what-fits"]


@pytest.mark.parametrize("tool_id", TOOLS_WITH_LINKED_ITEMS)
def test_each_item_of_the_tool_points_to_a_page_that_explains_it(tool_id):
    tool = load_checklist(ROOT / "checklists" / f"{tool_id}.yml")
    assert [item.id for item in tool.items if not item.links] == []
