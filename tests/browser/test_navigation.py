"""Finding your way around the site as a visitor does: the menu on a phone and a tablet, the
landing page's routes by role, copyable section links, links into a tool's sections, search
without macrons, link previews, and a header that holds only what readers use."""
import re
from urllib.parse import unquote

import pytest
import yaml
from playwright.sync_api import expect

from dpup_toolkit.site import publishing

from ..conftest import ROOT

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
ROLES = {
    "I work at the front line": "book/roles/front-line.html",
    "I lead or manage front-line services": "book/roles/team-leaders.html",
    "I fund, contract or partner": "book/roles/funders-and-partners.html",
    "I develop policies, services or programmes": "book/roles/policy-and-service-design.html",
    "I do analysis, research or evaluation": "book/roles/analysis-and-research.html",
}
TOOL = "checklists/purpose-statement.html"


def open_page(visit, site_url, path, **options):
    v = visit(**options)
    v.page.goto(f"{site_url}/{path}", wait_until="load")
    v.page.wait_for_load_state("networkidle")
    return v


def visible(page, selector):
    """The one element matching `selector` that can be seen at this screen size."""
    shown = [e for e in page.locator(selector).all() if e.is_visible()]
    assert len(shown) == 1, f"{len(shown)} visible {selector}"
    return shown[0]


@pytest.mark.parametrize("width", [375, 800])
def test_the_menu_and_page_contents_open_on_a_phone_and_a_tablet(visit, site_url, width):
    page = open_page(visit, site_url, "book/roles/front-line.html",
                     viewport={"width": width, "height": 800}, has_touch=True).page
    visible(page, ".primary-toggle").tap()
    menu = page.locator("#pst-primary-sidebar-modal")
    assert menu.get_attribute("open") is not None
    for name in ("Start here", "Working at the front line", "The five Principles", "Glossary"):
        assert menu.get_by_role("link", name=name, exact=True).is_visible(), name
    page.keyboard.press("Escape")
    assert menu.get_attribute("open") is None

    visible(page, ".secondary-toggle").tap()
    contents = page.locator("#pst-secondary-sidebar-modal")
    assert contents.get_attribute("open") is not None
    assert contents.get_by_role("link", name="Principles in action").is_visible()
    contents.get_by_role("link", name="Principles in action").tap()
    assert page.evaluate("location.hash") == "#principles-in-action"

    visible(page, ".primary-toggle").tap()
    menu.get_by_role("link", name="DPUP and the law").tap()
    page.wait_for_url("**/book/dpup-and-the-law.html")


def test_the_landing_page_routes_by_role_from_the_first_screen(visit, site_url):
    v = open_page(visit, site_url, "book/index.html", viewport={"width": 375, "height": 740})
    page = v.page
    first_card = page.locator(".sd-card", has=page.get_by_role("link", name="I work at the front line", exact=True))
    assert first_card.is_visible() and first_card.bounding_box()["y"] < 740  # on the first screen
    for name, path in {**ROLES, "Check a piece of work": TOOL, "Running a session": "book/workshop/facilitator-guide.html"}.items():
        link = page.get_by_role("link", name=name, exact=True)
        assert link.get_attribute("href").split("#")[0].endswith(path.removeprefix("book/")), name
    title = page.get_by_text("I lead or manage front-line services →").bounding_box()
    page.mouse.click(title["x"] + 10, title["y"] + title["height"] / 2)  # anywhere on the card
    page.wait_for_url("**/book/roles/team-leaders.html")


def test_the_sidebar_lists_the_roles_open_in_reading_order(visit, site_url):
    page = open_page(visit, site_url, "book/principles/index.html", viewport={"width": 1280, "height": 900}).page
    sidebar = page.locator("nav.bd-docs-nav")
    captions = [c.strip() for c in sidebar.locator("p.caption").all_inner_texts()]
    assert captions[:3] == ["Get started", "Guides for your role", "The policy"]
    assert captions.index("Background") > captions.index("The policy")
    roles = sidebar.locator("p.caption:has-text('Guides for your role') + ul > li > a")
    assert roles.all_inner_texts() == ["Find your role", "Working at the front line",
                                       "Leading or managing front-line services", "Funding, contracting or partnering",
                                       "Developing policies, services or programmes", "Analysis, research or evaluation"]
    assert all(link.is_visible() for link in roles.all())  # open without pressing anything
    background = sidebar.locator("p.caption:has-text('Background') + ul a")
    assert background.all_inner_texts() == ["Why DPUP exists"]


