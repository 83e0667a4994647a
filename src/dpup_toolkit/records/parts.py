"""What a record's blocks are made of: runs, blocks, and the marks for a block one record leaves out.

blocks.py lays the record out with them (its docstring says what each kind of block and run is and
how each writer shows it), and so does each item kind's module in kinds/. The widget's
record-parts.js is the same in the browser.
"""
from __future__ import annotations

from typing import NamedTuple

MARKDOWN_ONLY, WORD_ONLY = "markdown", "word"
Run = tuple[str, str]


class Block(NamedTuple):
    kind: str
    runs: tuple[Run, ...]
    only: str | None = None

    def as_json(self) -> dict:
        """As blocks.js makes it, for comparing the two."""
        return {"kind": self.kind, "runs": [list(run) for run in self.runs], "only": self.only}


def words(text: str) -> Run:
    return ("words", text)


def label(text: str) -> Run:
    return ("label", text)


def line(text: str) -> Run:
    return ("line", text)


def text(value: str) -> Run:
    return ("text", value)


def block(kind: str, *runs: Run, only: str | None = None) -> Block:
    return Block(kind, runs, only)
