"""`kg export --bundle DIR`: the data with the ontology and the SHACL shapes beside it, and a README on loading them.

The bundle stands on its own: it loads into pyoxigraph and rdflib, and the data passes the bundled shapes
with pySHACL and the bundled ontology (no file of this repository is read).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from pyshacl import validate

from kg.cli import main
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHAPES = ("mining-shapes.ttl", "rules-within-release.ttl", "rules-across-releases.ttl")
MKG = rdflib.Namespace("https://w3id.org/mining-kg/ontology#")


def bundle(runner: CliRunner, store: Path, folder: Path, fmt: str) -> Path:
    result = runner.invoke(main, ["export", "--store", str(store), "--format", fmt, "--bundle", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


def merged(folder: Path, data: str) -> rdflib.Graph:
    dataset = rdflib.Dataset()
    dataset.parse(folder / data, format="trig" if data.endswith(".trig") else "nquads")
    graph = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def shapes_of(folder: Path, names: tuple[str, ...] = SHAPES) -> rdflib.Graph:
    shapes = rdflib.Graph()
    for name in names:
        shapes.parse(folder / name, format="turtle")
    return shapes


def test_the_bundle_holds_the_data_the_ontology_the_shapes_and_a_readme(built: Path, runner: CliRunner,
                                                                       tmp_path: Path) -> None:
    folder = bundle(runner, built, tmp_path / "out" / "bundle", "trig")
    assert sorted(p.name for p in folder.iterdir()) == sorted(["data.trig", "mining.ttl", *SHAPES, "README.txt"])
    assert (folder / "mining.ttl").read_bytes() == (ROOT / "ontology" / "mining.ttl").read_bytes()
    for name in SHAPES:
        assert (folder / name).read_bytes() == (ROOT / "shapes" / name).read_bytes()
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    for word in ("data.trig", "mining.ttl", *SHAPES, "GraphDB", "Virtuoso", "Jena", "ld_dir", "importrdf",
                 "tdb2.tdbloader", "https://w3id.org/mining-kg/id/graph/"):
        assert word in readme

    loaded = ox.Store()  # every file parses, and the data keeps one named graph per release
    loaded.load(path=str(folder / "data.trig"), format=ox.RdfFormat.TRIG)
    store = Store(built, read_only=True)
    assert len(loaded) == store.quad_count()
    assert {g.value for g in loaded.named_graphs()} == {r.graph for r in store.releases().values()}
    for name in ("mining.ttl", *SHAPES):
        loaded.load(path=str(folder / name), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(f"urn:bundle:{name}"))


def test_the_data_passes_the_bundled_shapes_with_the_bundled_ontology(built: Path, runner: CliRunner,
                                                                     tmp_path: Path) -> None:
    folder = bundle(runner, built, tmp_path / "bundle", "trig")
    data = merged(folder, "data.trig")
    ontology = rdflib.Graph().parse(folder / "mining.ttl", format="turtle")
    conforms, _, text = validate(data, shacl_graph=shapes_of(folder), ont_graph=ontology, advanced=True)
    assert conforms, text

    release = next(data.subjects(rdflib.RDF.type, MKG.Release))  # the shapes have teeth: break one release
    data.remove((release, MKG.fileName, None))
    conforms, _, text = validate(data, shacl_graph=shapes_of(folder, SHAPES[:1]), ont_graph=ontology)
    assert not conforms and "fileName" in text


def test_a_bundle_in_nquads_holds_what_kg_export_writes(built: Path, runner: CliRunner, tmp_path: Path) -> None:
    folder = bundle(runner, built, tmp_path / "bundle", "nquads")
    exported = runner.invoke(main, ["export", "--store", str(built), "--format", "nquads"])
    assert exported.exit_code == 0
    assert (folder / "data.nq").read_bytes() == exported.stdout_bytes
    assert not list(folder.glob(".*.partial")), "written through temporary files, none left behind"
    again = bundle(runner, built, folder, "nquads")  # writing again over a bundle replaces its files
    assert (again / "data.nq").read_bytes() == exported.stdout_bytes


def test_bundle_and_output_are_exclusive(built: Path, runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["export", "--store", str(built), "--bundle", str(tmp_path / "b"),
                                  "-o", str(tmp_path / "x.nq")])
    assert result.exit_code == 2 and "not both" in result.output
    assert not (tmp_path / "b").exists() and not (tmp_path / "x.nq").exists()


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld"])
def test_every_export_format_makes_a_bundle(built: Path, runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    folder = bundle(runner, built, tmp_path / "bundle", fmt)
    data = {"turtle": "data.ttl", "ntriples": "data.nt", "jsonld": "data.jsonld"}[fmt]
    assert (folder / data).stat().st_size > 0 and data in (folder / "README.txt").read_text(encoding="utf-8")
