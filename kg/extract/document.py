"""A release read once: its text, its own metadata and the context every extractor shares."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from kg.extract.mines import find_mine_mentions, mine_key
from kg.extract.names import company_key
from kg.extract.release import read_release_info
from kg.periods import Period, PeriodContext, defined_periods
from kg.read.layout import Table, find_tables
from kg.read.text import SourceText
from kg.records import CompanyMention, MineRecord, ReleaseInfo
from kg.vocabulary import COUNTED_ONLY_IN, PRECIOUS, find_metals, implied_currency, release_currency


@dataclass(frozen=True)
class ReleaseDoc:
    """What the extractors read: the text plus what the release says about itself."""

    text: SourceText
    info: ReleaseInfo
    issuer_mentions: tuple[CompanyMention, ...]
    mine_mentions: tuple[tuple[int, MineRecord], ...]  # (clean offset, record), in text order
    mine_names: dict[str, str]  # mine key -> the name most often written
    own_mines: tuple[str, ...]  # keys of the mines the issuer operates (or whose operator is unnamed)
    currency: str | None
    fye_month: int

    @property
    def release_date(self) -> date | None:
        return date.fromisoformat(self.info.date) if self.info.date else None

    @cached_property
    def period_terms(self) -> tuple[tuple[str, Period], ...]:
        """The release's own names for periods ("the Reporting Period"), read once."""
        plain = PeriodContext(self.release_date, self.info.reporting_period, self.fye_month, self.info.reporting_period)
        return defined_periods(self.text.clean, plain)

    def period_context(self) -> PeriodContext:
        return PeriodContext(self.release_date, self.info.reporting_period, self.fye_month, self.info.reporting_period,
                             self.period_terms)

    def site_before(self, position: int, since: int = 0) -> str | None:
        """The mine named last before ``position`` (and at or after ``since``)."""
        found = None
        for start, record in self.mine_mentions:
            if start >= position:
                break
            if start >= since:
                found = record
        return self.mine_names[mine_key(found.name)] if found else None

    @cached_property
    def metals_named(self) -> tuple[str, ...]:
        """Every metal mention of the text, in order (gold equivalents aside)."""
        return tuple(metal for _s, _e, metal in find_metals(self.text.clean) if metal != "gold_equivalent")

    def principal_metal(self, per_unit: str) -> str | None:
        """The metal a per-ounce (precious) or per-pound (base) price or cost is about when none is named.

        For a recovery ("%"), the metal only when the release names no other;
        for tonnes, the only base metal or bulk commodity it names (coal, iron ore), or the one it names three times as
        often as any other.
        """
        if per_unit in COUNTED_ONLY_IN:
            return COUNTED_ONLY_IN[per_unit] if COUNTED_ONLY_IN[per_unit] in self.metals_named else None
        if per_unit == "%":
            named = set(self.metals_named)
            return named.pop() if len(named) == 1 else None
        if per_unit == "t":  # the only base metal or bulk product named, or the one named three times as often as any other
            base = Counter(metal for metal in self.metals_named if metal not in PRECIOUS).most_common(2)
            if len(base) == 1 or len(base) == 2 and base[0][1] >= 3 * base[1][1]:
                return base[0][0]
            return None
        wanted = PRECIOUS if per_unit in {"oz", "kg"} else None if per_unit == "lb" else set()
        if wanted == set():
            return None
        counts = Counter(metal for metal in self.metals_named if (metal in PRECIOUS) == (wanted is not None))
        return counts.most_common(1)[0][0] if counts else None

    @cached_property
    def tables(self) -> tuple[Table, ...]:
        """The tables of the text, as the layout layer finds them."""
        return tuple(find_tables(self.text.clean))

    def in_table(self, start: int, end: int) -> bool:
        """Whether clean characters ``start`` to ``end`` lie inside one of the release's tables."""
        return any(table.start <= start and end <= table.end + 1 for table in self.tables)

    def default_site(self) -> str | None:
        """The issuer's mine when the release has exactly one."""
        return self.mine_names[self.own_mines[0]] if len(self.own_mines) == 1 else None


def read_release(original: str | SourceText) -> ReleaseDoc:
    text = original if isinstance(original, SourceText) else SourceText(original)
    info, issuer_mentions = read_release_info(text)
    mentions = tuple(find_mine_mentions(text, info.issuer))
    names: dict[str, Counter[str]] = {}
    for _start, record in mentions:
        names.setdefault(mine_key(record.name), Counter())[record.name] += 1
    mine_names = {key: counts.most_common(1)[0][0] for key, counts in names.items()}
    issuer_key = company_key(info.issuer or "")
    own = []
    for key in mine_names:
        operators = {company_key(r.operator) for _s, r in mentions if mine_key(r.name) == key and r.operator}
        if not operators or issuer_key in operators:
            own.append(key)
    return ReleaseDoc(
        text=text,
        info=info,
        issuer_mentions=tuple(issuer_mentions),
        mine_mentions=mentions,
        mine_names=mine_names,
        own_mines=tuple(own),
        currency=release_currency(text.clean) or implied_currency(text.clean),
        fye_month=info.fiscal_year_end_month,
    )

