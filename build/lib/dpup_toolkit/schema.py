"""The one schema every checklist file obeys, and the loader that reports a bad file clearly.

A checklist is data: `checklists/<id>.yml`. Loading checks its shape (pydantic) and then the
rules that span items (unique ids, conditions that point at real items and real answers). Any
problem raises `ChecklistFileError` naming the file, the field path and the reason.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

ROLES = ("front-line", "team-leaders", "funders-and-partners", "policy-and-service-design",
         "analysis-and-research")
STAGES = ("planning", "design", "research-and-evaluation", "service-delivery")
PRINCIPLES = ("he-tangata", "manaakitanga", "mana-whakahaere", "kaitiakitanga", "mahitahitanga")
GUIDELINES = ("purpose-matters", "transparency-and-choice", "access-to-information",
              "sharing-value")

Role = Literal[ROLES]  # type: ignore[valid-type]
Stage = Literal[STAGES]  # type: ignore[valid-type]
Principle = Literal[PRINCIPLES]  # type: ignore[valid-type]
Guideline = Literal[GUIDELINES]  # type: ignore[valid-type]

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
BOOK_PAGE = r"^(book|checklists|case_studies)(/[a-z0-9_-]+)+$"


class ChecklistFileError(ValueError):
    """A checklist file that cannot be used: says which file, which field and why."""

    def __init__(self, path: Path | str, field: str, reason: str):
        self.path, self.field, self.reason = str(path), field, reason
        super().__init__(f"{path}: {field}: {reason}")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _text(min_length: int = 1):
    return Field(min_length=min_length)


class AnswerOption(Strict):
    value: str = Field(pattern=SLUG)
    label: str = _text()


class Link(Strict):
    title: str = _text()
    page: str = Field(pattern=BOOK_PAGE, description="Book page path without suffix")


class Condition(Strict):
    """Show an item only when another item has one of the given answers."""

    item: str = Field(pattern=SLUG)
    answer_in: tuple[str, ...] = Field(min_length=1)


class Item(Strict):
    id: str = Field(pattern=SLUG)
    prompt: str = _text()
    help: str = _text()
    guidance: dict[str, str] = Field(min_length=1, description="What an answer means, per answer value")
    action: str = _text()
    show_if: Condition | None = None
    links: tuple[Link, ...] = ()


class Section(Strict):
    id: str = Field(pattern=SLUG)
    title: str = _text()
    intro: str = ""
    items: tuple[Item, ...] = Field(min_length=1)


class Supports(Strict):
    principles: tuple[Principle, ...] = ()
    guidelines: tuple[Guideline, ...] = ()


class Checklist(Strict):
    id: str = Field(pattern=SLUG)
    title: str = _text()
    version: int = Field(ge=1)
    summary: str = _text()
    roles: tuple[Role, ...] = Field(min_length=1)
    stages: tuple[Stage, ...] = Field(min_length=1)
    supports: Supports
    answers: tuple[AnswerOption, ...] = Field(min_length=2)
    met: tuple[str, ...] = Field(min_length=1, description="Answer values that count as met")
    sections: tuple[Section, ...] = Field(min_length=1)

    @field_validator("roles", "stages")
    @classmethod
    def _no_repeats(cls, value):
        if len(set(value)) != len(value):
            raise ValueError("lists a value twice")
        return value

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def answer_label(self, value: str) -> str:
        return next(option.label for option in self.answers if option.value == value)


def _field_path(loc: tuple) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def _reason(error: dict) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known field (check the spelling)"
    if kind == "literal_error":
        return f"must be one of {error['ctx']['expected']}, not {error['input']!r}"
    if kind == "string_pattern_mismatch":
        return f"{error['input']!r} is not allowed here (expected lower-case words joined by hyphens, or a book page path)"
    if kind == "string_too_short":
        return "must not be empty"
    return error["msg"].removeprefix("Value error, ")


def _check_references(checklist: Checklist, path: Path) -> None:
    values = [option.value for option in checklist.answers]
    if len(set(values)) != len(values):
        raise ChecklistFileError(path, "answers", "lists the same answer value twice")
    for i, value in enumerate(checklist.met):
        if value not in values:
            raise ChecklistFileError(path, f"met[{i}]", f"unknown answer value {value!r}; the answers are {values}")
    seen: dict[str, str] = {}
    for s, section in enumerate(checklist.sections):
        if section.id in seen:
            raise ChecklistFileError(path, f"sections[{s}].id", f"duplicate id {section.id!r}")
        seen[section.id] = "section"
        for i, item in enumerate(section.items):
            where = f"sections[{s}].items[{i}]"
            if item.id in seen:
                raise ChecklistFileError(path, f"{where}.id", f"duplicate id {item.id!r}")
            seen[item.id] = where
            for value in item.guidance:
                if value not in values:
                    raise ChecklistFileError(path, f"{where}.guidance.{value}",
                                             f"unknown answer value {value!r}; the answers are {values}")
            missing = [value for value in values if value not in item.guidance]
            if missing:
                raise ChecklistFileError(path, f"{where}.guidance", f"has no guidance for answer {missing[0]!r}")
    earlier: set[str] = set()
    for s, section in enumerate(checklist.sections):
        for i, item in enumerate(section.items):
            where = f"sections[{s}].items[{i}].show_if"
            condition = item.show_if
            if condition is not None:
                if condition.item == item.id:
                    raise ChecklistFileError(path, f"{where}.item", "an item cannot depend on itself")
                if seen.get(condition.item, "section") == "section":
                    raise ChecklistFileError(path, f"{where}.item", f"points at {condition.item!r}, which is not an item in this checklist")
                if condition.item not in earlier:
                    raise ChecklistFileError(path, f"{where}.item", f"points at {condition.item!r}, which must come before this item")
                for a, value in enumerate(condition.answer_in):
                    if value not in values:
                        raise ChecklistFileError(path, f"{where}.answer_in[{a}]",
                                                 f"unknown answer value {value!r}; the answers are {values}")
            earlier.add(item.id)


def parse_checklist(text: str, path: Path | str = "<text>") -> Checklist:
    """Parse and validate checklist YAML; raise ChecklistFileError on any problem."""
    path = Path(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(YAML)"
        problem = getattr(error, "problem", None) or str(error)
        raise ChecklistFileError(path, where, f"is not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise ChecklistFileError(path, "(top level)", "must be a mapping of fields, not "
                                 + ("an empty file" if data is None else type(data).__name__))
    try:
        checklist = Checklist.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise ChecklistFileError(path, _field_path(first["loc"]), _reason(first)) from None
    _check_references(checklist, path)
    if path.suffix in (".yml", ".yaml") and path.stem != checklist.id:
        raise ChecklistFileError(path, "id", f"{checklist.id!r} must match the file name {path.stem!r}")
    return checklist


def load_checklist(path: Path | str) -> Checklist:
    path = Path(path)
    return parse_checklist(path.read_text(encoding="utf-8"), path)

