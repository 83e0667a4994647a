"""“Not applicable” never passes silently on the page: choosing it asks why; until a
reason is given the question is under What to do next; older saved answers and records are
migrated with a plain note of what changed, and nothing is lost."""
import json
from pathlib import Path

from playwright.sync_api import expect

from ..helpers import storage_key, stored
from .conftest import accessibility_problems, live
from .test_checklist_page import CHECKLIST, PAGE, item, open_checklist

SCREENS = Path("/work/plan/screens-truth")
OFFERS_NA = next(i for i in CHECKLIST.questions if i.not_applicable and not i.show_if)
NO_NA = next(i for i in CHECKLIST.questions if not i.not_applicable and not i.show_if)
V1_KEY = storage_key(CHECKLIST.id, 1)
V1_ANSWERS = {OFFERS_NA.id: {"answer": "na", "note": "keep this note"},
              NO_NA.id: {"answer": "na", "note": "an N/A that is no longer offered"},
              "a-retired-question": {"answer": "yes", "note": "removed since"}}
CHANGED = f"This tool changed since you saved it (version 1, now version {CHECKLIST.version})"
NEEDS = "Say why this does not apply, or answer it."


def next_steps(page):
    return page.locator(".dpup-next-list li")


def reason_field(page, checklist_item):
    return item(page, checklist_item).get_by_role("textbox", name="Why does this not apply? (needed)")


def test_na_asks_for_a_reason_and_stays_under_what_to_do_next_until_given(visit, site_url):
    page = open_checklist(visit, site_url, viewport={"width": 375, "height": 900}, bypass_csp=True).page
    expect(reason_field(page, OFFERS_NA)).to_be_hidden()
    expect(item(page, NO_NA).get_by_label("Not applicable", exact=True)).to_have_count(0)
    item(page, OFFERS_NA).get_by_label("Not applicable", exact=True).check()
    field = reason_field(page, OFFERS_NA)
    expect(field).to_be_visible()
    guidance = item(page, OFFERS_NA).locator(".dpup-guidance")
    expect(guidance).to_contain_text(f"Needs a reason: {OFFERS_NA.guidance['na']}")
    expect(guidance).to_contain_text(f"What to do: {NEEDS}")
    expect(next_steps(page)).to_have_count(1)
    expect(next_steps(page).first).to_contain_text(OFFERS_NA.prompt)
    expect(next_steps(page).first).to_contain_text(f"Needs a reason: {NEEDS}")
    expect(page.locator(".dpup-progress-text")).to_contain_text("1 not met.")
    # The reason field fits a 375 px phone.
    box = field.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    SCREENS.mkdir(parents=True, exist_ok=True)
    item(page, OFFERS_NA).scroll_into_view_if_needed()
    item(page, OFFERS_NA).screenshot(path=str(SCREENS / "reason-field-375.png"))
    assert accessibility_problems(page) == []

    field.fill("We only use counts; nobody can be identified.")
    expect(next_steps(page)).to_have_count(0)
    expect(guidance).to_contain_text(f"Met: {OFFERS_NA.guidance['na']}")
    expect(page.locator(".dpup-progress-text")).to_contain_text("0 not met.")
    item(page, OFFERS_NA).screenshot(path=str(SCREENS / "reason-given-375.png"))
    # The reason is saved with the answer and in the record.
    page.reload()
    live(page)
    expect(reason_field(page, OFFERS_NA)).to_have_value("We only use counts; nobody can be identified.")
    saved = stored(page, storage_key(CHECKLIST.id, CHECKLIST.version))
    assert saved["answers"][OFFERS_NA.id]["reason"] == "We only use counts; nobody can be identified."
    # The printout shows the reason, not the field.
    page.emulate_media(media="print")
    expect(item(page, OFFERS_NA).locator(".dpup-print-reason")).to_have_text(
        "Why it does not apply: We only use counts; nobody can be identified.")
    expect(reason_field(page, OFFERS_NA)).to_be_hidden()
    page.emulate_media(media="screen")
    # Answering No instead is "not met", in words and in its border.
    item(page, OFFERS_NA).get_by_label("No", exact=True).check()
    expect(guidance).to_contain_text(f"Not met: {OFFERS_NA.guidance['no']}")
    styles = guidance.evaluate("g => getComputedStyle(g).borderLeftStyle")
    item(page, OFFERS_NA).get_by_label("Yes", exact=True).check()
    assert styles != guidance.evaluate("g => getComputedStyle(g).borderLeftStyle")


def expect_migrated(page):
    widget = page.locator(".dpup-checklist")
    expect(widget).to_contain_text(CHANGED)
    expect(widget).to_contain_text("Not applicable” now asks for a short reason")
    expect(widget).to_contain_text("1 question(s) no longer offer “Not applicable”, so those answers were cleared")
    # The old N/A now needs a reason; its note is kept.
    expect(item(page, OFFERS_NA).get_by_label("Not applicable", exact=True)).to_be_checked()
    expect(reason_field(page, OFFERS_NA)).to_be_visible()
    expect(item(page, OFFERS_NA).get_by_role("textbox", name="Your note (optional)")).to_have_value("keep this note")
    expect(next_steps(page).filter(has_text=OFFERS_NA.prompt)).to_contain_text(NEEDS)
    # The N/A no longer offered is cleared, not its note.
    expect(item(page, NO_NA).get_by_role("radio", checked=True)).to_have_count(0)
    expect(item(page, NO_NA).get_by_role("textbox", name="Your note (optional)")).to_have_value(
        "an N/A that is no longer offered")


def test_a_version_1_save_is_migrated_says_what_changed_and_keeps_everything(visit, site_url):
    page = open_checklist(visit, site_url, bypass_csp=True).page  # to let the test inject axe-core
    page.evaluate(f"localStorage.clear(); localStorage.setItem({json.dumps(V1_KEY)}, {json.dumps(json.dumps({'answers': V1_ANSWERS}))})")
    page.reload()
    live(page)
    expect_migrated(page)
    expect(page.locator(".dpup-checklist")).to_contain_text("1 removed (your answer to it is kept in the download)")
    # Everything saved before can be downloaded: the removed question and the cleared N/A too.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the saved data that was left out").click()
    assert json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["answers"] == V1_ANSWERS
    assert accessibility_problems(page) == []


def test_a_version_1_record_is_migrated_on_import(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"format": "dpup-toolkit/checklist-record", "format_version": 1,
                                "checklist": {"id": CHECKLIST.id, "version": 1, "title": CHECKLIST.title},
                                "answers": V1_ANSWERS}), encoding="utf-8")
    page.locator(f"#dpup-{CHECKLIST.id}--import").set_input_files(path)
    expect_migrated(page)
    widget = page.locator(".dpup-checklist")
    expect(widget).to_contain_text("1 removed (your answer to it is still in your file)")
