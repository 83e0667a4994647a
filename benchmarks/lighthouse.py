"""Lighthouse over a few pages of the built site: its four category scores and core metrics.

Lighthouse is the npm package pinned in package.json (node_modules/.bin/lighthouse); it drives
Debian's Chromium (CHROME_PATH) with its default mobile profile: a phone's screen, and times
simulated for a slow 4G network and a CPU four times slower than this machine's. The pages are
served on loopback, gzip-compressed as a host would (weigh.serve_gzip). Nothing leaves the
machine: error reporting is off, and Chromium sends every request to another host to a proxy
that does not exist (loopback bypasses proxies), so such a request fails and is counted.

The pages: a plain page, the plain page with the most elements, and three tools (the longest one
and two others with different kinds of question). Each is run `runs` times, one page after
another in turn; the median of each figure is printed. Category scores other than performance do
not depend on timing.

Usage: python benchmarks/lighthouse.py [--site _build/html] [--runs N] [--keep FOLDER]
(`make bench` runs it on its fresh build, from bench_site.py.)
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
PLAIN_PAGE = "book/start-here.html"
TOOLS = ["checklists/before-you-ask.html", "checklists/purpose-statement.html", "checklists/dpup-quiz.html"]
CATEGORIES = [("performance", "perf"), ("accessibility", "a11y"), ("best-practices", "best"), ("seo", "SEO")]
METRICS = [("first-contentful-paint", "FCP", "s"), ("largest-contentful-paint", "LCP", "s"),
           ("total-blocking-time", "TBT", "ms"), ("cumulative-layout-shift", "CLS", ""),
           ("speed-index", "SI", "s")]
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--proxy-server=http://127.0.0.1:9"]  # port 9 (discard) has no server: other hosts fail


def longest_plain_page(site: Path) -> str:
    """The page with the most elements among pages that draw no tool (not the index pages made by Sphinx)."""
    counts = {}
    for page in site.rglob("*.html"):
        path = str(page.relative_to(site))
        if path.startswith(("_", "widgets/")) or path in ("index.html", "search.html", "genindex.html"):
            continue
        html = page.read_text(encoding="utf-8")
        if "widget-state+json" not in html:
            counts[path] = len(re.findall(r"<[a-zA-Z]", html))
    return max(counts, key=counts.get)


def pages_measured(site: Path) -> list[str]:
    return [PLAIN_PAGE, longest_plain_page(site), *TOOLS]


def run_lighthouse(url: str, report: Path) -> dict:
    """One Lighthouse run of `url` (mobile, simulated throttling), its JSON report kept at `report`."""
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `make node_modules/bench-installed.stamp`")
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--no-enable-error-reporting", "--output=json",
                    f"--output-path={report}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
                    "--only-categories=performance,accessibility,best-practices,seo"],
                   check=True, env={**os.environ, "CHROME_PATH": CHROME}, cwd=ROOT)
    return json.loads(report.read_text(encoding="utf-8"))


def figures(lhr: dict, base: str) -> dict:
    """Scores (0-100), metrics (seconds, ms or unitless), requests to other hosts and what held a
    category below 100 (the audits with weight that scored below 1) from one report."""
    audits = lhr["audits"]
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    held_back = {}
    for category, _ in CATEGORIES:
        for ref in lhr["categories"][category]["auditRefs"]:
            score = audits[ref["id"]]["score"]
            if ref["weight"] and score is not None and score < 1:
                held_back[ref["id"]] = score
    result = {
        "scores": {name: round(lhr["categories"][name]["score"] * 100) for name, _ in CATEGORIES},
        "metrics": {name: audits[name]["numericValue"] for name, _, _ in METRICS},
        "other hosts": sum(not item["url"].startswith((base, "data:", "blob:")) for item in requests),
        "held back": held_back,
    }
    if lhr.get("runtimeError"):
        result["error"] = lhr["runtimeError"]["message"]
    return result


def measure(base: str, paths: list[str], runs: int, keep: Path | None = None) -> dict[str, list[dict]]:
    """Every page `runs` times, in turn; the figures of each run, per page."""
    results = {path: [] for path in paths}
    with tempfile.TemporaryDirectory() as scratch:
        folder = keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for run in range(runs):
            for path in paths:
                report = folder / f"{path.replace('/', '_').removesuffix('.html')}-{run}.json"
                results[path].append(figures(run_lighthouse(f"{base}/{path}", report), base))
    return results


def version() -> str:
    return json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text())["version"]


def _metric(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value / 1000:5.2f} s"
    if unit == "ms":
        return f"{value:4.0f} ms"
    return f"{value:6.3f}"


def report(results: dict[str, list[dict]]) -> list[str]:
    """The lines bench_site.py prints: per page the median of each score and metric, and what held
    a score below 100 in any run."""
    runs = len(next(iter(results.values())))
    lines = [f"Lighthouse {version()}, mobile profile (simulated slow 4G, 4x CPU slowdown), median of {runs} runs;"
             " gzip over loopback; requests to other hosts (all would fail) counted",
             f"{'':44} {'perf':>4} {'a11y':>4} {'best':>4} {'SEO':>4}"
             + "".join(f" {label:>7}" for _, label, _ in METRICS) + "  other hosts"]
    for path, measured in results.items():
        scores = {name: statistics.median(run["scores"][name] for run in measured) for name, _ in CATEGORIES}
        metrics = {name: statistics.median(run["metrics"][name] for run in measured) for name, _, _ in METRICS}
        lines.append(f"{path:44}" + "".join(f" {scores[name]:4.0f}" for name, _ in CATEGORIES)
                     + "".join(f" {_metric(metrics[name], unit):>7}" for name, _, unit in METRICS)
                     + f"  {max(run['other hosts'] for run in measured):11d}")
        held = {}
        for run in measured:
            for audit, score in run["held back"].items():
                held[audit] = min(score, held.get(audit, 1))
        if held:
            lines.append(f"{'':46}audits short of full marks in a run: " + ", ".join(f"{audit} {score:.2f}" for audit, score in sorted(held.items())))
        errors = {run["error"] for run in measured if "error" in run}
        if errors:
            lines.append(f"{'':46}error: " + "; ".join(sorted(errors)))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html", help="a built site (default: _build/html)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (the median is printed)")
    parser.add_argument("--pages", nargs="*", help="pages to measure, from the site's root (default: the five above)")
    parser.add_argument("--keep", type=Path, help="a folder to keep every run's JSON report in")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from benchmarks.weigh import serve_gzip
    with serve_gzip(args.site) as base:
        results = measure(base, args.pages or pages_measured(args.site), args.runs, args.keep)
    print("\n".join(report(results)))


if __name__ == "__main__":
    main()
