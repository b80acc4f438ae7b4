"""kg.periods: reporting periods, their labels and dates, and finding them in text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kg.periods import (
    Period,
    PeriodContext,
    containing,
    defined_periods,
    find_periods,
    fiscal_quarter,
    fiscal_year_end,
    label_to_period,
    quarter,
    year_period,
)

# ---------------------------------------------------------------- Period itself


@pytest.mark.parametrize(
    ("period", "label", "start", "end"),
    [
        (quarter(2011, 2), "2011-Q2", date(2011, 4, 1), date(2011, 6, 30)),
        (quarter(2008, 4), "2008-Q4", date(2008, 10, 1), date(2008, 12, 31)),
        (Period("half", 2021, 6), "2021-H1", date(2021, 1, 1), date(2021, 6, 30)),
        (Period("half", 2019, 12), "2019-H2", date(2019, 7, 1), date(2019, 12, 31)),
        (Period("nine_months", 2014, 9), "2014-9M", date(2014, 1, 1), date(2014, 9, 30)),
        (Period("month", 2016, 2), "2016-02", date(2016, 2, 1), date(2016, 2, 29)),
        (year_period(2003), "2003", date(2003, 1, 1), date(2003, 12, 31)),
        # a fiscal year ending June: label is its calendar year of the last month
        (year_period(2016, 6), "2016", date(2015, 7, 1), date(2016, 6, 30)),
    ],
)
def test_period_label_and_dates(period: Period, label: str, start: date, end: date) -> None:
    assert period.label == label
    assert period.start == start
    assert period.end == end
    assert period.days == (end - start).days + 1


def test_period_key_marks_unaligned_periods() -> None:
    assert quarter(2011, 2).key == "2011-Q2"
    assert year_period(2016, 6).key == "2016-ending-2016-06"
    assert not year_period(2016, 6).calendar_aligned


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (quarter(2011, 1), quarter(2010, 4)),
        (Period("half", 2021, 6), Period("half", 2020, 12)),
        (year_period(2003), year_period(2002)),
    ],
)
def test_previous(period: Period, expected: Period) -> None:
    assert period.previous() == expected


@pytest.mark.parametrize(
    ("fiscal_year", "q", "fye", "label", "fiscal_label"),
    [
        (2006, 3, 6, "2006-Q1", "fiscal 2006 Q3"),  # Jan-Mar 2006 of a year ending June 2006
        (2006, 1, 6, "2005-Q3", "fiscal 2006 Q1"),
        (2016, 2, 9, "2016-Q1", "fiscal 2016 Q2"),  # year ending September
        (2012, 4, 3, "2012-Q1", "fiscal 2012 Q4"),  # year ending March
        (2010, 2, 12, "2010-Q2", None),
    ],
)
def test_fiscal_quarter(fiscal_year: int, q: int, fye: int, label: str, fiscal_label: str | None) -> None:
    period = fiscal_quarter(fiscal_year, q, fye)
    assert period.label == label
    assert period.fiscal_label == fiscal_label


@pytest.mark.parametrize("label", ["2003-Q4", "2003", "2003-H1", "2003-9M", "2003-06", "1999-Q1"])
def test_label_round_trip(label: str) -> None:
    assert label_to_period(label).label == label


@pytest.mark.parametrize("label", ["Q4 2003", "2003-Q5", "03-Q1", ""])
def test_label_to_period_rejects(label: str) -> None:
    with pytest.raises(ValueError):
        label_to_period(label)


@pytest.mark.parametrize(
    ("day", "kind", "label"),
    [(date(2011, 7, 18), "quarter", "2011-Q3"), (date(2011, 5, 1), "half", "2011-H1"), (date(2011, 12, 31), "year", "2011")],
)
def test_containing(day: date, kind: str, label: str) -> None:
    assert containing(day, kind).label == label


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Tamarack's fiscal year ends June 30; all figures are unaudited.", 6),
        ("The Group's financial year ended 31 March 2012.", 3),
        ("for the fiscal year ending September 30, 2016", 9),
        ("Results for the quarter ended June 30, 2011.", 12),  # nothing said: December
        ("The Group's financial year runs from 1 July to 30 June.", 6),
        ("outlook for the financial year ending 30 June 2025", 6),
        ("costs were A$1,510/oz in FY22 (year ended 30 June 2022)", 6),
        ("FY2019 outlook (year to 30 June 2019) is kept", 6),
        ("guidance (FY25: July 2024 to June 2025) is unchanged", 6),
        ("output for the quarter ended 31 March 2025 (the March quarter, Q3 FY25)", 6),
        ("the September quarter (Q1 FY26) saw", 6),
        ("Q2 F2015 is the quarter ended 31 December 2014.", 6),
        ("the three months to 30 September 2019, being the second quarter of the Company's financial year", 3),
        ("In the December quarter, the third quarter of the fiscal, output rose.", 3),
        ("interim results for the half-year ended 31 December 2020 (H1 FY2021)", 6),
        ("for the six months to 31 December 2020, output", 6),
        ("for the six months ended June 30, 2021", 12),
        ("revenue for the year ending 31 March 2023", 3),
        ("for the year ended December 31, 2012", 12),
        ("Mill output   Sep Qtr   Dec Qtr   Mar Qtr   Year to Date", 6),
        ('results for the second quarter ended September 30, 2019 ("Q2 Fiscal 2020")', 3),
        ("Third Quarter Report to 31 March 2024", 6),  # the quarter's ordinal and the month it ends in
        ("results for the third quarter ended September 30, 2019", 12),
        # fiscal labels on an exchange where the financial year ends on 30 June unless the text says otherwise
        ("ASX Code: IBM\nProduction Summary   Dec 2016 Qtr   Sep 2016 Qtr   YTD FY2017", 6),
        ("ASX Code: IBM\nProduction for the December 2016 quarter", 12),  # no fiscal label: nothing implied
        ("TSX: KGM. FY2017 production", 12),
    ],
)
def test_fiscal_year_end(text: str, month: int) -> None:
    assert fiscal_year_end(text) == month


# ---------------------------------------------------------------- absolute mentions

NO_CONTEXT = PeriodContext()


@pytest.mark.parametrize(
    ("text", "quote", "label"),
    [
        ("Output rose in the fourth quarter of 2009 on higher grades.", "fourth quarter of 2009", "2009-Q4"),
        ("Results for Q1 2012 were released.", "Q1 2012", "2012-Q1"),
        ("Results for Q1, 2012 were released.", "Q1, 2012", "2012-Q1"),
        ("Q3/2013 production", "Q3/2013", "2013-Q3"),
        ("the 3Q07 results", "3Q07", "2007-Q3"),
        ("During the 2nd quarter 2015, the mill", "2nd quarter 2015", "2015-Q2"),
        ("for the three months ended June 30, 2006", "three months ended June 30, 2006", "2006-Q2"),
        ("for the quarter ended 30 September 2008", "quarter ended 30 September 2008", "2008-Q3"),
        ("for the three months ended September 30, 2008", "three months ended September 30, 2008", "2008-Q3"),
        ("in the six months ended June 30, 2021", "six months ended June 30, 2021", "2021-H1"),
        ("for the nine-month period ended September 30, 2019", "nine-month period ended September 30, 2019", "2019-9M"),
        ("for the year ended December 31, 2010", "year ended December 31, 2010", "2010"),
        ("in the first half of 2005, the", "first half of 2005", "2005-H1"),
        ("H2 2020 output", "H2 2020", "2020-H2"),
        ("1H05 sales", "1H05", "2005-H1"),
        # compact column headers of six, nine and twelve months
        ("6M24 production", "6M24", "2024-H1"),
        ("6M 2023 sales", "6M 2023", "2023-H1"),
        ("9M24 output", "9M24", "2024-9M"),
        ("12M23 sales", "12M23", "2023"),
        ("in the first nine months of 2005", "nine months of 2005", "2005-9M"),
        ("in the month of March 2014 the", "month of March 2014", "2014-03"),
        ("during June 2006 the plant", "June 2006", "2006-06"),
        ("full year 2003 production", "full year 2003", "2003"),
        ("the 2003 full-year total", "2003 full-year", "2003"),
        ("production in 2003 was", "in 2003", "2003"),
        pytest.param("for calendar 2008 guidance", "calendar 2008", "2008"),
        ("for calendar year 2008 guidance", "calendar year 2008", "2008"),
        ("\u00a7 2014 copper output of 81 kt", "2014", "2014"),  # a year opening a bullet
        ("\u2022 2014 copper output of 81 kt", "2014", "2014"),
        # month ranges: their length gives the kind
        ("October-December quarter of 2017 sales", "October-December quarter of 2017", "2017-Q4"),
        ("the October-December quarter\nof 2017", "October-December quarter\nof 2017", "2017-Q4"),
        ("output for January\u2013June 2020 rose", "January\u2013June 2020", "2020-H1"),
        ("a target for July-December 2017 of", "July-December 2017", "2017-H2"),
        ("for Jan-Mar 2015 the mill", "Jan-Mar 2015", "2015-Q1"),
        ("for the period 1 April to 30 June 2020, the", "1 April to 30 June 2020", "2020-Q2"),
        # halves ended or to a month, semesters
        ("for the half-year ended 31 December 2017", "half-year ended 31 December 2017", "2017-H2"),
        ("for the six months to 31 December 2017", "six months to 31 December 2017", "2017-H2"),
        ("in the second semester of 2013, the", "second semester of 2013", "2013-H2"),
        # column-header forms
        ("Q3 14", "Q3 14", "2014-Q3"),
        ("Q2'19", "Q2'19", "2019-Q2"),
        ("4Q19", "4Q19", "2019-Q4"),
        ("Q42017", "Q42017", "2017-Q4"),
        ("3 months to Sep-19", "3 months to Sep-19", "2019-Q3"),
        ("Dec-19 Qtr", "Dec-19 Qtr", "2019-Q4"),
        ("Sep 2019 Qtr", "Sep 2019 Qtr", "2019-Q3"),
        ("its June quarterly report", "June quarterly", None),
        # a year as the modifier of an output; the quarter of a release on both the nine months and the quarter
        ("- 2022 silver production of 4.2 million ounces", "2022", "2022"),
        ("Overall 2023 production was 301,900 ounces", "2023", "2023"),
        ("As at December 31, 2022 sales were", "", None),
        ("Fourth-quarter 2024 production was", "Fourth-quarter 2024", "2024-Q4"),
        ("for the nine months and the third quarter ended 30 September 2023", "nine months", "2023-Q3"),
    ],
)
def test_absolute_periods(text: str, quote: str, label: str) -> None:
    mentions = [m for m in find_periods(text, NO_CONTEXT) if not m.relative]
    assert len(mentions) == (1 if label else 0), mentions
    if label:
        m = mentions[0]
        assert m.period.label == label
        assert quote in text[m.start:m.end]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a fiscal April-to-December: nine months, labelled with its end so it never passes for January-September
        ("a nine-month total for April-December 2019", "2019-9M-ending-2019-12"),
        ("Jul-Sep", "2019-Q3"),  # no year: the latest that has ended by the release
        ("Oct-Dec output", "2018-Q4"),
        ("Sep Qtr", "2019-Q3"),
        ("Dec Qtr", "2018-Q4"),
        ("the June quarter", "2019-Q2"),
        ("Apr-Jan", None),  # ten months: no period of ours
    ],
)
def test_periods_without_a_year_end_by_the_release(text: str, label: str | None) -> None:
    ctx = PeriodContext(release_date=date(2019, 10, 20), anchor=quarter(2017, 1))
    labels = [m.period.label for m in find_periods(text, ctx)]
    assert labels == ([label] if label else [])


def test_a_fiscal_range_keeps_its_end() -> None:
    (m,) = find_periods("for April-December 2019", NO_CONTEXT)
    assert (m.period.start, m.period.end) == (date(2019, 4, 1), date(2019, 12, 31))
    assert not m.period.calendar_aligned


@pytest.mark.parametrize(
    ("text", "fye", "label", "fiscal_label"),
    [
        ("the third quarter of fiscal 2006", 6, "2006-Q1", "fiscal 2006 Q3"),
        ("Q3 FY2016 production", 6, "2016-Q1", "fiscal 2016 Q3"),
        ("Q2 F2006 sales", 6, "2005-Q4", "fiscal 2006 Q2"),
        ("FY2016 first quarter", 9, "2015-Q4", "fiscal 2016 Q1"),
        ("Q4 FY12 results", 3, "2012-Q1", "fiscal 2012 Q4"),
        ("in fiscal 2016 the mine", 6, "2016", "fiscal 2016"),
        ("the second quarter of fiscal 2010", 12, "2010-Q2", None),
        ("the second quarter of the 2023 financial year", 6, "2022-Q4", "fiscal 2023 Q2"),
        ("Q1 FY 25 results", 6, "2024-Q3", "fiscal 2025 Q1"),
        ("the September quarter FY25", 6, "2024-Q3", None),
        ("the March quarter FY25", 6, "2025-Q1", None),
        ("in the 2024 financial year", 6, "2024", "fiscal 2024"),
        ("FY26", 6, "2026", "fiscal 2026"),
        ("H1 FY24 revenue", 6, "2023-H2", None),
        ("H2 F2024", 6, "2024-H1", None),
        ("H1 FY 2013 sales", 6, "2012-H2", None),  # a space between FY and its year
    ],
)
def test_fiscal_periods(text: str, fye: int, label: str, fiscal_label: str | None) -> None:
    mentions = list(find_periods(text, PeriodContext(fye_month=fye)))
    assert len(mentions) == 1
    assert mentions[0].period.label == label
    assert mentions[0].period.fiscal_label == fiscal_label


def test_fiscal_year_keeps_its_end_month() -> None:
    (m,) = find_periods("in fiscal 2016 the mine", PeriodContext(fye_month=6))
    assert (m.period.start, m.period.end) == (date(2015, 7, 1), date(2016, 6, 30))


@pytest.mark.parametrize(
    "text",
    ["output for the September quarter 2008 was", "output for the September 2008 quarter was", "the Sep Qtr 2008 figures"],
)
def test_australian_month_quarter(text: str) -> None:
    labels = [m.period.label for m in find_periods(text, NO_CONTEXT)]
    assert labels == ["2008-Q3"]


@pytest.mark.parametrize(("text", "label"), [
    ("production for the June 2017 half is expected", "2017-H1"), ("the DECEMBER 2024 HALF YEAR column", "2024-H2"),
    ("June 2025 Half Year guidance", "2025-H1"), ("the 12 mths 2024 column", "2024"), ("9 mths 2024", "2024-9M")])
def test_australian_month_half(text: str, label: str) -> None:
    """A half named by the month it ends in, as a quarter is ("the June 2017 half")."""
    assert [m.period.label for m in find_periods(text, NO_CONTEXT)] == [label]


def test_ended_without_a_year_uses_the_release_date() -> None:
    ctx = PeriodContext(release_date=date(2012, 2, 14))
    (m,) = find_periods("for the quarter ended December 31, the mill", ctx)
    assert m.period.label == "2011-Q4"


def test_several_mentions_left_to_right() -> None:
    text = "Q2 2011 output of 38,450 oz compares with 31,200 oz in Q2 2010 and 35,900 oz in Q1 2011."
    assert [m.period.label for m in find_periods(text, NO_CONTEXT)] == ["2011-Q2", "2010-Q2", "2011-Q1"]


# ---------------------------------------------------------------- relative mentions

Q2_2011 = PeriodContext(release_date=date(2011, 7, 18), anchor=quarter(2011, 2))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("up from the same period last year", "2010-Q2"),
        ("compared with the same quarter of the prior year", "2010-Q2"),
        ("versus the comparable quarter a year ago", "2010-Q2"),
        pytest.param("against the corresponding period in 2009", "2009-Q2"),
        pytest.param("compared with the same quarter in 2010", "2010-Q2"),
        ("down on the previous quarter", "2011-Q1"),
        ("than in the preceding quarter", "2011-Q1"),
        ("the first quarter of this year", "2011-Q1"),
        ("the fourth quarter of last year", "2010-Q4"),
        ("year to date production", "2011-H1"),
        ("YTD output", "2011-H1"),
        ("the second half of the year", "2011-H2"),
        ("guidance for next year", "2012"),
        ("targets for this year", "2011"),
        ("output in the current quarter", "2011-Q2"),
        ("and 104.8 koz for the year", "2011"),
        ("revenue for the full year", "2011"),
        ("output in Q1 was lower", "2011-Q1"),
        # comparison periods
        ("down from 41,000 oz in the 2010 quarter", "2010-Q2"),
        ("against the 2009 period", "2009-Q2"),
        ("as in the same period last fiscal", "2010-Q2"),
        ("than the corresponding quarter of the previous fiscal year", "2010-Q2"),
        ("compared with the year-ago quarter", "2010-Q2"),
        ("above the year-earlier period", "2010-Q2"),
        ("versus the previous corresponding period", "2010-Q2"),
        ("up 4% on the pcp", "2010-Q2"),
        ("compared with 3,100 t a year earlier", "2010-Q2"),
        ("lower than the third quarter of last year", "2010-Q3"),
        # halves, nine months and the year to date said without a year
        ("in the second semester", "2011-H2"),
        ("for the half-year, output", "2011-H1"),
        ("after the first nine months of the year, sales", "2011-9M"),
        ("YTD 2011", "2011-H1"),
        ("up from 30 kt in the previous three months", "2011-Q1"),
        ("against US$0.95/lb in the quarter before", "2011-Q1"),
        ("from 1.2 Mt a quarter earlier", "2011-Q1"),
        ("bringing first-half copper output to", "2011-H1"),
        ("and 61 kt in the first six months", "2011-H1"),
        ("$880 per ounce over the year", "2011"),
        ("up from $1,610 a year before", "2010-Q2"),
        ("for the month of March this year", "2011-03"),
        ("in February last year", "2010-02"),
        ("2011 year to date", "2011-H1"),
    ],
)
def test_relative_periods(text: str, label: str) -> None:
    mentions = list(find_periods(text, Q2_2011))
    assert len(mentions) == 1, mentions
    assert mentions[0].relative
    assert mentions[0].period.label == label


@pytest.mark.parametrize(
    ("anchor", "label"),
    [(quarter(2019, 3), "2019-9M"), (quarter(2019, 4), "2019"), (quarter(2019, 1), "2019-Q1")],
)
def test_year_to_date_follows_the_anchor(anchor: Period, label: str) -> None:
    (m,) = find_periods("year-to-date gold output", PeriodContext(anchor=anchor))
    assert m.period.label == label


def test_the_year_ago_month_follows_the_month() -> None:
    text = "Sales in May 2021 were 3.4 Mt, against 3.5 Mt in the year-ago month."
    assert [m.period.label for m in find_periods(text, Q2_2011)] == ["2021-05", "2020-05"]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("It sold 3.4 Mt in June 2011 against 3.5 Mt in the year-ago month.", ["2011-06", "2010-06"]),
        ("the year-ago month", ["2010-06"]),  # the noun says a month: the anchor's last month
    ],
)
def test_the_noun_of_a_comparison_gives_its_kind(text: str, labels: list[str]) -> None:
    assert [m.period.label for m in find_periods(text, Q2_2011)] == labels


JUNE_YEAR = PeriodContext(release_date=date(2024, 4, 24), anchor=quarter(2024, 1), fye_month=6)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("output in the third quarter rose", "2024-Q1"),  # fiscal Q3 of a June year: January to March
        ("than in the second quarter", "2023-Q4"),
        ("Q4 guidance", "2024-Q2"),
        ("the third quarter of last year", "2023-Q1"),
        ("in the first half", "2023-H2"),
        ("the half-year", "2024-H1"),  # the half holding the quarter talked about
        ("year to date production", "2024-9M-ending-2024-03"),
        ("FY24 YTD", "2024-9M-ending-2024-03"),
        ("for the first nine months of the financial year", "2024-9M-ending-2024-03"),
    ],
)
def test_relative_periods_in_a_fiscal_year(text: str, label: str) -> None:
    (m,) = find_periods(text, JUNE_YEAR)
    assert m.period.label == label


def test_fiscal_year_to_date_spans_from_the_fiscal_year_start() -> None:
    (m,) = find_periods("year-to-date sales", JUNE_YEAR)
    assert (m.period.start, m.period.end) == (date(2023, 7, 1), date(2024, 3, 31))


def test_a_bare_quarter_stays_within_a_year_of_the_release() -> None:
    """A January release whose anchor is a year too old still reads "Q4" as the quarter just ended."""
    ctx = PeriodContext(release_date=date(2020, 1, 30), anchor=quarter(2018, 4))
    assert [m.period.label for m in find_periods("Q4 copper output of 80 kt", ctx)] == ["2019-Q4"]


def test_relative_resolves_against_the_last_absolute_mention() -> None:
    text = "In the third quarter of 2012 the mill milled more ore than in the same period of the prior year."
    labels = [m.period.label for m in find_periods(text, Q2_2011)]
    assert labels == ["2012-Q3", "2011-Q3"]


def test_the_reporting_period_is_the_releases_whatever_the_paragraph_talked_about() -> None:
    """"In the second quarter ... During the Reporting Period, the Group sold": the defined term is the release's half."""
    ctx = PeriodContext(release_date=date(2024, 7, 20), anchor=quarter(2024, 2), reported=Period("half", 2024, 6))
    (m,) = find_periods("During the Reporting Period, the Group sold 14,820 tonnes of copper", ctx)
    assert m.period.label == "2024-H1"


