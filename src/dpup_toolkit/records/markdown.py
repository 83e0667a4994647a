"""The record as Markdown, to read anywhere and paste into a message: a thin writer over the
record's blocks (blocks.py). records.js writes the same Markdown in the browser, byte for byte.

Text from the tool or a person is escaped (rules.escape_markdown), so it shows as typed and never
as markup. Blocks are separated by a blank line, except that a list's items follow one another,
and the list after a lead line follows it, directly.
"""
from __future__ import annotations

import datetime as dt

from ..engine.progress import Answers
from ..engine.schema import Checklist
from .blocks import WORD_ONLY, Block, Run, record_blocks
from .rules import _quote, escape_line, escape_markdown

PREFIX = {"title": "# ", "heading": "## ", "subheading": "### ", "detail": "- ", "bullet": "- ", "step_line": "   - "}
LIST_KINDS = {"detail", "bullet", "step", "step_line"}


def _run(run: Run) -> str:
    style, value = run
    return escape_line(value) if style == "line" else escape_markdown(value) if style == "text" else value


def block_markdown(block: Block) -> str:
    """One block's lines. A quote is its label on a line of its own, a blank line, then its text quoted."""
    if block.kind == "quote":
        head = "".join(value for style, value in block.runs if style == "label").rstrip(" ")
        return "\n".join([head, "", *_quote("".join(value for style, value in block.runs if style != "label"))])
    return PREFIX.get(block.kind, "") + "".join(map(_run, block.runs))


def markdown(blocks: list[Block]) -> str:
    out, previous = [], None
    for block in blocks:
        if block.only == WORD_ONLY:
            continue
        if previous and not (block.kind in LIST_KINDS and previous.kind in LIST_KINDS | {"lead"}):
            out.append("")
        out.append(block_markdown(block))
        previous = block
    return "\n".join(out) + "\n"


def render_markdown(checklist: Checklist, answers: Answers, exported_at: dt.date | str | None = None,
                    entries: list[dict] | None = None, about: dict | None = None) -> str:
    return markdown(record_blocks(checklist, answers, exported_at, entries, about))
