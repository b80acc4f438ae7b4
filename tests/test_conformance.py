"""The quick conformance check never says "conforms" where pySHACL finds something."""

from __future__ import annotations

import random
from functools import lru_cache

import pytest
from conftest import SAMPLES
from pyshacl import validate
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.conformance import compile_shapes, may_violate
from kg.pipeline import extraction_time, graph_of
from kg.rdf import Triple
from kg.read.sources import read_source
from kg.terms import Minter
from kg.validation import core_shapes, rdflib_graph

SEEDS = sorted(p.name for p in SAMPLES.iterdir())


@lru_cache(maxsize=4)
def seed_triples(name: str) -> tuple[Triple, ...]:
    triples, _failures = graph_of(read_source(SAMPLES / name), Minter(), extraction_time())
    return tuple(triples)


def pyshacl_finds_something(triples: list[Triple]) -> bool:
    conforms, _results, _text = validate(rdflib_graph(triples), shacl_graph=core_shapes(), inference="none",
                                         allow_warnings=True)
    return not conforms


def test_every_core_shape_is_understood() -> None:
    checks = compile_shapes(core_shapes())
    assert checks is not None and len(checks) >= 20


@pytest.mark.parametrize("name", SEEDS)
def test_the_seed_graphs_conform_quickly(name: str) -> None:
    assert not may_violate(seed_triples(name), core_shapes())


def mutate(triples: list[Triple], rng: random.Random) -> list[Triple]:
    """Break a graph the ways a buggy extractor or a hand edit could: drop, duplicate or retype a value."""
    out = list(triples)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(out))
        s, p, o = out[i]
        how = rng.choice(["drop", "second value", "string", "negative", "bad date", "language", "blank", "no type"])
        if how == "drop":
            del out[i]
        elif how == "second value":
            out.append((s, p, Literal("other") if isinstance(o, Literal) else URIRef(f"{o}-other")))
        elif how == "string":
            out[i] = (s, p, Literal(str(o)))
        elif how == "negative":
            out[i] = (s, p, Literal("-5", datatype=XSD.decimal))
        elif how == "bad date":
            out[i] = (s, p, Literal("2003-13-45", datatype=XSD.date))
        elif how == "language":
            out[i] = (s, p, Literal(str(o), lang="en"))
        elif how == "blank":
            out[i] = (s, p, BNode())  # type: ignore[assignment]
        elif how == "no type":
            out = [t for t in out if not (t[0] == s and t[1] == RDF.type)]
    return out


@pytest.mark.parametrize("seed", range(40))
def test_never_conforms_where_pyshacl_finds_something(seed: int) -> None:
    rng = random.Random(seed)
    broken = mutate(list(seed_triples(SEEDS[seed % len(SEEDS)])), rng)
    if pyshacl_finds_something(broken):
        assert may_violate(broken, core_shapes())


def test_subclasses_in_the_data_leave_it_to_pyshacl() -> None:
    triples = list(seed_triples(SEEDS[0])) + [(URIRef("urn:x"), RDFS.subClassOf, URIRef("urn:y"))]
    assert may_violate(triples, core_shapes())
