"""Reading tables: every numeric cell is the product of its row's and its column's axes.

The layout layer (:mod:`kg.read.layout`) gives each table as a grid of
cells, whatever layout it came in. Here each header cell and each row label
is typed as an axis: a period (``Q2 2011``, ``Three months ended June 30,``
over ``2011``), a site (a mine of the release, or a total), a metric with its
unit (``Ore milled (t)``), a metal (``Silver (000's)``), a unit alone
(``R/oz``), a basis (``100% basis``, ``Attributable``), or a column to
ignore (change, variance, budget). A section row (a label with no values)
passes its axes to the rows under it, so a metric named once over a row per
metal, or a mine over its rows, reaches every cell. One path reads every
orientation: periods across with metrics down, periods down with metrics
across, mines across or down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.dates import MONTH_NAME
from kg.extract.document import ReleaseDoc
from kg.extract.figures import NOT_A_FIGURE, ORE_TONNE, Reading
from kg.extract.lexicon import (
    concept,
    concepts_named,
    dimension_of,
    find_cues,
    metric_of_label,
    metric_under_section,
)
from kg.extract.mines import mine_key
from kg.periods import Period, find_periods, year_period
from kg.quantities import Quantity, find_quantities
from kg.read.layout import (
    CURRENCY_CELL,
    EMPTY_CELL,
    YEAR_RUN_IN,
    Table,
    TableRow,
    is_table_row,
    is_value_cell,
)
from kg.records import Guidance, Measurement, Span
from kg.vocabulary import CURRENCY_PREFIXES, PRECIOUS, find_metals

_EMPTY = EMPTY_CELL
_YEAR_CELL = re.compile(r"^\s*(?:19|20)\d\d\s*$")
# a currency written as a unit ("US$", "C$", "R", "SEK"), from the vocabulary, longest first
_CURRENCY_SIGN = "|".join(re.escape(sign) for sign in sorted(CURRENCY_PREFIXES, key=len, reverse=True))
_CURRENCY_CODES = set(CURRENCY_PREFIXES.values())
_GUIDANCE_COLUMN = re.compile(r"(?i)\b(?:guidance|outlook|forecasts?)\b")
_CHANGE_COLUMN = re.compile(r"(?i)\b(?:changes?|variances?|vs\.?|versus|differences?|against|achieved|actual|completion|completed|progress)\b|%")
_SKIP_COLUMN = re.compile(r"(?i)\b(?:changes?|chg|vs\.?|versus|variances?|var\.|differences?|budget(?:ed)?|plan(?:ned)?|guidance|forecasts?"
                          r"|targets?|outlook)\b|%\s*(?:inc|dec|chg)|\b(?:inc|dec)\w*\s*/\s*\(?(?:inc|dec)")


def _section_site(doc: ReleaseDoc, label: str, current: str | None) -> str | None:
    """The site a section label names: a mine of the release, none for company totals, else unchanged."""
    if re.match(r"(?i)\s*(consolidated|total|company|group|corporate)\b", label):
        return None
    key = mine_key(re.sub(r"\(.*?\)", "", label))
    for known, name in doc.mine_names.items():
        if key and (key == known or key.startswith(known + " ") or known.startswith(key + " ")):
            return name
    return current


_is_value = is_value_cell


_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|(?i:\bF\s?Y\s?'?\d\d\b)|'\d\d\b|\b[HQ][1-4]\s?'?\d\d\b"
                           r"|\b[1-4][QH]\s?'?\d\d\b|\b[A-Za-z]{3}-\d\d\b")


def _cell_period(text: str, ctx) -> Period | None:  # type: ignore[no-untyped-def]
    text = re.sub(rf"(?i)^\s*({MONTH_NAME})[\s\-'’]+(\d\d)\s*$", r"\1 20\2", text)  # "Jun-23": June 2023
    text = re.sub(rf"(?i)\b({MONTH_NAME})[\-'’](\d\d)\b", r"\1 20\2", text)  # "Year-to-date Dec-17"
    text = re.sub(rf"(?i)\b({MONTH_NAME})\s+(\d\d)(?=\s+(?:qtr|quarter|half|ytd)\b)", r"\1 20\2", text)  # "Dec 05 Qtr"
    text = re.sub(rf"(?i)\b([0-3]?\d\s+)({MONTH_NAME})\s+(\d\d)\b(?![\d,:])", r"\1\2 20\3", text)  # "to 31 Dec 05"
    text = re.sub(r"\b(Q[1-4]|[1-4]Q)\s+((?:19|20)\d\d)\b", r"\1 \2", text)
    text = re.sub(YEAR_RUN_IN, " ", text)  # "SEPTEMBER 2021QUARTER": a year run into its heading
    quarter_only = re.fullmatch(r"(?i)\s*((?:19|20)\d\d)\s+(Q[1-4])\s*", text)
    if quarter_only:
        text = f"{quarter_only.group(2)} {quarter_only.group(1)}"
    mentions = list(find_periods(text, ctx))
    absolute = [m for m in mentions if not m.relative]
    relative = [m for m in mentions if m.relative]
    if relative and absolute and relative[0].period.kind != absolute[0].period.kind:
        return replace(relative[0].period, year=absolute[0].period.year)
    if absolute:
        # "Year ended 31 December FY 2021": the mention that writes its year, over one whose year the context gives
        written = [m for m in absolute if _WRITTEN_YEAR.search(text[m.start:m.end])] or absolute
        return max(written, key=lambda m: m.period.months if m.period.kind != "year" else 0).period \
            if len(written) > 1 and all(m.period.kind == "year" for m in written[:1]) else written[0].period
    if not relative:
        return None
    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", re.sub(r"(?i)\bF(?:Y|iscal)\s*'?\d{2,4}\b", "", text))
    if len(set(years)) == 1:  # "YTD to 31 Dec 2015": the relative period of the year the cell names ("YTD FY2017" names
        # a fiscal year, which the relative period already holds)
        return replace(relative[0].period, year=int(years[0]), fiscal_label=None)
    return relative[0].period


_BASIS_WORDS = re.compile(r"(?i)\b(?:basis|attributable|equity|share|consolidated|metal|content|contained)\b")


_UNIT_COUNT = r"10+(?:,000)*|1(?:,000)+"  # "10,000 tonnes", "1,000 t": a unit column counting several of its unit
_TRAILING_UNIT = re.compile(r"\s((?:US\$|A\$|C\$|R|\$|USD|AUD|CAD|ZAR|LSL)\s?/\s?[a-z]+|g/t|%|Mt|kt|Moz|koz|oz|Mlb|lb"
                            r"|ct|cpht|number|(?:US|A|C)?\$\s?'000"
                            r"|'?000'?\s?(?:oz|t|lb|kg|ct))$")  # "Refined platinum 000oz": thousands of ounces


_UNIT_TOKEN = re.compile(r"(?i)[$%/€£]|\b(?:oz|ounces?|lbs?|pounds?|tonnes?|tons?|t|kt|mt|kg|ct|carats?|millions?|thousands?"
                         r"|'?000'?s?|dmt|wmt|cpht|ppm)\b")


def _label_unit(label: str) -> tuple[str, str, float]:
    """(label without its unit, unit text, scale) from ``Palladium Production (ozs)``, ``Revenue ($000s)``."""
    label = re.sub(r"(?<=[a-z)])\d{1,2}\b|(?<=[A-Z]{3})\d\b|\(\d\)|\*+$|(?<=\))x+$", "", label).strip()  # "AISC4": a note
    label = re.sub(r"\s*\([^)]*\)", lambda g: "" if _BASIS_WORDS.search(g.group()) else g.group(), label)  # "(100% basis)"
    # the parentheses that say a unit or a scale ("(000's)", "(oz)", "(US$/ounce)"), not an abbreviation ("(AISC)")
    groups = [g for g in re.finditer(r"\(([^)]*)\)", label)
              if re.search(r"[$%/€£]|\d|(?i:\b(?:millions?|thousands?|billions?|mn|bn)\b)", g.group(1))
              or not re.fullmatch(r"[A-Z][A-Za-z&.\- ]*", g.group(1).strip())
              or any(q.unit for q in find_quantities("1 " + g.group(1).strip()))]
    m = re.search(r",\s*([^,()]+)$|(?<=\s)(?:in\s+)(?!(?:concentrates?|dor[ée]|solution|cathodes?)\b)([\w$/ ']+)$", label)
    if m and m.group(2) and find_metals(m.group(2)):
        m = None  # "TREO in monazite": what the metal is contained in, not a unit
    if m and m.group(1) and not _UNIT_TOKEN.search(m.group(1)) and _unit_quantity(m.group(1).strip(), "") is None:
        m = None  # "C1 cash cost, net of by-product credits": a qualifier after the comma, not a unit
    unit_text = ""
    if groups:  # "Silver Production, (000's) (oz)": every parenthesis says part of the unit
        unit_text = " ".join(g.group(1).strip() for g in groups)
        for g in reversed(groups):
            label = label[:g.start()] + " " + label[g.end():]
        label = " ".join(label.split()).rstrip(",").strip()
    elif m:
        unit_text = (m.group(1) or m.group(2) or "").strip()
        label = (label[: m.start()] + " " + label[m.end():]).strip()
    elif trailing := _TRAILING_UNIT.search(label):  # "All-In Site Cost (AISC) US$/ounce": a PDF row's label and unit
        unit_text, label = trailing.group(1), label[:trailing.start()].strip()
    scale = 1.0
    if re.search(r"'?000'?s?(?:\b|(?=[a-z]))|thousands", unit_text, re.IGNORECASE):
        scale = 1e3
        unit_text = re.sub(r"'?000'?s?|thousands", "", unit_text, flags=re.IGNORECASE).strip()
    elif re.search(r"\bmillions?\b|(?<=[$R])\s*(?:mm|mn|m)\b|^\s*[$R]?\s*(?:mm|mn|m|M)\s*$", unit_text, re.IGNORECASE):
        scale = 1e6  # "US$ millions", "$mm", "A$m", "R million"
        unit_text = re.sub(r"millions?|(?<=[$R])\s*(?:mm|mn|m)\b|^\s*(?:mm|mn|m)\s*$", "", unit_text, flags=re.IGNORECASE).strip()
    if scale != 1.0:
        unit_text = re.sub(r"(?i)^of\s+", "", unit_text)  # "(millions of pounds)": pounds, in millions
    return label, unit_text, scale


_SCALE_WORD = re.compile(r"(?i)\(?(?:millions?|thousands?|billions?|mm|mn|m|bn|k|'?000'?s?)\)?")


def _unit_quantity(unit_text: str, label: str, currency: str | None = None) -> Quantity | None:
    """Read a unit as if it followed a number: ``tonnes per day`` -> t/d; ``$`` with ``per 2E oz`` -> $/oz."""
    probe = unit_text
    for start, end, _metal in reversed(find_metals(probe)):
        if re.match(r"\s*(?:MT|mt|t|tonnes|tons)\b", probe[end:]) and probe[start:end] == "Mn":
            continue  # "Mn MT": a million tonnes, not manganese
        probe = probe[:start] + probe[end:]  # "2E g/t", "g/t Au": the metal is not the unit
    probe = " ".join(probe.split()) or unit_text.strip()  # "tU": a tonne of uranium is still a tonne
    per = re.search(r"(?i)\bper\s+(?:[2-6]E\s+|payable\s+|[a-z]+\s+)?(ounce|oz|pound|lb|tonne|ton|kg|t)\b", label)
    if per and re.fullmatch(_CURRENCY_SIGN, probe):
        probe = f"{probe}/{per.group(1)}"
    if not probe:
        probe = _guess_unit(label)
        if not probe:
            return None
    cur = re.match(rf"^\s*({_CURRENCY_SIGN})\s*(?:/|per)?\s*(.*)$", probe)
    if cur and re.match(r"[a-z]", probe[cur.end(1):]) and not _SCALE_WORD.fullmatch(cur.group(2).strip()):
        cur = None  # "Recovery rate": a word that starts with a currency's letter, not rand
    if cur and _SCALE_WORD.fullmatch(cur.group(2).strip()):
        word = cur.group(2).strip().strip("()'").lower().rstrip("s")
        text = f"{cur.group(1)}1 " + {"m": "million", "mm": "million", "mn": "million", "k": "thousand", "000": "thousand",
                                       "000'": "thousand", "bn": "billion"}.get(word, word)
    elif cur:
        text = f"{cur.group(1)}1" + (f" per {cur.group(2)}" if cur.group(2) else "")
    else:
        text = f"1 {probe}"
    found = find_quantities(text, currency)
    return found[0] if found and found[0].unit else None


_UNIT_WORDS = ((r"%|\bper\s?cent\b", "%"), (r"\bper\s+day\b|\btpd\b|\bt/d\b", "t/d"), (r"\bounces\b|\boz\b", "oz"),
               (r"\bpounds\b|\blbs?\b", "lb"), (r"\btonnes\b|\btons\b|\bt\b", "t"))


def _guess_unit(label: str) -> str:
    """The unit of a label that names none in parentheses: its unit words, else the default of its metric's dimension."""
    for pattern, unit in _UNIT_WORDS:
        if re.search(pattern, label, re.IGNORECASE):
            return unit
    named = concepts_named(_label_head(label))
    if not named:
        # "Silver equivalent (000's)": an equivalent is counted in ounces, whatever the label leaves unsaid
        return "oz" if any(m.endswith("_equivalent") for _s, _e, m in find_metals(label)) else ""
    if any(c.dimension == "concentrate" for c in named):
        return "t"  # "Spodumene concentrate shipped": tonnes of the product
    metals = find_metals(label)
    precious = bool(metals) and metals[0][2] in PRECIOUS
    return {"percent": "%", "rate": "t/d", "grade": "g/t" if not metals or precious else "%", "ore": "t",
            "concentrate": "t", "metal": ("oz" if precious else "lb") if metals else ""}.get(named[0].dimension, "")


