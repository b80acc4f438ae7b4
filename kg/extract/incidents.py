"""Incidents: floods, spills, fires, collapses, fatalities, strikes, shutdowns, with site, effects and date.

An incident is an event named in a clause, with the clause's date expression
and site. Events come from a small vocabulary (:data:`EVENT_KINDS`): a cause
(a flood, a fire, a fall of ground) names an incident; an effect (a shutdown,
a suspension, a halt) joins the incident its clause is about, and names one
only when no cause is in sight ("a temporary shutdown of the primary
crusher"). A later reference ("the accident", "the fire") only ever joins an
incident already found.

Mentions at one site merge into one incident whose type is the first cause
named and whose effects are the others, unless both state different days.
The date is the date expression nearest the event in its sentence: a calendar
date, a month and day (the year of the dateline), a weekday, "yesterday" or
"over the weekend" resolved against the release date, else the period the
sentence is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.dates import DAY_MONTH, MONTH_NAME, find_dates, month_number, resolve_relative_day
from kg.extract.document import ReleaseDoc
from kg.extract.names import CORPORATE_SUFFIX
from kg.periods import Period, find_periods
from kg.records import Incident

# kind -> the words that name it (nouns and verbs), as a regular expression; causes first, effects last.
EVENT_KINDS: dict[str, str] = {
    "fatality": r"fatalit(?:y|ies)|fatal\s+(?:accident|incident)|(?:suffered\s+)?fatal\s+injuries|fatally\s+injured"
                r"|lost\s+(?:his|her|their)\s+li(?:fe|ves)|died|was\s+killed|were\s+killed|death",
    "fall of ground": r"fall[- ]of[- ]ground(?:\s+(?:accident|incident))?|roof\s+fall",
    "rockfall": r"rock\s?fall",
    "rockburst": r"rock\s?burst|seismic\s+event",
    "flood": r"flood(?:s|ed|ing|water|waters)?|inundat(?:ed|ion)|(?:ground)?water\s+inflows?|inflows?\s+of\s+water"
             r"|increased\s+water\s+flows?|water\s+(?:poured|flowed|rushed|broke)\s+into|inrush"
             r"|(?:heavy|extreme|torrential|record|intense|unseasonal)\s+rain(?:fall|s)?|rainfall\s+event|cyclone",
    "fire": r"fires?|explosion|blaze",
    "spill": r"spill(?:s|ed)?|leak(?:age|s|ed)?|seepage|(?:controlled\s+)?release\s+of(?:\s+\w+){0,2}\s+water|release\s+of"
             r"|releas(?:ing|ed)(?:\s+(?:about|some|approximately|an\s+estimated))?\s+[\d,.]+\s+(?:\w+\s+){1,2}of"
             r"|excursion(?:\s+status)?",
    "breach": r"breach(?:ed)?",
    "rupture": r"ruptur(?:e|ed)",
    "collapse": r"collapse[ds]?|caved|slump(?:ed)?|slipped|slip|landslide|mudslide|ground\s+movement|gave\s+way",
    "failure": r"fail(?:ure|ed)",
    "strike": r"strike|work\s+stoppage|road\s+blockade|blockade",
    "power outage": r"power\s+outage|outage",
    "accident": r"accident|derailment|breakdown|injur(?:y|ies|ed)",
    "shutdown": r"shut\s?down|shut\s+down|shut",
    "suspension": r"suspension|suspended|suspending",
    "stoppage": r"stoppage|halt(?:ed|ing)?|idled|idle|stopped",
    "closure": r"closed|closure",
    "evacuation": r"evacuation|evacuated",
    "damage": r"damaged",
}
EFFECTS = frozenset({"shutdown", "suspension", "stoppage", "closure", "evacuation", "damage"})
# Words that are events only with what they happen to ("the mill was shut", not "shares closed", "revenue slipped").
NEEDS_OBJECT = re.compile(r"(?i)shut|closed|slipped|slip|slump(?:ed)?|caved|failed|collapsed|breached|ruptured|gave\s+way"
                          r"|damaged|evacuated|halt(?:ed|ing)?|suspended|suspending|idled|idle|stopped|outage|release of")
# What an event happens to: a word before it ("tailings dam leak") or after "of" ("flooding of the underground").
OBJECTS = (
    r"tailings|water|waste|leach|pipeline|conveyor|primary|secondary|crusher|mill|dam|pond|shaft|hoist|pit wall"
    r"|ball mill|sag mill|smelter|plant|concentrator|underground|open pit|ramp|power|substation|cyanide|acid|fuel|diesel"
    r"|truck|haul|electrical|kiln|furnace|tank|heap|pad|pump|dyke|dike|embankment|wall|slope|ventilation(?:\s+fan)?|fan"
    r"|compressor|thickener|feed well|motor|gearbox|transformer|fitting|valve|wellfield|well|header house|injection|solution"
)
OBJECT = (
    rf"(?P<object>(?:{OBJECTS})(?:\s+(?:management\s+)?"
    r"(?:dam|pond|facility|line|crusher|mill|wall|storage|area|system|station|circuit|shaft|belt|pad|tank|well))*)"
)
_EVENT = "|".join(f"(?:{words})" for words in EVENT_KINDS.values())
EVENT = rf"(?P<event>{_EVENT})"
_MENTIONS = [
    # "flooding of the underground", "a slip occurred on the north-east wall of the pit"
    re.compile(rf"\b{EVENT}\s+(?:(?:occurred|happened|took\s+place)\s+)?(?:of|in|at|on|to|from|affecting)\s+"
               rf"(?:the\s+|a\s+|its\s+)?(?:(?-i:[a-z][a-z-]*)\s+){{0,2}}?{OBJECT}\b", re.IGNORECASE),
    re.compile(rf"\b{OBJECT}\s+{EVENT}\b", re.IGNORECASE),
    re.compile(rf"\b{OBJECT}\s+(?:\w+\s+){{0,6}}?(?:ha(?:ve|s)\s+been|was|were|is|are)\s+(?:temporarily\s+)?"
               r"(?P<event>shut\s+down|suspended|damaged|halted|closed|idle|stopped)", re.IGNORECASE),
    re.compile(r"\b(?P<object>(?:pit\s+)?wall|slope|dam|embankment|dyke|dike|pit|stope|ramp|bench|pipeline|pad)\b"
               r"(?:\s+[\w-]+){0,5}?\s+(?:had\s+)?(?P<event>failed|collapsed|breached|ruptured|caved|slipped|slumped|gave\s+way)\b",
               re.IGNORECASE),  # "the northern wall of the pit failed"
    re.compile(rf"\b{EVENT}\b", re.IGNORECASE),
]
_ALONE = _MENTIONS[-1]
# An event named by a verb ("the shaft flooded", "a miner died at Kopje 4 Shaft").
_VERB = re.compile(r"(?i)\w+ed|died|(?:was|were)\s+killed|lost\s+\w+\s+li(?:fe|ves)|suffered\s+fatal\s+injuries|shut")
# A later reference to an event already named: it joins, never founds, an incident.
_ANAPHOR = re.compile(r"(?i)\b(?:the|this|that)\s+(?:[\w-]+\s+)?$")
# A clause about a plan, a hypothesis, a statistic or the absence of an event names no incident.
# A clause about a hypothesis names no incident, unless it also states one happened.
_HYPOTHETICAL = re.compile(r"(?i)\b(forward[- ]looking|risks?|could|(?-i:may)|might|would|potential|if\b)")
_HAPPENED = re.compile(r"(?i)\b(?:occurred|ha(?:s|ve|d)\s+(?:been|\w+ed)|was|were|announced)\b")
# A clause about a plan, a statistic or the absence of an event names none.
_NOT_EVENT = re.compile(r"(?i)\b(?:no (?:lost[- ]time )?(?:injur|incident)|lost[- ]time|injury[- ]free|safety record|without"
                        r"|frequency|rate\b|LTIFR|TRIFR|reduced from|prepar\w+ to|comparative|prior[- ]year|previous year)")
# A stoppage that was planned ("a scheduled shutdown for the mill reline") is no incident; a fire or a death during
# planned maintenance is one.
_PLANNED = re.compile(r"(?i)\b(?:planned|scheduled|maintenance(?!\s+(?:shop|workshop|bay|building|facility|area))|reline"
                      r"|liner\s+(?:replacement|change)|shutdown\s+for\s+(?:the\s+)?(?:\w+\s+){0,2}(?:upgrade|tie-in|replacement))")
# Event words in another sense: an assay method, a vein's extent, a contract, a market.
HOMONYMS = re.compile(
    r"(?i)fire\s+assay|along\s+strike|strike\s+(?:length|extent|direction|price)|on\s+strike\s+(?:of|with)\s+the"
    r"|breach\s+of\s+(?:contract|covenant|agreement|the\s+\w+\s+agreement)|failure\s+to\b"
    r"|(?:accident|incident|fatality|fatalities|injury|harm)[- ]free"
    r"|(?:collapse|fall|slump|slip|breakdown)\s+(?:in|of)\s+(?:the\s+)?(?:\w+\s+)?(?:prices?|markets?|demand|talks)"
    r"|death\s+(?:benefit|duty|duties)")
_NONE_BEFORE = re.compile(r"(?i)\b(?:zero|no|nil|without)\s+(?:[\w-]+\s+){0,2}$")
_CLAUSE_END = re.compile(r";|[.!?][\"”’]?\s|[\"“”]|,\s+(?:and|but|while|which)\s|,\s+(?=there\s+(?:was|were|has|have|had)\b)")
_PLACE_NAME = r"(?P<place>[A-Z][\w'’-]*(?:\s+(?:No\.|[A-Z][\w'’-]*|\d+[A-Z]?\b))*)"
_SITE_NOUN = rf"(?:mine|shaft|pit|operations?|ops|mill|plant|satellite|{OBJECTS})"
# A place named in the clause: "at Rietfontein", "in the Kopje mine", "the Sorrel Creek overland conveyor".
_PLACES = (
    re.compile(rf"\b(?i:at|near)\s+(?:the\s+|its\s+)?{_PLACE_NAME}"),
    re.compile(rf"{_PLACE_NAME}(?=\s+(?:[a-z-]+\s+)?{_SITE_NOUN}\b)"),
)
_NOT_PLACE = re.compile(
    r"(?i)^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|q[1-4]|the|a|an|its|our|this|that|fy\d*"
    r"|sag|rom|cil|cip|hpgr|sx|ew|sx-ew|ball|primary|secondary)\b"  # "the SAG mill": a machine, not a place
    r"|\b(?:department|ministry|administration|agency|inspectorate|government|authority|commission|council|court"
    r"|police|union|exchange|regulator|company)\b")
_SITE_WORDS = re.compile(r"(?i)\s+(?:mine|mines|operations?|project|pit|complex|mill)$")
_REPORTED = re.compile(r"(?i)\b(?:announc|report|said|says|stat|told)\w*\s*$")


@dataclass(frozen=True)
class _When:
    rank: int  # a calendar date 3, a weekday or relative day 2, "today" 1, a period 0, nothing -1
    date: str | None = None
    period: Period | None = None
    words: str | None = None


@dataclass(frozen=True)
class _Mention:
    start: int  # clean offsets
    end: int
    kind: str  # "<object> <event>", e.g. "tailings dam leak"
    event: str  # the event kind, a key of EVENT_KINDS
    sentence: int
    anaphor: bool  # "the fire": a reference to an event already named


def _event_kind(words: str) -> str:
    words = words.lower()
    return next(kind for kind, pattern in EVENT_KINDS.items() if re.fullmatch(pattern, words, re.IGNORECASE))


_NAMES = {"lost his life": "fatality", "lost her life": "fatality", "lost their lives": "fatality", "died": "fatality",
          "was killed": "fatality", "were killed": "fatality", "fatally injured": "fatality",
          "suffered fatal injuries": "fatality", "fatal injuries": "fatality", "shut down": "shutdown", "shut": "shutdown",
          "leakage": "leak", "leaked": "leak", "flooding": "flood", "flooded": "flood", "floods": "flood",
          "floodwater": "flood", "floodwaters": "flood", "suspended": "suspension", "suspending": "suspension",
          "release of": "release", "injuries": "injury", "injured": "injury", "rock fall": "rockfall",
          "rock burst": "rockburst", "damaged": "damage", "halted": "stoppage", "halt": "stoppage",
          "halting": "stoppage", "idled": "stoppage", "closed": "closure", "failed": "failure", "collapsed": "collapse",
          "breached": "breach", "ruptured": "rupture", "caved": "collapse", "slipped": "slip", "slumped": "slump",
          "evacuated": "evacuation", "fires": "fire", "spills": "spill", "spilled": "spill"}


def _kind(m: re.Match[str], subject: bool = False) -> tuple[str, str]:
    """The incident type ("tailings dam leak") and event kind of a mention; a verb's subject is no part of the type."""
    event = re.sub(r"\s+", " ", m.group("event").lower())
    if re.match(r"fall[- ]of[- ]ground", event):
        event = "fall of ground"
    name = _NAMES.get(event, event)
    if re.fullmatch(EVENT_KINDS["flood"], event) and event not in _NAMES:
        name = "flood"
    obj = "" if subject else (m.groupdict().get("object") or "").lower()
    obj = re.sub(r"\s+", " ", re.sub(r"\bmanagement\s+facility\b", "dam", obj)).strip()
    return f"{obj} {name}".strip(), _event_kind(event)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of a sentence around characters ``start`` to ``end``."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_END.finditer(text, end)), len(text))
    return left, right


