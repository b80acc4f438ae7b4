"""What a release says about itself: dateline, title, issuer, tickers, address, website."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from kg.dates import DAY_MONTH, MONTH_NAME, find_dates, month_number
from kg.extract.figures import FORWARD
from kg.extract.names import company_key, find_companies
from kg.periods import (
    Period,
    PeriodContext,
    PeriodMention,
    default_fiscal_year_end,
    find_periods,
    has_fiscal_labels,
    stated_fiscal_year_end,
    year_period,
)
from kg.read.text import BULLET, SourceText
from kg.records import CompanyMention, ReleaseInfo
from kg.vocabulary import find_metals

if TYPE_CHECKING:
    from kg.extract.document import ReleaseDoc

# Stock exchanges: the name a ticker is written under, then the other ways releases spell it.
EXCHANGES: dict[str, tuple[str, ...]] = {
    "TSXV": ("TSX Venture Exchange", "TSX Venture", "TSX-V", "TSXV", "TSX.V", "CVE"),
    "TSX": ("Toronto Stock Exchange", "TSX", "TSE"),
    "NYSE MKT": ("NYSE MKT", "NYSEMKT"),
    "NYSE American": ("NYSE American",),
    "NYSE Amex": ("NYSE Amex",),
    "NYSE Arca": ("NYSE Arca",),
    "AMEX": ("American Stock Exchange", "AMEX"),
    "NYSE": ("New York Stock Exchange", "NYSE"),
    "NASDAQ": ("NASDAQ", "Nasdaq"),
    "ASX": ("Australian Securities Exchange", "ASX"),
    "JSE": ("Johannesburg Stock Exchange", "JSE"),
    "AIM": ("AIM",),
    "LSE": ("London Stock Exchange", "LSE", "LON"),
    "OTCQX": ("OTCQX",),
    "OTCQB": ("OTCQB",),
    "OTC": ("OTC Pink", "OTCBB", "OTC"),
    "CSE": ("CSE",),
    "FSE": ("Frankfurt Stock Exchange", "Frankfurt", "FSE"),
    "STO": ("Nasdaq Stockholm", "STO"),
    "GSE": ("GSE",),
    "BVL": ("BVL",),
    "NZX": ("NZX",),
    "HKEX": ("Stock Exchange of Hong Kong", "Hong Kong Stock Exchange", "HKEX", "SEHK", "HKSE"),
    "SSE": ("Shanghai Stock Exchange", "Santiago Stock Exchange"),
    "SZSE": ("Shenzhen Stock Exchange", "SZSE"),
    "NSE": ("National Stock Exchange of India", "NSE"),
    "BSE": ("BSE Limited", "Bombay Stock Exchange", "Botswana Stock Exchange", "BSE"),
    "SGX": ("Singapore Exchange", "SGX"),
    "AIX": ("Astana International Exchange", "AIX"),
    "LuSE": ("Lusaka Securities Exchange", "Lusaka Stock Exchange", "LuSE"),
}
# A symbol written with its exchange as a suffix: Reuters codes ("CRN.AX"), press codes ("CGK-V").
EXCHANGE_SUFFIXES: dict[str, str] = {
    ".AX": "ASX", ".TO": "TSX", ".V": "TSXV", ".CN": "CSE", ".L": "LSE", ".J": "JSE", ".JO": "JSE", ".N": "NYSE",
    ".O": "NASDAQ", ".OQ": "NASDAQ", "-T": "TSX", "-X": "TSX", "-V": "TSXV", "-N": "NYSE", "-O": "OTC", "-A": "AMEX",
}


def _alias_pattern(alias: str) -> str:
    """``NYSE MKT`` also matches ``NYSE-MKT`` and ``NYSE–MKT``; the all-caps spelling matches too."""
    parts = [re.escape(w) for w in re.split(r"[ -]", alias)]
    flexible = r"[ \t\-–]?".join(parts)
    upper = r"[ \t\-–]?".join(re.escape(w.upper()) for w in re.split(r"[ -]", alias))
    return flexible if flexible == upper else f"{flexible}|{upper}"


_ALIASES = sorted(((a, ex) for ex, aliases in EXCHANGES.items() for a in aliases), key=lambda p: -len(p[0]))
EXCHANGE_NAME = re.compile(r"(?<![\w.])(?:" + "|".join(f"(?P<x{i}>{_alias_pattern(a)})" for i, (a, _ex) in
                                                   enumerate(_ALIASES)) + r")(?![\w])")
SYMBOL = r"[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?"
# a symbol after its exchange, which may open with a digit ("SGX: 5TS", "stock code: 603981", "FSE: 7KL")
_AFTER_EXCHANGE = re.compile(rf"(?:\s+\(?\s*(?i:share\s+)?(?i:stock\s+)?(?i:code|symbol|ticker)s?)?\s*(?:[:\-–—]|(?<=[a-z])\s)\s*"
                             rf"(?P<sym>{SYMBOL}|\d[A-Z0-9]{{1,5}})\b(?![a-z])")
# "(Stock Code: 03865)" under the Hong Kong exchange's disclaimer; "Scrip Code: 543127" and "Symbol: KZSL" in a letter to
# BSE Limited and the National Stock Exchange of India: a code whose exchange the page names elsewhere
_CODE_OF = (("HKEX", re.compile(r"(?i)\(\s*stock\s+code\s*:\s*(?P<sym>\d{3,6})\s*\)"), re.compile(r"(?i)hong\s+kong")),
            ("BSE", re.compile(r"(?i)\bscrip\s+code\s*:\s*(?P<sym>\d{5,6})\b"), re.compile(r"\bBSE\b")),
            ("NSE", re.compile(r"(?i)\bsymbol\s*:\s*(?P<sym>[A-Z][A-Z0-9&-]{1,11})\b"), re.compile(r"(?i)national\s+stock\s+exchange\s+of\s+india")))
# "listed on the Toronto Stock Exchange under GDM", "... under the symbol "GDM""
_UNDER_SYMBOL = re.compile(rf"\s+under\s+(?:the\s+)?(?:(?:ticker|trading|stock)\s+)?(?:symbols?|codes?|tickers?)?\s*[\"“']?"
                           rf"(?P<sym>{SYMBOL})\b(?![a-z])")
_EXCHANGE_LIST_GAP = re.compile(r"\s*(?:[,/&]|and)\s*")
_SYMBOL_BEFORE = re.compile(rf"(?<![\w.])(?P<sym>{SYMBOL})(?:\s*:\s*|-)$")  # "ASM: TSX-V", "[NVG-TSX; NVGCF-OTCQX]"
_SUFFIXED = re.compile(r"(?P<sym>[A-Z][A-Z0-9]{0,5})(?P<suf>[.-][A-Z]{1,2})")
# kept for the issuer: a name written just before its listing "(TSX: ..."
EXCHANGE = "|".join(_alias_pattern(a) for a, _ex in _ALIASES)
TITLE_VERB = re.compile(
    r"\b(Announces?|Reports?|Provides|Releases|Declares|Completes|Enters|Signs|Achieves|Updates|Posts|Delivers"
    r"|Increases|Acquires|Agrees|Files|Confirms|Records|Exceeds|Produces|Results|Update|Production|Issues|Publishes)\b"
)
_NOT_TITLE = re.compile(r"(?i)^\W*(news release|press release|for immediate release|trading symbols?|website|tel|fax|www\.)")
WEBSITE = re.compile(r"\b(?:https?://)?www\.[\w-]+(?:\.[\w-]+)+(?:/[\w./-]*)?", re.IGNORECASE)
STREET = re.compile(
    r"\b\d[\w-]*(?:\s*[-–]\s*\d+)?\s+(?:[A-Z][\w.]*\s+){1,4}(?:St|Street|Ave|Avenue|Road|Rd|Blvd|Boulevard|Drive|Dr|Way"
    r"|Place|Square|Lane|Crescent|Court|Plaza|Parkway)\b\.?"
)
POSTAL = re.compile(r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z.' -]{2,30})?)\s*,?\s*"
    r"(?:[-–—]{1,2}|,|\(|/)\s*(?:\(?\s*(?:Marketwire|Marketwired|CNW|Canada NewsWire|Business Wire|BUSINESS WIRE|PR ?Newswire"
    r"|GLOBE NEWSWIRE|Newsfile|ACCESSWIRE)|(?:" + r"January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+\d)|^\s*(?P<place2>[A-Z][A-Za-z.' ]{2,40},"
    r"\s*[A-Z][A-Za-z.' ]{2,30})\s+[—–-]{1,2}\s"
)


def _reads_as_prose(text: str) -> bool:
    letters = sum(c.isalpha() for c in text)
    return "\t" not in text and "|" not in text and letters >= 0.6 * len(text) and bool(re.search(r"\w[.!?](?:\s|$)", text))


def header_end(doc: SourceText) -> int:
    """Where the body starts: the first paragraph that reads as prose."""
    for para in doc.paragraphs:
        if "\t" in para.text or para.text.count(".") < 1:
            continue
        if len(para.text) >= 200 or len(para.text) >= 80 and DATELINE.match(para.text) and _reads_as_prose(para.text):
            return para.start  # a short lead under its dateline is the body's start too
    return min(len(doc.clean), 600)


def letterhead_end(doc: SourceText) -> int:
    """Where the letterhead and page furniture end: the first line that reads as prose, long on its own
    (150 characters) or hard-wrapped over three long lines. Unlike :func:`header_end`, a paragraph of short
    lines (a letterhead run together with a table) is not prose."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", doc.clean)]
    for i, (start, line) in enumerate(lines):
        run = [text for _s, text in lines[i:i + 3]]
        wrapped = len(run) == 3 and all(len(t.strip()) >= 45 for t in run) and doc.clean.count("\n", start, lines[i + 2][0]) == 2
        if len(line.strip()) >= 150 and _reads_as_prose(line) or wrapped and _reads_as_prose(" ".join(run)):
            return start
    return min(len(doc.clean), 600)


