"""The theme's stylesheets and scripts, and ours, as one stylesheet and one script: every
request a page waits for before its first paint delays the moment it is usable.

A stock page asks for five stylesheets and eight scripts. The browser opens six connections to a
site at a time, so most of them wait in a queue, and the theme's stylesheet is 397 KB: all of
Bootstrap 5, the theme and Font Awesome's class list, which the browser parses and matches
against every element before it shows the page. Bootstrap's own 81 KB script is there only for
five tooltips and the "Back to top" button. So each page instead loads:

- `site/dpup.css`: Sphinx's basic.css, the theme's stylesheet without the rules no page of this
  build can use (PurgeCSS, pinned in package.json, reading every built page and every script of
  the site, with a safelist for what scripts put on the page at run time), the book theme's
  stylesheet, our site.css and navigation.css, and the checklist widget's stylesheet, in that
  order. Only pygments.css (code colours, which few pages keep) used to sit among them; neither
  styles what the others do. The widget's stylesheet costs a page with no tool about 2 KB gzip;
  as a file of its own it cost every tool page one more request before its first paint, and two
  stylesheets instead of one cost every page another (side by side on loopback, one file made
  the plain page about a tenth quicker).
- `site/dpup.js`: Sphinx's doctools.js and sphinx_highlight.js (search words highlighted on the
  page a search result opens), the book theme's script, offline.js, navigation.js,
  theme-controls.js (tooltips and "Back to top", instead of Bootstrap's script) and the theme's
  script, in the order they ran; deferred, where doctools.js was. Last comes the widgets' waiting
  script (static-widgets.js), which pages with a widget used to load as one more deferred file
  after the bundle: on a tool page that file alone delayed the first paint by about a tenth (one
  more request the page waited for), and on a page with no widget it does nothing. Extension
  scripts a page keeps (copy button, toggles) still come after it in their own order.
The search page keeps its separate scripts: its search code must run in order as the page is read.
Files keep their place in the folders they were in (`url()`s are rewritten), so offline.js still
finds sw.js beside it.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import posixpath
import re
import subprocess
from pathlib import Path

from ..widget import front_end
from . import assets, minify

PURGECSS = Path("node_modules") / ".bin" / "purgecss"  # under the book's root
STYLE = "site/dpup.css"
SCRIPT = "site/dpup.js"
# The stylesheet's parts in order, from the built site; the first part's tag is replaced by the
# bundle's, the rest dropped. The widget's stylesheet (front_end.STYLESHEET) comes last.
STYLE_PARTS = ["_static/basic.css", "_static/styles/pydata-sphinx-theme.css", "_static/styles/sphinx-book-theme.css",
               "site/site.css", "navigation/navigation.css"]
SCRIPTS = ["_static/doctools.js", "_static/sphinx_highlight.js", "_static/scripts/sphinx-book-theme.js",
           "site/offline.js", "navigation/navigation.js", "site/theme-controls.js",
           "_static/scripts/pydata-sphinx-theme.js", "widgets/static-widgets.js"]
DROPPED = ["_static/scripts/bootstrap.js"]
# Changes to the theme's scripts as they go into the bundle: (part, the text as it is, the text
# it becomes). The build fails if the text is not found (a new Sphinx or theme wrote it
# differently), rather than bundling the script unchanged without saying so.
PATCHES = [
    # Sphinx rewrote the page's history entry (history.replaceState) on every page load, to clear a
    # search's "highlight" from the address even when there was none, which delays the moment a
    # page is usable. With nothing to highlight there is nothing to clear.
    ("_static/sphinx_highlight.js",
     '        || "";\n    localStorage.removeItem("sphinx_highlight_terms")',
     '        || "";\n    if (!highlight) return;\n    localStorage.removeItem("sphinx_highlight_terms")'),
]
PURGED = "_static/styles/pydata-sphinx-theme.css"
# Read for the class names the pages use: every built page, our code (icons.py writes the icons'
# classes) and every script a page may load, but not the ones no page loads or whose words are
# not classes (Bootstrap's, which names all of Bootstrap's, and the search index, every word of the site).
SKIPPED_CONTENT = {"bootstrap.js", "searchindex.js", "fontawesome.js", "dpup.js"}
# What scripts add to the page after it is written, which PurgeCSS cannot see in any file: the
# theme's and the tooltips' states (classes built from parts, such as "bs-tooltip-" + placement).
# "/.../" is a pattern for class names; SAFELIST_GREEDY keeps every rule with a match anywhere.
SAFELIST = ["show", "fade", "active", "hide", "scrolled", "noprint", "/^pst-/", "/^theme-/", "/^search-/"]
SAFELIST_GREEDY = ["tooltip", "popper"]


class BundleError(RuntimeError):
    pass


# PurgeCSS's own API (its command line takes no patterns): argv[1] is the stylesheet, argv[2] a
# JSON list of content globs, argv[3] the safelist; the trimmed stylesheet goes to stdout.
_PURGE = """
import { PurgeCSS } from "purgecss";
const [css, content, safelist] = process.argv.slice(1);
const pattern = (text) => new RegExp(text);
const { standard, greedy } = JSON.parse(safelist);
const [result] = await new PurgeCSS().purge({ css: [css], content: JSON.parse(content),
  safelist: { standard: standard.map((s) => s.startsWith("/") ? pattern(s.slice(1, -1)) : s), greedy: greedy.map(pattern) } });
