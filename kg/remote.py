"""Remote triple stores: push the release graphs over the SPARQL 1.1 Graph Store Protocol, query over SPARQL.

Tested against Oxigraph server (``/store``) and Virtuoso (``/sparql-graph-crud-auth``, Digest auth);
see ``tests/test_servers.py``. Credentials are sent with Basic or Digest auth, whichever the server
asks for; the password never appears in a message or a repr.
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import KgError
from kg.queries import Term, bind_parameters
from kg.results import Results
from kg.results import plain_value as plain_term
from kg.store import Store
from kg.terms import PREFIXES, Minter

PASSWORD_ENV = "KG_ENDPOINT_PASSWORD"
TIMEOUT_S = 120.0
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


# A server's own transient refusal of a request that may simply be sent again: Virtuoso's "SR175: Uniqueness violation.
# Transaction killed." under its own concurrent work, a deadlock (40001).
_TRANSIENT = re.compile(r"Transaction killed|deadlock|\b40001\b|SR175")
_TRANSIENT_TRIES = 3


class EndpointError(KgError):
    """A remote endpoint refused a request or could not be reached."""

    def __init__(self, endpoint: str, what: str, status: int | None = None, detail: str = "") -> None:
        status_text = f"HTTP {status}" if status is not None else "no answer"
        if status == 401:
            detail = f"credentials missing or refused (give --user, and the password in ${PASSWORD_ENV}) {detail}"
        detail = " ".join(re.sub(r"<[^>]*>", " ", detail).split())[:300]
        super().__init__(f"{endpoint}: {what} failed ({status_text}){': ' + detail if detail else ''}")
        self.endpoint = endpoint
        self.status = status


@dataclass(frozen=True)
class Endpoint:
    """A remote HTTP endpoint and the credentials to use with it (Basic or Digest, as the server asks)."""

    url: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    @classmethod
    def with_password_from(cls, url: str, user: str | None, password_env: str = PASSWORD_ENV) -> Endpoint:
        """An endpoint whose password, when a user is given, is read from the environment variable ``password_env``."""
        if user is None:
            return cls(url)
        password = os.environ.get(password_env)
        if password is None:
            raise KgError(f"{url}: a user is given but ${password_env} holds no password; set it (it is never echoed)")
        return cls(url, user, password)

    def request(self, what: str, method: str, url: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> bytes:
        """Send one request and return the response body; an EndpointError names the endpoint and status."""
        for attempt in range(_TRANSIENT_TRIES):
            request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
            try:
                with self._opener().open(request, timeout=TIMEOUT_S) as response:
                    return response.read()
            except urllib.error.HTTPError as exc:
                detail = _body_of(exc)
                if exc.code >= 500 and _TRANSIENT.search(detail) and attempt + 1 < _TRANSIENT_TRIES:
                    time.sleep(0.2 * (attempt + 1))  # the server killed the transaction for its own reasons: ask again
                    continue
                raise EndpointError(self.url, what, exc.code, detail) from exc
            except (urllib.error.URLError, OSError) as exc:
                raise EndpointError(self.url, what, None, str(getattr(exc, "reason", exc))) from exc
        raise AssertionError("unreachable")

    def _opener(self) -> urllib.request.OpenerDirector:
        if self.user is None:
            return urllib.request.build_opener()
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, self.url, self.user, self.password or "")
        return urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords),
                                           urllib.request.HTTPDigestAuthHandler(passwords))


def _body_of(exc: urllib.error.HTTPError) -> str:
    try:
        return exc.read().decode("utf-8", "replace")
    except OSError:
        return ""


# ---------------------------------------------------------------- push

def graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol URL of one named graph (indirect graph identification, ``?graph=IRI``)."""
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}"


def graph_as_ntriples(store: Store, graph: str) -> bytes:
    """One release graph as sorted N-Triples (also valid Turtle, which every Graph Store endpoint takes)."""
    return store.graph_ntriples(graph).encode("utf-8")


def put_graph(endpoint: Endpoint, graph: str, body: bytes) -> None:
    """Replace one named graph on the server with ``body`` (Turtle): HTTP PUT of the Graph Store Protocol."""
    endpoint.request(f"PUT of graph <{graph}>", "PUT", graph_url(endpoint.url, graph), body,
                     {"Content-Type": "text/turtle; charset=utf-8"})


def push_store(store: Store, endpoint: Endpoint) -> Iterator[tuple[str, int]]:
    """Put every release graph of the store, replacing the server's copy; yields (release, triples) as it goes.

    Re-pushing is idempotent: each PUT replaces the graph it names and touches no other.
    """
    for name, release in sorted(store.releases().items()):
        body = graph_as_ntriples(store, release.graph)
        put_graph(endpoint, release.graph, body)
        yield name, body.count(b"\n")


def delete_graph(endpoint: Endpoint, graph: str) -> None:
    """Drop one named graph from the server: HTTP DELETE of the Graph Store Protocol."""
    endpoint.request(f"DELETE of graph <{graph}>", "DELETE", graph_url(endpoint.url, graph))


