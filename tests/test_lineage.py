"""Lineage: every fact points at exactly the characters it quotes, in its own release."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLES

from kg.queries import run_query
from kg.store import Store


def test_every_fact_offset_points_at_its_quote(built: Path) -> None:
    header, rows = run_query(Store(built, read_only=True), "facts")
    assert rows
    for row in map(lambda r: dict(zip(header, r)), rows):
        text = (SAMPLES / row["source"]).read_text(encoding="utf-8")
        assert text[int(row["start"]):int(row["end"])] == row["evidence"]


def test_every_fact_has_one_release_span_and_activity(built: Path) -> None:
    store = Store(built, read_only=True)
    rows = list(store.select("""
        SELECT ?fact (COUNT(DISTINCT ?r) AS ?releases) (COUNT(DISTINCT ?a) AS ?activities) (COUNT(DISTINCT ?e) AS ?spans)
        WHERE { ?fact a mkg:Fact . OPTIONAL { ?fact prov:wasDerivedFrom ?r } OPTIONAL { ?fact prov:wasGeneratedBy ?a }
                OPTIONAL { ?fact mkg:evidence ?e } } GROUP BY ?fact"""))
    assert len(rows) > 80
    assert all(int(r["releases"].value) == 1 and int(r["activities"].value) == 1 and int(r["spans"].value) == 1
               for r in rows)


def test_same_fact_in_two_releases_keeps_both_lineages(built: Path) -> None:
    header, rows = run_query(Store(built, read_only=True), "figure_lineage",
                             {"period": _lit("2002-Q4"), "metric": _lit("production"), "metal": _lit("palladium")})
    sources = {dict(zip(header, r))["source"] for r in rows}
    assert sources == {"000_de8b326c4e62c9a5.txt", "001_ffae4dc1ef82c25c.txt"}


def test_release_node_records_file_hash_date_and_title(built: Path) -> None:
    header, rows = run_query(Store(built, read_only=True), "releases")
    first = dict(zip(header, rows[0]))
    assert first["source"] == "001_ffae4dc1ef82c25c.txt" and first["date"] == "2003-01-14"
    assert first["title"].startswith("North American Palladium Ltd. Announces")
    sha = next(Store(built, read_only=True).select(
        'SELECT ?sha WHERE { ?r mkg:fileName "001_ffae4dc1ef82c25c.txt" ; mkg:sha256 ?sha }'))["sha"].value
    import hashlib
    assert sha == hashlib.sha256((SAMPLES / "001_ffae4dc1ef82c25c.txt").read_bytes()).hexdigest()


def _lit(value: str):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox
    return ox.Literal(value)
