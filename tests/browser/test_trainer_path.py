"""A trainer preparing a session, in Chromium on the static site, on a 375 px phone and a
1280 px screen, light and dark: the home page leads to the facilitator guide; the paper quiz keeps
its answers off the question pages; the facilitator's run sheet fills the first sheet; the links
page prints what is handed out and shows a group's QR codes large on screen; every heading the
home page promises, the links page's groups and a tool's sections among them, has a copy-link
button found without hovering; search puts the page whose title matches first."""
import io
import unicodedata

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from dpup_toolkit import load_checklist

from ..conftest import ROOT
from .conftest import accessibility_problems, live

SCREENS = {"phone": {"viewport": {"width": 375, "height": 740}, "has_touch": True, "is_mobile": True},
           "desktop": {"viewport": {"width": 1280, "height": 800}}}
QUIZ = load_checklist(ROOT / "checklists" / "dpup-quiz.yml")
QUESTIONS = [item for item in QUIZ.items if item.kind == "choice" and item.correct]


def open_page(visit, site_url, path, screen="desktop", scheme="light", **options):
    v = visit(**SCREENS[screen], color_scheme=scheme, **options)
    v.page.goto(f"{site_url}/{path}")
    v.page.wait_for_load_state("networkidle")
    return v


def printed_pages(page):
    """The text of each A4 page, without its spaces and line breaks (so wrapped lines still match)."""
    return [squeeze(p.extract_text()) for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]


def squeeze(text):
    return "".join(unicodedata.normalize("NFKC", text).split())  # NFKC: the PDF's "ﬁ" ligatures


@pytest.mark.parametrize("screen", SCREENS)
def test_running_a_session_leads_to_the_facilitator_guide(visit, site_url, screen):
    page = open_page(visit, site_url, "book/index.html", screen).page
    card_title = page.get_by_text("Running a session? →")
    card_title.scroll_into_view_if_needed()
    box = card_title.bounding_box()
    page.mouse.click(box["x"] + 10, box["y"] + box["height"] / 2)  # anywhere on the card
    page.wait_for_url("**/book/workshop/facilitator-guide.html")
    # The slides are not on this site: the guide says so and where to look, as a link that goes somewhere.
    slides = page.locator("li", has_text="Get the slides.")
    expect(slides).to_contain_text("This site does not hold a copy.")
    assert slides.get_by_role("link").get_attribute("href").startswith("https://")


def test_the_paper_quiz_prints_its_answers_on_a_page_of_their_own(visit, site_url):
    page = open_page(visit, site_url, "book/workshop/handouts/quiz.html").page
    pages = printed_pages(page)
    answers = [i for i, text in enumerate(pages) if text.startswith("Answers")]
    assert answers == [len(pages) - 1], [text[:40] for text in pages]
    questions = "".join(pages[:-1])
    for item in QUESTIONS:
        assert squeeze(item.prompt) in questions, item.id
        assert squeeze(item.prompt) not in pages[-1], f"{item.id} shares a page with the answers"
    assert "Answers" not in questions


def test_the_facilitators_run_sheet_fills_the_first_sheet(visit, site_url):
    """The theme keeps a table whole, so a table that did not fit under its heading went to page 2
    and left page 1 half empty: it starts on page 1 and runs on row by row."""
    page = open_page(visit, site_url, "book/workshop/handouts/facilitator.html").page
    first = printed_pages(page)[0]
    assert "Contents" not in first
    assert squeeze("Starts at (90)") in first and squeeze("What we will cover 5 0:10 5 0:05") in first