# Month names of furniture dates in other languages ("gio 27 ottobre 2022", "27 de octubre de 2022").
FOREIGN_MONTHS: dict[str, int] = {
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "agosto": 8,
    "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "décembre": 12,
    "enero": 1, "febrero": 2, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "septiembre": 9, "setiembre": 9,
    "octubre": 10, "noviembre": 11, "diciembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
}
_FOREIGN_DATE = re.compile(r"\b(?P<d>[0-3]?\d)\.?\s+(?:de\s+)?(?P<m>[^\W\d_]{3,10})\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b")
_DAY_MON_YEAR = re.compile(rf"\b(?P<d>[0-3]?\d)-(?P<m>{MONTH_NAME})-(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR_FIRST_DATE = re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)(?P<sep>[/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d/.])")
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d/.])")
# Words that make the date after them a period end or a past event, not the day of the release.
_NOT_RELEASE_DAY = re.compile(r"(?i)\b(?:ended|ending|end(?:ed)? of|as at|as of|at|to|until|through|since|from|between|dated|period"
                              r"|on or before|before|after|by)\s*$")
# "the mine recommenced operations on 1 June 2022", "signed an agreement on 14 September": the day of an event
_EVENT_BEFORE = re.compile(r"(?i)\b(?:re)?(?:commenced|started|began|resumed|restarted|suspended|halted|stopped|occurred|happened"
                           r"|completed|commissioned|ceased|closed|died|injured|signed|entered|appointed|joined|retired"
                           r"|resigned|poured|shipped|flooded|collapsed|failed)\b[^.\n]{0,40}\bon\s+(?:\w+day,?\s+)?(?:the\s+)?$")
_RELEASE_LABEL = re.compile(r"(?i)\b(?:released?|release date|issued|published|for release|news release|press release"
                            r"|announcement|date\s*:|updated)\b")
