"""ChecklistWidget: one checklist as an interactive form, in JupyterLab, Voila and on the static site.

The front-end is checklist.js and the modules beside it, bundled into one module for anywidget
(checklist.bundle.js, front_end.py), and checklist.css beside this file. Answers live in the browser (localStorage) and sync to the
`answers` traitlet when a kernel is present.
"""
from __future__ import annotations

import datetime as dt

import anywidget
import traitlets

from ..engine.catalogue import catalogue_entries
from ..engine.progress import Progress, progress
from ..engine.schema import Checklist
from ..records.markdown import render_markdown
from ..records.rules import clean_answers, record_filename, render_json
from ..records.word import render_docx
from . import front_end
from ..te_reo import load_terms


class ChecklistWidget(anywidget.AnyWidget):
    _esm = front_end.bundled()
    _css = front_end.STYLESHEET

    definition = traitlets.Dict(help="The checklist as JSON, as the front-end draws it").tag(sync=True)
    answers = traitlets.Dict(help="{item id: {'answer': value or None, 'note': text}}").tag(sync=True)
    about = traitlets.Dict(help="{'what', 'completed_by', 'review_by'}: what the check is about").tag(sync=True)
    te_reo = traitlets.List(load_terms(), help="te_reo.yml's words, which te-reo.js marks with their language"
                            ).tag(sync=True)

    def __init__(self, checklist: Checklist, **kwargs):
        self.checklist = checklist
        self.catalogue = catalogue_entries(checklist)
        definition = checklist.model_dump(mode="json")
        if self.catalogue:  # the navigator: the tools beside this one, to filter by role and stage
            definition["catalogue"] = self.catalogue
        super().__init__(definition=definition, **kwargs)
        self.on_msg(self._on_message)

    def progress(self) -> Progress:
        return progress(self.checklist, clean_answers(self.checklist, self.answers))

    def record_markdown(self, exported_at: dt.date | str | None = None) -> str:
        return render_markdown(self.checklist, self.answers, exported_at, self.catalogue, self.about)

    def record_json(self, exported_at: dt.date | str | None = None) -> str:
        return render_json(self.checklist, self.answers, exported_at, self.catalogue, self.about)

    def record_docx(self, exported_at: dt.date | str | None = None, answers=None, about=None) -> bytes:
        """The Word record of these answers and details, or of the ones given (a page's request)."""
        return render_docx(self.checklist, self.answers if answers is None else answers, exported_at, self.catalogue,
                           self.about if about is None else about)

    def _on_message(self, widget, content, buffers):
        """With a kernel (JupyterLab, Voila) the page asks for the Word record here: the kernel writes
        it with python-docx and sends the file back for the browser to save."""
        if not isinstance(content, dict) or content.get("kind") != "docx":
            return
        exported_at, stamp = str(content.get("exported_at", "")), str(content.get("stamp", ""))
        # The page sends its answers with the request (a state update may still be queued behind it).
        answers = content["answers"] if isinstance(content.get("answers"), dict) else self.answers
        about = content["about"] if isinstance(content.get("about"), dict) else self.about
        filename = record_filename(self.checklist.id, stamp, "docx")
        data = self.record_docx(exported_at or None, answers, about)
        self.send({"kind": "docx", "filename": filename}, buffers=[data])
