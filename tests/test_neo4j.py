"""`kg graph --format neo4j`: node and relationship CSVs for `neo4j-admin database import full`.

Checked without Neo4j: the files parse as CSV; each header column is one the importer knows, with a valid type;
every node has one id in its kind's ID space; every relationship's ends are ids of the node files of the ID
spaces its header names; the files hold the network's nodes and edges, no more, no fewer; typed columns hold
values of their type; import.sh names every file.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.neo4j import ARRAY_DELIMITER, relationship_type
from kg.network import entity_graph
from kg.store import Store

ID = "https://w3id.org/mining-kg/id/"
# neo4j-admin import's property types (https://neo4j.com/docs/operations-manual/current/import/)
TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
         "localtime", "time", "localdatetime", "datetime", "duration"}
SPECIAL = re.compile(r"\w*:(ID|START_ID|END_ID)\((\w+)\)|:LABEL|:TYPE")
PROPERTY = re.compile(r"(\w+)(?::(\w+)(\[\])?)?")


@pytest.fixture
def exported(built: Path, runner: CliRunner, tmp_path: Path) -> Path:
    folder = tmp_path / "neo4j"
    result = runner.invoke(main, ["graph", "--store", str(built), "--format", "neo4j", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows and all(len(row) == len(rows[0]) for row in rows), f"{path.name}: ragged rows"
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def check_header(header: list[str]) -> None:
    for column in header:
        special = SPECIAL.fullmatch(column)
        prop = PROPERTY.fullmatch(column)
        assert special or prop, f"not a neo4j-admin header column: {column}"
        if prop and not special and prop.group(2):
            assert prop.group(2) in TYPES, f"{column}: {prop.group(2)} is not a neo4j import type"
    assert len(header) == len(set(header))


def check_value(column: str, value: str) -> None:
    prop = PROPERTY.fullmatch(column)
    if not prop or not prop.group(2) or value == "":
        return
    for item in value.split(ARRAY_DELIMITER) if prop.group(3) else [value]:
        if prop.group(2) == "boolean":
            assert item in {"true", "false"}, f"{column}: {item}"
        else:
            {"double": float, "long": int, "date": date.fromisoformat, "string": str}[prop.group(2)](item)


def test_nodes_and_relationships_are_the_network_with_typed_headers(exported: Path, built: Path) -> None:
    network: nx.MultiDiGraph = entity_graph(Store(built, read_only=True))
    ids: dict[str, set[str]] = {}
    nodes = 0
    for path in sorted(exported.glob("*.nodes.csv")):
        header, rows = read(path)
        check_header(header)
        space = re.fullmatch(r"id:ID\((\w+)\)", header[0])
        assert space and header[1:3] == ["name", ":LABEL"], header
        ids[space.group(1)] = {row[header[0]] for row in rows}
        assert len(ids[space.group(1)]) == len(rows), f"{path.name}: an id twice"
        for row in rows:
            assert row[":LABEL"] == space.group(1) and row["name"] == network.nodes[row[header[0]]]["label"]
            for column, value in row.items():
                check_value(column, value)
        nodes += len(rows)
    assert nodes == network.number_of_nodes()
    assert set().union(*ids.values()) == set(network.nodes)

    edges = set()
    for path in sorted(exported.glob("*.csv")):
        if path.name.endswith(".nodes.csv"):
            continue
        header, rows = read(path)
        check_header(header)
        start = re.fullmatch(r":START_ID\((\w+)\)", header[0])
        end = re.fullmatch(r":END_ID\((\w+)\)", header[1])
        assert start and end and header[2:4] == [":TYPE", "weight:long"], header
        for row in rows:
            assert row[header[0]] in ids[start.group(1)], f"{path.name}: no node {row[header[0]]}"
            assert row[header[1]] in ids[end.group(1)], f"{path.name}: no node {row[header[1]]}"
            edges.add((row[header[0]], row[":TYPE"], row[header[1]], int(row["weight:long"]), row.get("role", "")))
    expected = {(a, relationship_type(key), b, data["weight"], data.get("role", ""))
                for a, b, key, data in network.edges(keys=True, data=True)}
    assert edges == expected and len(edges) == network.number_of_edges()


def test_properties_are_typed_by_their_datatype(exported: Path) -> None:
    header, rows = read(exported / "Release.nodes.csv")
    assert {"date:date", "textLength:long", "fileName:string", "ticker:string[]"} <= set(header)
    header, rows = read(exported / "Agreement.nodes.csv")
    assert {"interestPct:double", "termYears:double"} <= set(header)
    assert float(rows[0]["interestPct:double"]) == 50
    header, rows = read(exported / "Company.nodes.csv")
    inco = next(row for row in rows if row["id:ID(Company)"] == f"{ID}company/inco")
    assert inco["name"] == "Inco" and inco[":LABEL"] == "Company"
    assert "Inco Limited" in inco["altLabel:string[]"].split(ARRAY_DELIMITER)
    header, rows = read(exported / "MEMBER.Person.Company.csv")
    assert header[:2] == [":START_ID(Person)", ":END_ID(Company)"] and "role" in header
    douchane = next(row for row in rows if row[":START_ID(Person)"] == f"{ID}person/andre-douchane")
    assert douchane["role"] == "President & CEO" and douchane[":TYPE"] == "MEMBER"
    _, rows = read(exported / "OPERATED_BY.Mine.Company.csv")
    assert (f"{ID}mine/lac-des-iles", f"{ID}company/north-american-palladium") in \
        {(r[":START_ID(Mine)"], r[":END_ID(Company)"]) for r in rows}


def test_import_sh_is_the_neo4j_admin_command_for_every_file(exported: Path) -> None:
    script = (exported / "import.sh").read_text(encoding="utf-8")
    assert 'neo4j-admin" database import full "$database"' in script
    assert "--array-delimiter=U+001F" in script and "--multiline-fields=true" in script
    for path in exported.glob("*.csv"):
        option = "--nodes" if path.name.endswith(".nodes.csv") else "--relationships"
        assert f"{option}={path.name} \\" in script
    assert not list(exported.glob(".*.partial"))

    home = exported.parent / "neo4j-home"  # run it, with a neo4j-admin that prints its arguments
    (home / "bin").mkdir(parents=True)
    (home / "bin" / "neo4j-admin").write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n', encoding="utf-8")
    (home / "bin" / "neo4j-admin").chmod(0o755)
    ran = subprocess.run(["sh", str(exported / "import.sh"), "mining", "--dry-run"], capture_output=True, text=True,
                         env={**os.environ, "NEO4J_HOME": str(home)}, check=True)
    arguments = ran.stdout.splitlines()
    assert arguments[:3] == ["database", "import", "full"] and arguments[3] == "mining"
    assert arguments[-1] == "--dry-run"
    assert {a.split("=", 1)[1] for a in arguments if a.startswith(("--nodes=", "--relationships="))} == \
        {p.name for p in exported.glob("*.csv")}


def test_neo4j_needs_a_folder(built: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["graph", "--store", str(built), "--format", "neo4j"])
    assert result.exit_code == 2 and "-o DIR" in result.output
