"""Nothing a person types into a tool leaves their browser, and clearing removes all of it."""
import json

from ..helpers import STORAGE_PREFIX, storage_key
from .conftest import live, open_saved_file
from .test_checklist_page import CHECKLIST, FIRST, SECOND, answer, item, open_checklist

SECRET = "Mere Kawhia 021 555 0199 — private note"


def stored_everywhere(page):
    return page.evaluate("""() => ({
        local: Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)])),
        session: Object.fromEntries(Object.keys(sessionStorage).map(k => [k, sessionStorage.getItem(k)])),
        cookies: document.cookie,
    })""")


def test_typed_text_never_leaves_the_browser_and_clear_removes_it(visit, site_url, tmp_path):
    v = open_checklist(visit, site_url)
    page = v.page
    answer(page, FIRST, "No")
    note = item(page, SECOND).get_by_role("textbox", name="Your note (optional)")
    note.fill(SECRET)
    note.blur()
    with page.expect_download():
        page.get_by_role("button", name="Download a summary (Markdown)").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my progress to a file").click()
    download.value.save_as(tmp_path / "record.json")
    open_saved_file(page, tmp_path / "record.json")
    page.reload()
    live(page)
    # Follow a link from the checklist to another page of the site, as a reader would.
    page.get_by_role("link", name="Find your role").first.click()
    page.wait_for_load_state("load")

    leaked = [(url, body) for url, body in v.requests if SECRET in url or SECRET in body
              or json.dumps(SECRET)[1:-1] in body or "Mere" in url]
    assert leaked == []
    assert v.external == []

    stored = stored_everywhere(page)
    assert stored["cookies"] == ""
    assert not [key for key, value in stored["session"].items() if "Mere" in value]  # the theme keeps its own
    holding_the_note = [key for key, value in stored["local"].items() if "Mere Kawhia" in value]
    assert holding_the_note == [storage_key(CHECKLIST.id, CHECKLIST.version)]

    page.go_back()
    live(page)
    page.get_by_role("button", name="Clear my answers").click()
    stored = stored_everywhere(page)
    assert [key for key in stored["local"] if key.startswith(STORAGE_PREFIX)] == []
    assert not [key for key, value in stored["local"].items() if "Mere Kawhia" in value]
