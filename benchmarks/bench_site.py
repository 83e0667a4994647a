"""Measure the toolkit site in one run and print the figures (not a test: nothing is asserted).

- cold build of the whole book, notebooks executed, into a fresh output folder;
- a rebuild of the same folder with nothing changed;
- bytes (gzip) every page of that build transfers in a fresh browser, everything it loads;
- for the checklist page, a plain text page and the floor (the plain page's article as bare
  HTML with no CSS or JS), served gzip-compressed on loopback: bytes transferred and time until
  usable in headless Chromium (median of runs), each time as a multiple of the floor's, and
  the checklist page's ratio to the plain page;
- the size of the offline copy the service worker fetches after the first page. "Usable" is timed inside the page, from
  navigation start: for the plain page, when DOMContentLoaded has run (its text is there and
  its scripts have run); for the checklist page, when the form is drawn and answers can be
  given (always after DOMContentLoaded).

Usage: python benchmarks/bench_site.py [--runs N]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.weigh import own_words, page_weights, serve_gzip  # noqa: E402
CHECKLIST_PAGE = "checklists/purpose-statement.html"
PLAIN_PAGE = "book/start-here.html"
FLOOR_PAGE = "bench-floor.html"  # the plain page's article as bare HTML: no CSS, no JS
SKIP_FOLDERS = {"_static", "_sources", "widgets"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run", "--disable-gpu"]


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


def write_floor(site: Path) -> None:
    """The plain page's article alone, as bare HTML with no stylesheet or script: the floor."""
    html = (site / PLAIN_PAGE).read_text(encoding="utf-8")
    article = re.search(r'<article class="bd-article">(.*?)</article>', html, re.S)[1]
    (site / PLAIN_PAGE).with_name(FLOOR_PAGE).write_text(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head>'
        f"<body><main>{article}</main></body></html>", encoding="utf-8")


def measure_page(browser, url: str, ready: str | None) -> tuple[int, float]:
    context = browser.new_context(service_workers="block")
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
        write_floor(site)
        floor_path = str(Path(PLAIN_PAGE).with_name(FLOOR_PAGE))
        pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                       if not SKIP_FOLDERS & set(p.relative_to(site).parts) and p.name != FLOOR_PAGE)
        results = {}
        with serve_gzip(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            # A page that embeds a widget is weighed once the widget is drawn (the Tools index has none).
            weights = page_weights(browser, [(f"{base}/{path}", ".dpup-checklist" if "widget-state+json" in (
                site / path).read_text(encoding="utf-8") else None) for path in pages])
            for name, path, ready in (("floor (bare HTML)", floor_path, None), ("plain page", PLAIN_PAGE, None),
                                      ("checklist page", CHECKLIST_PAGE, ".dpup-checklist fieldset")):
                runs = [measure_page(browser, f"{base}/{path}", ready) for _ in range(args.runs)]
                results[name] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
            browser.close()
        print("\nbytes per page (gzip, everything the page loads, fresh browser):")
        for path in pages:
            print(f"  {sum(weights[f'{base}/{path}'].values()) / 1024:7.1f} KB  {path}")
        plain = sum(weights[f"{base}/{PLAIN_PAGE}"].values())
        print(f"\ntool pages over the plain page ({plain / 1024:.1f} KB), fresh browser, gzip; the ratio leaves out"
              " the tool's own checklist text, as tests/browser/test_light_pages.py does:")
        for path in pages:
            html = (site / path).read_text(encoding="utf-8")
            if path.startswith("checklists/") and "widget-state+json" in html:
                total, words = sum(weights[f"{base}/{path}"].values()), own_words(html)
                print(f"  +{(total - plain) / 1024:5.1f} KB  (checklist text {words / 1024:4.1f} KB, code and styles"
                      f" +{(total - words - plain) / 1024:5.1f} KB)  {(total - words) / plain:5.3f}x  {path}")
        print(f"\npage loads: median of {args.runs}, gzip over loopback, cache off")
        floor_time = results["floor (bare HTML)"][1]
        for name, (size, seconds) in results.items():
            print(f"{name:18} {size / 1024:7.1f} KB transferred   {seconds:6.3f} s until usable"
                  f"   {seconds / floor_time:5.2f}x floor")
        (plain_size, plain_time), (list_size, list_time) = results["plain page"], results["checklist page"]
        print(f"checklist/plain    {list_size / plain_size:7.2f}x bytes          {list_time / plain_time:6.2f}x time")
        sw = (site / "sw.js").read_text(encoding="utf-8")
        files = json.loads(re.search(r"const FILES = (\{.*?\});", sw, re.S)[1])
        offline = sum(len(gzip.compress((site / f).read_bytes(), 6)) for f in files)
        print(f"offline copy (service worker, after the first page): {len(files)} files, {offline / 1024:.0f} KB gzip")
    finally:
        shutil.rmtree(output, ignore_errors=True)


if __name__ == "__main__":
    main()
