"""The Sphinx extension for the toolkit's site (listed in _config.yml), and the site build it runs.

One module per hook:

- links.py: the build fails when a checklist links to a page the book does not have.
- sidebar.py: the sidebar's expand/collapse toggles get an accessible name; one search box.
- assets.py: each page keeps only the extension files it uses.
- pages.py: when the build ends, every written page is finished: icons as inline SVG
  (icons.py), the theme's files as a few bundles (bundle.py), the widget's module and our own
  scripts and styles minified (minify.py), each tool's form drawn in at build time
  (prerender.py), embedded JSON inert, a Content-Security-Policy, and sw.js for reading offline
  (offline.py, registered by site/offline.js).

navigation.py is a second extension (wayfinding, page descriptions, the site search's folding).
Files of the book (the theme's site-root/, icons and templates) are read from the book's folder,
Sphinx's srcdir, never from where this package is installed.
"""
from __future__ import annotations

from . import assets, links, pages, sidebar


def setup(app):
    app.connect("config-inited", sidebar.one_search_box)
    app.connect("env-check-consistency", links.check_checklist_links)
    app.connect("html-page-context", sidebar.name_toggles_in_context, priority=900)
    app.connect("html-page-context", assets.trim_page_assets, priority=950)
    app.connect("build-finished", pages.build_finished, priority=900)  # after the theme rewrites pygments.css
    app.add_css_file("../site/site.css")
    app.add_js_file("../site/offline.js", defer="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