def _is_event(text: str, m: re.Match[str]) -> bool:
    """Whether a match names an event that happened: not a hypothesis, a plan, a statistic or "zero fatalities"."""
    left, right = _clause(text, m.start(), m.end())
    clause = text[left:right]
    if (_HYPOTHETICAL.search(clause) and not _HAPPENED.search(clause)) or _NOT_EVENT.search(clause):
        return False
    if _PLANNED.search(clause) and _event_kind(m.group("event")) in EFFECTS:
        return False
    if _NONE_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
        return False
    if any(h.start() < m.end() and m.start() < h.end() for h in HOMONYMS.finditer(text, max(0, m.start() - 20), m.end() + 40)):
        return False
    return not (m.re is _ALONE and NEEDS_OBJECT.fullmatch(m.group("event")))


def _mentions(doc: ReleaseDoc) -> list[_Mention]:
    out: list[_Mention] = []
    for index, sentence in enumerate(doc.text.sentences):
        text = sentence.text
        if not _ALONE.search(text):
            continue  # every mention pattern names an event word: a sentence without one is not read further
        taken: list[tuple[int, int]] = []
        found: list[_Mention] = []
        for pattern in _MENTIONS:
            for m in pattern.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                if not _is_event(text, m):
                    continue
                taken.append((m.start(), m.end()))
                kind, event = _kind(m, subject=m.re is _MENTIONS[1] and bool(_VERB.fullmatch(m.group("event"))))
                anaphor = m.re in (_MENTIONS[1], _ALONE) and bool(_ANAPHOR.search(text[max(0, m.start() - 30):m.start()]))
                found.append(_Mention(sentence.start + m.start(), sentence.start + m.end(), kind, event, index, anaphor))
        out.extend(sorted(found, key=lambda f: f.start))  # events in the order the sentence names them
    return out


