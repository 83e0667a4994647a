"""Every page stays light: a page's total gzip transfer (HTML, CSS, JS, fonts, images)
is held to a budget, measured in Chromium against the site served gzip-compressed as a static host
would. Bytes do not vary between runs, so these are exact, not timing, checks."""
import re

import pytest

from benchmarks import weigh
from benchmarks.weigh import page_weights, serve_gzip
from dpup_toolkit import list_checklists
from dpup_toolkit.site.assets import NEEDED_FOR

from ..conftest import ROOT, SITE
from .test_drawn_forms import widget_code
from .test_every_page import PAGES

BUDGET = 250 * 1024  # bytes, gzip, a whole page with everything it loads
PLAIN_PAGE = "book/start-here.html"  # the same plain page `make bench` uses
# A tool page is within 1.1x a plain page, apart from the checklist's own text.
# It opens with its form drawn at build time (prerender.py); the widget's styles and the small
# script that waits are part of the site's one stylesheet and one script (bundle.py); the widget's
# code and the tool's data load when a person starts to use the form (test_drawn_forms.py), and
# parts of the code only when they are needed (front_end.py).
TOOL_RATIO = 1.1
LOGOS = ("/_static/wordmark.svg", "/_static/favicon.svg")
READY = ".dpup-checklist"  # drawn: every tool kind, including ones with only text fields


