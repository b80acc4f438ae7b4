"""Speed at corpus scale: kg against a naive rdflib + pySHACL baseline, on synthetic corpora.

For each size: the corpus is written (streaming), ``kg build --jobs J`` runs end to end in a child
process (wall time, peak RSS of its process tree), ``kg validate`` re-validates the store, and each query
in ``queries/`` runs on the store (median of three). Stage rates are measured in this process on a sample:
extraction (read, extract, triples) per core, and quads/s written into Oxigraph.

The baseline does the same work the naive way: the same extraction, the triples added to an rdflib
in-memory Dataset (one graph per release), pySHACL with all shapes on the merged graph, and the same
queries through rdflib's SPARQL. It runs on at most ``--baseline-size`` releases, in a child process
capped by ``--timeout`` (reported as "> N s" when it does not finish). Every figure is also a ratio.

    .venv/bin/python benchmarks/run.py --sizes 1000,10000 --jobs 2
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_releases

from kg.engines import default_jobs
from kg.pipeline import ExtractionSettings, extract_release, extraction_time, release_files
from kg.queries import query_names, query_text, run_query
from kg.shards import SHARD_SIZE, write_shard
from kg.store import Store
from kg.terms import PREFIXES, Minter

KG = str(ROOT / ".venv" / "bin" / "kg")
SAMPLE = 200  # releases for the in-process stage rates


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in bytes of the process and its children, stderr tail) of a command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            rss = parent.memory_info().rss + sum(c.memory_info().rss for c in parent.children(recursive=True))
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read() if process.stderr else ""
    return elapsed, peak, stderr.strip().splitlines()[-1] if stderr.strip() else ""


def query_bindings(store: Store) -> dict[str, dict]:
    """Bindings for the queries that need them: one fact of the store and its figure."""
    import pyoxigraph as ox
    row = next(store.select("""SELECT ?f ?label ?metric WHERE { ?f a mkg:MetalOutput ; mkg:period ?p ;
                               mkg:metric ?m . ?p mkg:periodLabel ?label . ?m skos:notation ?metric } LIMIT 1"""))
    return {"fact_lineage": {"fact": row["f"]},
            "figure_lineage": {"period": ox.Literal(row["label"].value), "metric": ox.Literal(row["metric"].value)}}


def lookups(store: Store, files: list[Path]) -> dict[str, tuple[str, dict]]:
    """What a user asks of a big store: one release's facts, one fact's lineage, one figure's lineage."""
    import pyoxigraph as ox
    middle = files[len(files) // 2].name
    bound = query_bindings(store)
    return {"facts -p source=FILE": ("facts", {"source": ox.Literal(middle)}),
            "fact_lineage -p fact=IRI": ("fact_lineage", bound["fact_lineage"]),
            "figure_lineage -p period=P -p metric=M": ("figure_lineage", bound["figure_lineage"])}


def median_seconds(fn: Callable[[], object], times: int = 3) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def stage_rates(files: list[Path]) -> tuple[float, float, float, int]:
    """(releases/s of extraction and release validation on one core, quads/s into Oxigraph one transaction per
    release, quads/s bulk-loaded as shards, quads) on a sample."""
    settings = ExtractionSettings(Minter(), extraction_time())
    start = time.perf_counter()
    extracted = [extract_release(path, None, settings) for path in files]
    extract_rate = len(files) / (time.perf_counter() - start)
    minter = Minter()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "s")
        start = time.perf_counter()
        for e in extracted:
            store.write_release(minter.release_graph(e.name), e.ntriples)
        store.flush()
        quads = store.quad_count()
        quad_rate = quads / (time.perf_counter() - start)
        store.close()
        # the same graphs as shards, written beforehand (by the workers in a build): the writer's part only
        shards = [(write_shard(Path(tmp), [(str(minter.release_graph(e.name)), e.ntriples) for e in part]),
                   [str(minter.release_graph(e.name)) for e in part])
                  for part in (extracted[i:i + SHARD_SIZE] for i in range(0, len(extracted), SHARD_SIZE))]
        store = Store(Path(tmp) / "bulk")
        start = time.perf_counter()
        for shard, graphs in shards:
            assert shard is not None
            store.load_shard(shard, graphs)
        bulk_rate = store.quad_count() / (time.perf_counter() - start)
        store.close()
    return extract_rate, quad_rate, bulk_rate, quads


# ------------------------------------------------------------ the baseline, in a child process


