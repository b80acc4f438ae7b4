"""Exports of the store, streamed so a store larger than memory still exports.

- N-Quads and N-Triples: every statement on its own line, sorted (byte-identical across re-builds).
  Sorting spills runs of lines to temporary files and merges them, so memory holds one run.
- Turtle: the merged default graph (each triple once, however many releases state it), from the
  same sorted lines, with readable prefixes: the ontology's, and one per kind of instance
  (``company:``, ``mine:``, ``person:`` ...).
- TriG and JSON-LD: one named graph per release, written one graph at a time (memory holds one
  release), graphs and statements in sorted order. JSON-LD is compacted with a context of the same
  prefixes.
- A bundle: a folder with the data in one of these formats, the ontology and the SHACL shapes beside
  it, and a README.txt saying how to load them together into GraphDB, Virtuoso or Jena.
"""

from __future__ import annotations

import heapq
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from itertools import groupby, islice
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import NoSpace, UnknownName, out_of_space
from kg.roles import ONTOLOGY
from kg.store import EXPORT_FORMATS, Store
from kg.terms import PREFIXES
from kg.validation import ACROSS_RELEASES, SHAPES_DIR, WITHIN_RELEASE

RUN_SIZE = 500_000  # lines sorted in memory at once
PARSE_BATCH = 10_000
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def export(store: Store, fmt: str, output: IO[bytes]) -> None:
    """Write the whole store to ``output`` in ``fmt`` (one of EXPORT_FORMATS)."""
    if fmt not in EXPORT_FORMATS:
        raise UnknownName("export format", fmt, sorted(EXPORT_FORMATS))
    if fmt == "nquads":
        write_lines(sorted_lines(f"{q} .\n" for q in store.all_quads()), output)
    elif fmt == "ntriples":
        write_lines(merged_triple_lines(store), output)
    elif fmt == "turtle":
        ox.serialize(parse_ntriples(merged_triple_lines(store)), output, ox.RdfFormat.TURTLE,
                     prefixes=export_prefixes(store))
    elif fmt == "trig":
        quads = (q for _, graph in graphs_in_order(store) for q in graph)
        ox.serialize(quads, output, ox.RdfFormat.TRIG, prefixes=export_prefixes(store))
    else:
        write_jsonld(graphs_in_order(store), export_prefixes(store), output)


@contextmanager
def replacing(path: Path) -> Iterator[IO[bytes]]:
    """A file to write ``path`` through: a temporary file beside it, renamed over ``path`` once written and synced.

    A failure on the way (a full disk, an interrupt) removes the temporary file and leaves ``path`` as it was,
    never truncated; a full disk is :class:`NoSpace`, naming ``path``.
    """
    folder = path.parent
    fd, staged = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(staged, file_mode(path))
        os.replace(staged, path)
    except BaseException as exc:
        Path(staged).unlink(missing_ok=True)
        full = out_of_space(exc)
        if full is not None:
            raise NoSpace(f"{path} (left as it was)", full) from exc
        raise


def file_mode(path: Path) -> int:
    """The permissions of ``path`` when it exists, else those a new file gets (the umask's)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# ------------------------------------------------------------- bundle

DATA_FILES = {"nquads": "data.nq", "trig": "data.trig", "turtle": "data.ttl", "jsonld": "data.jsonld",
              "ntriples": "data.nt"}
SHAPE_FILES = (*WITHIN_RELEASE, *ACROSS_RELEASES)


def write_bundle(store: Store, fmt: str, folder: Path) -> list[Path]:
    """Write the store's data in ``fmt``, the ontology, the SHACL shapes and a README.txt into ``folder``.

    Each file is written through :func:`replacing` (a temporary file renamed once complete), the README
    last; returns the files written, in that order.
    """
    if fmt not in EXPORT_FORMATS:
        raise UnknownName("export format", fmt, sorted(EXPORT_FORMATS))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    data = folder / DATA_FILES[fmt]
    with replacing(data) as handle:
        export(store, fmt, handle)
    written.append(data)
    for source in (ONTOLOGY, *(SHAPES_DIR / name for name in SHAPE_FILES)):
        with replacing(folder / source.name) as handle:
            handle.write(source.read_bytes())
        written.append(folder / source.name)
    readme = folder / "README.txt"
    with replacing(readme) as handle:
        handle.write(bundle_readme(fmt, instance_base(store)).encode("utf-8"))
    return [*written, readme]


def bundle_readme(fmt: str, base: str | None) -> str:
    """What each file of a bundle is, and how to load them together into GraphDB, Virtuoso and Jena."""
    data = DATA_FILES[fmt]
    merged = fmt in {"turtle", "ntriples"}
    graphs = ("one graph: the release graphs merged (each triple once)" if merged else
              f"one named graph per release, named {base or '{base}'}graph/{{release file}}")
    shapes = " ".join(SHAPE_FILES)
    return f"""A mining-kg bundle: the knowledge graph of mining news releases, with its ontology and SHACL shapes.

