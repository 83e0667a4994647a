"""Measure the toolkit site in one run and print the figures (not a test: nothing is asserted).

- cold build of the whole book, notebooks executed, into a fresh output folder;
- a rebuild of the same folder with nothing changed;
- bytes (gzip) every page of that build transfers in a fresh browser, everything it loads;
- for a plain text page, the floor (that page's article as bare HTML with no CSS or JS) and every
  tool page, served gzip-compressed on loopback: bytes transferred and two times in headless
  Chromium (median of runs, pages taken in turn so a busy moment is shared), each as a multiple
  of the floor's, and each tool page's as a multiple of the plain page's:
  - "scripts run": from navigation start until DOMContentLoaded has run (the text is there and
    the page's scripts have run); on a tool page, until its form is drawn (always later);
  - "usable": until the first frame the browser paints after that, timed from a task queued in
    that frame's requestAnimationFrame callback. A person can read and use a page only once it
    is on screen. For the floor, DOMContentLoaded comes before the browser has laid out or
    painted anything; on our pages the theme's script asks for the layout before
    DOMContentLoaded, so "scripts run" alone compares unlike things;
  the floor and the plain page are loaded three times in each round: the floor takes about
  0.06 s, so half a frame moves their ratio by about 10%, and more loads steady it. For
  comparison, the longest plain page of each folder is timed too, since plain pages also differ
  from one another with what they hold;
- the size of the offline copy the service worker fetches after the first page;
- Lighthouse's four category scores and core metrics for five of those pages, served the same way
  (benchmarks/lighthouse.py says which and how).

Usage: python benchmarks/bench_site.py [--runs N] [--lighthouse-runs N]
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
from benchmarks import lighthouse  # noqa: E402
from benchmarks.weigh import first_use_weight, own_words, page_weights, serve_gzip  # noqa: E402
PLAIN_PAGE = "book/start-here.html"
FLOOR_PAGE = "bench-floor.html"  # the plain page's article as bare HTML: no CSS, no JS
SKIP_FOLDERS = {"_static", "_sources", "widgets"}
REFERENCE_LOADS = 3  # loads of the floor and of the plain page in each round
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run", "--disable-gpu"]


def timed_build(output: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT), "--path-output",
                    str(output), "-W", "-n", "--keep-going", "--quiet"], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


# Records, inside the page, when the page's scripts have run (DOMContentLoaded) and, if a selector
# is given, the element a visitor needs first is there (readyAt); then when the next frame is
# painted (usableAt: a task queued from that frame's animation callback runs after its paint).
READY_MARK = """(selector) => {
    const painted = () => requestAnimationFrame(() => setTimeout(() => { window.usableAt = performance.now(); }));
    const ready = () => {
        if (selector && !document.querySelector(selector)) return false;
        window.readyAt = performance.now();
        painted();
        return true;
    };
    window.addEventListener("DOMContentLoaded", () => {  // on window: after the page's own handlers
        if (!ready()) new MutationObserver((_, observer) => { if (ready()) observer.disconnect(); })
            .observe(document, {subtree: true, childList: true});
    });
}"""


def write_floor(site: Path) -> None:
    """The plain page's article alone, as bare HTML with no stylesheet or script: the floor."""
    html = (site / PLAIN_PAGE).read_text(encoding="utf-8")
    article = re.search(r'<article class="bd-article">(.*?)</article>', html, re.S)[1]
    (site / PLAIN_PAGE).with_name(FLOOR_PAGE).write_text(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head>'
        f"<body><main>{article}</main></body></html>", encoding="utf-8")


def longest_plain_pages(site: Path, pages: list[str], embeds: set[str]) -> list[str]:
    """The plain page (no widget) with the most elements in each folder, other than the plain page."""
    longest = {}
    for path in pages:
        if path in embeds or path == PLAIN_PAGE or path in ("index.html", "search.html", "genindex.html"):
            continue
        elements = len(re.findall(r"<[a-zA-Z]", (site / path).read_text(encoding="utf-8")))
        folder = str(Path(path).parent)
        if elements > longest.get(folder, (0, ""))[0]:
            longest[folder] = (elements, path)
    return sorted(path for _, path in longest.values())


