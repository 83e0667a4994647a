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

xdist's public way to keep some tests together and spread the rest (--dist loadgroup with
xdist_group marks) renames each test's nodeid, which pytest 9 no longer reads, so nothing is
grouped and a notebook's cells would run in different kernels. Until it does, this overrides two
of LoadScopeScheduling's methods; if an xdist release drops them, `make test` falls back to
plain loadfile rather than failing.
"""
import pytest

FIRST = ("tests/test_deploy.py", "tests/browser/test_light_pages.py")
# Files of independent page checks that share nothing but the session's browser and site server
# (no Voila, no module-scoped fixture): their tests are spread one by one.
SPREAD = ("tests/browser/test_every_page.py", "tests/browser/test_tools.py", "tests/browser/test_nothing_lost.py",
          "tests/browser/test_trainer_path.py")


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


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling
    if not all(hasattr(LoadScopeScheduling, name) for name in ("_split_scope", "_assign_work_unit")):
        return None  # an xdist without these: plain loadfile, correct and a little slower

    class SpreadFileScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return unit_of(nodeid)

        def _assign_work_unit(self, node):
            self.workqueue.move_to_end(min(self.workqueue, key=lambda unit: order(unit, len(self.workqueue[unit]))),
                                       last=False)
            super()._assign_work_unit(node)

    return SpreadFileScheduling(config, log)
