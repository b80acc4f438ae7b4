"""A PDF release with a text layer (tests/fixtures/pdf, written by make_pdf.py): three pages of prose, an
operating table and contacts. Its figures are read, its lineage names the page and the offsets of each quote
in the PDF's text, and it is scored against its gold with the evaluation script.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import ROOT
from pypdf import PdfReader
from scoring import f1, score_report

from kg.cli import main
from kg.queries import run_query
from kg.read.sources import read_source
from kg.store import Store

PDF = ROOT / "tests" / "fixtures" / "pdf"
RELEASE = PDF / "releases" / "larder_creek_q3_2014.pdf"

# The PDF's text is read in pypdf's layout mode, so the operating table keeps its columns.
FLOORS = {"facts": 0.95, "people": 1.0, "incidents": 1.0, "guidance": 1.0}


@pytest.fixture(scope="module")
def pdf_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    shutil.copy(RELEASE, folder)
    store = tmp_path_factory.mktemp("pdf-store") / "store"  # outside the input: a store inside it is refused
    result = CliRunner().invoke(main, ["build", str(folder), "--store", str(store), "-q"])
    assert result.exit_code == 0 and "1 ingested, 0 unchanged, 0 rejected" in result.output, result.output
    return store


@pytest.fixture(scope="module")
def report() -> str:
    return score_report(PDF / "releases", PDF / "gold")


def rows(store: Path, query: str, **bindings: str) -> list[dict[str, str]]:
    header, values = run_query(Store(store, read_only=True), query,
                               {k: ox.NamedNode(v) for k, v in bindings.items()} or None)
    return [dict(zip(header, row)) for row in values]


def test_pdf_release_figures_people_and_guidance_are_read(pdf_store: Path) -> None:
    facts = {(r["period"], r["metric"], r["metal"], r["value"], r["unit"]) for r in rows(pdf_store, "facts")}
    assert {("2014-Q3", "production", "gold", "31460", "oz"), ("2013-Q3", "production", "gold", "27915", "oz"),
            ("2014-9M", "production", "gold", "88730", "oz")} <= facts
    (release,) = rows(pdf_store, "releases")
    assert (release["date"], release["company"], release["tickers"]) == ("2014-11-05", "Larder Creek Gold Mines Ltd.",
                                                                          "TSX:LCG")
    assert {r["person"] for r in rows(pdf_store, "people")} == {"Margaret A. Lindqvist", "Daniel P. Okafor"}
    guidance = {(r["metric"], r["value_low"], r["value_high"], r["unit"]) for r in rows(pdf_store, "guidance")}
    assert guidance == {("production", "118000", "124000", "oz"), ("cash_cost", "620", "660", "USD/oz")}


def test_pdf_lineage_names_the_page_and_the_offsets_of_each_quote(pdf_store: Path) -> None:
    text = read_source(RELEASE).text
    pages = [page.extract_text(extraction_mode="layout") for page in PdfReader(RELEASE).pages]
    facts = [r["fact"] for r in rows(pdf_store, "facts")] + [r["fact"] for r in rows(pdf_store, "guidance")]
    assert len(facts) > 10
    seen_pages = set()
    for fact in facts:
        (lineage,) = rows(pdf_store, "fact_lineage", fact=fact)
        page, start, end, quote = int(lineage["page"]), int(lineage["start"]), int(lineage["end"]), lineage["quote"]
        assert text[start:end] == quote
        assert quote in pages[page - 1], f"{quote!r} is not on page {page}"
        seen_pages.add(page)
    assert seen_pages == {1, 2}  # the prose of page 1; the table and the guidance of page 2


def test_kg_lineage_shows_the_page(pdf_store: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["lineage", "--store", str(pdf_store), "--period", "2014-Q3", "--metric", "production",
                                  "--metal", "gold", "--format", "csv"])
    assert result.exit_code == 0
    # stated in the prose of page 1 and in the operating table of page 2
    assert sorted(row["page"] for row in csv.DictReader(io.StringIO(result.output))) == ["1", "2"]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_pdf_scores_hold(report: str, name: str) -> None:
    assert f1(report, name) >= FLOORS[name], report
