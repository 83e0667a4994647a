"""The records a person downloads: exact Markdown and JSON, escaping, and importing them back."""
import json

import pytest
from markdown_it import MarkdownIt

from dpup_toolkit import RecordError, import_record, render_json, render_markdown
from dpup_toolkit.records.rules import escape_markdown

HOSTILE_NOTE = ("Names and <script>alert(1)</script> dates\n# not a heading\n- not a list\n1. nor this\n\n"
                "[link](http://x) *bold* `code` | pipe & amp")
ANSWERS = {
    "described": {"answer": "yes", "note": HOSTILE_NOTE},
    "identifies": {"answer": "yes", "note": ""},
    "needed": {"answer": "no"},
    "told": {"answer": None, "note": "Ask the team"},
}

GOLDEN_MARKDOWN = r"""# Sample checklist: record

- What is being checked: Not given
- Completed by: Not given
- Review by: Not given
- Checklist: sample, version 2
- Exported: 2026-11-21
- Progress: 3 of 4 questions answered
- Not met: 1

## What to do next

1. Is each identifying part needed?
   - What to do: Remove the parts you do not need.

## Not yet answered

- Will people be told?

## The data

### Have you described the data?

Answer: Yes

Note:

> Names and \<script\>alert(1)\</script\> dates
> \# not a heading
> \- not a list
> 1\. nor this
>
> \[link\](http\://x) \*bold\* \`code\` \| pipe \& amp

### Does any of it identify people?

Answer: Yes

### Is each identifying part needed?

Answer: No

## The people

### Will people be told?

Answer: Not answered

Note:

> Ask the team
"""

GOLDEN_JSON = {
    "format": "dpup-toolkit/checklist-record",
    "format_version": 1,
    "checklist": {"id": "sample", "version": 2, "title": "Sample checklist"},
    "exported_at": "2026-11-21",
    "about": {"what": "", "completed_by": "", "review_by": ""},
    "answers": {
        "described": {"answer": "yes", "note": HOSTILE_NOTE},
        "identifies": {"answer": "yes", "note": ""},
        "needed": {"answer": "no", "note": ""},
        "told": {"answer": None, "note": "Ask the team"},
    },
    "results": [{"kind": "unmet", "title": "What to do next", "items": ["needed"]}],
}


def test_markdown_record_is_exact(sample):
    assert render_markdown(sample, ANSWERS, "2026-11-21") == GOLDEN_MARKDOWN


def test_markdown_record_of_nothing_says_so(sample):
    assert render_markdown(sample, {}, "2026-11-21").split("## The data")[0] == (
        "# Sample checklist: record\n\n- What is being checked: Not given\n- Completed by: Not given\n"
        "- Review by: Not given\n- Checklist: sample, version 2\n- Exported: 2026-11-21\n"
        "- Progress: 0 of 3 questions answered\n- Not met: 0\n\n## What to do next\n\n"
        "Nothing is marked as not met.\n\n## Not yet answered\n\n- Have you described the data?\n"
        "- Does any of it identify people?\n- Will people be told?\n\n## Questions skipped because of an answer\n\n"
        "- Is each identifying part needed? Skipped: it is asked only when “Does any of it identify people?” is "
        "answered Yes. Answered: not yet.\n\n")