def _day_month(text: str, release_date: date | None) -> tuple[int, int, date] | None:
    """A month and day without a year ("on March 3"): the latest such day on or before the release date."""
    m = DAY_MONTH.search(text)
    if not m or release_date is None:
        return None
    day = int(m.group("d"))
    for year in (release_date.year, release_date.year - 1):
        try:
            value = date(year, month_number(m.group("m")), day)
        except ValueError:
            return None
        if value <= release_date:
            return m.start(), m.end(), value
    return None


def _weekend(text: str, release_date: date | None) -> tuple[int, int, date] | None:
    m = re.search(r"(?i)\b(?:over|during)\s+the\s+(?:past\s+)?weekend\b", text)
    if not m or release_date is None:
        return None
    back = (release_date.weekday() - 5) % 7 or 7
    return m.start(), m.end(), release_date - timedelta(days=back)


def _when(doc: ReleaseDoc, text: str, start: int, end: int) -> _When:
    """The date of an event: from its clause, else from its sentence."""
    left, right = _clause(text, start, end)
    when = _date_of(doc, text[left:right], start - left)
    return when if when.rank >= 0 else _date_of(doc, text, start)


def _date_of(doc: ReleaseDoc, text: str, at: int) -> _When:
    """The date expression of a sentence nearest character ``at``: an event's day, else the period it is about."""
    release_date = doc.release_date
    days = [(start, end, value, 3) for start, end, value in find_dates(text)
            if not re.search(r"(?i)\b(?:ended|ending|to|until|till|through|as at|as of)\s*$", text[:start])]
    for found, rank in ((_day_month(text, release_date), 3), (_weekend(text, release_date), 2)):
        if found:
            days.append((*found, rank))
    if release_date:
        relative = resolve_relative_day(text, release_date)
        if relative:
            start, end, value = relative
            words = text[start:end]
            reported = _REPORTED.search(text[:start])
            if re.search(r"(?i)today|this morning", words):
                if not reported:
                    days.append((start, end, value, 1))
            elif not reported:
                days.append((start, end, value, 2))
    # the release's own day is what it reports "today" (or its dateline), below an earlier event day
    days = [(start, end, value, 1 if value == release_date else rank) for start, end, value, rank in days]
    if days:
        start, end, value, rank = min(days, key=lambda d: (-d[3], abs(d[0] - at)))
        return _When(rank, value.isoformat(), None, text[start:end])
    # a period dates an event only when it is a month or a quarter: "for 2024" is what the year is about
    mentions = [(m.start, m.end, m.period) for m in find_periods(text, doc.period_context()) if m.period.months <= 3]
    month = _month(text, release_date)
    if month:
        mentions.append(month)
    if mentions:
        start, end, period = min(mentions, key=lambda m: m[2].months)  # "in August" says more than "the quarter"
        return _When(0, None, period, text[start:end])
    return _When(-1)


