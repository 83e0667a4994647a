"""The one schema every checklist file obeys, and the loader that reports a bad file clearly.

A checklist is data: `checklists/<id>.yml`. Loading checks its shape (pydantic) and then the
rules that span items (unique ids, conditions that point at real items and real answers). Any
problem raises `ChecklistFileError` naming the file, the field path and the reason.
"""
from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Annotated, ClassVar, Literal, Union

from pydantic import (BaseModel, ConfigDict, Discriminator, Field, PrivateAttr, Tag, ValidationError, field_validator,
                      model_validator)

from ..shared import MAX_VERSION  # the page looks for saved answers of older versions; keep that bounded
from .yaml_source import ChecklistFileError, decode, quote, read_yaml

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
CHECKLIST_SUFFIXES = (".yml", ".yaml")
BOOK_PAGE = r"^(book|checklists|case_studies)(/[a-z0-9_-]+)+$"


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
    """Show an item only when an earlier question or choice item has one of the given answers."""

    item: str = Field(pattern=SLUG)
    answer_in: tuple[str, ...] = Field(min_length=1)


class _ItemBase(Strict):
    """What every kind of item has. Each kind is a model below, with the rules that differ by kind:

    - `typed`: the answer is text a person types (trimmed; quoted in records and Compare answers;
      its own note, so the item has no note);
    - `judged`: its answers are met or not met (a "question" in progress and the "unmet" result);
    - `allowed(checklist)`: the answer values it takes, or None for typed text;
    - `label(checklist, value)`: how an answer reads;
    - `asks_reason`, `keeps_reason`, `withdrawn`: the "not applicable" answer's rules (see Question);
    - `check(checklist, where, fail)`: the rules of a tool file that span this item and the tool;
    - `prose()`: the text of it a reader sees, for the plain-language checks.

    A new kind is a model here, added to ITEM_MODELS, with its record's layout in
    records/kinds/<kind>.py and its drawing in the widget's item-<kind>.js.
    """

    typed: ClassVar[bool] = False
    judged: ClassVar[bool] = False

    id: str = Field(pattern=SLUG)
    prompt: str = _text()
    help: str = _text()
    show_if: Condition | None = None
    links: tuple[Link, ...] = ()

    @field_validator("id")
    @classmethod
    def _not_only_digits(cls, value: str) -> str:
        # Answers are kept in JavaScript objects keyed by item id, which put keys like "12" first:
        # the browser's records would then differ from Python's.
        if value.isdigit():
            raise ValueError(f"{value!r} must contain a letter, not only digits")
        return value

    def asks_reason(self, checklist: Checklist, answer) -> bool:
        """The answer needs a reason before it counts as met."""
        return False

    def keeps_reason(self, checklist: Checklist, answer) -> bool:
        """A reason given is kept with this answer."""
        return False

    def withdrawn(self, checklist: Checklist, answer) -> bool:
        """The answer is one the item used to offer and no longer does."""
        return False

    def check(self, checklist: Checklist, where: str, fail) -> None:
        """Nothing beyond its fields, unless its kind says so."""

    def prose(self) -> list[str]:
        """The text of it a reader sees, for the plain-language checks."""
        return [self.prompt, self.help]


