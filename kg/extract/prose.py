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
from kg.extract.figures import CHANGE_BEFORE, FORWARD, NOT_A_FIGURE, Reading, classify
from kg.extract.tables import is_table_row
from kg.periods import Period, PeriodMention, find_periods, year_period
from kg.quantities import PER_UNIT, Quantity, find_quantities, parse_number, unit_definitions
from kg.read.text import BULLET, Sentence
from kg.records import Guidance, Measurement
from kg.vocabulary import find_metals

_CLAUSE_BREAK = re.compile(r";|\bwhile\b|\bwhereas\b|,\s*(?:and|but)\s+(?=\w+\s+(?:expect|anticipat|forecast|plan))", re.IGNORECASE)
_COMPARISON_START = re.compile(r"^\W*(?:this|that|these)\s+compares?|^\W*(?:by|in)\s+comparison|^\W*compared", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^[-–]?\s*(?:to|-|–|—|and)\s*$")  # "138- to 145-million pounds": the first number hyphenated too
_FOLLOWING_GAP = re.compile(r"^[^,;()\d]{0,40}?\b(?:in|for|during|over|through|at)\s+(?:the\s+)?$", re.IGNORECASE)
_BARE_GAP = re.compile(r"^(?![^,;()\d]*\b(?:compar\w*|versus|vs|against|from|than|up|down)\b)[^,;()\d]{0,40}$", re.IGNORECASE)
_PREPOSITION_FIRST = re.compile(r"(?i)^(?:in|for|during|over|through)\b")
_COMPARED_WITH = re.compile(r"(?i)\b(?:than|compared\s+(?:with|to)|versus|vs\.?|against|from|over)\s+(?:in\s+|with\s+)?(?:the\s+)?$"
                            r"|\b(?:up|down|higher|lower|increase|decrease|rise|fall|improvement)\b[^,;()]{0,15}\bon\s+(?:the\s+)?$")
_YEAR_EARLIER = re.compile(r"(?i)^a\s+year\s+(?:earlier|ago|before)\b")
_OF_WHAT = re.compile(r"(?i)\s*(?:of\s+(?:[a-z]+[- ]){0,2}?(?:ore|coal|concentrate|metal|[a-z]+)\s*)?")  # "6.8 Mt of ore a year earlier"
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
    clause_year: int | None = None  # the one calendar year the figure's clause names, if it names one
    clause_fiscal: bool = False  # the clause names a fiscal year ("FY24", "2021-22"), which has no calendar period


def _period_for(q: Quantity, text: str, mentions: list[PeriodMention], fallback: Period | None,
                clause_start: int = 0) -> Period | None:
    for mention in mentions:
        if mention.start >= q.end:
            gap = text[q.end:mention.start]
            named = text[mention.start:mention.end]
            if _FOLLOWING_GAP.match(gap) or (_PREPOSITION_FIRST.match(named) and _BARE_GAP.match(gap)) or (
                    _YEAR_EARLIER.match(named) and _OF_WHAT.fullmatch(gap)):
                return mention.period
            break
    before = [m for m in mentions if m.end <= q.start and not _closed_aside(text, m.end, q.start)
              and not _changed_from_period(text, m, q)
              and not ((m.end <= clause_start or "," in text[m.end:q.start]) and _is_comparison(text, m))]
    # a comparison is the period of its own figure only: not of one in a later clause, nor of one after the comma
    # that closes it ("1,379 tonnes, up 11% on the June quarter, and 52 tonnes of cobalt")
    compared = _compared_list_period(q, text, mentions, before[-1].end if before else 0)
    if compared is not None:
        return compared
    if _CHANGED_FROM.search(text[max(0, q.start - 60):q.start]) or not before and (
            re.search(r"(?i)\bfrom\s+(?:about\s+|approximately\s+)?$", text[max(0, q.start - 20):q.start])
            and _CHANGED_TO.match(text, q.end)):
        return None  # "rose to $52.1 million from $50.0 million", "rose from 120,000 dmt to 150,000 dmt": the figure it
        # changed from, for a period not named
    return before[-1].period if before else fallback


def _is_comparison(text: str, mention: PeriodMention) -> bool:
    """The period a figure is set against ("from $22.10/t a year ago", "compared with the first quarter"), which
    holds for that figure only, not for those of the clauses after it."""
    return bool(_YEAR_EARLIER.match(text[mention.start:mention.end]) or _COMPARED_WITH.search(text[max(0, mention.start - 30):mention.start]))


def _changed_from_period(text: str, mention: PeriodMention, q: Quantity) -> bool:
    """"decreased by 5% from the previous comparable quarter to 60,000 ounces": the period a change is measured from,
    not the figure's, which is the one the sentence is about."""
    return bool(re.search(r"(?i)\bfrom\s+(?:the\s+|its\s+)?(?:[a-z-]+\s+){0,2}$", text[max(0, mention.start - 40):mention.start])
                and re.fullmatch(r"(?i)[\s,]*(?:levels?\s+|figures?\s+)?to\s+(?:about\s+|approximately\s+|around\s+|some\s+)?",
                                 text[mention.end:q.start]))


# "from X to": the figure before is what the one after changed from
_CHANGED_TO = re.compile(r"(?i)\s+to\s+(?:about\s+|approximately\s+)?[$A-Z]{0,3}\d")
# "... to X from": the figure after is what the one before changed from
_CHANGED_FROM = re.compile(r"(?i)\b(?:to|at)\s+\S*\d[^;()]{0,40}?\bfrom\s+(?:the\s+)?$")


_COMPARISON = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|versus|vs\.?|against)\b")


