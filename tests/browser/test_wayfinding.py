"""Finding your way in a long tool, by keyboard: a small progress bar that stays in view
below the site's header, links to the sections and to the next unanswered item, a panel once
everything is answered, a word on why the total changed, and messages where the person acted."""
import json
import re

import pytest
from playwright.sync_api import expect

from dpup_toolkit import list_checklists, visible_items

from ..conftest import ROOT
from ..helpers import storage_key
from .conftest import accessibility_problems, live, open_saved_file
from .test_checklist_page import (CHECKLIST, CONDITIONAL, FIRST, PAGE, PARENT, SECOND, answer, item, open_checklist,
                                  total_shown)

TOOLS = list_checklists(ROOT / "checklists")
BAR = ".dpup-wayfinder"
NEXT = "Next unanswered question"
WHAT_NEXT = "All answered: what next"  # the same link, once nothing is left unanswered

# Where the bar, the site's sticky header and the focused element are on the screen now.
GEOMETRY = """() => {
    const box = (e) => e ? e.getBoundingClientRect().toJSON() : null;
    const header = [...document.querySelectorAll(".bd-header-article")].find((e) => e.offsetHeight);
    const focused = document.activeElement;
    return {bar: box(document.querySelector(".dpup-wayfinder")), header: box(header),
            focused: box(focused.closest(".dpup-item") || focused), focusedId: focused.id,
            focusedItem: (focused.closest(".dpup-item") || {}).id || null, height: innerHeight};
}"""


def geometry(page):
    return page.evaluate(GEOMETRY)


def press(page, locator, key="Enter"):
    """Keyboard only: put focus on a control and press a key, as Tab would get there."""
    locator.focus()
    page.keyboard.press(key)


def expect_in_view_below_the_bar(page):
    """The focused element (its item, for a control) is on screen and not under the sticky bar."""
    where = geometry(page)
    assert where["focused"]["top"] >= where["bar"]["bottom"] - 1, where
    assert where["focused"]["top"] < where["height"], where


@pytest.mark.parametrize("width, height", [(375, 740), (800, 1000), (1280, 800)])
def test_the_progress_bar_stays_in_view_small_and_below_the_header(visit, site_url, width, height):
    page = open_checklist(visit, site_url, viewport={"width": width, "height": height}).page
    answer(page, FIRST, "Yes")
    page.evaluate("document.querySelector('.dpup-controls').scrollIntoView()")
    bar = page.locator(BAR)
    expect(bar).to_be_in_viewport()
    expect(bar.locator(".dpup-progress-text")).to_have_text(f"1 of {total_shown({})} questions answered. 0 not met.")
    where = geometry(page)
    assert where["header"] and where["bar"]["top"] >= where["header"]["bottom"] - 1, where  # the header stays clear
    assert where["bar"]["top"] <= where["header"]["bottom"] + 1, where  # right below it, not scrolled away
    assert where["bar"]["height"] <= (90 if width < 640 else 70), where  # small: most of the screen is the tool
    assert where["bar"]["right"] <= width
    expect(bar.get_by_role("link", name=NEXT)).to_be_visible()
    expect(bar.locator("summary", has_text="Sections")).to_be_visible()
    page.emulate_media(media="print")
    expect(bar.get_by_role("link", name=NEXT)).to_be_hidden()
    expect(bar.locator("summary")).to_be_hidden()
    assert page.evaluate("getComputedStyle(document.querySelector('.dpup-wayfinder')).position") == "static"


def test_a_jump_link_moves_focus_to_its_section(visit, site_url):
    page = open_checklist(visit, site_url, viewport={"width": 375, "height": 740}).page
    section = CHECKLIST.sections[-1]
    press(page, page.locator(f"{BAR} summary"))
    # Each section's link also says how far it has got (test_phone_first.py).
    link = page.locator(BAR).get_by_role("link", name=re.compile(rf"^{re.escape(section.title)} ?: Not started$"))
    expect(link).to_be_visible()
    press(page, link)
    heading = page.locator(f"#dpup-{CHECKLIST.id}-section-{section.id}")
    expect(heading).to_be_focused()
    expect(link).to_be_hidden()  # the list closes behind the person
    expect_in_view_below_the_bar(page)
    # Escape closes the list and leaves focus on its toggle.
    press(page, page.locator(f"{BAR} summary"))
    expect(link).to_be_visible()
    page.keyboard.press("Escape")
    expect(link).to_be_hidden()
    expect(page.locator(f"{BAR} summary")).to_be_focused()
    # Moving on (Tab past the list) closes it too.
    page.keyboard.press("Enter")
    expect(link).to_be_visible()
    page.locator(BAR).get_by_role("link", name=NEXT).focus()
    expect(link).to_be_hidden()


