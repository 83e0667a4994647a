"""Smaller front-end code on the built site (issue 10: a tool page costs little more than a plain
page).

Every tool page embeds the widget's ES module and stylesheet (`_esm`, `_css` in its widget
state), and loads the small static runtime. On the built site these are minified with esbuild
(pinned in package.json, installed by `make node_modules/installed.stamp`); no source map goes
with them. JupyterLab and Voila keep the readable source beside checklist.py.
"""
from __future__ import annotations

import functools
import json
import re
import subprocess
from pathlib import Path

ESBUILD = Path("node_modules") / ".bin" / "esbuild"  # under the book's root
LOADERS = {".js": "js", ".css": "css"}
_STATE = re.compile(r'(<script type="application/vnd\.jupyter\.widget-state\+json">)(.*?)(</script>)', re.S)


class MinifyError(RuntimeError):
    pass


@functools.lru_cache(maxsize=32)
def minify(source: str, loader: str, root: Path) -> str:
    """`source` (JavaScript or CSS, by `loader`) minified by esbuild from the book's `root`, with no
    source map."""
    esbuild = Path(root) / ESBUILD
    if not esbuild.exists():
        raise MinifyError(f"{ESBUILD} is missing: run `make node_modules/installed.stamp`")
    done = subprocess.run([str(esbuild), f"--loader={loader}", "--minify", "--legal-comments=none",
                           "--log-level=error"], input=source, capture_output=True, text=True, encoding="utf-8")
    if done.returncode:
        raise MinifyError(f"esbuild could not minify the {loader}: {done.stderr.strip()}")
    return done.stdout


def minify_widget_state(html: str, root: Path) -> str:
    """A written page whose embedded anywidget modules and styles are minified."""
    def minify_state(match):
        state = json.loads(match[2])
        for model in state.get("state", {}).values():
            fields = model.get("state", {})
            for name, loader in (("_esm", "js"), ("_css", "css")):
                if isinstance(fields.get(name), str):
                    fields[name] = minify(fields[name], loader, root)
        text = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
        return match[1] + text.replace("<", "\\u003c") + match[3]  # inert to the HTML parser
    return _STATE.sub(minify_state, html)


def minify_files(source: Path, folder: Path, root: Path) -> None:
    """Write every script and stylesheet of `source` into `folder` of the built site, minified.
    Always from the source: a rebuild that leaves the built copy in place never minifies it twice."""
    for path in sorted(source.iterdir()):
        if path.suffix in LOADERS and (folder / path.name).is_file():
            text = path.read_text(encoding="utf-8")
            (folder / path.name).write_text(minify(text, LOADERS[path.suffix], root), encoding="utf-8")
