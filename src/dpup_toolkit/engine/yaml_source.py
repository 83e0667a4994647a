"""Reading a checklist file's YAML safely: bounded work, and every problem as a file/field/reason.

`yaml.safe_load` alone lets a careless or hostile file through in ways that lose content or
exhaust the machine: a repeated key silently replaces the first one, aliases can multiply a
4 KB file into gigabytes, deep nesting exhausts Python's stack, and a file in another encoding
fails with an error that does not name it; tags (!!float abc) and YAML 1.1's dates and numbers
(2024-02-30, 0x, 16:40) raise errors of their own. This reader refuses all of these with
`ChecklistFileError`, and quotes at most `QUOTE_LIMIT` characters of any value in a message. It
parses with libyaml where PyYAML has it (the checks are the same either way).
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

MAX_BYTES = 128 * 1024  # the largest real tool is about 30 KB; at this size the worst file loads in well under a second
MAX_DEPTH = 40          # a checklist nests about 8 levels deep
QUOTE_LIMIT = 80


class ChecklistFileError(ValueError):
    """A checklist file that cannot be used: says which file, which field and why."""

    REASON_LIMIT = 400

    def __init__(self, path: Path | str, field: str, reason: str):
        if len(reason) > self.REASON_LIMIT:  # whatever a message quotes, it stays readable
            reason = reason[:self.REASON_LIMIT - 1] + "…"
        self.path, self.field, self.reason = str(path), field, reason
        super().__init__(f"{path}: {field}: {reason}")


def quote(value: object) -> str:
    """repr(value), cut to QUOTE_LIMIT characters, for quoting a value in a message; YAML's words
    for null, true and false, and "a list" or "a mapping" for a container."""
    if value is None or isinstance(value, bool):
        return {None: "null (an empty value)", True: "true", False: "false"}[value]
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (str, int, float)):
        text = repr(value)
    else:  # a container may be huge: never format all of it
        text = f"a {type(value).__name__}"
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT - 1] + "…"


def _where(mark) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}"


class _Refused(Exception):
    def __init__(self, mark, reason: str):
        super().__init__(reason)
        self.mark, self.reason = mark, reason


# The characters YAML allows written out (its "printable" set). A checklist file's values may hold
# only these, also when an escape such as "\x1b", "\0" or "\ufffe" writes one of the others: a
# control character breaks the Word record's XML and hides in the Markdown one.
NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class _Resolver(BaseResolver):
    """Which plain (unquoted) values are not text. YAML 1.1 also reads 0x10, 0o17, 017, 1_000 and
    16:40 as numbers and 2024-02-30 as a date (which then fails outside the loader); here a whole
    number is decimal digits with no leading zero (at most 18 of them), a decimal number has digits either side of its
    point, and every other plain value is text. true/false/yes/no/on/off stay booleans, so that
    the schema can say "YAML read this as the boolean true; put it in quotes"."""


_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(
    r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"), list("yYnNtTfFoO"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,17})$"), list("-+0123456789"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(
    r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^<<$"), ["<"])
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])

_PLAIN_TAGS = (None, "!")  # no tag written: the value is read by the rule above


class _Checks(Composer, SafeConstructor, _Resolver):
    """Composing and constructing without aliases, tags or repeated keys, with a bound on nesting,
    text keys only and no control characters; shared by the C and the pure-Python parser."""

    def _start_checks(self):
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        _Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(event.start_mark, "uses a YAML alias (*name); checklist files must write every value out")
        if getattr(event, "tag", None) not in _PLAIN_TAGS:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(event.start_mark, f"uses the YAML tag {quote(tag)}; a checklist file holds only text, "
                           "numbers, true or false, lists and mappings: remove the tag")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"nests deeper than {MAX_DEPTH} levels")
            return Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError, OverflowError) as error:  # never let one escape unnamed
            raise _Refused(node.start_mark, f"cannot be read as a value ({error.__class__.__name__}); put it in quotes") from None

    def construct_scalar(self, node):
        value = super().construct_scalar(node)
        bad = NOT_PRINTABLE.search(value)
        if bad:
            raise _Refused(node.start_mark, f"holds U+{ord(bad.group()):04X}, a control character or non-character "
                           "(written with a backslash escape); remove it")
        return value

    def construct_mapping(self, node, deep=False):
        if isinstance(node, MappingNode):
            seen: dict[object, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _Refused(key_node.start_mark, "uses a YAML merge key (<<); write the fields out instead")
                key = self.construct_object(key_node, deep=True)
                _check_key(key, key_node)
                if key in seen:
                    raise _Refused(key_node.start_mark,
                                   f"repeats the key {quote(key)} (first given on line {seen[key]}); "
                                   "the second would silently replace the first")
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def _check_key(key, key_node) -> None:
    """Every key is text with no space at either end (the schema trims text, so "yes" and "yes "
    would become one key, the later value silently replacing the first)."""
    if isinstance(key, str):
        if key != key.strip():
            raise _Refused(key_node.start_mark, f"the key {quote(key)} has a space at its start or end; remove it")
        return
    if isinstance(key_node, ScalarNode):
        written = key_node.value[:QUOTE_LIMIT]
        read = {bool: f"the boolean {str(key).lower()}", type(None): "empty (null)"}.get(type(key), "a number")
        hint = "" if isinstance(key, bool) else "keys are text: "
        raise _Refused(key_node.start_mark, f"the key {quote(written or '~')} was read by YAML as {read}; "
                       f"{hint}put it in quotes: \"{written}\"")
    raise _Refused(key_node.start_mark, "has a list or mapping as a key; keys are text")


class _PythonLoader(Reader, Scanner, Parser, _Checks):
    """PyYAML's own parser, where libyaml is missing."""

    def __init__(self, stream):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        self._start_checks()


