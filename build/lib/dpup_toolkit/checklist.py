"""ChecklistWidget: one checklist as an interactive form, in JupyterLab, Voila and on the static site.

The front-end is checklist.js / checklist.css beside this file. Answers live in the browser
(localStorage) and sync to the `answers` traitlet when a kernel is present.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import anywidget
import traitlets

from .progress import Progress, progress
from .record import clean_answers, render_json, render_markdown
from .schema import Checklist

_HERE = Path(__file__).parent


class ChecklistWidget(anywidget.AnyWidget):
    _esm = _HERE / "checklist.js"
    _css = _HERE / "checklist.css"

    definition = traitlets.Dict(help="The checklist as JSON, as the front-end draws it").tag(sync=True)
    answers = traitlets.Dict(help="{item id: {'answer': value or None, 'note': text}}").tag(sync=True)

    def __init__(self, checklist: Checklist, **kwargs):
        self.checklist = checklist
        super().__init__(definition=checklist.model_dump(mode="json"), **kwargs)

    def progress(self) -> Progress:
        return progress(self.checklist, clean_answers(self.checklist, self.answers))

    def record_markdown(self, exported_at: dt.date | str | None = None) -> str:
        return render_markdown(self.checklist, self.answers, exported_at)

    def record_json(self, exported_at: dt.date | str | None = None) -> str:
        return render_json(self.checklist, self.answers, exported_at)