_LABEL_BEFORE = re.compile(r"(?i)\b(?:date|release date|released|issued|published|updated|for release)\s*:?\s*$")
_CLOCK = re.compile(r"(?i)\b\d{1,2}:\d\d(?P<sec>:\d\d)?(?:\s*(?:[ap]\.?m\.?|hrs))?(?:\s*(?:[A-Z]{2,4}T|ET|UTC|GMT))?")
_DATE_LINE_REST = re.compile(r"(?i)[\s|,.\-–—:*#]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|by\b.*|at\b|\d{1,2}:\d\d.*)?"
                             r"[\s|,.\-–—:*#]*")
_WIRE_NAMES = r"Marketwire[d]?|CNW|Canada NewsWire|Business Wire|BUSINESS WIRE|PR ?Newswire|GLOBE NEWSWIRE|Newsfile|ACCESSWIRE"
_WIRE = rf"(?:\(?\s*(?:{_WIRE_NAMES}|[\w.]+\.com(?:\.au)?|[A-Z]{{2,5}})\b[^)\n]{{0,12}}\)?)"
_WIRE_NAMED = re.compile(rf"(?i)\b(?:{_WIRE_NAMES})\b")
# Before a dateline's date: a place in capitalised words, perhaps a wire ("TORONTO, ONTARIO--(Marketwire - ").
_DATELINE_HEAD = re.compile(rf"[\s*#]*(?:[A-Z][\w.'’]*(?![\w.'’])[\s,.]*){{0,6}}(?:[\s,]*[-–—/]*\s*{_WIRE}\s*[-–—/)]*)?[\s,*]*")
_DATELINE_TAIL = re.compile(rf"\s*(?:\*\*)?\s*(?:[-–—/]|\(|{_WIRE})")


def _numeric_value(m: re.Match[str], period: Period | None, month_first: bool) -> date | None:
    """``05/12/16``: the day and month a release means, by which reading can be a release date."""
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    year = y if y >= 100 else 2000 + y if y < 70 else 1900 + y
    readings = []
    for day, month in ((b, a), (a, b)) if month_first else ((a, b), (b, a)):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    if period is not None:
        after = [d for d in readings if 0 < (d - period.end).days <= 200]
        readings = after or readings
    return readings[0] if readings else None


def every_date(text: str, period: Period | None = None) -> list[tuple[int, int, date]]:
    """Full dates in any of the forms releases and their pages write: words, ``29-Jan-2014``, ``10/09/2018``,
    ``27 ottobre 2022``. Numeric dates read month first when the text writes its dates month first."""
    found = list(find_dates(text))
    month_first = bool(re.search(rf"\b{MONTH_NAME}\s+[0-3]?\d,?\s+(?:19|20)\d\d", text))
    for m in _DAY_MON_YEAR.finditer(text):
        found.append((m.start(), m.end(), date(int(m.group("y")), month_number(m.group("m")), int(m.group("d")))))
    for m in _FOREIGN_DATE.finditer(text):
        month = FOREIGN_MONTHS.get(m.group("m").lower())
        if month:
            try:
                found.append((m.start(), m.end(), date(int(m.group("y")), month, int(m.group("d")))))
            except ValueError:
                pass
    for m in _NUMERIC_DATE.finditer(text):
        value = _numeric_value(m, period, month_first)
        if value:
            found.append((m.start(), m.end(), value))
    for m in _YEAR_FIRST_DATE.finditer(text):  # "2024/01/12", as East Asian pages write a date
        try:
            found.append((m.start(), m.end(), date(int(m.group("y")), int(m.group("m")), int(m.group("d")))))
        except ValueError:
            continue
    found.sort()
    out: list[tuple[int, int, date]] = []
    for item in found:
        if not out or item[0] >= out[-1][1]:
            out.append(item)
    return out


def _line_at(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the line before and after ``text[start:end]``."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start], text[end:line_end if line_end >= 0 else len(text)]


def date_rank(text: str, start: int, end: int, body_start: int) -> int:
    """Where a date stands, best first: 0 a dateline (place or wire, then the date, then the body), 1 a line
    labelled as the release's date, 2 a line holding only the date, 3 elsewhere in the header, 4 in the body,
    5 a clock stamp with seconds (a page printed: its date only where no other stands), 6 a date the words before
    make a period end."""
    before, after = _line_at(text, start, end)
    if _NOT_RELEASE_DAY.search(text[max(0, start - 25):start]) or _EVENT_BEFORE.search(text[max(0, start - 70):start]):
        return 6
    opens_body = bool(before.strip()) or start <= body_start + 300  # a bare date opening a later line is a list item
    if opens_body and _DATELINE_HEAD.fullmatch(before) and _DATELINE_TAIL.match(after) and len(after) > 30:
        return 0
    clock = _CLOCK.search(before + " " + after)
    if clock and clock.group("sec"):
        return 5
    if _LABEL_BEFORE.search(before) or start < body_start and len(before) + len(after) < 100 and _RELEASE_LABEL.search(
            before + " " + after):
        return 1
    if len(before) + len(after) < 60 and _WIRE_NAMED.search(before + " " + after):
        return 1  # "25.05.2012 | Business Wire": the wire's own line, over a page's clock ("Freitag, 05 Juli 2024")
    if start < body_start and _DATE_LINE_REST.fullmatch(before) and _DATE_LINE_REST.fullmatch(after):
        return 2
    return 3 if start < body_start else 4


def _year_for(month: int, day: int, period: Period | None, text: str) -> int | None:
    """The year of a dateline that gives only a month and day: that of a full date within three days of it written in
    the text, else the first such day after the period it reports on."""
    for _start, _end, stamped in every_date(text, None):  # "Wed Oct 22, 2014 9:12pm EDT" above "PERTH, Oct 23 (Reuters)",
        for year in (stamped.year, stamped.year + 1):  # a byline's "August 16, 2016" beside "MANILA, Aug. 16"
            try:
                if abs((date(year, month, day) - stamped).days) <= 3:
                    return year
            except ValueError:
                continue
    if period is not None:
        return period.end.year + (1 if (month, day) <= (period.end.month, period.end.day) else 0)
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)]
    return max(years) if years else None


