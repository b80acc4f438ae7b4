"""What a number measures: metric, metal and unit from the words around it.

Shared by the prose and table extractors: a quantity (``94,114 ounces``)
plus the text before it (``producing``) and after it (``of palladium``)
becomes a :class:`Reading` (production of palladium, oz), or nothing when
the words say it is a change, a reserve, a capacity or a market figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from kg.extract.lexicon import concepts_named, find_cues, metric_concepts
from kg.quantities import PER_UNIT, Quantity
from kg.vocabulary import COUNTED_ONLY_IN, PRECIOUS, find_metals


@dataclass(frozen=True)
class Reading:
    metric: str
    metal: str | None
    unit: str
    basis: str | None = None

    def of_ore_tonne(self) -> Reading:
        """A cash cost per tonne of ore milled ("per tonne milled", "of ore treated") is a unit cost, of no metal."""
        return replace(self, metric="unit_cost", metal=None) if self.metric == "cash_cost" and self.unit.endswith("/t") \
            else self

    def with_principal_metal(self, principal: Callable[[str], str | None]) -> Reading:
        """A per-unit price or cost, a grade in g/t or a recovery names its metal: the release's principal one when the text does not say.

        A cash cost per tonne is of the product sold by the tonne (coal, iron ore, tin); in a release that sells none
        (gold, PGMs, diamonds) it is a unit cost of the ore milled."""
        if self.metal is None and self.metric in {"head_grade", "mined_grade", "yield"} and self.unit in {"g/t", "oz/t"}:
            return replace(self, metal=principal("oz"))  # grams per tonne: a precious metal
        if self.metal is None and self.metric == "head_grade" and self.unit in {"cpht", "ct/t"}:
            return replace(self, metal=principal(self.unit))  # carats per hundred tonnes (or per tonne): diamonds
        if self.basis == "concentrate":  # a concentrate named without its metal: the release's metal in tonnes
            return replace(self, metal=self.metal or principal("t"), basis=None)
        if self.metal is None and self.metric == "recovery":
            return replace(self, metal=principal("%"))  # the release's only metal, if it names just one
        if self.metal is None and self.metric in {"production", "sales", "refined_production"} and self.unit in {"t", "ct", "oz", "lb"}:
            return replace(self, metal=principal(self.unit))  # ounces, pounds or tonnes of the release's metal in that unit
        if self.metal or self.metric not in {"cash_cost", "aisc", "realized_price"} or "/" not in self.unit:
            return self
        metal = principal(self.unit.split("/")[1])
        if metal is None and self.metric == "cash_cost" and self.unit.endswith("/t"):
            return self.of_ore_tonne()  # no product sold by the tonne: a cash cost per tonne of ore milled
        return replace(self, metal=metal)


NOT_A_FIGURE = re.compile(
    r"\b(reserves?|resources?|intercepts?|intersect\w*|drill\w*|holes?|assays?"
    # a drill intercept's grammar: a length down the hole and its grade ("52m grading 1.12% Cu ... from 120m", "12.0m @ 3.4")
    r"|\d+(?:\.\d+)?\s?(?:m|metres?|meters?|ft|feet)\s*(?:grading|averaging|@\s*(?=\d))|from\s+\d+(?:\.\d+)?\s?m"
    # "18.40 g/t Au over 1.5 m": a grade over a length of core
    r"|(?:(?:Au|Ag|Cu|Zn|Pb|Ni|gold|silver|copper|zinc)\s+)?over\s+\d+(?:\.\d+)?\s?(?:m|metres?|meters?|ft|feet)\b"
    r"|inferred|indicated|measured and|probable"
    r"|proven|exploration target|hedg\w*|forward sales|sold forward|capacity|nameplate|design(?:ed)?|permitted|inventor(?:y|ies)"
    r"|stockpiles?|cut-?off|strip(?:ping)? ratio|market|spot|lme|comex|benchmark|published|consensus|analysts?|(?<!without\s)(?<!excluding\s)(?<!before\s)(?<!ex-)royalty(?!\s+(?:income|revenues?))|streamed"
    r"|since\s+(?:start|inception|commission\w*|the\s+start)|(?<!year\s)(?<!year-)to\s+date|cumulative\w*|life[- ]of[- ]mine"
    r"|budget(?:ed)?\s+(?:of|was|is|figure|level)|(?:than|versus|vs\.?|against)\s+(?:the\s+)?(?:budget|plan|guidance|forecast)"
    r"|dividends?|payout|(?:national|nationwide|countrywide|country-wide|industry-wide|global|world)\s+(?:\w+\s+)?(?:output|production|exports|imports|demand|supply)|(?:country|nation)['’]s|(?-i:[A-Z][a-z]+)['’]s\s+(?:total|national|overall))\b",
    re.IGNORECASE,
)
BOUND_BEFORE = re.compile(
    r"\b(?:below|above|(?<!just\s)(?:over|under)|less\s+than|more\s+than|greater\s+than|in\s+excess\s+of|at\s+least|exceed(?:ed|ing|s)?|up\s+to)\s*$",
    re.IGNORECASE)
# a figure lost or deferred is not one produced: "the failure cost approximately 60,000 lb of output"
LOSS_BEFORE = re.compile(
    r"(?i)(?:\bcost(?:ing)?\s+(?:the\s+\w+\s+|us\s+)?(?:approximately|about|an\s+estimated|some|nearly|around)"
    r"|\b(?:lost|losing|loss(?:es)?\s+of|shortfall\s+of|deferr\w*|forgone|foregone)"
    r"\s*(?:approximately|about|an\s+estimated|some|nearly|around)?)\s*$")
RATIO_AFTER = re.compile(r"(?i)^\s*(?:to|for|per)\s+(?:one|each|every|1)\b")  # "60 silver ounces to one gold ounce"
_HEDGING_RESULT = re.compile(r"(?i)\b(?:including|net\s+of|after|before)\s+(?:realized\s+)?hedg\w*\s+(?:gains?|losses?)")
CHANGE_BEFORE = re.compile(
    r"(?:\b(?:increase|decrease|improvement|reduction|decline|drop|rise|gain|growth|change|jump|fall)s?\s+of"
    r"|\b(?:up|down|by|rose|fell|declined|grew|increased|decreased|improved|dropped|climbed|jumped|higher|lower))"
    r"\s*(?:approximately|about|nearly|some|almost|just\s+(?:under|over))?\s*$",
    re.IGNORECASE,
)
CHANGE_AFTER = re.compile(
    r"^\s*(?:higher|lower|increase|decrease|more|less|above|below|improvement|better|worse|up|down|over|year[- ]over"
    r"|quarter[- ]over|reduction|decline|rise|gain|growth|jump|drop|compared|versus|vs\b|of (?:the|its|our|total)"
    r"|interest|stake|owned|ownership|share|of (?:budget|plan|guidance|target))",
    re.IGNORECASE,
)
ORE_PROCESSED = r"process\w*|mill(?:ed|ing)?|treat\w*|throughput|mill feed|feed|crush\w*|through the mill|stacked|leach pad|plant"
ORE_MINED = r"mined|mining|hoist\w*|extract\w*|ore mined|tonnes mined|moved|excavat\w*|delivered"
_ORE_VERB_AFTER = re.compile(
    rf"\s*(?:of\s+(?:ore|material)\s+)?(?:was|were|had\s+been|have\s+been|has\s+been)\s+"
    rf"(?:\w+ly\s+)?({ORE_MINED}|{ORE_PROCESSED})\b"
    rf"|\s*of\s+(?:\w+[- ]grade\s+)?ore\s+(mined|hoisted|extracted|delivered|processed|milled|treated|crushed|stacked)\b",
    re.IGNORECASE)  # "98,650 tonnes of ore were mined", "231,000 tonnes of ore mined from the pits"
FORWARD = re.compile(
    r"\b(expect\w*|anticipat\w*|forecast\w*|guidance|outlook|targets?|targeted|projected|projects?\s+to|plans?\s+to|planned|plan\s+for"
    r"|budgeted\s+(?:to|at)|estimated?\s+(?:to|at)|will\s+(?:be|produce|average|operate|process|increase|reach)|is\s+on\s+track"
    r"|on\s+(?:track|schedule|course)\s+to\s+(?:produce|deliver|sell|achieve|meet|reach|mine|process)"
    r"|should\s+(?:be|reach|average)|(?:could|would|may|might)\s+(?:reach|produce|hit|rise|climb|exceed|top|total|be)"
    r"|intends?\s+to|aims?\s+to|scheduled\s+to)\b",
    re.IGNORECASE,
)


_GENERIC_CAPITALISED = {"total", "average", "overall", "mill", "plant", "head", "rate", "grade", "metallurgical", "ore",
                        "tonnes", "ounces", "group", "quarter", "year", "the", "and", "of", "production", "recovery",
                        "processing", "process", "feed", "flotation", "leach", "cil", "cip", "heap"}


def _proper_noun(text: str, start: int, end: int) -> bool:
    """The word at ``start:end`` belongs to a name ("Goldplat Recovery", "Recovery Ghana"): it is capitalised and so is a
    neighbouring word that is neither a metal nor a generic word of a figure's label."""
    if not text[start:start + 1].isupper():
        return False
    prev = re.search(r"([A-Z][\w'’-]*)\s+$", text[:start])
    nxt = re.match(r"\s+([A-Z][\w'’-]*)", text[end:])
    for m in (prev, nxt):
        if m and m.group(1).lower() not in _GENERIC_CAPITALISED and not find_metals(m.group(1)):
            return True
    return False


