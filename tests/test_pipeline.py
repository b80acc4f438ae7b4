"""The pipeline: one failing extractor costs its own records, not the release or the batch."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.extract
from kg.pipeline import build
from kg.store import Store


def test_a_failing_extractor_costs_only_its_records(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                    releases: Path) -> None:
    def broken(doc):  # type: ignore[no-untyped-def]
        raise IndexError("boom")

    table = tuple(broken if f.__name__ == "extract_people" else f for f in kg.extract.EXTRACTORS)
    monkeypatch.setattr(kg.extract, "EXTRACTORS", table)
    store = Store(tmp_path / "s")
    report = build([releases], store)
    assert len(report.ingested) == 3 and not report.rejected
    assert all("broken failed (IndexError: boom)" in w for w in report.warnings) and len(report.warnings) == 3
    people = list(store.select("SELECT ?p WHERE { ?p a mkg:Post }"))
    facts = list(store.select("SELECT ?f WHERE { ?f a mkg:Measurement }"))
    assert people == [] and len(facts) > 80
