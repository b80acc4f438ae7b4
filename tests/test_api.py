"""The Python API: the README's notebook example runs; typed rows, pandas, lineage, ad-hoc SPARQL; import kg is cheap."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLES

import kg
from kg.cli import main
from kg.errors import KgError, UnknownName

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_notebook_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    example = re.search(r"<!-- example: tests/test_api.py runs this block -->\n```python\n(.*?)```", README, re.S)
    assert example, "README has lost its notebook example"
    shutil.copytree(SAMPLES, tmp_path / "examples" / "releases")
    monkeypatch.chdir(tmp_path)
    exec(compile(example.group(1), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "3 releases ingested" in printed and "True" in printed and "André J. Douchane" in printed


def test_import_kg_imports_no_store_rdf_or_cli() -> None:
    code = "import sys, kg; print(sorted(m for m in sys.modules if m.split('.')[0] in {'kg', 'pyoxigraph', 'rdflib', 'click', 'pandas'}))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['kg']"


def test_query_rows_are_typed_and_parameters_take_python_values(built: Path) -> None:
    with kg.open_store(built) as store:
        rows = store.query("facts", metal="palladium", start=2300)
        assert rows and all(r["metal"] == "palladium" and r["start"] == 2300 for r in rows)
        assert isinstance(rows[0]["value"], int) and rows[0]["release_date"] == date(2004, 1, 6)
        (release,) = store.query("releases", date=date(2004, 1, 6))
        assert release["source"] == "000_de8b326c4e62c9a5.txt"
        assert all(r["quoted"] is True for r in store.query("people", quoted=True))
        with pytest.raises(UnknownName, match="valid: source, release_date"):
            store.query("facts", sorce="x")
        with pytest.raises(KgError, match="parameter start: list"):
            store.query("facts", start=[1])


def test_lineage_by_fact_and_by_figure(built: Path) -> None:
    store = kg.open_store(built)
    by_figure = store.lineage(site="Lac des Iles", period="2003-Q3", metric="production", metal="palladium")
    assert [r["value"] for r in by_figure] == [76729, 76729]
    fact = by_figure[0]["fact"]
    (by_fact,) = store.lineage(fact)
    assert (by_fact["fact"], by_fact["start"]) == (fact, by_figure[0]["start"])
    with pytest.raises(KgError, match="give a fact IRI, or a period and a metric"):
        store.lineage(site="Lac des Iles")


def test_sparql_answers_select_ask_and_construct(built: Path) -> None:
    store = kg.open_store(built)
    rows = store.sparql("SELECT ?source WHERE { ?r mkg:fileName ?source } ORDER BY ?source")
    assert isinstance(rows, kg.Results) and [r["source"] for r in rows][0] == "000_de8b326c4e62c9a5.txt"
    assert store.sparql("ASK { ?r a mkg:Release }") is True
    triples = store.sparql("CONSTRUCT { ?r a mkg:Release } WHERE { ?r a mkg:Release }")
    assert isinstance(triples, list) and len(triples) == 3 and all(isinstance(t, ox.Triple) for t in triples)


def test_to_pandas_gives_typed_columns_and_says_what_to_install_without_pandas(
        built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = kg.open_store(built).query("facts", metal="palladium")
    if sys.modules.get("pandas") is not None or _has_pandas():
        frame = rows.to_pandas()
        assert list(frame.columns) == list(rows.columns) and len(frame) == len(rows)
        assert frame["start"].dtype.kind == "i"
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(KgError, match=r"to_pandas needs pandas: pip install 'mining-kg\[pandas\]'"):
        rows.to_pandas()


def _has_pandas() -> bool:
    import importlib.util

    return importlib.util.find_spec("pandas") is not None


def test_build_returns_the_report(tmp_path: Path, releases: Path) -> None:
    report = kg.build([releases], store=tmp_path / "s")
    assert report.ok and len(report.ingested) == 3
    assert len(kg.build([releases], store=tmp_path / "s").unchanged) == 3


def test_cli_sparql_select_ask_construct_and_errors(runner: CliRunner, built: Path) -> None:
    select = runner.invoke(main, ["sparql", "SELECT ?source WHERE { ?r mkg:fileName ?source } ORDER BY ?source",
                                  "--store", str(built), "--format", "csv"])
    assert select.exit_code == 0 and select.output.splitlines()[:2] == ["source", "000_de8b326c4e62c9a5.txt"]
    ask = runner.invoke(main, ["sparql", "ASK { ?r a mkg:Release }", "--store", str(built), "--format", "sparql-json"])
    assert ask.exit_code == 0 and ask.output == '{"head": {}, "boolean": true}\n'
    construct = runner.invoke(main, ["sparql", "CONSTRUCT { ?r a mkg:Release } WHERE { ?r a mkg:Release }",
                                     "--store", str(built), "--format", "ntriples"])
    assert construct.exit_code == 0 and len(construct.output.splitlines()) == 3
    broken = runner.invoke(main, ["sparql", "SELECT ?s WHERE { ?s ?p }", "--store", str(built)])
    assert broken.exit_code == 2 and broken.output.startswith("error: query does not parse")
    assert broken.output.count("\n") == 1
    wrong = runner.invoke(main, ["sparql", "ASK { ?s ?p ?o }", "--store", str(built), "--format", "turtle"])
    assert wrong.exit_code == 2 and wrong.output.count("\n") == 1 and "valid: table, csv" in wrong.output
