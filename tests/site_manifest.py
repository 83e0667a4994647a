"""The public URLs of the site: every page and every section anchor trainers may link to.

tests/site_manifest.json is committed; test_pages.py fails when a URL in it disappears from the
build. After adding pages or sections on purpose, refresh it with `make manifest`.
"""
import json
import re
import sys

import yaml
from bs4 import BeautifulSoup

from .conftest import ROOT, SITE

MANIFEST = ROOT / "tests" / "site_manifest.json"


def toc_pages() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(entries):
        for entry in entries:
            pages.append(entry["file"])
            walk(entry.get("sections", []))
    for part in toc["parts"]:
        walk(part["chapters"])
    return [f"{page}.html" for page in pages]


def anchors(page: str) -> list[str]:
    soup = BeautifulSoup((SITE / page).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article")
    # Sphinx's own "id1", "id2"... shift whenever a page changes: they are not public anchors.
    return sorted({tag["id"] for tag in article.select("section[id], dt[id], span[id]")
                   if not re.fullmatch(r"id\d+", tag["id"])})


def build_manifest() -> dict[str, list[str]]:
    return {page: anchors(page) for page in toc_pages()}


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    MANIFEST.write_text(json.dumps(build_manifest(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {MANIFEST.relative_to(ROOT)}")
