"""Find and load every checklist file in a folder, and describe them for the navigator."""
from __future__ import annotations

from pathlib import Path

from .schema import Checklist, load_checklist


def list_checklists(folder: Path | str) -> list[Checklist]:
    """Load every `*.yml` checklist in `folder`, sorted by id; a bad file raises ChecklistFileError."""
    return sorted((load_checklist(path) for path in Path(folder).glob("*.yml")), key=lambda c: c.id)


def catalogue_entries(checklist: Checklist) -> list[dict]:
    """The tools beside this one (its own folder), as a catalogue result lists them; [] if it needs none."""
    if checklist.source is None or not any(result.kind == "catalogue" for result in checklist.results):
        return []
    return [{"id": tool.id, "title": tool.title, "summary": tool.summary, "roles": list(tool.roles),
             "stages": list(tool.stages), "minutes": tool.minutes}
            for tool in list_checklists(checklist.source.parent)]
