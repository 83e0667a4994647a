"""The theme's Font Awesome icons become inline SVG when a page is written, so no page loads Font Awesome's script."""
import pytest

from dpup_toolkit.site import assets, icons

from .conftest import ROOT

ICONS = icons.load_icons(ROOT)


def test_a_decorative_icon_becomes_a_hidden_svg_keeping_its_other_classes_and_data():
    html = '<button><i class="theme-switch fa-solid fa-sun fa-lg" data-mode="light"></i></button>'
    svg = icons.inline_icons(html, ICONS)
    assert svg.startswith('<button><svg class="svg-inline--fa fa-sun theme-switch fa-lg" data-mode="light" '
                          'aria-hidden="true" focusable="false" data-icon="sun"')
    assert f'viewBox="0 0 {ICONS["fas sun"][0]} 512"' in svg and "<path" in svg and "<i" not in svg


def test_an_icon_with_a_title_keeps_it_as_its_accessible_name():
    svg = icons.inline_icons('<i class="fab fa-github" title="Source repository"></i>', ICONS)
    assert 'role="img" aria-label="Source repository"' in svg and "aria-hidden" not in svg
    assert ICONS["fab github"][2][:20] in svg


def test_an_icon_the_set_lacks_fails_with_its_name_and_the_fix():
    with pytest.raises(icons.UnknownIcon, match=r"fas house.*python -m dpup_toolkit.site.icons house"):
        icons.inline_icons('<span class="fa-solid fa-house"></span>', ICONS)


def test_text_that_merely_mentions_fa_is_left_alone():
    html = '<span class="sofa-fa">x</span><i class="fa-solid fa-bars">text</i><p class="fa">words</p>'
    assert icons.inline_icons(html, ICONS) == html


@pytest.mark.parametrize("name, body, kept", [
    ("copybutton.js", '<div class="highlight"><pre>x</pre></div>', True),
    ("copybutton.js", "<p>prose</p>", False),
    ("togglebutton.js", '<div class="admonition dropdown">x</div>', True),
    ("togglebutton.js", "<p>prose</p>", False),
    ("sphinx-thebe.js", '<div class="cell">x</div>', False),
    ("mystnb.abc.css", '<div class="cell tag_remove-input"><div class="cell_output">w</div></div>', False),
    ("mystnb.abc.css", '<div class="cell"><div class="cell_input">code</div></div>', True),
    ("doctools.js", "<p>prose</p>", True),
    ("pygments.css", '<div class="highlight-python notranslate"><div class="highlight">x</div></div>', True),
    ("pygments.css", "<p>prose</p>", False),
])
def test_a_page_keeps_an_extension_file_only_when_it_uses_it(name, body, kept):
    assert assets.keeps(name, body) is kept
