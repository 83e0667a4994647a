"""Tool pages show their form drawn at build time (prerender.py) and load the widget's code only
when a person starts to use it: nothing they do before the code arrives is lost, a browser with
saved answers gets the live form at once, and the drawn form is the form the widget draws."""
import json
import re
import time

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from dpup_toolkit import list_checklists, render_json
from dpup_toolkit.site.prerender import widget_state

from ..conftest import ROOT, SITE
from ..helpers import SLOW, storage_key, stored

TOOLS = list_checklists(ROOT / "checklists")
QUICK = next(tool for tool in TOOLS if tool.id == "quick-check-in")
DRAWN = ".static-widget[data-drawn]"


def loads_with(folder, name):
    """A module of the built widget (widget/front_end.py: esbuild's split) and the chunks it imports
    as it loads, not the parts it may import later (import("./...") when a person uses them)."""
    found = {name}
    for imported in re.findall(r'(?:\bfrom|\bimport)\s*"\./([^"]+)"', (folder / name).read_text(encoding="utf-8")):
        found |= loads_with(folder, imported)
    return found


def widget_code(url):
    """Whether `url` is what a tool page loads once used: the runtime, the widget's code, the tool's data."""
    path = url.split("?")[0]
    return ("/widgets/checklist-" in path and path.endswith(".js") or path.endswith("/widgets/static-runtime.js")
            or path.endswith(".widgets.json"))


# A form's HTML as it stands: what is chosen and typed in it written as attributes and text, as
# the build writes a filled-in form (a browser's innerHTML leaves out what was set by script).
AS_IT_STANDS = """(form) => {
    const copy = form.cloneNode(true);
    const fields = form.querySelectorAll("input, textarea");
    copy.querySelectorAll("input, textarea").forEach((field, i) => {
        if (field.type === "radio" || field.type === "checkbox") field.toggleAttribute("checked", fields[i].checked);
        else if (field.tagName === "TEXTAREA") field.textContent = fields[i].value;
    });
    return copy.innerHTML;
}"""


def shape(html):
    """The form as tags, attributes and text, in order. The address in the print-only line is
    left out (the build has none), and so is the `value` attribute of an empty field (the DOM
    that draws at build time writes value="" where a browser writes nothing)."""
    soup = BeautifulSoup(html, "html.parser")
    out = []
    for element in soup.find_all(True):
        attributes = {name: " ".join(v) if isinstance(v, list) else v for name, v in element.attrs.items()}
        if element.name in ("input", "textarea") and attributes.get("value") == "":
            del attributes["value"]
        text = "" if "dpup-print-source" in attributes.get("class", "") else element.find(string=True, recursive=False)
        out.append((element.name, sorted(attributes.items()), (text or "").strip()))
    return out


def definition(path):
    """The checklist a built page's widget draws, as the widget gets it."""
    state = widget_state(SITE / path)["state"]
    return next(model["state"] for model in state.values() if "definition" in model["state"])["definition"]


# Every tool page, and every case study that runs a tool with its example answers filled in.
CASE_STUDIES = sorted(path.stem for path in (ROOT / "case_studies").glob("*.ipynb"))
DRAWN_PAGES = [f"checklists/{tool.id}.html" for tool in TOOLS] + [f"case_studies/{name}.html" for name in CASE_STUDIES]


def test_every_case_study_that_runs_a_tool_opens_with_its_example_drawn():
    for name in CASE_STUDIES:
        html = (SITE / "case_studies" / f"{name}.html").read_text(encoding="utf-8")
        tool = definition(f"case_studies/{name}.html")["id"]
        assert f'data-drawn="{tool}"' in html and "modulepreload" not in html, name
        drawn = BeautifulSoup(html, "html.parser").select_one(DRAWN)
        assert drawn.select("input[checked]") or drawn.select("textarea:not(:empty)"), f"{name}: drawn without its answers"


@pytest.mark.parametrize("path", DRAWN_PAGES)
def test_the_form_shows_at_once_and_its_code_loads_when_a_person_starts(visit, site_url, path):
    v = visit()
    page = v.page
    page.goto(f"{site_url}/{path}", wait_until="load")
    page.wait_for_load_state("networkidle")
    first = page.locator(".dpup-checklist .dpup-item").first
    expect(first).to_be_visible()
    assert [url for url, _ in v.requests if widget_code(url)] == [], "the widget's code loaded before anyone used the form"
    drawn = page.locator(DRAWN).evaluate(AS_IT_STANDS)

    first.hover()  # a person points at the form
    expect(page.locator(DRAWN)).to_have_count(0)
    page.wait_for_load_state("networkidle")
    # The widget's module; the code for each kind of item and result beyond questions and the
    # "unmet" list only for a tool that has it (kinds.js); records, Compare answers and saved-check
    # actions only when used.
    state = widget_state(SITE / path)["state"]
    folder = (SITE / next(m["state"]["_esm_file"] for m in state.values() if "_esm_file" in m["state"])).parent
    tool = definition(path)
    kinds = ({f"item-{item.get('kind', 'question')}" for section in tool["sections"] for item in section["items"]}
             | {f"result-{result['kind']}" for result in tool.get("results", [])})
    needs = loads_with(folder, "checklist.js")
    for kind in kinds:
        if kind not in ("item-question", "result-unmet"):
            needs |= loads_with(folder, next(path.name for path in folder.glob(f"{kind}-*.js")))
    assert {url.rsplit("/", 1)[1] for url, _ in v.requests if "/widgets/checklist-" in url and url.endswith(".js")} == needs
    # The site's script gives the live form's section headings their copy-link buttons as they
    # appear, as it gave the drawn form's: wait for them as a person would see them.
    links = BeautifulSoup(drawn, "html.parser").select(".dpup-heading-link")
    expect(page.locator(".static-widget .dpup-heading-link")).to_have_count(len(links))
    live = page.locator(".static-widget").evaluate(AS_IT_STANDS)
    assert shape(live) == shape(drawn), "the form drawn at build time differs from the one the widget draws"
    assert v.real_errors() == []


