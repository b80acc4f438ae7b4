"""Typed, frozen records: what extractors return and the RDF layer consumes.

Every record carries the span it was read from (character offsets into the
release text and the verbatim quote) from the moment it is created.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.periods import Period


@dataclass(frozen=True, order=True)
class Span:
    """Characters ``start`` to ``end`` of the release text, and what they say."""

    start: int
    end: int
    quote: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")
        if len(self.quote) != self.end - self.start:
            raise ValueError("quote length differs from span length")


@dataclass(frozen=True)
class ReleaseInfo:
    """What a release says about itself: dateline, title, issuer, listing."""

    span: Span
    date: str | None  # ISO 8601
    title: str | None
    issuer: str | None
    tickers: tuple[str, ...] = ()
    website: str | None = None
    address: str | None = None
    dateline_place: str | None = None
    reporting_period: Period | None = None
    fiscal_year_end_month: int = 12  # the month the issuer's fiscal year ends in, stated or implied


@dataclass(frozen=True)
class CompanyMention:
    span: Span
    name: str


@dataclass(frozen=True)
class MineRecord:
    span: Span
    name: str
    operator: str | None = None
    location: str | None = None
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Measurement:
    """An actual figure: ``value`` ``unit`` of ``metric`` (of ``metal``) in ``period``."""

    span: Span
    metric: str
    value: float
    unit: str
    period: Period
    metal: str | None = None
    site: str | None = None  # mine name; None: company level
    basis: str | None = None  # "payable" or "contained"


@dataclass(frozen=True)
class Guidance:
    """A forward-looking figure: a single value has low == high."""

    span: Span
    metric: str
    low: float
    high: float
    unit: str
    period: Period
    metal: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str


@dataclass(frozen=True)
class Agreement:
    span: Span
    kind: str
    parties: tuple[str, ...]
    properties: tuple[str, ...] = ()
    date: str | None = None  # ISO date, or YYYY-MM
    date_text: str | None = None
    interest_pct: float | None = None
    spend: Money | None = None
    payments: Money | None = None
    term_years: float | None = None
    operator: str | None = None


@dataclass(frozen=True)
class PersonRecord:
    span: Span
    name: str
    role: str | None = None
    organization: str | None = None
    phone: str | None = None
    email: str | None = None
    quoted: bool = False


@dataclass(frozen=True)
class Incident:
    span: Span
    kind: str
    site: str | None = None
    date: str | None = None  # ISO date
    period: Period | None = None
    date_text: str | None = None
    effects: tuple[str, ...] = field(default=())


Record = (
    ReleaseInfo | CompanyMention | MineRecord | Measurement | Guidance | Agreement | PersonRecord | Incident
)


def record_row(record: object) -> dict[str, object]:
    """A record as a flat row: its kind, its fields (periods as labels, amounts as numbers) and its span.

    What ``kg extract`` prints, so anyone can see what a release yields and from which characters.
    """
    from dataclasses import fields, is_dataclass

    row: dict[str, object] = {"kind": type(record).__name__}
    span = getattr(record, "span", None)
    for f in fields(record):  # type: ignore[arg-type]
        if f.name == "span":
            continue
        value = getattr(record, f.name)
        if isinstance(value, Period):
            value = value.key
        elif is_dataclass(value) and not isinstance(value, type):
            value = {k.name: getattr(value, k.name) for k in fields(value) if k.name != "span"}
        elif isinstance(value, tuple):
            value = [v.key if isinstance(v, Period) else v for v in value]
        row[f.name] = value
    if isinstance(span, Span):
        row.update(start=span.start, end=span.end, quote=span.quote)
    return row
