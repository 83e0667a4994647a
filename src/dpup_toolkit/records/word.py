"""The record as a Word document (.docx), for people who file and comment on Word documents: a
thin writer over the record's blocks (blocks.py), with python-docx. On the static site
widgets/docx/record.mjs writes the same blocks with the `docx` library, loaded only when the
button is pressed. Both write the same paragraphs, styles and runs, so one golden dump of each
record (tests/goldens.py) holds both.

Headings are Word's heading styles, so the document has an outline; a label ("Answer: ") is bold;
a bullet is the "List Bullet" style, which carries the bullet; "\n" in a text is a line break
inside its run. Runs of the same weight are written as one run.
"""
from __future__ import annotations

import datetime as dt
import io
import itertools
import re

from ..engine.progress import Answers
from ..engine.schema import Checklist
from .blocks import MARKDOWN_ONLY, Block, record_blocks
from .rules import _LINE_BREAK

HEADING_LEVEL = {"title": 0, "heading": 1, "subheading": 2, "step": 2}
# Characters XML 1.0 cannot hold (Word refuses a file with them); the same in record.mjs.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", _LINE_BREAK.sub("\n", text))


def word_runs(block: Block) -> list[tuple[bool, str]]:
    """(bold, text) for each run Word writes: a block's runs joined where their weight is the same."""
    return [(bold, "".join(value for _, value in runs))
            for bold, runs in itertools.groupby(block.runs, lambda run: run[0] == "label")]


def render_docx(checklist: Checklist, answers: Answers, exported_at: dt.date | str | None = None,
                entries: list[dict] | None = None, about: dict | None = None) -> bytes:
    """The record as a .docx file's bytes."""
    from docx import Document  # python-docx: only the kernel side and the tests need it

    blocks = [block for block in record_blocks(checklist, answers, exported_at, entries, about) if block.only != MARKDOWN_ONLY]
    document = Document()
    document.core_properties.title = "".join(value for _, value in blocks[0].runs)
    document.core_properties.author = "DPUP Toolkit"
    for block in blocks:
        if block.kind in HEADING_LEVEL:
            paragraph = document.add_heading(level=HEADING_LEVEL[block.kind])
        else:
            paragraph = document.add_paragraph(style="List Bullet" if block.kind == "bullet" else None)
        for bold, text in word_runs(block):
            run = paragraph.add_run(xml_safe(text))  # python-docx writes "\n" as a line break
            if bold:
                run.bold = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