process.stdout.write(result.css);
"""


def purge(css: Path, outdir: Path, root: Path) -> str:
    """The theme's stylesheet without the rules no built page or script of the site can match."""
    root = Path(root)
    if not (root / PURGECSS).exists():
        raise BundleError(f"{PURGECSS} is missing: run `make node_modules/installed.stamp`")
    outdir = Path(outdir)
    scripts = [*outdir.glob("_static/*.js"), *outdir.glob("_static/scripts/*.js"), *outdir.glob("site/*.js"),
               *outdir.glob("navigation/*.js"), *outdir.glob("widgets/**/*.js")]
    content = [str(path) for path in [*outdir.rglob("*.html"), *root.glob("src/dpup_toolkit/**/*.py"), *scripts]
               if path.name not in SKIPPED_CONTENT]
    safelist = {"standard": SAFELIST, "greedy": SAFELIST_GREEDY}
    done = subprocess.run(["node", "--input-type=module", "-e", _PURGE, str(css), json.dumps(content), json.dumps(safelist)],
                          capture_output=True, text=True, encoding="utf-8", cwd=root)
    if done.returncode:
        raise BundleError(f"PurgeCSS could not trim {css.name}: {done.stderr.strip()[:500]}")
    return done.stdout


_URL = re.compile(r"""url\((['"]?)(?!data:|[a-z]+://|/|#)([^'")]+)\1\)""")


def moved_css(css: str, source: str, target: str) -> str:
    """A stylesheet from `source` with its relative url()s pointing at the same files from `target`."""
    def rewrite(match):
        file = posixpath.normpath(posixpath.join(posixpath.dirname(source), match[2]))
        return f"url({match[1]}{posixpath.relpath(file, posixpath.dirname(target))}{match[1]})"
    return _URL.sub(rewrite, css)


def _version(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _already_minified(part: str) -> bool:
    """Our own files (site/, navigation/, widgets/) are minified when site.py copies or writes them;
    the theme's are not."""
    return not part.startswith("_static/")


def _script(path: Path, part: str, root: Path) -> str:
    text = path.read_text(encoding="utf-8")
    for patched, before, after in PATCHES:
        if patched == part:
            if before not in text:
                raise BundleError(f"{part}: cannot apply bundle.PATCHES, this text is not there: {before!r}")
            text = text.replace(before, after, 1)
    return text if _already_minified(part) else minify.minify(text, "js", root)


def write_bundles(outdir: Path, root: Path) -> dict[str, str]:
    """Write the bundles into the built site; returns each one's path with its version query."""
    outdir = Path(outdir)
    missing = [part for part in STYLE_PARTS + SCRIPTS if not (outdir / part).is_file()]
    if missing:
        raise BundleError(f"cannot bundle the theme's files, missing: {missing}")
    texts = []
    for part in STYLE_PARTS:
        css = purge(outdir / part, outdir, root) if part == PURGED else (outdir / part).read_text(encoding="utf-8")
        texts.append((part, moved_css(css, part, STYLE)))
    # One esbuild run for each stretch of the theme's parts; ours are joined as they are.
    chunks = []
    for minified, stretch in itertools.groupby(texts, key=lambda text: _already_minified(text[0])):
        chunk = "\n".join(css for _, css in stretch)
        chunks.append(chunk if minified else minify.minify(chunk, "css", Path(root)))
    chunks.append(minify.minify(front_end.STYLESHEET.read_text(encoding="utf-8"), "css", Path(root)))
    text = "\n".join(chunks)
    (outdir / STYLE).write_text(text, encoding="utf-8")
    written = {STYLE: f"{STYLE}?v={_version(text)}"}
    # A leading ";" keeps any file's "use strict" from applying to the whole bundle.
    text = ";" + ";\n".join(_script(outdir / part, part, Path(root)) for part in SCRIPTS)
    (outdir / SCRIPT).write_text(text, encoding="utf-8")
    written[SCRIPT] = f"{SCRIPT}?v={_version(text)}"
    return written


def _tag(kind: str, path: str):
    """A <link> or <script> tag whose URL ends with `path` (any relative prefix, any query)."""
    name = re.escape(path.rsplit("/", 1)[-1])
    if kind == "css":
        return re.compile(rf'<link\b[^>]*href="(?:[^"]*/)?{name}(?:\?[^"]*)?"[^>]*>')
    return re.compile(rf'<script\b[^>]*src="(?:[^"]*/)?{name}(?:\?[^"]*)?"[^>]*></script>')


def use_bundles(html: str, pagename: str, bundles: dict[str, str]) -> str:
    """The written page loading the bundles instead of their parts (the search page keeps its
    scripts, but not Bootstrap's)."""
    page_root = assets.content_root(html)
    if not bundles or page_root is None:
        return html
    first, *rest = STYLE_PARTS
    link = f'<link rel="stylesheet" type="text/css" href="{page_root}{bundles[STYLE]}" />'
    html, found = _tag("css", first).subn(link, html, count=1)
    if not found:  # the search page's head still has theme.css
        html, found = _tag("css", "_static/styles/theme.css").subn(link, html, count=1)
    if found:
        for part in rest:
            html = _tag("css", part).sub("", html)
    preload = re.compile(r'\s*<link rel="preload" as="script" href="[^"]*(?:bootstrap|pydata-sphinx-theme)\.js[^"]*" />')
    html = preload.sub("", html)
    for part in DROPPED:
        html = _tag("js", part).sub("", html)
    if pagename == "search":
        controls = f'<script defer="defer" src="{page_root}site/theme-controls.js"></script>'
        return _tag("js", "_static/scripts/pydata-sphinx-theme.js").sub(lambda m: controls + "\n" + m[0], html, count=1)
    first, *rest = SCRIPTS
    html, found = _tag("js", first).subn(f'<script defer="defer" src="{page_root}{bundles[SCRIPT]}"></script>', html, count=1)
    if found:
        for part in rest:
            html = _tag("js", part).sub("", html)
    return html
