"""The theme's controls a reader uses, now that the theme's files load as a few small ones and
Bootstrap's script is gone (src/dpup_toolkit/site/bundle.py): the header buttons' tooltips, the colour
mode switch (kept across pages, with no flash of the other mode), "Back to top", and search
words highlighted on the page a search result opens."""
import pytest
from playwright.sync_api import expect

from ..helpers import SLOW
from . import test_navigation as navigation
from .test_navigation import visible

PAGE = "book/guidelines/purpose-matters.html"


def open_page(visit, site_url, path=PAGE, **options):
    return navigation.open_page(visit, site_url, path, **options).page


def test_header_buttons_show_their_tooltip_on_hover_and_focus_and_escape_hides_it(visit, site_url):
    page = open_page(visit, site_url, viewport={"width": 1280, "height": 800})
    switch = visible(page, ".theme-switch-button")
    switch.hover()
    tip = page.get_by_role("tooltip")
    expect(tip).to_have_text("Colour mode")
    assert switch.get_attribute("aria-describedby") == tip.get_attribute("id")
    box, button = tip.bounding_box(), switch.bounding_box()
    assert box["y"] >= button["y"] + button["height"] - 1  # below the button, not over it
    page.mouse.move(600, 600)
    expect(tip).to_have_count(0)

    toggle = visible(page, ".primary-toggle")
    toggle.focus()
    expect(page.get_by_role("tooltip")).to_have_text("Toggle primary sidebar")
    # The browser's own tooltip does not show as well, and the button keeps its name.
    assert toggle.get_attribute("title") is None
    expect(page.get_by_role("button", name="Toggle primary sidebar").first).to_be_attached()
    page.keyboard.press("Escape")
    expect(page.get_by_role("tooltip")).to_have_count(0)


def test_colour_mode_switches_and_the_next_page_opens_in_it(visit, site_url):
    v = visit(viewport={"width": 1280, "height": 800}, color_scheme="light")
    page = v.page
    page.goto(f"{site_url}/{PAGE}", wait_until="load")
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    switch = visible(page, ".theme-switch-button")
    for _ in range(3):  # light, dark, then the system's setting
        if page.evaluate("document.documentElement.dataset.mode") == "dark":
            break
        switch.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert dark != light
    # The next page is dark from its first paint: the mode is set before any stylesheet loads.
    page.add_init_script("""document.addEventListener('readystatechange', () => {
        if (!window.firstMode) window.firstMode = document.documentElement.dataset.theme; });""")
    page.goto(f"{site_url}/book/start-here.html", wait_until="load")
    assert page.evaluate("window.firstMode") == "dark"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == dark


def test_back_to_top_shows_when_scrolling_up_and_takes_the_reader_to_the_top(visit, site_url):
    # The book theme shows it below 1200 px (wider screens keep the page contents in view).
    page = open_page(visit, site_url, viewport={"width": 1000, "height": 600})
    button = page.get_by_role("button", name="Back to top")
    page.mouse.move(500, 300)
    page.mouse.wheel(0, 2000)
    page.wait_for_function("() => scrollY > 1000")  # a function: a bare expression would need eval, which the CSP blocks
    expect(button).to_be_hidden()
    page.mouse.wheel(0, -300)
    expect(button).to_be_visible()
    button.click()
    page.wait_for_function("() => scrollY === 0")


def test_back_to_top_never_covers_a_tool_on_a_phone(visit, site_url):
    # On a phone the pill sat over the field being typed in when the reader scrolled up to re-read;
    # on a tool page it stays away altogether (the tool's own bar leads to every section).
    page = open_page(visit, site_url, "checklists/purpose-statement.html", viewport={"width": 375, "height": 700},
                     has_touch=True, is_mobile=True)
    button = page.get_by_role("button", name="Back to top")
    note = page.get_by_role("textbox", name="What are you checking?")
    note.fill("Enrolment form")  # the field has focus, as it does while the keyboard is open
    # Each scroll is let through two frames before the next, so the page sees it as its own move
    # (scroll events that fall in one frame arrive as one).
    scroll = "(by) => new Promise((done) => { scrollBy(0, by); requestAnimationFrame(() => requestAnimationFrame(done)); })"
    page.evaluate(scroll, 3000)
    page.evaluate(scroll, -300)
    expect(button).to_be_hidden()
    page.get_by_role("heading", name="Keep a record").click()  # done typing: focus leaves the field
    page.evaluate(scroll, 0)
    page.evaluate(scroll, -300)
    expect(button).to_be_hidden()
    page.goto(f"{site_url}/book/why-dpup.html")  # a plain page still offers it when scrolled back up
    page.evaluate(scroll, 3000)
    page.evaluate(scroll, -300)
    expect(page.get_by_role("button", name="Back to top")).to_be_visible()


def test_a_search_result_opens_with_the_words_highlighted(visit, site_url):
    page = open_page(visit, site_url, "book/principles/kaitiakitanga.html?highlight=kaitiaki")
    expect(page.locator("article.bd-article span.highlighted").first).to_be_visible()
    assert "highlight" not in page.url  # the address is clean again (bundle.PATCHES keeps this)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_first_visit_paints_in_the_system_colour_mode_before_the_theme_script_runs(visit, site_url, scheme):
    # theme/templates/layout.html: with nothing stored yet, the page once painted with none of the
    # theme's colours (and both logos) until the site's script had worked out the colour mode.
    v = visit(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = v.page
    held = []
    page.route("**/site/dpup.js*", lambda route: route.continue_() if held else held.append(route))  # the first only
    page.add_init_script("""new MutationObserver((records) => {  // a value set again unchanged is not a change
            const changed = records.filter((record) => record.oldValue !== record.target.dataset.theme);
            window.themeChanges = (window.themeChanges || 0) + changed.length;
        }).observe(document, {subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ["data-theme"]});""")
    page.goto(f"{site_url}/book/start-here.html", wait_until="commit")
    try:
        # The page is read and styled; the script it waits for is held back.
        page.wait_for_function("""() => document.readyState === "interactive"
            && document.querySelector("link[rel=stylesheet]").sheet""", timeout=SLOW)
        assert held, "the site's script was not asked for"
        painted = page.evaluate("[document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor]")
        assert painted[0] == scheme
        expect(page.locator(f".navbar-brand .logo__image.only-{scheme}").first).to_be_visible()
        other = "dark" if scheme == "light" else "light"
        expect(page.locator(f".navbar-brand .logo__image.only-{other}").first).to_be_hidden()
        page.evaluate("window.themeChanges = 0")
    finally:
        for route in held:
            route.continue_()
    page.wait_for_load_state("load")
    # The theme's script finds the mode already right: nothing to restyle.
    assert page.evaluate("[document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor]") == painted
    assert page.evaluate("window.themeChanges || 0") == 0
    assert page.evaluate("document.documentElement.dataset.mode") == "auto"
    assert v.real_errors() == []
