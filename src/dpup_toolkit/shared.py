"""The rules Python and the widget's JavaScript must agree on, from one file: shared.json.

The widget's code imports the same file (esbuild puts it into the module), so a limit or a key's
format is changed in one place and both languages follow.
"""
from __future__ import annotations

import json
from pathlib import Path

_SHARED = json.loads((Path(__file__).with_name("shared.json")).read_text(encoding="utf-8"))

LONG_SENTENCE: int = _SHARED["long_sentence"]  # words; a longer sentence is flagged
MAX_NESTING: int = _SHARED["max_nesting"]  # a record nests 3 deep; deeper files are refused before they are parsed
MAX_VERSION: int = _SHARED["max_version"]  # a tool's highest version (the page looks for older versions' answers)
RECORD_FORMAT: str = _SHARED["record_format"]  # a JSON record's "format"
RECORD_FORMAT_VERSION: int = _SHARED["record_format_version"]  # the newest "format_version"
STORAGE_PREFIX: str = _SHARED["storage_prefix"]["answers"]  # + "<tool id>:v<version>": saved answers
CHECKS_PREFIX: str = _SHARED["storage_prefix"]["checks"]  # + "<tool id>": the list of saved checks
SPACE: str = _SHARED["trimmed"]  # trimmed from the ends of typed text
# The characters Python's str.strip() and str.split() take as space, as a regular expression's
# character class (ranges with "-"); the widget's WS.
WHITESPACE: str = _SHARED["whitespace"]
# Ordinary words that open a typed answer: after a template's lead-in that ends in a word ("We will
# ask you for"), an answer opening with one of these in capitals is joined in lower case ("your name").
LOWER_AFTER_LEAD_IN: frozenset[str] = frozenset(_SHARED["lower_after_lead_in"])
