"""Incidents: leaks, spills, fires, shutdowns, accidents, strikes, with site, effects and date.

Every mention of an event in a release is found; mentions at one site merge
into one incident whose type is the first event named and whose effects are
the others ("the milling operations ... have been temporarily shut down").
Dates are read from the sentence: a calendar date, a weekday or "yesterday"
resolved against the release date, else the period the sentence is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.dates import find_dates, resolve_relative_day
from kg.extract.document import ReleaseDoc
from kg.periods import Period, find_periods
from kg.records import Incident

EVENT = (
    r"(?P<event>leak(?:age)?|spill|release of|fire|explosion|flood(?:ing)?|collapse|fatality|fatal (?:accident|incident)"
    r"|death|accident|injur(?:y|ies)|shut\s?down|shut\s+down|suspension|suspended|stoppage|strike|work stoppage|blockade"
    r"|failure|breach|rock\s?fall|rockburst|seismic event|power outage|outage|derailment|breakdown)"
)
OBJECT = (
    r"(?P<object>(?:tailings|water|waste|leach|pipeline|conveyor|primary|secondary|crusher|mill|dam|pond|shaft|hoist|pit wall"
    r"|ball mill|sag mill|smelter|plant|concentrator|underground|open pit|ramp|power|substation|cyanide|acid|fuel|diesel"
    r"|truck|haul|electrical|kiln|furnace|tank|heap|pad|pump|dyke|dike|embankment|wall|slope|ventilation(?:\s+fan)?|fan"
    r"|compressor)(?:\s+(?:management\s+)?"
    r"(?:dam|pond|facility|line|crusher|mill|wall|storage|area|system|station|circuit|shaft|belt|pad|tank))*)"
)
_MENTIONS = [
    re.compile(rf"\b{EVENT}\s+(?:of|in|at|on|to|from|affecting)\s+(?:the\s+|a\s+|its\s+)?{OBJECT}", re.IGNORECASE),
    re.compile(rf"\b{OBJECT}\s+{EVENT}\b", re.IGNORECASE),
    re.compile(rf"\b{OBJECT}\s+(?:\w+\s+){{0,6}}?(?:ha(?:ve|s)\s+been|was|were|is|are)\s+(?:temporarily\s+)?(?P<event>shut\s+down|suspended|damaged|halted|closed)", re.IGNORECASE),
    re.compile(r"\b(?P<event>fatality|fatal accident|fatal incident|strike|work stoppage|power outage|fire|explosion|rock\s?burst"
               r"|fall[- ]of[- ]ground(?: accident| incident)?|lost (?:his|her|their) li(?:fe|ves)|died|was killed|were killed"
               r"|road blockade|blockade|pit wall failure|wall failure|slope failure)\b", re.IGNORECASE),
    re.compile(r"\b(?P<object>(?:pit\s+)?wall|slope|dam|embankment|dyke|dike|pit|stope|ramp|bench)\b(?:\s+[\w-]+){0,5}?"
               r"\s+(?P<event>failed|collapsed|breached|ruptured|caved)\b", re.IGNORECASE),  # "the northern wall of the pit failed"
    re.compile(rf"\b(?:the|this)\s+{EVENT}\b", re.IGNORECASE),  # a later reference to the same event
]
# A word every mention pattern needs (as a prefix): a sentence without one is not read further.
_TRIGGER = re.compile(r"(?i)\b(?:leak|spill|release|fire|explos|flood|collapse|fatal|death|accident|injur|shut|suspen|stoppage"
                      r"|strike|blockade|failure|breach|rock|seismic|outage|derail|breakdown|damaged|halted|closed|fall"
                      r"|lost|died|killed|failed|ruptured|caved)")
_NOT_INCIDENT = re.compile(r"(?i)\b(forward[- ]looking|risks?|could|(?-i:may)|might|would|no (?:lost[- ]time )?(?:injur|incident)|safety record|without|potential|if\b)")
_CANONICAL = {"lost his life": "fatality", "lost her life": "fatality", "lost their lives": "fatality", "died": "fatality",
              "was killed": "fatality", "were killed": "fatality", "fall-of-ground accident": "fall of ground",
              "fall of ground accident": "fall of ground", "shut down": "shutdown", "shutdown": "shutdown", "leakage": "leak", "flooding": "flood", "suspended": "suspension",
              "release of": "release", "injuries": "injury", "rock fall": "rockfall", "rock burst": "rockburst",
              "damaged": "damage", "halted": "stoppage", "closed": "closure", "failed": "failure", "collapsed": "collapse",
              "breached": "breach", "ruptured": "rupture", "caved": "collapse"}


@dataclass(frozen=True)
class _Mention:
    start: int  # clean offsets
    end: int
    kind: str
    sentence: int


def _kind(m: re.Match[str]) -> str:
    event = re.sub(r"\s+", " ", m.group("event").lower())
    event = _CANONICAL.get(event, event)
    obj = (m.groupdict().get("object") or "").lower()
    obj = re.sub(r"\s+", " ", re.sub(r"\bmanagement\s+facility\b", "dam", obj)).strip()
    return f"{obj} {event}".strip()


def _mentions(doc: ReleaseDoc) -> list[_Mention]:
    out: list[_Mention] = []
    for index, sentence in enumerate(doc.text.sentences):
        if not _TRIGGER.search(sentence.text):
            continue
        if _NOT_INCIDENT.search(sentence.text) and not re.search(r"\b(?:occurred|has been|was|were|announced)\b", sentence.text):
            continue
        taken: list[tuple[int, int]] = []
        found: list[_Mention] = []
        for pattern in _MENTIONS:
            for m in pattern.finditer(sentence.text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append(_Mention(sentence.start + m.start(), sentence.start + m.end(), _kind(m), index))
        out.extend(sorted(found, key=lambda f: f.start))  # events in the order the sentence names them
    return out


def _date_of(doc: ReleaseDoc, sentence_text: str) -> tuple[int, str | None, Period | None, str | None]:
    """(rank, ISO date, period, words): a calendar date ranks 3, a weekday 2, "today" 1, a period 0."""
    for start, end, value in find_dates(sentence_text):
        return 3, value.isoformat(), None, sentence_text[start:end]
    release_date = doc.release_date
    if release_date:
        relative = resolve_relative_day(sentence_text, release_date)
        if relative:
            start, end, value = relative
            words = sentence_text[start:end]
            announced = re.search(r"(?i)\b(announc|report|said|says|stat)\w*\s*$", sentence_text[:start])
            if not re.search(r"(?i)today|this morning", words):
                return 2, value.isoformat(), None, words
            if not announced:
                return 1, value.isoformat(), None, words
    mentions = list(find_periods(sentence_text, doc.period_context()))
    if mentions:
        finest = min(mentions, key=lambda m: m.period.months)  # "in August" says more than "the quarter"
        return 0, None, finest.period, sentence_text[finest.start:finest.end]
    return -1, None, None, None


def extract_incidents(doc: ReleaseDoc) -> list[Incident]:
    """One incident per site and release: its type, effects and date."""
    sentences = doc.text.sentences
    by_site: dict[str | None, Incident] = {}
    rank_of: dict[str | None, int] = {}
    for mention in _mentions(doc):
        sentence = sentences[mention.sentence]
        paragraph_start = doc.text.paragraphs[sentence.paragraph].start
        site = (doc.site_before(min(mention.end + 80, sentence.end), sentence.start)
                or doc.site_before(mention.start, paragraph_start) or doc.default_site())
        rank, date, period, date_text = _date_of(doc, sentence.text)
        same = [s for s, incident in by_site.items() if _same_event(incident.kind, mention.kind)]
        if site is None and same:
            site = same[0]  # a later reference to an event already placed
        elif site is not None and None in same:
            by_site[site] = replace(by_site.pop(None), site=site)
            rank_of[site] = rank_of.pop(None)
        seen = by_site.get(site)
        if seen is None:
            seen = Incident(span=doc.text.span(mention.start, mention.end), kind=mention.kind, site=site)
            rank_of[site] = -1
        elif mention.kind != seen.kind and not _same_event(mention.kind, seen.kind) and mention.kind not in seen.effects:
            seen = replace(seen, effects=seen.effects + (mention.kind,))
        if rank > rank_of[site]:
            seen = replace(seen, date=date, period=period, date_text=date_text)
            rank_of[site] = rank
        by_site[site] = seen
    out = []
    for incident in by_site.values():
        if incident.date is None and incident.period is None:
            incident = replace(incident, period=doc.info.reporting_period)
        out.append(incident)
    return out


def _same_event(a: str, b: str) -> bool:
    return a.split()[-1] == b.split()[-1]