def measure_page(browser, url: str, ready: str | None) -> tuple[int, float, float]:
    """Bytes transferred, seconds until the scripts have run (and `ready` is there), seconds until usable."""
    # No request interception here: Playwright would hold every request for a round trip to its
    # driver, which delays a page by how many files it asks for. The pages' CSP already keeps
    # every request on this site (tests/browser/test_privacy.py).
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    transferred = []
    cdp.on("Network.loadingFinished", lambda event: transferred.append(event["encodedDataLength"]))
    page.add_init_script(f"({READY_MARK})({json.dumps(ready)})")
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.usableAt", timeout=60_000)
    ready_ms, usable_ms = page.evaluate("[window.readyAt, window.usableAt]")
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(transferred), ready_ms / 1000, usable_ms / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="page loads per page (median is printed; with 11 the medians moved by about 10%% between runs)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (median is printed)")
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
        embeds = {path for path in pages if "widget-state+json" in (site / path).read_text(encoding="utf-8")}
        tools = [path for path in pages if path in embeds and path.startswith("checklists/")]
        timed = [("floor (bare HTML)", floor_path, None), ("plain page", PLAIN_PAGE, None)] * REFERENCE_LOADS
        timed += [(path, path, ".dpup-checklist .dpup-item") for path in tools]  # its first question or field
        timed += [(f"{path} (plain)", path, None) for path in longest_plain_pages(site, pages, embeds)]
        runs = {name: [] for name, _, _ in timed}
        with serve_gzip(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            # A page that embeds a widget is weighed once the widget is drawn (the Tools index has none).
            weights = page_weights(browser, [(f"{base}/{path}", ".dpup-checklist" if path in embeds else None)
                                             for path in pages])
            used = {path: sum(first_use_weight(browser, f"{base}/{path}").values()) for path in tools}
            for _ in range(args.runs):  # each page in turn, so a busy moment of the machine is shared
                for name, path, ready in timed:
                    runs[name].append(measure_page(browser, f"{base}/{path}", ready))
            browser.close()
            audited = lighthouse.measure(base, lighthouse.pages_measured(site), args.lighthouse_runs)
        results = {name: tuple(statistics.median(run[i] for run in measured) for i in range(3))
                   for name, measured in runs.items()}
        print("\nbytes per page (gzip, everything the page loads, fresh browser):")
        for path in pages:
            print(f"  {sum(weights[f'{base}/{path}'].values()) / 1024:7.1f} KB  {path}")
        plain = sum(weights[f"{base}/{PLAIN_PAGE}"].values())
        print(f"\ntool pages over the plain page ({plain / 1024:.1f} KB), fresh browser, gzip: in all, and leaving out"
              " the tool's own checklist text as tests/browser/test_light_pages.py does; then what the page loads"
              " once a person starts to use it (the widget's code and the tool's data, prerender.py):")
        for path in tools:
            total, words = sum(weights[f"{base}/{path}"].values()), own_words(site / path)
            print(f"  +{(total - plain) / 1024:5.1f} KB {total / plain:5.3f}x  (checklist text {words / 1024:4.1f} KB,"
                  f" other +{(total - words - plain) / 1024:5.1f} KB) {(total - words) / plain:5.3f}x"
                  f"  once used +{used[path] / 1024:5.1f} KB  {path}")
        print(f"\npage loads: median of {args.runs} ({args.runs * REFERENCE_LOADS} for the floor and the plain page),"
              " gzip over loopback, cache off; times in seconds from navigation start (see the top of"
              " benchmarks/bench_site.py); then the longest plain page of each folder")
        floor_ready, floor_usable = results["floor (bare HTML)"][1:]
        plain_usable = results["plain page"][2]
        print(f"{'':52} {'KB':>6}  {'scripts run':>18}  {'usable':>18}  {'usable / plain page':>19}")
        for name, (size, ready, usable) in results.items():
            print(f"{name:52} {size / 1024:6.1f}  {ready:6.3f} s {ready / floor_ready:5.2f}x floor"
                  f"  {usable:6.3f} s {usable / floor_usable:5.2f}x floor  {usable / plain_usable:8.2f}x")
        sw = (site / "sw.js").read_text(encoding="utf-8")
        files = json.loads(re.search(r"const FILES = (\{.*?\});", sw, re.S)[1])
        offline = sum(len(gzip.compress((site / f).read_bytes(), 6)) for f in files)
        print(f"offline copy (service worker, after the first page): {len(files)} files, {offline / 1024:.0f} KB gzip")
        print("\n".join(lighthouse.report(audited)))
    finally:
        shutil.rmtree(output, ignore_errors=True)


if __name__ == "__main__":
    main()