def _yearless_datelines(text: str, body_start: int, period: Period | None) -> list[tuple[int, int, date]]:
    """``VANCOUVER, March 3 /CNW/`` and ``the company reported on Wednesday January 30``."""
    out = []
    for m in DAY_MONTH.finditer(text):
        before, after = _line_at(text, m.start(), m.end())
        dateline = _DATELINE_HEAD.fullmatch(before) and _DATELINE_TAIL.match(after)
        reported = re.search(r"(?i)\b(?:said|reported|announced|released|stated)\s+on\s+(?:\w+day,?\s+)?$", before)
        year = _year_for(month_number(m.group("m")), int(m.group("d")), period, text) if dateline or reported else None
        if year:
            try:
                out.append((0 if dateline else 4, m.start(), date(year, month_number(m.group("m")), int(m.group("d")))))
            except ValueError:
                continue
    return out


_SIGNING_PLACE = re.compile(r"[\s*_]*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s*){1,3}(?:the\s+PRC,\s*)?$")


def _signing_date(clean: str) -> tuple[int, date] | None:
    """The date a release is signed with at its end, alone on a line after its place ("Yantai, the PRC, 20 July
    2012" under "By order of the Board", as Hong Kong and Johannesburg announcements sign off): its position and
    day."""
    tail_start = max(0, len(clean) - 2500)
    found = None
    for start, end, value in every_date(clean[tail_start:]):
        before, after = _line_at(clean[tail_start:], start, end)
        if _SIGNING_PLACE.fullmatch(before) and not after.strip(" .*_"):
            found = (tail_start + start, value)
    return found


def _release_date(doc: SourceText, body_start: int, period: Period | None) -> tuple[int, date] | None:
    """The best-placed date of the release's header and first paragraph (see :func:`date_rank`), with its rank.

    A date that is the reporting period's end, or falls before it, is never the release's own date unless it
    stands in a dateline or a labelled date line. No date gives None: an article may carry none.
    """
    clean = doc.clean
    window = clean[: max(body_start, 0) + 600]
    candidates = []
    for start, end, value in every_date(window, period):
        rank = date_rank(window, start, end, body_start)
        if period is not None and (rank > 2 and value <= period.end or rank == 2 and value == period.end):
            rank = 6
        candidates.append((rank, start, value))
    candidates += _yearless_datelines(window, body_start, period)
    signed = _signing_date(clean)
    if signed is not None and (period is None or signed[1] > period.end):
        candidates.append((2, *signed))
    best = min(candidates, default=None)
    return (best[0], best[2]) if best and best[0] < 6 else None


_FIGURES_ROW = re.compile(r"(?:\s+[\d,.()%-]+){3,}\s*$")


def _title(doc: SourceText, body_start: int) -> tuple[int, int] | None:
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.clean[:body_start])]
    candidates = [(s, e) for s, e in lines if not _NOT_TITLE.match(doc.clean[s:e]) and len(doc.clean[s:e].split()) >= 4
                  and not re.match(rf"\s*{BULLET}\s", doc.clean[s:e])  # a bullet of highlights is no headline
                  and not (any(find_dates(doc.clean[s:e])) and len(doc.clean[s:e].split()) <= 7)
                  and not _FIGURES_ROW.search(doc.clean[s:e])]  # "Nickel t 3120 2980 9410": a table's row
    with_verb = [(s, e) for s, e in candidates if TITLE_VERB.search(doc.clean[s:e]) and "\t" not in doc.clean[s:e]]
    for s, e in with_verb:
        if find_companies(doc.clean[s:e]) and not re.match(r"(?i)\W*(results|for the)\b", doc.clean[s:e]):
            return s, e
    for s, e in with_verb:
        return s, e
    for s, e in reversed(candidates):
        text = doc.clean[s:e]
        if not STREET.search(text) and not find_tickers(text) and not re.search(r"\d{3}[-.]\d{4}", text):
            return s, e
    return None


NAME = r"[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|&|and|of|de|du|la))*"
# "Swedish miner Boliden (", "Luxembourg-based Nexa Resources has": an article's subject after its descriptor.
_DESCRIBED = re.compile(rf"(?:\b(?:miner|producer|major|company|group|explorer|developer|firm)|\b[A-Za-z]+-(?:based|listed|owned|run"
                        rf"|headquartered))[ \t]+(?P<name>{NAME})(?=\s*[(,]|\s+[a-z])")
# "VANCOUVER - Cameco (", "PERTH (minewire.com.au) – Wandoo Copper kept": the subject after a dateline.
_AFTER_DATELINE = re.compile(rf"^[ \t]*(?:[A-Z][A-Z.' ,]+?|\([^)\n]{{2,30}}\))(?:[ \t]*\([^)\n]{{2,30}}\))?[ \t]*[-–—]+[ \t]*"
                             rf"(?P<name>{NAME})(?=\s*[(,]|\s+[a-z])", re.MULTILINE)
# "Coeur Mining : Reports Third Quarter", "Northern Star Resources : Quarterly Activities Report".
_HEADLINE = re.compile(rf"^[ \t#*]*(?P<name>{NAME})[ \t]*:[ \t]+(?P<rest>[A-Z0-9][^\n]*)", re.MULTILINE)
_TITLE_SUBJECT = re.compile(rf"^\W*(?P<name>{NAME}?)[ \t]+(?i:announces|reports|releases|posts|provides|delivers|achieves"
                            r"|declares|completes|confirms|lifts|raises|halts|holds|says|sees|cuts|boosts|increases|issues"
                            r"|publishes|updates)\b")
_NOT_A_NAME = re.compile(r"(?i)^(?:the|a|an|record|strong|first|second|third|fourth|quarterly|annual|interim|production"
                         r"|operational|operating|results?|update|highlights|news|press|q[1-4]|related|tags?|topics?"
                         r"|categor(?:y|ies)|filed|advertisement|\d)\b")
