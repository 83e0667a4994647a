"""The workshop kit and the case studies as a trainer meets them on the built site: run sheets
that add up, a quiz that covers the key points, links that work, and cases that run a tool."""
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from dpup_toolkit import load_checklist
from dpup_toolkit.engine.plain_language import article
from dpup_toolkit.site import publishing

from .conftest import ROOT, SITE
from .site_manifest import toc_pages

GUIDE = "book/workshop/facilitator-guide.html"
# The 90-minute run sheet of the introductory workshop, block by block, as the workshop's source sets it out.
RUN_SHEET_90 = [("Welcome and introductions", 10), ("What we will cover", 5), ("Why DPUP?", 10),
                ("The journey", 10), ("Principles and Guidelines", 20), ("The toolkit", 5),
                ("What it means for your organisation", 5), ("Quiz", 10), ("Questions and close", 15)]


def soup(page):
    return BeautifulSoup((SITE / page).read_text(encoding="utf-8"), "html.parser")


def table_rows(page, section_id):
    table = article((SITE / page).read_text(encoding="utf-8")).select_one(f"section#{section_id} table")
    assert table is not None, f"{page} has no table under #{section_id}"
    header = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    return header, rows


@pytest.mark.parametrize("section_id, total", [("run-sheet-90-minutes", 90), ("run-sheet-60-minutes", 60)])
def test_run_sheet_minutes_add_up(section_id, total):
    header, rows = table_rows(GUIDE, section_id)
    minutes = header.index("Minutes")
    blocks = [row for row in rows if row[0] != "Total"]
    assert sum(int(row[minutes]) for row in blocks) == total
    assert [row[minutes] for row in rows if row[0] == "Total"] == [str(total)]
    assert [row[0] for row in blocks] == [block for block, _ in RUN_SHEET_90], "every block, in order"


def test_the_90_minute_run_sheet_follows_the_workshop_notes():
    header, rows = table_rows(GUIDE, "run-sheet-90-minutes")
    minutes = header.index("Minutes")
    assert [(row[0], int(row[minutes])) for row in rows if row[0] != "Total"] == RUN_SHEET_90
    assert all(row[header.index("Toolkit page")] for row in rows if row[0] != "Total")


def test_the_60_minute_run_sheet_states_every_cut():
    header, rows = table_rows(GUIDE, "run-sheet-60-minutes")
    cut = header.index("What is cut")
    full = dict(RUN_SHEET_90)
    for row in rows:
        if row[0] != "Total" and int(row[header.index("Minutes")]) < full[row[0]]:
            assert row[cut] not in ("", "Nothing."), f"{row[0]} is shorter but does not say what is cut"


def test_the_facilitator_handout_agrees_with_the_guide():
    header, rows = table_rows("book/workshop/handouts/facilitator.html", "run-sheet")
    full, short = header.index("90 min"), header.index("60 min")
    guide_60 = table_rows(GUIDE, "run-sheet-60-minutes")
    minutes = guide_60[0].index("Minutes")
    short_sheet = dict((row[0], int(row[minutes])) for row in guide_60[1] if row[0] != "Total")
    assert [(row[0], int(row[full])) for row in rows] == RUN_SHEET_90
    assert {row[0]: int(row[short]) for row in rows} == short_sheet


def clock(minutes):
    return f"{minutes // 60}:{minutes % 60:02d}"


@pytest.mark.parametrize("page, section_id, minutes_column, starts_column", [
    (GUIDE, "run-sheet-90-minutes", "Minutes", "Starts at"),
    (GUIDE, "run-sheet-60-minutes", "Minutes", "Starts at"),
    ("book/workshop/handouts/facilitator.html", "run-sheet", "90 min", "Starts at (90)"),
    ("book/workshop/handouts/facilitator.html", "run-sheet", "60 min", "Starts at (60)"),
])
def test_each_block_starts_when_the_blocks_before_it_have_run(page, section_id, minutes_column, starts_column):
    """A trainer keeps time by the clock: each block's start is the sum of the blocks before it."""
    header, rows = table_rows(page, section_id)
    blocks = [row for row in rows if row[0] != "Total"]
    elapsed = 0
    for row in blocks:
        assert row[header.index(starts_column)] == clock(elapsed), row[0]
        elapsed += int(row[header.index(minutes_column)])