def test_hidden_sections_have_no_jump_link_and_results_have_one(visit, site_url):
    page = open_checklist(visit, site_url).page
    press(page, page.locator(f"{BAR} summary"))
    links = page.locator(BAR).get_by_role("link")
    shown = [s.title for s in CHECKLIST.sections
             if any(i in visible_items(CHECKLIST, {}) for i in s.items)] + ["What to do next"]
    # A section's link ends in its status (nothing answered yet); a result's link has none.
    expect(links.filter(has_not_text=NEXT)).to_have_text(
        [f"{title}:Not started" for title in shown[:-1]] + shown[-1:])


def fill_focused(page, tool, focused_item):
    """Answer the focused item from the keyboard: Space takes the first option, text is typed."""
    if focused_item.kind == "text":
        page.keyboard.type("We note it here.")
        return "We note it here."
    page.keyboard.press("Space")
    return tool.answers[0].value if focused_item.kind == "question" else focused_item.options[0].value


@pytest.mark.parametrize("tool", TOOLS, ids=lambda tool: tool.id)
def test_next_unanswered_leads_through_every_tool_to_the_completion_panel(visit, site_url, tool):
    v = visit(viewport={"width": 375, "height": 740}, bypass_csp=True)  # bypass: to inject axe-core
    page = v.page
    page.goto(f"{site_url}/checklists/{tool.id}.html")
    live(page)
    bar_next = page.locator(BAR).get_by_role("link", name=NEXT)
    panel = page.locator(".dpup-complete")
    entered = {}
    while True:
        waiting = [i for i in visible_items(tool, entered) if i.id not in entered]
        if not waiting:
            break
        expect(panel).to_be_hidden()
        expect(page.locator(BAR).get_by_role("link", name=WHAT_NEXT)).to_have_count(0)
        press(page, bar_next)
        expected = waiting[0]
        first = "textarea" if expected.kind == "text" else "input[type=radio] >> nth=0"
        expect(page.locator(f"#dpup-{tool.id}-item-{expected.id} {first}")).to_be_focused()
        expect_in_view_below_the_bar(page)
        entered[expected.id] = {"answer": fill_focused(page, tool, expected), "note": ""}
    # Nothing is unanswered, so the bar no longer offers a next question: it leads to what next.
    expect(panel).to_be_visible()
    expect(page.locator(BAR).get_by_role("link", name=NEXT)).to_have_count(0)
    press(page, page.locator(BAR).get_by_role("link", name=WHAT_NEXT))
    expect(page.get_by_role("heading", name="Everything is answered")).to_be_focused()
    for n, result in enumerate(tool.results, start=1):
        expect(panel.get_by_role("link", name=f"Read the results: {result.title}")).to_have_attribute(
            "href", f"#dpup-{tool.id}-result-{n}")
    press(page, panel.get_by_role("link", name=re.compile("^Keep a record")))
    expect(page.get_by_role("heading", name="Keep a record")).to_be_focused()
    assert accessibility_problems(page) == []
    assert v.external == [] and v.real_errors() == []


