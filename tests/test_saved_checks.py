"""Several saved checks per browser: each check keeps its own answers under its own name,
what was saved before there were checks is the first check, and nothing is lost without a word.
checklist.js's storage functions run in Node over a fake localStorage that can be made full."""
import json

from .helpers import checks_key, storage_key
from .test_front_end_logic import definition, module, run_js  # noqa: F401  (fixtures)

OLD_KEY = storage_key("sample", 2)  # where answers were saved before there were checks
INDEX = checks_key("sample")
ANSWERS = {"told": {"answer": "no", "note": "keep me"}}
MINE = [{"id": "main", "name": "My check"}]


def values(out):
    return [result.get("value", result.get("error")) for result in out["results"]]


def start(run_js, sample, storage, *names):  # noqa: F811
    """Starts checks with these names; returns their ids and the storage afterwards."""
    out = run_js([["startCheck", [definition(sample), name]] for name in names], storage=storage)
    return values(out), out["storage"]


def test_answers_saved_before_there_were_checks_are_the_first_check(run_js, sample):  # noqa: F811
    storage = {OLD_KEY: json.dumps({"answers": ANSWERS})}
    out = run_js([["savedChecks", [definition(sample)]], ["checkStore", [definition(sample), "main"]]], storage=storage)
    checks, store = values(out)
    assert checks == {"checks": MINE, "current": "main", "damaged": False}
    assert store == definition(sample)  # the first check is saved exactly where it always was
    assert out["storage"] == storage  # reading the checks writes nothing
    # Starting another check leaves the first one's answers where they are.
    (other,), storage = start(run_js, sample, storage, "Programme B")
    assert storage[OLD_KEY] == json.dumps({"answers": ANSWERS})
    out = run_js([["savedChecks", [definition(sample)]], ["loadSaved", [definition(sample)]]], storage=storage)
    checks, loaded = values(out)
    assert checks["checks"] == MINE + [{"id": other, "name": "Programme B"}] and checks["current"] == other
    assert loaded["answers"] == ANSWERS and loaded["message"] is None


def test_each_check_keeps_its_own_answers_under_a_key_with_the_version(run_js, sample):  # noqa: F811
    (b, c), storage = start(run_js, sample, {}, "Programme B", "Programme C")
    d = definition(sample)
    stores = values(run_js([["checkStore", [d, b]], ["checkStore", [d, c]]], storage=storage))
    out = run_js([["writeSaved", [d, ANSWERS]], ["writeSaved", [stores[0], {"told": {"answer": "yes", "note": ""}}]],
                  ["loadSaved", [d]], ["loadSaved", [stores[0]]], ["loadSaved", [stores[1]]]], storage=storage)
    *_, first, second, third = values(out)
    assert first["answers"] == ANSWERS
    assert second["answers"] == {"told": {"answer": "yes", "note": ""}}
    assert third["answers"] is None
    assert sorted(out["storage"]) == sorted([INDEX, OLD_KEY, storage_key("sample", 2, b)])


def test_a_check_saved_for_an_older_version_is_brought_across_like_the_first(run_js, sample):  # noqa: F811
    index = json.dumps({"checks": MINE + [{"id": "abc", "name": "Programme B"}], "current": "abc"})
    storage = {INDEX: index, storage_key("sample", 1, "abc"): json.dumps({"answers": ANSWERS})}
    store = values(run_js([["checkStore", [definition(sample), "abc"]]]))[0]
    out = run_js([["loadSaved", [store]], ["writeSaved", [store, ANSWERS]]], storage=storage)
    loaded, _ = values(out)
    assert loaded["answers"] == ANSWERS and "Your earlier answers were brought across" in loaded["message"]
    assert sorted(out["storage"]) == sorted([INDEX, storage_key("sample", 2, "abc")])


def test_clearing_a_check_leaves_the_other_checks_alone(run_js, sample):  # noqa: F811
    storage = {OLD_KEY: "{}", storage_key("sample", 2, "abc"): "{}",
               storage_key("sample", 2, "abc") + ":unreadable": "x", INDEX: "{}"}
    store = values(run_js([["checkStore", [definition(sample), "abc"]]]))[0]
    out = run_js([["clearSaved", [store]]], storage=storage)
    assert out["storage"] == {OLD_KEY: "{}", INDEX: "{}"}
    out = run_js([["clearSaved", [definition(sample)]]], storage=storage)
    assert sorted(out["storage"]) == sorted([INDEX, storage_key("sample", 2, "abc"),
                                             storage_key("sample", 2, "abc") + ":unreadable"])


def test_saved_answers_the_list_does_not_name_are_still_listed(run_js, sample):  # noqa: F811
    storage = {INDEX: json.dumps({"checks": [{"id": "abc", "name": "Programme B"}], "current": "abc"}),
               storage_key("sample", 1, "zz9"): "{}", OLD_KEY: "{}",
               storage_key("sample-two", 1, "qq"): "{}", storage_key("sample", 1, "BAD"): "{}"}
    (checks,) = values(run_js([["savedChecks", [definition(sample)]]], storage=storage))
    assert checks == {"checks": [{"id": "abc", "name": "Programme B"}, {"id": "main", "name": "My check"},
                                 {"id": "zz9", "name": "Check found in this browser"}],
                      "current": "abc", "damaged": False}