def _last(pattern: str, text: str) -> int:
    """Position of the last match of ``pattern`` in ``text`` (-1 when none); a word of a proper name is no cue."""
    found = [m.start() for m in re.finditer(rf"\b(?:{pattern})\b", text, re.IGNORECASE)
             if not _proper_noun(text, m.start(), m.end())]
    return found[-1] if found else -1


def metal_after(after: str) -> str | None:
    # "3,150 tonnes (t) of REO": the unit's abbreviation may stand between
    m = re.match(r"^(?:\s*\([A-Za-z]{1,5}\))?\s*(?:of\s+)?(?:payable\s+|contained\s+|refined\s+|recovered\s+|fine\s+"
                 r"|primary\s+|premium\s+|standard\s+|saleable\s+|finished\s+)?", after)  # "of primary zircon"
    offset = m.end() if m else 0
    metals = [found for found in find_metals(after[:offset + 40]) if found[0] >= offset]  # "of lead in the quarter": the metal
    if metals and metals[0][0] == offset:
        if re.match(r"\s*(?:concentrates?|equivalent\s+concentrate)\b", after[metals[0][1]:]):
            return None
        return metals[0][2]
    return None


def metal_before(before: str, reach: int = 60) -> str | None:
    metals = find_metals(before[-reach:])
    return metals[-1][2] if metals else None


