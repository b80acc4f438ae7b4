"""Shared fixtures: the sample releases, a built store, and a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.pipeline import build
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "examples" / "releases"
SEED_GOLD = ROOT / "tests" / "fixtures" / "seeds" / "gold"


@pytest.fixture(autouse=True)
def _reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


@pytest.fixture
def releases(tmp_path: Path) -> Path:
    """A writable copy of the sample releases."""
    folder = tmp_path / "releases"
    shutil.copytree(SAMPLES, folder)
    return folder


@pytest.fixture
def built(tmp_path: Path, releases: Path) -> Path:
    """A store built from the sample releases; returns its path."""
    path = tmp_path / "store"
    report = build([releases], Store(path))
    assert report.ok and len(report.ingested) == 3
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
