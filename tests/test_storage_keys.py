"""The keys under which a browser keeps people's answers. Their format is what a returning visitor's
saved answers are found by: changing it loses every saved check, so it is pinned here, once."""
from .helpers import STORAGE_PREFIX, checks_key, storage_key


def test_answers_are_kept_per_tool_version_and_saved_check():
    assert storage_key("purpose-statement", 3) == "dpup-toolkit:checklist:purpose-statement:v3"
    assert storage_key("purpose-statement", 3, "k2x") == "dpup-toolkit:checklist:purpose-statement~k2x:v3"


def test_the_list_of_saved_checks_has_a_key_of_its_own():
    assert checks_key("purpose-statement") == "dpup-toolkit:checks:purpose-statement"
    assert STORAGE_PREFIX == "dpup-toolkit:"
