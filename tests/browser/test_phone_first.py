"""Forms people finish, on a phone first: focus is never hidden under the sticky header
and the progress bar (WCAG 2.4.11), focus shows on the menu button and on a checked radio, targets
are at least 24 px (WCAG 2.5.8), the first question is on the first screen, the page ends in plain
words, and the name of a person typed about the check stays out of the file name. At 375 px on a
touch phone and at 1280 px, light and dark."""
import re

import pytest
from playwright.sync_api import expect

from dpup_toolkit import list_checklists, load_checklist

from ..conftest import ROOT
from .conftest import accessibility_problems, live

TOOL = load_checklist(ROOT / "checklists" / "before-you-ask.yml")
PAGE = f"checklists/{TOOL.id}.html"
PHONE = {"viewport": {"width": 375, "height": 812}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
SCREENS = pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["phone-375", "desktop-1280"])
MODES = pytest.mark.parametrize("mode", ["light", "dark"])

# What covers the page where it stays on screen (the site's sticky header, the tool's bar, any
# fixed button), and the focused element's box: once the page has scrolled to it.
COVERED = """async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const focused = document.activeElement;
    const box = focused.getBoundingClientRect();
    const overlays = [...document.querySelectorAll("body *")].filter((e) => {
        const style = getComputedStyle(e);
        return /sticky|fixed/.test(style.position) && e.offsetHeight && style.visibility !== "hidden"
            && !e.contains(focused) && !focused.contains(e);
    }).map((e) => ({name: e.className || e.id || e.tagName, ...e.getBoundingClientRect().toJSON()}))
      .filter((o) => o.bottom > 0 && o.top < innerHeight && o.right > box.left && o.left < box.right
          && o.bottom > box.top && o.top < box.bottom);
    return {id: focused.id || focused.textContent.slice(0, 40), box: box.toJSON(), overlays, height: innerHeight};
}"""


def tool_page(visit, site_url, screen, mode="light", path=PAGE):
    v = visit(**screen, color_scheme=mode, bypass_csp=True)  # bypass_csp: axe is injected
    v.page.goto(f"{site_url}/{path}")
    live(v.page)
    assert v.page.evaluate("document.documentElement.dataset.theme") == mode
    return v


@SCREENS
def test_focus_is_never_hidden_under_the_header_or_the_bar(visit, site_url, screen):
    page = tool_page(visit, site_url, screen).page
    controls = page.locator(".dpup-checklist :is(input:not([type=hidden]), textarea, button, select, a[href], summary)")
    first = controls.first
    first.focus()
    # Down through the whole tool with Tab, then back up with Shift+Tab (where the browser leaves
    # a field at the top of the screen, under the sticky parts, unless the page moves it clear).
    seen = 0
    for key in ["Tab"] * 60 + ["Shift+Tab"] * 60:
        page.keyboard.press(key)
        where = page.evaluate(COVERED)
        if not page.evaluate("document.activeElement.closest('.dpup-checklist') !== null"):
            continue
        seen += 1
        assert where["overlays"] == [], where
        assert 0 <= where["box"]["top"] < where["height"], where  # on screen (its top at least)
    assert seen > 100


@SCREENS
def test_a_field_reached_upwards_is_moved_clear_of_the_bar(visit, site_url, screen):
    """The case of the issue: Shift+Tab onto a field now above the screen."""
    page = tool_page(visit, site_url, screen).page
    later = page.locator(".dpup-item").nth(4)
    later.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 300)")
    note = page.locator(".dpup-item").nth(2).locator("textarea").first
    # Focus the control after the note, then Shift+Tab onto the note.
    note.focus()
    page.keyboard.press("Tab")
    page.evaluate("window.scrollBy(0, 600)")
    page.keyboard.press("Shift+Tab")
    expect(note).to_be_focused()
    where = page.evaluate(COVERED)
    assert where["overlays"] == [], where


def test_the_bar_is_thin_on_a_phone(visit, site_url):
    page = tool_page(visit, site_url, PHONE).page
    page.locator(".dpup-item").nth(3).scroll_into_view_if_needed()
    bar = page.locator(".dpup-wayfinder").bounding_box()
    header = page.evaluate("Math.max(...[...document.querySelectorAll('.bd-header, .bd-header-article')]"
                           ".filter(e => /sticky|fixed/.test(getComputedStyle(e).position) && e.offsetHeight)"
                           ".map(e => e.getBoundingClientRect().bottom))")
    # The count on one line, the links, the bar: under 70 px; with the site's header, 130 of 812.
    assert bar["height"] <= 70, bar
    assert bar["y"] >= header - 1 and bar["y"] + bar["height"] <= 130, (bar, header)
    for target in page.locator(".dpup-wayfinder :is(summary, a):visible").all():
        box = target.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, box


