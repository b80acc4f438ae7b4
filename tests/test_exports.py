"""Exports: every format round-trips to the same statements, a hard literal survives each, rapper accepts them."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef
from servers import missing_reason
from test_servers import tricky_literal

from kg import exports
from kg.exports import export_prefixes, sorted_lines
from kg.store import Store
from kg.terms import MKG, Minter

QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}
TRIPLE_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
RDFLIB_NAMES = {"trig": "trig", "nquads": "nquads", "jsonld": "json-ld", "turtle": "turtle", "ntriples": "nt"}
RAPPER_NAMES = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "ntriples"}


def exported(store: Store, fmt: str) -> bytes:
    out = io.BytesIO()
    store.export(fmt, out)
    return out.getvalue()


def quads_of(store: Store) -> set[ox.Quad]:
    return set(store.all_quads())


def triples_of(store: Store) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in store.all_quads()}


def tricky_store() -> Store:
    """A store whose one release graph holds the hard literal plain, with a language and typed."""
    minter = Minter()
    text = tricky_literal()
    subject = minter.release("tricky.txt")
    return Store.in_memory([(subject, MKG.quote, Literal(text)),
                            (subject, MKG.title, Literal(text[:300], lang="fr")),
                            (subject, MKG.note, Literal(text[:200], datatype=URIRef("https://example.org/dt"))),
                            (subject, MKG.fileName, Literal("tricky.txt"))],
                           minter.release_graph("tricky.txt"))


@pytest.fixture(params=["seeds", "tricky"])
def store(request: pytest.FixtureRequest, built: Path) -> Store:
    return Store(built, read_only=True) if request.param == "seeds" else tricky_store()


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS))
def test_quad_formats_round_trip_to_the_same_quads(store: Store, fmt: str) -> None:
    data = exported(store, fmt)
    assert set(ox.parse(data, format=QUAD_FORMATS[fmt])) == quads_of(store)
    dataset = Dataset()
    dataset.parse(data=data, format=RDFLIB_NAMES[fmt])
    assert len(list(dataset.quads((None, None, None, None)))) == len(quads_of(store))


@pytest.mark.parametrize("fmt", sorted(TRIPLE_FORMATS))
def test_triple_formats_round_trip_to_the_merged_triples(store: Store, fmt: str) -> None:
    data = exported(store, fmt)
    parsed = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=TRIPLE_FORMATS[fmt])}
    assert parsed == triples_of(store)
    dataset = Dataset()
    dataset.parse(data=data, format=RDFLIB_NAMES[fmt])
    assert len(dataset.default_graph) == len(triples_of(store))


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS) + sorted(TRIPLE_FORMATS))
def test_the_hard_literal_survives_every_format(fmt: str) -> None:
    data = exported(tricky_store(), fmt)
    dataset = Dataset()
    dataset.parse(data=data, format=RDFLIB_NAMES[fmt])
    values = {str(o) for _, _, o, _ in dataset.quads((None, MKG.quote, None, None))}
    assert values == {tricky_literal()}
    assert len(tricky_literal()) == 10_000


def test_jsonld_is_compact_with_the_prefixes_as_context(built: Path) -> None:
    store = Store(built, read_only=True)
    document = json.loads(exported(store, "jsonld"))
    assert document["@context"] == export_prefixes(store)
    graphs = document["@graph"]
    assert [g["@id"] for g in graphs] == [f"graph:{g.value.rsplit('/', 1)[1]}" for g in store.graph_names()]
    release = next(n for g in graphs for n in g["@graph"] if "mkg:Release" in n.get("@type", []))
    assert release["@id"].startswith("release:") and "mkg:fileName" in release


def test_turtle_writes_readable_prefixes(built: Path) -> None:
    text = exported(Store(built, read_only=True), "turtle").decode()
    for prefix in ("mkg:", "company:", "mine:", "person:", "release:"):
        assert f"@prefix {prefix} <" in text
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("@prefix"))
    assert "person:andre-douchane" in body and "<https://w3id.org/mining-kg/id/" not in body


def test_nquads_are_sorted_and_the_same_when_sorting_spills_to_disk(built: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(built, read_only=True)
    nquads, turtle = exported(store, "nquads"), exported(store, "turtle")
    lines = nquads.decode().splitlines(keepends=True)
    assert lines == sorted(lines) and len(lines) == store.quad_count()
    monkeypatch.setattr(exports, "RUN_SIZE", 100)
    assert exported(store, "nquads") == nquads
    assert exported(store, "turtle") == turtle


@given(st.lists(st.text(alphabet="ab\"é\\", max_size=4).map(lambda s: s + "\n"), max_size=60),
       st.integers(min_value=1, max_value=7))
def test_external_sort_sorts(lines: list[str], run_size: int) -> None:
    assert list(sorted_lines(lines, run_size)) == sorted(lines)


@pytest.mark.servers
@pytest.mark.parametrize("fmt", sorted(RAPPER_NAMES))
@pytest.mark.parametrize("which", ["seeds", "tricky"])
def test_rapper_accepts_the_export(built: Path, tmp_path: Path, fmt: str, which: str) -> None:
    reason = missing_reason("rapper")
    if reason:
        pytest.skip(reason)
    store = Store(built, read_only=True) if which == "seeds" else tricky_store()
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(exported(store, fmt))
    checked = subprocess.run(["rapper", "-q", "-i", RAPPER_NAMES[fmt], "-c", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
