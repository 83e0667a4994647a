"""The built site carries the current widget and checklist (not a stale executed copy), and its
pages load widget code only from the site itself."""
import json
import re
from pathlib import Path

import pytest
import yaml

import dpup_toolkit
from dpup_toolkit import front_end, list_checklists
from dpup_toolkit.catalogue import catalogue_entries
from dpup_toolkit.minify import minify

from .conftest import ROOT, SITE

STATE = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>', re.S)


def widget_states(page):
    html = (SITE / page).read_text(encoding="utf-8")
    (state,) = STATE.findall(html)
    return [model["state"] for model in json.loads(state)["state"].values() if model["model_name"] == "AnyModel"]


@pytest.mark.parametrize("checklist", list_checklists(ROOT / "checklists"), ids=lambda c: c.id)
def test_each_checklist_page_embeds_the_current_widget_and_data(checklist):
    (state,) = widget_states(f"checklists/{checklist.id}.html")
    package = Path(dpup_toolkit.__file__).parent
    # The current styles, minified for the site (minify.py), with no source map; the current module
    # and its parts are files of the site beside each other, minified, not embedded in the page.
    source = (package / "checklist.css").read_text(encoding="utf-8")
    assert state["_css"] == minify(source, "css", ROOT) and len(state["_css"]) < 0.8 * len(source)
    assert "_esm" not in state
    folder = SITE / Path(state["_esm_file"]).parent
    assert state["_esm_file"].startswith("widgets/checklist-") and Path(state["_esm_file"]).name == "checklist.js"
    for path in front_end.module_files():
        built = (folder / path.name).read_text(encoding="utf-8")
        assert built == minify(path.read_text(encoding="utf-8"), "js", ROOT)
        assert len(built) < 0.8 * path.stat().st_size and "sourceMappingURL" not in built
    definition = checklist.model_dump(mode="json")
    if catalogue_entries(checklist):  # the navigator carries the tools it can offer
        definition["catalogue"] = catalogue_entries(checklist)
    assert state["definition"] == definition
    assert state["answers"] == {}


def test_widget_pages_load_only_the_small_static_runtime_from_this_site():
    html = (SITE / "checklists" / "purpose-statement.html").read_text(encoding="utf-8")
    scripts = [s.split("?")[0] for s in re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)]
    assert "../_static/../widgets/static-widgets.js" in scripts
    assert not [s for s in scripts if "://" in s or "require" in s or "embed-amd" in s]
    runtime = (ROOT / "theme" / "site-root" / "widgets" / "static-widgets.js").read_text(encoding="utf-8")
    assert (SITE / "widgets" / "static-widgets.js").read_text(encoding="utf-8") == minify(runtime, "js", ROOT)


def test_tool_pages_offer_binder_and_voila_launches_from_the_one_repository_setting():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    repository = config["repository"]["url"].removeprefix("https://github.com/")
    binder = f"{config['launch_buttons']['binderhub_url']}/v2/gh/{repository}/{config['repository']['branch']}"
    html = (SITE / "checklists" / "purpose-statement.html").read_text(encoding="utf-8")
    assert f"{binder}?urlpath=voila%2Frender%2Fchecklists%2Fpurpose-statement.ipynb" in html
    assert f"{binder}?urlpath=lab/tree/checklists/purpose-statement.ipynb" in html
    assert "voila%2Frender" not in (SITE / "book" / "index.html").read_text(encoding="utf-8")
