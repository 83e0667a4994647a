"""Reading a checklist file's YAML safely: bounded work, and every problem as a file/field/reason.

`yaml.safe_load` alone lets a careless or hostile file through in ways that lose content or
exhaust the machine: a repeated key silently replaces the first one, aliases can multiply a
4 KB file into gigabytes, deep nesting exhausts Python's stack, and a file in another encoding
fails with an error that does not name it. This reader refuses all of these with
`ChecklistFileError`, and quotes at most `QUOTE_LIMIT` characters of any value in a message.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode

MAX_BYTES = 512 * 1024  # the largest real checklist is about 30 KB
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
    """repr(value), cut to QUOTE_LIMIT characters, for quoting a value in a message."""
    if isinstance(value, (str, int, float, bool)) or value is None:
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


class _Loader(yaml.SafeLoader):
    """SafeLoader without aliases, without repeated keys, and with a bound on nesting."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _Refused(event.start_mark, "uses a YAML alias (*name); checklist files must write every value out")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(self.peek_event().start_mark, f"nests deeper than {MAX_DEPTH} levels")
            return Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        if isinstance(node, MappingNode):
            seen: dict[object, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _Refused(key_node.start_mark, "uses a YAML merge key (<<); write the fields out instead")
                key = self.construct_object(key_node, deep=True)
                if isinstance(key, bool) and isinstance(key_node, ScalarNode):
                    raise _Refused(key_node.start_mark,
                                   f"the key {quote(key_node.value)} was read by YAML as the boolean {str(key).lower()}; "
                                   f"put it in quotes: \"{key_node.value[:QUOTE_LIMIT]}\"")
                try:
                    first = seen.get(key)
                except TypeError:
                    continue  # an unhashable key: SafeLoader reports it below
                if first is not None:
                    raise _Refused(key_node.start_mark,
                                   f"repeats the key {quote(key)} (first given on line {first}); "
                                   "the second would silently replace the first")
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def decode(data: bytes, path: Path | str) -> str:
    """The text of a checklist file, which must be UTF-8 (a byte-order mark is allowed)."""
    if len(data) > MAX_BYTES:
        raise ChecklistFileError(path, "(file)", f"is {len(data):,} bytes; a checklist file may be at most {MAX_BYTES:,}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ChecklistFileError(path, "(file)", f"is not UTF-8 text (byte {error.start} cannot be read); "
                                 "save it with UTF-8 encoding") from None


def read_yaml(text: str, path: Path | str) -> object:
    """The data in a checklist file's YAML text; raise ChecklistFileError for any problem."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ChecklistFileError(path, "(file)", f"is larger than {MAX_BYTES:,} bytes, the most a checklist file may be")
    loader = None
    try:
        loader = _Loader(text)  # checks every character first
        return loader.get_single_data()
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise ChecklistFileError(path, f"line {line}, column {column}",
                                 f"holds a character YAML does not allow (#x{error.character:04x}); remove it") from None
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
