"""Every tool, completed end to end on the static site (no kernel): answer every item, see the
results, reload, download the records (the same as Python's), import them elsewhere, clear.
Also the Tools index page and the navigator's links."""
import json
import re

import pytest
from playwright.sync_api import expect

from dpup_toolkit import list_checklists, render_json, render_markdown, visible_items
from dpup_toolkit.engine.catalogue import catalogue_entries
from dpup_toolkit.engine.results import results_of

from ..conftest import ROOT
from ..helpers import storage_key
from .conftest import accessibility_problems, live, open_saved_file

TOOLS = list_checklists(ROOT / "checklists")
HOSTILE = '<img src=x onerror="window.__pwned = 1"> *not bold*'


def tool_key(tool):
    return storage_key(tool.id, tool.version)


def open_tool(visit, site_url, tool, **options):
    v = visit(**options)
    v.page.goto(f"{site_url}/checklists/{tool.id}.html")
    live(v.page)
    return v


def node(page, tool, item):
    return page.locator(f"#dpup-{tool.id}-item-{item.id}")


def saved_answers(page, tool):
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(tool_key(tool))})"))["answers"]


def answer_everything(page, tool):
    """Answer each item as it appears: the first question not met, the rest met; each choice its
    first option (a quiz its right one); each text its example, plus a vague phrase where the tool
    warns about one. Returns what was entered, {item id: answer}."""
    entered = {}
    first_question = True
    for item in tool.items:
        shown = visible_items(tool, {k: {"answer": v, "note": ""} for k, v in entered.items()})
        if item not in shown:
            continue
        field = node(page, tool, item)
        if item.kind == "question":
            value = next(a.value for a in tool.answers if a.value not in tool.met) if first_question else tool.met[0]
            first_question = False
            field.get_by_role("radio", name=tool.answer_label(value), exact=True).check()
            expect(field.locator(".dpup-guidance")).to_contain_text(item.guidance[value])
        elif item.kind == "choice":
            value = item.correct or item.options[0].value
            field.get_by_role("radio", name=item.option_label(value), exact=True).check()
        else:
            value = (item.example or "We ask for your address so we can visit you.") + " " + HOSTILE
            if item.warnings:
                value += " We keep it just in case, " + item.warnings[0].phrase + "."
            box = field.get_by_role("textbox", name=item.prompt, exact=True)
            box.fill(value)
            box.blur()
            for warning in item.warnings:
                if warning.phrase.lower() in value.lower():
                    expect(field.locator(".dpup-warnings")).to_contain_text(warning.advice)
        entered[item.id] = value
    return entered


def expect_results_shown(page, tool, answers, book=True):
    """Each result the tool declares shows on the page what Python works out for these answers.
    `book`: on the built book, where links to other pages work (Voila shows their titles)."""
    for n, result in enumerate(results_of(tool, answers, catalogue_entries(tool)), start=1):
        section = page.locator(f"#dpup-{tool.id}-result-{n}")
        expect(section.get_by_role("heading", level=2)).to_have_text(result["title"])
        if result["kind"] == "unmet":
            expect(section.locator(".dpup-next-list li")).to_have_count(len(result["items"]))
            for item_id in result["items"]:
                expect(section).to_contain_text(tool.item(item_id).action)
        elif result["kind"] == "template":
            assert result["parts"], "the tool's template stayed empty"
            for part in result["parts"]:
                expect(section.locator(".dpup-template-output")).to_contain_text(part["text"])
            if result["plain_language"]:
                expect(section.locator(".dpup-plain-language")).to_contain_text("words a sentence on average")
        elif result["kind"] == "rules":
            assert result["recommendation"], "no rule matched"
            expect(section.locator(".dpup-recommendation-title")).to_contain_text(result["recommendation"]["title"])
        elif result["kind"] == "score":
            expect(section).to_contain_text(f"{result['correct']} of {result['total']} correct.")
        else:
            titles = {(entry["kind"], entry["id"]): entry["title"] for entry in catalogue_entries(tool)}
            assert result["tools"], "the navigator offered nothing"
            for kind, found in (("tool", result["tools"]), ("case", result["cases"])):
                title = f".dpup-catalogue-{kind}s > li > " + ("a" if book else "strong")
                expect(section.locator(title)).to_have_text([titles[kind, entry["id"]] for entry in found])
            if book:
                expect(section.get_by_role("link", name=re.compile("^Guide for "))).to_have_attribute(
                    "href", re.compile(rf"book/roles/{result['role']}\.html$"))


def expect_answers_shown(page, tool, entered):
    for item_id, value in entered.items():
        item = tool.item(item_id)
        field = node(page, tool, item)
        if item.kind == "text":
            expect(field.get_by_role("textbox", name=item.prompt, exact=True)).to_have_value(value)
        else:
            expect(field.locator(f'input[type=radio][value="{value}"]')).to_be_checked()


