"""A build killed with SIGKILL mid-way leaves a consistent store, and the next build completes it.

Every release graph is written in one transaction (kg/store.py), so a killed build leaves each release
either wholly in the store or not at all; the next ``kg build`` skips the ones that landed and adds the rest.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from conftest import CORPUS, SAMPLES

from kg.errors import StoreError
from kg.pipeline import build
from kg.store import Store

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
    return subprocess.run([KG, "export", "--format", "nquads", "--store", str(store)],
                          capture_output=True, check=True).stdout


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
