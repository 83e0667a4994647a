"""Compare answers, for teams and agencies: several people's records of one tool, item by
item. The page's Markdown (checklist.js renderComparison) equals compare.py's byte for byte."""
import json

from dpup_toolkit import render_json
from dpup_toolkit.compare import compare_records, render_comparison

from .test_front_end_logic import definition, module, run_js  # noqa: F401  (fixtures)
from .test_record import HOSTILE_NOTE


def record(checklist, answers, completed_by=None):
    text = render_json(checklist, answers, "2026-11-30")
    if completed_by is None:
        return text
    data = json.loads(text)
    data["about"] = {"completed_by": completed_by}
    return json.dumps(data, ensure_ascii=False)


def team(sample):
    return [
        ("ana.json", record(sample, {"described": {"answer": "yes", "note": "Checked <b>it</b>"},
                                     "identifies": {"answer": "yes"}, "needed": {"answer": "no", "note": "Too much"}})),
        ("ben.json", record(sample, {"described": {"answer": "yes"}, "identifies": {"answer": "no"},
                                     "told": {"answer": "yes"}}, completed_by="  Aroha Ngata\n")),
        ("broken.json", "{"),
        ("other.json", record(sample, {}).replace('"id": "sample"', '"id": "another"')),
    ]


GOLDEN = r"""# Sample checklist: comparison of answers

- Checklist: sample, version 2
- Compared: 2026-12-01
- People: 2
- All agree: 1 of 4 items
- Answers differ: 3 of 4 items
- Nobody answered: 0 of 4 items
- Left out: broken\.json: This file is not a checklist record: it is not valid JSON.
- Left out: other\.json: This record is for another checklist (“Sample checklist”), not “Sample checklist”.

## People

- ana\.json
- Aroha Ngata (from ben\.json)

## The data

### Have you described the data?

All agree.

- ana\.json: Yes
- Aroha Ngata: Yes

Note from ana\.json:

> Checked \<b\>it\</b\>

### Does any of it identify people?

Answers differ.

- ana\.json: Yes
- Aroha Ngata: No

### Is each identifying part needed?

Answers differ.

- ana\.json: No
- Aroha Ngata: Not asked (an earlier answer skipped it)

Note from ana\.json:

> Too much

## The people

### Will people be told?

Answers differ.

- ana\.json: Not answered
- Aroha Ngata: Yes
"""


def test_comparison_of_a_small_team_is_exactly_as_written(sample):
    assert render_comparison(sample, team(sample), "2026-12-01") == GOLDEN


def test_each_bad_file_gets_its_own_message_naming_it(sample):
    errors = compare_records(sample, team(sample))["errors"]
    assert [error.split(":")[0] for error in errors] == ["broken.json", "other.json"]


def test_free_text_shows_each_persons_text_and_agreement_ignores_spaces_at_the_ends(kinds):
    files = [("a.json", record(kinds, {"what": {"answer": "Names"}, "why": {"answer": "To call back"}})),
             ("b.json", record(kinds, {"what": {"answer": "  Names\n"}, "why": {"answer": "To\nwrite"}})),
             ("c.json", record(kinds, {"what": {"answer": "Names"}}))]
    text = render_comparison(kinds, files, "2026-12-01")
    assert "### What will you collect?\n\nAll agree.\n\na\\.json wrote:\n\n> Names\n\nb\\.json wrote:\n\n> Names\n" in text
    assert "### Why do you need it?\n\nAnswers differ.\n\na\\.json wrote:\n\n> To call back\n\n" \
           "b\\.json wrote:\n\n> To\n> write\n\nc\\.json: Not written\n" in text
    assert "### How big is the impact?\n\nNobody answered.\n" in text


def test_the_same_name_twice_stays_two_people(sample):
    files = [(name, record(sample, {"told": {"answer": answer}}, completed_by="Sam"))
             for name, answer in (("1.json", "yes"), ("2.json", "no"))]
    assert [p["label"] for p in compare_records(sample, files)["people"]] == ["Sam", "Sam (2)"]


def file_sets(sample, kinds):
    hostile = {"described": {"answer": "no", "note": HOSTILE_NOTE}, "told": {"answer": "na", "note": "Kia ora whānau\r\n你好 🙂"}}
    return [
        (sample, team(sample)),
        (sample, [("<b>x</b>.json", record(sample, hostile, completed_by="# Me & <i>you</i>\r\n- list")),
                  ("\ufeffbom.json", "\ufeff" + record(sample, hostile)),
                  ("empty.json", record(sample, {})),
                  ("deep.json", "[" * 40 + "]" * 40),
                  ("version.json", record(sample, {}).replace('"version": 2', '"version": 9')),
                  ("odd.json", record(sample, {}).replace('"answers": {}', '"answers": {"told": {"answer": 0}}')),
                  ("by.json", record(sample, {"told": {"answer": "yes"}}, completed_by=7))]),
        (kinds, [("a.json", record(kinds, {"what": {"answer": "Names " + HOSTILE_NOTE}, "size": {"answer": "large"},
                                           "sensitive": {"answer": "high"}, "why-sensitive": {"answer": "health",
                                                                                              "note": "1. first"}})),
                 ("b.json", record(kinds, {"what": {"answer": "Names"}, "sensitive": {"answer": "low"}}, "\ud800x"))]),
        (sample, []),
    ]


def test_the_page_writes_the_same_comparison_as_python(run_js, sample, kinds):  # noqa: F811
    sets = file_sets(sample, kinds)
    calls = [["renderComparison", [definition(tool), [{"name": n, "text": t} for n, t in files], "2026-12-01"]]
             for tool, files in sets]
    results = run_js(calls)["results"]
    for (tool, files), result in zip(sets, results):
        assert result == {"value": render_comparison(tool, files, "2026-12-01")}