_CHANGE_THEN_VALUE = re.compile(r"(?i)\b(?:rose|fell|eased|climbed|dropped|declined|increased|decreased|improved|grew"
                                r"|slipped|gained|lifted|jumped|was\s+up|was\s+down)\s+(?:by\s+)?$")
_LOWER_BOUND = re.compile(r"(?i)(?<!remain\s)(?<!remains\s)\b(?:over|more\s+than|in\s+excess\s+of|at\s+least|exceeding)\s+$")
_OVER_LENGTH = re.compile(r"(?i)\s*(?:(?:Au|Ag|Cu|Zn|Pb|Ni|gold|silver|copper|zinc|nickel)\s+)?over\s*$")


def classify(q: Quantity, before: str, after: str, sentence_before: str = "", earlier: str = "") -> Reading | None:
    """The reading of quantity ``q``, or None when it is not an operating or financial figure.

    ``before`` is the text since the previous quantity in the clause,
    ``after`` the text up to the next; ``sentence_before`` all the sentence
    before ``q`` (for a cue named once for several figures) and ``earlier``
    the paragraph's earlier sentences (for a metal named once for several figures).
    """
    before, after = _HEDGING_RESULT.sub(" ", before), _HEDGING_RESULT.sub(" ", after)
    near_before = before[-90:]
    if NOT_A_FIGURE.search(near_before) or NOT_A_FIGURE.match(after.strip()[:25]) or re.search(
            r"(?i)\b(?:sold|sell|sales)\s+forward|hedg\w*|forward\s+sales|in\s+reserves", after[:50]):
        return None
    if q.unit == "%" and _CHANGE_THEN_VALUE.search(before) and re.fullmatch(r"\s*to\s*", after):
        return None  # "the recovered grade eased 4% to 1.88 carats per tonne": the change, then the figure
    if q.unit in {"g/t", "%", "oz/t"} and _OVER_LENGTH.match(after):
        return None  # "18.40 g/t Au over 1.5 m": a grade over a length of core (the length is the next quantity)
    if BOUND_BEFORE.search(before) and not (_LOWER_BOUND.search(before) and FORWARD.search(sentence_before + before)):
        return None  # "remained below US$1.40 per pound", "consistently above 2,000 tonnes per day": a bound, not a figure
        # (an outlook of "over 90 million pounds" is guidance of at least that: its one figure)
    if LOSS_BEFORE.search(before) or RATIO_AFTER.match(after):
        return None
    paragraph_before = earlier + sentence_before
    basis = "payable" if re.search(r"\bpayable\b", near_before[-40:] + after[:25], re.IGNORECASE) else None
    unit = q.unit
    named_within = find_metals(q.qualifier) if q.qualifier else []  # "510,491 silver ounces", "12,051 GEOs"
    explicit_metal = named_within[0][2] if named_within else metal_after(after)
    if explicit_metal is None and unit.split("/")[-1] in COUNTED_ONLY_IN:
        explicit_metal = COUNTED_ONLY_IN[unit.split("/")[-1]]  # carats are of diamonds, whatever the sentence names
    if unit == "%":
        if CHANGE_BEFORE.search(before) or CHANGE_AFTER.match(after) and not _LEVEL_COMPARED.match(after):
            return None  # "up 12% compared with", not "recoveries were 70.1% compared to 61.2%"
        cue = near_before[-60:]
        recovery, availability, grade = (_last(p, cue) for p in (r"recover\w*", r"availability|available", r"grades?|head"))
        if max(recovery, availability, grade) < 0 and explicit_metal and explicit_metal not in PRECIOUS:
            grade = 0
        best = max(recovery, availability, grade)
        if best < 0:
            return None
        metal = explicit_metal or metal_before(before) or metal_before(paragraph_before, 400)
        if best == recovery:
            return Reading("recovery", metal, "%")
        if best == availability:
            return Reading("mill_availability", None, "%")
        return Reading(_grade_metric(near_before, sentence_before), metal, "%") if metal else None
    if unit in {"g/t", "oz/t", "cpht", "ct/t"}:
        if CHANGE_BEFORE.search(before):
            return None
        metal = explicit_metal or metal_before(before) or metal_before(paragraph_before, 400)
        return Reading(_grade_metric(near_before, sentence_before), metal, unit)
    if unit == "t/d":
        if _CAPACITY_ADJECTIVE.search(before) and _FACILITY_AFTER.match(after):
            return None  # "the 1,450 tonne-per-day Whitefish mill": the mill's size, not a rate it ran at
        mined, milled = _last(ORE_MINED, near_before), _last(ORE_PROCESSED, near_before)
        if mined < 0 and milled < 0:  # "The pit mined 2,340,000 tons of ore, an average of 26,000 tpd"
            mined, milled = _last(ORE_MINED, sentence_before), _last(ORE_PROCESSED, sentence_before)
        return Reading("mining_rate" if mined > milled else "throughput", None, "t/d")
    if unit == "t" and not explicit_metal and re.search(r"(?i)\b(?:daily|per\s+day)\b[^.;]{0,40}$", near_before):
        # "average daily mill throughput of 89,400 tons": a rate written without its "per day"
        mined, milled = _last(ORE_MINED, near_before), _last(ORE_PROCESSED, near_before)
        return Reading("mining_rate" if mined > milled else "throughput", None, "t/d")
    if unit == "ct" and re.match(r"(?i)\s*(?:[\w-]+\s+){0,4}?(?:diamonds?|stones?|gems?)\b", after):
        return None  # "a 212.4 carat Type IIa white diamond": one stone's size, not an output
    if unit in {"oz", "lb", "t", "kg", "ct"}:
        if re.match(r"\s*(?:per|a|/)\s*(?:year|annum|day)\b|\s*annually", after, re.IGNORECASE) or CHANGE_BEFORE.search(before):
            return None
        if unit == "t" and not explicit_metal:
            concentrate = _concentrate(near_before, after, sentence_before)
            if concentrate is not None:
                return concentrate
            if re.match(r"\s*(?:of\s+)?(?:waste|overburden|concentrates?|material moved|water|tailings)", after, re.IGNORECASE):
                return None
            contained = metal_before(before, 60)
            if contained and re.search(r"\bin\s+(?:\w+\s+)?concentrates?\b", near_before[-60:], re.IGNORECASE):
                return Reading(_output_metric(near_before), contained, "t", basis)
            if re.search(r"\b(?:\w+\s+)?concentrates?\s*(?:of|was|were|totall?ed|:)?\s*$", near_before[-40:], re.IGNORECASE):
                return None
            if re.search(r"\bproduc\w*\s*(?:approximately|about|some)?\s*$", near_before, re.IGNORECASE) and re.match(
                    r"\s*of\s+ore\b", after, re.IGNORECASE):
                return Reading("ore_mined", None, "t")
            verb_after = _ORE_VERB_AFTER.match(after)
            if verb_after:  # "98,650 tonnes of ore were mined"
                verb = verb_after.group(1) or verb_after.group(2)
                return Reading("ore_mined" if re.fullmatch(ORE_MINED, verb, re.IGNORECASE) else "ore_processed", None, "t")
            mined = _last(ORE_MINED, near_before)
            milled = _last(ORE_PROCESSED, near_before)
            if max(mined, milled) < _last(_OUTPUT_WORDS, near_before):
                mined = milled = -1  # "the team delivered a strong quarter with shipments of 36.2 Mt": the nearer cue names it
            if mined < 0 and milled < 0:
                output_cue = re.search(r"produc\w*|output|sold|sales|\bsell\w*|accounted\s+for|contributed|targets?|guidance|forecast",
                                       near_before, re.IGNORECASE) or _has_output_cue(near_before)  # "cut its copper target to"
                metal = metal_before(before, 60) or (metal_before(paragraph_before, 400) if output_cue else None)
                if output_cue:  # "expects production of 2.35 to 2.45 million tons": of the release's metal, if it has one
                    return Reading(_output_metric(near_before), metal, "t", basis)
                if re.match(r"\s*(?:of\s+)?ore\b", after, re.IGNORECASE):
                    return Reading("ore_processed", None, "t")
                if re.search(r"\bincluding\s*$", near_before, re.IGNORECASE):  # "processed 1,031,400 tons, including 58,900 tons from"
                    mined, milled = _last(ORE_MINED, sentence_before), _last(ORE_PROCESSED, sentence_before)
                    if max(mined, milled) >= 0:
                        return Reading("ore_mined" if mined > milled else "ore_processed", None, "t")
                return None
            return Reading("ore_mined" if mined > milled else "ore_processed", None, "t")
        metal = explicit_metal or metal_before(before, 100) or metal_before(paragraph_before, 400)
        # "ounces of gold sold", not "ounces) and sold" nor "pounds and sales of": the next figure's cue is its own
        after_cue = re.match(r"(?:(?!\b(?:and|but|while|with)\b)[^(),;]){0,20}", after)
        cue = near_before + " " + (after_cue.group() if after_cue else "")
        if metal is None:
            # "our 2025 production guidance of 72,000 to 78,000 ounces": an output cue, and no metal named near it; the
            # resolver gives it the release's principal metal
            guided = re.search(r"(?i)\b(?:guidance|forecast|outlook|targets?)\b", near_before[-60:])  # "FY24 guidance is ... ounces"
            return Reading(_output_metric(cue, sentence_before), None, unit, basis) if _has_output_cue(near_before[-60:]) or guided else None
        if not _has_output_cue(cue) or re.search(r"(?i)\bcontain\w*\s*(?:approximately|about|some)?\s*$", near_before):
            # "sold 70,212 t of concentrate, containing 16,120 t of copper": the figure shares the verb of its clause
            cue = sentence_before[-200:]
        return Reading(_output_metric(cue, sentence_before), metal, unit, basis)
    if "/" in unit or unit.isupper() or unit == "$":
        return _financial(unit, near_before, explicit_metal, q.text, sentence_before)
    return None


