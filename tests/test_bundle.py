"""The theme's files and ours as two (bundle.py): pages ask for the bundles in the parts' place, keep the
extension files they use in order, and a moved stylesheet still finds its images and fonts."""
import pytest

from dpup_toolkit.site import bundle

BUNDLES = {bundle.STYLE: bundle.STYLE + "?v=1", bundle.SCRIPT: bundle.SCRIPT + "?v=3"}
HEAD = """<html data-content_root="../"><head>
<link href="../_static/basic.css" rel="stylesheet" />
<link href="../_static/styles/pydata-sphinx-theme.css?digest=x" rel="stylesheet" />
<link rel="preload" as="script" href="../_static/scripts/bootstrap.js?digest=x" />
<link rel="stylesheet" type="text/css" href="../_static/pygments.css?v=1" />
<link rel="stylesheet" type="text/css" href="../_static/styles/sphinx-book-theme.css?v=1" />
<link rel="stylesheet" type="text/css" href="../_static/../site/site.css?v=1" />
<link rel="stylesheet" type="text/css" href="../_static/../navigation/navigation.css?v=1" />
<script defer="defer" src="../_static/doctools.js?v=1"></script>
<script defer="defer" src="../_static/sphinx_highlight.js?v=1"></script>
<script defer="defer" src="../_static/copybutton.js?v=1"></script>
<script defer="defer" src="../_static/scripts/sphinx-book-theme.js?v=1"></script>
<script defer="defer" src="../_static/../site/offline.js?v=1"></script>
<script defer="defer" src="../_static/../navigation/navigation.js?v=1"></script>
</head><body>
<script defer src="../_static/scripts/bootstrap.js?digest=x"></script>
<script defer src="../_static/scripts/pydata-sphinx-theme.js?digest=x"></script>
</body></html>"""


def loaded(html):
    import re
    return re.findall(r'(?:href|src)="([^"]+)"', html)


def test_a_page_loads_the_two_bundles_where_their_first_parts_were():
    assert loaded(bundle.use_bundles(HEAD, "book/start-here", BUNDLES)) == [
        "../site/dpup.css?v=1", "../_static/pygments.css?v=1", "../site/dpup.js?v=3", "../_static/copybutton.js?v=1"]


def test_the_search_page_keeps_its_scripts_in_order_but_not_bootstrap():
    page = bundle.use_bundles(HEAD.replace('href="../_static/basic.css"', 'href="../_static/styles/theme.css?digest=x"'),
                              "search", BUNDLES)
    files = loaded(page)
    assert files[:2] == ["../site/dpup.css?v=1", "../_static/pygments.css?v=1"]
    assert [f.split("/")[-1].split("?")[0] for f in files[2:]] == [
        "doctools.js", "sphinx_highlight.js", "copybutton.js", "sphinx-book-theme.js", "offline.js", "navigation.js",
        "theme-controls.js", "pydata-sphinx-theme.js"]


def test_a_stylesheet_moved_into_the_bundle_still_finds_its_files():
    css = 'a{background:url(file.png)} b{src:url("../vendor/x.woff2")} c{background:url(data:image/png;base64,AA)}'
    assert bundle.moved_css(css, "_static/styles/pydata-sphinx-theme.css", "site/dpup.css") == (
        'a{background:url(../_static/styles/file.png)} b{src:url("../_static/vendor/x.woff2")}'
        ' c{background:url(data:image/png;base64,AA)}')
    assert bundle.moved_css('i{src:url("fa.woff")}', "site/site.css", "site/dpup.css") == 'i{src:url("fa.woff")}'


def test_a_theme_script_that_no_longer_reads_as_expected_fails_the_bundle(tmp_path):
    part = tmp_path / "sphinx_highlight.js"
    part.write_text("const highlight = 1;\n", encoding="utf-8")
    with pytest.raises(bundle.BundleError, match="sphinx_highlight.js: cannot apply bundle.PATCHES"):
        bundle._script(part, "_static/sphinx_highlight.js", tmp_path)
