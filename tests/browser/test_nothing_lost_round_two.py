"""Nothing lost, nothing hangs: round two: a deploy while a tab is
open, an old tab whose on-demand parts are gone, full storage while switching checks, the saved
check list after a reload, and a file opened into a check that has answers. In each, nothing is
lost and the person is told."""
import json
import re

from playwright.sync_api import expect

from .conftest import live, open_saved_file
from .test_checklist_page import CHECKLIST, FIRST, PAGE, SECOND, STORAGE_KEY, answer, item, open_checklist
from .test_nothing_lost import fill_storage, record
from .test_saved_checks import CHOOSE, checked, checks, current_check, names, reload, start_check, switch_to

NEW_VERSION = CHECKLIST.version + 1
NEW_KEY = f"dpup-toolkit:checklist:{CHECKLIST.id}:v{NEW_VERSION}"
MOVED = ("This site was updated, and another tab opened the new version of this checklist: your saved answers moved "
         "there. This page no longer saves, so it cannot write over them. If you changed anything here since, use "
         "“Save my answers to a file now (.json)”; then reload the page to carry on.")
STALE = ("This site was updated since this page was opened, and your answers for this check were saved by the newer "
         "version. Reload the page to see them. Until then this page does not save, so nothing is written over.")
RECORD_NAME = re.compile(r"purpose-statement-\d{4}-\d\d-\d\d-\d{4}\.json")  # the tool and the time, no typed text


def tool_alert(page):
    """The tool's alert (placed beside what the person used), not a section's own."""
    return page.locator(".dpup-checklist .dpup-message-error[role=alert]:not(.dpup-checks *)")


def tool_status(page):
    return page.locator(".dpup-checklist .dpup-message[role=status]:not(.dpup-checks *, .dpup-keep-status)")


def note(page, checklist_item):
    return item(page, checklist_item).get_by_role("textbox", name="Your note (optional)")


def selected_check(page):
    return page.get_by_label(CHOOSE).evaluate("select => select.selectedOptions[0].textContent")


def stored(page, key):
    text = page.evaluate(f"localStorage.getItem({json.dumps(key)})")
    return None if text is None else json.loads(text)


def newer_build(page):
    """Serve this page the next build of the site: the same files, with this tool's version raised by one
    (what a deploy that changes the tool does to a tab opened after it)."""
    definition = re.compile(r'("definition": ?\{"id": ?"' + CHECKLIST.id + r'",[^{}]*?"version": ?)'
                            + str(CHECKLIST.version) + r"\b")

    def rewrite(route):
        response = route.fetch()
        raised, count = definition.subn(rf"\g<1>{NEW_VERSION}", response.text())
        assert count == 1, "the tool's version was not found in what the site served"
        route.fulfill(response=response, body=raised)
    page.route(re.compile(r".*/purpose-statement\.widgets\.json(\?.*)?$"), rewrite)


def test_a_deploy_while_a_tab_is_open_loses_nothing_and_says_so(visit, site_url):
    v = open_checklist(visit, site_url)
    old = v.page
    answer(old, FIRST, "Yes")
    note(old, FIRST).fill("Checked with the privacy officer")
    note(old, FIRST).blur()

    new = v.new_page()  # the same browser, another tab, opened after the deploy
    newer_build(new)
    new.goto(f"{site_url}/{PAGE}")
    live(new)
    expect(checked(new, FIRST, "Yes")).to_be_checked()  # brought across from the earlier version
    expect(note(new, FIRST)).to_have_value("Checked with the privacy officer")
    answer(new, SECOND, "No")  # its first save moves the answers to the new version's key
    assert stored(new, STORAGE_KEY) is None
    assert set(stored(new, NEW_KEY)["answers"]) == {FIRST.id, SECOND.id}

    # The old tab keeps what it shows, says why it no longer saves, and offers the file and a reload.
    expect(tool_alert(old)).to_have_text(MOVED)
    expect(checked(old, FIRST, "Yes")).to_be_checked()
    expect(note(old, FIRST)).to_have_value("Checked with the privacy officer")
    expect(old.get_by_role("button", name="Reload the page")).to_be_visible()
    answer(old, SECOND, "Yes")  # a change here is not saved over the newer tab's answers
    expect(tool_alert(old)).to_have_text(MOVED)
    assert stored(old, STORAGE_KEY) is None
    assert stored(old, NEW_KEY)["answers"][SECOND.id]["answer"] == "no"
    with old.expect_download() as saved:
        old.get_by_role("button", name="Save my answers to a file now (.json)").click()
    assert RECORD_NAME.fullmatch(saved.value.suggested_filename)
    assert json.loads(saved.value.path().read_text(encoding="utf-8"))["answers"][SECOND.id]["answer"] == "yes"

    # Reloaded on the old build (a cached page): it says so and writes nothing beside the newer answers.
    reload(old)
    expect(tool_alert(old)).to_have_text(STALE)
    answer(old, FIRST, "No")
    assert stored(old, STORAGE_KEY) is None
    # Reloaded on the new build: the answers are there.
    newer_build(old)
    reload(old)
    expect(checked(old, SECOND, "No")).to_be_checked()
    expect(note(old, FIRST)).to_have_value("Checked with the privacy officer")
    expect(tool_alert(old)).to_have_text("")