class Question(_ItemBase):
    """Answered on the tool's answer scale; not met answers list the action under "What to do next".

    `not_applicable: false` leaves the tool's "not applicable" answer off this item (for items it
    never fits); then the item has no guidance for it. Default true: offered, with a reason asked.
    """

    judged: ClassVar[bool] = True

    kind: Literal["question"] = "question"
    guidance: dict[str, str] = Field(min_length=1, description="What an answer means, per answer value")
    action: str = _text()
    not_applicable: bool = Field(default=True, strict=True,
                                 description="Offer the tool's not-applicable answer here (default true)")

    def allowed(self, checklist: Checklist) -> list[str]:
        return checklist.offered(self)

    def label(self, checklist: Checklist, value: str) -> str:
        return checklist.answer_label(value)

    def asks_reason(self, checklist: Checklist, answer) -> bool:
        return checklist.not_applicable is not None and answer == checklist.not_applicable

    def keeps_reason(self, checklist: Checklist, answer) -> bool:
        return answer == checklist.not_applicable

    def withdrawn(self, checklist: Checklist, answer) -> bool:
        """"Not applicable", once the tool file turns it off here (`not_applicable: false`)."""
        return answer == checklist.not_applicable and not self.not_applicable

    def prose(self) -> list[str]:
        return [*super().prose(), self.action, *self.guidance.values()]

    def check(self, checklist: Checklist, where: str, fail) -> None:
        """Guidance for every answer it offers, and for no other."""
        values = [option.value for option in checklist.answers]
        if not self.not_applicable and checklist.not_applicable is None:
            fail(f"{where}.not_applicable", "the tool names no not_applicable answer to leave out")
        offered = checklist.offered(self)
        for value in self.guidance:
            if value not in values:
                fail(f"{where}.guidance.{value}", f"unknown answer value {value!r}; the answers are {values}")
            if value not in offered:
                fail(f"{where}.guidance.{value}", f"{value!r} is not offered here (not_applicable: false)")
        missing = [value for value in offered if value not in self.guidance]
        if missing:
            fail(f"{where}.guidance", f"has no guidance for answer {missing[0]!r}")


class VaguePhrase(Strict):
    phrase: str = _text()
    advice: str = _text()


class TextItem(_ItemBase):
    """Free text; a warning shows when the text contains its phrase (any case, where a word starts)."""

    typed: ClassVar[bool] = True

    kind: Literal["text"]
    example: str = ""
    warnings: tuple[VaguePhrase, ...] = ()

    def allowed(self, checklist: Checklist) -> None:
        return None

    def label(self, checklist: Checklist, value: str) -> str:
        return value

    def prose(self) -> list[str]:
        return [*super().prose(), self.example, *(warning.advice for warning in self.warnings)]

    def check(self, checklist: Checklist, where: str, fail) -> None:
        phrases = [warning.phrase.casefold() for warning in self.warnings]
        if len(set(phrases)) != len(phrases):
            fail(f"{where}.warnings", "lists the same phrase twice")


class ChoiceOption(Strict):
    value: str = Field(pattern=SLUG)
    label: str = _text()
    explanation: str = ""


class ChoiceItem(_ItemBase):
    """Pick one option; `correct` makes it a quiz question for a `score` result."""

    kind: Literal["choice"]
    options: tuple[ChoiceOption, ...] = Field(min_length=2)
    correct: str | None = None

    def option_label(self, value: str) -> str:
        return next(option.label for option in self.options if option.value == value)

    def allowed(self, checklist: Checklist) -> list[str]:
        return [option.value for option in self.options]

    def label(self, checklist: Checklist, value: str) -> str:
        return self.option_label(value)

    def prose(self) -> list[str]:
        return [*super().prose(), *(option.explanation for option in self.options)]

    def check(self, checklist: Checklist, where: str, fail) -> None:
        """Options named once; a right answer that is one of them, and each option's explanation."""
        options = [option.value for option in self.options]
        if len(set(options)) != len(options):
            fail(f"{where}.options", "lists the same option value twice")
        if self.correct is not None:
            if self.correct not in options:
                fail(f"{where}.correct", f"unknown option {self.correct!r}; the options are {options}")
            for o, option in enumerate(self.options):
                if not option.explanation:
                    fail(f"{where}.options[{o}].explanation",
                         "is required when the item has a correct answer (say why each option is right or wrong)")


# Every kind of item, in the order error messages list them; an item that names no kind is the first.
ITEM_MODELS = (Question, TextItem, ChoiceItem)
ITEM_KINDS = tuple(model.model_fields["kind"].annotation.__args__[0] for model in ITEM_MODELS)
RESULT_KINDS = ("unmet", "template", "rules", "score", "catalogue")


def _kind(value) -> str:
    return value.get("kind", ITEM_KINDS[0]) if isinstance(value, dict) else getattr(value, "kind", None)