def test_no_part_of_the_sidebar_repeats_its_caption_as_its_first_page(visit, site_url):
    page = open_page(visit, site_url, "checklists/index.html", viewport={"width": 1280, "height": 900}).page
    sidebar = page.locator("nav.bd-docs-nav")
    parts = sidebar.locator("p.caption")
    pairs = [(parts.nth(i).inner_text().strip(), sidebar.locator("p.caption + ul").nth(i).locator("a").first.inner_text().strip())
             for i in range(parts.count())]
    assert [caption for caption, first in pairs if caption.casefold() == first.casefold()] == []
    assert ("Put DPUP into practice", "Tools") in pairs and ("Learn from examples", "Case studies") in pairs


def copy_link_button(page, heading):
    return page.locator(f"article h2:has-text('{heading}') a.dpup-heading-link")


def test_every_heading_has_a_link_that_copies_on_a_desktop_and_a_phone(visit, site_url):
    v = open_page(visit, site_url, "book/roles/front-line.html", viewport={"width": 1280, "height": 800},
                  permissions=["clipboard-read", "clipboard-write"])
    page = v.page
    button = copy_link_button(page, "Principles in action")
    page.mouse.move(0, 0)
    expect(button).to_be_visible()  # found without hovering
    assert float(button.evaluate("e => getComputedStyle(e).opacity")) == 1
    button.focus()
    assert button.get_attribute("aria-label") == "Copy a link to this section: Principles in action"
    page.keyboard.press("Enter")
    copied = page.locator("article h2:has-text('Principles in action') .dpup-link-copied")
    # The copy finishes a moment later (the clipboard answers asynchronously): wait for what a person sees.
    expect(copied).to_have_text("Link copied")
    expect(copied).to_be_visible()
    expect(page.locator("[role=status]", has_text="Link copied")).to_have_count(1)  # said to screen readers
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}/book/roles/front-line.html#principles-in-action"

    phone = open_page(visit, site_url, "book/roles/front-line.html", viewport={"width": 375, "height": 740},
                      has_touch=True, is_mobile=True).page
    on_phone = copy_link_button(phone, "In brief")
    assert float(on_phone.evaluate("e => getComputedStyle(e).opacity")) == 1  # no hover on a touch screen
    assert on_phone.bounding_box()["width"] >= 24


def test_a_link_to_a_section_inside_a_tool_scrolls_there_once_the_tool_has_drawn(visit, site_url):
    section = "dpup-purpose-statement-section-choices-and-transparency"
    page = open_page(visit, site_url, f"{TOOL}#{section}", viewport={"width": 1280, "height": 800}).page
    target = page.locator(f"#{section}")
    target.wait_for()
    page.wait_for_function("id => { const top = document.getElementById(id).getBoundingClientRect().top;"
                           " return top >= 0 && top < innerHeight / 2; }", arg=section)
    assert page.evaluate("scrollY") > 800  # the section is well down the page


@pytest.mark.parametrize("typed, written", [("whanau", "whānau"), ("tangata", "Tāngata"), ("maori", "Māori")])
def test_search_finds_words_typed_without_macrons(visit, site_url, typed, written):
    quotes = {}

    def results(query):
        page = open_page(visit, site_url, f"search.html?q={query}").page
        page.wait_for_function("() => document.querySelector('#search-results .search-summary')"
                               "?.innerText.includes('Search finished')")
        quotes[query] = page.locator("#search-results p.context").all_inner_texts()
        return set(page.locator("#search-results ul.search > li > a").evaluate_all(
            "links => links.map(a => a.getAttribute('href').split('#')[0])"))
    found = results(typed)
    assert len(found) >= 2, f"{typed!r} found only {found}"
    assert found == results(written)
    # Each result quotes the page where the word is, macrons and all.
    assert sum(written.lower() in quote.lower() for quote in quotes[typed]) >= 2, quotes[typed]


