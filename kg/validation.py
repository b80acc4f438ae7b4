"""Validation: SHACL on each release's graph, SHACL-SPARQL rules across releases over the store.

Shapes that look within one release (``shapes/mining-shapes.ttl``,
``shapes/rules-within-release.ttl``) run with pySHACL on that release's named
graph alone, so their cost grows with the release, not the corpus. The rules
across releases (``shapes/rules-across-releases.ttl``) are SHACL-SPARQL
constraints too, but kg runs their SELECT queries directly over the Oxigraph
store. Validation returns a report; it never raises on bad data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from kg.conformance import may_violate
from kg.engines import Engine, default_jobs, local_engine
from kg.errors import UnknownName
from kg.rdf import Triple
from kg.store import Store, ntriples
from kg.terms import MKG, OA, PREFIXES

SHAPES_DIR = Path(__file__).resolve().parent.parent / "shapes"
WITHIN_RELEASE = ("mining-shapes.ttl", "rules-within-release.ttl")
ACROSS_RELEASES = ("rules-across-releases.ttl",)
SH = Namespace("http://www.w3.org/ns/shacl#")
SEVERITIES = ("Violation", "Warning", "Info")
FORMATS = ("text", "json", "turtle")


@dataclass(frozen=True)
class Finding:
    """One validation result, with the lineage of the node it is about."""

    severity: str  # Violation, Warning or Info
    rule: str  # the shape that found it
    focus: str  # IRI of the node
    message: str
    release: str | None = None  # file name
    quote: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class ValidationReport:
    findings: list[Finding] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, fail_on: str = "violation") -> bool:
        """True when a result is as severe as ``fail_on`` (violation, warning or info) or more."""
        levels = {"violation": 1, "warning": 2, "info": 3}
        if fail_on not in levels:
            raise UnknownName("severity", fail_on, list(levels))
        return any(SEVERITIES.index(f.severity) < levels[fail_on] for f in self.findings)

    def summary(self) -> str:
        return ", ".join(f"{self.count(s)} {s.lower()}{'s' if self.count(s) != 1 else ''}" for s in SEVERITIES)

    def render(self, fmt: str) -> str:
        if fmt == "json":
            return json.dumps([asdict(f) for f in self.sorted()], indent=1, ensure_ascii=False) + "\n"
        if fmt == "turtle":
            return self.to_graph().serialize(format="turtle")
        if fmt == "text":
            return self.text()
        raise UnknownName("format", fmt, list(FORMATS))

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: (f.release or "", SEVERITIES.index(f.severity), f.rule, f.focus,
                                                    f.message))

    def text(self) -> str:
        lines: list[str] = []
        release = object()
        for f in self.sorted():
            if f.release != release:
                release = f.release
                lines.append(f"== {f.release or '(across releases)'}")
            lines.append(f"  {f.severity}: {f.message}")
            lines.append(f"    rule {f.rule}; node {f.focus}")
            if f.quote is not None:
                lines.append(f"    evidence [{f.start}:{f.end}] \"{' '.join(f.quote.split())[:160]}\"")
        lines.append(("conforms" if not self.fails() else "does not conform") + f" ({self.summary()})")
        return "\n".join(lines) + "\n"

    def to_graph(self) -> Graph:
        """The report as a SHACL validation report graph."""
        g = Graph()
        g.bind("sh", SH)
        g.bind("mkg", MKG)
        report = URIRef("urn:kg:validation-report")
        g.add((report, RDF.type, SH.ValidationReport))
        g.add((report, SH.conforms, Literal(not self.fails())))
        for i, f in enumerate(self.sorted()):
            node = URIRef(f"urn:kg:validation-report:result:{i}")
            g.add((report, SH.result, node))
            g.add((node, RDF.type, SH.ValidationResult))
            g.add((node, SH.resultSeverity, SH[f.severity]))
            g.add((node, SH.focusNode, URIRef(f.focus)))
            g.add((node, SH.resultMessage, Literal(f.message)))
            g.add((node, SH.sourceShape, URIRef(f"https://w3id.org/mining-kg/shapes#{f.rule}")))
            if f.release:
                g.add((node, MKG.fileName, Literal(f.release)))
            if f.quote is not None:
                g.add((node, OA.exact, Literal(f.quote)))
                g.add((node, OA.start, Literal(f.start, datatype=XSD.integer)))
                g.add((node, OA.end, Literal(f.end, datatype=XSD.integer)))
        return g


@lru_cache(maxsize=4)
def load_shapes(names: tuple[str, ...] = WITHIN_RELEASE + ACROSS_RELEASES) -> Graph:
    """The shapes of ``shapes/``, as one graph (what pySHACL would take whole)."""
    shapes = Graph()
    for name in names:
        shapes.parse(SHAPES_DIR / name, format="turtle")
    return shapes


@lru_cache(maxsize=1)
def core_shapes() -> Graph:
    """The release shapes without their SPARQL constraints: what pySHACL checks on each release graph."""
    shapes = Graph()
    for triple in load_shapes(WITHIN_RELEASE):
        if triple[1] != SH.sparql:
            shapes.add(triple)
    return shapes


@dataclass(frozen=True)
class SparqlRule:
    """A SHACL-SPARQL constraint, run by kg as one query for all its focus nodes."""

    name: str
    severity: str
    message: str
    select: str
    target: str | None  # the shape's sh:targetClass

    def query(self) -> str:
        """The constraint's SELECT with ``$this`` free and held to the target class."""
        select = self.select.replace("$this", "?this")
        if self.target is None:
            return select
        return f"SELECT * WHERE {{ ?this a <{self.target}> . {{ {select} }} }}"