_DENOMINATOR = re.compile(r"(?i)\bper\s+(?!day\b)")


def _label_head(text: str) -> str:
    """The words of a label that name its metric: before "per ounce" (the denominator) and "of ..." (what is
    counted), metals taken out ("Realized gold price" is a realized price)."""
    head = _DENOMINATOR.split(text)[0]
    for start, end, _metal in reversed(find_metals(head)):
        without = head[:start] + " " + head[end:]
        if not _cue_needs_metal(head, without, start, end):
            head = without
    before_of = re.split(r"(?i)\s+of\s+|\s+-\s+", head)[0]
    return before_of if concepts_named(before_of) else head


def _cue_needs_metal(head: str, without: str, start: int, end: int) -> bool:
    """Whether the metal at ``start:end`` is a word of a cue whose metric the label loses without it ("ROM coal
    produced" is ore mined, "produced" alone is production; "Spodumene concentrate produced" keeps its metric)."""
    left = set(concepts_named(without))
    return any(c.start <= start and end <= c.end and c.concept not in left for c in find_cues(head))


_NOT_ORE = re.compile(r"(?i)\b(?:waste|overburden|pre-?strip\w*|total\s+material)\b")  # moved, but not ore


def read_label(label: str, unit_column: str = "", currency: str | None = None) -> tuple[Reading, float] | None:
    """What a row label measures, and the scale of its cells: the lexicon's metric for the label's head and unit."""
    text, unit_text, scale = _label_unit(label)
    qualifier = unit_text
    thousands = re.fullmatch(r"\s*'?000'?s?\s*(?P<unit>[A-Za-z][\w/ ]*)?", unit_column)
    if thousands:  # a unit column of "000" (thousands of the unit the label implies) or "000oz", "000 t"
        scale, unit_column = scale * 1e3, (thousands.group("unit") or "").strip()
    counted = re.fullmatch(rf"\s*({_UNIT_COUNT})\s+(\S.*)", unit_column)
    if counted:  # "10,000 tonnes": the cells count ten thousands of tonnes
        scale, unit_column = scale * float(counted.group(1).replace(",", "")), counted.group(2)
    if unit_column:
        unit_text = unit_column
        qualifier = f"{qualifier} {unit_column}"
    if NOT_A_FIGURE.search(text) or _NOT_ORE.search(text):
        return None
    unit_q = _unit_quantity(unit_text, text, currency)
    if unit_q is None:
        return None
    # "Head grade (gold)": the parentheses name the metal; "Silver (in lead concentrate)": the label does, and the
    # parentheses what it is contained in
    metals = find_metals(text) or find_metals(qualifier)
    if unit_q.unit == "t" and re.search(r"(?i)\bdaily\b|\bper\s+day\b", text):
        unit_q = replace(unit_q, unit="t/d")  # "Average daily throughput (tonnes)"
    concept = metric_of_label(_label_head(text), unit_q.unit, bool(metals))
    headed = re.match(r"([^:]{3,40}):\s+\S", text)  # "Sales volume: molybdenum metal contained in concentrate"
    if headed and (before_colon := metric_of_label(headed.group(1), unit_q.unit, bool(metals))) is not None:
        concept = before_colon  # the words before the colon name the measure, those after what is measured
    said = metric_of_label(unit_text, unit_q.unit, bool(metals)) if unit_text else None
    if said is not None and said.dimension == "ore" and (concept is None or concept.dimension == "ore"):
        concept = said  # "Ore production (tonnes treated)": the unit's own verb says which ore
    if concept is None:
        return None
    unit = "t/d" if concept.dimension == "rate" else unit_q.unit
    metal = metals[0][2] if metals and concept.dimension not in {"ore", "rate", "money"} else None
    if concept.dimension == "money-per-unit" and unit.endswith("/t") and not find_metals(qualifier + " " + text):
        metal = None
    basis = "payable" if re.search(r"(?i)\bpayable\b", text) else None
    if concept.dimension == "concentrate" and metal is None:
        basis = "concentrate"  # the release's metal names the concentrate
    reading = Reading(concept.notation, metal, unit, basis)
    if ORE_TONNE.search(f"{label} {unit_column}"):
        reading = reading.of_ore_tonne()  # "Cash cost per tonne milled ($/t)"
    return reading, scale * unit_q.value


