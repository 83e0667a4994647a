"""An item kind is one module per language plus its model in the schema (ARCHITECTURE.md).

Every kind the schema knows has exactly one widget module (widget/item-<kind>.js) and one record
module (records/kinds/<kind>.py), and no other source file names a kind: code elsewhere asks the
item's kind (its model in Python, ITEM_KINDS in the widget) instead. And a new kind really is
those three things: a toy kind added to a copy of the package is drawn on a tool's form, by the
widget's code as esbuild bundles it, and written in both records, the same from Python and Node.
"""
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dpup_toolkit.engine.schema import ITEM_KINDS, ITEM_MODELS
from dpup_toolkit.records.kinds import KINDS

from .conftest import FIXTURES, ROOT

PACKAGE = ROOT / "src" / "dpup_toolkit"
WIDGET = PACKAGE / "widget"
SCHEMA = PACKAGE / "engine" / "schema.py"
# The kind an item is when its tool file names none: the entry (checklist.js) imports its module.
DEFAULT_KIND = next(model.model_fields["kind"].default for model in ITEM_MODELS if model.model_fields["kind"].default)


def kind_modules(kind: str) -> set[Path]:
    return {WIDGET / f"item-{kind}.js", PACKAGE / "records" / "kinds" / f"{kind}.py"}


def sources() -> list[Path]:
    """Every source file of the package and the theme, less the generated widget bundle."""
    found = [path for folder in (PACKAGE, ROOT / "theme") for suffix in ("py", "js", "mjs")
             for path in folder.rglob(f"*.{suffix}")]
    return sorted(path for path in found if path.name != "checklist.bundle.js" and "__pycache__" not in path.parts)


def naming_a_kind(line: str, kinds: tuple[str, ...]) -> bool:
    """Whether a line of code names an item kind: a kind's name quoted on a line about kinds, a
    kind's module, or a registry's entry by name."""
    names = "|".join(map(re.escape, kinds))
    quoted = re.search(rf"[\"'`]({names})[\"'`]", line)
    return bool((quoted and re.search("kind", line, re.I))
                or re.search(rf"\bitem-({names})\b", line)
                or re.search(rf"\b(ITEM_KINDS|ANSWER_WORDS|KINDS|DRAW_ITEM)(\.({names})\b|\[[\"']({names})[\"']\])", line))


def test_the_schema_knows_each_kind_once_and_names_the_default_first():
    assert len(set(ITEM_KINDS)) == len(ITEM_KINDS) == len(ITEM_MODELS)
    assert ITEM_KINDS[0] == DEFAULT_KIND


def test_every_kind_has_one_module_in_each_language():
    assert {path.name.removeprefix("item-").removesuffix(".js") for path in WIDGET.glob("item-*.js")} == set(ITEM_KINDS)
    assert set(KINDS) == set(ITEM_KINDS)
    for kind in ITEM_KINDS:
        module = (WIDGET / f"item-{kind}.js").read_text(encoding="utf-8")
        assert re.findall(r"^ITEM_KINDS\.(\w+) = \{", module, re.M) == [kind], f"item-{kind}.js adds itself once, as {kind}"
        assert isinstance(KINDS[kind].MISSING, str) and callable(KINDS[kind].answer_blocks)


def test_no_other_source_file_names_a_kind():
    allowed = {SCHEMA, *(path for kind in ITEM_KINDS for path in kind_modules(kind))}
    default_import = f'import "./item-{DEFAULT_KIND}.js";'
    found = []
    for path in sources():
        if path in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if path == WIDGET / "checklist.js" and line.startswith(default_import):
                continue  # the entry brings the default kind's module with it (kinds.js says why)
            if naming_a_kind(line, ITEM_KINDS):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_the_check_finds_a_kind_named_in_code():
    """The check above is not blind: each way code used to name a kind is caught."""
    kinds = ("question", "text", "choice")
    caught = ['if item.kind == "text":', "  if (item.kind === 'choice') {", 'kinds.get(item_id) != "choice"',
              'import { drawQuestion } from "./item-question.js";', "ANSWER_WORDS.text = {", 'KINDS["choice"]']
    passed = ['h("input", { type: "text" })', 'return ("text", value)', "// the text kind: free text"]
    assert [line for line in caught if not naming_a_kind(line, kinds)] == []
    assert [line for line in passed if naming_a_kind(line, kinds)] == []


# ---- A toy kind, added as a newcomer would: three files, nothing else touched. ----

