"""The entity network: companies, mines, mineral properties, people, agreements, incidents and releases,
and the relations between them, as a networkx graph for Gephi or Cytoscape (GraphML, GEXF).

A node is an entity IRI, with its ``kind`` and a ``label``. An edge is a ``relation`` from one entity to
another, keyed by the relation (so two relations between the same pair stay two edges), with a
``weight``: how many releases state it (for ``reported_in``, how many figures). Relations are the
ontology's properties between two entities, plus three read through the nodes that carry them:
a person is a ``member`` of a company (in a ``role``) and ``named_in`` a release (through
``mkg:Post``), and a mine is ``reported_in`` the releases that give figures for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import networkx as nx

from kg.errors import UnknownName
from kg.store import Store

GRAPH_FORMATS = ("graphml", "gexf")

KINDS = {  # class local name in mkg: -> kind
    "Company": "company",
    "Mine": "mine",
    "MineralProperty": "property",
    "Person": "person",
    "Agreement": "agreement",
    "Incident": "incident",
    "Release": "release",
}

ENTITIES = """
SELECT ?entity ?class (MIN(?name) AS ?label) WHERE {
  VALUES ?class { %s }
  GRAPH ?g { ?entity a ?class .
    OPTIONAL { ?entity mkg:name|foaf:name|mkg:fileName|mkg:agreementType|mkg:incidentType ?name } }
} GROUP BY ?entity ?class""" % " ".join(f"mkg:{c}" for c in KINDS)

DIRECT_RELATIONS = """
SELECT ?a ?p ?b (COUNT(DISTINCT ?g) AS ?weight) WHERE {
  VALUES ?ca { %s } VALUES ?cb { %s }
  GRAPH ?g { ?a ?p ?b . ?a a ?ca . ?b a ?cb }
  FILTER (?p != rdf:type)
} GROUP BY ?a ?p ?b""" % ((" ".join(f"mkg:{c}" for c in KINDS),) * 2)

MEMBERS = """
SELECT ?a ?b (MIN(?role_label) AS ?role) (COUNT(DISTINCT ?g) AS ?weight) WHERE {
  GRAPH ?g { ?post a mkg:Post ; org:member ?a ; org:organization ?b .
             OPTIONAL { ?post org:role/rdfs:label ?role_label } }
} GROUP BY ?a ?b"""

NAMED_IN = """
SELECT ?a ?b (COUNT(DISTINCT ?g) AS ?weight) WHERE {
  GRAPH ?g { ?post a mkg:Post ; org:member ?a ; prov:wasDerivedFrom ?b }
} GROUP BY ?a ?b"""

REPORTED_IN = """
SELECT ?a ?b (COUNT(DISTINCT ?fact) AS ?weight) WHERE {
  GRAPH ?g { ?fact a mkg:Measurement ; mkg:site ?a ; prov:wasDerivedFrom ?b }
} GROUP BY ?a ?b"""


@dataclass(frozen=True)
class Relation:
    source: str
    relation: str
    target: str
    weight: int
    role: str = ""


def entity_graph(store: Store) -> nx.MultiDiGraph:
    """The entities of the store and the relations between them."""
    graph = nx.MultiDiGraph()
    for row in sorted(store.select(ENTITIES), key=lambda row: (row["entity"].value, row["class"].value)):
        kind = KINDS[local_name(row["class"].value)]
        label = row["label"].value if row["label"] is not None else local_name(row["entity"].value)
        graph.add_node(row["entity"].value, kind=kind, label=label)
    for relation in sorted(relations(store), key=lambda r: (r.source, r.relation, r.target)):
        if relation.source in graph and relation.target in graph:
            attributes = {"relation": relation.relation, "weight": relation.weight}
            graph.add_edge(relation.source, relation.target, key=relation.relation,
                           **({**attributes, "role": relation.role} if relation.role else attributes))
    return graph


def relations(store: Store) -> Iterable[Relation]:
    for row in store.select(DIRECT_RELATIONS):
        yield Relation(row["a"].value, local_name(row["p"].value), row["b"].value, int(row["weight"].value))
    for row in store.select(MEMBERS):
        role = row["role"].value if row["role"] is not None else ""
        yield Relation(row["a"].value, "member", row["b"].value, int(row["weight"].value), role)
    for name, query in (("named_in", NAMED_IN), ("reported_in", REPORTED_IN)):
        for row in store.select(query):
            yield Relation(row["a"].value, name, row["b"].value, int(row["weight"].value))


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def write_graph(graph: nx.MultiDiGraph, fmt: str, output: Path | IO[bytes]) -> None:
    if fmt == "graphml":
        nx.write_graphml(graph, output)
    elif fmt == "gexf":
        nx.write_gexf(graph, output)
    else:
        raise UnknownName("graph format", fmt, list(GRAPH_FORMATS))


@dataclass(frozen=True)
class NetworkSummary:
    components: int
    largest_component: int
    most_connected: list[tuple[str, str, int]]  # label, kind, number of distinct neighbours


def summarise(graph: nx.MultiDiGraph, top: int = 10) -> NetworkSummary:
    """Connected components (ignoring direction) and the entities with the most distinct neighbours."""
    simple = nx.Graph(graph.to_undirected())
    components = list(nx.connected_components(simple))
    ranked = sorted(simple.nodes, key=lambda n: (-simple.degree(n), graph.nodes[n]["label"], n))[:top]
    return NetworkSummary(len(components), max((len(c) for c in components), default=0),
                          [(graph.nodes[n]["label"], graph.nodes[n]["kind"], simple.degree(n)) for n in ranked])
