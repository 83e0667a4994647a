"""The lock files pin every Python package of the build and the tests, with hashes, and agree with
what people read: requirements.txt (which Binder installs), requirements-dev.txt and pyproject.toml."""
import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import ROOT

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.M)


def pins(path):
    return {canonicalize_name(name): version for name, version in _PIN.findall(path.read_text(encoding="utf-8"))}


def test_every_locked_package_has_a_hash_and_no_path_of_one_machine():
    for name in ("requirements.lock", "requirements-dev.lock"):
        text = (ROOT / name).read_text(encoding="utf-8")
        entries = re.split(r"\n(?=[A-Za-z0-9])", text)
        locked = [entry for entry in entries if _PIN.match(entry)]
        assert len(locked) > 100, f"{name} holds {len(locked)} packages"
        for entry in locked:
            assert "--hash=sha256:" in entry, f"{name}: {entry.splitlines()[0]} has no hash"
        assert not re.search(r"^-e |file://", text, re.M), f"{name} names a path of one machine"


def test_binder_and_the_build_install_the_same_versions():
    locked = pins(ROOT / "requirements.lock")
    for name, version in pins(ROOT / "requirements.txt").items():
        assert locked.get(name) == version, f"requirements.txt pins {name} {version}, requirements.lock {locked.get(name)}"


def test_the_test_tools_lock_agrees_with_the_build_lock():
    locked, dev = pins(ROOT / "requirements.lock"), pins(ROOT / "requirements-dev.lock")
    assert {name: dev.get(name) for name in locked} == locked
    for name, version in pins(ROOT / "requirements-dev.txt").items():
        assert dev.get(name) == version, f"requirements-dev.txt pins {name} {version}, requirements-dev.lock {dev.get(name)}"


def test_what_the_package_declares_is_locked_at_a_version_it_accepts():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *project["optional-dependencies"]["site"]]
    locked = pins(ROOT / "requirements.lock")
    for spec in map(Requirement, declared):
        name = canonicalize_name(spec.name)
        assert name in locked, f"pyproject.toml needs {spec}, which requirements.lock does not hold"
        assert spec.specifier.contains(locked[name]), f"requirements.lock holds {name} {locked[name]}, pyproject.toml asks {spec}"
    dev = pins(ROOT / "requirements-dev.lock")
    for spec in map(Requirement, project["optional-dependencies"]["fonts"]):
        assert spec.specifier.contains(dev[canonicalize_name(spec.name)])
