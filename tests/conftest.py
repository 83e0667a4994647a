"""Shared test helpers: where things are, and a sample checklist to bend out of shape."""
from pathlib import Path

import pytest

from dpup_toolkit import load_checklist

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SITE = ROOT / "_build" / "html"


@pytest.fixture
def sample():
    return load_checklist(FIXTURES / "sample.yml")


@pytest.fixture
def sample_text():
    return (FIXTURES / "sample.yml").read_text(encoding="utf-8")
