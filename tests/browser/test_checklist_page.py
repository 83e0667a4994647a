"""A person completes the Purpose statement checklist on the static site (no kernel)."""
import json
import re

import pytest
from playwright.sync_api import expect

from dpup_toolkit import ChecklistWidget, load_checklist, render_json, render_markdown, visible_items

from ..conftest import ROOT
from ..helpers import STORAGE_PREFIX, storage_key
from .conftest import accessibility_problems, live, open_saved_file

PAGE = "checklists/purpose-statement.html"
CHECKLIST = load_checklist(ROOT / "checklists" / "purpose-statement.yml")
STORAGE_KEY = storage_key(CHECKLIST.id, CHECKLIST.version)
HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> # heading *bold* | pipe'
FIRST, SECOND = CHECKLIST.items[0], CHECKLIST.items[-1]
CONDITIONAL = next(item for item in CHECKLIST.items if item.show_if)
PARENT = CHECKLIST.item(CONDITIONAL.show_if.item)
NA_ITEM = next(i for i in CHECKLIST.questions if i.not_applicable and not i.show_if)  # offers N/A (with a reason)


def total_shown(answers):
    return len(visible_items(CHECKLIST, answers))


def item(page, checklist_item, tool=CHECKLIST):
    return page.locator(f"#dpup-{tool.id}-item-{checklist_item.id}")


def answer(page, checklist_item, label):
    item(page, checklist_item).get_by_label(label, exact=True).check()


def open_checklist(visit, site_url, **options):
    v = visit(**options)
    v.page.goto(f"{site_url}/{PAGE}")
    live(v.page)
    return v


def progress(page):
    return page.locator(".dpup-progress-text")


def saved_answers(page):
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})"))["answers"]


def test_every_item_is_a_labelled_native_control(visit, site_url):
    page = open_checklist(visit, site_url).page
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Purpose statement checklist"))
    fieldsets = page.locator("fieldset.dpup-item")
    expect(fieldsets).to_have_count(len(CHECKLIST.items))
    for checklist_item in [i for i in CHECKLIST.items if not i.show_if][:4]:
        fieldset = item(page, checklist_item)
        expect(fieldset.locator("legend")).to_have_text(checklist_item.prompt)
        for option in CHECKLIST.answers:
            offered = option.value in CHECKLIST.offered(checklist_item)
            expect(fieldset.get_by_role("radio", name=option.label, exact=True)).to_have_count(int(offered))
        expect(fieldset.get_by_role("textbox", name="Your note (optional)")).to_have_count(1)
    expect(page.get_by_role("status").filter(has_text="questions answered")).to_have_text(
        f"0 of {total_shown({})} questions answered. 0 not met.")


def test_completing_saving_and_coming_back(visit, site_url):
    v = open_checklist(visit, site_url)
    page = v.page
    answer(page, FIRST, "Yes")
    expect(item(page, FIRST).locator(".dpup-guidance")).to_have_text(f"Met: {FIRST.guidance['yes']}")
    answer(page, SECOND, "No")
    guidance = item(page, SECOND).locator(".dpup-guidance")
    expect(guidance).to_contain_text(SECOND.guidance["no"])
    expect(guidance).to_contain_text(f"What to do: {SECOND.action}")
    expect(progress(page)).to_have_text(f"2 of {total_shown({})} questions answered. 1 not met.")
    next_steps = page.locator(".dpup-next-list li")
    expect(next_steps).to_have_count(1)
    expect(next_steps.get_by_role("link")).to_have_text(SECOND.prompt)
    expect(next_steps).to_contain_text(SECOND.action)

    note = item(page, FIRST).get_by_role("textbox", name="Your note (optional)")
    note.fill(HOSTILE)
    note.blur()

    page.reload()
    live(page)
    expect(item(page, FIRST).get_by_role("radio", name="Yes", exact=True)).to_be_checked()
    expect(item(page, SECOND).get_by_role("radio", name="No", exact=True)).to_be_checked()
    expect(item(page, FIRST).get_by_role("textbox", name="Your note (optional)")).to_have_value(HOSTILE)
    expect(progress(page)).to_have_text(f"2 of {total_shown({})} questions answered. 1 not met.")
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".dpup-checklist script, .dpup-checklist img").count() == 0
    assert v.external == [] and v.real_errors() == []


