"""Reporting periods: quarters, halves, nine months, years and months.

A period is the ``months`` months ending with month ``end_month`` of
``year``, so fiscal periods and calendar ones share one representation: the
third quarter of a fiscal year ending 30 June 2016 is the quarter ending
March 2016, which is calendar ``2016-Q1``; the issuer's own label is kept
alongside as ``fiscal_label``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from kg.dates import MONTH_NAME, month_number

MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "nine_months": 9, "year": 12}


@dataclass(frozen=True, order=True)
class Period:
    kind: str  # one of MONTHS_IN
    year: int  # calendar year of the last month
    end_month: int  # 1..12, the last month
    fiscal_label: str | None = field(default=None, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.kind not in MONTHS_IN or not 1 <= self.end_month <= 12 or not 1000 <= self.year <= 9999:
            raise ValueError(f"not a period: {self.kind} {self.year}-{self.end_month}")

    @property
    def months(self) -> int:
        return MONTHS_IN[self.kind]

    @property
    def calendar_aligned(self) -> bool:
        return self.kind == "month" or self.end_month % self.months == 0 and (
            self.kind != "nine_months" or self.end_month == 9
        )

    @property
    def label(self) -> str:
        """``2003-Q4``, ``2003``, ``2003-H1``, ``2003-9M``, ``2003-06``.

        A quarter, half or nine months that is not the calendar one says where it ends
        (``2013-9M-ending-2013-03``: the nine months to March), so it never passes for the calendar period;
        a fiscal year keeps the calendar year of its last month.
        """
        if self.kind != "year" and not self.calendar_aligned:
            return self.key
        return self.calendar_label

    @property
    def calendar_label(self) -> str:
        """The label of the calendar period of this kind ending in this period's year."""
        if self.kind == "quarter":
            return f"{self.year}-Q{(self.end_month + 2) // 3}"
        if self.kind == "half":
            return f"{self.year}-H{1 if self.end_month <= 6 else 2}"
        if self.kind == "nine_months":
            return f"{self.year}-9M"
        if self.kind == "month":
            return f"{self.year}-{self.end_month:02d}"
        return str(self.year)

    @property
    def key(self) -> str:
        """Identity of the period: the label, plus its end when not calendar-aligned."""
        if self.calendar_aligned:
            return self.calendar_label
        return f"{self.calendar_label}-ending-{self.year}-{self.end_month:02d}"

    @property
    def start(self) -> date:
        index = self.year * 12 + self.end_month - 1 - (self.months - 1)
        return date(index // 12, index % 12 + 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, self.end_month, calendar.monthrange(self.year, self.end_month)[1])

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def shifted(self, years: int = 0, months: int = 0) -> Period:
        index = self.year * 12 + self.end_month - 1 + years * 12 + months
        return replace(self, year=index // 12, end_month=index % 12 + 1, fiscal_label=None)

    def previous(self) -> Period:
        return self.shifted(months=-self.months)


def quarter(year: int, q: int) -> Period:
    return Period("quarter", year, 3 * q)


def year_period(year: int, end_month: int = 12) -> Period:
    return Period("year", year, end_month)


def containing(day: date, kind: str = "quarter") -> Period:
    """The calendar period of ``kind`` that contains ``day``."""
    months = MONTHS_IN[kind]
    end_month = ((day.month - 1) // months + 1) * months if kind != "nine_months" else 9
    return Period(kind, day.year, min(end_month, 12))


def fiscal_quarter(fiscal_year: int, q: int, fye_month: int = 12) -> Period:
    """Quarter ``q`` of the fiscal year ending in month ``fye_month`` of ``fiscal_year``."""
    end = Period("quarter", fiscal_year, fye_month).shifted(months=-3 * (4 - q))
    label = f"fiscal {fiscal_year} Q{q}" if fye_month != 12 else None
    return replace(end, fiscal_label=label)


def label_to_period(label: str) -> Period:
    """Parse a period label as written by :attr:`Period.label` (``2003-Q4`` ...)."""
    m = re.fullmatch(r"(\d{4})(?:-(Q[1-4]|H[12]|9M|\d\d))?", label.strip())
    if not m:
        raise ValueError(f"not a period label: {label!r} (expected 2003, 2003-Q4, 2003-H1, 2003-9M or 2003-06)")
    year, part = int(m.group(1)), m.group(2)
    if part is None:
        return year_period(year)
    if part.startswith("Q"):
        return quarter(year, int(part[1]))
    if part.startswith("H"):
        return Period("half", year, 6 * int(part[1]))
    if part == "9M":
        return Period("nine_months", year, 9)
    return Period("month", year, int(part))


# ---------------------------------------------------------------- in text

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
            "q1": 1, "q2": 2, "q3": 3, "q4": 4}
_ORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)"
_Y = r"(?P<y>(?:19|20)\d\d)"
_SPAN_WORDS = {"three": "quarter", "3": "quarter", "six": "half", "6": "half", "nine": "nine_months",
               "9": "nine_months", "twelve": "year", "12": "year"}


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    period: Period
    relative: bool = False  # resolved against a context period
    aside: bool = False  # inside parentheses: "(Q2 2019: 77.6 kt)" names a comparison, not what the text is about


@dataclass(frozen=True)
class PeriodContext:
    """What relative periods resolve against."""

    release_date: date | None = None
    anchor: Period | None = None  # the period the text is talking about
    fye_month: int = 12
    reported: Period | None = None  # the period the release reports on ("the Reporting Period"), whatever the anchor
    terms: tuple[tuple[str, Period], ...] = ()  # the release's own names for periods (see :func:`defined_periods`)

    def anchor_year(self) -> int | None:
        if self.anchor:
            return self.anchor.year
        return self.release_date.year if self.release_date else None


def _year(text: str) -> int:
    value = int(text.lstrip("'"))
    return value if value > 100 else (2000 + value if value < 50 else 1900 + value)


_DAY_OF = r"(?:[0-3]?\d(?:st|nd|rd|th)?\s+)?"
_FISCAL_WORD = r"(?:fiscal|financial)(?:\s+year)?"
# A fiscal quarter or half the text names ("Q3 FY24", "the second quarter of the 2022 financial year",
# "H1 FY2019", "the third quarter of the fiscal") and a calendar one it says is the same ("the March
# quarter", "the quarter ended 31 December 2013", "half-year ended 31 December 2018"): together they fix
# the month the fiscal year ends in.
_FISCAL_PART = (
    r"(?:\bQ(?P<fq>[1-4])\s*(?:F(?:Y)?|fiscal(?:\s+year)?\s)\s*'?\d{2,4}\b|\b(?P<fq2>[1-4])Q\s*F(?:Y)?\s*'?\d{2,4}\b"
    r"|\bH(?P<fh>[12])\s*F(?:Y)?\s*'?\d{2,4}\b|\b(?P<fh2>[12])H\s*F(?:Y)?\s*'?\d{2,4}\b"
    rf"|\b(?P<ford>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+|financial\s+)?quarter\s+(?:of|in)\s+(?:the\s+)?"
    rf"(?:(?:company|group|issuer)(?:'|\u2019)?s\s+|its\s+)?(?:(?:19|20)\d\d\s+{_FISCAL_WORD}|{_FISCAL_WORD}|FY\s*'?\d{{2,4}}|F\d{{4}})"
    rf"|\b(?P<fhord>first|second|1st|2nd)\s+half\s+of\s+(?:the\s+)?(?:(?:19|20)\d\d\s+{_FISCAL_WORD}|{_FISCAL_WORD}|FY\s*'?\d{{2,4}}))"
)
_CALENDAR_PART = (
    rf"(?:\b(?P<qm>{MONTH_NAME})\s+(?:(?:19|20)\d\d\s+)?(?:quarter|qtr)\b"
    rf"|\b(?:quarter|three\s+months|3\s+months)\s+(?:ended|ending|to)\s+(?:on\s+)?{_DAY_OF}(?P<qm2>{MONTH_NAME})"
    rf"|\b(?:half[-\u2010\u2011 ]year|six\s+months|6\s+months|half)\s+(?:ended|ending|to)\s+(?:on\s+)?{_DAY_OF}(?P<hm>{MONTH_NAME}))"
)
_GAP = r"[^.;\n]{0,60}?"


def _fye_from_pair(m: re.Match[str]) -> int | None:
    g = m.groupdict()
    q = g.get("fq") or g.get("fq2") or (str(ORDINALS[g["ford"].lower()]) if g.get("ford") else None)
    h = g.get("fh") or g.get("fh2") or ({"first": "1", "1st": "1"}.get(g["fhord"].lower(), "2") if g.get("fhord") else None)
    quarter_month = g.get("qm") or g.get("qm2")
    if q and quarter_month:
        month = month_number(quarter_month)
        return None if month % 3 else (month - 1 + 3 * (4 - int(q))) % 12 + 1
    if h and g.get("hm"):
        month = month_number(g["hm"])
        return (month - 1 + 6 * (2 - int(h))) % 12 + 1
    return None


def _fye_month(group: str) -> Callable[[re.Match[str]], int | None]:
    return lambda m: month_number(m.group(group))


def _year_end_after(month: int, months: int) -> int:
    """The month a fiscal year ends in when its first ``months`` months end in ``month``."""
    return (month + 12 - months - 1) % 12 + 1


def _fye_after_months(m: re.Match[str]) -> int | None:
    return _year_end_after(month_number(m.group("m")), 9 if m.group("n").lower() in {"nine", "9"} else 6)


def _fye_of_half(m: re.Match[str]) -> int | None:
    return _year_end_after(month_number(m.group("m")), 6)  # a half-year ending December: the fiscal year ends in June


# Statements that fix the month the fiscal year ends in, most explicit first; the first that matches wins.
# A fiscal label said to be a calendar period comes first: it is how the text's own labels map to the calendar.
_FISCAL_YEAR_ENDS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], int | None]]] = [
    # "Q3 FY24 is the quarter ended 31 March 2024", "the March quarter (Q3 FY24)"
    (re.compile(rf"{_FISCAL_PART}{_GAP}{_CALENDAR_PART}", re.IGNORECASE), _fye_from_pair),
    (re.compile(rf"{_CALENDAR_PART}{_GAP}{_FISCAL_PART}", re.IGNORECASE), _fye_from_pair),
    # "fiscal year ends June 30", "financial year ending 30 June 2024", "financial year ended 31 March 2012"
    (re.compile(rf"\b{_FISCAL_WORD}\s+(?:end(?:s|ed|ing)?|which\s+ends|that\s+ends)\s+(?:on\s+)?{_DAY_OF}(?P<m>{MONTH_NAME})",
                re.IGNORECASE), _fye_month("m")),
    # "financial year runs from 1 July to 30 June", "fiscal year is July 1 to June 30"
    (re.compile(rf"\b{_FISCAL_WORD}\s+(?:runs|running|is|extends|covers)\s+(?:from\s+)?{_DAY_OF}{MONTH_NAME}\s*(?:[0-3]?\d\s*)?"
                rf"(?:to|until|through|-|\u2013)\s*{_DAY_OF}(?P<m>{MONTH_NAME})", re.IGNORECASE), _fye_month("m")),
    # "FY23 (year ended 30 June 2023)", "FY2016 guidance (year to 30 June 2016)", "(FY24: July 2023 to June 2024)"
    (re.compile(rf"\bF(?:Y)?\s*'?\d{{2,4}}\b{_GAP}\b(?:(?:the\s+)?(?:year|twelve\s+months|12\s+months)\s+(?:ended|ending|to)\s+"
                rf"(?:on\s+)?{_DAY_OF}|{MONTH_NAME},?\s+(?:19|20)\d\d\s*(?:to|-|\u2013)\s*)(?P<m>{MONTH_NAME})", re.IGNORECASE),
     _fye_month("m")),
    # "the first nine months of the fiscal year to 31 March 2019", "the six months of the financial year to 31 December":
    # a part of the year, which ends three or six months before the year does
    (re.compile(rf"\b(?P<n>nine|9|six|6)[- ]months?\s+(?:of\s+(?:the\s+|its\s+)?(?:fiscal\s+|financial\s+)?year\s+)?"
                rf"(?:ended|ending|to)\s+(?:on\s+)?{_DAY_OF}(?P<m>{MONTH_NAME})", re.IGNORECASE), _fye_after_months),
    # "the year ending 30 June 2024" (a year that does not end in December is a fiscal year)
    (re.compile(rf"(?<![-\u2010\u2011\w])(?<!half\s)\byear\s+(?:ended|ending|to)\s+(?:on\s+)?{_DAY_OF}(?P<m>{MONTH_NAME})",
                re.IGNORECASE), _fye_month("m")),
    # "the half-year ended 31 December", "the six months to 31 December": a half ending in the other half-year
    (re.compile(rf"\b(?:half[-\u2010\u2011 ]year|interim\s+period|six\s+months|6\s+months)\s+(?:ended|ending|to)\s+(?:on\s+)?{_DAY_OF}"
                rf"(?P<m>{MONTH_NAME})", re.IGNORECASE), _fye_of_half),
]