def test_the_guide_covers_roles_preparation_every_activity_and_the_close():
    text = " ".join(article((SITE / GUIDE).read_text(encoding="utf-8")).get_text(" ").split())
    for needed in ("Host", "Facilitator", "Presenters", "introduction to DPUP video", "Activity: introductions",
                   "Activity: reflection", "What would you say?", "What people said",
                   "breakout groups", "Activity: sharing", "Thank everyone"):
        assert needed in text, needed
    assert soup(GUIDE).select_one("section#the-close")


# ---------------------------------------------------------------------------------------------
# The quiz and the organisation tool are data, checked here; the browser tests use them.

QUIZ = load_checklist(ROOT / "checklists" / "dpup-quiz.yml")


def test_the_quiz_has_twelve_or_more_self_marking_questions_with_an_explanation_for_every_option():
    questions = [item for item in QUIZ.items if item.kind == "choice"]
    assert len(questions) >= 12
    for item in questions:
        assert item.correct in [option.value for option in item.options], item.id
        assert all(len(option.explanation.split()) >= 5 for option in item.options), item.id
        assert item.links, f"{item.id} should link to the page that explains it"
        right = next(option for option in item.options if option.value == item.correct)
        assert right.explanation.startswith("Right"), item.id
        assert not any(o.explanation.startswith("Right.") for o in item.options if o is not right), item.id
    assert [result.kind for result in QUIZ.results] == ["score"]


QUIZZES = [tool for tool in (load_checklist(path) for path in sorted((ROOT / "checklists").glob("*.yml")))
           if any(item.kind == "choice" and item.correct for item in tool.items)]


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda quiz: quiz.id)
def test_no_answer_position_gives_the_quiz_away(quiz):
    """Online and on paper the options keep the YAML's order: if the right answer sat in one place
    most of the time, a person could score well by picking that place. No position holds more than
    half of the right answers, and each position every question has holds at least one."""
    marked = [item for item in quiz.items if item.kind == "choice" and item.correct]
    positions = [[option.value for option in item.options].index(item.correct) for item in marked]
    for position in set(positions):
        assert positions.count(position) <= len(marked) / 2, (position + 1, positions)
    assert set(range(min(len(item.options) for item in marked))) <= set(positions), positions


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda quiz: quiz.id)
def test_no_answer_length_gives_the_quiz_away(quiz):
    """A right answer that is the longest option most of the time (the careful, qualified one) can
    be picked without knowing it; so can one that is always the shortest. The right answer is the
    strictly longest option in no more than a third of the questions, and the strictly shortest in
    no more than a third."""
    marked = [item for item in quiz.items if item.kind == "choice" and item.correct]

    def only(item, pick):
        lengths = [len(option.label) for option in item.options]
        right = lengths[[option.value for option in item.options].index(item.correct)]
        return right == pick(lengths) and lengths.count(right) == 1

    longest = [item.id for item in marked if only(item, max)]
    shortest = [item.id for item in marked if only(item, min)]
    assert len(longest) <= len(marked) / 3, longest
    assert len(shortest) <= len(marked) / 3, shortest


def test_each_quiz_link_goes_to_a_built_page():
    for item in QUIZ.items:
        for link in item.links:
            assert (SITE / f"{link.page}.html").is_file(), (item.id, link.page)


@pytest.mark.parametrize("key_point", [
    "He Tāngata", "wellbeing of the person or community", "Purpose Matters", "consent", "Privacy Act 2020",
    "does not identify", "2016", "November 2019", "foundational", "designed with the sector", "Kaitiakitanga",
    "Mana Whakahaere"])
