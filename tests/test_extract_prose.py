"""kg.extract.prose: operating figures and guidance read from sentences.

Each case is one short release for a made-up issuer (Kestrel Gold Mines Inc.,
Moose Creek mine): a header, an intro paragraph long enough to start the body,
then the sentence under test. Expected records are written as
(kind, metric, metal, value, unit, period label, site); guidance carries
(low, high) as value.
"""

from __future__ import annotations

import kestrel
import pytest
from kestrel import MC, TITLE, TWO_MINES
from kestrel import ONE_MINE as INTRO

from kg.extract import read_release
from kg.extract.prose import extract_prose_figures
from kg.quantities import find_quantities, unit_definitions
from kg.records import Guidance, Measurement


def release(body: str, title: str = TITLE, date: str = "July 18, 2011", intro: str = INTRO) -> str:
    return kestrel.release(body, intro, title, date)


def records(text: str) -> list[tuple]:
    doc = read_release(text)
    out = []
    for r in extract_prose_figures(doc):
        # every record quotes the source verbatim, and the quote holds its number
        assert text[r.span.start:r.span.end] == r.span.quote
        if isinstance(r, Measurement):
            assert _holds(r.span.quote, r.value), (r.span.quote, r.value)
            out.append(("M", r.metric, r.metal, r.value, r.unit, r.period.label, r.site))
        else:
            assert isinstance(r, Guidance)
            assert _holds(r.span.quote, r.high), (r.span.quote, r.high)
            out.append(("G", r.metric, r.metal, (r.low, r.high), r.unit, r.period.label, r.site))
    return out


def _holds(quote: str, value: float) -> bool:
    """The quote states ``value`` (in any scale: 38.5 koz is 38,500 oz)."""
    for q in find_quantities(quote, None, unit_definitions(quote)):
        if q.value and abs(q.value - value) <= 0.005 * abs(value):
            return True
    return False


def _approx(expected: list[tuple]) -> list:
    out = []
    for rec in expected:
        value = rec[3]
        value = tuple(pytest.approx(v) for v in value) if isinstance(value, tuple) else pytest.approx(value)
        out.append((*rec[:3], value, *rec[4:]))
    return out


WINDOW = ("the cue window before a figure stops at the previous number even when that number is a bare year or a "
          "percentage change, so the metric/metal named before it is lost")
FOLLOWING_THE = ("a period named after the figure with an article ('... produced in the second quarter of 2010') is "
                 "ignored: _FOLLOWING_GAP must end in 'in/for/during', so 'in the' never matches and the figure "
                 "falls back to the earlier/reporting period")
FOLLOWING_IN_YEAR = ("a period after the figure that swallows its preposition ('38,450 ounces in 2011': the year "
                     "pattern's match starts at 'in') is ignored, since the gap left is blank and _FOLLOWING_GAP "
                     "wants the preposition in the gap")


