"""Several saved checks per browser: a team leader keeps one check per programme, each
under its own name, and switches between them without exporting, clearing and importing."""
import json
import re
from pathlib import Path

from playwright.sync_api import expect

from .conftest import accessibility_problems, live
from .test_checklist_page import (CHECKLIST, FIRST, PAGE, SECOND, STORAGE_KEY, answer, item, open_checklist,
                                  progress, saved_answers)
from .test_nothing_lost import fill_storage
from .test_voila import open_app

SCREENS = Path("/work/plan/screens-checks")
NEW_NAME = "Name for the new check, for example the programme it is about:"
RENAME = "New name for this check:"
CHOOSE = "Choose a saved check:"


def checks(page):
    return page.locator(".dpup-checks")


def current_check(page):
    return page.locator(".dpup-check-now strong")


def start_check(page, name):
    page.get_by_role("button", name="Start a new check").click()
    page.get_by_label(NEW_NAME).fill(name)
    page.get_by_label(NEW_NAME).press("Enter")
    expect(current_check(page)).to_have_text(name)


def switch_to(page, name):
    page.get_by_label(CHOOSE).select_option(label=name)
    page.get_by_role("button", name="Switch to this check").click()
    expect(current_check(page)).to_have_text(name)


def names(page):
    return page.get_by_label(CHOOSE).locator("option").all_inner_texts()


def checked(page, checklist_item, label):
    return item(page, checklist_item).get_by_role("radio", name=label, exact=True)


def delete_open_check(page, name):
    """Delete the open check as a person does: the page asks first, naming it."""
    page.get_by_role("button", name="Delete this check").click()
    page.get_by_role("button", name=f"Yes, delete “{name}”").click()


def reload(page):
    page.reload()
    live(page)


def test_two_checks_keep_their_own_answers_through_switching_and_reload(visit, site_url):
    v = open_checklist(visit, site_url)
    page = v.page
    expect(current_check(page)).to_have_text("My check")
    answer(page, FIRST, "Yes")
    start_check(page, "Programme B")
    expect(checks(page).get_by_role("status")).to_have_text(
        "You started a new check, “Programme B”. It has no answers yet. Your other checks are still saved.")
    expect(checked(page, FIRST, "Yes")).not_to_be_checked()
    expect(progress(page)).to_have_text(re.compile(r"^0 of "))
    answer(page, SECOND, "No")
    reload(page)  # the check opened last opens again
    expect(current_check(page)).to_have_text("Programme B")
    expect(checked(page, SECOND, "No")).to_be_checked()
    expect(checked(page, FIRST, "Yes")).not_to_be_checked()
    assert names(page) == ["My check", "Programme B"]
    switch_to(page, "My check")
    expect(checks(page).get_by_role("status")).to_have_text(
        "You are now working on “My check”. Your other checks are still saved.")
    expect(checked(page, FIRST, "Yes")).to_be_checked()
    expect(checked(page, SECOND, "No")).not_to_be_checked()
    assert saved_answers(page) == {FIRST.id: {"answer": "yes", "note": ""}}  # the first check's key is unchanged
    reload(page)
    expect(current_check(page)).to_have_text("My check")
    expect(checked(page, FIRST, "Yes")).to_be_checked()
    switch_to(page, "Programme B")
    expect(checked(page, SECOND, "No")).to_be_checked()
    assert v.real_errors() == []


def test_answers_saved_before_there_were_checks_are_the_first_check(visit, site_url):
    page = open_checklist(visit, site_url).page
    before = json.dumps({"answers": {FIRST.id: {"answer": "no", "note": "saved last year"}}, "saved_at": "2025-01-01"})
    page.evaluate(f"localStorage.clear(); localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(before)})")
    reload(page)
    expect(current_check(page)).to_have_text("My check")
    assert names(page) == ["My check"]
    expect(checked(page, FIRST, "No")).to_be_checked()
    expect(item(page, FIRST).get_by_role("textbox", name="Your note (optional)")).to_have_value("saved last year")
    expect(page.locator(".dpup-checklist [role=alert]")).to_have_text(["", ""])  # nothing to warn about
    start_check(page, "Programme B")
    switch_to(page, "My check")
    expect(item(page, FIRST).get_by_role("textbox", name="Your note (optional)")).to_have_value("saved last year")
    assert saved_answers(page) == {FIRST.id: {"answer": "no", "note": "saved last year"}}


