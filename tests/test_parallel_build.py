"""A parallel build (--jobs N, --bulk, --engine dask) stores exactly what a build in one process stores, and reports
the same."""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Iterator
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


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A LocalCluster of two worker processes for the module: its scheduler's address."""
    from dask.distributed import LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local.scheduler_address


def test_dask_build_is_identical_to_one_process(tmp_path: Path, corpus: Path, runner: CliRunner,
                                                serial: tuple[bytes, str]) -> None:
    assert run_build(runner, corpus, tmp_path / "dask", "--engine", "dask", "--jobs", "2") == serial
    assert not list(tmp_path.glob("dask-shards-*")), "the shard folder is removed"


def test_dask_build_on_a_scheduler_in_many_shards_is_identical(tmp_path: Path, corpus: Path, runner: CliRunner,
                                                               serial: tuple[bytes, str], cluster: str) -> None:
    shards = tmp_path / "shared"
    assert run_build(runner, corpus, tmp_path / "dask", "--engine", "dask", "--scheduler", cluster,
                     "--shard-size", "4", "--shards", str(shards)) == serial
    assert list(shards.iterdir()) == []


def test_local_bulk_build_is_identical_to_one_process(tmp_path: Path, corpus: Path, runner: CliRunner,
                                                      serial: tuple[bytes, str]) -> None:
    assert run_build(runner, corpus, tmp_path / "bulk", "--bulk", "--jobs", "2", "--shard-size", "6") == serial


def test_strict_bulk_build_refuses_what_a_strict_build_refuses(tmp_path: Path, corpus: Path) -> None:
    files = sorted(corpus.glob("0*.txt")) + [corpus / "zz_twin.txt", corpus / "synthetic_000003.txt"]
    one = build(files, Store(tmp_path / "one"), strict=True)
    bulk = build(files, Store(tmp_path / "bulk"), strict=True, bulk=True, shard_size=2)
    assert [str(r) for r in bulk.rejected] == [str(r) for r in one.rejected]
    assert any("refused by --strict" in str(r) for r in one.rejected)
    assert (bulk.ingested, bulk.warnings, bulk.validation.text()) == (one.ingested, one.warnings, one.validation.text())
    assert nquads(tmp_path / "bulk") == nquads(tmp_path / "one")


def test_files_of_the_same_name_in_one_shard_replace_each_other_in_order(tmp_path: Path, corpus: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, source in [(first, "synthetic_000001.txt"), (second, "synthetic_000002.txt")]:
        folder.mkdir()
        shutil.copy(corpus / source, folder / "same.txt")
    one = build([first, second], Store(tmp_path / "one"))
    bulk = build([first, second], Store(tmp_path / "bulk"), bulk=True)
    assert bulk.ingested == one.ingested == ["same.txt", "same.txt"]
    assert nquads(tmp_path / "bulk") == nquads(tmp_path / "one")


def test_a_dask_rebuild_changes_nothing_and_a_changed_release_replaces_its_graph(tmp_path: Path, corpus: Path,
                                                                                  cluster: str) -> None:
    files = sorted(corpus.glob("synthetic_00000*.txt"))
    engine = DaskEngine(cluster)
    store = Store(tmp_path / "s")
    first = build(files, store, engine=engine, shard_size=3)
    before = store_nquads(store)
    again = build(files, store, engine=engine, shard_size=3)
    assert again.ingested == [] and again.unchanged == first.ingested == [f.name for f in files]
    assert store_nquads(store) == before

    changed = files[4]
    changed.write_text(changed.read_text(encoding="utf-8").replace("conveyor fire", "conveyor belt fire"),
                       encoding="utf-8")
    third = build(files, store, engine=engine, shard_size=3)
    assert third.ingested == [changed.name] and len(third.unchanged) == len(files) - 1
    store.close()
    build(files, Store(tmp_path / "fresh"))
    after = nquads(tmp_path / "s")
    assert after == nquads(tmp_path / "fresh") and b"conveyor belt fire" in after and after != before


def nquads(path: Path) -> bytes:
    return store_nquads(Store(path, read_only=True))


def store_nquads(store: Store) -> bytes:
    out = io.BytesIO()
    store.export("nquads", out)
    return out.getvalue()


def test_a_rebuild_in_parallel_finds_everything_unchanged(tmp_path: Path, corpus: Path) -> None:
    store = Store(tmp_path / "s")
    first = build([corpus], store, jobs=2)
    again = build([corpus], store, jobs=2)
    assert again.ingested == [] and again.unchanged == first.ingested
    assert [str(r) for r in again.rejected] == [str(r) for r in first.rejected]


def test_dask_engine_runs_on_two_worker_processes(cluster: str) -> None:
    engine = DaskEngine(cluster, batch_size=3)
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
