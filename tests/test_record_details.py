"""Records people can file: what is being checked, who completed it and when to review it
are in every record and in the file name, the same from Python and from the browser."""
import json

import pytest

from dpup_toolkit import import_record, render_json, render_markdown
from dpup_toolkit.records.rules import clean_about, import_about, record_filename, slug

from .test_front_end_logic import definition, module, run_js  # noqa: F401  (fixtures)
from .test_record import ANSWERS, GOLDEN_JSON

ABOUT = {"what": "  Youth *mentoring* — Ōtaki whānau pilot  ", "completed_by": "Aroha Ngata <team lead>",
         "review_by": "2027-03-31"}


def test_the_details_head_the_markdown_record_exactly(sample):
    head = render_markdown(sample, ANSWERS, "2026-11-21", about=ABOUT).split("\n- Progress")[0]
    assert head == ("# Sample checklist: record\n\n"
                    "- What is being checked: Youth \\*mentoring\\* — Ōtaki whānau pilot\n"
                    "- Completed by: Aroha Ngata \\<team lead\\>\n"
                    "- Review by: 2027-03-31\n"
                    "- Checklist: sample, version 2\n- Exported: 2026-11-21")


def test_the_details_are_saved_in_the_json_record_and_come_back_on_import(sample):
    text = render_json(sample, ANSWERS, "2026-11-21", about=ABOUT)
    record = json.loads(text)
    assert list(record)[:5] == ["format", "format_version", "checklist", "exported_at", "about"]
    assert record["about"] == {"what": "Youth *mentoring* — Ōtaki whānau pilot",
                               "completed_by": "Aroha Ngata <team lead>", "review_by": "2027-03-31"}
    answers, _ = import_record(sample, text)
    assert import_about(text) == record["about"]
    assert render_json(sample, answers, "2026-11-21", about=import_about(text)) == text


def test_a_record_from_before_the_details_still_imports(sample):
    old = json.loads(json.dumps(GOLDEN_JSON))
    del old["about"]
    text = json.dumps(old)
    answers, notices = import_record(sample, text)
    assert answers == GOLDEN_JSON["answers"] and notices == []
    assert import_about(text) is None


@pytest.mark.parametrize("about, cleaned", [
    (None, {"what": "", "completed_by": "", "review_by": ""}),
    ({"what": 5, "completed_by": ["x"], "review_by": "31/03/2027"}, {"what": "", "completed_by": "", "review_by": ""}),
    ({"what": "\n a \t", "review_by": " 2027-03-31\n"}, {"what": "a", "completed_by": "", "review_by": "2027-03-31"}),
    ({"what": "a\ud800b", "completed_by": None, "review_by": "2027-01-02"},
     {"what": "a\ufffdb", "completed_by": "", "review_by": "2027-01-02"}),
])
def test_odd_details_are_cleaned_not_refused(about, cleaned):
    assert clean_about(about) == cleaned


SLUGS = [
    ("Youth mentoring — Ōtaki whānau pilot", "youth-mentoring-otaki-whanau-pilot"),
    ("../../etc/passwd", "etc-passwd"),
    ("CON: <script>alert(1)</script>", "con-script-alert-1-script"),
    ("Māori DATA 2027!!", "maori-data-2027"),
    ("你好 🙂", ""),
    ("a" * 30 + " " + "b" * 30, "a" * 30 + "-" + "b" * 9),
    ("word " * 20, "word-word-word-word-word-word-word-word"),
    ("", ""),
]


@pytest.mark.parametrize("text, expected", SLUGS)
def test_the_what_part_of_a_file_name_is_safe(text, expected):
    assert slug(text) == expected
    assert len(slug(text)) <= 40


def test_file_names_name_the_tool_what_and_time_and_skip_an_empty_what():
    assert record_filename("purpose-statement", ABOUT, "2026-11-21-0930", "md") == \
        "purpose-statement-youth-mentoring-otaki-whanau-pilot-2026-11-21-0930.md"
    assert record_filename("purpose-statement", {"what": " 🙂 "}, "2026-11-21-0930", "docx") == \
        "purpose-statement-2026-11-21-0930.docx"


def test_the_browser_makes_the_same_details_records_and_file_names(run_js, sample):  # noqa: F811
    d = definition(sample)
    odd = {"what": "\n a\u0085 \t", "completed_by": 7, "review_by": "2027-3-1"}
    calls = [["renderMarkdown", [d, ANSWERS, "2026-11-21", about]] for about in (ABOUT, odd, {})]
    calls += [["renderJson", [d, ANSWERS, "2026-11-21", about]] for about in (ABOUT, odd, {})]
    calls += [["slug", [text]] for text, _ in SLUGS]
    calls += [["recordFilename", ["sample", about, "2026-11-21-0930", "md"]] for about in (ABOUT, odd, {})]
    text = render_json(sample, ANSWERS, "2026-11-21", about=ABOUT)
    old = json.dumps({k: v for k, v in json.loads(text).items() if k != "about"})
    calls += [["importAbout", [text]], ["importAbout", [old]]]
    expected = [render_markdown(sample, ANSWERS, "2026-11-21", about=about) for about in (ABOUT, odd, {})]
    expected += [render_json(sample, ANSWERS, "2026-11-21", about=about) for about in (ABOUT, odd, {})]
    expected += [slug(text) for text, _ in SLUGS]
    expected += [record_filename("sample", about, "2026-11-21-0930", "md") for about in (ABOUT, odd, {})]
    expected += [import_about(text), None]
    assert [result["value"] for result in run_js(calls)["results"]] == expected