def test_two_tabs_of_the_same_checklist_stay_in_step(visit, site_url):
    v = open_checklist(visit, site_url)
    first_tab, second_tab = v.page, v.new_page()
    second_tab.goto(f"{site_url}/{PAGE}")
    live(second_tab)
    answer(first_tab, FIRST, "Yes")
    expect(item(second_tab, FIRST).get_by_role("radio", name="Yes", exact=True)).to_be_checked()
    answer(second_tab, SECOND, "No")  # the second tab's save keeps the first tab's answer
    expect(item(first_tab, SECOND).get_by_role("radio", name="No", exact=True)).to_be_checked()
    assert saved_answers(first_tab) == {FIRST.id: {"answer": "yes", "note": ""},
                                        SECOND.id: {"answer": "no", "note": ""}}


def test_a_conditional_item_appears_only_when_it_applies(visit, site_url):
    page = open_checklist(visit, site_url).page
    expect(item(page, CONDITIONAL)).to_be_hidden()
    skipped = page.locator(".dpup-skipped", has_text=CONDITIONAL.prompt)  # the page says why it is not asked
    expect(skipped).to_have_text(f"Skipped: “{CONDITIONAL.prompt}” is asked only when “{PARENT.prompt}” is answered "
                                 f"{CHECKLIST.answer_label(CONDITIONAL.show_if.answer_in[0])}.")
    answer(page, PARENT, CHECKLIST.answer_label(CONDITIONAL.show_if.answer_in[0]))
    expect(item(page, CONDITIONAL)).to_be_visible()
    expect(skipped).to_be_hidden()
    shown = {PARENT.id: {"answer": CONDITIONAL.show_if.answer_in[0]}}
    expect(progress(page)).to_have_text(f"1 of {total_shown(shown)} questions answered. 0 not met.")
    other = next(o.label for o in CHECKLIST.answers if o.value not in CONDITIONAL.show_if.answer_in)
    answer(page, PARENT, other)
    expect(item(page, CONDITIONAL)).to_be_hidden()
    expect(skipped).to_be_visible()


