"""The theme's icons as inline SVG, so no page loads the theme's 1.5 MB Font Awesome script.

The stock theme writes icons as `<i class="fa-solid fa-bars"></i>` and loads `fontawesome.js`
(530 KB gzip) to swap each for an `<svg>`. We make that same swap when the page is written, from
`theme/icons/fontawesome-free.json`: only the icons the pages use, taken from Font Awesome Free
(icons CC BY 4.0, Fonticons, Inc.). An icon missing from that file fails the build with its name;
add it with `python -m dpup_toolkit.site.icons NAME...` (reads the theme's own copy of Font Awesome).
Icons the theme's stylesheets draw with the icon font come from a small subset of that font
(`python -m dpup_toolkit.site.icons --font` writes it; see make_subset_font).
"""
from __future__ import annotations

import html as html_lib
import json
import re
import sys
from pathlib import Path

# From the book's folder (Sphinx's srcdir; the current folder for the commands below).
ICON_FILE = Path("theme") / "icons" / "fontawesome-free.json"
STYLE_PREFIXES = {"fa-solid": "fas", "fas": "fas", "fa-regular": "far", "far": "far",
                  "fa-brands": "fab", "fab": "fab", "fa": "fas"}
# Classes that only size or place an icon; everything else after "fa-" names the icon.
MODIFIERS = {"fa-lg", "fa-xs", "fa-sm", "fa-xl", "fa-2xl", "fa-2xs", "fa-fw", "fa-spin", "fa-pull-left",
             "fa-pull-right", "fa-li", "fa-border", "fa-inverse", "fa-classic", "fa-sharp"}
_ICON_TAG = re.compile(r'<(?P<tag>i|span)(?P<attributes>\s[^>]*?\bclass="(?:[^"]*\s)?'
                       r'(?:fa|fas|far|fab|fa-solid|fa-regular|fa-brands)(?:\s[^"]*)?"[^>]*)>\s*</(?P=tag)>')
_ATTRIBUTE = re.compile(r'\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"')


class UnknownIcon(LookupError):
    pass


def load_icons(root: Path) -> dict:
    """The icon set of the book at `root`."""
    return json.loads((Path(root) / ICON_FILE).read_text(encoding="utf-8"))["icons"]


def _svg(match: re.Match, icons: dict) -> str:
    attributes = dict(_ATTRIBUTE.findall(" " + match["attributes"]))
    classes = attributes.pop("class").split()
    prefix = next((STYLE_PREFIXES[c] for c in classes if c in STYLE_PREFIXES), "fas")
    names = [c[3:] for c in classes if c.startswith("fa-") and c not in STYLE_PREFIXES and c not in MODIFIERS]
    if len(names) != 1:
        raise UnknownIcon(f"cannot tell which icon {match[0]!r} is")
    key = f"{prefix} {names[0]}"
    if key not in icons:
        raise UnknownIcon(f"icon {key!r} is not in {ICON_FILE.name}: run `python -m dpup_toolkit.site.icons {names[0]}`")
    width, height, path = icons[key]
    kept = [c for c in classes if c not in STYLE_PREFIXES and c != f"fa-{names[0]}"]
    label = attributes.pop("title", None) or attributes.pop("aria-label", None)
    attributes.pop("aria-hidden", None)
    extra = "".join(f' {name}="{value}"' for name, value in attributes.items())
    if label:  # a named icon keeps its name, as Font Awesome's own script does
        access = f' role="img" aria-label="{label}"'
    else:
        access = ' aria-hidden="true" focusable="false"'
    return (f'<svg class="{" ".join(["svg-inline--fa", f"fa-{names[0]}", *kept])}"{extra}{access} '
            f'data-icon="{names[0]}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">'
            f'<path fill="currentColor" d="{html_lib.escape(path)}"/></svg>')


def inline_icons(html: str, icons: dict) -> str:
    """The page with every Font Awesome `<i>`/`<span>` icon drawn as an inline `<svg>`."""
    return _ICON_TAG.sub(lambda match: _svg(match, icons), html)


def icon_names(html: str) -> set[str]:
    """The Font Awesome icons a page still asks for by class (none, once icons are inlined)."""
    return {match[0] for match in _ICON_TAG.finditer(html)}


