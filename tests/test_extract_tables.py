"""kg.extract.tables: operating tables in tab, pipe and space-aligned layouts.

Each case is a short release for a made-up issuer (Kestrel Gold Mines Inc.)
whose body holds one table. Expected rows are written as
(metric, metal, unit, scale, {column period label: cell text}); a record's
value is the cell read as a number times the scale, and its span must quote
the table row holding that cell.
"""

from __future__ import annotations

import kestrel
import pytest
from kestrel import MC, TWO_MINES, xfail
from kestrel import ONE_MINE as INTRO

from kg.extract import read_release
from kg.extract.tables import extract_table_figures, is_table_row, read_label
from kg.quantities import parse_number
from kg.read.sources import html_to_text
from kg.records import Guidance, Measurement

FISCAL = (
    "Kestrel Gold Mines Inc. (TSX: KGM) reports on its Moose Creek mine. The Company's fiscal year ends March 31, "
    "and all amounts are in Canadian dollars unless otherwise stated. Figures are unaudited and remain subject to "
    "final reconciliation."
)
Q2 = ("Kestrel Gold Mines Inc. Reports Second Quarter 2011 Results", "July 18, 2011")
ANNUAL = ("Kestrel Gold Mines Inc. Reports 2011 Annual Results", "February 2, 2012")
FISCAL_Q3 = ("Kestrel Gold Mines Inc. Reports Third Quarter Fiscal 2012 Results", "February 9, 2012")


def release(table: str, header: tuple[str, str] = Q2, intro: str = INTRO) -> str:
    title, date = header
    return kestrel.release(table, intro, title, date)


def expand(rows: list[tuple], site: str | None = MC) -> list[tuple]:
    out = []
    for metric, metal, unit, scale, cells in rows:
        for label, cell in cells.items():
            out.append((metric, metal, pytest.approx(parse_number(cell) * scale), unit, label, site, cell))
    return out


def run(text: str) -> list[tuple]:
    """The operating figures (measurements) a table yields; guidance columns are pinned on their own below."""
    out = []
    for r in extract_table_figures(read_release(text)):
        assert text[r.span.start:r.span.end] == r.span.quote
        assert "\n" not in r.span.quote  # one table row
        if not isinstance(r, Measurement):
            continue
        out.append((r.metric, r.metal, r.value, r.unit, r.period.label, r.site, r.span.quote))
    return out


def check(text: str, expected: list[tuple]) -> None:
    got = run(text)
    # compare without the quote, then check each quote holds its cell text
    assert sorted((g[:6] for g in got), key=repr) == sorted((e[:6] for e in expected), key=repr)
    for e in expected:
        match = next(g for g in got if g[:6] == e[:6])
        assert e[6] in match[6], (e[6], match[6])


TAB_QUARTERS = """Operating results for the Moose Creek mine:

\tQ2 2011\tQ1 2011\tQ2 2010\tChange (%)
Ore milled (tonnes)\t412,300\t398,100\t376,900\t9
Head grade (g/t Au)\t3.12\t2.95\t2.71\t15
Recovery (%)\t92.4\t91.8\t90.5\t2
Gold produced (oz)\t38,450\t35,900\t31,200\t23
Cash cost (US$/oz)\t612\t655\t701\t(13)
"""
TAB_QUARTERS_ROWS = [
    ("ore_processed", None, "t", 1, {"2011-Q2": "412,300", "2011-Q1": "398,100", "2010-Q2": "376,900"}),
    ("head_grade", "gold", "g/t", 1, {"2011-Q2": "3.12", "2011-Q1": "2.95", "2010-Q2": "2.71"}),
    ("recovery", "gold", "%", 1, {"2011-Q2": "92.4", "2011-Q1": "91.8", "2010-Q2": "90.5"}),  # of gold, the only metal named
    ("production", "gold", "oz", 1, {"2011-Q2": "38,450", "2011-Q1": "35,900", "2010-Q2": "31,200"}),
    # a per-ounce cost takes the release's principal metal
    ("cash_cost", "gold", "USD/oz", 1, {"2011-Q2": "612", "2011-Q1": "655", "2010-Q2": "701"}),
]

PIPE_WITH_GUIDANCE = """| | Q2 2011 | Q2 2010 | 2011 Guidance |
|---|---|---|---|
| Ore mined (t) | 1,204,000 | 1,130,500 | 4,800,000 |
| Copper produced (000 lbs) | 12,400 | 11,050 | 48,000 |
| Copper head grade (%) | 0.62 | 0.58 | 0.60 |
| C1 cash cost (US$/lb) | 1.42 | n/a | 1.45 |
"""
PIPE_WITH_GUIDANCE_ROWS = [
    ("ore_mined", None, "t", 1, {"2011-Q2": "1,204,000", "2010-Q2": "1,130,500"}),
    ("production", "copper", "lb", 1000, {"2011-Q2": "12,400", "2010-Q2": "11,050"}),
    ("head_grade", "copper", "%", 1, {"2011-Q2": "0.62", "2010-Q2": "0.58"}),
    ("cash_cost", "copper", "USD/lb", 1, {"2011-Q2": "1.42"}),
]

SPACES_UNIT_COLUMN = """Operating statistics          Unit      Q2 2011      Q2 2010
Ore milled                    t         412,300      376,900
Throughput                    tpd       4,530        4,140
Gold produced                 oz        38,450       31,200
"""
SPACES_UNIT_COLUMN_ROWS = [
    ("ore_processed", None, "t", 1, {"2011-Q2": "412,300", "2010-Q2": "376,900"}),
    ("throughput", None, "t/d", 1, {"2011-Q2": "4,530", "2010-Q2": "4,140"}),
    ("production", "gold", "oz", 1, {"2011-Q2": "38,450", "2010-Q2": "31,200"}),
]

ANNUAL_NICKEL = """\t2011\t2010
Nickel recovery (%)\t87.9\t88.6
Unit cost (A$/t milled)\t198\t187
Ore milled (kt)\t1,204\t1,150
"""
ANNUAL_NICKEL_ROWS = [
    ("recovery", "nickel", "%", 1, {"2011": "87.9", "2010": "88.6"}),
    ("unit_cost", None, "AUD/t", 1, {"2011": "198", "2010": "187"}),
    ("ore_processed", None, "t", 1000, {"2011": "1,204", "2010": "1,150"}),
]

PIPE_MONEY = """| Moose Creek | Q2 2011 | Q1 2011 |
|---|---|---|
| Gold sold (oz) | 37,900 | — |
| Cash costs ($/oz) | $612 | $655 |
| Revenue ($000s) | 57,600 | 50,250 |
"""
PIPE_MONEY_ROWS = [
    ("sales", "gold", "oz", 1, {"2011-Q2": "37,900"}),
    ("cash_cost", "gold", "USD/oz", 1, {"2011-Q2": "612", "2011-Q1": "655"}),
    ("revenue", None, "USD", 1000, {"2011-Q2": "57,600", "2011-Q1": "50,250"}),
]

FISCAL_COLUMNS = """\tQ3 F2012\tQ2 F2012\tQ3 F2011
Silver produced (oz)\t1,061,200\t998,400\t905,300
Silver head grade (g/t)\t212\t205\t198
"""
FISCAL_COLUMNS_ROWS = [  # fiscal year ending March: Q3 F2012 is October-December 2011
    ("production", "silver", "oz", 1, {"2011-Q4": "1,061,200", "2011-Q3": "998,400", "2010-Q4": "905,300"}),
    ("head_grade", "silver", "g/t", 1, {"2011-Q4": "212", "2011-Q3": "205", "2010-Q4": "198"}),
]

TRANSPOSED = """Quarter\tOre milled (t)\tGold produced (oz)\tRecovery (%)
Q3 2010\t371,200\t30,900\t90.1
Q4 2010\t385,400\t33,700\t90.8
Q1 2011\t398,100\t35,900\t91.8
"""
TRANSPOSED_ROWS = [
    ("ore_processed", None, "t", 1, {"2010-Q3": "371,200", "2010-Q4": "385,400", "2011-Q1": "398,100"}),
    ("production", "gold", "oz", 1, {"2010-Q3": "30,900", "2010-Q4": "33,700", "2011-Q1": "35,900"}),
    ("recovery", "gold", "%", 1, {"2010-Q3": "90.1", "2010-Q4": "90.8", "2011-Q1": "91.8"}),
]

HALVES_UNDER_YEARS = """\t2010\t\t2011
\tH1\tH2\tH1
Ore milled (kt)\t760\t790\t810
Gold produced (koz)\t66.1\t70.2\t74.35
"""
HALVES_UNDER_YEARS_ROWS = [
    ("ore_processed", None, "t", 1000, {"2010-H1": "760", "2010-H2": "790", "2011-H1": "810"}),
    ("production", "gold", "oz", 1000, {"2010-H1": "66.1", "2010-H2": "70.2", "2011-H1": "74.35"}),
]

SPANNING_HEADER = """\tThree months ended June 30,\tSix months ended June 30,
\t2011\t2010\t2011\t2010
Ore milled (tonnes)\t412,300\t376,900\t810,400\t741,200
Gold produced (ounces)\t38,450\t31,200\t74,350\t60,100
"""
SPANNING_HEADER_ROWS = [
    ("ore_processed", None, "t", 1, {"2011-Q2": "412,300", "2010-Q2": "376,900", "2011-H1": "810,400",
                                      "2010-H1": "741,200"}),
    ("production", "gold", "oz", 1, {"2011-Q2": "38,450", "2010-Q2": "31,200", "2011-H1": "74,350",
                                     "2010-H1": "60,100"}),
]