CASES = [
    # ---- actual figures, one sentence each
    pytest.param(
        "During the second quarter, the Moose Creek mill processed 412,300 tonnes of ore at an average head grade of "
        "3.12 g/t gold, producing 38,450 ounces of gold at a recovery of 92.4%.",
        [("M", "ore_processed", None, 412300, "t", "2011-Q2", MC),
         ("M", "head_grade", "gold", 3.12, "g/t", "2011-Q2", MC),
         ("M", "production", "gold", 38450, "oz", "2011-Q2", MC),
         ("M", "recovery", "gold", 92.4, "%", "2011-Q2", MC)],
        id="full-mill-sentence"),
    pytest.param(
        "Gold production for the quarter was 38.5 koz, 51% higher than the first quarter of 2011.",
        [("M", "production", "gold", 38500, "oz", "2011-Q2", MC)],
        id="koz-and-percent-change"),
    pytest.param(
        "Mill availability was 94.8% and throughput averaged 4,520 tonnes per day.",
        [("M", "mill_availability", None, 94.8, "%", "2011-Q2", MC),
         ("M", "throughput", None, 4520, "t/d", "2011-Q2", MC)],
        id="availability-throughput"),
    pytest.param(
        "Ore mined from the open pit totalled 1.2 Mt and the mining rate averaged 13,200 tonnes per day.",
        [("M", "ore_mined", None, 1_200_000, "t", "2011-Q2", MC),
         ("M", "mining_rate", None, 13200, "t/d", "2011-Q2", MC)],
        id="ore-mined-Mt"),
    pytest.param(
        "The plant treated 2 043 kt of ore grading 0.62% copper.",
        [("M", "ore_processed", None, 2_043_000, "t", "2011-Q2", MC),
         ("M", "head_grade", "copper", 0.62, "%", "2011-Q2", MC)],
        id="space-grouped-kt"),
    pytest.param(
        "Copper production totalled 12.4 Mlbs in Q2 2011.",
        [("M", "production", "copper", 12_400_000, "lb", "2011-Q2", MC)],
        id="Mlbs"),
    pytest.param(
        "The Company sold 37,900 ounces of gold during the quarter.",
        [("M", "sales", "gold", 37900, "oz", "2011-Q2", MC)],
        id="sales"),
    pytest.param(
        "Year-to-date gold production was 71,900 ounces.",
        [("M", "production", "gold", 71900, "oz", "2011-H1", MC)],
        id="year-to-date"),
    pytest.param(
        "In June 2011, the mill averaged 4,900 tonnes per day.",
        [("M", "throughput", None, 4900, "t/d", "2011-06", MC)],
        id="month"),
    pytest.param(
        "For the six months ended June 30, 2011, gold production totalled 71,900 ounces.",
        [("M", "production", "gold", 71900, "oz", "2011-H1", MC)],
        id="six-months-ended"),
    pytest.param(
        "The mill feed grade averaged 0.095 ounces per ton gold.",
        [("M", "head_grade", "gold", 0.095, "oz/t", "2011-Q2", MC)],
        id="oz-per-ton-grade"),
    pytest.param(
        "Head grade was 5.42 gpt Au and recovery was 91.0%.",
        [("M", "head_grade", "gold", 5.42, "g/t", "2011-Q2", MC),
         ("M", "recovery", "gold", 91.0, "%", "2011-Q2", MC)],
        id="gpt-symbol"),
    pytest.param(
        "Recovery improved to 90.3% from 88.2% in the previous quarter.",  # of gold, the only metal Kestrel names
        [("M", "recovery", "gold", 90.3, "%", "2011-Q2", MC),
         ("M", "recovery", "gold", 88.2, "%", "2011-Q1", MC)],
        id="recovery-from-previous-quarter"),
    pytest.param(
        "Recovery improved by 2.1 percentage points to 90.3%.",
        [("M", "recovery", "gold", 90.3, "%", "2011-Q2", MC)],
        id="percentage-points-change"),
    pytest.param(
        "Silver production rose 51% to 412,000 ounces.",
        [("M", "production", "silver", 412000, "oz", "2011-Q2", MC)],
        id="percent-change-then-figure"),
    pytest.param(
        "Silver production of 412,000 ounces was 51% higher than in the first quarter.",
        [("M", "production", "silver", 412000, "oz", "2011-Q2", MC)],
        id="figure-then-percent-change"),
    pytest.param(
        "Nickel head grade was 1.85% and nickel recovery was 86.2%.",
        [("M", "head_grade", "nickel", 1.85, "%", "2011-Q2", MC),
         ("M", "recovery", "nickel", 86.2, "%", "2011-Q2", MC)],
        id="base-metal-percent-grade"),
    pytest.param(
        "The concentrator produced 2,100 tonnes of copper in concentrate.",
        [("M", "production", "copper", 2100, "t", "2011-Q2", MC)],
        id="tonnes-of-metal"),
    pytest.param(
        "**Gold production** of 38,450 ounces was a quarterly record.",
        [("M", "production", "gold", 38450, "oz", "2011-Q2", MC)],
        id="markdown-emphasis"),
    # ---- comparisons and relative periods
    pytest.param(
        "Gold production of 38,450 ounces compares with 31,200 ounces of gold in the same period last year.",
        [("M", "production", "gold", 38450, "oz", "2011-Q2", MC),
         ("M", "production", "gold", 31200, "oz", "2010-Q2", MC)],
        id="same-period-last-year"),
    pytest.param(
        "Gold production of 38,450 ounces compares with 31,200 ounces in the same period last year.",
        [("M", "production", "gold", 38450, "oz", "2011-Q2", MC),
         ("M", "production", "gold", 31200, "oz", "2010-Q2", MC)],
        id="same-period-metal-named-once"),
    pytest.param(
        "Throughput averaged 4,480 tpd, up from 4,120 tpd in the previous quarter.",
        [("M", "throughput", None, 4480, "t/d", "2011-Q2", MC),
         ("M", "throughput", None, 4120, "t/d", "2011-Q1", MC)],
        id="previous-quarter"),
    pytest.param(
        "Revenue of $37.5 million, up from $23.1 million in the second quarter of 2010.",
        [("M", "revenue", None, 37_500_000, "USD", "2011-Q2", None),
         ("M", "revenue", None, 23_100_000, "USD", "2010-Q2", None)],
        id="up-from-in-period"),
    pytest.param(
        "Revenue was $37.5 million, up $14.4 million on the second quarter of 2010.",
        [("M", "revenue", None, 37_500_000, "USD", "2011-Q2", None)],
        id="up-by-amount-is-a-change"),
    pytest.param(
        "Total cash cost of $612 per ounce of gold, compared with $640 per ounce in the previous quarter.",
        [("M", "cash_cost", "gold", 612, "USD/oz", "2011-Q2", None),
         ("M", "cash_cost", "gold", 640, "USD/oz", "2011-Q1", None)],
        id="per-unit-compared-with-previous"),
    pytest.param(
        "At Moose Creek, 98,650 tonnes of ore were mined and 97,120 tonnes were milled at 1,067 tonnes per day.",
        [("M", "ore_mined", None, 98650, "t", "2011-Q2", MC),
         ("M", "ore_processed", None, 97120, "t", "2011-Q2", MC),
         ("M", "throughput", None, 1067, "t/d", "2011-Q2", MC)],
        id="tonnes-then-verb"),
    pytest.param(
        "For the first half of 2011, the Company produced 71,900 ounces of gold (first half of 2010: 64,315 ounces) "
        "and sold 70,410 ounces.",
        [("M", "production", "gold", 71900, "oz", "2011-H1", MC),
         ("M", "production", "gold", 64315, "oz", "2010-H1", MC),
         ("M", "sales", "gold", 70410, "oz", "2011-H1", MC)],
        id="parenthetical-prior-period"),
    pytest.param(
        "Cash costs fell to $612 an ounce of gold from $640 in the previous quarter. Gold output was 38,450 ounces.",
        [("M", "cash_cost", "gold", 612, "USD/oz", "2011-Q2", None),
         ("M", "cash_cost", "gold", 640, "USD/oz", "2011-Q1", None),
         ("M", "production", "gold", 38450, "oz", "2011-Q2", MC)],
        id="bare-dollar-restates-per-unit-and-next-sentence-stays-in-quarter"),
    pytest.param(
        "Revenue slipped to $37.5 million from $41.0 million a year earlier.",
        [("M", "revenue", None, 37_500_000, "USD", "2011-Q2", None),
         ("M", "revenue", None, 41_000_000, "USD", "2010-Q2", None)],
        id="a-year-earlier"),
    pytest.param(
        "Smaller rival Larder Gold Inc produced 21,000 ounces of gold in the second quarter at cash costs above $900 "
        "an ounce.",
        [],
        id="a-rival-s-figures"),
    pytest.param(
        "The pit mined 2,340,000 tonnes of ore, an average of 26,000 tpd.",
        [("M", "ore_mined", None, 2_340_000, "t", "2011-Q2", MC),
         ("M", "mining_rate", None, 26000, "t/d", "2011-Q2", MC)],
        id="rate-after-mined-tonnes"),
    pytest.param(
        "The Company sold 74,900 ounces of gold at an average realized price of $1,512 per ounce, including hedging "
        "gains, for revenue of $113.2 million.",
        [("M", "sales", "gold", 74900, "oz", "2011-Q2", MC),
         ("M", "realized_price", "gold", 1512, "USD/oz", "2011-Q2", None),
         ("M", "revenue", None, 113_200_000, "USD", "2011-Q2", None)],
        id="including-hedging-gains"),
    pytest.param(
        "Our cash cost remained below US$640 per ounce of gold, and throughput is now consistently above 4,000 tonnes "
        "per day.",
        [],
        id="bounds-are-not-figures"),
    pytest.param(
        "Cash cost per ounce of gold, net of by-product credits, was US$612.",
        [("M", "cash_cost", "gold", 612, "USD/oz", "2011-Q2", None)],
        id="per-ounce-named-before-the-amount"),
    pytest.param(
        "Moose Creek produced 61,250 tonnes of ore (March quarter: 66,410 tonnes).",
        [("M", "ore_mined", None, 61250, "t", "2011-Q2", MC),
         ("M", "ore_mined", None, 66410, "t", "2011-Q1", MC)],
        id="prior-quarter-in-parentheses"),
    pytest.param(
        "Sales of molybdenum were 1.08 million pounds at an average realized price of $14.20 per pound.",
        [("M", "sales", "molybdenum", 1_080_000, "lb", "2011-Q2", MC),
         ("M", "realized_price", "molybdenum", 14.2, "USD/lb", "2011-Q2", None)],
        id="price-of-the-sentence-s-metal"),
    pytest.param(
        "The realized price was C$1,550 per ounce of gold (US$1,512 per ounce).",
        [("M", "realized_price", "gold", 1550, "CAD/oz", "2011-Q2", None),
         ("M", "realized_price", "gold", 1512, "USD/oz", "2011-Q2", None)],
        id="price-in-another-currency-in-parentheses"),
    pytest.param(
        "The site unit cost was US$98 per tonne milled and the cash cost US$612 per ounce of gold.",
        [("M", "unit_cost", None, 98, "USD/t", "2011-Q2", None),
         ("M", "cash_cost", "gold", 612, "USD/oz", "2011-Q2", None)],
        id="cost-per-tonne-has-no-metal"),
    pytest.param(
        "The spot gold price averaged US$1,510 per ounce, 31% higher than in the second quarter of 2010. Cash cost was "
        "$612 per ounce of gold.",
        [("M", "cash_cost", "gold", 612, "USD/oz", "2011-Q2", None)],
        id="a-compared-period-is-not-the-next-sentence-s-topic"),
    pytest.param(
        "This compares with 31,200 ounces of gold produced in Q2 2010.",
        [("M", "production", "gold", 31200, "oz", "2010-Q2", MC)],
        id="this-compares-with"),
    pytest.param(
        "This compares with 31,200 ounces of gold produced in the second quarter of 2010.",
        [("M", "production", "gold", 31200, "oz", "2010-Q2", MC)],
        id="period-after-in-the"),
    pytest.param(
        "Gold production was 142,300 ounces in 2010.",
        [("M", "production", "gold", 142300, "oz", "2010", MC)],
        id="period-after-in-year"),
    pytest.param(
        "Gold production was 38,450 ounces in 2011 and 142,300 ounces in 2010.",
        [("M", "production", "gold", 38450, "oz", "2011", MC),
         ("M", "production", "gold", 142300, "oz", "2010", MC)],
        id="year-and-figure-read-as-range"),
    pytest.param(
        "Gold production was 38,450 ounces, compared with 31,200 ounces in the same period in 2010.",
        [("M", "production", "gold", 38450, "oz", "2011-Q2", MC),
         ("M", "production", "gold", 31200, "oz", "2010-Q2", MC)],
        id="same-period-in-year"),
    # ---- costs, prices, revenue (company level unless a mine is named in the sentence)
    pytest.param(
        "Cash costs were $612 per ounce of gold sold.",
        [("M", "cash_cost", "gold", 612, "USD/oz", "2011-Q2", None)],
        id="cash-cost-release-currency"),
    pytest.param(
        "All-in sustaining costs were US$1,045 per ounce of gold.",
        [("M", "aisc", "gold", 1045, "USD/oz", "2011-Q2", None)],
        id="aisc"),
    pytest.param(
        "The Company realized an average gold price of US$1,498 per ounce.",
        [("M", "realized_price", "gold", 1498, "USD/oz", "2011-Q2", None)],
        id="realized-price"),
    pytest.param(
        "Revenue for the quarter was US$57.6 million.",
        [("M", "revenue", None, 57_600_000, "USD", "2011-Q2", None)],
        id="revenue"),
    pytest.param(
        "Unit mining costs were C$38.20 per tonne mined.",
        [("M", "unit_cost", None, 38.2, "CAD/t", "2011-Q2", None)],
        id="unit-cost-cad"),
    # ---- negatives: nothing is an operating figure here
    pytest.param(
        "Proven and probable reserves at Moose Creek stand at 1.9 million ounces of gold.",
        [], id="reserves"),
    pytest.param(
        "Measured and indicated resources total 42.5 million tonnes grading 1.1 g/t gold.",
        [],
        id="resource-grade"),
    pytest.param(
        "The average spot gold price was US$1,506 per ounce during the quarter.",
        [], id="spot-price"),
    pytest.param(
        "The LME copper price averaged US$4.15/lb, 18% higher than a year earlier.",
        [], id="lme-price"),
    pytest.param(
        "The mill has a nameplate capacity of 5,000 tonnes per day.",
        [], id="capacity"),
    pytest.param(
        "Hole MC-11-042 intersected 12.5 g/t gold over 6.0 metres.",
        [], id="drill-intercept"),
    pytest.param(
        "MC0211 52m grading 1.12% Cu, 0.44g/t Au from 120m, incl 9.0m @ 2.30% Cu.",
        [], id="drill-intercept-by-its-lengths"),
    pytest.param(
        "The mill processed 412,000 tonnes grading 2.1 g/t gold.",
        [("M", "head_grade", "gold", 2.1, "g/t", "2011-Q2", "Moose Creek"), ("M", "ore_processed", None, 412_000, "t", "2011-Q2", "Moose Creek")],
        id="ore-grading-is-no-intercept"),
    pytest.param(
        "Copper production was 8% lower than in the prior quarter.",
        [], id="percent-lower"),
    pytest.param(
        "Kestrel holds a 75% interest in the Moose Creek mine.",
        [], id="ownership-interest"),
    pytest.param(
        "Since start-up in 2004 the mine has produced 1.2 Moz of gold.",
        [],
        id="cumulative-since-startup"),
    pytest.param(
        "The Company has 50,000 ounces of gold sold forward at US$1,350 per ounce.",
        [],
        id="forward-sales"),
    # ---- guidance: forward-looking figures are never measurements
    pytest.param(
        "The Company expects to produce between 150,000 and 160,000 ounces of gold in 2011.",
        [("G", "production", "gold", (150000, 160000), "oz", "2011", MC)],
        id="guidance-range"),
    pytest.param(
        "Mill throughput is expected to average 5,000 tonnes per day in H2 2011.",
        [("G", "throughput", None, (5000, 5000), "t/d", "2011-H2", MC)],
        id="guidance-single"),
    pytest.param(
        "Mill throughput is expected to average 5,000 tonnes per day in the second half of 2011.",
        [("G", "throughput", None, (5000, 5000), "t/d", "2011-H2", MC)],
        id="guidance-in-the-second-half"),
    pytest.param(
        "Production is on track to meet full-year guidance of 155,000 ounces of gold.",
        [("G", "production", "gold", (155000, 155000), "oz", "2011", MC)],
        id="guidance-on-track"),
    pytest.param(
        "For 2012, the Company forecasts gold production of 180,000 ounces.",
        [("G", "production", "gold", (180000, 180000), "oz", "2012", MC)],
        id="guidance-next-year"),
    pytest.param(
        "Gold production for 2012 is forecast at 180,000 ounces.",
        [("G", "production", "gold", (180000, 180000), "oz", "2012", MC)],
        id="guidance-year-before-figure"),
    pytest.param(
        "Gold production of 38,450 ounces was in line with the budget of 37,000 ounces.",
        [("M", "production", "gold", 38450, "oz", "2011-Q2", MC)],
        id="actual-versus-budget"),
    pytest.param(
        "All-in sustaining costs are forecast at US$1,000 to US$1,100 per ounce of gold.",
        [("G", "aisc", "gold", (1000, 1100), "USD/oz", "2011", None)],
        id="guidance-cost-range-currency"),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_prose_figures(body: str, expected: list[tuple]) -> None:
    assert sorted(records(release(body)), key=repr) == sorted(_approx(expected), key=repr)


# ---------------------------------------------------------------- context across sentences

def test_period_carries_to_the_next_sentence_of_the_paragraph() -> None:
    body = ("In the first quarter of 2011 the mill processed 398,100 tonnes of ore. "
            "Gold production was 35,900 ounces.")
    assert records(release(body)) == _approx([
        ("M", "ore_processed", None, 398100, "t", "2011-Q1", MC),
        ("M", "production", "gold", 35900, "oz", "2011-Q1", MC),
    ])


def test_tonnes_of_the_releases_only_product_and_a_ranges_cue_before_its_low_end() -> None:
    """Coal named once in the release: "production of 2.35 to 2.45 million tons" is of coal; "cash cost per ton sold of
    $72 to $76" reads its cue before $72."""
    body = ("Kestrel mines thermal coal. For the full year 2011, Kestrel expects production of 2.35 to 2.45\nmillion tons "
            "and cash cost per ton sold of $72 to $76.")
    got = sorted((k, m, metal, u) for k, m, metal, _v, u, _p, _s in records(release(body)))
    assert got == [("G", "cash_cost", "coal", "USD/t"), ("G", "production", "coal", "t")]


def test_markup_left_in_a_text_ends_its_sentences() -> None:
    """A page's source saved as text: each closed paragraph is a sentence of its own, so a figure's quote is its own."""
    body = "<p>Gold production was 38,450 ounces.</p> <p>The mill processed 398,100 tonnes of ore.</p>"
    text = release(body)
    quotes = sorted(m.span.quote for m in extract_prose_figures(read_release(text)))
    assert quotes == ["<p>Gold production was 38,450 ounces.</p>", "<p>The mill processed 398,100 tonnes of ore.</p>"]


def test_offtake_is_sales_and_a_comparison_after_as_compared_with() -> None:
    body = "Kestrel mines thermal coal. Coal offtake rose 2.6 per cent to 5.35 million tonnes, as compared with 5.10 million tonnes in the first quarter of 2011."
    got = sorted((m, metal, v, p) for _k, m, metal, v, _u, p, _s in records(release(body)))
    assert got == [("sales", "coal", 5.10e6, "2011-Q1"), ("sales", "coal", 5.35e6, "2011-Q2")]


def test_a_target_cut_from_an_old_range_keeps_only_the_new() -> None:
    body = ("Kestrel kept its 2011 forecast of 160,000 to 170,000 tonnes of zinc but cut its copper target to between "
            "23,000 and 25,000 tonnes, from 26,000 to 28,000 tonnes previously.")
    got = sorted((k, metal, v) for k, _m, metal, v, _u, _p, _s in records(release(body)))
    assert got == [("G", "copper", (23000, 25000)), ("G", "zinc", (160000, 170000))]


def test_the_items_of_a_list_an_outlook_opens_are_guidance_for_its_period() -> None:
    body = ("For the second half of 2011, Kestrel expects:\n\n* Gold production of 40,000 - 44,000 ounces\n"
            "* Mill throughput of 1,200 tonnes per day")
    got = sorted((k, m, p) for k, m, _metal, _v, _u, p, _s in records(release(body)))
    assert got == [("G", "production", "2011-H2"), ("G", "throughput", "2011-H2")]


def test_a_hard_wrapped_line_runs_on_into_a_lower_case_line() -> None:
    """A ragged right margin does not end a sentence where the next line goes on in lower case."""
    body = ("The mines produced 38,450 ounces of gold, 2.6 million ounces of silver and 1.1 million pounds\n"
            "of lead in the quarter, against a 4,000 tonnes per day design rate.")
    got = sorted((m, metal, v) for _k, m, metal, v, _u, _p, _s in records(release(body)))
    assert got == [("production", "gold", 38450), ("production", "lead", 1.1e6), ("production", "silver", 2.6e6)]


def test_a_bare_number_joined_to_one_with_a_unit_shares_it() -> None:
    body = "The Moose Creek and Lynx mills averaged 1,200 and 1,225 tonnes per day, respectively."
    assert sorted(v for _k, _m, _metal, v, _u, _p, _s in records(release(body))) == [1200, 1225]


def test_carats_and_a_figure_changed_from_for_no_named_period() -> None:
    """Carats are diamonds; a stone's size is no output; "rose to X from Y" with no period for Y keeps X only."""
    body = ("The Moose Creek plant recovered 7,682 carats, including a 212.4 carat white diamond. The average price rose "
            "to US$1,630 per carat from US$1,615 per carat.")
    assert sorted(records(release(body)), key=repr) == sorted(_approx([
        ("M", "production", "diamond", 7682, "ct", "2011-Q2", MC), ("M", "realized_price", "diamond", 1630, "USD/ct", "2011-Q2", None),
    ]), key=repr)


def test_concentrate_grade_and_a_change_from_one_figure_to_another() -> None:
    body = ("The mill produced 37,500 t of zinc concentrate grading 48.3% zinc. Ore mined increased from 2.98 to 3.02 "
            "million tonnes.")
    assert sorted(records(release(body)), key=repr) == sorted(_approx([
        ("M", "concentrate_production", "zinc", 37500, "t", "2011-Q2", MC), ("M", "concentrate_grade", "zinc", 48.3, "%", "2011-Q2", MC),
        ("M", "ore_mined", None, 3.02e6, "t", "2011-Q2", MC)]), key=repr)


def test_a_list_set_against_the_first_takes_the_period_that_closes_it() -> None:
    body = ("Gold production was 38,450 ounces and silver production 1.2 million ounces, compared to 35,100 ounces "
            "and 1.1 million ounces in the first quarter of 2011.")
    assert sorted(records(release(body)), key=repr) == sorted(_approx([
        ("M", "production", "gold", 38450, "oz", "2011-Q2", MC), ("M", "production", "silver", 1.2e6, "oz", "2011-Q2", MC),
        ("M", "production", "gold", 35100, "oz", "2011-Q1", MC), ("M", "production", "silver", 1.1e6, "oz", "2011-Q1", MC),
    ]), key=repr)


def test_list_items_without_bullets_are_sentences_of_their_own() -> None:
    """Highlights one a line, each ending in ";": a comparison in one item sets no period for the next."""
    body = ("Ore milled up 11% compared to the first quarter of 2011;\nGold production of 38,450 ounces;\n"
            "Silver production of 1.2 million ounces.")
    assert sorted(records(release(body)), key=repr) == sorted(_approx([
        ("M", "production", "gold", 38450, "oz", "2011-Q2", MC), ("M", "production", "silver", 1.2e6, "oz", "2011-Q2", MC),
    ]), key=repr)


def test_a_new_paragraph_returns_to_the_reporting_period() -> None:
    body = ("In the first quarter of 2011 the mill processed 398,100 tonnes of ore.\n\n"
            "Gold production was 38,450 ounces.")
    assert records(release(body)) == _approx([
        ("M", "ore_processed", None, 398100, "t", "2011-Q1", MC),
        ("M", "production", "gold", 38450, "oz", "2011-Q2", MC),
    ])


def test_full_year_release() -> None:
    body = "In 2010, the Moose Creek mill processed 1,605,000 tonnes of ore and produced 142,300 ounces of gold."
    text = release(body, title="Kestrel Gold Mines Inc. Reports 2010 Annual Production", date="January 20, 2011")
    assert records(text) == _approx([
        ("M", "ore_processed", None, 1_605_000, "t", "2010", MC),
        ("M", "production", "gold", 142300, "oz", "2010", MC),
    ])


def test_fiscal_quarter_in_prose() -> None:
    intro = ("Kestrel Gold Mines Inc. (TSX: KGM) reports on its Moose Creek mine. The Company's fiscal year ends "
             "June 30, and all amounts are in Canadian dollars unless otherwise stated. Figures are unaudited and "
             "remain subject to final reconciliation.")
    body = "During the third quarter of fiscal 2012, the mill processed 402,150 tonnes of ore."
    text = release(body, title="Kestrel Gold Mines Inc. Reports Third Quarter Fiscal 2012 Results",
                   date="April 26, 2012", intro=intro)
    assert records(text) == _approx([("M", "ore_processed", None, 402150, "t", "2012-Q1", MC)])


def test_release_currency_applies_to_a_bare_dollar() -> None:
    intro = INTRO.replace("US dollars", "Canadian dollars")
    text = release("Cash costs were $702 per ounce of gold.", intro=intro)
    assert records(text) == _approx([("M", "cash_cost", "gold", 702, "CAD/oz", "2011-Q2", None)])


def test_payable_basis() -> None:
    doc = read_release(release("Payable zinc production was 18.6 million pounds."))
    (rec,) = extract_prose_figures(doc)
    assert isinstance(rec, Measurement)
    assert (rec.metric, rec.metal, rec.value, rec.unit, rec.basis) == ("production", "zinc", 18_600_000, "lb", "payable")


def test_sentence_ending_in_Mt_is_its_own_evidence() -> None:
    text = release("Ore mined was 1.2 Mt. Gold production was 38,450 ounces.")
    quotes = {r.span.quote for r in extract_prose_figures(read_release(text))}
    assert quotes == {"Ore mined was 1.2 Mt.", "Gold production was 38,450 ounces."}


# ---------------------------------------------------------------- sites



@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "At the Lynx mine, the mill processed 201,000 tonnes of ore. At Moose Creek mine, gold production was "
            "38,450 ounces.",
            [("M", "ore_processed", None, 201000, "t", "2011-Q2", "Lynx"),
             ("M", "production", "gold", 38450, "oz", "2011-Q2", MC)],
            id="site-per-sentence"),
        pytest.param(
            "The Lynx mine produced 12,300 ounces of gold, while the Moose Creek mine produced 38,450 ounces of gold.",
            [("M", "production", "gold", 12300, "oz", "2011-Q2", "Lynx"),
             ("M", "production", "gold", 38450, "oz", "2011-Q2", MC)],
            id="two-sites-one-sentence"),
        pytest.param(
            "Consolidated gold production was 50,750 ounces.",
            [("M", "production", "gold", 50750, "oz", "2011-Q2", None)],
            id="company-total-two-mines"),
        pytest.param(
            "The Moose Creek mine produced 214,600 tonnes of ore and the Lynx mine 181,300 tonnes.",
            [("M", "ore_mined", None, 214600, "t", "2011-Q2", MC),
             ("M", "ore_mined", None, 181300, "t", "2011-Q2", "Lynx")],
            id="second-mine-without-its-verb"),
        pytest.param(
            "The mill processed 1,031,400 tonnes of ore, including 58,900 tonnes from the Lynx mine.",
            [("M", "ore_processed", None, 1031400, "t", "2011-Q2", None),
             ("M", "ore_processed", None, 58900, "t", "2011-Q2", None)],
            id="including-tonnes-from-a-mine"),
    ],
)
def test_sites(body: str, expected: list[tuple]) -> None:
    assert sorted(records(release(body, intro=TWO_MINES)), key=repr) == sorted(_approx(expected), key=repr)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "respectively" pairs the i-th figure with the i-th metal, period or metric named with the list
        pytest.param(
            "Zinc and lead output were 41 800 t and 9 350 t, respectively.",
            [("M", "production", "zinc", 41800, "t", "2011-Q2", MC),
             ("M", "production", "lead", 9350, "t", "2011-Q2", MC)],
            id="respectively-metals"),
        pytest.param(
            "Copper output was 4,120 tonnes and 8,030 tonnes in Q2 2011 and Q1 2011, respectively.",
            [("M", "production", "copper", 4120, "t", "2011-Q2", MC),
             ("M", "production", "copper", 8030, "t", "2011-Q1", MC)],
            id="respectively-periods"),
        pytest.param(
            "Cash costs and AISC per ounce of gold were $702 and $1,046, respectively.",
            [("M", "cash_cost", "gold", 702, "USD/oz", "2011-Q2", None),
             ("M", "aisc", "gold", 1046, "USD/oz", "2011-Q2", None)],
            id="respectively-metrics"),
        pytest.param(
            "Nickel and cobalt sales rose 6% to 3,900 tonnes and 310 tonnes, respectively.",
            [("M", "sales", "nickel", 3900, "t", "2011-Q2", MC),
             ("M", "sales", "cobalt", 310, "t", "2011-Q2", MC)],
            id="respectively-after-a-change"),
    ],
)
def test_respectively_lists(body: str, expected: list[tuple]) -> None:
    assert sorted(records(release(body)), key=repr) == sorted(_approx(expected), key=repr)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a forward cue governs the figures it heads, not every figure in its sentence
        pytest.param(
            "Full-year 2011 gold production of 152,300 ounces exceeded guidance of 140,000-150,000 ounces.",
            [("M", "production", "gold", 152300, "oz", "2011", MC),
             ("G", "production", "gold", (140000, 150000), "oz", "2011", MC)],
            id="actual-exceeds-guidance"),
        pytest.param(
            "In line with guidance, gold production was 38,450 ounces.",
            [("M", "production", "gold", 38450, "oz", "2011-Q2", MC)],
            id="in-line-with-guidance-is-an-actual"),
        pytest.param(
            "Gold production was 38,450 ounces, on track to meet the annual forecast.",
            [("M", "production", "gold", 38450, "oz", "2011-Q2", MC)],
            id="on-track-is-about-the-forecast"),
        pytest.param(
            "The company lowered its 2011 production target to 140,000-150,000 ounces of gold, from 160,000-170,000 "
            "ounces previously forecast.",
            [("G", "production", "gold", (140000, 150000), "oz", "2011", MC)],
            id="superseded-range-dropped"),
        pytest.param(
            "Moose Creek reaffirmed 2011 targets of 21 000 t to 22 500 t of copper.",
            [("G", "production", "copper", (21000, 22500), "t", "2011", MC)],
            id="range-with-repeated-unit"),
        pytest.param(
            "Copper output was 4,120 tonnes, up from 3,870 tonnes in the first quarter of 2011.",
            [("M", "production", "copper", 4120, "t", "2011-Q2", MC),
             ("M", "production", "copper", 3870, "t", "2011-Q1", MC)],
            id="from-to-is-not-a-range"),
    ],
)
def test_forward_cue_scope(body: str, expected: list[tuple]) -> None:
    assert sorted(records(release(body)), key=repr) == sorted(_approx(expected), key=repr)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # what a figure measures, from its own noun phrase
        pytest.param("The mine produced 38,450 gold ounces in the quarter.",
                     [("M", "production", "gold", 38450, "oz", "2011-Q2", MC)], id="metal-before-unit"),
        pytest.param("Production was 41,200 GEOs.",
                     [("M", "production", "gold_equivalent", 41200, "oz", "2011-Q2", MC)], id="gold-equivalent-ounces"),
        pytest.param("Average daily mill throughput was 4,450 tonnes.",
                     [("M", "throughput", None, 4450, "t/d", "2011-Q2", MC)], id="daily-tonnage-is-a-rate"),
        pytest.param("All-in costs were US$1,180 per ounce of gold.",
                     [("M", "aic", "gold", 1180, "USD/oz", "2011-Q2", None)], id="all-in-cost"),
        pytest.param("Revenue per ounce of gold sold was US$1,540.",
                     [("M", "realized_price", "gold", 1540, "USD/oz", "2011-Q2", None)], id="revenue-per-ounce-sold"),
        pytest.param("The open pit delivered 96,500 tonnes of ore grading 2.4 g/t gold to the stockpile.",
                     [("M", "ore_mined", None, 96500, "t", "2011-Q2", MC),
                      ("M", "mined_grade", "gold", 2.4, "g/t", "2011-Q2", MC)], id="ore-delivered-and-its-grade"),
        pytest.param("The flotation circuit produced 18,300 tonnes of zinc concentrate.",
                     [("M", "concentrate_production", "zinc", 18300, "t", "2011-Q2", MC)], id="concentrate-tonnes"),
        pytest.param("The mine produced 2.1 million pounds of zinc and 1.3 million pounds of lead in the second quarter.",
                     [("M", "production", "zinc", 2_100_000, "lb", "2011-Q2", MC),
                      ("M", "production", "lead", 1_300_000, "lb", "2011-Q2", MC)], id="lead-in-the-quarter-is-the-metal"),
        # not figures of what was produced
        pytest.param("A conveyor failure cost approximately 2,500 ounces of gold production.", [], id="a-loss"),
        pytest.param("Throughput was consistently over 4,000 tonnes per day.", [], id="a-bound"),
        pytest.param("Under the dividend policy, each gold price step of $100 per ounce adds a cent a share.", [],
                     id="dividend-policy"),
        pytest.param("Silver-equivalent ounces use 60 silver ounces to one gold ounce.", [], id="a-conversion-ratio"),
    ],
)
def test_figure_noun_phrases(body: str, expected: list[tuple]) -> None:
    assert sorted(records(release(body)), key=repr) == sorted(_approx(expected), key=repr)