# --- Adding icons: read them from the theme's own copy of Font Awesome Free. -----------------

_PACK = re.compile(r'var p=\{(?P<body>.*?)\};.*?d\("(?P<prefix>fa[bsr])",p\)', re.S)


def _theme_fontawesome() -> str:
    import pydata_sphinx_theme
    script = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "scripts"
    return (script / "fontawesome.js").read_text(encoding="utf-8")


def find_icon(script: str, prefix: str, name: str) -> list:
    for pack in _PACK.finditer(script):
        if pack["prefix"] == prefix:
            key = json.dumps(name) if not re.fullmatch(r"[a-z_$][a-z0-9_$]*", name) else f"(?:{name}|\"{name}\")"
            found = re.search(rf'(?:^|[,{{]){key}:\[(\d+),(\d+),\[[^\]]*\],"[^"]*","([^"]+)"\]', pack["body"])
            if found:
                return [int(found[1]), int(found[2]), found[3]]
    raise UnknownIcon(f"Font Awesome Free has no {prefix} icon {name!r}")


def main(names: list[str], root: Path = Path(".")) -> None:
    """Add the named icons (`fas bars`, or `bars` for a solid one) to the book's icon set."""
    icon_file = root / ICON_FILE
    data = json.loads(icon_file.read_text(encoding="utf-8"))
    script = _theme_fontawesome()
    for name in names:
        prefix, _, bare = name.rpartition(" ")
        data["icons"][f"{prefix or 'fas'} {bare}"] = find_icon(script, prefix or "fas", bare)
    icons = data.pop("icons")
    lines = [f" {json.dumps(key)}: {json.dumps(value)}" for key, value in sorted(icons.items())]
    head = json.dumps(data, indent=1)[:-2]
    icon_file.write_text(head + ',\n "icons": {\n' + ",\n".join(lines) + "\n }\n}\n", encoding="utf-8")




# --- Icons the theme's stylesheets draw from the icon font (admonition titles, "Hide Search
# Matches", external links): a subset of Font Awesome's solid font with only those glyphs, which
# site/site.css puts in front of the theme's 150 KB font for exactly those characters. --------

FONT_FILE = Path("theme") / "site-root" / "site" / "fa-solid-subset.woff"
# The theme's own icon properties (--pst-icon-*, --pst-breadcrumb-divider) and glyphs the book
# theme writes as escapes; not the ".fa-name:before" rules, which only <i> icons use.
_CSS_GLYPH = re.compile(r'--pst-[a-z-]+:\s*"([\uf000-\uf8ff])"|content:\s*"\\(f[0-9a-f]{3})"')


def stylesheet_glyphs(css_texts: list[str]) -> list[int]:
    """The private-use characters (Font Awesome glyphs) that the given stylesheets draw."""
    glyphs = set()
    for css in css_texts:
        for literal, escaped in _CSS_GLYPH.findall(css):
            glyphs.add(ord(literal) if literal else int(escaped, 16))
    return sorted(glyphs)


def make_subset_font(root: Path = Path(".")) -> list[int]:
    """Write the book's FONT_FILE from the theme's fa-solid-900 font; returns the characters it holds
    (needs fontTools: pip install -r requirements-dev.txt)."""
    import pydata_sphinx_theme
    import sphinx_book_theme
    from fontTools import subset

    static = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
    book = Path(sphinx_book_theme.__file__).parent / "theme" / "sphinx_book_theme" / "static"
    sheets = [static / "styles" / "pydata-sphinx-theme.css", book / "styles" / "sphinx-book-theme.css"]
    # The book theme's stylesheet has no ".fa-" rules, so every glyph it names is one it draws.
    pydata, book_css = (sheet.read_text(encoding="utf-8") for sheet in sheets)
    glyphs = sorted(set(stylesheet_glyphs([re.sub(r'content:\s*"\\f[0-9a-f]{3}"', "", pydata), book_css])))
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = []
    font = subset.load_font(str(static / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.ttf"), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=glyphs)
    subsetter.subset(font)
    font.flavor = "woff"
    font.save(str(root / FONT_FILE))
    return glyphs


if __name__ == "__main__":
    if sys.argv[1:] == ["--font"]:
        print(" ".join(f"U+{glyph:X}" for glyph in make_subset_font()))
    else:
        main(sys.argv[1:])
