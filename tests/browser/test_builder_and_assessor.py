"""A person completes the Purpose statement builder and the collaboration assessor on the static site."""
import json
import re

from playwright.sync_api import expect

from dpup_toolkit import ChecklistWidget, load_checklist, render_json, render_markdown
from dpup_toolkit.engine.results import results_of

from ..conftest import ROOT
from .conftest import accessibility_problems, live, open_saved_file
from .test_tools import open_tool, saved_answers

BUILDER = load_checklist(ROOT / "checklists" / "purpose-statement-builder.yml")
ASSESSOR = load_checklist(ROOT / "checklists" / "collaboration-assessor.yml")
HOSTILE = '<img src=x onerror="window.__pwned = 1"> *bold*'


def item(page, tool, item_id):
    return page.locator(f"#dpup-{tool.id}-item-{item_id}")


def downloads_match_python(page, tool, tmp_path):
    answers = saved_answers(page, tool)
    with page.expect_download() as markdown_download:
        page.get_by_role("button", name="Download a text copy (text file, .md)").click()
    text = markdown_download.value.path().read_text(encoding="utf-8")
    assert text == render_markdown(tool, answers, re.search(r"^- Exported: (.+)$", text, re.M)[1])
    with page.expect_download() as json_download:
        page.get_by_role("button", name="Save a file to carry on later (.json)").click()
    path = tmp_path / f"{tool.id}.json"
    json_download.value.save_as(path)
    record = path.read_text(encoding="utf-8")
    assert record == render_json(tool, answers, json.loads(record)["exported_at"])
    return path, answers


def type_into(page, tool, item_id, text):
    field = item(page, tool, item_id).get_by_role("textbox")
    field.fill(text)
    field.blur()


def test_the_builder_warns_assembles_checks_and_keeps_the_explanation(visit, site_url, tmp_path):
    v = open_tool(visit, site_url, BUILDER)
    page = v.page
    template = page.locator(".dpup-result-template")
    expect(template).to_contain_text("Nothing written yet.")
    what = item(page, BUILDER, "what")
    expect(what.get_by_role("textbox", name=BUILDER.item("what").prompt)).to_have_count(1)
    what.get_by_role("textbox").press_sequentially("names, Just in case")
    warning = what.locator(".dpup-warnings")
    expect(warning).to_contain_text("“just in case” makes a purpose vague.")
    expect(warning).to_have_attribute("aria-live", "polite")
    type_into(page, BUILDER, "what", "your name and " + HOSTILE)
    expect(warning).to_be_empty()
    answers = {i.id: {"answer": i.example} for i in BUILDER.items if i.id != "what"}
    for item_id, entry in answers.items():
        type_into(page, BUILDER, item_id, entry["answer"])
    answers["what"] = {"answer": "your name and " + HOSTILE}
    (expected,) = results_of(BUILDER, answers)
    parts = template.locator(".dpup-template-part")
    expect(parts).to_have_text([part["text"] for part in expected["parts"]])
    figures = expected["plain_language"]
    expect(template).to_contain_text(f"Plain language: {figures['sentences']} sentences, {figures['average']} words")
    expect(page.locator(".dpup-progress-text")).to_have_text("6 of 6 answered.")

    long = " ".join(["word"] * 30) + "."
    type_into(page, BUILDER, "law", long)
    expect(template.locator("li")).to_have_text([f"The law: {long}"])

    v.context.grant_permissions(["clipboard-read", "clipboard-write"])
    template.get_by_role("button", name=re.compile("^Copy")).click()
    expect(template.get_by_role("status")).to_have_text("Copied. Paste it where you need it.")
    answers["law"] = {"answer": long}
    assert page.evaluate("navigator.clipboard.readText()") == results_of(BUILDER, answers)[0]["text"]

    page.reload()
    live(page)
    expect(item(page, BUILDER, "law").get_by_role("textbox")).to_have_value(long)
    expect(parts.first).to_have_text(f"We will ask you for your name and {HOSTILE}.")  # the full stop a person left off
    assert page.evaluate("window.__pwned") is None and page.locator(".dpup-checklist img").count() == 0
    record, saved = downloads_match_python(page, BUILDER, tmp_path)

    fresh = open_tool(visit, site_url, BUILDER).page
    open_saved_file(fresh, record)
    expect(fresh.get_by_role("status").filter(has_text="imported")).to_have_text("Your saved record was imported.")
    expect(item(fresh, BUILDER, "why").get_by_role("textbox")).to_have_value(BUILDER.item("why").example)
    assert saved_answers(fresh, BUILDER) == saved
    fresh.get_by_role("button", name="Clear my answers").click()
    expect(fresh.locator(".dpup-progress-text")).to_have_text("0 of 6 answered.")
    expect(item(fresh, BUILDER, "why").get_by_role("textbox")).to_have_value("")
    expect(fresh.locator(".dpup-result-template")).to_contain_text("Nothing written yet.")
    assert v.external == [] and v.real_errors() == []


def choose(page, option_label):
    page.get_by_role("radio", name=option_label, exact=True).check()


def option(item_id, value):
    return next(o.label for o in ASSESSOR.item(item_id).options if o.value == value)