def _compared_list_period(q: Quantity, text: str, mentions: list[PeriodMention], since: int) -> Period | None:
    """A figure in the list set against the first ("... 6.7 million pounds of zinc, compared to 1.9 million ounces of silver,
    ... and 4.9 million pounds of zinc in the prior year quarter") takes the period that closes the list."""
    cue = None
    for cue in _COMPARISON.finditer(text, since, q.start):
        pass
    if cue is None or ";" in text[cue.end():q.start]:
        return None
    after = next((m for m in mentions if m.start >= q.end), None)
    if after is None or not _PREPOSITION_FIRST.match(text[after.start:after.end]) and not re.search(
            r"(?i)\b(?:in|for|during)\s+(?:the\s+)?$", text[q.end:after.start]):
        return None
    gap = text[q.end:after.start]
    return after.period if ";" not in gap and _COMPARISON.search(gap) is None else None


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


def _scale_of(q: Quantity) -> float:
    """The factor between a quantity's value and its number as written ("2.4 million ounces": a million)."""
    written = parse_number(q.number_text)
    return q.value / written if written else 1.0


def _sharing_unit(q: Quantity, nxt: Quantity) -> Quantity:
    """A bare number read in the unit (and scale) of the number joined to it ("2.0 and 2.4 million ounces")."""
    return replace(q, value=parse_number(q.number_text) * _scale_of(nxt), unit=nxt.unit, qualifier=nxt.qualifier)


def _range_start(q: Quantity, nxt: Quantity, before: str = "") -> bool:
    """``q`` opens a range ending at ``nxt``: "200,000 to 215,000 ounces", "US$900 to US$975 per ounce", "216 000 t to
    220 000 t" (not "from 5,100 t to 5,400 t" nor "increased from 2.98 to 3.02 million tonnes", a change)."""
    if re.search(r"(?i)\b(?:increas\w*|decreas\w*|ros\w*|risen|fell|fallen|declin\w*|grew|grown|improv\w*|dropp?\w*|climb\w*"
                 r"|jump\w*|slipp?\w*|eas\w*|up|down|higher|lower)\s+(?:\w+\s+){0,2}from\s*$", before):
        return False
    if not q.unit:
        return not _YEAR.match(q.number_text)
    if q.unit.isupper() or q.unit == "$":
        return nxt.unit == q.unit or nxt.unit.startswith(q.unit + "/")
    return nxt.unit == q.unit and not re.search(r"(?i)\bfrom\s*$", before)


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    return list(zip(cuts, cuts[1:]))


_RESPECTIVELY = re.compile(r"(?i)\brespectively\b|\bin\s+that\s+order\b")
_LIST_GAP = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?$")
# the cues a list of figures may share one per figure: "cash cost and AISC per ounce of $4.46 and $15.29, respectively"
_LIST_METRIC_CUE = re.compile(
    r"(?i)\b(?:all-in[- ]sustaining\s+costs?|AISC|all-in[- ]costs?|AIC|cash\s+(?:operating\s+)?costs?|realized\s+prices?"
    r"|realised\s+prices?|production|output|produced|sales|sold|revenues?)\b")


@dataclass(frozen=True)
class _Listed:
    """A figure in a list distributed by "respectively": the shared head of the list and this figure's item."""
    head: str
    metal: str | None
    period: Period | None


