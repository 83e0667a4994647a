"""Deployment: the Pages workflow builds and tests with the Makefile, and what Binder installs serves every tool.

The Voila tests install requirements.txt (what Binder does) in a fresh virtual environment, with
Jupyter's user folders pointed at empty ones, so nothing from the development setup helps.
It needs the package index (pip's cache makes repeat runs quick) and takes a few minutes at most.
"""
import html
import http.client
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, start_server

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
# Each tool's notebook (index.ipynb, the list of tools, has no YAML of its own).
NOTEBOOKS = sorted(p for p in (ROOT / "checklists").glob("*.ipynb") if p.with_suffix(".yml").exists())
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def test_the_pages_workflow_tests_with_make_and_publishes_only_a_site_that_passed():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    assert workflow["concurrency"]["group"] == "pages"

    build = workflow["jobs"]["build"]
    steps = build["steps"]
    runs = [step["run"].strip() for step in steps if "run" in step]
    assert runs == ["make test"], f"the site must be built and tested by the Makefile alone, got {runs}"
    uses = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    for action in ("actions/setup-node", "actions/configure-pages", "actions/upload-pages-artifact"):
        assert action in uses, f"{action} is missing from {WORKFLOW.name}"
    # The upload comes after the tests in the same job: a failing test stops it.
    order = [step.get("run", "").strip() or step["uses"].split("@")[0] for step in steps]
    assert order.index("make test") < order.index("actions/upload-pages-artifact")
    assert build["container"]["image"].startswith("python:3.11-")  # Debian, as the README's commands expect
    node = next(step for step in steps if step.get("uses", "").startswith("actions/setup-node"))
    needed = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["engines"]["node"]
    assert int(node["with"]["node-version"].split(".")[0]) >= int(needed.lstrip(">=").split(".")[0])
    assert next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))["with"]["path"] == "_build/html"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_binder_gets_the_python_the_package_needs():
    assert (ROOT / "runtime.txt").read_text(encoding="utf-8").strip() == "python-3.11"
    assert 'requires-python = ">=3.11"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def tail(text, lines=40):
    return "\n".join(text.splitlines()[-lines:])


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory):
    """A fresh venv holding only requirements.txt, and an environment that uses nothing else.

    Yields (venv, env, folder); removes the venv afterwards (it is a few hundred MB), alongside
    the worker's next tests (the thread is not a daemon, so the worker waits for it before it ends).
    """
    home = tmp_path_factory.mktemp("binder")
    venv = home / "venv"
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "JUPYTER_PATH", "JUPYTER_CONFIG_PATH")}
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", PYTHONNOUSERSITE="1",
               JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), IPYTHONDIR=str(home / "ipython"))
    try:
        started = time.monotonic()
        made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True)
        if made.returncode:
            pytest.fail(f"python -m venv failed:\n{made.stderr}")
        # `-e .` in requirements.txt is relative to the working directory, as on Binder. The same
        # packages, not compiled ahead (--no-compile): Python compiles what Voila imports as it
        # runs, and the rest of what jupyter-book and JupyterLab bring is never imported here.
        command = [str(venv / "bin" / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                   "--no-compile", "-r", "requirements.txt"]
        try:
            installed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
        except subprocess.TimeoutExpired:
            pytest.fail("pip install -r requirements.txt took over 30 minutes in a fresh venv")
        if installed.returncode:
            pytest.fail(f"pip install -r requirements.txt failed in a fresh venv:\n"
                        f"{tail(installed.stdout)}\n{tail(installed.stderr)}")
        # Nothing else: the editable install itself puts the Voila template where Jupyter looks.
        template = venv / "share" / "jupyter" / "voila" / "templates" / "dpup" / "index.html.j2"
        assert template.is_file(), "pip install -e . did not install the toolkit's Voila template"
        print(f"\nfresh venv + pip install -r requirements.txt: {time.monotonic() - started:.0f}s")
        yield venv, env, home
    finally:
        threading.Thread(target=shutil.rmtree, args=(venv,), kwargs={"ignore_errors": True}).start()


@pytest.fixture(scope="module")
def binder_voila(binder_env):
    """Voila from the fresh venv, serving checklists/; yields its URL and log; stops it afterwards."""
    venv, env, home = binder_env
    log_path = home / "voila.log"
    with open(log_path, "w") as log:
        for url in start_server([str(venv / "bin" / "voila"), str(ROOT / "checklists"), "--Voila.ip=127.0.0.1"],
                                home, env, log):
            yield url, log_path


def read_page(address, within=300):
    """(status, body) of one page, read in full within `within` seconds (TimeoutError if not).

    Voila streams a page as its kernel runs the notebook. If that kernel dies (a port taken by
    another program as it starts), Voila can keep the page open for good: a timeout on each read
    alone would never end the test."""
    deadline = time.monotonic() + within
    with urllib.request.urlopen(address, timeout=within) as response:  # headers come once the kernel runs
        chunks = []
        while chunk := response.read1(65536):  # what has arrived, not a full 64 KB
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise TimeoutError(f"the page was still arriving after {within} s")
        return response.status, b"".join(chunks).decode("utf-8")


def render(url, notebook):
    """Voila's page for one notebook: (status, body), or (None, why there was no answer)."""
    started = time.monotonic()
    try:
        status, body = read_page(f"{url}/voila/render/{notebook.name}")
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode("utf-8", "replace")
    except (OSError, http.client.HTTPException) as error:  # a timeout; a page cut off as Voila stopped
        return None, str(error)
    print(f"{notebook.name}: HTTP {status} in {time.monotonic() - started:.1f}s")
    return status, body


def test_binder_requirements_serve_every_tool_with_voila(binder_voila):
    url, log_path = binder_voila
    assert NOTEBOOKS, "no checklists/*.ipynb to serve"
    # A few at once, as several people would open them: each runs in its own kernel.
    with ThreadPoolExecutor(max_workers=4) as pool:
        pages = list(pool.map(lambda notebook: render(url, notebook), NOTEBOOKS))
    problems = []
    for notebook, (status, body) in zip(NOTEBOOKS, pages):
        title = yaml.safe_load(notebook.with_suffix(".yml").read_text(encoding="utf-8"))["title"]
        if status is None:
            problems.append(f"{notebook.name}: no answer from Voila ({body})")
            continue
        if status != 200:
            problems.append(f"{notebook.name}: HTTP {status}")
        if WIDGET_VIEW not in body or "ChecklistWidget" not in body:
            problems.append(f"{notebook.name}: the page has no ChecklistWidget output ({WIDGET_VIEW}): "
                            "the notebook failed or did not show its widget")
        if "cdn.jsdelivr.net" in body:
            problems.append(f"{notebook.name}: Voila's stock template (it asks a CDN for icons), not the toolkit's")
        if title not in html.unescape(body):  # Voila writes some characters as entities (— as &#8212;)
            problems.append(f"{notebook.name}: the page lacks the checklist title {title!r}")
    assert not problems, "\n".join(problems) + f"\n\nVoila's log:\n{tail(log_path.read_text())}"


def test_binder_serves_the_tools_with_the_toolkits_voila_template(binder_env):
    """Binder opens a tool as `?urlpath=voila/render/...`: Voila's extension of the Jupyter server
    started in the repository folder. It must use our template, which asks no CDN for anything."""
    venv, env, home = binder_env
    with open(home / "server.log", "w") as log:
        for url in start_server([str(venv / "bin" / "jupyter-server"), "--ServerApp.ip=127.0.0.1",
                                 "--IdentityProvider.token=", "--allow-root", f"--ServerApp.root_dir={ROOT}"],
                                ROOT, env, log):
            _, body = read_page(f"{url}/voila/render/checklists/quick-check-in.ipynb")
    assert "ChecklistWidget" in body, tail((home / "server.log").read_text())
    assert "cdn.jsdelivr.net" not in body  # the stock "lab" template's Font Awesome stylesheets


def test_the_hosting_guide_and_workflow_lead_with_the_shared_origin_of_project_sites():
    # A project site shares localStorage and CSP 'self' with every project of its account.
    comments = []
    for line in WORKFLOW.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        comments.append(line)
    header = " ".join(comments)
    assert "READ FIRST" in header and "shares" in header and "custom domain" in header
    assert "organisation site" in header and "localStorage" in header
    guide = (ROOT / "HOSTING.md").read_text(encoding="utf-8")
    publishing = guide.split("## 1. Publishing the website", 1)[1]
    first_section = publishing.split("\n### ", 2)[1]
    assert first_section.startswith("First: give the toolkit an origin of its own")
    assert "custom domain" in first_section.lower() and "organisation site" in first_section
    assert "Content-Security-Policy: frame-ancestors 'none'" in guide


def test_voila_finds_the_toolkits_template_where_the_package_installed_it():
    """`voila checklists/` from the repository, with nothing on JUPYTER_PATH, as a JupyterHub or a
    newcomer runs it: the template `voila.json` selects is where Jupyter looks (installed with the
    package, editable or not), and it is this repository's (an editable install copies it: `make`
    reinstalls when it changes)."""
    script = ("import json; from voila.paths import collect_template_paths; "
              "print(json.dumps(collect_template_paths(['voila', 'nbconvert'], 'dpup', prune=True)))")
    env = {k: v for k, v in os.environ.items() if k not in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH")}
    found = subprocess.run([sys.executable, "-c", script], cwd=ROOT / "checklists", env=env,
                           capture_output=True, text=True)
    assert found.returncode == 0, found.stderr
    paths = [p for p in json.loads(found.stdout) if p.endswith("/voila/templates/dpup")]
    assert paths, found.stdout
    source = ROOT / "theme" / "jupyter" / "voila" / "templates" / "dpup"
    for name in ("index.html.j2", "conf.json"):
        installed = Path(paths[0]) / name
        assert installed.read_text(encoding="utf-8") == (source / name).read_text(encoding="utf-8"), (
            f"{installed} is out of date: run `make build` (it reinstalls the package)")
    assert json.loads((ROOT / "voila.json").read_text(encoding="utf-8"))["VoilaConfiguration"]["template"] == "dpup"
