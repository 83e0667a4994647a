"""Records people can file: the details asked beside "Keep a record" in every tool, plain-worded
buttons, Copy the text, the Word download and the printout, in Chromium against the built site."""
import json
import re
from pathlib import Path

from docx import Document
from playwright.sync_api import expect

from dpup_toolkit import render_json, render_markdown
from dpup_toolkit.records.word import render_docx

from ..goldens import docx_text
from .conftest import accessibility_problems, live, open_saved_file
from .test_checklist_page import CHECKLIST, FIRST, answer, item, open_checklist, progress, saved_answers

ABOUT = {"what": "Youth mentoring — Ōtaki pilot", "completed_by": "Aroha Ngata", "review_by": "2027-03-31"}
WHAT = "What are you checking?"
BY = "Completed by"
REVIEW = "Review by (optional)"
DOCX_LIBRARY = "widgets/docx/record.mjs"  # with the docx library in it (widget/front_end.py)


def fill_details(page, about=ABOUT):
    page.get_by_label(WHAT).fill(about["what"])
    page.get_by_label(BY).fill(about["completed_by"])
    page.get_by_label(REVIEW).fill(about["review_by"])
    page.get_by_label(REVIEW).blur()


def expect_details(page, about=ABOUT):
    expect(page.get_by_label(WHAT)).to_have_value(about["what"])
    expect(page.get_by_label(BY)).to_have_value(about["completed_by"])
    expect(page.get_by_label(REVIEW)).to_have_value(about["review_by"])


def start_a_check(visit, site_url, **options):
    v = open_checklist(visit, site_url, **options)
    page = v.page
    fill_details(page)
    answer(page, FIRST, "No")
    note = item(page, FIRST).get_by_role("textbox", name="Your note (optional)")
    note.fill("Ask the privacy officer\nbefore Friday")
    note.blur()
    answer(page, CHECKLIST.items[1], "Yes")
    return v


def test_the_details_are_kept_in_every_download_and_never_in_a_file_name(visit, site_url, tmp_path):
    v = start_a_check(visit, site_url)
    page = v.page
    page.reload()
    live(page)
    expect_details(page)
    answers = saved_answers(page)

    with page.expect_download() as md:
        page.get_by_role("button", name="Download a text copy (text file, .md)").click()
    assert re.fullmatch(r"purpose-statement-\d{4}-\d\d-\d\d-\d{4}\.md", md.value.suggested_filename)
    text = md.value.path().read_text(encoding="utf-8")
    exported = re.search(r"^- Exported: (.+)$", text, re.M)[1]
    assert text == render_markdown(CHECKLIST, answers, exported, about=ABOUT)
    assert "- What is being checked: Youth mentoring — Ōtaki pilot\n- Completed by: Aroha Ngata\n" in text

    with page.expect_download() as saved:
        page.get_by_role("button", name="Save a file to carry on later (.json)").click()
    assert re.fullmatch(r"purpose-statement-\d{4}-\d\d-\d\d-\d{4}\.json", saved.value.suggested_filename)
    path = tmp_path / "progress.json"
    saved.value.save_as(path)
    assert path.read_text(encoding="utf-8") == render_json(CHECKLIST, answers, exported, about=ABOUT)

    # Another browser opens the saved file and gets the details back with the answers.
    fresh = open_checklist(visit, site_url).page
    expect(fresh.get_by_label(WHAT)).to_have_value("")
    open_saved_file(fresh, path)
    expect(fresh.get_by_role("status").filter(has_text="imported")).to_have_text("Your saved record was imported.")
    expect_details(fresh)
    assert saved_answers(fresh) == answers
    assert v.real_errors() == [] and v.external == []


def test_clear_empties_the_details_too_and_undo_brings_them_back(visit, site_url):
    page = start_a_check(visit, site_url).page
    page.get_by_role("button", name="Clear my answers").click()
    expect(page.get_by_label(WHAT)).to_have_value("")
    expect(progress(page)).to_have_text(re.compile(r"^0 of "))
    page.get_by_role("button", name="Undo").click()
    expect_details(page)
    page.reload()
    live(page)
    expect_details(page)


