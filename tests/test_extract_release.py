"""kg.extract.read_release: what a release says about itself (date, title, issuer, tickers, ...)."""

from __future__ import annotations

import pytest

from kg.extract import extract_all, read_release
from kg.extract.release import find_tickers
from kg.records import Measurement

KESTREL = """Kestrel Gold Mines Inc.
1055 West Hastings Street, Suite 900
Vancouver, BC V6E 2E9

NEWS RELEASE

July 18, 2011

TSX: KGM   NASDAQ: KGMI

Kestrel Gold Mines Inc. Reports Second Quarter 2011 Production

Kestrel Gold Mines Inc. is pleased to report operating results for the three months ended June 30, 2011 at \
its Moose Creek mine in northern Quebec, where mill throughput continued to improve following the commissioning \
of the new pebble crusher in April. All figures are unaudited.

www.kestrelgold.com
"""

HALCYON = """
Halcyon Copper Corp. Announces Record Copper Output at Pinto Valley South

VANCOUVER, British Columbia--(Marketwire - March 3, 2010) - Halcyon Copper Corp. (TSX VENTURE: HCC) today \
reported record copper production for the fourth quarter of 2009 at its Pinto Valley South operation in Arizona, \
with the heap leach and SX-EW plant running above plan for the full quarter.
"""

COPPERHEAD = """NEWS RELEASE
For release: April 30, 2009

Copperhead Mines Ltd. Provides Update on Q1 2009 Operations

TORONTO, ONTARIO--(Marketwire - April 30, 2009) - Copperhead Mines Ltd. (TSX:CUM)(NASDAQ:CPHM) today provided an \
update on first quarter operations at the Lynx Lake mine, where ore hoisting resumed after the March shaft \
inspection was completed ahead of schedule and within budget overall.
"""

# the period end (June 30) stands before the release date in the header
TAMARACK = """Tamarack Nickel Ltd.

Results for the quarter ended June 30, 2015

Issued: August 4, 2015

Tamarack Nickel Ltd. Announces Second Quarter 2015 Results

Tamarack Nickel Ltd. (TSX: TNL) today announced its results for the second quarter of 2015 at the Birch Lake \
underground mine, where development of the lower ramp continued on schedule and nickel in concentrate \
production improved on the prior quarter as stope sequencing returned to plan.
"""

SABLE = """Sable River Mining Corp.

Suite 2200, 885 Georgia Street
Vancouver, BC V6C 3E8

FOR IMMEDIATE RELEASE

Sable River Mining Corp. Announces Fiscal 2012 Third Quarter Results

February 9, 2012 - Sable River Mining Corp. (TSX: SRM) (OTCQX: SRMCF) reports results for the third quarter of \
fiscal 2012, being the three months ended December 31, 2011. The Company's fiscal year ends March 31. Silver \
production at the Cerro Azul mine increased as the new flotation cells came on line in November.
"""

BALLARAT = """BALLARAT GOLD LIMITED
ASX code: BGL

QUARTERLY ACTIVITIES REPORT FOR THE PERIOD ENDED 31 DECEMBER 2012

PERTH, Western Australia, 24 January 2013 - Ballarat Gold Limited is pleased to present its activities report for \
the December quarter, during which the Sovereign underground mine delivered its highest gold output since \
commissioning and the processing plant ran at nameplate.
"""

TEMBO = """Strong Start to the Year at the Tembo Mine

JOHANNESBURG, 12 May 2014 - Tembo Resources plc (JSE: TMB; AIM: TMBR) reports a strong first quarter of 2014 at \
the Tembo underground mine in Limpopo, with tonnes milled and gold produced both higher than the previous quarter \
as the new ventilation shaft came into service.
"""

BIRCH = """NEWS RELEASE

August 4, 2015

Birch Lake Mine Returns to Full Production

Tamarack Nickel Ltd. (TSX: TNL) today announced that the Birch Lake underground mine has returned to full \
production following completion of the lower ramp rehabilitation, with nickel in concentrate output expected to \
recover in the third quarter of 2015.
"""

