"""A quick test that a release graph conforms to the core shapes, in plain Python.

pySHACL costs a tenth of a second or more per release graph, almost all of it
spent confirming that a well-formed graph conforms. :func:`may_violate`
reads the same core shapes (``shapes/mining-shapes.ttl`` without its SPARQL
constraints) and answers one question: could pySHACL find anything in these
triples? It errs on one side only: when it says no, pySHACL finds nothing;
when it says yes (or meets a shape it does not understand), pySHACL runs and
its report is the one kept. So findings are pySHACL's, only faster to get
for the graphs that conform.

The components understood are the ones the shapes use: ``sh:targetClass``,
``sh:targetObjectsOf``, and on property shapes with a plain IRI path
``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:minLength``,
``sh:pattern``, ``sh:in``, ``sh:class``, ``sh:hasValue``, ``sh:minInclusive``,
``sh:maxInclusive``, ``sh:minExclusive``, ``sh:maxExclusive`` and
``sh:lessThanOrEquals``.
"""

from __future__ import annotations

import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, XSD

from kg.rdf import Triple

SH = Namespace("http://www.w3.org/ns/shacl#")

NODE_SHAPE_TERMS = {RDF.type, SH.targetClass, SH.targetObjectsOf, SH.property, SH.severity, SH.message,
                    RDFS.label, RDFS.comment}
PROPERTY_SHAPE_TERMS = {SH.path, SH.minCount, SH.maxCount, SH.datatype, SH.minLength, SH.pattern, SH["in"],
                        SH["class"], SH.hasValue, SH.minInclusive, SH.maxInclusive, SH.minExclusive,
                        SH.maxExclusive, SH.lessThanOrEquals, SH.message, SH.severity, SH.name, SH.description}
BOUNDS: dict[URIRef, Callable[[Any, Any], bool]] = {
    SH.minInclusive: operator.ge, SH.maxInclusive: operator.le, SH.minExclusive: operator.gt,
    SH.maxExclusive: operator.lt}
Value = URIRef | BNode | Literal
NUMBERS = (int, float, Decimal)


TYPE = str(RDF.type)
SUBCLASS_OF = str(RDFS.subClassOf)


def node_key(term: object) -> object:
    """How the index keys a node: an IRI by its plain string (rdflib compares its terms in slow Python), else the term."""
    return str.__str__(term) if isinstance(term, URIRef) else term  # type: ignore[arg-type]