def _fye_before_first_quarter(m: re.Match[str]) -> int | None:
    month = month_number(m.group("m"))
    return None if month % 3 else (month - 4) % 12 + 1  # the year began with the first quarter listed


_FISCAL_YEAR_ENDS.append(
    # "the second quarter ended September 30, 2019", "Third Quarter Report to 31 March 2024": the quarter's ordinal
    # and the month it ends in
    # "third quarter production results for the period 1 January to 31 March 2019"
    (re.compile(rf"\b(?P<ford>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter"
                rf"(?:\s+(?:production|operating|operations|operational|activities|quarterly|report|results|update|review"
                rf"|for|the|period|from)){{0,6}}\s+{_DAY_OF}{MONTH_NAME}(?:\s+(?:19|20)\d\d)?\s*(?:to|-|\u2013)\s*"
                rf"{_DAY_OF}(?P<qm>{MONTH_NAME})", re.IGNORECASE), _fye_from_pair))
_FISCAL_YEAR_ENDS.append(
    # "third quarter production report for the quarter ended 31 March 2019"
    (re.compile(rf"\b(?P<ford>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter"
                rf"(?:\s+(?:production|operating|operations|operational|activities|quarterly|report|results|update|review"
                rf"|for|the|quarter|three|months)){{0,6}}\s+"
                rf"(?:ended|ending|to)\s+(?:on\s+)?{_DAY_OF}(?P<qm>{MONTH_NAME})", re.IGNORECASE), _fye_from_pair))