def test_a_record_from_before_the_details_still_opens(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    record = json.loads(render_json(CHECKLIST, {FIRST.id: {"answer": "yes", "note": "old"}}, "2026-11-21"))
    del record["about"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    open_saved_file(page, path)
    expect(page.get_by_role("status").filter(has_text="imported")).to_have_text("Your saved record was imported.")
    expect(item(page, FIRST).get_by_role("radio", name="Yes", exact=True)).to_be_checked()


def test_the_word_file_loads_its_library_only_when_asked_and_matches_python(visit, site_url, tmp_path):
    v = start_a_check(visit, site_url)
    page = v.page
    answers = saved_answers(page)
    assert not [url for url, _ in v.requests if DOCX_LIBRARY in url]  # not with the page
    with page.expect_download() as word:
        page.get_by_role("button", name="Download for Word (Word document, .docx)").click()
    assert re.fullmatch(r"purpose-statement-\d{4}-\d\d-\d\d-\d{4}\.docx", word.value.suggested_filename)
    expect(page.locator(".dpup-keep-status")).to_have_text("Your summary was downloaded as a Word file.")
    assert [url for url, _ in v.requests if DOCX_LIBRARY in url]
    found = [(p.style.name, p.text) for p in Document(word.value.path()).paragraphs]
    texts = [text for _, text in found]
    exported = next(text for text in texts if text.startswith("Exported: ")).removeprefix("Exported: ")
    # The same paragraphs, styles and runs as Python writes (tests/goldens.py's dump).
    python = render_docx(CHECKLIST, answers, exported, about=ABOUT)
    assert docx_text(Path(word.value.path()).read_bytes()) == docx_text(python)
    # What a person filing it looks for: the details, the summary and its actions, every answer and note.
    assert texts[1:4] == ["What is being checked: Youth mentoring — Ōtaki pilot", "Completed by: Aroha Ngata",
                          "Review by: 2027-03-31"]
    assert ("Heading 1", "What to do next") in found and f"What to do: {FIRST.action}" in texts
    assert "Your note: Ask the privacy officer\nbefore Friday" in texts
    assert texts.count("Note: Ask the privacy officer\nbefore Friday") == 1
    assert "Answer: No" in texts and "Answer: Yes" in texts
    assert v.real_errors() == [] and v.external == [] and page.evaluate("window.cspViolations") == []


def test_copy_summary_puts_the_markdown_summary_on_the_clipboard(visit, site_url):
    v = start_a_check(visit, site_url, permissions=["clipboard-read", "clipboard-write"])
    page = v.page
    answers = saved_answers(page)
    page.get_by_role("button", name="Copy the text").click()
    status = page.locator(".dpup-keep-status")
    expect(status).to_have_text("Text copied. Paste it into an email or a Teams message.")
    copied = page.evaluate("navigator.clipboard.readText()")
    exported = re.search(r"^- Exported: (.+)$", copied, re.M)[1]
    assert copied == render_markdown(CHECKLIST, answers, exported, about=ABOUT)
    # The message sits beside the buttons that caused it.
    buttons = page.get_by_role("button", name="Copy the text").bounding_box()
    assert 0 <= status.bounding_box()["y"] - buttons["y"] < 200


def test_without_a_clipboard_the_summary_is_shown_selected(visit, site_url):
    v = open_checklist(visit, site_url)
    page = v.page
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});"
                         "document.execCommand = () => false;")
    page.reload()
    live(page)
    fill_details(page)
    page.get_by_role("button", name="Copy the text").click()
    expect(page.locator(".dpup-keep-status")).to_contain_text("did not let the page copy")
    area = page.get_by_role("textbox", name="The text copy, selected to copy")
    expect(area).to_be_visible()
    expect(area).to_be_focused()
    selected = page.evaluate("(() => { const a = document.activeElement; return a.value.slice(a.selectionStart, a.selectionEnd); })()")
    assert selected.startswith("# Purpose statement checklist: record\n\n- What is being checked: Youth mentoring")


# A4 pages for the half-completed purpose statement below (pinned: a layout change that adds pages shows here).
PRINTED_PAGES = 2


def half_completed(page):
    """Half the questions answered (yes and no in turn), with a note on every fourth."""
    for n, checklist_item in enumerate(CHECKLIST.items[: len(CHECKLIST.items) // 2]):
        if not item(page, checklist_item).is_visible():
            continue
        answer(page, checklist_item, "Yes" if n % 2 else "No")
        if n % 4 == 0:
            note = item(page, checklist_item).get_by_role("textbox", name="Your note (optional)")
            note.fill(f"Note {n}: check this with the team leader before the review.")
            note.blur()


def test_print_puts_the_summary_and_actions_first_and_never_prints_messages(visit, site_url):
    v = open_checklist(visit, site_url)
    page = v.page
    fill_details(page)
    half_completed(page)
    page.get_by_role("button", name="Copy the text").click()  # leaves a status message beside the buttons
    with page.expect_download():
        page.get_by_role("button", name="Download a text copy (text file, .md)").click()
    expect(page.locator(".dpup-message").first).to_have_text("Your text copy was downloaded, as a text file ending .md.")
    page.emulate_media(media="print")
    for message in page.locator(".dpup-message").all():
        expect(message).to_be_hidden()
    expect(page.get_by_label(WHAT)).to_be_hidden()
    expect(page.locator(".dpup-about-print")).to_have_text(re.compile("What is being checked: Youth mentoring"))
    top = lambda selector: page.locator(selector).first.bounding_box()["y"]  # noqa: E731
    assert top(".dpup-about-print") < top(".dpup-progress") < top(".dpup-next") < top(".dpup-section")
    # The actions carry the notes written on those items.
    first_unmet = page.locator(".dpup-next-list li").first
    expect(first_unmet.locator(".dpup-print-note")).to_have_text(
        "Your note: Note 0: check this with the team leader before the review.")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == PRINTED_PAGES




def test_the_top_of_a_tool_at_phone_width_is_accessible(visit, site_url):
    v = open_checklist(visit, site_url, viewport={"width": 375, "height": 900}, bypass_csp=True)  # to inject axe-core
    page = v.page
    fill_details(page)
    assert accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    expect(progress(page)).to_be_visible()


def test_a_record_saved_in_latin1_is_refused_and_a_utf8_one_keeps_its_accents(visit, site_url, tmp_path):
    from dpup_toolkit.records.rules import NOT_UTF8
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "No")
    record = render_json(CHECKLIST, {FIRST.id: {"answer": "yes", "note": "Café on the marae"}}, "2026-11-21")
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes(record.encode("latin-1"))
    open_saved_file(page, latin1)
    expect(page.get_by_role("alert").filter(has_text="not UTF-8")).to_have_text(
        f"{NOT_UTF8} Your current answers have not changed.")
    expect(item(page, FIRST).get_by_role("radio", name="No", exact=True)).to_be_checked()
    utf8 = tmp_path / "utf8.json"
    utf8.write_text(record.replace("Café", "Café, whānau"), encoding="utf-8")
    open_saved_file(page, utf8, replace=True)  # the open check has answers: the page asks first
    expect(item(page, FIRST).get_by_role("textbox", name="Your note (optional)")).to_have_value("Café, whānau on the marae")
