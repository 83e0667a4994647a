"""The checklist widget: ChecklistWidget (checklist.py), its front-end (checklist.js and the modules
beside it, bundled by front_end.py) and its styles (checklist.css)."""
from .checklist import ChecklistWidget

__all__ = ["ChecklistWidget"]
