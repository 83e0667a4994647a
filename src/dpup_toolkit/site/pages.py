"""The pages as Sphinx wrote them, finished for the site when the build ends.

Each page gets its icons inline, only the scripts it uses, the theme's files as the site's few
bundles, its tool's form drawn in, its embedded JSON made inert to the HTML parser, and a
Content-Security-Policy that lets scripts, styles, fonts and connections come only from the site
itself. Each says it is in New Zealand English (`lang="en-NZ"`), with every te reo Māori word
listed in te_reo.yml marked `lang="mi"`, tools' drawn forms included (te_reo.py). The site's root
gets a real page (publishing.py). Then sw.js lists what the finished site loads, for reading offline.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from sphinx.util import logging

from .. import te_reo
from . import assets, bundle, icons, minify, offline, prerender, publishing

logger = logging.getLogger(__name__)


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
                 options_js: str | None = None, bundles: dict | None = None, static: Path | None = None) -> str:
    """A written page with its icons inline, without the scripts it does not use, (given
    Sphinx's documentation_options.js) nothing in its head that blocks reading it, (given
    the bundles bundle.py wrote) the theme's files as those few files, and (given the site's
    _static folder) its logo's size."""
    html = assets.drop_fontawesome_script(html)
    html = assets.drop_search_scripts(html, pagename, search_as_you_type)  # before they are deferred
    if options_js is not None:
        html = assets.unblock_head(html, pagename, options_js)
    html = assets.drop_thebe_settings(html)
    html = assets.lazy_menu_logos(html)
    if static is not None:
        html = assets.size_logos(html, static)
    html = bundle.use_bundles(html, pagename, bundles or {})
    return icons.inline_icons(html, icon_set)


PAGE_LANG = "en-NZ"
_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def finish_page(html: str) -> str:
    """A written page with its sidebar in a landmark, its embedded JSON inert to the HTML parser,
    its language (New Zealand English, te reo Māori words marked) and its Content-Security-Policy
    in place."""
    html = escape_embedded_json(html)
    if 'http-equiv="Content-Security-Policy"' in html:
        return html  # finished on an earlier build
    html = te_reo.mark_html(_HTML_LANG.sub(f'<html lang="{PAGE_LANG}"', html, count=1))
    html = html.replace(_SIDEBAR_ITEMS, _SIDEBAR_ITEMS[:-1] + ' role="region" aria-label="Site menu">')
    meta = CSP_META.format(content_security_policy(html))
    return html.replace("<head>", "<head>\n  " + meta, 1)


OWN_ASSET_FOLDERS = ("widgets", "site", "navigation")  # theme/site-root/, copied as-is by Sphinx


def build_finished(app, exception):
    """build-finished: finish every written page of an HTML build, then write sw.js."""
    if exception is None and app.builder.format == "html":
        outdir, root = Path(app.outdir), Path(app.srcdir)
        icon_set = icons.load_icons(root)
        as_you_type = bool(app.builder.theme_options.get("search_as_you_type"))
        options = outdir / "_static" / "documentation_options.js"
        options_js = options.read_text(encoding="utf-8") if options.is_file() else None
        module_file = None
        to_draw = []
        publishing.write_root_page(app)
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
                html = lighten_page(html, pagename, icon_set, as_you_type, options_js, bundles, outdir / "_static")
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
        offline.write_service_worker(outdir, root)


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
