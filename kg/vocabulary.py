"""The controlled vocabularies: metrics, metals, currencies (mirrors ``ontology/``)."""

from __future__ import annotations

import re
from functools import lru_cache

METRICS = (
    "ore_processed", "ore_mined", "throughput", "mining_rate", "head_grade", "recovery", "mill_availability",
    "production", "refined_production", "sales", "cash_cost", "aisc", "unit_cost", "realized_price", "revenue",
    "aic", "mined_grade", "yield", "concentrate_production", "concentrate_grade", "recycling_processed",
)

# metal -> (names and forms that mean it, case-insensitive; chemical symbols, case-sensitive)
METALS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "palladium": (("palladium",), ("Pd",)),
    "platinum": (("platinum",), ("Pt",)),
    "gold_equivalent": (("gold equivalents?", "gold-equivalents?", "gold eq", "GEOs?", "Au ?Eq"), ("AuEq", "GEO")),
    "gold": (("gold",), ("Au",)),
    "silver_equivalent": (("silver equivalents?", "silver-equivalents?", "silver eq", "SEOs?", "Ag ?Eq"), ("AgEq", "SEO")),
    "silver": (("silver",), ("Ag",)),
    "rhodium": (("rhodium",), ("Rh",)),
    "ruthenium": (("ruthenium",), ("Ru",)),
    "iridium": (("iridium",), ("Ir",)),
    "copper": (("copper",), ("Cu",)),
    "nickel": (("nickel",), ("Ni",)),
    "zinc": (("zinc",), ("Zn",)),
    "lead": (("lead",), ("Pb",)),
    "molybdenum": (("molybdenum", "moly"), ("Mo",)),
    "cobalt": (("cobalt",), ("Co",)),
    "uranium": (("uranium", "U3O8", "U₃O₈", "U<sub>3</sub>O<sub>8", "yellowcake"), ("U3O8", "tU")),
    "iron": (("iron[- ]ore", "iron", "pellets?", "pellet feed"), ("Fe",)),  # iron ore's products: pellets, pellet feed
    "vanadium": (("vanadium", "V2O5", "V₂O₅"), ("V2O5",)),
    "lithium": (("lithium", "spodumene", "Li2O", "Li₂O", "Li<sub>2</sub>O"), ("Li2O",)),  # a formula as HTML writes it
    "chromium": (("chromium", "chrome", "chromite", "Cr2O3", "Cr₂O₃"), ("Cr2O3",)),
    "antimony": (("antimony",), ("Sb",)),
    "tin": (("tin",), ("Sn",)),
    "coal": (("coal", "thermal coal", "metallurgical coal", "coking coal"), ()),
    "diamond": (("diamonds?",), ()),
    "manganese": (("manganese", "manganese ore"), ("Mn",)),
    "tungsten": (("tungsten", "WO3", "WO<sub>3"), ("WO3",)),
    "niobium": (("niobium", "ferroniobium", "Nb2O5", "Nb₂O₅"), ("Nb",)),
    "phosphate": (("phosphates?", "phosphate rock", "phosphate fertili[sz]ers?"), ()),
    "zircon": (("zircon",), ()),
    "rutile": (("rutile", "synthetic rutile"), ()),
    "ilmenite": (("ilmenite",), ()),
    "monazite": (("monazite",), ()),
    "heavy_minerals": (("heavy minerals", "total heavy minerals"), ("HM", "THM")),  # "HM grade", "% HM"; "heavy mineral concentrate" is a product
    "graphite": (("graphite",), ()),
    "ndpr": (("NdPr", "Nd-Pr", "neodymium[- ]praseodymium", "neodymium(?: and |-)praseodymium", "NdPr oxide"), ("NdPr",)),
    "rare_earths": (("rare earths?", "rare[- ]earth oxides?", "rare[- ]earth elements?", "REO", "TREO", "REE"), ("REO", "TREO")),
    "pgm": (("PGMs?", "PGEs?", "platinum[- ]group (?:metals|elements)", "[2-6]E(?:\\+Au)?"), ()),
}
# a unit only one commodity is counted in: its figures are of that commodity when the label names none
COUNTED_ONLY_IN = {"ct": "diamond", "cpht": "diamond", "ct/t": "diamond"}
PRECIOUS = {"palladium", "platinum", "gold", "silver", "rhodium", "ruthenium", "iridium", "pgm", "gold_equivalent",
            "silver_equivalent"}

_METAL_ALTS = []
for _metal, (_names, _symbols) in METALS.items():
    _METAL_ALTS += [(rf"(?i:\b{n}(?:\b|(?=[1-9]\b)))", _metal) for n in _names]  # "silver-equivalent1": a footnote mark
    # "Co." and "Mo." are abbreviations (Company, Monday): only those symbols may not end a sentence
    _METAL_ALTS += [(rf"\b{s}\b(?!\.)" if s in {"Co", "Mo"} else rf"\b{s}\b", _metal) for s in _symbols]
METAL_PATTERN = re.compile("|".join(f"(?P<m{i}>{alt})" for i, (alt, _) in enumerate(_METAL_ALTS)))
_METAL_BY_GROUP = {f"m{i}": metal for i, (_, metal) in enumerate(_METAL_ALTS)}