def test_completing_by_typing_never_takes_focus_from_the_field(visit, site_url):
    tool = next(t for t in TOOLS if t.items[-1].kind == "text" and not t.items[-1].show_if)
    answers = {}
    page = visit().page
    page.goto(f"{site_url}/checklists/{tool.id}.html")
    live(page)
    for _ in range(len(tool.items)):
        waiting = [i for i in visible_items(tool, answers) if i.id not in answers and i != tool.items[-1]]
        if not waiting:
            break
        press(page, page.locator(BAR).get_by_role("link", name=NEXT))
        answers[waiting[0].id] = {"answer": fill_focused(page, tool, waiting[0]), "note": ""}
    field = page.locator(f"#dpup-{tool.id}-item-{tool.items[-1].id} textarea")
    field.focus()
    page.keyboard.type("Last words")
    expect(page.locator(".dpup-complete")).to_be_visible()
    expect(field).to_be_focused()
    expect(page.get_by_role("status").filter(has_text="Everything is answered")).to_have_text(
        "Everything is answered. What to do next is below the last question.")


READS_IN_FULL = "(note) => note.scrollHeight <= note.clientHeight && note.scrollWidth <= note.clientWidth"


@pytest.mark.parametrize("width", [375, 1280])
def test_the_word_on_why_the_total_changed_can_be_read_in_full_on_a_phone_and_a_laptop(visit, site_url, width):
    page = open_checklist(visit, site_url, viewport={"width": width, "height": 812}).page
    note = page.locator(".dpup-progress-change")
    opens = CONDITIONAL.show_if.answer_in[0]
    answer(page, PARENT, CHECKLIST.answer_label(opens))
    added = total_shown({PARENT.id: {"answer": opens}}) - total_shown({})
    said = f"{added} follow-up question{'' if added == 1 else 's'} added because of your answer"
    # On a phone the question is not named again (the person has just answered it); nothing is cut off.
    expect(note).to_have_text(f"{said}." if width == 375 else f"{said} to “{PARENT.prompt}”.", use_inner_text=True)
    assert note.evaluate(READS_IN_FULL)
    # Everything answered: said in full, as a person sees it.
    for _ in range(200):
        waiting = page.locator(".dpup-checklist fieldset.dpup-item:visible").filter(
            has_not=page.locator("input[type=radio]:checked"))
        if not waiting.count():
            break
        waiting.first.locator("input[type=radio]").first.check()
    expect(note).to_have_text("Everything is answered." if width == 375 else
                              "Everything is answered. What to do next is below the last question.", use_inner_text=True)
    assert note.evaluate(READS_IN_FULL)


def test_a_follow_up_question_says_why_the_total_changed(visit, site_url):
    page = open_checklist(visit, site_url).page
    note = page.locator(".dpup-progress-change")
    before = total_shown({})
    opens = CONDITIONAL.show_if.answer_in[0]
    answer(page, PARENT, CHECKLIST.answer_label(opens))
    added = total_shown({PARENT.id: {"answer": opens}}) - before
    assert added >= 1
    word = "question" if added == 1 else "questions"
    expect(note).to_have_text(f"{added} follow-up {word} added because of your answer to “{PARENT.prompt}”.")
    assert note.get_attribute("role") == "status"  # said politely, where the total is
    expect(page.locator(".dpup-progress-text")).to_have_text(re.compile(rf"^1 of {before + added} "))
    closes = next(o for o in CHECKLIST.answers if o.value not in CONDITIONAL.show_if.answer_in)
    answer(page, PARENT, closes.label)
    verb = "applies" if added == 1 else "apply"
    expect(note).to_have_text(f"{added} follow-up {word} no longer {verb} because of your answer to “{PARENT.prompt}”.")
    answer(page, FIRST, "Yes")  # an answer that changes nothing else clears the word
    expect(note).to_be_hidden()


def focused_message(page):
    return page.evaluate("""() => { const e = document.activeElement;
        let before = e.previousElementSibling;
        while (before && before.classList.contains("dpup-message")) before = before.previousElementSibling;
        return {role: e.getAttribute("role"), text: e.textContent,
                after: before ? before.textContent : "", afterInput: Boolean(before && before.querySelector("input[type=file]"))}; }""")