def test_a_word_of_a_proper_name_is_no_cue() -> None:
    """"Ridgeway Recovery" is an operation's name, "Gold Recovery" a metric."""
    from kg.extract.figures import classify

    for label, expected in (("Ridgeway Recovery ", None), ("Gold Recovery ", "recovery")):
        q = [q for q in find_quantities(label + "64%") if q.unit][0]
        reading = classify(q, label, "")
        assert (reading.metric if reading else None) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("Guidance for 2012 remains 150,000 to 160,000 ounces of gold.",
                     [("G", "production", "gold", (150000, 160000), "oz", "2012", MC)], id="the-year-its-clause-names"),
        # a fiscal year of an issuer whose year end is not stated nor implied is the calendar year (the default)
        pytest.param("FY12 production guidance is 150,000 to 160,000 ounces of gold.",
                     [("G", "production", "gold", (150000, 160000), "oz", "2012", MC)], id="a-fiscal-year-of-a-calendar-year-issuer"),
        pytest.param("Its output target for 2011-12 is 150,000 ounces of gold.", [], id="a-split-fiscal-year"),
        pytest.param("Zinc concentrate production for the year is expected to be 48,000 to 52,000 dmt.",
                     [("G", "concentrate_production", "zinc", (48000, 52000), "t", "2011", MC)], id="concentrate-guidance"),
    ],
)
def test_guidance_periods(body: str, expected: list[tuple]) -> None:
    assert sorted(records(release(body)), key=repr) == sorted(_approx(expected), key=repr)