def _cell_value(cell: str, default_currency: str | None) -> tuple[float, str] | None:
    if _EMPTY.match(cell):
        return None
    found = find_quantities(cell.replace("(", " ").replace(")", " "), default_currency)
    if len(found) != 1 or not found[0].unit and re.search(r"[A-Za-z]", cell):
        return None  # "Q3 2019" heads a column; a number among words is no cell value
    return found[0].value, found[0].unit


_TOTAL = re.compile(r"(?i)^\s*(?:consolidated|(?:sub-?)?total|company|group|corporate|combined|overall)\b")
_TOTAL_AFTER = re.compile(r"(?i)\b(?:consolidated|total|group|combined)\s*$")
_BASIS = re.compile(r"(?i)^\s*(?:100\s*%\s*(?:basis)?|gross|managed|total\s+basis)\s*$")
_ATTRIBUTABLE = re.compile(r"(?i)\battributable\b|\bshare\b|\bequity\b")
_EQUIVALENT = re.compile(r"(?i)equivalent|\b(?:AgEq|AuEq|GEOs?|CuEq)\b")


@dataclass(frozen=True)
class _Axis:
    """What a header cell or a row label says about the cells it heads."""

    period: Period | None = None
    site: str | None = None
    is_total: bool = False  # a company or group total: no site
    label: str = ""  # a metric label to read (with the section's)
    skip: bool = False  # a change, variance, budget or attributable line
    guidance: bool = False  # a guidance or outlook column: its cells are forward-looking figures (ranges) for its period
    measure: str = ""  # a period column's own metric, from a group heading over it ("Silver production (oz)")


def extract_table_figures(doc: ReleaseDoc) -> list[Measurement | Guidance]:
    """Measurements from every table of the release, whatever its layout.

    A table with no header of its own, as wide as the table before it, is that
    table continued (a section per mine, blank lines between): it reads under
    the same column headings.
    """
    out: list[Measurement | Guidance] = []
    previous: Table | None = None
    previous_metric = ""  # the metric the table before named in its corner: one split from it ("Mine | FY 2022") reads under it
    for table in (part for whole in doc.tables for part in _split_at_headers(doc, whole)):
        header = tuple(r for r in _header_rows(table) if any(c.strip() for c in _row_texts(r)[1:]))  # "| **Sales** | | |": a section
        if previous is not None and not header and _continues(doc, previous, table):
            header = _header_rows(previous)
            table = Table(header + table.rows, table.layout)
        out += read_table(doc, table, previous_metric)
        if header:
            previous = table
            previous_metric = _corner_metric(doc, table, previous_metric)
    return out


def _split_at_headers(doc: ReleaseDoc, table: Table) -> list[Table]:
    """A table that starts again under a header of its own ("Mine | Full Year 2022 | Full Year 2021" below the
    quarterly rows) is two tables, each read under its own header."""
    ctx = doc.period_context()
    parts: list[list[TableRow]] = [[]]
    seen_data = False
    for row in table.rows:
        texts = _row_texts(row)
        heads = [c for c in texts[1:] if c.strip()]
        is_header = len(heads) >= 2 and all(_cell_period(c, ctx) is not None and not _is_value(c) for c in heads)
        if is_header and seen_data:
            parts.append([])
            seen_data = False
        parts[-1].append(row)
        seen_data = seen_data or _is_data(texts)
    return [Table(tuple(rows), table.layout) for rows in parts if rows]


def _header_rows(table: Table) -> tuple[TableRow, ...]:
    texts = [_row_texts(r) for r in table.rows]
    first = next((i for i, t in enumerate(texts) if _is_data(t)), 0)
    return tuple(r for r, t in zip(table.rows[:first], texts[:first]) if len(t) >= 2)


def _continues(doc: ReleaseDoc, previous: Table, table: Table) -> bool:
    """A headerless table as wide as the one just before it, close below it: the same table continued."""
    widths = {len(r.cells) for r in table.rows if len(r.cells) > 1}
    prev_widths = {len(r.cells) for r in previous.rows if len(r.cells) > 1}
    gap = doc.text.clean[previous.end:table.start]
    lines = [line for line in gap.splitlines() if line.strip(" \t-*_|")]
    # a page's footer, rule and "Table 1 (continued)" between the parts of a table split over two pages
    return bool(widths & prev_widths) and len(gap) < 400 and (gap.count("\n") <= 8 or len(lines) <= 4)


_SUBSET_LEAD = re.compile(r"(?i)^\s*(?:of\s+which|thereof|incl(?:uding|\.)?|comprising)\s*[:,\-–]?\s+")


_EMPTY_CELLS_AFTER = re.compile(r"(?:\s*\|)+\s*$")  # "SILVER | |||||||||": a section label and its empty cells


def _row_texts(row: TableRow) -> list[str]:
    """The row's cells, a currency sign in a cell of its own joined to the number after it, and a label's "of which:"
    (a part of the row above) and empty cells run into it left out."""
    texts = [_SUBSET_LEAD.sub("", _EMPTY_CELLS_AFTER.sub("", row.texts[0])), *row.texts[1:]] if row.texts else row.texts
    out: list[str] = []
    i = 0
    while i < len(texts):
        if CURRENCY_CELL.match(texts[i]) and i + 1 < len(texts) and _is_value(texts[i + 1]):
            out += ["", f"{texts[i].strip()}{texts[i + 1]}"]  # the number keeps its column
            i += 2
            continue
        out.append(texts[i])
        i += 1
    return out


def _is_data(texts: list[str]) -> bool:
    """A row of figures: a label, then a figure or a range ("21,000 – 22,500") in some cell."""
    return bool(texts and texts[0] and not _is_value(texts[0])
                and any(_is_value(c) or _RANGE_CELL.match(c) for c in texts[1:]))


