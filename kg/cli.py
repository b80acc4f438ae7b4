"""The ``kg`` command: one verb per stage. Results go to stdout, progress and messages to stderr."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
import pyoxigraph as ox

from kg import __version__
from kg.api import build as build_releases
from kg.api import open_store
from kg.engines import ENGINES, default_jobs, engine_for, local_engine
from kg.errors import KgError, NoSpace, out_of_space
from kg.exports import replacing, write_bundle
from kg.neo4j import write_neo4j
from kg.network import GRAPH_FORMATS, entity_graph, summarise, write_graph
from kg.pipeline import check_store_outside, release_files
from kg.queries import parse_binding, query_names, query_summary
from kg.rdf import decimal_text
from kg.read.sources import SourceFile, html_fragment_text
from kg.remote import PASSWORD_ENV, Endpoint, prune_server, push_store, query_endpoint_for, remote_results
from kg.results import FORMATS, GRAPH_RESULT_FORMATS, Results, render, render_answer
from kg.serve import serve as serve_store
from kg.shards import SHARD_SIZE
from kg.store import DEFAULT_STORE, EXPORT_FORMATS, Store
from kg.terms import Minter
from kg.validation import FORMATS as VALIDATION_FORMATS
from kg.validation import validate_store

store_option = click.option(
    "--store", "store_path", type=click.Path(path_type=Path), default=DEFAULT_STORE, show_default=True,
    help="Store directory (or set KG_STORE).",
)


def endpoint_options(required: bool):  # type: ignore[no-untyped-def]
    """--endpoint, --user and --password-env, shared by the commands that talk to a remote store."""
    def decorate(command):  # type: ignore[no-untyped-def]
        command = click.option("--password-env", default=PASSWORD_ENV, show_default=True, metavar="VAR",
                               help="Environment variable holding the password (it is never echoed).")(command)
        command = click.option("--user", help="User name for Basic or Digest auth, whichever the server asks.")(command)
        return click.option("--endpoint", "endpoint_url", required=required, metavar="URL",
                            help="URL of the remote endpoint.")(command)
    return decorate


format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                             help="Output format.")


class KgGroup(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:  # the system refused a read or a write (a full disk, a read-only folder ...)
            full = out_of_space(exc)
            message = NoSpace(exc.filename or "the output", full) if full else os_error_line(exc)
            click.echo(f"error: {message}", err=True)
            ctx.exit(2)


def os_error_line(exc: OSError) -> str:
    """An error of the system as one line: what it was doing it to and why."""
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build a knowledge graph of mining news releases, validate it and query it.

    \b
    Example:
      kg build examples/releases --store .kg-store
      kg query facts --store .kg-store --format csv
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--base", help="Base IRI of instance data (or set KG_BASE_IRI).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--strict", is_flag=True, help="Refuse a release whose graph has SHACL violations.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: the machine's cores; 1 extracts in this process).")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="Where extraction runs: local processes, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler to use (default: a LocalCluster of --jobs workers).")
@click.option("--bulk", is_flag=True,
              help="Workers write shards of releases that are bulk-loaded (always so with --engine dask).")
@click.option("--shard-size", type=click.IntRange(min=1), default=SHARD_SIZE, show_default=True,
              help="With --bulk or --engine dask: releases per shard (one task each).")
@click.option("--shards", "shards", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Where the workers write shards (default: next to the store); on a cluster, a folder the workers "
                   "and this machine share.")
@click.option("--no-rules-across", "no_across", is_flag=True,
              help="Leave the rules across releases to `kg validate` (for a large corpus loaded in parts).")
def build(inputs: tuple[Path, ...], store_path: Path, base: str | None, quiet: bool, strict: bool, jobs: int | None,
          engine: str, scheduler: str | None, bulk: bool, shard_size: int, shards: Path | None,
          no_across: bool) -> None:
    """Extract releases (files or folders) into the store.

    New and changed files replace their release's named graph; unchanged
    files are skipped; a file that cannot be read or is not a mining release
    is named with the reason and nothing of it is stored. Extraction runs in
    parallel; one writer stores each release in its own transaction, in
    input order, so the store is the same whatever --jobs or --engine.
    With --bulk or --engine dask the workers write sorted N-Quads shards
    that the writer bulk-loads, in input order: the same store, faster, and
    a build killed mid-load leaves no half release (the next one redoes it).

    \b
    Example:
      kg build examples/releases --store .kg-store
      kg build corpus/ --jobs 8
      kg build corpus/ --bulk
      kg build /shared/corpus --engine dask --scheduler tcp://10.0.0.5:8786 --shards /shared/kg-shards
    """
    try:
        minter = Minter(base)
    except ValueError as exc:
        raise KgError(str(exc)) from exc
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if (shards or shard_size != SHARD_SIZE) and not (bulk or engine == "dask"):
        raise click.UsageError("--shards and --shard-size need --bulk or --engine dask")
    runner = engine_for(engine, jobs, scheduler)
    check_store_outside(inputs, store_path)
    files = release_files(inputs)
    with Store(store_path) as store:
        if quiet or not files:
            report = build_releases(files, store, minter=minter, strict=strict, engine=runner, bulk=bulk, shards=shards,
                                    shard_size=shard_size, across=not no_across)
        else:
            with click.progressbar(length=len(files), label="extracting", file=sys.stderr) as bar:
                report = build_releases(files, store, minter=minter, progress=lambda _p: bar.update(1), strict=strict,
                                        engine=runner, bulk=bulk, shards=shards, shard_size=shard_size,
                                        across=not no_across)
        quad_count = store.quad_count()
    if report.validation.findings:
        click.echo(report.validation.text(), err=True, nl=False)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for rejected in report.rejected:
        click.echo(f"rejected: {rejected}", err=True)
    click.echo(f"{len(report.ingested)} ingested, {len(report.unchanged)} unchanged, {len(report.rejected)} rejected "
               f"({quad_count} quads in {store_path}); validation: {report.validation.summary()}", err=True)
    if not report.ok:
        sys.exit(1)


@main.command()
@click.argument("name", required=False)
@store_option
@format_option
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Keep the rows whose column NAME holds VALUE (an IRI when it is one, else text, which matches the "
                   "string and the number, date or boolean written so), or set a parameter the query declares.")
@click.option("--list", "list_queries", is_flag=True, help="List the queries and what each answers.")
@endpoint_options(required=False)
def query(name: str | None, store_path: Path, fmt: str, params: tuple[str, ...], list_queries: bool,
          endpoint_url: str | None, user: str | None, password_env: str) -> None:
    """Run a named query from queries/NAME.rq, on the store or on a remote SPARQL endpoint.

    \b
    Example:
      kg query production_by_quarter --store .kg-store
      kg query figure_lineage -p site="Lac des Iles" -p period=2003-Q3 -p metric=production
      kg query facts -p metal=palladium --format json
      kg query facts --endpoint http://localhost:7878/query
    """
    if list_queries or not name:
        for q in query_names():
            click.echo(f"{q:<24} {query_summary(q)}")
        return
    bindings = dict(parse_binding(p) for p in params)
    if endpoint_url:
        results = remote_results(Endpoint.with_password_from(endpoint_url, user, password_env), name, bindings)
    else:
        results = open_store(store_path).query(name, **bindings)
    click.echo(render_rows(results, fmt), nl=False)


@main.command()
@click.argument("text", metavar="QUERY")
@store_option
@click.option("--format", "fmt", type=click.Choice(FORMATS + GRAPH_RESULT_FORMATS), default="table", show_default=True,
              help="Output format: a results format for SELECT and ASK; turtle or ntriples for CONSTRUCT and DESCRIBE "
                   "(table writes Turtle).")
def sparql(text: str, store_path: Path, fmt: str) -> None:
    """Run an ad-hoc SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over all release graphs of the store.

    Our prefixes (mkg, prov, oa, skos, qudt, dcterms, org, foaf, ...) need no PREFIX line.

    \b
    Example:
      kg sparql "SELECT ?source WHERE { ?r mkg:fileName ?source }" --store .kg-store --format csv
      kg sparql "ASK { ?f mkg:metal/skos:notation 'palladium' }"
      kg sparql "CONSTRUCT { ?r ?p ?o } WHERE { ?r a mkg:Release ; ?p ?o }" --format ntriples
    """
    click.echo(render_answer(open_store(store_path).sparql(text), fmt), nl=False)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
def extract(files: tuple[Path, ...], fmt: str) -> None:
    """Every record a release yields, with its quote and offsets, without a store.

    \b
    Example:
      kg extract examples/releases/000_de8b326c4e62c9a5.txt
      kg extract release.html --format json
    """
    import json

    from kg.errors import RejectedRelease
    from kg.pipeline import extract_file, unexpected_failure
    from kg.records import record_row

    rejected = False
    results: list[dict[str, Any]] = []
    for file in release_files(files):
        path = file.path
        try:
            source, records, failures = extract_file(path, file.name)
        except RejectedRelease as exc:
            click.echo(f"rejected: {exc}", err=True)
            rejected = True
            continue
        except Exception as exc:  # noqa: BLE001 - one line per file, never a traceback
            click.echo(f"rejected: {file.name}: {unexpected_failure(exc)}", err=True)
            rejected = True
            continue
        for failure in failures:
            click.echo(f"warning: {file.name}: {failure}", err=True)
        results.append({"source": file.name, "records": [printed_row(record_row(r), source) for r in records]})
    if fmt == "json":
        click.echo(json.dumps(results, indent=1, ensure_ascii=False, default=str))
    else:
        for result in results:
            click.echo(f"== {result['source']}: {len(result['records'])} records")
            for row in result["records"]:
                fields = {k: v for k, v in row.items()
                          if k not in {"kind", "start", "end", "quote", "text"} and v not in (None, "", [], ())}
                what = " ".join(f"{k}={v}" for k, v in fields.items())
                quote = " ".join(str(row.get("text", row.get("quote", ""))).split())
                click.echo(f"{row['kind']:<15} {row.get('start', ''):>6} {row.get('end', ''):>6}  {what}  | {quote[:80]}")
    if rejected:
        sys.exit(1)


def printed_row(row: dict[str, Any], source: SourceFile) -> dict[str, Any]:
    """A record's row as ``kg extract`` prints it: its numbers as written (to 15 digits) and, from an HTML release,
    beside the quote (the characters at the offsets, as the store holds them) its ``text``, without the markup."""
    def number(value: Any) -> Any:
        if isinstance(value, float):
            return float(decimal_text(value))
        if isinstance(value, dict):
            return {k: number(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [number(v) for v in value]
        return value
    out = {k: number(v) for k, v in row.items()}
    if isinstance(out.get("quote"), str) and source.readable(out["quote"]) != out["quote"]:
        out["text"] = source.readable(out["quote"])
    return out


QUOTE_COLUMNS = {"quote", "evidence", "quote_a", "quote_b"}  # the queries' columns of oa:exact


def readable_quotes(results: Results) -> Results:
    """The results as the table shows them: each quote as the text it shows (an HTML release's without its
    markup). CSV, JSON and TSV keep the characters at the offsets, which lineage checks against the file."""
    quotes = [column in QUOTE_COLUMNS for column in results.columns]

    def text(term: Any, quote: bool) -> Any:
        return ox.Literal(html_fragment_text(term.value)) if quote and isinstance(term, ox.Literal) else term
    return Results(results.columns, tuple(tuple(text(t, q) for t, q in zip(row, quotes)) for row in results.terms))


def render_rows(results: Results, fmt: str) -> str:
    return render(readable_quotes(results) if fmt == "table" else results, fmt)


@main.command()
@click.argument("fact", required=False)
@store_option
@format_option
@click.option("--site", help="Mine name (with --period and --metric).")
@click.option("--period", help="Period label: 2003-Q4, 2003, 2003-H1, 2003-9M, 2003-06.")
@click.option("--metric", help="Metric: production, head_grade, recovery, ...")
@click.option("--metal", help="Metal: palladium, gold, ...")
def lineage(fact: str | None, store_path: Path, fmt: str, site: str | None, period: str | None, metric: str | None,
            metal: str | None) -> None:
    """Where a fact comes from: release, date, offsets and quote.

    Give a fact IRI, or a site, period and metric (and metal) to see every
    release that states that figure.

    \b
    Example:
      kg lineage --site "Lac des Iles" --period 2003-Q3 --metric production --metal palladium
    """
    results = open_store(store_path).lineage(fact, site=site, period=period, metric=metric, metal=metal)
    if not results:
        raise KgError("no such fact in the store")
    click.echo(render_rows(results, fmt), nl=False)


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)), default="nquads", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file (default: stdout).")
@click.option("--bundle", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Write a folder: the data in --format, with the ontology, the SHACL shapes and a README.txt on "
                   "loading them together (GraphDB, Virtuoso, Jena).")
def export(store_path: Path, fmt: str, output: Path | None, bundle: Path | None) -> None:
    """Export the store: N-Quads and TriG keep one graph per release; Turtle merges them.

    \b
    Example:
      kg export --format trig -o graph.trig
      kg export --format trig --bundle mining-kg-bundle
    """
    if output and bundle:
        raise click.UsageError("give --output or --bundle, not both")
    store = Store(store_path, read_only=True)
    if bundle:
        for path in write_bundle(store, fmt, bundle):
            click.echo(f"wrote {path}", err=True)
    elif output:
        with replacing(output) as handle:  # a failure leaves no truncated file
            store.export(fmt, handle)
    else:
        store.export(fmt, sys.stdout.buffer)


@main.command()
@store_option
@endpoint_options(required=True)
@click.option("--prune", is_flag=True,
              help="Then drop from the server the release graphs the store no longer holds (after `kg remove`); "
                   "only our release graphs, never another graph.")
@click.option("--query-endpoint", "query_url", metavar="URL",
              help="With --prune: the server's SPARQL endpoint, to list its graphs (default: beside --endpoint, "
                   ".../store -> .../query, .../sparql-graph-crud-auth -> .../sparql-auth).")
def push(store_path: Path, endpoint_url: str, user: str | None, password_env: str, prune: bool,
         query_url: str | None) -> None:
    """Load the store into a running triple store over the SPARQL 1.1 Graph Store Protocol.

    Each release goes to its own named graph, replacing the server's copy of that graph (so pushing
    again changes nothing). With --prune, the release graphs of ours that the server holds and the store
    no longer does (named under the store's graph namespace, holding an mkg:Release) are then deleted;
    no other graph is touched. The password is read from an environment variable, never from the
    command line. Oxigraph server: --endpoint http://HOST:7878/store. Virtuoso:
    --endpoint http://HOST:8890/sparql-graph-crud-auth --user dba (Digest auth).

    \b
    Example:
      kg push --endpoint http://localhost:7878/store
      kg push --prune --endpoint http://localhost:7878/store
      KG_ENDPOINT_PASSWORD=... kg push --endpoint http://localhost:8890/sparql-graph-crud-auth --user dba
    """
    store = Store(store_path, read_only=True)
    endpoint = Endpoint.with_password_from(endpoint_url, user, password_env)
    releases = triples = 0
    for name, count in push_store(store, endpoint):
        click.echo(f"pushed {name} ({count} triples)", err=True)
        releases, triples = releases + 1, triples + count
    click.echo(f"{releases} release graphs, {triples} triples pushed to {endpoint_url}", err=True)
    if prune:
        lister = Endpoint(query_url or query_endpoint_for(endpoint_url), endpoint.user, endpoint.password)
        dropped = 0
        for graph in prune_server(store, endpoint, lister):
            click.echo(f"dropped {graph}", err=True)
            dropped += 1
        click.echo(f"{dropped} release graphs no longer in the store dropped from {endpoint_url}", err=True)


@main.command()
@store_option
@click.option("--bind", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (for a query editor served elsewhere).")
def serve(store_path: Path, bind: str, port: int, cors: bool) -> None:
    """Serve a snapshot of the store as a local SPARQL endpoint (the Oxigraph server), read-only.

    Queries go to /query; the default graph is the union of the release graphs; the server's
    page at / is a query editor (YASGUI). Ctrl-C stops it.

    \b
    Example:
      kg serve --store .kg-store --port 7878
      kg query facts --endpoint http://127.0.0.1:7878/query
    """
    sys.exit(serve_store(store_path, bind, port, cors, lambda message: click.echo(message, err=True)))


@main.command()
@click.argument("release")
@store_option
def remove(release: str, store_path: Path) -> None:
    """Drop one release (by file name, stem or graph IRI) from the store.

    \b
    Example:
      kg remove 000_de8b326c4e62c9a5.txt
    """
    with Store(store_path) as store:
        removed = store.remove_release(release)
    click.echo(f"removed {removed.name} ({removed.graph})", err=True)


@main.command()
@store_option
def stats(store_path: Path) -> None:
    """Counts of releases, quads and entities per class; connected components and the most connected entities.

    \b
    Example:
      kg stats --store .kg-store
    """
    store = Store(store_path, read_only=True)
    rows = store.select("""SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class }
                           GROUP BY ?class ORDER BY DESC(?n)""")
    click.echo(f"releases  {len(store.releases())}")
    click.echo(f"quads     {store.quad_count()}")
    for row in rows:
        click.echo(f"{row['n'].value:>8}  {row['class'].value}")
    network = summarise(entity_graph(store))
    click.echo(f"connected components  {network.components} (the largest has {network.largest_component} entities)")
    click.echo("most connected entities (distinct neighbours):")
    for label, kind, degree in network.most_connected:
        click.echo(f"{degree:>8}  {label} ({kind})")


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice([*GRAPH_FORMATS, "neo4j"]), default="graphml", show_default=True,
              help="graphml or gexf (a file), or neo4j (a folder of CSV files for neo4j-admin database import).")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="Write to this file (default: stdout); with --format neo4j, the folder to write (required).")
def graph(store_path: Path, fmt: str, output: Path | None) -> None:
    """Write the entity network (companies, mines, people, agreements, incidents, releases) for Gephi, Cytoscape or Neo4j.

    Nodes carry kind and label; edges carry the relation and a weight (how many releases state it).
    With --format neo4j: a node CSV per kind and a relationship CSV per relation, their headers typed
    for neo4j-admin, and import.sh, the command that loads them.

    \b
    Example:
      kg graph --format gexf -o mining.gexf
      kg graph --format neo4j -o neo4j-import && sh neo4j-import/import.sh
    """
    store = Store(store_path, read_only=True)
    network = entity_graph(store)
    if fmt == "neo4j":
        if output is None:
            raise click.UsageError("--format neo4j writes a folder: give it with -o DIR")
        for path in write_neo4j(store, network, output):
            click.echo(f"wrote {path}", err=True)
    elif output:
        with replacing(output) as handle:
            write_graph(network, fmt, handle)
    else:
        write_graph(network, fmt, sys.stdout.buffer)
    click.echo(f"{network.number_of_nodes()} entities, {network.number_of_edges()} relations", err=True)


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(VALIDATION_FORMATS), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(["violation", "warning", "info"]), default="violation", show_default=True,
              help="The least severe result that makes the exit status 1.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes checking release graphs (default: the machine's cores).")
def validate(store_path: Path, fmt: str, fail_on: str, jobs: int | None) -> None:
    """Validate the store: SHACL shapes on each release, arithmetic and cross-release rules over all.

    The report is grouped by release; each result names the rule, the node,
    and the quote and offsets it was read from. Exit 1 when a result is as
    severe as --fail-on, else 0.

    \b
    Example:
      kg validate --store .kg-store --fail-on warning
    """
    with Store(store_path, read_only=True) as store:
        report = validate_store(store, local_engine(jobs or default_jobs()))
    click.echo(report.render(fmt), nl=False)
    sys.exit(1 if report.fails(fail_on) else 0)
