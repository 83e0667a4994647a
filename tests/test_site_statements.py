"""The site's own accessibility and privacy statements (New Zealand Web Usability Standard): two
pages under Reference, linked from the footer of every built page."""
from bs4 import BeautifulSoup

from .conftest import SITE
from .site_manifest import toc_pages

STATEMENTS = {"book/accessibility.html": "Accessibility statement", "book/privacy.html": "Privacy statement"}
SKIP_FOLDERS = {"_static", "_sources", "widgets", "_images", "reports"}


def test_the_statements_are_pages_of_the_book():
    pages = toc_pages()
    for path in STATEMENTS:
        assert path in pages, path


def test_every_page_links_to_both_statements_from_its_footer():
    built = [p for p in SITE.rglob("*.html") if not SKIP_FOLDERS & set(p.relative_to(SITE).parts)]
    assert len(built) >= 25
    for path in built:
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if html.select_one('meta[http-equiv="refresh"]'):
            continue  # a redirect, not a page
        links = {a.get_text(strip=True): (path.parent / a["href"]).resolve() for a in html.select("footer a[href]")}
        for target, name in STATEMENTS.items():
            assert links.get(name) == (SITE / target).resolve(), f"{path.relative_to(SITE)}: no footer link to {name}"