def is_tool(path):
    return 'type="application/vnd.jupyter.widget-state+json"' in (SITE / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def weights(browser):
    with serve_gzip(SITE) as base:
        weights = page_weights(browser, [(f"{base}/{path}", READY if is_tool(path) else None) for path in PAGES])
        return {path: weights[f"{base}/{path}"] for path in PAGES}


@pytest.mark.parametrize("path", PAGES)
def test_page_is_within_the_byte_budget(weights, path):
    files = weights[path]
    total = sum(files.values())
    heaviest = sorted(files.items(), key=lambda f: -f[1])[:5]
    assert total <= BUDGET, f"{path} transfers {total / 1024:.0f} KB gzip; heaviest: {heaviest}"


def own_words(path):
    return weigh.own_words(SITE / path)


def test_tool_pages_cost_little_more_than_a_plain_page(weights):
    # The tools (checklists/): everything a tool page loads beyond a plain page, apart from its
    # checklist's own text, is the engine's code, styles and runtime. Case studies are articles
    # (held to the budget above) that also run a tool.
    # The logos every page shows (the same two small files, the favicon asked for whenever the
    # browser gets to it) may or may not have arrived when a page goes quiet, by the machine's
    # load: each page is counted with both, at the size they transfer on any page.
    def is_logo(url):
        return url.split("?")[0].endswith(LOGOS)

    logos = {url.split("/_static/")[1].split("?")[0]: size
             for files in weights.values() for url, size in files.items() if is_logo(url)}
    assert len(logos) == len(LOGOS)

    def weight(files):
        return sum(size for url, size in files.items() if not is_logo(url)) + sum(logos.values())

    plain = weight(weights[PLAIN_PAGE])
    tools = {path: weight(files) - own_words(path) - plain
             for path, files in weights.items() if is_tool(path) and path.startswith("checklists/")}
    assert set(tools) == {f"checklists/{checklist.id}.html" for checklist in list_checklists(ROOT / "checklists")}
    assert {path: f"{(plain + extra) / plain:.3f}x" for path, extra in tools.items()
            if plain + extra > TOOL_RATIO * plain} == {}


def test_a_tool_page_opens_with_none_of_the_widgets_code(weights):
    # The form is drawn in the page; the runtime, the widget's module and the tool's data wait
    # until a person uses it (what then loads: test_drawn_forms.py).
    opened = {path: [url for url in files if widget_code(url)]
              for path, files in weights.items() if path.startswith("checklists/") and is_tool(path)}
    assert len(opened) == len(list_checklists(ROOT / "checklists"))
    assert {path: urls for path, urls in opened.items() if urls} == {}


def uses(path, names):
    """Whether the page's body has what an extension's files work on (assets.NEEDED_FOR)."""
    body = (SITE / path).read_text(encoding="utf-8")
    return all(pattern.search(body) for files, pattern in NEEDED_FOR if any(n in files for n in names))


def test_a_plain_page_and_a_tool_page_load_one_stylesheet_and_one_script(weights):
    # Every request a page waits for before its first paint costs time: a plain page asks for its
    # page, one stylesheet and one script (bundle.py), not thirteen files that queue, and a tool
    # page for nothing more before it is used (prerender.py); Bootstrap's 81 KB script is not
    # among them, and no stylesheet carries all of Bootstrap (the theme's stylesheet was 65 KB gzip).
    for path in (PLAIN_PAGE, "checklists/quick-check-in.html"):
        files = weights[path]
        code = sorted(url.split("/")[-1].split("?")[0] for url in files if re.search(r"\.(css|js)(\?|$)", url))
        assert code == ["dpup.css", "dpup.js"], path
        assert max(size for url, size in files.items() if ".css" in url) < 30 * 1024


def test_no_page_loads_the_icon_script_icon_fonts_or_unused_extensions(weights):
    never = ("fontawesome", "webfonts", "thebe", "bootstrap.js")
    only_where_used = {"clipboard": ("clipboard.min.js",), "copybutton": ("copybutton",),
                       "design-tabs": ("design-tabs.js",), "togglebutton": ("togglebutton",)}
    loaded = {path: [url for url in files if any(name in url for name in never)
                     or any(name in url and not uses(path, files_) for name, files_ in only_where_used.items())]
              for path, files in weights.items()}
    assert {path: urls for path, urls in loaded.items() if urls} == {}
    # Most pages use none of them: an extension that comes back everywhere would show here.
    assert sum(1 for files in weights.values() if any("togglebutton" in url or "copybutton" in url for url in files)) <= 3
    only_search = {path for path, files in weights.items() if any("searchindex.js" in url for url in files)}
    assert only_search == {"search.html"}


def test_one_search_box_on_a_wide_screen_and_ctrl_k_still_opens_search(visit, site_url):
    page = visit(viewport={"width": 1280, "height": 800}).page
    page.goto(f"{site_url}/book/start-here.html", wait_until="load")
    boxes = page.get_by_role("button", name="Search Ctrl + K")
    assert [boxes.nth(i).is_visible() for i in range(boxes.count())].count(True) == 1
    page.keyboard.press("Control+k")
    search = page.get_by_role("searchbox", name="Search this book...")
    search.wait_for(state="visible")
    search.fill("kaitiakitanga")
    search.press("Enter")
    page.wait_for_url("**/search.html?q=kaitiakitanga*")
    page.get_by_role("link", name="Kaitiakitanga").first.wait_for()


def test_every_icon_is_drawn_and_named_or_hidden(visit, site_url):
    page = visit().page
    page.goto(f"{site_url}/checklists/purpose-statement.html", wait_until="load")
    icons = page.evaluate("""[...document.querySelectorAll('svg.svg-inline--fa')].map(svg => ({
        icon: svg.dataset.icon, hidden: svg.getAttribute('aria-hidden') === 'true',
        named: !!svg.getAttribute('aria-label'), drawn: svg.querySelector('path').getAttribute('d').length > 20,
        width: svg.getBoundingClientRect().width}))""")
    assert len(icons) >= 10
    # Decorative icons are hidden from screen readers (the control around them carries the name,
    # which axe-core checks on every page); an icon that means something keeps its name.
    assert [i for i in icons if not i["drawn"] or not (i["hidden"] or i["named"])] == []
    page.set_viewport_size({"width": 375, "height": 740})
    menu_icon = page.locator(".bd-header-article .primary-toggle svg")  # drawn at a visible size
    assert menu_icon.bounding_box()["width"] > 10


@pytest.mark.parametrize("path", [p for p in PAGES if p != "search.html"])
def test_nothing_in_the_head_stops_the_browser_reading_the_page(path):
    # A script that is neither deferred nor async, after a stylesheet, holds the whole page back
    # until every stylesheet has arrived (and its own file, fetched only then). The search page's
    # search scripts must still run in order.
    head = (SITE / path).read_text(encoding="utf-8").split("</head>", 1)[0]
    after_styles = head.split('rel="stylesheet"', 1)[1] if 'rel="stylesheet"' in head else ""
    blocking = [tag for tag in re.findall(r"<script\b[^>]*>", after_styles)
                if not re.search(r"\b(defer|async)\b", tag) and not re.search(r'\stype="application/', tag)]
    assert blocking == []
    assert "styles/theme.css" not in head  # a stylesheet that only @imports another one
    # Nor in the body: an inline script there also waits for every stylesheet, and the browser
    # reads no further until it has run (sphinx-thebe wrote one into every article).
    body = (SITE / path).read_text(encoding="utf-8").split("</head>", 1)[-1]
    inline = [tag for tag in re.findall(r"<script\b[^>]*>", body)
              if "src=" not in tag and not re.search(r'\stype="application/', tag)]
    assert inline == []
