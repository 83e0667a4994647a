"""Find and load every checklist file in a folder, describe them and the case studies for the
navigator, and check their links against the book."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from .schema import CHECKLIST_SUFFIXES, Checklist, ChecklistFileError, Link, load_checklist, parse_case_study
from .yaml_source import NOT_PRINTABLE, decode, read_yaml

CASE_STUDY_KEY = "case_study"  # front matter (Markdown) or notebook metadata (notebook)
CASE_STUDY_SUFFIXES = (".md", ".ipynb")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*$", re.S | re.M)


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
    """Raise ChecklistFileError for the first link, or case study a navigator finds, that is not one of the
    book's `pages`."""
    pages = set(pages)
    for path in checklist_files(folder):
        checklist = load_checklist(path)
        for where, link in _links(checklist, ""):
            if link.page not in pages:
                raise ChecklistFileError(path, f"{where}.page", f"{link.page!r} is not a page of the book (see _toc.yml)")
        for entry in catalogue_entries(checklist):
            if entry["kind"] == "case" and entry["page"] not in pages:
                raise ChecklistFileError(path, "results", f"finds the case study {entry['page']!r}, which is not a page "
                                         "of the book (add it to _toc.yml)")


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


CASE_STUDY_MAX_BYTES = 16 * 1024 * 1024  # a notebook may hold pictures; its front matter is read with the YAML limit


def _refuse_control_characters(data: object, path: Path) -> None:
    """A notebook's `case_study:` holds no character the YAML loader would refuse in front matter."""
    stack = [data]
    while stack:  # no recursion: the notebook's JSON may nest as deeply as json.loads allows
        value = stack.pop()
        if isinstance(value, dict):
            stack += [*value.keys(), *value.values()]
        elif isinstance(value, list):
            stack += value
        elif isinstance(value, str) and NOT_PRINTABLE.search(value):
            character = ord(NOT_PRINTABLE.search(value).group())
            raise ChecklistFileError(path, CASE_STUDY_KEY,
                                     f"holds U+{character:04X}, a control character or non-character; remove it")


def case_study_metadata(path: Path) -> object | None:
    """A case study's `case_study:` metadata: in a Markdown page's front matter or a notebook's
    metadata. None if the file has none (an index page, say)."""
    text = decode(path.read_bytes(), path, CASE_STUDY_MAX_BYTES, "a case study")
    if path.suffix == ".ipynb":
        try:
            metadata = json.loads(text).get("metadata")
        except (ValueError, AttributeError, RecursionError):
            raise ChecklistFileError(path, "(file)", "is not a notebook (its JSON cannot be read)") from None
        _refuse_control_characters(metadata.get(CASE_STUDY_KEY) if isinstance(metadata, dict) else None, path)
    else:
        match = _FRONT_MATTER.match(text)
        metadata = read_yaml("\n" + match.group(1), path) if match else None  # line numbers as in the file
    return metadata.get(CASE_STUDY_KEY) if isinstance(metadata, dict) else None


def case_study_entries(folder: Path, book: Path) -> list[dict]:
    """Every case study in `folder` that declares `case_study:`, as the navigator lists them, sorted
    by file name. `book`: the book's root folder, from which each case's page path is made."""
    entries: dict[str, dict] = {}
    for path in sorted(path for path in folder.iterdir() if path.is_file() and path.suffix in CASE_STUDY_SUFFIXES):
        data = case_study_metadata(path)
        if data is None:
            continue
        if path.stem in entries:
            raise ChecklistFileError(path, "(file)", f"another case study is also called {path.stem!r}")
        case = parse_case_study(data, path, CASE_STUDY_KEY)
        page = (folder / path.stem).relative_to(book).as_posix()
        entries[path.stem] = {"kind": "case", "id": path.stem, "title": case.title, "summary": case.summary,
                              "roles": list(case.roles), "stages": list(case.stages), "minutes": None, "page": page}
    return list(entries.values())


def catalogue_entries(checklist: Checklist) -> list[dict]:
    """What a catalogue result can list: the tools beside this one (its own folder), then the case
    studies of the folder it names; [] if it has no catalogue result. A tool's page is
    `<its folder>/<id>`, a case's `<its folder>/<file name>`, from the book root (the tools'
    folder's parent)."""
    catalogues = [(r, result) for r, result in enumerate(checklist.results) if result.kind == "catalogue"]
    if checklist.source is None or not catalogues:
        return []
    folder = checklist.source.parent
    entries = [{"kind": "tool", "id": tool.id, "title": tool.title, "summary": tool.summary, "roles": list(tool.roles),
                "stages": list(tool.stages), "minutes": tool.minutes, "page": f"{folder.name}/{tool.id}"}
               for tool in list_checklists(folder)]
    folders: list[Path] = []
    for r, result in catalogues:
        if result.case_studies is None:
            continue
        cases = (folder / result.case_studies).resolve()
        if not cases.is_dir() or not cases.is_relative_to(folder.parent):
            raise ChecklistFileError(checklist.source, f"results[{r}].case_studies",
                                     f"{result.case_studies!r} is not a folder of the book (give it relative to this file)")
        if cases not in folders:
            folders.append(cases)
            entries += case_study_entries(cases, folder.parent)
    return entries


# What a catalogue asks about, as each entry lists it: the role item's answer is found in an entry's
# "roles", the stage item's in its "stages". The order is the order a reason names them in.
FIT_FIELDS = (("role", "roles"), ("stage", "stages"))


def rank_key(entry: dict, chosen: dict[str, str | None], offered: dict[str, list[str]]) -> tuple:
    """How a catalogue orders what it lists (rankKey in result-catalogue.js), one rule for every
    tool and case: more of the chosen answers fitted first; then the entry made for fewer of the
    offered roles and stages (closer to this person's work than one made for everyone); then the
    shorter (an entry with no time given counts as 0 minutes); then by id, which is unique."""
    fits = sum(1 for field, listed in FIT_FIELDS if chosen.get(field) and chosen[field] in entry[listed])
    return (-fits, made_for(entry, offered), entry["minutes"] or 0, entry["id"])


def made_for(entry: dict, offered: dict[str, list[str]]) -> int:
    """How many of the offered roles and stages an entry is made for (values the items do not offer
    are not counted)."""
    return sum(len([value for value in entry[listed] if value in offered[field]])
               for field, listed in FIT_FIELDS if field in offered)


def fit_reason(entry: dict, chosen: dict[str, str | None], labels: dict[str, str], offered: dict[str, list[str]]) -> str:
    """Why an entry is listed, in plain words (fitReason in result-catalogue.js): which chosen
    answers it fits, which it does not, and how many roles and stages it is made for. `labels`:
    the chosen answers as the person saw them."""
    fitted = [f"your {field} ({labels[field]})" for field, listed in FIT_FIELDS
              if chosen.get(field) and chosen[field] in entry[listed]]
    missed = [f"your {field} ({labels[field]})" for field, listed in FIT_FIELDS
              if chosen.get(field) and chosen[field] not in entry[listed]]
    text = f"It fits {' and '.join(fitted)}"
    text += f", but it is not made for {' or '.join(missed)}." if missed else "."
    counts = []
    for field, listed in FIT_FIELDS:
        if field in offered:
            n, total = len([value for value in entry[listed] if value in offered[field]]), len(offered[field])
            counts.append(f"every {field}" if n == total else f"{n} of the {total} {listed}")
    return f"{text} It is made for {' and '.join(counts)}."