def test_a_figure_sold_without_its_metal_takes_the_paragraph_metal() -> None:
    body = "Coal output rose in the quarter.\nThe partnership sold 5.7 million tons in the second quarter of 2011."
    assert ("M", "sales", "coal", pytest.approx(5_700_000), "t", "2011-Q2", MC) in records(release(body))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("Moose Creek now expects 2011 production of 140,000 to 150,000 ounces of gold, down from its January "
                     "guidance of 155,000 to 165,000 ounces.",
                     [("G", "production", "gold", (140000, 150000), "oz", "2011", MC)], id="down-from-earlier-guidance"),
        pytest.param("The 2011 production target was revised to 140,000 ounces of gold (March target of 155,000 ounces).",
                     [("G", "production", "gold", (140000, 140000), "oz", "2011", MC)], id="old-target-in-an-aside"),
        pytest.param("In the quarter 231,500 tonnes of ore mined from the pit went to the stockpile.",
                     [("M", "ore_mined", None, 231500, "t", "2011-Q2", MC)], id="tonnes-of-ore-mined"),
    ],
)
def test_superseded_guidance_and_participles(body: str, expected: list[tuple]) -> None:
    assert sorted(records(release(body)), key=repr) == sorted(_approx(expected), key=repr)


def test_an_attributable_figure_in_an_aside_is_not_another_fact() -> None:
    body = "Gold production was 52,400 ounces (39,300 ounces attributable to the Company) in the quarter."
    assert records(release(body)) == _approx([("M", "production", "gold", 52400, "oz", "2011-Q2", MC)])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("Copper output of 96 million pounds and sales of 101million pounds were reported for the quarter.",
                     [("M", "production", "copper", 96_000_000, "lb", "2011-Q2", MC),
                      ("M", "sales", "copper", 101_000_000, "lb", "2011-Q2", MC)], id="each-number-its-own-cue"),
        pytest.param("Moose Creek expects 2012 gold production of between 215,000-230,000 ounces.",
                     [("G", "production", "gold", (215000, 230000), "oz", "2012", MC)], id="between-dashed-range"),
        pytest.param("The company expects 2012 copper output of310-345 million pounds.",
                     [("G", "production", "copper", (310_000_000, 345_000_000), "lb", "2012", MC)], id="glued-range"),
    ],
)
def test_cues_and_ranges_as_wire_copy_writes_them(body: str, expected: list[tuple]) -> None:
    assert sorted(records(release(body)), key=repr) == sorted(_approx(expected), key=repr)


