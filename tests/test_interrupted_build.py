"""A build killed with SIGKILL mid-way leaves a consistent store, and the next build completes it.

Every release graph is written in one transaction (kg/store.py), so a killed build leaves each release
either wholly in the store or not at all; the next ``kg build`` skips the ones that landed and adds the rest.
A bulk build (--bulk, --engine dask) loads a shard of releases at once, not atomically: killed mid-load, it
leaves an intent that the next writer rolls back, dropping the shard's graphs, which the next build adds.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import CORPUS, SAMPLES

from kg.errors import StoreError
from kg.pipeline import build
from kg.store import INTENT, Store

KG = str(Path(sys.executable).parent / "kg")
BATCH = 60
KILL_AFTER = 3  # releases landed before the kill
PATIENCE = 120.0  # seconds: kill anyway if the store shows no progress by then


def write_batch(folder: Path, count: int) -> list[Path]:
    """``count`` distinct releases: the seed and corpus releases, copied round-robin, each copy told apart
    by a last line of its own."""
    sources = sorted(SAMPLES.glob("*.txt")) + sorted((CORPUS / "releases").iterdir())
    folder.mkdir()
    paths = []
    for i in range(count):
        source = sources[i % len(sources)]
        path = folder / f"{source.stem}_copy{i:02d}{source.suffix}"
        path.write_text(source.read_text(encoding="utf-8") + f"\n\nBatch copy {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def landed(store: Path) -> int:
    """How many releases a running build has written, read from a read-only view of its store."""
    try:
        return len(Store(store, read_only=True).releases())
    except (StoreError, OSError):
        return 0  # not created yet


def export(store: Path) -> bytes:
    """The store's sorted N-Quads (read in this process: a `kg export` process would cost a second each)."""
    out = io.BytesIO()
    with Store(store, read_only=True) as view:
        view.export("nquads", out)
    return out.getvalue()


def graphs(nquads: bytes) -> dict[bytes, list[bytes]]:
    """The sorted N-Quads lines of each named graph."""
    by_graph: defaultdict[bytes, list[bytes]] = defaultdict(list)
    for line in nquads.splitlines():
        by_graph[line.rsplit(b" ", 2)[-2]].append(line)
    return {g: sorted(lines) for g, lines in by_graph.items()}


