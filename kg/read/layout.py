"""Layout: the tables of a release text, as grids of cells with their offsets.

This layer knows nothing of mining. It finds the places where a text lays
out cells, whatever the layout a source left them in, and returns each as a
:class:`Table`: rows of :class:`Cell`, every cell with its offsets in the
text it was read from. One builder per layout:

- :func:`line_grid_tables`: one row per line, cells split by tabs (an HTML
  ``<table>``'s rows, spreadsheet copies), by pipes (Markdown) or by runs of
  spaces (aligned columns of plain text and PDF layout);
- :func:`cell_per_line_tables`: a web table flattened to one cell per line
  (a run of header lines, then a label line followed by its value lines);
- :func:`ruled_line_tables`: a table flattened onto one line, rows kept apart
  by dashed rules.

A row with a single cell is a section row (a label over the rows below it).
What the cells mean is read in :mod:`kg.extract.tables`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from kg.dates import find_dates  # dates know nothing of layout either
from kg.periods import PeriodContext, find_periods  # periods know nothing of layout: no circle

EMPTY_CELL = re.compile(r"^\s*(?:-+|–|—|n/?a|nil|na|n\.a\.|\*|nm|n\.m\.)?\s*$", re.IGNORECASE)
RULE_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_YEAR = re.compile(r"^\s*(?:19|20)\d\d\s*$")
_NUMERIC = re.compile(r"^\s*\(?\s*(?:US\$|C\$|A\$|R|\$|€|£)?\s*\(?[-–]?\s*[\d.,  ]*\d[\d.,  ]*\s*\)?\s*%?\s*\)?\s*$")
CURRENCY_CELL = re.compile(r"^\s*(?:US\$|C\$|A\$|CDN\$|\$|R|€|£)\s*$")  # a currency sign in a cell of its own


@dataclass(frozen=True)
class Cell:
    text: str
    start: int  # offsets in the text the table was read from
    end: int


@dataclass(frozen=True)
class TableRow:
    cells: tuple[Cell, ...]
    start: int
    end: int

    @property
    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]

    @property
    def is_section(self) -> bool:
        """A label on its own: it names what the rows below it are about."""
        return len(self.cells) == 1


@dataclass(frozen=True)
class Table:
    rows: tuple[TableRow, ...]
    layout: str  # the builder that found it

    @property
    def start(self) -> int:
        return self.rows[0].start

    @property
    def end(self) -> int:
        return self.rows[-1].end


def is_value_cell(text: str) -> bool:
    """A number as a table cell holds it (``1,204``, ``$612``, ``(13)``, ``83.4%``), not a year."""
    return bool(_NUMERIC.match(text)) and not _YEAR.match(text)


def find_tables(text: str) -> list[Table]:
    """Every table of ``text``, in text order; where two builders claim the same lines the first wins."""
    found: list[Table] = []
    for builder in BUILDERS:
        for table in builder(text):
            if all(table.end <= other.start or table.start >= other.end for other in found):
                found.append(table)
    return [half for table in sorted(found, key=lambda t: t.start) for half in mirrored_halves(table)]


def _is_label_cell(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]{3}", text)) and not is_value_cell(text)


def _label_column(table: Table) -> int:
    """The column that holds the row labels: the first, unless the figures stand on both sides of a column of text."""
    rows = [r.texts for r in table.rows if len(r.cells) >= 3]
    width = max((len(t) for t in rows), default=0)
    if not rows or width < 5:
        return 0
    counts = [sum(1 for t in rows if j < len(t) and _is_label_cell(t[j])) for j in range(width)]
    valued = [sum(1 for t in rows if j < len(t) and is_value_cell(t[j]) and not EMPTY_CELL.match(t[j])) for j in range(width)]
    middle = max(range(1, width - 1), key=lambda j: counts[j])
    both_sides = sum(valued[:middle]) and sum(valued[middle + 1:])
    return middle if both_sides and counts[middle] >= max(2, len(rows) // 2) and counts[0] <= len(rows) // 4 else 0


def mirrored_halves(table: Table) -> list[Table]:
    """A table whose row labels stand in a middle column, figures mirrored on both sides (US$ columns left of the
    label, rand columns right of it) is two tables, each with the labels first: the left half read outward from the
    label, so the column next to the label (a unit, say) comes first in both."""
    k = _label_column(table)
    if k == 0:
        return [table]

    def half(cells: tuple[Cell, ...], side: str) -> tuple[Cell, ...]:
        if len(cells) <= k:
            return cells  # a caption or section label on its own
        return (cells[k],) + (tuple(reversed(cells[:k])) if side == "left" else cells[k + 1:])

    return [Table(tuple(TableRow(half(r.cells, side), r.start, r.end) for r in table.rows), table.layout)
            for side in ("left", "right")]


# ---------------------------------------------------------------- one row per line


def split_cells(line: str) -> list[str]:
    """The cells of a line laid out as a row: tabs, pipes, or runs of two or more spaces."""
    return [c.strip() for c in _raw_cells(line)]


def is_table_row(line: str) -> bool:
    """A line laid out as cells: tabs, pipes or runs of spaces between at least two cells."""
    if RULE_ROW.match(line):
        return True
    if "\t" in line or line.count("|") >= 2:
        cells = split_cells(line)
        # "| **Sales** | | | |": a Markdown row with only its label filled is a section row of the grid
        return len([c for c in cells if c]) >= 2 or line.lstrip().startswith("|") and len(cells) >= 3 and bool(cells[0])
    cells = [c for c in split_cells(line) if c]
    return len(cells) >= 3 and sum(bool(re.search(r"\d", c)) for c in cells) >= 2 or (
        len(cells) == 2 and is_value_cell(cells[1]) and len(line) - len(line.lstrip()) < 40 and bool(re.search(r"\S\s{3,}\S", line)))


def _line_cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    line = text[start:end]
    cells = []
    position = 0
    for cell_text in _raw_cells(line):
        at = line.find(cell_text, position) if cell_text else position
        at = position if at < 0 else at
        cells.append(Cell(cell_text.strip(), start + at, start + at + len(cell_text)))
        position = at + len(cell_text)
    return tuple(cells)


def _raw_cells(line: str) -> list[str]:
    if "\t" in line:
        return line.split("\t")
    stripped = line.strip()
    if stripped.startswith("|") or line.count("|") >= 2:
        parts = stripped.split("|")
        return parts[1:-1] if stripped.startswith("|") and stripped.endswith("|") else parts
    return re.split(r"\s{2,}", line.strip())


_SHARE_HELD = re.compile(r"\(\s*\d{1,3}(?:\.\d+)?\s*%\s*\)")  # "Mount Tarn (100%)": the share held, not a figure


def _is_section_label(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= 60 and not re.search(r"[.:;]$|\d{3}", _SHARE_HELD.sub("", line))


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its newline."""
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def line_grid_tables(text: str) -> list[Table]:
    """Runs of lines laid out as rows; a short line between two rows (a section label) belongs to the table."""
    lines = _lines(text)
    is_row = [bool(text[s:e].strip()) and is_table_row(text[s:e]) for s, e in lines]
    tables: list[Table] = []
    current: list[TableRow] = []
    first_line = [0]

    def close() -> None:
        if len(current) >= 2 and sum(len(r.cells) >= 2 for r in current) >= 1:
            rows = list(current)
            if not any("\t" in text[r.start:r.end] or "|" in text[r.start:r.end] for r in rows):
                rows = _wrapped_labels_joined(text, _aligned(text, _joined_headings(
                    text, _header_lines(text, lines, first_line[0]) + rows)))
            elif not any("\t" in text[r.start:r.end] for r in rows):
                rows = _headings_over_values(rows)
            tables.append(Table(tuple(rows), "line-grid"))
        current.clear()

    for i, (start, end) in enumerate(lines):
        line = text[start:end]
        if is_row[i]:
            if not current:
                first_line[0] = i
            if not RULE_ROW.match(line):
                current.append(TableRow(_line_cells(text, start, end), start, end))
            continue
        if current and _is_section_label(line) and _row_follows(text, lines, is_row, i):
            s = start + len(line) - len(line.lstrip())
            current.append(TableRow((Cell(line.strip(), s, s + len(line.strip())),), start, end))
            continue
        if line.strip() or not current:
            close()
    close()
    return tables