_FISCAL_YEAR_ENDS.append(
    # column headers "Sep Qtr  Dec Qtr  Mar Qtr  Year to Date": the year to date starts with the first quarter listed
    (re.compile(rf"\b(?P<m>{MONTH_NAME})\s+(?:quarter|qtr\.?)(?:\s*\|?\s*{MONTH_NAME}\s+(?:quarter|qtr\.?))+\s*\|?\s*"
                r"(?:year[- ]to[- ]date|YTD)\b", re.IGNORECASE), _fye_before_first_quarter))


def stated_fiscal_year_end(text: str) -> int | None:
    """The month an issuer's fiscal year ends in, where the text states it or pairs a fiscal label with a calendar one."""
    for pattern, month_of in _FISCAL_YEAR_ENDS:
        for m in pattern.finditer(text):
            month = month_of(m)
            if month:
                return month
    return None


def fiscal_year_end(text: str) -> int:
    """The month an issuer's fiscal year ends in, as the text states or implies it (default December)."""
    return stated_fiscal_year_end(text) or default_fiscal_year_end(text)


def default_fiscal_year_end(text: str) -> int:
    """The month a fiscal year ends in where the text does not say: June for fiscal labels ("FY2017") on an exchange
    where the financial year ends on 30 June unless said, else December."""
    return 6 if has_fiscal_labels(text) and _JUNE_YEAR_LISTING.search(text) else 12


def has_fiscal_labels(text: str) -> bool:
    return bool(_FISCAL_LABEL.search(text))


_FISCAL_LABEL = re.compile(r"\bFY\s?'?(?:19|20)?\d\d\b|\b(?:19|20)\d\d\s+financial\s+year\b", re.IGNORECASE)
# Australia's and New Zealand's exchanges: a financial year that ends on 30 June is the norm there
_JUNE_YEAR_LISTING = re.compile(r"\b(?:ASX|NZX)\b")


_KINDS_BY_MONTHS = {3: "quarter", 6: "half", 9: "nine_months", 12: "year"}
_RANGE_SEP = r"\s*(?:-|\u2010|\u2011|\u2013|\u2014|/|\bto\b|\bthrough\b|\buntil\b)\s*"
_FY = r"(?P<f>FY|F)\s*'?(?P<fy>(?:19|20)?\d\d)(?!\d)"