CASES = {
    "kestrel": KESTREL, "halcyon": HALCYON, "copperhead": COPPERHEAD, "tamarack": TAMARACK, "sable": SABLE,
    "ballarat": BALLARAT, "tembo": TEMBO, "birch": BIRCH,
}


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


@pytest.mark.parametrize(
    ("case", "date"),
    [
        ("kestrel", "2011-07-18"),
        ("halcyon", "2010-03-03"),
        ("copperhead", "2009-04-30"),
        ("tamarack", "2015-08-04"),  # not the period end written above it
        ("sable", "2012-02-09"),
        ("ballarat", "2013-01-24"),
        ("tembo", "2014-05-12"),
        ("birch", "2015-08-04"),
    ],
)
def test_release_date(case: str, date: str) -> None:
    assert read_release(CASES[case]).info.date == date


@pytest.mark.parametrize(
    ("case", "issuer"),
    [
        ("kestrel", "Kestrel Gold Mines Inc."),
        ("halcyon", "Halcyon Copper Corp."),
        ("copperhead", "Copperhead Mines Ltd."),
        ("sable", "Sable River Mining Corp."),
        ("ballarat", "Ballarat Gold Limited"),
        ("tembo", "Tembo Resources plc"),
        pytest.param("birch", "Tamarack Nickel Ltd."),
        pytest.param("tamarack", "Tamarack Nickel Ltd."),
    ],
)
def test_issuer(case: str, issuer: str) -> None:
    assert read_release(CASES[case]).info.issuer == issuer


@pytest.mark.parametrize(
    ("case", "title"),
    [
        ("kestrel", "Kestrel Gold Mines Inc. Reports Second Quarter 2011 Production"),
        ("halcyon", "Halcyon Copper Corp. Announces Record Copper Output at Pinto Valley South"),
        ("copperhead", "Copperhead Mines Ltd. Provides Update on Q1 2009 Operations"),
        pytest.param("tamarack", "Tamarack Nickel Ltd. Announces Second Quarter 2015 Results"),
        ("birch", "Birch Lake Mine Returns to Full Production"),
        ("tembo", "Strong Start to the Year at the Tembo Mine"),
    ],
)
def test_title_and_its_span(case: str, title: str) -> None:
    text = CASES[case]
    info = read_release(text).info
    assert info.title == title
    assert text[info.span.start:info.span.end] == info.span.quote == title


@pytest.mark.parametrize(
    ("case", "tickers"),
    [
        ("kestrel", ("TSX:KGM", "NASDAQ:KGMI")),
        ("copperhead", ("TSX:CUM", "NASDAQ:CPHM")),
        ("tamarack", ("TSX:TNL",)),
        ("sable", ("TSX:SRM", "OTCQX:SRMCF")),
        ("tembo", ("JSE:TMB", "AIM:TMBR")),
        pytest.param("halcyon", ("TSXV:HCC",)),
        pytest.param("ballarat", ("ASX:BGL",)),
    ],
)
def test_tickers(case: str, tickers: tuple[str, ...]) -> None:
    assert read_release(CASES[case]).info.tickers == tickers


@pytest.mark.parametrize(
    ("case", "label"),
    [
        ("kestrel", "2011-Q2"),
        ("halcyon", "2009-Q4"),
        ("copperhead", "2009-Q1"),
        ("tamarack", "2015-Q2"),
        ("sable", "2011-Q4"),  # fiscal Q3 of a year ending March
        ("ballarat", "2012-Q4"),  # a quarterly report "for the period ended 31 December 2012"
        pytest.param("tembo", "2014-Q1"),
    ],
)
def test_reporting_period(case: str, label: str) -> None:
    period = read_release(CASES[case]).info.reporting_period
    assert period is not None and period.label == label


