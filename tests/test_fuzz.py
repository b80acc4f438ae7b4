"""Property-based tests: random text, random bytes and mutated releases never crash the reader or an
extractor, and never yield an invalid IRI or literal.

The quick profile (conftest.py) keeps this file to a few seconds per test; run
``HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py`` to search much harder.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, SAMPLES
from hypothesis import given
from hypothesis import strategies as st
from wellformed import graph_problems

from kg.errors import RejectedRelease
from kg.extract import extract_all
from kg.rdf import release_triples
from kg.read.sources import SUFFIXES, SourceFile, read_source
from kg.terms import Minter

RELEASES = sorted(SAMPLES.glob("*.txt")) + sorted((CORPUS / "releases").iterdir())
PDF = ROOT / "tests" / "fixtures" / "pdf" / "releases" / "larder_creek_q3_2014.pdf"
EXTRACTED_AT = datetime(2026, 1, 1, tzinfo=UTC)
MINTER = Minter()

# Words, numbers, punctuation and runs of white space of the real releases: random text made of them
# reaches far deeper into the extractors than random characters do.
TOKENS = sorted({t for path in RELEASES for t in re.findall(r"\s+|\w+|[^\w\s]", path.read_text(encoding="utf-8"))})
ODD_CHARS = st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Sc", "No", "Nd", "Lo"])


def assert_graph_is_sound(source: SourceFile) -> None:
    """Extract a release and turn it into triples: no extractor fails and the graph is well-formed."""
    records, failures = extract_all(source.source_text())
    assert failures == []
    triples = release_triples(source, records, MINTER, EXTRACTED_AT)
    assert graph_problems(triples, source) == []


def source_of_text(text: str) -> SourceFile:
    return SourceFile("fuzz.txt", hashlib.sha256(text.encode("utf-8")).hexdigest(), text)


def read_if_release(path: Path) -> SourceFile | None:
    """``read_source`` either returns or names the reason: never any other exception."""
    try:
        return read_source(path)
    except RejectedRelease as exc:
        assert exc.file == path.name and exc.reason
        return None


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


numbers = st.from_regex(r"\(?(US|C|A)?\$?\d{1,3}([, \u00a0]\d{3}){0,3}(\.\d{1,3})?\)?( ?%| million| koz| g/t| tpd)?",
                        fullmatch=True)
token_soup = st.lists(st.one_of(st.sampled_from(TOKENS), numbers, st.text(ODD_CHARS, max_size=3)),
                      max_size=300).map("".join)


@given(st.one_of(st.text(max_size=2000), token_soup))
def test_random_text_never_breaks_extraction(text: str) -> None:
    assert_graph_is_sound(source_of_text(text))


PREFIXES = [b"", b"%PDF-1.4\n", b"<html><body><p>", b"\xef\xbb\xbf", b"\xff\xfe", b"Gold production was "]


@given(prefix=st.sampled_from(PREFIXES), data=st.one_of(
           st.binary(max_size=4000),
           st.tuples(token_soup, st.sampled_from(["utf-8", "cp1252", "utf-16", "latin-1"])).map(
               lambda t: t[0].encode(t[1], errors="replace"))),
       suffix=st.sampled_from(sorted(SUFFIXES)))
def test_random_bytes_are_read_or_rejected(folder: Path, prefix: bytes, data: bytes, suffix: str) -> None:
    path = folder / f"random{suffix}"
    path.write_bytes(prefix + data)
    source = read_if_release(path)
    if source is not None:
        assert_graph_is_sound(source)


@st.composite
def mutation(draw: st.DrawFn, text: str) -> str:
    """One random edit of ``text``: delete, duplicate or swap slices, change digits, insert odd characters,
    or truncate."""
    n = len(text)
    cut = sorted(draw(st.lists(st.integers(0, n), min_size=4, max_size=4)))
    a, b, c, d = cut
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "digits", "insert", "truncate"]))
    if kind == "delete":
        return text[:a] + text[b:]
    if kind == "duplicate":
        return text[:b] + text[a:b] + text[b:]
    if kind == "swap":
        return text[:a] + text[c:d] + text[b:c] + text[a:b] + text[d:]
    if kind == "digits":
        digit = draw(st.sampled_from(list("0123456789,. ")))
        return text[:a] + re.sub(r"\d", digit, text[a:b]) + text[b:]
    if kind == "insert":
        return text[:a] + draw(st.text(ODD_CHARS, min_size=1, max_size=8)) + text[a:]
    return text[:a]


@st.composite
def mutated_release(draw: st.DrawFn) -> tuple[str, str]:
    path = draw(st.sampled_from(RELEASES))
    text = path.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 5))):
        text = draw(mutation(text))
    return path.suffix, text


@given(mutated_release())
def test_mutated_releases_never_break_extraction(folder: Path, release: tuple[str, str]) -> None:
    suffix, text = release
    path = folder / f"mutated{suffix}"
    path.write_text(text, encoding="utf-8")
    source = read_if_release(path)
    if source is not None:
        assert_graph_is_sound(source)


@st.composite
def mutated_pdf(draw: st.DrawFn) -> bytes:
    """The PDF release with a few bytes flipped, slices deleted or duplicated, or the end cut off."""
    data = bytearray(PDF.read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        a, b = sorted(draw(st.lists(st.integers(0, len(data)), min_size=2, max_size=2)))
        kind = draw(st.sampled_from(["flip", "delete", "duplicate", "truncate"]))
        if kind == "flip" and a < len(data):
            data[a] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[a:b]
        elif kind == "duplicate":
            data[b:b] = data[a:b]
        elif kind == "truncate":
            del data[a:]
    return bytes(data)


@given(mutated_pdf())
def test_mutated_pdfs_are_read_or_rejected(folder: Path, data: bytes) -> None:
    path = folder / "mutated.pdf"
    path.write_bytes(data)
    source = read_if_release(path)
    if source is not None:
        assert_graph_is_sound(source)


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_every_fixture_release_gives_a_sound_graph(path: Path) -> None:
    source = read_source(path)
    assert_graph_is_sound(source)


def test_the_checks_catch_bad_iris_literals_and_spans() -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    from kg.terms import OA

    source = source_of_text("Gold 1,500 oz")
    x = URIRef("https://example.org/x")
    bad = [(URIRef("https://example.org/a b"), x, x), (x, x, URIRef("relative/iri")),
           (x, x, Literal("1,5", datatype=XSD.decimal)), (x, x, Literal("2006-02-30", datatype=XSD.date)),
           (x, x, Literal("2006-13", datatype=XSD.gYearMonth)),
           (URIRef(f"{x}/position"), OA.start, Literal(0, datatype=XSD.integer)),
           (URIRef(f"{x}/position"), OA.end, Literal(4, datatype=XSD.integer)),
           (URIRef(f"{x}/quote"), OA.exact, Literal("1,500"))]
    problems = graph_problems(bad, source)
    assert len(problems) == 6, problems
    good = [(URIRef(f"{x}/position"), OA.start, Literal(5, datatype=XSD.integer)),
            (URIRef(f"{x}/position"), OA.end, Literal(10, datatype=XSD.integer)),
            (URIRef(f"{x}/quote"), OA.exact, Literal("1,500"))]
    assert graph_problems(good, source) == []
    assert len(graph_problems(good[2:], source)) == 1  # a quote with no position