@SCREENS
@MODES
def test_the_first_question_is_on_the_first_screen(visit, site_url, screen, mode, tmp_path):
    v = tool_page(visit, site_url, screen, mode)
    page = v.page
    # The first question is on the first screen, whole, with its first answer (on a phone too), and
    # nothing of the tool's record-keeping before it.
    first = page.locator(".dpup-item").first
    legend = first.locator("legend").bounding_box()
    assert legend["y"] >= 0 and legend["y"] + legend["height"] <= screen["viewport"]["height"], legend
    expect(first.get_by_role("radio").first).to_be_in_viewport(ratio=1)
    expect(page.get_by_label("What are you checking?")).not_to_be_in_viewport()
    # How the tool works is folded under the title; it opens when asked.
    how = page.locator("details.dpup-how")
    expect(how.locator("summary")).to_have_text("How this works")
    expect(how.locator("li").first).to_be_hidden()
    how.locator("summary").click()
    expect(how.locator("li").first).to_be_visible()
    # The record's details come with the record: just before "Keep a record".
    about = page.get_by_role("heading", name="About this check")
    keep = page.get_by_role("heading", name="Keep a record")
    assert about.bounding_box()["y"] < keep.bounding_box()["y"]
    assert about.bounding_box()["y"] > page.locator(".dpup-item").last.bounding_box()["y"]
    page.screenshot(path=str(tmp_path / f"first-screen-{mode}.png"))
    assert accessibility_problems(page) == []
    assert v.real_errors() == [] and v.external == []


@SCREENS
@MODES
def test_focus_shows_on_the_menu_button_and_on_a_checked_radio(visit, site_url, screen, mode, tmp_path):
    page = tool_page(visit, site_url, screen, mode).page
    # The checked radio: the ring goes round its label, clear of the fill, in a colour that is not
    # the page's background.
    radio = page.locator(".dpup-item").first.get_by_role("radio").first
    radio.check()
    radio.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")  # keyboard focus, so :focus-visible
    expect(radio).to_be_checked()
    ring = radio.evaluate("""r => { const s = getComputedStyle(r.closest('label'));
        return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor,
                background: getComputedStyle(document.body).backgroundColor}; }""")
    assert ring["style"] == "solid" and ring["width"] >= 2 and ring["colour"] != ring["background"], ring
    page.screenshot(path=str(tmp_path / f"radio-{mode}.png"), clip=radio.locator("xpath=..").bounding_box())
    # The site's menu button, reached with the keyboard.
    menu = page.locator(".bd-header button.primary-toggle:visible, .bd-header-article button.primary-toggle:visible,"
                        " .bd-header-article button.sidebar-toggle:visible, .bd-header button.sidebar-toggle:visible").first
    menu.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(menu).to_be_focused()
    shown = menu.evaluate("""b => { const s = getComputedStyle(b);
        return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; }""")
    assert shown["style"] != "none" and shown["width"] >= 2, shown


@SCREENS
def test_targets_are_at_least_24_px(visit, site_url, screen):
    page = tool_page(visit, site_url, screen).page
    # Every radio of every question, however long its label.
    sizes = page.locator(".dpup-option input").evaluate_all(
        "rs => rs.filter(r => r.offsetParent).map(r => [r.offsetWidth, r.offsetHeight])")
    assert sizes and min(min(size) for size in sizes) >= 24, sizes
    # The saved checks' list (after a second check exists, as when a person picks between them).
    select = page.get_by_label("Choose a saved check:")
    assert select.bounding_box()["height"] >= 24
    # "Back to top" never sits over the questions: a tool has its own bar to go up with.
    page.locator(".dpup-item").nth(6).scroll_into_view_if_needed()
    page.mouse.wheel(0, -200)
    page.wait_for_timeout(300)
    back = page.locator("#pst-back-to-top")
    if back.count():
        expect(back).to_be_hidden()


