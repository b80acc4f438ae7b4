"""The store: idempotent re-builds, replaced and removed releases, nothing left by a failed file."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef

from kg.errors import StoreError, UnknownName
from kg.pipeline import build
from kg.store import Store


def nquads(path: Path) -> bytes:
    out = io.BytesIO()
    Store(path, read_only=True).export("nquads", out)
    return out.getvalue()


def test_rebuild_changes_nothing(built: Path, releases: Path) -> None:
    before = nquads(built)
    report = build([releases], Store(built))
    assert report.ingested == [] and len(report.unchanged) == 3
    assert nquads(built) == before


def test_two_builds_export_byte_identical_nquads(tmp_path: Path, built: Path, releases: Path) -> None:
    other = tmp_path / "other"
    build([releases], Store(other))
    assert nquads(other) == nquads(built)


def test_changed_file_replaces_its_graph(built: Path, releases: Path) -> None:
    path = releases / "001_ffae4dc1ef82c25c.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("52,067 ounces", "52,076 ounces"), encoding="utf-8")
    report = build([releases], Store(built))
    assert report.ingested == ["001_ffae4dc1ef82c25c.txt"]
    text = nquads(built).decode()
    assert '"52076"' in text
    assert text.count("001_ffae4dc1ef82c25c.txt\"") == 1  # one release node, the old graph is gone


def test_remove_drops_one_release(built: Path) -> None:
    store = Store(built)
    store.remove_release("002_ad56bb7f9a1deeaf")
    assert sorted(store.releases()) == ["000_de8b326c4e62c9a5.txt", "001_ffae4dc1ef82c25c.txt"]
    with pytest.raises(UnknownName) as err:
        store.remove_release("nope.txt")
    assert "000_de8b326c4e62c9a5.txt" in str(err.value)


def test_failed_file_leaves_nothing_and_others_land(tmp_path: Path, releases: Path) -> None:
    (releases / "empty.txt").write_bytes(b"")
    (releases / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (releases / "recipe.txt").write_text("Preheat the oven. Mix flour and butter, then bake for twenty minutes.\n")
    store = Store(tmp_path / "s")
    report = build([releases], store)
    assert sorted(report.ingested) == sorted(p.name for p in releases.glob("0*.txt"))
    reasons = {r.file: r.reason for r in report.rejected}
    assert reasons["empty.txt"] == "file is empty"
    assert "binary" in reasons["binary.txt"]
    assert "not a mining release" in reasons["recipe.txt"]
    assert sorted(store.releases()) == sorted(report.ingested)


def test_same_release_under_two_names_is_rejected(tmp_path: Path, releases: Path) -> None:
    (releases / "copy.txt").write_bytes((releases / "000_de8b326c4e62c9a5.txt").read_bytes())
    report = build([releases], Store(tmp_path / "s"))
    assert [r.file for r in report.rejected] == ["copy.txt"]
    assert "same content as 000_de8b326c4e62c9a5.txt" in report.rejected[0].reason


@pytest.mark.parametrize("fmt,rdflib_format,ox_format", [
    ("turtle", "turtle", ox.RdfFormat.TURTLE),
    ("trig", "trig", ox.RdfFormat.TRIG),
    ("nquads", "nquads", ox.RdfFormat.N_QUADS),
    ("jsonld", "json-ld", ox.RdfFormat.JSON_LD),
])
def test_exports_parse_back_to_the_same_count(built: Path, fmt: str, rdflib_format: str, ox_format: ox.RdfFormat) -> None:
    store = Store(built, read_only=True)
    out = io.BytesIO()
    store.export(fmt, out)
    data = out.getvalue()
    parsed_ox = list(ox.parse(data, format=ox_format))
    dataset = Dataset()
    dataset.parse(data=data, format=rdflib_format)
    quads = store.quad_count()
    triples = len({(q.subject, q.predicate, q.object) for q in ox.parse(nquads(built), format=ox.RdfFormat.N_QUADS)})
    expected = triples if fmt == "turtle" else quads
    assert len(parsed_ox) == expected
    assert len(list(dataset.quads((None, None, None, None)))) == expected


def test_a_store_being_rewritten_under_a_reader_is_named_not_a_traceback(built: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def compacted(path: str) -> ox.Store:  # what RocksDB raises when a writer deletes files a reader opens
        raise RuntimeError(f"Corruption: IO error: No such file or directory: {path}/000016.sst")

    monkeypatch.setattr(ox.Store, "read_only", staticmethod(compacted))
    with pytest.raises(StoreError, match=r"cannot open the store at .*Corruption.*is another kg process using it"):
        Store(built, read_only=True)


def test_a_read_only_store_closes_without_flushing(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store:
        store.replace_release(URIRef("urn:g"), [(URIRef("urn:s"), URIRef("urn:p"), Literal("o"))])
    with Store(tmp_path / "s", read_only=True) as reader:
        assert reader.quad_count() == 1


def test_a_shard_that_fails_to_load_is_rolled_back_at_once(built: Path, tmp_path: Path) -> None:
    store = Store(built)
    graph = next(iter(store.releases().values())).graph
    bad = tmp_path / "bad.nq"
    bad.write_text(f"<urn:a> <urn:p> <urn:o> <{graph}> .\n<urn:a> <urn:p> broken <{graph}> .\n", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot bulk-load"):
        store.load_shard(bad, [graph])
    assert store.pending_load() is None and not store._db.contains_named_graph(ox.NamedNode(graph))
    assert len(store.releases()) == 2  # the replaced release is absent: the next build ingests it again