Files
  {data:<26} the data ({fmt}): {graphs}
  {ONTOLOGY.name:<26} the ontology (OWL, SKOS vocabularies of metrics, metals, units, roles), Turtle
  {SHAPE_FILES[0]:<26} SHACL shapes of each node kind (SHACL Core), Turtle
  {SHAPE_FILES[1]:<26} SHACL-SPARQL rules within one release (arithmetic, dates), Turtle
  {SHAPE_FILES[2]:<26} SHACL-SPARQL rules across releases (restatements, quarters adding up), Turtle
  README.txt                 this file

The data conforms to the shapes with the ontology beside it. The SPARQL-based rules (sh:sparql) need an
engine that runs SHACL-SPARQL (pySHACL with advanced=True, Jena); the SHACL Core shapes run anywhere.
Validate the data merged into one graph (the union of the release graphs).

pySHACL (it validates one graph: write the bundle with `kg export --bundle DIR --format turtle`)
  for shapes in {shapes}; do
    pyshacl -s $shapes -e {ONTOLOGY.name} -a -f human data.ttl
  done

GraphDB
  Create a repository with SHACL validation enabled; load the shapes first, into the named graph
  http://rdf4j.org/schema/rdf4j#SHACLShapeGraph (Workbench: Import > Server files or Upload, target graph
  "named graph"), then the ontology and the data:
    importrdf preload -i REPOSITORY {ONTOLOGY.name} {data}
  Named graphs of TriG and N-Quads are kept; the ontology goes to the default graph.