def _month(text: str, release_date: date | None) -> tuple[int, int, Period] | None:
    """A month without a year ("In June"): the latest such month on or before the release date."""
    m = re.search(rf"(?i)\b(?:in|during|since|early|late|mid-?)\s+(?P<m>{MONTH_NAME})(?!\s*,?\s*(?:\d|{MONTH_NAME}))", text)
    if not m or release_date is None:
        return None
    number = month_number(m.group("m"))
    year = release_date.year if number <= release_date.month else release_date.year - 1
    return m.start("m"), m.end("m"), Period("month", year, number)


def _site_of(doc: ReleaseDoc, mention: _Mention) -> str | None:
    """The site the mention's clause names: a mine, a place "at" which it happened, a mine of its sentence,
    else a name before what was hit ("the Sorrel Creek conveyor")."""
    sentence = doc.text.sentences[mention.sentence]
    left, right = _clause(sentence.text, mention.start - sentence.start, mention.end - sentence.start)
    at, before = _PLACES
    candidates = (
        lambda: doc.site_before(sentence.start + right, sentence.start + left),
        lambda: _place(doc, at, sentence.text, left, right),
        lambda: doc.site_before(sentence.end, sentence.start),
        lambda: _place(doc, before, sentence.text, left, right),
    )
    site = next((site for site in (c() for c in candidates) if site and _is_site(doc, site)), None)
    return re.sub(r"(?:\s+[a-z][a-z-]*)+$", "", site) if site else None  # "Pinecrest silver-zinc" is Pinecrest


