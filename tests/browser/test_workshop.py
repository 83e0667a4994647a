"""A trainer's kit in Chromium on the static site: the quiz marks itself, links copy and their QR
codes scan, and each handout prints on one or two A4 pages."""
import io
import re

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from dpup_toolkit import load_checklist

from ..conftest import ROOT
from .conftest import accessibility_problems, live

QUIZ = load_checklist(ROOT / "checklists" / "dpup-quiz.yml")
QUESTIONS = [item for item in QUIZ.items if item.kind == "choice"]


def option(item, value):
    return next(o for o in item.options if o.value == value)


def question(page, item):
    return page.get_by_role("group", name=item.prompt, exact=True)


def test_the_quiz_marks_a_right_and_a_wrong_answer_and_keeps_the_score(visit, site_url):
    v = visit(bypass_csp=True)  # to let the test inject axe-core
    page = v.page
    page.goto(f"{site_url}/checklists/dpup-quiz.html")
    live(page)
    score = page.locator(".dpup-score")
    expect(score).to_have_text(f"0 of {len(QUESTIONS)} correct.")

    first, second, third = QUESTIONS[:3]
    right = option(first, first.correct)
    question(page, first).get_by_label(right.label, exact=True).check()
    feedback = question(page, first).locator(".dpup-guidance")
    expect(feedback).to_contain_text("Correct.")
    expect(feedback).to_contain_text(right.explanation)
    # Screen readers announce the marking and the score when they change.
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(score).to_have_attribute("aria-live", "polite")

    wrong = next(o for o in second.options if o.value != second.correct)
    question(page, second).get_by_label(wrong.label, exact=True).check()
    feedback = question(page, second).locator(".dpup-guidance")
    expect(feedback).to_contain_text(f"Not correct. The right answer is: {option(second, second.correct).label}.")
    expect(feedback).to_contain_text(wrong.explanation)
    expect(question(page, second).locator(".dpup-links a")).to_have_attribute("href", re.compile(r"\.html$"))
    expect(score).to_have_text(f"1 of {len(QUESTIONS)} correct.")

    # Keyboard only: the right answer to the third question, chosen with the arrow keys.
    radios = question(page, third).get_by_role("radio")
    radios.first.focus()
    page.keyboard.press("Space")
    for _ in range([o.value for o in third.options].index(third.correct)):
        page.keyboard.press("ArrowDown")
    expect(question(page, third).get_by_label(option(third, third.correct).label, exact=True)).to_be_checked()
    expect(score).to_have_text(f"2 of {len(QUESTIONS)} correct.")

    assert accessibility_problems(page) == []
    page.reload()
    live(page)
    expect(score).to_have_text(f"2 of {len(QUESTIONS)} correct.")
    assert v.real_errors() == [] and v.external == []


def test_the_quiz_feedback_region_is_on_the_page_before_the_first_answer(visit, site_url):
    """A screen reader announces a live region's change only if the region was there already: the
    feedback region is in the page (empty, taking no room) before anything is chosen."""
    page = visit().page
    page.goto(f"{site_url}/checklists/dpup-quiz.html")
    live(page)
    first = QUESTIONS[0]
    feedback = question(page, first).locator(".dpup-guidance")
    expect(feedback).to_have_count(1)
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(feedback).to_have_text("")
    shown = feedback.evaluate("""e => ({hidden: e.hidden, display: getComputedStyle(e).display,
        visibility: getComputedStyle(e).visibility, height: e.getBoundingClientRect().height})""")
    assert shown == {"hidden": False, "display": "block", "visibility": "visible", "height": 0}
    right = option(first, first.correct)
    question(page, first).get_by_label(right.label, exact=True).check()
    expect(feedback).to_have_text(f"Correct.{right.explanation}")
    assert feedback.evaluate("e => e.getBoundingClientRect().height") > 0


def open_links(visit, site_url):
    v = visit()
    v.context.grant_permissions(["clipboard-read", "clipboard-write"])
    v.page.goto(f"{site_url}/book/workshop/links.html")
    return v


def test_a_trainer_link_copies_with_its_button(visit, site_url):
    v = open_links(visit, site_url)
    page = v.page
    links = page.locator("li.trainer-link")
    for index in (0, links.count() - 1):  # a chapter, and a section with its anchor
        link = links.nth(index)
        url = link.locator("pre").inner_text().strip()
        link.get_by_role("button").click()
        assert page.evaluate("navigator.clipboard.readText()").strip() == url
    assert v.real_errors() == [] and v.external == []


def test_a_qr_code_scans_to_its_link(visit, site_url):
    page = open_links(visit, site_url).page
    links = page.locator("li.trainer-link")
    for index in (0, links.count() - 1):
        link = links.nth(index)
        image = Image.open(io.BytesIO(link.locator("svg.segno").screenshot()))
        found = zxingcpp.read_barcodes(image)
        assert [code.text for code in found] == [link.locator("pre").inner_text().strip()]


# Printed to A4 in Chromium: the number of pages each handout takes (one or two; the paper quiz
# two of questions, then its answers on a page of their own).
HANDOUT_PAGES = {
    "book/workshop/handouts/host.html": 2,
    "book/workshop/handouts/facilitator.html": 2,
    "book/workshop/handouts/presenter.html": 2,
    "book/workshop/handouts/quiz.html": 3,
    "book/workshop/handouts/front-line.html": 2,
    "book/workshop/handouts/team-leaders.html": 2,
    "book/workshop/handouts/funders-and-partners.html": 2,
    "book/workshop/handouts/policy-and-service-design.html": 2,
    "book/workshop/handouts/analysis-and-research.html": 2,
    "checklists/collaboration-assessor.html": 1,
    "checklists/our-organisation.html": 1,
}


@pytest.mark.parametrize("path, pages", HANDOUT_PAGES.items())
def test_each_handout_prints_on_one_or_two_a4_pages(visit, site_url, path, pages):
    page = visit().page
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == pages
    if "/handouts/" in path:  # no list of the headings below at the top of the sheet
        first = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        assert "Contents" not in first.split("In brief")[0], first[:200]


ORGANISATION = load_checklist(ROOT / "checklists" / "our-organisation.yml")


def test_the_host_fills_in_what_dpup_means_for_us_and_prints_it_on_one_or_two_pages(visit, site_url):
    v = visit(bypass_csp=True)  # to let the test inject axe-core
    page = v.page
    page.goto(f"{site_url}/checklists/our-organisation.html")
    live(page)
    summary = page.locator(".dpup-template-output")
    for item in ORGANISATION.items:
        field = page.get_by_role("textbox", name=item.prompt, exact=True)
        field.fill(item.example)
        field.blur()
    for item in ORGANISATION.items:
        expect(summary).to_contain_text(item.example)
    expect(summary.get_by_role("heading", name="Where to go for help")).to_have_count(1)
    assert accessibility_problems(page) == []
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == HANDOUT_PAGES["checklists/our-organisation.html"]
    assert v.real_errors() == [] and v.external == []


def test_exercise_answers_open_from_the_keyboard(visit, site_url):
    page = visit().page
    page.goto(f"{site_url}/book/workshop/exercises.html")
    dropdown = page.locator("section#a-time-you-felt-uncomfortable details.sd-dropdown")
    hidden = dropdown.get_by_text("Ask whether knowing why, and what would happen next")
    expect(hidden).to_be_hidden()
    dropdown.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(hidden).to_be_visible()
