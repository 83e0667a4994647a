"""DPUP Toolkit checklist engine: checklists as data, progress, records, and the widget."""
from .engine.catalogue import list_checklists
from .widget import ChecklistWidget
from .engine.progress import Progress, progress, visible_items
from .records.markdown import render_markdown
from .records.rules import RecordError, import_record, render_json
from .engine.schema import Checklist, ChecklistFileError, load_checklist, parse_checklist

__all__ = [
    "Checklist", "ChecklistFileError", "ChecklistWidget", "Progress", "RecordError",
    "import_record", "list_checklists", "load_checklist", "parse_checklist", "progress",
    "render_json", "render_markdown", "visible_items",
]