def test_a_month_named_without_a_year_before_a_comma_is_the_releases_latest() -> None:
    """"produced 8.12 million t in April, 2.1% less" in a release of 20 May 2014: April 2014; "April, 2013" keeps its year."""
    ctx = PeriodContext(release_date=date(2014, 5, 20))
    assert [m.period.label for m in find_periods("coal in April, 2.1% less than in March", ctx)] == ["2014-04", "2014-03"]
    assert [m.period.label for m in find_periods("in April, 2013 the mine", ctx)] == ["2013-04"]


def test_relative_without_anchor_uses_the_quarter_before_the_release() -> None:
    ctx = PeriodContext(release_date=date(2014, 4, 22))  # anchor: 2014-Q1
    (m,) = find_periods("higher than the previous quarter", ctx)
    assert m.period.label == "2013-Q4"


def test_relative_without_any_context_is_dropped() -> None:
    assert list(find_periods("higher than the previous quarter", NO_CONTEXT)) == []


def test_year_to_date_after_a_half_year_mention() -> None:
    ctx = PeriodContext(anchor=Period("half", 2021, 6))
    (m,) = find_periods("year to date copper production", ctx)
    assert m.period.label == "2021-H1"


def test_for_the_year_in_a_fiscal_year() -> None:
    """A June year end: the quarter to 31 March 2006 lies in fiscal 2006."""
    ctx = PeriodContext(release_date=date(2006, 4, 26), anchor=quarter(2006, 1), fye_month=6)
    (m,) = find_periods("output for the year was", ctx)
    assert m.period == Period("year", 2006, 6, fiscal_label="fiscal 2006")


