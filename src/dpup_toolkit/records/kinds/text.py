"""A text item in a record: the typed text, quoted."""
from __future__ import annotations

from ...engine.progress import answer_of
from ...engine.schema import Checklist, TextItem
from ..parts import Block, block, label, text, words

MISSING = "Not written"


def answer_blocks(checklist: Checklist, item: TextItem, entry: dict) -> list[Block]:
    """The text quoted, trimmed at its ends."""
    typed = answer_of(item, {item.id: entry})
    return [block("quote", label("Answer: "), text(typed)) if typed else
            block("paragraph", label("Answer: "), words(MISSING))]
