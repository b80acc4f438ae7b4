"""The entity network as CSV files for ``neo4j-admin database import full``.

The nodes and edges of :func:`kg.network.entity_graph`, nothing more and nothing less: one node file per kind
(``Company.nodes.csv`` ...), its header typed for the importer: ``id:ID(Company)`` (the entity's IRI, in an ID
space per kind), ``name`` (the network's label), ``:LABEL``, then each literal property the entities of that
kind carry, typed by its XSD datatype (``interestPct:double``, ``date:date``, ``textLength:long``; an array,
``ticker:string[]``, where an entity has several values). One relationship file per relation and pair of kinds
(``OPERATED_BY.Mine.Company.csv``): ``:START_ID(Mine)``, ``:END_ID(Company)``, ``:TYPE``, ``weight:long``
(and ``role`` for ``MEMBER``). ``import.sh`` beside them is the exact command that loads them.
"""

from __future__ import annotations

import csv
import io
import re
import shlex
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.exports import replacing
from kg.network import KINDS, local_name
from kg.store import Store
from kg.terms import PREFIXES

ARRAY_DELIMITER = "\u001f"  # the unit separator: a character no text of a release holds
ARRAY_DELIMITER_OPTION = "U+001F"
XSD = "http://www.w3.org/2001/XMLSchema#"
NEO4J_TYPES = {  # XSD datatype -> neo4j-admin import type; any other datatype is a string
    **{f"{XSD}{t}": "long" for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                     "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
                                     "unsignedLong", "unsignedShort", "unsignedByte")},
    **{f"{XSD}{t}": "double" for t in ("decimal", "double", "float")},
    f"{XSD}boolean": "boolean",
    f"{XSD}date": "date",
    f"{XSD}dateTime": "datetime",
}
LABELS = {kind: label for label, kind in KINDS.items()}  # kind -> neo4j label (the ontology's class)
RESERVED = {"id", "name"}

CLASSES = " ".join(f"mkg:{c}" for c in KINDS)
PROPERTIES = f"""
SELECT DISTINCT ?entity ?p ?o WHERE {{
  VALUES ?class {{ {CLASSES} }}
  GRAPH ?g {{ ?entity a ?class ; ?p ?o FILTER(isLiteral(?o)) }}
}}"""


@dataclass(frozen=True)
class Column:
    """A property column of a node file: its name, the predicate it holds, its neo4j type."""

    name: str
    predicate: str
    type: str
    array: bool

    @property
    def header(self) -> str:
        return f"{self.name}:{self.type}{'[]' if self.array else ''}"


