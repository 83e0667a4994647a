"""The same checklist in JupyterLab: run the notebook, answer, and ask the kernel for the record."""

from playwright.sync_api import expect

from dpup_toolkit import render_markdown

from ..helpers import storage_key, stored
from .test_checklist_page import CHECKLIST, item

LAST = CHECKLIST.items[-1]


def test_the_widget_works_in_jupyterlab_and_the_kernel_sees_the_answers(visit, jupyterlab_url):
    page = visit(viewport={"width": 1400, "height": 900}).page
    page.goto(f"{jupyterlab_url}/lab/tree/purpose-statement.ipynb")
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=60_000)
    page.locator(".jp-Cell").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("Shift+Enter")  # the introduction
    page.keyboard.press("Shift+Enter")  # the widget
    page.wait_for_selector(".dpup-checklist", timeout=60_000)
    expect(page.locator("fieldset.dpup-item")).to_have_count(len(CHECKLIST.items))
    last = item(page, LAST)
    last.get_by_label("No", exact=True).check()
    expect(last.locator(".dpup-guidance")).to_contain_text(f"What to do: {LAST.action}")

    # A new cell asks the kernel for the record of what was just answered in the browser.
    page.locator(".jp-Notebook").last.click(position={"x": 5, "y": 5})
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.keyboard.press("Enter")
    page.keyboard.type('print(checklist.record_markdown("2026-11-21"), end="")')
    page.keyboard.press("Shift+Enter")
    output = page.locator(".jp-OutputArea-output pre").last
    answers = stored(page, storage_key(CHECKLIST.id, CHECKLIST.version))["answers"]
    expect(output).to_have_text(render_markdown(CHECKLIST, answers, "2026-11-21").rstrip("\n"))
    assert answers == {LAST.id: {"answer": "no", "note": ""}}
