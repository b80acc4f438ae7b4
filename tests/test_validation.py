"""Validation: the seeds conform; each break yields exactly its result, and kg validate exits accordingly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from rdflib import URIRef
from rdflib.namespace import FOAF, PROV, RDF

from kg.cli import main
from kg.pipeline import build, extraction_time, graph_of
from kg.rdf import Triple
from kg.read.sources import read_source
from kg.store import Store
from kg.terms import MKG, Minter
from kg.validation import validate_release, validate_store

SEED_Q4_2003 = "000_de8b326c4e62c9a5.txt"
SEED_Q4_2002 = "001_ffae4dc1ef82c25c.txt"


def results(store: Path) -> list[tuple[str, str]]:
    return sorted((f.severity, f.rule) for f in validate_store(Store(store, read_only=True)).findings)


def build_with(tmp_path: Path, releases: Path, edits: dict[str, tuple[str, str]]) -> Path:
    for name, (old, new) in edits.items():
        path = releases / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    store = tmp_path / "broken"
    build([releases], Store(store))
    return store


def test_seeds_conform_without_a_warning(runner: CliRunner, built: Path) -> None:
    assert results(built) == []
    result = runner.invoke(main, ["validate", "--store", str(built), "--fail-on", "warning"])
    assert result.exit_code == 0 and "conforms (0 violations, 0 warnings, 0 infos)" in result.output


# ------------------------------------------------------------ broken releases, built and validated

BROKEN = {
    "recovery-751": ({SEED_Q4_2003: ("recovery rate of 75.1%", "recovery rate of 751%")},
                     [("Violation", "PercentShape/MaxInclusive")]),
    "head-grade-times-ten": ({SEED_Q4_2003: ("head grade of 2.60 grams", "head grade of 26.0 grams")},
                             [("Warning", "RecoveredMetalRule")]),
    # the table's 2003 Q3 and Q4 columns swapped: each quarter's rate and output now contradict its tonnage
    "q3-q4-swapped-in-table": ({SEED_Q4_2003: ("\tQ3\tQ4\tQ1\tQ2\tQ3\tQ4", "\tQ3\tQ4\tQ1\tQ2\tQ4\tQ3")},
                               [("Warning", "RecoveredMetalRule")] * 2 + [("Warning", "ThroughputTimesDaysRule")] * 2),
    "quarter-off": ({SEED_Q4_2003: ("51,168\t52,067\t58,791", "51,168\t52,067\t68,791")},
                    [("Warning", "QuartersAddUpRule")]),
    "restated": ({SEED_Q4_2002: ("51,168\t52,067\n", "51,168\t52,076\n")}, [("Warning", "RestatedFigureRule")]),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_break_yields_exactly_its_result(case: str, tmp_path: Path, releases: Path, runner: CliRunner) -> None:
    edits, expected = BROKEN[case]
    store = build_with(tmp_path, releases, edits)
    assert results(store) == sorted(expected)
    fail_on = "violation" if expected[0][0] == "Violation" else "warning"
    result = runner.invoke(main, ["validate", "--store", str(store), "--fail-on", fail_on, "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.output)
    assert all(f["release"] in edits or f["release"] in {SEED_Q4_2003, SEED_Q4_2002} for f in findings)
    assert all(f["quote"] for f in findings)  # each result carries its lineage
    if fail_on == "warning":  # warnings alone do not fail the default run
        assert runner.invoke(main, ["validate", "--store", str(store)]).exit_code == 0


def test_messages_name_the_figures(tmp_path: Path, releases: Path) -> None:
    store = build_with(tmp_path, releases, BROKEN["head-grade-times-ten"][0])
    (finding,) = validate_store(Store(store, read_only=True)).findings
    assert "1500684 t x 26 g/t x 75.1%" in finding.message and "94114 oz" in finding.message
    assert "residual 901.01%" in finding.message
    assert finding.release == SEED_Q4_2003 and "94,114" in (finding.quote or "")


def test_restatement_names_both_releases_and_quotes(tmp_path: Path, releases: Path) -> None:
    restated = build_with(tmp_path, releases, BROKEN["restated"][0])
    (finding,) = validate_store(Store(restated, read_only=True)).findings
    assert SEED_Q4_2002 in finding.message and SEED_Q4_2003 in finding.message
    assert "52076" in finding.message and "52067" in finding.message
    assert "53,922\t62,168\t51,168\t52,076" in finding.message and "52,067\t58,791" in finding.message


def test_guidance_against_the_actual_is_info(tmp_path: Path, releases: Path, runner: CliRunner) -> None:
    (releases / "2005_release.txt").write_text(
        "North American Palladium Ltd.\n\nJanuary 10, 2005\n\n"
        "North American Palladium Ltd. Announces Operating Performance for 2004\n\n"
        "In 2004, the Lac des Iles mill processed 5,400,000 tonnes of ore or an average of 14,754 tonnes per day, "
        "producing 300,000 ounces of palladium. The Company continues to optimize the mill circuit at the mine.\n",
        encoding="utf-8")
    store = tmp_path / "s"
    build([releases], Store(store))
    (finding,) = validate_store(Store(store, read_only=True)).findings
    assert (finding.severity, finding.rule) == ("Info", "GuidanceVersusActualRule")
    assert "15000 to 15000 t/d for 2004" in finding.message and "14754" in finding.message and "below" in finding.message
    assert runner.invoke(main, ["validate", "--store", str(store), "--fail-on", "warning"]).exit_code == 0
    assert runner.invoke(main, ["validate", "--store", str(store), "--fail-on", "info"]).exit_code == 1


# ------------------------------------------------------------ broken graphs


def seed_triples(name: str = SEED_Q4_2003) -> list[Triple]:
    triples, _failures = graph_of(read_source(SAMPLES / name), Minter(), extraction_time())
    return triples


def one_subject(triples: list[Triple], cls: URIRef) -> URIRef:
    return sorted(s for s, p, o in triples if p == RDF.type and o == cls)[0]


def validate_in_store(tmp_path: Path, triples: list[Triple], runner: CliRunner) -> list[dict]:
    """Write a broken release graph into a store; kg validate must exit 1 and return its findings."""
    store = Store(tmp_path / "s")
    store.replace_release(Minter().release_graph(SEED_Q4_2003), triples)
    del store
    result = runner.invoke(main, ["validate", "--store", str(tmp_path / "s"), "--format", "json"])
    assert result.exit_code == 1
    return json.loads(result.output)


def test_fact_whose_release_is_missing(tmp_path: Path, runner: CliRunner) -> None:
    triples = seed_triples()
    fact = one_subject(triples, MKG.Measurement)
    broken = [(s, p, URIRef("https://example.org/no-such-release") if s == fact and p == PROV.wasDerivedFrom else o)
              for s, p, o in triples]
    findings = validate_release(broken)
    assert [(f.severity, f.rule, f.focus) for f in findings] == [("Violation", "FactShape/Class", str(fact))]
    stored = validate_in_store(tmp_path, broken, runner)
    assert [(f["severity"], f["rule"], f["focus"]) for f in stored] == [("Violation", "FactShape/Class", str(fact))]


def test_person_without_a_name(tmp_path: Path, runner: CliRunner) -> None:
    triples = seed_triples()
    person = one_subject(triples, MKG.Person)
    broken = [t for t in triples if not (t[0] == person and t[1] == FOAF.name)]
    findings = validate_release(broken)
    assert [(f.severity, f.rule, f.focus) for f in findings] == [("Violation", "PersonShape/MinCount", str(person))]
    assert "name" in findings[0].message
    assert len(validate_in_store(tmp_path, broken, runner)) == 1


def test_agreement_without_parties(tmp_path: Path, runner: CliRunner) -> None:
    triples = seed_triples()
    agreement = one_subject(triples, MKG.Agreement)
    broken = [t for t in triples if not (t[0] == agreement and t[1] == MKG.party)]
    assert len(validate_in_store(tmp_path, broken, runner)) == 1
    findings = validate_release(broken)
    assert [(f.severity, f.rule, f.focus) for f in findings] == [("Violation", "AgreementShape/MinCount", str(agreement))]
    assert findings[0].quote and "Inco" in findings[0].quote


def test_strict_build_refuses_a_release_with_violations(tmp_path: Path, releases: Path, runner: CliRunner) -> None:
    path = releases / SEED_Q4_2003
    path.write_text(path.read_text(encoding="utf-8").replace("75.1%", "751%", 1), encoding="utf-8")
    result = runner.invoke(main, ["build", str(releases), "--store", str(tmp_path / "s"), "-q", "--strict"])
    assert result.exit_code == 1
    assert f"rejected: {SEED_Q4_2003}: 1 SHACL violation(s), refused by --strict" in result.output
    assert sorted(Store(tmp_path / "s", read_only=True).releases()) == [SEED_Q4_2002, "002_ad56bb7f9a1deeaf.txt"]


@pytest.mark.parametrize("fmt", ["text", "json", "turtle"])
def test_report_formats(fmt: str, tmp_path: Path, releases: Path, runner: CliRunner) -> None:
    store = build_with(tmp_path, releases, BROKEN["recovery-751"][0])
    result = runner.invoke(main, ["validate", "--store", str(store), "--format", fmt])
    assert result.exit_code == 1
    if fmt == "text":
        assert f"== {SEED_Q4_2003}" in result.output and "Violation" in result.output
    elif fmt == "json":
        assert json.loads(result.output)[0]["severity"] == "Violation"
    else:
        assert "sh:ValidationReport" in result.output and "sh:Violation" in result.output


def test_validating_in_worker_processes_finds_what_one_process_finds(tmp_path: Path, releases: Path) -> None:
    from kg.engines import LocalEngine, ProcessEngine

    store = build_with(tmp_path, releases, BROKEN["head-grade-times-ten"][0])
    with Store(store, read_only=True) as opened:
        alone = validate_store(opened, LocalEngine()).sorted()
        parallel = validate_store(opened, ProcessEngine(2)).sorted()
    assert alone == parallel and alone


def test_a_build_may_leave_the_rules_across_releases_to_kg_validate(tmp_path: Path, releases: Path,
                                                                    runner: CliRunner) -> None:
    edits = BROKEN["restated"][0]
    for name, (old, new) in edits.items():
        text = (releases / name).read_text(encoding="utf-8")
        (releases / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    store = tmp_path / "s"
    built = runner.invoke(main, ["build", str(releases), "--store", str(store), "-q", "--jobs", "1",
                                 "--no-rules-across"])
    assert built.exit_code == 0, built.output
    assert "RestatedFigure" not in built.output and "0 warnings" in built.output
    checked = runner.invoke(main, ["validate", "--store", str(store), "--jobs", "1"])
    assert "RestatedFigureRule" in checked.output and "1 warning" in checked.output


def test_carats_and_a_cost_net_of_credits_below_zero_conform(tmp_path: Path) -> None:
    """Diamonds in carats (ct, cpht, US$/ct) and a cash cost net of by-product credits of negative $2.72 are figures the
    shapes admit."""
    release = tmp_path / "diamonds.txt"
    release.write_text(
        "Kestrel Diamonds Reports Third Quarter 2021 Production\n\nGABORONE, Oct. 12, 2021 -- Kestrel Diamonds plc (LSE: KDP) "
        "reports on its Karowe Ridge mine for the third quarter of 2021.\n\nThe plant recovered 7,682 carats at a grade of "
        "7.7 cpht, and sold them at an average price of US$554 per carat. The cash cost per ounce of silver at the "
        "Company's other mine, net of by-product credits, was negative $2.72.\n")
    triples, failures = graph_of(read_source(release), Minter(), extraction_time())
    assert not failures
    units = {str(o) for _s, p, o in triples if p == MKG.unitCode}
    assert {"ct", "cpht", "USD/ct"} <= units
    assert validate_release(triples) == []
