"""Each page loads only the scripts and styles it uses (a light page loads sooner on a weak signal).

Jupyter Book puts every extension's files on every page. A page here keeps an extension's files
only when its body has what they work on:

- copy button (clipboard.min.js, copybutton.*): a code block to copy;
- togglebutton.*: a toggle or dropdown admonition;
- sphinx-design.min.css: a sphinx-design component (cards, dropdowns); design-tabs.js: a tab set;
- myst-nb's stylesheet: a notebook cell with its code or a text output showing (a tool page's
  cell shows only its widget, whose styles are in the site's one stylesheet, bundle.py);
- pygments.css (code colours): a code block.
Thebe (live code on a remote kernel, fetched from unpkg.com) is never used: its files and its
per-page settings are dropped everywhere, with the "THEBE_JS_URL" noise it logged. The theme also loads the site search's
index on every page for "search as you type"; with that off, only the search page needs it.
"""
from __future__ import annotations

import re
from pathlib import Path

NEVER = ("sphinx-thebe", "THEBE_JS_URL")
# (what the file names contain, a pattern for the page body that needs them)
NEEDED_FOR = [
    (("clipboard.min.js", "copybutton"), re.compile(r'class="[^"]*\bhighlight')),
    (("togglebutton", "toggleHint", "toggleOpenOnPrint"), re.compile(r'class="(?:[^"]*\s)?(?:toggle|dropdown)[\s"]')),
    (("sphinx-design",), re.compile(r'class="[^"]*\bsd-')),
    (("design-tabs.js",), re.compile(r'class="[^"]*\bsd-tab-set')),
    (("mystnb.",), re.compile(r'class="[^"]*\b(cell_input|output)\b')),
    (("pygments.css",), re.compile(r'class="[^"]*\bhighlight')),
]
_CONTENT_ROOT = re.compile(r'<html[^>]*\sdata-content_root="([^"]*)"')
SEARCH_SCRIPTS = re.compile(r'\s*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)"></script>')


def content_root(html: str) -> str | None:
    """How far a written page is from the site root (its <html data-content_root>, as Sphinx
    writes it); None for a page without one."""
    found = _CONTENT_ROOT.search(html)
    return found[1] if found else None


def _text(asset) -> str:
    """A Sphinx asset's file name, or an inline script's body."""
    return str(getattr(asset, "filename", None) or getattr(asset, "attributes", {}).get("body", "") or asset)


def keeps(asset, body: str) -> bool:
    text = _text(asset)
    if any(name in text for name in NEVER):
        return False
    return all(pattern.search(body) for names, pattern in NEEDED_FOR if any(name in text for name in names))


def trim_page_assets(app, pagename, templatename, context, doctree):
    """html-page-context: drop the extension files this page does not use."""
    body = context.get("body", "")
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if keeps(asset, body)]


def drop_search_scripts(html: str, pagename: str, search_as_you_type: bool) -> str:
    """The written page without the search index and tools, unless it is the search page."""
    if search_as_you_type or pagename == "search":
        return html
    return SEARCH_SCRIPTS.sub("", html)


FONTAWESOME_SCRIPT = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')


def drop_fontawesome_script(html: str) -> str:
    """The written page without the theme's Font Awesome script (icons are inline SVG instead)."""
    return FONTAWESOME_SCRIPT.sub("", html)


THEBE_SETTINGS = re.compile(r'\s*<script type="text/x-thebe-config">.*?</script>', re.S)
# sphinx-thebe also writes the kernel's name for its script into every article. As an inline
# script after the stylesheets, it stopped the browser reading the rest of the page until every
# stylesheet had arrived; nothing but thebe reads it.
THEBE_KERNEL_NAME = re.compile(r"\s*<script>kernelName = '[\w.-]*'</script>")


def drop_thebe_settings(html: str) -> str:
    """The written page without thebe's settings block (notebook pages get one) and kernel name."""
    return THEBE_KERNEL_NAME.sub("", THEBE_SETTINGS.sub("", html))


MENU_LOGO = re.compile(r'<img (alt="[^"]*" src="[^"]*_static/images/logo_[a-z]+\.(?:svg|png)")>')


def lazy_menu_logos(html: str) -> str:
    """The launch menu's logos load when the menu opens, not with the page."""
    return MENU_LOGO.sub(r'<img \1 loading="lazy">', html)


_LOGO = re.compile(r'<img src="[^"]*_static/(?P<name>[^"/]+\.svg)"(?= class="logo__image)')
_VIEW_BOX = re.compile(r'<svg[^>]*\sviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+(?P<width>[\d.]+)[\s,]+(?P<height>[\d.]+)')


def size_logos(html: str, static: Path) -> str:
    """The site's logo (an SVG in `static`) with its width and height, from its viewBox: the
    stylesheet sets only its height, so until the file arrived the browser gave it no width and
    the site's name beside it moved when it came."""
    def sized(match: re.Match) -> str:
        svg = static / match["name"]
        box = _VIEW_BOX.search(svg.read_text(encoding="utf-8")) if svg.is_file() else None
        return f'{match[0]} width="{box["width"]}" height="{box["height"]}"' if box else match[0]
    return _LOGO.sub(sized, html)


# Time until usable. The theme's head has parser-blocking scripts after its
# stylesheets, so the browser reads none of the page until every stylesheet has arrived, then
# fetches those scripts one after another. Instead: Sphinx's small settings script is inlined, and
# it and the head's other inline scripts (settings for the extensions) run before the
# stylesheets; the head's script files are deferred (they wait for the page, as the theme's own
# scripts at the end of the body already do, and still run in order); and the theme's one-line
# theme.css that only @imports basic.css is replaced by basic.css itself.
# The search page keeps its order: its search scripts run inline and need these first.
_OPTIONS_SCRIPT = re.compile(r'<script src="[^"]*_static/documentation_options\.js[^"]*"></script>')
_HEAD_SCRIPT = re.compile(r'\s*<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>', re.S)
_THEME_CSS = re.compile(r'href="([^"]*_static/)styles/theme\.css\?[^"]*"')
_FIRST_STYLESHEET = "  <!-- Loaded before other Sphinx assets -->"


def unblock_head(html: str, pagename: str, options_js: str) -> str:
    """The written page with nothing in its head that stops the browser reading the page."""
    if pagename == "search" or _FIRST_STYLESHEET not in html or "</head>" not in html:
        return html
    before, rest = html.split(_FIRST_STYLESHEET, 1)
    head, body = rest.split("</head>", 1)
    head = _OPTIONS_SCRIPT.sub(lambda _: f"<script>{options_js.strip()}</script>", head)
    inline = []

    def unblock(match):
        attributes = match["attributes"]
        if re.search(r'\stype="(?!text/javascript")', attributes) or re.search(r"\b(defer|async)\b", attributes):
            return match[0]
        if "src=" in attributes:
            return match[0].replace("<script", '<script defer="defer"', 1)
        inline.append(match[0].strip())
        return ""
    head = _THEME_CSS.sub(r'href="\1basic.css"', _HEAD_SCRIPT.sub(unblock, head))
    moved = "".join(f"  {script}\n" for script in inline)
    return before + moved + _FIRST_STYLESHEET + head + "</head>" + body