# "Cameco has released ...", "Northern Star Resources on Wednesday forecast ...": a paragraph's subject.
_SUBJECT = re.compile(rf"^[ \t]*(?:date[ \t]+\S+[ \t]+)?(?P<name>{NAME})(?:[ \t]*\([^)\n]{{2,40}}\))?[ \t]+(?=(?:has|have|is|on|said"
                      r"|says|reported|reports|announced|posted|produced|released|recorded|saw|sold)\b)", re.MULTILINE)
_PUBLISHER_LINE = re.compile(r"(?im)^.*(?:©|&copy;|\bcopyright\b).*$")


def _line_companies(line: str) -> list[tuple[int, int, str]]:
    """Companies in one line of a letterhead; an all-caps line is read in title case."""
    if re.search(r"[a-z]", line) or len(line.title()) != len(line):
        return find_companies(line)
    return [(s, e, line[s:e]) for s, e, _name in find_companies(line.title())]


def _header_companies(doc: SourceText, body_start: int) -> list[tuple[int, int, str]]:
    """Companies of the header read line by line (a name never runs from one letterhead line into the next)."""
    out: list[tuple[int, int, str]] = []
    for line in re.finditer(r"[^\n]+", doc.clean[:body_start]):
        if not _PUBLISHER_LINE.fullmatch(line.group()):
            out.extend((line.start() + s, line.start() + e, name) for s, e, name in _line_companies(line.group()))
    return out


def _publishers(text: str) -> set[str]:
    """Companies named only in a copyright line: the page's publisher, not the release's issuer."""
    footers = [(m.start(), m.end()) for m in _PUBLISHER_LINE.finditer(text)]
    inside: set[str] = set()
    outside: set[str] = set()
    for start, _end, name in find_companies(text):
        (inside if any(a <= start < b for a, b in footers) else outside).add(company_key(name))
    return inside - outside


def name_before_listing(text: str, start: int) -> str | None:
    """The name written just before a listing: ``Coeur Mining, Inc. (the "Company") (NYSE: CDE)``."""
    before = text[text.rfind("\n", 0, start) + 1:start].rstrip(" \t(")
    while True:
        stripped = re.sub(r"\([^()]*\)[ \t]*$", "", before).rstrip(" \t(")
        if stripped == before:
            break
        before = stripped
    companies = [c for c in find_companies(before) if not before[c[1]:].strip(" ,")]
    if companies:
        return companies[-1][2]
    m = re.search(rf"(?P<name>{NAME})[ \t,]*$", before)
    return m.group("name") if m else None


def _sentence_subjects(text: str, body_start: int) -> list[str]:
    """The subjects of the first paragraphs, when the text capitalises the name mid-sentence too (a proper
    name, not "Gold produced ...")."""
    zone = text[:body_start + 800]
    return [m.group("name") for m in _SUBJECT.finditer(zone)
            if re.search(rf"[a-z,][ \t]+{re.escape(m.group('name').split()[0])}\b", text)]


def _headline_names(text: str, body_start: int) -> list[str]:
    """``Company : Title`` headlines: a name the text names again, then a title of several words."""
    out = []
    for m in _HEADLINE.finditer(text[:min(body_start, 400)]):
        words = re.findall(r"[A-Za-z]{2,}", m.group("rest"))
        named_again = len(re.findall(re.escape(m.group("name")), text)) >= 2
        if len(words) >= 3 and (named_again or TITLE_VERB.search(m.group("rest"))):
            out.append(m.group("name"))
    return out


def _named_before(text: str, start: int, body_start: int) -> bool:
    """Whether the body names another company before a listing (``Metals X Limited ... listing of Westgold
    Resources Limited (ASX: WGX)``): a listing read that late is another company's."""
    if start < body_start:
        return False
    listed = company_key(name_before_listing(text, start) or "")
    return any(company_key(c) != listed for s, _e, c in find_companies(text[:start]) if s >= body_start)


_COMMON_WORD = re.compile(
    r"(?i)(?:the\s+)?(?:company|group|operations?|strike|strikes|miners?|mining|production|output|shares?|union|workers|"
    r"government|police|officials?|minister|ministry|analysts?|investors?|exports?|prices?|markets?|mine|mines|plant|"
    r"flooding|floods?|fire|deaths?|safety|update|report|results|news|highlights?|headlines?)")


def _untagged(name: str) -> str:
    """A name without the tag a news feed puts before a headline: "REG-Petra Diamonds", "UPDATE 2-Vale"."""
    return re.sub(r"^(?:REG|RNS|UPDATE\s*\d*|BRIEF|CORRECTED|FOCUS)\s*[-–:]\s*", "", name)


