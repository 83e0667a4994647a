"""The executable case studies on the static site: each opens with the case's answers and its
result (drawn at build time, so nothing moves when the code arrives), and a reader who changes an
answer sees the result change (no kernel)."""
import json
import time

from playwright.sync_api import expect

from dpup_toolkit import load_checklist

from ..conftest import ROOT
from ..helpers import SLOW, storage_key
from .conftest import live

PURPOSE = load_checklist(ROOT / "checklists" / "purpose-statement.yml")
ASSESSOR = load_checklist(ROOT / "checklists" / "collaboration-assessor.yml")
BUILDER = load_checklist(ROOT / "checklists" / "purpose-statement-builder.yml")


def open_case(visit, site_url, page):
    v = visit()
    v.page.goto(f"{site_url}/case_studies/{page}.html")
    live(v.page)
    return v


def pick(page, question, label):
    page.get_by_role("group", name=question, exact=True).get_by_label(label, exact=True).check()


def test_the_client_level_data_case_shows_what_was_missing_and_follows_a_changed_answer(visit, site_url):
    v = open_case(visit, site_url, "client-level-data")
    page = v.page
    steps = page.locator(".dpup-next-list li")
    expect(steps).to_have_count(7)
    purpose = PURPOSE.item("purpose-written")
    expect(steps.get_by_role("link", name=purpose.prompt)).to_have_count(1)
    expect(steps.filter(has_text=purpose.prompt)).to_contain_text(purpose.action)

    pick(page, purpose.prompt, "Yes")
    expect(steps).to_have_count(6)
    expect(steps.get_by_role("link", name=purpose.prompt)).to_have_count(0)

    page.reload()
    live(page)
    expect(steps).to_have_count(6)  # the reader's change is kept in this browser
    own_key = storage_key(PURPOSE.id, PURPOSE.version)
    assert page.evaluate(f"localStorage.getItem({json.dumps(own_key)})") is None, (
        "the case must not write over the reader's own Purpose statement checklist")
    assert v.real_errors() == [] and v.external == []


def test_the_over_65_case_recommends_a_light_check_until_the_information_turns_sensitive(visit, site_url):
    v = open_case(visit, site_url, "over-65-population")
    page = v.page
    recommendation = page.locator(".dpup-recommendation-title")
    expect(recommendation).to_have_text("Recommended: A check with colleagues")
    pick(page, ASSESSOR.item("sensitivity").prompt, "In-depth or sensitive detail about people's lives")
    expect(recommendation).to_have_text("Recommended: Consultation")
    assert v.real_errors() == [] and v.external == []


def test_the_children_in_care_case_recommends_co_design_and_follows_a_changed_answer(visit, site_url):
    v = open_case(visit, site_url, "children-in-care-service")
    page = v.page
    recommendation = page.locator(".dpup-recommendation-title")
    expect(recommendation).to_have_text("Recommended: Co-design with service users and communities")
    pick(page, ASSESSOR.item("identifies").prompt, "No, it cannot be traced back to anyone")
    pick(page, ASSESSOR.item("sensitivity").prompt, "Broad facts only, such as census-style counts")
    expect(recommendation).to_have_text("Recommended: Consultation")
    assert v.real_errors() == [] and v.external == []


def test_the_two_way_street_case_drafts_the_explanation_and_follows_a_changed_answer(visit, site_url):
    v = open_case(visit, site_url, "two-way-street")
    page = v.page
    explanation = page.locator(".dpup-template-output")
    expect(explanation).to_contain_text("Your choices: you can ask us to leave your answers out of the totals.")
    choices = page.get_by_role("textbox", name=BUILDER.item("choice").prompt, exact=True)
    choices.fill("")
    choices.blur()
    expect(explanation).not_to_contain_text("Your choices")
    what = page.get_by_role("textbox", name=BUILDER.item("what").prompt, exact=True)
    what.fill("anything we like, and for any other purpose.")
    expect(page.locator(".dpup-warning")).to_have_count(1)
    expect(explanation).to_contain_text("We will ask you for anything we like")
    assert v.real_errors() == [] and v.external == []


def test_a_case_opens_with_its_example_drawn_and_a_change_made_before_the_code_arrives_is_kept(visit, site_url):
    v = visit()
    page = v.page
    held = []
    page.route("**/widgets/checklist-*/checklist.js", lambda route: held.append(route))
    page.goto(f"{site_url}/case_studies/client-level-data.html")
    drawn = page.locator(".static-widget[data-drawn]")
    identifying = PURPOSE.item("identifying-parts").prompt
    purpose = PURPOSE.item("purpose-written").prompt
    # The example's answers and notes show before any of the widget's code has run.
    expect(drawn.get_by_role("group", name=identifying, exact=True).get_by_label("Yes", exact=True)).to_be_checked()
    expect(drawn.get_by_role("group", name=purpose, exact=True).get_by_label("No", exact=True)).to_be_checked()
    expect(drawn.locator(".dpup-next-list li")).to_have_count(7)
    pick(page, purpose, "Yes")  # the reader's first move, on the drawn form
    expect(page.locator(".static-widget[data-drawn]")).to_have_count(1)
    deadline = time.monotonic() + SLOW / 1000  # the runtime and the tool's data come first, then the code
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert held, "the form asked for its code once the reader started"
    held[0].continue_()
    expect(drawn).to_have_count(0)
    expect(page.get_by_role("group", name=purpose, exact=True).get_by_label("Yes", exact=True)).to_be_checked()
    expect(page.get_by_role("group", name=identifying, exact=True).get_by_label("Yes", exact=True)).to_be_checked()
    expect(page.locator(".dpup-next-list li")).to_have_count(6)
    assert v.real_errors() == [] and v.external == []