def baseline_step(nquads: Path, step: str, bindings: dict, out: dict) -> None:
    """One step of the baseline on an rdflib Dataset parsed from ``nquads``: load, a query, or validation."""
    import pyoxigraph as ox
    from pyshacl import validate
    from rdflib import Dataset, Graph, Literal, URIRef

    from kg.validation import load_shapes

    dataset = Dataset(default_union=True)
    start = time.perf_counter()
    dataset.parse(nquads, format="nquads")
    if step == "load":
        out["quad_rate"] = sum(1 for _ in dataset.quads()) / (time.perf_counter() - start)
    elif step == "validation":
        merged = Graph()
        for triple in dataset.triples((None, None, None)):
            merged.add(triple)
        start = time.perf_counter()
        validate(merged, shacl_graph=load_shapes(), inference="none", advanced=True, allow_warnings=True)
        out["validation"] = time.perf_counter() - start
    else:
        init = {k: (URIRef(v.value) if isinstance(v, ox.NamedNode) else Literal(v.value))
                for k, v in bindings.get(step, {}).items()}
        text = query_text(step)
        try:
            out[f"query:{step}"] = median_seconds(lambda: list(dataset.query(text, initNs=PREFIXES, initBindings=init)), 1)
        except Exception as exc:  # noqa: BLE001 - rdflib fails on some queries: reported as such
            out[f"query:{step}"] = f"rdflib fails: {type(exc).__name__}"


def run_baseline(store: Store, files: list[Path], bindings: dict, timeout: float, work: Path) -> dict:
    """The baseline's steps on the first ``files`` of the store, each in a child process stopped after ``timeout``."""
    nquads = work / "baseline.nq"
    with nquads.open("wb") as out:
        for path in files:
            graph = str(Minter().release_graph(path.name))
            for quad in store.quads(graph):
                out.write((str(quad) + " .\n").encode("utf-8"))
    results: dict = {}
    with multiprocessing.Manager() as manager:
        for step in ["load", "validation", *query_names()]:
            out = manager.dict()
            process = multiprocessing.Process(target=baseline_step, args=(nquads, step, bindings, out))
            process.start()
            process.join(timeout)
            if process.is_alive():
                process.terminate()
                process.join()
            results.update(out)
    return results


# ------------------------------------------------------------ one size


