"""Sphinx extension for the toolkit's site (listed in _config.yml).

- Escapes every "<" in the JSON that pages embed for the widgets (see escape_embedded_json).
- Fails the build when a checklist links to a page the book does not have.
- Puts a Content-Security-Policy in every page: scripts, styles, fonts and connections come
  only from the site itself (inline scripts by hash; blob: for the widgets' own modules).
- Gives the sidebar's expand/collapse toggles an accessible name, and puts the sidebar's logo
  and search button in a landmark region (the stock theme leaves both out, which axe-core
  reports on every page).
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from bs4 import BeautifulSoup


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


def finish_page(html: str) -> str:
    """A written page with its sidebar in a landmark, its embedded JSON inert to the HTML parser,
    and its Content-Security-Policy in place."""
    html = escape_embedded_json(html)
    if 'http-equiv="Content-Security-Policy"' in html:
        return html  # finished on an earlier build
    html = html.replace(_SIDEBAR_ITEMS, _SIDEBAR_ITEMS[:-1] + ' role="region" aria-label="Site menu">')
    meta = CSP_META.format(content_security_policy(html))
    return html.replace("<head>", "<head>\n  " + meta, 1)


def _build_finished(app, exception):
    if exception is None and app.builder.format == "html":
        for page in Path(app.outdir).rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            finished = finish_page(html)
            if finished != html:
                page.write_text(finished, encoding="utf-8")


def _check_checklist_links(app, env):
    """Fail the build when a checklist links to a page the book does not have."""
    from .catalogue import check_links

    folder = Path(app.srcdir) / "checklists"
    if folder.is_dir():
        check_links(folder, env.found_docs)


def setup(app):
    app.connect("env-check-consistency", _check_checklist_links)
    app.connect("html-page-context", _page_context, priority=900)
    app.connect("build-finished", _build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
