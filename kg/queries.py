"""The named SPARQL queries in ``queries/`` and their parameters.

A query's parameters are its columns and the parameters its file declares (``# Parameter NAME: what it does``).
``-p COLUMN=VALUE`` keeps the rows whose COLUMN holds VALUE, and a row whose COLUMN is another value or unbound is
dropped, never relabelled: the value is one RDF term, or, for text, the terms of our datatypes written that way
(``2248`` is the string, the integer and the decimal 2248). A declared parameter is bound as given, for the query's
own expressions to use (``ceo_timeline``'s ``role_pattern``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError, UnknownName
from kg.results import Results, from_solutions
from kg.store import Store

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"

Term = ox.NamedNode | ox.Literal
_XSD = "http://www.w3.org/2001/XMLSchema#"
# The datatypes our data and queries give literals, each with the lexical form a value of it is written in.
TYPED_FORMS: tuple[tuple[str, str], ...] = (
    ("integer", r"[+-]?\d+"),
    ("decimal", r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"),
    ("boolean", r"true|false"),
    ("date", r"-?\d{4,}-\d\d-\d\d"),
    ("gYearMonth", r"-?\d{4,}-\d\d"),
    ("dateTime", r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?"),
)
_DECLARED = re.compile(r"(?m)^#\s*Parameter\s+[?$]?([A-Za-z_]\w*)\s*:\s*(.+?)\s*$")
_LEXICAL_NOISE = re.compile(r'<[^\s<>"{}|^`\\]*>|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*')
_VARIABLE = re.compile(r"[?$]([A-Za-z_]\w*)")


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


def declared_parameters(query: str) -> dict[str, str]:
    """The parameters a query file declares, ``# Parameter NAME: what it does``, each with what it does."""
    return dict(_DECLARED.findall(query))


def query_parameters(name: str) -> list[str]:
    """Every parameter of a named query: its columns, then the parameters its file declares."""
    text = query_text(name)
    return [*select_columns(text), *declared_parameters(text)]


def parse_binding(text: str) -> tuple[str, Term]:
    """``name=value``: an IRI when the value is one (``<...>`` or ``http...``), else a plain literal."""
    if "=" not in text:
        raise KgError(f"parameter {text!r} is not NAME=VALUE")
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?$")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise KgError(f"parameter name {name!r} is not a SPARQL variable name")
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return name, iri_term(name, value[1:-1])
    if re.match(r"^[a-z][a-z0-9+.-]*://\S", value):  # an IRI, or meant as one (then said to be invalid)
        return name, iri_term(name, value)
    return name, ox.Literal(value)


def iri_term(name: str, iri: str) -> ox.NamedNode:
    """The IRI a parameter gives, or KgError saying what is wrong with it."""
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise KgError(f"parameter {name}: {iri!r} is not a valid IRI ({exc}); percent-encode what it may not hold "
                      "(%20 for a space, %3E for >), or copy the IRI from a query's output") from exc


def value_terms(term: Term) -> tuple[Term, ...]:
    """The RDF terms a parameter value stands for: an IRI itself; text as a string and as each typed value written so."""
    if isinstance(term, ox.NamedNode) or term.datatype != ox.NamedNode(_XSD + "string"):
        return (term,)
    typed = tuple(ox.Literal(term.value, datatype=ox.NamedNode(_XSD + name))
                  for name, form in TYPED_FORMS if re.fullmatch(form, term.value))
    return (term, *typed)


def _blanked(query: str) -> str:
    """The query with its IRIs, strings and comments blanked out (same length), so braces and variables are syntax."""
    return _LEXICAL_NOISE.sub(lambda m: " " * len(m.group()), query)


def _closing(text: str, start: int) -> int:
    """The index of the bracket closing the one at ``start``."""
    opening, closing = text[start], {"{": "}", "(": ")"}[text[start]]
    depth = 0
    for i in range(start, len(text)):
        depth += (text[i] == opening) - (text[i] == closing)
        if depth == 0:
            return i
    raise KgError("cannot bind parameters: the query's brackets do not balance")


def _outer_group(blanked: str) -> tuple[int, int]:
    """The offsets of the outermost WHERE group's braces."""
    where = re.search(r"\bWHERE\s*\{", blanked, re.IGNORECASE)
    if where is None:
        raise KgError("cannot bind parameters: the query has no WHERE group")
    return where.end() - 1, _closing(blanked, where.end() - 1)


def select_columns(query: str) -> list[str]:
    """The columns a SELECT query projects, in order (none for ``SELECT *`` or a query of another form)."""
    blanked = _blanked(query)
    select = re.search(r"\bSELECT\b", blanked, re.IGNORECASE)
    if select is None:
        return []
    projection = blanked[select.end():_outer_group(blanked)[0]]
    projection = re.sub(r"(?i)\bWHERE\s*$", "", projection.strip())
    columns, i = [], 0
    while i < len(projection):
        if projection[i] == "(":
            end = _closing(projection, i)
            columns += re.findall(r"(?i)\bAS\s+[?$]([A-Za-z_]\w*)", projection[i:end])[-1:]
            i = end + 1
            continue
        match = _VARIABLE.match(projection, i)
        if match:
            columns.append(match.group(1))
            i = match.end()
        else:
            i += 1
    return columns