# a percentage set against another one: both are levels ("70.1 per cent compared to 61.2 per cent")
# (``after`` runs to the next figure, so a comparison that ends it is set against a figure)
_LEVEL_COMPARED = re.compile(r"(?i)^\s*,?\s*(?:compared\s+(?:to|with)|versus|vs\.?)\s*(?:about\s+|approximately\s+)?$")
_CAPACITY_ADJECTIVE = re.compile(r"(?i)\b(?:the|a|an|its|our|their)\s*$")
_FACILITY_AFTER = re.compile(r"\s*(?:[A-Z][\w'’-]*\s+){0,3}(?i:mill|plant|concentrator|processing\s+(?:plant|facility)|facility"
                             r"|circuit|crusher|flotation|heap[- ]leach)\b")
_OUTPUT_WORDS = r"produc(?!ts?\b)\w*|output|sold|sales|sell\w*|ship\w*|poured"
_OUTPUT_CUE = re.compile(rf"(?i)\b(?:{_OUTPUT_WORDS}|deliver\w*|refin\w*)\b")
# "61,402 t of zinc concentrate", not "4,577 tonnes contained in concentrate" (metal in it)
_CONCENTRATE_AFTER = re.compile(r"(?i)^\s*(?:of\s+)?(?:(?P<metal>(?!contained\b|in\b)[a-z][\w-]*(?:\s+(?!in\b)[a-z]+)?)\s+)?concentrates?\b")
_CONCENTRATE_BEFORE = re.compile(r"(?i)\b(?:(?P<metal>[a-z][\w-]*)\s+)?concentrates?\b(?:\s+(?:production|output|produced|sales|sold|shipped"
                                 r"|shipments))?[^.;]{0,60}$")