def _place(doc: ReleaseDoc, pattern: re.Pattern[str], text: str, left: int, right: int) -> str | None:
    for m in pattern.finditer(text, left, right):
        place = re.split(r"['’]s\b", _SITE_WORDS.sub("", m.group("place")))[0].strip()  # "Bokamoso's No. 3 Shaft"
        if place and _is_site(doc, place):
            return doc.mine_names.get(re.sub(r"\s+", " ", place.lower()), place)
    return None


_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|can)")  # "Mexican", "Peruvian", "Chilean", "Chinese"


def _is_site(doc: ReleaseDoc, name: str) -> bool:
    """A mine's name: not a month, an agency, the issuer, a company or a phrase with punctuation in it."""
    if _NOT_PLACE.search(name) or re.search(r"[(),;]", name) or len(name.split()) > 5 or _NATIONALITY.fullmatch(name):
        return False  # "a Mexican silver mine": a country's people, no mine's name
    if re.search(rf"\s{CORPORATE_SUFFIX}$|\s(?:Resources|Mining|Minerals|Metals|Group|Holdings)$", name):
        return False
    return not (doc.info.issuer and name in doc.info.issuer)


def _paragraph_site(doc: ReleaseDoc, mention: _Mention) -> str | None:
    sentence = doc.text.sentences[mention.sentence]
    site = doc.site_before(mention.start, doc.text.paragraphs[sentence.paragraph].start)
    return site if site and _is_site(doc, site) else None


@dataclass
class _Building:
    incident: Incident
    when: _When
    sentences: set[int]
    cause: bool


