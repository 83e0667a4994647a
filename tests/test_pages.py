"""The reading pages as a visitor meets them: stable links, a clear shape, correct te reo Māori,
the same facts everywhere, and short sentences."""
import json
import re
from functools import cache

import pytest
from bs4 import BeautifulSoup

from dpup_toolkit import list_checklists
from dpup_toolkit.engine.plain_language import article, average_sentence_length, blocks

from .conftest import ROOT, SITE
from .site_manifest import MANIFEST, anchors, toc_pages

PAGES = toc_pages()
READING_PAGES = [p for p in PAGES if not p.startswith("checklists/")]


def html(page):
    return (SITE / page).read_text(encoding="utf-8")


def text(page):
    return " ".join(article(html(page)).get_text(" ").split())


def test_every_toc_page_is_in_the_manifest():
    assert sorted(PAGES) == sorted(json.loads(MANIFEST.read_text(encoding="utf-8"))), (
        "A page was added or removed: refresh tests/site_manifest.json with `make manifest`.")


@pytest.mark.parametrize("page, expected", json.loads(MANIFEST.read_text(encoding="utf-8")).items())
def test_published_urls_and_anchors_keep_working(page, expected):
    assert (SITE / page).is_file(), f"{page} has gone: trainers' links to it would break"
    missing = sorted(set(expected) - set(anchors(page)))
    assert missing == [], f"{page} lost anchors that links may point at: {missing}"


@pytest.mark.parametrize("page", PAGES)
def test_each_page_has_one_title_an_in_brief_and_next_steps(page):
    main = article(html(page))
    assert len(main.find_all("h1")) == 1
    headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in main.find_all("h2")]
    if page.startswith("checklists/"):
        return  # the tool draws its own headings in the browser
    assert headings[0] == "In brief", headings
    assert headings[-1] == "Next steps", headings
    assert len(headings) == len(set(headings)), f"repeated headings: {headings}"
    assert main.select("section#next-steps a[href]"), "Next steps should link somewhere"


@pytest.mark.parametrize("page", PAGES)
def test_headings_do_not_skip_levels(page):
    levels = [int(h.name[1]) for h in article(html(page)).find_all(re.compile(r"^h[1-6]$"))]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels


@pytest.mark.parametrize("page", PAGES)
def test_te_reo_maori_has_its_macrons(page):
    found = re.findall(r"\b(?:Maori|Whanau|whanau|He Tangata|Tangata)\b", text(page))
    assert found == [], f"{page} spells without macrons: {sorted(set(found))}"


def test_the_checklists_have_their_macrons_too():
    for checklist in list_checklists(ROOT / "checklists"):
        words = json.dumps(checklist.model_dump(mode="json"), ensure_ascii=False)
        assert re.findall(r"\b(?:Maori|Whanau|whanau|He Tangata|Tangata)\b", words) == []


# (the fact, a pattern that marks a paragraph touching it, what such a paragraph must then say)
FACTS = [
    ("Cabinet endorsement", re.compile(r"endors\w*\b.*\b(19|20)\d\d|\b(19|20)\d\d\b.*endors"), re.compile(r"November 2019")),
    ("the ICLD request", re.compile(r"(client.level|ICLD).*\b20\d\d\b|\b20\d\d\b.*(client.level|ICLD)"), re.compile(r"\b2016\b")),
    ("the Privacy Commissioner's inquiry", re.compile(r"inquiry.*\b20\d\d\b|\b20\d\d\b.*inquiry"), re.compile(r"\b2017\b")),
    ("online submissions", re.compile(r"\d[\d,]*\s+(online\s+)?submissions"), re.compile(r"\b800\b")),
    ("service-user interviews", re.compile(r"\d[\d,]*\s+(\w+\s+){0,3}interview"), re.compile(r"\b200\b")),
    ("the Cabinet pack's hui count", re.compile(r"\b83\b"), re.compile(r"Cabinet")),
    ("the case study's hui count", re.compile(r"\b53\b"), re.compile(r"case study", re.I)),
    ("foundational agencies", re.compile(r"foundational agenc"), re.compile(r"\b(five|5)\b|Ministry of Health")),
    ("the old name of Mana Whakahaere", re.compile(r"Rangatiratanga"), re.compile(r"draft|2019|earlier|renamed|Mana Whakahaere")),
    # The case study dates the endorsement July 2019; wherever that is mentioned, November 2019 stands beside it.
    ("the case study's July 2019 date", re.compile(r"July 2019"), re.compile(r"November 2019")),
    # He Tāngata wraps around the whole policy (Principles and Guidelines), not only the other Principles.
    ("He Tāngata's reach",
     re.compile(r"He Tāngata.*\b(wraps?|surrounds?|enclos\w+)\b|\b(wraps?|surrounds?|enclos\w+)\b.*He Tāngata"),
     re.compile(r"^(?!.*\b(around|surrounds?) the other four\b).*(whole policy|policy as a whole|Principles and (the )?Guidelines)")),
    # June 2019 was an oral item that the Cabinet committee noted, not a draft "taken" to Cabinet.
    ("the June 2019 step",
     re.compile(r"June 2019|\b(take|takes|took|taken|went|go|goes|sent|brought|presented)\b[^.]*\b(Cabinet|committee)\b"),
     re.compile(r"\bnot(ed|es)\b|oral item")),
    # What service users need to know: the uses that are ruled out and the people who won't see it,
    # said as "will not", not the stronger "never" or "cannot" that the sources do not use.
    ("what it will not be used for",
     re.compile(r"\bnot be used for\b|\b(use it|use them) for, and who\b|\bwho (will not|won[’']t|cannot|can[’']t|will never|never) see\b|\bnever be used\b", re.I),
     re.compile(r"^(?!.*\b(never|cannot|can[’']t)\b).*\b(will not|won[’']t)\b")),
]