def _concentrate(near_before: str, after: str, sentence_before: str) -> Reading | None:
    """Tonnes of concentrate: "61,402 t of zinc concentrate", "spodumene concentrate production of 28,400 t", "sold 70,212 t
    of concentrate" (sales of the concentrate's metal). The metal is the one naming the concentrate, else the first named
    with it ("..., containing 16,120 t of copper")."""
    m = _CONCENTRATE_AFTER.match(after) or _CONCENTRATE_BEFORE.search(near_before)
    if m is None and any(c.concept.dimension == "concentrate" for c in find_cues(near_before[-50:])):
        # a concentrate the lexicon names otherwise ("SC production of 80,000 dmt"): of the release's metal
        sold = re.search(r"(?i)\b(?:sold|sales|ship\w*)\b", near_before[-50:])
        return Reading("sales" if sold else "concentrate_production", None, "t", "concentrate")
    if m is None or re.search(r"(?i)\bin\s+(?:\w+\s+)?concentrates?\b", near_before[-40:]):
        return None  # "7,909 tonnes of copper contained in concentrate": metal, not concentrate
    if m.re is not _CONCENTRATE_AFTER and re.search(r"(?i)(?:\band\b|[,;])[^.;]*\b(?:production|produced|output)\b",
                                                     re.split(r"(?i)\bconcentrates?\b", near_before)[-1]):
        return None  # "... in concentrate (Q4: 4,675 t) and zinc production of 1,204 t": the nearer cue names it
    named = find_metals(m.group("metal") or "")
    metal = named[0][2] if named else None
    if metal is None:
        later = find_metals(after[m.end():][:80]) if m.re is _CONCENTRATE_AFTER else []
        metal = later[0][2] if later else metal_before(near_before, 40)
    cue = near_before + " " + after[:40]
    metric = "sales" if re.search(r"(?i)\b(?:sold|sales|sell\w*|shipp?\w*|shipments?)\b", cue) else "concentrate_production"
    return Reading(metric, metal, "t", None if metal else "concentrate")


