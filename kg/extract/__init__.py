"""Extractors: pure functions from a read release to typed records.

``read_release`` reads the text and what the release says about itself;
every extractor in :data:`EXTRACTORS` then takes that :class:`ReleaseDoc`
and returns records, each carrying the span it was read from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.extract.agreements import extract_agreements
from kg.extract.document import ReleaseDoc, read_release
from kg.extract.incidents import extract_incidents
from kg.extract.mines import extract_mines
from kg.extract.people import extract_people
from kg.extract.prose import extract_prose_figures
from kg.extract.release import extract_release_info
from kg.extract.tables import extract_table_figures
from kg.read.text import SourceText
from kg.records import Record

Extractor = Callable[[ReleaseDoc], Sequence[Record]]

EXTRACTORS: tuple[Extractor, ...] = (
    extract_release_info,
    extract_mines,
    extract_prose_figures,
    extract_table_figures,
    extract_agreements,
    extract_people,
    extract_incidents,
)


def extract_all(text: str | SourceText) -> tuple[list[Record], list[str]]:
    """Every record of a release, in extractor order, and the extractors that failed on it.

    One extractor's failure costs its own records, never the others': the
    release still lands with what could be read, and the failure is reported.
    """
    doc = read_release(text)
    records: list[Record] = []
    failures: list[str] = []
    for extractor in EXTRACTORS:
        try:
            records.extend(extractor(doc))
        except Exception as exc:  # noqa: BLE001 - reported, and the other extractors still run
            failures.append(f"{extractor.__name__} failed ({type(exc).__name__}: {exc})")
    return records, failures


__all__ = ["EXTRACTORS", "ReleaseDoc", "extract_all", "read_release"]
