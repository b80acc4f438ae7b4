"""Bad conditions are one ``error:`` line and exit 2, never a traceback: invalid IRIs given as parameters, a store
inside the input, a full disk while building or exporting (and an export never leaves a truncated file)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.exports
from kg.cli import main
from kg.errors import NoSpace
from kg.store import Store

FULL = "No space left on device"


def lines(output: str) -> list[str]:
    return output.strip().splitlines()


@pytest.mark.parametrize("iri", ["http://example.org/a fact", "http://example.org/a>fact", "<http://example.org/a b>"])
@pytest.mark.parametrize("command", ["query", "lineage"])
def test_an_invalid_iri_is_one_line(built: Path, runner: CliRunner, iri: str, command: str) -> None:
    args = ["query", "facts", "-p", f"fact={iri}"] if command == "query" else ["lineage", iri]
    result = runner.invoke(main, [*args, "--store", str(built)])
    assert result.exit_code == 2
    bare = iri.strip("<>")
    assert lines(result.output) == [
        f"error: parameter fact: {bare!r} is not a valid IRI (Invalid IRI code point {next(c for c in bare if c in ' >')!r}); percent-encode "
        "what it may not hold (%20 for a space, %3E for >), or copy the IRI from a query's output"]


@pytest.mark.parametrize("inside", ["store", "deep/er/store", "."])
def test_a_store_inside_the_input_folder_is_refused_and_not_created(releases: Path, runner: CliRunner,
                                                                    inside: str) -> None:
    store = releases / inside
    before = sorted(releases.rglob("*"))
    result = runner.invoke(main, ["build", str(releases), "--store", str(store), "-q"])
    assert result.exit_code == 2
    assert lines(result.output) == [
        f"error: --store {store} is inside the input folder {releases}: keep the store out of the releases, "
        f"e.g. --store {releases.resolve().parent / 'releases.kg-store'}"]
    assert sorted(releases.rglob("*")) == before


def full_disk_after(calls: int, real):  # type: ignore[no-untyped-def]
    """``real``, failing with a full disk from its ``calls``-th call on."""
    count = [0]

    def write(*args, **kwargs):  # type: ignore[no-untyped-def]
        count[0] += 1
        if count[0] > calls:
            raise OSError(errno.ENOSPC, FULL)
        return real(*args, **kwargs)
    return write


@pytest.mark.parametrize("bulk", [False, True], ids=["transactions", "bulk"])
def test_a_full_disk_during_a_build_is_one_line_and_keeps_what_was_stored(
        tmp_path: Path, releases: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, bulk: bool) -> None:
    store = tmp_path / "store"
    if bulk:
        monkeypatch.setattr(Store, "_bulk_load", full_disk_after(1, Store._bulk_load))
        options = ["--bulk", "--shard-size", "1"]
    else:
        monkeypatch.setattr(Store, "write_release", full_disk_after(1, Store.write_release))
        options = []
    result = runner.invoke(main, ["build", str(releases), "--store", str(store), "-q", "--jobs", "1", *options])
    assert result.exit_code == 2
    assert lines(result.output) == [
        f"error: no space left on the device writing the store at {store} (the releases stored before are kept; the "
        f"next build ingests the rest) ({FULL}); free some space and run the command again"]
    monkeypatch.undo()
    with Store(store, read_only=True) as opened:
        assert sorted(opened.releases()) == ["000_de8b326c4e62c9a5.txt"]
    again = runner.invoke(main, ["build", str(releases), "--store", str(store), "-q", "--jobs", "1", *options])
    assert "2 ingested, 1 unchanged, 0 rejected" in again.output


def test_a_full_disk_during_an_export_is_one_line_and_leaves_the_file_as_it_was(
        built: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "graph.nq"
    target.write_text("the export before\n")
    monkeypatch.setattr(kg.exports, "write_lines", lambda lines, output: (output.write(b"half a line"),
                                                                         full_disk_after(0, None)()))
    result = runner.invoke(main, ["export", "--store", str(built), "-o", str(target)])
    assert result.exit_code == 2
    assert lines(result.output) == [f"error: no space left on the device writing {target} (left as it was) ({FULL}); "
                                    "free some space and run the command again"]
    assert target.read_text() == "the export before\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_export_replaces_its_file_whole_with_the_permissions_of_a_new_file(
        built: Path, tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "graph.nq"
    result = runner.invoke(main, ["export", "--store", str(built), "-o", str(target)])
    assert result.exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert len(lines(target.read_text(encoding="utf-8"))) == Store(built, read_only=True).quad_count()
    os.chmod(target, 0o640)
    assert runner.invoke(main, ["export", "--store", str(built), "-o", str(target)]).exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_full_disk_writing_a_graph_file_is_one_line(built: Path, tmp_path: Path, runner: CliRunner,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.cli
    monkeypatch.setattr(kg.cli, "write_graph", lambda network, fmt, output: full_disk_after(0, None)())
    target = tmp_path / "mining.graphml"
    result = runner.invoke(main, ["graph", "--store", str(built), "-o", str(target)])
    assert result.exit_code == 2
    assert lines(result.output) == [f"error: no space left on the device writing {target} (left as it was) ({FULL}); "
                                    "free some space and run the command again"]
    assert not target.exists() and not list(tmp_path.glob(".mining*"))


def test_a_full_disk_when_the_store_flushes_names_the_store(tmp_path: Path) -> None:
    class FullDisk:
        def flush(self) -> None:
            raise OSError(errno.ENOSPC, FULL)

    store = Store(tmp_path / "s")
    database, store._db = store._db, FullDisk()  # type: ignore[assignment]
    try:
        with pytest.raises(NoSpace, match=f"no space left on the device writing the store at {tmp_path / 's'} "
                                          rf"\({FULL}\); free some space"):
            store.flush()
    finally:
        store._db = database
        store.close()
