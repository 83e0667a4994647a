"""Smaller front-end code on the built site, so a tool page costs little more than a plain page.

On a page with a widget, the small waiting script (static-widgets.js, the last part of the
site's one script, bundle.py) loads the static runtime (static-runtime.js). The widget's module
and its parts (widget/front_end.py, split by esbuild) are files of the site, in a folder named by their content
(`widgets/checklist-<hash>/`): the page's state names the module (`_esm_file`) instead of
embedding it, and the module loads a part only when a person first uses it. The site's one
stylesheet ends with the widget's (bundle.py), so no page carries it in its state (`_css`); a
page whose form is not drawn at build time (prerender.py) asks for the module early. On the
built site all of these are minified with esbuild (pinned in package.json, installed by `make
node_modules/installed.stamp`); no source map goes with them.
JupyterLab and Voila load the one bundled module beside checklist.py (widget/front_end.py).
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
import subprocess
from pathlib import Path

from ..widget import front_end
from . import assets

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


def write_front_end(site: Path, root: Path) -> str:
    """The checklist widget's modules (split and minified by esbuild, front_end.py) and the Word
    record's module with its library, in the built `site`. Returns the widget's entry module's
    path from the site root."""
    try:
        front_end.write_word_module(site, root)
        return front_end.write_site_modules(site, root)
    except front_end.FrontEndError as problem:
        raise MinifyError(str(problem)) from None


def minify_widget_state(html: str, root: Path, module_file: str | None = None, styled_by_site: bool = False) -> str:
    """A written page whose embedded anywidget modules and styles are minified; the checklist
    widget's module (front_end.bundled) is named by its file, `module_file`, instead, and the page
    asks for that file early (modulepreload) rather than once its scripts have run; its stylesheet
    is left out when the site's stylesheet carries it (`styled_by_site`, bundle.py). The layout
    models ipywidgets adds beside each widget are left out: the static runtime draws anywidgets
    only, and never reads them."""
    named = []
    stylesheet = front_end.STYLESHEET.read_text(encoding="utf-8")

    def minify_state(match):
        state = json.loads(match[2])
        models = state.get("state", {})
        for model_id in [key for key, model in models.items() if model.get("model_name") == "LayoutModel"]:
            del models[model_id]
        for model in models.values():
            fields = model.get("state", {})
            if module_file and fields.get("_esm") == front_end.bundled():
                del fields["_esm"]
                fields["_esm_file"] = module_file  # static-runtime.js imports it from the site
                named.append(module_file)
                if styled_by_site and fields.get("_css") == stylesheet:
                    del fields["_css"]
            for name, loader in (("_esm", "js"), ("_css", "css")):
                if isinstance(fields.get(name), str):
                    fields[name] = minify(fields[name], loader, root)
        text = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
        return match[1] + text.replace("<", "\\u003c") + match[3]  # inert to the HTML parser
    html = _STATE.sub(minify_state, html)
    page_root = assets.content_root(html)
    if named and page_root is not None and "</head>" in html:
        preload = f'<link rel="modulepreload" href="{page_root}{named[0]}">\n'
        html = html.replace("</head>", preload + "</head>", 1)
    return html


RUNTIME_VERSION = "__RUNTIME_VERSION__"


def version_runtime(widgets: Path) -> None:
    """static-widgets.js in the built site's `widgets` folder asks for the static-runtime.js of the
    same build: the runtime's content hash goes in its address, so no cache mixes the two."""
    loader, runtime = widgets / "static-widgets.js", widgets / "static-runtime.js"
    if loader.is_file() and runtime.is_file():
        version = hashlib.sha256(runtime.read_bytes()).hexdigest()[:8]
        loader.write_text(loader.read_text(encoding="utf-8").replace(RUNTIME_VERSION, version), encoding="utf-8")


def minify_files(source: Path, folder: Path, root: Path) -> None:
    """Write every script and stylesheet of `source` into `folder` of the built site, minified.
    Always from the source: a rebuild that leaves the built copy in place never minifies it twice."""
    for path in sorted(source.iterdir()):
        if path.suffix in LOADERS and (folder / path.name).is_file():
            text = path.read_text(encoding="utf-8")
            (folder / path.name).write_text(minify(text, LOADERS[path.suffix], root), encoding="utf-8")
