"""Shared fixtures: the sample releases, a built store, a CLI runner, and the hypothesis profiles."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

from kg.pipeline import build
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "examples" / "releases"
SEED_GOLD = ROOT / "tests" / "fixtures" / "seeds" / "gold"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"

# Property-based tests: a quick run by default; HYPOTHESIS_PROFILE=long searches much harder.
settings.register_profile("quick", max_examples=50, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


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


class ClosingRunner(CliRunner):
    """A CliRunner that does not keep a command's frames alive after it exits.

    A command that ends with ``sys.exit(1)`` (``kg build`` with a rejected file) leaves its frames in the
    traceback the runner keeps, and with them its open store: a later open of the same store in this
    process then fails on the lock, or races the writer's background compaction when read-only.
    """

    def invoke(self, *args, **kwargs) -> Result:  # type: ignore[no-untyped-def]
        result = super().invoke(*args, **kwargs)
        if result.exc_info is not None and isinstance(result.exception, SystemExit):
            result.exception.__traceback__ = None
            result.exc_info = (SystemExit, result.exception, None)  # type: ignore[assignment]
            gc.collect()  # the runner's own frame and the traceback it caught form a cycle
        return result


@pytest.fixture
def runner() -> CliRunner:
    return ClosingRunner()
