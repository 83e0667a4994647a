"""The tools as Voila apps: the landing page lists every tool, and tools of each kind work there
with a live kernel as they do on the static site."""
import re

import pytest
from playwright.sync_api import expect

from .test_tools import TOOLS, answer_everything, expect_answers_shown, expect_results_shown, saved_answers
from .test_voila import open_app

# A question tool, one with free text and a template, and the navigator (choices and a catalogue).
IN_VOILA = ["transparency-and-choice", "before-you-ask", "find-what-fits"]


def test_the_landing_page_lists_every_tool_and_opens_it(visit, voila_url):
    v = visit()
    page = v.page
    page.goto(f"{voila_url}/voila/render/checklists/index.ipynb")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Tools"))
    for tool in TOOLS:
        link = page.locator("li").get_by_role("link", name=tool.title, exact=True)
        expect(link).to_have_attribute("href", f"{tool.id}.ipynb")
    # Voila's Markdown renderer opens links in a new tab.
    with page.context.expect_page() as opened:
        page.locator("li").get_by_role("link", name="Before you ask — a front-line conversation", exact=True).click()
    app = opened.value
    app.wait_for_selector(".dpup-checklist", timeout=60_000)
    assert app.url.endswith("/voila/render/checklists/before-you-ask.ipynb")
    expect(app.locator("fieldset.dpup-item").first).to_be_visible()
    assert v.external == []  # the toolkit's Voila template asks no one else for anything


@pytest.mark.parametrize("tool", [t for t in TOOLS if t.id in IN_VOILA], ids=lambda tool: tool.id)
def test_the_tool_works_as_an_app(visit, voila_url, tool):
    v = open_app(visit, voila_url, f"checklists/{tool.id}.ipynb")
    page = v.page
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(f"^{re.escape(tool.title)}"))
    entered = answer_everything(page, tool)
    answers = saved_answers(page, tool)
    expect_results_shown(page, tool, answers, book=False)
    page.reload()
    page.wait_for_selector(".dpup-checklist", timeout=60_000)
    expect_answers_shown(page, tool, entered)
    expect_results_shown(page, tool, answers, book=False)
    assert v.external == []  # the toolkit's Voila template asks no one else for anything
