"""No function in the package or the theme is longer than 100 lines, in Python or JavaScript.

A long function is where a reader gets lost and where the defects a team meets used to collect;
the widget was split into modules for that reason, and this keeps it so. Python is measured with
`ast`, JavaScript with acorn (tests/js/function_lengths.mjs); a function's lines run from its
first line to its last, comments and blank lines included. A classic script's wrapper,
`(() => { ... })();` at the file's top level, is its scope, as a module's top level is, and is not
counted; every function inside it is. Generated files (the committed widget bundle) are not ours
to shorten.
"""
import ast
import json
import subprocess

from .conftest import ROOT

LIMIT = 100
FOLDERS = (ROOT / "src", ROOT / "theme")
GENERATED = {ROOT / "src" / "dpup_toolkit" / "widget" / "checklist.bundle.js"}


def _files(*suffixes):
    return sorted(path for folder in FOLDERS for suffix in suffixes for path in folder.rglob(f"*{suffix}")
                  if path not in GENERATED)


def python_functions():
    for path in _files(".py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield path, node.name, node.lineno, node.end_lineno - node.lineno + 1


def javascript_functions():
    files = [str(path.relative_to(ROOT)) for path in _files(".js", ".mjs")]
    done = subprocess.run(["node", "tests/js/function_lengths.mjs", *files], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    for found in json.loads(done.stdout):
        if not found["scope"]:
            yield ROOT / found["file"], found["name"], found["line"], found["lines"]


def _long(functions):
    return [f"{path.relative_to(ROOT)}:{line} {name} is {lines} lines" for path, name, line, lines in functions
            if lines > LIMIT]


def test_no_python_function_is_over_100_lines():
    assert _long(python_functions()) == []


def test_no_javascript_function_is_over_100_lines():
    measured = list(javascript_functions())
    assert len({path for path, *_ in measured}) >= 30  # every widget module and site script was read
    assert _long(measured) == []


def test_the_measure_finds_a_long_function_in_either_language(tmp_path):
    body = "\n".join(f"  x{i} = {i};" for i in range(LIMIT - 1))
    script = tmp_path / "long.js"
    script.write_text(f"(() => {{\n  let short = () => 1;\n  function long() {{\n{body}\n  }}\n}})();\n",
                      encoding="utf-8")
    done = subprocess.run(["node", "tests/js/function_lengths.mjs", str(script)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    found = json.loads(done.stdout)
    assert sorted((item["lines"], item["scope"]) for item in found) == [(1, False), (LIMIT + 1, False), (LIMIT + 4, True)]
    tree = ast.parse("def long():\n" + "\n".join(f"    x = {i}" for i in range(LIMIT)) + "\n")
    assert tree.body[0].end_lineno - tree.body[0].lineno + 1 == LIMIT + 1
