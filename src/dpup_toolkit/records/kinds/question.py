"""A question in a record: the answer on the tool's scale, and the reason when it does not apply."""
from __future__ import annotations

from ...engine.progress import SPACE
from ...engine.schema import Checklist, Question
from ..parts import MARKDOWN_ONLY, WORD_ONLY, Block, block, label, line, text, words

MISSING = "Not answered"


def answer_blocks(checklist: Checklist, item: Question, entry: dict) -> list[Block]:
    """The answer, and the reason it does not apply: Markdown quotes the reason as typed, Word
    shows it trimmed."""
    answer = entry.get("answer")
    out = [block("paragraph", label("Answer: "), line(checklist.answer_label(answer)) if answer else words(MISSING))]
    if answer and answer == checklist.not_applicable:
        reason = entry.get("reason", "")
        if reason.strip(SPACE):
            out += [block("quote", label("Why it does not apply: "), text(reason), only=MARKDOWN_ONLY),
                    block("paragraph", label("Why it does not apply: "), text(reason.strip(SPACE)), only=WORD_ONLY)]
        else:
            out.append(block("paragraph", label("Why it does not apply: "), words("Not given yet")))
    return out
