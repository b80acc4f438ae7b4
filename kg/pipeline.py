"""The one path of the data: release files -> records -> RDF -> the store.

``build`` reads each file, extracts its records, turns them into one named
graph and writes it in a single transaction. A file that fails anywhere on
that path is rejected with its reason and leaves nothing behind; the other
files still land. A bulk build (``--bulk``, and always on a Dask cluster)
has the workers write each partition's graphs as a shard (kg/shards.py)
that the writer bulk-loads, with the same rules and the same result.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from kg import __version__
from kg.engines import Engine, local_engine
from kg.errors import KgError, NoSpace, RejectedRelease, out_of_space
from kg.extract import extract_all
from kg.quantities import garbled_numbers
from kg.rdf import Triple, release_triples
from kg.read.sources import SUFFIXES, SourceFile, is_release_file, read_source
from kg.records import Agreement, Incident, Measurement, MineRecord, PersonRecord, Record
from kg.shards import SHARD_SIZE, check_visible, keep_graphs, shard_folder, write_shard
from kg.store import Store, StoredRelease, ntriples
from kg.terms import Minter
from kg.validation import Finding, ValidationReport, validate_across, validate_release
from kg.vocabulary import find_metals

MINING_WORDS = re.compile(
    r"(?i)\b(mines?|mining|miners?|mill(?:ed|ing)?|ore|ounces|tonnes|tons|mt|carats?|concentrate|drill\w*|exploration|smelter"
    r"|refinery|deposit|tailings|pit|underground|grade|shaft|colliery|wellfield|mineral\s+sands|saleable|run-of-mine|ROM)\b"
)


@dataclass
class BuildReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[RejectedRelease] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "file: what could not be read"
    validation: ValidationReport = field(default_factory=ValidationReport)

    @property
    def ok(self) -> bool:
        return not self.rejected


def extraction_time() -> datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class ReleaseFile:
    """A release file to build and its name, the release's identity in the store: the file's path relative to the
    folder named on the command line (``/``-separated), or its file name when the file itself was named."""

    path: Path
    name: str


def folder_releases(folder: Path) -> list[Path]:
    """The release files in a folder and its sub-folders, symbolic links followed, each folder read once
    (so a link back to a folder above ends there), sorted by path."""
    def unreadable(exc: OSError) -> None:
        raise KgError(f"{exc.filename}: cannot read this folder ({exc.strerror or exc}); "
                      "fix its permissions or leave it out")

    seen: set[tuple[int, int]] = set()
    found: list[Path] = []
    for top, subfolders, names in os.walk(folder, onerror=unreadable, followlinks=True):
        try:
            status = os.stat(top)
        except OSError as exc:
            unreadable(exc)
        if (status.st_dev, status.st_ino) in seen:
            subfolders[:] = []  # a loop, or a folder linked twice: its releases are listed once
            continue
        seen.add((status.st_dev, status.st_ino))
        found += (p for p in (Path(top) / name for name in names) if is_release_file(p))
    return sorted(found)


def release_files(inputs: Iterable[Path | ReleaseFile]) -> list[ReleaseFile]:
    """The release files named, or found in the folders named, in a stable order, each with its release name.

    Raises KgError for a path that does not exist or a folder without release files. A file listed twice
    (a folder and a file in it) is listed once; two files of the same name under two folders named are the same
    release, the later replacing the earlier (see :func:`replaced_releases`).
    """
    files: list[ReleaseFile] = []
    for item in inputs:
        if isinstance(item, ReleaseFile):
            files.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            found = folder_releases(path)
            if not found:
                raise KgError(f"{path}: no release files in this folder or its sub-folders (looked for "
                              f"{', '.join(sorted(SUFFIXES))}); name a folder that holds releases")
            files += (ReleaseFile(p, p.relative_to(path).as_posix()) for p in found)
        elif path.exists():
            files.append(ReleaseFile(path, path.name))
        else:
            raise KgError(f"{path}: no such file or folder")
    return distinct_releases(files)


def check_store_outside(inputs: Iterable[Path | ReleaseFile], store: Path | None) -> None:
    """KgError when the store is one of the folders built or inside one: a build would write into its input."""
    if store is None:
        return
    where = store.resolve()
    for item in inputs:
        if isinstance(item, ReleaseFile) or not Path(item).is_dir():
            continue
        folder = Path(item)
        if where.is_relative_to(folder.resolve()):
            raise KgError(f"--store {store} is inside the input folder {folder}: keep the store out of the "
                          f"releases, e.g. --store {folder.resolve().parent / (folder.resolve().name + '.kg-store')}")


def distinct_releases(files: list[ReleaseFile]) -> list[ReleaseFile]:
    """Each file once, the first time it is listed."""
    seen: set[tuple[int, int]] = set()
    out: list[ReleaseFile] = []
    for file in files:
        try:
            status = file.path.stat()
            identity = (status.st_dev, status.st_ino)
        except OSError:
            identity = None  # unreadable: read_source names it
        if identity is not None and identity in seen:
            continue
        if identity is not None:
            seen.add(identity)
        out.append(file)
    return out


def replaced_releases(files: list[ReleaseFile]) -> list[str]:
    """A warning for each file that replaces another of the same release name in one build (two folders named,
    each holding that path): said, so it is never a silent loss."""
    first: dict[str, ReleaseFile] = {}
    warnings = []
    for file in files:
        earlier = first.setdefault(file.name, file)
        if earlier is not file:
            warnings.append(f"{file.name}: {file.path} replaces {earlier.path}, the same release name in this build; "
                            "to keep both, build the folder that holds both (each keeps its path as its name)")
    return warnings


def check_is_release(source: SourceFile, records: list[Record]) -> None:
    """Reject text that is not a mining release: nothing extracted and no mining vocabulary."""
    substantive = [r for r in records if isinstance(r, (Measurement, MineRecord, Agreement, PersonRecord, Incident))]
    if not substantive and len(MINING_WORDS.findall(source.text)) + len(find_metals(source.text)) < 3:
        raise RejectedRelease(source.name, "not a mining release: no figures, mines, people or events, and no mining terms")


def graph_of(source: SourceFile, minter: Minter, extracted_at: datetime) -> tuple[list[Triple], list[str]]:
    """A release file's triples (extraction, then RDF), and what in it could not be read."""
    records, failures = extract_all(source.source_text())
    check_is_release(source, records)
    failures += [f"garbled number {number!r} at character {start} skipped" for start, number in garbled_numbers(source.text)]
    return release_triples(source, records, minter, extracted_at), failures


