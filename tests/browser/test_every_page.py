"""Guards that run over every page of the built site: nothing is fetched from another host,
and axe-core finds no serious or critical accessibility problem."""
import pytest

from ..conftest import SITE
from .conftest import serious_accessibility_problems
SKIP_FOLDERS = {"_static", "_sources", "vendor", "_images", "reports"}


def built_pages():
    if not SITE.exists():
        return ["(site not built)"]
    return sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html")
                  if not SKIP_FOLDERS & set(p.relative_to(SITE).parts))


PAGES = built_pages()


def test_the_site_has_every_page_of_the_toc():
    assert len(PAGES) >= 25, PAGES


def open_page(visit, site_url, path):
    v = visit()
    response = v.page.goto(f"{site_url}/{path}", wait_until="load")
    assert response.ok, f"{path}: HTTP {response.status}"
    if v.page.locator('script[type="application/vnd.jupyter.widget-state+json"]').count():
        v.page.wait_for_selector(".dpup-checklist", timeout=20_000)
    v.page.wait_for_load_state("networkidle")
    return v


@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_the_site(visit, site_url, path):
    v = open_page(visit, site_url, path)
    assert v.external == [], f"{path} asked other hosts for: {v.external}"
    assert v.real_errors() == [], f"{path} logged errors: {v.real_errors()}"


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_problem(visit, site_url, path):
    v = open_page(visit, site_url, path)
    assert serious_accessibility_problems(v.page) == [], path