METAL_IN_CONCENTRATE = """\t2011\t2010
Copper in concentrate (t)\t2,104\t1,980
Zinc in concentrate (t)\t5,320\t5,010
"""
METAL_IN_CONCENTRATE_ROWS = [
    ("production", "copper", "t", 1, {"2011": "2,104", "2010": "1,980"}),
    ("production", "zinc", "t", 1, {"2011": "5,320", "2010": "5,010"}),
]


@pytest.mark.parametrize(
    ("table", "header", "intro", "rows"),
    [
        pytest.param(TAB_QUARTERS, Q2, INTRO, TAB_QUARTERS_ROWS, id="tabs-quarters-change-column-skipped"),
        pytest.param(PIPE_WITH_GUIDANCE, Q2, INTRO, PIPE_WITH_GUIDANCE_ROWS, id="pipes-guidance-column-and-n/a"),
        pytest.param(SPACES_UNIT_COLUMN, Q2, INTRO, SPACES_UNIT_COLUMN_ROWS, id="spaces-unit-column"),
        pytest.param(ANNUAL_NICKEL, ANNUAL, INTRO, ANNUAL_NICKEL_ROWS, id="annual-columns-scaled"),
        pytest.param(PIPE_MONEY, Q2, INTRO, PIPE_MONEY_ROWS, id="pipes-money-dash-cell"),
        pytest.param(FISCAL_COLUMNS, FISCAL_Q3, FISCAL, FISCAL_COLUMNS_ROWS, id="fiscal-quarter-columns"),
        pytest.param(TRANSPOSED, Q2, INTRO, TRANSPOSED_ROWS, id="transposed-periods-down"),
        pytest.param(HALVES_UNDER_YEARS, Q2, INTRO, HALVES_UNDER_YEARS_ROWS, id="halves-under-year-row",
                     marks=xfail("'H1'/'H2' cells under a year row ('2010 H1') are read as the full year 2010: only "
                                 "'2010 Q1' is reordered for find_periods, not halves")),
        pytest.param(SPANNING_HEADER, Q2, INTRO, SPANNING_HEADER_ROWS, id="three-and-six-months-spanning-header"),
        pytest.param(METAL_IN_CONCENTRATE, ANNUAL, INTRO, METAL_IN_CONCENTRATE_ROWS, id="metal-in-concentrate"),
    ],
)
def test_table_figures(table: str, header: tuple[str, str], intro: str, rows: list[tuple]) -> None:
    check(release(table, header, intro), expand(rows))


SECTIONS = """\tQ2 2011\tQ1 2011
Moose Creek
Ore milled (t)\t412,300\t398,100
Gold produced (oz)\t38,450\t35,900
Lynx
Ore milled (t)\t201,000\t195,500
Gold produced (oz)\t12,300\t11,800
"""


def test_site_section_labels() -> None:
    expected = expand([("ore_processed", None, "t", 1, {"2011-Q2": "412,300", "2011-Q1": "398,100"}),
                       ("production", "gold", "oz", 1, {"2011-Q2": "38,450", "2011-Q1": "35,900"})], MC)
    expected += expand([("ore_processed", None, "t", 1, {"2011-Q2": "201,000", "2011-Q1": "195,500"}),
                        ("production", "gold", "oz", 1, {"2011-Q2": "12,300", "2011-Q1": "11,800"})], "Lynx")
    check(release(SECTIONS, Q2, TWO_MINES), expected)


@pytest.mark.parametrize(
    "table",
    [
        pytest.param("Mineral reserves at December 31, 2010:\n\n\tProven\tProbable\tTotal\n"
                     "Tonnes (Mt)\t5.2\t8.9\t14.1\nGold grade (g/t)\t2.9\t2.6\t2.7\n"
                     "Contained gold (Moz)\t0.48\t0.74\t1.22\n", id="reserves-table"),
        pytest.param("\tBudget\tForecast\nGold produced (oz)\t150,000\t155,000\nCash cost (US$/oz)\t640\t625\n",
                     id="budget-and-forecast-columns"),
        pytest.param("\tQ2 2011\tQ2 2010\nGold price (US$/oz, London PM fix)\t1,506\t1,197\n"
                     "Copper price (US$/lb, LME)\t4.15\t3.19\n", id="market-prices"),
    ],
)
def test_tables_that_are_not_operating_figures(table: str) -> None:
    assert run(release(table)) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ore milled (t)\t412,300\t398,100", True),
        ("| Gold sold (oz) | 37,900 | — |", True),
        ("|---|---|---|", True),
        ("Throughput                    tpd       4,530        4,140", True),
        ("The mill processed 412,300 tonnes in Q2 2011 and 398,100 tonnes in Q1 2011.", False),
        ("Moose Creek", False),
    ],
)
def test_is_table_row(line: str, expected: bool) -> None:
    assert is_table_row(line) is expected


@pytest.mark.parametrize(("label", "unit_column", "expected"), [
    ("Copper in concentrate", "t", ("production", "copper", "t", 1.0)),
    ("Gold in concentrate", "koz", ("production", "gold", "oz", 1000.0)),
    ("Revenue in US$ millions", "", ("revenue", None, "USD", 1e6)),
    ("Unit cost (A$/t milled)", "", ("unit_cost", None, "AUD/t", 1.0)),
    ("Revenue", "US$ million", ("revenue", None, "USD", 1e6)),  # a unit column with a currency and a scale
    ("Revenue", "A$000", ("revenue", None, "AUD", 1e3)),
    ("Diamonds sold", "ct", ("sales", "diamond", "ct", 1.0)),
    ("Silver Production, (000's) (oz)", "", ("production", "silver", "oz", 1e3)),  # every parenthesis is part of the unit
    ("Tonnes Ore Milled (000's)", "", ("ore_processed", None, "t", 1e3)),
    ("Silver equivalent (000's)", "", ("production", "silver_equivalent", "oz", 1e3)),  # equivalents are ounces
    ("Tons placed", "", ("ore_processed", None, "t", 1.0)),  # heap leach: ore placed on the pad
    ("Realised price", "US$/dmt", ("realized_price", None, "USD/t", 1.0)),
    ("All-In Site Cost (AISC) (US$/ounce)", "", ("aisc", None, "USD/oz", 1.0)),  # an abbreviation is no unit
    ("Production Cost (US$/ounce)", "", ("cash_cost", None, "USD/oz", 1.0)),
    ("Average sales price (US$/ounce)", "", ("realized_price", None, "USD/oz", 1.0)),
    ("Revenue (R million)", "", ("revenue", None, "ZAR", 1e6)),
    ("All-in sustaining cost per gold ounce sold(1)", "$", ("aisc", "gold", "$/oz", 1.0)),  # "All-in" is no "in UNIT"
    ("Average price", "US$/ct", ("realized_price", None, "USD/ct", 1.0)),
    ("Ore production (t)", "", ("ore_mined", None, "t", 1.0)),  # tonnes of ore, not of a metal
    ("Net sales, SEK m", "", ("revenue", None, "SEK", 1e6)),  # net sales in money are revenue
    ("Ore production (tonnes treated)", "", ("ore_processed", None, "t", 1.0)),  # the unit's verb says which ore
    ("Production volume U3O8 (100% basis)", "tU", ("production", "uranium", "t", 1.0)),  # a basis is no unit
    ("ROM coal produced", "Mt", ("ore_mined", None, "t", 1e6)),  # the metal's name is a word of the cue
    ("Spodumene concentrate produced", "dmt", ("concentrate_production", "lithium", "t", 1.0)),
    ("Pricing of Captive Coal ($/Ton)", "", ("realized_price", "coal", "$/t", 1.0)),  # "Ton" in capitals is a ton
    ("All-In Site Cost (AISC) US$/ounce", "", ("aisc", None, "USD/oz", 1.0)),  # a PDF row's unit after its label
    ("Cash Cost of Sales - Captive Coal ($/Ton)", "", ("cash_cost", "coal", "$/t", 1.0)),
])
def test_read_label(label: str, unit_column: str, expected: tuple) -> None:
    found = read_label(label, unit_column)
    assert found is not None
    reading, scale = found
    assert (reading.metric, reading.metal, reading.unit, scale) == expected


def test_a_cost_of_sales_in_millions_is_no_revenue_and_no_price() -> None:
    """"Cost of Sales ($mm)": sales is not the label's head, and an amount in millions is no price per unit."""
    assert read_label("Cost of Sales ($mm)", "") is None
    text = kestrel.release("Key metrics\tQ2 2011\tQ1 2011\nRevenue ($mm)\t$ 88.1\t$ 79.4\nCost of Sales ($mm)\t$ 61.0\t$ 57.2\n",
                           INTRO, *Q2)
    got = {(m.metric, m.value) for m in extract_table_figures(read_release(text))}
    assert got == {("revenue", 88100000), ("revenue", 79400000)}


MINES_DOWN_METRICS_ACROSS = """| Mine | Ore milled (t) | Head grade (g/t Au) | Gold produced (oz) |
|---|---|---|---|
| Moose Creek | 412,300 | 3.12 | 38,450 |
| Lynx | 201,000 | 2.10 | 12,300 |
| Total | 613,300 | 2.78 | 50,750 |
"""


