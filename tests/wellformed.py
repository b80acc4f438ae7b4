"""Checks that a release's triples are well-formed RDF: valid IRIs, literals valid for their datatype,
spans that quote their source, and a graph that survives N-Quads both ways.

Shared by the property-based tests (tests/test_fuzz.py), which feed the builder random and mutated input.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.rdf import Triple
from kg.read.sources import SourceFile
from kg.store import to_ox
from kg.terms import OA

# RFC 3987: an absolute IRI has a scheme; these characters may never appear in one unescaped.
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:.+", re.DOTALL)
_FORBIDDEN = re.compile(r"[\x00-\x20<>\"{}|\\^`\x7f]")

# Lexical forms of the XSD datatypes the builder writes (XML Schema 1.1 part 2, section 3.3).
_LEXICAL = {
    XSD.decimal: re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    XSD.integer: re.compile(r"[+-]?\d+"),
    XSD.date: re.compile(r"-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?"),
    XSD.dateTime: re.compile(r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?"),
    XSD.gYearMonth: re.compile(r"-?\d{4,}-(0[1-9]|1[0-2])(Z|[+-]\d{2}:\d{2})?"),
    XSD.gYear: re.compile(r"-?\d{4,}(Z|[+-]\d{2}:\d{2})?"),
}

# Oxigraph reads each of these datatypes into its value space; an ill-formed literal makes the function fail.
_VALUE_SPACE = """
SELECT ?o WHERE { ?s ?p ?o . FILTER(isLiteral(?o))
  BIND(datatype(?o) AS ?t)
  FILTER(?t IN (xsd:decimal, xsd:integer, xsd:date, xsd:dateTime, xsd:gYearMonth, xsd:gYear))
  BIND(IF(?t IN (xsd:decimal, xsd:integer), ?o + 0, YEAR(?o)) AS ?v)
  FILTER(!BOUND(?v)) }"""


def iri_problem(iri: str) -> str | None:
    """Why ``iri`` is not a valid absolute IRI, or None."""
    if not _ABSOLUTE.fullmatch(iri):
        return "not absolute"
    if bad := _FORBIDDEN.search(iri):
        return f"holds {bad.group()!r}"
    try:
        if ox.NamedNode(iri).value != iri:
            return "changed by pyoxigraph"
    except ValueError as exc:
        return f"pyoxigraph refuses it ({exc})"
    try:
        URIRef(iri).n3()  # rdflib refuses to serialise what it considers an invalid IRI
    except Exception as exc:  # noqa: BLE001 - any refusal is the finding
        return f"rdflib refuses it ({exc})"
    return None


def literal_problem(literal: Literal) -> str | None:
    """Why ``literal`` is not a well-formed literal of its datatype, or None."""
    text = str(literal)
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return "holds a lone surrogate"
    datatype = literal.datatype
    if datatype is None:
        return None
    if (datatype_issue := iri_problem(str(datatype))) is not None:
        return f"datatype {datatype_issue}"
    pattern = _LEXICAL.get(datatype)
    if pattern is not None and not pattern.fullmatch(text):
        return f"not a lexical {datatype.n3()}"
    try:
        if datatype == XSD.date:
            date.fromisoformat(text)
        elif datatype == XSD.dateTime:
            datetime.fromisoformat(text)
        elif datatype == XSD.gYearMonth:
            date.fromisoformat(text[:7] + "-01")
    except ValueError as exc:
        return f"not a valid {datatype.n3()} ({exc})"
    return None


def graph_problems(triples: list[Triple], source: SourceFile) -> list[str]:
    """Everything wrong with a release's triples: bad IRIs and literals, quotes that miss their offsets,
    literals Oxigraph cannot read into their value space, and an N-Quads round trip that loses anything."""
    problems = []
    for triple in triples:
        for term in triple:
            issue = literal_problem(term) if isinstance(term, Literal) else iri_problem(str(term))
            if issue:
                problems.append(f"{term!r}: {issue}")
    problems += _span_problems(triples, source.text)
    if problems:
        return problems
    graph = ox.NamedNode("https://example.org/graph")
    quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph) for s, p, o in triples]  # type: ignore[arg-type]
    store = ox.Store()
    store.extend(quads)
    problems += [f"{row['o']}: outside its datatype's value space"
                 for row in store.query(_VALUE_SPACE, prefixes={"xsd": str(XSD)})]  # type: ignore[union-attr]
    out = io.BytesIO()
    ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
    back = set(ox.parse(out.getvalue(), ox.RdfFormat.N_QUADS))
    if back != set(quads):
        problems.append(f"N-Quads round trip changed the graph: {len(set(quads) ^ back)} quads differ")
    return problems


def _span_problems(triples: list[Triple], text: str) -> list[str]:
    """Each quote selector's text must sit at its resource's position selector in the source."""
    by_node: dict[URIRef, dict[URIRef, object]] = {}
    for s, p, o in triples:
        if p in (OA.start, OA.end, OA.exact):
            by_node.setdefault(s, {})[p] = o
    problems = []
    for node, values in by_node.items():
        if OA.exact not in values:
            continue
        position = by_node.get(URIRef(str(node).removesuffix("/quote") + "/position"), {})
        if OA.start not in position or OA.end not in position:
            problems.append(f"quote {node} has no position selector")
            continue
        start, end = int(str(position[OA.start])), int(str(position[OA.end]))
        if not 0 <= start <= end <= len(text) or text[start:end] != str(values[OA.exact]):
            problems.append(f"span {start}-{end} does not quote {str(values[OA.exact])[:40]!r}")
    return problems
