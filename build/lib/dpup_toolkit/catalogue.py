"""Find and load every checklist file in a folder."""
from __future__ import annotations

from pathlib import Path

from .schema import Checklist, load_checklist


def list_checklists(folder: Path | str) -> list[Checklist]:
    """Load every `*.yml` checklist in `folder`, sorted by id; a bad file raises ChecklistFileError."""
    return sorted((load_checklist(path) for path in Path(folder).glob("*.yml")), key=lambda c: c.id)
