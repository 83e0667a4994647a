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
  the code that draws its form and fetches each on-demand part the first time it is used. esbuild
  puts code that the entry shares with on-demand parts into a chunk for each set of parts that
  share it, so the entry alone would load with several chunks. Every file those chunks hold is
  made an import of every module (esbuild's inject), so they share one chunk: the entry loads
  with one file, in fewer bytes, and each part still loads only its own code.

The Word record's module (theme/site-root/widgets/docx/record.mjs) is bundled the same way with
the docx library from node_modules, minified (write_word_module), so no copy of the library is kept
in the repository.
"""
from __future__ import annotations

import hashlib
import json
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


def _always_loaded(root: Path, metafile: Path, entry_output: Path) -> list[Path]:
    """The source files of the chunks the entry's module imports as it loads (not on demand), in
    the order they run, from a split build's esbuild metafile."""
    outputs = {(root / name).resolve(): output for name, output in
               json.loads(metafile.read_text(encoding="utf-8"))["outputs"].items()}
    files, waiting, seen = [], [entry_output.resolve()], set()
    while waiting:
        output = outputs[waiting.pop(0)]
        for imported in output["imports"]:
            chunk = (root / imported["path"]).resolve()
            if imported["kind"] == "import-statement" and chunk not in seen:
                seen.add(chunk)
                waiting.append(chunk)
                files += [(root / name).resolve() for name in outputs[chunk]["inputs"] if name.endswith(".js")]
    return files


def _split(root: Path, out: Path, *extra: str) -> None:
    _esbuild(root, str(ENTRY), "--bundle", "--splitting", "--format=esm", "--minify", "--legal-comments=none",
             f"--outdir={out}", "--entry-names=[name]", "--chunk-names=[name]-[hash]", *extra)


def write_site_modules(site: Path, root: Path) -> str:
    """The widget's modules for the built `site`, minified and split (the entry, the one chunk it
    imports and each on-demand part), in a folder named by their content so a browser never
    mixes a cached older part with a newer entry. Returns the entry's path from the site root."""
    root = Path(root).resolve()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        _split(root, scratch / "first", f"--metafile={scratch / 'first.json'}")
        shared = _always_loaded(root, scratch / "first.json", scratch / "first" / ENTRY.name)
        (scratch / "always-loaded.js").write_text("".join(f"import {json.dumps(str(path))};\n" for path in shared),
                                                  encoding="utf-8")
        out = scratch / "site"
        _split(root, out, *([f"--inject:{scratch / 'always-loaded.js'}"] if shared else []))
        files = sorted(out.iterdir())
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