@SCREENS
def test_the_page_ends_in_plain_words(visit, site_url, screen):
    page = tool_page(visit, site_url, screen).page
    keep = page.locator(".dpup-controls")
    names = keep.get_by_role("button").all_inner_texts()
    for wanted in ["Save a file to carry on later (.json)", "Download a text copy (text file, .md)",
                   "Download for Word (Word document, .docx)", "Print or save as PDF"]:
        assert wanted in names
    # The other ways to run the tool: under "More options", folded.
    last = page.locator("article h2").last
    expect(last).to_have_text(re.compile("^More options"))
    binder = page.locator('a[href*="mybinder.org"]')
    expect(binder.first).to_be_hidden()
    page.get_by_text("Other ways to run this tool").click()
    expect(binder.first).to_be_visible()
    assert accessibility_problems(page) == []


def test_a_name_typed_about_the_check_stays_out_of_the_file_name(visit, site_url):
    page = tool_page(visit, site_url, PHONE).page
    what = page.get_by_label("What are you checking?")
    help_id = what.get_attribute("aria-describedby")
    expect(page.locator(f"#{help_id}")).to_contain_text("Do not enter a person's name or details about them.")
    what.fill("Aroha Ngata housing referral")
    what.blur()
    for button, extension in [("Download a text copy (text file, .md)", "md"),
                              ("Save a file to carry on later (.json)", "json")]:
        with page.expect_download() as download:
            page.get_by_role("button", name=button).click()
        name = download.value.suggested_filename
        assert re.fullmatch(rf"{TOOL.id}-\d{{4}}-\d\d-\d\d-\d{{4}}\.{extension}", name), name
        assert "aroha" not in name.lower()
        # The details still go in the record itself.
        assert "Aroha Ngata housing referral" in download.value.path().read_text(encoding="utf-8")


@SCREENS
def test_the_list_of_sections_says_how_far_each_has_got(visit, site_url, screen):
    page = tool_page(visit, site_url, screen).page
    section = TOOL.sections[0]
    link = page.locator(".dpup-jump").get_by_role("link", name=section.title)
    page.locator(".dpup-jump summary").click()
    expect(link).to_have_accessible_name(re.compile(rf"^{section.title} ?: Not started$"))
    questions = [i for i in section.items if not i.show_if]
    first = page.locator(f"#dpup-{TOOL.id}-item-{questions[0].id}")
    first.get_by_role("radio").first.check()
    page.locator(".dpup-jump summary").click()
    expect(link).to_have_accessible_name(re.compile(rf"^{section.title} ?: In progress$"))
    for question in questions[1:]:
        page.locator(f"#dpup-{TOOL.id}-item-{question.id}").get_by_role("radio").first.check()
    page.locator(".dpup-jump summary").click()
    expect(link.locator(".dpup-task-status")).to_have_text("Done")
    assert accessibility_problems(page) == []


TOOLS = list_checklists(ROOT / "checklists")


@pytest.mark.parametrize("tool", TOOLS, ids=lambda tool: tool.id)
def test_every_tool_has_its_first_question_and_answer_on_the_first_phone_screen(visit, site_url, tool, tmp_path):
    """On load at 375 x 812 the first question's first answer control (a radio with its label, or
    the text box) is whole on the screen, below the sticky header; what it needs is still shown:
    the section's intro and the question's help are not folded away."""
    page = tool_page(visit, site_url, PHONE, path=f"checklists/{tool.id}.html").page
    first = page.locator(".dpup-item").first
    control = first.locator(".dpup-option, textarea").first
    where = control.evaluate("""(c) => {
        const header = Math.max(0, ...[...document.querySelectorAll('.bd-header, .bd-header-article')]
            .filter((e) => /sticky|fixed/.test(getComputedStyle(e).position) && e.offsetHeight)
            .map((e) => e.getBoundingClientRect().bottom));
        return {...c.getBoundingClientRect().toJSON(), header, height: innerHeight, scrolled: scrollY};
    }""")
    assert where["scrolled"] == 0, where
    assert where["top"] >= where["header"] and where["bottom"] <= where["height"], where
    expect(first.locator(".dpup-help").first).to_be_visible()
    intro = page.locator(".dpup-section").first.locator(".dpup-intro")
    if tool.sections[0].intro:
        expect(intro).to_be_visible()
    page.screenshot(path=str(tmp_path / f"{tool.id}.png"))
