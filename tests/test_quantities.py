"""kg.quantities: numbers with their units, as mining releases write them."""

from __future__ import annotations

import pytest

from kg.quantities import find_quantities, garbled_numbers, parse_number, unit_definitions
from kg.vocabulary import implied_currency, release_currency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,500,684", 1500684.0),
        ("12,345.67", 12345.67),
        ("1.234,5", 1234.5),
        ("2 043", 2043.0),
        ("1 234 567", 1234567.0),
        ("74,5", 74.5),
        ("2.60", 2.6),
        (".85", 0.85),
        ("2\u00a0043", 2043.0),
        ("  318 ", 318.0),
    ],
)
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


def _only(text: str, default_currency: str | None = None):
    found = [q for q in find_quantities(text, default_currency) if q.unit]
    assert len(found) == 1, found
    q = found[0]
    # offsets point at the quantity and the quoted text is the text there
    assert text[q.start:q.end] == q.text
    assert q.number_text in q.text
    return q


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # metal output, scaled units
        ("Gold output reached 94.1 koz in the period.", 94_100, "oz"),
        ("the operation has now poured 1.2 Moz since start-up", 1_200_000, "oz"),
        ("Copper production of 12.4 Mlbs was in line.", 12_400_000, "lb"),
        ("payable zinc of 18.6 million pounds", 18_600_000, "lb"),
        ("shipments of 3,380 klbs of molybdenum", 3_380_000, "lb"),
        ("a total of 1,405,730 pounds of nickel", 1_405_730, "lb"),
        ("silver sales of 2.35 million ounces", 2_350_000, "oz"),
        ("production of 13.56 mln lbs U3O8", 13_560_000, "lb"),
        ("revenue of US$45mn", 45_000_000, "USD"),
        ("1,234 troy ounces of platinum", 1_234, "oz"),
        ("dore containing 350 kg of gold", 350, "kg"),
        # tonnages
        ("the plant treated 2,043 kt of ore", 2_043_000, "t"),
        ("ore mined totalled 1.5 Mt during the half", 1_500_000, "t"),
        ("the mill processed 2.6 million tonnes of ore", 2_600_000, "t"),
        ("the mill processed 2 043 tonnes of ore", 2_043, "t"),
        ("a stockpile of 415,600 dry tonnes", 415_600, "t"),
        ("shipped 1.234,5 tonnes of concentrate", 1_234.5, "t"),
        # rates
        ("throughput averaged 4,500 tpd", 4_500, "t/d"),
        ("throughput averaged 16,312 tonnes per day", 16_312, "t/d"),
        ("the crusher ran at 9,800 tonnes a day", 9_800, "t/d"),
        ("the concentrator reached 12 ktpd in June", 12_000, "t/d"),
        ("mill feed of 7,250 t/d", 7_250, "t/d"),
        ("the 1,450 tonne-per-day mill", 1_450, "t/d"),
        # rates over hours, months and years are capacities or peaks, never a period's tonnage
        ("the plant processed 2,430 tonnes per hour at peak", 2_430, "t/h"),
        ("the JV will treat 95,000 tonnes per month at design", 95_000, "t/month"),
        ("a 3.6 Mtpa concentrator", 3_600_000, "t/y"),
        ("a plant rated at 450,000 tpa", 450_000, "t/y"),
        ("nameplate of 2.5 million tonnes per annum", 2_500_000, "t/y"),
        ("capacity of 40,000 tonnes a year", 40_000, "t/y"),
        # grades
        ("a head grade of 3.1 g/t gold", 3.1, "g/t"),
        ("grading 5.42 gpt Au", 5.42, "g/t"),
        ("head grade of 2.60 grams per tonne palladium", 2.6, "g/t"),
        ("a feed grade of 0.452 oz/t", 0.452, "oz/t"),
        # percentages
        ("a recovery of 92.4%", 92.4, "%"),
        ("recovery of 88.1 per cent", 88.1, "%"),
        ("recovery improved to 86.3 percent", 86.3, "%"),
        ("nickel recovery of 74,5%", 74.5, "%"),
        # money
        ("revenue of C$2.0 million", 2_000_000, "CAD"),
        ("an investment of A$45 million", 45_000_000, "AUD"),
        ("capital of R1.2 billion", 1_200_000_000, "ZAR"),
        ("sales of US$ 3.5 million", 3_500_000, "USD"),
        ("proceeds of US$1.5bn", 1_500_000_000, "USD"),
        ("a facility of 5 million Canadian dollars", 5_000_000, "CAD"),
        ("net sales of SEK 8,412 million", 8_412_000_000, "SEK"),  # an ISO code before the amount
        ("revenue of KZT 1,300 billion", 1_300_000_000_000, "KZT"),
        ("sales of RMB 5.2 billion", 5_200_000_000, "CNY"),
        # per-unit costs and prices
        ("cash costs of US$412 per ounce", 412, "USD/oz"),
        ("an AISC of US$1,085/oz", 1_085, "USD/oz"),
        ("C1 cash cost of US$2.15/lb", 2.15, "USD/lb"),
        ("a unit cost of C$38.20 per tonne", 38.2, "CAD/t"),
        ("a realised price of A$9.62/lb", 9.62, "AUD/lb"),
        ("cash cost of R212,500 per ounce", 212_500, "ZAR/oz"),
        ("costs of US$735 per gold ounce", 735, "USD/oz"),
        ("US$1,250 per ounce sold", 1_250, "USD/oz"),
        # a justified PDF line's double space before the unit; the British spelling of grams
        ("produced 310  Koz of gold", 310_000, "oz"),
        ("an average grade of 3.10 grammes per tonne", 3.1, "g/t"),
        # two words before the denominator, and a footnote mark between the amount and "per"
        ("cash costs of US$5.10 per payable silver ounce", 5.1, "USD/oz"),
        ("an AISC of US$1,812(1) per payable ounce", 1_812, "USD/oz"),
        # "MT" in Indian and Chinese releases: million tonnes after a decimal, metric tonnes after a whole number
        ("coal output was 41.2 MT in September", 41_200_000, "t"),
        ("shipped 1,725 MT of cathode", 1_725, "t"),
        ("sales of 4.08 million tones", 4_080_000, "t"),  # the common misspelling
    ],
)
def test_find_quantities_units(text: str, value: float, unit: str) -> None:
    q = _only(text)
    assert q.unit == unit
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "default", "unit"),
    [
        ("cash costs of $412 per ounce", None, "$/oz"),
        ("cash costs of $412 per ounce", "USD", "USD/oz"),
        ("revenue of $18.2 million", "CAD", "CAD"),
        ("revenue of US$18.2 million", "CAD", "USD"),  # an explicit prefix beats the release default
    ],
)
def test_dollar_sign_uses_the_release_currency(text: str, default: str | None, unit: str) -> None:
    assert _only(text, default).unit == unit