_OUTPUT_NOUN = r"(?:sales|output|production|shipments|deliveries)\b"  # the figures a month or year may modify
_ABSOLUTE: list[tuple[re.Pattern[str], str]] = [
    # three months ended June 30, 2006 / quarter ended June 30, 2006 / year ended December 31, 2003 / half-year
    # ended 31 December 2018 / six months to 31 December 2018 / 3 months to Mar-21
    (re.compile(
        rf"\b(?:(?P<n>three|six|nine|twelve|3|6|9|12)(?:\s+and\s+(?:three|six|nine|twelve|3|6|9|12))?[- ]months?"
        rf"(?P<andq>\s+and\s+(?:the\s+)?(?:{_ORD}\s+)?quarter)?"
        r"(?:\s+period)?|(?P<hy>half[-\u2010\u2011 ]year(?:\s+period)?|half|interim\s+period)|(?P<q>quarter(?:ly)?)"
        r"|(?P<fy>(?:fiscal\s+|financial\s+)?year)|(?P<per>period))"
        r"(?:\s+(?:(?:activities|production|operations|operating|exploration)\s+)?(?:report|update|results|review))?"
        r"\s+(?:end(?:ed|ing)|to)\s+(?:on\s+)?(?:end[- ])?"
        rf"(?:[0-3]?\d(?:st|nd|rd|th)?\s+)?(?P<m>{MONTH_NAME})(?:\s*[-']\s*(?P<yy>\d\d)(?!\d)|(?:\s*[0-3]?\d(?:st|nd|rd|th)?(?!\d))?"
        rf"(?:,?\s*{_Y})?)", re.IGNORECASE), "ended"),
    # July-September / October-December quarter of 2018 / January–June 2019 / 1 July to 30 September 2021 / Apr-Dec 2021
    (re.compile(
        rf"\b(?:from\s+)?(?:[0-3]?\d\s+)?(?P<m1>{MONTH_NAME})(?:\s+[0-3]?\d(?!\d))?(?:,?\s+(?P<y1>(?:19|20)\d\d))?{_RANGE_SEP}"
        rf"(?:[0-3]?\d\s+)?(?P<m>{MONTH_NAME})(?:\s+[0-3]?\d(?:st|nd|rd|th)?(?!\d))?(?:\s+(?:quarter|period|half|months?))?"
        rf"(?:,?\s+(?:of\s+)?{_Y}|\s*[-']\s*(?P<yy>\d\d)(?!\d))?(?![\w-])", re.IGNORECASE), "range"),
    # the third quarter of fiscal 2016 / fourth quarter 2003 / second quarter of the 2022 financial year
    (re.compile(rf"\b{_ORD}[\s-]+(?:fiscal\s+)?quarter(?:\s+of)?(?:\s+the)?(?P<f2>\s+(?:fiscal|financial|FY|F)(?:\s+year)?)?,?\s*'?{_Y}"
                r"(?P<f3>\s+(?:fiscal|financial)\s+year)?", re.IGNORECASE), "quarter"),
    (re.compile(rf"\b(?P<f>fiscal|financial|FY|F)\s*'?{_Y}\s+{_ORD}\s+quarter", re.IGNORECASE), "quarter"),
    # Q4 2003 / Q1, 2002 / Q12016 / Q3 FY2016 / Q1'21 / Q1 21 / Q3 FY23 / 3Q06 / 1Q FY21
    (re.compile(r"\bQ(?P<qn>[1-4])(?:\s*,\s*|\s*[-/]\s*|\s+)?(?P<f>(?:fiscal|FY|F)\s*)?(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE),
     "quarter"),
    (re.compile(r"\bQ(?P<qn>[1-4])\s*(?:[-/']|(?P<f>FY|F))\s*(?P<y>\d\d)\b", re.IGNORECASE), "quarter"),
    (re.compile(r"\bQ(?P<qn>[1-4])\s(?P<y>\d\d)\b(?![,.]?\d|\s*(?:%|per\b|[kM]?(?:oz|t|lb)\b))", re.IGNORECASE), "quarter"),
    (re.compile(r"\b(?P<qn>[1-4])Q\s*(?P<f>FY)?'?(?P<y>(?:19|20)?\d\d)\b", re.IGNORECASE), "quarter"),
    # "2018 Q4 Nickel Production Report", "2024 H1": the calendar year written before the quarter
    (re.compile(r"(?<![\d.,/-])(?P<y>(?:19|20)\d\d)\s+Q(?P<qn>[1-4])\b(?!\s*(?:FY|F\d|fiscal))", re.IGNORECASE), "quarter"),
    # the September quarter 2008 / Sep Qtr 2007 / Mar-21 Qtr / June quarter FY24 / June quarter / the June 2017 half /
    # December 2024 half year (Australian style: the quarter or half ending that month)
    (re.compile(rf"\b(?P<m>{MONTH_NAME})(?:\s*[-']\s*(?P<yy>\d\d)|\s+(?P<y2>(?:19|20)\d\d))?\s+(?:quarter(?:ly)?|qtr\.?|(?P<half>half(?:[- ]year)?))"
                rf"(?:,?\s+(?:of\s+)?{_Y}|\s+{_FY})?(?![\w-])", re.IGNORECASE), "month_quarter"),
    # first half of 2005 / second semester of 2011 / first half of fiscal 2020 / H1 2005 / 1H05 / H1 FY23
    (re.compile(rf"\b(?P<h>first|second|1st|2nd)\s+(?:half|semester)(?:[- ]year)?(?:\s+of)?(?:\s+the)?(?P<f>\s+(?:fiscal|financial|FY))?,?"
                rf"\s*{_Y}(?P<f3>\s+(?:fiscal|financial)\s+year)?", re.IGNORECASE), "half"),
    (re.compile(r"\b(?P<h>first|second|1st|2nd)\s+half(?:[- ]year)?(?:\s+of)?(?:\s+the)?\s+(?P<f>FY)\s?'?(?P<yy>\d\d)\b",
                re.IGNORECASE), "half"),  # "First half FY06"
    (re.compile(r"\b(?:H(?P<hn>[12])|(?P<hm>[12])H|(?P<six>6M))\s*,?\s*(?:(?P<f>FY|F)\s?)?'?(?P<y>(?:19|20)?\d\d)\b", re.IGNORECASE), "half"),
    # "Six months 2023" (a column heading): the first half of that year
    (re.compile(rf"\b(?P<six>six|6)[\s-]*(?:months|mths)(?:\s+of)?,?\s*{_Y}", re.IGNORECASE), "half"),
    # nine months of 2005 / 9M 2005 / 9m 2019 / 9M24
    (re.compile(rf"\b(?:(?:first\s+)?nine\s+months|9M|9\s*(?:months|mths))(?:\s+of)?,?\s*{_Y}", re.IGNORECASE), "nine"),
    (re.compile(r"\b9M\s*'?(?P<yy>\d\d)\b", re.IGNORECASE), "nine"),
    # 12M23 / 12M 2023: the year
    (re.compile(r"\b12M\s*'?(?P<y2>(?:19|20)?\d\d)\b", re.IGNORECASE), "year"),
    # twelve months 2024 / 12 mths 2024 (a column over its year): the calendar year
    (re.compile(r"\b(?:twelve|12)[\s-]*(?:months|mths)(?:\s+of)?,?\s*(?P<y2>(?:19|20)\d\d)\b", re.IGNORECASE), "year"),
    # the month of June 2006 / June 2006
    (re.compile(rf"(?<!\b\d\s)(?<!\b\d\d\s)(?<!\d)\b(?:month\s+of\s+)?(?P<m>{MONTH_NAME}),?\s+{_Y}", re.IGNORECASE), "month"),
    # in August (the year from the context)
    (re.compile(rf"\b(?:in|during|since|through|throughout|early|late|mid-?|month\s+of)\s+(?:early\s+|late\s+|mid-?)?(?P<m>{MONTH_NAME})"
                r"(?![a-z])(?!\s*\d)(?!,\s*(?:19|20)\d\d)", re.IGNORECASE), "month"),
    # December sales / June output (a month named as the figure's modifier; the year from the context)
    (re.compile(rf"(?<![\w-])(?P<m>{MONTH_NAME})(?=\s+{_OUTPUT_NOUN})", re.IGNORECASE), "month"),
    # 2022 silver production / overall 2023 production / 2022 sales (a year as the figure's modifier; not a date's
    # "December 31, 2022 sales")
    (re.compile(rf"(?<![\w$.,-])(?<!\d,\s)(?<!\d\s){_Y}(?=\s+(?:[a-z]+[\s-]){{0,2}}{_OUTPUT_NOUN})"), "year"),
    # fiscal 2006 / FY2006 / FY24 / the 2024 financial year / full year 2003 / in 2003 / for 2003
    # "2011/12", "the 2012/13 financial year": a split year, the fiscal year that ends in the second
    (re.compile(r"(?<![\d/])(?:19|20)\d\d(?P<split>/)(?P<y2>\d\d)(?![\d/])(?:\s+(?:fiscal|financial)\s+year)?", re.IGNORECASE),
     "year"),
    (re.compile(rf"\b(?P<f>fiscal|financial|FY)(?:\s+year)?\s*{_Y}\b|\b(?P<f2>FY|F)'?(?P<y2>\d\d)\b", re.IGNORECASE), "year"),
    (re.compile(rf"\b{_Y}\s+(?P<f>fiscal|financial)\s+year\b", re.IGNORECASE), "year"),
    (re.compile(rf"\b(?:(?:full|calendar)[- ]year|year(?:[- ]end(?:ed)?)?|calendar)\s+(?:of\s+)?{_Y}\b", re.IGNORECASE), "year"),
    (re.compile(rf"\b{_Y}\s+(?:full[- ]year|annual|calendar year)\b", re.IGNORECASE), "year"),
    (re.compile(rf"(?:\b(?:in|for|during|throughout|of|over|through|with)\s+(?:the\s+year\s+)?|^|(?<=[\u00a7\u2022\u00b7\u25aa*][ \t])|(?<=[\u00a7\u2022\u00b7\u25aa])|\(){_Y}"
                r"(?![\w-]|/\d|\s+(?:to|and)\s+(?:19|20)\d\d\b|,\s*\d|\.\d)", re.IGNORECASE), "year"),
]

_LAST_FISCAL = r"(?:last|previous|prior|preceding)\s+(?:fiscal|financial)(?:\s+year)?"
_RELATIVE: list[tuple[re.Pattern[str], str]] = [
    # the same period last year / the corresponding quarter of the previous fiscal / the year-ago month / the pcp
    (re.compile(r"\b(?:the\s+)?(?:same|comparable|corresponding|equivalent|similar|prior[- ]year|previous[- ]year|year[- ]ago|year[- ]earlier"
                r"|last[- ]year(?:'s|\u2019s)?|(?:previous|prior)\s+corresponding)\s+"
                r"(?P<noun>quarter|period|three[- ]month period|six[- ]month period|nine[- ]month period|months?|half(?:[- ]year)?)"
                rf"(?:\s+(?:of|in|a)\s+(?:the\s+)?(?:(?:prior|previous|last|preceding)\s+year|{_LAST_FISCAL})"
                rf"|\s+(?:a\s+)?year\s+(?:ago|earlier|before)|\s+(?:of\s+)?last\s+year|\s+(?:of\s+)?(?:the\s+)?{_LAST_FISCAL}|\s+last\s+fiscal"
                r"|\s+of\s+(?P<y>(?:19|20)\d\d)|\s+in\s+(?P<y2>(?:19|20)\d\d))?\b|\bpcp\b", re.IGNORECASE), "same_period"),
    # the 2021 quarter / the 2021 period: the period the text is about, in that year
    (re.compile(r"\bthe\s+(?P<y>(?:19|20)\d\d)\s+(?:(?P<noun>quarter)|period|three[- ]month period|comparative quarter|comparable quarter)\b",
                re.IGNORECASE), "same_period"),
    (re.compile(r"\b(?:the\s+)?(?:previous|prior|preceding|last|sequential|immediately preceding)\s+(?:quarter|(?:three|3)[- ]months?"
                r"(?:\s+period)?|three[- ]month\s+period)\b|\b(?:the\s+)?quarter\s+(?:before|prior|earlier)\b(?!\s+(?:to|last|the)\b)"
                r"|\ba\s+quarter\s+(?:earlier|before|ago)\b", re.IGNORECASE), "previous_quarter"),
    # January this year / the month of June last year
    (re.compile(rf"\b(?:(?:the\s+)?month\s+of\s+)?(?P<m>{MONTH_NAME})\s+(?:of\s+)?(?P<rel>this|last)\s+year\b", re.IGNORECASE),
     "month_of_year"),
    (re.compile(rf"\b(?:the\s+)?{_ORD}\s+quarter(?:\s+of)?\s+(?:the\s+)?(?P<rel>last|previous|prior|this|current)\s+"
                r"(?:year|fiscal(?:\s+year)?|financial\s+year)", re.IGNORECASE), "ordinal_quarter"),
    (re.compile(rf"\b(?:the\s+)?{_ORD}[\s-]+quarter\b(?:\s+of\s+(?:the\s+)?(?:year|fiscal(?:\s+year)?|financial\s+year)\b)?"
                r"|\b(?P<ord2>Q[1-4])\b(?!\s*[-/']?\s*(?:F|FY)?\d)", re.IGNORECASE), "ordinal_quarter"),
    (re.compile(r"\b(?:the\s+)?(?P<h>first|second)(?:\s+|-)(?:half|semester)(?:[- ]year)?(?:\s+of\s+(?:the\s+)?(?P<rel>year|last year|this year|"
                r"fiscal(?:\s+year)?|financial\s+year))?\b", re.IGNORECASE), "half"),
    (re.compile(r"\b(?:the\s+)?(?P<h>first)\s+six[- ]months?\b(?:\s+of\s+(?:the\s+)?(?P<rel>year|this year|fiscal(?:\s+year)?|financial\s+year)\b)?"
                r"(?!\s+(?:end|to\b))", re.IGNORECASE), "half"),
    (re.compile(r"\bthe\s+(?:half[- ]year|six[- ]month period|six months|interim period)\b(?![- ](?:end|to\b))", re.IGNORECASE), "this_half"),
    (re.compile(r"\b(?:the\s+)?(?:first\s+)?nine\s+months(?:\s+of\s+(?:the\s+|this\s+)?(?:year|fiscal(?:\s+year)?|financial\s+year))?\b"
                r"(?!\s+(?:end|to\b))", re.IGNORECASE), "nine"),
    # year to date / YTD 2021 / 2021 YTD / FY24 YTD: from the start of the (fiscal) year to the end of the period talked about
    (re.compile(rf"\b(?:year[- ]to[- ]date|YTD)(?:\s+(?:{_Y}|{_FY}))?\b", re.IGNORECASE), "ytd"),
    (re.compile(rf"\b(?:{_Y}|{_FY})\s+(?:year[- ]to[- ]date|YTD)\b", re.IGNORECASE), "ytd"),
    (re.compile(r"\b(?:(?:the\s+)?(?:previous|prior|preceding)\s+year|last\s+year|a\s+year\s+(?:ago|earlier|before))\b", re.IGNORECASE),
     "last_year"),
    (re.compile(r"\b(?:this|the\s+current)\s+year\b", re.IGNORECASE), "this_year"),
    (re.compile(r"(?:(?<=for\s)|(?<=over\s)|(?<=during\s)|(?<=throughout\s))the\s+(?:full\s+|whole\s+)?year\b"
                r"(?![- ](?:end|to|ago|earlier|before))", re.IGNORECASE), "the_year"),
    # full year guidance / Full year copper production of: the (fiscal) year the text is about
    (re.compile(r"(?<![\w-])(?:the\s+)?full[- ]year\b(?![- ](?:end|to\b|ago|earlier|before)|\s+(?:of\s+)?(?:production|operations?|commercial)\b)",
                re.IGNORECASE), "the_year"),
    (re.compile(r"\bnext\s+year\b", re.IGNORECASE), "next_year"),
    (re.compile(r"\b(?:the|this)\s+(?:current\s+)?quarter\b", re.IGNORECASE), "this_quarter"),
    # a release's own defined term for the period it reports on: "(the "Reporting Period")", "the period under review"
    (re.compile(r"\b(?:the|this)\s+(?:Reporting\s+Period|reporting\s+period|period\s+under\s+review|review\s+period)\b"),
     "reporting_period"),
]


def _fiscal_year_of(period: Period, fye_month: int) -> int:
    """The calendar year in which the fiscal year holding ``period``'s last month ends."""
    return period.year if period.end_month <= fye_month else period.year + 1


def _fiscal_span(fiscal_year: int, months: int, fye_month: int, kind: str) -> Period:
    """The first ``months`` months of the fiscal year ending in month ``fye_month`` of ``fiscal_year``."""
    end = Period("year", fiscal_year, fye_month).shifted(months=months - 12)
    return Period(kind, end.year, end.end_month)


def _not_after_release(period: Period, ctx: PeriodContext) -> Period:
    """A period named without its year: the latest one that has ended by the release date."""
    if ctx.release_date is None:
        return period
    period = replace(period, year=ctx.release_date.year)
    while period.end > ctx.release_date:
        period = period.shifted(years=-1)
    return period


def _near_release(period: Period, ctx: PeriodContext) -> Period:
    """A year read from the context is kept within a year of the release date (a bare "Q4" of a January release)."""
    if ctx.release_date is None:
        return period
    while (ctx.release_date - period.end).days > 366:
        period = replace(period, year=period.year + 1)
    while (period.start - ctx.release_date).days > 366:
        period = replace(period, year=period.year - 1)
    return period


def _begun_by_release(period: Period, ctx: PeriodContext) -> Period:
    """A quarter named without its year has begun by the release date ("prices in the fourth quarter averaged" in an
    April release: the last one); guidance that looks ahead is moved on by its reader."""
    if ctx.release_date is not None and period.start > ctx.release_date:
        return period.shifted(years=-1)
    return period


def _context_year(ctx: PeriodContext, month: int) -> int | None:
    """The year of a month named without one: the anchor's, but not after the release date, nor, in an undated text,
    after the period the text is about ("up 8% on the December quarter" in a report on the March quarter of 2023)."""
    year = ctx.anchor_year()
    if year is None:
        return None
    latest = (ctx.release_date.year, ctx.release_date.month) if ctx.release_date else (
        (ctx.anchor.year, ctx.anchor.end_month) if ctx.anchor else None)
    if latest and (year, month) > latest:
        year -= 1
    return year


def _month_span(month: int, half: bool) -> str | None:
    """The span a month names as its end ("the June quarter", "the December half"), where it can end one."""
    if half:
        return "half" if month % 6 == 0 else None
    return "quarter" if month % 3 == 0 else None


def _absolute(m: re.Match[str], form: str, ctx: PeriodContext) -> Period | None:
    g = m.groupdict()
    fiscal = bool((g.get("f") or g.get("f2") or g.get("f3") or "").strip())
    explicit = next((v for v in (g.get("y"), g.get("y2"), g.get("yy"), g.get("fy")) if v and re.search(r"\d", v)), None)
    if form in {"month_quarter", "range"} and not explicit:
        month = month_number(g["m"])
        if form == "range":
            months = (month - month_number(g["m1"])) % 12 + 1
            kind = _KINDS_BY_MONTHS.get(months) or ("month" if months == 1 else None)
        else:
            kind = _month_span(month, bool(g.get("half")))
        if kind is None:
            return None
        if ctx.release_date:
            return _not_after_release(Period(kind, ctx.release_date.year, month), ctx)
        context_year = _context_year(ctx, month)
        return Period(kind, context_year, month) if context_year else None
    if explicit:
        year = _year(explicit)
    else:
        anchor_year = ctx.anchor_year()
        if anchor_year is None:
            return None
        year = anchor_year
    if form == "range":
        month = month_number(g["m"])
        start = (_year(g["y1"]) if g.get("y1") else year) * 12 + month_number(g["m1"]) - 1
        if not g.get("y1") and month_number(g["m1"]) > month:
            start -= 12
        months = year * 12 + month - 1 - start + 1
        kind = _KINDS_BY_MONTHS.get(months) or ("month" if months == 1 else None)
        return Period(kind, year, month) if kind else None
    if form == "month_quarter":
        month = month_number(g["m"])
        kind = _month_span(month, bool(g.get("half")))
        if kind is None:
            return None
        if g.get("fy"):  # "June quarter FY24": the quarter ending June within fiscal 2024
            year = year if month <= ctx.fye_month else year - 1
        return Period(kind, year, month)
    if form == "ended":
        month = month_number(g["m"])
        if not (g.get("y") or g.get("yy")) and ctx.release_date:
            # "the three months ended June 30" in a text dated August 2009: the last June 30 before its date, whatever
            # year the text was about before
            year = ctx.release_date.year if (ctx.release_date.year, ctx.release_date.month) >= (ctx.release_date.year, month) \
                else ctx.release_date.year - 1
        if g.get("per"):
            return Period("month", year, month)  # "the period ended": its length is not said here
        if g.get("hy"):
            kind = "half"
        else:
            # "the nine months and the third quarter ended": the quarter, the period a release of both reports on
            kind = "quarter" if g.get("q") or g.get("andq") else ("year" if g.get("fy") else _SPAN_WORDS[g["n"].lower()])
        return Period(kind, year, month)
    if form == "quarter":
        q = ORDINALS[g["ord"].lower()] if g.get("ord") else int(g["qn"])
        return fiscal_quarter(year, q, ctx.fye_month) if fiscal else quarter(year, q)
    if form == "half":
        h = 1 if (g.get("h") or "").lower() in {"first", "1st"} or g.get("hn") == "1" or g.get("hm") == "1" or g.get("six") else 2
        end = Period("year", year, ctx.fye_month if fiscal else 12).shifted(months=-6 * (2 - h))
        return Period("half", end.year, end.end_month)
    if form == "nine":
        return Period("nine_months", year, 9)
    if form == "month":
        month = month_number(g["m"])
        if not g.get("y") and ctx.release_date and (year, month) > (ctx.release_date.year, ctx.release_date.month):
            year -= 1
        return Period("month", year, month)
    if g.get("split"):  # a split year is never the calendar's: June, where the text says no other month
        fye = ctx.fye_month if ctx.fye_month != 12 else 6
        return replace(year_period(year, fye), fiscal_label=f"fiscal {year}")
    if fiscal and ctx.fye_month != 12:
        return replace(year_period(year, ctx.fye_month), fiscal_label=f"fiscal {year}")
    return year_period(year)


def _relative(m: re.Match[str], form: str, ctx: PeriodContext) -> Period | None:
    g = m.groupdict()
    anchor = ctx.anchor
    if anchor is None and ctx.release_date is not None:
        anchor = containing(ctx.release_date).previous()
    if anchor is None:
        return None
    fye = ctx.fye_month
    if form == "same_period":
        noun = (g.get("noun") or "").lower()
        if noun.startswith("month") and anchor.kind != "month":  # "the year-ago month": the anchor's last month
            anchor = Period("month", anchor.year, anchor.end_month)
        elif noun == "quarter" and anchor.kind != "quarter":
            anchor = _quarter_in(anchor, ctx)
        year = g.get("y") or g.get("y2")
        return replace(anchor, year=int(year), fiscal_label=None) if year else anchor.shifted(years=-1)
    if form == "month_of_year":
        this_year = ctx.release_date.year if ctx.release_date else anchor.year
        return Period("month", this_year - (1 if g["rel"].lower() == "last" else 0), month_number(g["m"]))
    if form == "previous_quarter":
        base = anchor if anchor.kind == "quarter" else containing(anchor.end)
        return base.previous()
    if form == "ordinal_quarter":
        rel = (g.get("rel") or "").lower()
        q = ORDINALS[(g.get("ord") or g["ord2"]).lower()]
        if fye != 12:  # a June-year issuer's "third quarter" is January to March
            fiscal_year = _fiscal_year_of(anchor, fye) - (1 if rel in {"last", "previous", "prior"} else 0)
            found = fiscal_quarter(fiscal_year, q, fye)
        else:
            found = quarter(anchor.year - 1 if rel in {"last", "previous", "prior"} else anchor.year, q)
        return found if rel else _begun_by_release(_near_release(found, ctx), ctx)
    if form == "half":
        rel = (g.get("rel") or "").lower()
        h = 1 if g["h"].lower() == "first" else 2
        if fye != 12 and rel not in {"year", "last year", "this year"}:
            return _fiscal_span(_fiscal_year_of(anchor, fye), 6 * h, fye, "half")
        year = anchor.year - 1 if rel == "last year" else anchor.year
        return Period("half", year, 6 * h)
    if form == "this_half":  # "the half-year": the half the text is about
        fiscal_year = _fiscal_year_of(anchor, fye)
        first = _fiscal_span(fiscal_year, 6, fye, "half")
        return first if anchor.end <= first.end else _fiscal_span(fiscal_year, 12, fye, "half")
    if form == "nine":
        return _fiscal_span(_fiscal_year_of(anchor, fye), 9, fye, "nine_months")
    if form == "ytd":
        if g.get("fy"):
            fiscal_year = _year(g["fy"])
        elif g.get("y"):
            fiscal_year = _year(g["y"]) if fye == 12 else _fiscal_year_of(replace(anchor, year=_year(g["y"])), fye)
        else:
            fiscal_year = _fiscal_year_of(anchor, fye)
        months = (anchor.end_month - fye - 1) % 12 + 1
        kind = _KINDS_BY_MONTHS.get(months)
        return _fiscal_span(fiscal_year, months, fye, kind) if kind else None
    if form == "last_year":
        return anchor.shifted(years=-1)
    if form == "the_year":  # "for the year": the (fiscal) year the text is about, within a year of the release
        if fye == 12:
            return _near_release(year_period(anchor.year), ctx)
        end_year = _near_release(year_period(_fiscal_year_of(anchor, fye), fye), ctx).year
        return replace(year_period(end_year, fye), fiscal_label=f"fiscal {end_year}")
    if form in {"this_year", "next_year"}:
        this_year = ctx.release_date.year if ctx.release_date else anchor.year
        return year_period(this_year + (1 if form == "next_year" else 0))
    # this quarter: the quarter holding the period talked about ("March output ... sold in the quarter"); "the
    # quarter" of a release dated within the quarter that month lies in is the quarter that has ended
    if anchor.kind == "quarter":
        return anchor
    current = re.search(r"(?i)\b(?:this|current)\b", m.group())
    return containing(anchor.end) if current else _quarter_in(anchor, ctx)


def _quarter_in(anchor: Period, ctx: PeriodContext) -> Period:
    """The quarter a longer (or shorter) period talked about stands for: its last quarter ended by the release."""
    held = containing(anchor.end)
    while ctx.release_date and held.end > ctx.release_date and (anchor.months < 3 or held.previous().end >= anchor.start):
        held = held.previous()
    return held


_COMPARED = re.compile(r"(?i)\b(compar\w*|versus|vs\.?|against|from|than|up|down|increase\w*|decrease\w*|higher|lower)\b")


_ANY_MONTH = re.compile(rf"\b{MONTH_NAME}", re.IGNORECASE)
# rows that cannot match without a month name: each names one outside any optional part
_NEEDS_MONTH = {pattern for pattern, form in _ABSOLUTE + _RELATIVE
                if form in {"ended", "range", "month_quarter", "month", "month_of_year"}}


@lru_cache(maxsize=2048)
def _mentions(text: str) -> tuple[tuple[int, int, bool, re.Match[str], str], ...]:
    """The period patterns' matches in ``text``, left to right, without overlaps (the longest wins).

    The same sentence is read by several extractors, so the scan is remembered.
    """
    has_month = _ANY_MONTH.search(text) is not None  # most sentences name no month: skip the rows that need one
    candidates = [(m.start(), m.end(), relative, m, form)
                  for relative, patterns in ((False, _ABSOLUTE), (True, _RELATIVE))
                  for pattern, form in patterns if has_month or pattern not in _NEEDS_MONTH
                  for m in pattern.finditer(text)]
    candidates.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))  # longest first; absolute before relative
    chosen: list[tuple[int, int, bool, re.Match[str], str]] = []
    for candidate in candidates:
        if all(candidate[1] <= c[0] or candidate[0] >= c[1] for c in chosen):
            chosen.append(candidate)
    return tuple(sorted(chosen, key=lambda f: f[0]))


