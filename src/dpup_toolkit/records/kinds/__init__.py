"""The record's side of each kind of item: one module per kind, named as the kind (`kind:` in a tool
file), found here without a list, so a new kind is a new module beside these (with its model in
engine/schema.py and its drawing in the widget's item-<kind>.js).

Each module has:

- `MISSING`: how no answer reads where people's answers are compared;
- `answer_blocks(checklist, item, entry)`: the answer in a record, as blocks (records/parts.py).

The kind's rules (which answers it takes, how an answer reads, whether it is met) are its model's,
in engine/schema.py, as the engine needs them too.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

KINDS: dict[str, ModuleType] = {
    found.name: importlib.import_module(f"{__name__}.{found.name}") for found in pkgutil.iter_modules(__path__)
}


def kind_of(item) -> ModuleType:
    """The module of the item's kind."""
    return KINDS[item.kind]