def test_the_links_page_prints_what_a_trainer_hands_out_in_a_few_pages(visit, site_url):
    page = open_page(visit, site_url, "book/workshop/links.html").page
    pages = printed_pages(page)
    text = "".join(pages)
    assert len(pages) <= 3, len(pages)  # it was 16
    blocks = page.locator(".trainer-group.trainer-printed li.trainer-link pre").all_inner_texts()
    assert len(blocks) >= 15
    for url in blocks:
        assert squeeze(url) in text
    # The chapters list stays on screen.
    chapter = page.locator("#show-chapters-learn-from-examples li.trainer-link pre").first.inner_text()
    assert squeeze(chapter) not in text


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", SCREENS)
def test_a_group_of_links_shows_its_qr_codes_large_on_screen(visit, site_url, screen, scheme):
    v = open_page(visit, site_url, "book/workshop/links.html", screen, scheme, bypass_csp=True)  # to inject axe
    page = v.page
    group = page.locator("#show-block-the-journey")
    group.get_by_role("link", name="Show these codes large on screen").click()
    expect(group.get_by_role("link", name="Close the large view")).to_be_visible()
    size = page.viewport_size
    box = group.bounding_box()
    assert (box["x"], box["y"], box["width"]) == (0, 0, size["width"])  # fills the screen
    assert box["height"] == size["height"]
    first = group.locator("li.trainer-link").first
    code = first.locator("svg.segno")
    assert code.bounding_box()["width"] >= min(300, size["width"] - 60)  # it was 123-135 px
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(code.screenshot())))
    assert [c.text for c in found] == [first.locator("pre").inner_text().strip()]
    assert accessibility_problems(page) == []
    group.get_by_role("link", name="Close the large view").click()
    expect(group.get_by_role("link", name="Close the large view")).to_be_hidden()
    assert group.bounding_box()["width"] < size["width"]
    assert v.real_errors() == [] and v.external == []


def heading(page, section_id):
    """The heading of a section: Sphinx puts the id on the section, a page's own code on the heading."""
    return page.locator(f"article :is(section[id='{section_id}'] > :is(h2, h3), :is(h2, h3)[id='{section_id}'])")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path, heading_id", [
    ("book/workshop/links.html", "block-the-journey"),
    ("book/workshop/links.html", "sections-for-each-block"),
    ("checklists/dpup-quiz.html", "dpup-dpup-quiz-section-the-guidelines"),
    ("book/roles/front-line.html", "principles-in-action"),
])
def test_a_heading_link_is_found_without_hovering_and_copies(visit, site_url, path, heading_id, screen, scheme):
    v = open_page(visit, site_url, path, screen, scheme, permissions=["clipboard-read", "clipboard-write"])
    page = v.page
    if page.locator(".dpup-checklist").count():
        live(page)
    button = heading(page, heading_id).locator("a.dpup-heading-link")
    button.scroll_into_view_if_needed()
    if screen == "desktop":
        page.mouse.move(0, 0)
    expect(button).to_be_visible()
    assert float(button.evaluate("e => getComputedStyle(e).opacity")) == 1
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    title = heading(page, heading_id).evaluate("e => e.firstChild.textContent.trim()")
    assert button.get_attribute("aria-label") == f"Copy a link to this section: {title}"
    button.click()
    expect(heading(page, heading_id).locator(".dpup-link-copied")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}/{path}#{heading_id}"
    assert v.real_errors() == [] and v.external == []


def search(visit, site_url, query):
    page = open_page(visit, site_url, f"search.html?q={query}").page
    page.wait_for_function("() => document.querySelector('#search-results .search-summary')"
                           "?.innerText.includes('Search finished')")
    return page


@pytest.mark.parametrize("query, first", [
    ("tangata", "book/principles/he-tangata.html"),
    ("Tāngata", "book/principles/he-tangata.html"),
    ("manaakitanga", "book/principles/manaakitanga.html"),
    ("kaitiakitanga", "book/principles/kaitiakitanga.html"),
    ("glossary", "book/glossary.html"),
])
def test_search_puts_the_page_whose_title_matches_first(visit, site_url, query, first):
    page = search(visit, site_url, query)
    links = page.locator("#search-results ul.search > li > a")
    assert links.first.get_attribute("href").split("#")[0].split("?")[0] == first


@pytest.mark.parametrize("typed", ["whanau", "whānau", "mana whakahaere"])
def test_search_finds_the_glossary_entry_with_or_without_macrons(visit, site_url, typed):
    page = search(visit, site_url, typed)
    hrefs = page.locator("#search-results ul.search > li > a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert any(h.startswith("book/glossary.html#term-") for h in hrefs), hrefs


def test_search_results_quote_the_page_text_not_its_contents_list(visit, site_url):
    page = search(visit, site_url, "kaitiakitanga")
    quotes = page.locator("#search-results p.context").all_inner_texts()
    assert quotes
    assert not any(q.lstrip("…").startswith("Contents") for q in quotes), quotes[:3]
    # The quote of the page found is its own words: its "In brief", not its list of headings.
    assert "In brief" in quotes[0] and "guardian" in quotes[0].lower(), quotes[0]
