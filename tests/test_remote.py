"""The remote client's pure parts: parameters bound as VALUES, prefixes, plain values, URLs, credentials."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.queries import bind_values, query_text
from kg.remote import Endpoint, EndpointError, graph_url, plain_value, query_endpoint_for, with_prefixes


def test_bindings_go_first_in_the_outer_where_group() -> None:
    query = "# a WHERE { in a comment\nSELECT ?a ?b WHERE {\n  { SELECT ?a WHERE { ?a ?p ?o } }\n FILTER(?b) }"
    bound = bind_values(query, {"b": ox.Literal("x")})
    assert bound.startswith("# a WHERE { in a comment\nSELECT ?a ?b WHERE {\n  VALUES (?b) { (\"x\") }\n")
    assert bound.endswith("{ SELECT ?a WHERE { ?a ?p ?o } }\n FILTER(?b) }")


def test_a_parameter_cannot_escape_its_literal() -> None:
    evil = 'x" ) } } ; DROP ALL ; #\n\\'
    bound = bind_values(query_text("ceo_timeline"), {"role_pattern": ox.Literal(evil)})
    values_line = next(line for line in bound.splitlines() if "VALUES" in line)
    assert values_line == '  VALUES (?role_pattern) { ("x\\" ) } } ; DROP ALL ; #\\n\\\\") }'
    assert ox.Store().query(bound, substitutions=None) is not None  # still one well-formed query
    with pytest.raises(ValueError):
        ox.NamedNode("http://example.org/> } DROP ALL")


def test_no_bindings_leaves_the_query_alone_and_a_query_without_where_is_refused() -> None:
    assert bind_values("ASK { ?s ?p ?o }", {}) == "ASK { ?s ?p ?o }"
    with pytest.raises(KgError, match="no WHERE group"):
        bind_values("ASK { ?s ?p ?o }", {"s": ox.NamedNode("http://example.org/s")})


def test_prefixes_are_declared_once() -> None:
    query = "PREFIX mkg: <https://w3id.org/mining-kg/ontology#>\nSELECT * WHERE { ?s a mkg:Release }"
    full = with_prefixes(query)
    assert full.count("PREFIX mkg:") == 1 and "PREFIX prov: <http://www.w3.org/ns/prov#>" in full


def test_plain_values_are_what_the_embedded_store_prints() -> None:
    boolean = "http://www.w3.org/2001/XMLSchema#boolean"
    assert plain_value(None) == ""
    assert plain_value({"type": "typed-literal", "datatype": boolean, "value": "0"}) == "false"
    assert plain_value({"type": "typed-literal", "datatype": boolean, "value": "1"}) == "true"
    assert plain_value({"type": "typed-literal", "datatype": boolean, "value": "true"}) == "true"
    assert plain_value({"type": "literal", "value": "0"}) == "0"
    assert plain_value({"type": "uri", "value": "http://example.org/x"}) == "http://example.org/x"


def test_graph_url_encodes_the_graph_iri() -> None:
    assert graph_url("http://h:7878/store", "https://w3id.org/g/a#b") == \
        "http://h:7878/store?graph=https%3A%2F%2Fw3id.org%2Fg%2Fa%23b"
    assert graph_url("http://h/crud?x=1", "urn:g").endswith("/crud?x=1&graph=urn%3Ag")


def test_the_password_comes_from_the_environment_and_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD", raising=False)
    with pytest.raises(KgError, match=r"\$KG_ENDPOINT_PASSWORD holds no password"):
        Endpoint.with_password_from("http://h/sparql", "dba")
    monkeypatch.setenv("MY_SECRET", "s3cr3t")
    endpoint = Endpoint.with_password_from("http://h/sparql", "dba", "MY_SECRET")
    assert endpoint.password == "s3cr3t" and "s3cr3t" not in repr(endpoint)
    assert Endpoint.with_password_from("http://h/sparql", None).user is None


def test_an_unreachable_endpoint_is_named() -> None:
    with pytest.raises(EndpointError) as err:
        Endpoint("http://127.0.0.1:9/sparql").request("SPARQL query", "GET", "http://127.0.0.1:9/sparql")
    assert "http://127.0.0.1:9/sparql: SPARQL query failed (no answer)" in str(err.value)
    assert err.value.status is None


def test_prune_lists_graphs_at_the_query_endpoint_beside_the_graph_store() -> None:
    assert query_endpoint_for("http://h:7878/store") == "http://h:7878/query"
    assert query_endpoint_for("http://h:8890/sparql-graph-crud-auth") == "http://h:8890/sparql-auth"
    assert query_endpoint_for("http://h:8890/sparql-graph-crud") == "http://h:8890/sparql"
    with pytest.raises(KgError, match=r"http://h/gsp: cannot tell .* give it with --query-endpoint"):
        query_endpoint_for("http://h/gsp")


def test_a_transaction_the_server_killed_is_asked_again() -> None:
    """Virtuoso answers "SR175: Uniqueness violation. Transaction killed." under its own concurrent work: the request is
    sent again (up to three times), where any other server error is reported at once."""
    import http.server
    import threading

    answers = [(500, b"Virtuoso 23000 Error SR175: Uniqueness violation. Transaction killed."), (200, b"ok"),
               (500, b"Virtuoso 37000 Error SP030: SPARQL compiler, syntax error")]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            status, body = answers.pop(0)
            self.send_response(status)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/sparql"
    try:
        assert Endpoint(url).request("SPARQL query", "GET", url) == b"ok"
        with pytest.raises(EndpointError, match="SP030"):
            Endpoint(url).request("SPARQL query", "GET", url)
    finally:
        server.shutdown()