def _grade_metric(near_before: str, sentence_before: str) -> str:
    """A grade read with what it qualifies: a concentrate's grade, the mill's head grade, or the grade of ore mined when the sentence's ore
    figure was mined ("delivered 288,000 t of ore, grading 4.2% copper") and no word says head or mill feed."""
    window = near_before[-80:]
    ore_words = r"\bore\b|\bhead\b|\bfeed\b|\bmined\b|\bmilled\b"
    if _last(r"\bconcentrates?\b", window) < 0 and _last(ore_words, window) < 0:
        window = sentence_before[-120:]  # "concentrate production of 21,140 dmt at a grade of 21.6%": the figure's subject
    if _last(r"\bconcentrates?\b", window) > _last(ore_words, window):
        return "concentrate_grade"  # "42,310 dmt of spodumene concentrate at a grade of 6.0% Li2O"
    if re.search(r"(?i)\bhead\b|\bfeed\b|\bmill\w*|process\w*|treat\w*", near_before):
        return "head_grade"
    return "mined_grade" if _last(ORE_MINED, sentence_before) > _last(ORE_PROCESSED, sentence_before) else "head_grade"


def _output_metric(cue: str, sentence_before: str = "") -> str:
    """The output a quantity of metal is: sold or delivered, refined, else what the lexicon's metal cues in ``cue``
    say ("dried and drummed", "captured"), else produced. The sentence before the figure says whether the output
    noun nearest it is refined ("Refined platinum production for the second half of FY2019 (...) is ...")."""
    sold = _last(r"\b(?:sold|sales?|sell\w*|deliver\w*|shipped|shipments?)\b", cue)
    produced = _last(r"\b(?:production|produced|output)\b", cue)
    if sold >= 0 and sold > produced:  # the nearer cue names it: "delivered attributable production of" is production
        return "sales"
    nouns = list(_OUTPUT_NOUN.finditer(sentence_before[-200:]))
    if re.search(r"\brefin\w*", cue, re.IGNORECASE) or nouns and nouns[-1].group("refined") and sold < 0:
        return "refined_production"
    named = [c for c in concepts_named(cue) if c.dimension == "metal"]
    return (named[0] if named else next(c for c in metric_concepts() if c.is_default)).notation