Virtuoso (isql-vt; this folder must be listed in DirsAllowed of virtuoso.ini)
  ld_dir('/path/to/this/folder', '{data}', '{base or 'https://w3id.org/mining-kg/id/'}');
  ld_dir('/path/to/this/folder', '{ONTOLOGY.name}', 'https://w3id.org/mining-kg/ontology');
  ld_dir('/path/to/this/folder', '*-shapes.ttl', 'https://w3id.org/mining-kg/shapes');
  ld_dir('/path/to/this/folder', 'rules-*.ttl', 'https://w3id.org/mining-kg/shapes');
  rdf_loader_run();
  SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;  -- rdf_loader_run does not fail
  TriG and N-Quads keep their named graphs (the third argument is the graph of triples without one).

Apache Jena
  tdb2.tdbloader --loc DB {data} {ONTOLOGY.name}
  riot --validate {data} {ONTOLOGY.name} {shapes}
  shacl validate --shapes {SHAPE_FILES[0]} --data data.ttl   (a merged graph: --format turtle)
  For queries over all release graphs, set tdb2:unionDefaultGraph true, or query with GRAPH ?g.
"""


# ------------------------------------------------------------ sorting

def sorted_lines(lines: Iterable[str], run_size: int = RUN_SIZE) -> Iterator[str]:
    """The lines in sorted order. Past ``run_size`` lines, sorted runs go to temporary files and are merged."""
    iterator = iter(lines)
    run = sorted(islice(iterator, run_size))
    if len(run) < run_size:
        yield from run
        return
    with ExitStack() as files:
        runs = []
        while run:
            file = files.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8", newline=""))
            file.writelines(run)
            file.seek(0)
            runs.append(file)
            run = sorted(islice(iterator, run_size))
        yield from heapq.merge(*runs)


def unique_sorted(lines: Iterable[str]) -> Iterator[str]:
    """Sorted lines with repeats dropped (repeats are adjacent)."""
    previous = None
    for line in lines:
        if line != previous:
            yield line
        previous = line


def merged_triple_lines(store: Store) -> Iterator[str]:
    """The triples of every graph, merged: sorted N-Triples lines, each once."""
    return unique_sorted(sorted_lines(f"{ox.Triple(q.subject, q.predicate, q.object)} .\n" for q in store.all_quads()))


def parse_ntriples(lines: Iterable[str]) -> Iterator[ox.Triple]:
    iterator = iter(lines)
    while batch := "".join(islice(iterator, PARSE_BATCH)):
        for triple in ox.parse(batch, format=ox.RdfFormat.N_TRIPLES):
            yield triple  # type: ignore[misc]


def write_lines(lines: Iterable[str], output: IO[bytes]) -> None:
    for line in lines:
        output.write(line.encode("utf-8"))


def graphs_in_order(store: Store) -> Iterator[tuple[ox.NamedNode | ox.DefaultGraph, list[ox.Quad]]]:
    """The default graph (when it holds anything), then each named graph, each with its quads sorted."""
    graphs: list[ox.NamedNode | ox.DefaultGraph] = [ox.DefaultGraph(), *store.graph_names()]
    for graph in graphs:
        quads = sorted(store.quads(graph), key=str)
        if quads:
            yield graph, quads


# ----------------------------------------------------------- prefixes

def export_prefixes(store: Store) -> dict[str, str]:
    """The ontology's prefixes, and a prefix per kind of instance IRI found under the store's base IRI."""
    prefixes = dict(PREFIXES)
    base = instance_base(store)
    if base is None:
        return prefixes
    kinds = set()
    for quad in store.all_quads():
        for term in (quad.subject, quad.object, quad.graph_name):
            if isinstance(term, ox.NamedNode) and term.value.startswith(base):
                kind, slash, _ = term.value[len(base):].partition("/")
                if slash:
                    kinds.add(kind)
    used = set(prefixes.values())
    for kind in sorted(kinds):
        if re.fullmatch(r"[a-z][a-z0-9_-]*", kind) and kind not in prefixes and f"{base}{kind}/" not in used:
            prefixes[kind] = f"{base}{kind}/"
    return prefixes


def instance_base(store: Store) -> str | None:
    """The base IRI instances were minted under: release graphs are named ``{base}graph/{release}``."""
    for graph in store.graph_names():
        head, found, _ = graph.value.rpartition("/graph/")
        if found:
            return head + "/"
    return None


# ------------------------------------------------------------ JSON-LD

def write_jsonld(graphs: Iterable[tuple[ox.NamedNode | ox.DefaultGraph, list[ox.Quad]]], prefixes: dict[str, str],
                 output: IO[bytes]) -> None:
    """A compacted JSON-LD document: the prefixes as its context, one ``@graph`` object per named graph."""
    by_length = sorted(prefixes.items(), key=lambda item: -len(item[1]))
    output.write(b'{"@context": ' + json.dumps(prefixes, indent=1).encode() + b',\n "@graph": [')
    first = True
    for graph, quads in graphs:
        nodes = [node_object(subject, [q for q in group], by_length) for subject, group in
                 groupby(quads, key=lambda q: q.subject)]
        objects = nodes if isinstance(graph, ox.DefaultGraph) else [{"@id": compact(graph, by_length), "@graph": nodes}]
        for item in objects:
            output.write(("\n  " if first else ",\n  ").encode() + json.dumps(item, ensure_ascii=False).encode("utf-8"))
            first = False
    output.write(b"\n]}\n")


def node_object(subject: ox.NamedNode | ox.BlankNode, quads: list[ox.Quad], prefixes: list[tuple[str, str]]) -> dict:
    node: dict = {"@id": compact(subject, prefixes)}
    for quad in quads:
        if quad.predicate.value == RDF_TYPE and not isinstance(quad.object, ox.Literal):
            node.setdefault("@type", []).append(compact(quad.object, prefixes))
        else:
            node.setdefault(compact(quad.predicate, prefixes), []).append(value_object(quad.object, prefixes))
    return node


def value_object(term: object, prefixes: list[tuple[str, str]]) -> dict[str, str]:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return {"@value": term.value}
        return {"@value": term.value, "@type": compact(term.datatype, prefixes)}
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return {"@id": compact(term, prefixes)}
    raise TypeError(f"cannot write {term!r} in JSON-LD")


def compact(term: object, prefixes: list[tuple[str, str]]) -> str:
    """``prefix:local`` for an IRI under a prefix (longest first), else the IRI; ``_:id`` for a blank node."""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.NamedNode):
        raise TypeError(f"cannot write {term!r} in JSON-LD")
    for name, namespace in prefixes:
        local = term.value[len(namespace):]
        if term.value.startswith(namespace) and local and not local.startswith("//"):
            return f"{name}:{local}"
    return term.value