def read_table(doc: ReleaseDoc, table: Table, previous_metric: str = "") -> list[Measurement | Guidance]:
    rows = [(row, _row_texts(row)) for row in table.rows]
    first = next((i for i, (_r, t) in enumerate(rows) if _is_data(t)), None)
    if first is None:
        return []
    header_unit = _header_unit([t for _r, t in rows[:first]])  # a row of units under the headings ("Mt  Mt  Mt")
    if header_unit:
        rows = [(r, t) for r, t in rows if _header_unit([t]) != header_unit or _is_data(t)]
        first = next(i for i, (_r, t) in enumerate(rows) if _is_data(t))
    head_width = max((len(t) for _r, t in rows[:first + 1]), default=0)
    last_header = max((i for i, (_r, t) in enumerate(rows[:first])
                       if len(_split_heading(t, head_width)) >= 2 and any(c.strip() for c in _split_heading(t, head_width)[1:])),
                      default=-1)  # "| **Sales** | | |" names no column: a section row over the rows below
    if last_header >= 0:  # section labels between the header and the first row of figures head that row
        first = last_header + 1
    body = rows[first:]
    lengths = [len(t) for _r, t in body if len(t) > 1]
    width = max(set(lengths), key=lambda n: (lengths.count(n), n))
    used = [j for _r, t in body if len(t) > 1 for j, c in enumerate(t) if c.strip()]
    width = min(width, max(used) + 1) if used else width  # no column past the last one any row fills (closing pipes)
    ctx = doc.period_context()
    header_texts = _years_under_caption(_caption(doc, table.start), [t for _r, t in rows[:first]])
    valued = {j for _r, t in body for j, c in enumerate(t) if j and _is_value(c)}
    columns = _column_axes(doc, header_texts, width, valued)
    if _caption_is_not_figures(doc, table.start):
        return []
    row_periods = sum(1 for _r, t in body if len(t) > 1 and _cell_period(t[0], ctx) is not None)
    if row_periods >= max(2, len([1 for _r, t in body if len(t) > 1]) // 2):
        corner = " ".join(t[0] for t in header_texts if len(t) >= 2 and t[0])
        names = [corner] + [c.label or "" for c in columns[1:]] if header_texts else rows[0][1]
        return list(_transposed(doc, (rows[first - 1] if first else rows[0])[0], names, body))
    site = doc.site_before(table.start, max(0, table.start - 400)) or doc.default_site()
    for _r, texts in rows[:first]:  # a caption or section label above the header: the table's site
        if len(texts) == 1 or not any(texts[1:]):
            site = _section_site(doc, texts[0], site)
    corner = next((t[0] for t in header_texts if len(t) >= 2 and t[0]), "")
    # the corner, else a caption row over the headings ("Revised 2013 Guidance" over "Revised | Previous")
    columns = _guidance_under_corner(doc, corner or next((t[0] for t in header_texts if len(t) == 1), ""), columns)
    metric_columns = [read_label(c.label, "", doc.currency) if c.label else None for c in columns]
    if not any(c.period for c in columns) and sum(r is not None for r in metric_columns) >= 2:
        return list(_metric_columns(doc, body, metric_columns, site))
    across_sites = [c for c in columns[1:] if c.site or c.is_total]
    default_period = None
    if not any(c.period for c in columns):
        if not any(c.site for c in across_sites) or len(across_sites) < sum(1 for c in columns[1:] if c.label or c.site):
            return []
        default_period = doc.info.reporting_period  # mines across, no period: the release's own
    body, columns, width, outer = _nested_labels(body, columns, width)
    return _read_body(doc, body, columns, width, site, default_period,
                      _corner_unit(corner) or header_unit or _caption_unit(doc, table.start) or _heading_unit(header_texts),
                      _corner_metric(doc, table, previous_metric), outer)


_BARE_YEAR = re.compile(r"\s*(?:19|20)\d\d\s*")


def _years_under_caption(caption: str, header: list[list[str]]) -> list[list[str]]:
    """Columns headed by years alone under a caption that names their span without a year ("Three months ended June
    30," over "2021 | 2020"): each year is of that span."""
    if not header or not _SPAN_LABEL.search(caption) or re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", caption):
        return header
    last = header[-1]
    if sum(bool(_BARE_YEAR.fullmatch(c)) for c in last) < 2:
        return header
    return header[:-1] + [[f"{caption.rstrip(' ,')} {c.strip()}" if _BARE_YEAR.fullmatch(c) else c for c in last]]


def _heading_unit(header: list[list[str]]) -> str:
    """A unit a heading line kept whole gives in parentheses ("Highlights ($ millions) Three months ended ..."): the
    unit of the rows that state none."""
    for texts in header:
        if len(texts) == 1:
            for group in re.findall(r"\(([^()]{1,30})\)", texts[0]):
                unit = _corner_unit(group)
                if unit:
                    return unit
    return ""


def _nested_labels(body: list[tuple[TableRow, list[str]]], columns: list[_Axis], width: int
                   ) -> tuple[list[tuple[TableRow, list[str]]], list[_Axis], int, set[int]]:
    """Two columns of labels before the figures, the outer one written only where its group starts ("Copper (metal) |
    KLM | 118,462" then " | TBM | 37,905"; "KLM | Ore processed | 10,000 tonnes | 512.63"): the outer label is a
    section row over its group, read as any section row is (a metal, a metric or a site), and the inner label heads
    the row. Returns the body, the columns and the width without the outer column, and the ids of the section rows
    made from outer labels (a name there is a site even where the text names it nowhere else)."""
    data = [t for _r, t in body if len(t) > 2 and any(_is_value(c) for c in t[2:])]
    if len(data) < 2 or width < 4 or (len(columns) > 1 and (columns[1].period or columns[1].site or columns[1].is_total)):
        return body, columns, width, set()
    inner_labels = all(t[1].strip() and not _is_value(t[1]) and _unit_quantity(t[1], "") is None for t in data)
    outer_written = [bool(t[0].strip()) for t in data]
    if not inner_labels or not outer_written[0] or all(outer_written) or any(_is_value(t[0]) for t in data):
        return body, columns, width, set()
    out: list[tuple[TableRow, list[str]]] = []
    outer: set[int] = set()
    for row, texts in body:
        if len(texts) > 2 and texts[0].strip() and texts[1].strip():
            section = TableRow((row.cells[0],), row.start, row.end)
            outer.add(id(section))
            out.append((section, [texts[0]]))
        out.append((row, texts[1:] if len(texts) > 2 else texts))
    return out, [columns[0], *columns[2:]], width - 1, outer


def _caption_unit(doc: ReleaseDoc, start: int) -> str:
    """The unit a caption ends with ("Glendon Vale Coal: preliminary production (Mt)"): the rows' that state none."""
    unit = re.search(r"\(([^()]{1,40})\)\s*$|(?i:\bunits?\s*[:：]\s*)([^()]{1,20})$", _caption(doc, start))
    if unit and unit.group(2):  # "Unit: tonne" above the table
        return _corner_unit(unit.group(2))
    return _corner_unit(unit.group(1)) if unit and not re.fullmatch(r"\s*\d+\s*", unit.group(1)) else ""


def _header_unit(header: list[list[str]]) -> str:
    """A heading row that gives every column the same unit ("4Q2010  3Q2010 ..." over "Mt  Mt ..."): the unit of the
    rows that state none, or ""."""
    for texts in header:
        row = texts[0].split() if len(texts) == 1 else [c for c in texts[1:] if c.strip()]  # a row the layout kept whole
        cells = {c.strip() for c in row}
        if len(cells) == 1 and len(row) >= 2:
            (unit,) = cells
            if _corner_unit(unit) and not re.search(r"\d", unit):
                return unit
    return ""


_METAL_UNIT = re.compile(r"(?i)oz|ounces|koz|moz|lbs?|pounds|mlbs?|t|tonnes|kt")
_SUPERSEDED = re.compile(r"(?i)\s*(?:previous(?:ly)?|prior|original|old)(?:\s+(?:guidance|outlook|range|estimate))?\s*")


def _guidance_under_corner(doc: ReleaseDoc, corner: str, columns: list[_Axis]) -> list[_Axis]:
    """A corner (or caption) that says the table is guidance ("2024 guidance"): columns that name no period of their
    own ("Range", "Target") hold guidance for the corner's period; a guidance column named without a year is for
    the release's year."""
    ctx = replace(doc.period_context(), anchor=doc.info.reporting_period)
    year = doc.release_date.year if doc.release_date else None
    if _GUIDANCE_COLUMN.search(corner):
        period = _cell_period(corner, ctx) or (year_period(year) if year else None)
        return [_Axis(skip=True) if j and _SUPERSEDED.fullmatch(c.label)  # "Revised | Previous": the old range is none
                else c if j == 0 or c.period or c.skip or c.site or read_label(c.label, "", doc.currency)
                or re.fullmatch(r"(?i)\s*(?:units?|uom)\s*", c.label) else _Axis(period=period, guidance=True)
                for j, c in enumerate(columns)]
    return [replace(c, period=year_period(year)) if c.guidance and c.period is None and year else c for c in columns]


_RANGE_CELL = re.compile(r"^\s*(?P<low>[$]?\d[\d,. ]*?)\s*(?:-|–|—|to)\s*(?P<high>[$]?\d[\d,. ]*?)\s*(?P<rest>\D*)$")


_SUFFIXED_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s?([kKM])(?![A-Za-z])")
_SUFFIX_SCALE = {"k": 1e3, "m": 1e6}


def _cell_range(cell: str, currency: str | None) -> tuple[float, float, str] | None:
    """A guidance cell: a range ("21,000 – 22,500", "$1,490-1,580", "80k - 85k") or one figure, as (low, high, unit)."""
    cell = _SUFFIXED_FIGURE.sub(lambda m: f"{float(m.group(1).replace(',', '')) * _SUFFIX_SCALE[m.group(2).lower()]:.0f}",
                                cell)  # "80k - 85k", "1.9M - 2.1M": thousands and millions of the row's unit
    m = _RANGE_CELL.match(cell)
    if m:
        high = _cell_value(m.group("high") + (" " + m.group("rest") if m.group("rest").strip() else ""), currency)
        low = _cell_value(m.group("low"), currency)
        if low and high:
            return low[0], high[0], high[1]
    one = _cell_value(cell, currency)
    return (one[0], one[0], one[1]) if one else None


def _corner_metric(doc: ReleaseDoc, table: Table, inherited: str = "") -> str:
    """The metric a table's corner names for its rows: the corner itself ("Metal production (tonnes)"), or, under a
    corner that says the rows are sites ("Mine"), the caption above, the total row's, or the table's before."""
    rows = [_row_texts(r) for r in table.rows]
    corner = next((t[0] for t in rows if len(t) >= 2 and t[0] and not _is_data(t)), "")
    if read_label(corner, "", doc.currency) is not None:
        return corner
    caption = _caption(doc, table.start)
    if not corner.strip() and caption and len(caption.split()) <= 6 and len(concepts_named(caption)) == 1 \
            and not re.search(r"(?i)\band\b|&", caption) and not _NOT_FIGURES_CAPTION.search(caption):
        return caption  # "Average realised prices" over "Iron ore (US$/dmt, FOB) | 108.2": the caption names the metric
    if not _SITE_HEADING.match(corner):
        return ""
    totals = [_TOTAL.sub("", t[0]).strip() for t in rows if t and _TOTAL.match(t[0])]
    return next((c for c in [_caption(doc, table.start), *totals, inherited] if c and read_label(c, "", doc.currency)), "")


_UNLESS = re.compile(r"(?i)[,;]?\s*(?:unless|except\s+where|except\s+as|except\s+otherwise)\b.*$")


def _corner_unit(corner: str) -> str:
    """The unit a table's corner cell gives every row that states none ("(tonnes U, unless noted)"), or ""."""
    text = _UNLESS.sub("", corner.strip().strip("()")).strip(" ,;()")
    text = re.sub(r"(?i)^(thousand|million)s\s+of\s+", r"\1 ", text)  # "Thousands of tonnes": thousand tonnes
    text = re.sub(rf"(?i)^in\s+(?:'?000'?s?|thousands?(?:\s+of)?)\s+({_CURRENCY_SIGN})$", r"\1 thousand", text)  # "(in thousands
    text = re.sub(rf"(?i)^in\s+millions?(?:\s+of)?\s+({_CURRENCY_SIGN})$", r"\1 million", text)  # of US$)": US$ thousand
    text = re.sub(r"(?i)^(?:in\s+)?(?:'?000'?s?|thousands?(?:\s+of)?)\s+", "thousand ", text)  # "(in '000 tonnes, unless
    # mentioned)", "'000 tonnes"
    text = re.sub(r"(?i)^in\s+", "", text)
    return text if text and len(text) < 30 and _unit_quantity(text, "") is not None else ""


def _states_unit(label: str) -> bool:
    """A label that says its own unit, in parentheses or in words ("Gold (oz)", "Ounces sold")."""
    core, unit_text, _scale = _label_unit(label)
    return bool(unit_text) or any(re.search(p, core, re.IGNORECASE) for p, _u in _UNIT_WORDS)


_NOT_FIGURES_CAPTION = re.compile(r"(?i)\b(?:reserves?|resources?|drill\w*|intercepts?|assays?|sensitivit\w*|hedg\w*)\b")


_SITE_HEADING = re.compile(r"(?i)^\s*(?:mines?|operations?|sites?|assets?|projects?|properties|property|plants?)\s*$")


def _caption(doc: ReleaseDoc, start: int) -> str:
    """The table's caption: the last line of text above it when it is short, or the sentence that ends a paragraph
    with a colon to introduce it, its cell marks stripped."""
    line = doc.text.clean[max(0, start - 300):start].rstrip().rsplit("\n", 1)[-1]
    if len(line) >= 120 and line.endswith(":"):  # "... No new hedging was undertaken. At 31 December the book stood at:"
        line = re.split(r"(?<=[.!?])\s+", line)[-1]
    return line.replace("|", " ").strip() if len(line) < 120 else ""


def _caption_is_not_figures(doc: ReleaseDoc, start: int) -> bool:
    """The table's caption says it holds reserves, resources or drill results."""
    return bool(_NOT_FIGURES_CAPTION.search(_caption(doc, start)))


def _spread(texts: list[str], width: int) -> list[str]:
    """A header row laid on the ``width`` columns of the body: spanning cells filled over the columns they head."""
    cells = list(texts)
    while len(cells) > width and not cells[-1]:
        cells.pop()  # empty cells after the last heading (a row's closing pipes)
    while len(cells) > width and not cells[0]:
        cells.pop(0)  # an extra empty corner cell
    if len(cells) >= width:
        return cells[:width]
    labels = cells[1:] if cells and not cells[0] or len(cells) > 1 and not _is_value(cells[0]) else cells
    if cells and len(labels) > 0 and (width - 1) % len(labels) == 0 and len(labels) < width - 1 and len(cells) == len(labels) + 1:
        per = (width - 1) // len(labels)
        return [cells[0]] + [label for label in labels for _ in range(per)]
    return [""] * (width - len(cells)) + cells


def _over_values(cells: list[str], valued: set[int] | None) -> list[str]:
    """A heading over a column that holds no figure, next to one that does and has none ("2025" spanning a "$" cell and
    its number, as an 8-K's HTML writes it), stands over the figures."""
    if not valued:
        return cells
    out = list(cells)
    for j in range(1, len(out) - 1):
        if out[j] and j not in valued and not out[j + 1] and j + 1 in valued:
            out[j], out[j + 1] = "", out[j]
    return out


def _fill_spans(cells: list[str]) -> list[str]:
    """An upper header row: an empty cell right of a label is under the same spanning label."""
    out, last = [], ""
    for j, cell in enumerate(cells):
        if j == 0:
            out.append(cell)
            continue
        last = cell or last
        out.append(cell or last)
    return out


def _column_axes(doc: ReleaseDoc, header: list[list[str]], width: int, valued: set[int] | None = None) -> list[_Axis]:
    ctx = replace(doc.period_context(), anchor=doc.info.reporting_period)
    header = [_with_corner(texts, width, valued) for texts in header]
    header = _groups_over_repeats([_split_heading(texts, width) for texts in header], width)
    grid = [_over_values(_spread(texts, width), valued) for texts in header if len(texts) >= 2]
    single = [texts[0] for texts in header if len(texts) == 1]
    if not grid and single:  # a header flattened into one cell: its period mentions, one per column
        text = single[-1]
        ends = [m.end() for m in re.finditer(r"(?<!\d)(?:19|20)\d\d(?!\d)", text)]
        if len(ends) < width - 1:
            ends = [m.end for m in find_periods(text, ctx) if not m.relative]
        chunks = [text[a:b] for a, b in zip([0, *ends], ends)]  # each column's label ends with its year
        if len(chunks) >= width - 1:
            return [_Axis()] + [_header_axis(doc, chunk.strip(), ctx) for chunk in chunks[-(width - 1):]]
    if grid and single:  # "Quarter Ended Year-to-date" over "Dec-18 Sep-18 ... Dec-18 Dec-17": each span over its group
        grouped = _grouped_spans(single[-1], grid[0])
        if grouped:
            grid = [grouped, *grid]
    filled = [_fill_spans(cells) if i < len(grid) - 1 and sum(bool(c) for c in cells[1:]) < width - 1 else cells
              for i, cells in enumerate(grid)]
    axes = [_Axis()]
    for j in range(1, width):
        text = " ".join(cells[j] for cells in filled if cells[j]).strip()
        axes.append(_header_axis(doc, text, ctx))
    return axes


def _with_corner(texts: list[str], width: int, valued: set[int] | None) -> list[str]:
    """A heading row that leaves out the corner cell over the labels, one heading per column of figures ("Huaychulo |
    San Gregorio | Consolidated | Huaychulo | ..." over rows of a label and six figures): its first cell heads the
    first column of figures, not the labels. (A row of fewer headings, one per group, is read by
    :func:`_groups_over_repeats`.)"""
    written = [c for c in texts if c.strip()]
    if len(texts) < 2 or not valued or not texts[0].strip() or len(written) >= width \
            or any(c.strip() for c in texts[len(written):]):
        return texts
    return ["", *texts] if len(written) == len(valued) else texts


def _groups_over_repeats(header: list[list[str]], width: int) -> list[list[str]]:
    """A heading row whose cells stand left, one per group ("Gold production (oz) | Silver production (oz) | | |"), over a
    row that repeats its headings once per group ("Mines | Q4 2022 | FY 2022 | Q4 2022 | FY 2022"): each over its own."""
    out = [list(texts) for texts in header]
    while width > 2 and all(len(t) < width or not t[width - 1].strip() for t in out):
        width -= 1  # an empty last column (a Markdown row's closing pipe)
    for i in range(len(out) - 1):
        named = [c for c in out[i] if c.strip()]
        k, below = len(named), out[i + 1][1:width]
        if k < 2 or any(c.strip() for c in out[i][k:]) or len(below) != width - 1 or (width - 1) % k:
            continue
        size = (width - 1) // k
        groups = [below[g * size:(g + 1) * size] for g in range(k)]
        if size >= 2 and all(group == groups[0] for group in groups) and any(c.strip() for c in groups[0]):
            out[i] = [""] + [label for label in named for _ in range(size)] + out[i][width:]
    return out


def _split_heading(texts: list[str], width: int) -> list[str]:
    """A heading line kept whole whose words name spans, one group per column ("Quarter    Quarter    Full year" under
    "Sep-12  Jun-12  FY12"): one cell per group, over the last columns."""
    if len(texts) != 1:
        return texts
    parts = re.split(r"\s{2,}", texts[0].strip())
    if len(parts) < 2 or len(parts) > width - 1 or not all((_SPAN_LABEL.search(p) or _TOTAL.match(p)) and len(p.split()) <= 3 for p in parts):
        return texts
    return [""] * (width - len(parts)) + parts  # over the last columns: a unit column to the left has no heading


_SPAN_LABEL = re.compile(r"(?i)year[- ]to[- ]date|YTD|(?:(?:three|six|nine|twelve|3|6|9|12)\s+months|quarter|qtr|half[- ]year|half"
                         r"|financial\s+year|fiscal\s+year|year)(?:\s+(?:ended|ending|to))?")


def _grouped_spans(text: str, lower: list[str]) -> list[str] | None:
    """A heading flattened into one cell that names several spans ("Quarter Ended Year-to-date") laid over the row of
    column headings below it: a new group starts where that row repeats its first heading ("Dec-18 Sep-18 Dec-17 |
    Dec-18 Dec-17"). None when the spans and the groups do not pair up."""
    found = list(_SPAN_LABEL.finditer(text))
    spans = [m.group() for m in found]
    if len(spans) < 2 or len(lower) < 3 or not lower[1]:
        return None
    ends = re.findall(rf"(?i)\b{MONTH_NAME}\.?\s+\d{{1,2}}\b", text[found[-1].end():])
    if len(ends) == len(spans):  # "Three months ended  Six months ended  June 30  June 30": each span's day
        spans = [f"{span} {end}" for span, end in zip(spans, ends)]
    starts = [j for j in range(1, len(lower)) if lower[j] == lower[1]]
    if len(starts) != len(spans):
        return None
    out = [""] * len(lower)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lower)
        for j in range(start, end):
            out[j] = spans[k]
    return out


