"""Find and load every checklist file in a folder, describe them for the navigator, and check
their links against the book."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from .schema import CHECKLIST_SUFFIXES, Checklist, ChecklistFileError, Link, load_checklist


def checklist_files(folder: Path | str) -> list[Path]:
    """Every checklist file in `folder`: the same suffixes `load_checklist` accepts."""
    return sorted(path for path in Path(folder).iterdir() if path.is_file() and path.suffix in CHECKLIST_SUFFIXES)


def list_checklists(folder: Path | str) -> list[Checklist]:
    """Load every checklist file in `folder`, sorted by id; a bad file raises ChecklistFileError."""
    checklists: dict[str, tuple[Path, Checklist]] = {}
    for path in checklist_files(folder):
        checklist = load_checklist(path)
        if checklist.id in checklists:
            raise ChecklistFileError(path, "id", f"{checklist.id!r} is also the id of {checklists[checklist.id][0].name}")
        checklists[checklist.id] = (path, checklist)
    return [checklists[key][1] for key in sorted(checklists)]


def _links(node, where: str):
    """Every Link anywhere in a checklist (items, results, any kind), with its field path."""
    if isinstance(node, Link):
        yield where, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _links(getattr(node, name), f"{where}.{name}" if where else name)
    elif isinstance(node, (tuple, list)):
        for i, value in enumerate(node):
            yield from _links(value, f"{where}[{i}]")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _links(value, f"{where}.{key}")


def check_links(folder: Path | str, pages: Iterable[str]) -> None:
    """Raise ChecklistFileError for the first link whose `page` is not one of the book's `pages`."""
    pages = set(pages)
    for path in checklist_files(folder):
        for where, link in _links(load_checklist(path), ""):
            if link.page not in pages:
                raise ChecklistFileError(path, f"{where}.page", f"{link.page!r} is not a page of the book (see _toc.yml)")


def toc_pages(toc: Path | str) -> set[str]:
    """Every page path named in a Jupyter Book `_toc.yml` (its root and every `file:`)."""
    import yaml

    pages: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("root", "file") and isinstance(value, str):
                    pages.add(value.removesuffix(".md").removesuffix(".ipynb"))
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load(Path(toc).read_text(encoding="utf-8")))
    return pages


def catalogue_entries(checklist: Checklist) -> list[dict]:
    """The tools beside this one (its own folder), as a catalogue result lists them; [] if it needs none."""
    if checklist.source is None or not any(result.kind == "catalogue" for result in checklist.results):
        return []
    return [{"id": tool.id, "title": tool.title, "summary": tool.summary, "roles": list(tool.roles),
             "stages": list(tool.stages), "minutes": tool.minutes}
            for tool in list_checklists(checklist.source.parent)]
