"""`make test` shares the suite between workers as tests/schedule.py says: the files it names
exist, the files whose tests it hands out one by one set nothing up per file or per server, and
its scheduler, driven as pytest-xdist drives one, runs every test once, in order within a file,
and hands a crashed worker's unfinished tests to another."""
import ast
from types import SimpleNamespace

from xdist.scheduler.protocol import Scheduling

from .conftest import ROOT
from .schedule import FIRST, SPREAD, SpreadFileScheduling, unit_of, work_units

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


class Worker:
    """A stand-in for xdist's WorkerController: records what it is sent."""

    def __init__(self, name):
        self.gateway = SimpleNamespace(id=name)
        self.sent: list[int] = []
        self.shutting_down = False

    def send_runtest_some(self, indices):
        self.sent += indices

    def shutdown(self):
        self.shutting_down = True


COLLECTION = ["tests/test_a.py::test_1", "tests/test_a.py::test_2", "tests/test_a.py::test_3",
              "tests/test_b.py::test_1", *(f"{SPREAD[0]}::test_x[{i}]" for i in range(4)),
              f"{FIRST[0]}::test_1", f"{FIRST[0]}::test_2"]


def scheduler(workers):
    config = SimpleNamespace(getvalue=lambda name: ["popen"] * len(workers) if name == "tx" else None,
                             option=SimpleNamespace(tx=["popen"] * len(workers), dist="loadfile", numprocesses=None))
    log = SimpleNamespace(spreadfilesched=lambda *args: None)
    sched = SpreadFileScheduling(config, log)
    for worker in workers:
        sched.add_node(worker)
        sched.add_node_collection(worker, COLLECTION)
    sched.schedule()
    return sched


def run_next(sched, worker):
    """The worker finishes the first test it was sent and has not finished."""
    nodeid = next(n for n, done in sched.given[worker].items() if not done)
    sched.mark_test_complete(worker, COLLECTION.index(nodeid))
    return nodeid


def run_all(sched, workers):
    ran = {worker.gateway.id: [] for worker in workers}
    while sched.has_pending:
        for worker in workers:
            if sched.pending(worker):
                ran[worker.gateway.id].append(run_next(sched, worker))
    return ran


def test_the_scheduler_keeps_xdists_public_protocol():
    sched = scheduler([Worker("gw0")])
    assert [name for name in dir(Scheduling) if not name.startswith("_") and not hasattr(sched, name)] == []


def test_the_first_files_go_first_then_whole_files_biggest_first_then_spread_tests_one_by_one():
    assert list(work_units(COLLECTION)) == [FIRST[0], "tests/test_a.py", "tests/test_b.py",
                                            *(f"{SPREAD[0]}::test_x[{i}]" for i in range(4))]


def test_every_test_runs_once_the_first_files_first_and_a_files_tests_together_in_order():
    workers = [Worker("gw0"), Worker("gw1")]
    sched = scheduler(workers)
    ran = run_all(sched, workers)
    assert sorted(sum(ran.values(), [])) == sorted(COLLECTION)
    assert ran["gw0"][:2] == [f"{FIRST[0]}::test_1", f"{FIRST[0]}::test_2"]
    for path in ("tests/test_a.py", "tests/test_b.py", FIRST[0]):
        holders = [name for name, tests in ran.items() if any(t.startswith(path) for t in tests)]
        assert len(holders) == 1, path
        assert [t for t in ran[holders[0]] if t.startswith(path)] == [t for t in COLLECTION if t.startswith(path)]
    assert all(worker.shutting_down for worker in workers) and sched.tests_finished
    for worker in workers:  # each then stops, as xdist tells the scheduler: the run stays finished
        assert sched.remove_node(worker) is None
        assert sched.tests_finished and not sched.has_pending


def test_a_crashed_workers_unfinished_tests_go_to_another_worker():
    workers = [Worker("gw0"), Worker("gw1")]
    sched = scheduler(workers)
    finished = run_next(sched, workers[0])
    crashed = sched.remove_node(workers[0])
    assert crashed == next(n for n in COLLECTION if n.startswith(FIRST[0]) and n != finished)
    ran = run_all(sched, [workers[1]])
    assert sorted([finished, *ran["gw1"]]) == sorted(COLLECTION)