def _listed_figures(text: str, quantities: list[Quantity], mentions: list[PeriodMention],
                    clauses: list[tuple[int, int]]) -> dict[int, _Listed]:
    """"Silver and gold sales of A and B, respectively", "A and B in the quarter and the half, respectively":
    the i-th figure of the list takes the i-th metal, period or metric cue named with it."""
    out: dict[int, _Listed] = {}
    for marker in _RESPECTIVELY.finditer(text):
        clause_start = next(s for s, e in clauses if s <= marker.start() < e)
        run: list[Quantity] = []
        for q in quantities:
            if not q.unit or q.start < clause_start or q.end > marker.start():
                continue
            if run and not _LIST_GAP.match(text[run[-1].end:q.start]):
                run = []
            run.append(q)
        if len(run) < 2:
            continue
        n, head_start, head_end = len(run), clause_start, run[0].start
        head = text[head_start:head_end]
        metals = [m for _, _, m in find_metals(head)]
        metals = list(dict.fromkeys(metals)) if len(set(metals)) == len(metals) else metals
        periods_after = [m.period for m in mentions if run[-1].end <= m.start and m.end <= marker.start()]
        periods_head = [m.period for m in mentions if head_start <= m.start and m.end <= head_end]
        periods = periods_after if len(periods_after) == n else periods_head if len(periods_head) == n else []
        cues = list(_LIST_METRIC_CUE.finditer(head))
        for i, q in enumerate(run):
            own_head = head
            if len(cues) == n:  # each figure keeps its own cue, the others are blanked
                chars = list(head)
                for j, cue in enumerate(cues):
                    if j != i:
                        chars[cue.start():cue.end()] = " " * (cue.end() - cue.start())
                own_head = "".join(chars)
            out[q.start] = _Listed(own_head, metals[i] if len(metals) == n else None, periods[i] if periods else None)
    return out


# words that set a figure against a forward-looking one instead of stating it: "exceeded guidance", "in line with the forecast"
_MEASURED_AGAINST = re.compile(
    r"(?i)\b(?:exceed\w*|beat|beating|surpass\w*|above|below|ahead\s+of|short\s+of|within|inside|outside|in\s+line\s+with"
    r"|consistent\s+with|against|versus|vs\.?|compared\s+(?:with|to)|than|met|meet\w*|achiev\w*|reach\w*|top\s+end\s+of"
    r"|upper\s+end\s+of|lower\s+end\s+of|low\s+end\s+of|high\s+end\s+of|on\s+track\s+(?:to|for)|missed|miss)\b")
_SUPERSEDED = re.compile(r"(?i)^\W*(?:\w+\s+){0,2}?(?:previously|originally|earlier|prior|initially)\b")
_PREVIOUS_BEFORE = re.compile(
    r"(?i)(?:\b(?:down|up|lower|higher|reduced|increased|revised|cut|raised|lowered|narrowed)\s+from|\bprevious(?:ly)?|\bprior"
    r"|\boriginal(?:ly)?|\bearlier|\binitial(?:ly)?)\b[^\d;()]{0,50}$")
_REVISED = re.compile(r"(?i)\b(?:revis\w*|lower\w*|rais\w*|cut|reduc\w*|increas\w*|narrow\w*|updat\w*|chang\w*)\b")
_GOVERNED_GAP = re.compile(r"(?i)^[\s,]*(?:(?:of|at|is|was|for|to|between|range|ranges?|from|approximately|about|around|some|c\.|circa"
                           r"|the|a|an|and|production|output|sales|\d{4}|full[- ]year|annual|[a-z]+)\s*){0,6}$")


