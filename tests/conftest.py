"""Shared test helpers: where things are, and a sample checklist to bend out of shape."""
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from dpup_toolkit import load_checklist

from .schedule import pytest_xdist_make_scheduler  # noqa: F401  (how `make test` shares the work)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SITE = ROOT / "_build" / "html"


STARTUP = 180  # seconds


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(command, cwd, env=None, log=None):
    """Run a Jupyter server (Voila, JupyterLab) on a free loopback port: yield its URL, then stop it.

    `command` starts with the executable's path; --no-browser and --port are added. Output goes to
    the open file `log` if given. Startup failures fail the test with the log's end. A server that
    exits fails at once; one that has not answered within STARTUP (a busy machine starting several
    servers and kernels at once is slow, and a quiet one takes seconds) fails then.
    """
    port = free_port()
    process = subprocess.Popen([*command, "--no-browser", f"--port={port}"], cwd=cwd, env=env,
                               stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    name = Path(command[0]).name
    deadline = time.monotonic() + STARTUP
    try:
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=2)
                break
            except urllib.error.HTTPError:  # it answers, so it is up
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    ended = Path(log.name).read_text()[-3000:] if log else ""
                    pytest.fail(f"{name} did not start within {STARTUP} seconds (exit code {process.poll()})\n{ended}")
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


KINDS = ("unit", "site", "browser", "network", "notebook")  # pyproject.toml says what each means
NETWORK_FIXTURES = {"binder_env"}  # a fresh venv, installed from the package index


def kind_of(item) -> str:
    """A test's kind, from where it lives and what it uses: tests/browser/ drives a browser; a
    notebook is run by nbval; a test using a NETWORK_FIXTURES fixture needs the package index; a
    module that imports SITE reads the built site; everything else is a unit test."""
    path = Path(item.path)
    if path.suffix == ".ipynb":
        return "notebook"
    if path.is_relative_to(ROOT / "tests" / "browser"):
        return "browser"
    if NETWORK_FIXTURES & set(getattr(item, "fixturenames", ())):
        return "network"
    module = getattr(item, "module", None)
    if module is not None and getattr(module, "SITE", None) is SITE:
        return "site"
    return "unit"


def pytest_collection_modifyitems(config, items):
    """Mark every test with its kind, so `pytest -m unit` (make test-fast) needs no list of files."""
    for item in items:
        kind = kind_of(item)
        if not item.get_closest_marker(kind):
            item.add_marker(kind)


@pytest.fixture
def sample():
    return load_checklist(FIXTURES / "sample.yml")


@pytest.fixture
def sample_text():
    return (FIXTURES / "sample.yml").read_text(encoding="utf-8")


def pytest_terminal_summary(terminalreporter):
    """Print where the suite's time goes, so it can be kept well under CI's limit."""
    groups = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) in ("setup", "call", "teardown"):
                group = next((kind for kind in KINDS if kind in report.keywords), "unit")
                groups[group] = groups.get(group, 0.0) + report.duration
    if groups:
        terminalreporter.section("time by kind of test")
        for group, seconds in sorted(groups.items(), key=lambda g: -g[1]):
            terminalreporter.write_line(f"{group + ' tests':26} {seconds:7.1f} s")


@pytest.fixture
def kinds():
    """A tool with text and choice items and a template, rules and score result."""
    return load_checklist(FIXTURES / "kinds.yml")