def test_an_old_tab_that_saves_after_the_deploy_keeps_a_copy_the_new_tab_offers(visit, site_url):
    v = open_checklist(visit, site_url)
    old = v.page
    answer(old, FIRST, "Yes")
    new = v.new_page()
    newer_build(new)
    new.goto(f"{site_url}/{PAGE}")
    live(new)
    answer(new, SECOND, "No")
    # A tab on the earlier version that missed the move (asleep, say) saves again under its own key.
    late = json.dumps({"answers": {FIRST.id: {"answer": "no", "note": "Written in the old tab"}}})
    old.evaluate(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(late)})")
    expect(tool_alert(new)).to_contain_text("A tab still showing the earlier version of this page saved answers")
    answer(new, FIRST, "No")  # the new tab saves, and removes the earlier version's key...
    assert stored(new, STORAGE_KEY) is None
    assert stored(new, f"{STORAGE_KEY}:moved") == json.loads(late)  # ...leaving a copy
    with new.expect_download() as copy:
        new.get_by_role("button", name="Download the saved data that was left out").click()
    assert json.loads(copy.value.path().read_text(encoding="utf-8")) == json.loads(late)


def test_an_old_tab_whose_parts_are_gone_still_saves_to_a_file(visit, site_url):
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "Yes")
    page.get_by_label("What are you checking?").fill("Library card renewals")
    # The deploy removed the old build's on-demand parts from the server.
    page.route(re.compile(r".*/widgets/checklist-[^/]+/.+"), lambda route: route.fulfill(status=404, body="Not found"))
    page.get_by_role("button", name="Download a text copy (text file, .md)").click()
    expect(tool_alert(page)).to_contain_text("If the site was updated since you opened it, use “Save a file to carry on later”")
    expect(page.get_by_role("button", name="Reload the page")).to_be_visible()
    with page.expect_download() as saved:
        page.get_by_role("button", name="Save a file to carry on later (.json)").click()
    assert RECORD_NAME.fullmatch(saved.value.suggested_filename)
    saved_record = json.loads(saved.value.path().read_text(encoding="utf-8"))
    assert saved_record["answers"][FIRST.id]["answer"] == "yes"
    assert saved_record["about"]["what"] == "Library card renewals"


def test_switching_checks_with_full_storage_keeps_what_could_not_be_saved(visit, site_url):
    page = open_checklist(visit, site_url).page
    start_check(page, "Programme B")
    page.get_by_label("What are you checking?").fill("Programme B")
    page.get_by_label("Completed by").fill("Aroha")
    fill_storage(page)
    answer(page, FIRST, "Yes")
    note(page, FIRST).fill("Not saved anywhere yet")
    note(page, FIRST).blur()
    expect(page.get_by_role("button", name="Save my answers to a file now (.json)").first).to_be_visible()
    page.get_by_label(CHOOSE).select_option(label="My check")
    page.get_by_role("button", name="Switch to this check").click()
    expect(checks(page).get_by_role("alert")).to_have_text(
        "The latest answers and notes in “Programme B” could not be saved in this browser (it may be full), so the "
        "page stays on this check: leaving it now would lose them. Use “Save my answers to a file now (.json)”, then try again.")
    expect(current_check(page)).to_have_text("Programme B")
    expect(checked(page, FIRST, "Yes")).to_be_checked()
    expect(note(page, FIRST)).to_have_value("Not saved anywhere yet")
    keep = checks(page).get_by_role("button", name="Save my answers to a file now (.json)")
    expect(keep).to_be_focused()
    with page.expect_download() as saved:
        keep.click()
    # The same record, with its details, named as every other download.
    assert RECORD_NAME.fullmatch(saved.value.suggested_filename)
    kept = json.loads(saved.value.path().read_text(encoding="utf-8"))
    assert kept["answers"][FIRST.id] == {"answer": "yes", "note": "Not saved anywhere yet"}
    assert kept["about"]["what"] == "Programme B" and kept["about"]["completed_by"] == "Aroha"
    expect(checks(page).get_by_role("status")).to_contain_text("were downloaded as a record")
    switch_to(page, "My check")  # the person has the file: now the page may leave the check