def test_rename_shows_the_name_as_text_and_keeps_it(visit, site_url):
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "Yes")
    page.get_by_role("button", name="Rename this check").click()
    expect(page.get_by_label(RENAME)).to_be_focused()
    expect(page.get_by_label(RENAME)).to_have_value("My check")
    hostile = 'Whānau <img src=x onerror="window.__pwned = 1">'
    page.get_by_label(RENAME).fill(hostile)
    page.get_by_role("button", name="Save the name").click()
    expect(current_check(page)).to_have_text(hostile)
    expect(checks(page).get_by_role("status")).to_have_text(f"This check is now called “{hostile}”.")
    expect(page.get_by_role("button", name="Rename this check")).to_be_focused()
    reload(page)
    expect(current_check(page)).to_have_text(hostile)
    assert names(page) == [hostile]
    expect(checked(page, FIRST, "Yes")).to_be_checked()
    assert page.evaluate("window.__pwned") is None and page.locator(".dpup-checks img").count() == 0
    # A name already used is refused with a reason, and the field stays open.
    start_check(page, "Programme B")
    page.get_by_role("button", name="Rename this check").click()
    page.get_by_label(RENAME).fill(hostile.upper())
    page.get_by_label(RENAME).press("Enter")
    expect(checks(page).get_by_role("alert")).to_have_text(
        f"You already have a check called “{hostile.upper()}”. Choose another name.")
    expect(page.get_by_label(RENAME)).to_be_focused()
    expect(current_check(page)).to_have_text("Programme B")


def test_delete_offers_undo_right_there_and_undo_brings_everything_back(visit, site_url):
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "Yes")
    start_check(page, "Programme B")
    answer(page, SECOND, "No")
    note = item(page, SECOND).get_by_role("textbox", name="Your note (optional)")
    note.fill("Ask the funder")
    note.blur()
    delete_open_check(page, "Programme B")
    expect(checks(page).get_by_role("status")).to_have_text(
        "“Programme B” was deleted from this browser. You are now working on “My check”. "
        "Undo delete brings “Programme B” back.")
    undo = page.get_by_role("button", name="Undo delete", exact=True)
    expect(undo).to_be_focused()
    assert names(page) == ["My check"]
    expect(checked(page, FIRST, "Yes")).to_be_checked()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('~'))") == []  # really gone
    page.keyboard.press("Enter")
    expect(checks(page).get_by_role("status")).to_have_text("“Programme B” is back, with everything saved for it.")
    expect(undo).to_be_hidden()
    expect(current_check(page)).to_have_text("Programme B")
    expect(item(page, SECOND).get_by_role("textbox", name="Your note (optional)")).to_have_value("Ask the funder")
    reload(page)
    assert names(page) == ["My check", "Programme B"]
    expect(checked(page, SECOND, "No")).to_be_checked()