def test_scaled_flag_and_number_text() -> None:
    q = _only("ore milled of 2.6 million tonnes")
    assert q.scaled and q.number_text == "2.6"
    q = _only("ore milled of 2,600,000 tonnes")
    assert not q.scaled and q.number_text == "2,600,000"


def test_several_quantities_in_order_with_offsets() -> None:
    text = "The mill treated 1,061,200 tonnes at 1.42 g/t for 45,380 ounces and 91.2% recovery."
    found = [q for q in find_quantities(text) if q.unit]
    assert [(q.value, q.unit) for q in found] == [(1061200, "t"), (1.42, "g/t"), (45380, "oz"), (91.2, "%")]
    for q in found:
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "during 2011 the company",  # a year is a bare number
        "the 780 level",
        "Q2 results",
    ],
)
def test_bare_numbers_have_no_unit(text: str) -> None:
    assert all(q.unit == "" for q in find_quantities(text))


@pytest.mark.parametrize(("text", "currency"), [
    ("All figures are in Canadian dollars unless otherwise noted.", "CAD"),
    ("(All figures in U.S. dollars unless noted.)", "USD"),
    ("All amounts in Australian dollars.", "AUD"),
    ("Unless otherwise stated, all amounts are expressed in South African rand.", "ZAR"),
    ("All dollar amounts (US$) are unaudited.", "USD"),
    ("All of its mines in Canada are doing well in rand terms.", None),
    ("Amounts are in U.S. dollars unless otherwise stated.", "USD"),
    ("The Mopane mine reports in US Dollars only.", "USD"),
    ("(All dollar amounts herein are in Canadian funds unless otherwise indicated.)", "CAD"),
    ('All references to "$" in this press release refer to United States dollars.', "USD"),
    ("Revenue was converted to US dollars at the average rate.", None),
    ("The average exchange rate was R10.18 to the US Dollar.", None),
    ("Gold production was 38,450 ounces.", None),
])
def test_release_currency_statement(text: str, currency: str | None) -> None:
    assert release_currency(text) == currency


@pytest.mark.parametrize(("text", "unit"), [
    ("$612 an ounce of gold", "USD/oz"),
    ("$4.85 a pound of nickel", "USD/lb"),
    ("$5 at the mine gate", "USD"),
])
def test_a_or_an_unit_is_per_unit(text: str, unit: str) -> None:
    (q,) = find_quantities(text, "USD")
    assert q.unit == unit