def test_a_damaged_list_of_names_loses_no_answers(run_js, sample):  # noqa: F811
    storage = {INDEX: "{not json", OLD_KEY: "{}", storage_key("sample", 2, "abc"): "{}"}
    (checks,) = values(run_js([["savedChecks", [definition(sample)]]], storage=storage))
    assert checks == {"checks": MINE + [{"id": "abc", "name": "Check found in this browser"}],
                      "current": "main", "damaged": True}


def test_names_are_tidied_and_must_differ(run_js, sample):  # noqa: F811
    (b, empty, same, long_id), storage = start(run_js, sample, {}, "  Programme\n  B ", " \t", "programme b", "x" * 200)
    assert empty == "Type a name for the check first."
    assert same == "You already have a check called “programme b”. Choose another name."
    (checks,) = values(run_js([["savedChecks", [definition(sample)]]], storage=storage))
    assert [check["name"] for check in checks["checks"]] == ["My check", "Programme B", "x" * 80]
    out = run_js([["renameCheck", [definition(sample), b, "My check"]], ["renameCheck", [definition(sample), b, "Whānau Ora"]],
                  ["renameCheck", [definition(sample), b, "Whānau Ora"]]], storage=storage)
    assert values(out) == ["You already have a check called “My check”. Choose another name.", "Whānau Ora", "Whānau Ora"]


def test_delete_and_undo_put_back_everything_saved_for_a_check(run_js, sample):  # noqa: F811
    (b,), storage = start(run_js, sample, {OLD_KEY: json.dumps({"answers": ANSWERS})}, "Programme B")
    key = storage_key("sample", 2, b)
    storage |= {key: '{"answers": {}}', f"{key}:unreadable": "kept copy"}
    before = dict(storage)
    out = run_js([["deleteCheck", [definition(sample), b]]], storage=storage)
    (removed,) = values(out)
    assert removed == {"id": b, "name": "Programme B", "position": 1, "next": "main",
                       "data": {key: '{"answers": {}}', f"{key}:unreadable": "kept copy"}}
    assert sorted(out["storage"]) == sorted([INDEX, OLD_KEY])
    out = run_js([["restoreCheck", [definition(sample), removed]], ["savedChecks", [definition(sample)]]],
                 storage=out["storage"])
    assert values(out)[1]["checks"] == MINE + [{"id": b, "name": "Programme B"}]
    assert {k: v for k, v in out["storage"].items() if k != INDEX} == {k: v for k, v in before.items() if k != INDEX}


def test_undo_delete_never_overwrites_a_check_saved_again_meanwhile(run_js, sample):  # noqa: F811
    (b,), storage = start(run_js, sample, {}, "Programme B")
    out = run_js([["deleteCheck", [definition(sample), b]]], storage=storage)
    (removed,) = values(out)
    again = out["storage"] | {storage_key("sample", 2, b): "newer"}
    out = run_js([["restoreCheck", [definition(sample), removed]]], storage=again)
    assert values(out) == ["“Programme B” was saved again in another tab after it was deleted, so Undo would "
                           "overwrite that. Nothing was changed."]
    assert out["storage"] == again


def test_deleting_the_only_check_starts_an_empty_my_check(run_js, sample):  # noqa: F811
    out = run_js([["deleteCheck", [definition(sample), "main"]], ["savedChecks", [definition(sample)]]],
                 storage={OLD_KEY: json.dumps({"answers": ANSWERS})})
    removed, checks = values(out)
    assert removed["data"] == {OLD_KEY: json.dumps({"answers": ANSWERS})}
    assert checks["checks"] == [{"id": removed["next"], "name": "My check"}] and removed["next"] != "main"
    assert OLD_KEY not in out["storage"]


def test_a_full_browser_changes_nothing_and_says_so(run_js, sample):  # noqa: F811
    storage = {OLD_KEY: json.dumps({"answers": ANSWERS})}
    out = run_js([["startCheck", [definition(sample), "Programme B"]]], storage=storage, quota=60)
    assert values(out) == ["This browser is full, so a new check could not be started. Your answers have not changed."]
    assert out["storage"] == storage
    (b,), storage = start(run_js, sample, storage, "Programme B")
    out = run_js([["renameCheck", [definition(sample), b, "A much longer name for programme B"]]], storage=storage,
                 quota=sum(len(k) + len(v) for k, v in storage.items()))
    assert values(out) == ["This browser is full, so the new name could not be saved. Nothing was changed."]
    assert out["storage"] == storage
    # Undo delete into a full browser keeps the Undo offer: nothing half put back.
    out = run_js([["deleteCheck", [definition(sample), "main"]]], storage=storage)
    (removed,) = values(out)
    full = out["storage"] | {"someone-else": "x" * 100}
    out = run_js([["restoreCheck", [definition(sample), removed]]], storage=full,
                 quota=sum(len(k) + len(v) for k, v in full.items()) + 10)
    assert values(out)[0].startswith("This browser is full, so “My check” could not be brought back yet.")
    assert out["storage"] == full
