"""The same checklist as a Voila app: same widget, and the answers reach the kernel."""
import re

from playwright.sync_api import expect

from dpup_toolkit import render_markdown

from ..helpers import storage_key, stored
from .test_checklist_page import CHECKLIST, item

FIRST, LAST = CHECKLIST.items[0], CHECKLIST.items[-1]


def open_app(visit, voila_url, notebook):
    v = visit()
    v.page.goto(f"{voila_url}/voila/render/{notebook}")
    v.page.wait_for_selector(".dpup-checklist", timeout=60_000)
    return v


def test_the_checklist_notebook_runs_as_an_app(visit, voila_url):
    v = open_app(visit, voila_url, "checklists/purpose-statement.ipynb")
    page = v.page
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Purpose statement checklist"))
    expect(page.locator("fieldset.dpup-item")).to_have_count(len(CHECKLIST.items))
    item(page, LAST).get_by_label("No", exact=True).check()
    expect(item(page, LAST).locator(".dpup-guidance")).to_contain_text(f"What to do: {LAST.action}")
    expect(page.locator(".dpup-next-list li")).to_have_count(1)
    page.reload()
    page.wait_for_selector(".dpup-checklist", timeout=60_000)
    expect(item(page, LAST).get_by_role("radio", name="No", exact=True)).to_be_checked()
    assert v.external == []  # the toolkit's Voila template asks no CDN for anything


def test_answers_reach_the_kernel_and_make_the_same_record(visit, voila_url):
    v = open_app(visit, voila_url, "tests/fixtures/kernel_view.ipynb")
    page = v.page
    kernel_summary = page.get_by_text(re.compile(r"^Kernel: "))
    total = kernel_summary.inner_text().split(" of ")[1].split()[0]
    item(page, FIRST).get_by_label("Yes", exact=True).check()
    item(page, LAST).get_by_label("No", exact=True).check()
    note = item(page, LAST).get_by_role("textbox", name="Your note (optional)")
    note.fill("<b>not bold</b>\n# not a heading")
    note.blur()
    expect(kernel_summary).to_have_text(f"Kernel: 2 of {total} questions answered. 1 not met.")
    answers = stored(page, storage_key(CHECKLIST.id, CHECKLIST.version))["answers"]
    expected = render_markdown(CHECKLIST, answers, "2026-11-21")
    expect(page.get_by_label("Kernel record")).to_have_value(expected)
    assert "> \\<b\\>not bold\\</b\\>\n> \\# not a heading" in expected
    assert v.external == []


def test_in_voila_the_kernel_writes_the_word_file_with_the_details(visit, voila_url):
    import io

    from docx import Document

    from dpup_toolkit.records.word import render_docx

    v = open_app(visit, voila_url, "checklists/purpose-statement.ipynb")
    page = v.page
    about = {"what": "Ōtaki pilot", "completed_by": "Aroha Ngata", "review_by": "2027-03-31"}
    page.get_by_label("What are you checking?").fill(about["what"])
    page.get_by_label("Completed by").fill(about["completed_by"])
    page.get_by_label("Review by (optional)").fill(about["review_by"])
    item(page, FIRST).get_by_label("No", exact=True).check()
    note = item(page, FIRST).get_by_role("textbox", name="Your note (optional)")
    note.fill("Ask the team")
    note.blur()
    with page.expect_download(timeout=60_000) as word:
        page.get_by_role("button", name="Download for Word (.docx)").click()
    assert re.fullmatch(r"purpose-statement-otaki-pilot-\d{4}-\d\d-\d\d-\d{4}\.docx", word.value.suggested_filename)
    found = [p.text for p in Document(word.value.path()).paragraphs]
    exported = next(t for t in found if t.startswith("Exported: ")).removeprefix("Exported: ")
    answers = {FIRST.id: {"answer": "no", "note": "Ask the team"}}
    assert found == [p.text for p in Document(io.BytesIO(render_docx(CHECKLIST, answers, exported, about=about))).paragraphs]
    assert v.external == []
