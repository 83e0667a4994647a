"""`make test` shares the suite between workers as tests/schedule.py says: the files it names
exist, and the files whose tests it hands out one by one set nothing up per file or per server."""
import ast

from .conftest import ROOT
from .schedule import FIRST, SPREAD, unit_of

SERVERS = {"voila_url", "jupyterlab_url"}  # session fixtures that start a server in each worker using them


def test_the_files_the_schedule_names_exist():
    assert [name for name in (*FIRST, *SPREAD) if not (ROOT / name).is_file()] == []


def test_spread_files_set_nothing_up_that_each_worker_would_repeat():
    for name in SPREAD:
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        scoped = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.keyword) and node.arg == "scope"]
        servers = sorted({node.arg for node in ast.walk(tree) if isinstance(node, ast.arg) and node.arg in SERVERS})
        assert (scoped, servers) == ([], []), f"{name}: a fixture set up once per file, or a server, in a file spread test by test"


def test_a_spread_file_is_handed_out_test_by_test_and_any_other_whole():
    assert unit_of(f"{SPREAD[0]}::test_x[a]") == f"{SPREAD[0]}::test_x[a]"
    assert unit_of("tests/test_schema.py::test_x") == "tests/test_schema.py"
