"""The checklist widget's front-end: checklist.js and the parts it loads when they are needed.

A part is an ES module that imports what it needs from checklist.js (and from a part before it):
records.js (with blocks.js, the record's layout, which it imports) and compare.js load when a
person first downloads, copies, opens or compares records,
checks.js when a person first starts, renames or deletes a saved check;
text.js and choice.js (kinds of item and result beyond questions) load before a tool that uses
them is drawn. Each function lives in one of these files only. They run in two ways:

- on the built site, as files side by side (minify.write_front_end), so a tool page transfers the
  form it draws and not code it may never use;
- in JupyterLab and Voila, as anywidget's `_esm`: one module, from a blob: URL that cannot import
  other files. `bundle` appends each part to checklist.js, drops the parts' imports (the names are
  then in the one module) and hands checklist.js each part's exports in its PARTS.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
MODULE = HERE / "checklist.js"
STYLESHEET = HERE / "checklist.css"
PARTS = ("blocks", "records", "compare", "checks", "text", "choice")  # each after the parts it imports
_IMPORT = re.compile(r'^import \{[^}]*\} from "\./[a-z-]+\.js";\n', re.M)
_EXPORTS = re.compile(r"^export \{([^}]*)\};", re.M)


def module_files() -> list[Path]:
    """checklist.js and its parts, as the built site serves them side by side."""
    return [MODULE, *(HERE / f"{name}.js" for name in PARTS)]


def bundle() -> str:
    """checklist.js with every part in it: one self-contained module for anywidget."""
    out = [MODULE.read_text(encoding="utf-8")]
    for name in PARTS:
        source = (HERE / f"{name}.js").read_text(encoding="utf-8")
        exported = [n.strip() for n in ",".join(_EXPORTS.findall(source)).split(",") if n.strip()]
        out.append(f"// ---- {name}.js (bundled by front_end.py)\n{_IMPORT.sub('', source)}"
                   f"PARTS[{json.dumps(name)}] = {{ {', '.join(exported)} }};\n")
    return "\n".join(out)