def test_killed_build_leaves_whole_releases_and_the_next_build_completes_it(tmp_path: Path) -> None:
    files = write_batch(tmp_path / "releases", BATCH)
    store = tmp_path / "store"
    # one worker, so releases land one at a time while the poll watches (a parallel build can finish first)
    process = subprocess.Popen([KG, "build", str(tmp_path / "releases"), "--store", str(store), "-q", "--jobs", "1"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + PATIENCE
    while process.poll() is None and landed(store) < KILL_AFTER and time.monotonic() < deadline:
        time.sleep(0.1)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the build finished before it could be killed"

    # The store opens, and every graph in it is the whole graph of its release.
    partial = graphs(export(store))
    assert KILL_AFTER <= len(partial) < BATCH
    build(files, Store(tmp_path / "clean"), validate=False)  # validation writes nothing: same graphs
    clean = export(tmp_path / "clean")
    complete = graphs(clean)
    assert len(complete) == BATCH
    for graph, lines in partial.items():
        assert lines == complete[graph], f"graph {graph.decode()} differs from the same release built alone"

    # The next build skips what landed, adds the rest, and the store ends byte-identical to a one-shot build.
    # (It runs in this process, without the validation `kg build` adds: that halves the test's time.)
    resumed = Store(store)
    report = build(files, resumed, validate=False)
    assert report.ok and (len(report.ingested), len(report.unchanged)) == (BATCH - len(partial), len(partial))
    resumed.flush()
    del resumed
    assert export(store) == clean


def test_a_release_graph_built_alone_equals_its_graph_in_a_batch(tmp_path: Path) -> None:
    files = write_batch(tmp_path / "releases", 3)
    build(files, Store(tmp_path / "batch"), validate=False)
    build(files[1:2], Store(tmp_path / "alone"), validate=False)
    batch = graphs(export(tmp_path / "batch"))
    alone = graphs(export(tmp_path / "alone"))
    assert len(alone) == 1 and all(batch[g] == lines for g, lines in alone.items())


def test_a_dask_build_killed_mid_load_leaves_no_half_release(tmp_path: Path) -> None:
    files = write_batch(tmp_path / "releases", 30)  # three shards of 10: killed while the second loads
    store = tmp_path / "store"
    process = subprocess.Popen([KG, "build", str(tmp_path / "releases"), "--store", str(store), "-q",
                                "--engine", "dask", "--jobs", "2", "--shard-size", "10"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        loads, loading = 0, False
        deadline = time.monotonic() + PATIENCE
        while process.poll() is None and loads < 2 and time.monotonic() < deadline:
            now = (store / INTENT).exists()
            loads += now and not loading
            loading = now
            time.sleep(0.002)
        time.sleep(0.03)  # into the bulk load (a shard of 10 of these releases takes about 0.2 s)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the build and its Dask cluster
    assert process.wait() == -signal.SIGKILL, "the build finished before it could be killed"
    assert (store / INTENT).exists(), "the kill did not land during a bulk load"

    # Until a writer opens it, the store is refused to readers; the writer drops the shard's graphs.
    with pytest.raises(StoreError, match="bulk load"):
        Store(store, read_only=True)
    with Store(store) as reopened:
        assert reopened.pending_load() is None
    partial = graphs(export(store))
    assert 10 <= len(partial) < len(files)
    assert_whole_releases(partial, files, tmp_path / "clean")

    resumed = Store(store)
    report = build(files, resumed, validate=False, bulk=True)
    assert report.ok and (len(report.ingested), len(report.unchanged)) == (len(files) - len(partial), len(partial))
    resumed.close()
    assert export(store) == export(tmp_path / "clean")


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, not even the roll-back of a load that fails."""


def test_a_bulk_load_that_dies_half_way_is_rolled_back_when_the_store_is_reopened(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = write_batch(tmp_path / "releases", 8)
    bulk_load = Store._bulk_load

    def half_of_the_second_shard(store: Store, shard: Path) -> None:
        if not store.releases():
            return bulk_load(store, shard)
        lines = shard.read_bytes().splitlines(keepends=True)
        half = shard.with_name("half.nq")
        half.write_bytes(b"".join(lines[:len(lines) // 2]))
        bulk_load(store, half)
        raise Killed

    monkeypatch.setattr(Store, "_bulk_load", half_of_the_second_shard)
    store = Store(tmp_path / "store")
    with pytest.raises(Killed):
        build(files, store, validate=False, bulk=True, shard_size=3)
    pending = store.pending_load()
    assert pending is not None and len(pending) == 3
    assert 0 < sum(1 for g in pending for _ in store.quads(g)), "half of the second shard is in the store"
    store.close()
    monkeypatch.setattr(Store, "_bulk_load", bulk_load)

    with pytest.raises(StoreError, match="bulk load"):
        Store(tmp_path / "store", read_only=True)
    reopened = Store(tmp_path / "store")
    assert reopened.pending_load() is None and sorted(reopened.releases()) == [f.name for f in files[:3]]
    report = build(files, reopened, validate=False, bulk=True, shard_size=3)
    assert report.ingested == [f.name for f in files[3:]]
    reopened.close()
    assert_whole_releases(graphs(export(tmp_path / "store")), files, tmp_path / "clean")
    assert export(tmp_path / "store") == export(tmp_path / "clean")


def assert_whole_releases(partial: dict[bytes, list[bytes]], files: list[Path], clean: Path) -> None:
    """Every graph in ``partial`` is the whole graph of its release (built alone into ``clean`` if not yet there)."""
    if not clean.exists():
        build(files, Store(clean), validate=False)
    complete = graphs(export(clean))
    for graph, lines in partial.items():
        assert lines == complete[graph], f"graph {graph.decode()} differs from the same release built alone"
