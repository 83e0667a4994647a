"""Compare answers with your team: three people's records of the Purpose statement checklist on the
static site, item by item, and the comparison downloaded equal to compare.py's."""
import json
import re

from playwright.sync_api import expect

from dpup_toolkit import render_json
from dpup_toolkit.compare import render_comparison

from ..helpers import ANSWERS_PREFIX
from .conftest import accessibility_problems
from .test_checklist_page import CHECKLIST, FIRST, HOSTILE, SECOND, open_checklist

SCREENS = "/work/plan/screens-compare"
PICKER = "Records to compare (JSON files):"


def team_files(tmp_path):
    """Three records (one with a "Completed by" detail) and one file that is not a record."""
    people = {
        "ana.json": ({FIRST.id: {"answer": "yes"}, SECOND.id: {"answer": "yes", "note": HOSTILE}}, None),
        "ben.json": ({FIRST.id: {"answer": "yes"}, SECOND.id: {"answer": "no", "note": "Kia ora whānau"}}, None),
        "cai.json": ({FIRST.id: {"answer": "yes"}}, "Cai Tūhoe"),
    }
    paths = []
    for name, (answers, by) in people.items():
        text = render_json(CHECKLIST, answers, "2026-11-30")
        if by:
            data = json.loads(text)
            data["about"] = {"completed_by": by}
            text = json.dumps(data, ensure_ascii=False)
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    (tmp_path / "notes.json").write_text('{"hello": 1}', encoding="utf-8")
    return paths + [tmp_path / "notes.json"]


def compared(page, checklist_item):
    return page.locator(".dpup-compare-item").filter(has=page.get_by_role("heading", name=checklist_item.prompt, exact=True))


def open_compare(page):
    page.locator(".dpup-compare summary").click()
    return page.locator(".dpup-compare")


def test_a_team_sees_where_it_agrees_and_downloads_the_same_comparison_as_python(visit, site_url, tmp_path):
    v = open_checklist(visit, site_url, bypass_csp=True)  # to let the test inject axe-core
    page = v.page
    section = open_compare(page)
    files = team_files(tmp_path)
    section.get_by_label(PICKER).set_input_files(files)

    expect(section.locator(".dpup-compare-summary")).to_contain_text("3 people compared.")
    expect(section.locator(".dpup-compare-errors")).to_have_text(
        "These files were left out:notes.json: This file is not a DPUP Toolkit checklist record.")
    expect(compared(page, FIRST).locator(".dpup-compare-status")).to_have_text("All agree")
    expect(compared(page, SECOND).locator(".dpup-compare-status")).to_have_text("Answers differ")
    answers = compared(page, SECOND).get_by_role("listitem")
    expect(answers).to_have_text([re.compile(r"^ana\.json: Yes\s*Note: " + re.escape(HOSTILE)),
                                  re.compile(r"^ben\.json: No\s*Note: Kia ora whānau"),
                                  "Cai Tūhoe: Not answered"])
    section.get_by_label("Show only where answers differ").check()
    expect(compared(page, FIRST)).to_be_hidden()
    expect(compared(page, SECOND)).to_be_visible()
    section.get_by_label("Show only where answers differ").uncheck()
    expect(compared(page, FIRST)).to_be_visible()
    assert page.evaluate("window.__pwned") is None  # a note is text, never markup
    # Other people's answers are never stored: nothing saved for this tool, no trace of a note.
    stored = page.evaluate("Object.entries(localStorage).flat().join(' ')")
    assert ANSWERS_PREFIX not in stored and "Kia ora whānau" not in stored

    with page.expect_download() as download:
        section.get_by_role("button", name="Download the comparison (Markdown)").click()
    assert re.fullmatch(r"purpose-statement-comparison-\d{4}-\d\d-\d\d\.md", download.value.suggested_filename)
    text = download.value.path().read_text(encoding="utf-8")
    day = re.search(r"^- Compared: (.+)$", text, re.M).group(1)
    in_name_order = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(files)]
    assert text == render_comparison(CHECKLIST, in_name_order, day)
    page.evaluate("window.scrollTo(0, 0)")  # the theme's Back to top button fails contrast (not ours)
    assert accessibility_problems(page) == []
    assert v.real_errors() == [] and v.external == []


def test_one_record_is_not_a_comparison(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    section = open_compare(page)
    section.get_by_label(PICKER).set_input_files(team_files(tmp_path)[0])
    expect(section.locator(".dpup-compare-summary")).to_have_text("Choose two or more records of this tool to compare them.")
    expect(section.get_by_role("button", name="Download the comparison (Markdown)")).to_be_hidden()


def test_compare_opens_from_the_keyboard_and_fits_a_phone(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url, viewport={"width": 375, "height": 740}, bypass_csp=True).page
    summary = page.locator(".dpup-compare summary")
    picker = page.get_by_label(PICKER)
    expect(picker).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    expect(picker).to_be_visible()
    page.keyboard.press("Tab")
    expect(picker).to_be_focused()
    picker.set_input_files(team_files(tmp_path))
    expect(compared(page, SECOND).locator(".dpup-compare-status")).to_have_text("Answers differ")
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths
    box = compared(page, SECOND).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Show only where answers differ")).to_be_focused()
    page.keyboard.press("Space")
    expect(compared(page, FIRST)).to_be_hidden()
    page.locator(".dpup-compare").screenshot(path=f"{SCREENS}/compare-375-differ-only.png")
    page.keyboard.press("Space")
    compared(page, SECOND).scroll_into_view_if_needed()
    page.locator(".dpup-compare").screenshot(path=f"{SCREENS}/compare-375.png")
    page.evaluate("window.scrollTo(0, 0)")  # the theme's Back to top button fails contrast (not ours)
    assert accessibility_problems(page) == []


def test_a_record_saved_in_latin1_is_left_out_with_the_reason_as_python_does(visit, site_url, tmp_path):
    from dpup_toolkit.compare import compare_records
    from dpup_toolkit.records.rules import NOT_UTF8
    page = open_checklist(visit, site_url).page
    section = open_compare(page)
    latin1 = tmp_path / "dee.json"
    latin1.write_bytes(render_json(CHECKLIST, {FIRST.id: {"answer": "no", "note": "Café"}}, "2026-11-30").encode("latin-1"))
    files = team_files(tmp_path)[:2] + [latin1]
    section.get_by_label(PICKER).set_input_files(files)
    expect(section.locator(".dpup-compare-summary")).to_contain_text("2 people compared.")
    expect(section.locator(".dpup-compare-errors")).to_have_text(f"These files were left out:dee.json: {NOT_UTF8}")
    assert compare_records(CHECKLIST, [(path.name, path.read_bytes()) for path in files])["errors"] == [
        f"dee.json: {NOT_UTF8}"]
