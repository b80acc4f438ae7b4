"""Shards: the graphs of a partition of releases, as one sorted N-Quads file, for a bulk load into the store.

A worker (a local process or a Dask worker) writes the shard of the partition it extracted into a shard
folder; the writer bulk-loads it (``Store.load_shard``). The quads never travel back through the
scheduler, so the folder must be one the workers and the writer share: by default a temporary folder
next to the store (enough on one machine), else the one given with ``--shards``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError

SHARD_SIZE = 50  # releases per shard: large enough for the bulk loader to pay off, small enough to stream


def quad_lines(graph: str, ntriples: str) -> Iterator[str]:
    """A graph's N-Triples lines (``s p o .``) as N-Quads lines in the named graph ``graph`` (an IRI)."""
    name = ox.NamedNode(graph)
    for line in ntriples.splitlines():
        if line:
            yield f"{line[:-2]} {name} .\n"


def write_shard(folder: Path, graphs: Iterable[tuple[str, str]]) -> Path | None:
    """Write the ``(graph IRI, N-Triples)`` pairs as one sorted N-Quads file in ``folder``; None when empty.

    The file appears whole or not at all (written aside, then renamed).
    """
    lines = sorted(line for graph, body in graphs for line in quad_lines(graph, body))
    if not lines:
        return None
    path = folder / f"shard-{uuid.uuid4().hex}.nq"
    staged = path.with_suffix(".tmp")
    try:
        with staged.open("w", encoding="utf-8", newline="") as out:
            out.writelines(lines)
        os.replace(staged, path)
    except OSError as exc:
        raise StoreError(f"cannot write a shard into {folder} on {os.uname().nodename}: {exc}; "
                         "give --shards a folder every worker can write and the client can read") from exc
    return path


def keep_graphs(shard: Path, graphs: set[str]) -> Path:
    """A copy of ``shard`` with only the quads of ``graphs`` (IRIs), for when the writer refuses some releases."""
    kept = shard.with_name(shard.stem + "-kept.nq")
    suffixes = tuple(f" {ox.NamedNode(g)} .\n" for g in graphs)
    with shard.open(encoding="utf-8", newline="") as lines, kept.open("w", encoding="utf-8", newline="") as out:
        out.writelines(line for line in lines if line.endswith(suffixes))
    return kept


def check_visible(shard: Path) -> None:
    """Raise a StoreError saying what to do when a worker's shard is not on this machine's file system."""
    if not shard.is_file():
        raise StoreError(f"the shard {shard} a worker wrote is not visible here: give --shards a folder on a file "
                         "system the workers and this machine share (the same path on each)")


@contextmanager
def shard_folder(store: Path | None, shards: Path | None) -> Iterator[Path]:
    """A new folder for this build's shards, removed afterwards: inside ``shards`` when given, else next to the store.

    Folders a killed build left next to the store are removed first (the store's lock says no other
    build is using them).
    """
    if shards is None and store is not None:
        for stale in store.resolve().parent.glob(f"{store.name}-shards-*"):
            shutil.rmtree(stale, ignore_errors=True)
    parent = shards if shards is not None else (store.resolve().parent if store is not None else None)
    try:
        if parent is not None:
            parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=f"{store.name if store else 'kg'}-shards-", dir=parent)).resolve()
    except OSError as exc:
        raise StoreError(f"cannot make a shard folder in {parent}: {exc}; give --shards a writable folder") from exc
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
