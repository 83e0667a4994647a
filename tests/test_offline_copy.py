"""What the service worker keeps (src/dpup_toolkit/site/offline.py): every page, what pages load, and
the modules a page loads only when asked (the Word record), with the modules those import."""
from dpup_toolkit.site import offline

from .conftest import SITE


def test_modules_loaded_only_when_asked_are_kept_with_what_they_import(tmp_path):
    (tmp_path / "widgets" / "docx").mkdir(parents=True)
    (tmp_path / "index.html").write_text('<script src="widgets/static-widgets.js"></script>', encoding="utf-8")
    (tmp_path / "widgets" / "static-widgets.js").write_text("", encoding="utf-8")
    (tmp_path / "widgets" / "docx" / "record.mjs").write_text(
        'import * as docx from "./docx.mjs";\nimport { x } from "../shared/x.mjs";\nconst s = "./not-an-import.mjs";\n',
        encoding="utf-8")
    (tmp_path / "widgets" / "docx" / "docx.mjs").write_text('export { y } from "./y.mjs";\n', encoding="utf-8")
    (tmp_path / "widgets" / "docx" / "y.mjs").write_text("export const y = 1;\n", encoding="utf-8")
    (tmp_path / "widgets" / "shared").mkdir()
    (tmp_path / "widgets" / "shared" / "x.mjs").write_text('import "../docx/record.mjs";\n', encoding="utf-8")  # a cycle
    assert offline.site_files(tmp_path) == [
        "index.html", "widgets/docx/docx.mjs", "widgets/docx/record.mjs", "widgets/docx/y.mjs",
        "widgets/shared/x.mjs", "widgets/static-widgets.js"]
    (tmp_path / "widgets" / "docx" / "record.mjs").unlink()  # a site without the Word record
    assert offline.site_files(tmp_path) == ["index.html", "widgets/static-widgets.js"]


def test_the_built_sites_offline_copy_holds_the_word_record_and_its_library():
    files = offline.site_files(SITE)
    # The library is inside the Word record's module (widget/front_end.py bundles it from node_modules).
    assert "widgets/docx/record.mjs" in files and "widgets/docx/docx.mjs" not in files
    assert '"widgets/docx/record.mjs"' in (SITE / offline.WORKER).read_text(encoding="utf-8")
