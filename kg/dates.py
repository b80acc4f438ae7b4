"""Calendar dates as releases write them, and relative days resolved."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
DATE_PATTERNS = [
    re.compile(rf"\b(?P<m>{MONTH_NAME})\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?P<m>{MONTH_NAME}),?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
]
# A month and day without a year (wire datelines: "VANCOUVER, March 3 /CNW/").
DAY_MONTH = re.compile(rf"\b(?P<m>{MONTH_NAME})\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)", re.IGNORECASE)


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _build(y: str, m: str, d: str) -> date | None:
    try:
        month = int(m) if m.isdigit() else month_number(m)
        return date(int(y), month, int(d))
    except (ValueError, KeyError):
        return None


def find_dates(text: str) -> Iterator[tuple[int, int, date]]:
    """Every full calendar date in ``text`` with its offsets, in order."""
    found = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            value = _build(m.group("y"), m.group("m"), m.group("d"))
            if value:
                found.append((m.start(), m.end(), value))
    found.sort()
    last_end = -1
    for start, end, value in found:
        if start >= last_end:
            yield start, end, value
            last_end = end


def last_weekday(weekday: str, on_or_before: date) -> date:
    """The most recent ``weekday`` on or before a day: Saturday before Monday 6 Feb 2006 is 4 Feb."""
    back = (on_or_before.weekday() - WEEKDAYS[weekday.lower()]) % 7
    return on_or_before - timedelta(days=back)


_RELATIVE_DAY = re.compile(
    r"\b(?:on\s+|last\s+|this\s+(?:past\s+)?)?(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?!\s*,?\s*(?:" + MONTH_NAME + r"|\d))|\b(?P<r>yesterday|today|earlier today|this morning|last night|overnight)\b",
    re.IGNORECASE,
)


def resolve_relative_day(text: str, release_date: date) -> tuple[int, int, date] | None:
    """The first weekday or relative day in ``text``, resolved against the release date.

    A weekday names the latest such day on or before the release date ("on
    Saturday" in a Monday release is two days before); "yesterday" is the
    day before; "today" the release date itself.
    """
    m = _RELATIVE_DAY.search(text)
    if not m:
        return None
    if m.group("w"):
        return m.start(), m.end(), last_weekday(m.group("w"), release_date)
    word = m.group("r").lower()
    if word in {"yesterday", "last night"}:
        return m.start(), m.end(), release_date - timedelta(days=1)
    return m.start(), m.end(), release_date