def test_an_output_in_ounces_with_no_metal_near_it_is_of_the_releases_metal() -> None:
    """A paragraph that never names the metal ("our guidance of 72,000 to 78,000 ounces") still guides the gold the
    release is about; no output cue near the ounces, no figure."""
    body = ('Gold production was 38,450 ounces.\n\nThe chief executive said, "The plant ran well. We reiterate our 2011 '
            'production guidance of 150,000 to 160,000 ounces."\n\nThe 1,000 ounces held in the vault are not a figure.')
    assert ("G", "production", "gold", (150000, 160000), "oz", "2011", MC) in records(release(body))
    assert not any(r[3] == 1000 for r in records(release(body)))


def test_a_guided_quarter_named_without_its_year_is_the_next_one() -> None:
    """In a July 2011 release on the second quarter, "the March quarter" guided is March 2012, not March 2011."""
    body = "Production for the March quarter is expected to be 36,000 to 39,000 ounces of gold."
    assert [r[5] for r in records(release(body)) if r[0] == "G"] == ["2012-Q1"]


def test_on_schedule_to_produce_is_forward_looking() -> None:
    body = "Kestrel remains on schedule to produce between 150,000 and 160,000 ounces of gold in 2011."
    assert records(release(body)) == [("G", "production", "gold", (150000, 160000), "oz", "2011", MC)]


