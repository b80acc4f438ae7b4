"""Operating figures and guidance stated in sentences.

Each sentence's quantities are read with :func:`kg.extract.figures.classify`
and placed in a period: the period named right after the figure ("52,000
ounces in Q2 2006"), else the last one named before it in the sentence
("This compares to the third quarter of 2003 when the mill processed ..."),
else the period the paragraph is about, else the release's reporting
period. Forward-looking clauses yield guidance, never actuals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract.document import ReleaseDoc
from kg.extract.figures import FORWARD, Reading, classify
from kg.extract.tables import is_table_row
from kg.periods import Period, PeriodMention, find_periods, year_period
from kg.quantities import Quantity, find_quantities, parse_number
from kg.records import Guidance, Measurement
from kg.text import Sentence
from kg.vocabulary import find_metals

_CLAUSE_BREAK = re.compile(r";|\bwhile\b|\bwhereas\b|,\s*(?:and|but)\s+(?=\w+\s+(?:expect|anticipat|forecast|plan))", re.IGNORECASE)
_COMPARISON_START = re.compile(r"^\W*(?:this|that|these)\s+compares?|^\W*(?:by|in)\s+comparison|^\W*compared", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:to|-|–|—|and)\s*$")
_FOLLOWING_GAP = re.compile(r"^[^,;()\d]{0,40}?\b(?:in|for|during|over|through|at)\s+(?:the\s+)?$", re.IGNORECASE)
_BARE_GAP = re.compile(r"^(?![^,;()\d]*\b(?:compar\w*|versus|vs|against|from|than|up|down)\b)[^,;()\d]{0,40}$", re.IGNORECASE)
_PREPOSITION_FIRST = re.compile(r"(?i)^(?:in|for|during|over|through)\b")
_COMPARED_WITH = re.compile(r"(?i)\b(?:than|compared\s+(?:with|to)|versus|vs\.?|against|from|over)\s+(?:in\s+|with\s+)?(?:the\s+)?$")
_YEAR_EARLIER = re.compile(r"(?i)^a\s+year\s+(?:earlier|ago|before)\b")
_OTHER_COMPANY = re.compile(r"(?i)\b(?:rivals?|competitors?|peers?|peer\s+group)\b")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class _Figure:
    quantity: Quantity
    reading: Reading
    low: float  # equals the value unless the text gives a range
    period: Period | None
    site: str | None
    forward: bool


def _period_for(q: Quantity, text: str, mentions: list[PeriodMention], fallback: Period | None) -> Period | None:
    for mention in mentions:
        if mention.start >= q.end:
            gap = text[q.end:mention.start]
            named = text[mention.start:mention.end]
            if _FOLLOWING_GAP.match(gap) or (_PREPOSITION_FIRST.match(named) and _BARE_GAP.match(gap)) or (
                    _YEAR_EARLIER.match(named) and not gap.strip()):
                return mention.period
            break
    before = [m for m in mentions if m.end <= q.start and not _closed_aside(text, m.end, q.start)]
    return before[-1].period if before else fallback


def _closed_aside(text: str, start: int, end: int) -> bool:
    """A parenthesis closes between ``start`` and ``end`` that opened before ``start``: "(first half of 2010: 64,315 ounces) and sold"."""
    depth = 0
    for ch in text[start:end]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return True
    return False


def _range_start(q: Quantity, nxt: Quantity) -> bool:
    """``q`` opens a range ending at ``nxt``: "200,000 to 215,000 ounces", "US$900 to US$975 per ounce"."""
    if not q.unit:
        return not _YEAR.match(q.number_text)
    return q.unit.isupper() and (nxt.unit == q.unit or nxt.unit.startswith(q.unit + "/"))


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    return list(zip(cuts, cuts[1:]))


def _sentence_figures(doc: ReleaseDoc, sentence: Sentence, anchor: Period | None) -> list[_Figure]:
    text = sentence.text
    mentions = list(find_periods(text, replace(doc.period_context(), anchor=anchor)))
    quantities = find_quantities(text, doc.currency)
    clauses = _clauses(text)
    paragraph_start = doc.text.paragraphs[sentence.paragraph].start
    earlier = doc.text.clean[paragraph_start:sentence.start]  # a metal named in an earlier sentence still holds
    named = [(m.start, m.end) for m in mentions] + [  # periods and mines, which a restatement may name
        (start - sentence.start, start - sentence.start + len(record.name))
        for start, record in doc.mine_mentions if sentence.start <= start < sentence.end]
    out: list[_Figure] = []
    skip_next = False
    for i, q in enumerate(quantities):
        if skip_next:
            skip_next = False
            continue
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        low = None
        if nxt and _range_start(q, nxt) and _RANGE_GAP.match(text[q.end:nxt.start]):
            factor = nxt.value / parse_number(nxt.number_text) if parse_number(nxt.number_text) else 1.0
            low = q.value if q.unit else parse_number(q.number_text) * factor
            q, skip_next = nxt, True
            nxt = quantities[i + 2] if i + 2 < len(quantities) else None
        if not q.unit:
            continue
        prev_end = out[-1].quantity.end if out else 0
        clause_start, clause_end = next((s, e) for s, e in clauses if s <= q.start < e)
        before = text[max(prev_end, clause_start):q.start]
        after = text[q.end:nxt.start if nxt else len(text)]
        reading = classify(q, before, after, text[:q.start], earlier)
        if out and (_ASIDE_OPEN.search(before) or reading is None and _restates_previous(
                before, named, max(prev_end, clause_start))):
            # "R638.2 million (Q2 F2006: R561.4 million)", "$4.85 a pound from $5.31", "R6,310 per ounce (US$1,018
            # per ounce)", "the Capreol North mine produced 214,600 tonnes of ore and the Skead mine 181,300 tonnes"
            reading = _same_measure(out[-1].reading, q.unit) or reading
        if reading is None:
            continue
        reading = reading.with_principal_metal(doc.principal_metal)
        clause = text[clause_start:clause_end]
        forward = bool(FORWARD.search(clause)) or low is not None
        site = doc.site_before(sentence.start + q.start, paragraph_start) or doc.default_site()
        if reading.metric in {"cash_cost", "aisc", "unit_cost", "realized_price", "revenue"}:
            site = doc.site_before(sentence.start + q.start, sentence.start)
        period = _period_for(q, text, mentions, anchor)
        out.append(_Figure(q, reading, low if low is not None else q.value, period, site, forward))
    return out


_ASIDE_OPEN = re.compile(r"\(\s*(?:[^()\d]{0,40}:\s*)?$")  # "(" or "(Q2 2010: " right before a figure


def _same_measure(previous: Reading, unit: str) -> Reading | None:
    """The previous figure's reading for a restatement in ``unit``: the same unit, its currency alone, or another currency per the same unit."""
    if unit == previous.unit or unit == previous.unit.split("/")[0]:
        return previous
    if "/" in unit and "/" in previous.unit and unit.split("/")[1] == previous.unit.split("/")[1]:
        return replace(previous, unit=unit)
    return None