@lru_cache(maxsize=2)
def sparql_rules(names: tuple[str, ...]) -> tuple[SparqlRule, ...]:
    shapes = load_shapes(names)
    rules = []
    for shape in sorted(set(shapes.subjects(SH.sparql, None)), key=str):
        severity = str(shapes.value(shape, SH.severity) or SH.Violation).rsplit("#", 1)[-1]
        target = shapes.value(shape, SH.targetClass)
        for constraint in shapes.objects(shape, SH.sparql):
            rules.append(SparqlRule(str(shape).rsplit("#", 1)[-1], severity, str(shapes.value(constraint, SH.message)),
                                    str(shapes.value(constraint, SH.select)), str(target) if target else None))
    return tuple(rules)


# ------------------------------------------------------------ within one release

RELEASE_GRAPH = "urn:kg:release"


def validate_release(triples: Iterable[Triple], body: str | None = None) -> list[Finding]:
    """One release's graph: pySHACL for the core shapes (when it may find something), Oxigraph for the SPARQL constraints.

    ``body`` is the same triples as N-Triples, when the caller has them already.
    """
    triples = list(triples)
    store = Store.from_ntriples(body if body is not None else ntriples(triples), URIRef(RELEASE_GRAPH))
    core = _core_findings(rdflib_graph(triples), store, RELEASE_GRAPH) if may_violate(triples, core_shapes()) else []
    return core + run_rules(store, WITHIN_RELEASE, RELEASE_GRAPH)


def rdflib_graph(triples: Iterable[Triple]) -> Graph:
    data = Graph()
    for triple in triples:
        data.add(triple)
    return data


def _core_findings(data: Graph, store: Store, graph: str | None) -> list[Finding]:
    _conforms, results, _text = validate(data, shacl_graph=core_shapes(), inference="none", allow_warnings=True)
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        message = str(results.value(result, SH.resultMessage) or "")
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        if path is not None and str(path) not in message:
            message = f"{_short(path)}: {message}" + (f" (value {value})" if value is not None else "")
        out.append(_with_lineage(store, graph, Finding(severity, _rule_name(results, result), str(focus), message)))
    return out


def _rule_name(results: Graph, result: URIRef) -> str:
    shape = results.value(result, SH.sourceShape)
    component = results.value(result, SH.sourceConstraintComponent)
    name = str(shape).rsplit("#", 1)[-1] if isinstance(shape, URIRef) else ""
    if not name or not isinstance(shape, URIRef):
        # a property shape is a blank node: name it after its node shape and constraint
        node_shapes = [s for s in load_shapes(WITHIN_RELEASE).subjects(SH.property, shape)]
        name = str(node_shapes[0]).rsplit("#", 1)[-1] if node_shapes else "shape"
        if component is not None:
            name += "/" + str(component).rsplit("#", 1)[-1].replace("ConstraintComponent", "")
    return name


def _short(term: object) -> str:
    text = str(term)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return text