TOY_MODEL = '''
class ToyItem(_ItemBase):
    """A box to tick when it is done."""

    kind: Literal["toy"]

    def allowed(self, checklist: Checklist) -> list[str]:
        return ["done"]

    def label(self, checklist: Checklist, value: str) -> str:
        return "Done"


'''
TOY_PY = '''"""A toy item in a record: done or not."""
from ..parts import block, label, words

MISSING = "Not done"


def answer_blocks(checklist, item, entry):
    return [block("paragraph", label("Answer: "), words("Done, ticked" if entry.get("answer") else "Not done"))]
'''
TOY_JS = '''// The toy kind: a box to tick when it is done.
import { h } from "./dom.js";
import { labelRun, recordBlock, wordsRun } from "./record-parts.js";
import { ITEM_KINDS } from "./rules.js";

function drawToy(ctx, item) {
  const id = ctx.id(item);
  const box = h("input", { type: "checkbox", id: `${id}--done`, className: "dpup-toy-box" });
  box.addEventListener("change", () => ctx.update(item.id, { answer: box.checked ? "done" : null }));
  const node = h("div", { className: "dpup-item dpup-toy", id }, box, h("label", { for: box.id, text: item.prompt }));
  return { item, node, refresh(entry) { box.checked = entry.answer === "done"; } };
}

ITEM_KINDS.toy = {
  draw: drawToy,
  typed: false,
  judged: false,
  allowed: () => ["done"],
  label: () => "Done",
  missing: "Not done",
  asksReason: () => false,
  keepsReason: () => false,
  withdrawn: () => false,
  answerBlocks: (def, item, entry) => [recordBlock("paragraph", [labelRun("Answer: "), wordsRun(entry.answer ? "Done, ticked" : "Not done")])],
};
'''
TOY_ITEM = '''      - id: boxed
        kind: toy
        prompt: Have you packed the toys away?
        help: Tick it when it is done.
'''
# Run with the copy first on the path: the toy tool's records from Python and from the widget's
# source in Node, its form drawn by the bundle esbuild makes (prerender.mjs, as the site build
# draws forms) and the built site's modules.
RUN = textwrap.dedent('''
    import json, subprocess, sys, tempfile
    from pathlib import Path
    from dpup_toolkit import parse_checklist, render_markdown
    from dpup_toolkit.widget import front_end
    from dpup_toolkit.widget.checklist import ChecklistWidget

    root, text, answers = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
    tool = parse_checklist(text)
    out = {"python": render_markdown(tool, answers, "2026-11-21"), "widget_file": front_end.HERE.as_posix()}
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        (temp / "all.mjs").write_text("".join(f'export * from "{p.as_uri()}";\\n' for p in front_end.module_files()))
        request = {"module": str(temp / "all.mjs"), "calls": [["renderMarkdown", [tool.model_dump(mode="json"), answers, "2026-11-21"]]]}
        done = subprocess.run(["node", str(root / "tests/js/run_front_end_logic.mjs")], input=json.dumps(request),
                              capture_output=True, text=True, check=True, cwd=root)
        out["node"] = json.loads(done.stdout)["results"][0]
        bundle = temp / "bundle.mjs"
        bundle.write_text(front_end.build_bundle(root))
        state = {k: v for k, v in ChecklistWidget(tool).get_state().items() if not k.startswith("_")}
        form = temp / "form.json"
        form.write_text(json.dumps({"state": state, "url": "https://example.org/checklists/sample.html", "root": "../"}))
        done = subprocess.run(["node", str(root / "src/dpup_toolkit/site/prerender.mjs"), str(form), str(bundle)],
                              capture_output=True, text=True, check=True, cwd=root)
        out["drawn"] = done.stdout
        entry = front_end.write_site_modules(temp / "site", root)
        out["site"] = sorted(p.name for p in (temp / "site" / entry).parent.iterdir())
    print(json.dumps(out))
''')


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    """A copy of the package with the toy kind added in its three places, and what it makes."""
    copy = tmp_path_factory.mktemp("toy") / "src"
    shutil.copytree(PACKAGE, copy / "dpup_toolkit", ignore=shutil.ignore_patterns("__pycache__"))
    schema = copy / "dpup_toolkit" / "engine" / "schema.py"
    before = "# Every kind of item, in the order"
    source = schema.read_text(encoding="utf-8")
    assert source.count(before) == 1 and source.count("ITEM_MODELS = (Question, TextItem, ChoiceItem)") == 1
    schema.write_text(source.replace(before, TOY_MODEL.lstrip("\n") + before)
                      .replace("ITEM_MODELS = (Question, TextItem, ChoiceItem)", "ITEM_MODELS = (Question, TextItem, ChoiceItem, ToyItem)"),
                      encoding="utf-8")
    (copy / "dpup_toolkit" / "records" / "kinds" / "toy.py").write_text(TOY_PY, encoding="utf-8")
    (copy / "dpup_toolkit" / "widget" / "item-toy.js").write_text(TOY_JS, encoding="utf-8")
    sample = (FIXTURES / "sample.yml").read_text(encoding="utf-8")
    marker = "      - id: told\n"
    assert sample.count(marker) == 1
    text = sample.replace(marker, TOY_ITEM + marker)
    answers = {"boxed": {"answer": "done", "note": "All in the box."}, "described": {"answer": "yes"}}
    done = subprocess.run([sys.executable, "-c", RUN, str(ROOT), text, json.dumps(answers)], capture_output=True,
                          text=True, cwd=ROOT, env={"PYTHONPATH": str(copy), "PATH": shutil.os.environ["PATH"]})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), copy


def test_a_new_kind_is_drawn_by_the_bundled_widget(toy):
    out, copy = toy
    assert out["widget_file"] == (copy / "dpup_toolkit" / "widget").as_posix()  # the copy's code, not this one's
    drawn = out["drawn"]
    assert 'class="dpup-item dpup-toy"' in drawn and 'type="checkbox"' in drawn
    assert "Have you packed the toys away?" in drawn
    assert "Have you described the data?" in drawn  # the other kinds still drawn beside it
    # The built site: the toy kind is a part of its own, fetched only by a tool that has it.
    assert any(name.startswith("item-toy-") for name in out["site"])


def test_a_new_kind_is_recorded_the_same_by_both_languages(toy):
    out, _ = toy
    markdown = out["python"]
    # Its answer as its module lays it out, then its note, as for every kind that is not typed text.
    assert "### Have you packed the toys away?\n\nAnswer: Done, ticked\n\nNote:\n\n> All in the box.\n" in markdown
    assert "- Progress: 2 of 4 questions answered\n" in markdown  # it counts as answered, and is shown
    assert out["node"] == {"value": markdown}