@pytest.mark.parametrize(("text", "label"), [
    pytest.param("ASX ANNOUNCEMENT\n21 October 2022\n\nAcme Gold Limited\nQuarterly Activities Report to 30 September 2022\n\n"
                 "Acme Gold Limited (ASX: AGL) remains on track to meet FY2023 guidance of 55,000 to 60,000 ounces. Gold "
                 "production for the quarter was 14,210 ounces at its Tomingley Operations, in line with plan.\n",
                 "2022-Q3", id="a header line, not the guidance year"),
    pytest.param("Acme Uranium lifts output\n\n24 April 2015\n\nAcme Uranium Ltd (ASX: AUL) said production in the March "
                 "quarter rose to 1.23 Mlb U3O8 at its Langer Heinrich mine, which was mothballed in 2009 and restarted in "
                 "2012 after the plant was rebuilt.\n", "2015-Q1", id="a background year is no period reported on"),
    pytest.param("Acme Lithium lifts output\n\nJane Roe | May 13, 2025 | 10:42 am\n\nAcme Lithium Corp. (TSX: ALC) said on "
                 "Tuesday that its brine operation produced 6,420 tonnes of lithium carbonate in the first quarter, up from "
                 "4,980 tonnes a year earlier. For 2024 as a whole it produced 23,650 tonnes.\n",
                 "2025-Q1", id="a quarter without its year, before the article's date"),
    pytest.param("Acme Gold Q3 output eases to 121,540 ounces\n\nBy Jane Roe\n\nAcme Gold (TSX: AGC) put out third-quarter "
                 "production numbers on Wednesday: 121,540 ounces of gold, 11.9% less than in the second quarter, and on "
                 "course for its 2025 production guidance.\n", "2025-Q3", id="an undated article: the year it names"),
    pytest.param("ACME PLATINUM - Interim results for the six months ended 31 December 2018\n\nRelease Date: 21/02/2019\n\n"
                 "At Mooifontein community protests in October stopped work for several days.\n\n"
                 "Refined platinum output rose 9.4% to 412 600 ounces in the half-year.\n", "2018-H2",
                 id="a month in passing in the lead is not the period a header states"),
])
def test_reporting_period_is_one_the_release_can_report_on(text: str, label: str) -> None:
    period = read_release(text).info.reporting_period
    assert period is not None and period.label == label


def test_a_short_lead_under_its_dateline_starts_the_body() -> None:
    """A one-sentence lead is the body: its period is the release's, not a comparison's in the next paragraph."""
    text = ("Acme Gold Reports Record Third Quarter Production\n\nTORONTO, Oct. 8, 2019 -- Acme Gold Corp. (TSX: ACG) "
            "announced third quarter 2019 gold production of 138,100 ounces from its El Limon mine.\n\nSilver production "
            "rose to 6.4 million ounces, compared with 4.9 million ounces in the third quarter of 2018.\n")
    release = read_release(text)
    assert release.info.reporting_period is not None and release.info.reporting_period.label == "2019-Q3"
    records, _ = extract_all(text)
    silver = sorted((r.value, r.period.label) for r in records if isinstance(r, Measurement) and r.metal == "silver")
    assert silver == [(4.9e6, "2018-Q3"), (6.4e6, "2019-Q3")]


def test_fiscal_year_end_is_read_from_the_text() -> None:
    assert read_release(SABLE).fye_month == 3
    assert read_release(KESTREL).fye_month == 12


def test_fiscal_year_end_follows_from_a_half_reported_as_done_before_the_dateline() -> None:
    """"the first half of the 2020 financial year" in a text dated January 2020 has ended: a June year, not December;
    the same half only looked forward to says nothing."""
    done = ("Quokka Iron shipments\n\nPERTH, January 30, 2020 - Quokka Iron shipped 36.2 million tonnes in the December "
            "quarter, bringing the total for the first half of the 2020 financial year to 71.9 million tonnes.\n")
    assert read_release(done).fye_month == 6
    ahead = done.replace("bringing the total for", "and expects more in")
    assert read_release(ahead).fye_month == 12


def test_website_and_address() -> None:
    info = read_release(KESTREL).info
    assert info.website == "www.kestrelgold.com"
    assert info.address is not None
    assert info.address.startswith("1055 West Hastings Street") and info.address.endswith("V6E 2E9")
    sable = read_release(SABLE).info
    assert sable.address is not None and "885 Georgia Street" in sable.address and sable.address.endswith("V6C 3E8")


@pytest.mark.parametrize(
    ("case", "place"),
    [
        pytest.param("halcyon", "VANCOUVER, British Columbia"),
        pytest.param("copperhead", "TORONTO, ONTARIO"),
    ],
)
def test_dateline_place(case: str, place: str) -> None:
    assert read_release(CASES[case]).info.dateline_place == place


