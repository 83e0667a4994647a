"""A Markdown record is inert: whatever a note or a checklist file holds, it
shows as plain text in CommonMark, GFM (with bare-link detection) and MyST (maths, ::: directives,
roles, substitutions), and a multi-line prompt or action stays inside its heading or list item."""
import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin
from mdit_py_plugins.substitution import substitution_plugin

from dpup_toolkit import render_markdown
from dpup_toolkit.records.rules import _CONTROL
from dpup_toolkit.engine.schema import Checklist

from .conftest import FIXTURES
from .test_parity import TOKENS, hostile_text

RENDERERS = {
    "CommonMark": MarkdownIt("commonmark"),
    "GFM": MarkdownIt("gfm-like", {"linkify": True}).enable(["linkify", "table", "strikethrough"]),
    "MyST": (MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "table", "strikethrough"])
             .use(dollarmath_plugin, allow_space=True, allow_digits=True).use(amsmath_plugin)
             .use(colon_fence_plugin).use(myst_role_plugin).use(myst_block_plugin).use(substitution_plugin)),
}
PLAIN = {"text", "softbreak", "text_special"}
HOSTILE = [
    "https://example.org and www.example.org and someone@example.org and example.org",
    "Costs $5 and $10, or $x^2$ and $$y$$",
    ":::{raw} html\n<script>alert(1)</script>\n:::",
    ":::{include} /etc/passwd\n:::",
    "```{eval-rst}\n.. raw:: html\n\n   <b>x</b>\n```",
    "~~~{eval-rst}\nx\n~~~",
    "{raw}`<b>html</b>` and {{ substitution }}",
    "% a MyST comment hides this line\n(target)=\n+++ block break",
    "<!--<script>alert(1)</script>-->",
    "]]> </script <script",
    "Line\n# heading\n- list\n1. number\n2) other\n> quote\n    code\n---\n===",
    "| a | b |\n| - | - |\n| 1 | 2 |",
    "[x](javascript:alert(1)) ![i](x.png) <https://x.org> [^1]\n\n[^1]: footnote",
    "\\$ \\\\ back\\slash & &amp; &#x3C;",
    "    indented like code\n\n\tand after a blank line\n\n        more",
    "\ufeff- after a BOM\n\u0085+ after NEL\n٣. Arabic-Indic digit",
    "\u0085(target)=\n\u2003(other)=\n\u00a0(third)=",  # MyST reads a target from the line stripped by str.strip()
    "a lone \ud800 surrogate",
]


def text_of(tokens):
    return "".join(child.content for token in tokens if token.type == "inline" for child in token.children)


def squeeze(text):
    text = _CONTROL.sub("\ufffd", text)  # the record writes each control character as U+FFFD
    return re.sub(r"[\s\ufeff\u0085\u200b]+", "", re.sub("[\x00\ud800-\udfff]", "\ufffd", text))


def check_note_is_plain(note):
    record = render_markdown(SAMPLE, {"told": {"answer": "yes", "note": note}}, "2026-11-21")
    for name, md in RENDERERS.items():
        tokens = md.parse(record, {})
        if not note:  # no note, no quote
            assert "blockquote_open" not in {t.type for t in tokens}
            continue
        start = next(i for i, t in enumerate(tokens) if t.type == "blockquote_open")
        end = max(i for i, t in enumerate(tokens) if t.type == "blockquote_close")
        inside = tokens[start + 1:end]
        assert {t.type for t in inside} <= {"paragraph_open", "paragraph_close", "inline"}, (name, note)
        for token in inside:
            if token.type == "inline":
                assert {child.type for child in token.children} <= PLAIN, (name, note)
        assert squeeze(text_of(inside)) == squeeze(note), (name, note)
        assert tokens[end + 1:] == [], (name, note)  # nothing after the note's blockquote


SAMPLE = Checklist.model_validate(yaml.safe_load((FIXTURES / "sample.yml").read_text(encoding="utf-8")))


def test_hostile_notes_are_plain_text_in_every_renderer():
    for note in HOSTILE:
        check_note_is_plain(note)


@settings(max_examples=150, deadline=None, database=None)
@given(hostile_text)
def test_random_hostile_notes_are_plain_text_in_every_renderer(note):
    check_note_is_plain(note)


def hostile_checklist(text):
    """The sample checklist with `text` in every field that is written into the record."""
    data = yaml.safe_load((FIXTURES / "sample.yml").read_text(encoding="utf-8"))
    data["title"] = f"Title {text}"
    for option in data["answers"]:
        option["label"] = f"{option['label']} {text}"
    for section in data["sections"]:
        section["title"] = f"Section {text}"
        for item in section["items"]:
            item["prompt"] = f"Prompt {text}"
            item["action"] = f"Action {text}"
    return Checklist.model_validate(data)


def test_every_field_from_the_checklist_file_stays_in_its_line_and_is_plain():
    # (A checklist file cannot hold a lone surrogate: the loader refuses it.)
    for text in [t for t in HOSTILE if not re.search("[\ud800-\udfff]", t)] + ["first\nsecond\n\n# third\n- fourth"]:
        checklist = hostile_checklist(text)
        answers = {"described": {"answer": "no"}, "told": {"answer": "yes"}}
        record = render_markdown(checklist, answers, "2026-11-21")
        one_line = " ".join(re.split(r"\r\n|\r|\n", text))
        for name, md in RENDERERS.items():
            tokens = md.parse(record, {})
            headings = [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "heading_open"]
            # Title; the unmet list's heading; "Not yet answered"; the skipped questions; two sections;
            # the visible prompts.
            assert len(headings) == 1 + 1 + 1 + 1 + 2 + 3, (name, text)
            for inline in headings + [t for t in tokens if t.type == "inline"]:
                assert {child.type for child in inline.children} <= PLAIN, (name, text, inline.content)
            heading_texts = [squeeze(text_of([h])) for h in headings]
            assert squeeze(f"Title {one_line}: record") == heading_texts[0], name
            assert squeeze(f"Prompt {one_line}") in heading_texts, name
            items = [i for i, t in enumerate(tokens) if t.type == "list_item_open"]
            # Seven facts at the top (what, by, review, checklist, exported, progress, not met);
            # one unmet question with its action; one not yet answered; one skipped.
            assert len(items) == 7 + 1 + 1 + 1 + 1, (name, text)
            assert squeeze(f"What to do: Action {one_line}") in {squeeze(text_of([t])) for t in tokens
                                                                if t.type == "inline"}, name
            labels = [squeeze(text_of([t])) for t in tokens if t.type == "inline" and t.content.startswith("Answer:")]
            assert squeeze(f"Answer: No {one_line}") in labels, name


def test_tokens_cover_the_differences_the_issue_names():
    # The corpus draws from these: keep them in it.
    for token in ["\ufeff", "\u0085", "\x1c", "٣", "$", ":::{raw} html", "```{eval-rst}", "<!--", "https://x.org"]:
        assert token in TOKENS
