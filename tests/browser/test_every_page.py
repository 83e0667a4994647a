"""Guards that run over every page of the built site: nothing is fetched from another host,
the page's Content-Security-Policy holds, axe-core finds no accessibility problem of any impact
in the light and the dark colour mode, and the page fits a 375 px phone and text at 200% without
sideways scrolling."""
import pytest

from ..conftest import SITE
from ..helpers import SLOW
from .conftest import accessibility_problems

SKIP_FOLDERS = {"_static", "_sources", "widgets", "_images", "reports"}


def built_pages():
    if not SITE.exists():
        return ["(site not built)"]
    return sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html")
                  if not SKIP_FOLDERS & set(p.relative_to(SITE).parts))


PAGES = built_pages()


def test_the_site_has_every_page_of_the_toc():
    assert len(PAGES) >= 25, PAGES


def open_page(visit, site_url, path, **options):
    v = visit(**options)
    response = v.page.goto(f"{site_url}/{path}", wait_until="load")
    assert response.ok, f"{path}: HTTP {response.status}"
    if path == "index.html":  # the site root forwards to the landing page
        v.page.wait_for_url(f"{site_url}/book/index.html")
    if v.page.locator('script[type="application/vnd.jupyter.widget-state+json"]').count():
        v.page.wait_for_selector(".dpup-checklist", timeout=SLOW)
    v.page.wait_for_load_state("networkidle")
    return v


def sideways_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def colour_mode(page, scheme):
    """The reader's system colour mode is `scheme` (the site follows it until they pick one):
    axe-core's findings once the page has followed."""
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function("(scheme) => document.documentElement.dataset.theme === scheme", arg=scheme)
    # Colours fade to the new mode: check them once they are there, as a reader sees them.
    page.evaluate("""() => Promise.all(document.getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished))""")
    return accessibility_problems(page)


@pytest.mark.parametrize("path", PAGES)
def test_the_page_is_private_secure_fits_a_phone_and_passes_axe_in_both_colour_modes(visit, site_url, path):
    """One visit per page; every check runs whatever another finds, and all are reported together.
    Half the pages open in the dark colour mode and switch to light, half the other way: both ways
    of arriving at a mode are tried across the site, and every page is checked in both."""
    first, then = ("light", "dark") if PAGES.index(path) % 2 == 0 else ("dark", "light")
    v = open_page(visit, site_url, path, viewport={"width": 375, "height": 740}, color_scheme=first)
    page = v.page
    problems = {"scrolls sideways on a 375 px phone": sideways_overflow(page) > 0}
    # Text resized to 200% on a 1280 px screen: the layout reflows instead of spilling sideways.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    problems["scrolls sideways with text at 200%"] = sideways_overflow(page) > 0
    page.evaluate("document.documentElement.style.fontSize = ''")
    problems[f"axe-core ({first} mode)"] = colour_mode(page, first)
    problems[f"axe-core ({then} mode)"] = colour_mode(page, then)
    problems["asked other hosts for"] = v.external
    problems["Content-Security-Policy tags (one expected)"] = (
        page.locator('meta[http-equiv="Content-Security-Policy"]').count() != 1)
    problems["Content-Security-Policy violations"] = page.evaluate("window.cspViolations")
    problems["logged errors"] = v.real_errors()
    assert {what: found for what, found in problems.items() if found} == {}, path


@pytest.mark.parametrize("path", ["book/index.html", "book/roles/front-line.html", "checklists/purpose-statement.html"])
def test_the_first_tab_offers_a_visible_skip_link_to_the_content(visit, site_url, path):
    page = open_page(visit, site_url, path).page
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text().strip() == "Skip to main content"
    assert skip.is_visible() and skip.bounding_box()["height"] > 10
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"
    landmarks = page.evaluate("[...document.querySelectorAll('main, nav, header, footer, [role=region]')].length")
    assert landmarks >= 4
