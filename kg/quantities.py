"""Numbers with their units, as releases write them.

``1,500,684 tonnes``, ``2.6 million tonnes``, ``2 043 kt``, ``94.1 koz``,
``C$2.0 million``, ``$412 per ounce``, ``75.1%``, ``2.60 grams per tonne``:
each becomes a :class:`Quantity` in base units (t, t/d, g/t, %, oz, lb, a
currency, or a currency per unit) with its offsets in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.vocabulary import CODES_BEFORE_AMOUNT, CURRENCY_PREFIXES, METALS

NUMBER = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])(?:\.\d+)?"  # 14,62,350 (lakhs and crores, as India groups digits)
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,500,684.5
    r"|\d{1,3}(?:\.\d{3})+,\d+"  # 1.234,5 (decimal comma)
    r"|\d{1,3}(?: \d{3})+(?![\d,])(?:\.\d+)?"  # 2 043 (space-grouped)
    r"|\d+,\d{1,2}(?![\d,])"  # 74,5 (decimal comma)
    r"|\d+(?:\.\d+)?"  # 1500684, 2.60
    r"|\.\d+)(?![\d])"
)
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mm": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}  # lakh and crore: Indian releases
_SCALE = r"(?:(?:\s*|-)(?P<scale>thousand|million|billion|mln|mn|Mn|mm|bn|lakhs?|crores?)\b|(?P<sfx>[kKmMbB])(?=\s|$|[).,;]))?"

# "33.8 million tonnes a year earlier": a tonnage then when it was, not a rate per year
_NOT_AGO = r"(?!\s+(?:earlier|ago|before|prior|previously|later)\b)"
# unit pattern -> (code, factor)
_UNITS: list[tuple[str, str, float]] = [
    (r"(?i:(?:k|thousand\s+)(?:tonnes|tons|t)\s*(?:per|/|a)\s*day|ktpd|kt/d)", "t/d", 1e3),
    (r"(?i:(?:metric\s+|dry\s+|wet\s+)?(?:tonnes?|tons?|t|dmt|wmt|mt)[\s-]*(?:per|/|a)[\s-]*(?:calendar\s+|operating\s+)?day|tpd|mtpd|t/d"
     r"|tonnes/day)", "t/d", 1),
    # rates over other spans of time: capacities and peaks, never a period's tonnage ("2,430 tonnes per hour",
    # "95,000 tonnes a month", "3.6 Mtpa")
    (r"(?i:(?:metric\s+|dry\s+|wet\s+)?(?:tonnes|tons|t)\s*(?:per|/|an?)\s*(?:operating\s+)?(?:hour|hr|h)(?![a-z])|tph|t/h)",
     "t/h", 1),
    (r"(?i:(?:metric\s+|dry\s+|wet\s+)?(?:tonnes|tons|t)\s*(?:per|/|an?)\s*(?:month|mth)" + _NOT_AGO + r"|tpm|t/month)", "t/month", 1),
    (r"(?:M|(?i:million\s+))(?i:(?:tonnes|tons|t)\s*(?:per|/|an?)\s*(?:annum|year|yr)" + _NOT_AGO + r"|tpa|t/a|t/y)", "t/y", 1e6),
    (r"(?:k|(?i:thousand\s+))(?i:(?:tonnes|tons|t)\s*(?:per|/|an?)\s*(?:annum|year|yr)" + _NOT_AGO + r"|tpa|t/a|t/y)", "t/y", 1e3),
    (r"(?i:(?:metric\s+|dry\s+|wet\s+)?(?:tonnes|tons|t)\s*(?:per|/|an?)\s*(?:annum|year|yr)" + _NOT_AGO + r"|tpa|t/a|t/y)", "t/y", 1),
    (r"(?i:gram(?:me)?s?\s+per\s+(?:metric\s+)?(?:tonne|ton|t)|g/tonne|g/t|gpt|gram(?:me)?s?/tonne)", "g/t", 1),
    (r"(?i:ounces?\s+per\s+ton|oz/t(?:on)?|opt)", "oz/t", 1),
    (r"(?i:%|per\s?cent(?!age)|pct|pc(?![\w.]))", "%", 1),
    (r"(?i:moz|million\s+(?:troy\s+)?ounces)", "oz", 1e6),
    (r"(?i:koz|kozs|(?:thousand|kilo)\s+(?:troy\s+)?ounces|000\s*oz)", "oz", 1e3),
    (r"(?i:(?:troy\s+)?ounces?|ozs?|ozt|oz\.)|GEOs?|SEOs?", "oz", 1),
    (r"(?i:mlbs?|million\s+pounds|mmlbs)|M\s?lbs?", "lb", 1e6),
    (r"(?i:klbs?|thousand\s+pounds)", "lb", 1e3),
    (r"(?i:pounds|lbs?\.?)", "lb", 1),
    (r"Mt|M[wd]mt|M\s(?i:tonnes|tons)|(?i:million\s+(?:(?:wet|dry)\s+)?(?:metric\s+)?(?:tonnes|tons|tones)|Mtonnes)", "t", 1e6),
    # "41.2 MT" in Indian and Chinese releases is million tonnes; "1,725 MT", a whole number, metric tonnes (see below)
    (r"MT(?![/\w])", "t", 1e6),
    (r"kt|KT(?![/\w])|(?i:ktonnes|(?:thousand|kilo)\s+(?:(?:wet|dry)\s+)?(?:metric\s+)?(?:tonnes|tons)|kilotonnes|kwmt|kdmt)", "t", 1e3),
    # "mt" in lower case is a metric tonne (wire style: "1,725 mt"; "7.01 million mt"), "Mt" a million tonnes; "tU" a
    # tonne of uranium
    (r"(?i:(?:(?:wet|dry)\s+)?(?:metric\s+)?(?:tonnes|tons|tonne|ton|tones)|dmt|wmt|t)(?![/\w])|mt(?![/\w])|tU(?![/\w])", "t", 1),
    (r"(?i:kg|kilograms?)", "kg", 1),
    (r"(?i:carats?\s+per\s+hundred\s+(?:tonnes|tons)|cpht)", "cpht", 1),
    (r"(?i:carats?\s+per\s+(?:tonne|ton)|ct/t|cpt)(?![\w/])", "ct/t", 1),
    (r"(?i:million\s+carats|Mct)", "ct", 1e6),
    (r"(?i:thousand\s+carats|kct)", "ct", 1e3),
    (r"(?i:carats?|cts?)", "ct", 1),
]
# words that may stand between a number and its unit and say what is counted: "510,491 silver ounces",
# "41,806 gold-equivalent ounces", "24,752 saleable ounces" (the metal names come from the vocabulary)
_QUALIFIER_WORDS = sorted({n for names, _ in METALS.values() for n in names if n.replace(" ", "").replace("-", "").isalpha()}
                          | {"equivalent", "saleable", "payable", "recovered", "attributable", "fine", "contained"}, key=len, reverse=True)
# "18,406 4E (23,290 6E) PGM ounces": a PGM basis, and the same output on another basis in parentheses, between the
# number and its unit
_BASIS = r"[2-6]E(?:\+Au)?(?:\s*\([\d,. ]+[2-6]E(?:\+Au)?\))?|PGMs?"
_QUALIFIER = (r"(?P<qual>(?i:(?:" + "|".join(w.replace(" ", r"[\s-]+") for w in _QUALIFIER_WORDS) + rf"|{_BASIS})[¹²³1-9]?"
              r"(?:\.?[\s-]+|(?=GEO|SEO))){1,3})")  # a footnote mark may follow; "gold eq. oz": an abbreviation's point
_UNIT_GROUPS = "|".join(f"(?P<u{i}>{p})" for i, (p, _, _) in enumerate(_UNITS))
_CURRENCY = r"(?P<cur>US\$|\$US|\$A(?=\d)|\$C(?=\d)|U\.S\.\s?\$|USD\$?|C\$|CDN\$|Cdn\$|CA\$|CAD\$?|A\$|AU\$|AUD|NZ\$|MX\$|ZAR|R(?=\s?\d)|£|€|EUR|GBP|\$|Rs\.?(?=\s?\d)|₹|INR|(?:" + "|".join(CODES_BEFORE_AMOUNT) + r")(?=\s?\d))"
_PER = r"(?:(?:\(\d\))?(?:\s*(?:per|/)\s*|\s+an?\s+)(?:(?:[2-6]E|PGM|payable|gold|silver|copper|recovered|refined|attributable)\s+){0,2}(?P<per>ounce|oz|pound|lb|dmtu|dmt|wmt|dry\s+(?:metric\s+)?tonne|wet\s+(?:metric\s+)?tonne|tonne|ton|kg|kilogram|t(?![a-z])|gold\s+ounce|payable\s+(?:ounce|pound)|ounce\s+sold|pound\s+sold|carat|ct|gram|g(?![\w/])|(?i:tonne|ton|ounce|oz|pound|lb)(?![a-z]))s?)?"

QUANTITY = re.compile(
    rf"{_CURRENCY}\s?(?P<num>{NUMBER}){_SCALE}(?:\s+(?P<cur2>USD|CAD|AUD|ZAR))?{_PER}"
    # a number glued to the lower-case word before it ("output of345-410"), as wire copy joins lines, still counts
    rf"|(?:(?<![\w.,/])|(?<=[a-z][a-z])(?=\d[\d.,]))(?P<num2>{NUMBER}){_SCALE.replace('scale', 'scale2').replace('sfx', 'sfx2')}(?:\s{{1,3}}|\s?-)?"
    rf"(?:{_QUALIFIER}?(?P<unit>{_UNIT_GROUPS})(?![A-Za-z])"
    rf"|(?P<curword>\s*(?:Canadian|Australian|U\.?S\.?|US)?\s*dollars))?",
)
PER_UNIT = {"ounce": "oz", "oz": "oz", "pound": "lb", "lb": "lb", "tonne": "t", "ton": "t", "t": "t", "kg": "kg",
             "kilogram": "kg", "carat": "ct", "ct": "ct", "dmt": "t", "wmt": "t", "gram": "g", "g": "g",
             "dmtu": "dmtu"}  # a dry metric tonne unit: one per cent of manganese (or another metal) in a dry tonne


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float
    unit: str  # base unit code; "" for a bare number
    text: str
    number_text: str
    scaled: bool = False  # a scale word or prefix was applied
    qualifier: str = ""  # the words between number and unit that say what is counted ("silver", "gold-equivalent")


def parse_number(text: str) -> float:
    """``1,500,684`` -> 1500684; ``1.234,5`` -> 1234.5; ``2 043`` -> 2043; ``74,5`` -> 74.5."""
    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", s):
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+,\d{1,2}", s):
        return float(s.replace(",", "."))
    return float(s.replace(",", "").replace(" ", ""))


def _scale(m: re.Match[str], scale: str, sfx: str) -> float:
    word = (m.group(scale) or m.group(sfx) or "").lower()
    return SCALES.get(word, 1.0)


_DEFINITION = re.compile(r"(?P<words>(?:(?:million|thousand|lakh|crore|metric|wet|dry)\s+)*(?:tonnes|tons|ounces|pounds))\s*\((?P<abbr>[A-Za-z]{1,4})\)")


_MILLION_MT = re.compile(r"(?i:\b(?:mn|million|mln)\.?)\s*MT\b")


def unit_definitions(text: str) -> dict[str, tuple[str, float]]:
    """Unit abbreviations a release defines for itself: "26.41 million tonnes (MT)" makes "MT" million tonnes there."""
    out: dict[str, tuple[str, float]] = {}
    for m in _DEFINITION.finditer(text):
        words, abbr = m.group("words"), m.group("abbr")
        # the scale belongs to the abbreviation only when its first letter says so ("MT", "kt", "mt" for "million tonnes";
        # not "wmt", nor "mt" for "million metric tonnes", where its "m" is the metric)
        lower = words.lower()
        if not (abbr[0] in "mM" and lower.startswith("million") and (abbr[0] == "M" or "metric" not in lower)
                or abbr[0] in "kK" and lower.startswith("thousand") or abbr[0] in "lL" and lower.startswith("lakh")):
            words = re.sub(r"(?i)^(?:million|thousand|lakh|crore)\s+", "", words)
        for q in _find_quantities("1 " + words):
            if q.unit and q.text == "1 " + words:
                out.setdefault(abbr, (q.unit, q.value))
    if _MILLION_MT.search(text):  # "2.94 Mn MT": where a release scales its MT, a bare "96.4 MT" is metric tonnes
        out.setdefault("MT", ("t", 1.0))
    return out


def find_quantities(text: str, default_currency: str | None = None,
                    defined: dict[str, tuple[str, float]] | None = None) -> list[Quantity]:
    """Every number in ``text`` with its unit, in base units (``defined``: the release's own abbreviations)."""
    out = _find_quantities(text, default_currency)
    if not defined:
        return out
    pattern = re.compile(r"\s?(" + "|".join(re.escape(a) for a in sorted(defined, key=len, reverse=True)) + r")\b")
    for i, q in enumerate(out):
        number_end = q.start + q.text.index(q.number_text) + len(q.number_text)
        m = pattern.match(text, q.end) if not q.unit else pattern.fullmatch(text, number_end, q.end)
        if m and (not q.unit or not q.qualifier):  # the unit written is the abbreviation alone: its scale is the unit's
            # a unit the release defined ("45.6 million tonnes (mt)" then "44.3 mt"), over the grammar's own reading
            unit, factor = defined[m.group(1)]
            value = parse_number(q.number_text) * factor
            out[i] = replace(q, end=m.end(), value=value, unit=unit, text=text[q.start:m.end()], scaled=factor != 1.0)
    return out


def _find_quantities(text: str, default_currency: str | None = None) -> list[Quantity]:
    out = []
    for m in QUANTITY.finditer(text):
        if m.group("num"):
            value = parse_number(m.group("num")) * _scale(m, "scale", "sfx")
            currency = CURRENCY_PREFIXES.get(m.group("cur"), "$")
            if m.group("cur2"):
                currency = m.group("cur2")
            if currency == "$" and default_currency:
                currency = default_currency
            per = m.group("per")
            unit = currency
            if per:
                key = per.lower().split()[-1] if per.lower().split()[-1] in PER_UNIT else per.lower().split()[0]
                unit = f"{currency}/{PER_UNIT.get(key, key)}"
            out.append(Quantity(m.start(), m.start() + len(m.group().rstrip()), value, unit, m.group().rstrip(), m.group("num"),
                                scaled=bool(m.group("scale") or m.group("sfx"))))
            continue
        number = m.group("num2")
        value = parse_number(number)
        factor = _scale(m, "scale2", "sfx2")
        unit = ""
        if m.group("unit"):
            index = next(int(k[1:]) for k, v in m.groupdict().items() if v and re.fullmatch(r"u\d+", k))
            _, unit, unit_factor = _UNITS[index]
            if m.group("unit") == "MT" and (not re.search(r"\.\d", number) or factor != 1.0):
                unit_factor = 1.0  # "1,725 MT": metric tonnes; "41.2 MT": million tonnes; "2.94 Mn MT": million metric
            factor *= unit_factor
        elif m.group("curword"):
            word = m.group("curword").lower()
            unit = "CAD" if "canad" in word else "AUD" if "austral" in word else "USD" if "u" in word.split("dollar")[0] else (
                default_currency or "$")
        elif m.group("sfx2") and not m.group("scale2"):
            factor = 1.0  # "5M" alone: keep the number as written
        whole = m.group().rstrip()
        if not unit:
            whole = whole.rstrip(" -")  # "200-210 koz": the dash opens a range, it is not part of the first number
        qualifier = (m.group("qual") or "").strip() if unit else ""
        if unit == "oz" and re.search(r"GEO|SEO", m.group("unit") or ""):
            qualifier = m.group("unit")  # gold- or silver-equivalent ounces
        out.append(Quantity(m.start(), m.start() + len(whole), value * factor, unit, whole, number,
                            scaled=factor != 1.0, qualifier=qualifier))
    return _ranges_sharing_their_ends([_signed(text, q) for q in out], text)


_RANGE_DASH = re.compile(r"\s*(?:-|–|—|to)\s*")
_PER_AFTER = re.compile(r"\s*(?:per|/)\s*(?P<per>ounce|oz|pound|lb|tonne|ton|t)s?(?![a-z])", re.IGNORECASE)


def _ranges_sharing_their_ends(out: list[Quantity], text: str) -> list[Quantity]:
    """A range that writes its currency on the low end and its per-unit (or its thousands) on the high end only:
    "US$1,300 -1,400 per ounce" is US$1,300 to US$1,400 per ounce, "72 – 80,000 ounces" 72,000 to 80,000 ounces, and
    "US$33-36" US$33 to US$36."""
    for i in range(len(out) - 1):
        low, high = out[i], out[i + 1]
        if not _RANGE_DASH.fullmatch(text[low.end:high.start]):
            continue
        per = _PER_AFTER.match(text, high.end)
        if (low.unit == "$" or low.unit[:1].isupper()) and "/" not in low.unit and not high.unit and per:
            unit = f"{low.unit}/{PER_UNIT.get(per.group('per').lower(), per.group('per').lower())}"
            out[i] = replace(low, unit=unit)
            out[i + 1] = replace(high, unit=unit, end=per.end(), text=text[high.start:per.end()])
        elif (low.unit == "$" or low.unit[:1].isupper()) and "/" not in low.unit and not high.unit and not low.scaled \
                and not high.scaled and not re.fullmatch(r"(?:19|20)\d\d", high.number_text):
            out[i + 1] = replace(high, unit=low.unit)  # "from US$33-36 to US$28-31": the high end in the low's currency
        elif not low.unit and high.unit and re.fullmatch(r"\d{1,3}", low.number_text) \
                and re.search(r"[, ]000$", high.number_text) \
                and parse_number(high.number_text) / 3 <= low.value * 1000 <= parse_number(high.number_text):
            scale = high.value / parse_number(high.number_text)
            out[i] = replace(low, value=low.value * 1000 * scale, unit=high.unit, scaled=True)
    return out


_NEGATIVE_BEFORE = re.compile(r"(?i)\b(?:negative|minus)\s+$")


def _signed(text: str, q: Quantity) -> Quantity:
    """"negative $2.72" (a cash cost net of by-product credits): the value below zero."""
    return replace(q, value=-q.value) if _NEGATIVE_BEFORE.search(text[max(0, q.start - 10):q.start]) else q


_GARBLED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+,\d{1,2}(?![\d,])")


def garbled_numbers(text: str) -> list[tuple[int, str]]:
    """Numbers whose thousands grouping is broken ("1,500,68"), with their offsets: read as nothing, worth a warning."""
    return [(m.start(), m.group()) for m in _GARBLED.finditer(text)]