@pytest.mark.parametrize("case", sorted(set(CASES) - {"tamarack", "birch"}))
def test_issuer_mention_span(case: str) -> None:
    text = CASES[case]
    doc = read_release(text)
    assert len(doc.issuer_mentions) == 1
    mention = doc.issuer_mentions[0]
    assert text[mention.span.start:mention.span.end] == mention.span.quote == mention.name == doc.info.issuer


@pytest.mark.parametrize(("title", "label"), [
    ("Kestrel Gold Mines Inc. Reports Fourth Quarter and Year-End 2010 Results", "2010-Q4"),
    ("Kestrel Gold Mines Inc. Reports Q4 and Full Year 2010 Results", "2010-Q4"),
    ("Kestrel Gold Mines Inc. Reports Year-End 2010 Results", "2010"),
])
def test_quarter_and_year_end_reports_on_the_quarter(title: str, label: str) -> None:
    text = KESTREL.replace("Kestrel Gold Mines Inc. Reports Second Quarter 2011 Production", title).replace(
        "for the three months ended June 30, 2011", "for 2010").replace("July 18, 2011", "February 14, 2011")
    period = read_release(text).info.reporting_period
    assert period is not None and period.label == label


@pytest.mark.parametrize(("text", "tickers"), [
    ("Quarry Hill Mining Inc. (TSX: QHM)(NYSE MKT: QHMC) today reported", ["TSX:QHM", "NYSE MKT:QHMC"]),
    ("Ferris Gold Corp. (NYSE, TSX: FGC) late Tuesday said", ["NYSE:FGC", "TSX:FGC"]),
    ("a pit run by Wallaroo Coal (WCL.AX) in Queensland", ["ASX:WCL"]),
    ("at Pinecrest Resources' (PCR-V, PCRSF-O) silver mine", ["OTC:PCRSF", "TSXV:PCR"]),
    ("Morrow plc (AIM: MRW) and Ostrava plc (LON:OST) and Kiruna AB (STO: KIR)", ["AIM:MRW", "LSE:OST", "STO:KIR"]),
    ("NYSE-MKT: ORV\nTSX-V: ORV\nFSE: O2V", ["NYSE MKT:ORV", "TSXV:ORV", "FSE:O2V"]),
    ("Orvik Silver Ltd. (ORV: TSX-V, ORV: NYSE–MKT)", ["TSXV:ORV", "NYSE MKT:ORV"]),
    ("ASX:KLM | ASX Code: KLM | JSE share code: KLM", ["ASX:KLM", "ASX:KLM", "JSE:KLM"]),
    ("INTERIM RESULTS FOR THE SIX MONTHS ENDED 31 DECEMBER 2018", []),
    ("The Canadian uranium miner (TKU: TSX & NYSE) has", ["TSX:TKU", "NYSE:TKU"]),
    ("Tengri Copper PLC (LSE: TGC; AIX: TGC) and Chisanga Copper plc (AIM: CSG; LuSE: CSG)",
     ["LSE:TGC", "AIX:TGC", "AIM:CSG", "LuSE:CSG"]),
    ("QFG   Quillfeather Gold Corp.   (TSX-V)", []),
    ("Granite Divide, which is listed on the Toronto Stock Exchange under GDM, said", ["TSX:GDM"]),
])
def test_tickers_read_through_one_table_of_exchanges(text: str, tickers: list[str]) -> None:
    """Every exchange spelling maps to one name; the symbol may follow, precede or suffix the exchange."""
    assert [t for _s, _e, t in find_tickers(text)] == tickers


_BODY = ("Corvane Mining Corp. (TSX: CVM) reported operating results for the quarter ended June 30, 2016 at its "
         "Redcap mine, where the mill ran above plan and the new leach pad was commissioned on schedule. As "
         "disclosed on May 3, 2016, the company expects higher output in the second half.\n")


