"""The metric lexicon: which words name which metric, loaded from the ontology's SKOS labels.

Every metric concept of ``ontology/mining.ttl`` carries its notation
(``head_grade``), its labels (``skos:prefLabel``, ``skos:altLabel``, and
``skos:hiddenLabel`` for the words releases write: "grade milled", "tons
sold"), the dimension of its figures (``mkg:cueDimension``: metal, ore,
rate, grade, percent, money, money-per-unit, concentrate) and, for a rate,
the quantity it is the daily rate of (``mkg:dailyRateOf``). Adding a metric
is adding a concept there; nothing here names one.

:func:`metric_of_label` reads what a table's row or column label measures:
the longest cue in the label's head (the words before "per", which name the
denominator), kept only when the label's unit has the concept's dimension.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "mining.ttl"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_MKG = "https://w3id.org/mining-kg/ontology#"


@dataclass(frozen=True)
class MetricConcept:
    notation: str  # the metric's name in records and queries ("head_grade")
    cues: tuple[str, ...]  # every label, lower case
    dimension: str  # what its figures are quantities of
    daily_rate_of: str | None = None  # a rate's quantity metric ("throughput" -> "ore_processed")
    is_default: bool = False  # the metric of a label that names a metal and a unit but no metric
    of_graded_metal: bool = False  # in a table row naming no metal, of the metal the grade row above names
    section_cues: tuple[str, ...] = ()  # a section row's words under which a figure of this dimension is of this metric


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    concept: MetricConcept


@lru_cache(maxsize=1)
def metric_concepts() -> tuple[MetricConcept, ...]:
    """The metric concepts of the ontology, in the order the ontology lists them."""
    from rdflib import Graph, Literal, URIRef

    graph = Graph().parse(ONTOLOGY)
    scheme = URIRef("https://w3id.org/mining-kg/vocab/metrics")
    notation, in_scheme = URIRef(_SKOS + "notation"), URIRef(_SKOS + "inScheme")
    labels = [URIRef(_SKOS + p) for p in ("prefLabel", "altLabel", "hiddenLabel")]
    dimension, rate_of, default, graded, under = (URIRef(_MKG + p) for p in ("cueDimension", "dailyRateOf", "cueDefault",
                                                                            "cueOfGradedMetal", "cueUnderSection"))
    names = {s: str(graph.value(s, notation)) for s in graph.subjects(in_scheme, scheme)}
    out = []
    for subject, name in sorted(names.items(), key=lambda item: item[1]):
        cues = {str(o).lower() for p in labels for o in graph.objects(subject, p) if isinstance(o, Literal)}
        rate = graph.value(subject, rate_of)
        out.append(MetricConcept(name, tuple(sorted(cues, key=len, reverse=True)),
                                 str(graph.value(subject, dimension) or ""), names.get(rate) if rate else None,
                                 bool(graph.value(subject, default)), bool(graph.value(subject, graded)),
                                 tuple(sorted(str(o).lower() for o in graph.objects(subject, under)))))
    return tuple(out)


def metric_under_section(metric: str, section: str) -> str | None:
    """The metric a figure read as ``metric`` is of under a section row whose first words are a section cue of a
    concept of the same dimension ("HM grade" under "Mining": the mined grade), or None."""
    head = " ".join(re.findall(r"[a-z]+", section.lower()))
    for c in metric_concepts():
        if c.notation != metric and c.dimension == dimension_of(metric) and any(
                head == cue or head.startswith(cue + " ") for cue in c.section_cues):
            return c.notation
    return None


def metric_names() -> tuple[str, ...]:
    return tuple(concept.notation for concept in metric_concepts())


def concept(name: str) -> MetricConcept:
    return next(c for c in metric_concepts() if c.notation == name)


def dimension_of(metric: str) -> str:
    return concept(metric).dimension


_GAP = r"[\s-]+"


@lru_cache(maxsize=1)
def _cue_pattern() -> tuple[re.Pattern[str], dict[str, MetricConcept]]:
    by_cue: dict[str, MetricConcept] = {}
    groups = []
    for c in metric_concepts():
        for cue in c.cues:
            by_cue.setdefault(cue, c)
    for i, cue in enumerate(sorted(by_cue, key=len, reverse=True)):
        words = [re.escape(w) for w in re.split(r"[\s-]+", cue)]
        body = _GAP.join(w + "s?" if w[-1:].isalpha() else w for w in words)
        groups.append(f"(?P<c{i}>{body})")
    keys = dict(enumerate(sorted(by_cue, key=len, reverse=True)))
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])", re.IGNORECASE)
    return pattern, {f"c{i}": by_cue[cue] for i, cue in keys.items()}


@lru_cache(maxsize=8192)
def find_cues(text: str) -> tuple[Cue, ...]:
    """Every metric cue of ``text``, longest first where they overlap."""
    pattern, concepts = _cue_pattern()
    return tuple(Cue(m.start(), m.end(), concepts[m.lastgroup or ""]) for m in pattern.finditer(text))


def concepts_named(text: str) -> list[MetricConcept]:
    """The concepts whose cues ``text`` holds, the last cue first (the head of a label: "Payable copper sold" is sold);
    every concept sharing a cue's words is a candidate ("sales" is a quantity sold and, in money, revenue)."""
    cues = sorted(find_cues(text), key=lambda c: (-c.end, c.start))
    out: list[MetricConcept] = []
    for cue in cues:
        words = " ".join(text[cue.start:cue.end].lower().split())
        for c in metric_concepts():
            if c not in out and any(_same_words(words, k) for k in c.cues):
                out.append(c)
    return out


def _same_words(written: str, cue: str) -> bool:
    a, b = re.split(r"[\s-]+", written), re.split(r"[\s-]+", cue)
    return len(a) == len(b) and all(x == y or x == y + "s" for x, y in zip(a, b))


# the dimensions a unit code can measure
def unit_dimensions(unit: str, has_metal: bool) -> set[str]:
    if unit in {"g/t", "oz/t", "cpht", "ct/t"}:
        return {"grade"}
    if unit == "t/d":
        return {"rate"}
    if "/" in unit:
        return {"money-per-unit"}
    if unit == "%":
        return {"percent", "grade"}
    if unit in {"oz", "lb", "kg", "g", "ct"}:
        return {"metal"}
    if unit == "t":
        return {"metal", "concentrate", "ore"} if has_metal else {"ore", "concentrate", "metal"}
    if unit[:1].isupper() or unit == "$":
        return {"money"}
    return set()


def metric_of_label(head: str, unit: str, has_metal: bool) -> MetricConcept | None:
    """The metric a label's head names for figures in ``unit``: its longest cue whose dimension the unit has.

    A rate named with a quantity's unit ("Mill throughput (t)") is the
    quantity; a quantity named with a rate's unit ("Ore milled (tpd)") is the rate.
    """
    dims = unit_dimensions(unit, has_metal)
    named = concepts_named(head)
    if not named and has_metal:
        return next((c for c in metric_concepts() if c.is_default and c.dimension in dims), None)
    for c in named:
        if c.dimension in dims:
            return c
        if c.dimension == "rate" and c.daily_rate_of and "ore" in dims:
            return concept(c.daily_rate_of)
        if "rate" in dims:
            rate = next((r for r in metric_concepts() if r.daily_rate_of == c.notation), None)
            if rate is not None:
                return rate
    return None
