"""Role kinds: a role as written names kinds of the ontology's vocab:roles, kept beside it in the graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CORPUS

from kg.pipeline import build
from kg.queries import query_results
from kg.roles import role_cues, role_kinds
from kg.store import Store


@pytest.mark.parametrize(("role", "kinds"), [
    ("Chief Executive Officer", ("ceo",)),
    ("President and Chief Executive Officer", ("president", "ceo")),
    ("Chairman & Acting CEO", ("chair", "ceo")),
    ("Vice President Finance & CFO", ("vice_president", "cfo")),  # a vice-president is no president
    ("Managing Director & CEO", ("managing_director", "ceo")),  # a managing director is no plain director
    ("Director, Investor Relations", ("director", "investor_relations")),
    ("Vice-President Geology", ("vice_president",)),
    ("chief operating officer", ("coo",)),
    ("Senior Geologist", ()),
])
def test_a_role_names_its_kinds(role: str, kinds: tuple[str, ...]) -> None:
    assert role_kinds(role) == kinds


def test_the_kinds_come_from_the_ontology() -> None:
    kinds = {kind for _, kind in role_cues()}
    assert {"ceo", "cfo", "coo", "chair", "director", "investor_relations", "president", "vice_president"} <= kinds


def test_ceo_pattern_finds_a_chief_executive_officer_and_keeps_the_role_as_written(tmp_path: Path) -> None:
    release = CORPUS / "releases" / "r02_lekgalo_platinum_q3_f2006.txt"
    with Store(tmp_path / "s") as store:
        assert build([release], store).ok
    store = Store(tmp_path / "s", read_only=True)
    rows = query_results(store, "ceo_timeline", {"role_pattern": ox.Literal("CEO")})
    assert "Chief Executive Officer" in {row["role"] for row in rows}
    assert all("ceo" in role_kinds(row["role"]) for row in rows)
    (kind,) = store.select('SELECT ?kind WHERE { ?role rdfs:label "Chief Executive Officer" ; mkg:roleKind ?kind }')
    assert kind["kind"].value == "https://w3id.org/mining-kg/vocab/role/ceo"