try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    _Loader = _PythonLoader
else:
    class _CLoader(CParser, _Checks):
        """libyaml's parser (about ten times quicker) with the checks above composing its events."""

        get_single_node, get_node, check_node = Composer.get_single_node, Composer.get_node, Composer.check_node

        def __init__(self, stream):
            CParser.__init__(self, stream)
            self._start_checks()

    _Loader = _CLoader


def decode(data: bytes, path: Path | str, limit: int = MAX_BYTES, what: str = "a checklist file") -> str:
    """The text of a checklist file (or of `what`, at most `limit` bytes), which must be UTF-8 (a
    byte-order mark is allowed)."""
    if len(data) > limit:
        raise ChecklistFileError(path, "(file)", f"is {len(data):,} bytes; {what} may be at most {limit:,}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ChecklistFileError(path, "(file)", f"is not UTF-8 text (byte {error.start} cannot be read); "
                                 "save it with UTF-8 encoding") from None


def read_yaml(text: str, path: Path | str) -> object:
    """The data in a checklist file's YAML text; raise ChecklistFileError for any problem."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ChecklistFileError(path, "(file)", f"is larger than {MAX_BYTES:,} bytes, the most a checklist file may be")
    bad = NOT_PRINTABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise ChecklistFileError(path, f"line {line}, column {column}",
                                 f"holds a character YAML does not allow (#x{ord(bad.group()):04x}); remove it")
    loader = None
    try:
        loader = _Loader(text)
        return loader.get_single_data()
    except _Refused as refused:
        raise ChecklistFileError(path, _where(refused.mark), refused.reason) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        if len(problem) > 2 * QUOTE_LIMIT:
            problem = problem[:2 * QUOTE_LIMIT - 1] + "…"
        raise ChecklistFileError(path, _where(mark) if mark else "(YAML)", f"is not valid YAML: {problem}") from None
    except RecursionError:  # not reachable with MAX_DEPTH, but never let it escape
        raise ChecklistFileError(path, "(YAML)", "nests too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()
