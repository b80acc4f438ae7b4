"""Result formats: typed JSON, the W3C SPARQL 1.1 JSON and TSV results (read back by Oxigraph), CSV as written."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.queries import query_results
from kg.results import Results, python_value, render
from kg.store import Store

XSD = "http://www.w3.org/2001/XMLSchema#"


def _typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


MIXED = Results(("n", "d", "b", "day", "iri", "text", "none"), (
    (_typed("2248", "integer"), _typed("92.6", "decimal"), _typed("true", "boolean"), _typed("2004-01-06", "date"),
     ox.NamedNode("https://w3id.org/x"), ox.Literal("tab\there, \"quoted\"\nline"), None),
    (_typed("12", "decimal"), ox.Literal("Chef", language="fr"), _typed("0", "boolean"), _typed("2003-12", "gYearMonth"),
     ox.BlankNode("b0"), ox.Literal(""), None),
))


def test_python_values_are_typed() -> None:
    assert MIXED[0] == {"n": 2248, "d": 92.6, "b": True, "day": date(2004, 1, 6), "iri": "https://w3id.org/x",
                        "text": "tab\there, \"quoted\"\nline", "none": None}
    assert (MIXED[1]["n"], MIXED[1]["b"], MIXED[1]["day"]) == (12, False, "2003-12")
    assert python_value(_typed("not a number", "integer")) == "not a number"


def test_json_is_typed_with_iso_dates_and_null() -> None:
    rows = json.loads(render(MIXED, "json"))
    assert rows[0] == {"n": 2248, "d": 92.6, "b": True, "day": "2004-01-06", "iri": "https://w3id.org/x",
                       "text": "tab\there, \"quoted\"\nline", "none": None}


@pytest.mark.parametrize(("fmt", "results_format"), [("sparql-json", ox.QueryResultsFormat.JSON),
                                                     ("tsv", ox.QueryResultsFormat.TSV)])
def test_sparql_results_formats_read_back_as_the_same_terms(fmt: str, results_format: ox.QueryResultsFormat) -> None:
    parsed = ox.parse_query_results(render(MIXED, fmt).encode("utf-8"), format=results_format)
    assert isinstance(parsed, ox.QuerySolutions)
    assert [v.value for v in parsed.variables] == list(MIXED.columns)
    assert [tuple(s[c] for c in MIXED.columns) for s in parsed] == [tuple(row) for row in MIXED.terms]


def test_csv_is_each_value_as_written_and_empty_when_unbound() -> None:
    rows = list(csv.reader(io.StringIO(render(MIXED, "csv"))))
    assert rows[0] == list(MIXED.columns)
    assert rows[1] == ["2248", "92.6", "true", "2004-01-06", "https://w3id.org/x", "tab\there, \"quoted\"\nline", ""]


def test_cli_json_of_a_named_query_is_typed(runner: CliRunner, built: Path) -> None:
    result = runner.invoke(main, ["query", "facts", "--store", str(built), "--format", "json", "-p", "metal=palladium"])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert rows and all(isinstance(r["value"], (int, float)) and isinstance(r["start"], int) for r in rows)
    assert {type(r["release_date"]) for r in rows} == {str}
    assert any(r["site"] is not None for r in rows)
    unbound = json.loads(runner.invoke(main, ["query", "releases", "--store", str(built), "--format", "json"]).output)
    assert all(isinstance(r["tickers"], str) for r in unbound)


@pytest.mark.parametrize("fmt", ["sparql-json", "tsv"])
def test_cli_sparql_results_of_every_query_are_the_store_terms(runner: CliRunner, built: Path, fmt: str) -> None:
    from kg.queries import query_names

    store = Store(built, read_only=True)
    expected = {name: query_results(store, name) for name in query_names()}
    del store
    results_format = ox.QueryResultsFormat.JSON if fmt == "sparql-json" else ox.QueryResultsFormat.TSV
    for name, results in expected.items():
        output = runner.invoke(main, ["query", name, "--store", str(built), "--format", fmt])
        assert output.exit_code == 0, output.output
        parsed = ox.parse_query_results(output.stdout_bytes, format=results_format)
        assert [tuple(s[c] for c in results.columns) for s in parsed] == [tuple(r) for r in results.terms], name
