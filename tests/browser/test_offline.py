"""After one visit the whole toolkit works with no network: a service worker keeps the
build's files, never what a person types, and a new build replaces the old one only when the
reader chooses to reload."""
import http.server
import shutil
import threading
from functools import partial

import pytest
from docx import Document
from playwright.sync_api import expect

from dpup_toolkit.site import offline

from ..conftest import ROOT, SITE, free_port
from ..helpers import SLOW
from .conftest import QuietHandler
from .test_checklist_page import CHECKLIST, PAGE, item, progress, saved_answers, total_shown
from .test_every_page import PAGES

# Resolves once this site's service worker has stored the build and controls the page.
CONTROLLED = """async () => {
    const controlled = (async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
            await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
        }
        return true;
    })();
    const late = new Promise((resolve, reject) => setTimeout(() => reject(new Error("no service worker in 60 s")), 60000));
    return Promise.race([controlled, late]);
}"""
SECRET = "Aroha Te Whare 027 555 0123 — private note"


def visit_once_and_go_offline(visit, base):
    v = visit(service_workers="allow")
    v.page.goto(f"{base}/book/index.html")
    v.page.evaluate(CONTROLLED)
    v.context.set_offline(True)
    failed = []
    # A request the browser gave up on itself (ERR_ABORTED: the favicon of a page the test has
    # already left, say) is not a missing offline copy; every other failure is.
    v.page.on("requestfailed", lambda request: request.failure == "net::ERR_ABORTED" or failed.append(
        f"{request.url} {request.failure}"))
    return v, failed


def cached_site(page):
    return page.evaluate("""async () => {
        const found = {};
        for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            found[name] = await Promise.all((await cache.keys()).map(async (request) =>
                [request.url, await (await cache.match(request)).text()]));
        }
        return found;
    }""")


def test_every_page_and_the_checklist_work_offline_after_one_visit(visit, site_url, tmp_path):
    v, failed = visit_once_and_go_offline(visit, site_url)
    page = v.page
    for path in PAGES:
        response = page.goto(f"{site_url}/{path}", wait_until="load")
        assert response is not None and response.ok, f"{path} offline: {response and response.status}"
        if path == "index.html":  # the site root forwards to the landing page
            page.wait_for_url(f"{site_url}/book/index.html")
        expect(page.get_by_role("heading", level=1).first).to_be_visible()
    assert failed == [] and v.external == []

    # Tools with text and with choice items draw offline too (their code is a part of the widget's module).
    for tool, field in (("purpose-statement-builder", ".dpup-text"), ("collaboration-assessor", ".dpup-choice input")):
        page.goto(f"{site_url}/checklists/{tool}.html")
        expect(page.locator(field).first).to_be_visible()

    # Search works offline.
    page.goto(f"{site_url}/search.html?q=kaitiakitanga")
    expect(page.locator("#search-results li").first).to_be_visible(timeout=SLOW)

    # The purpose-statement checklist, completed with no network.
    page.goto(f"{site_url}/{PAGE}")
    page.wait_for_selector(".dpup-checklist fieldset")
    for checklist_item in CHECKLIST.items:
        if item(page, checklist_item).is_visible():
            item(page, checklist_item).get_by_label("Yes", exact=True).check()
    note = item(page, CHECKLIST.items[0]).get_by_role("textbox", name="Your note (optional)")
    note.fill(SECRET)
    note.blur()
    shown = total_shown(saved_answers(page))
    expect(progress(page)).to_have_text(f"{shown} of {shown} questions answered. 0 not met.")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download a summary (Markdown)").click()
    download.value.save_as(tmp_path / "record.md")
    assert SECRET in (tmp_path / "record.md").read_text(encoding="utf-8")
    # The Word record too: its module and library load only when asked, from the offline copy.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download for Word (.docx)").click()
    download.value.save_as(tmp_path / "record.docx")
    assert download.value.suggested_filename.endswith(".docx")
    assert f"Note: {SECRET}" in [paragraph.text for paragraph in Document(tmp_path / "record.docx").paragraphs]
    page.reload()
    page.wait_for_selector(".dpup-checklist fieldset")
    expect(progress(page)).to_have_text(f"{shown} of {shown} questions answered. 0 not met.")
    assert failed == [] and v.external == []

    # The offline copy holds the site's own files and never what the person typed.
    (cache,) = cached_site(page).values()
    assert {url.removeprefix(f"{site_url}/") for url, _ in cache} == set(offline.site_files(SITE))
    assert [url for url, body in cache if "Aroha" in body or "Aroha" in url] == []


@pytest.fixture
def site_copy(tmp_path):
    """A copy of the built site on its own server, so a test can publish a 'new build' of it."""
    folder = tmp_path / "site"
    shutil.copytree(SITE, folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_a_new_build_waits_for_reload_and_never_mixes_with_the_old(visit, site_copy):
    folder, base = site_copy
    v = visit(service_workers="allow")
    page = v.page
    page.goto(f"{base}/book/start-here.html")
    page.evaluate(CONTROLLED)
    first_title = page.get_by_role("heading", level=1).first.inner_text().rstrip("#")

    # Publish a new build: a changed page and a changed stylesheet.
    start = folder / "book" / "start-here.html"
    start.write_text(start.read_text(encoding="utf-8").replace(first_title, "New build heading"), encoding="utf-8")
    css = folder / "site" / "dpup.css"  # the site's stylesheet, as every page loads it (bundle.py)
    css.write_text(css.read_text(encoding="utf-8") + "\n/* new build */\n", encoding="utf-8")
    offline.write_service_worker(folder, ROOT)

    page.reload()  # the browser checks sw.js and fetches the new build in the background
    notice = page.get_by_role("status").filter(has_text="Updated")
    expect(notice).to_be_visible(timeout=60_000)
    # Until the reader reloads, pages and files still come from the old build, together.
    page.goto(f"{base}/book/start-here.html")
    expect(page.get_by_role("heading", level=1).first).to_contain_text(first_title)
    assert "new build" not in page.evaluate("fetch('../site/dpup.css').then(r => r.text())")

    page.get_by_role("status").get_by_role("button", name="Reload").click()
    expect(page.get_by_role("heading", level=1).first).to_contain_text("New build heading", timeout=SLOW)
    assert "new build" in page.evaluate("fetch('../site/dpup.css').then(r => r.text())")
    assert len(cached_site(page)) == 1  # the old build's copy is gone