def test_the_assessor_recommends_a_level_with_why_and_keeps_it(visit, site_url, tmp_path):
    v = open_tool(visit, site_url, ASSESSOR)
    page = v.page
    result = page.locator(".dpup-result-rules")
    expect(result).to_contain_text("Answer the questions above to see a recommendation.")
    # Seed 001, example 1: mapping the over-65 population of a region.
    for item_id, value in (("identifies", "no"), ("sensitivity", "broad"), ("impact", "small")):
        choose(page, option(item_id, value))
    expect(result.locator(".dpup-recommendation-title")).to_have_text("Recommended: A check with colleagues")
    # Seed 001, example 2: funding a new service from detailed information about children in care.
    for item_id, value in (("identifies", "yes"), ("sensitivity", "sensitive"), ("impact", "large")):
        choose(page, option(item_id, value))
    (expected,) = results_of(ASSESSOR, {i: {"answer": v} for i, v in
                                        (("identifies", "yes"), ("sensitivity", "sensitive"), ("impact", "large"))})
    chosen = expected["recommendation"]
    expect(result.locator(".dpup-recommendation-title")).to_have_text(f"Recommended: {chosen['title']}")
    expect(result).to_contain_text(f"Why: {chosen['text']}")
    expect(result.get_by_role("link", name=chosen["links"][0]["title"])).to_have_attribute(
        "href", f"../{chosen['links'][0]['page']}.html")
    note = item(page, ASSESSOR, "impact").get_by_role("textbox", name="Your note (optional)")
    note.fill("Talk to the team " + HOSTILE)
    note.blur()

    page.reload()
    live(page)
    expect(page.get_by_role("radio", name=option("sensitivity", "sensitive"), exact=True)).to_be_checked()
    expect(result.locator(".dpup-recommendation-title")).to_have_text(f"Recommended: {chosen['title']}")
    record, saved = downloads_match_python(page, ASSESSOR, tmp_path)

    fresh = open_tool(visit, site_url, ASSESSOR).page
    open_saved_file(fresh, record)
    expect(fresh.locator(".dpup-recommendation-title")).to_have_text(f"Recommended: {chosen['title']}")
    assert saved_answers(fresh, ASSESSOR) == saved
    fresh.get_by_role("button", name="Clear my answers").click()
    expect(fresh.locator(".dpup-result-rules")).to_contain_text("Answer the questions above to see a recommendation.")
    expect(fresh.locator("input[type=radio]:checked")).to_have_count(0)
    assert v.external == [] and v.real_errors() == []


def test_both_tools_are_accessible_empty_and_filled(visit, site_url):
    for tool in (BUILDER, ASSESSOR):
        page = open_tool(visit, site_url, tool, bypass_csp=True).page
        assert accessibility_problems(page) == [], tool.id
        if tool is BUILDER:
            type_into(page, tool, "what", "names, just in case")
            type_into(page, tool, "law", " ".join(["word"] * 30) + ".")
            expect(page.locator(".dpup-warning")).to_have_count(1)
        else:
            for item_id, value in (("identifies", "could"), ("sensitivity", "some"), ("impact", "medium")):
                choose(page, option(item_id, value))
            expect(page.locator(".dpup-recommendation-title")).to_have_text("Recommended: Consultation")
        assert accessibility_problems(page) == [], tool.id


def test_print_shows_the_typed_text_and_the_result_not_the_controls(visit, site_url):
    page = open_tool(visit, site_url, BUILDER).page
    type_into(page, BUILDER, "why", "plan your support.")
    page.emulate_media(media="print")
    expect(item(page, BUILDER, "why").locator(".dpup-print-answer")).to_have_text("plan your support.")
    expect(item(page, BUILDER, "why").get_by_role("textbox")).to_be_hidden()
    # Not written yet: a box to write in by hand.
    expect(item(page, BUILDER, "what").locator(".dpup-print-answer")).to_be_hidden()
    expect(item(page, BUILDER, "what").get_by_role("textbox")).to_be_visible()
    expect(page.locator(".dpup-template-part")).to_have_text(["We need it to plan your support."])
    expect(page.get_by_role("button", name=re.compile("^Copy"))).to_be_hidden()


def test_keyboard_only_the_assessor_gives_a_recommendation(visit, site_url):
    page = open_tool(visit, site_url, ASSESSOR).page
    first = page.get_by_role("radio", name=option("identifies", "no"), exact=True)
    first.focus()
    page.keyboard.press("Space")
    for _ in range(2):  # Tab past the note (and a section's copy-link button) to the next group
        for _ in range(4):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.type === 'radio'"):
                break
        page.keyboard.press("Space")
    expect(page.locator(".dpup-recommendation-title")).to_have_text(re.compile("^Recommended: "))
    assert len(saved_answers(page, ASSESSOR)) == 3