_CONNECTIVE = {"vs", "versus", "compared", "with", "to", "from", "and", "the", "was", "were", "in", "for", "against",
               "of", "or", "respectively", "last", "year", "quarter", "period", "same", "prior", "previous",
               "ore", "tonnes", "tons", "ounces", "pounds", "mine", "mill", "pit", "operation"}


_RESTATING = re.compile(r"(?i)\b(?:up|down|higher|lower|increased|decreased|rose|fell|improved|declined)\s+from\b"
                        r"|\bper\s+(?:ounce|oz|pound|lb|tonne|ton|t)\b(?:\s+of)?")


def _restates_previous(before: str, named: list[tuple[int, int]], offset: int) -> bool:
    """Only connectives, periods and mine names stand between this figure and the one before it.

    "up from" and "down from" restate the figure for another period (a bare
    "up" is a change); the metal and the per-unit words of the first figure
    may be repeated ("$612 per ounce of gold, compared with $640").
    """
    chars = list(before)
    blanks = [(start - offset, end - offset) for start, end in named]
    blanks += [(m.start(), m.end()) for m in _RESTATING.finditer(before)]
    blanks += [(start, end) for start, end, _ in find_metals(before)]
    for start, end in blanks:
        for i in range(max(start, 0), min(end, len(chars))):
            chars[i] = " "
    words = re.findall(r"[A-Za-z]{2,}", "".join(chars))
    return all(w.lower() in _CONNECTIVE for w in words)


def _anchor_after(doc: ReleaseDoc, sentence: Sentence, anchor: Period | None, figures: list[_Figure]) -> Period | None:
    """The period the next sentence of the paragraph is about: that of this one's first figure, else the first it names."""
    if _COMPARISON_START.match(sentence.text):
        return anchor
    if re.match(r"\s*[•*\-–]\s", sentence.text):
        return doc.info.reporting_period  # list items stand alone
    if figures and figures[0].period is not None and not figures[0].forward:
        return figures[0].period  # "... fell to $4.85 from $5.31 in the previous quarter": still this quarter
    mentions = [m for m in find_periods(sentence.text, replace(doc.period_context(), anchor=anchor))
                if not _COMPARED_WITH.search(sentence.text[max(0, m.start - 30):m.start])]
    return mentions[0].period if mentions else anchor  # "31% lower than in the second quarter of 2000" is not the topic


def _guidance_period(doc: ReleaseDoc, figure: _Figure) -> Period | None:
    if figure.period is not None and figure.period != doc.info.reporting_period:
        return figure.period
    release_date = doc.release_date
    return year_period(release_date.year) if release_date else figure.period


def extract_prose_figures(doc: ReleaseDoc) -> list[Measurement | Guidance]:
    """Measurements and guidance from every sentence outside tables."""
    out: list[Measurement | Guidance] = []
    anchor = doc.info.reporting_period
    paragraph = -1
    for sentence in doc.text.sentences:
        if sentence.paragraph != paragraph:
            paragraph, anchor = sentence.paragraph, doc.info.reporting_period
        if is_table_row(sentence.text):
            continue
        span = doc.text.span(sentence.start, sentence.end)
        # "smaller rival Larder Metals ... produced 6,300 tonnes": not the issuer's figures
        figures = [] if _OTHER_COMPANY.search(sentence.text) else _sentence_figures(doc, sentence, anchor)
        for figure in figures:
            r = figure.reading
            if figure.forward:
                period = _guidance_period(doc, figure)
                if period is not None:
                    out.append(Guidance(span, r.metric, figure.low, figure.quantity.value, r.unit, period, r.metal,
                                        figure.site))
            elif figure.period is not None:
                out.append(Measurement(span, r.metric, figure.quantity.value, r.unit, figure.period, r.metal,
                                       figure.site, r.basis))
        anchor = _anchor_after(doc, sentence, anchor, figures)
    return out