def test_mines_down_metrics_across() -> None:
    """Rows name the mines (and a total), columns the metrics; the period is the release's own."""
    got = {(m, metal, v, site) for m, metal, v, _u, period, site, _q in run(release(MINES_DOWN_METRICS_ACROSS, Q2, TWO_MINES))
           if period == "2011-Q2"}
    assert {("ore_processed", None, 412300, MC), ("production", "gold", 12300, "Lynx"),
            ("head_grade", "gold", 2.78, None)} <= got
    assert len(got) == 9


NESTED_SECTIONS = """\tQ2 2011\tQ1 2011
Production (ounces)
Silver (000's)\t1,421\t1,853
Gold\t23,016\t29,874
Silver equivalent (000's)\t2,802\t3,645
Cash cost (4E)
R/oz\t8,615\t9,165
"""


def test_section_row_names_the_metric_and_rows_the_metal_or_unit() -> None:
    """A metric named once over a row per metal (with its own scale), or over a row per currency unit; silver
    equivalent ounces are an output of their own (the metal "silver_equivalent")."""
    got = {(m, metal, v, u, p) for m, metal, v, u, p, _s, _q in run(release(NESTED_SECTIONS))}
    assert got == {("production", "silver", 1421000, "oz", "2011-Q2"), ("production", "silver", 1853000, "oz", "2011-Q1"),
                   ("production", "gold", 23016, "oz", "2011-Q2"), ("production", "gold", 29874, "oz", "2011-Q1"),
                   ("production", "silver_equivalent", 2802000, "oz", "2011-Q2"),
                   ("production", "silver_equivalent", 3645000, "oz", "2011-Q1"),
                   ("cash_cost", "pgm", 8615, "ZAR/oz", "2011-Q2"), ("cash_cost", "pgm", 9165, "ZAR/oz", "2011-Q1")}


QUARTERS_DOWN = """Quarter  Ore mined   Ore processed  Feed grade  Recovery
         (wmt)       (dmt)          (% Li2O)    (%)
Mar-11   401,300     286,950        1.33        62.8
Jun-11   428,640     301,220        1.35        64.9
"""


SPACER_COLUMNS = ("\tThree Months Ended June 30,\t\t\t\tSix Months Ended June 30,\t\t\t\n\t2011\t\t2010\t\t2011\t\t2010\t\n"
                  "Tons milled\t\t118,400\t\t112,950\t\t233,180\t\t221,600\n")


def test_a_year_over_a_spacer_column_stands_over_the_figures_beside_it() -> None:
    """An 8-K's HTML: each year spans a "$" or empty cell and its number; the year heads the number."""
    text = kestrel.release(SPACER_COLUMNS, INTRO, *Q2)
    got = sorted((m.metric, m.period.label, m.value) for m in extract_table_figures(read_release(text)))
    assert got == [("ore_processed", "2010-H1", 221600), ("ore_processed", "2010-Q2", 112950),
                   ("ore_processed", "2011-H1", 233180), ("ore_processed", "2011-Q2", 118400)]


GRADE_THEN_RECOVERY = """| | Q2 2011 | Q1 2011 |
|---|---|---|
| Ore milled (t) | 331,952 | 301,477 |
| Head grade (% Cu) | 2.09 | 2.13 |
| Recovery (%) | 92.4 | 92.9 |
"""


def test_a_recovery_row_under_a_grade_row_is_of_its_metal() -> None:
    text = kestrel.release(GRADE_THEN_RECOVERY, INTRO, *Q2)
    got = {(m.metric, m.metal) for m in extract_table_figures(read_release(text))}
    assert ("recovery", "copper") in got and ("head_grade", "copper") in got


def test_quarters_named_by_month_down_the_rows_under_a_two_line_header() -> None:
    text = kestrel.release(QUARTERS_DOWN, INTRO, *Q2)
    got = sorted((m.metric, m.period.label, m.value) for m in extract_table_figures(read_release(text)))
    assert got == sorted([("ore_mined", "2011-Q1", 401300), ("ore_processed", "2011-Q1", 286950), ("head_grade", "2011-Q1", 1.33),
                          ("recovery", "2011-Q1", 62.8), ("ore_mined", "2011-Q2", 428640), ("ore_processed", "2011-Q2", 301220),
                          ("head_grade", "2011-Q2", 1.35), ("recovery", "2011-Q2", 64.9)])


def test_cell_per_line_table() -> None:
    table = "\n".join(["Moose Creek", "Q2 2011", "Q1 2011", "Ore milled", "t", "412,300", "398,100",
                       "Gold produced (oz)", "38,450", "35,900", "Recovery (%)", "92.4", "91.8"]) + "\n"
    text = release(table)
    got = {(r.metric, r.value, r.period.label) for r in extract_table_figures(read_release(text))}
    assert {("ore_processed", 412300, "2011-Q2"), ("production", 35900, "2011-Q1"), ("recovery", 92.4, "2011-Q2")} <= got


PLANT_FEED = """| Plant | Plant feed (t) | 4E PGM oz |
|---|--:|--:|
| Kareespruit | 221,540 | 7,412 |
| Total | 574,118 | 18,406 |
"""


def test_a_column_is_skipped_for_a_word_not_for_letters_inside_one() -> None:
    """"Plant feed" is no plan column, though it holds the letters: a change, budget or plan column is a word."""
    text = kestrel.release(PLANT_FEED, INTRO, *Q2)
    got = {(m.metric, m.value, m.site) for m in extract_table_figures(read_release(text))}
    assert {("ore_processed", 221540, "Kareespruit"), ("production", 18406, None)} <= got


MIRRORED = """| Q2 2011 | Q1 2011 | Unit | Summary | Unit | Q1 2011 | Q2 2011 |
|---|---|---|---|---|---|---|
| 1,448 | 1,512 | $/oz | Average basket price | R/oz | 27,685 | 26,310 |
| 22,734 | 24,118 | $'000 | Net revenue | R'000 | 441,601 | 413,077 |
"""


def test_figures_mirrored_on_both_sides_of_the_labels() -> None:
    text = kestrel.release(MIRRORED, INTRO, *Q2)
    got = {(m.metric, m.value, m.unit, m.period.label) for m in extract_table_figures(read_release(text))}
    assert {("realized_price", 1512, "USD/oz", "2011-Q1"), ("realized_price", 26310, "ZAR/oz", "2011-Q2"),
            ("revenue", 22734000, "USD", "2011-Q2"), ("revenue", 441601000, "ZAR", "2011-Q1")} <= got


CORNER_UNIT = """<table>
<tr><th>(tonnes U, unless noted)</th><th>Q2 2011</th><th>Q2 2010</th></tr>
<tr><td>Production volume U3O8 (100% basis)<sup>1</sup></td><td>5,214</td><td>5,077</td></tr>
<tr><td>Production volume U3O8 (attributable basis)</td><td>2,861</td><td>2,790</td></tr>
<tr><td>Average realized price (US$/lb U3O8)</td><td>74.18</td><td>52.36</td></tr>
</table>
"""


def test_the_corner_cell_gives_its_unit_to_rows_that_state_none_and_a_basis_is_no_unit() -> None:
    text = kestrel.release(CORNER_UNIT, INTRO, *Q2)
    plain, _origin = html_to_text(text)
    got = {(m.metric, m.value, m.unit, m.period.label) for m in extract_table_figures(read_release(plain))}
    assert got == {("production", 5214, "t", "2011-Q2"), ("production", 5077, "t", "2010-Q2"),
                   ("realized_price", 74.18, "USD/lb", "2011-Q2"), ("realized_price", 52.36, "USD/lb", "2010-Q2")}


CORNER_SCALE = """| Thousands of tonnes | Q2 2011 | Q1 2011 |
|---|---|---|
| Ore milled | 1,215 | 1,048 |
"""


def test_a_corner_of_thousands_of_a_unit_scales_the_rows() -> None:
    text = kestrel.release(CORNER_SCALE, INTRO, *Q2)
    got = {(m.metric, m.value, m.unit, m.period.label) for m in extract_table_figures(read_release(text))}
    assert got == {("ore_processed", 1215000, "t", "2011-Q2"), ("ore_processed", 1048000, "t", "2011-Q1")}


NESTED_LABELS = """
                                                          Unit: tonne

                                      First half     First half    Year-on-year
 Product              Mine               of 2011        of 2010          change
 ------------------------------------------------------------------------------
 Copper (metal)       Moose Creek         18,462         12,315         +49.9%
                      Lynx                 7,905          6,077         +30.1%
                      Subtotal            26,367         18,392         +43.4%
 Cobalt (metal)       Moose Creek          1,288            902         +42.8%
 ------------------------------------------------------------------------------

KEY OPERATING INDICATORS

                                                     Unit          First half    First half
                                                                      of 2011       of 2010
 ------------------------------------------------------------------------------------------
 Moose Creek     Ore processed                   10,000 tonnes         51.26         43.61
                 Copper head grade                       %              2.74          2.51
                 Copper recovery rate                    %             84.37         84.29
"""


def test_an_outer_label_column_heads_its_group_of_rows() -> None:
    """Two label columns, the outer written once per group (a metal over its mines, a mine over its metrics); a
    caption "Unit: tonne" gives the unit, a unit column of "10,000 tonnes" scales the cells, a subtotal is the total."""
    text = kestrel.release(NESTED_LABELS, TWO_MINES, "Kestrel Gold Mines Inc. Reports First Half 2011 Production",
                           "July 18, 2011")
    got = {(m.metric, m.metal, m.value, m.site, m.period.label) for m in extract_table_figures(read_release(text))
           if m.period.label == "2011-H1"}
    assert got == {("production", "copper", 18462, "Moose Creek", "2011-H1"), ("production", "copper", 7905, "Lynx", "2011-H1"),
                   ("production", "copper", 26367, None, "2011-H1"), ("production", "cobalt", 1288, "Moose Creek", "2011-H1"),
                   ("ore_processed", None, 512600, "Moose Creek", "2011-H1"),
                   ("head_grade", "copper", 2.74, "Moose Creek", "2011-H1"),
                   ("recovery", "copper", 84.37, "Moose Creek", "2011-H1")}