def _names_a_quarter(m: re.Match[str], form: str) -> bool:
    """A relative mention whose noun is a quarter ("the 2021 quarter", "the year-ago quarter", "the quarter")."""
    return form == "this_quarter" or form == "same_period" and (m.groupdict().get("noun") or "").lower() == "quarter"


def _term_key(term: str) -> str:
    return " ".join(term.lower().split())


@lru_cache(maxsize=64)
def _terms_pattern(terms: tuple[tuple[str, Period], ...]) -> re.Pattern[str]:
    words = "|".join(r"\s+".join(map(re.escape, term.split())) for term, _p in sorted(terms, key=lambda t: -len(t[0])))
    return re.compile(rf"(?<![\w-])(?:the\s+)?(?P<term>{words})(?![\w-])", re.IGNORECASE)


def _with_terms(text: str, mentions: Sequence[tuple[int, int, bool, re.Match[str], str]],
                terms: tuple[tuple[str, Period], ...]) -> Sequence[tuple[int, int, bool, re.Match[str], str]]:
    """The mentions of ``text`` with the release's defined period terms among them; a term wins over the patterns'
    reading of its words ("Corresponding Period of Last Year" is the period the release defined, not last year)."""
    found = [(m.start(), m.end(), False, m, "defined") for m in _terms_pattern(terms).finditer(text)] if terms else []
    if not found:
        return mentions
    kept = [c for c in mentions if all(c[1] <= f[0] or c[0] >= f[1] for f in found)]
    return sorted(kept + found, key=lambda f: f[0])