_OUTPUT_NOUN = re.compile(r"(?i)(?P<refined>\brefin\w*\s+(?:[a-z]+\s+){0,2})?\b(?:production|output)\b")


# a tonne of ore, not of product: "per tonne milled", "per tonne of ore treated", "R/t milled"
ORE_TONNE = re.compile(r"(?i)(?:\bper\s+(?:tonne|ton|t)|/t(?:onne)?)\s+(?:of\s+(?:ore\s+)?)?(?:milled|treated|processed|mined|hoisted"
                       r"|ore)\b")


def _has_output_cue(cue: str) -> bool:
    return bool(_OUTPUT_CUE.search(cue)) or any(c.dimension == "metal" and not c.is_default for c in concepts_named(cue))


_PER_BEFORE = re.compile(r"(?i)\b(?:costs?|prices?|AISC|AIC|C1|realizations?|realisations?|revenues?)\s+(?:[a-z]+\s+)?per\s+"
                         r"(?:[a-z]+\s+)?(?P<per>ounce|oz|pound|lb|tonne|ton)s?[¹²³1-9]?\b(?:\s+of\s+[a-z]+)?(?P<rest>[^$\d]*)$")


def _financial(unit: str, near_before: str, explicit_metal: str | None, quantity_text: str,
               sentence_before: str = "") -> Reading | None:
    cue = near_before[-100:]
    per_before = _PER_BEFORE.search(cue)
    if "/" not in unit and per_before and len(per_before.group("rest")) < 60:
        unit = f"{unit}/{PER_UNIT[per_before.group('per').lower()]}"  # "Cash cost per ounce of silver ... was US$7.85"
    per_unit = "/" in unit
    metal = explicit_metal or (metal_before(cue, 50) if per_unit else None)
    if per_unit and metal is None:
        metal = metal_before(quantity_text) or metal_before(sentence_before, 120)
    if per_unit:
        if re.search(r"all[- ]in[- ]sustaining|\bAISC\b", cue, re.IGNORECASE):
            return Reading("aisc", metal, unit)
        if re.search(r"all[- ]in[- ]costs?|\bAIC\b", cue, re.IGNORECASE):
            return Reading("aic", metal, unit)
        if re.search(r"cash\s+costs?|cash\s+operating\s+costs?|C1\b", cue, re.IGNORECASE):
            reading = Reading("cash_cost", metal, unit)  # "cash cost per tonne of ore treated": a cost of the ore
            return reading.of_ore_tonne() if not explicit_metal and ORE_TONNE.search(cue + " " + quantity_text) else reading
        # "the average price rose to US$1,630 per carat", "an average price of US$3,000/dmt": the issuer's own price (a
        # market's is named so: spot, LME, "the average gold price", and is not a figure)
        if re.search(r"realiz\w*|realis\w*|received|achieved|average\s+(?:selling|sales)\s+price|\brevenues?\b|basket\s+price"
                     r"|\baverage\s+price\b", cue, re.IGNORECASE):
            return Reading("realized_price", metal, unit)
        if re.search(r"\bcosts?\b", cue, re.IGNORECASE):
            # a cost per tonne milled is a cost of ore, not of a metal
            return Reading("unit_cost", None if unit.endswith("/t") and not explicit_metal else metal, unit)
        return None
    if re.search(r"\brevenues?\b|\bsales\b", cue, re.IGNORECASE) and not re.search(r"\bcosts?\b|\bexpenses?\b", cue[-40:], re.IGNORECASE):
        return Reading("revenue", None, unit)
    return None
