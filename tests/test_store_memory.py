"""A long build's memory stays flat: the store is flushed as it goes, not only at the end."""

from __future__ import annotations

from pathlib import Path

import psutil
from rdflib import URIRef

from kg.store import Store


def release_body(i: int) -> str:
    """About the size of a real release's graph: 450 triples, a third of them long literals."""
    lines = []
    for k in range(450):
        subject = f"<https://example.org/release/{i}/node/{k // 9}>"
        value = f'"{i}-{k} quoted sentence of a release, long enough to be a real quote {i * 7919 + k}"' if k % 3 \
            else f"<https://example.org/release/{i}/other/{k}>"
        lines.append(f"{subject} <https://example.org/p/{k % 40}> {value} .\n")
    return "".join(lines)


def test_writing_many_releases_does_not_grow_memory(tmp_path: Path) -> None:
    process = psutil.Process()
    with Store(tmp_path / "s") as store:
        for i in range(100):  # warm up: caches and the first memtables
            store.write_release(URIRef(f"https://example.org/graph/{i}"), release_body(i))
        before = process.memory_info().rss
        for i in range(100, 600):
            store.write_release(URIRef(f"https://example.org/graph/{i}"), release_body(i))
        grown = process.memory_info().rss - before
    assert grown < 60 * 2**20, f"memory grew by {grown // 2**20} MB over 500 releases"