def find_metals(text: str) -> list[tuple[int, int, str]]:
    """Metal mentions in ``text``: names ("palladium", "PGMs") and symbols ("Pd", "Au")."""
    return list(_metals_in(text))


@lru_cache(maxsize=8192)
def _metals_in(text: str) -> tuple[tuple[int, int, str], ...]:
    """The scan behind :func:`find_metals`, remembered: readers ask about the same labels and clauses again."""
    out = []
    for m in METAL_PATTERN.finditer(text):
        metal = _METAL_BY_GROUP[m.lastgroup or ""]
        if metal == "lead" and re.match(r"(?i)lead(?:s|ing)?\s+(?:to|by|the|us|in\s+the)\b", text[m.start():m.start() + 16]) and not (
                re.search(r"(?i)(?:\bof|\band|,|&|\b(?:pounds|tonnes|tons|lb|lbs|t|oz))\s*$", text[max(0, m.start() - 10):m.start()])):
            continue  # "led to", "leading the": the verb, not the metal ("pounds of lead in the quarter" is the metal)
        if metal == "iron" and not re.match(r"(?i)iron[\s-]+ore|Fe\b|pellet", m.group()):
            continue
        out.append((m.start(), m.end(), metal))
    return tuple(out)


CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "$US": "USD", "$A": "AUD", "$C": "CAD", "U.S.$": "USD", "U.S. $": "USD", "USD": "USD", "USD$": "USD", "C$": "CAD", "CDN$": "CAD", "Cdn$": "CAD",
    "CAD": "CAD", "CAD$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "R": "ZAR", "ZAR": "ZAR",
    "NZ$": "NZD", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "MXN": "MXN", "MX$": "MXN", "$": "$",
    "Rs": "INR", "Rs.": "INR", "₹": "INR", "INR": "INR",
}
# ISO codes written before the amount ("SEK 8,412 million", "KZT 1,300 billion"), and the currency each names
CODES_BEFORE_AMOUNT: dict[str, str] = {
    "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "KZT": "KZT", "CNY": "CNY", "RMB": "CNY", "PEN": "PEN", "CLP": "CLP",
    "BRL": "BRL", "GHS": "GHS", "RUB": "RUB", "CHF": "CHF", "PGK": "PGK", "PHP": "PHP", "TRY": "TRY",
    "LSL": "LSL", "BWP": "BWP", "NAD": "NAD", "ZMW": "ZMW", "TZS": "TZS", "MZN": "MZN", "IDR": "IDR",
    "ARS": "ARS", "MNT": "MNT",
}
CURRENCY_PREFIXES.update(CODES_BEFORE_AMOUNT)
CURRENCY_NAMES = {
    "canadian dollars": "CAD", "us dollars": "USD", "australian dollars": "AUD", "rands": "ZAR",
    "united states dollars": "USD", "american dollars": "USD", "rand": "ZAR",
    "south african rand": "ZAR",
}


_CURRENCY_NAME = (r"((?:canadian|u\.?s\.?|us|united states|american|australian) (?:dollars?|funds)"
                  r"|(?:south african )?rands?)")  # "in Canadian funds": Canadian dollars
# "All amounts are in U.S. dollars unless otherwise stated", "(All figures in US dollars unless noted.)", "Amounts are in
# U.S. dollars", "X reports in US Dollars only", 'All references to "$" refer to United States dollars': a clause with no number that says what its figures are in
_DECLARATION = re.compile(
    r"(?i)\b(?:all|amounts?|figures|numbers|values|reports?|reported|expressed|stated|presented|denominated)\b[^.\d]{0,80}?"
    rf"\b(?:in|refer\s+to)\s+{_CURRENCY_NAME}(?=\s*(?:\(|\)|[.;,]|$|unless\b|only\b|except\b))"
    r"|(?i:amounts|figures|dollar amounts)[^.]{0,40}?\(?(US\$|C\$|A\$|CDN\$)\)?")


def release_currency(text: str) -> str | None:
    """The currency a release declares for all its figures, if it says so."""
    m = _DECLARATION.search(" ".join(text.split()))
    if not m:
        return None
    if m.group(1):
        name = m.group(1).lower().replace("u.s.", "us").replace("u.s", "us").replace("funds", "dollars").rstrip("s") + "s"
        return CURRENCY_NAMES.get(name) or CURRENCY_NAMES.get(name.rstrip("s")) or ("USD" if name.startswith("u") else None)
    return CURRENCY_PREFIXES.get(m.group(2))


_RAND_AMOUNT = re.compile(r"(?<![\w$])R\s?\d|\bR/(?:oz|t|kg)\b|\bR\s?(?:m|bn|million|billion)\b|\bZAR\b")


def implied_currency(text: str) -> str | None:
    """The dollar of a bare "$" that a release names by contrast: a release that reports in rand ("R/oz", "R2.1
    billion", "R/$") has no dollar of its own, so its "$" is the US dollar. A listing says nothing of its dollar: a
    "$" of a company listed in New York stays "$" (the evaluation's rule too)."""
    return "USD" if _RAND_AMOUNT.search(text) else None
