"""The Python API, for notebooks and scripts; the ``kg`` command calls the same functions.

    import kg
    kg.build(["examples/releases"], store=".kg-store")
    store = kg.open_store(".kg-store")
    rows = store.query("facts", metal="palladium")       # typed rows: rows[0]["value"] is a number
    rows.to_pandas()                                    # with the pandas extra
    store.lineage(site="Lac des Iles", period="2003-Q3", metric="production", metal="palladium")
    store.sparql("ASK { ?r a mkg:Release }")            # SELECT: Results; ASK: bool; CONSTRUCT: triples
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError
from kg.pipeline import BuildReport, ReleaseFile, check_store_outside
from kg.pipeline import build as build_releases
from kg.queries import Term, parse_binding, query_results
from kg.results import Results, from_solutions
from kg.store import DEFAULT_STORE, Store

PathLike = str | os.PathLike[str]
SparqlAnswer = Results | bool | list[ox.Triple]


def parameter_term(name: str, value: object) -> Term:
    """A query parameter as an RDF term: a term as given; else its text read as ``kg query -p NAME=VALUE`` reads it
    (an IRI when it is one, else a literal), numbers, booleans and dates written as in the results."""
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (date, datetime)):
        text = value.isoformat()
    elif isinstance(value, (str, int, float)):
        text = str(value)
    else:
        raise KgError(f"parameter {name}: {type(value).__name__} is not a value a query can bind "
                      "(give a string, number, boolean or date)")
    return parse_binding(f"{name}={text}")[1]


class KgStore:
    """A store opened for reading: named queries, ad-hoc SPARQL and lineage, each answered as :class:`Results`."""

    def __init__(self, path: PathLike = DEFAULT_STORE) -> None:
        self.path = Path(path)
        self._store = Store(self.path, read_only=True)

    def __repr__(self) -> str:
        return f"<KgStore {self.path}>"

    def __enter__(self) -> KgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._store.close()

    def query(self, name: str, **params: Any) -> Results:
        """The rows of the named query ``queries/NAME.rq``; each parameter keeps the rows whose column holds the
        value (or is a parameter the query declares). An unknown name lists the queries or the parameters."""
        return query_results(self._store, name, {k: parameter_term(k, v) for k, v in params.items()})

    def sparql(self, query: str) -> SparqlAnswer:
        """An ad-hoc SPARQL query over all release graphs (our prefixes need no PREFIX): the rows of a SELECT,
        the answer of an ASK, the triples of a CONSTRUCT or DESCRIBE."""
        answer = self._store.raw_query(query)
        if isinstance(answer, ox.QueryBoolean):
            return bool(answer)
        if isinstance(answer, ox.QueryTriples):
            return list(answer)
        return from_solutions(answer, "the query")

    def lineage(self, fact: str | None = None, *, site: str | None = None, period: str | None = None,
                metric: str | None = None, metal: str | None = None) -> Results:
        """Where a fact comes from (give its IRI), or every release stating a figure (give a period and a metric,
        and the site and metal when the figure has them): release, date, page, offsets and quote."""
        if fact:
            return self.query("fact_lineage", fact=f"<{fact.strip().strip('<>')}>")
        if period and metric:
            figure = {"site": site, "period": period, "metric": metric, "metal": metal}
            return self.query("figure_lineage", **{k: v for k, v in figure.items() if v})
        raise KgError("give a fact IRI, or a period and a metric (with a site and a metal when the figure has them)")


def open_store(path: PathLike = DEFAULT_STORE) -> KgStore:
    """The store at ``path`` (built by :func:`build` or ``kg build``), opened for reading."""
    return KgStore(path)


def build(paths: Iterable[PathLike | ReleaseFile], store: PathLike | Store = DEFAULT_STORE, **options: Any) -> BuildReport:
    """Extract the release files (or the files in the folders) into the store, as ``kg build`` does; ``options``
    are those of :func:`kg.pipeline.build` (``strict``, ``jobs``, ``bulk``, ``progress`` ...). Returns the report:
    what was ingested, unchanged and rejected, and the validation findings."""
    inputs = [p if isinstance(p, ReleaseFile) else Path(p) for p in paths]
    if isinstance(store, Store):
        return build_releases(inputs, store, **options)
    check_store_outside(inputs, Path(store))
    with Store(Path(store)) as opened:
        return build_releases(inputs, opened, **options)
