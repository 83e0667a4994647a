"""The site works offline after one visit: a service worker keeps one build's files.

At the end of a build, `write_service_worker` lists what the site's pages use — every page, and
every file of this site a page loads (scripts, styles, images, the search index, and the widget's
module with the parts it loads on first use) — with a hash
of each, and writes `sw.js` to the site root from `theme/offline/sw.js`. The build's name is a
hash of that list, so an unchanged rebuild keeps the same worker and readers download nothing.
Stylesheets' @imports and url()s are followed, except the theme's full icon fonts under
_static/vendor/ (the pages draw their icons as SVG, or from our subset font in site/).
A page's script may also load a module only when asked (ON_DEMAND): those are kept too, with
the modules they import, so that every button works offline as well.
"""
from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import prerender

TEMPLATE = Path("theme") / "offline" / "sw.js"  # in the book's folder
WORKER = "sw.js"
SKIP_FOLDERS = {"_static", "_sources"}  # pages live elsewhere; _static holds only assets
_LOADED = re.compile(r'<(?:script|img|link)\b[^>]*?\s(?:src|href)="([^"#]+)"[^>]*>')
_IMPORT = re.compile(r'@import\s+(?:url\()?["\']?([^"\')\s]+)|url\(["\']?([^"\')]+)["\']?\)')
# Loaded by a page's script when someone asks, so named in no page: checklist.js imports the Word
# record's module when "Download for Word (.docx)" is pressed (and it imports its library), and
# static-widgets.js the runtime that draws the live form.
ON_DEMAND = ("widgets/docx/record.mjs", "widgets/static-runtime.js")
_MODULE_IMPORT = re.compile(r'^\s*(?:import|export)\b[^;]*?["\'](\.{1,2}/[^"\']+)["\'];?\s*$', re.M)


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not SKIP_FOLDERS & set(p.relative_to(site).parts[:-1]))


def _loaded_by(site: Path, page: str) -> set[str]:
    html = (site / page).read_text(encoding="utf-8")
    found = set()
    # A tool page's widget state, in a file beside it (prerender.py); the state names the module.
    for moved in prerender.STATE_FILE.findall(html):
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), moved))
        if (site / path).is_file():
            found.add(path)
    state = prerender.widget_state(site / page) or {}
    modules = {model.get("state", {}).get("_esm_file") for model in state.get("state", {}).values()} - {None}
    for module in modules:
        # The widget's module (minify.write_front_end) and the parts it loads when a person uses them.
        folder = posixpath.dirname(module)
        if (site / folder).is_dir():
            found |= {f"{folder}/{path.name}" for path in (site / folder).iterdir() if path.suffix == ".js"}
    for tag in _LOADED.finditer(html):
        if tag[0].startswith("<link") and not re.search(r'\brel="(stylesheet|icon|preload|manifest|apple-touch-icon)"', tag[0]):
            continue  # links to other pages are pages already; "next"/"search"/"canonical" are not loads
        parts = urlsplit(tag[1])
        if parts.scheme or parts.netloc:
            continue
        found |= _with_imports(site, posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))))
    return found


def _with_imports(site: Path, path: str) -> set[str]:
    """The file, and for a stylesheet the stylesheets it @imports, if they exist."""
    if not (site / path).is_file():
        return set()
    found = {path}
    if path.endswith(".css"):
        for imported, used in _IMPORT.findall((site / path).read_text(encoding="utf-8")):
            imported = (imported or used).split("?")[0].split("#")[0]
            if not urlsplit(imported).scheme and "/vendor/" not in posixpath.join(posixpath.dirname(path), imported):
                found |= _with_imports(site, posixpath.normpath(posixpath.join(posixpath.dirname(path), imported)))
    return found


def _with_module_imports(site: Path, path: str) -> set[str]:
    """The ES module, and the modules it imports by relative path (static imports, followed on),
    those that exist."""
    found: set[str] = set()
    waiting = [path]
    while waiting:
        module = waiting.pop()
        if module in found or not (site / module).is_file():
            continue
        found.add(module)
        waiting += [posixpath.normpath(posixpath.join(posixpath.dirname(module), imported))
                    for imported in _MODULE_IMPORT.findall((site / module).read_text(encoding="utf-8"))]
    return found


def site_files(site: Path) -> list[str]:
    """Every page and every file of this site a page loads (at once or when asked), as paths from
    the site root."""
    pages = _pages(site)
    loaded = set(pages).union(*(_loaded_by(site, page) for page in pages))
    return sorted(loaded.union(*(_with_module_imports(site, module) for module in ON_DEMAND)) - {WORKER})


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def write_service_worker(site: Path, root: Path) -> str:
    """Write sw.js for the built site at `site`, from the template in the book's folder `root`;
    returns the build's name."""
    files = {file: _hash(site / file) for file in site_files(site)}
    build = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:12]
    script = (Path(root) / TEMPLATE).read_text(encoding="utf-8")
    script = script.replace("{{BUILD}}", build).replace("{{FILES}}", json.dumps(files, indent=0))
    (site / WORKER).write_text(script, encoding="utf-8")
    return build
