"""Hostile tool files and case studies, round two: every one is
refused with the loader's own error naming file, place and reason, quickly, or loads as written.

The examples of the issue are one of each class; each class is tried with variants of it.
"""
import time

import pytest

from dpup_toolkit import ChecklistFileError, load_checklist, parse_checklist
from dpup_toolkit.engine.catalogue import case_study_entries
from dpup_toolkit.engine.schema import RULE_WORK_LIMIT
from dpup_toolkit.engine import yaml_source
from dpup_toolkit.engine.yaml_source import MAX_BYTES

from .conftest import FIXTURES

SAMPLE_TEXT = (FIXTURES / "sample.yml").read_text(encoding="utf-8")
KINDS_TEXT = (FIXTURES / "kinds.yml").read_text(encoding="utf-8")
TAG_REASON = "; a checklist file holds only text, numbers, true or false, lists and mappings: remove the tag"
NOT_TEXT = "a control character or non-character (written with a backslash escape); remove it"
WHOLE = "must be a whole number from 1 to 1000, not "

# (what is wrong, text to replace in sample.yml, replacement, field, reason)
MISTAKES = [
    # 10: YAML tags and dates never reach a constructor that raises ValueError or KeyError.
    ("float tag", "version: 2", "version: !!float abc", "line 4, column 10", f"uses the YAML tag '!!float'{TAG_REASON}"),
    ("int tag", "version: 2", "version: !!int 0x", "line 4, column 10", f"uses the YAML tag '!!int'{TAG_REASON}"),
    ("bool tag", "version: 2", "version: !!bool maybe", "line 4, column 10", f"uses the YAML tag '!!bool'{TAG_REASON}"),
    ("timestamp tag", "version: 2", "version: !!timestamp 2024-02-30", "line 4, column 10",
     f"uses the YAML tag '!!timestamp'{TAG_REASON}"),
    ("binary tag", "title: Sample checklist", "title: !!binary aGVsbG8=", "line 3, column 8",
     f"uses the YAML tag '!!binary'{TAG_REASON}"),
    ("set tag on a mapping", "supports:", "supports: !!set", "line 8, column 11", f"uses the YAML tag '!!set'{TAG_REASON}"),
    ("local tag on a list", "roles: [front-line]", "roles: !mine [front-line]", "line 6, column 8",
     f"uses the YAML tag '!mine'{TAG_REASON}"),
    ("impossible date", "version: 2", "version: 2024-02-30", "version", WHOLE + "'2024-02-30'"),
    ("possible date", "version: 2", "version: 2024-02-28", "version", WHOLE + "'2024-02-28'"),
    ("date as a title", "title: Sample checklist", "title: 2024-02-30", None, None),
    ("huge whole number", "version: 2", "version: " + "9" * 5000, "version", WHOLE + "'" + "9" * 78 + "…"),
    # 17: YAML 1.1's hex, octal and base-60 numbers are text, so the schema says what it wanted.
    ("hex version", "version: 2", "version: 0x10", "version", WHOLE + "'0x10'"),
    ("octal version", "version: 2", "version: 017", "version", WHOLE + "'017'"),
    ("0o version", "version: 2", "version: 0o17", "version", WHOLE + "'0o17'"),
    ("base-60 version", "version: 2", "version: 16:40", "version", WHOLE + "'16:40'"),
    ("underscored version", "version: 2", "version: 1_0", "version", WHOLE + "'1_0'"),
    ("infinite version", "version: 2", "version: .inf", "version", WHOLE + "'.inf'"),
    ("null version", "version: 2", "version: ~", "version", WHOLE + "null (an empty value)"),
    ("hex in a title is text", "title: Sample checklist", "title: 0x10", None, None),
    ("base-60 in a title is text", "title: Sample checklist", "title: 16:40", None, None),
    # 17: keys YAML reads as something other than text.
    ("null key", "supports:", "~: 1\nsupports:", "line 8, column 1",
     "the key '~' was read by YAML as empty (null); keys are text: put it in quotes: \"~\""),
    ("number key", '"na": "Rarely fits."}\n        action: Write', '"na": "Rarely fits.", 12: x}\n        action: Write',
     "line 24, column 86", "the key '12' was read by YAML as a number; keys are text: put it in quotes: \"12\""),
    ("list key", "supports:", "? [a]\n: 1\nsupports:", "line 8, column 3", "has a list or mapping as a key; keys are text"),
    # 17: an item or result that is not a mapping, or whose kind is null.
    ("null item kind", "      - id: told\n", "      - id: told\n        kind: null\n",
     "sections[1].items[0].kind", "must be one of 'question', 'text', 'choice', not null (an empty value)"),
    ("item that is text", "      - id: told\n", "      - just text\n      - id: told\n",
     "sections[1].items[0]", "must be a mapping of fields (such as id: and title:), not the text 'just text'"),
    ("item that is a list", "      - id: told\n", "      - [a]\n      - id: told\n",
     "sections[1].items[0]", "must be a mapping of fields (such as id: and title:), not a list"),
    ("null result kind", "sections:\n", "results: [{kind: null}]\nsections:\n",
     "results[0].kind", "must be one of 'unmet', 'template', 'rules', 'score', 'catalogue', not null (an empty value)"),
    ("result with no kind", "sections:\n", "results: [{title: x}]\nsections:\n",
     "results[0].kind", "is required but missing: one of 'unmet', 'template', 'rules', 'score', 'catalogue'"),
    ("section that is text", "  - id: people\n", "  - hello\n  - id: people\n",
     "sections[1]", "must be a mapping of fields (such as id: and title:), not the text 'hello'"),
    ("roles not a list", "roles: [front-line]", "roles: front-line",
     "roles", "must be a list (each entry on a line starting with - ), not the text 'front-line'"),
    ("number as a title", "title: Sample checklist", "title: 2024", "title", "must be text, not 2024; put it in quotes"),
    ("list as a help", "help: Say what you will collect.", "help: [Say]", "sections[0].items[0].help", "must be text, not a list"),
    # 11: keys that would become one key once the schema trims them.
    ("guidance key with a trailing space", '"na": "Rarely fits."}\n        action: Write',
     '"na": "Rarely fits.", "yes ": "Overrides."}\n        action: Write',
     "line 24, column 86", "the key 'yes ' has a space at its start or end; remove it"),
    ("field name with a leading space", "supports:", '" title": Another title\nsupports:',
     "line 8, column 1", "the key ' title' has a space at its start or end; remove it"),
    # 12: characters no tool file may hold, written with YAML escapes.
    ("escape character in a title", "title: Sample checklist", 'title: "Sample\\x1b[31m checklist"', "line 3, column 8",
     "holds U+001B, " + NOT_TEXT),
    ("null character in a prompt", "title: Sample checklist", 'title: "Sample\\0"', "line 3, column 8", "holds U+0000, " + NOT_TEXT),
    ("non-character in a summary", "summary: A checklist used only by the tests.", 'summary: "\\ufffe A checklist"',
     "line 5, column 10",
     "holds U+FFFE, " + NOT_TEXT),
    ("lone surrogate (libyaml's words)", "title: Sample checklist", 'title: "Sample \\ud800"', "line 3, column 18",
     "is not valid YAML: found invalid Unicode character escape code"),  # libyaml's words
    ("C1 control in a key", "supports:", '"x\\x85y\\x9b": 1\nsupports:', "line 8, column 1", "holds U+009B, " + NOT_TEXT),
    ("raw control character", "title: Sample checklist", "title: Sample\x07 checklist", "line 3, column 14",
     "holds a character YAML does not allow (#x0007); remove it"),
]