Item = Annotated[Union[tuple(Annotated[model, Tag(kind)] for model, kind in zip(ITEM_MODELS, ITEM_KINDS))],
                 Discriminator(_kind)]


class Section(Strict):
    id: str = Field(pattern=SLUG)
    title: str = _text()
    intro: str = ""
    items: tuple[Item, ...] = Field(min_length=1)


class Supports(Strict):
    principles: tuple[Principle, ...] = ()
    guidelines: tuple[Guideline, ...] = ()


class UnmetResult(Strict):
    kind: Literal["unmet"]
    title: str = Field(default="What to do next", min_length=1)


class TemplatePart(Strict):
    heading: str = ""
    text: str = _text()


class TemplateResult(Strict):
    kind: Literal["template"]
    id: str = Field(pattern=SLUG)
    title: str = _text()
    intro: str = ""
    plain_language: bool = False
    parts: tuple[TemplatePart, ...] = Field(min_length=1)


class Outcome(Strict):
    title: str = _text()
    text: str = _text()
    links: tuple[Link, ...] = ()


class Rule(Strict):
    when: dict[str, tuple[str, ...]] = Field(description="choice item id: values; {} matches anything")
    result: Outcome


class RulesResult(Strict):
    kind: Literal["rules"]
    id: str = Field(pattern=SLUG)
    title: str = _text()
    intro: str = ""
    rules: tuple[Rule, ...] = Field(min_length=1)


class ScoreResult(Strict):
    kind: Literal["score"]
    title: str = _text()


class CatalogueBy(Strict):
    role: str | None = Field(default=None, pattern=SLUG)
    stage: str | None = Field(default=None, pattern=SLUG)


class CatalogueResult(Strict):
    kind: Literal["catalogue"]
    title: str = _text()
    intro: str = ""
    by: CatalogueBy
    lead: int = Field(default=3, strict=True, ge=1, le=10,
                      description="How many of the best-fitting tools lead, each with why; the rest follow, folded")
    case_studies: str | None = Field(default=None, min_length=1,
                                     description="A folder of case studies, relative to this file, to list too")


def _listed_once(value):
    """A tool's or a case's roles and stages: each at most once."""
    if len(set(value)) != len(value):
        raise ValueError("lists a value twice")
    return value


class CaseStudy(Strict):
    """What the navigator shows of a case study. It lives in the case's own file, under `case_study:`:
    the front matter of a Markdown page, the notebook metadata of a notebook."""

    title: str = _text()
    summary: str = _text()
    roles: tuple[Role, ...] = Field(min_length=1)
    stages: tuple[Stage, ...] = Field(min_length=1)

    _no_repeats = field_validator("roles", "stages")(_listed_once)


class Change(Strict):
    """What changed in one version, so a page can tell people whose answers were saved before."""

    version: int = Field(strict=True, ge=2, le=MAX_VERSION)
    note: str = ""
    added: tuple[str, ...] = ()
    reworded: tuple[str, ...] = ()


Result = Annotated[Union[UnmetResult, TemplateResult, RulesResult, ScoreResult, CatalogueResult],
                   Field(discriminator="kind")]


