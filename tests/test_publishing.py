"""Ready to publish: the site's address, repository and feedback route come from one
place (publishing.py: the environment the Pages workflow sets, else _config.yml); a build for
publishing stops on placeholders; every page offers "Suggest a change"; the site's root is a page."""
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from dpup_toolkit.site import publishing

from .conftest import ROOT, SITE

FOUND = publishing.settings(ROOT)
FORK = {"DPUP_REPOSITORY_URL": "https://github.com/Kahu-Trust/dpup-toolkit",
        "DPUP_SITE_URL": "https://kahu-trust.github.io/dpup-toolkit"}


def test_a_fork_on_github_pages_needs_no_value_set_by_hand():
    """What the Pages workflow passes is enough: the site's address and the repository, no placeholder."""
    found = publishing.settings(ROOT, FORK)
    assert found.repository_url == "https://github.com/Kahu-Trust/dpup-toolkit"
    assert found.site_url == "https://kahu-trust.github.io/dpup-toolkit/"
    assert found.sources["site address"] == "environment variable DPUP_SITE_URL"
    assert found.placeholders() == []
    line = publishing.check(found, publishing=True)
    assert line.startswith("Publishing build uses: site address https://kahu-trust.github.io/dpup-toolkit/")
    assert "no feedback email: feedback goes to the repository's issue tracker" in line


def test_without_a_site_address_the_repositorys_pages_address_is_used():
    found = publishing.settings(ROOT, {"DPUP_REPOSITORY_URL": "https://github.com/Kahu-Trust/dpup-toolkit.git"})
    assert found.site_url == "https://kahu-trust.github.io/dpup-toolkit/"
    assert "GitHub Pages address" in found.sources["site address"]


@pytest.mark.parametrize("environ, named", [
    ({}, "repository https://github.com/your-organisation/dpup-toolkit"),  # as the repository ships
    ({**FORK, "DPUP_FEEDBACK_EMAIL": "feedback@example.org"}, "feedback email feedback@example.org"),
    ({**FORK, "DPUP_SITE_URL": "https://toolkit.example.com/"}, "site address https://toolkit.example.com/"),
])
def test_a_build_for_publishing_refuses_placeholders_and_a_local_build_names_them(environ, named):
    found = publishing.settings(ROOT, environ)
    with pytest.raises(publishing.PublishingError, match="cannot use placeholder values") as refused:
        publishing.check(found, publishing=True)
    assert named in str(refused.value)
    local = publishing.check(found, publishing=False)
    assert local.startswith("Local build (not for publishing) uses: site address ")
    assert named in local.split("placeholders: ")[1]


def test_the_real_build_stops_before_writing_anything_when_publishing_with_placeholders(tmp_path):
    """The build as the Pages workflow runs it (DPUP_PUBLISH=1), but with the repository's placeholders left in."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DPUP_")}
    env["DPUP_PUBLISH"] = "1"
    done = subprocess.run([str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT), "--path-output",
                           str(tmp_path)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "cannot use placeholder values" in done.stdout + done.stderr
    assert not list(tmp_path.rglob("*.html")), "no page was written"


def test_the_pages_workflow_passes_the_repository_and_the_sites_address():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    build = next(i for i, step in enumerate(steps) if step.get("run", "").strip().startswith("make "))
    pages = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/configure-pages"))
    assert pages < build, "the site's address is known before the build"
    env = steps[build]["env"]
    assert env["DPUP_PUBLISH"] == "1"
    assert env["DPUP_REPOSITORY_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert env["DPUP_SITE_URL"] == f"${{{{ steps.{steps[pages]['id']}.outputs.base_url }}}}"


def test_the_issue_template_takes_the_page_suggest_a_change_fills_in():
    template = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / publishing.ISSUE_TEMPLATE).read_text(encoding="utf-8"))
    assert template["name"] == "Suggest a change"
    fields = {field.get("id"): field for field in template["body"]}
    assert fields["page"]["type"] == "input" and fields["page"]["validations"]["required"]
    assert "personal information" in template["body"][0]["attributes"]["value"]


def built_pages():
    """Every page of the book (not the root page, which leads on to one, nor the theme's fragments)."""
    return sorted(p for p in SITE.rglob("*.html")
                  if p.relative_to(SITE).parts[0] != "_static" and p.relative_to(SITE).as_posix() != "index.html")


def test_every_page_has_a_suggest_a_change_link_to_a_new_issue_about_that_page():
    pages = built_pages()
    assert len(pages) > 50
    for page in pages:
        path = page.relative_to(SITE).as_posix()
        links = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("footer a")
        suggest = [a for a in links if a.get_text(strip=True) == "Suggest a change"]
        assert len(suggest) == 1, path
        url = urlsplit(suggest[0]["href"])
        assert f"{url.scheme}://{url.netloc}{url.path}" == f"{FOUND.issues_url()}/new", path
        query = parse_qs(url.query)
        assert query == {"template": [publishing.ISSUE_TEMPLATE], "page": [FOUND.site_url + path]}, path


def test_the_trainers_qr_codes_and_link_previews_use_the_sites_address():
    links = BeautifulSoup((SITE / "book" / "workshop" / "links.html").read_text(encoding="utf-8"), "html.parser")
    urls = [pre.get_text() for pre in links.select("li.trainer-link pre")]
    assert urls and all(url.startswith(FOUND.site_url) for url in urls)
    home = BeautifulSoup((SITE / "book" / "start-here.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one('meta[property="og:url"]')["content"] == FOUND.site_url + "book/start-here.html"
    assert "example.org" not in (SITE / "book" / "about.html").read_text(encoding="utf-8")


def test_the_site_root_is_a_real_page_that_leads_on_to_the_toolkit():
    root = BeautifulSoup((SITE / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert root.html["lang"] == "en-NZ"
    assert root.title.get_text() == "DPUP Toolkit"
    assert root.h1.get_text() == "DPUP Toolkit"
    assert "Data Protection and Use Policy" in root.main.get_text()
    assert root.select_one('meta[name="description"]')["content"].startswith("Guidance, checklists and training")
    link = root.main.find("a")
    assert link["href"] == "book/index.html" and (SITE / link["href"]).is_file()
    assert root.select_one('meta[http-equiv="Content-Security-Policy"]') is not None
