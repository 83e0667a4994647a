"""Plain-language figures for the built site: average sentence length per page.

The NZ Plain Language Act 2022 asks for clear, short writing; the toolkit aims for under 20
words a sentence on average on every page. `make report` prints the figures; a test holds the
line. Usage: python -m dpup_toolkit.engine.plain_language [SITE_FOLDER]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from ..shared import LONG_SENTENCE  # words; a longer sentence is flagged

BLOCKS = ("p", "li", "td", "th", "dd", "dt", "figcaption")
# The one rule for sentences and words. The widget's text.js has the same rule for the builder's
# plain-language check (tests/test_front_end_logic.py compares them).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
# A word is a run of characters that are not spaces, punctuation or symbols, joined by ’ ' or -.
# Those are named by fixed ranges, not by Unicode's letter tables: Python's tables and the
# browser's are different Unicode versions (Python 3.11 has 14, browsers 15-17), and a letter newer
# than Python's counted as a word in one and not the other. NOT_WORD in result-template.js is the same.
NOT_WORD = ("\x00-/:-@\\[-`{-\xbf\xd7\xf7\u1680\u2000-\u2bff\u3000-\u303f\ufe00-\ufe0f\ufe10-\ufe6f\ufeff"
            "\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\U0001f000-\U0001faff")
_WORD = re.compile(f"[^{NOT_WORD}]+(?:[’'-][^{NOT_WORD}]+)*")


def split_sentences(text: str) -> list[str]:
    """The sentences of one block of text (a paragraph), ignoring runs with no word in them."""
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if _WORD.search(s)]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def check_text(blocks_of_text: list[str]) -> dict:
    """Sentences, average words a sentence (one decimal, as text) and the sentences over LONG_SENTENCE."""
    found = [s for block in blocks_of_text for s in split_sentences(block)]
    words = sum(word_count(s) for s in found)
    tenths = (20 * words + len(found)) // (2 * len(found)) if found else 0  # rounded half up, in whole numbers
    return {"sentences": len(found), "average": f"{tenths // 10}.{tenths % 10}",
            "long": [s for s in found if word_count(s) > LONG_SENTENCE]}


def article(html: str):
    """The page's own content: the main article without scripts, styles, widget state or a tool's
    form drawn at build time (a tool's words are checked in its file, not as the page's prose)."""
    from bs4 import BeautifulSoup  # only the site report needs it, not the tools

    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("article.bd-article") or soup
    for tag in main.select("script, style, .cell_input, .static-widget"):
        tag.decompose()
    return main


def blocks(html: str) -> list[str]:
    """The text of each paragraph, list item, table cell and definition, in page order."""
    found = []
    for block in article(html).find_all(BLOCKS):
        if not block.find(BLOCKS):  # a list item holding a paragraph counts once, as the paragraph
            found.append(" ".join(block.get_text(" ").split()))
    return found


def sentences(html: str) -> list[str]:
    return [s for block in blocks(html) for s in split_sentences(block)]


def average_sentence_length(html: str) -> float:
    found = sentences(html)
    return sum(word_count(s) for s in found) / len(found) if found else 0.0


def report(site: Path) -> list[tuple[str, int, float]]:
    rows = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site)
        if relative.parts[0] in ("book", "case_studies", "checklists"):
            html = page.read_text(encoding="utf-8")
            rows.append((str(relative), len(sentences(html)), average_sentence_length(html)))
    return rows


def main(argv: list[str]) -> None:
    site = Path(argv[0] if argv else "_build/html")
    rows = report(site)
    width = max(len(name) for name, _, _ in rows)
    print(f"{'page':{width}}  sentences  words per sentence")
    for name, count, average in rows:
        print(f"{name:{width}}  {count:9}  {average:18.1f}")
    print(f"{'longest average':{width}}  {'':9}  {max(a for _, _, a in rows):18.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
