"""Compare answers with your team, under "More options" at the end of a tool: several people's
records of the Purpose statement checklist side by side in a table, disagreements first; what was
set aside between versions and the reasons for "not applicable" shown; the files chosen listed;
the comparison downloaded equal to compare.py's. On the built site at 375 px (touch) and 1280 px,
light and dark, and in Voila."""
import json
import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dpup_toolkit import render_json
from dpup_toolkit.compare import compare_records, render_comparison, table_rows
from dpup_toolkit.records.rules import NOT_UTF8

from ..helpers import ANSWERS_PREFIX
from .conftest import accessibility_problems
from .test_checklist_page import CHECKLIST, FIRST, HOSTILE, NA_ITEM, SECOND, open_checklist
from .test_voila import open_app

SCREENS = Path(tempfile.gettempdir()) / "screens-compare"
PICKER = "Files to compare (.json):"
PHONE = {"viewport": {"width": 375, "height": 812}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
SCREEN_SIZES = {"phone-375": PHONE, "desktop-1280": DESKTOP}


def write(path, answers, by=None, version=None, extra=None):
    text = render_json(CHECKLIST, answers, "2026-11-30")
    if by or version or extra:
        data = json.loads(text)
        if by:
            data["about"] = {"completed_by": by}
        if version:
            data["checklist"]["version"] = version
        data["answers"].update(extra or {})
        text = json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def team_files(tmp_path):
    """Three records (one with a "Completed by" detail) and one file that is not a record."""
    return [
        write(tmp_path / "ana.json", {FIRST.id: {"answer": "yes"}, SECOND.id: {"answer": "yes", "note": HOSTILE}}),
        write(tmp_path / "ben.json", {FIRST.id: {"answer": "yes"}, SECOND.id: {"answer": "no", "note": "Kia ora whānau"}}),
        write(tmp_path / "cai.json", {FIRST.id: {"answer": "yes"}}, by="Cai Tūhoe"),
        not_a_record(tmp_path / "notes.json"),
    ]


def not_a_record(path):
    path.write_text('{"hello": 1}', encoding="utf-8")
    return path


def versions_files(tmp_path):
    """Records across versions: Ben's from version 2 holds an answer this version no longer offers,
    an option since renamed, and an answer to a question since removed; "not applicable" with and
    without its reason."""
    return [
        write(tmp_path / "ana.json", {FIRST.id: {"answer": "yes"}, NA_ITEM.id: {"answer": "na", "reason": "We hold no names"},
                                      SECOND.id: {"answer": "yes"}}, by="Ana"),
        write(tmp_path / "ben.json", {NA_ITEM.id: {"answer": "na"}}, version=CHECKLIST.version - 1,
              extra={FIRST.id: {"answer": "na", "note": "We used the old form"}, SECOND.id: {"answer": "maybe"},
                     "old-question": {"answer": "yes", "note": "Asked in 2025"}}),
        write(tmp_path / "cai.json", {FIRST.id: {"answer": "no"}}, by="Cai Tūhoe"),
    ]


def row(page, checklist_item):
    return page.locator(".dpup-compare-table tbody tr").filter(
        has=page.get_by_role("rowheader", name=re.compile(re.escape(checklist_item.prompt) + "$")))


def open_compare(page):
    section = page.locator(".dpup-more-options")
    section.get_by_text("Compare answers with your team", exact=True).click()
    return section


def test_a_team_sees_where_it_agrees_and_downloads_the_same_comparison_as_python(visit, site_url, tmp_path):
    v = open_checklist(visit, site_url, bypass_csp=True)  # to let the test inject axe-core
    page = v.page
    section = open_compare(page)
    files = team_files(tmp_path)
    section.get_by_label(PICKER).set_input_files(files)

    # The picker's area says what was loaded, who and when each record is from, and how to change it.
    loaded = section.locator(".dpup-compare-loaded")
    expect(loaded.get_by_role("listitem")).to_have_text([
        "ana.json: compared, in the column “ana.json”. Completed by: not given. Saved on 2026-11-30, with version 3 of this tool.",
        "ben.json: compared, in the column “ben.json”. Completed by: not given. Saved on 2026-11-30, with version 3 of this tool.",
        "cai.json: compared, in the column “Cai Tūhoe”. Completed by: Cai Tūhoe. Saved on 2026-11-30, with version 3 of this tool.",
        "notes.json: This file was not compared: it is not a record saved by this toolkit.",
    ])
    expect(loaded).to_contain_text("To compare different files, choose them again with “Files to compare (.json)”: they replace these.")
    rows = table_rows(compare_records(CHECKLIST, [(path.name, path.read_text(encoding="utf-8")) for path in files]))
    expect(section.locator(".dpup-compare-summary")).to_have_text(
        f"3 people compared. Answers differ on 1 of {len(rows)} questions; all agree on 1. "
        "1 file was not compared: the list above says why.")

    # One column per person, one row per question, where answers differ first.
    table = section.get_by_role("table")
    expect(table.locator("caption")).to_have_text(re.compile("^Answers side by side: one column for each person."))
    expect(table.locator("thead th[scope=col]")).to_have_text(["Question", "Agreement", "ana.json", "ben.json",
                                                                "Cai Tūhoe from cai.json"])
    expect(table.locator("tbody tr").first).to_have_class(re.compile("dpup-compare-differ"))
    expect(row(page, SECOND).locator("td")).to_have_text([
        "Answers differ", "Yes Note: " + HOSTILE, "No Note: Kia ora whānau", "Not answered"], use_inner_text=True)
    expect(row(page, FIRST).locator(".dpup-compare-status")).to_have_text("All agree")
    section.get_by_label("Show only where answers differ").check()
    expect(row(page, FIRST)).to_be_hidden()
    expect(row(page, SECOND)).to_be_visible()
    section.get_by_label("Show only where answers differ").uncheck()
    expect(row(page, FIRST)).to_be_visible()
    assert page.evaluate("window.__pwned") is None  # a note is text, never markup
    # Other people's answers are never stored: nothing saved for this tool, no trace of a note.
    stored = page.evaluate("Object.entries(localStorage).flat().join(' ')")
    assert ANSWERS_PREFIX not in stored and "Kia ora whānau" not in stored

    with page.expect_download() as download:
        section.get_by_role("button", name="Download the comparison (text file, .md)").click()
    assert re.fullmatch(r"purpose-statement-comparison-\d{4}-\d\d-\d\d\.md", download.value.suggested_filename)
    text = download.value.path().read_text(encoding="utf-8")
    day = re.search(r"^- Compared: (.+)$", text, re.M).group(1)
    in_name_order = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(files)]
    assert text == render_comparison(CHECKLIST, in_name_order, day)
    page.evaluate("window.scrollTo(0, 0)")
    assert accessibility_problems(page) == []
    assert v.real_errors() == [] and v.external == []