# a defined term in parentheses: (the "Reporting Period"), (the **"Corresponding Period of Last Year"**), ("1H12")
_DEFINITION = re.compile(r"""\(\s*(?:the\s+)?[*_]*["“”'‘’]+[*_]*"""
                         r"""(?P<term>[A-Z0-9][\w ,&’'-]{1,60}?)[*_]*["“”'‘’]+[*_]*\s*\)""")


_TERM_KIND = re.compile(r"(?i)\b(quarter|half|year|month|period)\b")


def _term_fits(term: str, period: Period) -> bool:
    """A term's own noun agrees with the period it names: "the Quarter" a quarter, "the Reporting Period" any, and a
    day ("December 31, 2024 (the "Effective Date")") names no period, however its month reads."""
    noun = _TERM_KIND.search(term)
    kind = noun.group(1).lower() if noun else ""
    if kind in {"", "period"}:
        return bool(noun) and period.kind != "month"
    return kind == period.kind


def defined_periods(text: str, ctx: PeriodContext) -> tuple[tuple[str, Period], ...]:
    """The names a release gives its periods: "for the six months ended 30 June 2012 (the "Reporting Period")" makes
    "Reporting Period" stand for 2012-H1 wherever it is written, a table's column heading included."""
    terms: dict[str, Period] = {}
    for m in _DEFINITION.finditer(text):
        before = text[max(0, m.start() - 200):m.start()]
        named = [p for p in find_periods(before, ctx) if not p.relative]
        if named and not before[named[-1].end:].strip(" ,*_") and _term_fits(m.group("term"), named[-1].period):
            terms.setdefault(_term_key(m.group("term")), named[-1].period)
    return tuple(terms.items())


