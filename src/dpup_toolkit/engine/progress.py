"""Which items a person sees, how far they are, and what is not met yet.

The widget's front-end (checklist.js) computes the same thing in the browser; the browser tests
check that both agree.
"""
from __future__ import annotations

from dataclasses import dataclass

from .schema import Checklist, Item, Question
from ..shared import SPACE  # trimmed from typed text, as in the widget

Answers = dict[str, dict]


def visible_items(checklist: Checklist, answers: Answers) -> list[Item]:
    """Items in order, leaving out those whose condition does not hold (or whose parent is hidden)."""
    shown: list[Item] = []
    shown_ids: set[str] = set()
    for item in checklist.items:
        condition = item.show_if
        if condition is None or (condition.item in shown_ids
                                 and answers.get(condition.item, {}).get("answer") in condition.answer_in):
            shown.append(item)
            shown_ids.add(item.id)
    return shown


def answer_of(item: Item, answers: Answers) -> str | None:
    """The item's answer: an answer or option value, or typed text without spaces at its ends."""
    answer = (answers.get(item.id) or {}).get("answer")
    if item.typed and isinstance(answer, str):
        answer = answer.strip(SPACE)
    return answer or None


def shown_answer(item: Item, answers: Answers, shown: set[str]) -> str | None:
    return answer_of(item, answers) if item.id in shown else None


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int
    unmet: tuple[Question, ...]
    has_questions: bool = True

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    def summary(self) -> str:
        if not self.has_questions:
            return f"{self.answered} of {self.total} answered."
        return f"{self.answered} of {self.total} questions answered. {len(self.unmet)} not met."


def progress(checklist: Checklist, answers: Answers) -> Progress:
    shown = visible_items(checklist, answers)
    chosen = [(item, answer_of(item, answers)) for item in shown]
    return Progress(
        answered=sum(1 for _, answer in chosen if answer),
        total=len(shown),
        unmet=tuple(item for item, answer in chosen
                    if item.judged and answer and (answer not in checklist.met
                                                   or checklist.needs_reason(item, answers.get(item.id)))),
        has_questions=bool(checklist.questions),
    )
