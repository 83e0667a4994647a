"""A checklist's links to pages of the book, checked once Sphinx knows every page."""
from __future__ import annotations

from pathlib import Path

from ..engine.catalogue import check_links


def check_checklist_links(app, env):
    """env-check-consistency: fail the build when a checklist links to a page the book does not
    have, naming the file and the link."""
    folder = Path(app.srcdir) / "checklists"
    if folder.is_dir():
        check_links(folder, env.found_docs)