def _mentions_removed(text: str, ctx) -> str:  # type: ignore[no-untyped-def]
    """A heading's words besides the periods it names ("Huaychulo, Peru" of "First Quarter 2023 Huaychulo, Peru")."""
    for m in reversed(list(find_periods(text, ctx))):
        text = text[:m.start] + " " + text[m.end:]
    return " ".join(text.split()).strip(" ,;:-")


def _header_axis(doc: ReleaseDoc, text: str, ctx) -> _Axis:  # type: ignore[no-untyped-def]
    if not text:
        return _Axis()
    measure, text = _measure_beside(doc, text)
    if _GUIDANCE_COLUMN.search(text) and not _CHANGE_COLUMN.search(text):  # "2023 Outlook", "FY 2021 Guidance"
        period = _cell_period(text, ctx)
        return _Axis(period=period, guidance=True, measure=measure) \
            if period is not None and period.kind == "year" or period is None else _Axis(skip=True)
    if _SKIP_COLUMN.search(text) or _ATTRIBUTABLE.search(text):
        return _Axis(skip=True)
    if re.fullmatch(r"(?i)\s*(?:units?|uom)\s*", text):
        return _Axis(skip=True)  # the heading of a unit column
    period = _cell_period(text, ctx)
    if period is not None:  # "First Quarter 2023 Huaychulo, Peru": a period over a mine's column, or over the total
        rest = _mentions_removed(text, ctx)
        total = bool(rest) and bool(_TOTAL.match(rest) or _TOTAL_AFTER.search(rest))
        return _Axis(period=period, measure=measure, site=None if total or not rest else _section_site(doc, rest, None),
                     is_total=total)
    if _TOTAL.match(text) or _TOTAL_AFTER.search(text):  # "Group", "Ridgeback Group", "Operations total"
        return _Axis(is_total=True)
    if _SITE_HEADING.match(text):  # "Mine": the heading of a column of mine names, no mine itself
        return _Axis(label=text)
    site = _section_site(doc, text, None) or (_site_like(text) if read_label(text, "", doc.currency) is None else None)
    if site:
        return _Axis(site=site)
    return _Axis(label=text)


