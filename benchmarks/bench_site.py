"""Measure the toolkit site in one run and print the figures (not a test: nothing is asserted).

- cold build of the whole book, notebooks executed, into a fresh output folder;
- a rebuild of the same folder with nothing changed;
- for the checklist page and a plain text page of that build, served gzip-compressed on
  loopback: bytes transferred and time until usable in headless Chromium (median of runs),
  and the checklist page's ratio to the plain page. "Usable" is timed inside the page, from
  navigation start: for the plain page, when DOMContentLoaded has run (its text is there and
  its scripts have run); for the checklist page, when the form is drawn and answers can be
  given (always after DOMContentLoaded).

Usage: python benchmarks/bench_site.py [--runs N]
"""
from __future__ import annotations

import argparse
import gzip
import json
import http.server
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHECKLIST_PAGE = "checklists/purpose-statement.html"
PLAIN_PAGE = "book/start-here.html"
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".txt")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run", "--disable-gpu"]


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as a static host would: text gzip-compressed when the browser accepts it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)
        return super().send_head()

    def log_message(self, *args):
        pass


class _Body:
    def __init__(self, data):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def timed_build(output: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT), "--path-output",
                    str(output), "-W", "-n", "--keep-going", "--quiet"], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


# Records, inside the page, when the element a visitor needs first appears.
READY_MARK = """(selector) => {
    new MutationObserver((_, observer) => {
        if (document.querySelector(selector)) {
            window.readyAt = performance.now();
            observer.disconnect();
        }
    }).observe(document, {subtree: true, childList: true});
}"""


def measure_page(browser, url: str, ready: str | None) -> tuple[int, float]:
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("http://127.0.0.1", "blob:", "data:")) else route.abort())
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    transferred = []
    cdp.on("Network.loadingFinished", lambda event: transferred.append(event["encodedDataLength"]))
    if ready:
        page.add_init_script(f"({READY_MARK})({json.dumps(ready)})")
    page.goto(url, wait_until="load")
    if ready:
        page.wait_for_selector(ready, timeout=60_000)
        usable_ms = page.evaluate("window.readyAt")
    else:
        usable_ms = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(transferred), usable_ms / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="page loads per page (median is printed)")
    args = parser.parse_args()

    output = Path(tempfile.mkdtemp(prefix="dpup-bench-"))
    try:
        cold = timed_build(output)
        warm = timed_build(output)
        print(f"cold build (notebooks executed): {cold:6.1f} s")
        print(f"no-change rebuild:               {warm:6.1f} s   ({warm / cold:.2f} of cold)")

        site = output / "_build" / "html"
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        results = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for name, path, ready in (("plain page", PLAIN_PAGE, None),
                                      ("checklist page", CHECKLIST_PAGE, ".dpup-checklist fieldset")):
                runs = [measure_page(browser, f"{base}/{path}", ready) for _ in range(args.runs)]
                results[name] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
            browser.close()
        server.shutdown()
        print(f"\npage loads: median of {args.runs}, gzip over loopback, cache off")
        for name, (size, seconds) in results.items():
            print(f"{name:15} {size / 1024:8.0f} KB transferred   {seconds:6.2f} s until usable")
        (plain_size, plain_time), (list_size, list_time) = results["plain page"], results["checklist page"]
        print(f"checklist/plain {list_size / plain_size:8.2f}x bytes         {list_time / plain_time:6.2f}x time")
    finally:
        shutil.rmtree(output, ignore_errors=True)


if __name__ == "__main__":
    main()