def test_the_quiz_covers_each_key_point(key_point):
    words = " ".join([item.prompt for item in QUIZ.items]
                     + [f"{o.label} {o.explanation}" for item in QUIZ.items for o in item.options])
    assert key_point in words


def test_the_organisation_tool_is_text_turned_into_a_summary():
    tool = load_checklist(ROOT / "checklists" / "our-organisation.yml")
    assert {item.kind for item in tool.items} == {"text"}
    assert [result.kind for result in tool.results] == ["template"]


# ---------------------------------------------------------------------------------------------
# Links for trainers: every chapter, the workshop's sections, a copyable URL and a QR code each.

LINKS = "book/workshop/links.html"


def trainer_links():
    return article((SITE / LINKS).read_text(encoding="utf-8")).select("li.trainer-link")


def local_target(url):
    """The built file and anchor a published URL points at."""
    base = publishing.settings(ROOT).site_url  # as the build took it (publishing.py)
    assert url.startswith(base), url
    parts = urlsplit(url[len(base):])
    return parts.path, parts.fragment


def test_every_chapter_has_a_link_on_the_trainers_page():
    urls = {local_target(li.select_one("pre").get_text())[0] for li in trainer_links()}
    assert set(toc_pages()) <= urls


def test_every_trainer_link_resolves_to_a_page_and_anchor():
    links = trainer_links()
    assert len(links) > len(toc_pages())  # the chapters and the workshop's sections
    for li in links:
        url = li.select_one("pre").get_text()
        assert li.select_one("a")["href"] == url
        page, anchor = local_target(url)
        assert (SITE / page).is_file(), url
        if anchor:
            assert soup(page).find(id=anchor), f"{url}: no #{anchor} on the page"


def test_each_trainer_link_has_an_inline_qr_code_with_a_name():
    for li in trainer_links():
        svg = li.select_one("svg")
        assert svg is not None and svg.get("role") == "img", li
        assert svg["aria-label"].startswith("QR code for ")
        assert svg.select("path"), "the QR code is drawn in the page, not fetched"
    assert not article((SITE / LINKS).read_text(encoding="utf-8")).select("img")


# ---------------------------------------------------------------------------------------------
# Case studies: at least five, each with the same parts, three of them running a tool.

def case_pages():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    part = next(p for p in toc["parts"] if p["chapters"][0]["file"] == "case_studies/index")
    return [s["file"] for c in part["chapters"] for s in c.get("sections", [])]


def test_there_are_at_least_five_case_studies_three_of_them_executable():
    cases = case_pages()
    assert len(cases) >= 5
    executable = [c for c in cases if (ROOT / f"{c}.ipynb").exists()]
    assert len(executable) >= 3
    for case in executable:
        assert soup(f"{case}.html").select('script[type="application/vnd.jupyter.widget-view+json"]'), case


@pytest.mark.parametrize("case", case_pages())
def test_each_case_study_has_the_parts_a_workshop_needs(case):
    main = article((SITE / f"{case}.html").read_text(encoding="utf-8"))
    headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in main.find_all("h2")]
    assert any(h.startswith("The situation") or h == "The problem" for h in headings), headings
    assert any(h.startswith("Who ") for h in headings), headings
    assert "The DPUP lens" in headings
    assert any("went well" in h or h == "Results" for h in headings), headings
    assert "Discussion questions" in headings
    assert main.select("section#discussion-questions details.sd-dropdown"), "points to draw out, hidden until opened"
    in_brief = main.select_one("section#in-brief").get_text(" ")
    assert ("invented to illustrate" in in_brief) != ("real case" in main.get_text(" ")), (
        "say whether the case is real or invented")
    tools = [a["href"] for a in main.select("a[href]") if "checklists/" in a["href"]]
    assert tools, "link to the tools that fit"


def test_exercises_hide_their_answers_until_opened():
    main = article((SITE / "book/workshop/exercises.html").read_text(encoding="utf-8"))
    dropdowns = main.select("details.sd-dropdown")
    assert len(dropdowns) >= 5
    assert all(d.select_one("summary") and not d.has_attr("open") for d in dropdowns)