def extract_file(path: Path, name: str | None = None) -> tuple[SourceFile, list[Record], list[str]]:
    """A release file, its records and what could not be read, without a store: what ``kg extract`` shows.
    Raises RejectedRelease."""
    source = read_source(path, name)
    records, failures = extract_all(source.source_text())
    check_is_release(source, records)
    return source, records, failures


def unexpected_failure(exc: Exception) -> str:
    """The reason given for a file that failed on a bug rather than on its content."""
    return f"extraction failed ({type(exc).__name__}: {exc}); please report this file"


@dataclass(frozen=True)
class ExtractedRelease:
    """What extraction made of one release file, for the writer to store or refuse.

    Plain strings and findings only, so a worker process (or a Dask worker) can send it back.
    """

    path: Path
    name: str
    sha256: str = ""
    unchanged: bool = False
    stale_graph: str | None = None  # the graph the store holds the release in, when not the one minted now
    ntriples: str = ""  # the release's graph, sorted N-Triples
    failures: tuple[str, ...] = ()  # extractors that failed on it
    findings: tuple[Finding, ...] = ()  # its graph against the release shapes
    rejected: str | None = None  # why nothing of it may be stored

    def rejection(self) -> RejectedRelease:
        return RejectedRelease(self.name, self.rejected or "")


@dataclass(frozen=True)
class ExtractionSettings:
    """What every release's extraction shares: the same in every worker, so the graphs are the same."""

    minter: Minter
    extracted_at: datetime
    validate: bool = True


