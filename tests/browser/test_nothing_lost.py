"""Nothing a person typed disappears without a clear message and a way back, on the static checklist page in Chromium, with the browser's real storage limits."""
import json
import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dpup_toolkit.site.pages import finish_page

from ..conftest import ROOT, SITE
from ..helpers import storage_key
from .conftest import live, open_saved_file
from .test_checklist_page import (CHECKLIST, FIRST, PAGE, SECOND, STORAGE_KEY, answer, item, open_checklist,
                                  progress, saved_answers)

NOT_SAVED = ("The answers are on this page, but this browser could not save them (it may be full). "
             "Use “Save my answers to a file now (.json)”, or they will be gone when you leave the page.")


def record(answers, **about):
    return json.dumps({"format": "dpup-toolkit/checklist-record", "format_version": 1,
                       "checklist": {"id": CHECKLIST.id, "version": CHECKLIST.version, "title": CHECKLIST.title} | about,
                       "answers": answers})


def fill_storage(page):
    """Fill this origin's localStorage to its real limit with someone else's data."""
    page.evaluate("""() => {
        let size = 1 << 20;
        for (let i = 0; size >= 1; i += 1) {
            try { localStorage.setItem(`someone-else:${i}`, "x".repeat(size)); } catch { size >>= 1; }
        }
    }""")


def reload(page):
    page.reload()
    live(page)


def test_an_import_too_large_to_save_says_so_keeps_the_answers_on_screen_and_offers_the_download(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "Yes")
    before = saved_answers(page)
    note = "kia ora " * 800_000  # 6.4 MB: more than the browser stores for a site
    path = tmp_path / "big.json"
    path.write_text(record({SECOND.id: {"answer": "no", "note": note}}), encoding="utf-8")
    open_saved_file(page, path, replace=True)
    # Drawing a 6 MB note takes the browser a while: allow it.
    expect(page.get_by_role("alert")).to_have_text(f"Your saved record was imported. {NOT_SAVED}", timeout=60_000)
    expect(item(page, SECOND).get_by_role("radio", name="No", exact=True)).to_be_checked()
    assert saved_answers(page) == before  # what was saved is untouched
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my answers to a file now (.json)").click()
    kept = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert kept["answers"][SECOND.id] == {"answer": "no", "note": note}


def test_undo_into_a_full_browser_says_so(visit, site_url):
    page = open_checklist(visit, site_url).page
    page.get_by_label("What are you checking?").fill("Library card renewals")
    page.get_by_label("Completed by").fill("Team lead")
    page.get_by_label("Review by (optional)").fill("2027-03-01")
    answer(page, FIRST, "Yes")
    page.get_by_role("button", name="Clear my answers").click()
    fill_storage(page)
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("alert")).to_have_text(f"Your answers are back. {NOT_SAVED}")
    expect(item(page, FIRST).get_by_role("radio", name="Yes", exact=True)).to_be_checked()
    rescue = page.get_by_role("button", name="Save my answers to a file now (.json)")
    expect(rescue).to_be_visible()
    # The rescue file is the record "Save a file to carry on later" makes: the answers with the
    # record's details, named by the tool and the time as every other download.
    with page.expect_download() as download:
        rescue.click()
    assert re.fullmatch(rf"{CHECKLIST.id}-\d{{4}}-\d\d-\d\d-\d{{4}}\.json", download.value.suggested_filename)
    kept = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert kept["answers"][FIRST.id]["answer"] == "yes"
    assert kept["about"] == {"what": "Library card renewals", "completed_by": "Team lead", "review_by": "2027-03-01"}


def test_unreadable_answers_of_an_earlier_version_are_kept_and_offered(visit, site_url):
    page = open_checklist(visit, site_url).page
    older = storage_key(CHECKLIST.id, CHECKLIST.version - 1) if CHECKLIST.version > 1 else None
    key = older or STORAGE_KEY
    page.evaluate(f"localStorage.setItem({json.dumps(key)}, '{{first damage')")
    reload(page)
    expect(page.get_by_role("alert")).to_contain_text("A copy of the unreadable data is kept in this browser.")
    page.evaluate(f"localStorage.setItem({json.dumps(key)}, '{{second damage')")
    reload(page)
    copies = page.evaluate("Object.keys(localStorage).filter(k => k.includes(':unreadable')).sort()"
                           ".map(k => localStorage.getItem(k))")
    assert copies == ["{first damage", "{second damage"]
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the saved data that was left out").click()
    assert open(download.value.path(), encoding="utf-8").read() == "{second damage"