def test_another_tab_sees_changes_to_the_same_check(visit, site_url):
    v = open_checklist(visit, site_url)
    first_tab = v.page
    start_check(first_tab, "Programme B")
    second_tab = v.new_page()
    second_tab.goto(f"{site_url}/{PAGE}")
    live(second_tab)
    expect(current_check(second_tab)).to_have_text("Programme B")
    answer(first_tab, FIRST, "Yes")
    expect(checked(second_tab, FIRST, "Yes")).to_be_checked()
    # Each tab keeps the check it shows; answers of another check stay out of it.
    switch_to(second_tab, "My check")
    expect(checked(second_tab, FIRST, "Yes")).not_to_be_checked()
    answer(second_tab, SECOND, "No")
    expect(current_check(first_tab)).to_have_text("Programme B")
    expect(checked(first_tab, SECOND, "No")).not_to_be_checked()
    # A new name shows in the other tab; so does a delete.
    second_tab.get_by_role("button", name="Start a new check").click()
    second_tab.get_by_label(NEW_NAME).fill("Programme C")
    second_tab.get_by_label(NEW_NAME).press("Enter")
    expect(first_tab.get_by_label(CHOOSE).locator("option")).to_have_text(["My check", "Programme B", "Programme C"])
    switch_to(second_tab, "Programme B")
    delete_open_check(second_tab, "Programme B")
    expect(current_check(first_tab)).to_have_text("My check")
    expect(first_tab.locator(".dpup-checklist > .dpup-message[role=status]")).to_have_text(
        "“Programme B” was deleted in another tab. You are now working on “My check”.")
    expect(first_tab.get_by_text("was deleted in another tab")).to_have_count(1)  # said once, not twice
    expect(checked(first_tab, SECOND, "No")).to_be_checked()
    assert v.real_errors() == []


def test_a_full_browser_starts_no_check_and_says_so(visit, site_url):
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "Yes")
    fill_storage(page)
    page.get_by_role("button", name="Start a new check").click()
    page.get_by_label(NEW_NAME).fill("Programme B")
    page.get_by_label(NEW_NAME).press("Enter")
    expect(checks(page).get_by_role("alert")).to_have_text(
        "This browser is full, so a new check could not be started. Your answers have not changed.")
    expect(current_check(page)).to_have_text("My check")
    expect(checked(page, FIRST, "Yes")).to_be_checked()
    assert names(page) == ["My check"]


def test_keyboard_only_labelled_and_fits_a_phone(visit, site_url):
    v = open_checklist(visit, site_url, bypass_csp=True, viewport={"width": 375, "height": 800})
    page = v.page
    answer(page, FIRST, "Yes")
    page.get_by_role("link", name="Switch, rename or start another check").focus()
    page.keyboard.press("Enter")  # to the saved checks; Tab goes on from there
    page.keyboard.press("Tab")
    if page.evaluate("document.activeElement.matches('.dpup-heading-link')"):
        page.keyboard.press("Tab")  # past the section heading's copy-link button
    expect(page.get_by_label(CHOOSE)).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    new = page.get_by_role("button", name="Start a new check")
    expect(new).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label(NEW_NAME)).to_be_focused()
    page.keyboard.type("Programme B")
    page.keyboard.press("Enter")
    expect(current_check(page)).to_have_text("Programme B")
    expect(new).to_be_focused()
    page.keyboard.press("Shift+Tab")  # back to "Switch to this check", then the list
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_label(CHOOSE)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(current_check(page)).to_have_text("My check")
    expect(checked(page, FIRST, "Yes")).to_be_checked()
    page.get_by_role("button", name="Rename this check").click()  # the name field open, with a message
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert accessibility_problems(page) == []
    SCREENS.mkdir(parents=True, exist_ok=True)
    checks(page).screenshot(path=SCREENS / "saved-checks-375.png")
    page.locator(".dpup-check-now").scroll_into_view_if_needed()
    page.screenshot(path=SCREENS / "saved-check-line-375.png")


def test_the_kernel_sees_the_answers_of_the_open_check(visit, voila_url):
    page = open_app(visit, voila_url, "tests/fixtures/kernel_view.ipynb").page
    kernel_summary = page.get_by_text(re.compile(r"^Kernel: "))
    answer(page, FIRST, "Yes")
    expect(kernel_summary).to_have_text(re.compile(r"^Kernel: 1 of "))
    start_check(page, "Programme B")
    expect(kernel_summary).to_have_text(re.compile(r"^Kernel: 0 of "))
    switch_to(page, "My check")
    expect(kernel_summary).to_have_text(re.compile(r"^Kernel: 1 of "))
