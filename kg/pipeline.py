"""The one path of the data: release files -> records -> RDF -> the store.

``build`` reads each file, extracts its records, turns them into one named
graph and writes it in a single transaction. A file that fails anywhere on
that path is rejected with its reason and leaves nothing behind; the other
files still land.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from kg import __version__
from kg.errors import KgError, RejectedRelease
from kg.extract import extract_all
from kg.quantities import garbled_numbers
from kg.rdf import SourceFile, Triple, release_triples
from kg.records import Agreement, Incident, Measurement, MineRecord, PersonRecord, Record
from kg.sources import is_release_file, read_source
from kg.store import Store
from kg.terms import Minter
from kg.validation import ValidationReport, validate_across, validate_release

MINING_WORDS = re.compile(
    r"(?i)\b(mines?|mining|mill(?:ed|ing)?|ore|ounces|tonnes|concentrate|drill\w*|exploration|smelter|deposit|palladium|platinum"
    r"|gold|silver|copper|nickel|zinc|uranium|molybdenum|cobalt|tailings|pit|underground|grade)\b"
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
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def release_files(inputs: Iterable[Path]) -> list[Path]:
    """The release files named, or found in the folders named, in a stable order."""
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if is_release_file(p))
        elif path.exists():
            files.append(path)
        else:
            raise KgError(f"{path}: no such file or folder")
    return files


def check_is_release(source: SourceFile, records: list[Record]) -> None:
    """Reject text that is not a mining release: nothing extracted and no mining vocabulary."""
    substantive = [r for r in records if isinstance(r, (Measurement, MineRecord, Agreement, PersonRecord, Incident))]
    if not substantive and len(MINING_WORDS.findall(source.text)) < 3:
        raise RejectedRelease(source.name, "not a mining release: no figures, mines, people or events, and no mining terms")


def graph_of(source: SourceFile, minter: Minter, extracted_at: datetime) -> tuple[list[Triple], list[str]]:
    """A release file's triples (extraction, then RDF), and what in it could not be read."""
    records, failures = extract_all(source.source_text())
    check_is_release(source, records)
    failures += [f"garbled number {number!r} at character {start} skipped" for start, number in garbled_numbers(source.text)]
    return release_triples(source, records, minter, extracted_at), failures


def build(
    inputs: Iterable[Path],
    store: Store,
    minter: Minter | None = None,
    progress: Callable[[Path], None] | None = None,
    strict: bool = False,
    validate: bool = True,
) -> BuildReport:
    """Ingest release files into the store: new and changed ones replace their graph, unchanged ones are skipped.

    Each new graph is validated against the release shapes before it is
    written; with ``strict`` a graph with violations is refused. The rules
    across releases run once at the end, over the whole store.
    """
    minter = minter or Minter()
    report = BuildReport()
    stored = store.releases()
    by_hash = {r.sha256: r.name for r in stored.values()}
    extracted_at = extraction_time()
    for path in release_files(inputs):
        try:
            source = read_source(path)
            known = stored.get(source.name)
            if known and known.sha256 == source.sha256 and known.tool_version == __version__:
                report.unchanged.append(source.name)
                continue
            twin = by_hash.get(source.sha256)
            if twin and twin != source.name:
                raise RejectedRelease(source.name, f"same content as {twin}, already in the store")
            triples, failures = graph_of(source, minter, extracted_at)
            report.warnings += [f"{source.name}: {failure}" for failure in failures]
            findings = validate_release(triples) if validate else []
            violations = [f for f in findings if f.severity == "Violation"]
            if strict and violations:
                raise RejectedRelease(source.name, f"{len(violations)} SHACL violation(s), refused by --strict: "
                                      + "; ".join(f.message for f in violations[:3]))
            report.validation.findings += findings
            store.replace_release(minter.release_graph(source.name), triples)
            by_hash[source.sha256] = source.name
            report.ingested.append(source.name)
        except RejectedRelease as exc:
            report.rejected.append(exc)
        except Exception as exc:  # an extractor bug must cost one file, never the batch
            report.rejected.append(RejectedRelease(
                path.name, f"extraction failed ({type(exc).__name__}: {exc}); please report this file"))
        finally:
            if progress:
                progress(path)
    store.flush()
    if validate:
        report.validation.findings += validate_across(store)
    return report