def _headings_over_values(rows: list[TableRow]) -> list[TableRow]:
    """A header row of periods with no corner cell, its last cell left empty instead ("Q1 2022 | Q1 2021 | |" over
    "Ore (t) | 8,805 | 8,635 |"): its headings moved one column right, over the values."""
    first = next((i for i, r in enumerate(rows) if any(is_value_cell(c.text) for c in r.cells[1:])), None)
    if not first:
        return rows
    values = sum(is_value_cell(c.text) for c in rows[first].cells[1:])
    out = list(rows)
    for i in range(first):
        cells = rows[i].cells
        named = [c for c in cells if c.text]
        if len(cells) >= 3 and cells[-1].text == "" and cells[0].text and len(named) == values \
                and all(_PERIOD_HEADING.search(c.text) for c in named):
            corner = Cell("", cells[0].start, cells[0].start)
            out[i] = TableRow((corner, *cells[:-1]), rows[i].start, rows[i].end)
    return out


def _row_follows(text: str, lines: list[tuple[int, int]], is_row: list[bool], i: int) -> bool:
    """A row comes within the next four lines, with only blanks and short labels before it: a wrapped label's second
    line ("output"), a blank line, then a mine's section label ("Seloane") keep a table going."""
    for k in range(i + 1, min(len(lines), i + 5)):
        if is_row[k]:
            return True
        line = text[slice(*lines[k])]
        if line.strip() and not _is_section_label(line):
            return False
    return False


def _header_lines(text: str, lines: list[tuple[int, int]], first: int) -> list[TableRow]:
    """Lines of column headings above an aligned block (``Quarter   Quarter   Nine``): cells but no figures."""
    rows: list[TableRow] = []
    section: list[TableRow] = []
    blanks = 0
    for start, end in reversed(lines[max(0, first - 12):first]):
        line = text[start:end]
        if RULE_ROW.match(line) or re.fullmatch(r"\s*[-=_–—]{5,}\s*", line):
            continue  # a rule under the headings
        if not line.strip():
            blanks += 1
            if blanks > 2 or rows and blanks > 1:
                break
            continue
        cells = [c for c in split_cells(line) if c]
        if len(cells) == 1 and not rows and len(section) < 2 and _is_section_label(line) and blanks <= 1 \
                and not (section and blanks):
            s = start + len(line) - len(line.lstrip())
            section.insert(0, TableRow((Cell(line.strip(), s, s + len(line.strip())),), start, end))
            continue  # section labels right above the first row ("Nickel (kt)" over "Mount Tarn"): they head the rows
        heading_alone = len(cells) == 1 and _is_heading_alone(line)
        if not heading_alone and (len(cells) < 2 or re.search(r"[.;]\s|[.;]$", _ABBREVIATED_MONTH.sub("", line))
                                  or len(line) - len(line.lstrip()) < 4 and len(cells) < 3):
            break
        rows.insert(0, TableRow(_line_cells(text, start, end), start, end))
    return _joined_headings(text, rows) + section if rows else []


_ABBREVIATED_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.")  # "Sept. 30": no sentence's end


def _is_heading_alone(line: str) -> bool:
    """"2024" under "12 mths", "Q3 FY23" under "Q3 FY24 vs": a short period heading alone on its line, far right."""
    cell = line.strip()
    return len(line) - len(line.lstrip()) >= 20 and len(cell) <= 15 and bool(_PERIOD_HEADING.search(cell))


def _joined_headings(text: str, rows: list[TableRow]) -> list[TableRow]:
    """A heading alone on its line ("2024" under "12 mths") joins the heading above it that stands over it; only the
    headings above the first row of figures are looked at."""
    out: list[TableRow] = []
    for i, row in enumerate(rows):
        if any(is_value_cell(c.text) for c in row.cells):
            return out + rows[i:]
        if len(row.cells) == 1 and out and len(out[-1].cells) >= 2 \
                and _is_heading_alone(text[text.rfind("\n", 0, row.start) + 1:row.end]):
            above = out[-1]
            at = row.cells[0].start - (text.rfind("\n", 0, row.start) + 1)
            base = text.rfind("\n", 0, above.start) + 1
            k = min(range(len(above.cells)), key=lambda j: abs((above.cells[j].end - base) - (at + len(row.cells[0].text))))
            cells = list(above.cells)
            cells[k] = Cell(f"{cells[k].text} {row.cells[0].text}", cells[k].start, row.cells[0].end)
            out[-1] = TableRow(tuple(cells), above.start, row.end)
            continue
        out.append(row)
    return out


def _aligned(text: str, rows: list[TableRow]) -> list[TableRow]:
    """Rows of an aligned block put on the columns of its fullest row of figures, by where each cell stands (a row
    with a cell for every column keeps them in order)."""
    def line_start(row: TableRow) -> int:
        return text.rfind("\n", 0, row.start) + 1

    template = max((r for r in rows if len(r.cells) >= 2 and any(is_value_cell(c.text) for c in r.cells)),
                   key=lambda r: len(r.cells), default=None)
    if template is None:
        return rows
    base = line_start(template)
    columns = [(c.start - base, c.end - base) for c in template.cells]
    for other in rows:  # each column as wide as its widest figure in the rows as full as the template
        if other is not template and len(other.cells) == len(columns) and any(is_value_cell(c.text) for c in other.cells):
            at = line_start(other)
            columns = [(min(cs, c.start - at), max(ce, c.end - at)) for (cs, ce), c in zip(columns, other.cells)]
    out = []
    for row in rows:
        if len(row.cells) < 2 or row is template or len(row.cells) == len(columns):
            out.append(row)  # as many cells as the columns: in order, however ragged the spacing of a web copy
            continue
        at = line_start(row)
        placed: list[list[Cell]] = [[] for _ in columns]
        heading = not any(is_value_cell(c.text) for c in row.cells)
        for cell in row.cells:
            a, b = cell.start - at, cell.end - at
            spanned = [k for k in range(1, len(columns)) if _crosses(a, b, columns, k)] if heading and _SPAN_WORDS.search(
                cell.text) else []
            if spanned:  # "Three months ended" centred over two columns of figures: a heading of both
                for k in sorted({k - 1 for k in spanned} | set(spanned)):
                    placed[k].append(cell)
                continue
            overlaps = [min(b, ce) - max(a, cs) for cs, ce in columns]
            best = max(range(len(columns)), key=lambda k: (overlaps[k], -abs(b - columns[k][1])))
            if overlaps[best] <= 0:
                best = min(range(len(columns)), key=lambda k: min(abs(b - columns[k][1]), abs(a - columns[k][0])))
            placed[best].append(cell)
        cells = []
        for k, group in enumerate(placed):
            if group:
                cells.append(Cell(" ".join(c.text for c in group), group[0].start, group[-1].end))
            else:
                cells.append(Cell("", row.start, row.start))
        out.append(TableRow(tuple(cells), row.start, row.end))
    return out