def find_periods(text: str, ctx: PeriodContext) -> Iterator[PeriodMention]:
    """Period mentions in ``text``, left to right, without overlaps.

    Absolute mentions ("the fourth quarter of 2003", "Q1, 2002", "fiscal
    2016") come first; relative ones ("the same period last year", "the
    previous quarter") resolve against the most recent absolute mention
    before them, or the context's anchor.
    """
    anchor = ctx
    anchored_here = False
    latest: Period | None = None  # the year to date runs to the latest period named ("Sep Qtr  Dec Qtr  Mar Qtr  YTD")
    for start, end, relative, m, form in _with_terms(text, _mentions(text), ctx.terms):
        if form == "defined":
            period: Period | None = dict(ctx.terms)[_term_key(m.group("term"))]
        elif form == "ytd" and latest is not None and (anchor.anchor is None or latest.end > anchor.anchor.end):
            period = _relative(m, form, replace(anchor, anchor=latest))
        elif relative and _names_a_quarter(m, form) and anchor.anchor is not None and anchor.anchor.kind != "quarter" \
                and ctx.anchor is not None and ctx.anchor.kind == "quarter":
            period = _relative(m, form, ctx)  # "in 2022 ... the 2021 quarter": the quarter the release is about
        elif form == "reporting_period":
            period = ctx.reported or ctx.anchor  # the release's own period, whatever the sentence before talked about
        else:
            period = _relative(m, form, anchor) if relative else _absolute(m, form, anchor)
        if period is None:
            continue
        if form == "last_year" and period.kind != "year" and not _COMPARED.search(text[max(0, start - 80):start]):
            period = year_period(period.year)  # "production last year totalled ...": the year itself
        aside = text.count("(", 0, start) > text.count(")", 0, start)  # "(Q4 2006: 25.9 koz)" is a comparison
        yield PeriodMention(start, end, period, relative, aside)
        if not relative and not aside and (latest is None or period.end > latest.end):
            latest = period
        if not relative and not anchored_here and not aside:
            anchor, anchored_here = replace(anchor, anchor=period), True
