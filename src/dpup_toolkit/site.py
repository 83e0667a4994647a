"""Sphinx extension for the toolkit's site (listed in _config.yml).

- Gives the sidebar's expand/collapse toggles an accessible name (the stock theme leaves them
  nameless, which axe-core reports as serious on every page).
- Adds a "Voila (Binder)" launch button to the tool pages, built from the same repository URL
  and BinderHub settings as Jupyter Book's own Binder button.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from bs4 import BeautifulSoup


def name_sidebar_toggles(toctree):
    """Label each <summary> toggle with the page it opens; takes and returns a soup or a string."""
    soup = BeautifulSoup(toctree, "html.parser") if isinstance(toctree, str) else toctree
    for summary in soup.select("li > details > summary"):
        link = summary.find_parent("li").find("a", recursive=False)
        if link is not None and not summary.get("aria-label"):
            summary["aria-label"] = f"Show or hide the pages under {link.get_text(' ', strip=True)}"
    return str(soup) if isinstance(toctree, str) else soup


def voila_binder_url(binderhub_url: str, repository_url: str, branch: str, notebook: str) -> str:
    repository = re.sub(r"^https://github\.com/|/$", "", repository_url)
    return (f"{binderhub_url.rstrip('/')}/v2/gh/{repository}/{branch}"
            f"?urlpath={quote('voila/render/' + notebook, safe='')}")


def _page_context(app, pagename, templatename, context, doctree):
    generate = context.get("generate_toctree_html")
    if generate is not None and not getattr(generate, "names_toggles", False):
        def generate_named(*args, **kwargs):
            return name_sidebar_toggles(generate(*args, **kwargs))
        generate_named.names_toggles = True
        context["generate_toctree_html"] = generate_named

    options = app.config.html_theme_options
    binderhub = options.get("launch_buttons", {}).get("binderhub_url")
    repository = options.get("repository_url")
    if not (pagename.startswith("checklists/") and binderhub and repository):
        return
    url = voila_binder_url(binderhub, repository, options.get("repository_branch", "main"), f"{pagename}.ipynb")
    for group in context.get("header_buttons", []):
        if group.get("label") == "launch-buttons":
            group["buttons"].append({
                "type": "link", "text": "Voila (Binder)", "tooltip": "Open this tool as an app on Binder",
                "icon": "_static/images/logo_binder.svg", "url": url, "label": "voila-binder-button",
            })


def setup(app):
    app.connect("html-page-context", _page_context, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