# Graph Store endpoints and the SPARQL endpoint of the same server, by the end of their path.
QUERY_ENDPOINT_OF = {"/store": "/query", "/sparql-graph-crud-auth": "/sparql-auth", "/sparql-graph-crud": "/sparql"}


def query_endpoint_for(store_url: str) -> str:
    """The SPARQL query endpoint beside a Graph Store endpoint (Oxigraph ``/store``, Virtuoso ``/sparql-graph-crud``)."""
    parts = urllib.parse.urlsplit(store_url)
    for suffix, query_path in QUERY_ENDPOINT_OF.items():
        if parts.path.endswith(suffix):
            path = parts.path[: -len(suffix)] + query_path
            return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    raise KgError(f"{store_url}: cannot tell the server's SPARQL query endpoint from this Graph Store URL (known: "
                  f"{', '.join(QUERY_ENDPOINT_OF)}); give it with --query-endpoint")


def graph_namespace(store: Store) -> str:
    """The namespace the store's release graphs are named under (``{base}graph/``).

    Read from the graphs the store holds; an empty store has the base of ``KG_BASE_IRI`` or the default.
    """
    for graph in store.graph_names():
        head, found, _ = graph.value.rpartition("/graph/")
        if found:
            return head + "/graph/"
    return Minter().graph_namespace


def release_graphs_on_server(endpoint: Endpoint, namespace: str) -> set[str]:
    """The server's named graphs that are release graphs of ours: under ``namespace`` and holding an mkg:Release."""
    query = with_prefixes("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?release a mkg:Release } "
                          f"FILTER(STRSTARTS(STR(?g), {ox.Literal(namespace)})) }}")
    _, rows = select(endpoint, query)
    graphs = {row["g"]["value"] for row in rows if row.get("g", {}).get("type") == "uri"}
    return {g for g in graphs if g.startswith(namespace)}  # whatever the server's STRSTARTS does


def prune_server(store: Store, endpoint: Endpoint, query_endpoint: Endpoint) -> Iterator[str]:
    """Drop from the server the release graphs the store no longer holds; yields each graph as it is dropped.

    Only graphs under the store's own graph namespace that hold an ``mkg:Release`` are candidates: any other
    graph on the server (another project's, another base IRI's, one loaded by hand) is never touched.
    """
    kept = {release.graph for release in store.releases().values()}
    for graph in sorted(release_graphs_on_server(query_endpoint, graph_namespace(store)) - kept):
        delete_graph(endpoint, graph)
        yield graph


# --------------------------------------------------------------- query

def with_prefixes(query: str) -> str:
    """The query with a PREFIX declaration for each of our prefixes it does not declare itself."""
    missing = [f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items()
               if not re.search(rf"(?im)^\s*PREFIX\s+{re.escape(name)}:", query)]
    return "\n".join([*missing, query])


def select(endpoint: Endpoint, query: str) -> tuple[list[str], list[dict[str, dict[str, str]]]]:
    """Variables and bindings of a SELECT query, sent with the SPARQL 1.1 Protocol (POST, JSON results)."""
    body = urllib.parse.urlencode({"query": query}).encode("utf-8")
    answer = endpoint.request("SPARQL query", "POST", endpoint.url, body, {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json"})
    try:
        results = json.loads(answer)
        return list(results["head"]["vars"]), list(results["results"]["bindings"])
    except (ValueError, KeyError, TypeError) as exc:
        raise EndpointError(endpoint.url, "SPARQL query", 200, f"the answer is not SPARQL JSON results: {exc}") from exc


def remote_results(endpoint: Endpoint, name: str, bindings: dict[str, Term] | None = None) -> Results:
    """The results of a named query, its parameters bound as for the store, run by a remote endpoint."""
    query = with_prefixes(bind_parameters(name, bindings or {}))
    header, solutions = select(endpoint, query)
    return Results(tuple(header), tuple(tuple(term_of(solution.get(var)) for var in header) for solution in solutions))


def run_remote_query(endpoint: Endpoint, name: str, bindings: dict[str, Term] | None = None
                     ) -> tuple[list[str], list[list[str]]]:
    """Header and rows (plain strings, empty when unbound) of a named query, run by a remote endpoint."""
    results = remote_results(endpoint, name, bindings)
    return list(results.columns), results.plain_rows()


def term_of(term: dict[str, str] | None) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
    """A term of SPARQL JSON results as an RDF term (None when unbound).

    Virtuoso stores xsd:boolean as a number and answers "0" and "1": read here as the canonical
    "false" and "true", as every other store answers. No other value is touched.
    """
    if term is None:
        return None
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", value))
    if "xml:lang" in term:
        return ox.Literal(value, language=term["xml:lang"])
    if term.get("datatype") == XSD_BOOLEAN and value in {"0", "1"}:
        value = "true" if value == "1" else "false"
    return ox.Literal(value, datatype=ox.NamedNode(term["datatype"])) if "datatype" in term else ox.Literal(value)


def plain_value(term: dict[str, str] | None) -> str:
    """A term of SPARQL JSON results as the embedded store prints it (empty when unbound)."""
    return plain_term(term_of(term))