SECTIONS_OF_A_CONCENTRATOR = """| | Unit | Q2 2011 |
|---|---|---|
| Milling | | |
| Head grade - nickel | % | 1.62 |
| Head grade - cobalt | % | 0.071 |
| Concentrate | | |
| Concentrate produced | dmt | 11,690 |
| Nickel in concentrate | t | 1,379 |
| Sales | | |
| Nickel concentrate | wmt | 11,960 |
"""


def test_a_section_row_ends_the_metal_of_the_grade_rows_above_and_a_label_that_says_the_section_keeps_its_metric() -> None:
    """"Concentrate produced" under a new section is not of the cobalt graded above it; "Nickel in concentrate" under
    "Concentrate" is nickel produced, while "Nickel concentrate" under "Sales" is sold."""
    intro = INTRO.replace("Moose Creek mine", "Moose Creek nickel mine")
    text = kestrel.release(SECTIONS_OF_A_CONCENTRATOR, intro, *Q2)
    got = {(m.metric, m.metal, m.value) for m in extract_table_figures(read_release(text))}
    assert got == {("head_grade", "nickel", 1.62), ("head_grade", "cobalt", 0.071),
                   ("concentrate_production", "nickel", 11690), ("production", "nickel", 1379),
                   ("sales", "nickel", 11960)}


SPLIT_OVER_TWO_PAGES = """**Table 1: Moose Creek production and sales**

| | Unit | Q2 2011 | Q1 2011 |
|---|---|---|---|
| **Mining** | | | |
| Ore mined | Mt | 4.62 | 4.18 |
| HM grade | % HM | 3.41 | 3.56 |
| **Production** | | | |
| Zircon | t | 9,874 | 9,112 |
| TREO in monazite | t | 812 | 724 |

---

*Kestrel Gold Mines Inc. - Quarterly Report - June 2011*
*Page 2 of 9*

---

**Table 1 (continued)**

| **Sales** | | | |
|---|---|---|---|
| Zircon | t | 10,420 | 8,650 |
"""


def test_a_table_continued_on_the_next_page_under_a_section_row_reads_under_the_first_parts_header() -> None:
    """The second part of a table split by a page footer opens with a section row ("| **Sales** | | |"), not a header
    of its own; a grade under "Mining" is the grade of the ore mined; "TREO in monazite" is rare earths."""
    text = kestrel.release(SPLIT_OVER_TWO_PAGES, INTRO, *Q2)
    got = {(m.metric, m.metal, m.value, m.period.label) for m in extract_table_figures(read_release(text))
           if m.period.label == "2011-Q2"}
    assert got == {("ore_mined", None, 4620000, "2011-Q2"), ("mined_grade", "heavy_minerals", 3.41, "2011-Q2"),
                   ("production", "zircon", 9874, "2011-Q2"), ("production", "rare_earths", 812, "2011-Q2"),
                   ("sales", "zircon", 10420, "2011-Q2")}


THOUSANDS_IN_THE_CAPTION = """Production summary                          (in '000 tonnes, unless mentioned)

 Particulars                       Q2 2011     Q2 2010
 ------------------------------------------------------
 Mined metal content                   254         243
   - Zinc                              206         199
   - Lead                               48          44
 Zinc cost of production without royalty
   (US$/tonne)(2)                    1,208       1,105
 ------------------------------------------------------
"""


def test_a_caption_in_thousands_a_total_of_several_metals_and_a_label_whose_last_line_is_its_unit() -> None:
    """"(in '000 tonnes, unless mentioned)" scales the rows; "Mined metal content" of a zinc-lead miner is the metals
    together (no one metal); a label wrapped onto a line of its unit is one label; a cost "without royalty" is a cost."""
    intro = INTRO.replace("Moose Creek mine", "Moose Creek zinc-lead mine")
    text = kestrel.release(THOUSANDS_IN_THE_CAPTION, intro, *Q2)
    got = {(m.metric, m.metal, m.value, m.unit) for m in extract_table_figures(read_release(text)) if m.period.label == "2011-Q2"}
    assert got == {("production", None, 254000, "t"), ("production", "zinc", 206000, "t"), ("production", "lead", 48000, "t"),
                   ("unit_cost", "zinc", 1208, "USD/t")}


PIPED_CELL_PER_LINE = """Production statistics
Three months ended 30 Jun 2011 |
Three months ended 31 Mar 2011 |
% change |
Year to date 2011 |
||
Processing |
|||||
Ore processed |
Tonnes |
412,300 |
398,200 |
4 |
810,500 |

Operating performance | |||
---|---|---|---|
Q2 2011 | Q1 2011 | Q4 2010 | |
Contained nickel (t) | 8,805 | 8,635 | 7,663 |
"""


def test_a_piped_table_one_cell_per_line_with_a_change_column_and_a_header_with_no_corner_cell() -> None:
    """Empty-cell lines ("||") are nothing; a section label under headings that hold a change column is a section;
    a Markdown header of periods with a trailing empty cell and no corner cell stands over the values."""
    intro = INTRO.replace("Moose Creek mine", "Moose Creek nickel mine")
    text = kestrel.release(PIPED_CELL_PER_LINE, intro, *Q2)
    got = {(m.metric, m.value, m.period.label) for m in extract_table_figures(read_release(text))}
    assert got == {("ore_processed", 412300, "2011-Q2"), ("ore_processed", 398200, "2011-Q1"),
                   ("ore_processed", 810500, "2011-H1"), ("production", 8805, "2011-Q2"),
                   ("production", 8635, "2011-Q1"), ("production", 7663, "2010-Q4")}


GROUPED_BY_METAL = """Gold production (oz) | Silver production (oz) | |||||
Mines | Q2 2011 | H1 2011 | 2011 Guidance | Q2 2011 | H1 2011 | 2011 Guidance |
Moose Creek | 12,400 | 23,900 | 45,000 - 50,000 | 610,000 | 1,180,000 | 2,300,000 - 2,600,000 |
Lynx | 3,050 | 5,800 | 11,000 - 13,000 | - | - | - |
"""


def test_a_heading_row_of_metals_over_a_repeated_group_of_period_columns() -> None:
    """"Gold production (oz) | Silver production (oz)" written left over two groups of the same period columns: each
    group is of its metal, and its "2011 Guidance" column is guidance for 2011."""
    text = kestrel.release(GROUPED_BY_METAL, TWO_MINES, *Q2)
    got = {(type(m).__name__[0], m.metal, m.site, m.period.label, getattr(m, "value", None) or (m.low, m.high))
           for m in extract_table_figures(read_release(text))}
    assert got == {("M", "gold", "Moose Creek", "2011-Q2", 12400), ("M", "gold", "Moose Creek", "2011-H1", 23900),
                   ("G", "gold", "Moose Creek", "2011", (45000, 50000)),
                   ("M", "silver", "Moose Creek", "2011-Q2", 610000), ("M", "silver", "Moose Creek", "2011-H1", 1180000),
                   ("G", "silver", "Moose Creek", "2011", (2300000, 2600000)),
                   ("M", "gold", "Lynx", "2011-Q2", 3050), ("M", "gold", "Lynx", "2011-H1", 5800),
                   ("G", "gold", "Lynx", "2011", (11000, 13000))}


TWO_LEVEL_RULED = ("------------------------------------------------------------------ Highlights ($ millions) Three months "
                   "ended Six months ended June 30 June 30 ------------------------------------------------ 2011 2010 change "
                   "2011 2010 change ------------------------------------------------------------------ Revenue 210 250 (16)% "
                   "470 520 (10)% ------------------------------------------------------------------ Gold produced (ounces) "
                   "31,100 29,000 7% 60,000 55,000 9% ------------------------------------------------------------------")


def test_a_table_flattened_onto_one_line_with_spans_and_days_over_a_segment_of_years() -> None:
    """"Three months ended  Six months ended  June 30  June 30" over "2011 2010 change 2011 2010 change", the rows
    between dashed rules; "($ millions)" in the heading scales the revenue row."""
    text = kestrel.release(TWO_LEVEL_RULED, INTRO, *Q2)
    got = {(m.metric, m.value, m.period.label) for m in extract_table_figures(read_release(text))}
    assert got == {("revenue", 210e6, "2011-Q2"), ("revenue", 250e6, "2010-Q2"), ("revenue", 470e6, "2011-H1"),
                   ("revenue", 520e6, "2010-H1"), ("production", 31100, "2011-Q2"), ("production", 29000, "2010-Q2"),
                   ("production", 60000, "2011-H1"), ("production", 55000, "2010-H1")}


PRICES_UNDER_A_CAPTION = """Average realised prices

                                              Q2 2011     Q1 2011
Iron ore (US$/dmt, FOB)5                        108.2       114.9
Copper (US$/lb)6                                 3.86        4.07
"""


