"""The checklist widget's front-end, bundled by esbuild (pinned in package.json).

checklist.js is the entry. It imports the modules beside it, and loads some of them with import()
only when a person first needs them: records (downloads, copy, import), Compare answers, the
saved-check actions, and each item kind's module (before a tool with that kind is drawn; esbuild
finds them, item-*.js, from the pattern kinds.js imports, so no list of kinds is kept).
esbuild makes two things of them:

- for JupyterLab and Voila, one self-contained ES module, checklist.bundle.js, which anywidget loads
  as `_esm` from a blob: URL (such a module can import nothing, so the parts are inside it). People
  who install the package or use Binder have no Node, so the file is committed in the package;
  `make build` (or `python3 src/dpup_toolkit/widget/front_end.py` from the repository's root) writes it
  again, and tests/test_widget.py checks that it equals a fresh build;
- for the built site, minified modules with code splitting (write_site_modules): a tool page loads
  the code that draws its form and fetches each on-demand part the first time it is used.

The Word record's module (theme/site-root/widgets/docx/record.mjs) is bundled the same way with
the docx library from node_modules, minified (write_word_module), so no copy of the library is kept
in the repository.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
ENTRY = HERE / "checklist.js"
STYLESHEET = HERE / "checklist.css"
BUNDLE = HERE / "checklist.bundle.js"  # generated: see the module's docstring
ESBUILD = Path("node_modules") / ".bin" / "esbuild"  # under the book's root
WORD_MODULE = Path("theme") / "site-root" / "widgets" / "docx" / "record.mjs"  # under the book's root
SITE_FOLDER = "widgets"  # the built site's folder for the widget's code


class FrontEndError(RuntimeError):
    pass


def module_files() -> list[Path]:
    """The widget's source modules: the entry and everything beside it that it may import."""
    return sorted(path for path in HERE.glob("*.js") if path != BUNDLE)


def _esbuild(root: Path, *arguments: str) -> str:
    esbuild = Path(root) / ESBUILD
    if not esbuild.exists():
        raise FrontEndError(f"{ESBUILD} is missing: run `make node_modules/installed.stamp`")
    done = subprocess.run([str(esbuild), *arguments, "--log-level=error"], capture_output=True, text=True,
                          encoding="utf-8", cwd=root)
    if done.returncode:
        raise FrontEndError(f"esbuild could not bundle the widget's code: {done.stderr.strip()}")
    return done.stdout


def build_bundle(root: Path) -> str:
    """The one module anywidget loads in JupyterLab and Voila, fresh from the source."""
    return _esbuild(root, str(ENTRY), "--bundle", "--format=esm", "--legal-comments=none")


def bundled() -> str:
    """The committed bundle's text: the widget's `_esm`."""
    return BUNDLE.read_text(encoding="utf-8")


def write_bundle(root: Path) -> bool:
    """Write checklist.bundle.js from the source; returns whether it changed."""
    text = build_bundle(root)
    if BUNDLE.is_file() and bundled() == text:
        return False
    BUNDLE.write_text(text, encoding="utf-8")
    return True


def write_site_modules(site: Path, root: Path) -> str:
    """The widget's modules for the built `site`, minified and split (the entry, the chunks it
    imports and each on-demand part), in a folder named by their content so a browser never
    mixes a cached older part with a newer entry. Returns the entry's path from the site root."""
    with tempfile.TemporaryDirectory() as out:
        _esbuild(root, str(ENTRY), "--bundle", "--splitting", "--format=esm", "--minify", "--legal-comments=none",
                 f"--outdir={out}", "--entry-names=[name]", "--chunk-names=[name]-[hash]")
        files = sorted(Path(out).iterdir())
        digest = hashlib.sha256(b"".join(path.name.encode() + b"\0" + path.read_bytes() for path in files)).hexdigest()[:12]
        folder = Path(site) / SITE_FOLDER / f"checklist-{digest}"
        folder.mkdir(parents=True, exist_ok=True)
        for path in files:
            shutil.copyfile(path, folder / path.name)
    return f"{SITE_FOLDER}/checklist-{digest}/{ENTRY.name}"


def write_word_module(site: Path, root: Path) -> None:
    """The Word record's module in the built `site` with the docx library in it, minified: one file
    that the page imports only when a person asks for a Word file."""
    target = Path(site) / WORD_MODULE.relative_to(Path("theme") / "site-root")
    target.parent.mkdir(parents=True, exist_ok=True)
    _esbuild(root, str(WORD_MODULE), "--bundle", "--format=esm", "--minify", "--legal-comments=none",
             f"--outfile={target}")


if __name__ == "__main__":
    changed = write_bundle(Path.cwd())
    print(f"{BUNDLE.relative_to(Path.cwd()) if BUNDLE.is_relative_to(Path.cwd()) else BUNDLE}: "
          f"{'written' if changed else 'already up to date'}", file=sys.stderr)
