"""Named queries and their parameters: a bound column keeps exactly the rows holding the value, never relabels one;
a declared parameter is no column; an unknown name lists the query's parameters."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from kg.cli import main
from kg.errors import UnknownName
from kg.pipeline import build
from kg.queries import (
    certain_variables,
    declared_parameters,
    parse_binding,
    query_names,
    query_parameters,
    query_results,
    query_text,
    run_query,
    select_columns,
    value_terms,
)
from kg.store import Store


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("queries") / "store"
    with Store(path) as store:
        assert build([SAMPLES], store).ok
    return path


def _store(path: Path) -> Store:
    return Store(path, read_only=True)


def test_every_column_of_every_query_filters_on_its_value(samples_store: Path) -> None:
    """Binding a column to a value it holds gives exactly the unbound result's rows with that value, for every
    column of every query (so every parameter type and both ways of binding: VALUES and FILTER)."""
    store = _store(samples_store)
    kinds: set[str] = set()
    checked = 0
    for name in query_names():
        header, rows = run_query(store, name)
        results = query_results(store, name)
        for i, column in enumerate(header):
            term = next((row[i] for row in results.terms if row[i] is not None), None)
            if term is None:
                continue
            kinds.add("iri" if isinstance(term, ox.NamedNode) else term.datatype.value.split("#")[-1])
            value = rows[[r[i] for r in results.terms].index(term)][i]
            binding = ox.NamedNode(value) if isinstance(term, ox.NamedNode) else ox.Literal(value)
            _, bound = run_query(store, name, {column: binding})
            expected = [r for r in rows if r[i] == value]
            assert Counter(map(tuple, bound)) == Counter(map(tuple, expected)), (name, column, value)
            checked += 1
    assert checked > 80
    assert {"iri", "string", "integer", "decimal", "date", "boolean"} <= kinds


@pytest.mark.parametrize(("name", "column", "value"), [
    ("facts", "metal", "palladium"),  # nickel, copper and metal-less rows came back labelled palladium
    ("guidance", "metal", "gold"),  # a throughput guidance came back labelled gold
    ("facts", "company", "North American Palladium Ltd."),
    ("figure_lineage", "metal", "palladium"),
])
def test_a_bound_value_is_never_echoed_onto_a_row(samples_store: Path, name: str, column: str, value: str) -> None:
    store = _store(samples_store)
    header, everything = run_query(store, name)
    _, bound = run_query(store, name, {column: ox.Literal(value)})
    i = header.index(column)
    assert all(row[i] == value for row in bound)
    assert len(bound) == sum(row[i] == value for row in everything)


def test_a_number_a_date_a_boolean_and_an_iri_bind_as_typed_terms(samples_store: Path) -> None:
    store = _store(samples_store)
    by_start = query_results(store, "facts", {"start": ox.Literal("2248")})
    assert by_start and {row["start"] for row in by_start} == {2248}
    by_value = query_results(store, "facts", {"value": ox.Literal("92.6")})
    assert by_value and {row["value"] for row in by_value} == {92.6}
    (release,) = query_results(store, "releases", {"date": ox.Literal("2004-01-06")})
    assert release["source"] == "000_de8b326c4e62c9a5.txt"
    quoted = query_results(store, "people", {"quoted": ox.Literal("true")})
    assert quoted and all(row["quoted"] is True for row in quoted)
    fact = query_results(store, "facts")[0]["fact"]
    _, iri = parse_binding(f"fact={fact}")
    assert {row["fact"] for row in query_results(store, "fact_lineage", {"fact": iri})} == {fact}


def test_value_terms_are_the_string_and_each_typed_value_written_so() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert {t.datatype.value.removeprefix(xsd) for t in value_terms(ox.Literal("2248"))} == {
        "string", "integer", "decimal"}
    assert {t.datatype.value.removeprefix(xsd) for t in value_terms(ox.Literal("2004-01-06"))} == {"string", "date"}
    assert value_terms(ox.Literal("palladium")) == (ox.Literal("palladium"),)
    assert value_terms(ox.NamedNode("http://example.org/x")) == (ox.NamedNode("http://example.org/x"),)


def test_a_declared_parameter_is_bound_for_the_query_and_is_no_column(samples_store: Path) -> None:
    assert declared_parameters(query_text("ceo_timeline")).keys() == {"role_pattern"}
    results = query_results(_store(samples_store), "ceo_timeline", {"role_pattern": ox.Literal("CEO")})
    assert "role_pattern" not in results.columns
    assert len(results) == 3 and all("CEO" in row["role"] for row in results)


def test_facts_lists_calendar_periods_unless_all_spans_are_asked_for(tmp_path: Path) -> None:
    """A fiscal year-to-date (nine months to March) is no calendar period: listed only with spans=all."""
    release = tmp_path / "fiscal.txt"
    release.write_text(
        "Kestrel Gold Mines Inc. Reports Third Quarter Fiscal 2013 Results\n\nTORONTO, April 20, 2013 -- Kestrel Gold "
        "Mines Inc. (TSX: KGM) reports on its Moose Creek mine for the three months ended March 31, 2013. The Company's "
        "fiscal year ends June 30.\n\nGold production was 38,450 ounces in the quarter and 112,300 ounces in the nine "
        "months ended March 31, 2013.\n")
    with Store(tmp_path / "store") as store:
        assert build([release], store).ok
    store = _store(tmp_path / "store")
    calendar = {row["period"] for row in query_results(store, "facts")}
    every = {row["period"] for row in query_results(store, "facts", {"spans": ox.Literal("all")})}
    assert calendar == {"2013-Q1"} and every == {"2013-Q1", "2013-9M-ending-2013-03"}


def test_columns_and_the_variables_every_row_binds() -> None:
    query = ('SELECT ?a ?b (COUNT(?c) AS ?n) WHERE { # a { brace and ?d in a comment\n'
             '  GRAPH ?g { ?a <http://e/p> "?s {" ; <http://e/q> ?b . OPTIONAL { ?a <http://e/r> ?c } }\n'
             '  OPTIONAL { ?a <http://e/s> ?e } { SELECT ?f WHERE { ?f ?p ?o } } BIND (1 AS ?h)\n'
             '  FILTER (?b != ?i) } GROUP BY ?a ?b')
    assert select_columns(query) == ["a", "b", "n"]
    assert certain_variables(query) == {"a", "b", "g"}
    facts = certain_variables(query_text("facts"))
    assert {"source", "fact", "period", "metric", "start"} <= facts and not facts & {"metal", "company", "site"}


def test_an_unknown_parameter_names_the_query_parameters(samples_store: Path) -> None:
    with pytest.raises(UnknownName) as err:
        query_results(_store(samples_store), "facts", {"sorce": ox.Literal("x")})
    assert err.value.choices == query_parameters("facts")


def test_cli_unknown_parameter_is_one_line_and_exit_2(runner: CliRunner, samples_store: Path) -> None:
    result = runner.invoke(main, ["query", "facts", "--store", str(samples_store), "-p", "sorce=x"])
    assert result.exit_code == 2
    assert result.output == ("error: unknown parameter of query facts 'sorce'; valid: source, release_date, company, "
                             "site, period, metric, metal, value, unit, evidence, start, end, fact, spans\n")
