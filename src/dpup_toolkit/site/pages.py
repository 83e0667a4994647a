"""Sphinx extension for the toolkit's site (listed in _config.yml).

- Escapes every "<" in the JSON that pages embed for the widgets (see escape_embedded_json).
- Fails the build when a checklist links to a page the book does not have.
- Puts a Content-Security-Policy in every page: scripts, styles, fonts and connections come
  only from the site itself (inline scripts by hash; blob: for the widgets' own modules).
- Gives the sidebar's expand/collapse toggles an accessible name, and puts the sidebar's logo
  and search button in a landmark region (the stock theme leaves both out, which axe-core
  reports on every page).
- Keeps pages light (issue 10): icons as inline SVG instead of the theme's Font Awesome script
  (icons.py), only the extension files a page uses (assets.py), one search box, and the
  widget's module, styles and our own scripts minified (minify.py); the widget's module and the
  parts it loads on first use are files of the site (front_end.py), not embedded in each page; and
  the theme's, our own and the widget's styles and scripts as one stylesheet and one script,
  Bootstrap's script replaced (bundle.py).
- Draws each tool's form into its page at build time, and loads the widget's code only when a
  person starts to use it (prerender.py).
- Makes the site work offline after one visit: a service worker, sw.js, written for each build
  (offline.py) and registered by site/offline.js.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.util import logging

from . import assets, bundle, icons, minify, offline, prerender

logger = logging.getLogger(__name__)


def name_sidebar_toggles(toctree):
    """Label each <summary> toggle with the page it opens; takes and returns a soup or a string."""
    soup = BeautifulSoup(toctree, "html.parser") if isinstance(toctree, str) else toctree
    for summary in soup.select("li > details > summary"):
        link = summary.find_parent("li").find("a", recursive=False)
        if link is not None and not summary.get("aria-label"):
            summary["aria-label"] = f"Show or hide the pages under {link.get_text(' ', strip=True)}"
    return str(soup) if isinstance(toctree, str) else soup


def _page_context(app, pagename, templatename, context, doctree):
    generate = context.get("generate_toctree_html")
    if generate is not None and not getattr(generate, "names_toggles", False):
        def generate_named(*args, **kwargs):
            return name_sidebar_toggles(generate(*args, **kwargs))
        generate_named.names_toggles = True
        context["generate_toctree_html"] = generate_named



_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S)
_DATA_TYPE = re.compile(r'\stype="(?!text/javascript"|module")')
_EVENT_HANDLER = re.compile(r'\son[a-z]+="([^"]*)"')
CSP_META = '<meta http-equiv="Content-Security-Policy" content="{}">'


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def content_security_policy(html: str) -> str:
    """The policy for one page: its own inline scripts and the theme's onclick handlers by hash,
    everything else from the site."""
    scripts = sorted({_sha256(match["body"]) for match in _INLINE_SCRIPT.finditer(html)
                      if "src=" not in match["attributes"] and not _DATA_TYPE.search(match["attributes"])})
    handlers = sorted({_sha256(code) for code in _EVENT_HANDLER.findall(html)})
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self' blob:", *scripts, *(["'unsafe-hashes'", *handlers] if handlers else [])]),
        "style-src 'self' 'unsafe-inline'",  # the theme and the widgets set styles inline
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


# JSON that myst-nb embeds in <script> tags (widget state and views). It escapes only "</", but
# the HTML parser also reacts to "<!--" followed by "<script" inside a script: the rest of the
# page is swallowed and the page goes blank. "\u003c" is the same character to JSON.parse.
_JSON_SCRIPT = re.compile(r'(<script type="application/[a-z0-9.+-]*json"[^>]*>)(.*?)(</script>)', re.S)


def escape_embedded_json(html: str) -> str:
    r"""Every "<" inside an embedded JSON script written as "\u003c", so no text can end or
    change the script."""
    return _JSON_SCRIPT.sub(lambda m: m[1] + m[2].replace("<", "\\u003c") + m[3], html)


_SIDEBAR_ITEMS = '<div class="sidebar-primary-items__start sidebar-primary__section">'


def lighten_page(html: str, pagename: str, icon_set: dict, search_as_you_type: bool = False,
                 options_js: str | None = None, bundles: dict | None = None) -> str:
    """A written page with its icons inline, without the scripts it does not use, (given
    Sphinx's documentation_options.js) nothing in its head that blocks reading it, and (given
    the bundles bundle.py wrote) the theme's files as those few files."""
    html = assets.drop_fontawesome_script(html)
    html = assets.drop_search_scripts(html, pagename, search_as_you_type)  # before they are deferred
    if options_js is not None:
        html = assets.unblock_head(html, pagename, options_js)
    html = assets.drop_thebe_settings(html)
    html = assets.lazy_menu_logos(html)
    html = bundle.use_bundles(html, pagename, bundles or {})
    return icons.inline_icons(html, icon_set)