@pytest.mark.parametrize(("header", "date"), [
    # a print timestamp and a share-price box stand above the labelled date line
    ("11:02:45 EST Mon 3 Mar 2025\nClose 2016-08-03 C$ 1.12\n2012 2013 2014 2015 2016\n"
     "2016-08-04 07:03 ET - News Release\n\n", "2016-08-04"),
    # a wire dateline wins over the body's back-reference and the period end
    ("TORONTO, ONTARIO--(Marketwire - Aug. 4, 2016) - ", "2016-08-04"),
    # an aggregator's clock lines above the wire's own line
    ("  • Freitag, 05 Juli 2024\n  • 04:21 Uhr Frankfurt\n\nCorvane Mining Reports Second Quarter 2016 Results\n\n"
     "04.08.2016  |  Business Wire\n\n", "2016-08-04"),
    ("PERTH, Australia, 4 August 2016 /PRNewswire/ -- ", "2016-08-04"),
    # a date line under the title, written numerically (month first, as the text writes its dates)
    ("Corvane Mining : Reports Second Quarter 2016 Results\n08/04/2016 | 10:41pm CEST\n\n", "2016-08-04"),
    ("Released 07:00 04-Aug-2016\n\n", "2016-08-04"),
    ("Release Date: 04/08/16 07:05\n\n", "2016-08-04"),
    # page furniture in another language is still a date
    ("(NEWSDESK) – gio 4 agosto 2016\n\n", "2016-08-04"),
    # only the period end and a body date: no release date
    ("Results for the quarter ended June 30, 2016\n\n", None),
])
def test_release_date_is_the_best_placed_date(header: str, date: str | None) -> None:
    assert read_release(header + _BODY).info.date == date


_ARTICLE_BODY = ("production at the mine rose in the quarter, the company said in a statement, as the new mill line "
                 "reached its design rate and the open pit moved into higher-grade benches ahead of the wet season.\n")


@pytest.mark.parametrize(("text", "issuer"), [
    # an all-caps letterhead, read line by line: not the furniture line above it, not a subsidiary below
    ("Quarterly Report\nUK Regulatory\nOSTRAVA GOLD MINING COMPANY LIMITED\nJSE share code: OGM\n\n"
     "Operations at the Vlasta shaft of Kopec Resources (Pty) Ltd, a subsidiary, improved as "
     + _ARTICLE_BODY, "Ostrava Gold Mining Company Limited"),
    # a "Company : Title" headline
    ("Brennan Star Resources : Quarterly Activities Report - March 2024\nASX Announcement\n\n"
     "Brennan Star Resources reported that " + _ARTICLE_BODY, "Brennan Star Resources"),
    # an article's subject, after a possessive or a descriptor, not the publisher in the footer
    ("VANCOUVER - Canada's Talvik (TSX: TLV) said " + _ARTICLE_BODY + "© 2024 Orefeed Media Ltd.\n", "Talvik"),
    ("Swedish miner Norrberg (STO: NRB) said " + _ARTICLE_BODY + "Copyright Orefeed Media Ltd.\n", "Norrberg"),
    ("DAR ES SALAAM - AIM-listed Songwe Gold's Ilolo Ridge mine has reported that " + _ARTICLE_BODY, "Songwe Gold"),
    ("BISHKEK - London-listed Ala-Too Gold Plc said on Monday that " + _ARTICLE_BODY, "Ala-Too Gold Plc"),
    ("Mexican mining company Minera Aztlán said the mine flooded; " + _ARTICLE_BODY
     + "Nearby, Quetzal Silver Mining Ltd. reported a spill.\n", "Minera Aztlán"),
    # a listing of another company later in the body is not the issuer's
    ("QUARTERLY REPORT\n\nCORPORATE Tasman Metals Limited is a copper and tin producer. The demerger and "
     "listing of Ardent Gold Limited (ASX: ARG) were completed; " + _ARTICLE_BODY, "Tasman Metals Limited"),
    # no corporate suffix anywhere: the name that speaks in the article; a headline's first word is not one
    ("Strike halts output at Karee\n\nWorkers downed tools on Thursday. Corvane told the exchange that " + _ARTICLE_BODY
     + "Corvane said talks would resume.\n", "Corvane"),
])
def test_issuer_is_read_from_the_letterhead_headline_or_subject(text: str, issuer: str) -> None:
    assert read_release(text).info.issuer == issuer


