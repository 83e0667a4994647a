"""Every tool on paper, as handouts: printed to A4 in Chromium, empty and filled in, each
takes one or two pages and keeps what a person needs — empty, every question with its answers to
tick and a box for each text; filled in, the details, every answer, reason and note, and the
results. A new tool is covered by itself: the tools come from checklists/*.yml."""
import io
import re
import unicodedata

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from dpup_toolkit import render_json, visible_items
from dpup_toolkit.engine.catalogue import catalogue_entries
from dpup_toolkit.engine.results import results_of

from .conftest import Visit, live, open_saved_file
from .test_records import ABOUT
from .test_tools import TOOLS, node

NOTE = "Checked with the privacy officer on Tuesday."
REASON = "We collect nothing new for this pilot."
SMALLEST_PT = 9.5


@pytest.fixture(scope="module")
def printer(browser):
    """One browser profile for the whole module: every tool keeps its answers under its own key."""
    v = Visit(browser)
    yield v
    v.close()


def filled_in(tool):
    """Every item the tool shows, answered: the first question not met (with a note), the next
    not applicable with a reason where it is offered, the rest met; each choice its right answer or
    its first option; each text its example."""
    answers = {}
    questions = 0
    for item in tool.items:
        if item not in visible_items(tool, answers):
            continue
        entry = {"answer": "", "note": ""}
        if item.kind == "question":
            offered = tool.offered(item)
            if questions == 0:
                entry = {"answer": next(v for v in offered if v not in tool.met), "note": NOTE}
            elif questions == 1 and tool.not_applicable in offered:
                entry = {"answer": tool.not_applicable, "note": "", "reason": REASON}
            else:
                entry["answer"] = tool.met[0]
            questions += 1
        elif item.kind == "choice":
            entry = {"answer": item.correct or item.options[0].value, "note": NOTE if not answers else ""}
        else:
            entry["answer"] = item.example or "We ask for your address so we can visit you."
        answers[item.id] = entry
    return answers


def squeeze(text):
    """Text without its line breaks and spaces, so a line the page wrapped still matches."""
    return "".join(unicodedata.normalize("NFKC", text).split())  # NFKC: the PDF's "ﬁ" ligatures


def printed(page):
    """(number of A4 pages, the printed text squeezed)."""
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return len(pdf.pages), squeeze(" ".join(p.extract_text() for p in pdf.pages))


def smallest_print_text(page):
    """The smallest font size, in points, of any text shown when the page is printed. (Media
    emulation ends with "null", not "screen": page.pdf prints with the emulated media.)"""
    page.emulate_media(media="print")
    size = page.evaluate("""() => {
        let smallest = Infinity;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            const element = text.parentElement;
            if (!text.data.trim() || !element.getClientRects().length) continue;
            const box = element.getBoundingClientRect();
            if (box.width < 2 || box.height < 2 || getComputedStyle(element).visibility === "hidden") continue;
            smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize) * 0.75);
        }
        return smallest;
    }""")
    page.emulate_media(media="null")
    return size


@pytest.mark.parametrize("tool", TOOLS, ids=lambda tool: tool.id)
def test_the_tool_prints_on_one_or_two_pages_empty_and_filled_in(printer, site_url, tool, tmp_path):
    errors, external = len(printer.real_errors()), len(printer.external)  # earlier tools' are theirs
    page = printer.new_page()
    url = f"{site_url}/checklists/{tool.id}.html"
    page.goto(url)
    live(page)
    title = page.get_by_role("heading", level=1).inner_text().strip()

    # Empty: a paper form to fill in by hand.
    pages, text = printed(page)
    assert 1 <= pages <= 2, f"empty: {pages} pages"
    assert squeeze(title) in text and squeeze(f"Online: {url}") in text
    for label in ("What is being checked:", "Completed by:", "Review by:"):
        assert squeeze(label) in text
    for item in visible_items(tool, {}):
        assert squeeze(item.prompt) in text
        if item.kind == "question":
            for value in tool.offered(item):
                assert squeeze(tool.answer_label(value)) in text
        elif item.kind == "choice":
            for option in item.options:
                assert squeeze(option.label) in text
    assert squeeze("Answer:") not in text
    page.emulate_media(media="print")
    for item in visible_items(tool, {}):
        if item.kind == "text":  # a box to write in
            expect(node(page, tool, item).get_by_role("textbox")).to_be_visible()
        else:  # a box to tick beside each answer
            for box in node(page, tool, item).get_by_role("radio").all():
                expect(box).to_be_visible()
    page.emulate_media(media="null")  # as before: print media for page.pdf, screen otherwise
    assert smallest_print_text(page) >= SMALLEST_PT

    # Filled in, from a saved progress file.
    answers = filled_in(tool)
    record = tmp_path / "record.json"
    record.write_text(render_json(tool, answers, "2026-12-01", about=ABOUT), encoding="utf-8")
    open_saved_file(page, record)
    expect(page.get_by_role("status").filter(has_text="imported")).to_contain_text("Your saved record was imported.")
    pages, text = printed(page)
    assert 1 <= pages <= 2, f"filled in: {pages} pages"
    for line in ("What is being checked: Youth mentoring — Ōtaki pilot", "Completed by: Aroha Ngata",
                 "Review by: 2027-03-31"):
        assert squeeze(line) in text
    for item_id, entry in answers.items():
        item = tool.item(item_id)
        if item.kind == "question":
            assert squeeze(f"{item.prompt} Answer: {tool.answer_label(entry['answer'])}") in text
        elif item.kind == "choice":
            assert squeeze(f"{item.prompt} Answer: {item.option_label(entry['answer'])}") in text
        else:
            assert squeeze(f"{item.prompt} {entry['answer']}") in text
        if entry.get("reason"):
            assert squeeze(f"Why it does not apply: {entry['reason']}") in text
        if entry["note"]:
            assert squeeze(f"Note: {entry['note']}") in text
    assert squeeze("Not answered") not in text
    for result in results_of(tool, answers, catalogue_entries(tool)):
        assert squeeze(result["title"]) in text
        if result["kind"] == "unmet":
            assert result["items"], "the first question was answered not met"
            for item_id in result["items"]:
                assert squeeze(tool.item(item_id).action) in text
        elif result["kind"] == "template":
            for part in result["parts"]:
                assert squeeze(part["text"]) in text
        elif result["kind"] == "rules":
            assert squeeze(result["recommendation"]["title"]) in text
        elif result["kind"] == "score":
            assert squeeze(f"{result['correct']} of {result['total']} correct.") in text
        else:
            titles = {entry["id"]: entry["title"] for entry in catalogue_entries(tool)}
            for entry in result["tools"]:  # the folded ones too: paper has no summary to press
                assert squeeze(titles[entry["id"]]) in text
    assert smallest_print_text(page) >= SMALLEST_PT
    page.close()
    assert printer.real_errors()[errors:] == [] and printer.external[external:] == []
