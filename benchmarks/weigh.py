"""What a page costs to load: the built site served as a static host would (gzip), and the bytes
a fresh browser transfers to show one page. Shared by `make bench` and the page-weight test.

Bytes are deterministic (unlike times), so a test can hold every page to a budget.
"""
from __future__ import annotations

import gzip
import http.server
import json
import threading
from contextlib import contextmanager
from functools import lru_cache, partial
from pathlib import Path

from dpup_toolkit.site import prerender

COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".txt")


@lru_cache(maxsize=None)
def _gzipped(path: Path, mtime_ns: int, size: int) -> bytes:
    """A file's gzip bytes, compressed once: every page loads the same theme files again."""
    return gzip.compress(path.read_bytes(), 6, mtime=0)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as a static host would: text gzip-compressed when the browser accepts it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            stat = path.stat()
            body = _gzipped(path, stat.st_mtime_ns, stat.st_size)
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


@contextmanager
def serve_gzip(site: Path):
    """Serve `site` on a free loopback port; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def open_uncached(browser, context_options=None):
    """A fresh context and page with the HTTP cache and service workers off, and a CDP session
    that records every response's transferred bytes into the returned dict (url -> bytes)."""
    context = browser.new_context(service_workers="block", **(context_options or {}))
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("http://127.0.0.1", "blob:", "data:")) else route.abort())
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls, transferred = {}, {}
    cdp.on("Network.requestWillBeSent", lambda event: urls.__setitem__(event["requestId"], event["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda event: transferred.__setitem__(
        urls.get(event["requestId"], event["requestId"]), event["encodedDataLength"]))
    return context, page, transferred


def page_weight(browser, url: str, ready: str | None = None) -> dict[str, int]:
    """Bytes transferred (gzip) for each file a fresh visit to `url` loads, once it is idle."""
    return page_weights(browser, [(url, ready)])[url]


def page_weights(browser, visits: list[tuple[str, str | None]], at_once: int = 6) -> dict[str, dict[str, int]]:
    """page_weight for many (url, ready selector) visits, `at_once` fresh browser profiles at a time."""
    weights = {}
    for start in range(0, len(visits), at_once):
        batch = [(url, ready, *open_uncached(browser)) for url, ready in visits[start:start + at_once]]
        try:
            for url, _, _, page, _ in batch:
                page.goto(url, wait_until="commit")
            for url, ready, _, page, transferred in batch:
                page.wait_for_load_state("load")
                if ready:
                    page.wait_for_selector(ready, timeout=60_000)
                page.wait_for_load_state("networkidle")
                weights[url] = dict(transferred)
        finally:
            for _, _, context, _, _ in batch:
                context.close()
    return weights


def first_use_weight(browser, url: str) -> dict[str, int]:
    """Bytes (gzip) a fresh visit to a tool page loads once the person starts to use the form (they
    point at its first question), beyond what the page loaded when it opened."""
    context, page, transferred = open_uncached(browser)
    try:
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        opened = set(transferred)
        page.hover(".dpup-checklist .dpup-item")
        page.wait_for_selector(".static-widget[data-drawn]", state="detached", timeout=60_000)
        page.wait_for_load_state("networkidle")
        return {url: size for url, size in transferred.items() if url not in opened}
    finally:
        context.close()


def own_words(page: Path) -> int:
    """Gzip bytes of the checklist a tool page shows (its questions, guidance and actions): the
    tool's text, as an article's text is, not code. 0 for a page with no tool."""
    state = prerender.widget_state(page)
    if state is None:
        return 0
    definitions = [model["state"]["definition"] for model in state["state"].values() if "definition" in model["state"]]
    return sum(len(gzip.compress(json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6))
               for d in definitions)