def test_a_date_opening_a_later_body_line_is_not_the_dateline() -> None:
    text = ("NEWS RELEASE\n\nJuly 18, 2011\n\n" + _BODY + _BODY + "Upcoming events:\n"
            "August 30, 2011 - the company will host a site visit for analysts at the Redcap mine in Nevada.\n")
    assert read_release(text).info.date == "2011-07-18"


def test_an_article_subject_is_a_name_capitalised_mid_sentence_too() -> None:
    text = ("Gold output fell at two mines in the quarter.\n\nHarrowgate Minerals has released its results for the "
            "second quarter.\n\nThe company said Harrowgate would keep its guidance for the year unchanged.\n")
    assert read_release(text).info.issuer == "Harrowgate Minerals"


def test_a_symbol_before_its_exchange_after_a_dash() -> None:
    """The trade press writes "[NVG-TSX; NVGCF-OTCQX]": symbol, dash, exchange."""
    assert [t for _s, _e, t in find_tickers("Nechi Valley Gold Corp. [NVG-TSX; NVGCF-OTCQX] said")] == [
        "TSX:NVG", "OTCQX:NVGCF"]


def test_an_exchange_in_a_quote_strip_is_no_issuer() -> None:
    text = ("LSE: QZU  AIX: QZU  GDR price US$41.20\n\nQazuran 2Q24 Operations Update\n\nAstana, 1 August 2024 - "
            'National Uranium Company Qazuran JSC ("Qazuran" or "the Company") announces its operations update. '
            + _ARTICLE_BODY)
    assert read_release(text).info.issuer != "LSE"


def test_a_ticker_symbol_in_the_headline_is_no_issuer() -> None:
    text = ("TMN\nHalf-year production update\n\n21 January 2025\n\nTswelelo Manganese PLC (AIM: TMN) reports that "
            + _ARTICLE_BODY)
    assert read_release(text).info.issuer == "Tswelelo Manganese PLC"


def test_a_yearless_dateline_takes_the_year_of_the_stamp_beside_it_and_related_is_no_issuer() -> None:
    """"Wed Oct 22, 2014 9:12pm EDT" above "PERTH, Oct 23 (Reuters)": 2014, though the text names fiscal 2015."""
    text = ("Business | Wed Oct 22, 2014 9:12pm EDT\n\nRelated: BUSINESS, COMMODITIES, METALS\n\n"
            "UPDATE 1-Australia's Quokka Iron beats shipment forecasts\n\n"
            "PERTH, Oct 23 (Reuters) - Quokka Iron Ltd shipped 9.42 million tonnes of iron ore in the September quarter, "
            "the first quarter of its 2015 fiscal year.\n")
    info = read_release(text).info
    assert (info.date, info.issuer) == ("2014-10-23", "Quokka Iron Ltd")


def test_the_issuer_after_a_newswire_tag_keeps_its_first_word() -> None:
    """"Idaho--(BUSINESS WIRE)--Kestrel Mining Company": the name starts right after the dashes, not at "Mining"."""
    text = ("BOISE, Idaho--(BUSINESS WIRE)--Kestrel Mining Company (NYSE:KMC) today announced first quarter 2021 "
            "results.\n\n- Silver production of 2.1 million ounces.\n")
    info = read_release(text).info
    assert (info.issuer, info.tickers) == ("Kestrel Mining Company", ("NYSE:KMC",))


def test_a_highlights_bullet_is_no_title() -> None:
    text = ("Quarterly Activities Report to 31 December 2023\n\nKestrel Gold Operations (Kestrel)\n\n"
            "  • Gold production of 15,310oz met forecast for the quarter.\n"
            "  • FY2024 guidance for Kestrel is 60,000oz to 65,000oz production.\n")
    assert "•" not in (read_release(text).info.title or "")