_LINEAGE = """SELECT ?focus ?file ?quote ?start ?end WHERE {
    { ?focus prov:wasDerivedFrom ?release } UNION { ?focus a mkg:Release BIND (?focus AS ?release) }
    ?release mkg:fileName ?file .
    OPTIONAL { ?focus mkg:evidence ?span . ?span oa:hasSelector ?q, ?p .
               ?q oa:exact ?quote . ?p oa:start ?start ; oa:end ?end } } LIMIT 1"""
_ANY_RELEASE = "SELECT ?file WHERE { ?release a mkg:Release ; mkg:fileName ?file } LIMIT 1"


def _with_lineage(store: Store, graph: str | None, finding: Finding) -> Finding:
    """The finding with the release, quote and offsets of its focus node."""
    row = next(store.select(_LINEAGE, {"focus": ox.NamedNode(finding.focus)}, graph), None) \
        if finding.focus.startswith(("http", "urn")) else None
    if row is None and graph is not None:
        row = next(store.select(_ANY_RELEASE, None, graph), None)
    if row is None:
        return finding
    return replace(
        finding,
        release=row["file"].value,
        quote=row["quote"].value if row.get("quote") else None,
        start=int(row["start"].value) if row.get("start") else None,
        end=int(row["end"].value) if row.get("end") else None,
    )


def run_rules(store: Store, names: tuple[str, ...], graph: str | None = None) -> list[Finding]:
    """The SPARQL constraints of some shape files, each as one query (over ``graph``, or all graphs)."""
    out = []
    for rule in sparql_rules(names):
        seen: set[str] = set()
        for row in store.select(rule.query(), None, graph):
            focus = row["this"].value if row["this"] is not None else ""
            message = _fill(rule.message, row)
            # one result per node and rule, and one per message: a figure stated in a sentence and
            # again in a table is one figure
            if focus in seen or message in seen:
                continue
            seen.update((focus, message))
            out.append(_with_lineage(store, graph, Finding(rule.severity, rule.name, focus, message)))
    return out


# ------------------------------------------------------------ across releases


def validate_across(store: Store) -> list[Finding]:
    """The cross-release rules, as SPARQL over the whole store."""
    return run_rules(store, ACROSS_RELEASES)


def _fill(template: str, row: dict) -> str:
    def value(m: re.Match[str]) -> str:
        term = row.get(m.group(1))
        return "" if term is None else str(getattr(term, "value", term))
    return re.sub(r"\{[?$](\w+)\}", value, template)


# ------------------------------------------------------------ the store


def release_triples_in_store(store: Store, graph_iri: str) -> list[Triple]:
    """A release's triples, read back from its named graph."""
    return triples_of(store.graph_ntriples(graph_iri))


def triples_of(body: str) -> list[Triple]:
    """N-Triples as rdflib triples (parsed by Oxigraph: rdflib's own parser is ten times slower)."""
    iris: dict[str, URIRef] = {}

    def term(node: ox.NamedNode | ox.BlankNode | ox.Literal) -> URIRef | Literal:
        if isinstance(node, ox.Literal):
            if node.language:
                return Literal(node.value, lang=node.language)
            datatype = node.datatype.value
            return Literal(node.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))
        if node.value not in iris:
            iris[node.value] = URIRef(node.value)
        return iris[node.value]

    return [(term(t.subject), term(t.predicate), term(t.object))  # type: ignore[misc]
            for t in ox.parse(body.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)]


def validate_stored_releases(bodies: list[str]) -> list[list[Finding]]:
    """Release graphs given as N-Triples, each against the release shapes: the unit of work of a worker."""
    return [validate_release(triples_of(body), body) for body in bodies]


def validate_store(store: Store, engine: Engine | None = None) -> ValidationReport:
    """Every release's graph against the shapes, then the rules across releases.

    The graphs are read here and checked on ``engine`` (worker processes, by
    default as many as the machine has cores), exactly as a build checks them.
    """
    report = ValidationReport()
    releases = sorted(store.releases().values(), key=lambda r: r.name)
    bodies = (store.graph_ntriples(release.graph) for release in releases)
    for findings in (engine or local_engine(default_jobs())).run(validate_stored_releases, bodies):
        report.findings += findings
    report.findings += validate_across(store)
    return report


__all__ = ["Finding", "ValidationReport", "validate_across", "validate_release", "validate_store"]