def extract_release(file: ReleaseFile, known: StoredRelease | None, settings: ExtractionSettings) -> ExtractedRelease:
    """Read, extract and validate one release file; never raises (a failure is a rejection)."""
    path = file.path
    graph = str(settings.minter.release_graph(file.name))
    stale = known.graph if known and known.graph != graph else None  # e.g. minted by an older version
    try:
        source = read_source(path, file.name)
        if known and not stale and known.sha256 == source.sha256 and known.tool_version == __version__:
            return ExtractedRelease(path, source.name, source.sha256, unchanged=True)
        triples, failures = graph_of(source, settings.minter, settings.extracted_at)
        body = ntriples(triples)
        findings = validate_release(triples, body) if settings.validate else []
        return ExtractedRelease(path, source.name, source.sha256, stale_graph=stale, ntriples=body,
                                failures=tuple(failures), findings=tuple(findings))
    except RejectedRelease as exc:
        return ExtractedRelease(path, exc.file, rejected=exc.reason)
    except Exception as exc:  # an extractor bug must cost one file, never the batch
        return ExtractedRelease(path, file.name, rejected=unexpected_failure(exc))


Task = tuple[ReleaseFile, StoredRelease | None]


def extract_batch(batch: list[Task], settings: ExtractionSettings) -> list[ExtractedRelease]:
    """A batch of release files, in order: the unit of work sent to a worker process."""
    return [extract_release(file, known, settings) for file, known in batch]


@dataclass(frozen=True)
class Shard:
    """A partition's graphs in a sorted N-Quads file (None when it has none), and what became of each release.

    The releases carry everything but their triples, which are in the file.
    """

    path: Path | None
    releases: tuple[ExtractedRelease, ...]

    def graphs(self, minter: Minter) -> dict[str, ExtractedRelease]:
        """The releases whose graph is in the file, by graph IRI."""
        return {str(minter.release_graph(r.name)): r for r in self.releases if r.rejected is None and not r.unchanged}


def extract_shard(batch: list[Task], settings: ExtractionSettings,
                  folder: Path) -> list[Shard]:
    """A partition of release files, extracted and written as shards into ``folder``: the unit of a bulk build.

    One shard, unless two files of the partition have the same name (so the same graph): the later one
    then starts a new shard, which replaces the graph as a later transaction would.
    """
    shards: list[list[ExtractedRelease]] = [[]]
    for extracted in extract_batch(batch, settings):
        if any(e.name == extracted.name for e in shards[-1]):
            shards.append([])
        shards[-1].append(extracted)
    return [Shard(write_shard(folder, ((str(settings.minter.release_graph(e.name)), e.ntriples) for e in part
                                       if e.rejected is None and not e.unchanged)),
                  tuple(replace(e, ntriples="") for e in part)) for part in shards]


class Writer:
    """The single writer: takes extracted releases in input order and stores each in one transaction,
    or (``write_shard``) a shard's admitted releases in one bulk load."""

    def __init__(self, store: Store, minter: Minter, strict: bool, report: BuildReport) -> None:
        self.store = store
        self.minter = minter
        self.strict = strict
        self.report = report
        self.by_hash = {r.sha256: r.name for r in store.releases().values()}

    def write(self, extracted: ExtractedRelease) -> None:
        try:
            self._write(extracted)
        except RejectedRelease as exc:
            self.report.rejected.append(exc)
        except Exception as exc:  # a write that fails costs one file, never the batch; a full disk stops it
            self._stop_when_full(exc)
            self.report.rejected.append(RejectedRelease(extracted.name, unexpected_failure(exc)))

    def _stop_when_full(self, exc: Exception) -> None:
        """NoSpace when ``exc`` is a full disk: no file's fault, and every later one would fail the same way."""
        full = out_of_space(exc)
        if full is not None:
            raise NoSpace(f"the store at {self.store.path or 'memory'} (the releases stored before are kept; the next "
                          "build ingests the rest)", full) from exc

    def _write(self, extracted: ExtractedRelease) -> None:
        if self._admit(extracted):
            self.store.write_release(self.minter.release_graph(extracted.name), extracted.ntriples,
                                     replacing=extracted.stale_graph)
            self.by_hash[extracted.sha256] = extracted.name
            self.report.ingested.append(extracted.name)

    def _admit(self, extracted: ExtractedRelease) -> bool:
        """Whether the release's graph is to be written (False when unchanged); raises RejectedRelease when refused.

        Reports its unchanged status, warnings and findings as it goes.
        """
        report = self.report
        if extracted.rejected is not None:
            raise extracted.rejection()
        if extracted.unchanged:
            report.unchanged.append(extracted.name)
            return False
        twin = self.by_hash.get(extracted.sha256)
        if twin and twin != extracted.name:
            raise RejectedRelease(extracted.name, f"same content as {twin}, already in the store")
        report.warnings += [f"{extracted.name}: {failure}" for failure in extracted.failures]
        violations = [f for f in extracted.findings if f.severity == "Violation"]
        if self.strict and violations:
            raise RejectedRelease(extracted.name, f"{len(violations)} SHACL violation(s), refused by --strict: "
                                  + "; ".join(f.message for f in violations[:3]))
        report.validation.findings += extracted.findings
        return True

    def write_shard(self, shard: Shard) -> None:
        """Admit a shard's releases in order by the same rules, then bulk-load the admitted ones' graphs at once."""
        admitted: dict[str, ExtractedRelease] = {}
        for extracted in shard.releases:
            try:
                if self._admit(extracted):
                    admitted[str(self.minter.release_graph(extracted.name))] = extracted
                    self.by_hash[extracted.sha256] = extracted.name  # a twin later in the shard is refused
            except RejectedRelease as exc:
                self.report.rejected.append(exc)
        if shard.path is None:
            return  # no graph in it, so none admitted
        try:
            if admitted:
                check_visible(shard.path)  # not a file's fault: stops the build, saying what to do
                self._load(shard.path, admitted, everything=len(admitted) == len(shard.graphs(self.minter)))
        finally:
            for path in shard.path.parent.glob(shard.path.stem + "*"):  # the shard and its filtered copy
                path.unlink(missing_ok=True)

    def _load(self, shard: Path, admitted: dict[str, ExtractedRelease], everything: bool) -> None:
        try:
            self.store.load_shard(shard if everything else keep_graphs(shard, set(admitted)), list(admitted),
                                  stale=[e.stale_graph for e in admitted.values() if e.stale_graph])
        except Exception as exc:  # a load that fails costs its shard (rolled back), never the build
            self._stop_when_full(exc)
            for extracted in admitted.values():
                self.by_hash.pop(extracted.sha256, None)
                self.report.rejected.append(RejectedRelease(extracted.name, unexpected_failure(exc)))
            return
        self.report.ingested += [extracted.name for extracted in admitted.values()]


