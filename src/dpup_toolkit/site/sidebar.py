"""The theme's sidebar, made usable by keyboard and screen reader, and its search box the only one.

The stock theme leaves the sidebar's expand/collapse toggles without a name (axe-core reports it
on every page), and shows a second search box in the wide-screen header.
"""
from __future__ import annotations

from bs4 import BeautifulSoup


def name_sidebar_toggles(toctree):
    """Label each <summary> toggle with the page it opens; takes and returns a soup or a string."""
    soup = BeautifulSoup(toctree, "html.parser") if isinstance(toctree, str) else toctree
    for summary in soup.select("li > details > summary"):
        link = summary.find_parent("li").find("a", recursive=False)
        if link is not None and not summary.get("aria-label"):
            summary["aria-label"] = f"Show or hide the pages under {link.get_text(' ', strip=True)}"
    return str(soup) if isinstance(toctree, str) else soup


def name_toggles_in_context(app, pagename, templatename, context, doctree):
    """html-page-context: the theme's sidebar generator, wrapped so its toggles come out named."""
    generate = context.get("generate_toctree_html")
    if generate is not None and not getattr(generate, "names_toggles", False):
        def generate_named(*args, **kwargs):
            return name_sidebar_toggles(generate(*args, **kwargs))
        generate_named.names_toggles = True
        context["generate_toctree_html"] = generate_named


def one_search_box(app, config):
    """config-inited: no search box in the wide-screen header; the sidebar's (and Ctrl+K) stay."""
    config.html_theme_options.setdefault("navbar_persistent", [])