_PERIOD_START = re.compile(r"\s(?=(?:Q[1-4]|[1-4]Q|H[12]|[12]H|FY|YTD|(?:19|20)\d\d|\d{1,2}M|three|six|nine|twelve)\b)", re.IGNORECASE)


def _measure_beside(doc: ReleaseDoc, text: str) -> tuple[str, str]:
    """The metal output a period heading names before its period, from a group heading over it ("Silver production
    (oz) Q4 2022"), and the rest of the heading; ("", text) when it names none."""
    parts = _PERIOD_START.split(text, maxsplit=1)
    if len(parts) < 2 or not find_metals(parts[0]):
        return "", text
    read = read_label(parts[0], "", doc.currency)
    return (parts[0], parts[1]) if read is not None and read[0].metal else ("", text)


def _compose(label: str, section: str) -> str:
    """A nested row's label read with its section's: ``Silver (000's)`` under ``Production (ounces)``."""
    if not section:
        return label
    core, unit_text, _scale = _label_unit(label)
    section_core, section_unit, _ = _label_unit(section)
    if not core or re.fullmatch(r"(?i)[\w$/%. ]{1,12}", label) and _unit_quantity(label, section_core) and not find_metals(label):
        return f"{section.replace('(', ' ').replace(')', ' ')} ({label})"  # a unit alone: "R/oz" under "Cash cost (4E)"
    unit = section_unit or unit_text  # "Zircon (t)" under "Sales": the row's own unit where the section has none
    return f"{core} {section_core}" + (f" ({unit})" if unit else "")


_STAGE_HEADING = re.compile(r"(?i)^\W*(?:processing|milling|plant|concentrator|smelting|refining|sales|marketing|costs?"
                            r"|financials?)\b")


def _only_metal(label: str) -> bool:
    """A label that names a metal and nothing else ("SILVER", "Silver equivalent")."""
    metals = find_metals(label)
    rest = label
    for start, end, _metal in reversed(metals):
        rest = rest[:start] + rest[end:]
    return bool(metals) and not re.sub(r"[\W\d_]+", "", rest)


def _row_scale(label: str) -> float:
    return _label_unit(label)[2]