class Checklist(Strict):
    id: str = Field(pattern=SLUG)
    title: str = _text()
    version: int = Field(strict=True, ge=1, le=MAX_VERSION)
    summary: str = _text()
    minutes: int | None = Field(default=None, strict=True, ge=1, le=600,
                                description="About how long the tool takes")
    roles: tuple[Role, ...] = Field(min_length=1)
    stages: tuple[Stage, ...] = Field(min_length=1)
    supports: Supports
    answers: tuple[AnswerOption, ...] = Field(default=(), min_length=2,
                                              description="The answer scale of question items")
    met: tuple[str, ...] = Field(default=(), min_length=1, description="Answer values that count as met")
    not_applicable: str | None = Field(
        default=None, pattern=SLUG,
        description="The answer value meaning 'does not apply': it counts as met only with a reason")
    sections: tuple[Section, ...] = Field(min_length=1)
    results: tuple[Result, ...] | None = Field(default=None, description="Default: [{kind: unmet}]")
    changes: tuple[Change, ...] = Field(default=(), description="What changed in each version after the first")
    _source: Path | None = PrivateAttr(default=None)
    _items: tuple = PrivateAttr(default=())
    _by_id: dict = PrivateAttr(default_factory=dict)  # the first item of each id: lookups stay linear overall

    _no_repeats = field_validator("roles", "stages")(_listed_once)

    @model_validator(mode="after")
    def _default_results(self):
        self._items = tuple(item for section in self.sections for item in section.items)
        for item in self._items:
            self._by_id.setdefault(item.id, item)
        if self.results is None:
            # Frozen model: set the default once, while it is being built.
            object.__setattr__(self, "results", (UnmetResult(kind="unmet"),) if self.questions else ())
        return self

    @property
    def items(self) -> tuple[Item, ...]:
        return self._items

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(item for item in self.items if item.judged)

    def item(self, item_id: str) -> Item:
        return self._by_id[item_id]

    def offered(self, item: Question) -> list[str]:
        """The answer values a question item offers: the scale, less "not applicable" where dropped."""
        return [option.value for option in self.answers
                if item.not_applicable or option.value != self.not_applicable]

    def needs_reason(self, item: Item, entry: dict | None) -> bool:
        """A question answered "not applicable" with no reason given (not met until there is one)."""
        entry = entry or {}
        reason = entry.get("reason")
        return (item.asks_reason(self, entry.get("answer"))
                and not (isinstance(reason, str) and reason.strip(" \t\r\n")))

    def answer_label(self, value: str) -> str:
        return next(option.label for option in self.answers if option.value == value)

    def prose(self) -> list[str]:
        """Every piece of text a reader sees, for the plain-language checks."""
        texts = [self.summary]
        for item in self.items:
            texts += item.prose()
        for result in self.results:
            texts += [getattr(result, "intro", "")]
            if result.kind == "rules":
                texts += [text for rule in result.rules for text in (rule.result.title, rule.result.text)]
        texts += [change.note for change in self.changes]
        return [text for text in texts if text]

    @property
    def source(self) -> Path | None:
        """The file it was loaded from, if any (the catalogue result lists the tools beside it)."""
        return self._source


def _field_path(loc: tuple) -> str:
    path = ""
    for i, part in enumerate(loc):
        if i >= 2 and isinstance(loc[i - 1], int) and loc[i - 2] in ("items", "results") and part in ITEM_KINDS + RESULT_KINDS:
            continue  # the kind pydantic tried, not a field
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def _reason(error: dict) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known field (check the spelling)"
    value = error.get("input")
    if kind in ("int_type", "int_parsing", "greater_than_equal", "less_than_equal") and error["loc"][-1] in WHOLE_NUMBERS:
        low, high = WHOLE_NUMBERS[error["loc"][-1]]
        got = f"{str(value).lower()} (YAML read it as a boolean)" if isinstance(value, bool) else quote(value)
        return f"must be a whole number from {low} to {high}, not {got}"
    if isinstance(value, bool):
        return f"YAML read this as the boolean {str(value).lower()}; put the value in quotes if it is text"
    if kind == "literal_error":
        return f"must be one of {error['ctx']['expected']}, not {quote(value)}"
    if kind == "union_tag_invalid":
        tag = value.get("kind") if isinstance(value, dict) else error["ctx"]["tag"]
        return f"must be one of {error['ctx']['expected_tags']}, not {quote(tag)}"
    if kind == "union_tag_not_found" or kind in MAPPING_TYPES:
        if isinstance(value, dict):  # a result without a kind, or an item whose kind is null
            kinds = ITEM_KINDS if "items" in error["loc"] else RESULT_KINDS
            known = ", ".join(map(repr, kinds))
            return f"must be one of {known}, not {quote(value['kind'])}" if "kind" in value else \
                f"is required but missing: one of {known}"
        return f"must be a mapping of fields (such as id: and title:), not {_described(value)}"
    if kind == "string_type":
        hint = "; put it in quotes" if isinstance(value, (int, float)) else ""
        return f"must be text, not {_described(value)}{hint}"
    if kind in ("tuple_type", "list_type"):
        return f"must be a list (each entry on a line starting with - ), not {_described(value)}"
    if kind in ("dict_type",):
        return f"must be a mapping of names to values, not {_described(value)}"
    if kind == "string_pattern_mismatch":
        return f"{quote(error['input'])} is not allowed here (expected lower-case words joined by hyphens, or a book page path)"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return f"must list at least {error['ctx']['min_length']}"
    return error["msg"].removeprefix("Value error, ")