def test_a_caption_that_names_one_metric_heads_rows_that_name_only_their_metal_and_unit() -> None:
    """"Average realised prices" over "Iron ore (US$/dmt, FOB)" and "Copper (US$/lb)": realised prices of each."""
    intro = INTRO.replace("Moose Creek mine", "Moose Creek iron ore and copper mine")
    text = kestrel.release(PRICES_UNDER_A_CAPTION, intro, *Q2)
    got = {(m.metric, m.metal, m.value, m.unit, m.period.label) for m in extract_table_figures(read_release(text))}
    assert got == {("realized_price", "iron", 108.2, "USD/t", "2011-Q2"), ("realized_price", "iron", 114.9, "USD/t", "2011-Q1"),
                   ("realized_price", "copper", 3.86, "USD/lb", "2011-Q2"), ("realized_price", "copper", 4.07, "USD/lb", "2011-Q1")}


CORNER_METRIC = """| Metal production (tonnes) | Q2 2011 | Q1 2011 |
|---|---|---|
| Copper cathode | 3,215 | 3,048 |
| Zinc in concentrate | 4,912 | 4,603 |
"""


def test_a_metric_in_the_corner_heads_a_row_per_metal() -> None:
    """"Metal production (tonnes)" in the corner, a metal down each row: tonnes of each metal produced."""
    text = kestrel.release(CORNER_METRIC, INTRO, *Q2)
    got = {(m.metric, m.metal, m.value, m.unit, m.period.label) for m in extract_table_figures(read_release(text))}
    assert got == {("production", "copper", 3215, "t", "2011-Q2"), ("production", "copper", 3048, "t", "2011-Q1"),
                   ("production", "zinc", 4912, "t", "2011-Q2"), ("production", "zinc", 4603, "t", "2011-Q1")}


def test_a_fiscal_year_to_date_column_is_the_first_months_of_that_fiscal_year() -> None:
    """"YTD FY2017" beside "Dec 2016 Qtr" at an ASX miner: July to December 2016, the 2016-H2, not a 2017 half."""
    text = ("Ironbark Metals Limited\nASX Code: IBM\n27 January 2017\n\nQuarterly report for the December 2016 quarter.\n\n"
            "Production Summary   Dec 2016 Qtr   Sep 2016 Qtr   YTD FY2017\n"
            "Ore mined (t)         318,406        297,715        616,121\n")
    got = {(m.value, m.period.label) for m in extract_table_figures(read_release(text))}
    assert got == {(318406, "2016-Q4"), (297715, "2016-Q3"), (616121, "2016-H2")}


def test_a_repeated_header_row_of_periods_is_no_row_of_figures() -> None:
    """A second section's header ("| Lynx | Q2 2011 | Q1 2011 |") under the first's: its years are no values."""
    table = ("| Moose Creek | Q2 2011 | Q1 2011 |\n|---|---:|---:|\n| Gold produced (oz) | 2,880 | 3,010 |\n\n"
             "| Lynx | Q2 2011 | Q1 2011 |\n|---|---:|---:|\n| Gold produced (oz) | 1,240 | 1,310 |\n")
    text = kestrel.release(table, kestrel.TWO_MINES, *Q2)
    assert sorted(m.value for m in extract_table_figures(read_release(text))) == [1240, 1310, 2880, 3010]


SITES_UNDER_A_CAPTION = """Production (oz)
| Mine | Q2 2011 | Q1 2011 |
|---|---|---|
| Alpha | 100 | 200 |
| Beta | 300 | 400 |
| Total | 400 | 600 |
| Mine | Full Year 2010 | Full Year 2009 |
| Alpha | 1,100 | 1,200 |
"""


def test_a_mine_column_reads_under_the_caption_and_a_header_row_starts_a_new_table() -> None:
    """"Mine" in the corner: the rows are sites, of the metric the caption names; a second header row below the
    figures starts a table of its own, read under its own periods and the same metric."""
    text = kestrel.release(SITES_UNDER_A_CAPTION, INTRO, *Q2)
    got = {(m.metric, m.value, m.period.label, m.site) for m in extract_table_figures(read_release(text))}
    assert got == {("production", 100, "2011-Q2", "Alpha"), ("production", 200, "2011-Q1", "Alpha"),
                   ("production", 300, "2011-Q2", "Beta"), ("production", 400, "2011-Q1", "Beta"),
                   ("production", 400, "2011-Q2", None), ("production", 600, "2011-Q1", None),
                   ("production", 1100, "2010", "Alpha"), ("production", 1200, "2009", "Alpha")}


GUIDANCE_COLUMN = """| | Q2 2011 | Q1 2011 | 2011 Guidance | Variance to guidance | Completion of guidance |
|---|---|---|---|---|---|
| Gold produced (oz) | 38,450 | 35,900 | 150,000 - 160,000 | 2% | 48.86% |
| AISC (US$/oz) | 912 | 948 | 900 - 950 | -1% | |
"""

GUIDANCE_TABLE = """| 2011 guidance | Unit | Range |
|---|---|---|
| Gold produced | oz | 150,000 – 160,000 |
| Ore milled | t | 1,600,000 |
"""


@pytest.mark.parametrize(("table", "expected"), [
    (GUIDANCE_COLUMN, {("production", 150000, 160000, "oz", "2011"), ("aisc", 900, 950, "USD/oz", "2011")}),
    (GUIDANCE_TABLE, {("production", 150000, 160000, "oz", "2011"), ("ore_processed", 1600000, 1600000, "t", "2011")}),
])
def test_guidance_columns_and_guidance_tables_give_guidance(table: str, expected: set) -> None:
    """A column headed "2011 Guidance", or every column of a table whose corner says "2011 guidance", holds
    forward-looking ranges, not actuals; a variance column beside it holds neither, nor does the share of guidance
    completed."""
    text = kestrel.release(table, INTRO, *Q2)
    records = extract_table_figures(read_release(text))
    guided = {(g.metric, g.low, g.high, g.unit, g.period.label) for g in records if isinstance(g, Guidance)}
    assert guided == expected
    assert all(r.value not in (2, -1, 48.86) for r in records if isinstance(r, Measurement))


def test_a_flattened_heading_of_spans_lies_over_its_group_of_columns() -> None:
    """"Quarter Ended Year-to-date" in one cell over "Dec-18 Sep-18 Change Dec-17 | Dec-18 Dec-17": the quarter's
    columns, then the fiscal year to date's (July-December at an ASX miner: the second half)."""
    cells = ["T1: PRODUCTION", " ", " ", "Quarter Ended", "Year-to-date", " ", "Dec-18", "Sep-18", "Dec-17", "Dec-18",
             "Dec-17", "Ore mined (t)", "142,310", "136,920", "128,450", "279,230", "255,870",
             "Ore milled (t)", "139,880", "140,210", "131,060", "280,090", "262,450"]
    text = ("Carranya Nickel Limited\nASX: CRN\n30 January 2019\n\nQuarterly report for the period ending 31 December 2018, "
            "the second quarter of FY2019.\n\n" + "\n\n".join(cells) + "\n")
    got = {(m.value, m.period.label) for m in extract_table_figures(read_release(text))}
    assert {(142310, "2018-Q4"), (136920, "2018-Q3"), (128450, "2017-Q4"), (279230, "2018-H2"), (255870, "2017-H2")} <= got


def test_a_second_heading_line_of_words_in_column_groups_names_the_spans() -> None:
    """"Sep-12  Jun-12  FY12" over "Quarter  Quarter  Full year", as a PDF's text keeps them: quarters, not months."""
    table = ("                          Sep-12        Jun-12          FY12\n"
             "                         Quarter       Quarter     Full year\n"
             "Ore mined (t)           1,842,600     1,765,300     6,904,200\n"
             "Ore processed (t)       1,798,400     1,801,200     6,853,600\n")
    text = kestrel.release(table, INTRO, "Kestrel Gold Mines Inc. Quarterly Report", "October 20, 2012")
    got = {(m.value, m.period.label) for m in extract_table_figures(read_release(text))}
    assert {(1842600, "2012-Q3"), (1765300, "2012-Q2"), (1798400, "2012-Q3")} <= got


def test_a_second_heading_line_lies_over_the_value_columns_not_the_unit_column() -> None:
    table = ("                      Units     Jun-24      Mar-24       FY24\n"
             "                                 Qtr         Qtr       Total\n"
             "Ore mined             kt        412.6       388.1    1,602.4\n"
             "Ore processed         kt        398.2       391.0    1,577.9\n")
    text = kestrel.release(table, "Kestrel Gold Limited (ASX: KGL) reports on the Moose Creek mine for the June 2024 "
                           "quarter (Q4 FY24).", "Kestrel Gold Limited June 2024 Quarterly Report", "July 25, 2024")
    got = {(m.value, m.period.label) for m in extract_table_figures(read_release(text))}
    assert {(412600, "2024-Q2"), (388100, "2024-Q1"), (398200, "2024-Q2")} <= got


def test_a_year_run_into_its_heading_word() -> None:
    """"SEPTEMBER 2021QUARTER | DECEMBER 2021HALF YEAR": the quarter and the half, not two months."""
    text = release("| | SEPTEMBER 2010QUARTER | DECEMBER 2010HALF YEAR |\n| Gold production (oz) | 24,610 | 48,590 |",
                   ("Kestrel Gold Mines Inc. Reports Half Year Results", "January 18, 2011"))
    assert [(r[2], r[4]) for r in run(text)] == [(24610, "2010-Q3"), (48590, "2010-H2")]


