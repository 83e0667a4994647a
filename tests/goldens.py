"""Golden records: every tool's Markdown, JSON and Word records, empty and filled, as files.

They pin what a person downloads, so a change to how records are made shows as a diff of
tests/golden/ in review. tests/test_goldens.py checks the files against Python (the package
dpup_toolkit.records) and against the browser's code run in Node (records.js with blocks.js, and
widgets/docx/record.mjs); `make goldens` (python -m tests.goldens) writes them again from Python and from Node.

Every record is meant to be the same from Python and from the browser, so each has one file that
both must match. Markdown and JSON are compared byte for byte. The Word files are written by two
libraries (python-docx and docx), so they are compared as a dump read back the same way with
python-docx (`<state>.docx.txt`): the same paragraphs, styles (a bullet is the "List Bullet" style)
and runs (a line break is inside its run).

The filled answers follow fixed rules from each tool's YAML (`filled_answers`), so a new tool
gets its goldens without anyone writing answers for it, and every kind of item and answer is used.
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from dpup_toolkit import load_checklist, render_json, render_markdown
from dpup_toolkit.records.word import render_docx
from dpup_toolkit.engine.catalogue import catalogue_entries
from dpup_toolkit.engine.schema import Checklist
from dpup_toolkit.widget import front_end

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
TOOLS = sorted(ROOT.glob("checklists/*.yml"))
WORD_MODULE = ROOT / "theme" / "site-root" / "widgets" / "docx" / "record.mjs"
RUNNER = ROOT / "tests" / "js" / "record_goldens.mjs"

EXPORTED_AT = "2026-11-21"
STATES = ("empty", "filled")
ABOUT = {"what": "Youth mentoring pilot — Ōtaki", "completed_by": "Aroha Ngata", "review_by": "2027-03-31"}
# Text a person might type, with the Markdown a record must escape and a line break.
NOTE = "Ask the data team by Friday.\n- check the *consent* form & https://example.org [draft]"
REASON = "We hold no information about people in this work.\nSo this step does not apply."
LONG_TEXT = ("We collect the names and addresses of the young people and their mentors because we need "
             "them to arrange the meetings and to contact whānau when a meeting is missed or moved.\n"
             "# Not a heading: we keep them for 2 years.")


def filled_answers(checklist: Checklist) -> dict:
    """One deterministic answer set that uses every kind of answer the tool has.

    Questions: the first that offers "not applicable" has it with a reason, the second has it
    without one; the rest alternate between the first two other answers; the last is left
    unanswered with a note; every third has a note. Text: the first is long and multi-line, the
    last (of several) stays empty. Choices with a right answer go right, wrong, unanswered in turn;
    other choices take the option after the one before. The first choice has a note.
    """
    answers: dict[str, dict] = {}
    questions = [item for item in checklist.items if item.kind == "question"]
    texts = [item for item in checklist.items if item.kind == "text"]
    choices = [item for item in checklist.items if item.kind == "choice"]
    not_applicable_used = 0
    for q, item in enumerate(questions):
        offered = checklist.offered(item)
        entry = {"note": NOTE} if q % 3 == 0 else {}
        if q == len(questions) - 1 and q:
            entry = {"answer": None, "note": "Ask the team"}
        elif checklist.not_applicable in offered and not_applicable_used < 2:
            entry["answer"] = checklist.not_applicable
            entry["reason"] = REASON if not_applicable_used == 0 else " \n "
            not_applicable_used += 1
        else:
            others = [value for value in offered if value != checklist.not_applicable]
            entry["answer"] = others[q % 2]
        answers[item.id] = entry
    for t, item in enumerate(texts):
        if t == len(texts) - 1 and t:
            continue
        answers[item.id] = {"answer": LONG_TEXT if t == 0 else f"Our answer about {item.prompt.lower()}"}
    for c, item in enumerate(choices):
        values = [option.value for option in item.options]
        if item.correct:
            wrong = next(value for value in values if value != item.correct)
            answer = [item.correct, wrong, None][c % 3]
        else:
            answer = values[(c + 1) % len(values)]
        answers[item.id] = {"answer": answer, **({"note": NOTE} if c == 0 else {})}
    return answers


def cases() -> list[tuple[str, str, Checklist, dict, dict]]:
    """(tool id, state, checklist, answers, about) for every tool and state."""
    out = []
    for path in TOOLS:
        checklist = load_checklist(path)
        out += [(checklist.id, "empty", checklist, {}, {}),
                (checklist.id, "filled", checklist, filled_answers(checklist), ABOUT)]
    return out


def definition(checklist: Checklist) -> dict:
    """The checklist as the page hands it to the front-end (checklist.py's ChecklistWidget)."""
    out = checklist.model_dump(mode="json")
    entries = catalogue_entries(checklist)
    if entries:
        out["catalogue"] = entries
    return out


def _run_text(run) -> str:
    marks = [mark for mark in ("bold", "italic", "underline") if getattr(run, mark)]
    return "  " + " ".join([*marks, json.dumps(run.text, ensure_ascii=False)])


def _paragraph_lines(paragraph: Paragraph) -> list[str]:
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    return [f"[{paragraph.style.name}]" + (" numbered" if numbered else ""), *map(_run_text, paragraph.runs)]


def docx_text(data: bytes) -> str:
    """A .docx file as stable text: its title and author, then each paragraph (style name, and
    "numbered" for a list item) with its runs (bold, italic, underline; the text as JSON, so line
    breaks show), and each table's rows of cells, in document order."""
    document = Document(io.BytesIO(data))
    lines = [f"title: {json.dumps(document.core_properties.title, ensure_ascii=False)}",
             f"author: {json.dumps(document.core_properties.author, ensure_ascii=False)}"]
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines += _paragraph_lines(Paragraph(child, document))
        elif child.tag == qn("w:tbl"):
            lines.append("[table]")
            for row in Table(child, document).rows:
                lines.append("  row " + json.dumps([cell.text for cell in row.cells], ensure_ascii=False))
    return "\n".join(lines) + "\n"


def python_records(checklist: Checklist, answers: dict, about: dict) -> dict[str, str]:
    return {"md": render_markdown(checklist, answers, EXPORTED_AT, about=about),
            "json": render_json(checklist, answers, EXPORTED_AT, about=about),
            "docx.txt": docx_text(render_docx(checklist, answers, EXPORTED_AT, about=about))}


def js_module(folder: Path) -> Path:
    """One module in `folder` that re-exports every module of the widget's source, run in place (as
    tests/test_front_end_logic.py's `module` fixture)."""
    (folder / "all.mjs").write_text("".join(f'export * from "{path.as_uri()}";\n' for path in front_end.module_files()),
                                    encoding="utf-8")
    return folder / "all.mjs"


def browser_records(module: Path, folder: Path, requests: list[tuple[Checklist, dict, dict]]) -> list[dict[str, str]]:
    """The browser's records for each (checklist, answers, about), made in one Node process."""
    calls = [{"args": [definition(checklist), answers, EXPORTED_AT, about], "out": str(folder / f"{n}.docx")}
             for n, (checklist, answers, about) in enumerate(requests)]
    request = {"module": str(module), "record": str(WORD_MODULE), "calls": calls}
    made = subprocess.run(["node", str(RUNNER)], input=json.dumps(request), capture_output=True, text=True, check=True)
    return [{"md": record["markdown"], "json": record["json"],
             "docx.txt": docx_text(Path(call["out"]).read_bytes())}
            for call, record in zip(calls, json.loads(made.stdout))]


def golden_path(tool: str, state: str, suffix: str) -> Path:
    return GOLDEN / tool / f"{state}.{suffix}"


def update() -> list[Path]:
    """Write every golden file again, from Python and from Node, and delete the ones no case makes;
    return the files that changed. Where Python and the browser disagree on a file, Python's is
    written and the difference is reported (test_goldens.py then fails for the browser)."""
    changed, disagreements, made = [], [], set()
    all_cases = cases()
    with tempfile.TemporaryDirectory() as temp:
        module = js_module(Path(temp))
        browser = browser_records(module, Path(temp), [(c, a, about) for _, _, c, a, about in all_cases])
    for (tool, state, checklist, answers, about), from_browser in zip(all_cases, browser):
        files = python_records(checklist, answers, about)
        for suffix in files:
            if from_browser[suffix] != files[suffix]:
                disagreements.append(golden_path(tool, state, suffix))
        for suffix, text in files.items():
            path = golden_path(tool, state, suffix)
            made.add(path)
            if not path.exists() or path.read_bytes() != text.encode("utf-8"):
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8", newline="")
                changed.append(path)
    for path in sorted(set(GOLDEN.glob("*/*")) - made):
        path.unlink()
        changed.append(path)
    for path in disagreements:
        print(f"Python and the browser disagree on {path.relative_to(ROOT)}", file=sys.stderr)
    return changed


if __name__ == "__main__":
    written = update()
    print(f"{len(written)} golden file(s) written or deleted" + "".join(f"\n  {p.relative_to(ROOT)}" for p in written))