def write_neo4j(store: Store, network: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """Write the network's nodes and relationships as neo4j-admin import CSVs, and ``import.sh``; returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    values = literal_values(store, set(network.nodes))
    node_files = []
    for kind in sorted({data["kind"] for _, data in network.nodes(data=True)}, key=lambda k: LABELS[k]):
        nodes = sorted(n for n, data in network.nodes(data=True) if data["kind"] == kind)
        columns = property_columns(nodes, values)
        label = LABELS[kind]
        rows = [[f"id:ID({label})", "name", ":LABEL", *(c.header for c in columns)]]
        for node in nodes:
            rows.append([node, network.nodes[node]["label"], label,
                         *(cell(values[node].get(c.predicate, []), c) for c in columns)])
        node_files.append(write_csv(folder / f"{label}.nodes.csv", rows))
    groups: dict[tuple[str, str, str], list[list[str]]] = defaultdict(list)
    for source, target, relation, data in sorted(network.edges(keys=True, data=True)):
        start, end = LABELS[network.nodes[source]["kind"]], LABELS[network.nodes[target]["kind"]]
        groups[(relationship_type(relation), start, end)].append(
            [source, target, relationship_type(relation), str(data["weight"]), data.get("role", "")])
    relationship_files = []
    for (rel_type, start, end), rows in sorted(groups.items()):
        header = [f":START_ID({start})", f":END_ID({end})", ":TYPE", "weight:long"]
        with_role = any(row[4] for row in rows)
        header += ["role"] if with_role else []
        body = [row if with_role else row[:4] for row in rows]
        relationship_files.append(write_csv(folder / f"{rel_type}.{start}.{end}.csv", [header, *body]))
    script = folder / "import.sh"
    with replacing(script) as handle:
        handle.write(import_script(node_files, relationship_files).encode("utf-8"))
    script.chmod(script.stat().st_mode | 0o111)
    return [*node_files, *relationship_files, script]


def literal_values(store: Store, nodes: set[str]) -> dict[str, dict[str, list[ox.Literal]]]:
    """Each node's literal values, by predicate, each distinct value once, in sorted order."""
    values: dict[str, dict[str, set[ox.Literal]]] = defaultdict(lambda: defaultdict(set))
    for row in store.select(PROPERTIES):
        if row["entity"].value in nodes:
            values[row["entity"].value][row["p"].value].add(row["o"])
    return defaultdict(dict, {node: {p: sorted(v, key=str) for p, v in by_p.items()} for node, by_p in values.items()})


def property_columns(nodes: list[str], values: dict[str, dict[str, list[ox.Literal]]]) -> list[Column]:
    """The property columns of one kind: a predicate's local name (prefixed where two would clash, or with
    ``id`` and ``name``), its type (a string where its values' datatypes differ), an array where a node has several."""
    predicates: dict[str, set[str]] = defaultdict(set)  # predicate -> neo4j types of its values
    array: set[str] = set()
    for node in nodes:
        for predicate, literals in values[node].items():
            predicates[predicate].update(NEO4J_TYPES.get(lit.datatype.value, "string") for lit in literals)
            if len(literals) > 1:
                array.add(predicate)
    locals_ = defaultdict(list)
    for predicate in predicates:
        locals_[local_name(predicate)].append(predicate)
    columns = []
    for predicate in sorted(predicates, key=lambda p: (local_name(p), p)):
        name = local_name(predicate)
        if len(locals_[name]) > 1 or name in RESERVED or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            name = f"{prefix_of(predicate)}_{re.sub(r'[^A-Za-z0-9_]', '_', name)}"
        types = predicates[predicate]
        columns.append(Column(name, predicate, types.pop() if len(types) == 1 else "string", predicate in array))
    return columns


def prefix_of(predicate: str) -> str:
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        if predicate.startswith(str(namespace)):
            return prefix
    return "p"


def cell(literals: list[ox.Literal], column: Column) -> str:
    """A property's values as the importer reads them: the lexical forms, joined by the array delimiter."""
    texts = [lit.value for lit in literals]
    return ARRAY_DELIMITER.join(texts) if column.array else (texts[0] if texts else "")


def relationship_type(relation: str) -> str:
    """A relation's name as a neo4j relationship type: ``operatedBy`` is ``OPERATED_BY``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", relation).upper()


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    with replacing(path) as handle:
        handle.write(text.getvalue().encode("utf-8"))
    return path


def import_script(node_files: list[Path], relationship_files: list[Path]) -> str:
    """A shell script running ``neo4j-admin database import full`` on these files, from their folder."""
    lines = [f"  --nodes={shlex.quote(p.name)}" for p in node_files]
    lines += [f"  --relationships={shlex.quote(p.name)}" for p in relationship_files]
    return ("#!/bin/sh\n"
            "# Load these CSV files into a new Neo4j database (default: neo4j) with neo4j-admin, Neo4j stopped.\n"
            "# Written by `kg graph --format neo4j`; usage: sh import.sh [DATABASE] [more neo4j-admin options]\n"
            "set -e\n"
            'cd "$(dirname "$0")"\n'
            'database="${1:-neo4j}"; [ $# -gt 0 ] && shift\n'
            'exec "${NEO4J_HOME:+$NEO4J_HOME/bin/}neo4j-admin" database import full "$database" \\\n'
            f"  --multiline-fields=true --array-delimiter={ARRAY_DELIMITER_OPTION} \\\n"
            + " \\\n".join(lines) + ' \\\n  "$@"\n')