def test_the_company_a_release_defines_as_the_company_is_its_issuer() -> None:
    """An exchange's disclaimer names a company first ("... Clearing Limited ... accept no responsibility"); the
    release's own definition (``NAME* (the "Company", ...)``) names its issuer."""
    text = ("Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong Limited take no responsibility "
            "for the contents of this announcement.\n\n          KAIPING RESOURCES GROUP CO., LTD.*\n\n"
            "          ANNOUNCEMENT OF PRODUCTION VOLUMES FOR THE FIRST HALF OF 2024\n\n"
            'This announcement is made by Kaiping Resources Group Co., Ltd.* (the "Company", together with its '
            'subsidiaries, the "Group") on a voluntary basis. The Group produced 12,400 tonnes of copper in the six '
            'months ended 30 June 2024 (the "Reporting Period").\n')
    assert read_release(text).info.issuer == "Kaiping Resources Group Co., Ltd."


def test_a_date_only_the_body_gives_does_not_place_the_period_its_title_names() -> None:
    """No dateline, and "recommenced operations on 1 June 2011" in the body: the title's "June 2011" quarter is the
    period, not the June quarter before that body date, and that event's date is no release date."""
    text = ("Kestrel Coal Ltd (ASX: KCL) Quarterly Report June 2011\n\nROM production for the June quarter was 4.0 Mt, "
            "down 5% on the March quarter. The Kanga mine recommenced operations on 1 June 2011.\n")
    info = read_release(text).info
    assert (info.reporting_period.label, info.date) == ("2011-Q2", None)


@pytest.mark.parametrize(("text", "tickers"), [
    ("Hong Kong Exchanges and Clearing Limited take no responsibility for this announcement.\n\nKAIPING MINING CO., LTD.*\n"
     "(Stock Code: 03865)\n\nThe A shares of the Company are listed on the Shanghai Stock Exchange (stock code: 603981).\n",
     ["HKEX:03865", "SSE:603981"]),
    ("BSE Limited                 National Stock Exchange of India Limited\nScrip Code: 543127          Symbol: KZSL\n\n"
     "Sub: Production release\n", ["BSE:543127", "NSE:KZSL"]),
    ("SINGAPORE, 24 January 2011 - Kestrel Coal Limited (SGX: 5TS) reports.", ["SGX:5TS"]),
    ("Compañía Minera Kestrel S.A. (Santiago Stock Exchange: KESTR; TSX: KMK) reports.", ["SSE:KESTR", "TSX:KMK"]),
])
def test_listings_of_asian_and_latin_american_exchanges(text: str, tickers: list[str]) -> None:
    assert [t for _s, _e, t in find_tickers(text)] == tickers


def test_a_date_written_year_first_and_an_issuer_named_only_by_the_headline() -> None:
    """A news page's "2024/01/12" under a headline "Tarkon issues annual production update": the date and the issuer."""
    text = ("Tarkon issues annual production update\n2024/01/12 1874\n\nThe Canadian uranium miner (TKU: TSX & NYSE) has "
            "announced uranium production of 21.4 million pounds U3O8 for 2023.\n\nTarkon is now ramping up its mill.\n")
    info = read_release(text).info
    assert (info.date, info.issuer, info.tickers) == ("2024-01-12", "Tarkon", ("TSX:TKU", "NYSE:TKU"))


def test_a_yearless_dateline_takes_the_year_of_the_byline_and_a_forums_join_month_is_no_period() -> None:
    """A forum copy: "Joined: Mar 2013" in a poster's profile, then the article's byline "August 16, 2016" and its
    dateline "MANILA, Aug. 16 -": released 16 August 2016, and the profile's month is no period it reports on."""
    text = ("laterite_lad\nSenior Member\nPosts: 2,314\nJoined: Mar 2013\n\nPosted: Wed Aug 17, 2016 9:14 am\n\n"
            "Kestrel Nickel ordered to halt Moose Creek mine after silt spill\n"
            "By Maria Reyes | Manila Commerce Daily | August 16, 2016\n\n"
            "MANILA, Aug. 16 - The regulator ordered Kestrel Nickel Corp. (PSE: KNC) on Monday to suspend operations at "
            "its Moose Creek nickel mine after silt-laden water spilled into the sea during heavy rain late on Saturday.\n")
    info = read_release(text).info
    assert info.date == "2016-08-16"
    assert info.reporting_period is None or info.reporting_period.year == 2016