MAPPING_TYPES = ("model_type", "model_attributes_type", "dataclass_type")


def _described(value) -> str:
    return f"the text {quote(value)}" if isinstance(value, str) else quote(value)


WHOLE_NUMBERS = {"version": (1, MAX_VERSION), "minutes": (1, 600)}
PLACEHOLDER = re.compile(r"\{([a-z0-9]+(?:-[a-z0-9]+)*)\}")


def placeholders(text: str) -> list[str]:
    """The item ids a template part names, in order."""
    return PLACEHOLDER.findall(text)


def _check_references(checklist: Checklist, path: Path) -> None:
    fail = partial(_fail, path)
    values = [option.value for option in checklist.answers]
    has_questions = bool(checklist.questions)
    if has_questions and not checklist.answers:
        fail("answers", "is required when the tool has question items (the answer scale)")
    if has_questions and not checklist.met:
        fail("met", "is required when the tool has question items (the answers that count as met)")
    if not has_questions and (checklist.answers or checklist.met):
        fail("answers" if checklist.answers else "met", "is only for question items, and this tool has none")
    if len(set(values)) != len(values):
        fail("answers", "lists the same answer value twice")
    for i, value in enumerate(checklist.met):
        if value not in values:
            fail(f"met[{i}]", f"unknown answer value {value!r}; the answers are {values}")
    if checklist.not_applicable is not None:
        if checklist.not_applicable not in values:
            fail("not_applicable", f"unknown answer value {checklist.not_applicable!r}; the answers are {values}")
        if checklist.not_applicable not in checklist.met:
            fail("not_applicable", "must also be in met (with a reason, it counts as met)")
    seen: dict[str, str] = {}
    where_of: dict[str, str] = {}
    for s, section in enumerate(checklist.sections):
        if section.id in seen:
            fail(f"sections[{s}].id", f"duplicate id {section.id!r}")
        seen[section.id] = "section"
        for i, item in enumerate(section.items):
            where = f"sections[{s}].items[{i}]"
            if item.id in seen:
                fail(f"{where}.id", f"duplicate id {item.id!r}")
            seen[item.id] = item.kind
            where_of[item.id] = where
            item.check(checklist, where, fail)
    earlier: set[str] = set()
    for item in checklist.items:
        where = f"{where_of[item.id]}.show_if"
        condition = item.show_if
        if condition is not None:
            if condition.item == item.id:
                fail(f"{where}.item", "an item cannot depend on itself")
            if seen.get(condition.item, "section") == "section":
                fail(f"{where}.item", f"points at {condition.item!r}, which is not an item in this checklist")
            if condition.item not in earlier:
                fail(f"{where}.item", f"points at {condition.item!r}, which must come before this item")
            parent = checklist.item(condition.item)
            allowed = parent.allowed(checklist)
            if allowed is None:
                fail(f"{where}.item", f"points at {condition.item!r}, a text item; conditions need a question or choice item")
            for a, value in enumerate(condition.answer_in):
                if value not in allowed:
                    noun = "answer value" if parent.kind == "question" else "option"
                    plural = "answers" if parent.kind == "question" else "options"
                    fail(f"{where}.answer_in[{a}]", f"unknown {noun} {value!r}; the {plural} are {allowed}")
        earlier.add(item.id)
    _check_results(checklist, seen, fail)
    _check_changes(checklist, seen, fail)