def test_the_saved_check_list_after_a_reload_shows_the_open_check_and_delete_asks(visit, site_url):
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "Yes")
    start_check(page, "Programme B")
    answer(page, SECOND, "No")
    for _ in range(2):
        page.get_by_label(CHOOSE).select_option(label="My check")  # chosen, but not switched to
        reload(page)
        expect(current_check(page)).to_have_text("Programme B")
        assert selected_check(page) == "Programme B"
        expect(checks(page).get_by_text("Open now: “Programme B”.")).to_be_visible()
    # The list shows another check; Delete names the open one and asks first.
    page.get_by_label(CHOOSE).select_option(label="My check")
    page.get_by_role("button", name="Delete this check").click()
    expect(checks(page).get_by_text("Delete “Programme B” and all its answers and notes from this browser?")).to_be_visible()
    expect(page.get_by_role("button", name="Yes, delete “Programme B”")).to_be_focused()
    page.get_by_role("button", name="Cancel", exact=True).click()
    expect(checks(page).get_by_role("status")).to_have_text("Nothing was deleted.")
    assert names(page) == ["My check", "Programme B"]
    expect(checked(page, SECOND, "No")).to_be_checked()
    page.get_by_role("button", name="Delete this check").click()
    page.get_by_role("button", name="Yes, delete “Programme B”").click()
    expect(page.get_by_label(CHOOSE).locator("option")).to_have_text(["My check"])
    page.get_by_role("button", name="Undo delete", exact=True).click()
    expect(checks(page).get_by_role("status")).to_have_text("“Programme B” is back, with everything saved for it.")
    expect(checked(page, SECOND, "No")).to_be_checked()


CHOICE = "Where should its answers go?"
AS_NEW = "Open it as a new saved check (the check you are working on stays as it is)"


def test_a_file_opened_into_a_check_with_answers_asks_first(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "Yes")
    page.get_by_label("What are you checking?").fill("Programme A")
    page.get_by_label("Completed by").fill("Aroha")
    theirs = tmp_path / "theirs.json"
    their_record = json.loads(record({SECOND.id: {"answer": "no", "note": "From Mere"}}))
    their_record["about"] = {"what": "Programme Z", "completed_by": "Mere", "review_by": ""}
    theirs.write_text(json.dumps(their_record), encoding="utf-8")
    open_saved_file(page, theirs)
    # Another person's file: opening it as a new check is chosen first.
    expect(page.get_by_role("group", name=re.compile(CHOICE))).to_be_visible()
    expect(page.get_by_label(AS_NEW)).to_be_checked()
    page.get_by_role("button", name="Continue").click()
    expect(current_check(page)).to_have_text("Programme Z")
    expect(tool_status(page)).to_have_text(
        "The file was opened as a new saved check, “Programme Z”. The check you were working on is unchanged: switch "
        "back to it under “Your saved checks”.")
    expect(checked(page, SECOND, "No")).to_be_checked()
    expect(checked(page, FIRST, "Yes")).not_to_be_checked()
    expect(page.get_by_label("Completed by")).to_have_value("Mere")
    switch_to(page, "My check")
    expect(checked(page, FIRST, "Yes")).to_be_checked()
    expect(page.get_by_label("What are you checking?")).to_have_value("Programme A")

    # A file of the same check: replacing is chosen first; Cancel changes nothing.
    mine = tmp_path / "mine.json"
    mine.write_text(record({SECOND.id: {"answer": "yes", "note": ""}}), encoding="utf-8")
    open_saved_file(page, mine)
    expect(page.get_by_label("Replace the answers in “My check”, the check you are working on")).to_be_checked()
    page.get_by_role("button", name="Cancel", exact=True).click()
    expect(page.get_by_text("The file was not opened. Your answers have not changed.")).to_be_visible()
    expect(checked(page, FIRST, "Yes")).to_be_checked()
    open_saved_file(page, mine)
    page.get_by_role("button", name="Continue").click()
    expect(tool_status(page)).to_have_text("Your saved record was imported.")
    expect(checked(page, SECOND, "Yes")).to_be_checked()
    expect(checked(page, FIRST, "Yes")).not_to_be_checked()
    page.get_by_role("button", name="Undo", exact=True).click()
    expect(checked(page, FIRST, "Yes")).to_be_checked()
    assert names(page) == ["My check", "Programme Z"]


def test_a_file_of_unknown_answers_replaces_nothing_and_says_so(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "Yes")
    unknown = tmp_path / "unknown.json"
    unknown.write_text(record({"retired-question": {"answer": "yes"}, "another": {"answer": "no"}}), encoding="utf-8")
    open_saved_file(page, unknown)
    expect(page.get_by_role("group", name=re.compile(CHOICE))).to_be_hidden()  # refused before anything is asked
    expect(tool_alert(page)).to_have_text(
        "None of the 2 answer(s) in this file is for a question this checklist asks, so there is nothing to bring in. "
        "Nothing was changed.")
    expect(checked(page, FIRST, "Yes")).to_be_checked()
