"""Results a person can trust, on a phone (375 px, touch) and a laptop (1280 px), light and dark:
"Find what fits" leads with its best fits, each with why, and folds the rest in the same order; the
collaboration assessor says which answers led to its recommendation. What the page shows is what
Python works out for the same answers."""
import pytest
from playwright.sync_api import expect

from dpup_toolkit import load_checklist
from dpup_toolkit.engine.catalogue import catalogue_entries
from dpup_toolkit.engine.results import results_of

from ..conftest import ROOT
from .conftest import accessibility_problems
from .test_tools import open_tool

FINDER = load_checklist(ROOT / "checklists" / "find-what-fits.yml")
ASSESSOR = load_checklist(ROOT / "checklists" / "collaboration-assessor.yml")
ENTRIES = catalogue_entries(FINDER)
TITLES = {(entry["kind"], entry["id"]): entry["title"] for entry in ENTRIES}
SCREENS = {"phone": {"viewport": {"width": 375, "height": 812}, "has_touch": True, "is_mobile": True},
           "laptop": {"viewport": {"width": 1280, "height": 800}}}
CASES = [(screen, scheme) for screen in SCREENS for scheme in ("light", "dark")]


def open_on(visit, site_url, tool, screen, scheme):
    v = open_tool(visit, site_url, tool, bypass_csp=True, color_scheme=scheme, **SCREENS[screen])  # bypass: axe
    return v, v.page


def press(page, screen, locator):
    """Tap on a phone, click on a laptop."""
    (locator.tap if screen == "phone" else locator.click)()


def choose(page, screen, tool, item_id, value):
    label = tool.item(item_id).option_label(value)
    press(page, screen, page.get_by_role("radio", name=label, exact=True))


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("screen, scheme", CASES)
def test_find_what_fits_leads_with_its_best_fits_and_says_why(visit, site_url, screen, scheme, tmp_path):
    v, page = open_on(visit, site_url, FINDER, screen, scheme)
    choose(page, screen, FINDER, "role", "front-line")
    choose(page, screen, FINDER, "stage", "service-delivery")
    answers = {"role": {"answer": "front-line"}, "stage": {"answer": "service-delivery"}}
    (result,) = results_of(FINDER, answers, ENTRIES)
    output = page.locator(".dpup-catalogue")
    best = output.locator("h3 + ul.dpup-catalogue-tools").first
    expect(output.get_by_role("heading", name="Tools that fit best")).to_be_visible()
    lead = result["tools"][:result["best"]]
    expect(best.locator("> li > a")).to_have_text([TITLES["tool", entry["id"]] for entry in lead])
    expect(best.locator(".dpup-catalogue-why")).to_have_text([f"Why: {entry['why']}" for entry in lead])
    expect(best.locator("> li > a").first).to_have_text("Before you ask — a front-line conversation")

    # The rest, still in order, folded: a summary says how many, and opens with a tap or a click.
    every = [entry for entry in result["tools"][result["best"]:] if len(entry["fits"]) == 2]
    one = [entry for entry in result["tools"] if len(entry["fits"]) == 1]
    more = output.locator("details", has_text="More tools that fit")
    expect(more.locator("summary")).to_have_text(f"More tools that fit ({len(every)})")
    expect(more.locator("ul")).to_be_hidden()
    assert more.locator("summary").bounding_box()["height"] >= 24  # WCAG 2.5.8 target size
    press(page, screen, more.locator("summary"))
    expect(more.locator("> ul > li > a")).to_have_text([TITLES["tool", entry["id"]] for entry in every])
    expect(more.locator(".dpup-catalogue-why").first).to_be_visible()
    partly = output.locator("details", has_text="Tools that fit one of your answers")
    expect(partly.locator("summary")).to_have_text(f"Tools that fit one of your answers ({len(one)})")
    expect(partly.locator("> ul > li > a")).to_have_text([TITLES["tool", entry["id"]] for entry in one])
    expect(partly.locator("ul")).to_be_hidden()
    assert fits_the_screen(page)
    output.screenshot(path=tmp_path / f"find-what-fits-{screen}-{scheme}.png")
    assert accessibility_problems(page) == []

    # Another answer re-ranks the list; the fold the person opened stays open.
    choose(page, screen, FINDER, "stage", "planning")
    (planning,) = results_of(FINDER, {**answers, "stage": {"answer": "planning"}}, ENTRIES)
    expect(best.locator("> li > a")).to_have_text([TITLES["tool", e["id"]] for e in planning["tools"][:planning["best"]]])
    expect(more.locator("ul")).to_be_visible()
    assert v.external == [] and v.real_errors() == []


def test_printed_the_folded_tools_show_too(visit, site_url):
    v, page = open_on(visit, site_url, FINDER, "laptop", "light")
    choose(page, "laptop", FINDER, "role", "team-leaders")
    more = page.locator(".dpup-catalogue details").first
    expect(more.locator("ul")).to_be_hidden()
    page.emulate_media(media="print")
    expect(more.locator("ul")).to_be_visible()


@pytest.mark.parametrize("screen, scheme", CASES)
def test_the_assessor_says_which_answers_led_to_its_recommendation(visit, site_url, screen, scheme, tmp_path):
    v, page = open_on(visit, site_url, ASSESSOR, screen, scheme)
    result = page.locator(".dpup-result-rules")
    for chosen in ({"identifies": "could", "sensitivity": "broad", "impact": "large"},
                   {"identifies": "could", "sensitivity": "some", "impact": "large"},
                   {"identifies": "no", "sensitivity": "sensitive", "impact": "small"}):
        for item_id, value in chosen.items():
            choose(page, screen, ASSESSOR, item_id, value)
        (expected,) = results_of(ASSESSOR, {item_id: {"answer": value} for item_id, value in chosen.items()})
        found = expected["recommendation"]
        expect(result.locator(".dpup-recommendation-title")).to_have_text(f"Recommended: {found['title']}")
        expect(result.locator(".dpup-because-lead")).to_have_text("Because you said:")
        expect(result.locator(".dpup-because li")).to_have_text([
            f"{ASSESSOR.item(entry['item']).prompt} {ASSESSOR.item(entry['item']).option_label(entry['answer'])}"
            for entry in found["because"]])
        expect(result).to_contain_text(f"Why: {found['text']}")
    # Sensitive, but no one identified and a small impact: all three answers decide it.
    expect(result.locator(".dpup-because li")).to_have_count(3)
    assert fits_the_screen(page)
    result.screenshot(path=tmp_path / f"assessor-{screen}-{scheme}.png")
    assert accessibility_problems(page) == []
    assert v.external == [] and v.real_errors() == []


def test_keyboard_only_the_folds_open_and_show_where_focus_is(visit, site_url):
    v, page = open_on(visit, site_url, FINDER, "laptop", "light")
    role = page.get_by_role("radio", name=FINDER.item("role").option_label("team-leaders"), exact=True)
    role.focus()
    page.keyboard.press("Space")
    more = page.locator(".dpup-catalogue details").first
    summary = more.locator("summary")
    for _ in range(60):  # Tab on through the form, the guide link and the best fits to the first fold
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName === 'SUMMARY'"):
            break
    expect(summary).to_be_focused()
    outline = summary.evaluate("(el) => getComputedStyle(el).outlineStyle")
    assert outline not in ("none", ""), outline
    page.keyboard.press("Enter")
    expect(more.locator("ul")).to_be_visible()
    page.keyboard.press("Enter")
    expect(more.locator("ul")).to_be_hidden()