def _clean_issuer(name: str, text: str, publishers: set[str]) -> str | None:
    """A name as the issuer: no leading "The" or one-word possessive ("Canada's Cameco"), the owner of a possession
    ("Songwe Gold's Ilolo Ridge"), its legal name when the text
    gives one, and a mixed-case spelling for an all-caps letterhead."""
    name = re.sub(r"^(?:The\s+|[A-Z][\w-]*['’]s\s+)+", "", name.strip().rstrip(",.:;")).strip()
    name = re.split(r"['’]s\s+(?=[A-Z])", name)[0]  # "Songwe Gold's Ilolo Ridge": the owner of what follows
    name = re.sub(r"^(?:[A-Z][\w-]*-(?:listed|based|headquartered)\s+)+", "", name)  # "London-listed Ala-Too Gold Plc"
    name = re.sub(r"['’]s?$", "", name)
    if re.search(r"[a-z]", name):  # a heading run into the name: "HIGHLIGHTS CORPORATE Metals X Limited"
        heading = re.match(r"^(?:[A-Z]{2,}\s+)+", name)  # acronyms are short; heading words are not
        if heading and re.search(r"[A-Z]{6,}", heading.group()):
            name = name[heading.end():]
    name = re.sub(r"\s+[A-Z0-9]{1,6}\.[A-Z]{1,3}$|^(?:Via|By|From|At)\s+", "", name)  # "South32 S32.AX", "Via Jagersfontein ..."
    name = _untagged(name)
    key = company_key(name)
    if re.fullmatch(r"[A-Z0-9]{2,6}", name) and any(t.endswith(":" + name) for _s, _e, t in find_tickers(text)):
        return None  # "TMN": the issuer's ticker symbol, not its name
    if not key or _NOT_A_NAME.match(name) or key in publishers or _COMMON_WORD.fullmatch(name) or EXCHANGE_NAME.fullmatch(name) or (
            find_metals(name) and len(name.split()) == 1):
        return None  # "Strike halts ...", "Operations", "Zinc": a headline's first word, not a company
    companies = [c for _s, _e, c in find_companies(text) if company_key(c) not in publishers]
    for company in companies:
        if company_key(company) == key or company_key(company).startswith(key + " "):
            return company
    if not re.search(r"[a-z]", name):
        mixed = re.search(re.escape(name), text, re.IGNORECASE)
        spelled = [text[m.start():m.end()] for m in re.finditer(re.escape(name), text, re.IGNORECASE)
                   if re.search(r"[a-z]", text[m.start():m.end()])] if mixed else []
        return spelled[0] if spelled else name.title() if " " in name else name
    return name


# ``Songyue Mining Group Co., Ltd.* (the "Company", ...)``, ``("Kestrel" or the "Corporation")``: the release's own name
_DEFINED_AS_ISSUER = re.compile(r"""[*\s]*(?:\([^()\n]{2,50}\)\s*)?\((?:[^()\n]{0,40}?\s)?(?:the\s+)?["“'‘](?:the\s+)?"""
                                r"""(?:Company|Corporation|Issuer)["”'’]""")  # also "(ASX: QDL) ("Quenda" or "the Company")"


def _defined_issuer(text: str) -> str | None:
    """The company a release defines as "the Company" in its first lines, the surest name of its issuer."""
    for _start, end, name in find_companies(text):
        if _DEFINED_AS_ISSUER.match(text, end):
            return name
    return None


def _issuer(doc: SourceText, title: str | None, body_start: int) -> str | None:
    """The issuer, by the first of these that names one: the title; the name before a listing; a
    ``Company : Title`` headline; the letterhead; an article's described or datelined subject, or the
    subject of its title; the first company of the first paragraph; the company named most often."""
    clean = doc.clean
    head = clean[: body_start + 600]
    publishers = _publishers(clean)
    defined = _defined_issuer(clean[: body_start + 1500])
    if defined and company_key(defined) not in publishers:
        return defined
    if title:
        found = [c for c in find_companies(title) if company_key(c[2]) not in publishers]
        if found:
            return _untagged(found[0][2])
    names: list[str | None] = [name_before_listing(head, start) for start, _e, _t in find_tickers(head)
                               if not _named_before(head, start, body_start)]
    names += _headline_names(clean, body_start)
    names += [c[2] for c in _header_companies(doc, body_start)]
    names += [m.group("name") for m in _DESCRIBED.finditer(head)]
    names += [m.group("name") for m in _AFTER_DATELINE.finditer(head)]
    for line in [title or ""] + clean[:400].splitlines()[:3]:
        names += [m.group("name") for m in _TITLE_SUBJECT.finditer(line)]
    names += _sentence_subjects(clean, body_start)
    names += [c[2] for c in find_companies(head)]
    for name in names:
        issuer = _clean_issuer(name, clean, publishers) if name else None
        if issuer:
            return issuer
    counts: dict[str, tuple[int, str]] = {}
    for _s, _e, company in find_companies(clean):
        if company_key(company) not in publishers and not _COMMON_WORD.fullmatch(company):
            n, first = counts.get(company_key(company), (0, company))
            counts[company_key(company)] = (n + 1, first)
    if counts:
        return max(counts.values(), key=lambda c: c[0])[1]
    return _speaking_subject(clean, publishers)


# "Allkem told the ASX", "Lynas said", "South32's output": a name that speaks or owns in an article
_SPEAKER = re.compile(r"(?<![\w.])(?P<name>[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,3})(?:['’]s\b|[ \t]+(?:said|says|told"
                      r"|reported|reports|announced|posted|produced|expects|forecast|cut|raised|lifted|recorded)\b)")


