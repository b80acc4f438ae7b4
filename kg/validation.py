"""SHACL validation of the store: each release's graph against the shapes in ``shapes/``."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate
from rdflib import Dataset, Graph

from kg.store import Store

SHAPES_DIR = Path(__file__).resolve().parent.parent / "shapes"


def load_shapes() -> Graph:
    shapes = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        shapes.parse(path, format="turtle")
    return shapes


def release_graph(store: Store, graph_iri: str) -> Graph:
    data = ox.serialize(
        (ox.Triple(q.subject, q.predicate, q.object) for q in store._db.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))),
        format=ox.RdfFormat.N_TRIPLES,
    )
    graph = Graph()
    graph.parse(data=data, format="nt")
    return graph


def validate_store(store: Store) -> tuple[bool, str]:
    """(conforms, report text), one section per release that does not conform."""
    shapes = load_shapes()
    conforms_all = True
    lines = []
    for release in sorted(store.releases().values(), key=lambda r: r.name):
        conforms, _graph, text = validate(release_graph(store, release.graph), shacl_graph=shapes, inference="none")
        if not conforms:
            conforms_all = False
            lines.append(f"== {release.name}\n{text}")
    lines.append("conforms" if conforms_all else "does not conform")
    return conforms_all, "\n".join(lines)


__all__ = ["Dataset", "validate_store"]
