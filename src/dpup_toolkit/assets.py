"""Each page loads only the scripts and styles it uses (see issue 10: a light page).

Jupyter Book puts every extension's files on every page. A page here keeps an extension's files
only when its body has what they work on:

- copy button (clipboard.min.js, copybutton.*): a code block to copy;
- togglebutton.*: a toggle or dropdown admonition;
- sphinx-design.min.css: a sphinx-design component (cards, dropdowns); design-tabs.js: a tab set;
- myst-nb's stylesheet: a notebook cell with its code or a text output showing (a tool page's
  cell shows only its widget, which brings its own styles).
Thebe (live code on a remote kernel, fetched from unpkg.com) is never used: its files and its
per-page settings are dropped everywhere, with the "THEBE_JS_URL" noise it logged. The theme also loads the site search's
index on every page for "search as you type"; with that off, only the search page needs it.
"""
from __future__ import annotations

import re

NEVER = ("sphinx-thebe", "THEBE_JS_URL")
# (what the file names contain, a pattern for the page body that needs them)
NEEDED_FOR = [
    (("clipboard.min.js", "copybutton"), re.compile(r'class="[^"]*\bhighlight')),
    (("togglebutton", "toggleHint", "toggleOpenOnPrint"), re.compile(r'class="(?:[^"]*\s)?(?:toggle|dropdown)[\s"]')),
    (("sphinx-design",), re.compile(r'class="[^"]*\bsd-')),
    (("design-tabs.js",), re.compile(r'class="[^"]*\bsd-tab-set')),
    (("mystnb.",), re.compile(r'class="[^"]*\b(cell_input|output)\b')),
]
SEARCH_SCRIPTS = re.compile(r'\s*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)"></script>')


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


def drop_thebe_settings(html: str) -> str:
    """The written page without thebe's settings block (notebook pages get one)."""
    return THEBE_SETTINGS.sub("", html)


MENU_LOGO = re.compile(r'<img (alt="[^"]*" src="[^"]*_static/images/logo_[a-z]+\.(?:svg|png)")>')


def lazy_menu_logos(html: str) -> str:
    """The launch menu's logos load when the menu opens, not with the page."""
    return MENU_LOGO.sub(r'<img \1 loading="lazy">', html)
