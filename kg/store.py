"""The persistent, embedded RDF store: an Oxigraph database on disk.

One named graph per release. Replacing a release's graph is a single SPARQL
update, so it is atomic: a failed or killed build leaves either the old graph
or the new one, never half of either.

A shard of many releases is bulk-loaded instead (``load_shard``), which is
about three times faster but not atomic. Its graphs are first named in an
intent file in the store directory (written and fsynced), then dropped,
loaded and flushed, and only then is the intent removed. A store opened for
writing with an intent still there (the build was killed mid-load) drops
those graphs before anything else: they are absent, so the next build
ingests them again. A read-only open refuses such a store.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.errors import NoSpace, StoreError, UnknownName, out_of_space
from kg.rdf import Triple
from kg.terms import PREFIXES

FLUSH_EVERY = 50  # releases written between flushes: without them a build's memory grows with the store
DEFAULT_STORE = Path(os.environ.get("KG_STORE", ".kg-store"))
INTENT = "kg-bulk-load.intent"  # in the store directory while a shard is being loaded

EXPORT_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def to_ox(term: URIRef | Literal) -> ox.NamedNode | ox.Literal:
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.NamedNode(str(term))


_STRING_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def nt_term(term: URIRef | Literal) -> str:
    """A term in N-Triples syntax, written directly (a tenth of the cost of going through pyoxigraph terms).

    IRIs are written as they are: kg mints them (see :mod:`kg.terms`), and the store refuses
    an invalid one when the graph is loaded.
    """
    if isinstance(term, Literal):
        quoted = f'"{str.__str__(term).translate(_STRING_ESCAPES)}"'
        if term.language:
            return f"{quoted}@{term.language}"
        if term.datatype is not None and str.__str__(term.datatype) != _XSD_STRING:
            return f"{quoted}^^<{term.datatype}>"
        return quoted
    return f"<{term}>"


def ntriples(triples: Iterable[Triple]) -> str:
    """Triples as N-Triples lines, in their order."""
    return "".join(f"<{s}> <{p}> {nt_term(o)} .\n" for s, p, o in triples)


@dataclass(frozen=True)
class StoredRelease:
    name: str
    sha256: str
    tool_version: str
    graph: str


class Store:
    """A release-per-graph RDF store on disk."""

    def __init__(self, path: Path | None, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._unflushed = 0  # releases written since the last flush
        if path is None:
            self._db = ox.Store()  # in memory
            return
        try:
            if read_only:
                if not path.exists():
                    raise StoreError(f"no store at {path}: run `kg build DOCS --store {path}` first")
                self._db = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._db = ox.Store(str(path))
        except (OSError, RuntimeError) as exc:  # RocksDB says "Corruption" when a writer compacts under a reader
            raise StoreError(f"cannot open the store at {path}: {exc} (is another kg process using it?)") from exc
        if read_only and self.pending_load() is not None:
            del self._db
            raise StoreError(f"the store at {path} has a bulk load in progress, or one a killed build left unfinished: "
                             "try again when `kg build` ends (any `kg build` on it rolls a killed load back)")
        if not read_only:
            self.roll_back_load()

    # ----------------------------------------------------------- releases

    def releases(self) -> dict[str, StoredRelease]:
        """The releases in the store, by name (the file's path relative to the folder built)."""
        query = """
            SELECT ?g ?name ?sha ?version WHERE { GRAPH ?g {
              ?r a mkg:Release ; mkg:fileName ?name ; mkg:sha256 ?sha .
              OPTIONAL { ?a prov:used ?r ; mkg:toolVersion ?version } } }"""
        out = {}
        for row in self.select(query):
            name = row["name"].value
            out[name] = StoredRelease(name, row["sha"].value, row["version"].value if row["version"] else "",
                                      row["g"].value)
        return out

    def replace_release(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Drop the release's graph and write the new one, in one transaction."""
        self.write_release(graph, ntriples(triples))

    def write_release(self, graph: URIRef, body: str, replacing: str | None = None) -> None:
        """Write a release's graph given as N-Triples, replacing the old one, in one transaction.

        A new graph is loaded directly (one transaction, no query to parse);
        a graph already in the store is dropped and rewritten by one SPARQL update,
        which also drops ``replacing``, the graph the release was stored in before (under another IRI).
        """
        g = ox.NamedNode(str(graph))
        old = ox.NamedNode(replacing) if replacing else None
        try:
            if self._db.contains_named_graph(g) or old is not None:
                drop = f"DROP SILENT GRAPH {old} ;\n" if old is not None else ""
                self._db.update(f"{drop}DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")
            else:
                self._db.load(body.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=g)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write graph {graph}: {exc}") from exc
        self._unflushed += 1
        if self._unflushed >= FLUSH_EVERY:  # RocksDB keeps every transaction in memory until a flush
            self.flush()

    def flush(self) -> None:
        """Write what is in memory to disk; a full disk is :class:`NoSpace`, naming the store."""
        try:
            self._db.flush()
        except OSError as exc:
            full = out_of_space(exc)
            if full is not None:
                raise NoSpace(f"the store at {self.path or 'memory'}", full) from exc
            raise StoreError(f"cannot write the store at {self.path}: {exc}") from exc
        self._unflushed = 0

    # ------------------------------------------------------- bulk loading

    def load_shard(self, shard: Path, graphs: list[str], stale: Iterable[str] = ()) -> None:
        """Bulk-load ``shard`` (N-Quads, all of them in ``graphs``), replacing those graphs and dropping ``stale``
        (where some of its releases were stored before, under other IRIs); never half of it stays.

        The intent is recorded durably before the store changes and removed once the load is flushed, so
        a build killed at any point leaves each of ``graphs`` either whole or absent once the store is
        opened again. A load that fails here is rolled back at once.
        """
        nodes = [ox.NamedNode(g) for g in graphs]
        self._record_intent(graphs, [g for g, node in zip(graphs, nodes) if self._db.contains_named_graph(node)])
        try:
            self._drop(nodes + [ox.NamedNode(g) for g in stale])
            self._bulk_load(shard)
            self.flush()
        except (OSError, SyntaxError, ValueError) as exc:
            self.roll_back_load()
            raise StoreError(f"cannot bulk-load {shard}: {exc}") from exc
        self._clear_intent()

    def pending_load(self) -> list[str] | None:
        """The graphs of a bulk load begun and not finished, or None."""
        if self.path is None:
            return None
        try:
            return list(json.loads((self.path / INTENT).read_text(encoding="utf-8"))["graphs"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError) as exc:
            raise StoreError(f"cannot read {self.path / INTENT}: {exc}; if no build is running, restore the store "
                             "from a backup or rebuild it") from exc

    def roll_back_load(self) -> None:
        """Drop the graphs of an unfinished bulk load (a killed build's): they are re-ingested by the next build."""
        graphs = self.pending_load()
        if graphs is not None:
            self._drop([ox.NamedNode(g) for g in graphs])
            self.flush()
            self._clear_intent()

    def _record_intent(self, graphs: list[str], replacing: list[str]) -> None:
        if self.path is None:
            return  # in memory: a killed build leaves nothing anyway
        staged = self.path / (INTENT + ".tmp")
        with staged.open("w", encoding="utf-8") as out:
            json.dump({"graphs": graphs, "replacing": replacing}, out, indent=0)
            out.flush()
            os.fsync(out.fileno())
        os.replace(staged, self.path / INTENT)
        self._sync_directory()

    def _clear_intent(self) -> None:
        if self.path is not None:
            (self.path / INTENT).unlink(missing_ok=True)
            self._sync_directory()

    def _sync_directory(self) -> None:
        assert self.path is not None
        fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def _drop(self, graphs: list[ox.NamedNode]) -> None:
        if graphs:
            self._db.update(" ;\n".join(f"DROP SILENT GRAPH {g}" for g in graphs))

    def _bulk_load(self, shard: Path) -> None:
        self._db.bulk_load(path=str(shard), format=ox.RdfFormat.N_QUADS)

    def remove_release(self, name: str) -> StoredRelease:
        """Drop a release given by its name, its graph IRI, or its name or file name without the suffix
        (``a/release`` or ``release``); a name that fits several releases lists them."""
        stored = self.releases()
        match = stored.get(name)
        if match is None:
            fits = sorted((r for r in stored.values() if name in (r.graph, str(Path(r.name).with_suffix("")),
                                                                  Path(r.name).stem)), key=lambda r: r.name)
            if len(fits) > 1:
                raise StoreError(f"{name!r} fits {len(fits)} releases: {', '.join(r.name for r in fits)}; "
                                 "give the one to remove by its name")
            match = fits[0] if fits else None
        if match is None:
            raise UnknownName("release", name, sorted(stored))
        self._drop([ox.NamedNode(match.graph)])
        return match

    def close(self) -> None:
        """Release the database now, not when the object is collected: a failed command's traceback may keep it alive."""
        if self.path is not None and hasattr(self, "_db"):
            if not self.read_only:
                self._db.flush()
            del self._db

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backup(self, target: Path) -> None:
        """Copy the store into ``target`` (a new directory; hard links where it can), usable on its own."""
        try:
            self._db.backup(str(target))
        except OSError as exc:
            raise StoreError(f"cannot copy the store {self.path} to {target}: {exc}") from exc

    # ------------------------------------------------------------- reading

    @classmethod
    def in_memory(cls, triples: Iterable[Triple] = (), graph: URIRef | None = None) -> Store:
        """A store in memory, holding ``triples`` in ``graph`` (the default graph when None)."""
        return cls.from_ntriples(ntriples(triples), graph)

    @classmethod
    def from_ntriples(cls, body: str, graph: URIRef | None = None) -> Store:
        """A store in memory, holding the N-Triples ``body`` in ``graph`` (the default graph when None)."""
        store = cls(None)
        store._db.load(body.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES,
                       to_graph=ox.NamedNode(str(graph)) if graph is not None else ox.DefaultGraph())
        return store

    def select(self, query: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None,
               graph: str | None = None) -> Iterator[dict]:
        """Rows of a SELECT query, as dicts of terms (None when unbound).

        The query's default graph is the union of all release graphs, or the
        named ``graph`` alone when one is given.
        """
        results = self.raw_query(query, bindings, graph)
        if not isinstance(results, ox.QuerySolutions):
            raise StoreError("not a SELECT query")
        names = [v.value for v in results.variables]
        for solution in results:
            yield {name: solution[name] for name in names}

    def raw_query(self, query: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None,  # type: ignore[no-untyped-def]
                  graph: str | None = None):
        prefixes = dict(PREFIXES)
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            if graph is not None:
                return self._db.query(query, prefixes=prefixes, default_graph=ox.NamedNode(graph),
                                      substitutions=substitutions or None)
            return self._db.query(query, prefixes=prefixes, use_default_graph_as_union=True,
                                  substitutions=substitutions or None)
        except SyntaxError as exc:
            raise StoreError(f"query does not parse: {' '.join(str(exc).split())}") from exc
        except RuntimeError as exc:
            raise StoreError(f"cannot run the query: {exc} (parameters must be variables the query selects)") from exc

    def quads(self, graph: str | ox.NamedNode | ox.DefaultGraph) -> Iterator[ox.Quad]:
        """The quads of one graph (a named graph's IRI, or the default graph)."""
        name = ox.NamedNode(graph) if isinstance(graph, str) else graph
        return iter(self._db.quads_for_pattern(None, None, None, name))

    def graph_ntriples(self, graph: str) -> str:
        """One named graph as sorted N-Triples lines."""
        dump = self._db.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph)) or b""
        return "".join(sorted(dump.decode("utf-8").splitlines(keepends=True)))

    def all_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store, streamed."""
        return iter(self._db)

    def graph_names(self) -> list[ox.NamedNode]:
        """The named graphs, sorted."""
        return sorted((g for g in self._db.named_graphs() if isinstance(g, ox.NamedNode)), key=str)

    def quad_count(self) -> int:
        return len(self._db)

    def export(self, fmt: str, output: IO[bytes]) -> None:
        """Write the store in ``fmt``, streamed (see :mod:`kg.exports`)."""
        from kg.exports import export  # the exports build on this class

        export(self, fmt, output)
