"""Nothing in a page's text moves once the page has painted: a reader who has started on the first
lines, or is about to tap something, does not see them jump when the page's script arrives and
finishes the page (copy-link buttons on headings, the theme's controls, a tool's waiting script).
On a slow connection a page paints before its script arrives; here the script is held until the
page has painted, so that order is certain, and where every heading, paragraph, list item and
field of the article sits is compared before the script runs and once the page is idle.
Lighthouse counts such moves as layout shifts (CLS)."""
import pytest

from dpup_toolkit import list_checklists

from ..conftest import ROOT, SITE

PLAIN_PAGES = ["book/start-here.html", "book/workshop/links.html", "book/glossary.html", "book/index.html",
               "case_studies/index.html", "checklists/index.html"]
# Case studies that run a tool: their filled-in example is drawn at build time too (prerender.py).
CASE_STUDIES = sorted(path.relative_to(SITE).as_posix() for path in (SITE / "case_studies").glob("*.html")
                      if "data-drawn=" in path.read_text(encoding="utf-8"))
TOOLS = [f"checklists/{tool.id}.html" for tool in list_checklists(ROOT / "checklists")]
SCREENS = {"phone": dict(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True, device_scale_factor=2),
           "laptop": dict(viewport={"width": 1280, "height": 800})}
WHERE_THE_TEXT_SITS = """() => [...document.querySelectorAll(
        "article.bd-article :is(h1, h2, h3, h4, h5, h6, p, li, dt, dd, fieldset, table, figure, details, pre)")]
    .map((element) => [element, element.getBoundingClientRect()])
    .filter(([, box]) => box.height > 0)
    .map(([element, box]) => [`${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 40)}"`,
                              Math.round(box.top * 4) / 4, Math.round(box.height * 4) / 4])"""


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path", PLAIN_PAGES + CASE_STUDIES + TOOLS)
def test_nothing_moves_once_the_page_has_painted(visit, site_url, path, screen):
    v = visit(**SCREENS[screen])
    page = v.page
    held = []
    page.route("**/site/dpup.js*", lambda route: held.append(route))
    page.goto(f"{site_url}/{path}", wait_until="commit")
    page.wait_for_function("() => performance.getEntriesByType('paint').length > 0")
    painted = page.evaluate(WHERE_THE_TEXT_SITS)
    assert len(held) == 1 and len(painted) > 3, "the page painted before its one script ran"
    held[0].fallback()
    page.wait_for_load_state("load")
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    finished = page.evaluate(WHERE_THE_TEXT_SITS)
    moved = [f"{what}: from y {before[1]}, {before[2]} px high, to y {y}, {height} px high"
             for before, (what, y, height) in zip(painted, finished) if before[1:] != [y, height]]
    assert moved[:3] == []
    assert len(finished) == len(painted)
    assert v.real_errors() == []