def test_a_row_with_a_unit_of_its_own_is_a_measure_not_a_mine() -> None:
    """"Operating Surplus | US$ million | 28" under "Realised price | US$/oz": no realised price at a mine of that name."""
    text = release("| Item | Unit | Q2 2011 | Q1 2011 |\n| Realised price | US$/oz | 1,512 | 1,388 |\n"
                   "| Operating Surplus | US$ million | 28 | 19 |")
    assert [(r[0], r[2], r[5]) for r in run(text)] == [("realized_price", 1512, MC), ("realized_price", 1388, MC)]


def test_a_nested_row_keeps_its_own_unit_under_a_section_without_one() -> None:
    """"Zircon (t)" under the section rows "Production" and "Sales": tonnes produced and sold, not pounds or nothing."""
    text = release("\tQ2 2011\tQ1 2011\nHMC produced (t)\t92,310\t88,740\nProduction\n   Zircon (t)\t16,820\t16,410\n"
                   "   Rutile (t)\t6,240\t5,980\nSales\n   Zircon (t)\t11,930\t17,240\n")
    assert sorted((r[0], r[1], r[2], r[3]) for r in run(text)) == sorted([
        ("concentrate_production", None, 92310, "t"), ("concentrate_production", None, 88740, "t"),
        ("production", "zircon", 16820, "t"), ("production", "zircon", 16410, "t"),
        ("production", "rutile", 6240, "t"), ("production", "rutile", 5980, "t"),
        ("sales", "zircon", 11930, "t"), ("sales", "zircon", 17240, "t")], key=repr)  # HMC: of no one mineral


def test_a_unit_in_millions_of_pounds() -> None:
    text = release("\tQ2 2011\tQ1 2011\nCopper production (millions of pounds)\t18.1\t16.0\n"
                   "Molybdenum production (thousands of pounds)\t312\t288\n")
    assert sorted((r[0], r[1], r[2], r[3]) for r in run(text)) == sorted([
        ("production", "copper", 18.1e6, "lb"), ("production", "copper", 16.0e6, "lb"),
        ("production", "molybdenum", 312000, "lb"), ("production", "molybdenum", 288000, "lb")], key=repr)


def test_saleable_ore_produced_is_the_commoditys_output_not_ore_mined() -> None:
    """A bulk commodity sold as ore (manganese, iron ore): "Saleable ore produced" is production of it."""
    intro = INTRO.replace("Moose Creek mine", "Moose Creek manganese mine")
    text = release("\tUnit\tQ2 2011\tQ1 2011\nOre mined\tt\t1 842 300\t1 716 800\nSaleable ore produced\tt\t1 512 600\t1 436 200\n",
                   intro=intro)
    assert sorted((r[0], r[1], r[2]) for r in run(text)) == sorted([
        ("ore_mined", None, 1842300), ("ore_mined", None, 1716800),
        ("production", "manganese", 1512600), ("production", "manganese", 1436200)], key=repr)


def test_a_mined_grade_in_grams_is_of_the_releases_precious_metal() -> None:
    text = release("\tQ2 2011\tQ1 2011\nOre mined (t)\t231,000\t225,400\nMined grade (g/t)\t4.62\t4.48\n")
    assert ("mined_grade", "gold", 4.62, "g/t") in [(r[0], r[1], r[2], r[3]) for r in run(text)]


def test_a_row_of_units_under_the_headings_is_the_unit_of_rows_that_state_none() -> None:
    """"Mt  Mt  Mt" under "Q2 2011  Q1 2011  Q2 2010": ore mined in millions of tonnes; a row with its own unit keeps it."""
    text = release("                          Q2 2011    Q1 2011    Q2 2010\n"
                   "                               Mt         Mt         Mt\n"
                   "Moose Creek\n"
                   "   Ore mined                 2.64       2.41       2.22\n"
                   "   Waste removed (Mbcm)     17.86      16.12      14.03\n")
    assert sorted((r[0], r[2], r[3], r[4]) for r in run(text)) == sorted([
        ("ore_mined", 2.64e6, "t", "2011-Q2"), ("ore_mined", 2.41e6, "t", "2011-Q1"), ("ore_mined", 2.22e6, "t", "2010-Q2")],
        key=repr)


def test_a_row_under_a_section_with_a_unit_takes_that_unit() -> None:
    """"Payable copper production" under "Moose Creek copper (kt)": thousands of tonnes, not pounds."""
    text = release("\tQ2 2011\tQ1 2011\nMoose Creek copper (kt)\n   Payable copper production\t74.6\t81.2\n")
    assert [(r[0], r[1], r[2], r[3]) for r in run(text)] == [("production", "copper", 74600, "t"), ("production", "copper", 81200, "t")]


def test_a_caption_that_ends_with_a_unit_gives_it_to_rows_that_state_none() -> None:
    text = release("Moose Creek: preliminary production (Mt)\n\tQ2 2011\tQ1 2011\nOre mined\t1.48\t1.21\n"
                   "Waste moved (Mbcm)\t17.86\t16.12\n")
    assert [(r[0], r[2], r[3]) for r in run(text)] == [("ore_mined", 1.48e6, "t"), ("ore_mined", 1.21e6, "t")]


def test_a_share_held_heads_its_rows_and_a_change_column_between_periods_is_no_figure() -> None:
    """A PDF text table: "Q2 2011 vs / Q2 2010" over two lines is a change column, its "(11%)" no tonnage; the metal
    and unit line ("Silver (Moz)") over the mine's line with its share ("Moose Creek (100%)") both head the rows;
    "Shipments" is a metric, not a mine."""
    text = release("                                  Q2 2011    Q2 2010   Q2 2011 vs    Q1 2011\n"
                   "                                                          Q2 2010\n"
                   "Silver (Moz)\n"
                   "Moose Creek (100%)\n"
                   "   Payable silver production         2.18       2.46        (11%)       2.61\n"
                   "   Shipments                         2.05       2.39        (14%)       2.72\n"
                   "Copper (kt)\n"
                   "Lynx Lake (70%)\n"
                   "   Payable copper production         6.42       7.15        (10%)       6.88\n")
    assert sorted((r[0], r[1], round(r[2]), r[3], r[4]) for r in run(text)) == sorted([
        ("production", "silver", 2.18e6, "oz", "2011-Q2"), ("production", "silver", 2.46e6, "oz", "2010-Q2"),
        ("production", "silver", 2.61e6, "oz", "2011-Q1"), ("sales", "silver", 2.05e6, "oz", "2011-Q2"),
        ("sales", "silver", 2.39e6, "oz", "2010-Q2"), ("sales", "silver", 2.72e6, "oz", "2011-Q1"),
        ("production", "copper", 6420, "t", "2011-Q2"), ("production", "copper", 7150, "t", "2010-Q2"),
        ("production", "copper", 6880, "t", "2011-Q1")], key=repr)


def test_a_unit_column_heading_and_a_total_named_after_the_issuer_keep_a_table_of_mines_across() -> None:
    """"Parameter | Unit | Moose Creek | Caribou | Kestrel Group": the unit column is no mine, the group column is the
    company's total; the figures are the release's quarter."""
    text = release("Parameter | Unit | Moose Creek | Caribou | Kestrel Group |\n"
                   "Gold production | Ounces | 31,200 | 22,400 | 53,600 |\n", intro=TWO_MINES)
    assert sorted((r[0], r[2], r[4], r[5]) for r in run(text)) == sorted([
        ("production", 31200, "2011-Q2", "Moose Creek"), ("production", 22400, "2011-Q2", "Caribou"),
        ("production", 53600, "2011-Q2", None)], key=repr)


def test_a_royalty_companys_royalty_income_is_revenue_and_pellets_are_iron_ore() -> None:
    """"Royalty income (£m)" over a row per property is revenue (only royalties paid are no figure); "pellets sold"
    is iron ore sold."""
    got = set()
    for table in ("Royalty income (£m) Q2 2011 Q1 2011\nMoose Creek 4.2 3.6\nLynx 0.7 0.5\n",
                  "Operator volumes Q2 2011 Q1 2011\nLynx pellets sold Mt 2.71 2.41\nMoose Creek coal sold Mt 1.62 1.39\n"):
        got |= {(m.metric, m.metal, m.value, m.period.label) for m in extract_table_figures(read_release(kestrel.release(
            table, TWO_MINES, *Q2)))}
    assert {("revenue", None, 4200000, "2011-Q2"), ("revenue", None, 500000, "2011-Q1"),
            ("sales", "iron", 2710000, "2011-Q2")} <= got