def _check_changes(checklist: Checklist, kinds: dict[str, str], fail) -> None:
    previous = 1
    for c, change in enumerate(checklist.changes):
        where = f"changes[{c}]"
        if not previous < change.version <= checklist.version:
            fail(f"{where}.version", f"must be after {previous} and at most the tool's version {checklist.version}")
        previous = change.version
        if not (change.note or change.added or change.reworded):
            fail(where, "says nothing: give a note, added or reworded")
        for field in ("added", "reworded"):
            for i, item_id in enumerate(getattr(change, field)):
                if kinds.get(item_id, "section") == "section":
                    fail(f"{where}.{field}[{i}]", f"{item_id!r} is not an item in this tool")


def _fail(path: Path, field: str, reason: str):
    raise ChecklistFileError(path, field, reason)


def _check_results(checklist: Checklist, kinds: dict[str, str], fail) -> None:
    result_ids: set[str] = set()
    if any(item.kind == "choice" and item.correct for item in checklist.items) \
            and not any(result.kind == "score" for result in checklist.results):
        fail("results", "has no score result, but some choice items have a correct answer")
    for r, result in enumerate(checklist.results):
        where = f"results[{r}]"
        rid = getattr(result, "id", None)
        if rid is not None:
            if rid in result_ids:
                fail(f"{where}.id", f"duplicate id {rid!r}")
            result_ids.add(rid)
        if result.kind == "unmet" and not checklist.questions:
            fail(f"{where}.kind", "'unmet' lists question items, and this tool has none")
        elif result.kind == "score" and not any(item.kind == "choice" and item.correct for item in checklist.items):
            fail(f"{where}.kind", "'score' needs choice items with a correct answer, and this tool has none")
        elif result.kind == "template":
            _check_template(result, kinds, checklist, where, fail)
        elif result.kind == "rules":
            _check_rules(result, kinds, checklist, where, fail)
        elif result.kind == "catalogue":
            by = result.by
            if by.role is None and by.stage is None:
                fail(f"{where}.by", "must name a role item, a stage item or both")
            for field, known in (("role", ROLES), ("stage", STAGES)):
                item_id = getattr(by, field)
                if item_id is None:
                    continue
                if kinds.get(item_id) != "choice":
                    fail(f"{where}.by.{field}", f"points at {item_id!r}, which is not a choice item in this tool")
                for option in checklist.item(item_id).options:
                    if option.value not in known:
                        fail(f"{where}.by.{field}",
                             f"{item_id!r} has option {option.value!r}, which is not a {field}; use {list(known)}")


def _check_template(result: TemplateResult, kinds, checklist, where, fail) -> None:
    for p, part in enumerate(result.parts):
        leftover = PLACEHOLDER.sub("", part.text)
        if "{" in leftover or "}" in leftover:
            fail(f"{where}.parts[{p}].text", "has a brace that is not a placeholder like {item-id}")
        for name in placeholders(part.text):
            if name not in kinds or kinds[name] == "section":
                fail(f"{where}.parts[{p}].text", f"names {{{name}}}, which is not an item in this tool")
            if kinds[name] not in ("text", "choice"):
                fail(f"{where}.parts[{p}].text", f"names {{{name}}}, a {kinds[name]} item; templates take text or choice items")


def _check_rules(result: RulesResult, kinds, checklist, where, fail) -> None:
    options: dict[str, list[str]] = {}
    for i, rule in enumerate(result.rules):
        if not rule.when and i != len(result.rules) - 1:
            fail(f"{where}.rules[{i}].when", "matches anything, so it must be the last rule")
        for item_id, wanted in rule.when.items():
            if kinds.get(item_id) != "choice":
                fail(f"{where}.rules[{i}].when.{item_id}", f"{item_id!r} is not a choice item in this tool")
            known = [option.value for option in checklist.item(item_id).options]
            options[item_id] = known
            if not wanted:
                fail(f"{where}.rules[{i}].when.{item_id}", "lists no option, so the rule can never match")
            for v, value in enumerate(wanted):
                if value not in known:
                    fail(f"{where}.rules[{i}].when.{item_id}[{v}]", f"unknown option {value!r}; the options are {known}")
    _check_rules_can_match(result, options, where, fail)