@pytest.mark.parametrize(
    ("text", "label"),
    [("Full year copper output of 145 kt", "2019"), ("beat full-year guidance", "2019"), ("its first full year of production", None)],
)
def test_full_year_is_the_year_just_reported(text: str, label: str | None) -> None:
    """An anchor a year too old (a January release) still gives the year just ended."""
    ctx = PeriodContext(release_date=date(2020, 1, 30), anchor=quarter(2018, 4))
    assert [m.period.label for m in find_periods(text, ctx)] == ([label] if label else [])


def test_year_end_is_not_for_the_year() -> None:
    assert [m.period.label for m in find_periods("for the year-end audit", Q2_2011)] == []


def test_a_period_in_parentheses_is_marked_aside() -> None:
    text = "Copper output rose to 22 kt (Q2 2017: 19 kt) in the third quarter of 2017."
    assert [(m.period.label, m.aside) for m in find_periods(text, NO_CONTEXT)] == [("2017-Q2", True), ("2017-Q3", False)]


def test_a_period_in_parentheses_does_not_anchor_what_follows() -> None:
    text = "Gold production of 28.7 koz in the second quarter (Q2 2010: 25.9 koz) and 54.8 koz for the year."
    labels = [m.period.label for m in find_periods(text, Q2_2011)]
    assert labels == ["2011-Q2", "2010-Q2", "2011"]