def test_downloads_match_the_python_engine_and_import_resumes_elsewhere(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    answer(page, NA_ITEM, "Not applicable")
    item(page, NA_ITEM).get_by_role("textbox", name="Why does this not apply? (needed)").fill("Only counts.\n" + HOSTILE)
    answer(page, SECOND, "No")
    note = item(page, SECOND).get_by_role("textbox", name="Your note (optional)")
    note.fill("Kia ora whānau\n" + HOSTILE)
    note.blur()
    answers = saved_answers(page)

    with page.expect_download() as markdown_download:
        page.get_by_role("button", name="Download a text copy (text file, .md)").click()
    markdown = markdown_download.value
    assert re.fullmatch(r"purpose-statement-\d{4}-\d\d-\d\d-\d{4}\.md", markdown.suggested_filename)
    text = markdown.path().read_text(encoding="utf-8")
    exported = re.search(r"^- Exported: (.+)$", text, re.M).group(1)
    assert text == render_markdown(CHECKLIST, answers, exported)
    assert "\\<script\\>" in text

    with page.expect_download() as json_download:
        page.get_by_role("button", name="Save a file to carry on later (.json)").click()
    record_path = tmp_path / "record.json"
    json_download.value.save_as(record_path)
    record_text = record_path.read_text(encoding="utf-8")
    assert record_text == render_json(CHECKLIST, answers, json.loads(record_text)["exported_at"])

    # A fresh browser profile knows nothing until the record is imported.
    fresh = open_checklist(visit, site_url).page
    expect(progress(fresh)).to_have_text(re.compile(r"^0 of "))
    open_saved_file(fresh, record_path)
    expect(fresh.get_by_role("status").filter(has_text="imported")).to_have_text("Your saved record was imported.")
    expect(item(fresh, NA_ITEM).get_by_role("radio", name="Not applicable", exact=True)).to_be_checked()
    expect(item(fresh, NA_ITEM).get_by_role("textbox", name="Why does this not apply? (needed)")).to_have_value(
        "Only counts.\n" + HOSTILE)
    expect(item(fresh, SECOND).get_by_role("textbox", name="Your note (optional)")).to_have_value(
        "Kia ora whānau\n" + HOSTILE)
    assert saved_answers(fresh) == answers


@pytest.mark.parametrize("content, message", [
    ("{not json", "This file is not a checklist record: it is not valid JSON."),
    (json.dumps({"format": "dpup-toolkit/checklist-record", "format_version": 1,
                 "checklist": {"id": "another", "version": 1, "title": "Another checklist"}, "answers": {}}),
     "This record is for another checklist (“Another checklist”), not “Purpose statement checklist”."),
    (json.dumps({"format": "dpup-toolkit/checklist-record", "format_version": 1,
                 "checklist": {"id": CHECKLIST.id, "version": CHECKLIST.version + 1, "title": CHECKLIST.title},
                 "answers": {}}),
     f"This record comes from a newer version of this checklist (version {CHECKLIST.version + 1}) than this page "
     f"has (version {CHECKLIST.version}). Nothing was changed."),
])
def test_a_bad_import_explains_itself_and_loses_nothing(visit, site_url, tmp_path, content, message):
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "Yes")
    before = saved_answers(page)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    open_saved_file(page, bad)
    told = message if message.endswith("Nothing was changed.") else f"{message} Your current answers have not changed."
    expect(page.get_by_role("alert")).to_have_text(told)  # said once
    expect(item(page, FIRST).get_by_role("radio", name="Yes", exact=True)).to_be_checked()
    assert saved_answers(page) == before


def test_clear_removes_everything_and_undo_brings_it_back(visit, site_url):
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "Yes")
    answer(page, SECOND, "No")
    page.get_by_role("button", name="Clear my answers").click()
    expect(progress(page)).to_have_text(f"0 of {total_shown({})} questions answered. 0 not met.")
    expect(page.locator("input[type=radio]:checked")).to_have_count(0)
    assert page.evaluate("(prefix) => Object.keys(localStorage).filter(k => k.startsWith(prefix))", STORAGE_PREFIX) == []
    page.get_by_role("button", name="Undo").click()
    expect(progress(page)).to_have_text(f"2 of {total_shown({})} questions answered. 1 not met.")
    page.reload()
    live(page)
    expect(item(page, SECOND).get_by_role("radio", name="No", exact=True)).to_be_checked()


def test_corrupted_saved_answers_never_break_the_page(visit, site_url):
    v = open_checklist(visit, site_url)
    page = v.page
    page.evaluate(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, '{{not json')")
    page.reload()
    live(page)
    expect(page.get_by_role("alert")).to_have_text(
        "Your saved answers for this checklist could not be read, so the checklist starts empty. "
        "A copy of the unreadable data is kept in this browser. You can download it below.")
    answer(page, FIRST, "Yes")
    expect(progress(page)).to_have_text(re.compile(r"^1 of "))
    assert v.real_errors() == []


def test_the_filled_in_form_stays_accessible(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url, bypass_csp=True).page  # to let the test inject axe-core
    answer(page, FIRST, "No")
    answer(page, PARENT, CHECKLIST.answer_label(CONDITIONAL.show_if.answer_in[0]))
    answer(page, CONDITIONAL, "No")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    open_saved_file(page, tmp_path / "bad.json")
    expect(page.get_by_role("alert")).not_to_be_empty()
    expect(page.locator(".dpup-next-list li")).to_have_count(2)
    assert accessibility_problems(page) == []