def test_what_changed_between_versions_is_shown_in_compares_own_words(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url, viewport={"width": 1280, "height": 800}).page
    section = open_compare(page)
    files = versions_files(tmp_path)
    section.get_by_label(PICKER).set_input_files(files)
    expect(section.locator(".dpup-compare-loaded li").nth(1)).to_have_text(
        f"ben.json: compared, in the column “ben.json”. Completed by: not given. Saved on 2026-11-30, with version "
        f"{CHECKLIST.version - 1} of this tool (this page has version {CHECKLIST.version}).")
    # Ben's answers that no longer fit show as what he answered, never as "Not answered".
    first = row(page, FIRST).locator("td")
    expect(first).to_have_text(["Answers differ", "Yes",
                                "Answered “Not applicable”, which no longer fits this question Note: We used the old form",
                                "No"], use_inner_text=True)
    expect(first.nth(2)).to_have_class("dpup-compare-aside")
    expect(row(page, SECOND).locator("td").nth(2)).to_have_text("Answered “maybe”, which no longer fits this question")
    # A justified "not applicable" and an unexplained one look different.
    na = row(page, NA_ITEM).locator("td")
    expect(na.nth(1)).to_have_text("Not applicable Why it does not apply: We hold no names", use_inner_text=True)
    expect(na.nth(2)).to_have_text("Not applicable, no reason given")
    expect(na.nth(2)).to_have_class("dpup-compare-no-reason")
    # The answer to a question the tool no longer asks is listed, not dropped.
    removed = section.get_by_role("region", name="Answers to questions no longer in this tool")
    expect(removed.locator("tbody tr")).to_have_count(1)
    expect(removed.locator("tbody tr td")).to_have_text(["Not in this file", "“yes” Note: Asked in 2025", "Not in this file"],
                                                        use_inner_text=True)
    words = section.inner_text()
    for import_words in ("Nothing was changed", "bring in", "imported"):
        assert import_words not in words
    with page.expect_download() as download:
        section.get_by_role("button", name="Download the comparison (text file, .md)").click()
    text = download.value.path().read_text(encoding="utf-8")
    day = re.search(r"^- Compared: (.+)$", text, re.M).group(1)
    assert text == render_comparison(CHECKLIST, [(path.name, path.read_text(encoding="utf-8")) for path in files], day)
    assert "Why it does not apply, from Ana:\n\n> We hold no names\n" in text