def test_the_assessor_and_the_builder_run_as_voila_apps(visit, voila_url):
    from .test_voila import open_app
    v = open_app(visit, voila_url, f"checklists/{ASSESSOR.id}.ipynb")
    page = v.page
    for item_id, value in (("identifies", "no"), ("sensitivity", "broad"), ("impact", "small")):
        choose(page, option(item_id, value))
    expect(page.locator(".dpup-recommendation-title")).to_have_text("Recommended: A check with colleagues")
    page.reload()
    page.wait_for_selector(".dpup-checklist", timeout=60_000)
    expect(page.locator(".dpup-recommendation-title")).to_have_text("Recommended: A check with colleagues")

    page = open_app(visit, voila_url, f"checklists/{BUILDER.id}.ipynb").page
    type_into(page, BUILDER, "why", "plan your support.")
    expect(page.locator(".dpup-template-part")).to_have_text(["We need it to plan your support."])
    assert v.external == []  # the toolkit's Voila template asks no one else for anything


DRAW = """async ([source, definition]) => {
    const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
    const widget = (await import(url)).default;
    // One tool per page: the page's own form goes, drawn or live, and its view (so it never wakes).
    document.querySelectorAll('.static-widget, script[type="application/vnd.jupyter.widget-view+json"]')
        .forEach((other) => other.remove());
    const el = document.createElement("div");
    el.id = "drawn";
    document.querySelector("article").prepend(el);
    const values = {definition, answers: {}};
    await widget.render({el, model: {get: (k) => values[k], set: (k, v) => { values[k] = v; }, save_changes() {},
                               on() {}, off() {}}});
}"""


def draw(page, definition):
    page.evaluate(DRAW, [ChecklistWidget._esm, definition])
    return page.locator("#drawn")


def icon(item):
    return item.locator(".dpup-verdict strong").evaluate("(el) => getComputedStyle(el, '::before').content")


def test_a_quiz_explains_each_answer_and_keeps_score(visit, site_url):
    from ..conftest import FIXTURES
    quiz = load_checklist(FIXTURES / "kinds.yml")
    page = open_tool(visit, site_url, BUILDER, bypass_csp=True).page
    drawn = draw(page, quiz.model_dump(mode="json"))
    expect(drawn.locator(".dpup-score")).to_have_text("0 of 1 correct.")
    size = drawn.locator("#dpup-kinds-item-size")
    size.get_by_role("radio", name="Small", exact=True).check()
    expect(size.locator(".dpup-guidance")).to_have_text("Not correct. The right answer is: Large.Few people notice.")
    assert icon(size) == '"✗ " / ""'  # right and wrong differ by more than colour
    missed = drawn.locator(".dpup-score-missed")
    expect(missed.get_by_role("link")).to_have_text([quiz.item("size").prompt])
    expect(missed.get_by_role("link")).to_have_attribute("href", "#dpup-kinds-item-size")
    size.get_by_role("radio", name="Large", exact=True).check()
    expect(size.locator(".dpup-guidance")).to_have_text("Correct.Many people notice.")
    assert icon(size) == '"✓ " / ""'
    expect(drawn.locator(".dpup-score")).to_have_text("1 of 1 correct.")
    expect(missed).to_be_empty()
    assert accessibility_problems(page) == []


def test_the_catalogue_lists_the_tools_that_fit_with_the_role_guide(visit, site_url, tmp_path):
    from dpup_toolkit.engine.catalogue import catalogue_entries
    from dpup_toolkit.engine.results import results_of
    from ..test_front_end_logic import NAVIGATOR
    folder = tmp_path / "checklists"  # the tools' folder names their pages: checklists/<id>
    folder.mkdir()
    for tool in (BUILDER, ASSESSOR):
        (folder / f"{tool.id}.yml").write_text(tool.source.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "finder.yml").write_text(NAVIGATOR, encoding="utf-8")
    finder = load_checklist(folder / "finder.yml")
    entries = catalogue_entries(finder)
    page = open_tool(visit, site_url, BUILDER).page
    drawn = draw(page, {**finder.model_dump(mode="json"), "catalogue": entries})
    expect(drawn.locator(".dpup-catalogue")).to_have_text("Choose above to see the guides, tools and case studies that fit.")
    drawn.get_by_role("radio", name="Team leaders", exact=True).check()
    expected = results_of(finder, {"role": {"answer": "team-leaders"}}, entries)[0]["tools"]
    assert [entry["id"] for entry in expected] == ["collaboration-assessor", "purpose-statement-builder"]
    links = drawn.locator(".dpup-catalogue-tools a")
    expect(links).to_have_text([ASSESSOR.title, BUILDER.title])
    expect(links.first).to_have_attribute("href", f"../checklists/{ASSESSOR.id}.html")
    expect(drawn.get_by_role("link", name="Guide for Team leaders")).to_have_attribute(
        "href", "../book/roles/team-leaders.html")
    drawn.get_by_role("radio", name="Front-line", exact=True).check()
    drawn.get_by_role("radio", name="Design", exact=True).check()
    # The builder fits both answers; the assessor only the stage, so it follows, folded.
    expect(links).to_have_text([BUILDER.title, ASSESSOR.title])
    expect(drawn.locator("details.dpup-catalogue-more > summary")).to_have_text(["Tools that fit one of your answers (1)"])
    expect(drawn.get_by_role("link", name=ASSESSOR.title)).to_be_hidden()
