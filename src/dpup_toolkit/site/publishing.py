"""Where this copy of the toolkit is published, and where its feedback goes.

Three values, each from the environment if set, else from _config.yml:

- the repository (`DPUP_REPOSITORY_URL`, else `repository.url`; its branch `DPUP_REPOSITORY_BRANCH`,
  else `repository.branch`): Binder links, "View source" and "Suggest a change" are built from it;
- the site's address (`DPUP_SITE_URL`, else `html.baseurl`, else the repository's GitHub Pages
  address): the trainers' QR codes and link previews point there;
- a feedback email address (`DPUP_FEEDBACK_EMAIL`, else `dpup_feedback_email`; may be empty):
  the About page offers it beside the issue tracker.

The Pages workflow (.github/workflows/pages.yml) knows the repository and the site's address and
passes both, so a fork publishes with nothing to set. `DPUP_PUBLISH=1` (the workflow sets it)
makes the build stop while any value is still a placeholder; any other build says in its log
which values it uses and where each came from.

The same values reach the trainers' links page (book/workshop/links.ipynb, through `settings`)
and the Sphinx build (`setup`, called by site.py).
"""
from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[3]
# What the repository ships with, to be replaced by the publisher (or by the Pages workflow).
PLACEHOLDER_OWNER = "your-organisation"
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")
ISSUE_TEMPLATE = "suggest-a-change.yml"  # .github/ISSUE_TEMPLATE/
_GITHUB_REPOSITORY = re.compile(r"https://github\.com/([^/\s]+)/([^/\s]+?)(?:\.git)?/?")


class PublishingError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    repository_url: str
    branch: str
    site_url: str  # ends with "/"
    feedback_email: str  # "" when none is given
    sources: dict  # value name -> where it came from, for the build's log

    def placeholders(self) -> list[str]:
        """The values still holding a placeholder, each with where to set it."""
        found = []
        for name, value in (("repository", self.repository_url), ("site address", self.site_url),
                            ("feedback email", self.feedback_email)):
            if value and is_placeholder(value):
                found.append(f"{name} {value} (from {self.sources[name]})")
        return found

    def issues_url(self) -> str:
        return self.repository_url.rstrip("/") + "/issues"

    def suggest_change_url(self, page: str = "") -> str:
        """A new issue from the template, with the page's address filled in."""
        url = f"{self.issues_url()}/new?template={ISSUE_TEMPLATE}"
        return url + (f"&page={quote(self.site_url + page, safe='')}" if page else "")


def is_placeholder(value: str) -> bool:
    host = urlsplit(value).hostname or value.rpartition("@")[2]
    return (PLACEHOLDER_OWNER in value.lower()
            or any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS))


def pages_url(repository_url: str) -> str:
    """A repository's GitHub Pages address: https://<owner>.github.io/<name>/."""
    match = _GITHUB_REPOSITORY.fullmatch(repository_url)
    if match is None:
        raise PublishingError(f"repository URL {repository_url!r} is not https://github.com/<owner>/<name>; "
                              "set the site's address too (DPUP_SITE_URL or html.baseurl in _config.yml)")
    owner, name = match.groups()
    return f"https://{owner.lower()}.github.io/{name}/"


def settings(root: Path = ROOT, environ=None) -> Settings:
    """The publishing values for the book at `root`, from `environ` (default: os.environ) and
    root/_config.yml."""
    environ = os.environ if environ is None else environ
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    sources = {}

    def pick(name, variable, configured, where):
        if environ.get(variable, "").strip():
            sources[name] = f"environment variable {variable}"
            return environ[variable].strip()
        sources[name] = f"{where} in _config.yml"
        return (configured or "").strip()

    repository = pick("repository", "DPUP_REPOSITORY_URL", config.get("repository", {}).get("url"), "repository.url")
    branch = pick("branch", "DPUP_REPOSITORY_BRANCH", config.get("repository", {}).get("branch") or "main",
                  "repository.branch")
    site = pick("site address", "DPUP_SITE_URL", (config.get("html") or {}).get("baseurl"), "html.baseurl")
    if not site:
        site = pages_url(repository)
        sources["site address"] = f"the GitHub Pages address of the repository ({sources['repository']})"
    email = pick("feedback email", "DPUP_FEEDBACK_EMAIL",
                 ((config.get("sphinx") or {}).get("config") or {}).get("dpup_feedback_email"),
                 "sphinx.config.dpup_feedback_email")
    return Settings(repository.rstrip("/"), branch, site.rstrip("/") + "/", email, sources)


def publishing_build(environ=None) -> bool:
    environ = os.environ if environ is None else environ
    return environ.get("DPUP_PUBLISH", "").strip().lower() in ("1", "true", "yes")