def test_pages_have_link_previews_and_the_landing_title_says_the_name_once(visit, site_url):
    page = open_page(visit, site_url, "book/index.html").page
    assert page.title() == CONFIG["title"]
    meta = lambda key: page.locator(f'meta[property="{key}"], meta[name="{key}"]').get_attribute("content")  # noqa: E731
    assert meta("og:title") == CONFIG["title"]
    assert meta("og:site_name") == CONFIG["title"]
    assert meta("og:url").endswith("/book/index.html")
    assert meta("description").startswith("This toolkit helps you use people")
    assert meta("og:description") == meta("description")
    assert page.locator('meta[property="og:image"]').count() == 0  # nothing to fetch from elsewhere

    role = open_page(visit, site_url, "book/roles/front-line.html").page
    assert role.title() == f"Working at the front line — {CONFIG['title']}"
    description = role.locator('meta[name="description"]').get_attribute("content")
    assert description.startswith("This guide is for people who work directly with service users")
    assert 50 < len(description) <= 200 and description.endswith(".")


def test_wordmark_favicon_last_updated_and_a_feedback_route(visit, site_url):
    v = open_page(visit, site_url, "book/index.html", viewport={"width": 1280, "height": 800})
    page = v.page
    logo = page.locator(".navbar-brand img.logo__image").first
    assert logo.is_visible() and logo.evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.locator(".navbar-brand .logo__title").inner_text() == CONFIG["title"]
    icon = page.locator('link[rel="icon"]').get_attribute("href")
    assert page.request.get(f"{site_url}/book/{icon}").ok
    assert re.fullmatch(r"Last updated on \d{1,2} [A-Z][a-z]+ 20\d\d\.",
                        page.locator("footer .last-updated").inner_text().strip())
    assert v.real_errors() == []  # no 404 for the icon or the wordmark

    # Feedback goes where the build says (publishing.py): an email address if one is given (no
    # account needed), else a new issue on GitHub (an account needed, and the page says so).
    about = open_page(visit, site_url, "book/about.html").page
    found = publishing.settings(ROOT)
    section = about.locator("#giving-feedback")
    if found.feedback_email:
        feedback = section.get_by_role("link", name=found.feedback_email)
        assert unquote(feedback.get_attribute("href")).startswith(f"mailto:{found.feedback_email}")
        expect(section).to_contain_text("You do not need an account anywhere to do this.")
    else:
        feedback = section.get_by_role("link", name="GitHub", exact=True)
        assert feedback.get_attribute("href") == f"{found.issues_url()}/new?template=suggest-a-change.yml"
        expect(section).to_contain_text(re.compile(r"use the .Suggest a change. link at the foot of any page"))
        expect(section).to_contain_text("where you need a free account")


def test_h2_is_heavier_than_h3_and_headings_fit_a_phone(visit, site_url):
    page = open_page(visit, site_url, "book/roles/front-line.html", viewport={"width": 375, "height": 740}).page
    style = lambda selector, prop: page.locator(selector).first.evaluate(  # noqa: E731
        f"e => parseFloat(getComputedStyle(e).{prop})")
    assert style("article h2", "fontWeight") >= style("article h3", "fontWeight") + 200
    assert style("article h2", "fontSize") > style("article h3", "fontSize")
    assert style("article h1", "fontSize") <= 32
    widths = page.locator("article :is(h1, h2, h3)").evaluate_all(
        "hs => hs.map(h => h.getBoundingClientRect().right)")
    assert max(widths) <= 375


def test_the_header_holds_only_what_readers_use_and_binder_is_labelled_plainly(visit, site_url):
    page = open_page(visit, site_url, TOOL, viewport={"width": 1280, "height": 800}).page
    header = page.locator(".bd-header-article")
    assert header.locator(".dropdown-download-buttons, .dropdown-launch-buttons").count() == 0
    assert header.locator('[onclick*="FullScreen"], a[href*="github.com"], a[href*="binder"]').count() == 0
    source = page.locator("footer").get_by_role("link", name="View source")
    assert source.get_attribute("href") == publishing.settings(ROOT).repository_url

    # The page ends in plain words: "More options" (the tool's own heading, Compare under it), then
    # the Binder links, folded until asked for.
    other_ways = page.locator("section#other-ways-to-run-this-tool")
    assert page.locator("article h2").last.inner_text().startswith("More options")
    assert other_ways.locator("h2").count() == 0
    links = other_ways.locator('a[href^="https://mybinder.org/"]')
    expect(links.first).to_be_hidden()
    other_ways.locator("summary", has_text="Other ways to run this tool").click()
    expect(links.first).to_be_visible()
    words = other_ways.inner_text()
    assert "public service" in words and "Do not enter real information about people there." in words
    assert links.all_inner_texts() == ["Open this tool as an app on Binder (Voila)", "Open this tool in JupyterLab on Binder"]
    assert page.locator('a[href*="mybinder.org"]').count() == 2  # nowhere else on the page
