"""Query results and their formats: a table, CSV (the plain values), typed JSON, and the W3C SPARQL 1.1 JSON and TSV
results formats (so results load into other tools).

A :class:`Results` keeps the RDF terms of each row; a row read from it is a dict of Python values: numbers as
``int`` or ``float``, booleans as ``bool``, ``xsd:date`` and ``xsd:dateTime`` as ``datetime`` objects, IRIs and other
literals as ``str``, and ``None`` for unbound. Typed JSON writes the same values, with dates as ISO strings.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import KgError, UnknownName

if TYPE_CHECKING:
    import pandas

Term = ox.NamedNode | ox.Literal | ox.BlankNode
FORMATS = ("table", "csv", "json", "sparql-json", "tsv")
GRAPH_RESULT_FORMATS = ("turtle", "ntriples")  # for the triples of a CONSTRUCT or DESCRIBE
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {"integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
             "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"}


@dataclass(frozen=True)
class Results:
    """The columns of a SELECT query and its rows of RDF terms (``None`` where a column is unbound)."""

    columns: tuple[str, ...]
    terms: tuple[tuple[Term | None, ...], ...]

    def __len__(self) -> int:
        return len(self.terms)

    def __getitem__(self, index: int) -> dict[str, Any]:
        return dict(zip(self.columns, map(python_value, self.terms[index])))

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (dict(zip(self.columns, map(python_value, row))) for row in self.terms)

    def __repr__(self) -> str:
        return f"<Results: {len(self)} rows of {', '.join(self.columns)}>"

    def plain_rows(self) -> list[list[str]]:
        """Each row as the strings CSV prints: a term's value, empty when unbound."""
        return [[plain_value(term) for term in row] for row in self.terms]

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame of typed columns (needs the ``pandas`` extra)."""
        try:
            import pandas
        except ImportError:
            raise KgError("to_pandas needs pandas: pip install 'mining-kg[pandas]'") from None
        return pandas.DataFrame(list(self), columns=list(self.columns))


def from_solutions(solutions: object, what: str) -> Results:
    """The results of a SELECT query run by Oxigraph; ``what`` names the query in the error when it is no SELECT."""
    if not isinstance(solutions, ox.QuerySolutions):
        raise KgError(f"{what} is not a SELECT query")
    columns = tuple(v.value for v in solutions.variables)
    return Results(columns, tuple(tuple(solution[c] for c in columns) for solution in solutions))


def plain_value(term: Term | None) -> str:
    if term is None:
        return ""
    return str(term.value)


def python_value(term: Term | None) -> Any:
    """A term as a Python value: int, float, bool, date, datetime, str; None when unbound."""
    if not isinstance(term, ox.Literal):
        return None if term is None else plain_value(term)
    datatype = term.datatype.value.removeprefix(_XSD)
    try:
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype == "decimal":
            number = float(term.value)
            return int(number) if number.is_integer() and abs(number) < 2**53 else number
        if datatype in {"double", "float"}:
            return float(term.value)
        if datatype == "boolean" and term.value in {"true", "false", "1", "0"}:
            return term.value in {"true", "1"}
        if datatype == "date":
            return date.fromisoformat(term.value)
        if datatype == "dateTime":
            return datetime.fromisoformat(term.value)
    except ValueError:
        pass  # an ill-typed literal keeps its text
    return term.value


def json_value(term: Term | None) -> Any:
    """A term as a JSON value: numbers and booleans as such, dates as ISO strings, null when unbound."""
    value = python_value(term)
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def sparql_json_term(term: Term) -> dict[str, str]:
    """A term in the SPARQL 1.1 Query Results JSON Format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if term.language:
        return {"type": "literal", "value": term.value, "xml:lang": term.language}
    if term.datatype.value == _XSD + "string":
        return {"type": "literal", "value": term.value}
    return {"type": "literal", "value": term.value, "datatype": term.datatype.value}


def tsv_term(term: Term | None) -> str:
    """A term in the SPARQL 1.1 TSV results format: N-Triples syntax (tabs escaped too), empty when unbound."""
    return "" if term is None else str(term).replace("\t", "\\t")


def render(results: Results, fmt: str) -> str:
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(results.columns)
        writer.writerows(results.plain_rows())
        return out.getvalue()
    if fmt == "json":
        rows = [dict(zip(results.columns, map(json_value, row))) for row in results.terms]
        return json.dumps(rows, indent=1, ensure_ascii=False) + "\n"
    if fmt == "sparql-json":
        bindings = [{c: sparql_json_term(t) for c, t in zip(results.columns, row) if t is not None}
                    for row in results.terms]
        return json.dumps({"head": {"vars": list(results.columns)}, "results": {"bindings": bindings}},
                          indent=1, ensure_ascii=False) + "\n"
    if fmt == "tsv":
        lines = ["\t".join(f"?{c}" for c in results.columns)]
        lines += ["\t".join(map(tsv_term, row)) for row in results.terms]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        return _table(list(results.columns), results.plain_rows())
    raise UnknownName("format", fmt, list(FORMATS))


def render_boolean(answer: bool, fmt: str) -> str:
    """The answer of an ASK query: SPARQL JSON's boolean form, JSON's true or false, else the word."""
    if fmt == "sparql-json":
        return json.dumps({"head": {}, "boolean": answer}) + "\n"
    if fmt not in FORMATS:
        raise UnknownName("format for an ASK query", fmt, list(FORMATS))
    return ("true" if answer else "false") + "\n"


def render_triples(triples: list[ox.Triple], fmt: str) -> str:
    """The triples of a CONSTRUCT or DESCRIBE query: Turtle with our prefixes (also for ``table``), or N-Triples."""
    from kg.terms import PREFIXES

    if fmt in {"table", "turtle"}:
        return (ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"").decode("utf-8")
    if fmt == "ntriples":
        return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    raise UnknownName("format for a CONSTRUCT query", fmt, ["table", *GRAPH_RESULT_FORMATS])


def render_answer(answer: Results | bool | list[ox.Triple], fmt: str) -> str:
    """Any SPARQL answer in ``fmt``: the rows of a SELECT, the boolean of an ASK, the triples of a CONSTRUCT."""
    if isinstance(answer, Results):
        if fmt not in FORMATS:
            raise UnknownName("format for a SELECT query", fmt, list(FORMATS))
        return render(answer, fmt)
    if isinstance(answer, bool):
        return render_boolean(answer, fmt)
    return render_triples(answer, fmt)


def _table(header: list[str], rows: list[list[str]], width: int = 48) -> str:
    def cut(value: str) -> str:
        value = " ".join(value.split())
        return value if len(value) <= width else value[: width - 1] + "…"

    cells = [[cut(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join([line, rule, *body, f"({len(rows)} rows)"]) + "\n"
