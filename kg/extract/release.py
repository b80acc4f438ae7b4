"""What a release says about itself: dateline, title, issuer, tickers, address, website."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from kg.dates import DAY_MONTH, find_dates, month_number
from kg.extract.names import company_key, find_companies
from kg.periods import Period, PeriodContext, find_periods, fiscal_year_end
from kg.records import CompanyMention, ReleaseInfo
from kg.text import SourceText

if TYPE_CHECKING:
    from kg.extract.document import ReleaseDoc

# Stock exchanges: the name a ticker is written under, then the other ways releases spell it.
EXCHANGES: dict[str, tuple[str, ...]] = {
    "TSXV": ("TSX Venture Exchange", "TSX Venture", "TSX-V", "TSXV"),
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
_AFTER_EXCHANGE = re.compile(rf"(?:\s+(?i:share\s+)?(?i:code|symbol|ticker)s?)?\s*(?:[:\-–—]|(?<=[a-z])\s)\s*(?P<sym>{SYMBOL})\b(?![a-z])")
_EXCHANGE_LIST_GAP = re.compile(r"\s*(?:[,/&]|and)\s*")
_SYMBOL_BEFORE = re.compile(rf"(?<![\w.])(?P<sym>{SYMBOL})\s*:\s*$")
_SUFFIXED = re.compile(r"(?P<sym>[A-Z][A-Z0-9]{0,5})(?P<suf>[.-][A-Z]{1,2})")
# kept for the issuer: a name written just before its listing "(TSX: ..."
EXCHANGE = "|".join(_alias_pattern(a) for a, _ex in _ALIASES)
TITLE_VERB = re.compile(
    r"\b(Announces?|Reports?|Provides|Releases|Declares|Completes|Enters|Signs|Achieves|Updates|Posts|Delivers"
    r"|Increases|Acquires|Agrees|Files|Confirms|Records|Exceeds|Produces|Results|Update|Production)\b"
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


def header_end(doc: SourceText) -> int:
    """Where the body starts: the first paragraph that reads as prose."""
    for para in doc.paragraphs:
        if len(para.text) >= 200 and "\t" not in para.text and para.text.count(".") >= 1:
            return para.start
    return min(len(doc.clean), 600)


def _release_date(doc: SourceText, body_start: int, period: Period | None) -> date | None:
    clean = doc.clean
    window = clean[: max(body_start, 0) + 400]
    for start, _end, value in find_dates(window):
        if not re.search(r"(?i)(ended|ending|as at|as of|dated|since)\s*$", window[max(0, start - 20):start]):
            return value
    m = DAY_MONTH.search(clean[body_start:body_start + 200]) if body_start < len(clean) else None
    if m:
        month, day = month_number(m.group("m")), int(m.group("d"))
        years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", clean)]
        if period is not None:
            year = period.end.year + (1 if (month, day) <= (period.end.month, period.end.day) else 0)
        elif years:
            year = max(years)
        else:
            return None
        try:
            return date(year, month, day)
        except ValueError:
            return None
    for start, _end, value in find_dates(clean):
        if not re.search(r"(?i)(ended|ending|as at|as of)\s*$", clean[max(0, start - 20):start]):
            return value
    return None


def _title(doc: SourceText, body_start: int) -> tuple[int, int] | None:
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.clean[:body_start])]
    candidates = [(s, e) for s, e in lines if not _NOT_TITLE.match(doc.clean[s:e]) and len(doc.clean[s:e].split()) >= 4
                  and not (any(find_dates(doc.clean[s:e])) and len(doc.clean[s:e].split()) <= 7)]
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


def _issuer(doc: SourceText, title: str | None, body_start: int) -> str | None:
    if title:
        found = find_companies(title)
        if found:
            return found[0][2]
    head = doc.clean[: body_start + 600]
    listed = re.search(rf"(?P<name>(?:[A-Z][\w&'’.-]*(?:[ \t]+\n?[ \t]*|\n[ \t]*)){{1,6}}?)\(\s*(?i:{EXCHANGE})\s*(?:code|symbol)?\s*[:\-]", head)
    found = find_companies(head)
    if listed:
        name = listed.group("name").strip().rstrip(",")
        for _s, _e, company in found:
            if company_key(company) == company_key(name):
                return company
        return re.sub(r"^(?:The\s+)", "", name)
    if found:
        return found[0][2]
    counts: dict[str, tuple[int, str]] = {}
    for _s, _e, company in find_companies(doc.clean):
        n, first = counts.get(company_key(company), (0, company))
        counts[company_key(company)] = (n + 1, first)
    if counts:
        return max(counts.values(), key=lambda c: c[0])[1]
    return None


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
    for m in EXCHANGE_NAME.finditer(text):
        if run and not _EXCHANGE_LIST_GAP.fullmatch(text, run[-1][0].end(), m.start()):
            run = []
        run.append((m, _exchange(m)))
        after = _AFTER_EXCHANGE.match(text, m.end())
        if after and not EXCHANGE_NAME.fullmatch(after.group("sym")):
            found.extend((x.start(), after.end(), f"{ex}:{after.group('sym')}") for x, ex in run)
            run = []
            continue
        before = _SYMBOL_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if before and not EXCHANGE_NAME.fullmatch(before.group("sym")) and not _AFTER_EXCHANGE.match(text, m.end()):
            found.append((before.start(), m.end(), f"{run[-1][1]}:{before.group('sym')}"))
            run = []
    for group in re.finditer(r"\(([^()]{3,60})\)", text):
        parts = [p.strip() for p in re.split(r"[,;]", group.group(1))]
        codes = [_SUFFIXED.fullmatch(p) for p in parts]
        if all(c and c.group("suf") in EXCHANGE_SUFFIXES for c in codes):
            found.extend((group.start(), group.end(), f"{EXCHANGE_SUFFIXES[c.group('suf')]}:{c.group('sym')}")
                         for c in codes if c)
    return sorted(found)


def _tickers(doc: SourceText, body_start: int, issuer: str | None) -> tuple[str, ...]:
    zone = doc.clean[: body_start + 400]
    out: list[str] = []
    first_word = (company_key(issuer or "").split() or [""])[0]
    for start, _end, ticker in find_tickers(zone):
        if start >= body_start:
            before = doc.clean[max(0, start - 120):start]
            if first_word and first_word not in before.lower():
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


def read_release_info(doc: SourceText) -> tuple[ReleaseInfo, list[CompanyMention]]:
    """The release's own metadata, and the issuer as a company mention."""
    body_start = header_end(doc)
    title_at = _title(doc, body_start)
    title = " ".join(doc.clean[title_at[0]:title_at[1]].split()) if title_at else None
    ctx = PeriodContext(fye_month=fiscal_year_end(doc.clean))
    period = None
    for zone in ([title] if title else []) + [doc.clean[body_start:body_start + 1500]]:
        mentions = [m for m in find_periods(zone, ctx) if not m.relative]
        if mentions:
            period = _quarter_of_year_end(zone, ctx, mentions[0].period)
            if period.kind == "month" and period.end_month % 3 == 0 and re.search(r"(?i)quarter", zone):
                period = replace(period, kind="quarter")  # "quarterly report for the period ended 30 September"
            break
    release_date = _release_date(doc, body_start, period)
    issuer = _issuer(doc, title, body_start)
    span = doc.span(*title_at) if title_at else doc.span(0, min(len(doc.clean), body_start))
    website = WEBSITE.search(doc.clean)
    info = ReleaseInfo(
        span=span,
        date=release_date.isoformat() if release_date else None,
        title=title,
        issuer=issuer,
        tickers=_tickers(doc, body_start, issuer),
        website=website.group().rstrip(".") if website else None,
        address=_address(doc, body_start),
        dateline_place=_dateline_place(doc, body_start),
        reporting_period=period,
    )
    issuer_mentions: list[CompanyMention] = []
    if issuer:
        m = re.search(re.escape(issuer), doc.clean)
        if m:
            issuer_mentions.append(CompanyMention(doc.span(m.start(), m.end()), issuer))
    return info, issuer_mentions