def test_what_a_person_does_before_the_code_arrives_is_kept(visit, site_url):
    v = visit()
    page = v.page
    held = []
    page.route("**/widgets/checklist-*/checklist.js", lambda route: held.append(route))
    page.goto(f"{site_url}/checklists/{QUICK.id}.html")
    first, second = QUICK.sections[0].items[0], QUICK.sections[1].items[0]
    page.get_by_role("group", name=first.prompt).get_by_label("Yes", exact=True).check()
    note = page.locator(f"#dpup-{QUICK.id}-item-{second.id}--note")
    note.click()
    page.keyboard.type("asked at the door")
    for _ in range(4):
        page.keyboard.press("ArrowLeft")
    expect(page.locator(DRAWN)).to_have_count(1)  # the code has not arrived
    deadline = time.monotonic() + SLOW / 1000  # the runtime and the tool's data come first, then the code
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert held, "the form asked for its code once the person started"

    held[0].continue_()
    expect(page.locator(DRAWN)).to_have_count(0)
    expect(page.locator(".dpup-progress-text")).to_have_text(f"1 of {sum(len(s.items) for s in QUICK.sections)} "
                                                             "questions answered. 0 not met.")
    expect(page.get_by_role("group", name=first.prompt).get_by_label("Yes", exact=True)).to_be_checked()
    expect(note).to_have_value("asked at the door")
    assert page.evaluate("[document.activeElement.id, document.activeElement.selectionStart]") == [
        f"dpup-{QUICK.id}-item-{second.id}--note", len("asked at the door") - 4]
    page.keyboard.type("!")  # typing goes on where it was
    expect(note).to_have_value("asked at the !door")
    saved = stored(page, storage_key(QUICK.id, QUICK.version))
    assert saved["answers"][first.id]["answer"] == "yes"
    assert saved["answers"][second.id]["note"] == "asked at the !door"
    assert v.real_errors() == []


def test_a_browser_with_saved_answers_gets_the_live_form_at_once(visit, site_url):
    v = visit()
    page = v.page
    first = QUICK.sections[0].items[0]
    key = storage_key(QUICK.id, QUICK.version)
    saved = {"answers": {first.id: {"answer": "no", "note": ""}}}
    page.add_init_script(f"localStorage.setItem({json.dumps(key)}, {json.dumps(json.dumps(saved))})")
    page.goto(f"{site_url}/checklists/{QUICK.id}.html")
    expect(page.locator(DRAWN)).to_have_count(0)  # no one has touched the page
    expect(page.get_by_role("group", name=first.prompt).get_by_label("No", exact=True)).to_be_checked()
    expect(page.locator(".dpup-progress-text")).to_contain_text("1 of")


def test_the_drawn_form_prints_where_the_page_is_online(visit, site_url):
    v = visit()
    page = v.page
    page.goto(f"{site_url}/checklists/{QUICK.id}.html#%E0%A4%A")  # a broken escape in the address is harmless
    expect(page.locator(f"{DRAWN} .dpup-print-source")).to_have_text(f"Online: {site_url}/checklists/{QUICK.id}.html")
    page.locator(".dpup-checklist .dpup-item").first.hover()
    expect(page.locator(DRAWN)).to_have_count(0)
    assert v.real_errors() == []


def test_every_tool_page_keeps_its_state_in_a_file_beside_it():
    for tool in TOOLS:
        html = (SITE / "checklists" / f"{tool.id}.html").read_text(encoding="utf-8")
        assert f'data-src="{tool.id}.widgets.json"' in html and f'data-drawn="{tool.id}"' in html
        assert "modulepreload" not in html
        assert (SITE / "checklists" / f"{tool.id}.widgets.json").is_file()


def test_a_button_pressed_before_the_code_arrives_does_its_work(visit, site_url, tmp_path):
    v = visit()
    page = v.page
    page.goto(f"{site_url}/checklists/{QUICK.id}.html")
    first = QUICK.sections[0].items[0]
    record = tmp_path / "record.json"
    record.write_text(render_json(QUICK, {first.id: {"answer": "yes", "note": "from last week"}}), encoding="utf-8")
    with page.expect_file_chooser() as chooser:  # the first thing this person does
        page.get_by_role("button", name="Open a saved progress file").click()
    chooser.value.set_files(record)
    expect(page.get_by_role("group", name=first.prompt).get_by_label("Yes", exact=True)).to_be_checked()
    expect(page.locator(f"#dpup-{QUICK.id}-item-{first.id}--note")).to_have_value("from last week")

    fresh = visit().page  # and from the keyboard
    fresh.goto(f"{site_url}/checklists/{QUICK.id}.html")
    fresh.get_by_role("button", name="Save a file to carry on later (.json)").focus()
    with fresh.expect_download() as download:
        fresh.keyboard.press("Enter")
    assert json.loads(open(download.value.path(), encoding="utf-8").read())["checklist"]["id"] == QUICK.id
