"""Plain-language figures for the built site: average sentence length per page.

The NZ Plain Language Act 2022 asks for clear, short writing; the toolkit aims for under 20
words a sentence on average on every page. `make report` prints the figures; a test holds the
line. Usage: python -m dpup_toolkit.plain_language [SITE_FOLDER]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

BLOCKS = ("p", "li", "td", "th", "dd", "dt", "figcaption")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
_WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")


def article(html: str) -> BeautifulSoup:
    """The page's own content: the main article without scripts, styles or widget state."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("article.bd-article") or soup
    for tag in main.select("script, style, .cell_input"):
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
    return [s for block in blocks(html) for s in _SENTENCE_END.split(block) if _WORD.search(s)]


def average_sentence_length(html: str) -> float:
    found = sentences(html)
    return sum(len(_WORD.findall(s)) for s in found) / len(found) if found else 0.0


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
