"""`kg push --prune`: the release graphs the store no longer holds leave the server; no other graph does.

Against real servers on loopback (an Oxigraph server and Virtuoso, see ``tests/servers.py``), as in
``tests/test_servers.py``: graphs of another namespace, of another base IRI, and a graph of ours that holds
no release, are put on the server beside the pushed releases and must survive every prune.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from servers import RunningServer, missing_reason, oxigraph_server, virtuoso_server

from kg.cli import main
from kg.remote import Endpoint, put_graph, select
from kg.store import Store

pytestmark = pytest.mark.servers

ID = "https://w3id.org/mining-kg/id/"
RELEASE = "<https://w3id.org/mining-kg/ontology#Release>"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
FOREIGN = {  # graph -> body: none of them may be dropped
    "https://example.org/other-project/graph/000_de8b326c4e62c9a5.txt":
        f"<https://example.org/r> {RDF_TYPE} {RELEASE} .\n",
    "https://other.example/id/graph/001_ffae4dc1ef82c25c.txt":  # another base IRI's release graph
        f"<https://other.example/id/release/x> {RDF_TYPE} {RELEASE} .\n",
    f"{ID}graph/loaded-by-hand":  # in our namespace, but no release in it
        "<https://example.org/s> <https://example.org/p> \"kept\" .\n",
}


@pytest.fixture(params=["oxigraph", "virtuoso"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    reason = missing_reason(request.param)
    if reason:
        pytest.skip(reason)
    start = oxigraph_server if request.param == "oxigraph" else virtuoso_server
    with start(tmp_path_factory.mktemp(request.param)) as running:
        yield running


def graphs_on(server: RunningServer) -> set[str]:
    """Every named graph on the server that holds a triple (Virtuoso's system graphs left out)."""
    _, rows = select(Endpoint(server.query_url), "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {r["g"]["value"] for r in rows if r["g"]["value"].startswith(("https://w3id.org/", "https://example.org/",
                                                                         "https://other.example/"))}


def push(runner: CliRunner, server: RunningServer, store: Path, *extra: str) -> str:
    env = {"KG_ENDPOINT_PASSWORD": server.password} if server.password else {}
    user = ["--user", server.user] if server.user else []
    result = runner.invoke(main, ["push", "--store", str(store), "--endpoint", server.store_url, *user, *extra], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_prune_drops_only_the_removed_release_graphs(server: RunningServer, built: Path, runner: CliRunner) -> None:
    endpoint = Endpoint(server.store_url, server.user, server.password)
    for graph, body in FOREIGN.items():
        put_graph(endpoint, graph, body.encode())
    releases = Store(built, read_only=True).releases()
    ours = {r.graph for r in releases.values()}
    assert len(ours) == 3

    output = push(runner, server, built, "--prune")
    assert "0 release graphs no longer in the store dropped" in output
    assert graphs_on(server) == ours | set(FOREIGN)

    removed = releases["000_de8b326c4e62c9a5.txt"].graph
    result = runner.invoke(main, ["remove", "000_de8b326c4e62c9a5.txt", "--store", str(built)])
    assert result.exit_code == 0, result.output
    assert graphs_on(server) == ours | set(FOREIGN), "a push without --prune leaves the removed release on the server"
    push(runner, server, built)
    assert removed in graphs_on(server)

    output = push(runner, server, built, "--prune")
    assert f"dropped {removed}\n" in output
    assert "1 release graphs no longer in the store dropped" in output
    assert graphs_on(server) == (ours - {removed}) | set(FOREIGN)

    output = push(runner, server, built, "--prune")  # nothing left to prune
    assert "0 release graphs no longer in the store dropped" in output and "2 release graphs" in output
    assert graphs_on(server) == (ours - {removed}) | set(FOREIGN)