def test_a_mill_sized_by_its_rate_is_no_throughput() -> None:
    body = "Kestrel operates the Moose Creek mine and the 1,450 tonne-per-day Moose Creek mill. The mill processed 1,390 tonnes per day in the quarter."
    assert [r[3] for r in records(release(body))] == [1390]


def test_tonnes_produced_are_of_the_base_metal_the_release_is_about() -> None:
    """Iron ore named throughout, copper and coal once each in passing: "output of 3.88 million tonnes" is iron ore."""
    body = ("Kestrel's iron ore output rose. Iron ore sales were steady and iron ore prices held. The company also "
            "explores for copper, and a coal seam was found.\n\nProduction for the quarter was 3.88 million tonnes.")
    assert ("M", "production", "iron", 3880000, "t", "2011-Q2", MC) in records(release(body))


def test_a_change_measured_from_a_period_is_to_a_figure_of_the_sentences_own() -> None:
    """"fell 5% from the previous quarter to 38,450 ounces": the quarter reported, and the next sentence keeps it."""
    body = ("Gold production decreased by 5% from the previous comparable quarter to 38,450 ounces. "
            "Gold sales were 37,900 ounces.")
    assert [(r[1], r[5]) for r in records(release(body))] == [("production", "2011-Q2"), ("sales", "2011-Q2")]


def test_the_nearer_cue_names_the_output() -> None:
    """"delivered attributable production of": production; "revenue from the sale of": sales."""
    got = records(release("Moose Creek delivered production of 38,450 ounces of gold. Revenue came from the sale of "
                          "37,900 ounces of gold."))
    assert [(r[1], r[3]) for r in got] == [("production", 38450), ("sales", 37900)]


def test_a_percentage_set_against_another_is_a_level_not_a_change() -> None:
    body = "Gold recovery was 92.4% compared to 90.1% in the previous quarter, while output rose 12% compared with a year ago."
    got = records(release(body))
    assert [(r[1], r[3], r[5]) for r in got] == [("recovery", 92.4, "2011-Q2"), ("recovery", 90.1, "2011-Q1")]


def test_a_figure_changed_from_with_no_period_named_is_no_fact() -> None:
    """"rose from 36,000 to 38,450 ounces": the quarter's figure is the second; the first is of a period unsaid."""
    assert [r[3] for r in records(release("Gold production rose from 36,000 ounces to 38,450 ounces."))] == [38450]


def test_a_period_named_in_a_forward_sentence_is_not_the_paragraphs_topic() -> None:
    body = "Kestrel will publish its guidance for 2012 with its results in August. Gold production was 38,450 ounces."
    assert [(r[3], r[5]) for r in records(release(body))] == [(38450, "2011-Q2")]


def test_an_output_cue_nearer_than_an_ore_verb_names_the_tonnes() -> None:
    """"delivered a strong quarter with shipments of 3.6 million tonnes": shipped, not ore delivered to the mill."""
    body = "The team delivered a strong quarter with shipments of 3.6 million tonnes of gold-bearing concentrate feed."
    got = records(release("The team delivered a strong quarter with gold shipments of 3,600 ounces."))
    assert [(r[1], r[3]) for r in got] == [("sales", 3600)]
    assert all(r[1] != "ore_mined" for r in records(release(body)))