@pytest.mark.parametrize(("text", "garbled"), [
    ("The mill processed 1,500,68 tonnes of ore.", [(19, "1,500,68")]),
    ("The mill processed 1,500,684 tonnes, 2,1 t (decimal comma) on June 30,2011.", []),
])
def test_garbled_numbers(text: str, garbled: list[tuple[int, str]]) -> None:
    assert garbled_numbers(text) == garbled


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        # the metal (or what is counted) named between the number and its unit
        ("the mine produced 612,308 silver ounces", 612_308, "oz", "silver"),
        ("output of 2.4 million silver ounces", 2_400_000, "oz", "silver"),
        ("a total of 41,250 gold-equivalent ounces", 41_250, "oz", "gold-equivalent"),
        ("18,400 GEOs in the quarter", 18_400, "oz", "GEOs"),
        ("21.5 - 23.0 million silver-equivalent2 ounces", 23_000_000, "oz", "silver-equivalent2"),
        ("32,900 saleable ounces", 32_900, "oz", "saleable"),
        # scale words and prefixes written every way
        ("a loan of C$38-million", 38_000_000, "CAD", ""),
        ("7.9-million pounds of copper", 7_900_000, "lb", ""),
        ("sales of 97million pounds", 97_000_000, "lb", ""),
        ("revenue of US$8.1m", 8_100_000, "USD", ""),
        ("a price of $US1086 a tonne", 1086, "USD/t", ""),
        ("1,250 kilo ounces (koz) of gold", 1_250_000, "oz", ""),
        ("4.1 million wet metric tonnes of ore", 4_100_000, "t", ""),
        ("86,000 dmt of concentrate", 86_000, "t", ""),
    ],
)
def test_qualified_and_scaled_quantities(text: str, value: float, unit: str, qualifier: str) -> None:
    q = [q for q in find_quantities(text) if q.unit][-1]
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), unit, qualifier)
    assert text[q.start:q.end] == q.text


def test_a_number_glued_to_the_word_before_it_still_counts() -> None:
    """Wire copy joins lines without a space: "output of345-410 million pounds"."""
    found = [(q.value, q.unit) for q in find_quantities("guidance of345-410 million pounds")]
    assert found == [(345, ""), (410_000_000, "lb")]


def test_a_range_dash_is_not_part_of_the_first_number() -> None:
    first, second = find_quantities("between 210,000-225,000 ounces")
    assert (first.text, second.text) == ("210,000", "225,000 ounces")


def test_a_footnote_digit_glued_to_a_word_is_not_a_number() -> None:
    assert [q.value for q in find_quantities("per ounce sold2 of $1,512")] == [1512]


def test_unit_abbreviations_a_release_defines() -> None:
    text = "Output rose to 18.20 million tonnes (MT); sales of 12,000 wet metric tonnes (wmt) followed."
    defined = unit_definitions(text)
    assert defined == {"MT": ("t", 1e6), "wmt": ("t", 1.0)}
    later = find_quantities("December output was 2.75 MT and sales 310 wmt.", None, defined)
    assert [(q.value, q.unit, q.text) for q in later] == [(2_750_000, "t", "2.75 MT"), (310, "t", "310 wmt")]
    # undefined, "MT" after a decimal still reads as million tonnes (the Indian and Chinese releases' usage)
    assert [(q.value, q.unit) for q in find_quantities("December output was 2.75 MT.")] == [(2_750_000, "t")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("recovered 105,130 carats", 105130, "ct"), ("a grade of 7.7 cpht", 7.7, "cpht"), ("US$325 per carat", 325, "USD/ct"),
    ("a resource of 58.3 million carats", 58.3e6, "ct"), ("12.5 moz", 12.5e6, "oz"), ("34.5 mlbs", 34.5e6, "lb"),
    ("1,725 mt of oxide", 1725, "t"), ("7.01 million mt", 7.01e6, "t"), ("5,294 tU", 5294, "t"), ("120 kwmt", 1.2e5, "t"),
    ("US$872/dmt", 872, "USD/t"), ("US$97 per dry tonne", 97, "USD/t"), ("2.5 lakh tonnes", 2.5e5, "t"),
    ("Rs 1,200 crore", 1.2e10, "INR"), ("rose 18 pc", 18, "%"), ("produced 18,406 4E (23,290 6E) PGM ounces", 18406, "oz")])
def test_carats(text: str, value: float, unit: str) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_a_release_defines_lakh_tonnes_as_lt() -> None:
    text = "output rose to 4.62 lakh tonnes (LT) in the quarter, from 3.91 LT a year earlier"
    assert [(q.value, q.unit) for q in find_quantities(text, None, unit_definitions(text))] == [(462000, "t"), (391000, "t")]


