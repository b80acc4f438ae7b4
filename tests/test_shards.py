"""Shards: a partition's graphs as one sorted N-Quads file, and the copy keeping the graphs the writer admits."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.shards import keep_graphs, shard_folder, write_shard

A, B = "https://example.org/graph/a", "https://example.org/graph/b"


def test_a_shard_is_the_graphs_quads_sorted_and_parses_back(tmp_path: Path) -> None:
    path = write_shard(tmp_path, [(B, '<urn:s> <urn:p> "b" .\n'), (A, '<urn:s> <urn:p> "a" .\n<urn:r> <urn:p> <urn:o> .\n')])
    assert path is not None and path.parent == tmp_path and not list(tmp_path.glob("*.tmp"))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == 3
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == {A, B}  # type: ignore[union-attr]
    assert write_shard(tmp_path, []) is None


def test_keep_graphs_drops_the_quads_of_refused_releases(tmp_path: Path) -> None:
    path = write_shard(tmp_path, [(A, '<urn:s> <urn:p> "a" .\n'), (B, '<urn:s> <urn:p> "b" .\n')])
    assert path is not None
    kept = keep_graphs(path, {B})
    assert kept.read_text(encoding="utf-8") == f'<urn:s> <urn:p> "b" <{B}> .\n'


def test_the_shard_folder_goes_afterwards_and_a_killed_builds_is_swept(tmp_path: Path) -> None:
    stale = tmp_path / "store-shards-old"
    stale.mkdir()
    with shard_folder(tmp_path / "store", None) as folder:
        assert folder.parent == tmp_path.resolve() and not stale.exists()
        (folder / "shard.nq").write_text("", encoding="utf-8")
    assert not folder.exists()
    with shard_folder(tmp_path / "store", tmp_path / "shared") as folder:
        assert folder.parent == (tmp_path / "shared").resolve()
    assert list((tmp_path / "shared").iterdir()) == []