@pytest.mark.parametrize("tool", TOOLS, ids=lambda tool: tool.id)
def test_a_person_completes_the_tool_keeps_a_record_and_clears_it(visit, site_url, tool, tmp_path):
    v = open_tool(visit, site_url, tool, bypass_csp=True)  # to let the test inject axe-core
    page = v.page
    assert accessibility_problems(page) == [], "empty"

    entered = answer_everything(page, tool)
    answers = saved_answers(page, tool)
    assert {item_id: entry["answer"] for item_id, entry in answers.items()} == entered
    expect_results_shown(page, tool, answers)
    assert accessibility_problems(page) == [], "filled in"

    page.reload()
    live(page)
    expect_answers_shown(page, tool, entered)
    expect_results_shown(page, tool, answers)
    assert saved_answers(page, tool) == answers

    with page.expect_download() as markdown_download:
        page.get_by_role("button", name="Download a text copy (text file, .md)").click()
    markdown = markdown_download.value
    assert re.fullmatch(rf"{tool.id}-\d{{4}}-\d\d-\d\d-\d{{4}}\.md", markdown.suggested_filename)
    text = markdown.path().read_text(encoding="utf-8")
    exported = re.search(r"^- Exported: (.+)$", text, re.M).group(1)
    assert text == render_markdown(tool, answers, exported)

    with page.expect_download() as json_download:
        page.get_by_role("button", name="Save a file to carry on later (.json)").click()
    record = tmp_path / "record.json"
    json_download.value.save_as(record)
    record_text = record.read_text(encoding="utf-8")
    assert record_text == render_json(tool, answers, json.loads(record_text)["exported_at"])

    fresh = open_tool(visit, site_url, tool).page
    open_saved_file(fresh, record)
    expect(fresh.get_by_role("status").filter(has_text="imported")).to_have_text("Your saved record was imported.")
    expect_answers_shown(fresh, tool, entered)
    assert saved_answers(fresh, tool) == answers

    page.get_by_role("button", name="Clear my answers").click()
    expect(page.locator("input[type=radio]:checked")).to_have_count(0)
    for textbox in page.locator(".dpup-checklist textarea").all():
        expect(textbox).to_have_value("")
    assert page.evaluate(f"localStorage.getItem({json.dumps(tool_key(tool))})") is None
    assert page.evaluate("window.__pwned") is None
    assert v.external == [] and v.real_errors() == []


def test_the_tools_index_lists_every_tool_with_who_and_how_long(visit, site_url):
    v = visit(bypass_csp=True)  # to let the test inject axe-core
    page = v.page
    page.goto(f"{site_url}/checklists/index.html")
    main = page.locator("article")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Tools"))
    for tool in TOOLS:
        link = main.locator("li").get_by_role("link", name=tool.title, exact=True)
        expect(link).to_have_attribute("href", f"{tool.id}.html")
        entry = main.locator("li").filter(has=page.get_by_role("link", name=tool.title, exact=True))
        expect(entry).to_contain_text(" ".join(tool.summary.split()).replace("'", "’"))  # Sphinx's smart quotes
        if tool.minutes:
            expect(entry).to_contain_text(f"About {tool.minutes} minutes.")
    sidebar = page.locator(".bd-sidebar-primary")
    for tool in TOOLS:
        expect(sidebar.get_by_role("link", name=tool.title, exact=True)).to_have_count(1)
    assert accessibility_problems(page) == []
    main.get_by_role("link", name="Find what fits", exact=True).first.click()
    page.wait_for_url("**/checklists/find-what-fits.html")  # the next page, not this one, goes live
    live(page)
    assert v.external == [] and v.real_errors() == []


def test_the_navigator_leads_to_the_tools_that_fit(visit, site_url):
    navigator = next(tool for tool in TOOLS if tool.id == "find-what-fits")
    page = open_tool(visit, site_url, navigator).page
    node(page, navigator, navigator.item("role")).get_by_role("radio", name="Analysis, research or evaluation").check()
    node(page, navigator, navigator.item("stage")).get_by_role("radio", name="Research and evaluation").check()
    others = [tool for tool in TOOLS if tool.id != "find-what-fits"]
    fits = [tool.title for tool in others if "analysis-and-research" in tool.roles and "research-and-evaluation" in tool.stages]
    partly = [tool.title for tool in others if ("analysis-and-research" in tool.roles) != ("research-and-evaluation" in tool.stages)]
    result = page.locator(".dpup-catalogue")
    links = result.locator(".dpup-catalogue-tools > li > a")
    expect(links).to_have_count(len(fits) + len(partly))
    # Those that fit both answers first (ranked: test_find_what_fits_ranking.py), then those that fit one.
    shown = links.all_text_contents()
    assert sorted(shown[:len(fits)]) == sorted(fits) and sorted(shown[len(fits):]) == sorted(partly)
    assert "Before you ask — a front-line conversation" not in shown
    result.get_by_role("link", name="Sharing Value — the value loop").click()
    page.wait_for_url("**/checklists/sharing-value.html")  # this page's form is live already: wait for the next
    live(page)


def test_the_navigator_leads_to_the_case_studies_that_fit(visit, site_url):
    navigator = next(tool for tool in TOOLS if tool.id == "find-what-fits")
    v = open_tool(visit, site_url, navigator, bypass_csp=True)  # bypass: to inject axe-core
    page = v.page
    node(page, navigator, navigator.item("role")).get_by_role("radio", name="Working at the front line").check()
    node(page, navigator, navigator.item("stage")).get_by_role("radio", name="Service delivery").check()
    result = page.locator(".dpup-catalogue")
    expect(result.get_by_role("heading", name="Case studies", level=3)).to_be_visible()
    cases = result.locator(".dpup-catalogue-cases > li")
    expect(cases).to_have_count(1)
    expect(cases.first).to_contain_text("A funder shares what it learns")
    # Another stage, another list: nothing fits the front line at planning yet, and the page says so.
    node(page, navigator, navigator.item("stage")).get_by_role("radio", name="Planning").check()
    expect(result).to_contain_text("No case study fits that choice yet.")
    node(page, navigator, navigator.item("stage")).get_by_role("radio", name="Service delivery").check()
    assert accessibility_problems(page) == []
    result.get_by_role("link", name="A two-way street", exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith("/case_studies/two-way-street.html")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Case study: a two-way street")
    assert v.external == [] and v.real_errors() == []