def _joins(b: _Building, site: str | None, mention: _Mention, when: _When) -> bool:
    if b.incident.site != site:
        return False
    if mention.sentence in b.sentences or mention.anaphor or mention.event in EFFECTS:
        return True
    return not (b.when.rank >= 2 and when.rank >= 2 and b.when.date != when.date)


def extract_incidents(doc: ReleaseDoc) -> list[Incident]:
    """Every incident of the release: its type, site, effects and date."""
    sentences = doc.text.sentences
    built: list[_Building] = []
    for mention in _mentions(doc):
        sentence = sentences[mention.sentence]
        when = _when(doc, sentence.text, mention.start - sentence.start, mention.end - sentence.start)
        site = _site_of(doc, mention)
        if site is None:
            same = [b for b in built if _same_event(b.incident.kind, mention.kind)]
            recent = [b for b in built if mention.sentence - max(b.sentences) <= 1]
            if same:
                site = same[-1].incident.site
            elif recent or ((mention.anaphor or mention.event in EFFECTS) and built):
                site = (recent or built)[-1].incident.site
            else:
                site = next((s for s in (_paragraph_site(doc, mention), doc.default_site(), doc.site_before(mention.start))
                             if s and _is_site(doc, s)), None)
        target = next((b for b in reversed(built) if _joins(b, site, mention, when)), None)
        if target is None and site is not None:
            unplaced = next((b for b in built if b.incident.site is None), None)
            # an incident found without its site takes the site of a later mention of the same event (or of its effect),
            # not of another event: a slip and a death at another operation stay two incidents
            if unplaced is not None and (_same_event(unplaced.incident.kind, mention.kind) or mention.event in EFFECTS
                                         or mention.anaphor):
                unplaced.incident = replace(unplaced.incident, site=site)
                target = unplaced if _joins(unplaced, site, mention, when) else None
        if target is None:
            if mention.anaphor and built:
                continue  # a later reference to an incident found, wherever it seems to be
            built.append(_Building(Incident(span=doc.text.span(mention.start, mention.end), kind=mention.kind, site=site),
                                   _When(-1), {mention.sentence}, mention.event not in EFFECTS))
            target = built[-1]
        _add(doc, target, mention, when)
    out = []
    for b in built:
        incident = b.incident
        reported = doc.info.reporting_period
        if incident.date is None and incident.period is None and reported and reported.months <= 3:
            incident = replace(incident, period=reported)  # an undated event in a quarterly report: its quarter
        out.append(incident)
    return out


def _add(doc: ReleaseDoc, b: _Building, mention: _Mention, when: _When) -> None:
    """One more mention of an incident: a first cause names it, other events are its effects, a better date wins."""
    seen = b.incident
    is_cause = mention.event not in EFFECTS
    if is_cause and not b.cause:
        seen = replace(seen, span=doc.text.span(mention.start, mention.end), kind=mention.kind,
                       effects=tuple(e for e in (seen.kind, *seen.effects) if e != mention.kind))
        b.cause = True
    elif is_cause and _same_event(mention.kind, seen.kind) and len(mention.kind) > len(seen.kind):
        # "Heavy rain caused flooding of the underground workings": the event named with what it struck names it
        seen = replace(seen, span=doc.text.span(mention.start, mention.end), kind=mention.kind)
    elif mention.kind != seen.kind and not _same_event(mention.kind, seen.kind) and mention.kind not in seen.effects:
        seen = replace(seen, effects=seen.effects + (mention.kind,))
    # an effect or a later reference ("the blockade was lifted on ...") dates only an undated incident
    # ... or one dated only by a month or quarter that holds the effect's day ("failure in May", then "the mill was
    # stopped on Saturday 4 May 2013")
    within = b.when.rank == 0 and b.when.period is not None and when.date is not None and not mention.anaphor \
        and b.when.period.start <= date.fromisoformat(when.date) <= b.when.period.end
    if when.rank > b.when.rank and ((is_cause and not mention.anaphor) or not b.cause or b.when.rank < 0 or within):
        seen = replace(seen, date=when.date, period=when.period, date_text=when.words)
        b.when = when
    if is_cause:
        b.sentences.add(mention.sentence)
    b.incident = seen


def _same_event(a: str, b: str) -> bool:
    return a.split()[-1] == b.split()[-1]