def test_messages_appear_beside_the_control_and_take_focus(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "Yes")
    # A file that is not a record: the error is beside the file picker, focused.
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    open_saved_file(page, bad)
    expect(page.get_by_role("alert")).to_be_focused()
    message = focused_message(page)
    assert message["role"] == "alert" and message["afterInput"], message
    assert message["text"].startswith("This file is not a checklist record")
    # A download, by keyboard: the word is after the row of download buttons.
    with page.expect_download():
        press(page, page.get_by_role("button", name="Download a text copy (text file, .md)"))
    expect(page.get_by_role("status").filter(has_text="downloaded")).to_be_focused()
    assert "Download a text copy (text file, .md)" in focused_message(page)["after"]
    expect(page.get_by_role("alert")).to_be_hidden()
    # Clear, then Undo: each word is beside those two buttons.
    press(page, page.get_by_role("button", name="Clear my answers"))
    cleared = page.get_by_role("status").filter(has_text="cleared")
    expect(cleared).to_be_focused()
    assert "Clear my answers" in focused_message(page)["after"]
    press(page, page.get_by_role("button", name="Undo"))
    expect(page.get_by_role("status").filter(has_text="Your answers are back.")).to_be_focused()
    expect(item(page, FIRST).get_by_role("radio", name="Yes", exact=True)).to_be_checked()


def test_a_message_while_answering_stays_beside_the_question_without_taking_focus(visit, site_url):
    page = open_checklist(visit, site_url).page
    # The browser refuses to save: the message shows after the question being answered.
    page.evaluate("() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }")
    radio = item(page, SECOND).get_by_role("radio", name="No", exact=True)
    press(page, radio, "Space")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("not letting the page save")
    expect(radio).to_be_focused()
    assert page.evaluate("document.querySelector('[role=status]:not(.dpup-progress-text, .dpup-progress-change)')"
                         ".previousElementSibling.id") == f"dpup-{CHECKLIST.id}-item-{SECOND.id}"
    expect(page.get_by_role("button", name="Save my answers to a file now (.json)")).to_be_visible()


def test_a_what_to_do_next_link_moves_focus_to_the_question(visit, site_url):
    page = open_checklist(visit, site_url, viewport={"width": 375, "height": 740}).page
    answer(page, SECOND, "No")
    link = page.locator(".dpup-next-list").get_by_role("link", name=SECOND.prompt)
    press(page, link)
    expect(item(page, SECOND).get_by_role("radio", name="No", exact=True)).to_be_focused()
    expect_in_view_below_the_bar(page)


@pytest.mark.parametrize("width", [375, 1280])
def test_a_deep_link_into_a_tool_lands_below_the_bar(visit, site_url, width):
    section = CHECKLIST.sections[-1]
    target = f"dpup-{CHECKLIST.id}-section-{section.id}"
    page = visit(viewport={"width": width, "height": 740}).page
    page.goto(f"{site_url}/{PAGE}#{target}")
    expect(page.locator(".static-widget[data-drawn]")).to_have_count(0)  # a link into the form: live at once
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done))))")
    page.wait_for_function("id => { const e = document.getElementById(id);"
                           " return e && e.getBoundingClientRect().top < innerHeight / 2; }", arg=target)
    where = page.evaluate("""id => [document.getElementById(id).getBoundingClientRect().top,
        document.querySelector('.dpup-wayfinder').getBoundingClientRect().bottom]""", target)
    assert where[0] >= where[1] - 1, where  # the heading is not under the sticky bar
    # ... and lands just below it: the bar was measured before the link was followed, not guessed
    # (the guess, 8rem, left 55-90 px of empty space).
    assert where[0] - where[1] <= 32, where
    assert page.evaluate("scrollY") > 800


def test_the_bar_and_panel_stay_accessible_when_open(visit, site_url):
    page = open_checklist(visit, site_url, bypass_csp=True).page
    answer(page, PARENT, CHECKLIST.answer_label(CONDITIONAL.show_if.answer_in[0]))
    expect(page.locator(".dpup-progress-change")).not_to_be_empty()
    press(page, page.locator(f"{BAR} summary"))
    expect(page.locator(BAR).get_by_role("link", name=CHECKLIST.sections[0].title)).to_be_visible()
    assert accessibility_problems(page) == []
    saved = {i.id: {"answer": "yes", "note": ""} for i in CHECKLIST.items}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [storage_key(CHECKLIST.id, CHECKLIST.version), json.dumps({"answers": saved})])
    page.reload()
    live(page)
    expect(page.locator(".dpup-complete")).to_be_visible()
    assert accessibility_problems(page) == []
