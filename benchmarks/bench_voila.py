"""Voila: time until the first widget is drawn, for the checklist app against a notebook holding
a single stock ipywidgets Checkbox, with and without Voila's pre-heated kernels (median of runs;
prints figures, asserts nothing). Each app is opened in a fresh browser profile; nothing may
leave the machine (other hosts are blocked and counted).

Usage: python benchmarks/bench_voila.py [--runs N]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.conftest import start_server  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run", "--disable-gpu"]
CHECKBOX = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source":
            "import ipywidgets\nipywidgets.Checkbox(description='Stock checkbox')"}],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}
APPS = (("stock checkbox", "checkbox.ipynb", ".widget-checkbox input"),
        ("checklist app", "purpose-statement.ipynb", ".dpup-checklist fieldset"))


def first_widget_seconds(browser, url: str, selector: str) -> tuple[float, int]:
    context = browser.new_context()
    blocked = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("http://127.0.0.1", "blob:", "data:")) else (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(selector, timeout=120_000)
    seconds = page.evaluate("performance.now()") / 1000
    context.close()
    return seconds, len(blocked)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dpup-voila-bench-"))
    try:
        for name in ("purpose-statement.ipynb", "purpose-statement.yml"):
            shutil.copy(ROOT / "checklists" / name, folder / name)
        (folder / "checkbox.ipynb").write_text(json.dumps(CHECKBOX), encoding="utf-8")
        shutil.copy(ROOT / "voila.json", folder / "voila.json")
        env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}  # the installed template
        print(f"Voila, first widget drawn (median of {args.runs}, seconds from navigation):")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for preheat in (False, True):
                command = [str(Path(sys.executable).parent / "voila"), str(folder), "--Voila.ip=127.0.0.1",
                           f"--preheat_kernel={preheat}"]
                server = start_server(command, folder, env=env)
                base = next(server)
                for label, notebook, selector in APPS:  # warm up (and fill the pre-heated pool)
                    first_widget_seconds(browser, f"{base}/voila/render/{notebook}", selector)
                runs = {label: [] for label, _, _ in APPS}
                for _ in range(args.runs):  # the apps in turn, so a busy moment of the machine is shared
                    for label, notebook, selector in APPS:
                        runs[label].append(first_widget_seconds(browser, f"{base}/voila/render/{notebook}", selector))
                results = {}
                for label, measured in runs.items():
                    results[label] = statistics.median(r[0] for r in measured)
                    print(f"  preheat_kernel={preheat!s:5}  {label:15} {results[label]:6.2f} s"
                          f"   requests to other hosts: {max(r[1] for r in measured)}")
                print(f"  preheat_kernel={preheat!s:5}  checklist/checkbox {results['checklist app'] / results['stock checkbox']:5.2f}x")
                next(server, None)
            browser.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