def _speaking_subject(text: str, publishers: set[str]) -> str | None:
    """An article's subject where no company is named with a corporate suffix: the name that speaks (or owns) most
    often, twice at least."""
    counts: dict[str, int] = {}
    for m in _SPEAKER.finditer(text):
        name = _clean_issuer(m.group("name"), text, publishers)
        if name and not re.match(r"(?i)(?:he|she|it|they|we|mr|ms|mrs|dr)\b", name) and len(name) > 2:
            counts[name] = counts.get(name, 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best and best[1] >= 2 else None


def _exchange(m: re.Match[str]) -> str:
    return next(_ALIASES[int(k[1:])][1] for k, v in m.groupdict().items() if v is not None)


def find_tickers(text: str) -> list[tuple[int, int, str]]:
    """Every listing written in ``text`` as ``EXCHANGE:SYMBOL``, with its offsets, in order.

    Reads ``TSX: X``, ``(NYSE, TSX: ABX)`` (one symbol on a list of exchanges), ``ASM: TSX-V`` (symbol
    first), ``ASX code: XYZ``, and symbols with an exchange suffix in parentheses (``(CRN.AX)``,
    ``(CGK-V, CGHRF-O)``). Exchange names are normalised through :data:`EXCHANGES`.
    """
    found: list[tuple[int, int, str]] = []
    run: list[tuple[re.Match[str], str]] = []
    shared: tuple[int, str, int] | None = None  # "(TKU: TSX & NYSE)": the symbol before a list of exchanges, the list's
    # end so far and its start
    for m in EXCHANGE_NAME.finditer(text):
        if shared and _EXCHANGE_LIST_GAP.fullmatch(text, shared[0], m.start()) and not _AFTER_EXCHANGE.match(text, m.end()):
            found.append((shared[2], m.end(), f"{_exchange(m)}:{shared[1]}"))
            shared = (m.end(), shared[1], shared[2])
            continue
        shared = None
        if run and not _EXCHANGE_LIST_GAP.fullmatch(text, run[-1][0].end(), m.start()):
            run = []
        run.append((m, _exchange(m)))
        after = _AFTER_EXCHANGE.match(text, m.end()) or _UNDER_SYMBOL.match(text, m.end())
        if after and not EXCHANGE_NAME.fullmatch(after.group("sym")):
            found.extend((x.start(), after.end(), f"{ex}:{after.group('sym')}") for x, ex in run)
            run = []
            continue
        before = _SYMBOL_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if before and not EXCHANGE_NAME.fullmatch(before.group("sym")) and not _AFTER_EXCHANGE.match(text, m.end()):
            found.append((before.start(), m.end(), f"{run[-1][1]}:{before.group('sym')}"))
            shared = (m.end(), before.group("sym"), before.start())
            run = []
    for exchange, code, named in _CODE_OF:
        if named.search(text):
            found.extend((m.start(), m.end(), f"{exchange}:{m.group('sym')}") for m in code.finditer(text)
                         if not any(s <= m.start() < e for s, e, _t in found))
    for group in re.finditer(r"\(([^()]{3,60})\)", text):
        parts = [p.strip() for p in re.split(r"[,;]", group.group(1))]
        codes = [_SUFFIXED.fullmatch(p) for p in parts]
        if all(c and c.group("suf") in EXCHANGE_SUFFIXES and not EXCHANGE_NAME.fullmatch(c.group()) for c in codes):
            # "(CRN.AX)", "(CGK-V, CGHRF-O)"; "(TSX-V)" is an exchange's name, no symbol
            found.extend((group.start(), group.end(), f"{EXCHANGE_SUFFIXES[c.group('suf')]}:{c.group('sym')}")
                         for c in codes if c)
    return sorted(found)


def _tickers(doc: SourceText, body_start: int, issuer: str | None) -> tuple[str, ...]:
    zone = doc.clean[: body_start + 1500]  # a dateline's listing may follow a form's fields or a block of highlights
    out: list[str] = []
    first_word = (company_key(issuer or "").split() or [""])[0]
    for start, _end, ticker in find_tickers(zone):
        if start >= body_start:  # a listing in the body is the issuer's when the words before name it or "the Company"
            words = doc.clean[max(0, start - 250):start]
            before = company_key(words) + " " + words.lower()
            if first_word and first_word not in before and "the company" not in before:
                continue
        if ticker not in out:
            out.append(ticker)
    return tuple(out)


def _address(doc: SourceText, body_start: int) -> str | None:
    zone = doc.clean[:body_start]
    street = STREET.search(zone)
    if not street:
        return None
    postal = POSTAL.search(zone, street.end(), min(len(zone), street.end() + 160))
    end = postal.end() if postal else street.end()
    return " ".join(zone[street.start():end].split())


def _dateline_place(doc: SourceText, body_start: int) -> str | None:
    m = DATELINE.search(doc.clean[body_start:body_start + 200])
    if not m:
        return None
    return (m.group("place") or m.group("place2") or "").strip().rstrip("-–— ,") or None


def extract_release_info(doc: ReleaseDoc) -> list[ReleaseInfo | CompanyMention]:
    """The release's metadata and its issuer, as read by :func:`read_release_info`."""
    return [doc.info, *doc.issuer_mentions]


def _quarter_of_year_end(zone: str, ctx: PeriodContext, period: Period) -> Period:
    """"Fourth Quarter and Year-End 2007 Results" report on the quarter first: 2007-Q4, not 2007."""
    if period.kind != "year":
        return period
    for m in find_periods(zone, replace(ctx, anchor=period)):
        if m.relative and m.period.kind == "quarter" and m.period.year == period.year:
            return m.period
    return period


_FORWARD_AFTER = re.compile(r"(?i)^\W{0,3}(?:production\s+|cost\s+)?(?:guidance|outlook|targets?|forecasts?|budget|plan)\b")


def _could_be_reported(period: Period, dated: date | None, after: str) -> bool:
    """A period a release can report on: ended by the release's date and not long before it (a year named as
    background, "mothballed in 2009", is not), and not the period of guidance ("FY2023 guidance")."""
    if _FORWARD_AFTER.match(after):
        return False
    if dated is None:
        return True
    return period.end <= dated and (dated - period.end).days <= 400


# "11.9% less than in the second quarter", "up from ... in Q2": a period the text compares with
_SET_AGAINST = re.compile(r"(?i)\b(?:than|from|versus|vs\.?|compared\s+(?:with|to)|against|over)\b[^.;]{0,25}$")


def _years_written(text: str) -> int | None:
    """The year an undated text is about: the one it names most often, the earliest of those tied ("the 2023-24
    forecast" names 2023 and 2024)."""
    years = [int(y) for y in re.findall(r"(?<![\d.,$])((?:19|20)\d\d)(?!\d|,\d)", text)]
    years += [2000 + int(y) for y in re.findall(r"\b(?:19|20)\d\d[-/–](\d\d)\b", text)]
    years += [2000 + int(y) for y in re.findall(r"\bFY\s?'?(\d\d)\b", text)]
    if not years:
        return None
    return max(set(years), key=lambda y: (years.count(y), -y))  # a tie goes to the earlier: guidance names the later


def _reported_period(doc: SourceText, zones: list[str], dated: date | None, fye: int, body_start: int) -> Period | None:
    """The period the release reports on: the first the title, the header lines, then the body name that it can
    report on (see :func:`_could_be_reported`). An undated text's quarters named without their year are of the year
    it names most."""
    written = _years_written(doc.clean[:4000]) if dated is None else None
    ctx = PeriodContext(release_date=dated, fye_month=fye, anchor=year_period(written, fye) if written else None)
    def strict(zone: str, m: PeriodMention) -> bool:
        # a month stated in passing ("in August") is the period only where nothing longer is; a quarter named
        # without its year ("in the third quarter") is the last such quarter before the release's date
        if not m.relative:
            return m.period.kind != "month" or bool(re.search(r"\d{4}", zone[m.start:m.end]))
        return (dated is not None or written is not None) and m.period.kind == "quarter" and bool(
            re.match(r"(?i)(?:the\s+)?(?:first|second|third|fourth)[\s-]+quarter|Q[1-4]\b", zone[m.start:m.end])) \
            and not _SET_AGAINST.search(zone[max(0, m.start - 30):m.start])

    for keep in (strict, lambda _zone, m: not m.relative):  # every zone strictly first, then any stated period
        for zone in zones:
            mentions = [m for m in find_periods(zone, ctx) if not m.aside and keep(zone, m)
                        and _could_be_reported(m.period, dated, zone[m.end:m.end + 40])]
            if mentions:
                period = _quarter_of_year_end(zone, ctx, mentions[0].period)
                if period.kind == "month" and period.end_month % 3 == 0 and re.search(r"(?i)quarter", zone + doc.clean[:body_start]):
                    period = replace(period, kind="quarter")  # "quarterly report for the period ended 30 September"
                return period
    return None


def _fiscal_year_end(text: str, dated: date | None) -> int:
    """The month the issuer's fiscal year ends in: as the text states it, else as its fiscal labels must read for the
    halves and quarters it reports as done to have ended by its date, else the default of its exchange."""
    stated = stated_fiscal_year_end(text)
    if stated:
        return stated
    if dated is not None and has_fiscal_labels(text):
        return _fiscal_year_end_by_timeline(text, dated) or default_fiscal_year_end(text)
    return default_fiscal_year_end(text)


_CANDIDATE_YEAR_ENDS = (12, 6, 3)  # calendar years, then the Australian and the Indian fiscal years


def _fiscal_year_end_by_timeline(text: str, dated: date) -> int | None:
    """"the first half of the 2020 financial year" in a text dated January 2020, not looking ahead: that half has
    ended, so the year ends in June, not December. Of the year ends under which no such period ends after the date,
    the one under which they ended nearest to it; None when the calendar reading holds."""
    readings = {fye: {(m.start, m.end): m.period for m in find_periods(text, PeriodContext(release_date=dated, fye_month=fye))
                      if not m.relative and m.period.kind in {"quarter", "half"}} for fye in _CANDIDATE_YEAR_ENDS}
    shared = set.intersection(*(set(found) for found in readings.values()))
    fiscal = [span for span in shared if len({readings[fye][span] for fye in readings}) > 1
              and not FORWARD.search(_sentence_around(text, *span))]

    def cost(fye: int) -> int:
        ends = [readings[fye][span].end for span in fiscal]
        return sum(1000 if end > dated else (dated.year - end.year) * 12 + dated.month - end.month for end in ends)

    if not fiscal or cost(12) < 1000:
        return None
    best = min(_CANDIDATE_YEAR_ENDS, key=cost)
    return best if cost(best) < 1000 else None


def _sentence_around(text: str, start: int, end: int) -> str:
    opened = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    closed = min((i for i in (text.find(".", end), text.find("\n", end)) if i >= 0), default=len(text))
    return text[opened:closed]


def read_release_info(doc: SourceText) -> tuple[ReleaseInfo, list[CompanyMention]]:
    """The release's own metadata, and the issuer as a company mention."""
    body_start = header_end(doc)
    title_at = _title(doc, body_start)
    title = " ".join(doc.clean[title_at[0]:title_at[1]].split()) if title_at else None
    head_end = max(body_start, letterhead_end(doc))
    ranked = _release_date(doc, head_end, None)  # the dateline before the period is known, to place the period
    dated = ranked[1] if ranked else None
    zones = ([title] if title else []) + [doc.clean[:body_start], doc.clean[body_start:body_start + 1500]]
    fye = _fiscal_year_end(doc.clean, dated)
    # a date read before its period may be misread ("04/08/16" month first): then the period is read without it; a
    # date only the body gives ("recommenced operations on 1 June 2022") places the period only where nothing else does
    placing = dated if ranked and ranked[0] <= 3 else None
    undated = _reported_period(doc, zones, None, fye, body_start)
    if placing is not None and undated is not None and (placing - undated.end).days > 400:
        undated = None  # "Joined: Mar 2013" above a forum post of 2016: no period a release of that day reports on
        # (one that ends after the date read first may show the date misread, "04/08/16": it is kept)
    period = (_reported_period(doc, zones, placing, fye, body_start) if placing is not None else None) \
        or undated \
        or (_reported_period(doc, zones, dated, fye, body_start) if dated is not None and placing is None else None)
    final = _release_date(doc, head_end, period)
    release_date = final[1] if final else None
    issuer = _issuer(doc, title, head_end)
    span = doc.span(*title_at) if title_at else doc.span(0, min(len(doc.clean), body_start))
    website = WEBSITE.search(doc.clean)
    info = ReleaseInfo(
        span=span,
        date=release_date.isoformat() if release_date else None,
        title=title,
        issuer=issuer,
        tickers=_tickers(doc, head_end, issuer),
        website=website.group().rstrip(".") if website else None,
        address=_address(doc, body_start),
        dateline_place=_dateline_place(doc, body_start),
        reporting_period=period,
        fiscal_year_end_month=fye,
    )
    issuer_mentions: list[CompanyMention] = []
    if issuer:
        m = re.search(re.escape(issuer), doc.clean) or re.search(re.escape(issuer), doc.clean, re.IGNORECASE)
        if m:
            issuer_mentions.append(CompanyMention(doc.span(m.start(), m.end()), issuer))
    return info, issuer_mentions
