"""Mines, mills and operations named in a release, with operator, location and kind."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.names import CORPORATE_SUFFIX, company_key, fold
from kg.read.text import SourceText
from kg.records import MineRecord
from kg.roles import role_kinds

if TYPE_CHECKING:
    from kg.extract.document import ReleaseDoc

SITE_WORD = re.compile(
    r"\b(?P<kind>open[- ]pit\s+mine|underground\s+mine|open[- ]pit|pit|mine|mines|mill|concentrator|operations?|complex|smelter|refinery|shaft"
    r"|project|deposit)\b",
    re.IGNORECASE,
)
_CONNECTORS = {"de", "des", "du", "la", "le", "del", "da", "y", "el", "of"}
_NOT_NAME = {
    "the", "company", "company's", "its", "our", "this", "that", "new", "open", "pit", "underground", "primary", "main",
    "canada's", "mine", "mill", "a", "an", "gold", "copper", "nickel", "palladium",
    "platinum", "silver", "zinc", "existing", "current", "operating", "mining", "flagship", "owned", "both", "all",
    "each", "two", "three", "tower", "producing", "largest", "only", "annual", "quarterly", "total", "other", "various",
    "mill's", "pilot", "plant", "exploration", "development", "expansion", "in", "at", "for", "from", "and", "to",
    "on", "by", "with", "during", "news", "release", "results", "first", "second", "third", "fourth",
    "q1", "q2", "q3", "q4", "base", "precious", "metals", "metal", "group", "pgm", "their", "his", "her",
    # parts of an operation, not its name ("Surface Operations", "Processing Operations")
    "surface", "processing", "milling", "heap", "leach", "tailings", "consolidated", "combined", "corporate", "overall",
}
_KIND_OF = {"mill": "mill", "concentrator": "mill", "open pit mine": "open pit", "open-pit mine": "open pit",
            "underground mine": "underground", "open pit": "open pit", "open-pit": "open pit", "pit": "open pit"}
_DESCRIPTOR = re.compile(
    r"(?i)^(?:(?:gold|silver|copper|nickel|zinc|lead|molybdenum|uranium|vanadium|palladium|platinum|pgm|cobalt|iron|base|"
    r"precious|polymetallic)(?:-(?:gold|silver|copper|nickel|zinc|lead|molybdenum|uranium|vanadium|palladium|platinum|cobalt))*"
    r"|open|underground|flagship|100%-owned|wholly-owned|owned|in-situ|insitu|ISR|ISL|recovery|heap-leach|leach|brine"
    r"|open-pit|processing)$")


# a job at a mine: the site word heads a post ("Chief Mine Engineer", "the Mill Superintendent")
_POST_AFTER = re.compile(r"\s+(?:engineer|manager|superintendent|geologist|foreman|captain|surveyor|planner|supervisor"
                         r"|metallurgist|overseer)s?\b", re.IGNORECASE)
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|can|ic|i)")


def mine_key(name: str) -> str:
    """``Lac des Iles mine`` and ``Lac des Iles mill`` share ``lac des iles``."""
    words = re.findall(r"[a-z0-9]+", fold(name).lower())
    while words and words[-1] in {"mine", "mines", "mill", "operation", "operations", "complex", "concentrator"}:
        words.pop()
    return " ".join(words)


def _name_before(text: str, end: int) -> tuple[int, str, str | None] | None:
    """Walk back from a site word over capitalised words: (start, name, operator)."""
    tokens = list(re.finditer(r"[\w'’.\-]+", text[max(0, end - 120):end]))
    offset = max(0, end - 120)
    words: list[re.Match[str]] = []
    operator = None
    skipping = True
    for k in range(len(tokens) - 1, -1, -1):
        tok = tokens[k]
        word = tok.group()
        gap_after = text[offset + tok.end():offset + (tokens[k + 1].start() if k + 1 < len(tokens) else end - offset)]
        if words and re.search(r"[:|·•▪]", gap_after):
            break  # "Related: Utah mill": a name does not run over a colon or a bar
        if skipping and not words and _DESCRIPTOR.match(word):
            continue  # "Quebrada Verde copper-molybdenum mine": the metals describe the mine
        skipping = False
        if re.search(r"['’]s$", word):
            owner_end = offset + tok.end() - 2
            owner = re.search(r"((?:[A-Z][\w&.\-]*[ \t]+){0,4}[A-Z][\w&.\-]*)$", text[max(0, owner_end - 80):owner_end])
            operator = owner.group(1) if owner else None
            break
        if word[0].isupper() or (word.lower() in _CONNECTORS and words):
            if word.endswith(".") and len(word) > 2:
                break
            words.append(tok)
            continue
        break
    while words and (words[-1].group() in _CONNECTORS or words[-1].group().lower() in _NOT_NAME):
        words.pop()  # leading connectors or generic words (words is reversed); "El Limon", "La Colorada" keep theirs
    if not words or all(w.group().lower() in _NOT_NAME | _CONNECTORS for w in words):
        return None
    if any(w.group().lower() in _NOT_NAME for w in words):
        return None
    start = offset + words[-1].start()
    named_end = offset + words[0].end()  # the descriptors between the name and its site word are not the name
    if re.fullmatch(r"[\s()\w-]*", text[named_end:end]) and any(_DESCRIPTOR.match(w) for w in re.findall(r"[\w-]+", text[named_end:end])):
        return start, text[start:named_end].strip(), operator
    return start, text[start:end].strip(), operator


def extract_mines(doc: ReleaseDoc) -> list[MineRecord]:
    """One record per mention of a named mine, mill or operation."""
    return [record for _start, record in doc.mine_mentions]


def find_mine_mentions(doc: SourceText, issuer: str | None = None) -> list[tuple[int, MineRecord]]:
    """Each named mine, mill or operation with its offset in the clean text."""
    out = []
    clean = doc.clean
    for m in SITE_WORD.finditer(clean):
        kind_word = m.group("kind").lower()
        described = re.search(r"(?i)\b(?:in-situ|ISR|ISL|heap[- ]leach|open[- ]pit|underground)\W*$", clean[max(0, m.start() - 30):m.start()])
        word_before = re.search(r"([\w%-]+)\s+$", clean[max(0, m.start() - 40):m.start()])
        by_metals = bool(word_before and word_before.group(1)[0].islower() and _DESCRIPTOR.match(word_before.group(1)))
        # "the Wyndarra nickel-copper-cobalt operation": its metals describe a named operation
        if kind_word in {"project", "deposit", "operation", "operations", "complex", "smelter", "refinery", "mines"} and not (
                m.group()[0].isupper() or kind_word == "operation" and (described or by_metals)):
            continue  # "its Antelope Draw in-situ recovery (ISR) operation" is named; "its Canadian operations" is not
        if kind_word == "mines" and re.match(rf"\s*,?\s*{CORPORATE_SUFFIX}", doc.clean[m.end():m.end() + 20]):
            continue  # "Northgate Mines Inc." is a company
        if _POST_AFTER.match(clean, m.end()):
            continue  # "Chief Mine Engineer", "Mine Manager": a post, not a mine
        found = _name_before(clean, m.start())
        if not found:
            continue
        start, name, operator = found
        name = re.sub(r"\s+", " ", name)
        if by_metals and kind_word == "operation" and _DEMONYM.fullmatch(name):
            continue  # "the Australian copper operation": a country's, not a name
        if len(name) < 3 or not re.search(r"[a-z]", name):
            continue
        if issuer and company_key(name) == company_key(issuer):
            continue
        if operator and issuer and company_key(operator) in company_key(issuer) + " the company its":
            operator = issuer
        if operator is None and re.search(r"\b(its|the company's|our)\s+$", clean[max(0, start - 20):start], re.IGNORECASE):
            operator = issuer
        kinds = {_KIND_OF.get(re.sub(r"\s+", " ", kind_word), "mine")}
        sentence_end = clean.find(".", m.end())
        near = clean[m.end():sentence_end if sentence_end > 0 else m.end() + 200]
        location = re.match(
            r",?\s*(?:(?:located|situated)\s+)?((?:(?:approximately|about)\s+[\d,.]+\s*(?:km|kilometres|miles)\s+)?(?:north|south|east|west"
            r"|northeast|northwest|southeast|southwest|near|in)\b(?:\s+of)?\s+(?:the\s+)?[A-Z][\w .'-]*?(?:,\s*[A-Z][\w .'-]*)?)(?=[,.;]|$)",
            near,
        )
        before = clean[max(0, start - 60):start].lower()
        for phrase, kind in (("open pit", "open pit"), ("underground", "underground")):
            if phrase in before.split(".")[-1]:
                kinds.add(kind)
        out.append((start, MineRecord(
            span=doc.span(start, m.end()),
            name=name,
            operator=operator,
            location=location.group(1).strip() if location else None,
            kinds=tuple(sorted(kinds)),
        )))
    out += _heading_mentions(doc, issuer, out)
    return sorted(out + _bare_mentions(doc, out), key=lambda f: f[0])


# "Santa Brígida, Durango" or "Orvalle (60% owned)" alone on its line, over the paragraphs or table about it
_HEADING_SITE = re.compile(
    r"(?m)^[ \t#*]*(?P<name>[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z][\w'’-]*|de|del|la|el|do|da|dos|das|des|du)){0,3})"
    r"(?:,[ \t]*(?P<where>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})|[ \t]*\((?P<share>\d{1,3}(?:\.\d+)?[ \t]*%[^)\n]{0,40})\))"
    r"[ \t*]*$")
_HEADING_WORDS = re.compile(r"(?i)^(?:highlights?|operations?|production|outlook|guidance|overview|summary|corporate|exploration"
                            r"|development|financial|finance|safety|sustainability|notes?|table|figure|appendix|contacts?|about"
                            r"|quarter|results|mining|processing|sales|costs?|total|group|consolidated)\b")


def _heading_mentions(doc: SourceText, issuer: str | None, found: list[tuple[int, MineRecord]]) -> list[tuple[int, MineRecord]]:
    """An operation named by a heading line of its own ("Santa Brígida, Durango", "Orvalle (60% owned)") that the
    text names again: the mine its paragraphs and tables are about, though no site word follows it."""
    clean = doc.clean
    taken = {start for start, _r in found}
    out = []
    for m in _HEADING_SITE.finditer(clean):
        name = m.group("name")
        line_start = clean.rfind("\n", 0, m.start("name")) + 1
        above = clean[max(0, line_start - 2):line_start]
        if m.start("name") in taken or _HEADING_WORDS.match(name) or re.search(rf"\b{CORPORATE_SUFFIX}\b", m.group()):
            continue
        if (issuer and company_key(name) == company_key(issuer)) or not (line_start == 0 or above == "\n\n"):
            continue
        if len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", clean)) < 2:
            continue  # a heading named nowhere else is no operation the release reports on
        if m.group("where") and role_kinds(m.group("where")):
            continue  # "Niamh Costigan, Chief Executive Officer": a person and her post
        out.append((m.start("name"), MineRecord(span=doc.span(m.start("name"), m.end("name")), name=name,
                                                location=m.group("where"), kinds=("mine",))))
    return out


def _bare_mentions(doc: SourceText, found: list[tuple[int, MineRecord]]) -> list[tuple[int, MineRecord]]:
    """Known mine names written alone ("Cerro Tambo processed ...", a headline in capitals)."""
    names = {record.name for _s, record in found}
    taken = {start for start, _r in found}
    extra = []
    for name in sorted(names):
        flags = re.IGNORECASE if len(name.split()) > 1 else 0
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc.clean, flags):
            if m.start() not in taken:
                extra.append((m.start(), MineRecord(span=doc.span(m.start(), m.end()), name=name)))
    return extra