def finish_page(html: str) -> str:
    """A written page with its sidebar in a landmark, its embedded JSON inert to the HTML parser,
    and its Content-Security-Policy in place."""
    html = escape_embedded_json(html)
    if 'http-equiv="Content-Security-Policy"' in html:
        return html  # finished on an earlier build
    html = html.replace(_SIDEBAR_ITEMS, _SIDEBAR_ITEMS[:-1] + ' role="region" aria-label="Site menu">')
    meta = CSP_META.format(content_security_policy(html))
    return html.replace("<head>", "<head>\n  " + meta, 1)


OWN_ASSET_FOLDERS = ("widgets", "site", "navigation")  # theme/site-root/, copied as-is by Sphinx


def _build_finished(app, exception):
    if exception is None and app.builder.format == "html":
        icon_set = icons.load_icons()
        as_you_type = bool(app.builder.theme_options.get("search_as_you_type"))
        outdir, root = Path(app.outdir), Path(app.srcdir)
        options = outdir / "_static" / "documentation_options.js"
        options_js = options.read_text(encoding="utf-8") if options.is_file() else None
        module_file = None
        to_draw = []
        try:
            for folder in OWN_ASSET_FOLDERS:
                if (outdir / folder).is_dir():
                    minify.minify_files(root / "theme" / "site-root" / folder, outdir / folder, root)
            minify.version_runtime(outdir / "widgets")
            module_file = minify.write_front_end(outdir, root)
        except minify.MinifyError as problem:
            logger.warning(str(problem))
        try:
            bundles = bundle.write_bundles(outdir, root)
        except (bundle.BundleError, minify.MinifyError) as problem:
            logger.warning(str(problem))
            bundles = {}
        for page in outdir.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            if 'http-equiv="Content-Security-Policy"' in html:
                continue  # finished on an earlier build
            pagename = page.relative_to(outdir).with_suffix("").as_posix()
            try:
                html = lighten_page(html, pagename, icon_set, as_you_type, options_js, bundles)
            except icons.UnknownIcon as problem:
                logger.warning(f"{pagename}: {problem}", location=pagename)
            try:
                html = minify.minify_widget_state(html, root, module_file, styled_by_site=bool(bundles))
            except minify.MinifyError as problem:
                logger.warning(f"{pagename}: {problem}", location=pagename)
            model = prerender.drawable(html) if module_file else None
            if model is not None:
                to_draw.append((page, html, model))  # written once its form is drawn
                continue
            page.write_text(finish_page(html), encoding="utf-8")
        _draw_forms(to_draw, outdir, root)
        offline.write_service_worker(outdir)


def _draw_forms(to_draw, outdir: Path, root: Path) -> None:
    """Write each (page, html, model) with its form drawn at build time (prerender.py); a page
    whose form cannot be drawn is written as it is, and the build warns."""
    forms = []
    for page, html, model in to_draw:
        forms.append({"state": model, "root": assets.content_root(html) or "",
                      "url": f"http://localhost/{page.relative_to(outdir).as_posix()}"})
    try:
        drawn = prerender.draw(forms, root) if forms else []
    except prerender.PrerenderError as problem:
        logger.warning(str(problem))
        drawn = [None] * len(forms)
    for (page, html, model), form in zip(to_draw, drawn):
        if form is not None:
            html = prerender.place(html, page, form, model["definition"]["id"])
        page.write_text(finish_page(html), encoding="utf-8")


def one_search_box(app, config):
    """config-inited: no search box in the wide-screen header; the sidebar's (and Ctrl+K) stay."""
    config.html_theme_options.setdefault("navbar_persistent", [])


def _check_checklist_links(app, env):
    """Fail the build when a checklist links to a page the book does not have."""
    from ..engine.catalogue import check_links

    folder = Path(app.srcdir) / "checklists"
    if folder.is_dir():
        check_links(folder, env.found_docs)


def setup(app):
    app.connect("env-check-consistency", _check_checklist_links)
    app.connect("config-inited", one_search_box)
    app.connect("html-page-context", _page_context, priority=900)
    app.connect("html-page-context", assets.trim_page_assets, priority=950)
    app.add_css_file("../site/site.css")
    app.add_js_file("../site/offline.js", defer="defer")
    app.connect("build-finished", _build_finished, priority=900)  # after the theme rewrites pygments.css
    return {"parallel_read_safe": True, "parallel_write_safe": True}
