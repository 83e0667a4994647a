"""Te reo Māori words marked lang="mi" from the one list (te_reo.yml), so a screen reader says them
in te reo Māori: the marking rules, the list against the glossary, and every page of the built site."""
import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup, NavigableString

from dpup_toolkit import load_checklist, te_reo
from dpup_toolkit.widget.checklist import ChecklistWidget

from .conftest import ROOT, SITE

TERMS = te_reo.load_terms()
NOT_PROSE = {"script", "style", "code", "pre", "kbd", "samp", "var", "title", "textarea", "option", "select",
             "svg", "math", "template"}


def mark(text):
    return te_reo.mark_html(text, TERMS)


@pytest.mark.parametrize("given, expected", [
    ("Uphold mana and dignity.", 'Uphold <span lang="mi">mana</span> and dignity.'),
    ("Good management of data.", "Good management of data."),  # whole words only
    ("Mana Whakahaere asks", '<span lang="mi">Mana Whakahaere</span> asks'),  # the phrase, not "Mana"
    ("in te reo Māori (the Māori language)",
     'in <span lang="mi">te reo Māori</span> (the <span lang="mi">Māori</span> language)'),
    ("Whānau come first; whānau's views", '<span lang="mi">Whānau</span> come first; <span lang="mi">whānau</span>\'s views'),
    ("He\n  Tāngata wraps around", '<span lang="mi">He\n  Tāngata</span> wraps around'),  # a phrase across lines
    ("their aiga and iwi", 'their <span lang="sm">aiga</span> and <span lang="mi">iwi</span>'),
    ("Māori-led services", '<span lang="mi">Māori</span>-led services'),
    ("hui, hapū and iwi", '<span lang="mi">hui</span>, <span lang="mi">hapū</span> and <span lang="mi">iwi</span>'),
])
def test_each_listed_word_is_marked_as_a_whole_word(given, expected):
    assert mark(given) == expected


@pytest.mark.parametrize("left_alone", [
    '<a href="manaakitanga.html" title="Manaakitanga">x</a>',  # attributes
    "<code>mana</code> <pre>He Tāngata\n</pre> <kbd>iwi</kbd>",  # code
    '<script>const mana = "whānau";</script><style>.hui{}</style>',
    "<title>He Tāngata — DPUP Toolkit</title>",  # the tab's title holds no markup
    '<textarea name="n">whānau</textarea><select><option>Māori</option></select>',  # form fields
    '<p lang="mi">Kia ora, whānau</p>',  # already in te reo Māori
    "see book/principles/manaakitanga.html or /book/principles/mana-whakahaere",  # addresses
    "<!-- whānau -->",
])
def test_code_attributes_addresses_and_marked_text_are_left_alone(left_alone):
    assert mark(left_alone) == left_alone


def test_marking_changes_nothing_but_the_added_spans_and_is_done_once():
    page = (SITE / "book" / "principles" / "manaakitanga.html").read_text(encoding="utf-8")
    unmarked = re.sub(r'<span lang="(?:mi|sm)">([^<]*)</span>', r"\1", page)
    assert unmarked != page
    assert re.sub(r'<span lang="(?:mi|sm)">([^<]*)</span>', r"\1", mark(unmarked)) == unmarked
    assert mark(page) == page  # a page already marked gains nothing


def test_the_list_covers_the_glossarys_te_reo_words():
    """The glossary explains the te reo Māori words the site uses: each glossary term with a macron,
    and each the list names, is marked from the one list."""
    glossary = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    block = re.search(r"```\{glossary\}\n(.*?)\n```", glossary, re.S)[1]
    entries = [line.strip() for line in block.splitlines() if line and not line.startswith(" ")]
    listed = {t["term"] for t in TERMS}
    with_macrons = [e for e in entries if re.search("[āēīōūĀĒĪŌŪ]", e)]
    assert with_macrons and set(with_macrons) <= listed, set(with_macrons) - listed
    for required in ("He Tāngata", "Manaakitanga", "Mana Whakahaere", "Kaitiakitanga", "Mahitahitanga",
                     "Rangatiratanga", "whānau", "hui", "mana", "Aotearoa", "iwi", "hapū", "tangata whenua",
                     "Māori", "kaupapa", "te reo Māori"):
        assert required in listed, required
    in_glossary = {e for e in entries if e in listed}
    assert {"Oranga Tamariki", "Te Tiriti o Waitangi", "te ao Māori", "kaupapa Māori", "aiga"} <= in_glossary