def build(
    inputs: Iterable[Path | ReleaseFile],
    store: Store,
    minter: Minter | None = None,
    progress: Callable[[Path], None] | None = None,
    strict: bool = False,
    validate: bool = True,
    jobs: int = 1,
    engine: Engine | None = None,
    bulk: bool = False,
    shards: Path | None = None,
    shard_size: int = SHARD_SIZE,
    across: bool = True,
) -> BuildReport:
    """Ingest release files into the store: new and changed ones replace their graph, unchanged ones are skipped.

    Each new graph is validated against the release shapes before it is
    written; with ``strict`` a graph with violations is refused. The rules
    across releases run once at the end, over the whole store. Extraction
    runs in ``jobs`` worker processes (or on ``engine``, e.g. a Dask
    cluster); writing stays in this process, one transaction per release,
    in input order, so the store and the report do not depend on either.
    With ``bulk`` (always on an engine whose results stay on the workers,
    Dask) each partition of ``shard_size`` releases becomes a shard file in
    a folder inside ``shards`` (default: next to the store), bulk-loaded in input
    order: the same store and report, faster, and never half a release
    stored even when killed (see ``Store.load_shard``). Without ``across``
    the rules across releases are left to ``kg validate`` (their cost grows
    with the whole store, not with the releases added).
    """
    minter = minter or Minter()
    inputs = list(inputs)
    check_store_outside(inputs, store.path)  # callers check before opening the store, which creates its folder
    files = release_files(inputs)
    report = BuildReport()
    stored = store.releases()
    settings = ExtractionSettings(minter, extraction_time(), validate)
    writer = Writer(store, minter, strict, report)
    report.warnings += replaced_releases(files)
    tasks = ((file, stored.get(file.name)) for file in files)
    engine = engine or local_engine(jobs)
    if bulk or engine.bulk:
        with shard_folder(store.path, shards) as folder:
            for shard in engine.run(partial(extract_shard, settings=settings, folder=folder), tasks, shard_size):
                writer.write_shard(shard)
                for extracted in shard.releases:
                    if progress:
                        progress(extracted.path)
    else:
        for extracted in engine.run(partial(extract_batch, settings=settings), tasks):
            writer.write(extracted)
            if progress:
                progress(extracted.path)
    store.flush()
    if validate and across:
        report.validation.findings += validate_across(store)
    return report