def test_a_total_brought_to_a_longer_period_is_the_same_measure() -> None:
    """"38,450 ounces in the quarter, bringing the total for the first half of 2011 to 75,100 ounces"."""
    body = "Gold sales were 38,450 ounces in the quarter, bringing the total for the first half of 2011 to 75,100 ounces."
    assert [(r[1], r[3], r[5]) for r in records(release(body))] == [("sales", 38450, "2011-Q2"), ("sales", 75100, "2011-H1")]


def test_a_figure_a_year_earlier_in_an_abbreviation_the_release_defines() -> None:
    """"3.6 million tonnes (mt) ..., compared with 3.1 mt a year earlier": the abbreviation keeps its scale, and the
    second figure restates the first for the year-ago quarter."""
    body = "Kestrel sold 3.6 million tonnes (mt) of iron ore in the quarter, compared with 3.1 mt a year earlier."
    got = records(release(body))
    assert [(r[1], r[3], r[5]) for r in got] == [("sales", 3600000, "2011-Q2"), ("sales", 3100000, "2010-Q2")]


def test_a_restated_figure_takes_the_metal_named_with_it() -> None:
    """"zinc production was 195,000 tonnes, lead 52,000 tonnes": the second is lead."""
    got = records(release("Refined zinc production was 195,000 tonnes, lead 52,000 tonnes and saleable silver 162 tonnes."))
    assert [(r[1], r[2], r[3]) for r in got] == [("refined_production", "zinc", 195000), ("refined_production", "lead", 52000),
                                                 ("refined_production", "silver", 162)]


def test_a_restated_figure_at_another_mine() -> None:
    body = "Gold production at the Moose Creek mine was 29,000 ounces and at the Lynx mine 9,450 ounces."
    got = records(release(body, intro=TWO_MINES))
    assert [(r[3], r[6]) for r in got] == [(29000, MC), (9450, "Lynx")]


def test_a_figure_set_against_an_earlier_one_measures_the_same() -> None:
    """"compared with 6.8 Mt of ore a year earlier": ore mined, the year-ago quarter; words other than connectives may
    stand between the two figures."""
    body = ("Moose Creek mined 7.1 Mt of ore in the quarter, compared with 6.8 Mt of ore a year earlier. "
            "Gold sales of 30,100 ounces were achieved in the quarter, compared to 29,500 ounces in the first quarter.")
    got = records(release(body))
    assert [(r[1], r[3], r[5]) for r in got] == [("ore_mined", 7.1e6, "2011-Q2"), ("ore_mined", 6.8e6, "2010-Q2"),
                                                 ("sales", 30100, "2011-Q2"), ("sales", 29500, "2011-Q1")]


def test_what_could_be_reached_is_not_an_actual() -> None:
    assert records(release("Gold production could reach 90,000 ounces in 2012, the chief executive said.")) == [
        ("G", "production", "gold", (90000, 90000), "oz", "2012", MC)]


def test_a_nations_output_is_not_the_issuers() -> None:
    assert records(release("Nationwide gold output was 300,000 ounces in the quarter.")) == []


def test_hyphenated_iron_ore_and_an_abbreviation_before_the_metal() -> None:
    got = records(release("Kestrel, an iron-ore miner, shipped 3.1 million tonnes in the quarter. It also produced "
                          "3,150 tonnes (t) of REO."))
    assert [(r[1], r[2], r[3]) for r in got] == [("sales", "iron", 3.1e6), ("production", "rare_earths", 3150)]


def test_a_change_restated_in_another_unit_is_no_figure() -> None:
    """"an increase of 15% (5,020 ounces)", "decreased by 3% or US$31 per ounce to US$914": changes, and no range."""
    got = records(release("Gold production was 38,450 ounces, an increase of 15% (5,020 ounces) on the prior quarter. "
                          "Cash costs decreased by 3% or US$31 per ounce to US$914 per ounce."))
    assert [(r[0], r[1], r[3]) for r in got] == [("M", "production", 38450), ("M", "cash_cost", 914)]


def test_a_comparison_period_holds_only_in_its_clause() -> None:
    """"Revenue fell to $21.40/t from $22.10/t a year ago, while costs of $15.20/t rose": the costs are the quarter's."""
    got = records(release("Revenue fell to $21.40/t from $22.10/t a year ago, while costs of $15.20/t rose."))
    assert [(r[1], r[3], r[5]) for r in got] == [("realized_price", 21.4, "2011-Q2"), ("realized_price", 22.1, "2010-Q2"),
                                                 ("unit_cost", 15.2, "2011-Q2")]


def test_a_sentence_naming_only_an_earlier_period_is_not_the_paragraphs_topic() -> None:
    got = records(release("Prices were on par with the previous year. Gold sales were 37,900 ounces."))
    assert [(r[3], r[5]) for r in got] == [(37900, "2011-Q2")]


def test_a_second_figure_joined_by_and_after_the_firsts_of_phrase() -> None:
    got = records(release("The mill treated 720,000 tonnes of oxide ore and 880,000 tonnes of sulphide ore."))
    assert [(r[1], r[3]) for r in got] == [("ore_processed", 720000), ("ore_processed", 880000)]


def test_guidance_for_a_fiscal_year_is_labelled_by_the_year_it_ends_in() -> None:
    """"FY12 guidance of 150,000 to 160,000 ounces" of a June-year issuer: fiscal 2012, labelled 2012; the output noun
    nearest the figure says it is refined, however far back it stands."""
    fiscal = INTRO.replace("in northern Quebec.", "in northern Quebec. Its financial year ends on 30 June.")
    got = records(release("FY12 guidance is narrowed to 150,000 to 160,000 ounces. Refined gold production for the second "
                          "half of FY2012 (January to June 2012) is expected to be about 80 000 ounces.", intro=fiscal))
    assert [(r[1], r[3], r[5]) for r in got] == [("production", (150000, 160000), "2012"),
                                                 ("refined_production", (80000, 80000), "2012-H1")]


def test_a_sentence_whose_first_figure_is_a_comparison_keeps_the_paragraphs_period() -> None:
    body = ("Gold output was down 3% from the 60,728 ounces produced in the second quarter of 2010. "
            "The company also sold 12,100 ounces of gold in the quarter.")
    assert [(r[1], r[3], r[5]) for r in records(release(body))] == [("production", 60728, "2010-Q2"), ("sales", 12100, "2011-Q2")]



def test_a_comparison_closed_by_a_comma_holds_only_for_the_figure_before_it() -> None:
    """"46,379 ounces, up 11% on the March quarter, and 8,052 ounces of silver": both are the release's quarter."""
    body = "Gold production of 46,379 ounces, up 11% on the March quarter, and 8,052 ounces of silver were recorded."
    assert [(r[1], r[3], r[5]) for r in records(release(body))] == [("production", 46379, "2011-Q2"),
                                                                   ("production", 8052, "2011-Q2")]


def test_middle_dot_bullets_are_sentences_and_year_to_date_is_a_period_not_a_cumulative() -> None:
    """"·" bullets, one a line: a period in one ("vs. Q2 2010") never leaks into the next; "Year to date ... of 27.5
    moz" is the half to date, not a since-inception total."""
    body = ("· Quarterly silver production of 9.10 moz, in line with Q2 2010 (9.20 moz)\n"
            "· Year to date silver production of 17.5 moz increased 4.0% on the same period of 2010\n"
            "· Quarterly gold production of 150 koz, up 5.0% vs. Q2 2010\n")
    got = {(r[1], r[2], r[3], r[5]) for r in records(release(body))}
    assert got == {("production", "silver", 9100000, "2011-Q2"), ("production", "silver", 9200000, "2010-Q2"),
                   ("production", "silver", 17500000, "2011-H1"), ("production", "gold", 150000, "2011-Q2")}


