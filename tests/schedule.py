"""How `pytest -n --dist loadfile` shares the suite between workers (the Makefile's `make test`).

Plain loadfile keeps each file in one worker and hands out the files with the most tests first.
Two things make that slow: one big file of independent page checks pins one worker for minutes,
and the files whose setup takes longest (a fresh venv, every page weighed) can start last. So:
- the files in SPREAD hand out each test on its own (their tests share nothing but the session's
  browser and server, which every worker has);
- the files in FIRST start first, so their long setup (mostly waiting on pip and the disk)
  overlaps the other workers' browser tests;
- every other file (notebooks too: their cells share one kernel) stays whole, as with loadfile,
  and the spread tests come last, to even out the end.

xdist's own way to keep some tests together and spread the rest (--dist loadgroup with
xdist_group marks) renames each test's nodeid, which pytest 9 no longer reads, so nothing would be
grouped and a notebook's cells would run in different kernels. So this is a scheduler of its own,
written to xdist's public scheduler protocol (xdist.scheduler.protocol.Scheduling, returned from
the pytest_xdist_make_scheduler hook), using only a worker's documented commands.
"""
from collections import OrderedDict

import pytest

FIRST = ("tests/test_deploy.py", "tests/browser/test_light_pages.py")
# Files of independent page checks that share nothing but the session's browser and site server
# (no Voila, no module-scoped fixture): their tests are spread one by one.
SPREAD = ("tests/browser/test_every_page.py", "tests/browser/test_tools.py", "tests/browser/test_nothing_lost.py",
          "tests/browser/test_trainer_path.py", "tests/browser/test_steady_layout.py")
# A worker runs a test only once it knows the test after it (or is told to stop), so it is sent
# more work while it still holds this many tests: it never sits waiting for the next unit.
KEEP_QUEUED = 2


def unit_of(nodeid):
    """The work unit a test belongs to: its file, or itself in a SPREAD file."""
    path = nodeid.split("::", 1)[0]
    return nodeid if path in SPREAD else path


def order(unit, tests):
    """Sort key: FIRST files, then whole files with the most tests first, then spread tests."""
    if unit in FIRST:
        return (0, FIRST.index(unit))
    if unit.split("::", 1)[0] in SPREAD:
        return (2, 0)
    return (1, -tests)


def work_units(collection):
    """The collected tests as work units, in the order they are handed out."""
    units = {}
    for nodeid in collection:
        units.setdefault(unit_of(nodeid), []).append(nodeid)
    return OrderedDict(sorted(units.items(), key=lambda item: order(item[0], len(item[1]))))


class SpreadFileScheduling:
    """Hands each worker one unit at a time (see the module's docstring for the order)."""

    def __init__(self, config, log):
        from xdist.workermanage import parse_tx_spec_config
        self.numnodes = len(parse_tx_spec_config(config))
        self.config = config
        self.log = log.spreadfilesched
        self.collection = None
        self.queue = OrderedDict()  # unit -> its tests not yet handed out
        self.given = {}  # worker -> {nodeid: done}, in the order it was sent them
        self.collections = {}  # worker -> the tests it collected (kept after it stops: see tests_finished)

    @property
    def nodes(self):
        return list(self.given)

    @property
    def collection_is_completed(self):
        return len(self.collections) >= self.numnodes

    @property
    def tests_finished(self):
        return (self.collection_is_completed and not self.queue
                and all(self.pending(node) < KEEP_QUEUED for node in self.given))

    @property
    def has_pending(self):
        return bool(self.queue) or any(self.pending(node) for node in self.given)

    def pending(self, node):
        return list(self.given[node].values()).count(False)

    def add_node(self, node):
        self.given[node] = {}

    def add_node_collection(self, node, collection):
        if self.collection is not None and list(collection) != self.collection:
            self.log(f"{node.gateway.id} collected other tests than the first worker: not used")
            return
        self.collections[node] = list(collection)

    def remove_node(self, node):
        """A worker stopped: when it crashed, its unfinished tests go back to the front of the
        queue and the test it was running is returned, as pytest-xdist reports it."""
        unfinished = [nodeid for nodeid, done in self.given.pop(node).items() if not done]
        if not unfinished:
            return None
        self.queue[f"after {node.gateway.id} stopped"] = unfinished
        self.queue.move_to_end(f"after {node.gateway.id} stopped", last=False)
        for other in self.nodes:
            self.feed(other)
        return unfinished[0]

    def mark_test_complete(self, node, item_index, duration=0):
        self.given[node][self.collections[node][item_index]] = True
        self.feed(node)

    def mark_test_pending(self, item):
        raise NotImplementedError("tests are not handed back under this schedule")

    def remove_pending_tests_from_node(self, node, indices):
        raise NotImplementedError("tests are not taken back under this schedule")

    def feed(self, node):
        """Send the worker its next unit when it is about to run out, or tell it to stop."""
        if node.shutting_down or node not in self.collections:
            return
        if not self.queue:
            node.shutdown()
            return
        tests = []
        while self.queue and self.pending(node) + len(tests) <= KEEP_QUEUED:
            tests += self.queue.popitem(last=False)[1]
        if tests:
            self.given[node].update(dict.fromkeys(tests, False))
            index = {nodeid: i for i, nodeid in enumerate(self.collections[node])}
            node.send_runtest_some([index[nodeid] for nodeid in tests])

    def schedule(self):
        if self.collection is None:
            collections = list(self.collections.values())
            if any(collection != collections[0] for collection in collections):
                # As pytest-xdist's own schedulers do: the run fails with a collection error.
                self.config.hook.pytest_collectreport(report=pytest.CollectReport(
                    nodeid="", outcome="failed", result=[],
                    longrepr="The workers collected different tests, so none were run."))
                return
            self.collection = collections[0]
            self.queue = work_units(self.collection)
        for node in self.nodes:
            self.feed(node)


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    return SpreadFileScheduling(config, log)
