"""Operating tables: periods in the header, one metric per row (or the transpose).

Handles tab-separated, pipe (markdown) and space-aligned tables; a year row
spanning quarter columns (``2002 | | 2003``) over ``Q3 Q4 Q1 ...``; column
headers like ``Q1, 2002`` or ``Three months ended June 30, 2006``; units in
the row label (``Palladium Production (ozs)``), in a unit column or in the
cells (``73.0%``); blank, ``-`` and ``n/a`` cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract.document import ReleaseDoc
from kg.extract.figures import Reading, classify
from kg.extract.mines import mine_key
from kg.periods import Period, find_periods
from kg.quantities import Quantity, find_quantities
from kg.records import Measurement
from kg.vocabulary import PRECIOUS, find_metals

_EMPTY = re.compile(r"^\s*(?:-+|–|—|n/?a|nil|na|n\.a\.|\*|—|nm|n\.m\.)?\s*$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_YEAR_CELL = re.compile(r"^\s*(?:19|20)\d\d\s*$")
_SKIP_COLUMN = re.compile(r"(?i)change|variance|%\s*(?:inc|dec|chg)|difference|budget|plan|guidance|forecast|target|outlook")


def _cells(line: str) -> list[str]:
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if line.strip().startswith("|") or line.count("|") >= 2:
        parts = [c.strip() for c in line.strip().split("|")]
        return parts[1:-1] if line.strip().startswith("|") and line.strip().endswith("|") else parts
    return [c.strip() for c in re.split(r"\s{2,}", line.rstrip())]


def is_table_row(line: str) -> bool:
    """A line laid out as cells: tabs, pipes or runs of spaces between at least two cells."""
    if _SEPARATOR.match(line):
        return True
    if "\t" in line or line.count("|") >= 2:
        return len([c for c in _cells(line) if c]) >= 2
    cells = [c for c in _cells(line) if c]
    return len(cells) >= 3 and sum(bool(re.search(r"\d", c)) for c in cells) >= 2


@dataclass(frozen=True)
class _Row:
    start: int  # clean offsets of the line
    end: int
    cells: list[str]


def _blocks(doc: ReleaseDoc) -> list[list[_Row]]:
    """Runs of table rows; a short line between two rows (a section label) belongs to the table."""
    lines = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]*", doc.text.clean)]
    lines = [line for line in lines if line[0] < len(doc.text.clean)]
    is_row = [bool(text.strip()) and is_table_row(text) for _s, _e, text in lines]
    blocks: list[list[_Row]] = []
    current: list[_Row] = []
    for i, (start, end, text) in enumerate(lines):
        if is_row[i]:
            if not _SEPARATOR.match(text):
                current.append(_Row(start, end, _cells(text)))
            continue
        if current and _is_section_label(text) and any(is_row[i + 1:i + 3]):
            current.append(_Row(start, end, [text.strip()]))
            continue
        if text.strip() or not current:
            if current:
                blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return [b for b in blocks if len(b) >= 2]


def _is_section_label(text: str) -> bool:
    text = text.strip()
    return 0 < len(text) <= 60 and not re.search(r"[.:;]$|\d{3}", text)


def _section_site(doc: ReleaseDoc, label: str, current: str | None) -> str | None:
    """The site a section label names: a mine of the release, none for company totals, else unchanged."""
    if re.match(r"(?i)\s*(consolidated|total|company|group|corporate)\b", label):
        return None
    key = mine_key(re.sub(r"\(.*?\)", "", label))
    for known, name in doc.mine_names.items():
        if key and (key == known or key.startswith(known + " ") or known.startswith(key + " ")):
            return name
    return current


def _is_value(cell: str) -> bool:
    return bool(re.match(r"^\s*\(?[$€£]?\s*[\d.,  ]+\s*\)?\s*%?\s*$", cell)) and not _YEAR_CELL.match(cell)


def _column_periods(doc: ReleaseDoc, header: list[_Row], width: int, anchor: Period | None) -> list[Period | None]:
    texts = [""] * width
    for row in header:
        if len(row.cells) < 2:
            continue  # a section label, not a header
        cells = list(row.cells)
        while len(cells) > width and not cells[0]:
            cells.pop(0)  # an extra empty corner cell
        cells = [""] * (width - len(cells)) + cells if len(cells) < width else cells[:width]
        sparse_years = sum(bool(_YEAR_CELL.match(c)) for c in cells) >= 1 and all(
            not c or _YEAR_CELL.match(c) for c in cells[1:])
        last = ""
        for j, cell in enumerate(cells):
            if sparse_years and j > 0:
                last = cell or last
                cell = last
            texts[j] = f"{texts[j]} {cell}".strip()
    ctx = replace(doc.period_context(), anchor=anchor)
    out: list[Period | None] = []
    for text in texts:
        out.append(_cell_period(text, ctx) if text and not _SKIP_COLUMN.search(text) else None)
    return out


def _cell_period(text: str, ctx) -> Period | None:  # type: ignore[no-untyped-def]
    text = re.sub(r"\b(Q[1-4]|[1-4]Q)\s+((?:19|20)\d\d)\b", r"\1 \2", text)
    quarter_only = re.fullmatch(r"(?i)\s*((?:19|20)\d\d)\s+(Q[1-4])\s*", text)
    if quarter_only:
        text = f"{quarter_only.group(2)} {quarter_only.group(1)}"
    mentions = list(find_periods(text, ctx))
    absolute = [m for m in mentions if not m.relative]
    relative = [m for m in mentions if m.relative]
    if relative and absolute and relative[0].period.kind != absolute[0].period.kind:
        return replace(relative[0].period, year=absolute[0].period.year)
    if absolute:
        return max(absolute, key=lambda m: m.period.months if m.period.kind != "year" else 0).period \
            if len(absolute) > 1 and all(m.period.kind == "year" for m in absolute[:1]) else absolute[0].period
    return relative[0].period if relative else None


def _label_unit(label: str) -> tuple[str, str, float]:
    """(label without its unit, unit text, scale) from ``Palladium Production (ozs)``, ``Revenue ($000s)``."""
    label = re.sub(r"(?<=[a-z)])\d{1,2}\b|\(\d\)|\*+$", "", label).strip()
    m = re.search(r"\(([^)]*)\)|,\s*([^,]+)$|\b(?:in\s+)(?!(?:concentrates?|dor[ée]|solution|cathodes?)\b)([\w$/ ']+)$", label)
    unit_text = ""
    if m:
        unit_text = (m.group(1) or m.group(2) or m.group(3) or "").strip()
        label = (label[: m.start()] + " " + label[m.end():]).strip()
    scale = 1.0
    if re.search(r"'?000s?\b|thousands", unit_text, re.IGNORECASE):
        scale = 1e3
        unit_text = re.sub(r"'?000s?|thousands", "", unit_text, flags=re.IGNORECASE).strip()
    elif re.search(r"\bmillions?\b", unit_text, re.IGNORECASE):
        scale = 1e6
        unit_text = re.sub(r"millions?", "", unit_text, flags=re.IGNORECASE).strip()
    return label, unit_text, scale


def _unit_quantity(unit_text: str, label: str, currency: str | None = None) -> Quantity | None:
    """Read a unit as if it followed a number: ``tonnes per day`` -> t/d; ``$`` with ``per 2E oz`` -> $/oz."""
    probe = unit_text
    for start, end, _metal in reversed(find_metals(probe)):
        probe = probe[:start] + probe[end:]  # "2E g/t", "g/t Au": the metal is not the unit
    probe = " ".join(probe.split())
    per = re.search(r"(?i)\bper\s+(?:[2-6]E\s+|payable\s+|gold\s+)?(ounce|oz|pound|lb|tonne|ton|kg|t)\b", label)
    if per and re.fullmatch(r"(?:US|C|A|CDN)?\$|USD|CAD|AUD|ZAR|R", probe):
        probe = f"{probe}/{per.group(1)}"
    if not probe:
        probe = _guess_unit(label)
        if not probe:
            return None
    cur = re.match(r"^\s*(US\$|C\$|A\$|CDN\$|R|\$|USD|CAD|AUD|ZAR)\s*(?:/|per)?\s*(.*)$", probe)
    if cur:
        text = f"{cur.group(1)}1" + (f" per {cur.group(2)}" if cur.group(2) else "")
    else:
        text = f"1 {probe}"
    found = find_quantities(text, currency)
    return found[0] if found and found[0].unit else None


def _guess_unit(label: str) -> str:
    lower = label.lower()
    if re.search(r"recover|availability|%", lower):
        return "%"
    if re.search(r"per day|throughput|tpd|t/d", lower):
        return "t/d"
    if "grade" in lower:
        metals = find_metals(label)
        return "%" if metals and metals[0][2] not in PRECIOUS else "g/t"
    if re.search(r"ounces|\boz\b", lower):
        return "oz"
    if re.search(r"pounds|\blbs?\b", lower):
        return "lb"
    if re.search(r"tonnes|tons|\bt\b|milled|processed|mined", lower):
        return "t"
    if re.search(r"produc|sold|sales|output", lower):
        metals = find_metals(label)
        if metals:
            return "oz" if metals[0][2] in PRECIOUS else "lb"
    return ""


def read_label(label: str, unit_column: str = "", currency: str | None = None) -> tuple[Reading, float] | None:
    """What a row label measures, and the scale of its cells."""
    text, unit_text, scale = _label_unit(label)
    qualifier = unit_text
    if unit_column:
        unit_text = unit_column
        qualifier = f"{qualifier} {unit_column}"
    unit_q = _unit_quantity(unit_text, text, currency)
    if unit_q is None:
        return None
    metal_in_unit = find_metals(qualifier)
    reading = classify(unit_q, text + " ", " " + (metal_in_unit[0][2] if metal_in_unit else ""))
    if reading is None:
        return None
    return reading, scale * unit_q.value


def _cell_value(cell: str, default_currency: str | None) -> tuple[float, str] | None:
    if _EMPTY.match(cell):
        return None
    found = find_quantities(cell.replace("(", " ").replace(")", " "), default_currency)
    return (found[0].value, found[0].unit) if len(found) == 1 else None


def extract_table_figures(doc: ReleaseDoc) -> list[Measurement]:
    """Measurements from every operating table in the release."""
    out: list[Measurement] = []
    for block in _blocks(doc):
        first_data = next((i for i, row in enumerate(block) if row.cells and row.cells[0] and not _is_value(row.cells[0])
                           and any(_is_value(c) for c in row.cells[1:])), None)
        labels_as_periods = [row for row in block[1:] if row.cells and _cell_period(row.cells[0], doc.period_context())]
        if first_data is None or first_data == 0 or len(labels_as_periods) >= max(2, (len(block) - 1) // 2):
            out += _transposed(doc, block)
            continue
        lengths = [len(r.cells) for r in block[first_data:] if len(r.cells) > 1]
        width = max(set(lengths), key=lambda n: (lengths.count(n), n))
        periods = _column_periods(doc, block[:first_data], width, doc.info.reporting_period)
        out += _row_figures(doc, block[first_data:], periods, width)
    for flat_periods, rows in _flattened_tables(doc):
        out += _row_figures(doc, rows, [None, *flat_periods], len(flat_periods) + 1)
    return out


def _row_figures(doc: ReleaseDoc, rows: list[_Row], periods: list[Period | None], width: int) -> list[Measurement]:
    """Measurements from rows of a table whose columns are ``periods`` (the first column holds the labels)."""
    out: list[Measurement] = []
    site = doc.site_before(rows[0].start, max(0, rows[0].start - 400)) or doc.default_site()
    for row in rows:
        cells = (row.cells + [""] * (width - len(row.cells)))[:max(width, len(row.cells))]
        label = cells[0]
        if label and not any(c for c in cells[1:]):
            site = _section_site(doc, label, site)
            continue
        unit_column = ""
        if len(cells) > 2 and periods[1] is None and cells[1] and not _is_value(cells[1]):
            unit_column = cells[1]
        read = read_label(label, unit_column, doc.currency)
        if read is None:
            continue
        reading, scale = read[0].with_principal_metal(doc.principal_metal), read[1]
        span = doc.text.span(row.start, row.end)
        for j in range(1, width):
            period = periods[j]
            if period is None:
                continue
            value = _cell_value(cells[j], doc.currency)
            if value is None:
                continue
            number, cell_unit = value
            if cell_unit and cell_unit != "%" and cell_unit != reading.unit.split("/")[0]:
                continue
            out.append(Measurement(span, reading.metric, number * scale, reading.unit, period, reading.metal,
                                   site, reading.basis))
    return out


def _flattened_tables(doc: ReleaseDoc) -> list[tuple[list[Period], list[_Row]]]:
    """Tables a web page flattened to one cell per line: period lines, then a label line and its values.

    A row's span runs from its label line to its last value line, so the quote holds every cell.
    """
    lines = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^\n]+", doc.text.clean)]
    ctx = doc.period_context()
    out = []
    i = 0
    while i < len(lines):
        periods: list[Period] = []
        j = i
        while j < len(lines) and not is_table_row(lines[j][2]):
            period = _cell_period(lines[j][2], ctx) if len(lines[j][2]) <= 40 else None
            if period is None or not re.fullmatch(r"[\w ,.'-]+", lines[j][2]):
                break
            periods.append(period)
            j += 1
        if len(periods) < 2:
            i += 1
            continue
        rows: list[_Row] = []
        k = j
        while k + len(periods) < len(lines) + 1 and not _is_value(lines[k][2]) and lines[k][2] \
                and all(_is_value(v) or _EMPTY.match(v) for _s, _e, v in lines[k + 1:k + 1 + len(periods)]) \
                and k + len(periods) < len(lines):
            values = lines[k + 1:k + 1 + len(periods)]
            rows.append(_Row(lines[k][0], values[-1][1], [lines[k][2], *(v for _s, _e, v in values)]))
            k += 1 + len(periods)
        if rows:
            out.append((periods, rows))
        i = max(k, i + 1)
    return out


def _transposed(doc: ReleaseDoc, block: list[_Row]) -> list[Measurement]:
    """Periods down the first column, metrics across the header row."""
    header, body = block[0], block[1:]
    ctx = doc.period_context()
    site = doc.site_before(block[0].start, max(0, block[0].start - 400)) or doc.default_site()
    labels = [read_label(c, "", doc.currency) if c else None for c in header.cells]
    out: list[Measurement] = []
    for row in body:
        if not row.cells:
            continue
        period = _cell_period(row.cells[0], ctx)
        if period is None:
            continue
        span = doc.text.span(row.start, row.end)
        for j, cell in enumerate(row.cells[1:], start=1):
            if j >= len(labels) or labels[j] is None:
                continue
            reading, scale = labels[j]  # type: ignore[misc]
            reading = reading.with_principal_metal(doc.principal_metal)
            value = _cell_value(cell, doc.currency)
            if value is None:
                continue
            out.append(Measurement(span, reading.metric, value[0] * scale, reading.unit, period, reading.metal, site,
                                   reading.basis))
    return out