def test_metal_contained_in_concentrate_and_the_grade_of_a_concentrate_named_before_its_tonnes() -> None:
    """"4,577 tonnes contained in concentrate" is copper, "and zinc production of 1,204 tonnes" is zinc; "concentrate
    production of 21,140 dmt at a grade of 21.6% Cu" is the concentrate's grade."""
    intro = INTRO.replace("Moose Creek mine", "Moose Creek copper-zinc mine")
    body = ("Copper production of 4,577 tonnes contained in concentrate (Q1 2011: 4,675 tonnes) and zinc production of "
            "1,204 tonnes. Copper concentrate production of 21,140 dmt at a grade of 21.6% Cu.")
    got = {(r[1], r[2], r[3], r[5]) for r in records(release(body, intro=intro))}
    assert {("production", "copper", 4577, "2011-Q2"), ("production", "zinc", 1204, "2011-Q2"),
            ("concentrate_production", "copper", 21140, "2011-Q2"), ("concentrate_grade", "copper", 21.6, "2011-Q2")} <= got
    assert not any(metric == "concentrate_production" and value in {4577, 1204} for metric, _m, value, _p in got)


def test_a_heading_that_names_a_period_holds_for_the_short_items_under_it() -> None:
    """"First-Half 2011 Highlights:" over its bullets: their period is the half, not the release's quarter; the
    paragraph of prose after them is the quarter again."""
    body = ("First-Half 2011 Highlights:\n\n·\n\nGold production of 48,200 ounces\n\n·\n\nGold sales of 47,900 ounces\n\n"
            "Kestrel Gold Mines Inc. today reported its results for the second quarter, in which it produced 24,100 ounces "
            "of gold at its Moose Creek mine, close to the top of its expectations for the period.")
    got = [(r[1], r[3], r[5]) for r in records(release(body))]
    assert got == [("production", 48200, "2011-H1"), ("sales", 47900, "2011-H1"), ("production", 24100, "2011-Q2")]


def test_a_comparison_in_parentheses_measures_what_the_figure_before_it_does() -> None:
    """"Sales of 3,900 tonnes of nickel in concentrate (up 12% from Q1 2011: 3,480 tonnes)": the aside is sales too,
    for the quarter it names, though "in concentrate" stands nearer it."""
    intro = INTRO.replace("Moose Creek mine", "Moose Creek nickel mine")
    body = "- Sales for the quarter of 3,900 tonnes of nickel in concentrate (up 12% from Q1 2011: 3,480 tonnes)"
    got = {(r[1], r[2], r[3], r[5]) for r in records(release(body, intro=intro))}
    assert got == {("sales", "nickel", 3900, "2011-Q2"), ("sales", "nickel", 3480, "2011-Q1")}


def test_a_cost_per_ounce_named_in_the_cue_gives_the_dollars_their_unit() -> None:
    """"Cash costs per ounce of gold sold in 2012 are expected to range between $1,050 to $1,120": dollars per ounce."""
    got = records(release("Cash costs per ounce of gold sold in 2012 are expected to range between $1,050 to $1,120."))
    assert [(r[0], r[1], r[3], r[4], r[5]) for r in got] == [("G", "cash_cost", (1050, 1120), "USD/oz", "2012")]


def test_a_production_plan_for_a_year_is_guidance() -> None:
    """"The Group's production plan for 2012 is 56,000 tonnes of zinc in concentrate": a plan is guidance."""
    intro = INTRO.replace("Moose Creek mine", "Moose Creek zinc mine")
    got = records(release("The Group's production plan for 2012 is 56,000 tonnes of zinc in concentrate.", intro=intro))
    assert [(r[0], r[1], r[2], r[3], r[5]) for r in got] == [("G", "production", "zinc", (56000, 56000), "2012")]


def test_full_year_guidance_raised_on_the_year_to_date_is_for_the_year() -> None:
    """"Given the strong year-to-date performance, we are raising our full year production guidance to 410,000 -
    425,000 ounces": guidance for the year, not for the nine months."""
    text = kestrel.release("Given the strong year-to-date performance, we are raising our full year production guidance "
                           "to 410,000 - 425,000 ounces of gold.", INTRO,
                           "Kestrel Gold Mines Inc. Reports Third Quarter 2011 Results", "October 27, 2011")
    got = records(text)
    assert [(r[0], r[1], r[3], r[5]) for r in got] == [("G", "production", (410000, 425000), "2011")]


def test_a_grade_over_a_length_of_core_is_no_figure() -> None:
    """"• Including 18.40 g/t Au over 1.5 m": a drill intercept, no head grade and no guidance."""
    assert records(release("Drilling below the pit returned 11.02 g/t Au over 4.0 m.\n\n• Including 18.40 g/t Au over "
                           "1.5 m")) == []


def test_a_diamond_grade_in_carats_per_tonne_after_the_change_it_eased_by() -> None:
    """"the recovered grade eased 4% to 1.88 carats per tonne": a grade of 1.88 ct/t of diamonds (the 4% is the
    change, and 1.88 carats is no output)."""
    intro = INTRO.replace("Moose Creek mine", "Moose Creek diamond mine")
    got = records(release("At Moose Creek the recovered grade eased 4% to 1.88 carats per tonne in the quarter.", intro=intro))
    assert [(r[1], r[2], r[3], r[4]) for r in got] == [("head_grade", "diamond", 1.88, "ct/t")]


def test_a_shipment_broken_into_products_after_a_comparison_in_parentheses() -> None:
    """"... up 4% (Q2 2010: 11,800 tonnes)." then "Kestrel shipped 288,000 tonnes of finished products in the quarter,
    made up of 251,000 tonnes of ilmenite and 17,400 tonnes of primary zircon": the parenthesised year-ago quarter is
    no topic of the next sentence, and every item is sold, of the product named after it."""
    intro = INTRO.replace("Moose Creek mine", "Moose Creek mineral sands mine")
    body = ("Ilmenite production was 251,700 tonnes, up 4% (Q2 2010: 241,800 tonnes). Kestrel shipped 288,000 tonnes of "
            "finished products in the quarter, made up of 251,000 tonnes of ilmenite and 17,400 tonnes of primary zircon.")
    got = {(r[1], r[2], r[3], r[5]) for r in records(release(body, intro=intro))}
    assert {("sales", "ilmenite", 251000, "2011-Q2"), ("sales", "zircon", 17400, "2011-Q2")} <= got
    assert not any(period == "2010-Q2" and value != 241800 for _m, _metal, value, period in got)


def test_an_outlook_of_over_a_figure_and_a_revised_range_whose_high_end_writes_no_currency() -> None:
    """"revising 2011 site cost guidance downwards from US$33-36 to US$28-31 per tonne milled": the new range, whole;
    "2011 production guidance of over 90 million pounds of zinc": guidance of at least that, its one figure (a level
    that "remains above" a figure is no outlook)."""
    intro = INTRO.replace("Moose Creek mine", "Moose Creek zinc mine")
    got = records(release("Management is revising Moose Creek 2011 site cost guidance downwards from US$33-36 to "
                          "US$28-31 per tonne milled. The Company remains on track to achieve its full-year 2011 "
                          "production guidance of over 90 million pounds of zinc.", intro=intro))
    assert [(r[0], r[1], r[3], r[4], r[5]) for r in got] == [("G", "unit_cost", (28, 31), "USD/t", "2011"),
                                                             ("G", "production", (90000000, 90000000), "lb", "2011")]
