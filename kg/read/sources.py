"""Reading release files: bytes to text, with a clear rejection for what is not a release.

Plain text and markdown are decoded (UTF-8, else Windows-1252); HTML is
reduced to its main text with tables kept as tab-separated rows; PDF pages
are read from the text layer, their starting offsets kept for lineage.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from kg.errors import RejectedRelease
from kg.read.text import SourceText


@dataclass(frozen=True)
class SourceFile:
    """The release file a graph is built from."""

    name: str  # the file's path relative to the folder built (its name when given alone): the release's identity
    sha256: str
    text: str  # the decoded file (or a PDF's text layer): every span points into it
    page_starts: tuple[int, ...] = ()  # offsets where PDF pages start (empty: not paged)
    view: tuple[str, tuple[int, ...]] | None = None  # HTML: readable text and, per character, its offset in ``text``

    def readable(self, quote: str) -> str:
        """A quote as a reader sees it: of an HTML release, its text without the markup between the offsets
        (see :func:`html_fragment_text`); of any other, as written. The offsets stay those of ``text``."""
        return html_fragment_text(quote) if self.view is not None else quote

    def source_text(self) -> SourceText:
        """What the extractors read, mapped back to ``text``."""
        if self.view is None:
            return SourceText(self.text)
        return SourceText.from_view(self.text, *self.view)


SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml", ".pdf"}
MAX_BYTES = 20 * 1024 * 1024


def is_release_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.startswith(".")


def read_source(path: Path, name: str | None = None) -> SourceFile:
    """The decoded text of a release file, or :class:`RejectedRelease` saying why not.

    ``name`` is the release's identity (its path relative to the folder built); the file name by default.
    """
    name = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RejectedRelease(name, f"file is {size / 1e6:.0f} MB, over the {MAX_BYTES // 2**20} MiB limit for one release")
        data = path.read_bytes()
    except OSError as exc:
        raise RejectedRelease(name, f"cannot be read: {exc.strerror or exc}") from exc
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise RejectedRelease(name, "file is empty")
    if data.startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        text, pages = _pdf_text(name, data)
        return SourceFile(name, sha, text, pages)
    if b"\x00" in data[:8192] or _control_ratio(data[:8192]) > 0.1:
        raise RejectedRelease(name, "binary file, not a text, HTML or PDF release")
    text = _decode(data)
    if path.suffix.lower() in {".html", ".htm", ".xhtml"} or re.match(r"\s*(<!doctype html|<html)", text[:200], re.IGNORECASE):
        view, origin = html_to_text(text)
        if not view.strip():
            raise RejectedRelease(name, "HTML page holds no text")
        return SourceFile(name, sha, text, view=(view, tuple(origin)))
    return SourceFile(name, sha, text)


def _control_ratio(data: bytes) -> float:
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(1, len(data))


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _layout_text(page: Any) -> str:
    """A page's text laid out as printed: table columns stay apart, paragraphs keep their blank lines.

    pypdf's plain mode joins table cells with single spaces and drops blank
    lines; layout mode keeps the page's geometry (and its left margin, which
    is cut off, and line ends, which are trimmed).
    """
    lines = [line.rstrip() for line in (page.extract_text(extraction_mode="layout") or "").splitlines()]
    margin = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    return "\n".join(line[margin:] for line in lines).strip("\n")


def _pdf_text(name: str, data: bytes) -> tuple[str, tuple[int, ...]]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise RejectedRelease(name, "PDF support needs pypdf (pip install pypdf)") from exc
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = [_layout_text(page) for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise RejectedRelease(name, f"broken or truncated PDF ({exc})") from exc
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise RejectedRelease(name, f"broken or truncated PDF ({type(exc).__name__}: {exc})") from exc
    starts, parts, offset = [], [], 0
    for text in pages:
        starts.append(offset)
        parts.append(text)
        offset += len(text) + 2
    text = "\n\n".join(parts)
    if not text.strip():
        raise RejectedRelease(name, "PDF has no text layer (scanned image?)")
    return text, tuple(starts)


_BLOCK = {"p", "div", "section", "article", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table",
          "blockquote", "pre", "hr", "dt", "dd", "header", "footer", "main", "address", "figure", "figcaption", "tr"}
_PARAGRAPH = {"p", "div", "h1", "h2", "h3", "h4", "table", "section", "article", "ul", "ol", "blockquote"}
_SKIP = {"script", "style", "nav", "noscript", "template", "svg", "iframe", "form", "button", "select", "aside", "head"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
_FURNITURE = re.compile(r"(?i)\b(nav|navbar|menu|breadcrumbs?|sidebar|share|social|related|footer|cookie|ticker|quote-box"
                        r"|stock-?quote|share-?price|advert\w*)\b")


class _OffsetParser(HTMLParser):
    """An HTML parser that knows the offset in the HTML of the tag it is at."""

    def __init__(self, html: str, convert_charrefs: bool) -> None:
        super().__init__(convert_charrefs=convert_charrefs)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col


class _LayoutTables(_OffsetParser):
    """The tables of a page that lay the page out rather than hold figures: a table that holds another table or a
    heading (``<table id="wrapper">`` around the whole page), found by their offsets in the HTML."""

    def __init__(self, html: str) -> None:
        super().__init__(html, convert_charrefs=True)
        self.open: list[int] = []
        self.layout: set[int] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.layout.update(self.open)
            self.open.append(self._offset())
        elif tag in {"h1", "h2", "h3", "h4"}:
            self.layout.update(self.open)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.open:
            self.open.pop()


_PRE_RULE = re.compile(r"(?is)([^{}]+)\{[^{}]*white-space\s*:\s*pre(?:-wrap|-line)?\b[^{}]*\}")
_PRE_STYLE = re.compile(r"(?i)white-space\s*:\s*pre(?:-wrap|-line)?\b")


def _preformatted_classes(html: str) -> set[str]:
    """The classes a page's style sheets lay out as written (``.post-body{white-space:pre-wrap}``)."""
    out: set[str] = set()
    for style in re.findall(r"(?is)<style[^>]*>(.*?)</style>", html):
        for selectors in _PRE_RULE.findall(style):
            out |= set(re.findall(r"\.([\w-]+)", selectors))
    return out


