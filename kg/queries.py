"""The named SPARQL queries in ``queries/`` and their results as table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError, UnknownName
from kg.store import Store

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
FORMATS = ("table", "csv", "json")


def query_names() -> list[str]:
    return sorted(p.stem for p in QUERY_DIR.glob("*.rq"))


def query_text(name: str) -> str:
    path = QUERY_DIR / f"{name}.rq"
    if not path.is_file():
        raise UnknownName("query", name, query_names())
    return path.read_text(encoding="utf-8")


def query_summary(name: str) -> str:
    """The first comment line of a query file: what it answers."""
    for line in query_text(name).splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def parse_binding(text: str) -> tuple[str, ox.NamedNode | ox.Literal]:
    """``name=value``: an IRI when the value is one (``<...>`` or ``http...``), else a plain literal."""
    if "=" not in text:
        raise KgError(f"parameter {text!r} is not NAME=VALUE")
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?$")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise KgError(f"parameter name {name!r} is not a SPARQL variable name")
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return name, ox.NamedNode(value[1:-1])
    if re.match(r"^[a-z][a-z0-9+.-]*://\S+$", value):
        return name, ox.NamedNode(value)
    return name, ox.Literal(value)


def bind_values(query: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with each binding fixed by a VALUES block at the start of its outermost WHERE group.

    The FILTERs of that group see the value, and the query planner sees it too: Oxigraph starts the join
    from the VALUES row and looks the bound variable up in its indexes, where a substitution (which the
    planner does not see) would only be checked after reading every candidate row.
    Terms are written by Oxigraph in N-Triples syntax (quotes, backslashes and newlines escaped;
    IRIs validated), so a parameter cannot change the query's structure.
    """
    if not bindings:
        return query
    blanked = re.sub(r"(?m)^\s*#.*$", lambda m: " " * len(m.group()), query)
    where = re.search(r"\bWHERE\s*\{", blanked, re.IGNORECASE)
    if where is None:
        raise KgError("cannot bind parameters: the query has no WHERE group")
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(term) for term in bindings.values())
    return f"{query[:where.end()]}\n  VALUES ({names}) {{ ({values}) }}{query[where.end():]}"


def run_query(store: Store, name: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None
              ) -> tuple[list[str], list[list[str]]]:
    """Header and rows (as plain strings, empty when unbound) of a named query, its parameters bound by :func:`bind_values`."""
    results = store.raw_query(bind_values(query_text(name), bindings or {}))
    if not isinstance(results, ox.QuerySolutions):
        raise KgError(f"query {name} is not a SELECT query")
    header = [v.value for v in results.variables]
    rows = [[_plain(solution[h]) for h in header] for solution in results]
    return header, rows


def _plain(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def render(header: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(header, row)) for row in rows], indent=1, ensure_ascii=False) + "\n"
    if fmt == "table":
        return _table(header, rows)
    raise UnknownName("format", fmt, list(FORMATS))


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
