"""Real triple stores: push the seeds' graph to an Oxigraph server and to Virtuoso, run every query on each.

No mocks: each server runs on loopback on a random free port, in a throwaway directory (see
``tests/servers.py``). Selected by ``-m servers``; part of ``make test``, which installs what they need
(``.ci/install-servers``). A test skips, naming what to install, only when its server is not installed.

Rows are compared as multisets: rows that tie on a query's ORDER BY come in any order, and the
stores order them differently (the SPARQL spec leaves it open).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from servers import (
    RunningServer,
    free_port,
    missing_reason,
    oxigraph_server,
    virtuoso_server,
    wait_until_answers,
)

from kg.cli import main
from kg.pipeline import build
from kg.queries import parse_binding, query_names, run_query
from kg.remote import (
    Endpoint,
    EndpointError,
    graph_as_ntriples,
    push_store,
    put_graph,
    run_remote_query,
    select,
)
from kg.store import Store

pytestmark = pytest.mark.servers

# A copy of a seed, a week later, restating one figure: so conflicting_figures has rows. (A later date,
# not the same one: production_by_quarter samples one value among releases of the latest date.)
RESTATED = "003_restated_copy.txt"
TRICKY_GRAPH = "https://w3id.org/mining-kg/id/graph/tricky-literal-test"
TRICKY_PREDICATE = "https://example.org/test#text"


def tricky_literal() -> str:
    """Quotes, backslashes, newlines, tabs, accents, a character outside the BMP; 10,000 characters in all."""
    head = 'He said "yes" \'no\' \\ C:\\path\\n (not a newline) \n new line\r\n\ttab; Québec, Noël, São Paulo, Zürich, “curly” — 𝛼 '
    return (head * (10_000 // len(head) + 1))[:10_000]


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("releases")
    for path in SAMPLES.iterdir():
        shutil.copy(path, folder / path.name)
    restated = (SAMPLES / "001_ffae4dc1ef82c25c.txt").read_text(encoding="utf-8")
    assert "51,168\t52,067\n" in restated and "January 14, 2003" in restated
    restated = restated.replace("51,168\t52,067\n", "51,168\t52,076\n").replace("January 14, 2003", "January 21, 2003")
    (folder / RESTATED).write_text(restated, encoding="utf-8")
    path = tmp_path_factory.mktemp("store") / "store"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        with Store(path) as store:
            report = build([folder], store)
    assert report.ok and len(report.ingested) == 4
    return path


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    reason = missing_reason(request.param)
    if reason:
        pytest.skip(reason)
    start = oxigraph_server if request.param == "oxigraph" else virtuoso_server
    with start(tmp_path_factory.mktemp(request.param)) as running:
        yield running


@pytest.fixture(scope="module")
def pushed(server: RunningServer, seeds_store: Path) -> RunningServer:
    store = Store(seeds_store, read_only=True)
    pushed = dict(push_store(store, store_endpoint(server)))
    assert sorted(pushed) == sorted(store.releases())
    return server


def store_endpoint(server: RunningServer) -> Endpoint:
    return Endpoint(server.store_url, server.user, server.password)


def query_endpoint(server: RunningServer) -> Endpoint:
    return Endpoint(server.query_url)


def triples_per_graph(server: RunningServer, graphs: list[str]) -> dict[str, int]:
    values = " ".join(f"<{g}>" for g in graphs)
    _, rows = select(query_endpoint(server),
                     f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g")
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


def local_triples_per_graph(store: Store) -> dict[str, int]:
    return {r.graph: sum(1 for _ in store.quads(r.graph)) for r in store.releases().values()}


# Every query, with its parameters where it takes some (each once unbound as well).
QUERY_RUNS = [(name, ()) for name in query_names()] + [
    ("ceo_timeline", ("role_pattern=CEO|Chief Executive",)),
    ("figure_lineage", ("site=Lac des Iles", "period=2003-Q3", "metric=production", "metal=palladium")),
    ("figure_lineage", ("period=2002-Q4", "metric=production")),
    ("fact_lineage", ("fact=FIRST_FACT",)),
]


@pytest.mark.parametrize("name,params", QUERY_RUNS, ids=[f"{n}{'-bound' if p else ''}" for n, p in QUERY_RUNS])
def test_every_query_gives_the_embedded_store_rows(pushed: RunningServer, seeds_store: Path, name: str,
                                                    params: tuple[str, ...]) -> None:
    store = Store(seeds_store, read_only=True)
    if params == ("fact=FIRST_FACT",):
        params = (f"fact=<{run_query(store, 'facts')[1][0][-1]}>",)
    bindings = dict(parse_binding(p) for p in params)
    header, rows = run_query(store, name, bindings)
    remote_header, remote_rows = run_remote_query(query_endpoint(pushed), name, bindings)
    assert remote_header == header
    assert rows, f"{name} has no rows on the seeds: the comparison would prove nothing"
    assert Counter(map(tuple, remote_rows)) == Counter(map(tuple, rows))


def test_push_again_replaces_each_graph_and_nothing_else(pushed: RunningServer, seeds_store: Path,
                                                          tmp_path: Path) -> None:
    store = Store(seeds_store, read_only=True)
    expected = local_triples_per_graph(store)
    graphs = sorted(expected)
    assert triples_per_graph(pushed, graphs) == expected
    assert [n for _, n in push_store(store, store_endpoint(pushed))] == [expected[g] for g in graphs]
    assert triples_per_graph(pushed, graphs) == expected  # idempotent

    smaller = graphs[0]
    put_graph(store_endpoint(pushed), smaller, graph_as_ntriples(store, smaller).split(b"\n", 10)[-1])
    assert triples_per_graph(pushed, graphs) == {**expected, smaller: expected[smaller] - 10}
    dict(push_store(store, store_endpoint(pushed)))
    assert triples_per_graph(pushed, graphs) == expected


def test_tricky_literal_survives_the_server(pushed: RunningServer) -> None:
    text = tricky_literal()
    subject = ox.NamedNode("https://example.org/test#s")
    triples = [ox.Triple(subject, ox.NamedNode(TRICKY_PREDICATE), ox.Literal(text)),
               ox.Triple(subject, ox.NamedNode(TRICKY_PREDICATE), ox.Literal(text[:500], language="fr-CA"))]
    body = "".join(f"{t} .\n" for t in triples).encode("utf-8")
    put_graph(store_endpoint(pushed), TRICKY_GRAPH, body)
    _, rows = select(query_endpoint(pushed),
                     f"SELECT ?o WHERE {{ GRAPH <{TRICKY_GRAPH}> {{ ?s <{TRICKY_PREDICATE}> ?o }} }}")
    # language tags are case-insensitive (RDF 1.1): Oxigraph answers fr-ca
    got = sorted(((r["o"]["value"], r["o"].get("xml:lang", "").lower()) for r in rows), key=lambda r: len(r[0]))
    assert got == [(text[:500], "fr-ca"), (text, "")]


def test_cli_push_and_remote_query_print_what_the_store_prints(pushed: RunningServer, seeds_store: Path) -> None:
    runner = CliRunner()
    env = {"KG_ENDPOINT_PASSWORD": pushed.password} if pushed.password else {}
    user = ["--user", pushed.user] if pushed.user else []
    result = runner.invoke(main, ["push", "--store", str(seeds_store), "--endpoint", pushed.store_url, *user], env=env)
    assert result.exit_code == 0, result.output
    assert "4 release graphs" in result.output
    assert not pushed.password or pushed.password not in result.output
    local = runner.invoke(main, ["query", "ceo_timeline", "--store", str(seeds_store), "--format", "csv", "-p", "role_pattern=CEO"])
    remote = runner.invoke(main, ["query", "ceo_timeline", "--endpoint", pushed.query_url, "--format", "csv", "-p", "role_pattern=CEO"])
    assert remote.exit_code == 0, remote.output
    assert remote.stdout.count("\n") > 2
    assert sorted(remote.stdout.splitlines()) == sorted(local.stdout.splitlines())


def test_refused_request_names_the_endpoint_and_status_not_the_password(pushed: RunningServer,
                                                                         seeds_store: Path) -> None:
    store = Store(seeds_store, read_only=True)
    graph = sorted(store.releases().values(), key=lambda r: r.name)[0].graph
    with pytest.raises(EndpointError) as err:
        put_graph(store_endpoint(pushed), graph, b'<https://example.org/s> <https://example.org/p> "unterminated .\n')
    assert pushed.store_url in str(err.value) and err.value.status is not None and err.value.status >= 400
    with pytest.raises(EndpointError) as err:
        run_remote_query(Endpoint(pushed.query_url.rsplit("/", 1)[0] + "/no-such-endpoint"), "releases")
    assert err.value.status == 404 and "no-such-endpoint" in str(err.value)
    if pushed.user:
        wrong = Endpoint(pushed.store_url, pushed.user, "not-the-password")
        with pytest.raises(EndpointError) as err:
            put_graph(wrong, graph, graph_as_ntriples(store, graph))
        assert err.value.status == 401 and "not-the-password" not in str(err.value) + repr(wrong)
        assert "KG_ENDPOINT_PASSWORD" in str(err.value)
        assert triples_per_graph(pushed, [graph]) == {graph: local_triples_per_graph(store)[graph]}


def test_serve_answers_the_queries_from_a_snapshot(seeds_store: Path, tmp_path: Path) -> None:
    reason = missing_reason("oxigraph")
    if reason:
        pytest.skip(reason)
    port = free_port()
    kg = str(Path(sys.executable).parent / "kg")
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen([kg, "serve", "--store", str(seeds_store), "--port", str(port)], stdout=out,
                                   stderr=subprocess.STDOUT, env={**os.environ, "KG_STORE": ""})
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/query", process, log)
        store = Store(seeds_store, read_only=True)
        endpoint = Endpoint(f"http://127.0.0.1:{port}/query")
        for name in ("releases", "facts", "production_by_quarter"):
            header, rows = run_query(store, name)
            remote_header, remote_rows = run_remote_query(endpoint, name)
            assert remote_header == header and Counter(map(tuple, remote_rows)) == Counter(map(tuple, rows))
        _, union = select(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # the union default graph
        assert int(union[0]["n"]["value"]) > 0
        with Store(seeds_store) as writer:  # the store itself stays free for writers while served
            assert writer.releases()
    finally:
        process.terminate()
        assert process.wait(timeout=30) == 0
    assert not list(seeds_store.parent.glob(".kg-serve-*")), "the snapshot is deleted when the server stops"
    assert "serving" in log.read_text()