def test_print_shows_the_answers_not_the_controls(visit, site_url):
    page = open_checklist(visit, site_url).page
    answer(page, FIRST, "No")
    note = item(page, FIRST).get_by_role("textbox", name="Your note (optional)")
    note.fill("Ask the privacy officer")
    note.blur()
    page.emulate_media(media="print")
    expect(item(page, FIRST).locator(".dpup-print-answer")).to_be_visible()
    expect(item(page, FIRST).locator(".dpup-print-answer")).to_have_text("Answer: No")
    expect(item(page, FIRST).locator(".dpup-print-note")).to_have_text("Note: Ask the privacy officer")
    # A question not answered yet prints its answers with a box to tick by hand.
    expect(item(page, SECOND).locator(".dpup-print-answer")).to_be_hidden()
    expect(item(page, SECOND).get_by_role("radio", name="Yes", exact=True)).to_be_visible()
    expect(item(page, FIRST).get_by_role("radio", name="Yes", exact=True)).to_be_hidden()
    expect(page.get_by_role("button", name="Clear my answers")).to_be_hidden()
    expect(note).to_be_hidden()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


FOCUSED = """() => {
    const el = document.activeElement;
    // A radio's ring goes round its label, clear of the radio's fill (test_phone_first.py).
    const style = getComputedStyle(el.type === "radio" ? el.closest("label") : el);
    return {tag: el.tagName, type: el.type || "", checked: Boolean(el.checked),
            inChecklist: Boolean(el.closest(".dpup-checklist")), text: (el.textContent || "").trim(),
            outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2};
}"""


def test_keyboard_only_completion_with_tab_space_and_enter(visit, site_url):
    page = open_checklist(visit, site_url).page
    for _ in range(200):  # Tab from the top of the page into the checklist
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED)["inChecklist"]:
            break
    for _ in range(400):  # Space answers each question ("Yes"); Tab moves on, through notes and links
        focused = page.evaluate(FOCUSED)
        assert focused["outline"], f"no visible focus on {focused}"
        if focused["tag"] == "BUTTON":
            break
        if focused["type"] == "radio" and not focused["checked"]:
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    total = total_shown({item.id: {"answer": "yes"} for item in CHECKLIST.items})
    expect(progress(page)).to_have_text(f"{total} of {total} questions answered. 0 not met.")
    assert page.evaluate(FOCUSED)["text"] == "Save a file to carry on later (.json)"
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".json")
    for _ in range(10):  # on to "Clear my answers", and Enter clears
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED)["text"] == "Clear my answers":
            break
    page.keyboard.press("Enter")
    expect(progress(page)).to_have_text(re.compile(r"^0 of "))


UNICODE_SAMPLE = (
    "Kia ora whānau, tēnā koutou. Ελληνικά. Русский. Հայերեն. ქართული. עברית מימין לשמאל. "
    "العربية من اليمين. हिन्दी. বাংলা. தமிழ். සිංහල. ไทย. ລາວ. ខ្មែរ. བོད་ཡིག. ᠮᠣᠩᠭᠣᠯ. "
    "한국어. 日本語のひらがなとカタカナ. 中文汉字. አማርኛ. ᏣᎳᎩ. ᐃᓄᒃᑎᑐᑦ. 𝔘𝔫𝔦𝔠𝔬𝔡𝔢. "
    "e\u0301 combining, 👩🏽‍💻 ZWJ, 🇳🇿 flag, \u200b zero-width. ")


