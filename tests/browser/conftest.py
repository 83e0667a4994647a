"""Browser fixtures: the built site and a Voila server on loopback, driven by Debian's Chromium.

Every page is opened in a fresh browser profile with every request to another host blocked and
recorded, so a test can assert that nothing left the machine.
"""
import functools
import http.server
import os
import re
import shutil
import socket
import sys
import threading
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from ..conftest import ROOT, SITE, free_port, start_server
from ..helpers import SLOW

BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run", "--disable-gpu"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LOCAL_PREFIXES = ("http://127.0.0.1:", "blob:", "data:", "about:")
# Stock sphinx-thebe noise on every Jupyter Book 1 page: its script declares THEBE_JS_URL twice.
KNOWN_CONSOLE_NOISE = ("Identifier 'THEBE_JS_URL' has already been declared",)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url():
    assert (SITE / "index.html").exists(), f"No built site at {SITE}: run `make build` first (make test does)."
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), partial(QuietHandler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def voila_url():
    # Plain `voila` from the repository folder: the toolkit's template (no CDN) is found where the
    # package's install put it, with nothing on JUPYTER_PATH.
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    yield from start_server([str(BIN / "voila"), str(ROOT), "--Voila.ip=127.0.0.1"], ROOT, env=env)


@pytest.fixture(scope="session")
def jupyterlab_url(tmp_path_factory):
    # JupyterLab saves notebooks and its layout as you work: it gets a copy of the checklists and
    # empty settings, so each run starts the same and the repository is never touched.
    home = tmp_path_factory.mktemp("lab")
    folder = home / "checklists"
    shutil.copytree(ROOT / "checklists", folder)
    yield from start_server([str(BIN / "jupyter"), "lab", "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=",
                             "--ServerApp.password=", f"--ServerApp.root_dir={folder}", "--allow-root",
                             "--LabApp.news_url=None", f"--LabApp.workspaces_dir={home / 'workspaces'}",
                             f"--LabApp.user_settings_dir={home / 'settings'}"], folder)


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), "Chromium is missing: `make test` installs Debian's chromium package"
    # A machine busy with other work may take seconds to load the live form or start a kernel:
    # every wait and expect() allows SLOW, which a passing test never comes near.
    expect.set_options(timeout=SLOW)
    # Nothing leaves the machine: the browser sends every request for another host to a proxy on a
    # port held open here that never answers, so the request fails at once (each Visit records
    # it). Routing every request through the test instead costs the browser its cache and a round
    # trip to the driver for each file of each page.
    with socket.socket() as nowhere, sync_playwright() as playwright:
        nowhere.bind(("127.0.0.1", 0))
        proxy = {"server": f"http://127.0.0.1:{nowhere.getsockname()[1]}", "bypass": "127.0.0.1"}
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, proxy=proxy)
        yield browser
        browser.close()


class Visit:
    """One fresh browser profile: its page, what it tried to fetch elsewhere, and its errors."""

    def __init__(self, browser, **context_options):
        # The site's service worker would copy the whole site into every fresh profile; only the
        # offline tests (test_offline.py) let it run, with service_workers="allow".
        self.context = browser.new_context(accept_downloads=True, **{"service_workers": "block", **context_options})
        self.context.set_default_timeout(SLOW)
        self.external: list[str] = []
        self.requests: list[tuple[str, str]] = []  # every request: (url, body)
        self.errors: list[str] = []
        self.context.on("request", self._record)
        self.context.add_init_script("""
            window.cspViolations = [];
            document.addEventListener("securitypolicyviolation",
                (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
        """)
        self.page = self.new_page()

    def new_page(self):
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status} {r.url}"))
        return page

    def _record(self, request):
        self.requests.append((request.url, request.post_data or ""))
        if not request.url.startswith(LOCAL_PREFIXES):
            self.external.append(request.url)  # the browser's proxy stops it (see `browser`)

    def real_errors(self):
        return [e for e in self.errors if not any(noise in e for noise in KNOWN_CONSOLE_NOISE)]

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    visits = []

    def open_visit(**options):
        visits.append(Visit(browser, **options))
        return visits[-1]

    yield open_visit
    for v in visits:
        v.close()


# WCAG 2.2 level A and AA (the New Zealand Web Accessibility Standard 1.2), and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@functools.cache
def axe_source():
    return AXE.read_text(encoding="utf-8")


def accessibility_problems(page):
    """Every axe-core violation on the page as it is now, whatever its impact."""
    # Run as the test's own code, which the page's Content-Security-Policy does not apply to.
    page.evaluate(axe_source())
    violations = page.evaluate("""async (tags) => {
        const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
        return result.violations.map(v => ({id: v.id, impact: v.impact,
            targets: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}));
    }""", AXE_TAGS)
    return violations


def live(page):
    """The tool on the page, live: once its form is there, a person starts to use it and the live
    form takes the place of the form drawn at build time (prerender.py; what happens before that:
    test_drawn_forms.py). A page with saved answers or another widget is live by itself."""
    page.wait_for_selector(".dpup-checklist")
    # The form shows before the page has finished loading; the site's script that starts the live
    # form listens from the end of the load (it is deferred). A person's pointer comes after that.
    page.wait_for_load_state("load")
    page.evaluate("""() => document.querySelector('.static-widget[data-drawn]')
        ?.dispatchEvent(new PointerEvent('pointerover', {bubbles: true}))""")
    expect(page.locator(".static-widget[data-drawn]")).to_have_count(0)


def open_saved_file(page, path, replace=False):
    """Open a saved progress file as a person does: the button opens the file chooser. When the open
    check has answers the page asks where the file's answers go: `replace` chooses to replace them."""
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Open a saved progress file").click()
    chooser.value.set_files(path)
    if replace:
        page.get_by_label(re.compile(r"^Replace the answers in ")).check()
        page.get_by_role("button", name="Continue").click()