def test_million_tonnes_abbreviated_mt_keeps_its_scale_unless_the_m_is_metric() -> None:
    text = "shipped 45.6 million tonnes (mt), up from 44.3 mt"
    assert [q.value for q in find_quantities(text, None, unit_definitions(text))] == [45.6e6, 44.3e6]
    text = "sold 1.2 million metric tonnes (mt); 300 mt went to stock"
    assert [q.value for q in find_quantities(text, None, unit_definitions(text))] == [1.2e6, 300]


def test_tonnes_a_year_earlier_are_tonnes_not_a_rate() -> None:
    assert [(q.value, q.unit) for q in find_quantities("from 33.8 million tonnes a year earlier")] == [(33.8e6, "t")]
    assert [q.unit for q in find_quantities("a 3.6 million tonnes a year plant, 95,000 tonnes a month")] == ["t/y", "t/month"]


def test_a_scale_letter_spaced_from_tons() -> None:
    assert [(q.value, q.unit) for q in find_quantities("4.4 M tons of coal")] == [(4.4e6, "t")]
    assert [(q.value, q.unit) for q in find_quantities("0.52 Mwmt and 1.2 Mdmt")] == [(0.52e6, "t"), (1.2e6, "t")]
    assert [(q.value, q.unit) for q in find_quantities("15.12 M lbs of copper")] == [(15.12e6, "lb")]


def test_us_dollars_written_with_a_space_before_the_sign() -> None:
    assert [(q.value, q.unit) for q in find_quantities("a cash cost of U.S. $1.02 per pound", "CAD")] == [(1.02, "USD/lb")]


@pytest.mark.parametrize(("text", "expected"), [
    # the currency on the low end, the per-unit on the high end only
    ("an AISC of US$1,300 -1,400 per ounce", [(1_300, "USD/oz"), (1_400, "USD/oz")]),
    ("costs of A$4.60 to 5.10/lb", [(4.6, "AUD/lb"), (5.1, "AUD/lb")]),
    # the thousands written once, on the high end
    ("guided at 72 – 80,000 ounces", [(72_000, "oz"), (80_000, "oz")]),
    # not a range sharing its thousands: a year, or a low end far below the high one
    ("Q3 2022 - 80,000 ounces", [(2_022, ""), (80_000, "oz")]),
    ("from 2 to 80,000 ounces", [(2, ""), (80_000, "oz")]),
])
def test_a_range_writes_its_shared_currency_or_thousands_once(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(("text", "currency"), [
    ("Cash cost R14,882/oz; basket price $1,642/oz; rand/dollar R/$ 8.96", "USD"),  # a rand reporter's dollar
    ("Revenue was R2.1 billion and the platinum price averaged $1,547", "USD"),
    ("Realized price $48.12 per ton (NYSE: KCL)", None),  # a listing says nothing of which dollar
    ("Cash costs of $910 per ounce at Moose Creek", None),
])
def test_a_bare_dollar_named_by_contrast_with_the_rand(text: str, currency: str | None) -> None:
    assert implied_currency(text) == currency


def test_an_equivalent_abbreviated_with_a_point_is_still_the_qualifier() -> None:
    """"41,230 gold eq. oz": gold-equivalent ounces."""
    (q, *_rest) = find_quantities("41,230 gold eq. oz(1)(2)")
    assert (q.value, q.unit, q.qualifier) == (41230, "oz", "gold eq.")


@pytest.mark.parametrize(("text", "value"), [
    ("ore production of 2.94 Mn MT", 2940000), ("mined metal of 168 KT", 168000), ("ore mined 14,62,350 MT", 1462350),
    ("a total of 1,23,45,678 tonnes", 12345678)])
def test_indian_units_and_digit_grouping(text: str, value: float) -> None:
    """"Mn MT" is a million metric tonnes, "KT" a thousand; "14,62,350" groups lakhs and crores."""
    (q,) = find_quantities(text)
    assert (q.value, q.unit) == (value, "t")


def test_where_a_release_scales_its_mt_a_bare_mt_is_metric_tonnes() -> None:
    """A release that writes "2.94 Mn MT" for millions writes "96.4 MT (3.10 Moz)" of silver in metric tonnes."""
    defined = unit_definitions("record ore production of 2.94 Mn MT")
    assert [(q.value, q.unit) for q in find_quantities("Saleable silver of 96.4 MT (3.10 Moz)", None, defined)] == [
        (96.4, "t"), (3100000, "oz")]


def test_a_formula_written_with_html_subscripts_names_its_metal_and_a_price_per_dry_metric_tonne_unit() -> None:
    from kg.vocabulary import find_metals
    assert [m for _s, _e, m in find_metals("% Li<sub>2</sub>O, lb U<sub>3</sub>O<sub>8</sub>, 65% WO<sub>3</sub>")] == [
        "lithium", "uranium", "tungsten"]
    (q,) = find_quantities("Production cost of US$1.94/dmtu FOB port")
    assert (q.value, q.unit) == (1.94, "USD/dmtu")
