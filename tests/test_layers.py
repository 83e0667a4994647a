"""The package's layers (ARCHITECTURE.md): a lower layer never imports a higher one, so the engine
runs without a widget or Sphinx, and the widget without the site build."""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dpup_toolkit"
RECORDS = ("records", "compare")  # the records package, and comparing records
# Each layer, and the parts of the package it may not import.
FORBIDDEN = {
    "engine": {"widget", "site", *RECORDS},
    "records": {"widget", "site"},
    "widget": {"site"},
}


def layer_of(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    top = parts[0] if len(parts) > 1 else path.stem
    return "records" if top in RECORDS else top if top in FORBIDDEN else None


def imported_parts(source: str, where: Path) -> set[str]:
    """The first part, inside the package, of every module the module at `where` (a path inside
    the package) imports."""
    folder = list(where.parts[:-1])
    parts = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = folder[:len(folder) - (node.level - 1)] if node.level - 1 <= len(folder) else []
            target = [*base, *(node.module.split(".") if node.module else [])]
            parts.update(target[:1] or [alias.name for alias in node.names])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dpup_toolkit."):
            parts.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            parts.update(alias.name.split(".")[1] for alias in node.names if alias.name.startswith("dpup_toolkit."))
    return parts


MODULES = [path for path in sorted(PACKAGE.rglob("*.py")) if layer_of(path) in FORBIDDEN]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_a_layer_imports_nothing_above_it(path):
    found = imported_parts(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE))
    assert not found & FORBIDDEN[layer_of(path)]


def test_the_check_sees_an_import_from_above():
    assert "site" in imported_parts("from ..site import pages\n", Path("engine/x.py"))
    assert "widget" in imported_parts("from ..widget import ChecklistWidget\n", Path("records/x.py"))
    assert "site" in imported_parts("from dpup_toolkit.site.pages import finish_page\n", Path("widget/x.py"))
    assert imported_parts("from .schema import Checklist\n", Path("engine/x.py")) == {"engine"}