def check(found: Settings, publishing: bool) -> str:
    """The line the build logs about its values; raises PublishingError for a publishing build
    that still has placeholders."""
    placeholders = found.placeholders()
    if publishing and placeholders:
        raise PublishingError(
            "A build for publishing (DPUP_PUBLISH=1) cannot use placeholder values: " + "; ".join(placeholders)
            + ". Set them in _config.yml or as environment variables (DPUP_REPOSITORY_URL, DPUP_SITE_URL, "
            "DPUP_FEEDBACK_EMAIL); the Pages workflow sets the first two itself. See HOSTING.md.")
    lines = [
        f"site address {found.site_url} (from {found.sources['site address']})",
        f"repository {found.repository_url}, branch {found.branch} (from {found.sources['repository']})",
        (f"feedback email {found.feedback_email} (from {found.sources['feedback email']})" if found.feedback_email
         else "no feedback email: feedback goes to the repository's issue tracker"),
    ]
    kind = "Publishing build" if publishing else "Local build (not for publishing)"
    note = f"; placeholders: {'; '.join(placeholders)}" if placeholders else ""
    return f"{kind} uses: " + "; ".join(lines) + note


ROOT_PAGE = """<!DOCTYPE html>
<html lang="en-NZ">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  <meta name="description" content="{description}">
  <meta property="og:title" content="{title}">
  <meta property="og:description" content="{description}">
  <meta property="og:url" content="{site_url}">
  <link rel="canonical" href="{site_url}{home}">
  <link rel="icon" href="{favicon}">
  <meta http-equiv="refresh" content="0; url={home}">
  <style>
    body {{ font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40em; margin: 2em auto; padding: 0 1em; }}
    a {{ color: #0b5cad; }}
    @media (prefers-color-scheme: dark) {{ body {{ background: #121212; color: #eee; }} a {{ color: #8cc4ff; }} }}
  </style>
</head>
<body>
  <main>
    <h1>{title}</h1>
    <p>{description}</p>
    <p><a href="{home}">Open the {title}</a></p>
  </main>
</body>
</html>
"""
ROOT_DESCRIPTION = ("Guidance, checklists and training for the Data Protection and Use Policy (DPUP): "
                    "using people's data and information in ways that are respectful, trusted and transparent.")


def root_page(title: str, home: str, site_url: str, favicon: str = "") -> str:
    """The page at the site's root: the toolkit's name, what it is and a link on to its home page
    (which a browser opens straight away)."""
    return ROOT_PAGE.format(title=html.escape(title), description=html.escape(ROOT_DESCRIPTION),
                            home=html.escape(home), site_url=html.escape(site_url), favicon=html.escape(favicon))


# ---------------------------------------------------------------------------------------------
# The Sphinx side (site.py calls setup).

def _config_inited(app, config):
    from sphinx.errors import ConfigError
    from sphinx.util import logging

    try:
        found = settings(Path(app.srcdir))
        line = check(found, publishing_build())
    except PublishingError as problem:
        raise ConfigError(str(problem)) from None
    logging.getLogger(__name__).info(line)
    options = config.html_theme_options
    options["repository_url"] = found.repository_url
    options["repository_branch"] = found.branch
    config.dpup_feedback_email = found.feedback_email
    config.dpup_site_url = found.site_url
    config.dpup_issues_url = found.issues_url()
    if "ogp_site_url" in config:
        config.ogp_site_url = found.site_url


def _suggest_a_change(app, pagename, templatename, context, doctree):
    """Every page's footer: "Suggest a change", a new issue with the page's address filled in."""
    repository = app.config.html_theme_options.get("repository_url")
    if not repository:
        return
    found = Settings(repository, "", app.config.dpup_site_url, "", {})
    link = (f'<p><a href="{html.escape(found.suggest_change_url(pagename + ".html"))}">Suggest a change</a>'
            " to this page (on GitHub)</p>")
    context["theme_extra_footer"] = link + context.get("theme_extra_footer", "")


def write_root_page(app) -> None:
    """Put a real page at the site's root in place of the bare redirect sphinx-external-toc writes."""
    outdir = Path(app.outdir)
    root_doc = app.config.root_doc
    if root_doc == "index":
        return
    favicon = app.config.html_favicon or ""
    favicon = f"_static/{Path(favicon).name}" if favicon and "://" not in favicon else favicon
    page = root_page(app.config.html_title or app.config.project, f"{root_doc}.html", app.config.dpup_site_url, favicon)
    (outdir / "index.html").write_text(page, encoding="utf-8")


def setup(app):
    app.add_config_value("dpup_site_url", "", "env", types=[str])
    app.add_config_value("dpup_issues_url", "", "env", types=[str])
    app.connect("config-inited", _config_inited, priority=400)
    app.connect("html-page-context", _suggest_a_change, priority=910)  # after navigation.py sets the footer
