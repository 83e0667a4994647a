"""Te reo Māori words marked with their language, so screen readers say them in te reo Māori
(WCAG 3.1.2, Language of Parts). The words are listed once, in te_reo.yml.

- `mark_html` wraps each listed word in a written page in `<span lang="mi">`: the site build runs
  it on every page (site/pages.py), tools' drawn forms included.
- widget/te-reo.js does the same in the browser each time a tool redraws (checklist.py hands it the list
  as the widget's `te_reo`). The two follow the same rules.

A word is matched whole and not as part of an address ("mana" but not "management" or
".../mana-whakahaere"), with or without a capital first letter; longer phrases win ("te reo
Māori" is one mark, not two). Text inside code, scripts, styles, form fields, the page title
and anything already marked with a language other than English is left as it is, and so are
attributes.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

TERMS_FILE = Path(__file__).with_name("te_reo.yml")
DEFAULT_LANG = "mi"

# Elements whose text is not prose, or cannot hold a <span>.
SKIP = frozenset("script style code pre kbd samp var title textarea option select svg math template".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# A comment, an element whose text is raw (its end tag found as text), or a tag; quotes respected.
_TAG_BODY = r"""(?:"[^"]*"|'[^']*'|[^'">])*"""
_TOKEN = re.compile(rf"<!--.*?-->|<(script|style|textarea|title)\b{_TAG_BODY}>.*?</\1\s*>|<{_TAG_BODY}>", re.S | re.I)
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][\w:-]*)")
_LANG = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def load_terms(path: Path = TERMS_FILE) -> list[dict]:
    """[{"term", "lang"}, ...] from te_reo.yml, longest first (so phrases win over their words)."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["terms"]
    terms = [entry if isinstance(entry, dict) else {"term": entry} for entry in entries]
    terms = [{"term": " ".join(str(t["term"]).split()), "lang": t.get("lang", DEFAULT_LANG)} for t in terms]
    return sorted(terms, key=lambda t: (-len(t["term"]), t["term"]))


def term_source(term: str) -> str:
    """One term as a regular expression: its first letter in either case, spaces as any run of
    white space (a phrase may wrap across lines in the source)."""
    first, rest = term[0], term[1:]
    words = [re.escape(word) for word in rest.split(" ")]
    return f"[{re.escape(first.upper())}{re.escape(first.lower())}]" + r"\s+".join(words)


@lru_cache(maxsize=8)
def _pattern(terms: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict]:
    # Not inside a longer word, and not part of an address: no letter, digit, "/", "#" or "@"
    # either side, and no ".x" after ("manaakitanga.html").
    alternatives = "|".join(f"({term_source(term)})" for term, _ in terms)
    pattern = re.compile(rf"(?<![\w/#@])(?:{alternatives})(?![\w/@]|\.\w)")
    return pattern, {i + 1: lang for i, (_, lang) in enumerate(terms)}


def mark_text(text: str, terms: list[dict]) -> str:
    """HTML text (no tags) with each term wrapped in a span of its language."""
    pattern, langs = _pattern(tuple((t["term"], t["lang"]) for t in terms))
    return pattern.sub(lambda m: f'<span lang="{langs[m.lastindex]}">{m[0]}</span>', text)


def _opens_guard(name: str, tag: str) -> bool:
    if name in SKIP:
        return True
    lang = _LANG.search(tag)
    if lang is None:
        return False
    value = next(v for v in lang.groups() if v is not None).strip().lower()
    return not value.startswith("en")  # already in another language


def mark_html(html: str, terms: list[dict] | None = None) -> str:
    """A written page with every listed term outside code, form fields and other languages marked
    with its language. Tags, attributes and everything else stay byte for byte."""
    terms = load_terms() if terms is None else terms
    out, guards, at = [], [], 0  # guards: [tag name, how many of that tag are open] not to mark inside
    for token in _TOKEN.finditer(html):
        text = html[at:token.start()]
        out.append(text if guards else mark_text(text, terms))
        out.append(token[0])
        at = token.end()
        name = _TAG_NAME.match(token[0])
        if name is None or token[1]:  # a comment, or a raw-text element (already whole)
            continue
        closing, tag = name[1] == "/", name[2].lower()
        if closing:
            if guards and guards[-1][0] == tag:
                guards[-1][1] -= 1
                if guards[-1][1] == 0:
                    guards.pop()
        elif tag not in VOID and not token[0].endswith("/>"):
            if guards and guards[-1][0] == tag:
                guards[-1][1] += 1
            elif _opens_guard(tag, token[0]):
                guards.append([tag, 1])
    text = html[at:]
    out.append(text if guards else mark_text(text, terms))
    return "".join(out)

