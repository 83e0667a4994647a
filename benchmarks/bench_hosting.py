"""What one Voila server holds (HOSTING.md): memory per open tool page and the time to draw each,
with N pages open at once (prints figures, asserts nothing; about two minutes).

Each open tool page is a Python kernel on the server. The script starts Voila on checklists/ as
HOSTING.md's "one shared Voila server" does (the toolkit's template, no pre-heated kernels), then:

1. opens N tool pages one after another, each in its own browser profile, and keeps them open:
   the time each takes to draw its form (from navigation), and then the memory of the server and
   of each kernel (RSS: resident memory, what `top` shows; PSS: with shared pages split between
   the processes that share them, which adds up honestly);
2. opens --together more at the same moment (people scanning the same QR code): the time each
   takes to draw, and the memory with all of them open;
3. closes every page as a person closes a tab, and counts the kernels left after a few seconds;
4. (unless --no-cull) starts a second server with idle culling on (cull_connected left off), opens
   two pages, closes one, leaves the other open and idle, and counts the kernels after the timeout.

Usage: python benchmarks/bench_hosting.py [--pages N] [--together K]   (or `make bench-hosting`)
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.conftest import start_server  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run", "--disable-gpu"]
DRAWN = ".dpup-checklist fieldset, .dpup-checklist .dpup-item"
CULL = ["--MappingKernelManager.cull_idle_timeout=20", "--MappingKernelManager.cull_interval=5"]
MIB = 1024 * 1024


def children(pid: int) -> list[int]:
    """Every process started (directly or not) by `pid`."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def memory(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of one process, in MiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) * 1024
    return fields["Rss"] / MIB, fields["Pss"] / MIB


def kernels(server: int) -> list[int]:
    return [pid for pid in children(server)
            if "ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")]


def voila_pid(port_url: str) -> int:
    """The Voila process listening at this URL (the one start_server started)."""
    port = port_url.rsplit(":", 1)[1]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if any(part.endswith(b"voila") for part in command[:2]) and f"--port={port}".encode() in command:
                return int(entry.name)
    raise RuntimeError(f"no Voila process on port {port}")


def report_memory(server: int, label: str) -> None:
    server_rss, server_pss = memory(server)
    per_kernel = [memory(pid) for pid in kernels(server)]
    rss = [r for r, _ in per_kernel]
    pss = [p for _, p in per_kernel]
    print(f"  {label}: {len(per_kernel)} kernels")
    print(f"    server alone        RSS {server_rss:6.0f} MiB   PSS {server_pss:6.0f} MiB")
    if per_kernel:
        print(f"    each kernel         RSS {min(rss):4.0f}-{max(rss):4.0f} MiB (median {statistics.median(rss):.0f})"
              f"   PSS {min(pss):4.0f}-{max(pss):4.0f} MiB (median {statistics.median(pss):.0f})")
    print(f"    server and kernels  RSS {server_rss + sum(rss):6.0f} MiB   PSS {server_pss + sum(pss):6.0f} MiB")


def open_page(browser, url):
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("http://127.0.0.1", "blob:", "data:", "ws://127.0.0.1")) else route.abort())
    page = context.new_page()
    page.goto(url, wait_until="commit")
    return context, page


def drawn_seconds(page, timeout: float = 300) -> float | None:
    """Seconds from navigation until the form is drawn; None if not drawn within `timeout`."""
    try:
        page.wait_for_selector(DRAWN, timeout=timeout * 1000)
    except PlaywrightTimeout:
        return None
    return page.evaluate("performance.now()") / 1000


def spread(seconds: list) -> str:
    drawn = [s for s in seconds if s is not None]
    text = (f"drawn in {min(drawn):.1f}-{max(drawn):.1f} s (median {statistics.median(drawn):.1f})"
            if drawn else "none drawn")
    return text + (f"; {len(seconds) - len(drawn)} not drawn within 300 s" if len(drawn) < len(seconds) else "")


def wait_for_kernels(server: int, at_most: int, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while len(kernels(server)) > at_most and time.monotonic() < deadline:
        time.sleep(0.5)
    return len(kernels(server))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=8, help="pages opened one after another (default 8)")
    parser.add_argument("--together", type=int, default=4, help="pages then opened at the same moment (default 4)")
    parser.add_argument("--no-cull", action="store_true", help="skip the idle-culling check")
    args = parser.parse_args()
    tools = sorted(p.name for p in (ROOT / "checklists").glob("*.ipynb") if p.with_suffix(".yml").exists())
    env = {**os.environ, "JUPYTER_PATH": str(ROOT / "theme" / "jupyter")}
    voila = str(Path(sys.executable).parent / "voila")
    load = os.getloadavg()[0]
    print(f"Voila ({os.cpu_count()} cores, load average {load:.1f} at the start: times grow with it):"
          f" {args.pages} tool pages, then {args.together} more at once")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        served = start_server([voila, "checklists/", "--Voila.ip=127.0.0.1"], ROOT, env=env)
        base = next(served)
        server = voila_pid(base)
        time.sleep(1)
        report_memory(server, "no page open")
        url = lambda i: f"{base}/voila/render/{tools[i % len(tools)]}"  # noqa: E731

        opened, seconds = [], []
        for i in range(args.pages):
            context, page = open_page(browser, url(i))
            seconds.append(drawn_seconds(page))
            opened.append(context)
        print(f"  one after another: {spread(seconds)}")
        time.sleep(2)
        report_memory(server, f"{args.pages} pages open")

        burst = [open_page(browser, url(i)) for i in range(args.together)]
        together = [drawn_seconds(page) for _, page in burst]
        opened += [context for context, _ in burst]
        print(f"  {args.together} more at the same moment: {spread(together)}")
        time.sleep(2)
        report_memory(server, f"{args.pages + args.together} pages open")

        for context in opened:  # as a person closes a tab: the page hears it is closing
            for page in context.pages:
                page.close(run_before_unload=True)
            time.sleep(0.2)
            context.close()
        left = wait_for_kernels(server, 0, 30)
        print(f"  all pages closed: {left} kernels left after 30 s")
        next(served, None)

        if not args.no_cull:
            served = start_server([voila, "checklists/", "--Voila.ip=127.0.0.1", *CULL], ROOT, env=env)
            base = next(served)
            server = voila_pid(base)
            pages = [open_page(browser, f"{base}/voila/render/{tools[i]}") for i in range(2)]
            for _, page in pages:
                drawn_seconds(page)
            closed, kept = pages
            closed[1].close(run_before_unload=True)
            closed[0].close()
            print(f"  culling on ({' '.join(CULL)}): 2 pages opened, 1 closed, 1 left open and idle:"
                  f" {len(kernels(server))} kernels; after 40 s: {wait_for_kernels(server, 1, 40)}")
            kept[0].close()
            next(served, None)
        browser.close()


if __name__ == "__main__":
    main()