def test_the_widget_hands_its_front_end_the_same_list():
    widget = ChecklistWidget(load_checklist(ROOT / "checklists" / "quick-check-in.yml"))
    assert widget.te_reo == TERMS


def test_the_front_end_marks_text_as_the_build_does():
    """te-reo.js (in a DOM, as a tool draws) and te_reo.py give the same HTML."""
    samples = ["Uphold mana and dignity, not management.", "Mana Whakahaere and He\n Tāngata",
               "te reo Māori; Whānau's aiga, iwi and hapū", "see /book/principles/manaakitanga.html",
               "Māori-led hui in Aotearoa"]
    script = f"""
import {{ parseHTML }} from "linkedom";
import {{ markTeReo, teReoPattern }} from "{(ROOT / 'src' / 'dpup_toolkit' / 'widget' / 'te-reo.js').as_posix()}";
const {{ document }} = parseHTML('<!DOCTYPE html><html lang="en-NZ"><body></body></html>');
const compiled = teReoPattern({json.dumps(TERMS)});
const out = [];
for (const text of {json.dumps(samples)}) {{
  const p = document.createElement("p");
  p.textContent = text;
  document.body.append(p);
  markTeReo(p, compiled);
  out.push(p.innerHTML);
}}
console.log(JSON.stringify(out));
"""
    done = subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", check=True)
    assert json.loads(done.stdout) == [mark(text) for text in samples]


# ---------------------------------------------------------------------------------------------
# The built site: every page, tools' drawn forms included.

def built_pages():
    """Every page a person can open (not the theme's template fragments in _static/)."""
    return sorted(p for p in SITE.rglob("*.html") if p.relative_to(SITE).parts[0] != "_static")


def term_pattern():
    """Any listed term as a whole word, in any case: stricter than the marking itself, so a word
    the build missed (or wrote where it cannot be marked) shows up here."""
    return re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, t["term"].split()))
                                               for t in TERMS) + r")(?!\w)", re.I)


def language_of(element):
    for parent in [element, *element.parents]:
        if getattr(parent, "attrs", None) and parent.get("lang"):
            return parent["lang"]
    return None


def unmarked_terms(html):
    soup = BeautifulSoup(html, "html.parser")
    pattern, langs = term_pattern(), {t["term"].lower(): t["lang"] for t in TERMS}
    found = []
    for text in soup.find_all(string=True):
        if not isinstance(text, NavigableString) or type(text) is not NavigableString:
            continue  # comments, doctype
        if any(parent.name in NOT_PROSE for parent in text.parents):
            continue
        for match in pattern.finditer(text):
            if re.search(r"[/#@]$", text[:match.start()]) or re.match(r"[/@]|\.\w", text[match.end():]):
                continue  # part of an address
            want = langs.get(" ".join(match[0].split()).lower(), "mi")
            if language_of(text.parent) != want:
                found.append(f"{match[0]!r} in {text.strip()[:80]!r}")
    return found


def test_every_listed_word_on_every_built_page_is_marked_with_its_language():
    pages = built_pages()
    assert len(pages) > 50
    problems = {}
    marked_pages = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        marked_pages += 'lang="mi"' in html
        if found := unmarked_terms(html):
            problems[page.relative_to(SITE).as_posix()] = found[:5]
    assert problems == {}
    assert marked_pages > 40


def test_every_page_says_it_is_in_new_zealand_english():
    for page in built_pages():
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<html lang="en-NZ"[ >]', html), page.relative_to(SITE)


def test_tools_drawn_at_build_time_carry_the_marks():
    html = (SITE / "checklists" / "principles-in-practice.html").read_text(encoding="utf-8")
    form = BeautifulSoup(html, "html.parser").select_one(".static-widget[data-drawn]")
    assert form is not None
    marked = {" ".join(span.get_text().split()) for span in form.select('span[lang="mi"]')}
    assert {"He Tāngata", "whānau", "iwi", "Manaakitanga", "mana"} <= marked
    assert unmarked_terms(str(form)) == []
