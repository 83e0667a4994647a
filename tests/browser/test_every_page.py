"""Guards that run over every page of the built site: nothing is fetched from another host,
the page's Content-Security-Policy holds, axe-core finds no accessibility problem of any impact,
and the page fits a 375 px phone and text at 200% without sideways scrolling."""
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


@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_the_site_and_the_security_policy_holds(visit, site_url, path):
    v = open_page(visit, site_url, path)
    assert v.external == [], f"{path} asked other hosts for: {v.external}"
    assert v.page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert v.page.evaluate("window.cspViolations") == []
    assert v.real_errors() == [], f"{path} logged errors: {v.real_errors()}"


def sideways_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("path", PAGES)
def test_fits_a_phone_and_text_at_200_percent(visit, site_url, path):
    v = open_page(visit, site_url, path, viewport={"width": 375, "height": 740})
    assert sideways_overflow(v.page) <= 0, f"{path} scrolls sideways on a 375 px phone"
    # Text resized to 200% on a 1280 px screen: the layout reflows instead of spilling sideways.
    v.page.set_viewport_size({"width": 1280, "height": 800})
    v.page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert sideways_overflow(v.page) <= 0, f"{path} scrolls sideways with text at 200%"


@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_problem(visit, site_url, path):
    v = open_page(visit, site_url, path, bypass_csp=True)  # to let the test inject axe-core
    assert accessibility_problems(v.page) == [], path


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