def test_a_100_kb_note_in_every_script_survives_reload_and_export(visit, site_url, tmp_path):
    page = open_checklist(visit, site_url).page
    long_note = (UNICODE_SAMPLE * (100_000 // len(UNICODE_SAMPLE.encode("utf-8")) + 1))
    assert len(long_note.encode("utf-8")) > 100_000
    answer(page, FIRST, "No")
    note = item(page, FIRST).get_by_role("textbox", name="Your note (optional)")
    note.fill(long_note)
    note.blur()
    page.reload()
    live(page)
    note = item(page, FIRST).get_by_role("textbox", name="Your note (optional)")
    assert note.input_value() == long_note
    answers = saved_answers(page)
    assert answers[FIRST.id] == {"answer": "no", "note": long_note}
    with page.expect_download() as download:
        page.get_by_role("button", name="Save a file to carry on later (.json)").click()
    record = download.value.path().read_text(encoding="utf-8")
    assert record == render_json(CHECKLIST, answers, json.loads(record)["exported_at"])
    with page.expect_download() as download:
        page.get_by_role("button", name="Download a text copy (text file, .md)").click()
    markdown = download.value.path().read_text(encoding="utf-8")
    assert markdown == render_markdown(CHECKLIST, answers, re.search(r"^- Exported: (.+)$", markdown, re.M)[1])


def test_phone_width_has_no_sideways_scrolling(visit, site_url):
    page = open_checklist(visit, site_url, viewport={"width": 375, "height": 740}).page
    answer(page, SECOND, "No")
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths
    box = item(page, FIRST).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375


# A tool whose ids try to collide with the widget's own and with each other's.
CLASHING = """id: clash
title: Clashing ids
version: 1
summary: Ids chosen to collide.
roles: [front-line]
stages: [planning]
supports: {}
answers: [{value: "yes", label: "Yes"}, {value: "no", label: "No"}]
met: ["yes"]
sections:
  - id: keep
    title: Progress
    items:
      - {id: consent, prompt: "Consent?", help: h, guidance: {"yes": g, "no": g}, action: a}
      - {id: consent-yes, prompt: "Consent yes?", help: h, guidance: {"yes": g, "no": g}, action: a}
      - {id: import, prompt: "Import?", help: h, guidance: {"yes": g, "no": g}, action: a}
      - {id: progress, prompt: "Progress?", help: h, guidance: {"yes": g, "no": g}, action: a}
      - {id: section-progress, prompt: "Section?", help: h, guidance: {"yes": g, "no": g}, action: a}
      - {id: undo, kind: text, prompt: "Keep?", help: h, example: e}
      - {id: result-1, kind: choice, prompt: "Result?", help: h, options: [{value: "yes", label: A}, {value: help, label: B}, {value: note, label: C}]}
  - id: item-consent
    title: Item consent
    items:
      - {id: next, prompt: "Next?", help: h, guidance: {"yes": g, "no": g}, action: a}
results:
  - {kind: unmet}
  - {kind: template, id: note, title: T, parts: [{text: "{undo}"}]}
"""

DRAW_IN_PAGE = """async ([source, definition]) => {
    const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
    const widget = (await import(url)).default;
    const el = document.createElement("div");
    document.querySelector("main, body").append(el);
    const values = {definition, answers: {}};
    await widget.render({el, model: {get: (k) => values[k], set: (k, v) => { values[k] = v; }, save_changes() {},
                               on() {}, off() {}}});
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    const refs = [...el.querySelectorAll("[for], [aria-labelledby], [aria-describedby], a[href^='#']")].flatMap((e) =>
        [e.getAttribute("for"), e.getAttribute("aria-labelledby"), e.getAttribute("aria-describedby"),
         (e.getAttribute("href") || "").slice(1)].filter(Boolean).join(" ").split(" ").filter(Boolean));
    return {ids, refs, own: [...el.querySelectorAll("[id]")].map((e) => e.id)};
}"""


def test_no_id_in_a_tool_file_can_collide_with_another_id_on_the_page(visit, site_url, tmp_path):
    from dpup_toolkit import load_checklist
    (tmp_path / "clash.yml").write_text(CLASHING, encoding="utf-8")
    definition = load_checklist(tmp_path / "clash.yml").model_dump(mode="json")
    page = open_checklist(visit, site_url).page
    source = ChecklistWidget._esm
    found = page.evaluate(DRAW_IN_PAGE, [source, definition])
    duplicates = sorted({i for i in found["ids"] if found["ids"].count(i) > 1})
    assert duplicates == []
    assert set(found["refs"]) <= set(found["ids"]), set(found["refs"]) - set(found["ids"])
    assert "dpup-clash-item-consent" in found["own"] and "dpup-clash-item-consent-yes" in found["own"]
    assert "dpup-clash-section-keep" in found["own"] and "dpup-clash--keep" in found["own"]
    assert all(i.startswith("dpup-clash-") for i in found["own"])