# the words of a heading that spans columns ("Three months ended", "June 30", "Year to date"), not a unit's
_SPAN_WORDS = re.compile(r"(?i)^(?!\s*\().*\b(?:months?|ended|ending|quarters?|years?|half|period|to\s+date|YTD|jan\w*|feb\w*"
                         r"|mar\w*|apr\w*|may|june?|july?|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b")


def _crosses(a: int, b: int, columns: list[tuple[int, int]], k: int) -> bool:
    """The heading at ``a:b`` stretches over the boundary between value columns ``k - 1`` and ``k`` (the middle of
    the gap between them) by two characters or more each side; the label column has no share in a span."""
    if k < 2:
        return False
    middle = (columns[k - 1][1] + columns[k][0]) // 2
    return a <= middle - 2 and b >= middle + 2


def _wrapped_labels_joined(text: str, rows: list[TableRow]) -> list[TableRow]:
    """A row of figures with no label under one or two lines of label alone ("Copper production (millions of
    pounds)" then its figures on the next line): one row, its label the lines above."""
    out: list[TableRow] = []
    for row in rows:
        figures = len(row.cells) >= 2 and any(is_value_cell(c.text) for c in row.cells[1:])
        unlabelled = figures and not row.cells[0].text.strip()
        # "Zinc cost without royalty" over "(US$/tonne)  1,208  1,105": a label's last line that is only its unit
        unit_line = figures and row.cells[0].text.strip().startswith("(") and bool(out) and out[-1].is_section
        if unit_line:
            first = out.pop().cells[0]
            label = Cell(text[first.start:row.cells[0].end], first.start, row.cells[0].end)
            out.append(TableRow((label, *row.cells[1:]), first.start, row.end))
            continue
        above: list[TableRow] = []
        while unlabelled and out and out[-1].is_section and len(above) < 2 and _is_label_cell(out[-1].cells[0].text):
            above.insert(0, out.pop())
        if not above:
            out.append(row)
            continue
        if len(above) == 2 and not re.search(r"[,(]\s*$|\b(?:of|and|per|for)\s*$", above[0].cells[0].text):
            out.append(above.pop(0))  # a section label, then the figures' own label
        first, last = above[0].cells[0], above[-1].cells[0]
        label = Cell(text[first.start:last.end], first.start, last.end)
        out.append(TableRow((label, *row.cells[1:]), above[0].start, row.end))
    return out


# ---------------------------------------------------------------- one cell per line

_MAX_CELL = 70