def _forward_scope(text: str, clause_start: int, clause_end: int, start: int, end: int) -> str:
    """Whether the figure at ``start:end`` is forward-looking: "forward", "actual", "superseded" or "" (no cue in its clause).

    A forward cue governs the figures after it in its clause ("expects 2013 production of 330,000 ounces"), unless
    it is itself the thing a figure is measured against ("in line with guidance, production was ..."); a cue right
    after a figure governs it only when nothing but a copula stands between ("200-210 koz guidance", "... is
    expected"); a figure set against the cue ("145.7 kt exceeded guidance of 130-140 kt") is an actual."""
    cues = [m for m in FORWARD.finditer(text, clause_start, clause_end)]
    if not cues:
        return ""
    if re.match(r"(?i)[\s,]*(?:previously|earlier|formerly|before)\b", text[end:]) or re.search(
            r"(?i)\b(?:cut|lowered|raised|revised|reduced|increased|narrowed)\b[^;]*\d[^;]*\bfrom\s*$", text[clause_start:start]):
        return "superseded"  # "cut its copper target to 23,000 tonnes, from 26,000 to 28,000 tonnes previously"
    before = [m for m in cues if m.end() <= start]
    after = [m for m in cues if m.start() >= end]
    if after and _SUPERSEDED.match(text[end:after[0].start()]):
        return "superseded"
    if before and _PREVIOUS_BEFORE.search(text[clause_start:start]):
        return "superseded"  # "down from its January guidance of 180,000 to 195,000 ounces"
    if before and _REVISED.search(text[clause_start:start]) and text.count("(", clause_start, start) > text.count(")", clause_start, start):
        return "superseded"  # "target revised to 11,500 ounces (previous target of 15,000 ounces)"
    for cue in reversed(before):
        gap = text[cue.end():start]
        against = _MEASURED_AGAINST.search(text[max(clause_start, cue.start() - 25):cue.start()])
        if not against or _GOVERNED_GAP.match(gap) and not re.search(r"[,;:]", gap):
            return "forward"
    if after:
        gap = text[end:after[0].start()]
        if len(gap) <= 30 and not _MEASURED_AGAINST.search(gap) and not re.search(r"[,;()]|\d", gap):
            return "forward"
    return "actual"


def _sentence_figures(doc: ReleaseDoc, sentence: Sentence, anchor: Period | None,
                      units: dict[str, tuple[str, float]] | None = None) -> list[_Figure]:
    text = sentence.text
    mentions = list(find_periods(text, replace(doc.period_context(), anchor=anchor)))
    quantities = find_quantities(text, doc.currency, units)
    clauses = _clauses(text)
    paragraph_start = doc.text.paragraphs[sentence.paragraph].start
    earlier = doc.text.clean[paragraph_start:sentence.start]  # a metal named in an earlier sentence still holds
    named = [(m.start, m.end) for m in mentions] + [  # periods and mines, which a restatement may name
        (start - sentence.start, start - sentence.start + len(record.name))
        for start, record in doc.mine_mentions if sentence.start <= start < sentence.end]
    listed = _listed_figures(text, quantities, mentions, clauses)
    out: list[_Figure] = []
    skip_next = False
    for i, q in enumerate(quantities):
        if skip_next:
            skip_next = False
            continue
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if i and _restates_a_change(text, quantities[i - 1], q):
            continue  # "an increase of 15% (5,020 ounces)", "decreased by 3% or US$31 per ounce to US$914"
        low = None
        gap = text[q.end:nxt.start] if nxt else ""
        if nxt and q.start not in listed and _range_start(q, nxt, text[max(0, q.start - 40):q.start]) and _RANGE_GAP.match(gap) and (
                "and" not in gap or re.search(r"(?i)\bbetween\s*$", text[max(0, q.start - 12):q.start])):
            low = q.value if q.unit else parse_number(q.number_text) * _scale_of(nxt)
            range_start = q.start
            q, skip_next = nxt, True
            nxt = quantities[i + 2] if i + 2 < len(quantities) else None
        if not q.unit and nxt is not None and nxt.unit and re.fullmatch(r"\s+(?:and|or)\s+", gap) and not _YEAR.match(q.number_text):
            q = _sharing_unit(q, nxt)  # "1,200 and 1,225 tonnes per day, respectively": both are rates
        if not q.unit:
            continue
        prev_end = out[-1].quantity.end if out else 0
        clause_start, clause_end = next((s, e) for s, e in clauses if s <= q.start < e)
        before = text[max(prev_end, clause_start):range_start if low is not None else q.start]  # a range's cue precedes its low end
        per = _PER_IN_CUE.search(before[-90:]) if "/" not in q.unit and (q.unit.isupper() or q.unit == "$") else None
        if per:  # "Cash costs per ounce of gold sold ... between $1,050 to $1,120": the cue says what each dollar is per
            q = replace(q, unit=f"{q.unit}/{PER_UNIT[per.group(1).lower().rstrip('s')]}")
        after = text[q.end:nxt.start if nxt else len(text)]
        item = listed.get(q.start)
        if item is not None:
            reading = classify(q, item.head, after, text[:q.start], earlier)
            if reading is not None and item.metal is not None:
                reading = replace(reading, metal=item.metal)
        else:
            reading = classify(q, before, after, text[:q.start], earlier)
        if item is None and out and (_ASIDE_OPEN.search(before) or reading is None and _restates_previous(
                before, named, max(prev_end, clause_start)) and not NOT_A_FIGURE.match(after.strip()[:25])):
            # "R638.2 million (Q2 F2006: R561.4 million)", "$4.85 a pound from $5.31", "R6,310 per ounce (US$1,018
            # per ounce)", "the Capreol North mine produced 214,600 tonnes of ore and the Skead mine 181,300 tonnes"
            reading = _same_measure(out[-1].reading, q.unit, before) or reading
        compared = _compared_figure(before, named, max(prev_end, clause_start), q.unit, out) if item is None else None
        if compared is not None:
            # "301 Mt was railed in FY2021, compared to 295 Mt in FY2020", "mined 7.1 Mt of ore, compared with 6.8 Mt
            # of ore": the figure set against one before it measures what that one does
            reading = compared
        if reading is None or _attributable_aside(text, q):
            continue
        reading = reading.with_principal_metal(doc.principal_metal)
        if reading.metal is None and reading.metric in _METAL_METRICS:
            continue  # an output whose metal the release never names
        scope = _forward_scope(text, clause_start, clause_end, range_start if low is not None else q.start, q.end)
        if scope == "superseded":
            continue  # "to 55,000-60,000 t, from 60,000-75,000 t previously forecast": the old range is no longer guidance
        forward = scope == "forward" or low is not None and scope != "actual"
        site = doc.site_before(sentence.start + q.start, paragraph_start) or doc.default_site()
        if reading.metric in {"cash_cost", "aisc", "aic", "unit_cost", "realized_price", "revenue"}:
            site = doc.site_before(sentence.start + q.start, sentence.start)
        period = _period_for(q, text, mentions, anchor, clause_start)
        if item is not None and item.period is not None and _compared_list_period(q, text, mentions, 0) is None:
            period = item.period
        clause_text = text[clause_start:clause_end]
        years = {int(y.number_text) for y in quantities
                 if not y.unit and _YEAR.match(y.number_text) and clause_start <= y.start < clause_end
                 and not _FISCAL_YEAR_AFTER.match(text, y.end)}
        out.append(_Figure(q, reading, low if low is not None else q.value, period, site, forward,
                           years.pop() if len(years) == 1 else None, bool(_FISCAL_YEAR.search(clause_text))))
    return _parallel_to_the_first(text, out)