def _read_body(doc: ReleaseDoc, body: list[tuple[TableRow, list[str]]], columns: list[_Axis], width: int,
               table_site: str | None, default_period: Period | None, corner_unit: str = "",
               corner_metric: str = "", outer: set[int] | None = None) -> list[Measurement | Guidance]:
    out: list[Measurement | Guidance] = []
    site = table_site
    section = corner_metric  # the metric a section row (or the corner cell) names for the rows under it
    last_metric = ""  # the last row that named its metric (a total over a row per mine)
    last_unit = ""  # the unit cell of that row
    graded = None  # the metal of the last grade row: a recovery or concentrate row under it that names none is of it
    has_unit_column = _has_unit_column(body, columns)
    measures = {j: read for j, c in enumerate(columns) if c.measure and (read := read_label(c.measure, "", doc.currency))}
    headed = False  # the row above was a metric's section row ("Silver (Moz)" over "Moose Creek (100%)")
    carried = ""  # the label of the row above, for a row that writes only its unit
    ore_row = ""  # the label of the last row of ore, whose grade the grade rows under it give
    for row, texts in body:
        cells = (texts + [""] * (width - len(texts)))[:max(width, len(texts))]
        label = cells[0]
        if label and not any(c for c in cells[1:]):
            metric = bool(read_label(label, "", doc.currency) or _looks_like_metric(label)
                          or corner_unit and read_label(label, corner_unit, doc.currency))  # "Copper (metal)" in tonnes
            named = _section_site(doc, label, None) or (_site_like(label) if outer and id(row) in outer and not metric
                                                        else None)
            was_headed, headed = headed, False
            if named and not metric:
                site, section = named, section if was_headed else ""
            elif _TOTAL.match(label):  # "Consolidated"; "Group refined output": the company's, and a metric
                site, section = None, label if metric else section
            elif metric or _only_metal(label):  # "GOLD" over "Grade (g/t)", "Recovery (%)", "Production (oz)"
                section, headed = label, True
            elif _STAGE_HEADING.match(label):
                section = label  # "Processing" after "Mining": the rows below are no longer the mine's
            graded = None  # a new section: a grade row above it no longer names the metal of the rows below
            continue
        headed = False
        if not label and has_unit_column and _is_unit_text(cells[1]) and carried:
            label = carried  # "Gold produced | kg | 4 386" then " | oz | 141 012": the same measure in another unit
        carried = label
        if not label or _ATTRIBUTABLE.search(label) and not re.search(r"(?i)^\s*100", label):
            continue
        row_site = site
        own_unit = cells[1] if has_unit_column and _is_unit_text(cells[1]) else ""
        # "Net Cash Flow | US$ million | 78" under "Realised price | US$/oz": a unit of its own makes a measure, not a mine
        new_measure = bool(own_unit) and not section and own_unit != last_unit
        named = _section_site(doc, label, None) or (
            _site_like(label) if (section or last_metric) and not new_measure and read_label(label, "", doc.currency) is None
            else None)
        if _TOTAL.match(label):  # "Total": the section's metric for the company; "Total 2E produced (oz)": its own
            row_site = None
            text = label if read_label(_TOTAL.sub("", label), "", doc.currency) or not section else section
        elif named and (section or last_metric) and not _looks_like_metric(_label_unit(label)[0].replace(named, "")):
            row_site, text = named, section or last_metric  # a row per mine under a metric or its total
        elif named and _METAL_UNIT.fullmatch(own_label_unit := _label_unit(label)[1]) and not _looks_like_metric(label):
            row_site, text = named, f"Production ({own_label_unit})"  # "Lac Sauvagine (oz)": the mine's output
        elif _BASIS.match(label):
            text = section
        else:
            text = label
        unit_text = own_unit
        section_unit = _label_unit(section)[1] if section and text is not section else ""
        if not unit_text and section_unit and not _states_unit(text) and _unit_quantity(section_unit, "") is not None:
            unit_text = section_unit  # "Payable copper production" under "Aguaverde copper (kt)"
        if not unit_text and corner_unit and not _states_unit(text):
            unit_text = corner_unit
        read = _read_label_in(doc, text, unit_text, section if text is not section else "")
        if (read is None or _looks_like_metric(text) and read[0].unit in {"oz", "lb"}) and (
                currency := _currency_of_cells(cells[1:])):
            read = _priced_label(doc, text, currency) or read
        if read is None:
            continue
        reading, scale = read
        if text == label and not named:
            last_metric, last_unit = label, own_unit
        if dimension_of(reading.metric) == "ore":
            ore_row = label
        elif dimension_of(reading.metric) == "grade" and ore_row and not _MILL_WORDS.search(label) \
                and (under := metric_under_section(reading.metric, ore_row)):
            reading = replace(reading, metric=under)  # "Ore mined" then "Zinc grade": the grade of the ore mined
        if scale == 1.0 and "/" not in reading.unit and reading.unit[:1].isupper() or reading.unit == "$" and scale == 1.0:
            scale = _tabular_scale(doc)  # "(tabular amounts in millions)": money cells of no scale of their own
        if _EQUIVALENT.search(text + " " + section) and not (reading.metal or "").endswith("equivalent"):
            continue  # an equivalent of no metal the vocabulary names ("CuEq"): a conversion, not an output
        if dimension_of(reading.metric) == "grade" and reading.metal and not concept(reading.metric).of_graded_metal \
                and not concept(reading.metric).section_cues:
            graded = reading.metal  # the mill's feed grade (not the mined grade) names the metal of the rows below
        elif reading.metal is None and graded and concept(reading.metric).of_graded_metal:
            reading = replace(reading, metal=graded, basis=None)  # "Head grade (% Cu)" then "Recovery (%)"
        reading = reading.with_principal_metal(doc.principal_metal)
        span = doc.text.span(row.start, row.end)
        row_reading, row_scale = reading, scale
        for j in range(1, width):
            column = columns[j] if j < len(columns) else _Axis()
            if column.skip or (has_unit_column and j == 1):
                continue
            period = column.period or default_period
            if period is None:
                continue
            reading, scale = row_reading, row_scale
            if j in measures and text is not label:  # a row per mine under columns grouped by metal
                reading, scale = measures[j]
            if column.guidance:
                guided = _cell_range(cells[j], doc.currency)
                if guided is not None:
                    low, high, _unit = guided
                    out.append(Guidance(span, reading.metric, low * scale, high * scale, reading.unit, period,
                                        reading.metal, column.site or (None if column.is_total else row_site)))
                continue
            value = _cell_value(cells[j], doc.currency)
            if value is None:
                continue
            number, cell_unit = value
            if cell_unit == "%" and reading.unit != "%":
                continue  # "(11%)" in a row of tonnes: a change beside the figures, not one of them
            if cell_unit and cell_unit != "%" and cell_unit != reading.unit.split("/")[0] and not (
                    cell_unit in _CURRENCY_CODES and reading.unit[:1].isupper() or cell_unit == "$"):
                continue
            cell_site = column.site or (None if column.is_total else row_site)
            out.append(Measurement(_cell_span(doc, row, texts, j) or span, reading.metric, number * scale, reading.unit,
                                   period, reading.metal, cell_site, reading.basis))
    return out


def _cell_span(doc: ReleaseDoc, row: TableRow, texts: list[str], j: int) -> Span | None:
    """The span of a figure run together with its neighbours ("Carnarvon Downs4.23.67.84.1"): the figure's own
    characters, since the row's cannot be read back to it; None for a row whose cells stand apart."""
    if len(row.cells) != len(texts) or j >= len(row.cells) or j == 0:
        return None
    cell = row.cells[j]
    glued = row.cells[j - 1].end == cell.start or j + 1 < len(row.cells) and row.cells[j + 1].start == cell.end
    return doc.text.span(cell.start, cell.end) if glued and cell.end > cell.start else None


_TABULAR_SCALE = re.compile(r"(?i)\btabular\s+(?:dollar\s+)?amounts\s+(?:are\s+)?(?:expressed\s+|stated\s+|shown\s+)?in\s+"
                            r"(?:(?:US|U\.S\.|Canadian|Australian)\s+(?:dollars\s+)?)?(millions|thousands)")


def _tabular_scale(doc: ReleaseDoc) -> float:
    """The scale a release states for the money in its tables ("tabular amounts in millions"), else 1."""
    m = _TABULAR_SCALE.search(doc.text.clean)
    return (1e6 if m.group(1).lower() == "millions" else 1e3) if m else 1.0


def _currency_of_cells(cells: list[str]) -> str | None:
    signs = [m.group() for c in cells if (m := re.match(r"\s*(?:US\$|C\$|A\$|CDN\$|\$|R(?=\s?\d))", c))]
    return signs[0] if signs else None


def _priced_label(doc: ReleaseDoc, label: str, currency: str) -> tuple[Reading, float] | None:
    """A price or cost row whose cells carry the currency: per ounce of a precious metal, per pound of a base one."""
    if re.search(r"(?i)\brevenues?\b", label):
        return read_label(f"{_label_unit(label)[0]} ({currency})", "", doc.currency)
    if not re.search(r"(?i)\b(?:price|costs?|AISC|AIC)\b", label) or _label_unit(label)[2] != 1.0:
        return None  # "Cost of Sales ($mm)": an amount in millions, no price per unit
    named_per = re.search(r"(?i)\bper\s+(?:[a-z0-9]+\s+)?(ounce|oz|pound|lb|tonne|ton|t|kg)\b", label)
    metals = find_metals(label) or find_metals(" ".join(doc.metals_named[:1]))
    per = named_per.group(1) if named_per else "oz" if not metals or metals[0][2] in PRECIOUS else "lb"
    return read_label(f"{_label_unit(label)[0]} ({currency}/{per})", "", doc.currency)


