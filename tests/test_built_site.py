"""The built site carries the current widget and checklist (not a stale executed copy), and its
pages load widget code only from the site itself."""
import hashlib
import re
from pathlib import Path

import pytest
import yaml

import dpup_toolkit
from dpup_toolkit import list_checklists
from dpup_toolkit.engine.catalogue import catalogue_entries
from dpup_toolkit.site.minify import minify
from dpup_toolkit.site.prerender import widget_state
from dpup_toolkit.widget import front_end
from dpup_toolkit.site import publishing

from .conftest import ROOT, SITE

def widget_states(page):
    """The page's anywidget states: in the page, or in the file beside it (a tool page, prerender.py)."""
    state = widget_state(SITE / page)
    return [model["state"] for model in state["state"].values() if model["model_name"] == "AnyModel"]


@pytest.mark.parametrize("checklist", list_checklists(ROOT / "checklists"), ids=lambda c: c.id)
def test_each_checklist_page_carries_the_current_widget_and_data(checklist, tmp_path):
    page = f"checklists/{checklist.id}.html"
    (state,) = widget_states(page)
    package = Path(dpup_toolkit.__file__).parent / "widget"
    # The current styles, minified for the site (minify.py), with no source map, end the site's
    # one stylesheet (bundle.py), so every page has them and none embeds them; the current module
    # and its parts, bundled, split and minified by esbuild (widget/front_end.py), are files of the site.
    folder = SITE / Path(state["_esm_file"]).parent
    source = (package / "checklist.css").read_text(encoding="utf-8")
    styles = minify(source, "css", ROOT)
    assert len(styles) < 0.8 * len(source) and "sourceMappingURL" not in styles
    html = (SITE / page).read_text(encoding="utf-8")
    assert re.findall(r'<link rel="stylesheet"[^>]*href="([^"?]+)', html) == ["../site/dpup.css"]
    assert (SITE / "site" / "dpup.css").read_text(encoding="utf-8").endswith("\n" + styles)
    assert "_css" not in state and "_esm" not in state
    assert state["_esm_file"].startswith("widgets/checklist-") and Path(state["_esm_file"]).name == "checklist.js"
    assert front_end.write_site_modules(tmp_path, ROOT) == state["_esm_file"]
    fresh = tmp_path / state["_esm_file"]
    assert {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir()} == \
        {path.name: path.read_text(encoding="utf-8") for path in fresh.parent.iterdir()}
    assert not any("sourceMappingURL" in path.read_text(encoding="utf-8") for path in folder.iterdir())
    definition = checklist.model_dump(mode="json")
    if catalogue_entries(checklist):  # the navigator carries the tools it can offer
        definition["catalogue"] = catalogue_entries(checklist)
    assert state["definition"] == definition
    assert state["answers"] == {}


def test_the_word_record_module_carries_the_pinned_library_minified(tmp_path):
    # One file, fetched only when a person asks for a Word file: the record's layout with the docx
    # library from node_modules, bundled and minified (widget/front_end.py); nothing left to import.
    built = SITE / "widgets" / "docx" / "record.mjs"
    front_end.write_word_module(tmp_path, ROOT)
    assert built.read_text(encoding="utf-8") == (tmp_path / "widgets" / "docx" / "record.mjs").read_text(encoding="utf-8")
    text = built.read_text(encoding="utf-8")
    assert not re.search(r'(?:\bfrom|\bimport)\s*["\']', text) and "docxBlob" in text
    assert not (SITE / "widgets" / "docx" / "docx.mjs").exists()
    assert len(text) < 400_000


