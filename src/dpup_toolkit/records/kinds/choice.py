"""A choice in a record: the option chosen and, in a quiz, whether it is right and why."""
from __future__ import annotations

from ...engine.schema import Checklist, ChoiceItem
from ..parts import Block, block, label, line, text, words

MISSING = "Not answered"


def answer_blocks(checklist: Checklist, item: ChoiceItem, entry: dict) -> list[Block]:
    """The option chosen; in a quiz, whether it is right and the chosen option's explanation."""
    answer = entry.get("answer")
    out = [block("paragraph", label("Answer: "), line(item.option_label(answer)) if answer else words(MISSING))]
    if item.correct and answer:
        right = [words("Correct.")] if answer == item.correct else \
            [words("Not correct. The right answer is: "), line(item.option_label(item.correct)), words(".")]
        explanation = next(option.explanation for option in item.options if option.value == answer)
        out += [block("paragraph", *right), block("paragraph", text(explanation))]
    return out
