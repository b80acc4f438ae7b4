"""The entity network: which entities and relations it holds, GraphML and GEXF files, and kg stats."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.network import entity_graph, summarise
from kg.store import Store

ID = "https://w3id.org/mining-kg/id/"


@pytest.fixture
def network(built: Path) -> nx.MultiDiGraph:
    return entity_graph(Store(built, read_only=True))


def test_every_kind_of_entity_is_a_node(network: nx.MultiDiGraph) -> None:
    kinds = {data["kind"] for _, data in network.nodes(data=True)}
    assert kinds == {"company", "mine", "property", "person", "agreement", "incident", "release"}
    assert network.nodes[f"{ID}company/inco"] == {"kind": "company", "label": "Inco"}
    assert sum(1 for _, d in network.nodes(data=True) if d["kind"] == "release") == 3


def test_relations_between_entities(network: nx.MultiDiGraph) -> None:
    relations = {(network.nodes[a]["label"], key, network.nodes[b]["label"]) for a, b, key in network.edges(keys=True)}
    assert ("Inco", "party", "option and joint venture") not in relations  # edges keep the ontology's direction
    assert ("option and joint venture", "party", "Inco") in relations
    assert ("option and joint venture", "mineralProperty", "Conacher") in relations
    assert ("Lac des Iles", "operatedBy", "North American Palladium Ltd.") in relations
    assert ("André J. Douchane", "member", "North American Palladium Ltd.") in relations
    assert ("André J. Douchane", "named_in", "000_de8b326c4e62c9a5.txt") in relations
    member = network.get_edge_data(f"{ID}person/andre-douchane", f"{ID}company/north-american-palladium", "member")
    assert member["role"] == "President & CEO" and member["weight"] == 1
    reported = [d for _, b, k, d in network.out_edges(f"{ID}mine/lac-des-iles", keys=True, data=True) if k == "reported_in"]
    assert len(reported) == 2 and all(d["weight"] > 5 for d in reported)


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_files_read_back_in_networkx(runner: CliRunner, built: Path, tmp_path: Path, fmt: str, read) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"net.{fmt}"
    result = runner.invoke(main, ["graph", "--store", str(built), "--format", fmt, "-o", str(path)])
    assert result.exit_code == 0, result.output
    original = entity_graph(Store(built, read_only=True))
    assert f"{original.number_of_nodes()} entities, {original.number_of_edges()} relations" in result.output
    back = read(path)
    assert back.number_of_nodes() == original.number_of_nodes()
    assert back.number_of_edges() == original.number_of_edges()
    inco = back.nodes[f"{ID}company/inco"]
    assert inco["kind"] == "company" and inco["label"] == "Inco"
    first = path.read_bytes()
    runner.invoke(main, ["graph", "--store", str(built), "--format", fmt, "-o", str(path)])
    if fmt == "graphml":  # GEXF records the day it was written
        assert path.read_bytes() == first


def test_stats_report_components_and_most_connected(runner: CliRunner, built: Path, network: nx.MultiDiGraph) -> None:
    summary = summarise(network)
    assert summary.components == nx.number_weakly_connected_components(network)
    assert summary.most_connected[0] == ("North American Palladium Ltd.", "company",
                                         len(set(nx.Graph(network.to_undirected()).neighbors(f"{ID}company/north-american-palladium"))))
    result = runner.invoke(main, ["stats", "--store", str(built)])
    assert result.exit_code == 0
    assert "releases  3" in result.output
    assert f"connected components  {summary.components} (the largest has {summary.largest_component} entities)" in result.output
    assert f"{summary.most_connected[0][2]:>8}  North American Palladium Ltd. (company)" in result.output
