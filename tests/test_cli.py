"""The kg command: every verb documented with an example, errors named, exit statuses honest."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from kg.cli import main
from kg.queries import query_names
from kg.store import Store

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"kg {command}" in README


@pytest.mark.parametrize("name", query_names())
def test_every_query_is_documented(name: str) -> None:
    text = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    assert text.startswith("#")
    assert f"`{name}`" in README


def test_build_query_and_csv_columns(runner: CliRunner, built: Path) -> None:
    result = runner.invoke(main, ["query", "facts", "--store", str(built), "--format", "csv"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith(
        "source,release_date,company,site,period,metric,metal,value,unit,evidence")


def test_unknown_query_lists_the_queries(runner: CliRunner, built: Path) -> None:
    result = runner.invoke(main, ["query", "nope", "--store", str(built)])
    assert result.exit_code == 2
    assert "unknown query 'nope'" in result.output and "production_by_quarter" in result.output


def test_query_on_missing_store_says_what_to_do(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["query", "facts", "--store", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "kg build" in result.output


def test_build_reports_rejections_and_exits_non_zero(runner: CliRunner, tmp_path: Path, releases: Path) -> None:
    (releases / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    result = runner.invoke(main, ["build", str(releases), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 1
    assert "rejected: broken.pdf:" in result.output
    assert "3 ingested, 0 unchanged, 1 rejected" in result.output


def test_lineage_by_figure(runner: CliRunner, built: Path) -> None:
    result = runner.invoke(main, ["lineage", "--store", str(built), "--site", "Lac des Iles", "--period", "2003-Q3",
                                  "--metric", "production", "--metal", "palladium", "--format", "csv"])
    assert result.exit_code == 0
    rows = result.output.strip().splitlines()[1:]
    assert len(rows) == 2 and all("76729" in r for r in rows)


def test_lineage_of_a_fact_iri(runner: CliRunner, built: Path) -> None:
    facts = runner.invoke(main, ["query", "facts", "--store", str(built), "--format", "json"])
    import json
    fact = json.loads(facts.output)[0]
    result = runner.invoke(main, ["lineage", fact["fact"], "--store", str(built), "--format", "json"])
    assert result.exit_code == 0
    row = json.loads(result.output)[0]
    assert row["quote"] == fact["evidence"] and row["start"] == fact["start"]


def test_stats_and_validate(runner: CliRunner, built: Path) -> None:
    stats = runner.invoke(main, ["stats", "--store", str(built)])
    assert stats.exit_code == 0 and "releases  3" in stats.output
    validate = runner.invoke(main, ["validate", "--store", str(built)])
    assert validate.exit_code == 0 and "conforms" in validate.output


def test_a_rejecting_build_leaves_the_store_free_for_the_next_command(runner: CliRunner, releases: Path,
                                                                     tmp_path: Path) -> None:
    (releases / "empty.txt").write_bytes(b"")
    result = runner.invoke(main, ["build", str(releases), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 1
    assert len(Store(tmp_path / "s").releases()) == 3  # opens for writing: nothing holds the lock


def test_extract_shows_every_record_with_its_span_without_a_store(runner: CliRunner, releases: Path, tmp_path: Path) -> None:
    """`kg extract` lists a release's records with quote and offsets; a bad file is one line, and the rest still shows."""
    import json

    release = sorted(releases.glob("*.txt"))[0]
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(main, ["extract", str(release), str(empty), "--format", "json"])
    assert result.exit_code == 1
    assert "rejected: empty.txt: file is empty" in result.stderr
    (listing,) = json.loads(result.stdout)
    text = release.read_text(encoding="utf-8")
    measurements = [r for r in listing["records"] if r["kind"] == "Measurement"]
    assert measurements and all(text[r["start"]:r["end"]] == r["quote"] for r in listing["records"] if "quote" in r)
    assert not (tmp_path / ".kg-store").exists()
    table = runner.invoke(main, ["extract", str(release)])
    assert table.exit_code == 0 and "Measurement" in table.stdout
