"""The release text: a cleaned view for the extractors, mapped back to the source.

Extractors read ``clean``: markdown emphasis and backslash escapes removed
(``**Palladium**``, ``C\\$``), carriage returns dropped, odd spaces made plain.
Every character of ``clean`` remembers where it stood in ``original``, so a
span found in the clean view is reported with the source's own offsets and
its verbatim quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from kg.records import Span

_SPACES = {"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200a": " ", "\t": "\t"}
_DROP = {"\r", "\u200b", "\ufeff", "\u00ad"}
_UNCLEAN = re.compile("[" + "".join(sorted(_DROP | set(_SPACES) - {"\t"})) + "]")
_MARKUP = re.compile(r"\*\*|__|\\(?=[$*_#\[\]()`~>|.!-])|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


@dataclass(frozen=True)
class Paragraph:
    start: int  # offsets into the clean text
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of its paragraph


class SourceText:
    """A release's original text and its cleaned, offset-mapped view."""

    def __init__(self, original: str) -> None:
        self.original = original
        if not _MARKUP.search(original) and not _UNCLEAN.search(original):  # most plain text: the view is the text
            self.clean = original
            self._origin: list[int] | range = range(len(original) + 1)
            return
        kept: list[str] = []
        origin: list[int] = []
        drop_until = -1
        markup_at = {m.start(): m.end() for m in _MARKUP.finditer(original)}
        for i, ch in enumerate(original):
            if i < drop_until:
                continue
            if i in markup_at:
                drop_until = markup_at[i]
                continue
            if ch in _DROP:
                continue
            kept.append(_SPACES.get(ch, ch))
            origin.append(i)
        origin.append(len(original))
        self.clean = "".join(kept)
        self._origin = origin

    @classmethod
    def from_view(cls, original: str, clean: str, origin: tuple[int, ...] | list[int]) -> SourceText:
        """A text whose readable view was made elsewhere (from HTML), with each character's source offset."""
        if len(origin) != len(clean) + 1:
            raise ValueError("the offset map must have one entry per character, plus the end")
        self = cls.__new__(cls)
        self.original = original
        self.clean = clean
        self._origin = list(origin)
        return self

    def span(self, start: int, end: int) -> Span:
        """The source span behind clean characters ``start`` to ``end``."""
        while start < end and self.clean[start].isspace():
            start += 1
        while end > start and self.clean[end - 1].isspace():
            end -= 1
        o_start = self._origin[start]
        o_end = self._origin[end - 1] + 1 if end > start else o_start
        return Span(o_start, o_end, self.original[o_start:o_end])

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Blocks separated by blank lines, minus forward-looking boilerplate."""
        out = []
        for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", self.clean):
            text = m.group()
            if text.strip() and not is_boilerplate(text):
                out.append(Paragraph(m.start(), m.end(), text))
        return out

    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        for index, para in enumerate(self.paragraphs):
            for start, end in split_sentences(para.text):
                out.append(Sentence(para.start + start, para.start + end, para.text[start:end], index))
        return out


_BOILERPLATE = re.compile(
    r"^\W*(forward[- ]looking (statements|information)|cautionary (note|statement)|safe harbou?r"
    r"|this (news )?release contains forward|certain statements (included|contained) in this"
    r"|(the )?(tsx|toronto stock exchange|nyse|new york stock exchange)[^.]{0,40}(has|have) not (reviewed|approved))",
    re.IGNORECASE,
)


def is_boilerplate(paragraph: str) -> bool:
    return bool(_BOILERPLATE.match(paragraph.strip()[:300]))


_ABBREVIATIONS = {
    "ltd", "inc", "corp", "co", "st", "mr", "mrs", "ms", "dr", "no", "approx", "e.g", "i.e", "vs", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "avg", "est",
    "ave", "p.eng", "p.geo", "ph.d", "jr", "sr", "ft", "fig", "ref", "s.a", "n.v", "u.k",
}
# the marks a bulleted line starts with ("•", "·", "▪", "»", "-", "*", ...)
BULLET = r"[•·▪‣◦»■●◆►▸\-–*]"
# a stop before a capital, a blank line, a bulleted line, or the end of a block of markup left in a text (a page's
# source saved as text: "...7.6m tonnes.</p> <p>Production ...")
_BOUNDARY = re.compile(rf"[.!?][\"”’)]*(?=\s+[\"“(]?[A-Z0-9])|\n[ \t]*\n|\n(?=[ \t]*{BULLET}\s)"
                       r"|</(?:p|li|h[1-6]|div|blockquote|tr)\s*>|<br\s*/?>")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets within a paragraph; abbreviations and initials do not end one.

    A line of its own (a heading, a contact line) also ends a sentence when
    the next line starts with a capital and the line has no final stop.
    """
    cuts = []
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if text[m.start()] == ".":
            word = re.search(r"([\w.]+)\.?$", text[: m.start()])
            token = (word.group(1) if word else "").lower()
            if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
                continue
        cuts.append(end)
    widest = max(len(line) for line in text.split("\n"))
    for m in re.finditer(r"\n(?=[ \t]*\S)", text):
        before = text[: m.start()].rstrip()
        line = before.rsplit("\n", 1)[-1]
        next_line = text[m.end():].split("\n", 1)[0]
        if before and not re.search(r"[,;:]$|\b(of|and|or|the|a|an|to|in|at|with|for|by)$", line, re.IGNORECASE) and (
            len(line) < 0.75 * widest or "\t" in line or "\t" in next_line
        ) and not re.match(r"[ \t]*[a-z(]", next_line):  # "1.1 million pounds" over "of lead in the quarter" runs on
            cuts.append(m.start())
        elif re.search(r";(?:\s*and,?)?$", line) and re.match(r"[ \t]*[A-Z]", text[m.end():]):
            cuts.append(m.start())  # items of a list without bullets, one a line, each ending in ";"
    spans = []
    start = 0
    for cut in sorted(set(cuts)) + [len(text)]:
        if cut <= start:
            continue
        chunk = text[start:cut]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + len(chunk.rstrip())))
        start = cut
    return spans