def test_header_cells_without_years() -> None:
    """A row of column headers: each quarter is the latest one ended by the release; the year to date is fiscal."""
    ctx = PeriodContext(release_date=date(2015, 4, 20), fye_month=6)
    header = "Sep Qtr | Dec Qtr | Mar Qtr | Year to Date"
    mentions = list(find_periods(header, ctx))
    assert [m.period.label for m in mentions[:3]] == ["2014-Q3", "2014-Q4", "2015-Q1"]
    ytd = mentions[3].period
    assert (ytd.start, ytd.end) == (date(2014, 7, 1), date(2015, 3, 31))


@pytest.mark.parametrize(
    ("cell", "label"),
    [("Q1 2021", "2021-Q1"), ("Q1 21", "2021-Q1"), ("Q1'21", "2021-Q1"), ("1Q21", "2021-Q1"), ("Q12016", "2016-Q1"),
     ("3 months to Mar-21", "2021-Q1"), ("Mar-21 Qtr", "2021-Q1"), ("Jun 2021 Qtr", "2021-Q2"), ("9m 2019", "2019-9M"),
     ("YTD 2021", "2021-9M"), ("FY 2018", "2018")],
)
def test_header_cells(cell: str, label: str) -> None:
    ctx = PeriodContext(release_date=date(2021, 10, 28), anchor=quarter(2021, 3))
    assert [m.period.label for m in find_periods(cell, ctx)] == [label]