_PER_IN_CUE = re.compile(r"(?i)\b(?:costs?|AISC|AIC|prices?|revenue)\s+per\s+(?:[a-z]+\s+)?(ounces?|oz|pounds?|lb|tonnes?|tons?)\b")
_CHANGE_RESTATED = re.compile(r"\s*(?:\(\s*|,?\s*or\s+(?:about\s+|approximately\s+|some\s+)?)")


def _restates_a_change(text: str, previous: Quantity, q: Quantity) -> bool:
    """``q`` gives the change ``previous`` states as a percentage in another unit: "up 15% (5,020 ounces)"."""
    return previous.unit == "%" and q.unit != "%" and bool(_CHANGE_RESTATED.fullmatch(text, previous.end, q.start)) and bool(
        CHANGE_BEFORE.search(text[max(0, previous.start - 40):previous.start]))


def _parallel_to_the_first(text: str, figures: list[_Figure]) -> list[_Figure]:
    """A list set against another of as many figures in the same units ("38,450 ounces of gold and 1.2 million ounces
    of silver, compared to 35,100 ounces and 1.1 million ounces") measures, figure by figure, what the first does."""
    cues = list(_COMPARISON.finditer(text))
    if len(cues) != 1:
        return figures
    first = [f for f in figures if f.quantity.end <= cues[0].start()]
    second = [f for f in figures if f.quantity.start >= cues[0].end()]
    if len(first) < 2 or len(first) != len(second) or any(a.quantity.unit != b.quantity.unit for a, b in zip(first, second)):
        return figures
    mirrored = {id(b): replace(b, reading=replace(b.reading, metric=a.reading.metric, metal=a.reading.metal))
                for a, b in zip(first, second)}
    return [mirrored.get(id(f), f) for f in figures]


