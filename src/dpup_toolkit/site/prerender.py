"""Tool pages show their form with the page's first paint, and load the widget's code only when a
person starts to use it, so a tool page costs about what a plain page costs.

At the end of a build, each page that shows one checklist widget (every tool page, and a case
study's example, drawn with the answers it fills in):

- gets the form as HTML, drawn by the widget's own code (checklist.js) at build time
  (prerender.mjs), in a `<div class="static-widget" data-drawn="<tool id>">` before the view;
- keeps its widget state in a file beside it (`<page>.widgets.json`, named by the state
  script's `data-src`) that the runtime (static-runtime.js) fetches with the widget's code.

static-widgets.js then waits: as soon as a person points at, touches, focuses, types in or
scrolls the page (or at once, when this browser has saved answers for the tool) it loads the
code, draws the live form, carries over anything done in the drawn one and puts it in its place.
The drawn form works as plain HTML meanwhile: its radio buttons, fields and links respond,
and it prints as an empty form.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..widget import front_end

HERE = Path(__file__).parent
SCRIPT = HERE / "prerender.mjs"
STATE = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>', re.S)
STATE_FILE = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json" data-src="([^"]+)"></script>')
VIEW = re.compile(r'<script type="application/vnd\.jupyter\.widget-view\+json">(.*?)</script>', re.S)
PRELOAD = re.compile(r'\s*<link rel="modulepreload" href="[^"]*">')
STATE_SUFFIX = ".widgets.json"


class PrerenderError(RuntimeError):
    pass


def widget_state(page: Path) -> dict | None:
    """The widget state a built page carries: in the page, or (its form drawn at build time) in
    the file beside it that its state script names. None for a page with no widget (or whose
    file is missing)."""
    html = page.read_text(encoding="utf-8")
    if inline := STATE.search(html):
        return json.loads(inline[1])
    moved = STATE_FILE.search(html)
    if moved and (page.parent / moved[1]).is_file():
        return json.loads((page.parent / moved[1]).read_text(encoding="utf-8"))
    return None


def drawable(html: str) -> dict | None:
    """The model state of the page's one checklist widget, if it can be drawn at build time: one
    view, the toolkit's own module. None otherwise."""
    state, views = STATE.search(html), VIEW.findall(html)
    if not state or len(views) != 1:
        return None
    models = json.loads(state[1]).get("state", {})
    model = models.get(json.loads(views[0]).get("model_id"), {}).get("state", {})
    if "_esm_file" not in model or "definition" not in model:
        return None
    return model


def draw(forms: list[dict], root: Path) -> list[str]:
    """Each form's HTML, drawn by checklist.js under Node from the book's `root`, a few at a time.
    A form is {"state": its widget's model state, "url": the page's address, "root": its
    data-content_root}."""
    if not (root / "node_modules" / "linkedom").is_dir():
        raise PrerenderError("node_modules/linkedom is missing: run `make node_modules/installed.stamp`")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(lambda form: _draw_one(form, root), forms))


def _draw_one(form: dict, root: Path) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as given:
        json.dump(form, given)
        given.flush()
        try:
            done = subprocess.run(["node", "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", str(SCRIPT), given.name,
                                   str(front_end.ENTRY)],
                                  cwd=root, capture_output=True, text=True, encoding="utf-8")
        except FileNotFoundError:
            raise PrerenderError("node is missing: run `make node_modules/installed.stamp`") from None
    if done.returncode:
        raise PrerenderError(f"{form['url']}: the form could not be drawn at build time: {done.stderr.strip()}")
    return done.stdout


def place(html: str, page: Path, form: str, tool_id: str) -> str:
    """The page with its drawn `form` before the widget's view, its state moved to a file beside
    `page`, and no early request for the widget's code. (The widget's stylesheet is part of the
    site's, bundle.py.)"""
    state = STATE.search(html)
    models = json.loads(state[1])
    state_file = page.with_name(page.stem + STATE_SUFFIX)
    state_file.write_text(json.dumps(models, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    html = html.replace(state[0], f'<script type="application/vnd.jupyter.widget-state+json" '
                                  f'data-src="{state_file.name}"></script>', 1)
    view = VIEW.search(html)
    html = html.replace(view[0], f'<div class="static-widget" data-drawn="{tool_id}">{form}</div>{view[0]}', 1)
    return PRELOAD.sub("", html, count=1)
