"""Sphinx extension for finding your way around the site (listed in _config.yml).

- Loads the site's navigation script and styles (theme/site-root/navigation/) on every page:
  menus that open on phones and tablets, copyable heading links, deep links into a tool.
- Folds macrons out of search words, in the index and in the query, so "whanau" finds "whānau".
- Drops the header buttons this audience does not need (source downloads, full screen, the
  launch menu) and ends each tool page with "More options", where "Other ways to run this tool"
  (Binder, plainly labelled as a public service) is folded, built from the one repository setting.
- Gives the landing page a title without the site name twice, the footer a "View source" link,
  and pages a {feedback-email}`subject` role for where feedback goes (publishing.py).
"""
from __future__ import annotations

import html
import json
import posixpath
import re
import unicodedata
from pathlib import Path
from urllib.parse import quote

from docutils import nodes
from sphinx.search import languages
from sphinx.search.en import SearchEnglish

from .publishing import ISSUE_TEMPLATE

ASSETS = "../navigation/"  # under html_extra_path; "../" because Sphinx puts "_static/" in front
UNWANTED_HEADER_BUTTONS = {"launch-buttons", "download-buttons", "fullscreen-button"}
OTHER_WAYS_ID = "other-ways-to-run-this-tool"
STATEMENTS = [("book/accessibility", "Accessibility statement"), ("book/privacy", "Privacy statement")]


def fold(word: str) -> str:
    """The word without its diacritics: "whānau" -> "whanau", "Tāngata" -> "Tangata"."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


class FoldedEnglish(SearchEnglish):
    """English search that indexes and looks up words without macrons or other diacritics."""

    # The browser splits the query into words with this, so each word is folded before stemming.
    js_splitter_code = """
function splitQuery(query) {
  return query.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "")
    .split(/[^\\p{Letter}\\p{Number}_\\p{Emoji_Presentation}]+/gu)
    .filter(term => term);
}
"""

    def stem(self, word: str) -> str:
        return super().stem(fold(word))


def binder_url(binderhub_url: str, repository_url: str, branch: str, urlpath: str) -> str:
    repository = re.sub(r"^https://github\.com/|/$", "", repository_url)
    return f"{binderhub_url.rstrip('/')}/v2/gh/{repository}/{branch}?urlpath={urlpath}"


def voila_binder_url(binderhub_url: str, repository_url: str, branch: str, notebook: str) -> str:
    return binder_url(binderhub_url, repository_url, branch, quote("voila/render/" + notebook, safe=""))


def lab_binder_url(binderhub_url: str, repository_url: str, branch: str, notebook: str) -> str:
    return binder_url(binderhub_url, repository_url, branch, f"lab/tree/{notebook}")


def _paragraph(*children) -> nodes.paragraph:
    return nodes.paragraph("", "", *[nodes.Text(c) if isinstance(c, str) else c for c in children])


def _link(text: str, url: str) -> nodes.reference:
    return nodes.reference("", text, refuri=url)


def other_ways_section(binderhub: str, repository: str, branch: str, notebook: str,
                       heading: bool = True) -> list[nodes.Node]:
    """The "More options" part at the end of a tool page: the ways to run the tool elsewhere,
    folded, so the page ends in words a front-line worker uses (its id is the one it always had).
    On a page with a tool, the tool draws the "More options" heading itself, with "Compare answers
    with your team" under it (in Voila and JupyterLab too): this part follows it with no heading
    of its own, so the page has one "More options"."""
    body: list[nodes.Node] = [_paragraph("On this page the tool runs in your browser. Nothing you type leaves it.")]
    body.append(nodes.raw("", '<details class="dpup-other-ways">\n<summary>Other ways to run this tool</summary>',
                          format="html"))
    body.append(_paragraph(
        "You can also open the same tool on Binder, a free public service. Binder runs it on a "
        "computer on the internet that nobody in your organisation controls. What you type there "
        "is sent to that computer. ",
        nodes.strong("", "Do not enter real information about people there."),
        " Use Binder to try the tool, or to help build the toolkit."))
    items = nodes.bullet_list()
    for text, url in (
        ("Open this tool as an app on Binder (Voila)", voila_binder_url(binderhub, repository, branch, notebook)),
        ("Open this tool in JupyterLab on Binder", lab_binder_url(binderhub, repository, branch, notebook)),
    ):
        items += nodes.list_item("", _paragraph(_link(text, url)))
    body += [items, nodes.raw("", "</details>", format="html")]
    if heading:
        section = nodes.section(ids=[OTHER_WAYS_ID], names=["more options"])
        section += nodes.title("", "More options")
        section += body
        return [section]
    return [nodes.raw("", f'<section id="{OTHER_WAYS_ID}">', format="html"), *body,
            nodes.raw("", "</section>", format="html")]


def _add_other_ways(app, doctree):
    docname = app.env.docname
    options = app.config.html_theme_options
    binderhub = options.get("launch_buttons", {}).get("binderhub_url")
    repository = options.get("repository_url")
    source = Path(app.env.doc2path(docname))
    if not (docname.startswith("checklists/") and source.suffix == ".ipynb" and binderhub and repository):
        return
    page = next(iter(doctree.findall(nodes.section)), None)
    if page is not None:
        tool = "ChecklistWidget(" in source.read_text(encoding="utf-8")  # a tool page: its widget heads More options
        page += other_ways_section(binderhub, repository, options.get("repository_branch", "main"), f"{docname}.ipynb",
                                   heading=not tool)


def _drop_unwanted_header_buttons(app, pagename, templatename, context, doctree):
    buttons = context.get("header_buttons")
    if buttons:
        context["header_buttons"] = [b for b in buttons if b.get("label") not in UNWANTED_HEADER_BUTTONS]
    repository = app.config.html_theme_options.get("repository_url")
    if repository:
        context["theme_extra_footer"] = f'<p><a href="{repository}">View source</a> (for developers)</p>'


def _statements_in_footer(app, pagename, templatename, context, doctree):
    """Every page's footer links to the site's accessibility and privacy statements."""
    here = posixpath.dirname(pagename)
    links = " · ".join(f'<a href="{posixpath.relpath(f"{page}.html", here or ".")}">{title}</a>'
                       for page, title in STATEMENTS)
    context["theme_extra_footer"] = context.get("theme_extra_footer", "") + f'<p class="dpup-statements">{links}</p>'


def page_description(doctree, limit: int = 200) -> str | None:
    """The page's "In brief", in whole sentences up to `limit` characters: its link preview."""
    brief = next((s for s in doctree.findall(nodes.section) if "in-brief" in s["ids"]), None)
    if brief is None:
        return None
    description = ""
    for paragraph in brief.findall(nodes.paragraph):
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(paragraph.astext().split())):
            if description and len(description) + len(sentence) >= limit:
                return description
            description = f"{description} {sentence}".strip()
    return description or None