_ATTRIBUTABLE = re.compile(r"(?i)\battributable\b|\b(?:our|its|the\s+company'?s|\d+(?:\.\d+)?\s*%)\s+(?:share|interest|basis)\b"
                           r"|\bequity\s+(?:basis|share)\b|\bnet\s+to\s+(?:the\s+)?(?:company|us)\b")


def _attributable_aside(text: str, q: Quantity) -> bool:
    """The figure stands in a parenthesis that gives it on an ownership basis ("52,000 ounces (39,000 ounces attributable)"):
    the figure on the 100% basis is the fact, the share of it is not another one."""
    opened = text.rfind("(", 0, q.start)
    if opened < 0 or text.rfind(")", 0, q.start) > opened:
        return False
    closed = text.find(")", q.end)
    return bool(_ATTRIBUTABLE.search(text[opened:closed if closed >= 0 else len(text)]))


_METAL_METRICS = {"production", "refined_production", "sales", "concentrate_production", "concentrate_grade"}
# "(", "(Q2 2010: " or "(up 12% from Q1 2022: " right before a figure: the figure it follows, for another period
_ASIDE_OPEN = re.compile(r"\(\s*(?:[^()\d]{0,40}:\s*|[^()]{0,50}\b(?:Q[1-4]|[1-4]Q|H[12]|FY|quarter|half|year|(?:19|20)\d\d)\W{0,3}:\s*)?$")


_COMPARED_TAIL = re.compile(r"(?i)\b(?:compared\s+(?:to|with)|versus|vs\.?|against)\s+(?P<tail>[^\d;]*)$")


def _compared_figure(before: str, named: list[tuple[int, int]], offset: int, unit: str, figures: list[_Figure]) -> Reading | None:
    """The reading of the nearest earlier figure in the same unit, when only a comparison and connectives stand
    before this one ("..., compared with 6.8 Mt"), else None."""
    cue = _COMPARED_TAIL.search(before)
    if cue is None or not _restates_previous(cue.group("tail"), named, offset + cue.start("tail")):
        return None
    return next((r for r in (_same_measure(f.reading, unit, cue.group("tail")) for f in reversed(figures)) if r), None)


def _same_measure(previous: Reading, unit: str, before: str = "") -> Reading | None:
    """The previous figure's reading for a restatement in ``unit``: the same unit, its currency alone, or another currency
    per the same unit; of the metal named right before it, if one is ("zinc production was 195,000 tonnes, lead 52,000
    tonnes")."""
    named = find_metals(before)
    if named and previous.metal and previous.metric in _METAL_METRICS:
        previous = replace(previous, metal=named[-1][2])
    if unit == previous.unit or unit == previous.unit.split("/")[0]:
        return previous
    if "/" in unit and "/" in previous.unit and unit.split("/")[1] == previous.unit.split("/")[1]:
        return replace(previous, unit=unit)
    return None


_CONNECTIVE = {"vs", "versus", "compared", "with", "to", "from", "and", "the", "was", "were", "in", "for", "against",
               "of", "or", "respectively", "last", "year", "quarter", "period", "same", "prior", "previous",
               "ore", "tonnes", "tons", "ounces", "pounds", "mine", "mill", "pit", "operation", "negative", "minus", "as", "at", "saleable"}


_OF_PHRASE = re.compile(r"(?i)\s*of\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*(?=\s*,?\s*and\s*$)")
_RESTATING = re.compile(r"(?i)\b(?:up|down|higher|lower|increased|decreased|rose|fell|improved|declined)\s+from\b"
                        r"|\bper\s+(?:ounce|oz|pound|lb|tonne|ton|t)\b(?:\s+of)?"
                        # "36.2 Mt in the quarter, bringing the total for the half to 71.9 Mt": the same measure summed
                        r"|\b(?:bringing|taking|lifting|pushing|putting)\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:total|tally)\b"
                        r"|\(\s*[A-Za-z]{1,5}\s*\)")  # an abbreviation it defines: "45.6 million tonnes (mt) ..., compared with"