def test_the_quarter_after_a_month_is_the_quarter_holding_it() -> None:
    text = "March output was 41 koz; 120 koz were sold in the quarter."
    ctx = PeriodContext(release_date=date(2016, 4, 20), anchor=quarter(2016, 1))
    assert [m.period.label for m in find_periods(text, ctx)] == ["2016-03", "2016-Q1"]


@pytest.mark.parametrize(("text", "label"), [("C1 costs for the quarter fell", "2019-Q1"), ("output this quarter", "2019-Q2")])
def test_the_quarter_of_a_month_anchor_has_ended_by_the_release(text: str, label: str) -> None:
    ctx = PeriodContext(release_date=date(2019, 4, 18), anchor=Period("month", 2019, 4))
    assert [m.period.label for m in find_periods(text, ctx)] == [label]


def test_a_quarter_noun_after_a_year_mention_is_the_release_quarter() -> None:
    text = "Costs rose to $1,500/oz from $1,100/oz in the 2021 quarter, with fuel dearer in 2022."
    ctx = PeriodContext(release_date=date(2022, 11, 3), anchor=quarter(2022, 3))
    labels = [m.period.label for m in find_periods("Mining in 2022 was harder. " + text, ctx)]
    assert labels == ["2022", "2021-Q3", "2022"]