@pytest.mark.parametrize("old, new, field, reason", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_hostile_value_is_refused_with_the_loaders_own_error_or_read_as_text(tmp_path, old, new, field, reason):
    assert old in SAMPLE_TEXT
    path = tmp_path / "sample.yml"
    path.write_text(SAMPLE_TEXT.replace(old, new, 1), encoding="utf-8")
    if field is None:  # read as the text it is
        assert load_checklist(path).title == new.removeprefix("title: ")
        return
    with pytest.raises(ChecklistFileError) as caught:
        load_checklist(path)
    assert (caught.value.field, caught.value.reason) == (field, reason)
    assert str(caught.value) == f"{path}: {field}: {reason}"


@pytest.mark.parametrize("old, new, field, reason", [m[1:] for m in MISTAKES if "libyaml" not in m[0]],
                         ids=[m[0] for m in MISTAKES if "libyaml" not in m[0]])
def test_pyyamls_own_parser_refuses_the_same_where_libyaml_is_missing(monkeypatch, old, new, field, reason):
    monkeypatch.setattr(yaml_source, "_Loader", yaml_source._PythonLoader)
    text = SAMPLE_TEXT.replace(old, new, 1)
    if field is None:
        assert parse_checklist(text, "sample.yml").title == new.removeprefix("title: ")
        return
    with pytest.raises(ChecklistFileError) as caught:
        parse_checklist(text, "sample.yml")
    assert (caught.value.field, caught.value.reason) == (field, reason)


def test_a_condition_key_differing_only_by_a_no_break_space_is_refused():
    text = KINDS_TEXT.replace("when: {size: [small]}", "when: {size: [small], \"size\u00a0\": [large]}", 1)
    with pytest.raises(ChecklistFileError, match="the key 'size\\\\xa0' has a space at its start or end; remove it"):
        parse_checklist(text, "kinds.yml")


@pytest.mark.parametrize("front_matter, field, reason", [
    ("case_study:\n  title: T\n  summary: S\n  roles: [front-line]\n  stages: [planning]\n  date: 2024-02-30\n",
     "case_study.date", "is not a known field"),
    ("date: 2024-02-30\ncase_study:\n  title: !!float abc\n", "line 4, column 10", "uses the YAML tag '!!float'"),
    ("case_study:\n  title: !!int 0x\n", "line 3, column 10", "uses the YAML tag '!!int'"),
    ("case_study:\n  title: \"T\\x1b\"\n", "line 3, column 10", "holds U+001B"),
    ("case_study:\n  title: T\n  \"title \": U\n", "line 4, column 3", "the key 'title ' has a space"),
    ("case_study:\n  ~: T\n", "line 3, column 3", "the key '~' was read by YAML as empty (null)"),
])
def test_case_study_front_matter_fails_with_the_loaders_own_error(tmp_path, front_matter, field, reason):
    (tmp_path / "bad.md").write_text(f"---\n{front_matter}---\n\n# Bad\n", encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        case_study_entries(tmp_path, tmp_path.parent)
    assert caught.value.path.endswith("bad.md") and caught.value.field == field
    assert caught.value.reason.startswith(reason), caught.value.reason


# 8 and 9: files near the size limit, built to cost the most: many rules over many items, long
# show_if chains, many items. Each loads or fails within a generous bound (it once took minutes).
HEAD = """id: big
title: Big
version: 1
summary: A big tool.
roles: [front-line]
stages: [planning]
supports: {}
sections:
  - id: s
    title: S
    items:
"""


def choice(i, parent=None):
    show_if = f", show_if: {{item: c{parent}, answer_in: [x]}}" if parent is not None else ""
    return (f"      - {{id: c{i}, kind: choice, prompt: P, help: H, "
            f"options: [{{value: x, label: X}}, {{value: y, label: Y}}]{show_if}}}\n")


def big_tool(items, rules, chain=False):
    text = HEAD + "".join(choice(i, i - 1 if chain and i else None) for i in range(items))
    text += "results:\n  - kind: rules\n    id: r\n    title: R\n    rules:\n"
    text += "".join(f"      - {{when: {rule}, result: {{title: T, text: X}}}}\n" for rule in rules)
    return text


BIG = {
    "a rule on each item": (big_tool(700, [f"{{c{i}: [x]}}" for i in range(700)]), "too many rules"),
    "rules sharing an item": (big_tool(700, [f"{{c0: [x], c{i}: [y]}}" for i in range(1, 700)]), "too many rules"),
    "a long show_if chain": (big_tool(800, ["{c0: [x]}", "{}"], chain=True), None),
    "many items": (big_tool(1100, ["{}"]), None),
    "every combination of 16 items": (big_tool(16, [
        "{" + ", ".join(f"c{i}: [{'x' if n >> i & 1 else 'y'}]" for i in range(16)) + "}" for n in range(600)]),
        "too many rules"),
}


@pytest.mark.parametrize("name", list(BIG))
def test_a_file_near_the_size_limit_loads_or_fails_quickly(name):
    text, refused = BIG[name]
    assert MAX_BYTES * 0.8 < len(text.encode()) <= MAX_BYTES
    started = time.process_time()  # this process's own time: other work on the machine does not count
    if refused:
        with pytest.raises(ChecklistFileError, match=f"results\\[0\\].rules: has {refused}"):
            parse_checklist(text, "big.yml")
    else:
        assert parse_checklist(text, "big.yml").id == "big"
    assert time.process_time() - started < 5  # generous (about 0.3 s on one idle core); it took 60-300 s before


def test_a_rule_covered_by_several_earlier_rules_together_is_found():
    """No single earlier rule covers the third, but the first two together do."""
    rules = ["{c0: [x]}", "{c0: [y], c1: [x, y]}", "{c1: [x]}", "{}"]
    with pytest.raises(ChecklistFileError, match=r"results\[0\]\.rules\[2\]: can never match"):
        parse_checklist(big_tool(2, rules), "big.yml")
    assert parse_checklist(big_tool(2, ["{c0: [x]}", "{c1: [x]}", "{}"]), "big.yml").id == "big"


def test_the_real_tools_are_far_inside_the_rule_work_limit():
    assert RULE_WORK_LIMIT >= 100_000
    assert max(len(path.read_bytes()) for path in (FIXTURES.parent.parent / "checklists").glob("*.yml")) * 4 < MAX_BYTES


@pytest.mark.parametrize("metadata, reason", [
    ({"title": "T\x1b[31m", "summary": "S", "roles": ["front-line"], "stages": ["planning"]}, "holds U+001B"),
    ({"title": "T", "summary": ["S\ufffe"], "roles": ["front-line"], "stages": ["planning"]}, "holds U+FFFE"),
    ({"title": "T", "summary": "S", "roles": ["front-line"], "stages": ["planning"], "x\x00": 1}, "holds U+0000"),
])
def test_a_notebook_case_study_with_control_characters_is_refused(tmp_path, metadata, reason):
    import json
    (tmp_path / "bad.ipynb").write_text(json.dumps({"cells": [], "metadata": {"case_study": metadata}}), encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        case_study_entries(tmp_path, tmp_path.parent)
    assert caught.value.field == "case_study" and caught.value.reason.startswith(reason)


def test_a_deeply_nested_notebook_is_refused_with_the_loaders_error(tmp_path):
    (tmp_path / "deep.ipynb").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ChecklistFileError, match=r"deep\.ipynb: \(file\): is not a notebook"):
        case_study_entries(tmp_path, tmp_path.parent)