def _required_text(group: str) -> str:
    """The text of a group's triple patterns that every solution matches: its own, and its GRAPH blocks', without
    OPTIONAL, MINUS, UNION, sub-select and nested groups, and without expressions (FILTER, BIND) and VALUES."""
    kept, i = [], 0
    while i < len(group):
        char = group[i]
        if char in "{(":
            end = _closing(group, i)
            if char == "{" and re.search(r"(?i)\bGRAPH\s+\S+\s*$", group[:i]):
                kept.append(" " + _required_text(group[i + 1:end]) + " ")
            else:
                kept.append(" ")
            i = end + 1
            continue
        kept.append(char)
        i += 1
    return re.sub(r"(?i)\bVALUES\s+[?$]\w+", " ", "".join(kept))


def certain_variables(query: str) -> set[str]:
    """The variables bound in every solution of the outer WHERE group, by a triple pattern it requires.

    Binding one of them with a VALUES row is the same as keeping the rows holding the value, and lets the planner
    start the join from it; any other variable (bound in an OPTIONAL, a BIND, a sub-select) is filtered instead.
    """
    blanked = _blanked(query)
    start, end = _outer_group(blanked)
    return set(_VARIABLE.findall(_required_text(blanked[start + 1:end])))


def bind_values(query: str, bindings: Mapping[str, Term | Sequence[Term]]) -> str:
    """The query with each binding fixed by a VALUES block at the start of its outermost WHERE group.

    The FILTERs of that group see the value, and the query planner sees it too: Oxigraph starts the join
    from the VALUES row and looks the bound variable up in its indexes, where a substitution (which the
    planner does not see) would only be checked after reading every candidate row. A variable bound to
    several terms gets one row per term.
    Terms are written by Oxigraph in N-Triples syntax (quotes, backslashes and newlines escaped;
    IRIs validated), so a parameter cannot change the query's structure.
    """
    if not bindings:
        return query
    start, _ = _outer_group(_blanked(query))
    blocks = "".join(f"\n  VALUES (?{name}) {{ {' '.join(f'({t})' for t in _terms(value))} }}"
                     for name, value in bindings.items())
    return f"{query[:start + 1]}{blocks}{query[start + 1:]}"


def filter_values(query: str, bindings: Mapping[str, Term | Sequence[Term]]) -> str:
    """The query keeping only the solutions whose variable equals one of its bound terms: a FILTER at the end of
    the outermost WHERE group, which sees every pattern of the group, so an unbound or other value is dropped.
    It is written with ``IN``: with ``sameTerm`` Virtuoso found no row for a string parameter."""
    if not bindings:
        return query
    _, end = _outer_group(_blanked(query))
    filters = "".join(f"  FILTER (?{name} IN ({', '.join(map(str, _terms(value)))}))\n" for name, value in bindings.items())
    return f"{query[:end]}{filters}{query[end:]}"


def _terms(value: Term | Sequence[Term]) -> tuple[Term, ...]:
    return (value,) if isinstance(value, (ox.NamedNode, ox.Literal)) else tuple(value)


def bind_parameters(name: str, bindings: Mapping[str, Term]) -> str:
    """The text of a named query with its parameters bound: a declared one as given (VALUES), a column kept to its
    value, by VALUES where every row binds the column by a required pattern, else by a FILTER."""
    text = query_text(name)
    declared, columns = declared_parameters(text), select_columns(text)
    for parameter in bindings:
        if parameter not in declared and parameter not in columns:
            raise UnknownName(f"parameter of query {name}", parameter, [*columns, *declared])
    certain = certain_variables(text) if bindings else set()
    as_given = {p: t for p, t in bindings.items() if p in declared}
    joined = {p: value_terms(t) for p, t in bindings.items() if p not in declared and p in certain}
    filtered = {p: value_terms(t) for p, t in bindings.items() if p not in declared and p not in certain}
    return filter_values(bind_values(text, {**as_given, **joined}), filtered)


def query_results(store: Store, name: str, bindings: Mapping[str, Term] | None = None) -> Results:
    """The results of a named query on the store, its parameters bound by :func:`bind_parameters`."""
    return from_solutions(store.raw_query(bind_parameters(name, bindings or {})), f"query {name}")


def run_query(store: Store, name: str, bindings: Mapping[str, Term] | None = None
              ) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a named query as the plain strings CSV prints (empty when unbound)."""
    results = query_results(store, name, bindings)
    return list(results.columns), results.plain_rows()