def test_a_month_naming_a_figure() -> None:
    ctx = PeriodContext(release_date=date(2022, 1, 3), anchor=quarter(2021, 4))
    text = "December sales were 3.4 Mt, compared to 3.6 Mt in the year-ago month."
    assert [m.period.label for m in find_periods(text, ctx)] == ["2021-12", "2020-12"]


def test_a_period_that_is_not_the_calendar_one_never_takes_its_label() -> None:
    """Nine months to March (a fiscal year to date) is not '2024-9M' (January to September); a fiscal year keeps its year."""
    assert Period("nine_months", 2024, 3).label == "2024-9M-ending-2024-03"
    assert Period("half", 2024, 3).label == "2024-H1-ending-2024-03"
    assert Period("nine_months", 2024, 9).label == "2024-9M"
    assert year_period(2024, 6).label == "2024"


def test_a_yearless_month_quarter_in_an_undated_text_is_not_after_the_period_it_is_about() -> None:
    """"up 8% on the December quarter" in an undated report on the March quarter of 2023: December 2022."""
    (m,) = find_periods("up 8% on the December quarter", PeriodContext(anchor=quarter(2023, 1)))
    assert m.period.label == "2022-Q4"
    (m,) = find_periods("in the March quarter", PeriodContext(anchor=quarter(2023, 1)))
    assert m.period.label == "2023-Q1"


