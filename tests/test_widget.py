"""The widget's Python side: what the kernel holds and the records it makes."""
import json
import re
import subprocess
from pathlib import Path

from dpup_toolkit import ChecklistWidget, render_json, render_markdown

import dpup_toolkit

from .conftest import ROOT


def test_the_widget_carries_the_checklist_and_its_front_end(sample):
    widget = ChecklistWidget(sample)
    assert widget.definition["id"] == "sample"
    assert [item["id"] for item in widget.definition["sections"][0]["items"]] == ["described", "identifies", "needed"]
    assert widget.answers == {}
    package = Path(dpup_toolkit.__file__).parent / "widget"
    assert widget._esm == (package / "checklist.bundle.js").read_text(encoding="utf-8")
    assert widget._css == (package / "checklist.css").read_text(encoding="utf-8")
    assert "render" in widget._esm


def test_the_committed_bundle_is_a_fresh_esbuild_build_of_the_source():
    # People who install the package (and Binder) have no Node: the bundle is committed, and must
    # be what esbuild makes of the source now (`make build` writes it again).
    from dpup_toolkit.widget import front_end
    assert front_end.bundled() == front_end.build_bundle(ROOT), \
        "the widget's source changed: run `python3 src/dpup_toolkit/widget/front_end.py` and commit checklist.bundle.js"


def test_in_jupyterlab_and_voila_the_module_carries_its_parts_and_imports_nothing(tmp_path):
    # anywidget loads `_esm` from a blob: URL, which cannot import the parts' files: the bundle
    # holds every part (records, compare, saved checks, text and choice kinds), and draws a form
    # from a blob: URL's view of the world, Node with nothing beside the module.
    bundle = ChecklistWidget._esm
    # esbuild names the table it makes of the item kinds' modules (kinds.js) after the import() it
    # stands for, in a comment and a label: neither is an import.
    code = re.sub(r"^\s*(//.*|'import\(\"\./[^']*'\(\) \{)$", "", bundle, flags=re.M)
    assert not re.search(r"^\s*import\b[^(]", code, re.M) and not re.search(r"\bimport\(\s*[\"'`]\.", code)
    for name in ("renderJson", "compareRecords", "startCheck", "checkText", "drawChoice"):
        assert re.search(rf"\bfunction {name}\(", bundle), name
    (tmp_path / "bundle.mjs").write_text(bundle, encoding="utf-8")
    script = ("const m = await import(process.argv[1]);"
              "console.log(JSON.stringify([typeof m.default.render]));")
    out = subprocess.run(["node", "--input-type=module", "-e", script, (tmp_path / "bundle.mjs").as_uri()],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == ["function"]


def test_answers_from_the_browser_give_the_same_records(sample):
    widget = ChecklistWidget(sample)
    widget.answers = {"identifies": {"answer": "yes", "note": ""}, "needed": {"answer": "no", "note": "<b>x</b>"}}
    assert widget.progress().summary() == "2 of 4 questions answered. 1 not met."
    assert widget.record_markdown("2026-11-21") == render_markdown(sample, widget.answers, "2026-11-21")
    assert widget.record_json("2026-11-21") == render_json(sample, widget.answers, "2026-11-21")
    assert "> \\<b\\>x\\</b\\>" in widget.record_markdown("2026-11-21")


def test_a_navigator_widget_carries_the_tools_beside_it(tmp_path):
    from dpup_toolkit import load_checklist

    from .conftest import FIXTURES
    from .test_front_end_logic import NAVIGATOR
    (tmp_path / "finder.yml").write_text(NAVIGATOR, encoding="utf-8")
    (tmp_path / "kinds.yml").write_text((FIXTURES / "kinds.yml").read_text(encoding="utf-8"), encoding="utf-8")
    widget = ChecklistWidget(load_checklist(tmp_path / "finder.yml"))
    assert [entry["id"] for entry in widget.definition["catalogue"]] == ["finder", "kinds"]
    assert widget.definition["catalogue"][1] == {
        "kind": "tool", "id": "kinds", "title": "Kinds sample", "summary": "A tool used only by the tests.",
        "roles": ["front-line", "team-leaders"], "stages": ["planning"], "minutes": 5, "page": f"{tmp_path.name}/kinds"}
    widget.answers = {"role": {"answer": "team-leaders", "note": ""}}
    assert "- Kinds sample: A tool used only by the tests. About 5 minutes." in widget.record_markdown("x")
    assert "catalogue" not in ChecklistWidget(load_checklist(FIXTURES / "kinds.yml")).definition


def test_the_kernel_keeps_the_details_and_sends_the_word_record_when_the_page_asks(sample):
    import io

    from docx import Document

    widget = ChecklistWidget(sample)
    widget.answers = {"identifies": {"answer": "yes"}, "needed": {"answer": "no", "note": "Check with Tama"}}
    widget.about = {"what": "Ōtaki pilot", "completed_by": "Aroha", "review_by": "2027-03-31"}
    assert "- What is being checked: Ōtaki pilot\n- Completed by: Aroha\n- Review by: 2027-03-31\n" \
        in widget.record_markdown("2026-11-21")
    sent = []
    widget.send = lambda content, buffers=None: sent.append((content, buffers))
    widget._handle_custom_msg({"kind": "docx", "exported_at": "2026-11-21", "stamp": "2026-11-21-0930"}, [])
    [(content, [data])] = sent
    assert content == {"kind": "docx", "filename": "sample-2026-11-21-0930.docx"}
    texts = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    assert "What is being checked: Ōtaki pilot" in texts and "Your note: Check with Tama" in texts
    widget._handle_custom_msg({"kind": "something else"}, [])
    assert len(sent) == 1
    # The page sends its answers with the request: a note typed just before the click counts even
    # while its state update is still queued behind the request.
    widget._handle_custom_msg({"kind": "docx", "exported_at": "2026-11-21", "stamp": "2026-11-21-0931",
                               "answers": {"identifies": {"answer": "yes"}, "needed": {"answer": "no", "note": "Typed just now"}},
                               "about": {"what": "Kāpiti pilot"}}, [])
    [content, [data]] = sent[1]
    assert content == {"kind": "docx", "filename": "sample-2026-11-21-0931.docx"}
    texts = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    assert "Your note: Typed just now" in texts and "Your note: Check with Tama" not in texts