def test_one_record_is_not_a_comparison_and_a_newer_one_is_not_compared(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    section = open_compare(page)
    newer = write(tmp_path / "newer.json", {}, version=CHECKLIST.version + 1)
    section.get_by_label(PICKER).set_input_files([team_files(tmp_path)[0], newer])
    expect(section.locator(".dpup-compare-summary")).to_have_text(
        "Choose two or more records of this tool to compare them. 1 file was not compared: the list above says why.")
    expect(section.locator(".dpup-compare-left-out")).to_have_text(
        f"newer.json: This file was not compared: it was saved with version {CHECKLIST.version + 1} of this tool, newer "
        f"than this page (version {CHECKLIST.version}). Reload the page to get the newest version, then compare again.")
    expect(section.get_by_role("button", name="Download the comparison (text file, .md)")).to_be_hidden()
    expect(section.get_by_role("table")).to_have_count(0)


def test_when_everyone_agrees_the_table_says_so_and_offers_no_empty_filter(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    section = open_compare(page)
    same = {FIRST.id: {"answer": "yes"}, NA_ITEM.id: {"answer": "na", "reason": "No names"}}
    section.get_by_label(PICKER).set_input_files([write(tmp_path / f"{name}.json", same, by=name) for name in ("Ana", "Ben")])
    expect(section.locator(".dpup-compare-summary")).to_contain_text("Answers differ on 0 of")
    expect(section.locator(".dpup-compare-summary")).to_contain_text("all agree on 2.")
    expect(section.get_by_label("Show only where answers differ")).to_be_hidden()
    expect(row(page, NA_ITEM).locator("td")).to_have_text(
        ["All agree", "Not applicable Why it does not apply: No names", "Not applicable Why it does not apply: No names"],
        use_inner_text=True)


def test_compare_is_under_more_options_at_the_end_of_the_tool_not_among_the_record_buttons(visit, site_url):
    page = open_checklist(visit, site_url, viewport={"width": 1280, "height": 800}).page
    tool_headings = page.locator(".dpup-checklist h2")
    expect(tool_headings.last).to_have_text("More options")
    expect(page.get_by_role("heading", name="More options")).to_have_count(1)  # one, with the page's own part after it
    expect(page.locator(".dpup-controls").get_by_text(re.compile("[Cc]ompare"))).to_have_count(0)
    picker = page.get_by_label(PICKER)
    expect(picker).to_be_hidden()
    open_compare(page)
    expect(picker).to_be_visible()
    # The page's other ways to run the tool follow, under the same heading.
    other = page.locator("#other-ways-to-run-this-tool")
    assert page.evaluate("""([a, b]) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)""",
                         [page.locator(".dpup-more-options").element_handle(), other.element_handle()])
    expect(other.get_by_text("Other ways to run this tool")).to_be_visible()


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("size", SCREEN_SIZES)
def test_the_table_reads_on_a_phone_and_a_desktop_in_light_and_dark(visit, site_url, tmp_path, size, mode):
    v = open_checklist(visit, site_url, **SCREEN_SIZES[size], color_scheme=mode, bypass_csp=True)  # axe is injected
    page = v.page
    summary = page.locator("details.dpup-compare > summary")
    if size == "phone-375":
        summary.tap()
    else:
        summary.focus()
        page.keyboard.press("Enter")
    page.get_by_label(PICKER).set_input_files(versions_files(tmp_path))
    region = page.get_by_role("region", name=re.compile("^Answers side by side"))
    expect(region).to_be_visible()
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths  # the page never scrolls sideways: the table does, in its region
    # The region takes focus from the keyboard, so its table can be scrolled without a mouse.
    page.get_by_label("Show only where answers differ").focus()
    page.keyboard.press("Tab")
    expect(region).to_be_focused()
    focus = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus != "none"
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.locator(".dpup-more-options").screenshot(path=str(SCREENS / f"compare-{size}-{mode}.png"))
    assert accessibility_problems(page) == []
    if size == "phone-375":
        # The table is wider than a phone: its region scrolls, from the keyboard too.
        assert region.evaluate("e => e.scrollWidth > e.clientWidth")
        region.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.activeElement.scrollLeft > 0")
    assert v.real_errors() == []


def test_a_record_saved_in_latin1_is_not_compared_with_the_reason_as_python_gives(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    section = open_compare(page)
    latin1 = tmp_path / "dee.json"
    latin1.write_bytes(render_json(CHECKLIST, {FIRST.id: {"answer": "no", "note": "Café"}}, "2026-11-30").encode("latin-1"))
    files = team_files(tmp_path)[:2] + [latin1]
    section.get_by_label(PICKER).set_input_files(files)
    expect(section.locator(".dpup-compare-summary")).to_contain_text("2 people compared.")
    errors = compare_records(CHECKLIST, [(path.name, path.read_bytes()) for path in files])["errors"]
    assert [error["file"] for error in errors] == ["dee.json"] and NOT_UTF8 not in errors[0]["reason"]
    expect(section.locator(".dpup-compare-left-out")).to_have_text(f"dee.json: {errors[0]['reason']}")


def test_compare_works_in_voila(visit, voila_url, tmp_path):
    page = open_app(visit, voila_url, "checklists/purpose-statement.ipynb").page
    section = open_compare(page)
    section.get_by_label(PICKER).set_input_files(versions_files(tmp_path))
    expect(section.locator(".dpup-compare-summary")).to_contain_text("3 people compared.")
    expect(row(page, NA_ITEM).locator("td").nth(2)).to_have_text("Not applicable, no reason given")
    expect(section.get_by_role("region", name="Answers to questions no longer in this tool")).to_be_visible()
