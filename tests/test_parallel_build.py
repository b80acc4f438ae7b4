"""A parallel build (--jobs N, --engine dask) stores exactly what a build in one process stores, and reports the same."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLES

from kg.cli import main
from kg.engines import DaskEngine, ProcessEngine, batches, in_order
from kg.pipeline import build
from kg.store import Store

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The samples, synthetic releases, a twin, a file that is not a release and one with a violation."""
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLES, folder)
    write_corpus(folder, 40)
    (folder / "zz_twin.txt").write_bytes((folder / "synthetic_000003.txt").read_bytes())
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "recipe.txt").write_text("Whisk two eggs with sugar and bake for twenty minutes.\n", encoding="utf-8")
    seed = folder / "000_de8b326c4e62c9a5.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("75.1%", "751%", 1), encoding="utf-8")
    return folder


def run_build(runner: CliRunner, corpus: Path, store: Path, *options: str) -> tuple[bytes, str]:
    """(sorted N-Quads export, build report on stderr with the store's path as STORE)."""
    result = runner.invoke(main, ["build", str(corpus), "--store", str(store), "-q", *options])
    assert result.exit_code == 1, result.output  # the empty file, the recipe and the twin are rejected
    export = runner.invoke(main, ["export", "--store", str(store), "--format", "nquads"])
    assert export.exit_code == 0
    return export.stdout_bytes, result.output.replace(str(store), "STORE")


@pytest.fixture
def serial(tmp_path: Path, corpus: Path, runner: CliRunner) -> tuple[bytes, str]:
    return run_build(runner, corpus, tmp_path / "serial", "--jobs", "1")


def test_jobs_build_is_identical_to_one_process(tmp_path: Path, corpus: Path, runner: CliRunner,
                                                serial: tuple[bytes, str]) -> None:
    nquads, report = serial
    assert b"synthetic_000039.txt" in nquads and report.count("rejected: ") == 3
    assert "rejected: zz_twin.txt: same content as synthetic_000003.txt" in report
    assert "1 violation" in report
    assert run_build(runner, corpus, tmp_path / "parallel", "--jobs", "3") == serial


def test_dask_build_is_identical_to_one_process(tmp_path: Path, corpus: Path, runner: CliRunner,
                                                serial: tuple[bytes, str]) -> None:
    assert run_build(runner, corpus, tmp_path / "dask", "--engine", "dask", "--jobs", "2") == serial


def test_a_rebuild_in_parallel_finds_everything_unchanged(tmp_path: Path, corpus: Path) -> None:
    store = Store(tmp_path / "s")
    first = build([corpus], store, jobs=2)
    again = build([corpus], store, jobs=2)
    assert again.ingested == [] and again.unchanged == first.ingested
    assert [str(r) for r in again.rejected] == [str(r) for r in first.rejected]


def test_dask_engine_runs_on_two_worker_processes() -> None:
    engine = DaskEngine(workers=2, batch_size=3)
    assert list(engine.run(_pids_and_items, range(10)))[0][1] == 0
    pids = {pid for pid, _item in engine.run(_pids_and_items, range(30))}
    assert len(pids) == 2


def _pids_and_items(batch: list[int]) -> list[tuple[int, int]]:
    import os
    import time
    time.sleep(0.05)
    return [(os.getpid(), item) for item in batch]


def test_results_come_back_in_input_order_with_few_batches_in_flight() -> None:
    assert list(ProcessEngine(2).run(_squares, range(100))) == [i * i for i in range(100)]
    submitted: list[int] = []

    def submit(batch: list[int]):  # type: ignore[no-untyped-def]
        from concurrent.futures import Future
        submitted.append(batch[0])
        future: Future[list[int]] = Future()
        future.set_result(batch)
        return future

    reader = in_order(submit, range(100), 10, in_flight=3)
    assert next(reader) == 0 and len(submitted) == 3
    assert list(reader) == list(range(1, 100))
    assert list(batches(range(5), 2)) == [[0, 1], [2, 3], [4]]


def _squares(batch: list[int]) -> list[int]:
    return [i * i for i in batch]