def test_a_yearless_ordinal_quarter_has_begun_by_the_release_date() -> None:
    """"prices in the fourth quarter averaged" in an April 2019 release: the fourth quarter of 2018."""
    ctx = PeriodContext(release_date=date(2019, 4, 20), anchor=quarter(2019, 1))
    assert [m.period.label for m in find_periods("in the fourth quarter", ctx)] == ["2018-Q4"]
    assert [m.period.label for m in find_periods("in the first quarter", ctx)] == ["2019-Q1"]


def test_a_calendar_year_written_before_its_quarter() -> None:
    (m,) = find_periods("Carranya Announces 2018 Q4 Nickel Production Report", PeriodContext(fye_month=6))
    assert (m.period.label, m.relative) == ("2018-Q4", False)


@pytest.mark.parametrize(("text", "month"), [
    ("For the first nine months of the fiscal year to 31 March 2019, revenue rose", 6),
    ("the six months of the financial year to 31 December 2018", 6),
    ("for the nine months ended September 30, 2019", 12)])
def test_fiscal_year_end_from_a_part_of_the_year(text: str, month: int) -> None:
    """Nine months to March: the year ends in June, not in March."""
    assert fiscal_year_end(text) == month


def test_a_yearless_period_ended_is_the_last_one_before_the_release_date() -> None:
    """"the three months ended June 30" in a text dated August 2009 whose topic was 2008: the second quarter of 2009."""
    ctx = PeriodContext(release_date=date(2009, 8, 5), anchor=year_period(2008))
    assert [m.period.label for m in find_periods("in the three months ended June 30", ctx)] == ["2009-Q2"]
    ctx = PeriodContext(release_date=date(2009, 5, 5), anchor=year_period(2009))
    assert [m.period.label for m in find_periods("in the three months ended June 30", ctx)] == ["2008-Q2"]


