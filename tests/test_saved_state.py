"""Saved answers in the browser: nothing is dropped or overwritten without a word and a way back.
checklist.js's storage functions run in Node over a fake
localStorage that can be made full."""
import json

import pytest

from .helpers import storage_key
from .test_front_end_logic import definition, module, run_js  # noqa: F401  (fixtures)

V1, V2 = storage_key("sample", 1), storage_key("sample", 2)
UNREADABLE_OLD = ("Answers saved for an earlier version of this checklist could not be read, so the checklist "
                  "starts empty. A copy of the unreadable data is kept in this browser. You can download it below.")


def load(run_js, sample, storage, quota=None):  # noqa: F811
    out = run_js([["loadSaved", [definition(sample)]]], storage=storage, quota=quota)
    return out["results"][0]["value"], out["storage"]


def test_unreadable_answers_of_an_older_version_are_copied_too(run_js, sample):  # noqa: F811
    value, storage = load(run_js, sample, {V1: "{broken"})
    assert value == {"answers": None, "message": UNREADABLE_OLD, "error": True,
                     "recover": {"key": V1, "text": "{broken"}, "blocked": False}
    assert storage[f"{V1}:unreadable"] == "{broken"


def test_a_second_corruption_never_replaces_the_first_copy(run_js, sample):  # noqa: F811
    first = {V2: "second broken", f"{V2}:unreadable": "first broken"}
    value, storage = load(run_js, sample, first)
    assert value["recover"]["text"] == "second broken"
    assert storage == {V2: "second broken", f"{V2}:unreadable": "first broken", f"{V2}:unreadable-2": "second broken"}
    # Loading the same unreadable data again keeps it once.
    _, again = load(run_js, sample, storage)
    assert again == storage


LEFT_OUT = ("{n} saved answer(s) or note(s) could not be used here (for questions this version no longer asks, "
            "or in a form this page cannot read), so they were left out.")


@pytest.mark.parametrize("key", [V1, V2])
def test_entries_that_cannot_be_used_are_announced_and_kept(run_js, sample, key):  # noqa: F811
    saved = {"answers": {
        "told": {"answer": "no", "note": "keep me"},
        "retired": {"answer": "yes", "note": "a note for a removed question"},
        "described": {"answer": "maybe", "note": "the answer is unknown, the note is kept"},
        "identifies": "not an entry",
        "needed": {"answer": "yes", "note": 5},
    }}
    text = json.dumps(saved)
    value, storage = load(run_js, sample, {key: text})
    assert value["answers"] == {
        "described": {"answer": None, "note": "the answer is unknown, the note is kept"},
        "needed": {"answer": "yes", "note": ""},
        "told": {"answer": "no", "note": "keep me"},
    }
    changed = ("This tool changed since you saved it (version 1, now version 2): 1 removed (your answer to it is "
               "kept in the download). Your earlier answers were brought across: please check them. "
               if key == V1 else "")
    assert value["message"] == (changed + LEFT_OUT.format(n=4) + " A copy of everything saved before is kept in "
                                "this browser. You can download it below.")
    assert value["error"] is True and value["recover"] == {"key": key, "text": text}
    assert storage[f"{key}:unreadable"] == text


def test_large_unreadable_data_in_a_full_browser_is_left_in_place_and_offered(run_js, sample):  # noqa: F811
    big = "x" * 3_000_000
    value, storage = load(run_js, sample, {V2: big}, quota=4_000_000)
    assert value["answers"] is None and value["blocked"] is True and value["recover"] == {"key": V2, "text": big}
    assert "This browser has no room to keep a copy, so the page will not save until you download it." in value["message"]
    assert storage == {V2: big}  # nothing lost, nothing half-written


def test_saving_into_a_full_browser_says_so_instead_of_throwing(run_js, sample):  # noqa: F811
    out = run_js([["writeSaved", [definition(sample), {"told": {"answer": "no", "note": "x" * 5000}}]]],
                 storage={V1: "{}"}, quota=1000)
    assert out["results"][0] == {"value": False}
    assert out["storage"] == {V1: "{}"}  # the older answers stay until the new ones are saved


def test_older_versions_are_found_by_listing_storage(run_js, sample):  # noqa: F811
    d = definition(sample) | {"version": 1000}
    readable = '{"answers": {"told": {"answer": "yes"}}}'
    storage = {storage_key("sample", 3): "{}", storage_key("sample", 999): readable,
               storage_key("sample", 1000): "{}", storage_key("sample", 12) + ":unreadable": "x",
               storage_key("sample", "x"): "{}", storage_key("other", 5): "{}"}
    out = run_js([["loadSaved", [d]]], storage={k: v for k, v in storage.items() if not k.endswith("v1000")})
    value = out["results"][0]["value"]  # the newest older version, v999, without walking 998 keys
    assert value["answers"] == {"told": {"answer": "yes", "note": ""}} and value["recover"] is None
    out = run_js([["writeSaved", [d, {"told": {"answer": "yes", "note": ""}}]]], storage=storage)
    assert sorted(out["storage"]) == [storage_key("other", 5), storage_key("sample", 1000),
                                      storage_key("sample", 12) + ":unreadable", storage_key("sample", "x")]