def _describe_page(app, pagename, templatename, context, doctree):
    """A meta description and Open Graph description from the page's "In brief"."""
    description = page_description(doctree) if doctree else None
    if description:
        context["meta"] = {**(context.get("meta") or {}), "og:description": description}
        context["metatags"] = context.get("metatags", "") + (
            f'\n    <meta name="description" content="{html.escape(description)}" />')


def _feedback_email_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """{feedback-email}`Subject line`: how to send feedback, ending a sentence. "email <address>"
    as a mail link when a feedback address is set (publishing.py), else the repository's issue
    tracker."""
    config = inliner.document.settings.env.config
    address = config.dpup_feedback_email
    if address:
        return [nodes.Text("email "), nodes.reference(rawtext, address, refuri=f"mailto:{address}?subject={quote(text)}"),
                nodes.Text(". You do not need an account anywhere to do this.")], []
    return [nodes.Text('use the "Suggest a change" link at the foot of any page. It opens a new issue on '),
            nodes.reference(rawtext, "GitHub", refuri=f"{config.dpup_issues_url}/new?template={ISSUE_TEMPLATE}"),
            nodes.Text(", where you need a free account.")], []


def _config_inited(app, config):
    logo = config.html_theme_options.setdefault("logo", {})
    logo.setdefault("text", config.html_title)  # the wordmark's words beside its mark


def fix_landing_title(html: str, site_title: str) -> str:
    """The landing page is titled with the site's name: say it once in the browser tab."""
    twice = f"<title>{site_title} &#8212; {site_title}</title>"
    return html.replace(twice, f"<title>{site_title}</title>", 1)


def glossary_entries(terms: dict, docnames: list[str]) -> dict[str, list]:
    """Search index entries for the glossary's terms, each as written and without its macrons
    ("whānau" and "whanau"), as the search page matches them against the query: [file, anchor, main]."""
    entries: dict[str, list] = {}
    for (kind, name), (docname, anchor) in sorted(terms.items()):
        if kind == "term" and docname in docnames:
            for key in dict.fromkeys([name.lower(), fold(name).lower()]):
                entries.setdefault(key, []).append([docnames.index(docname), anchor, True])
    return entries


def add_glossary_to_search(outdir: Path, terms: dict) -> None:
    """The glossary's terms in the search index, whether or not Sphinx re-read the glossary (an
    incremental build drops the index entries of pages it did not re-read)."""
    path = outdir / "searchindex.js"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    prefix, suffix = "Search.setIndex(", ")"
    index = json.loads(text[len(prefix):-len(suffix)])
    index["indexentries"] = {**index.get("indexentries", {}), **glossary_entries(terms, index["docnames"])}
    path.write_text(prefix + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + suffix, encoding="utf-8")


def _build_finished(app, exception):
    if exception is None and app.builder.format == "html":
        add_glossary_to_search(Path(app.outdir), app.env.domaindata["std"]["objects"])
        landing = Path(app.outdir) / f"{app.config.root_doc}.html"
        if landing.exists():
            html = landing.read_text(encoding="utf-8")
            fixed = fix_landing_title(html, app.config.html_title)
            if fixed != html:
                landing.write_text(fixed, encoding="utf-8")


def setup(app):
    languages["en"] = FoldedEnglish
    app.add_config_value("dpup_feedback_email", "", "env", types=[str])
    app.add_role("feedback-email", _feedback_email_role)
    app.add_js_file(ASSETS + "navigation.js", loading_method="defer")
    app.add_css_file(ASSETS + "navigation.css")
    app.connect("config-inited", _config_inited)
    app.connect("doctree-read", _add_other_ways)
    app.connect("html-page-context", _describe_page, priority=400)  # before sphinxext-opengraph
    app.connect("html-page-context", _drop_unwanted_header_buttons, priority=900)
    app.connect("html-page-context", _statements_in_footer, priority=950)  # after the "View source" link
    app.connect("build-finished", _build_finished, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
