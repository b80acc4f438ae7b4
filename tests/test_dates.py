"""kg.dates: calendar dates in text, and relative days resolved against a dateline."""

from __future__ import annotations

from datetime import date

import pytest

from kg.dates import find_dates, last_weekday, month_number, resolve_relative_day


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("Vancouver, British Columbia, July 18, 2011 - Kestrel", "July 18, 2011", date(2011, 7, 18)),
        ("PERTH, 23 October 2008: the board", "23 October 2008", date(2008, 10, 23)),
        ("issued 2019-11-07 before market open", "2019-11-07", date(2019, 11, 7)),
        ("dated Sept. 3, 2009 in Reno", "Sept. 3, 2009", date(2009, 9, 3)),
        ("on Jan 5th, 2010 the crew", "Jan 5th, 2010", date(2010, 1, 5)),
        ("from 1st March, 2014 onwards", "1st March, 2014", date(2014, 3, 1)),
        ("Dec. 31 2015 balance", "Dec. 31 2015", date(2015, 12, 31)),
    ],
)
def test_find_dates_formats(text: str, quote: str, expected: date) -> None:
    found = list(find_dates(text))
    assert len(found) == 1
    start, end, value = found[0]
    assert text[start:end] == quote
    assert value == expected


def test_find_dates_several_in_order() -> None:
    text = "The strike began on 2 May 2012 and ended on June 11, 2012; the report is dated 2012-06-30."
    assert [v for _s, _e, v in find_dates(text)] == [date(2012, 5, 2), date(2012, 6, 11), date(2012, 6, 30)]


@pytest.mark.parametrize(
    "text",
    [
        "February 30, 2011 is not a day",
        "in June 2011 the mill",  # a month, not a day
        "on March 4 the crew",  # no year
        "the 2011 results",
    ],
)
def test_find_dates_ignores_non_dates(text: str) -> None:
    assert list(find_dates(text)) == []


@pytest.mark.parametrize(("name", "number"), [("Sept.", 9), ("sep", 9), ("JUNE", 6), ("Dec", 12), ("may", 5)])
def test_month_number(name: str, number: int) -> None:
    assert month_number(name) == number


@pytest.mark.parametrize(
    ("weekday", "day", "expected"),
    [
        ("Saturday", date(2011, 7, 18), date(2011, 7, 16)),  # Monday release, Saturday before
        ("monday", date(2011, 7, 18), date(2011, 7, 18)),  # the same day
        ("Tuesday", date(2011, 7, 18), date(2011, 7, 12)),
        ("Sunday", date(2012, 1, 3), date(2012, 1, 1)),  # across a year end
        ("Friday", date(2016, 3, 1), date(2016, 2, 26)),  # leap year
    ],
)
def test_last_weekday(weekday: str, day: date, expected: date) -> None:
    assert last_weekday(weekday, day) == expected


RELEASE = date(2011, 7, 20)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("The fire broke out on Sunday evening in the crusher house.", "on Sunday", date(2011, 7, 17)),
        ("A conveyor failure last Friday halted the plant.", "last Friday", date(2011, 7, 15)),
        ("The pit wall slipped this past Monday.", "this past Monday", date(2011, 7, 18)),
        ("Power was lost yesterday at the substation.", "yesterday", date(2011, 7, 19)),
        ("Crews were evacuated last night as a precaution.", "last night", date(2011, 7, 19)),
        ("The union gave notice earlier today.", "earlier today", date(2011, 7, 20)),
        ("The hoist was repaired overnight.", "overnight", date(2011, 7, 20)),
    ],
)
def test_resolve_relative_day(text: str, words: str, expected: date) -> None:
    found = resolve_relative_day(text, RELEASE)
    assert found is not None
    start, end, value = found
    assert text[start:end] == words
    assert value == expected


@pytest.mark.parametrize(
    "text",
    [
        "The meeting is set for Tuesday, August 2.",  # a weekday with its own date
        "Production resumed in the third quarter.",
    ],
)
def test_resolve_relative_day_none(text: str) -> None:
    assert resolve_relative_day(text, RELEASE) is None
