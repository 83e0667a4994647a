"""Check your answers, before a record is kept: every section's questions with the answer given,
the reason "not applicable" was chosen and the note; questions skipped because of an answer said
as such; those not answered yet marked plainly. Each row's "Change" link names its question, takes
focus to it (clear of the sticky header and the bar, WCAG 2.4.11) and a link there leads back.
For a checklist with questions that come and go, the quiz and a tool of typed text; on the built
site and in Voila; by keyboard alone; at 375 px (touch) and 1280 px, light and dark; on paper."""
import re

import pytest
from playwright.sync_api import expect

from dpup_toolkit import load_checklist, visible_items

from ..conftest import ROOT
from .conftest import accessibility_problems, live
from .test_phone_first import COVERED, DESKTOP, PHONE
from .test_tools import node
from .test_voila import open_app

CHECKLIST = load_checklist(ROOT / "checklists" / "purpose-statement.yml")  # show_if and "not applicable"
QUIZ = load_checklist(ROOT / "checklists" / "dpup-quiz.yml")
TEXT = load_checklist(ROOT / "checklists" / "purpose-statement-builder.yml")
SCREENS = pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["phone-375", "desktop-1280"])
REASON = "We collect nothing new for this pilot."
NOTE = "Asked the privacy officer."


def open_tool(visit, url, tool, screen=DESKTOP, mode="light"):
    v = visit(**screen, color_scheme=mode, bypass_csp=True)  # bypass_csp: axe is injected
    v.page.goto(f"{url}/checklists/{tool.id}.html")
    live(v.page)
    return v


def summary(page):
    return page.get_by_role("region", name="Check your answers")


def row(page, tool, item):
    """The summary's row of an item: found by its Change link, named for the question."""
    return page.locator(".dpup-summary-row").filter(has=page.locator(f"#dpup-{tool.id}--change-{item.id}"))


def change_link(page, tool, item):
    return page.locator(f"#dpup-{tool.id}--change-{item.id}")


def item_of(tool, item_id):
    return next(item for item in tool.items if item.id == item_id)


def expect_clear_of_the_bar(page):
    """The focused element is on screen, and nothing that stays in view (header, bar) covers it."""
    where = page.evaluate(COVERED)
    assert where["overlays"] == [], where
    assert 0 <= where["box"]["top"] and where["box"]["bottom"] <= where["height"], where