def test_an_asian_operating_table_of_defined_periods_units_per_gram_and_mines_in_an_outer_column() -> None:
    """An HKEX announcement's tables: columns headed by the periods it defined ("Reporting Period"); a unit column of
    "10,000 tonnes" and "RMB/g"; "of which: Baiyun Mine" is a mine's part of the row above; "Silver (in lead
    concentrate)" is silver; a mine written once in an outer column heads its rows, "Recovery rate" no rand."""
    text = ('KAIPING GOLD MINING COMPANY LIMITED\n\nThe Board announces the production data for the six months ended '
            '30 June 2012 (the "Reporting Period") with the six months ended 30 June 2011 (the "Corresponding Period '
            'of Last Year").\n\n'
            '| Item | Unit | Reporting Period | Corresponding Period of Last Year |\n| --- | --- | --- | --- |\n'
            '| Mine-produced gold | kg | 6,412.37 | 5,988.10 |\n| of which: Baiyun Mine | kg | 3,706.52 | 3,517.84 |\n'
            '| Silver (in lead concentrate) | kg | 21,604 | 20,177 |\n'
            '| Average selling price of gold | RMB/g | 331.62 | 289.47 |\n\n'
            'Operating data of principal mines:\n\n'
            '| Mine | Item | Unit | Reporting Period | Corresponding Period of Last Year |\n| --- | --- | --- | --- | --- |\n'
            '| Baiyun Mine | Ore processed | 10,000 tonnes | 118.27 | 112.60 |\n'
            '| | Recovery rate (gold) | % | 91.90 | 91.35 |\n| Jinpen Mine | Ore processed | 10,000 tonnes | 84.62 | 79.91 |\n'
            '\nYantai, the PRC, 20 July 2012\n')
    doc = read_release(text)
    got = {(m.metric, m.metal, round(m.value, 2), m.unit, m.period.label, m.site) for m in extract_table_figures(doc)}
    assert {("production", "gold", 6412.37, "kg", "2012-H1", None), ("production", "gold", 3517.84, "kg", "2011-H1", "Baiyun"),
            ("production", "silver", 21604, "kg", "2012-H1", None),
            ("realized_price", "gold", 289.47, "CNY/g", "2011-H1", None),
            ("ore_processed", None, 1182700, "t", "2012-H1", "Baiyun"),
            ("recovery", "gold", 91.35, "%", "2011-H1", "Baiyun")} <= got
    assert doc.info.date == "2012-07-20"


def test_what_a_refinery_produces_is_refined_production() -> None:
    assert read_label("Gold bullion produced by the Xishan Refinery", "kg")[0].metric == "refined_production"


def test_headings_without_a_corner_cell_over_two_groups_of_mines_and_metal_section_rows() -> None:
    """A wire copy's table: "First Quarter 2023 | First Quarter 2022" over "Moose Creek | Lynx | Consolidated" twice,
    neither row writing the corner over the labels; "GOLD | ||||" and "SILVER" sections give their rows a metal;
    "Production (Ag Eq oz)" is silver-equivalent ounces."""
    text = release("First Quarter 2023 | First Quarter 2022 | |||\n"
                   "Moose Creek | Lynx | Consolidated | Moose Creek | Lynx | Consolidated | ||\n"
                   "GOLD | |||||||\nGrade (g/t) | 0.31 | 1.62 |  | 0.28 | 1.71 |  |\n"
                   "Production (oz) | 378 | 10,395 | 10,773 | 394 | 10,874 | 11,268 |\n"
                   "SILVER | |||||||\nRecovery (%) | 84.12 | 90.87 |  | 83.40 | 91.22 |  |\n"
                   "Production (Ag Eq oz) | 308,177 | 2,360,366 | 2,668,543 | 354,933 | 2,442,397 | 2,797,330 |\n",
                   ("Kestrel Gold Mines Inc. Reports First Quarter 2023 Production", "April 13, 2023"), TWO_MINES)
    got = {(r[0], r[1], r[2], r[4], r[5]) for r in run(text)}
    assert {("head_grade", "gold", 0.31, "2023-Q1", "Moose Creek"), ("head_grade", "gold", 1.71, "2022-Q1", "Lynx"),
            ("production", "gold", 10773, "2023-Q1", None), ("recovery", "silver", 83.40, "2022-Q1", "Moose Creek"),
            ("production", "silver_equivalent", 2797330, "2022-Q1", None)} <= got
    assert all(r[3] in {"2023-Q1", "2022-Q1"} for r in got)


def test_quarters_with_two_digit_years_a_hedge_book_a_sentence_introduces_and_royalties_per_ounce() -> None:
    """"Dec 05 Qtr", "Half Year to 31 Dec 04": quarters and halves of those years; "Royalties (A$/oz)" under the cash
    cost is no mine's cash cost; a hedge book that a paragraph's last sentence introduces ("... the hedge book stood
    at:") holds no output, though its rows are years."""
    text = release("| | Dec 05 Qtr | Sep 05 Qtr | Half Year to 31 Dec 05 | Half Year to 31 Dec 04 |\n|---|---|---|---|---|\n"
                   "| Ore mined (t) | 521,400 | 498,700 | 1,020,100 | 902,800 |\n"
                   "| Cash operating cost (A$/oz) | 412 | 438 | 425 | 368 |\n| Royalties (A$/oz) | 14 | 14 | 14 | 12 |\n\n"
                   "During the quarter 21,000 ounces of forward contracts were delivered into and no new hedging was "
                   "undertaken by the Company. At 31 December 2005 the hedge book stood at:\n\n"
                   "| Year ending 30 June | Forwards (oz) | Average price (A$/oz) |\n|---|---|---|\n"
                   "| 2007 | 84,000 | 546 |\n| 2008 | 84,000 | 551 |\n",
                   ("Kestrel Gold Mines Inc. Quarterly Report for the Three Months Ended 31 December 2005",
                    "January 25, 2006"))
    got = {(r[0], r[2], r[4]) for r in run(text)}
    assert got == {("ore_mined", 521400, "2005-Q4"), ("ore_mined", 498700, "2005-Q3"), ("ore_mined", 1020100, "2005-H2"),
                   ("ore_mined", 902800, "2004-H2"), ("cash_cost", 412, "2005-Q4"), ("cash_cost", 438, "2005-Q3"),
                   ("cash_cost", 425, "2005-H2"), ("cash_cost", 368, "2004-H2")}


def test_a_row_that_writes_only_its_unit_continues_the_row_above_and_a_gold_miners_cost_per_tonne_is_a_unit_cost() -> None:
    """A JSE results table: " | oz | 141 012" under "Gold produced | kg | 4 386" is gold produced in ounces; "R/t" under
    "Cash operating cost" is, at a gold mine, a cost per tonne of ore milled (a unit cost, of no metal); the yield in
    g/t is of gold."""
    text = release("| | Unit | Quarter ended Mar 2007 | Quarter ended Dec 2006 |\n|---|---|---|---|\n"
                   "| Yield | g/t | 3.52 | 3.61 |\n| Gold produced | kg | 4 386 | 4 700 |\n| | oz | 141 012 | 151 108 |\n"
                   "| Cash operating cost | R/kg | 98 640 | 91 420 |\n| | R/t | 347 | 330 |\n",
                   ("Kestrel Gold Mines Inc. Results for the Quarter Ended 31 March 2007", "April 26, 2007"))
    got = {(r[0], r[1], r[2], r[3], r[4]) for r in run(text)}
    assert got == {("yield", "gold", 3.52, "g/t", "2007-Q1"), ("yield", "gold", 3.61, "g/t", "2006-Q4"),
                   ("production", "gold", 4386, "kg", "2007-Q1"), ("production", "gold", 4700, "kg", "2006-Q4"),
                   ("production", "gold", 141012, "oz", "2007-Q1"), ("production", "gold", 151108, "oz", "2006-Q4"),
                   ("cash_cost", "gold", 98640, "ZAR/kg", "2007-Q1"), ("cash_cost", "gold", 91420, "ZAR/kg", "2006-Q4"),
                   ("unit_cost", None, 347, "ZAR/t", "2007-Q1"), ("unit_cost", None, 330, "ZAR/t", "2006-Q4")}


def test_a_cash_cost_per_tonne_milled_is_a_unit_cost_and_per_tonne_of_coal_a_cash_cost() -> None:
    milled = read_label("Cash cost per tonne milled ($/t)")[0]
    assert (milled.metric, milled.metal) == ("unit_cost", None)
    assert read_label("FOB cash cost (A$/t)")[0].metric == "cash_cost"


def test_a_year_column_under_a_span_that_names_no_year_and_notes_after_capitals() -> None:
    """"Year ended 31 December" over "FY 2022 | FY 2021": each column is the year it writes, not the release's;
    "AISC4" is AISC with a note; waste and total material moved are no ore; "Ore and tailings leached" is processed;
    a site's section row that names a metal ("Lynx (SX-EW and cobalt plant)") gives its rows no metal."""
    text = release(" | Unit | Quarter |  | Year ended 31 December | \n |  | Q4 2022 | Q3 2022 | FY 2022 | FY 2021\n"
                   "Lynx (SX-EW and cobalt plant) | | | | |\nOre and tailings leached | kt | 620 | 655 | 2,540 | 2,410\n"
                   "Waste mined | kt | 9,420 | 9,860 | 38,120 | 35,470\nTotal material mined | kt | 9,900 | 9,990 | 39,000 | 36,000\n"
                   "AISC4 | US$/lb | 2.61 | 2.48 | 2.52 | 2.31\n",
                   ("Kestrel Copper Reports Fourth Quarter and Full Year 2022 Results", "January 26, 2023"), TWO_MINES)
    got = {(r[0], r[1], r[2], r[4]) for r in run(text)}
    assert got == {("ore_processed", None, 620000, "2022-Q4"), ("ore_processed", None, 655000, "2022-Q3"),
                   ("ore_processed", None, 2540000, "2022"), ("ore_processed", None, 2410000, "2021"),
                   ("aisc", "copper", 2.61, "2022-Q4"), ("aisc", "copper", 2.48, "2022-Q3"), ("aisc", "copper", 2.52, "2022"),
                   ("aisc", "copper", 2.31, "2021")}


