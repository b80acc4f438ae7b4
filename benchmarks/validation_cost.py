"""Validation cost: kg's scheme against pySHACL on the merged graph, on synthetic corpora of growing size.

kg's scheme: pySHACL with the core shapes on each release's named graph alone, and every SHACL-SPARQL
constraint run by Oxigraph as one query (within each release graph, then across the store). The baseline:
pySHACL with all shapes on one rdflib graph merging every release. Both see the same shapes and data.

    .venv/bin/python benchmarks/validation_cost.py 10 20 40 80
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from pyshacl import validate
from rdflib import Graph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus

from kg.pipeline import build
from kg.store import Store
from kg.validation import load_shapes, release_triples_in_store, validate_store


def measure(n: int, work: Path) -> tuple[int, int, float, float, int, int]:
    store = Store(work / f"store-{n}")
    build([*write_corpus(work / f"corpus-{n}", n)], store, validate=False)
    start = time.perf_counter()
    ours = validate_store(store)
    ours_s = time.perf_counter() - start
    merged = Graph()
    for release in store.releases().values():
        for triple in release_triples_in_store(store, release.graph):
            merged.add(triple)
    start = time.perf_counter()
    _conforms, results, _text = validate(merged, shacl_graph=load_shapes(), inference="none", advanced=True,
                                         allow_warnings=True)
    baseline_s = time.perf_counter() - start
    baseline_results = len(set(results.subjects(None, None))) - 1
    return n, len(merged), ours_s, baseline_s, len(ours.findings), baseline_results


def main(sizes: list[int]) -> None:
    print("| releases | triples | kg (s) | pySHACL merged (s) | ratio | kg results | pySHACL results |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            n, triples, ours, baseline, ours_results, baseline_results = measure(n, Path(tmp))
            print(f"| {n} | {triples} | {ours:.2f} | {baseline:.2f} | {baseline / ours:.1f}x | {ours_results} | "
                  f"{baseline_results} |", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 20, 40])