def _restates_previous(before: str, named: list[tuple[int, int]], offset: int) -> bool:
    """Only connectives, periods and mine names stand between this figure and the one before it.

    "up from" and "down from" restate the figure for another period (a bare
    "up" is a change); the metal and the per-unit words of the first figure
    may be repeated ("$612 per ounce of gold, compared with $640").
    """
    chars = list(before)
    blanks = [(start - offset, end - offset) for start, end in named]
    of_phrase = _OF_PHRASE.match(before)  # the first figure's own "of saprolite ore" before "and 880,000 wmt"
    if of_phrase:
        blanks.append((0, of_phrase.end()))
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
    if re.match(rf"\s*{BULLET}\s", sentence.text):
        return doc.info.reporting_period  # list items stand alone
    if figures and figures[0].period is not None and not figures[0].forward:
        if _SET_AGAINST_BEFORE.search(sentence.text[max(0, figures[0].quantity.start - 40):figures[0].quantity.start]):
            return anchor  # "Output was down 3% from the 60,728 tonnes produced in the second quarter of 2010": a comparison
        return figures[0].period  # "... fell to $4.85 from $5.31 in the previous quarter": still this quarter
    if FORWARD.search(sentence.text) or re.search(r"(?i)\b(?:will|to)\s+(?:publish|release|report|announce)\b", sentence.text):
        return anchor  # "guidance for FY 2014 will be published on 12 August": a period ahead, not the paragraph's topic
    mentions = [m for m in find_periods(sentence.text, replace(doc.period_context(), anchor=anchor))
                if not m.aside  # "(Q3 2023: 11,800 tonnes)": a comparison in parentheses is no topic
                and not _COMPARED_WITH.search(sentence.text[max(0, m.start - 30):m.start])
                and not (m.relative and anchor is not None and m.period.end < anchor.end)  # "on par with the previous year"
                and not _GUIDANCE_AFTER.match(sentence.text, m.end)]  # "FY2023 guidance of ...": not the topic
    return mentions[0].period if mentions else anchor  # "31% lower than in the second quarter of 2000" is not the topic


_SET_AGAINST_BEFORE = re.compile(r"(?i)\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:the\s+|about\s+|some\s+)*$")
_GUIDANCE_AFTER = re.compile(r"(?i)\W{0,3}(?:production\s+|cost\s+)?(?:guidance|outlook|targets?|forecasts?|budget)\b")
_FISCAL_YEAR_AFTER = re.compile(r"[-/–](?:\d\d)\b")
_FISCAL_YEAR = re.compile(r"(?i)\bFY\s?'?\d{2,4}\b|\b(?:19|20)\d\d[-/–]\d\d\b|\b(?:financial|fiscal)\s+year\b")


def _ahead(doc: ReleaseDoc, period: Period, text: str) -> Period:
    """A guided quarter, half or month named without its year ("the June quarter") that would have ended before
    the period the release reports on is the next one of that name: guidance looks ahead."""
    reported = doc.info.reporting_period
    if period.kind == "year" or reported is None or period.end >= reported.end or str(period.year) in text:
        return period
    return period.shifted(months=12)


def _guidance_period(doc: ReleaseDoc, figure: _Figure, text: str = "") -> Period | None:
    """The period a guidance figure is for: the one its clause is about ("2016 guidance of ..."), else the period named
    with it, else the year of the release."""
    if figure.clause_fiscal and figure.clause_year is None and figure.period is not None and figure.period.kind == "year":
        return figure.period  # "FY22 guidance of 18-19 Mt": the fiscal year, labelled by the calendar year it ends in
    if figure.clause_fiscal and figure.clause_year is None and (
            figure.period is None or figure.period == doc.info.reporting_period or figure.period.kind == "year"):
        return None  # guidance for a fiscal year: no calendar period holds it
    if figure.clause_year and (figure.period is None or figure.period == doc.info.reporting_period
                               or figure.period.kind not in {"quarter", "half"}):
        return year_period(figure.clause_year)
    if figure.period is not None and figure.period.kind == "nine_months":  # "given the year-to-date, full-year
        # guidance is raised to ...": no outlook is for nine months gone; it is the year they end three months before
        return year_period(figure.period.shifted(months=3).year, doc.fye_month)
    if figure.period is not None and figure.period != doc.info.reporting_period:
        return _ahead(doc, figure.period, text)
    release_date = doc.release_date
    return year_period(release_date.year) if release_date else figure.period


# "Quondong expects:", "<p>DVR reiterates its full year 2024 production guidance:</p>": a sentence that opens a list
_OPENS_LIST = re.compile(r":\s*(?:</\w+>\s*)*$")
_LIST_ITEM = re.compile(rf"\s*(?:{BULLET}\s|<li\b|\d+[.)]\s)")