def test_the_waiting_script_is_part_of_the_sites_one_script_and_asks_for_this_builds_runtime():
    # The waiting script, minified, asks for the runtime of the same build (minify.version_runtime)
    # and comes as the last part of the site's one script (bundle.py): no page asks for it apart.
    widgets = ROOT / "theme" / "site-root" / "widgets"
    runtime = minify((widgets / "static-runtime.js").read_text(encoding="utf-8"), "js", ROOT)
    assert (SITE / "widgets" / "static-runtime.js").read_text(encoding="utf-8") == runtime
    version = hashlib.sha256(runtime.encode("utf-8")).hexdigest()[:8]
    waiting = minify((widgets / "static-widgets.js").read_text(encoding="utf-8"), "js", ROOT).replace(
        "__RUNTIME_VERSION__", version)
    assert f"static-runtime.js?v={version}" in waiting
    bundled = (SITE / "site" / "dpup.js").read_text(encoding="utf-8")
    assert bundled.endswith(";\n" + waiting)
    for page in ("case_studies/over-65-population.html", "checklists/purpose-statement.html"):
        html = (SITE / page).read_text(encoding="utf-8")
        scripts = [s.split("?")[0] for s in re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)]
        assert scripts == ["../site/dpup.js"]


def test_tool_pages_offer_binder_and_voila_launches_from_the_one_repository_setting():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    found = publishing.settings(ROOT)  # _config.yml's repository, or the one the Pages workflow passes
    repository = found.repository_url.removeprefix("https://github.com/")
    binder = f"{config['launch_buttons']['binderhub_url']}/v2/gh/{repository}/{found.branch}"
    html = (SITE / "checklists" / "purpose-statement.html").read_text(encoding="utf-8")
    assert f"{binder}?urlpath=voila%2Frender%2Fchecklists%2Fpurpose-statement.ipynb" in html
    assert f"{binder}?urlpath=lab/tree/checklists/purpose-statement.ipynb" in html
    assert "voila%2Frender" not in (SITE / "book" / "index.html").read_text(encoding="utf-8")


def test_every_page_settles_its_colour_mode_before_the_first_paint():
    # theme/templates/layout.html rewrites the theme's first script; if a new theme version writes
    # it differently, the rewrite does nothing, and this says so.
    pages = [page for page in SITE.rglob("*.html") if 'data-cfasync="false"' in page.read_text(encoding="utf-8")]
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'localStorage.getItem("theme")' not in html, page
        assert 'matchMedia("(prefers-color-scheme: dark)")' in html.split("</head>")[0], page


def _static_imports(folder, name):
    return re.findall(r'(?:\bfrom|\bimport)\s*"\./([^"]+)"', (folder / name).read_text(encoding="utf-8"))


def test_a_tool_loads_the_widgets_code_in_two_files_and_each_part_only_adds_its_own(tmp_path):
    # esbuild's splitting alone put the code the form shares with its on-demand parts into one
    # chunk per set of parts sharing it: five files before a form could work. front_end.py makes
    # it one chunk, which every part reuses and which itself loads nothing more.
    entry = tmp_path / front_end.write_site_modules(tmp_path, ROOT)
    folder = entry.parent
    (chunk,) = _static_imports(folder, entry.name)
    assert _static_imports(folder, chunk) == []
    parts = [path.name for path in folder.iterdir() if path.name not in (entry.name, chunk)]
    assert len(parts) > 3, "records, Compare answers and saved-check actions load on demand"
    for name in parts:
        assert entry.name not in _static_imports(folder, name)
        assert chunk in _static_imports(folder, name) or not name.startswith(("item-", "result-")), name


def test_the_sites_logo_keeps_its_room_before_its_file_arrives():
    # The stylesheet sets only the logo's height: its width and height (as the SVG's viewBox
    # gives them) let the browser lay out the site's name beside it at once (assets.size_logos).
    view_box = re.search(r'viewBox="0 0 (\d+) (\d+)"', (ROOT / "theme" / "brand" / "wordmark.svg").read_text(encoding="utf-8"))
    pages = [page for page in SITE.rglob("*.html") if "logo__image" in page.read_text(encoding="utf-8")]
    assert len(pages) > 50
    for page in pages:
        logos = re.findall(r'<img [^>]*class="logo__image[^>]*>', page.read_text(encoding="utf-8"))
        assert logos and all(f'width="{view_box[1]}" height="{view_box[2]}"' in logo for logo in logos), page