def tab_to(page, locator, limit=25):
    """Tab forward, as a keyboard user does, until `locator` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("(e) => e === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def checklist_answers(page):
    """In the purpose statement: a Yes with a note, a "not applicable" with its reason, a No that
    skips its follow-up, the rest left. Returns the items so answered."""
    first, parts, original = (item_of(CHECKLIST, i) for i in ("data-described", "identifying-parts", "original-purpose-known"))
    node(page, CHECKLIST, first).get_by_role("radio", name="Yes", exact=True).check()
    node(page, CHECKLIST, first).get_by_label("Your note (optional)").fill(NOTE)
    node(page, CHECKLIST, parts).get_by_role("radio", name="No", exact=True).check()
    node(page, CHECKLIST, original).get_by_role("radio", name="Not applicable", exact=True).check()
    node(page, CHECKLIST, original).get_by_label("Why does this not apply? (needed)").fill(REASON)
    node(page, CHECKLIST, original).get_by_label("Why does this not apply? (needed)").blur()
    return first, parts, original


def test_every_answer_reason_note_skip_and_gap_is_summed_up(visit, site_url):
    page = open_tool(visit, site_url, CHECKLIST).page
    first, parts, original = checklist_answers(page)
    needed, consistent = item_of(CHECKLIST, "identifying-needed"), item_of(CHECKLIST, "reuse-consistent")
    box = summary(page)
    expect(box.get_by_role("heading", level=2)).to_have_text("Check your answers")
    # One heading per section, in the tool's order.
    expect(box.get_by_role("heading", level=3)).to_have_text([section.title for section in CHECKLIST.sections])
    expect(row(page, CHECKLIST, first).locator("dt")).to_have_text(first.prompt)
    expect(row(page, CHECKLIST, first).locator(".dpup-summary-answer")).to_have_text("Yes")
    expect(row(page, CHECKLIST, first).locator(".dpup-summary-note")).to_have_text(f"Your note: {NOTE}")
    expect(row(page, CHECKLIST, original).locator(".dpup-summary-answer")).to_have_text("Not applicable")
    expect(row(page, CHECKLIST, original).locator(".dpup-summary-reason")).to_have_text(f"Why it does not apply: {REASON}")
    # Skipped because of an answer: said so, with the answer that brings it back.
    expect(row(page, CHECKLIST, needed).locator(".dpup-summary-answer")).to_have_text(
        f"Skipped: asked only when “{parts.prompt}” is answered Yes.")
    # Not answered: in words, in bold with a thick border (not colour alone).
    rest = [item for item in visible_items(CHECKLIST, {}) if item not in (first, parts, original)]
    missing = row(page, CHECKLIST, rest[0]).locator(".dpup-summary-answer")
    expect(missing).to_have_text("Not answered yet")
    style = missing.evaluate("(e) => { const s = getComputedStyle(e); return [s.fontWeight, s.borderLeftWidth]; }")
    assert int(style[0]) >= 700 and float(style[1].removesuffix("px")) >= 3, style
    shown = visible_items(CHECKLIST, {parts.id: {"answer": "no"}, original.id: {"answer": "na", "reason": REASON},
                                      first.id: {"answer": "yes"}})
    assert needed not in shown and consistent not in shown
    skipped = len(CHECKLIST.items) - len(shown)
    expect(box.locator(".dpup-check-count")).to_have_text(
        f"3 of {len(shown)} answered. {len(shown) - 3} questions not answered yet. "
        f"{skipped} questions skipped because of an answer.")
    # Every row has a Change link whose name says which question.
    for item in CHECKLIST.items:
        expect(change_link(page, CHECKLIST, item)).to_have_accessible_name(re.compile(
            rf"^Change .*“{re.escape(item.prompt)}”"))
    expect(change_link(page, CHECKLIST, first)).to_have_accessible_name(f"Change your answer to “{first.prompt}”")
    # It comes after the results and just before the record's details and the record buttons.
    tops = [page.locator(selector).first.bounding_box()["y"] for selector in
            (".dpup-result", ".dpup-check-answers", ".dpup-about", ".dpup-controls")]
    assert tops == sorted(tops), tops
    # It follows the answers as they change.
    node(page, CHECKLIST, parts).get_by_role("radio", name="Yes", exact=True).check()
    expect(row(page, CHECKLIST, needed).locator(".dpup-summary-answer")).to_have_text("Not answered yet")


@SCREENS
@pytest.mark.parametrize("tool", [CHECKLIST, QUIZ, TEXT], ids=lambda tool: tool.id)
def test_change_takes_focus_to_the_question_and_a_link_leads_back(visit, site_url, screen, tool):
    """By keyboard alone: Enter on a Change link, then Tab to the way back and Enter."""
    page = open_tool(visit, site_url, tool, screen).page
    items = visible_items(tool, {})
    target = items[len(items) // 2]
    link = change_link(page, tool, target)
    link.focus()
    page.keyboard.press("Enter")
    question = node(page, tool, target)
    expect(question.locator("input, textarea").first).to_be_focused()
    expect_clear_of_the_bar(page)
    # Answered from the keyboard: a choice with the arrow keys, text typed.
    if target.kind == "text":
        page.keyboard.type("We ask for your address so we can visit you.")
        answer = "We ask for your address so we can visit you."
    else:
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowUp")
        answer = question.locator("input:checked + span").inner_text()
    back = page.get_by_role("link", name="Back to Check your answers")
    tab_to(page, back)
    expect_clear_of_the_bar(page)
    page.keyboard.press("Enter")
    expect(link).to_be_focused()
    expect_clear_of_the_bar(page)
    expect(back).to_have_count(0)  # used once, it goes
    expect(row(page, tool, target).locator(".dpup-summary-answer")).to_have_text(answer)


def test_change_on_a_skipped_question_leads_to_the_answer_that_skipped_it(visit, site_url):
    page = open_tool(visit, site_url, CHECKLIST, PHONE).page
    parts, needed = item_of(CHECKLIST, "identifying-parts"), item_of(CHECKLIST, "identifying-needed")
    node(page, CHECKLIST, parts).get_by_role("radio", name="No", exact=True).check()
    link = change_link(page, CHECKLIST, needed)
    expect(link).to_have_accessible_name(
        f"Change the answer to “{parts.prompt}”, which decides whether “{needed.prompt}” is asked")
    link.tap()
    expect(node(page, CHECKLIST, parts).get_by_role("radio", name="No", exact=True)).to_be_focused()
    expect_clear_of_the_bar(page)
    page.get_by_role("radio", name="Yes", exact=True).and_(node(page, CHECKLIST, parts).get_by_role("radio")).first.check()
    expect(node(page, CHECKLIST, needed)).to_be_visible()
    page.get_by_role("link", name="Back to Check your answers").tap()
    expect(link).to_be_focused()
    expect(row(page, CHECKLIST, needed).locator(".dpup-summary-answer")).to_have_text("Not answered yet")


# The checklist on both screens in both modes; the quiz and the text tool on a phone in the dark
# and a wide screen in the light (the summary's parts are the same for every tool).
LOOKS = [(CHECKLIST, PHONE, "light"), (CHECKLIST, PHONE, "dark"), (CHECKLIST, DESKTOP, "light"),
         (CHECKLIST, DESKTOP, "dark"), (QUIZ, PHONE, "dark"), (QUIZ, DESKTOP, "light"), (TEXT, PHONE, "dark"),
         (TEXT, DESKTOP, "light")]


@pytest.mark.parametrize(("tool", "screen", "mode"), LOOKS,
                         ids=[f"{t.id}-{'phone' if s is PHONE else 'desktop'}-{m}" for t, s, m in LOOKS])
def test_the_summary_reads_well_and_passes_axe(visit, site_url, screen, mode, tool, tmp_path):
    v = open_tool(visit, site_url, tool, screen, mode)
    page = v.page
    if tool is CHECKLIST:
        checklist_answers(page)
    else:
        first = visible_items(tool, {})[0]
        if first.kind == "text":
            node(page, tool, first).locator("textarea").fill("We ask for your address so we can visit you.")
            node(page, tool, first).locator("textarea").blur()
        else:
            node(page, tool, first).get_by_role("radio").first.check()
    box = summary(page)
    box.scroll_into_view_if_needed()
    # Nothing runs off the side; each Change link is a target of at least 24 px.
    width = page.evaluate("document.documentElement.clientWidth")
    assert box.bounding_box()["x"] + box.bounding_box()["width"] <= width
    for link in box.locator("a.dpup-change").all()[:6]:
        size = link.bounding_box()
        assert size["height"] >= 24 and size["width"] >= 24, size
        assert size["x"] + size["width"] <= width, size
    page.screenshot(path=str(tmp_path / f"{tool.id}-{mode}.png"), full_page=False)
    assert accessibility_problems(page) == []
    assert v.real_errors() == [] and v.external == []


def test_on_paper_the_answers_print_in_their_questions_not_twice(visit, site_url):
    page = open_tool(visit, site_url, CHECKLIST).page
    checklist_answers(page)
    page.locator(".dpup-change").first.click()
    page.emulate_media(media="print")
    expect(summary(page)).to_be_hidden()
    expect(page.locator(".dpup-back-to-check-line")).to_be_hidden()
    expect(page.locator(".dpup-print-answer").first).to_be_visible()


def test_in_the_drawn_form_change_works_before_the_live_form_is_there(visit, site_url):
    """The form drawn at build time has the summary too; a Change pressed there is pressed again in
    the live form, which takes focus to the question."""
    v = visit(**DESKTOP)
    page = v.page
    page.goto(f"{site_url}/checklists/{TEXT.id}.html")
    drawn = page.locator(".static-widget[data-drawn]")
    expect(drawn.locator(".dpup-check-answers")).to_have_count(1)
    target = visible_items(TEXT, {})[2]
    change_link(page, TEXT, target).click()
    expect(drawn).to_have_count(0)
    expect(node(page, TEXT, target).locator("textarea")).to_be_focused()
    expect(page.get_by_role("link", name="Back to Check your answers")).to_be_attached()
    assert v.real_errors() == []


def test_in_voila_the_summary_follows_the_answers_and_change_works(visit, voila_url):
    tool = load_checklist(ROOT / "checklists" / "before-you-ask.yml")
    page = open_app(visit, voila_url, f"checklists/{tool.id}.ipynb").page
    first, second = visible_items(tool, {})[:2]
    node(page, tool, first).get_by_role("radio").first.check()
    expect(row(page, tool, first).locator(".dpup-summary-answer")).to_have_text(
        node(page, tool, first).locator("input:checked + span").inner_text())
    expect(row(page, tool, second).locator(".dpup-summary-answer")).to_have_text("Not answered yet")
    change_link(page, tool, second).focus()
    page.keyboard.press("Enter")
    expect(node(page, tool, second).get_by_role("radio").first).to_be_focused()
    expect_clear_of_the_bar(page)
    page.get_by_role("link", name="Back to Check your answers").click()
    expect(change_link(page, tool, second)).to_be_focused()