@cache  # parsed once for all the facts: the built pages do not change during a run
def paragraphs():
    return [(page, block) for page in READING_PAGES for block in blocks(html(page))
            if len(block.split()) > 3]  # not a bare term or table label


@pytest.mark.parametrize("about, marks, must_say", FACTS, ids=[f[0] for f in FACTS])
def test_key_facts_are_the_same_wherever_they_appear(about, marks, must_say):
    """Wherever a paragraph, list item or table cell touches a key fact, it states it the same way."""
    wrong = [(page, s) for page, s in paragraphs() if marks.search(s) and not must_say.search(s)]
    assert wrong == [], f"{about}: {wrong}"


def test_facts_that_must_appear_somewhere():
    everything = " ".join(text(page) for page in READING_PAGES)
    for fact in ("November 2019", "January 2020", "2016", "2017", "over 1,000", "800", "200", "83", "53",
                 "Oranga Tamariki", "Ministry of Education", "Ministry of Health", "Social Wellbeing Agency",
                 "Privacy Act 2020", "Safe and respectful use", "Rangatiratanga", "CC BY 4.0", "Crown copyright"):
        assert fact in everything, fact


def test_one_box_says_where_the_sources_differ():
    boxes = [box for page in READING_PAGES for box in article(html(page)).select(".admonition")
             if "Where the sources differ" in box.get_text(" ")]
    assert len(boxes) == 1, "the differences between the sources belong in one box, on Why DPUP exists"
    said = " ".join(boxes[0].get_text(" ").split())
    for fact in ("83", "53", "July 2019", "November 2019", "May to September 2018", "early 2018", "NGOs",
                 "five government agencies"):
        assert fact in said, fact
    assert boxes[0] in article(html("book/why-dpup.html")).select(".admonition")


def test_the_diagram_draws_he_tangata_around_principles_and_guidelines():
    main = article(html("book/principles/index.html"))
    img = main.select_one("figure img")
    assert "whole policy" in img["alt"] and "other four Principles" not in img["alt"].split("whole policy")[0]
    svg = BeautifulSoup((SITE / "book/principles" / img["src"]).read_text(encoding="utf-8"), "html.parser")
    assert "wraps around the whole policy" in svg.find("desc").get_text()
    frame = svg.find("rect")  # the first shape drawn: the He Tāngata frame
    top, bottom = float(frame["y"]), float(frame["y"]) + float(frame["height"])
    label = {t.get_text(): float(t["y"]) for t in svg.find_all("text")}
    assert label["He Tāngata"] < label["PRINCIPLES: values and behaviours"]
    for inside in ("Manaakitanga", "GUIDELINES: how to apply the Principles", "Purpose Matters", "Sharing Value"):
        assert top < label[inside] < bottom, inside


@pytest.mark.parametrize("page", PAGES)
def test_sentences_are_short_on_average(page):
    assert average_sentence_length(html(page)) < 20


def test_checklist_text_is_short_too():
    for checklist in list_checklists(ROOT / "checklists"):
        texts = checklist.prose()
        words = [len(s.split()) for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s]
        assert sum(words) / len(words) < 20


def test_glossary_terms_are_linked_from_the_pages():
    glossary = BeautifulSoup(html("book/glossary.html"), "html.parser")
    terms = {dt["id"] for dt in glossary.select("dt[id]")}
    linked = {a["href"].split("#")[1] for page in READING_PAGES if page != "book/glossary.html"
              for a in article(html(page)).select('a[href*="glossary.html#term-"]')}
    assert len(terms) >= 20
    assert terms - linked == set(), f"glossary terms no page links to: {sorted(terms - linked)}"


def test_figures_have_text_alternatives_and_tables():
    for page in ("book/why-dpup.html", "book/principles/index.html"):
        main = article(html(page))
        images = main.select("figure img")
        assert images and all(len(img.get("alt", "")) > 20 for img in images), page
    assert article(html("book/why-dpup.html")).select("table")


def test_the_five_role_guides_each_have_the_same_sections():
    for role in ("front-line", "team-leaders", "funders-and-partners", "policy-and-service-design",
                 "analysis-and-research"):
        main = article(html(f"book/roles/{role}.html"))
        h3 = [h.get_text(" ", strip=True).rstrip("#").strip() for h in main.select("section#principles-in-action h3")]
        assert h3 == ["He Tāngata", "Manaakitanga", "Mana Whakahaere", "Kaitiakitanga", "Mahitahitanga"], (role, h3)
        assert main.select_one('a[href$="checklists/purpose-statement.html"]'), role