RULE_WORK_LIMIT = 200_000  # steps of cutting answer space; the real tools need under a thousand


def _check_rules_can_match(result: RulesResult, options: dict[str, list[str]], where: str, fail) -> None:
    """Fail on a rule that can never match: every answer it covers is taken by earlier rules.

    A rule covers a box of answers (its options per item, every option of an item it does not
    name). Each rule's box is cut by the earlier rules' boxes; what is left is a list of smaller
    boxes, and a rule with nothing left can never match. The work is counted, not the answer
    combinations enumerated (a 64 KB file once took minutes that way): past RULE_WORK_LIMIT the
    file is refused, so any file loads or fails quickly."""
    boxes = [{item_id: frozenset(wanted) for item_id, wanted in rule.when.items()} for rule in result.rules]
    work = 0
    for i, box in enumerate(boxes):
        left = [box]
        for earlier in boxes[:i]:
            work += sum(len(earlier) * (len(piece) + 1) + 1 for piece in left)  # the dict entries _cut touches
            if work > RULE_WORK_LIMIT:
                fail(f"{where}.rules", f"has too many rules and conditions to check that each can match "
                     f"(more than {RULE_WORK_LIMIT:,} steps); use fewer rules or fewer options in each")
            left = [piece for part in left for piece in _cut(part, earlier, options)]
            if not left:
                fail(f"{where}.rules[{i}]", "can never match: every answer it covers is taken by an earlier rule")


def _cut(box: dict[str, frozenset], taken: dict[str, frozenset], options: dict[str, list[str]]) -> list[dict]:
    """The answers of `box` that `taken` does not cover, as boxes that do not overlap."""
    inside = dict(box)
    pieces = []
    for item_id, values in taken.items():
        mine = inside.get(item_id, frozenset(options[item_id]))
        if not mine & values:
            return [box]  # no overlap: nothing taken
        if mine - values:
            pieces.append({**inside, item_id: mine - values})
        inside[item_id] = mine & values
    return pieces


def parse_checklist(text: str, path: Path | str = "<text>") -> Checklist:
    """Parse and validate checklist YAML; raise ChecklistFileError on any problem."""
    path = Path(path)
    data = read_yaml(text, path)
    if not isinstance(data, dict):
        raise ChecklistFileError(path, "(top level)", "must be a mapping of fields, not "
                                 + ("an empty file" if data is None else type(data).__name__))
    try:
        checklist = Checklist.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        kind_error = first["type"] == "union_tag_invalid" or (first["type"] == "union_tag_not_found"
                                                              and isinstance(first.get("input"), dict))
        loc = (*first["loc"], "kind") if kind_error else first["loc"]
        raise ChecklistFileError(path, _field_path(loc), _reason(first)) from None
    _check_references(checklist, path)
    if path.suffix in CHECKLIST_SUFFIXES and path.stem != checklist.id:
        raise ChecklistFileError(path, "id", f"{checklist.id!r} must match the file name {path.stem!r}")
    return checklist


def parse_case_study(data: object, path: Path | str, where: str = "case_study") -> CaseStudy:
    """Validate a case study's `case_study:` metadata; raise ChecklistFileError on any problem."""
    if not isinstance(data, dict):
        raise ChecklistFileError(path, where, "must be a mapping of title, summary, roles and stages, not "
                                 + type(data).__name__)
    try:
        return CaseStudy.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise ChecklistFileError(path, f"{where}.{_field_path(first['loc'])}", _reason(first)) from None


def load_checklist(path: Path | str) -> Checklist:
    path = Path(path)
    if path.suffix not in CHECKLIST_SUFFIXES:
        raise ChecklistFileError(path, "(file)", f"a checklist file's name must end in {' or '.join(CHECKLIST_SUFFIXES)}")
    checklist = parse_checklist(decode(path.read_bytes(), path), path)
    checklist._source = path.resolve()
    return checklist