def _outlook_period(doc: ReleaseDoc, text: str, anchor: Period | None) -> tuple[Period | None, int | None]:
    """The period a list's opening sentence names for its items, and the one calendar year it names."""
    mentions = [m for m in find_periods(text, replace(doc.period_context(), anchor=anchor)) if not m.relative or m.period.kind != "year"]
    years = {int(y) for y in re.findall(r"(?<![\d/-])((?:19|20)\d\d)(?![\d/-])", text)}
    shortest = min(mentions, key=lambda m: m.period.months, default=None)  # "the second half of FY24": the half, not the year
    return (shortest.period if shortest else None), (years.pop() if len(years) == 1 else None)


def _under_outlook(figure: _Figure, outlook: tuple[int, Period | None, int | None], names_own: bool) -> _Figure:
    """An item of a list a forward sentence opens ("* SC production of 80,000 - 90,000 dmt") is guidance for the
    period the sentence names, unless the item names its own ("* March 2024 quarter shipments of 38,000 dmt")."""
    _paragraph, period, year = outlook
    if names_own or period is None:
        return replace(figure, forward=True, clause_year=figure.clause_year if names_own else year)
    return replace(figure, forward=True, period=period, clause_year=None)


def _heading_period(doc: ReleaseDoc, paragraph, current: Period | None) -> Period | None:  # type: ignore[no-untyped-def]
    """The period a heading names for the short paragraphs under it ("Full-Year 2022 Highlights:" over its bullets),
    kept over short items that name no period of their own and ended by a long paragraph or a heading of another."""
    text = doc.text.clean[paragraph.start:paragraph.end].strip()
    words = len(text.split())
    heading = text.endswith(":") and words <= 8
    if not heading and (current is None or words > 20):
        return None  # a paragraph of prose: no heading, and the end of one's items
    named = [m for m in find_periods(text, doc.period_context()) if not m.relative or re.search(r"\b(?:19|20)\d\d\b", text)]
    if heading and len(named) == 1 and not find_quantities(_YEARS.sub(" ", text)):
        return named[0].period
    if current is not None and words <= 20 and not named:
        return current
    return None


_YEARS = re.compile(r"\b(?:19|20)\d\d\b|\bQ[1-4]\b|\b[1-4]Q\d\d\b")


def extract_prose_figures(doc: ReleaseDoc) -> list[Measurement | Guidance]:
    """Measurements and guidance from every sentence outside tables."""
    out: list[Measurement | Guidance] = []
    anchor = doc.info.reporting_period
    paragraph = -1
    units = unit_definitions(doc.text.clean)  # "26.41 million tonnes (MT)": the release's own abbreviations
    outlook: tuple[int, Period | None, int | None] | None = None  # the list a forward sentence opens ("... expects:")
    heading: Period | None = None  # the period a heading names for the short items under it ("Full-Year 2022 Highlights:")
    for sentence in doc.text.sentences:
        if sentence.paragraph != paragraph:
            paragraph, anchor = sentence.paragraph, doc.info.reporting_period
            heading = _heading_period(doc, doc.text.paragraphs[paragraph], heading)
            anchor = heading or anchor
        if is_table_row(sentence.text) or doc.in_table(sentence.start, sentence.end):
            continue
        span = doc.text.span(sentence.start, sentence.end)
        # "smaller rival Larder Metals ... produced 6,300 tonnes": not the issuer's figures
        figures = [] if _OTHER_COMPANY.search(sentence.text) else _sentence_figures(doc, sentence, anchor, units)
        if outlook is not None and _LIST_ITEM.match(sentence.text) and sentence.paragraph - outlook[0] <= 1:
            names_own = any(not m.relative for m in find_periods(sentence.text, doc.period_context()))
            figures = [_under_outlook(f, outlook, names_own) for f in figures]
        elif _OPENS_LIST.search(sentence.text) and FORWARD.search(sentence.text):
            outlook = (sentence.paragraph, *_outlook_period(doc, sentence.text, anchor))
        else:
            outlook = None
        for figure in figures:
            r = figure.reading
            if figure.forward:
                period = _guidance_period(doc, figure, sentence.text)
                if period is not None:
                    out.append(Guidance(span, r.metric, figure.low, figure.quantity.value, r.unit, period, r.metal,
                                        figure.site))
            elif figure.period is not None:
                out.append(Measurement(span, r.metric, figure.quantity.value, r.unit, figure.period, r.metal,
                                       figure.site, r.basis))
        anchor = _anchor_after(doc, sentence, anchor, figures)
    return out