class Index:
    """One release graph's triples, indexed for the shape checks (nodes by :func:`node_key`)."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.values: dict[tuple[object, str], set[Value]] = defaultdict(set)
        self.types: dict[object, set[object]] = defaultdict(set)
        self.members: dict[object, list[object]] = defaultdict(list)  # class -> its instances
        self.objects_of: dict[str, set[Value]] = defaultdict(set)
        self.subclassing = False
        for s, p, o in triples:
            subject, predicate = node_key(s), str.__str__(p)
            self.values[subject, predicate].add(o)
            self.objects_of[predicate].add(o)
            if predicate == TYPE:
                self.types[subject].add(node_key(o))
                self.members[node_key(o)].append(subject)
            elif predicate == SUBCLASS_OF:
                self.subclassing = True

    def instances(self, cls: object) -> list[object]:
        return self.members.get(node_key(cls), [])


Constraint = Callable[[set[Value], object, "Index"], bool]  # (values of the path, focus node, graph) -> holds


@dataclass(frozen=True)
class PropertyCheck:
    """A property shape with a plain IRI path, as the constraints pySHACL would check."""

    path: str  # the IRI, as a plain string
    constraints: tuple[Constraint, ...]

    def holds(self, focus: object, index: Index) -> bool:
        values = index.values.get((focus, self.path), set())
        return all(constraint(values, focus, index) for constraint in self.constraints)


@dataclass(frozen=True)
class NodeCheck:
    target_classes: tuple[URIRef, ...]
    target_objects_of: tuple[URIRef, ...]
    properties: tuple[PropertyCheck, ...]

    def focus_nodes(self, index: Index) -> set[object]:
        nodes: set[object] = set()
        for cls in self.target_classes:
            nodes.update(index.instances(cls))
        for prop in self.target_objects_of:
            nodes.update(node_key(o) for o in index.objects_of.get(str.__str__(prop), ()))
        return nodes

    def holds(self, index: Index) -> bool:
        return all(check.holds(node, index) for node in self.focus_nodes(index) for check in self.properties)


def may_violate(triples: Iterable[Triple], shapes: Graph) -> bool:
    """False only when pySHACL, given these shapes, would report nothing on these triples."""
    checks = compile_shapes(shapes)
    if checks is None:
        return True
    index = Index(triples)
    if index.subclassing:  # pySHACL follows rdfs:subClassOf in the data; this check does not
        return True
    return not all(check.holds(index) for check in checks)


@lru_cache(maxsize=4)
def compile_shapes(shapes: Graph) -> tuple[NodeCheck, ...] | None:
    """The node shapes as checks, or None when a shape uses something this module does not check."""
    checks = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        if set(shapes.predicates(shape, None)) - NODE_SHAPE_TERMS:
            return None
        properties = []
        for prop in shapes.objects(shape, SH.property):
            check = _property_check(shapes, prop)
            if check is None:
                return None
            properties.append(check)
        checks.append(NodeCheck(tuple(shapes.objects(shape, SH.targetClass)),  # type: ignore[arg-type]
                                tuple(shapes.objects(shape, SH.targetObjectsOf)),  # type: ignore[arg-type]
                                tuple(properties)))
    return tuple(checks)


def _property_check(shapes: Graph, prop: Any) -> PropertyCheck | None:
    predicates = set(shapes.predicates(prop, None))  # type: ignore[arg-type]
    path = shapes.value(prop, SH.path)  # type: ignore[arg-type]
    if predicates - PROPERTY_SHAPE_TERMS or not isinstance(path, URIRef):
        return None
    constraints = [_constraint(shapes, kind, bound)
                   for kind in sorted(predicates - {SH.path, SH.message, SH.severity, SH.name, SH.description}, key=str)
                   for bound in shapes.objects(prop, kind)]  # type: ignore[arg-type]
    return PropertyCheck(str(path), tuple(constraints))


def _constraint(shapes: Graph, kind: Any, bound: Any) -> Constraint:
    """One constraint component as a function that is True when it surely holds."""
    if kind == SH.minCount:
        return lambda values, _focus, _index: len(values) >= int(bound)  # type: ignore[call-overload]
    if kind == SH.maxCount:
        return lambda values, _focus, _index: len(values) <= int(bound)  # type: ignore[call-overload]
    if kind == SH.hasValue:
        return lambda values, _focus, _index: bound in values
    if kind == SH.lessThanOrEquals:
        return lambda values, focus, index: all(_compares(operator.le, v, w) for v in values
                                                for w in index.values.get((focus, str(bound)), ()))
    if kind == SH.datatype:
        return lambda values, _focus, _index: all(_has_datatype(v, bound) for v in values)
    if kind == SH.minLength:
        return lambda values, _focus, _index: all(not isinstance(v, BNode) and len(str(v)) >= int(bound)  # type: ignore[call-overload]
                                                  for v in values)
    if kind == SH.pattern:
        pattern = re.compile(str(bound))
        return lambda values, _focus, _index: all(not isinstance(v, BNode) and pattern.search(str(v)) is not None
                                                  for v in values)
    if kind == SH["in"]:
        members = frozenset(Collection(shapes, bound))  # type: ignore[arg-type]
        return lambda values, _focus, _index: values <= members
    if kind == SH["class"]:
        key = node_key(bound)
        return lambda values, _focus, index: all(key in index.types.get(node_key(v), ()) for v in values)
    compare = BOUNDS[kind]
    return lambda values, _focus, _index: all(_compares(compare, v, bound) for v in values)


def _has_datatype(value: Value, datatype: object) -> bool:
    if not isinstance(value, Literal) or value.ill_typed:
        return False
    if datatype == XSD.string:
        return value.language is None and value.datatype in (None, XSD.string)
    return value.datatype == datatype


def _compares(compare: Callable[[Any, Any], bool], value: object, bound: object) -> bool:
    """``compare(value, bound)`` on two well-typed numeric literals; False whenever in doubt."""
    if not (isinstance(value, Literal) and isinstance(bound, Literal)) or value.ill_typed or bound.ill_typed:
        return False
    left, right = value.toPython(), bound.toPython()
    if not (isinstance(left, NUMBERS) and isinstance(right, NUMBERS)) or isinstance(left, bool) \
            or isinstance(right, bool):
        return False
    return compare(left, right)