def test_a_period_the_release_names_in_parentheses_is_that_period_wherever_it_is_written() -> None:
    """"the six months ended 30 June 2011 (the "Corresponding Period of Last Year")": the term, with or without its
    article and in a table's heading, is 2011-H1, not "last year"; a day named so ("(the "Effective Date")") is no
    period, nor is a term whose noun says another kind of period."""
    text = ('for the six months ended 30 June 2012 (the "Reporting Period") and the six months ended 30 June 2011 '
            '(the **"Corresponding Period of Last Year"**); the deal closed on 31 July 2012 (the "Effective Date") '
            'and December 31, 2011 (the "Quarter").')
    ctx = PeriodContext(release_date=date(2012, 7, 20))
    terms = defined_periods(text, ctx)
    assert [(term, period.label) for term, period in terms] == [
        ("reporting period", "2012-H1"), ("corresponding period of last year", "2011-H1")]
    with_terms = replace(ctx, terms=terms)
    assert [m.period.label for m in find_periods("Corresponding Period of Last Year", with_terms)] == ["2011-H1"]
    assert [m.period.label for m in find_periods("up 7% on the corresponding period of last year", with_terms)] == [
        "2011-H1"]


def test_a_split_year_is_the_fiscal_year_that_ends_in_its_second_year() -> None:
    """"production in 2011/12" and "the 2012/13 financial year": the years ending June 2012 and June 2013 where the
    text names no other month (a split year is never the calendar's), the release's own month where it does."""
    ctx = PeriodContext(release_date=date(2011, 3, 9))
    text = "48,000 oz of production in 2011/12 and 82,000 oz in the 2012/13 financial year"
    assert [(m.period.kind, m.period.year, m.period.end_month) for m in find_periods(text, ctx)] == [
        ("year", 2012, 6), ("year", 2013, 6)]
    march = replace(ctx, fye_month=3)
    assert [(m.period.year, m.period.end_month) for m in find_periods("in 2023/24", march)] == [(2024, 3)]


def test_a_fiscal_quarter_named_by_its_ordinal_and_its_dates_fixes_the_fiscal_year() -> None:
    assert fiscal_year_end("its third quarter production results for the period 1 January to 31 March 2019.") == 6


def test_a_heading_of_six_months_and_a_year_is_the_first_half() -> None:
    assert [m.period.label for m in find_periods("Six months 2023", PeriodContext(release_date=date(2023, 7, 27)))] == [
        "2023-H1"]
