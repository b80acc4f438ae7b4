"""Namespaces and terms of the mining ontology: the one place IRIs are built.

Mirrors ``ontology/mining.ttl``. Instance IRIs are minted here too, from
normalised keys (see :mod:`kg.identity`), under a base IRI the user can set
with ``--base`` or the ``KG_BASE_IRI`` environment variable.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD


class CachedNamespace(Namespace):
    """A namespace whose terms are made once: rdflib's makes and checks a new URIRef on every ``NS.term``."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


MKG = CachedNamespace("https://w3id.org/mining-kg/ontology#")
VOCAB = CachedNamespace("https://w3id.org/mining-kg/vocab/")
OA = CachedNamespace("http://www.w3.org/ns/oa#")
ORG = CachedNamespace("http://www.w3.org/ns/org#")
QUDT = CachedNamespace("http://qudt.org/schema/qudt/")
UNIT = CachedNamespace("http://qudt.org/vocab/unit/")
CUR = CachedNamespace("http://qudt.org/vocab/currency/")
FOAF = CachedNamespace("http://xmlns.com/foaf/0.1/")
VCARD = CachedNamespace("http://www.w3.org/2006/vcard/ns#")

DEFAULT_BASE_IRI = "https://w3id.org/mining-kg/id/"

PREFIXES: dict[str, str] = {k: str(v) for k, v in {
    "mkg": MKG,
    "vocab": VOCAB,
    "oa": OA,
    "org": ORG,
    "qudt": QUDT,
    "unit": UNIT,
    "cur": CUR,
    "foaf": FOAF,
    "vcard": VCARD,
    "prov": PROV,
    "time": TIME,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}.items()}

# The class of a measurement, by metric: the mill measurements and metal
# output have classes of their own; every other metric is a plain Measurement.
METRIC_CLASS: dict[str, URIRef] = {
    "production": MKG.MetalOutput,
    "refined_production": MKG.MetalOutput,
    "sales": MKG.MetalOutput,
    "ore_processed": MKG.OreProcessed,
    "ore_mined": MKG.OreMined,
    "throughput": MKG.Throughput,
    "mining_rate": MKG.MiningRate,
    "head_grade": MKG.HeadGrade,
    "recovery": MKG.Recovery,
    "mill_availability": MKG.MillAvailability,
    "cash_cost": MKG.FinancialMeasure,
    "aisc": MKG.FinancialMeasure,
    "unit_cost": MKG.FinancialMeasure,
    "realized_price": MKG.FinancialMeasure,
    "revenue": MKG.FinancialMeasure,
    "aic": MKG.FinancialMeasure,
}

PERIOD_CLASS: dict[str, URIRef] = {
    "quarter": MKG.Quarter,
    "year": MKG.Year,
    "half": MKG.Half,
    "nine_months": MKG.NineMonths,
    "month": MKG.Month,
}

# Unit codes used in records -> QUDT unit IRIs (None: no QUDT unit exists).
QUDT_UNITS: dict[str, URIRef] = {
    "t": UNIT.TONNE,
    "t/d": UNIT["TONNE-PER-DAY"],
    "g/t": UNIT["GM-PER-TONNE"],
    "%": UNIT.PERCENT,
    "oz": UNIT.OZ_TROY,
    "lb": UNIT.LB,
    "kg": UNIT.KiloGM,
}


def unit_iri(code: str) -> URIRef:
    """The QUDT unit (or currency, or per-unit price) for a unit code."""
    if code in QUDT_UNITS:
        return QUDT_UNITS[code]
    if re.fullmatch(r"[A-Z]{3}|\$", code):
        return currency_iri(code)
    return VOCAB["unit/" + slug(code.replace("$", "dollar").replace("/", "-per-"))]


def currency_iri(code: str) -> URIRef:
    """A QUDT currency; a bare ``$`` (the release never says which dollar) is a concept of ours."""
    return CUR[code] if re.fullmatch(r"[A-Z]{3}", code) else VOCAB["currency/unspecified-dollar"]


def metric_iri(metric: str) -> URIRef:
    return VOCAB["metric/" + slug(metric)]


def metal_iri(metal: str) -> URIRef:
    return VOCAB["metal/" + slug(metal)]


def role_kind_iri(kind: str) -> URIRef:
    return VOCAB["role/" + slug(kind)]


@lru_cache(maxsize=65536)
def slug(text: str, limit: int = 64) -> str:
    """A lower-case, IRI-safe key: accents folded, punctuation to dashes.

    Long keys are cut and suffixed with a hash of the whole key, so distinct
    keys stay distinct and every IRI stays valid whatever the text holds.
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    key = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    if not key:
        return "x-" + digest
    if len(key) > limit:
        return key[:limit].rstrip("-") + "-" + digest
    return key


def release_key(name: str) -> str:
    """A release name (a relative path, ``/``-separated) percent-encoded for an IRI: one name, one key, and back.

    Unlike :func:`slug` nothing is folded (case, punctuation, scripts), so two different files never share a graph;
    letters, digits, ``-._~`` and ``/`` stand for themselves, every other byte of the name's UTF-8 as ``%XX``.
    """
    return quote(name, safe="/", errors="surrogateescape")


def release_name(key: str) -> str:
    """The release name a :func:`release_key` was made from."""
    return unquote(key, errors="surrogateescape")


class Minter:
    """Mints instance IRIs under one base IRI."""

    def __init__(self, base: str | None = None) -> None:
        base = base or os.environ.get("KG_BASE_IRI") or DEFAULT_BASE_IRI
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$", base):
            raise ValueError(f"base IRI {base!r} is not an absolute IRI")
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def iri(self, kind: str, key: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{slug(key)}")

    def release(self, source: str) -> URIRef:
        """A release, by its name (its path relative to the folder built): see :func:`release_key`."""
        return URIRef(f"{self.base}release/{release_key(source)}")

    @property
    def graph_namespace(self) -> str:
        """The namespace every release graph is named under: ``{base}graph/``."""
        return f"{self.base}graph/"

    def release_graph(self, source: str) -> URIRef:
        """A release's named graph, by its name (its path relative to the folder built): see :func:`release_key`."""
        return URIRef(f"{self.graph_namespace}{release_key(source)}")

    def company(self, key: str) -> URIRef:
        return self.iri("company", key)

    def mine(self, key: str) -> URIRef:
        return self.iri("mine", key)

    def person(self, key: str) -> URIRef:
        return self.iri("person", key)

    def period(self, label: str) -> URIRef:
        return self.iri("period", label)

    def instant(self, iso_date: str) -> URIRef:
        return self.iri("instant", iso_date)

    def property(self, key: str) -> URIRef:
        return self.iri("property", key)

    def node(self, kind: str, *parts: object) -> URIRef:
        """A record's own node: a hash of what identifies it within its release."""
        digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
        return URIRef(f"{self.base}{kind}/{digest}")