def measure(n: int, work: Path, jobs: int, baseline_size: int, timeout: float, builds_wanted: list[str],
            full_queries: bool, validate: bool) -> list[tuple[str, str, str, str]]:
    corpus = work / f"corpus-{n}"
    if not corpus.exists():
        for _path in write_releases(corpus, n):
            pass
    files = release_files([corpus])
    store_path = work / f"store-{n}"
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))
    options = {"dask": ["--engine", "dask"], "bulk": ["--bulk"], "jobs": []}
    deferred = [] if validate else ["--no-rules-across"]  # beyond --validate-up-to the rules across are not run
    builds = {}
    for how in sorted(builds_wanted, key=lambda b: b == "jobs"):  # the --jobs build (if any) is the store measured
        shutil.rmtree(store_path, ignore_errors=True)
        builds[how] = run_measured([KG, "build", str(corpus), "--store", str(store_path), "-q", "--jobs", str(jobs),
                                    *options[how], *deferred], env)
        print(f"  {n} ({how}): {builds[how][2]} in {builds[how][0]:.0f} s", file=sys.stderr, flush=True)
    validate_s, validate_rss, _ = run_measured([KG, "validate", "--store", str(store_path)], env) if validate \
        else (float("nan"), 0, "")
    extract_rate, quad_rate, bulk_rate, _ = stage_rates(files[:SAMPLE])
    store = Store(store_path, read_only=True)
    bindings: dict[str, dict] = {}  # whole results, here and in the baseline; the lookups bind
    times = 3 if n < 10_000 else 1  # a whole result at 10,000 releases takes seconds: once is enough
    latencies = {name: median_seconds(lambda name=name: run_query(store, name), times)
                 for name in query_names()} if full_queries else {}
    looked_up = {label: median_seconds(lambda name=name, b=b: run_query(store, name, b))
                 for label, (name, b) in lookups(store, files).items()}
    quads = store.quad_count()
    sample = files[:baseline_size]
    base = run_baseline(store, sample, bindings, timeout, work)
    scale = n / len(sample)
    at = "" if len(sample) == n else f" (at {len(sample)})"

    def versus(ours: float, key: str, higher_is_better: bool = False) -> tuple[str, str]:
        if key not in base:
            return f"> {timeout:.0f} s{at}", "—"
        theirs = base[key]
        if isinstance(theirs, str):
            return theirs, "—"
        if higher_is_better:
            return f"{theirs:,.0f}{at}", f"{ours / theirs:.1f}x"
        if at:  # a time at fewer releases: scaled linearly, a lower bound for pySHACL and rdflib's joins
            return f"{theirs:.3f} s{at}, ≥ {theirs * scale:.1f} s scaled", f"≥ {theirs * scale / ours:.1f}x"
        return f"{theirs:.3f} s", f"{theirs / ours:.1f}x"

    rows = [("releases", f"{n:,}", "", ""), ("quads in the store", f"{quads:,}", "", "")]
    extra = "" if validate else " --no-rules-across"
    names = {"jobs": f"`kg build --jobs {jobs}{extra}`", "bulk": f"`kg build --jobs {jobs} --bulk{extra}`",
             "dask": f"`kg build --engine dask --jobs {jobs}{extra}`"}
    for how, (seconds, rss, _line) in sorted(builds.items(), key=lambda b: list(names).index(b[0])):
        rows += [(f"end-to-end {names[how]} (s)", f"{seconds:.1f}", "", ""),
                 (f"releases/s of {names[how]}", f"{n / seconds:,.0f}", "", ""),
                 (f"peak RSS of {names[how]}, all processes (MB)", f"{rss / 2**20:,.0f}", "", "")]
    rows += [("extraction + release validation, releases/s on one core", f"{extract_rate:,.1f}", "", ""),
             ("quads/s into the store, one transaction per release", f"{quad_rate:,.0f}",
              *versus(quad_rate, "quad_rate", True)),
             (f"quads/s bulk-loaded into the store (shards of {SHARD_SIZE})", f"{bulk_rate:,.0f}",
              *versus(bulk_rate, "quad_rate", True))]
    if validate:
        rows += [("`kg validate` of the whole store (s)", f"{validate_s:.1f}", *versus(validate_s, "validation")),
                 ("peak RSS of `kg validate` (MB)", f"{validate_rss / 2**20:,.0f}", "", "")]
    for name, seconds in latencies.items():
        rows.append((f"query `{name}`, whole result (s)", f"{seconds:.3f}", *versus(seconds, f"query:{name}")))
    for label, seconds in looked_up.items():
        rows.append((f"query `{label}` (s)", f"{seconds:.3f}", "", ""))
    return rows


def table(rows: list[tuple[str, str, str, str]]) -> str:
    lines = ["| measure | kg | naive baseline | kg's advantage |", "|---|---:|---:|---:|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="Corpus sizes, comma-separated.")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="kg build --jobs (default: the cores).")
    parser.add_argument("--baseline-size", type=int, default=200, help="At most this many releases for the baseline.")
    parser.add_argument("--timeout", type=float, default=600, help="Seconds before the baseline is stopped.")
    parser.add_argument("--work", type=Path, help="Where corpora and stores go (default: a temporary folder).")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    parser.add_argument("--builds", default="jobs,bulk,dask",
                        help="Builds to time: jobs (one transaction per release), bulk, dask. The store measured "
                             "afterwards is the last one built (jobs when listed).")
    parser.add_argument("--whole-queries-up-to", type=int, default=2_000,
                        help="Time each query's whole result only up to this many releases (lookups always run).")
    parser.add_argument("--validate-up-to", type=int, default=2_000,
                        help="Time `kg validate`, and the rules across releases at the end of a build, only up to "
                             "this many releases (beyond, builds run with --no-rules-across).")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    report = [f"Machine: {os.cpu_count()} cores, kg build --jobs {args.jobs}; baseline: rdflib Dataset, pySHACL on "
              f"the merged graph, rdflib SPARQL, on at most {args.baseline_size} releases (timeout "
              f"{args.timeout:.0f} s). Times are wall clock on a shared machine.\n"]
    for n in [int(s) for s in args.sizes.split(",")]:
        rows = measure(n, work, args.jobs, args.baseline_size, args.timeout, args.builds.split(","),
                       n <= args.whole_queries_up_to, n <= args.validate_up_to)
        report.append(f"\n### {n:,} releases\n\n" + table(rows))
        text = "".join(report)
        args.out.write_text(text, encoding="utf-8")
        print(text.split("\n### ")[-1] if len(report) > 2 else text, flush=True)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