def _keeps_white_space(attrs: list[tuple[str, str | None]], classes: set[str]) -> bool:
    values = dict(attrs)
    return bool(_PRE_STYLE.search(values.get("style") or "")) or bool(classes & set((values.get("class") or "").split()))


def _layout_tables(html: str) -> set[int]:
    finder = _LayoutTables(html)
    finder.feed(html)
    finder.close()
    return finder.layout


class _TextParser(_OffsetParser):
    """HTML to text, remembering for every character of the text where it stands in the HTML."""

    def __init__(self, html: str) -> None:
        super().__init__(html, convert_charrefs=False)
        self.html = html
        self.chars: list[str] = []
        self.origin: list[int] = []
        self.skip_depth = 0
        self.stack: list[tuple[str, bool, bool]] = []  # open tags: name, skipped, preformatted
        self.pre_depth = 0  # inside text laid out as written (<pre>, white-space: pre): its line breaks and spaces stay
        self.pre_classes = _preformatted_classes(html)
        self.in_row = False
        self.col = 0  # the next column of the row a cell may take
        self.tabs = 0  # the tabs written in the row: the column the text stands in
        self.spans: dict[int, int] = {}  # a column a cell above spans down into (rowspan): the rows below it still takes
        self.row_spans: set[int] = set()  # the columns whose rowspan starts in this row
        self.cell_depth = 0  # inside a table cell, block tags separate words, not lines
        self.layout = _layout_tables(html)
        self.tables: list[bool] = []  # per open table, whether it lays the page out (its cells are blocks, no grid)

    def _emit(self, ch: str, at: int) -> None:
        if ch == " ":
            if not self.chars or self.chars[-1] in " \n\t":
                return
        elif ch == "\n":
            while self.chars and self.chars[-1] == " ":
                self.chars.pop()
                self.origin.pop()
            if len(self.chars) >= 2 and self.chars[-1] == "\n" and self.chars[-2] == "\n" or not self.chars:
                return
        self.chars.append(ch)
        self.origin.append(at)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr_text = " ".join(v or "" for k, v in attrs if k in {"class", "id", "role"})
        skip = tag in _SKIP or bool(_FURNITURE.search(attr_text)) or tag == "header" and "site" in attr_text
        if tag not in _VOID:
            pre = tag == "pre" or _keeps_white_space(attrs, self.pre_classes)
            self.stack.append((tag, skip, pre))
            self.pre_depth += pre
            if skip:
                self.skip_depth += 1
        if self.skip_depth:
            return
        at = self._offset()
        if tag == "table":
            self.spans, self.row_spans = {}, set()
            self.tables.append(at in self.layout)
        if tag in {"tr", "td", "th"} and self.tables and self.tables[-1]:
            self._emit("\n", at)  # a cell of the page's layout: a block of text, not a cell of a grid
        elif tag == "tr":
            self._end_row(at)
            self._emit("\n", at)
            self.in_row, self.cell_depth = True, 0
        elif tag in {"td", "th"}:
            self.in_row = True
            while self._spanned_from_above(self.col):
                self.col += 1  # a cell above spans down into this column: it stays empty here
            self._tab_to(self.col, at)
            width = _span(dict(attrs).get("colspan"), 50)
            height = _span(dict(attrs).get("rowspan"), 500)
            if height > 1:
                for c in range(self.col, self.col + width):
                    self.spans[c] = height - 1
                    self.row_spans.add(c)
            self.col += width
            self.cell_depth += 1
        elif self.cell_depth and (tag in _BLOCK):
            self._emit(" ", at)
        elif tag in _PARAGRAPH:
            self._emit("\n", at)
            self._emit("\n", at)
        elif tag in _BLOCK:
            self._emit("\n", at)

    def _spanned_from_above(self, col: int) -> bool:
        return self.spans.get(col, 0) > 0 and col not in self.row_spans

    def _tab_to(self, col: int, at: int) -> None:
        """Tabs up to column ``col``: the columns before it that no cell of this row took stay empty cells."""
        while self.tabs < col:
            self._emit("\t", at)
            self.tabs += 1

    def _end_row(self, at: int) -> None:
        """The columns the row's last cell spans, and those spanned from above after it, as empty cells, so every
        row of a grid has its width; the rows a cell above spans into count down."""
        if not self.in_row:
            return
        while self._spanned_from_above(self.col):
            self.col += 1
        self._tab_to(self.col - 1, at)
        for c in [c for c in self.spans if c not in self.row_spans]:
            self.spans[c] -= 1
            if self.spans[c] <= 0:
                del self.spans[c]
        self.row_spans = set()
        self.in_row, self.col, self.tabs = False, 0, 0

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip_depth and tag in {"br", "hr"}:
            self._emit(" " if self.cell_depth else "\n", self._offset())

    def handle_endtag(self, tag: str) -> None:
        if not any(open_tag == tag for open_tag, _skip, _pre in self.stack):
            return
        while self.stack:
            open_tag, skip, pre = self.stack.pop()
            self.pre_depth -= pre
            if skip:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if tag == "table" and self.tables:
            self.tables.pop()
        if self.tables and self.tables[-1] and tag in {"td", "th", "tr"}:
            pass  # the end of a layout cell: its text ends with its last block
        elif tag in {"td", "th"}:
            self.cell_depth = max(0, self.cell_depth - 1)
        elif tag in {"tr", "table"}:
            if tag == "tr" and not self.skip_depth:
                self._end_row(self._offset())
            self.cell_depth = 0
        if self.cell_depth and tag in _BLOCK:
            return
        if not self.skip_depth and (tag in _PARAGRAPH or tag in {"li", "h5", "h6"}):
            self._emit("\n", self._offset())

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        at = self._offset()
        if self.pre_depth and not self.cell_depth:
            for i, ch in enumerate(data):
                if ch == "\r":
                    continue
                self._emit_kept(ch if ch in " \n" else " " if ch in "\t\f" else ch, at + i)
            return
        for i, ch in enumerate(data):
            self._emit(" " if ch in " \t\r\n\f" else ch, at + i)

    def _emit_kept(self, ch: str, at: int) -> None:
        """A character of preformatted text: spaces and line breaks as written."""
        if ch == "\n":
            while self.chars and self.chars[-1] == " ":
                self.chars.pop()
                self.origin.pop()
        self.chars.append(ch)
        self.origin.append(at)

    def _reference(self, text: str) -> None:
        if self.skip_depth:
            return
        at = self._offset()
        for ch in unescape(text):
            self._emit(" " if ch in " \t\r\n\f\u00a0" else ch, at)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")


def _span(value: str | None, most: int) -> int:
    """A colspan or rowspan attribute as a count of cells (1 when absent or not a positive number)."""
    return min(int(value), most) if value and value.strip().isdigit() and int(value) > 0 else 1


_TAG = re.compile(r"<[^<>]*>")


def html_fragment_text(fragment: str) -> str:
    """A stretch of HTML as the text it shows: tags as spaces, character references decoded, white space collapsed
    (never longer than the stretch, so a quote still fits its span)."""
    return " ".join(unescape(_TAG.sub(" ", fragment)).split())


def html_to_text(html: str) -> tuple[str, list[int]]:
    """The readable text of an HTML page and, per character, its offset in the HTML.

    Paragraphs stand on their own lines, table rows become tab-separated
    cells, and navigation, scripts and page furniture are left out.
    """
    parser = _TextParser(html)
    parser.feed(html)
    parser.close()
    chars, origin = parser.chars, parser.origin
    while chars and chars[-1] in " \n\t":
        chars.pop()
        origin.pop()
    return "".join(chars) + "\n", origin + [len(html), len(html)]