def test_answers_that_cannot_be_used_are_announced_and_recoverable(visit, site_url):
    page = open_checklist(visit, site_url).page
    saved = json.dumps({"answers": {FIRST.id: {"answer": "yes", "note": "kept"},
                                    "a-removed-question": {"answer": "no", "note": "my note on it"},
                                    SECOND.id: "not an entry"}})
    page.evaluate(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(saved)})")
    reload(page)
    expect(page.get_by_role("alert")).to_contain_text("2 saved answer(s) or note(s) could not be used here")
    expect(item(page, FIRST).get_by_role("radio", name="Yes", exact=True)).to_be_checked()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the saved data that was left out").click()
    assert "my note on it" in open(download.value.path(), encoding="utf-8").read()
    assert saved in page.evaluate("Object.keys(localStorage).filter(k => k.includes(':unreadable'))"
                                  ".map(k => localStorage.getItem(k))")


def test_large_unreadable_data_in_a_full_browser_is_not_overwritten(visit, site_url):
    v = open_checklist(visit, site_url)
    page = v.page
    junk = "{" + "x" * 2_000_000
    page.evaluate(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, '{{' + 'x'.repeat(2000000))")
    fill_storage(page)
    reload(page)
    expect(page.get_by_role("alert")).to_contain_text("This browser has no room to keep a copy")
    answer(page, FIRST, "Yes")  # the page still works, and still listens
    expect(progress(page)).to_have_text(re.compile(r"^1 of "))
    assert page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)}).length") == len(junk)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the saved data that was left out").click()
    assert open(download.value.path(), encoding="utf-8").read() == junk
    page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('someone-else:')).forEach(k => localStorage.removeItem(k))")
    answer(page, SECOND, "No")
    assert saved_answers(page)[SECOND.id] == {"answer": "no", "note": ""}
    assert v.real_errors() == []


def test_undo_never_overwrites_what_another_tab_changed(visit, site_url):
    v = open_checklist(visit, site_url)
    first_tab, second_tab = v.page, v.new_page()
    answer(first_tab, FIRST, "Yes")
    second_tab.goto(f"{site_url}/{PAGE}")
    live(second_tab)
    first_tab.get_by_role("button", name="Clear my answers").click()
    answer(second_tab, SECOND, "No")
    expect(first_tab.get_by_role("button", name="Undo")).to_be_hidden()
    expect(first_tab.get_by_role("status").filter(has_text="Undo")).to_have_text(
        "Your answers were changed in another tab, so Undo is no longer offered here.")
    assert saved_answers(first_tab) == {SECOND.id: {"answer": "no", "note": ""}}


ANOTHER = next(q for q in CHECKLIST.questions if q.id not in (FIRST.id, SECOND.id) and not q.show_if)
# What another tab does, and what must still be saved after this tab's next change.
OTHER_TAB_CHANGES = {
    "clears": (lambda page: page.get_by_role("button", name="Clear my answers").click(), {}, None),
    "answers": (lambda page: answer(page, ANOTHER, "Yes"), {FIRST.id: "yes", ANOTHER.id: "yes"}, None),
    "types the details": (lambda page: page.get_by_label("What are you checking?").fill("Library card renewals"),
                          {FIRST.id: "yes"}, "Library card renewals"),
}


@pytest.mark.parametrize("change", OTHER_TAB_CHANGES, ids=str)
def test_a_change_made_before_another_tabs_save_arrives_keeps_that_save(visit, site_url, change):
    """The browser tells a tab of another tab's save a little later; a change made in between must not write over it."""
    other_tab_does, answers_before, what = OTHER_TAB_CHANGES[change]
    v = open_checklist(visit, site_url)
    first_tab, second_tab = v.page, v.new_page()
    answer(first_tab, FIRST, "Yes")
    # A listener added before the page's own can hold back the news of other tabs' saves, as a busy browser may.
    second_tab.add_init_script("addEventListener('storage', (e) => window.holdNews && e.stopImmediatePropagation())")
    second_tab.goto(f"{site_url}/{PAGE}")
    live(second_tab)
    second_tab.evaluate("window.holdNews = true")
    other_tab_does(first_tab)
    answer(second_tab, SECOND, "No")
    saved = json.loads(second_tab.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})"))
    assert {key: entry["answer"] for key, entry in saved["answers"].items()} == answers_before | {SECOND.id: "no"}
    assert saved.get("about", {}).get("what") == what
    first = item(second_tab, FIRST).get_by_role("radio", name="Yes", exact=True)
    expect(first).to_be_checked() if FIRST.id in answers_before else expect(first).not_to_be_checked()