def test_a_unit_of_thousands_written_with_its_unit_and_a_fiscal_quarter_named_by_its_end() -> None:
    """"Refined platinum 000oz" is thousands of ounces; a "third quarter production report for the quarter ended 31
    March 2019" puts the fiscal year's end in June."""
    text = ("Johannesburg, 24 April 2019 - Kestrel Platinum Limited (JSE: KPL) today released its third quarter "
            "production report for the quarter ended 31 March 2019 at its Moose Creek platinum mine.\n\n"
            "Operational information   Quarter ended 31 March 2019   Quarter ended 31 March 2018\n"
            "Refined platinum 000oz   212   198\nTonnes milled 000t   1312   1275\n")
    doc = read_release(text)
    assert (doc.fye_month, doc.info.reporting_period.label) == (6, "2019-Q1")
    got = {(m.metric, m.value, m.unit, m.period.label) for m in extract_table_figures(doc)}
    assert got == {("refined_production", 212000, "oz", "2019-Q1"), ("refined_production", 198000, "oz", "2018-Q1"),
                   ("ore_processed", 1312000, "t", "2019-Q1"), ("ore_processed", 1275000, "t", "2018-Q1")}


@pytest.mark.parametrize(("heading", "label"), [
    ("2Q24 Jun-24", "2024-Q2"), ("1Q24 Mar-24", "2024-Q1"), ("Year ended 31 December FY 2021", "2021"),
    ("Dec 05 Qtr", "2005-Q4"), ("Half Year to 31 Dec 04", "2004-H2")])
def test_a_heading_that_writes_its_period_twice_is_read_by_the_fullest_mention_that_writes_its_year(heading: str,
                                                                                                    label: str) -> None:
    from datetime import date

    from kg.extract.tables import _cell_period
    from kg.periods import PeriodContext
    assert _cell_period(heading, PeriodContext(date(2024, 7, 20))).label == label


def test_a_guidance_table_under_its_caption_revised_against_previous_with_a_row_per_mine() -> None:
    """"Revised 2011 Guidance" over "Revised | Previous", one cell a line: the revised ranges are 2011 guidance (the
    previous ones are none), "Moose Creek (oz)" is that mine's gold."""
    table = ("Revised 2011 Guidance\n\n\nRevised\nPrevious\nMoose Creek (oz)\n88,000 – 92,000\n95,000 – 102,000\n"
             "Lynx (oz)\n60,000 – 64,000\n70,000 – 78,000\nAll-in sustaining cost per ounce sold (US$)\n"
             "$1,225 – $1,300\nnot previously provided\n")
    records = extract_table_figures(read_release(release(table, intro=TWO_MINES)))
    got = {(g.metric, g.site if g.metric == "production" else "", g.low, g.high, g.period.label)
           for g in records if isinstance(g, Guidance)}
    assert got == {("production", "Moose Creek", 88000, 92000, "2011"), ("production", "Lynx", 60000, 64000, "2011"),
                   ("aisc", "", 1225, 1300, "2011")}


def test_ranges_one_cell_a_line_under_headings_with_a_note_below_them() -> None:
    """A web table one cell a line: "1Q11" over "(Actual)", "6M11" over "(Actual)", "2011 Revised" over "Outlook (1)",
    and ranges written "80k - 85k": the actuals are their periods', the ranges 2011 guidance in thousands."""
    cells = ["Quarterly output by metal", "1Q11", "(Actual)", "2Q11", "(Actual)", "6M11", "(Actual)", "2011 Revised",
             "Outlook (1)", "Gold (oz)", "21,410", "20,115", "41,525", "80k - 85k", "Silver (oz)", "512,330", "498,765",
             "1,011,095", "1.9M - 2.1M"]
    records = extract_table_figures(read_release(release("\n\n".join(cells) + "\n")))
    facts = {(m.metal, m.value, m.period.label) for m in records if isinstance(m, Measurement)}
    assert {("gold", 21410, "2011-Q1"), ("gold", 20115, "2011-Q2"), ("gold", 41525, "2011-H1"),
            ("silver", 1011095, "2011-H1")} <= facts
    guided = {(g.metal, g.low, g.high, g.period.label) for g in records if isinstance(g, Guidance)}
    assert guided == {("gold", 80000, 85000, "2011"), ("silver", 1900000, 2100000, "2011")}


def test_a_grade_under_a_mines_ore_mined_row_is_the_mined_grade_and_a_unit_column_in_million_tonnes() -> None:
    """"Moose Creek (UG) | Ore mined | MT | 14,62,350" then " | Zinc grade | % | 5.42": the grade of the ore mined;
    "Mn MT" a million tonnes (not manganese)."""
    text = release("| Mine | Particulars | Unit | Q2 2011 | Q2 2010 |\n|---|---|---|---|---|\n"
                   "| Moose Creek (UG) | Ore mined | MT | 14,62,350 | 13,88,420 |\n| | Zinc grade | % | 5.42 | 5.61 |\n"
                   "| Lynx (OC) | Ore mined | Mn MT | 0.58 | 0.51 |\n| | Zinc grade | % | 6.02 | 6.24 |\n", intro=TWO_MINES)
    got = {(r[0], r[1], r[2], r[4], r[5]) for r in run(text)}
    assert {("ore_mined", None, 1462350, "2011-Q2", "Moose Creek"), ("mined_grade", "zinc", 5.42, "2011-Q2", "Moose Creek"),
            ("ore_mined", None, 580000, "2011-Q2", "Lynx"), ("mined_grade", "zinc", 6.24, "2010-Q2", "Lynx")} <= got


def test_labels_ending_in_their_unit_a_count_of_stones_and_a_stage_heading_after_mining() -> None:
    """"Carats recovered ct", "Operating cost per tonne treated LSL/t" (maloti), "Diamond sales revenue US$'000": each
    label's own unit; "Diamonds >10.8 ct recovered number" counts stones (no figure); a grade under "Processing"
    after a "Mining" section is the mill's."""
    for label, expected in [("Carats recovered ct", ("production", "ct", 1.0)), ("Operating cost per tonne treated LSL/t",
                            ("unit_cost", "LSL/t", 1.0)), ("Diamond sales revenue US$'000", ("revenue", "USD", 1000.0))]:
        reading, scale = read_label(label)
        assert (reading.metric, reading.unit, scale) == expected
    assert read_label("Diamonds >10.8 ct recovered number") is None
    text = release("| | Q2 2011 | Q1 2011 |\n|---|---|---|\n| Mining | | |\n| Ore mined (t) | 1,246,310 | 1,198,720 |\n"
                   "| Processing | | |\n| Ore treated (t) | 1,212,880 | 1,187,406 |\n| Head grade (g/t) | 4.12 | 3.87 |\n")
    assert {(r[0], r[2]) for r in run(text) if r[4] == "2011-Q2"} == {("ore_mined", 1246310), ("ore_processed", 1212880),
                                                                     ("head_grade", 4.12)}


def test_words_after_a_labels_comma_are_its_unit_only_when_they_read_as_one() -> None:
    """"C1 cash cost, net of by-product credits" under a section in US$/lb is a cash cost in the section's unit;
    "Net sales, SEK m" and "Gold, oz" keep the unit after the comma."""
    assert read_label("C1 cash cost, net of by-product credits", "US$/lb")[0].metric == "cash_cost"
    assert read_label("Net sales, SEK m")[0].unit == "SEK" and read_label("Gold, oz")[0].unit == "oz"


def test_years_under_a_caption_naming_their_span_and_a_corner_in_thousands_of_dollars() -> None:
    """"Three months ended June 30," above a table headed "2011 | 2010": the second quarters of those years; a corner
    "(in thousands of US$, except where noted)" gives the money rows their scale."""
    text = release("Three months ended June 30,\n\n| | 2011 | 2010 |\n|---|---|---|\n| Ore mined (tonnes) | 118,440 | 101,975 |\n\n"
                   "| (in thousands of US$, except where noted) | Q2 2011 | Q2 2010 |\n|---|---|---|\n"
                   "| Revenue | 63,982 | 33,958 |\n")
    got = {(r[0], r[2], r[3], r[4]) for r in run(text)}
    assert {("ore_mined", 118440, "t", "2011-Q2"), ("ore_mined", 101975, "t", "2010-Q2"),
            ("revenue", 63982000, "USD", "2011-Q2"), ("revenue", 33958000, "USD", "2010-Q2")} <= got


def test_total_heavy_minerals_is_the_heavy_mineral_grade() -> None:
    reading, _scale = read_label("Ore grade (% THM)")
    assert reading.metal == "heavy_minerals"


def test_a_leach_extraction_is_a_recovery() -> None:
    reading, _scale = read_label("Nickel leach extraction (%)")
    assert (reading.metric, reading.metal) == ("recovery", "nickel")


def test_rows_of_products_under_a_shipments_section_are_sold() -> None:
    """"Finished products" then "Shipments", each over "Ilmenite | kt" and "Rutile | kt": produced, then sold."""
    intro = INTRO.replace("Moose Creek mine", "Moose Creek mineral sands mine")
    text = release("| | Unit | Q2 2011 | Q2 2010 |\n|---|---|---|---|\n| Finished products | | | |\n| Ilmenite | kt | 212.4 | 198.6 |\n"
                   "| Shipments | | | |\n| Ilmenite | kt | 198.5 | 221.0 |\n", intro=intro)
    got = {(r[0], r[1], round(r[2]), r[4]) for r in run(text)}
    assert {("production", "ilmenite", 212400, "2011-Q2"), ("sales", "ilmenite", 198500, "2011-Q2")} <= got


def test_the_words_before_a_labels_colon_name_its_measure() -> None:
    reading, _scale = read_label("Sales volume: molybdenum metal contained in concentrate(2)", "tonne")
    assert (reading.metric, reading.metal) == ("sales", "molybdenum")
