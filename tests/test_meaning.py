"""Words that would mislead a reader who copies them: checked across every page, tool and case study.

Each rule is one kind of slip found in a line-by-line reading against the sources. The
rules run over the text people read: Markdown pages, the text of every tool's YAML, and the
Markdown cells of every notebook.
"""
import json
import re
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

SKIP_PARTS = {"_build", ".venv", "node_modules", ".ipynb_checkpoints"}


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def readable_text(path: Path) -> str:
    """What a reader sees of a file, with line breaks folded to spaces."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".yml":
        parts = list(strings(yaml.safe_load(raw)))
    elif path.suffix == ".ipynb":
        parts = ["".join(cell["source"]) for cell in json.loads(raw)["cells"] if cell["cell_type"] == "markdown"]
    else:
        parts = [raw]
    return " ".join(" ".join(parts).split())


FILES = sorted(path for folder in ("book", "checklists", "case_studies")
               for path in (ROOT / folder).rglob("*")
               if path.suffix in (".md", ".yml", ".ipynb") and not SKIP_PARTS & set(path.parts))
TEXTS = {str(path.relative_to(ROOT)): readable_text(path) for path in FILES}


def sentences(text):
    return re.split(r"(?<=[.!?])\s+", text)


def test_the_files_are_found():
    assert "book/dpup-and-the-law.md" in TEXTS and "checklists/purpose-statement.yml" in TEXTS
    assert "case_studies/client-level-data.ipynb" in TEXTS


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_no_terms_of_other_laws_or_claims_the_sources_do_not_make(name):
    text = TEXTS[name]
    # New Zealand law has no "lawful basis" for processing; that is European law's term.
    assert not re.search(r"\b(lawful|legal) basis\b", text, re.I), name
    # DPUP is the social sector's policy, for agencies and NGOs; not a "cross-government" one.
    assert not re.search(r"cross-government", text, re.I), name
    # The Guideline asks to aim for no surprises; it does not promise none.
    assert not re.search(r"never (be )?surprised", text, re.I), name
    # Our own advice is headed as ours; the policy is not quoted as asking it.
    assert "What DPUP asks of you" not in text, name


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_only_he_tangata_wraps_around_the_policy(name):
    for sentence in sentences(TEXTS[name]):
        if re.search(r"\bwraps? around\b", sentence):
            assert not re.search(r"Purpose Matters|other three Guidelines", sentence), (name, sentence)


GLOSS = {"He Tāngata": "improving wellbeing", "Manaakitanga": "care and respect",
         "Mana Whakahaere": "empowering people", "Kaitiakitanga": "guardianship",
         "Mahitahitanga": "working together"}
# A Principle's name, then any Markdown around it (term role, bold, link, the word Principle), then "(gloss)".
GLOSSED = re.compile(r"(?<![A-Za-zā])(" + "|".join(GLOSS) + r")((?:`|\*\*|\*| Principle|\]\([^)\s]*\))*) \(([^()]*)\)")


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_each_principle_has_one_short_gloss_everywhere(name):
    found = [(m.group(1), m.group(3)) for m in GLOSSED.finditer(TEXTS[name])]
    wrong = [(principle, gloss) for principle, gloss in found if gloss != GLOSS[principle]]
    assert wrong == [], f"{name}: {wrong}; use {GLOSS}"


def test_the_gloss_rule_sees_every_principle():
    seen = {m.group(1) for text in TEXTS.values() for m in GLOSSED.finditer(text)}
    assert seen == set(GLOSS)


# Words a reader may not know, and a few words of the plain gloss that must follow their first use.
JARGON = {
    r"oral item": "without a written paper",
    r"proactively released": "without anyone having to ask",
    r"lodge a Cabinet paper": "written proposal",
    r"engagement streams?": "ways to take part",
    r"\binterventions\b": "planned actions",
}


@pytest.mark.parametrize("term", sorted(JARGON))
def test_jargon_is_glossed_on_first_use_on_each_page(term):
    pages = [name for name, text in TEXTS.items() if re.search(term, text) and not name.endswith("dpup-quiz.yml")]
    assert pages, f"nothing uses {term!r}: drop it from the list"
    for name in pages:
        text = TEXTS[name]
        first = re.search(term, text)
        assert JARGON[term] in text[first.end():first.end() + 120], (name, text[first.start():first.end() + 120])


def test_the_builder_examples_do_not_mislead():
    builder = yaml.safe_load((ROOT / "checklists" / "purpose-statement-builder.yml").read_text(encoding="utf-8"))
    items = {item["id"]: item for section in builder["sections"] for item in section["items"]}
    law = " ".join(items["law"]["example"].split())
    # The Privacy Act 2020 regulates collection; it is not the law that authorises one.
    assert not re.match(r"the Privacy Act 2020\.?$", law)
    assert "does not" in items["law"]["help"] and "Privacy Act 2020" in items["law"]["help"]
    # Choice is offered "wherever possible"; some situations allow none.
    assert not re.search(r"any question", items["choice"]["example"], re.I)
    # Nor do the case studies that fill the builder in name the Act as the law that allows a collection.
    for notebook in sorted((ROOT / "case_studies").glob("*.ipynb")):
        raw = notebook.read_text(encoding="utf-8")
        assert not re.search(r'\\"law\\": \\"the Privacy Act 2020', raw), notebook.name
        assert "The law that allows this" not in raw, notebook.name


def test_the_front_line_worker_raises_unexplained_questions_with_the_team():
    for name in ("book/roles/front-line.md", "checklists/before-you-ask.yml"):
        text = TEXTS[name]
        assert not re.search(r"\b(skips?|leave out) (it|questions?|any question)\b", text, re.I), name
        assert re.search(r"raises? (this|it) with (your|the) team", text), name


ROLES = ["front-line", "team-leaders", "funders-and-partners", "policy-and-service-design", "analysis-and-research"]


@pytest.mark.parametrize("page", [f"book/roles/{r}.md" for r in ROLES] + [f"book/workshop/handouts/{r}.md" for r in ROLES])
def test_key_actions_are_labelled_as_this_toolkits_suggestions(page):
    text = TEXTS[page]
    section = text[text.index("## Key actions"):]
    section = section[:section.index("## ", 3)]
    assert "this toolkit's own suggestions" in section and "not the policy's words" in section, page


def test_the_collaboration_levels_are_said_to_be_our_model():
    text = TEXTS["checklists/collaboration-assessor.yml"]
    assert text.count("this toolkit's own model") >= 2, "say it in the summary and beside the result"