def test_a_record_whose_title_cannot_become_text_still_gets_a_message(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    path = tmp_path / "odd.json"
    path.write_text(record({}, id="other", title={"toString": 1}), encoding="utf-8")
    open_saved_file(page, path)
    expect(page.get_by_role("alert")).to_have_text(
        f"This record is for another checklist (“unknown”), not “{CHECKLIST.title}”. Your current answers have not changed.")


def test_a_megabyte_note_of_one_letter_does_not_freeze_the_page(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    path = tmp_path / "long.json"
    path.write_text(record({FIRST.id: {"answer": "yes", "note": "ā" * 1_000_000}}), encoding="utf-8")
    open_saved_file(page, path)
    # Before the fix the page was busy for about 40 s here: these waits would time out.
    expect(page.get_by_role("status").filter(has_text="imported")).to_have_text("Your saved record was imported.")
    reload(page)
    note = item(page, FIRST).get_by_role("textbox", name="Your note (optional)")
    expect(note).to_have_js_property("textLength", 1_000_000)
    answer(page, SECOND, "No")
    expect(progress(page)).to_have_text(re.compile(r"^2 of "))


# Each alone ends or swallows the script that holds it: "<!--<script>" without "-->" or "</script"
# after it, or "</script" with a space after it (myst-nb escapes only "</script>").
AWKWARD = [" <!--<script> ]]> <!-- <script", " </script x> ]]> <!-- </style"]
TEXT_FIELDS = {"title", "summary", "prompt", "help", "action", "label", "intro", "example", "explanation", "text",
               "heading", "advice", "phrase"}


def awkward(node, extra, key=None):
    if isinstance(node, dict):
        return {k: (awkward(v, extra, k) if k != "guidance" else {a: t + extra for a, t in v.items()})
                for k, v in node.items()}
    if isinstance(node, list):
        return [awkward(v, extra, key) for v in node]
    return node + extra if isinstance(node, str) and key in TEXT_FIELDS else node


TOOL_PAGES = sorted(path.relative_to(SITE).as_posix() for path in (SITE / "checklists").glob("*.html")
                    if "application/vnd.jupyter.widget-state+json" in path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("extra", AWKWARD, ids=["comment-script", "end-tag"])
@pytest.mark.parametrize("tool_page", TOOL_PAGES)
def test_html_parser_sequences_in_every_text_field_leave_the_page_whole(visit, site_url, tool_page, extra):
    from myst_nb.core.render import sanitize_script_content

    from dpup_toolkit.site.prerender import STATE_FILE, STATE_SUFFIX, draw, place

    html = (SITE / tool_page).read_text(encoding="utf-8")
    state = json.loads((SITE / tool_page).with_suffix(STATE_SUFFIX).read_text(encoding="utf-8"))
    for model in state["state"].values():
        if "definition" in model["state"]:
            model["state"]["definition"] = awkward(model["state"]["definition"], extra)
            hostile_model = model["state"]
    # The page as the build writes it: the state embedded as myst-nb embeds it (only "</" escaped),
    # the form drawn from it at build time and the state moved beside the page (prerender.py),
    # then finished as the build finishes pages.
    embedded = ('<script type="application/vnd.jupyter.widget-state+json">'
                + sanitize_script_content(json.dumps(state)) + "</script>")
    source = STATE_FILE.sub(lambda _: embedded, html)
    source = re.sub(r'<div class="static-widget" data-drawn="[^"]*">.*?</div>(?=<script type="application/vnd)', "",
                    source, flags=re.S)
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / Path(tool_page).name
        (form,) = draw([{"state": hostile_model, "url": f"{site_url}/{tool_page}", "root": "../"}], ROOT)
        hostile = finish_page(place(source, page_file, form, hostile_model["definition"]["id"]))
        hostile_state = page_file.with_suffix(STATE_SUFFIX).read_text(encoding="utf-8")
    v = visit()
    page = v.page
    page.route(f"{site_url}/{tool_page}", lambda route: route.fulfill(body=hostile, content_type="text/html"))
    page.route(f"{site_url}/{Path(tool_page).with_suffix(STATE_SUFFIX)}",
               lambda route: route.fulfill(body=hostile_state, content_type="application/json"))
    page.goto(f"{site_url}/{tool_page}")

    def whole():
        expect(page.locator(".dpup-checklist .dpup-item").first).to_be_visible()
        if tool_page == PAGE:
            expect(item(page, FIRST).locator("legend")).to_have_text(FIRST.prompt + extra)
        expect(page.locator(".dpup-checklist h2").filter(has_text=extra.strip())).not_to_have_count(0)
        expect(page.locator("footer")).not_to_have_count(0)  # the rest of the page is still there

    whole()  # the form drawn at build time
    page.locator(".dpup-checklist .dpup-item").first.hover()  # the live form, drawn from the state
    expect(page.locator(".static-widget[data-drawn]")).to_have_count(0)
    whole()
    assert v.real_errors() == []