def _is_cell_line(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > _MAX_CELL or is_table_row(line):
        return False
    return is_value_cell(line) or EMPTY_CELL.match(line) is not None or (
        len(line.split()) <= 9 and not re.search(r"[.;:!?]$", line) and not re.search(r"\.\s+[A-Z]", line))


_RANGE_CELL = re.compile(r"(?i)^\s*(?:US\$|A\$|C\$|\$)?\d[\d,.]*\s?(?:k|m|mt|kt|koz|moz|mlb|%)?\s*(?:-|–|to)\s*"
                         r"(?:US\$|A\$|C\$|\$)?\d[\d,.]*\s?(?:k|m|mt|kt|koz|moz|mlb|%)?\s*$")  # "80k - 85k", "1.9M - 2.1M"


def _is_cell_value(line: str) -> bool:
    return is_value_cell(line) or bool(EMPTY_CELL.match(line) and line.strip()) or bool(_RANGE_CELL.match(line))


def _gap_lines(text: str, start: int, end: int) -> int:
    """Line breaks between two cells, an empty cell's line ("|" alone) not counted: it is a cell, not a gap; a run of
    lines that hold only a space counts as one break."""
    between = text[start:end]
    if re.search(r"(?m)^[ \t]+$", between) and not between.strip():
        return 1  # lines of a space alone between cells: a web table's empty cells (<td>&nbsp;</td>), however many
    return between.count("\n") - len(re.findall(r"(?m)^[ \t]*\|[ \t|]*$", between))


def cell_per_line_tables(text: str) -> list[Table]:
    """A table flattened one cell per line: header lines, then rows of a label line and its value lines.

    The number of value columns is the most common count of value lines after
    a label; a short line between a label and its values is a unit cell; a
    label followed by another label is a section row; blank lines between
    cells are ignored.
    """
    spans = [span for s, e in _lines(text) if (span := _pipe_stripped(text, s, e))]
    cells = _currency_joined(text, _glued_figures_split(text, _pipe_cells(text, spans)))
    tables: list[Table] = []
    i = 0
    while i < len(cells):
        j = i
        while j < len(cells) and _is_cell_line(text[cells[j][0]:cells[j][1]]) and (
                j == i or _gap_lines(text, cells[j - 1][1], cells[j][0]) <= 4):
            j += 1
        run = cells[i:j]
        table = _cells_to_table(text, run) if len(run) >= 6 else None
        if table is not None:
            tables.append(table)
        i = max(j, i + 1)
    return tables


_GLUED_FIGURE = re.compile(r"[A-Za-z][^\n]*\)(?=\d[\d,]*(?:\.\d+)?$)")


def _glued_figures_split(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"Total copper (t)24,410": a label run into its first figure, as a copied web table leaves it, is two cells."""
    out: list[tuple[int, int]] = []
    for s, e in cells:
        m = _GLUED_FIGURE.match(text, s, e)
        out += [(s, m.end()), (m.end(), e)] if m and m.end() < e else [(s, e)]
    return out


def _pipe_stripped(text: str, s: int, e: int) -> tuple[int, int] | None:
    """A cell line's span without its blanks and the pipe a flattened web table leaves at its end ("12,073 |");
    None for a line with nothing else."""
    line = text[s:e]
    core = re.sub(r"^\s*\|?\s*|\s*\|?\s*$", "", line) if line.count("|") <= 1 else line.strip()
    if not core.strip("| \t"):  # "||", "|||||": the empty cells of a row, nothing to read
        return None
    at = s + line.index(core)
    return at, at + len(core)


def _pipe_cells(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where cells end with a pipe ("QUARTER |"), a line without one runs on into the next: "SEPTEMBER 2024" over
    "QUARTER |" is one heading."""
    def piped(k: int) -> bool:
        end = spans[k][1]
        line_end = text.find("\n", end)
        return text[end:line_end if line_end >= 0 else len(text)].strip() == "|"

    return _joined_to_next(spans, lambda k: not piped(k) and piped(k + 1) and k > 0 and piped(k - 1)
                           and text.count("\n", spans[k][1], spans[k + 1][0]) == 1)


def _currency_joined(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cell lines with a currency sign on a line of its own joined to the number on the next line."""
    return _joined_to_next(cells, lambda k: bool(CURRENCY_CELL.match(text[slice(*cells[k])]))
                           and is_value_cell(text[slice(*cells[k + 1])]))


def _joined_to_next(spans: list[tuple[int, int]], joins: Callable[[int], bool]) -> list[tuple[int, int]]:
    """The spans, each one that ``joins`` its successor (``joins(k)``, asked only where a successor exists) made one
    span with it."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(spans):
        if k + 1 < len(spans) and joins(k):
            out.append((spans[k][0], spans[k + 1][1]))
            k += 2
            continue
        out.append(spans[k])
        k += 1
    return out


def _cell(text: str, span: tuple[int, int]) -> Cell:
    """A cell over ``span``, its text with the line breaks inside it (a currency line, a wrapped label) as spaces."""
    return Cell(" ".join(text[span[0]:span[1]].split()), *span)


def _repeat(text: str, headings: list[tuple[int, int]]) -> int | None:
    """The period with which a row of headings repeats ("2021 2020 Change 2021 2020 Change": 3), if it does."""
    names = [" ".join(text[s:e].split()).lower() for s, e in headings]
    width = len(names)
    return next((p for p in range(1, width) if width % p == 0 and all(
        names[i] == names[i + p] for i in range(width - p))), None)


def _group_row(text: str, above: list[tuple[int, int]], headings: list[tuple[int, int]]) -> TableRow | None:
    """Spanning headings over repeating ones: "Three Months Ended" and "Nine Months Ended" over "2021 2020 Change" twice.

    When the column headings repeat with a period p, the ``width / p`` lines
    just above them head p columns each.
    """
    period = _repeat(text, headings)
    width = len(headings)
    if period is None or width // period > len(above):
        return None
    groups = above[len(above) - width // period:]
    if any(is_value_cell(text[s:e]) for s, e in groups):
        return None
    return TableRow((Cell("", groups[0][0], groups[0][0]),) + tuple(_cell(text, g) for g in groups),
                    groups[0][0], groups[-1][1])


def _cells_to_table(text: str, run: list[tuple[int, int]]) -> Table | None:
    kinds = ["v" if _is_cell_value(text[s:e]) else "l" for s, e in run]
    counts: list[int] = []
    for k, kind in enumerate(kinds):
        if kind == "l":
            n = 0
            m = k + 1
            if m < len(kinds) and kinds[m] == "l" and m + 1 < len(kinds) and kinds[m + 1] == "v" and _is_unit_cell(
                    text[run[m][0]:run[m][1]]):
                m += 1  # a unit cell between the label and its values
            while m < len(kinds) and kinds[m] == "v":
                n += 1
                m += 1
            if n:
                counts.append(n)
    if len(counts) < 2:
        return None
    width = max(set(counts), key=lambda n: (counts.count(n), n))
    if width < 2 and counts.count(width) < 3:
        return None
    # the first label with a full row of values starts the body; the lines before are the header
    def starts_row(k: int) -> bool:
        if kinds[k] != "l":
            return False
        if kinds[k + 1:k + 1 + width] == ["v"] * width:
            return True
        unit = kinds[k + 1:k + 2] == ["l"] and _is_unit_cell(text[run[k + 1][0]:run[k + 1][1]])
        return unit and kinds[k + 2:k + 2 + width] == ["v"] * width

    first = next((k for k in range(len(kinds)) if starts_row(k)), None)
    if first is None or first < 1:
        return None
    first -= _sections_before(text, run[:first], width)
    headings, used = _headings(text, run[max(0, first - 2 * width - 3):first], width)
    if len(headings) < width:
        return None
    caption_end = first - used
    group = _group_row(text, run[:caption_end], headings)
    if group is not None:
        caption_end -= len(group.cells) - 1
    rows: list[TableRow] = [_row(text, run[:caption_end])] if caption_end > 0 else []
    rows = [r for r in rows if r.cells]
    if group is not None:
        rows.append(group)
    rows.append(TableRow((Cell("", headings[0][0], headings[0][0]),)
                         + tuple(_cell(text, h) for h in headings), headings[0][0], headings[-1][1]))
    k = first
    while k < len(run):
        if kinds[k] == "v":
            k += 1
            continue
        label = run[k]
        m = k + 1
        unit: tuple[int, int] | None = None
        if m + 1 < len(run) and kinds[m] == "l" and kinds[m + 1] == "v" and _is_unit_cell(text[run[m][0]:run[m][1]]):
            unit = run[m]
            m += 1
        values: list[tuple[int, int]] = []
        while m < len(run) and kinds[m] == "v" and len(values) < width:
            values.append(run[m])
            m += 1
        label_text = text[label[0]:label[1]]
        if unit:
            unit_text = text[unit[0]:unit[1]].strip()
            label_text = f"{label_text} {unit_text}" if unit_text.startswith("(") else f"{label_text} ({unit_text})"
        if values:
            row_cells = (Cell(label_text, label[0], label[1]),) + tuple(_cell(text, v) for v in values)
            rows.append(TableRow(row_cells, label[0], values[-1][1]))
        else:
            rows.append(TableRow((Cell(label_text, label[0], label[1]),), label[0], label[1]))
        k = m
    if sum(len(r.cells) > 2 for r in rows) < 2:
        return None
    return Table(tuple(rows), "cell-per-line")


_PERIOD_HEADING = re.compile(
    r"(?i)(?<![a-z])(?:[1-4]Q|Q[1-4]|[12]H|H[12]|(?:[369]|12)M|FY|YTD|quarter|qtr|months?|half|year|ended|(?:19|20)\d\d|(?<!\d)\d\d(?!\d)"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?![a-z])")


def _sections_before(text: str, before: list[tuple[int, int]], width: int) -> int:
    """How many section labels ("Underground Operations") stand between the column headings and the first row."""
    def periodish(span: tuple[int, int]) -> bool:
        return bool(_PERIOD_HEADING.search(text[span[0]:span[1]]))

    def changeish(span: tuple[int, int]) -> bool:  # "Change", "% chg", "Variance"
        return bool(re.match(r"(?i)\W*(?:%\s*)?(?:changes?|chg|var\.?|variances?|diff\w*)\b", text[span[0]:span[1]]))

    for n in (1, 2):
        labels, headings = before[len(before) - n:], before[len(before) - n - width:len(before) - n]
        # the headings: periods, perhaps with a change column between them ("% change"), whose figures are a column;
        # where they are, a change heading after them is theirs too, no section label
        with_change = any(map(changeish, headings))
        if len(headings) == width and not any(map(periodish, labels)) and periodish(headings[0]) \
                and periodish(headings[-1]) and all(periodish(h) or changeish(h) for h in headings) \
                and not (with_change and any(map(changeish, labels))):
            return n
    return 0


# the second line of a heading: a note in parentheses ("(Actual)", "(1)") or what the column holds ("Outlook (1)")
_HEADING_TAIL = re.compile(r"\([^()]{1,15}\)|(?i:(?:outlook|guidance|forecast|budget|actual|unaudited|restated|target)"
                           r"\b[^\n]{0,12})")


def _headings(text: str, before: list[tuple[int, int]], width: int) -> tuple[list[tuple[int, int]], int]:
    """The ``width`` column headings that end ``before``, and how many lines they take.

    A heading broken over two lines ("9m" then "2016") is one heading: a line
    holding only a year joins the line above it when that has no year.
    """
    plain = before[-width:]
    if len(plain) == width and not any(is_value_cell(text[s:e]) for s, e in plain) and _repeat(text, plain):
        return plain, width  # "2021 2020 Change" twice: one heading a line
    year = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
    headings: list[tuple[int, int]] = []
    used = 0
    k = len(before) - 1
    while k >= 0 and len(headings) < width:
        start, end = before[k]
        if is_value_cell(text[start:end]):
            break
        cell = text[start:end].strip()
        above = text[before[k - 1][0]:before[k - 1][1]].strip() if k > 0 else ""
        if year.fullmatch(cell) and above and not year.search(above) and len(above) <= 15 and not is_value_cell(above) \
                and _PERIOD_HEADING.search(above):  # "9m" over "2016" is one heading; a caption ("TOPIA") over "2013" is not
            start = before[k - 1][0]
            k -= 1
            used += 1
        elif _HEADING_TAIL.fullmatch(cell) and not _PERIOD_HEADING.search(cell) and above and len(above) <= 20 \
                and _PERIOD_HEADING.search(above) and not is_value_cell(above):
            start = before[k - 1][0]  # "1Q24" over "(Actual)", "2024 Revised" over "Outlook (1)": one heading
            k -= 1
            used += 1
        headings.insert(0, (start, end))
        used += 1
        k -= 1
    return headings, used


def _is_unit_cell(text: str) -> bool:
    """A cell holding a unit alone (``kt``, ``000oz``, ``US$/lb``, ``%``, ``('000 lbs)``): short and one token, or
    a short parenthesis."""
    cell = text.strip()
    return 0 < len(cell) <= 10 and not re.search(r"\s", cell) or bool(re.fullmatch(r"\([^()\d]*(?:'?000)?[^()\d]*\)", cell)
                                                                       and len(cell) <= 16) \
        or bool(_UNIT_PHRASE.fullmatch(cell))  # "g/t gold", "% Cu", "US$ million"


_UNIT_PHRASE = re.compile(r"(?i)(?:g/t|%|oz/t|ppm|lbs?|oz|t|kt|mt|US\$|A\$|C\$|\$|R)(?:/\w+)?\s+(?:[A-Za-z]{1,9}|million|thousand)")


def _row(text: str, spans: list[tuple[int, int]]) -> TableRow:
    if not spans:
        return TableRow((), 0, 0)
    return TableRow((Cell(" ".join(text[s:e] for s, e in spans), spans[0][0], spans[-1][1]),), spans[0][0], spans[-1][1])


# ---------------------------------------------------------------- one line, dashed rules

_RULE = re.compile(r"\s*[-=_–—]{5,}\s*")
# a value as a flattened row holds it; a dash is an empty cell only where no word follows it ("- Zinc" is a bullet)
_VALUE_TOKEN = r"(?:\(?\$?\d[\d,.]*\)?%?|[-–](?=\s+[\d(\-–$]|\s*$)|n/a)"
_VALUE_RUN = re.compile(rf"(?<!\S){_VALUE_TOKEN}(?:\s+{_VALUE_TOKEN})*(?!\S)", re.IGNORECASE)
_BULLET = re.compile(r"(?:^|\s)[-–•]\s+(?=[A-Za-z])")


def ruled_line_tables(text: str) -> list[Table]:
    """A table flattened onto one line: segments between dashed rules are rows (label, then its values).

    A segment may hold nested rows as a PDF flattens them: bulleted sub-rows each with its values, and the
    label they sit under before them or after them (``- Zinc 61 58 - Lead 14 14 Concentrate (dmt)``), or the
    sub-row labels first and their values after, row by row (``Sales - Zinc - Lead 63 55 15 13``).
    """
    tables = []
    for start, end in _lines(text):
        line = text[start:end]
        rules = list(_RULE.finditer(line))
        if len(rules) < 2:
            continue
        bounds = [0] + [x for r in rules for x in (r.start(), r.end())] + [len(line)]
        segments = [(start + a, start + b) for a, b in zip(bounds[::2], bounds[1::2]) if line[a:b].strip()]
        if not segments:
            continue
        head_s, head_e = _stripped(text, *segments[0])
        rows = [TableRow((Cell(text[head_s:head_e], head_s, head_e),), head_s, head_e)]
        parsed = [_segment_runs(text, s, e) for s, e in segments[1:]]
        widths = [len(runs[0][1]) for runs, _ in parsed if len(runs) == 1]
        width = max(set(widths), key=widths.count) if widths else 0
        for (s, e), (runs, trailing) in zip(segments[1:], parsed):
            headings = _heading_segment(text, s, e)
            rows.extend([headings] if headings is not None else _segment_rows(text, s, e, runs, trailing, width))
        if sum(len(r.cells) >= 3 for r in rows) >= 2:
            tables.append(Table(tuple(rows), "ruled-line"))
    return tables


_HEADING_TOKEN = re.compile(r"(?i)(?:19|20)\d\d|Q[1-4]|[1-4]Q|H[12]|FY\d{2,4}|YTD|change|chg|var\.?|variance|%|\$|\(\$\)")


def _heading_segment(text: str, s: int, e: int) -> TableRow | None:
    """A segment of column headings alone ("2022 2021 change 2022 2021 change"): one cell a heading, under a corner."""
    tokens = list(re.finditer(r"\S+", text[s:e]))
    if len(tokens) < 2 or not all(_HEADING_TOKEN.fullmatch(t.group()) for t in tokens) \
            or sum(bool(re.fullmatch(r"(?:19|20)\d\d", t.group())) for t in tokens) < 2:
        return None
    cells = [Cell("", s, s)] + [Cell(t.group(), s + t.start(), s + t.end()) for t in tokens]
    return TableRow(tuple(cells), s + tokens[0].start(), s + tokens[-1].end())


def _stripped(text: str, s: int, e: int) -> tuple[int, int]:
    segment = text[s:e]
    return s + len(segment) - len(segment.lstrip()), s + len(segment.rstrip())


def _segment_runs(text: str, s: int, e: int) -> tuple[list[tuple[tuple[int, int], list[Cell]]], tuple[int, int]]:
    """A segment as (label span, value cells) pairs, each label the text before its run of values, and the
    label left after the last run (empty where values end the segment)."""
    matches = [m for m in _VALUE_RUN.finditer(text, s, e) if re.search(r"\d", m.group())]
    # a number inside a label ("Level 1140 stope") is no run of values: a run ends the segment, comes before a
    # bulleted sub-row, or holds two numbers or more
    matches = [m for k, m in enumerate(matches) if k == len(matches) - 1 and not text[m.end():e].strip()
               or _BULLET.match(text, m.end()) or len(re.findall(r"\d[\d,.]*", m.group())) >= 2]
    runs, at = [], s
    for m in matches:
        if not text[at:m.start()].strip():
            continue
        cells = [Cell(v.group(), m.start() + v.start(), m.start() + v.end()) for v in re.finditer(r"\S+", m.group())]
        runs.append((_stripped(text, at, m.start()), cells))
        at = m.end()
    return runs, _stripped(text, at, e)


def _segment_rows(text: str, s: int, e: int, runs: list[tuple[tuple[int, int], list[Cell]]],
                  trailing: tuple[int, int], width: int) -> list[TableRow]:
    if not runs:
        a, b = _stripped(text, s, e)
        return [TableRow((Cell(text[a:b], a, b),), a, b)]
    if len(runs) == 1 and trailing[0] == trailing[1]:
        (a, b), cells = runs[0]
        bullets = _bullet_labels(text, a, b)
        if len(bullets) < 2 or not width or len(cells) != width * len(bullets):
            return [TableRow((Cell(text[a:b], a, b), *cells), a, cells[-1].end)]
        first_mark = next(_BULLET.finditer(text, a, b)).start()
        heading = (a, first_mark) if text[a:first_mark].strip() else None  # "Sales (wmt) - Zinc - Lead 63 55 15 13"
        rows = [_section_row(text, *_stripped(text, *heading))] if heading else []
        for k, (ls, le) in enumerate(bullets):
            rows.append(TableRow((Cell(text[ls:le], ls, le), *cells[k * width:(k + 1) * width]), ls, cells[(k + 1) * width - 1].end))
        return rows
    rows = [_section_row(text, *trailing)] if trailing[0] < trailing[1] else []  # a PDF's group label after its rows
    for (a, b), cells in runs:
        bullet = re.match(r"[-–•]\s+(?=[A-Za-z])", text[a:b])
        a = a + bullet.end() if bullet else a
        rows.append(TableRow((Cell(text[a:b], a, b), *cells), a, cells[-1].end))
    return rows


def _bullet_labels(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The bulleted labels of a label span (``Sales (wmt) - Zinc concentrate - Lead concentrate``)."""
    marks = list(_BULLET.finditer(text, s, e))
    return [_stripped(text, m.end(), marks[k + 1].start() if k + 1 < len(marks) else e) for k, m in enumerate(marks)]


def _section_row(text: str, s: int, e: int) -> TableRow:
    return TableRow((Cell(text[s:e], s, e),), s, e)


# ---------------------------------------------------------------- cells a single space apart

# a figure as a cell: "1,200,000", "(13)", "-9%", "$612", "16.7"; a dash or n/a for none
_SPACED_VALUE = (r"(?:(?:[-–(]\s?)?(?:US\$|A\$|C\$|\$|R)?\d{1,3}(?:,\d{3})+(?:\.\d+|[1-9](?![\d,.]))?%?\)?"
                 r"|(?:[-–(]\s?)?(?:US\$|A\$|C\$|\$|R)?\d+(?:\.\d+)?%?\)?|n/a|-)")
_SPACED_ROW = re.compile(rf"^(?P<label>[^\S\n]*\S.*?(?:[A-Za-z%)\]]|'000))(?P<values>(?:[^\S\n]+{_SPACED_VALUE}){{1,12}})[^\S\n]*$")
_SPACED_CELL = re.compile(_SPACED_VALUE)


# a label run into figures run into each other ("Silver production (koz)3,0863,2053,632"), as a web page's table
# cells lose their separators when copied: each figure's thousands groups say where it ends
# (a unit may be run into the label too: "Coal soldMt1.621.393.012.26", figures of as many decimals each)
_GLUED_ROW = re.compile(r"^(?P<label>[^\S\n]*\S.*?[A-Za-z)\]])(?P<unit>(?<=[a-z)])(?:Moz|koz|oz|Mt|kt|Mlb|lb|g/t|%|Ounces|Tonnes|Tons"
                        r"|Pounds|(?:US|A|C)?\$/[a-z]+))?"
                        r"(?P<values>\d{1,3}(?:,\d{3})+(?:\d{1,3}(?:,\d{3})+)+(?:\d+(?:\.\d+)?%?)?"
                        r"|(?:\d+\.\d+){2,})[^\S\n]*$")
_GLUED_CELL = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?%?$")


def _glued_cells(values: str) -> list[tuple[int, int]]:
    """Where figures run together end: at each thousands group's end, or, for decimals, where every figure has as
    many decimals as the others (the one count that splits the run, else none)."""
    if "," in values:
        return [(c.start(), c.end()) for c in _GLUED_CELL.finditer(values)]
    splits = [[(c.start(), c.end()) for c in re.finditer(rf"\d+?\.\d{{{d}}}", values)] for d in (1, 2, 3)
              if re.fullmatch(rf"(?:\d+?\.\d{{{d}}}){{2,}}", values)]
    return splits[0] if len(splits) == 1 else []


def _spaced_row(text: str, s: int, e: int) -> TableRow | None:
    """A line of a label then figures a single space apart ("Ore Mined tonnes 1,200,000 1,300,000 8%"), or run
    together, as text pulled from a web page or a PDF leaves a table; a sentence (a verb's clause, a full stop) is none."""
    line = text[s:e]
    m = _SPACED_ROW.match(line)
    glued = _GLUED_ROW.match(line) if not m else None
    m = m or glued
    if not m or len(line) > 160 or re.search(r"[.;:]\s|[.;]$", m.group("label")) or not glued and re.search(
            r"\b(?:was|were|is|are|the)\b", m.group("label")):
        return None  # a sentence (figures run into a label are never one)
    label_start = s + len(line) - len(line.lstrip())
    cells = [Cell(m.group("label").strip(), label_start, s + m.end("label"))]
    if glued and glued.group("unit"):
        cells.append(Cell(glued.group("unit"), s + glued.start("unit"), s + glued.end("unit")))
    offset = s + m.start("values")
    spans = _glued_cells(m.group("values")) if glued else [(c.start(), c.end()) for c in _SPACED_CELL.finditer(m.group("values"))]
    if not spans:
        return None
    spans = [(a, b - 1) if _FOOTNOTED.fullmatch(m.group("values")[a:b]) else (a, b) for a, b in spans]  # "1,7301"
    cells += [Cell(m.group("values")[a:b], offset + a, offset + b) for a, b in spans]
    numeric = [c for c in cells[1:] if re.search(r"\d", c.text)]
    return TableRow(tuple(cells), s, e) if len(numeric) >= 1 and len(cells) >= 3 or len(numeric) >= 2 else None


_FOOTNOTED = re.compile(r"\d{1,3}(?:,\d{3})*,\d{3}[1-9]")  # a footnote's digit run into a figure: "1,7301" is 1,730 (1)
YEAR_RUN_IN = r"(?<=(?:19|20)\d\d)(?=[A-Za-z])"  # "SEPTEMBER 2021QUARTER", "2021Q2": where a space belongs
# and "UnitQ2 2010", "INDICATORUNITDECEMBER 2022" (a month in capitals run into the heading before it)
_YEAR_JOINED = re.compile(rf"{YEAR_RUN_IN}|(?<=[a-z])(?=[QH][1-4]\s?(?:19|20)\d\d)"
                          r"|(?<=[A-Z])(?=(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
                          r"\s+(?:19|20)\d\d)")


_VERSUS = re.compile(r"(?i)\s+(?:vs\.?|versus|v\.?|compared\s+(?:with|to)|on)\s+")
_QUALIFIER_BEFORE = re.compile(r"(?i)\b(?:unaudited|audited|reviewed|restated|actual)\s+$")


def _spaced_header(text: str, s: int, e: int) -> TableRow | None:
    """A heading line of periods a single space apart ("Key Indicator Unit Q4 2020 Q1 2021 Variance"): one cell per
    period, the words before them the corner, any words after a cell of their own."""
    line = text[s:e]
    # "Q3 2021Q2 2021Q1 2021", "SEPTEMBER 2021QUARTER": a year run into the next heading is read as if spaced
    joins = [m.start() for m in _YEAR_JOINED.finditer(line)]
    spaced = _YEAR_JOINED.sub(" ", line)

    def original(offset: int) -> int:  # an offset in the spaced line, in the line as written
        return offset - sum(1 for i, join in enumerate(joins) if join + i < offset)

    mentions = [replace(m, start=original(m.start), end=original(m.end))
                for m in find_periods(spaced, PeriodContext()) if not m.relative]
    for k, m in enumerate(mentions):  # "CALENDAR 2022 YEAR1": the heading's last word and its footnote are the heading's
        tail = re.match(r"\s*(?i:year|quarter|qtr)\d?(?![\w])", line[m.end:])
        ends_in_noun = re.search(r"(?i)(?:year|quarter|qtr|half)\W*$", line[m.start:m.end])
        if tail and not ends_in_noun and (k + 1 == len(mentions) or m.end + tail.end() <= mentions[k + 1].start):
            mentions[k] = replace(m, end=m.end + tail.end())
    if len(mentions) < 2 or re.search(r"\d{1,3},\d{3}", line):
        return None
    for k in range(len(mentions) - 1, 0, -1):  # "June 2019 vs. June 2018": one change column over two periods
        if _VERSUS.fullmatch(line[mentions[k - 1].end:mentions[k].start]):
            mentions[k - 1:k + 1] = [replace(mentions[k - 1], end=mentions[k].end)]
    qualifier = _QUALIFIER_BEFORE.search(line[:mentions[0].start])  # "Unit Unaudited quarter ended": the heading's word
    if qualifier:
        mentions[0] = replace(mentions[0], start=qualifier.start())
    corner = line[:mentions[0].start]
    unit = re.search(r"(?<=[a-z)\]])Units?\s*$", corner)  # "Operator volumes(1)UnitQ2 2010": the unit column's heading
    if unit:
        cells = [Cell(corner[:unit.start()].strip(), s, s + unit.start()), Cell(unit.group().strip(), s + unit.start(),
                                                                                 s + unit.start() + len(unit.group().strip()))]
    else:
        cells = [Cell(corner.strip(), s, s + mentions[0].start)]
    cells += [Cell(line[m.start:m.end], s + m.start, s + m.end) for m in mentions]
    rest = line[mentions[-1].end:].strip()
    if rest:
        cells.append(Cell(rest, e - len(line[mentions[-1].end:].lstrip()), e))
    return TableRow(tuple(cells), s, e)


def _spaced_body_row(text: str, s: int, e: int) -> TableRow | None:
    """A line under a spaced heading: a row of figures, or a short label line with none (a section row; a note's
    "(1)" and a share held, "Coorumbene (NRC 100%)", aside)."""
    row = _spaced_row(text, s, e)
    if row is None and 0 < e - s < 60 and not re.search(r"\d", re.sub(r"\(\d\)|\([^()\d]*\d+(?:\.\d+)?\s*%\)", "", text[s:e])) \
            and text[s:e].strip() \
            and not text[s:e].rstrip().endswith("."):
        row = TableRow((Cell(text[s:e].strip(), s, e),), s, e)
    return row


def _unit_heading_split(text: str, header: TableRow, body: list[TableRow]) -> TableRow:
    """A corner that ends with the unit column's heading ("PERFORMANCE INDICATORUNIT") over rows that have a unit cell
    of their own: the corner, then a "UNIT" cell over the units."""
    corner = header.cells[0]
    raw = text[corner.start:corner.end]
    unit = re.search(r"(?i)units?(?=\s*$)", raw)
    widths = [len(r.cells) for r in body if not r.is_section]
    if unit is None or not raw[:unit.start()].strip() or not widths \
            or max(set(widths), key=widths.count) != len(header.cells) + 1:
        return header
    at, end = corner.start + unit.start(), corner.start + unit.end()
    cells = (Cell(raw[:unit.start()].strip(), corner.start, at), Cell(text[at:end], at, end))
    return TableRow(cells + header.cells[1:], header.start, header.end)


_PAGE_FURNITURE = re.compile(r"(?i)\bpage\s+\d+(?:\s+of\s+\d+)?\b|\bfor\s+personal\s+use\s+only\b")


def _stacked_header(text: str, lines: list[tuple[int, int]], i: int) -> tuple[TableRow | None, int]:
    """A heading of periods stacked over several short lines above the first row ("INDICATOR UNIT SEPTEMBER" /
    "2022 QUARTER" / "DECEMBER" / "2022 QUARTER"), as a PDF's text leaves a header whose cells wrap: one heading, and
    the line its first row stands on. A page's footer ("... Page 1 of 8") starts no heading."""
    if _PAGE_FURNITURE.search(text[lines[i][0]:lines[i][1]]):
        return None, i + 1
    for j in range(i + 2, min(i + 14, len(lines))):
        s, e = lines[j - 1]
        if not text[s:e].strip() or len(text[s:e]) > 60 or re.search(r"\d{1,3},\d{3}", text[s:e]):
            return None, i + 1
        row = _spaced_row(text, *lines[j])
        if row is not None and not row.is_section:
            if any(_spaced_header(text, *lines[k]) is not None for k in range(i + 1, j)):
                return None, i + 1  # a line that heads the columns by itself: the heading is that line, not a stack
            return _spaced_header(text, lines[i][0], lines[j - 1][1]), j
    return None, i + 1


def _rows_follow(text: str, lines: list[tuple[int, int]], j: int) -> bool:
    """A row of figures stands on line ``j`` or the one after it (a section label may come first)."""
    return any(j + k < len(lines) and _spaced_row(text, *lines[j + k]) is not None for k in range(2))


_SPAN_KIND = re.compile(r"(?i)\b(?:quarter|three\s+months|six\s+months|nine\s+months|twelve\s+months|half[- ]year|year)"
                        r"(?:\s+(?:ended|ending|to))?")


def _kinds_over_dates(text: str, lines: list[tuple[int, int]], i: int) -> tuple[TableRow | None, int]:
    """A heading whose first line names each column's span and whose second line gives each one's end ("Quarter ended
    Quarter ended Nine months Nine months" over "31 March 2019 31 March 2018 31 March 2019 31 March 2018"): one cell
    per column, its span and its day read together; and the line the rows start on."""
    if i + 2 >= len(lines):
        return None, i + 1
    s, e = lines[i]
    kinds = list(_SPAN_KIND.finditer(text, s, e))
    s2, e2 = lines[i + 1]
    days = [(a, b) for a, b, _day in find_dates(text[s2:e2])]
    if len(kinds) < 2 or len(days) != len(kinds) or text[s2:s2 + days[0][0]].strip() \
            or _spaced_row(text, *lines[i + 2]) is None:
        return None, i + 1
    cells = [Cell(text[s:kinds[0].start()].strip(), s, kinds[0].start())]
    cells += [Cell(f"{kind.group()} {text[s2 + a:s2 + b]}", s2 + a, s2 + b) for kind, (a, b) in zip(kinds, days)]
    return TableRow(tuple(cells), s, e2), i + 2


_SPAN_TOKEN = re.compile(r"(?i)\b(?:Q[1-4]|[1-4]Q|H[12]|[12]H|9M|YTD|FY)\b")
_YEAR_TOKEN = re.compile(r"(?i)\b(?:FY\s?)?(?:19|20)\d\d\b|\bFY\s?'?\d\d\b")


def _spans_over_years(text: str, lines: list[tuple[int, int]], i: int) -> tuple[TableRow | None, int]:
    """A heading that names each column's span on one line and its year on the next ("Q2  Q1  Q2  H1  H1" over
    "Unit FY2017 FY2017 FY2016 FY2017 FY2016"), perhaps with a line of the months each covers under them: one cell per
    column, span and year read together, and the line the rows start on."""
    if i + 2 >= len(lines):
        return None, i + 1
    s, e = lines[i]
    spans = list(_SPAN_TOKEN.finditer(text, s, e))
    if len(spans) < 2 or _SPAN_TOKEN.sub("", text[s:e]).strip():
        return None, i + 1
    s2, e2 = lines[i + 1]
    years = list(_YEAR_TOKEN.finditer(text, s2, e2))
    if len(years) != len(spans) or _YEAR_TOKEN.sub("", text[years[0].start():e2]).strip():
        return None, i + 1
    j = i + 2
    if text[lines[j][0]:lines[j][1]].count("(") == len(spans) and not re.search(r"\d,\d{3}", text[lines[j][0]:lines[j][1]]):
        j += 1  # "(Oct-Dec 16) (Jul-Sep 16) ...": the months each column covers
    if not _rows_follow(text, lines, j):
        return None, i + 1
    cells = [Cell(text[s2:years[0].start()].strip(), s2, years[0].start())]
    cells += [Cell(f"{span.group()} {year.group()}", year.start(), year.end()) for span, year in zip(spans, years)]
    return TableRow(tuple(cells), s, e2), j


_MONTH_DAY = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+[0-3]?\d\b,?")


def _spans_over_year_groups(text: str, lines: list[tuple[int, int]], i: int) -> tuple[TableRow | None, int]:
    """A heading of spans over groups of years ("Three months ended   Nine months ended" over "September 30
    September 30" over "2018 2017 2018 2017"): each span, with its day, over as many years as the groups share; and
    the line the rows start on."""
    s, e = lines[i]
    kinds = list(_SPAN_KIND.finditer(text, s, e))
    if len(kinds) < 2 or _SPAN_KIND.sub("", text[s:e]).strip():
        return None, i + 1
    j, days = i + 1, [""] * len(kinds)
    if j < len(lines) and len(found := _MONTH_DAY.findall(text[lines[j][0]:lines[j][1]])) == len(kinds) \
            and not _MONTH_DAY.sub("", text[lines[j][0]:lines[j][1]]).strip():
        days, j = [d.strip(" ,") for d in found], j + 1
    if j + 1 >= len(lines):
        return None, i + 1
    ys, ye = lines[j]
    years = list(re.finditer(r"(?<!\d)(?:19|20)\d\d(?!\d)", text[ys:ye]))
    if len(years) <= len(kinds) or len(years) % len(kinds) or re.sub(r"(?<!\d)(?:19|20)\d\d(?!\d)", "", text[ys:ye]).strip():
        return None, i + 1
    if not _rows_follow(text, lines, j + 1):
        return None, i + 1
    size = len(years) // len(kinds)
    cells = [Cell("", ys, ys)]
    for n, year in enumerate(years):
        kind, day = kinds[n // size].group(), days[n // size]
        cells.append(Cell(" ".join(p for p in (kind, day, year.group()) if p), ys + year.start(), ys + year.end()))
    return TableRow(tuple(cells), s, ye), j + 1


_SECOND_LINE_TOKEN = re.compile(r"(?i)(?:on|vs\.?|to)\s+\S+|\S+")


def _paired_heading_lines(text: str, lines: list[tuple[int, int]], i: int) -> tuple[TableRow | None, int]:
    """A heading whose second line finishes each column of the first, word for word from the right ("'000 tonnes
    Dec-18 Sep-18 Dec-17 H1 Change Change" over "Qtr Qtr Qtr FY19 on Sep-18 on Dec-17"): one cell per column, the
    words of the first line left over the corner; and the line the rows start on."""
    if i + 2 >= len(lines):
        return None, i + 1
    (s, e), (s2, e2) = lines[i], lines[i + 1]
    upper = list(re.finditer(r"\S+", text[s:e]))
    lower = list(_SECOND_LINE_TOKEN.finditer(text[s2:e2]))
    if len(lower) < 2 or len(upper) <= len(lower) or len(text[s2:e2]) > 80 or re.search(r"\d,\d{3}", text[s:e2]):
        return None, i + 1
    paired = list(zip(upper[len(upper) - len(lower):], lower))
    cells = [Cell(text[s:s + paired[0][0].start()].strip(), s, s + paired[0][0].start())]
    cells += [Cell(f"{a.group()} {b.group()}", s2 + b.start(), s2 + b.end()) for a, b in paired]
    if sum(1 for c in cells[1:] if any(not m.relative for m in find_periods(c.text, PeriodContext()))) < 2:
        return None, i + 1
    if not _rows_follow(text, lines, i + 2):
        return None, i + 1
    return TableRow(tuple(cells), s, e2), i + 2


def _thousands_joined(row: TableRow, width: int) -> TableRow:
    """A row whose figures group thousands with a space ("Tonnes milled (kt) 1 312 1 275 3 944 3 801") under a heading
    of fewer columns: each group of three digits joins the figure before it, when that gives one figure a column."""
    values = row.cells[1:]
    if len(values) <= width:
        return row
    joined: list[Cell] = []
    for cell in values:
        if joined and re.fullmatch(r"\d{3}(?:\.\d+)?", cell.text) and re.fullmatch(r"\d{1,3}", joined[-1].text):
            last = joined.pop()
            joined.append(Cell(f"{last.text} {cell.text}", last.start, cell.end))
        else:
            joined.append(cell)
    return TableRow((row.cells[0], *joined), row.start, row.end) if len(joined) == width else row


# headings written over two or more lines, each reader giving the heading and the line its rows start on
_HEADINGS_OVER_LINES: tuple[Callable[[str, list[tuple[int, int]], int], tuple[TableRow | None, int]], ...] = (
    _kinds_over_dates, _spans_over_years, _spans_over_year_groups, _paired_heading_lines, _stacked_header)


def spaced_tables(text: str) -> list[Table]:
    """Tables whose cells stand a single space apart: two or more rows of a label and figures, under a heading line
    of periods; a short label line between them (no figures) is a section row."""
    lines = _lines(text)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        below = _spaced_body_row(text, *lines[i + 1]) if i + 1 < len(lines) else None
        header = _spaced_header(text, *lines[i]) if below is not None else None  # periods are read only over a row
        j = i + 1
        for heading_over_lines in _HEADINGS_OVER_LINES:
            if header is not None:
                break
            header, j = heading_over_lines(text, lines, i)
        if header is None:
            i += 1
            continue
        rows: list[TableRow] = [header]
        while j < len(lines) and (row := _spaced_body_row(text, *lines[j])) is not None:
            rows.append(_thousands_joined(row, len(header.cells) - 1))
            j += 1
        while rows and rows[-1].is_section:
            rows.pop()
        rows[0] = _unit_heading_split(text, rows[0], rows[1:])
        if sum(1 for r in rows[1:] if not r.is_section) >= 2:
            tables.append(Table(tuple(rows), "spaced"))
        i = max(j, i + 1)
    return tables


BUILDERS = (line_grid_tables, ruled_line_tables, cell_per_line_tables, spaced_tables)