def _has_unit_column(body: list[tuple[TableRow, list[str]]], columns: list[_Axis]) -> bool:
    if len(columns) <= 2 or columns[1].period or columns[1].site:
        return False
    seconds = [t[1] for _r, t in body if len(t) > 2]
    return bool(seconds) and sum(_is_unit_text(s) for s in seconds) >= max(1, len(seconds) // 2)


def _is_unit_text(cell: str) -> bool:
    """A unit column's cell: a unit (``t``, ``000oz``, ``g/t``), or ``000`` for thousands of the label's unit."""
    return bool(cell.strip()) and (not _is_value(cell) or bool(re.fullmatch(rf"\s*(?:'?000'?s?|(?:{_UNIT_COUNT})\s+[A-Za-z]+)\s*", cell)))


_HEADING_WORDS = re.compile(r"(?i)^(?:units?|uom|measures?|metrics?|items?|description|particulars|physicals|statistics"
                            r"|range|low|high|mid-?point|targets?|revised|previous|prior|original|current|updated|actual"
                            r"|summary|operations?|operating|production|financials?|key\s+\w+|notes?)$")


_MEASURE_WORDS = re.compile(r"(?i)\b(?:EBITDA|EBIT|income|earnings|profit|loss|capital|capex|expenditures?|cash\s+flow|margin"
                              r"|tax\w*|royalt\w*|interest|depreciation|amorti[sz]ation|EPS|dividends?|debt|liquidity|working"
                              r"|average|rates?|ratio|flow|index|days|hours|employees|headcount|LTIFR|TRIFR|safety)\b")


def _site_like(label: str) -> str | None:
    """A row label that is a proper name and nothing else (``Kendyk (kt)``): an operation the text names only here,
    not a word of the metric lexicon ("Shipments")."""
    core = re.sub(r"\d+$", "", _label_unit(label)[0]).strip()
    if re.fullmatch(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}", core) and not find_metals(core) \
            and not _looks_like_metric(core) and not concepts_named(core) and not _TOTAL.match(core) and not _BASIS.match(core) \
            and not _HEADING_WORDS.match(core) and not _MEASURE_WORDS.search(core):
        return core
    return None


def _looks_like_metric(label: str) -> bool:
    return bool(re.search(r"(?i)produc|sold|sales|shipment|shipped|despatch|output|grade|recover|cost|price|milled|mined|processed|revenue|ounces|tonnes"
                          r"|throughput|availab|feed|treated|hoisted|milling|mining|ore\b|AISC|C1\b", label))


def _read_label_in(doc: ReleaseDoc, label: str, unit_text: str, section: str) -> tuple[Reading, float] | None:
    """A row label's reading, on its own or, when it names only part of it, with its section's label; an output
    whose metal neither names ("Ounces produced" at a gold mine) is of the release's principal metal."""
    own = read_label(label, unit_text, doc.currency)
    unnamed = own is not None and own[0].metal is None and dimension_of(own[0].metric) == "metal"
    # "Nickel in concentrate" under "Concentrate": the label already says what the section does, and its own metric
    names_metric = _looks_like_metric(label) or own is not None and own[0].metal is not None and _words_within(section, label)
    if section and own is not None and own[0].metal is None and not find_metals(label) and find_metals(section) \
            and dimension_of(own[0].metric) in {"grade", "percent"}:
        return replace(own[0], metal=find_metals(section)[0][2]), own[1]  # "Grade (g/t)" under "GOLD": the section's metal
    if section and (own is None or own[0].metal is None and (find_metals(label) or unnamed) or not names_metric):
        composed = read_label(_compose(label, section), unit_text, doc.currency)
        if composed is not None:
            reading, scale = composed
            row_scale = _row_scale(label)  # "Silver (000's)": the row's own scale, unless the section's already holds it
            own = reading, scale * (row_scale if row_scale != 1.0 and scale == _row_scale(section) else 1.0)
    under = metric_under_section(own[0].metric, section) if own is not None and section and not _MILL_WORDS.search(label) \
        else None
    if own is not None and under and not concept(own[0].metric).section_cues:
        own = replace(own[0], metric=under), own[1]  # "HM grade" under "Mining": the grade of the ore mined
    return _of_principal_metal(doc, own)


_MILL_WORDS = re.compile(r"(?i)\b(?:head|milled|mill|processed|feed|treated|stacked|placed|leached)\b")


def _words_within(section: str, label: str) -> bool:
    """Every word of the section's label (its unit aside) is a word of the row's label."""
    def words(text: str) -> set[str]:
        return {w.rstrip("s") for w in re.findall(r"[a-z]+", _label_unit(text)[0].lower())}
    return bool(words(section)) and words(section) <= words(label)


def _of_principal_metal(doc: ReleaseDoc, read: tuple[Reading, float] | None) -> tuple[Reading, float] | None:
    if read is None or read[0].metal is not None or dimension_of(read[0].metric) != "metal":
        return read
    metal = doc.principal_metal(read[0].unit)
    if metal is None and read[0].unit == "t" and len({m for m in doc.metals_named if m not in PRECIOUS}) >= 2:
        return read  # "Mined metal content (kt)" of a zinc-lead miner: the metals together, no one metal
    return (replace(read[0], metal=metal), read[1]) if metal else None


def _metric_columns(doc: ReleaseDoc, body: list[tuple[TableRow, list[str]]],
                    readings: list[tuple[Reading, float] | None], table_site: str | None) -> list[Measurement]:
    """Metrics across the header and a mine (or a total, or a period) down each row."""
    ctx = doc.period_context()
    out: list[Measurement] = []
    for row, texts in body:
        if len(texts) < 2 or not texts[0]:
            continue
        label = texts[0]
        period = _cell_period(label, ctx)
        site = None if _TOTAL.match(label) else _section_site(doc, label, None) or (table_site if period else None)
        if site is None and not _TOTAL.match(label) and period is None:
            site = label.strip()  # a row named for an operation the text names only here
        period = period or doc.info.reporting_period
        if period is None:
            continue
        out += _cells_across(doc, row, texts, readings, period, site)
    return out


def _transposed(doc: ReleaseDoc, header: TableRow, names: list[str], body: list[tuple[TableRow, list[str]]]) -> list[Measurement]:
    """Periods down the first column, metrics across the header (its lines read together: "Ore mined" over "(wmt)")."""
    ctx = doc.period_context()
    site = doc.site_before(header.start, max(0, header.start - 400)) or doc.default_site()
    labels = [read_label(c, "", doc.currency) if c else None for c in names]
    quarterly = _quarterly_rows(names, body, ctx)
    out: list[Measurement] = []
    for row, texts in body:
        if not texts:
            continue
        period = _cell_period(texts[0], ctx)
        if period is None:
            continue
        if period.kind == "month" and quarterly:
            period = replace(period, kind="quarter")  # "Jun-23" down a column of quarters
        out += _cells_across(doc, row, texts, labels, period, site)
    return out


def _quarterly_rows(header: list[str], body: list[tuple[TableRow, list[str]]], ctx) -> bool:  # type: ignore[no-untyped-def]
    """Months down the first column name quarters: the column says so ("Quarter", "Qtr"), or they are three
    months apart, each a quarter's last."""
    if header and re.search(r"(?i)\b(?:quarters?|qtrs?)\b", header[0] or ""):
        return True
    months = [p for _r, t in body if t and (p := _cell_period(t[0], ctx)) is not None and p.kind == "month"]
    steps = {(b.year * 12 + b.end_month) - (a.year * 12 + a.end_month) for a, b in zip(months, months[1:])}
    return len(months) >= 2 and all(p.end_month % 3 == 0 for p in months) and steps <= {3, -3}


def _cells_across(doc: ReleaseDoc, row: TableRow, texts: list[str], readings: list[tuple[Reading, float] | None],
                  period: Period, site: str | None) -> list[Measurement]:
    """A row's cells under the metrics its header names, for one period and site."""
    span = doc.text.span(row.start, row.end)
    out: list[Measurement] = []
    for j, cell in enumerate(texts[1:], start=1):
        read = readings[j] if j < len(readings) else None
        value = _cell_value(cell, doc.currency) if read else None
        if read is None or value is None:
            continue
        reading = read[0].with_principal_metal(doc.principal_metal)
        out.append(Measurement(span, reading.metric, value[0] * read[1], reading.unit, period, reading.metal, site,
                               reading.basis))
    return out


__all__ = ["extract_table_figures", "is_table_row", "read_label", "read_table"]