def test_typed_text_shows_literally_when_the_markdown_is_rendered(sample):
    html = MarkdownIt("commonmark").render(render_markdown(sample, ANSWERS, "2026-11-21"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<h1>") == 1 and "<h1># not a heading" not in html
    assert "<a href" not in html and "<em>" not in html and "<code>" not in html
    assert "<blockquote>\n<p>Names and" in html and "# not a heading\n- not a list\n1. nor this" in html


@pytest.mark.parametrize("text, escaped", [
    ("plain words, stay plain.", "plain words, stay plain."),
    ("  - indented dash", "\u00a0\u00a0\\- indented dash"),
    ("+ plus", "\\+ plus"),
    ("===", "\\==="),
    ("12) twelve", "12\\) twelve"),
    ("a\r\nb\rc", "a\nb\nc"),
    ("back\\slash", "back\\\\slash"),
])
def test_escape_markdown(text, escaped):
    assert escape_markdown(text) == escaped


def test_json_record_is_exact_and_round_trips(sample):
    text = render_json(sample, ANSWERS, "2026-11-21")
    assert json.loads(text) == GOLDEN_JSON
    assert text.startswith('{\n  "format": "dpup-toolkit/checklist-record",\n  "format_version": 1,\n')
    assert text.endswith("\n}\n")
    answers, notices = import_record(sample, text)
    assert answers == GOLDEN_JSON["answers"] and notices == []
    assert render_json(sample, answers, "2026-11-21") == text


def test_unicode_stays_readable_in_json(sample):
    text = render_json(sample, {"told": {"answer": "yes", "note": "Kia ora whānau — 你好 🙂"}}, "2026-11-21")
    assert "Kia ora whānau — 你好 🙂" in text


def record_with(**changes):
    record = json.loads(json.dumps(GOLDEN_JSON))
    for key, value in changes.items():
        if key == "answers":
            record["answers"] = value
        else:
            record["checklist"][key] = value
    return json.dumps(record)


@pytest.mark.parametrize("text, message", [
    ("{not json", "This file is not a checklist record: it is not valid JSON."),
    ('{"format": "something-else"}', "This file is not a DPUP Toolkit checklist record."),
    ('["a", "list"]', "This file is not a DPUP Toolkit checklist record."),
    (record_with(id="other", title="Other checklist"),
     "This record is for another checklist (“Other checklist”), not “Sample checklist”."),
    (record_with(version=3), "This record comes from a newer version of this checklist (version 3) than this page "
                             "has (version 2). Nothing was changed."),
    (record_with(version="2"), "This record does not say which version of the checklist it is for."),
    (record_with(answers=["yes"]), "This record's answers are damaged. Nothing was changed."),
    (record_with(answers={"told": {"answer": "maybe"}}),
     "The answer to “Will people be told?” is \"maybe\", which this checklist does not use."),
    (record_with(answers={"told": {"answer": "yes", "note": 5}}), "The note for “Will people be told?” is not text."),
    # Every answer is for a question this checklist does not ask: importing would replace the answers with nothing.
    (record_with(answers={"unknown-a": {"answer": "yes"}, "unknown-b": {"answer": "no"}}),
     "None of the 2 answer(s) in this file is for a question this checklist asks, so there is nothing to bring in. "
     "Nothing was changed."),
    (record_with(version=1, answers={"retired": {"answer": "yes"}}),
     "None of the 1 answer(s) in this file is for a question this checklist asks, so there is nothing to bring in. "
     "Nothing was changed."),
])
def test_a_bad_import_says_what_is_wrong(sample, text, message):
    with pytest.raises(RecordError) as caught:
        import_record(sample, text)
    assert str(caught.value) == message


def test_an_older_record_keeps_known_answers_and_says_what_was_dropped(sample):
    text = record_with(version=1, answers={"told": {"answer": "yes", "note": ""}, "retired-question": {"answer": "no"}})
    answers, notices = import_record(sample, text)
    assert answers == {"told": {"answer": "yes", "note": ""}}
    assert notices == ["This tool changed since you saved it (version 1, now version 2): 1 removed "
                       "(your answer to it is still in your file)."]


KINDS_ANSWERS = {
    "what": {"answer": "  Names and <b>addresses</b>, just in case\n# not a heading  "},
    "size": {"answer": "large", "note": "Many *whānau*"},
    "sensitive": {"answer": "high"},
    "why-sensitive": {"answer": "children"},
}

GOLDEN_KINDS_MARKDOWN = r"""# Kinds sample: record

- What is being checked: Not given
- Completed by: Not given
- Review by: Not given
- Checklist: kinds, version 3
- Exported: 2026-11-21
- Progress: 4 of 5 answered

## Your statement

### What

We collect names and \<b\>addresses\</b\>, just in case
\# not a heading.

### Why

We need it because \[Why do you need it?\]. The impact is Large.

Ask us anything.

Plain language: 4 sentences, 7.3 words a sentence on average. Sentences over 25 words: 0.

## Recommended level

Recommendation: Co-design

Because you said:
- How big is the impact? Large
- How sensitive is it? Very

Work with the people it is about.

Read more: Purpose Matters

## Your score

1 of 1 correct.

## Not yet answered

- Why do you need it?

## Your words

### What will you collect?

Answer:

> Names and \<b\>addresses\</b\>, just in case
> \# not a heading

### Why do you need it?

Answer: Not written

## Your picks

### How big is the impact?

Answer: Large

Correct.

Many people notice.

Note:

> Many \*whānau\*

### How sensitive is it?

Answer: Very

### What makes it sensitive?

Answer: About children
"""


def test_a_record_of_every_kind_and_result_is_exact(kinds):
    assert render_markdown(kinds, KINDS_ANSWERS, "2026-11-21") == GOLDEN_KINDS_MARKDOWN
    record = json.loads(render_json(kinds, KINDS_ANSWERS, "2026-11-21"))
    assert record["answers"]["what"] == {"answer": KINDS_ANSWERS["what"]["answer"], "note": ""}
    assert [r["kind"] for r in record["results"]] == ["template", "rules", "score"]
    assert record["results"][1]["recommendation"]["title"] == "Co-design"
    assert record["results"][2] == {"kind": "score", "title": "Your score", "correct": 1, "total": 1, "wrong": []}
    answers, _ = import_record(kinds, render_json(kinds, KINDS_ANSWERS, "2026-11-21"))
    assert render_markdown(kinds, answers, "2026-11-21") == GOLDEN_KINDS_MARKDOWN


def test_an_empty_record_of_the_kinds_sample_waits_for_answers(kinds):
    text = render_markdown(kinds, {}, "2026-11-21")
    assert "Nothing written yet: answer the questions below." in text
    assert "No recommendation yet: answer the questions below." in text
    assert "0 of 1 correct." in text


@pytest.mark.parametrize("answers, message", [
    ({"size": {"answer": "huge"}}, "The answer to “How big is the impact?” is \"huge\", which this checklist does not use."),
    ({"what": {"answer": ["a"]}}, "The answer to “What will you collect?” is not text."),
    ({"size": {"answer": "yes"}}, "The answer to “How big is the impact?” is \"yes\", which this checklist does not use."),
])
def test_answers_that_do_not_fit_the_item_kind_are_refused(kinds, answers, message):
    with pytest.raises(RecordError) as caught:
        render_json(kinds, answers, "2026-11-21")
    assert str(caught.value) == message


def test_a_quiz_record_lists_the_questions_answered_wrongly():
    from dpup_toolkit import load_checklist
    from .conftest import ROOT
    quiz = load_checklist(ROOT / "checklists" / "dpup-quiz.yml")
    first, second = [item for item in quiz.items if item.correct][:2]
    wrong = next(option.value for option in second.options if option.value != second.correct)
    answers = {first.id: {"answer": first.correct}, second.id: {"answer": wrong}}
    text = render_markdown(quiz, answers, "2026-11-21")
    assert f"1 of 15 correct.\n\nQuestions you answered wrongly:\n- {second.prompt}\n\n" in text  # only that one


def test_a_record_says_which_questions_were_skipped_and_because_of_which_answer():
    from dpup_toolkit import load_checklist
    from .conftest import ROOT
    tool = load_checklist(ROOT / "checklists" / "purpose-statement.yml")
    needed, parts = tool.item("identifying-needed"), tool.item("identifying-parts")
    text = render_markdown(tool, {"identifying-parts": {"answer": "no"}}, "2026-11-21")
    assert (f"## Questions skipped because of an answer\n\n- {needed.prompt} Skipped: it is asked only when "
            f"“{escape_markdown(parts.prompt)}” is answered Yes. Answered: No.\n") in text
    shown = render_markdown(tool, {"identifying-parts": {"answer": "yes"}}, "2026-11-21")
    assert f"- {needed.prompt} Skipped" not in shown
