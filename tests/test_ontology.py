"""The OWL ontology ``ontology/mining.ttl``: it parses, is documented and matches ``kg.terms``."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.terms import METRIC_CLASS, MKG, PERIOD_CLASS, VOCAB, metal_iri, metric_iri
from kg.vocabulary import METALS as VOCABULARY_METALS
from kg.vocabulary import METRICS as VOCABULARY_METRICS

ONTOLOGY_PATH = Path(__file__).resolve().parents[1] / "ontology" / "mining.ttl"
ONTOLOGY_IRI = URIRef("https://w3id.org/mining-kg/ontology")

EXPECTED_CLASSES = {
    "Release", "Company", "Mine", "MineralProperty", "Person", "MonetaryAmount",
    "Period", "Quarter", "Year", "Half", "NineMonths", "Month",
    "Fact", "Measurement", "MetalOutput", "MillMeasurement", "OreProcessed", "Throughput",
    "HeadGrade", "Recovery", "MillAvailability", "OreMined", "MiningRate", "FinancialMeasure",
    "Guidance", "Agreement", "Post", "Incident", "Extraction", "Metric", "Metal", "RoleKind",
}  # fmt: skip

EXPECTED_OBJECT_PROPERTIES = {
    "reportingPeriod", "operatedBy", "evidence", "metric", "metal", "site", "company", "period",
    "party", "mineralProperty", "spend", "payments", "operator", "currency", "roleKind",
}  # fmt: skip

EXPECTED_DATATYPE_PROPERTIES = {
    "fileName", "sha256", "ticker", "website", "address", "dateline", "textLength",
    "name", "location", "mineKind", "periodLabel", "fiscalLabel", "days", "page", "unitCode", "basis",
    "valueLow", "valueHigh", "agreementType", "dateText", "interestPct", "termYears",
    "quoted", "incidentType", "effect", "toolVersion",
}  # fmt: skip

METALS = {
    "palladium": "Pd",
    "platinum": "Pt",
    "gold": "Au",
    "silver": "Ag",
    "rhodium": "Rh",
    "ruthenium": "Ru",
    "iridium": "Ir",
    "copper": "Cu",
    "nickel": "Ni",
    "zinc": "Zn",
    "lead": "Pb",
    "molybdenum": "Mo",
    "cobalt": "Co",
    "uranium": "U",
    "iron": "Fe",
    "vanadium": "V",
    "pgm": None,
    "gold_equivalent": None,
    "silver_equivalent": None,
    "lithium": "Li",
    "chromium": "Cr",
    "antimony": "Sb",
    "tin": "Sn",
    "coal": None,
    "diamond": None,
    "manganese": "Mn",
    "tungsten": "W",
    "niobium": "Nb",
    "phosphate": None,
    "zircon": None,
    "rutile": None,
    "ilmenite": None,
    "monazite": None,
    "heavy_minerals": "HM",
    "graphite": None,
    "ndpr": "NdPr",
    "rare_earths": "REO",
}


@pytest.fixture(scope="module")
def g() -> Graph:
    graph = Graph()
    graph.parse(ONTOLOGY_PATH, format="turtle")
    return graph


def _mkg_terms(g: Graph, rdf_type: URIRef) -> list[URIRef]:
    return sorted(s for s in g.subjects(RDF.type, rdf_type) if isinstance(s, URIRef) and s.startswith(MKG))


def _properties(g: Graph) -> list[URIRef]:
    return _mkg_terms(g, OWL.ObjectProperty) + _mkg_terms(g, OWL.DatatypeProperty)


def test_parses_with_pyoxigraph():
    quads = list(pyoxigraph.parse(path=str(ONTOLOGY_PATH), format=pyoxigraph.RdfFormat.TURTLE))
    assert quads
    store = pyoxigraph.Store()
    store.load(path=str(ONTOLOGY_PATH), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(quads)


def test_parses_with_rdflib_and_sizes_agree(g: Graph):
    quads = list(pyoxigraph.parse(path=str(ONTOLOGY_PATH), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(g) == len(quads)


def test_ontology_header(g: Graph):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g
    assert g.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert g.value(ONTOLOGY_IRI, DCTERMS.title) is not None
    assert g.value(ONTOLOGY_IRI, DCTERMS.description) is not None


def test_classes_are_documented(g: Graph):
    classes = _mkg_terms(g, OWL.Class)
    assert {c.removeprefix(str(MKG)) for c in classes} == EXPECTED_CLASSES
    for cls in classes:
        assert g.value(cls, RDFS.label) is not None, f"{cls} has no rdfs:label"
        assert g.value(cls, RDFS.comment) is not None, f"{cls} has no rdfs:comment"


def test_properties_are_documented(g: Graph):
    properties = _properties(g)
    assert {p.removeprefix(str(MKG)) for p in _mkg_terms(g, OWL.ObjectProperty)} == EXPECTED_OBJECT_PROPERTIES
    assert {p.removeprefix(str(MKG)) for p in _mkg_terms(g, OWL.DatatypeProperty)} == (
        EXPECTED_DATATYPE_PROPERTIES
    )
    for prop in properties:
        for pred in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
            assert g.value(prop, pred) is not None, f"{prop} has no {g.qname(pred)}"


def test_property_kinds_are_consistent(g: Graph):
    datatype_props = set(_mkg_terms(g, OWL.DatatypeProperty))
    object_props = set(_mkg_terms(g, OWL.ObjectProperty))
    assert not datatype_props & object_props
    xsd = "http://www.w3.org/2001/XMLSchema#"
    for prop in datatype_props:
        assert str(g.value(prop, RDFS.range)).startswith(xsd), prop
    for prop in object_props:
        assert not str(g.value(prop, RDFS.range)).startswith(xsd), prop


def test_every_mkg_term_used_is_declared(g: Graph):
    declared = set(_mkg_terms(g, OWL.Class)) | set(_properties(g)) | set(_mkg_terms(g, OWL.AnnotationProperty))
    used = {t for triple in g for t in triple if isinstance(t, URIRef) and t.startswith(MKG)}
    assert used - declared == set()


def test_only_own_terms_are_described(g: Graph):
    """External vocabularies are reused, not redeclared."""
    for s in set(g.subjects()):
        if isinstance(s, BNode):
            continue
        assert s == ONTOLOGY_IRI or str(s).startswith((str(MKG), str(VOCAB))), f"redeclares {s}"


def test_union_domains_are_well_formed(g: Graph):
    unions = {
        MKG.name: {MKG.Company, MKG.Mine, MKG.MineralProperty},
        MKG.metric: {MKG.Measurement, MKG.Guidance},
        MKG.metal: {MKG.Measurement, MKG.Guidance},
        MKG.company: {MKG.Measurement, MKG.Guidance},
        MKG.unitCode: {MKG.Measurement, MKG.Guidance},
        MKG.site: {MKG.Measurement, MKG.Guidance, MKG.Incident},
        MKG.period: {MKG.Measurement, MKG.Guidance, MKG.Incident},
        MKG.dateText: {MKG.Agreement, MKG.Incident},
    }
    for prop, members in unions.items():
        domain = g.value(prop, RDFS.domain)
        assert isinstance(domain, BNode), prop
        assert (domain, RDF.type, OWL.Class) in g
        assert set(Collection(g, g.value(domain, OWL.unionOf))) == members, prop


@pytest.mark.parametrize(
    "sub, sup",
    [
        (MKG.Release, "http://www.w3.org/ns/prov#Entity"),
        (MKG.Fact, "http://www.w3.org/ns/prov#Entity"),
        (MKG.Extraction, "http://www.w3.org/ns/prov#Activity"),
        (MKG.Company, "http://www.w3.org/ns/org#Organization"),
        (MKG.Mine, "http://www.w3.org/ns/org#Site"),
        (MKG.Post, "http://www.w3.org/ns/org#Membership"),
        (MKG.Post, MKG.Fact),
        (MKG.Person, "http://xmlns.com/foaf/0.1/Person"),
        (MKG.Period, "http://www.w3.org/2006/time#ProperInterval"),
        (MKG.Metric, SKOS.Concept),
        (MKG.Metal, SKOS.Concept),
        (MKG.Measurement, MKG.Fact),
        (MKG.Guidance, MKG.Fact),
        (MKG.Agreement, MKG.Fact),
        (MKG.Incident, MKG.Fact),
        (MKG.MillMeasurement, MKG.Measurement),
        (MKG.OreProcessed, MKG.MillMeasurement),
        (MKG.Throughput, MKG.MillMeasurement),
        (MKG.HeadGrade, MKG.MillMeasurement),
        (MKG.Recovery, MKG.MillMeasurement),
        (MKG.MillAvailability, MKG.MillMeasurement),
        (MKG.OreMined, MKG.Measurement),
        (MKG.MiningRate, MKG.Measurement),
        (MKG.MetalOutput, MKG.Measurement),
        (MKG.FinancialMeasure, MKG.Measurement),
    ],
)
def test_subclass_links(g: Graph, sub: URIRef, sup: str):
    assert (sub, RDFS.subClassOf, URIRef(sup)) in g


def test_measurement_and_guidance_are_disjoint(g: Graph):
    assert (MKG.Measurement, OWL.disjointWith, MKG.Guidance) in g


@pytest.mark.parametrize("cls", sorted(set(METRIC_CLASS.values()) | set(PERIOD_CLASS.values())))
def test_terms_classes_exist(g: Graph, cls: URIRef):
    assert (cls, RDF.type, OWL.Class) in g


def test_period_classes_are_periods(g: Graph):
    for cls in PERIOD_CLASS.values():
        assert (cls, RDFS.subClassOf, MKG.Period) in g


@pytest.mark.parametrize("metric", sorted(set(METRIC_CLASS) | set(VOCABULARY_METRICS)))
def test_metric_concepts(g: Graph, metric: str):
    concept = metric_iri(metric)
    assert concept.startswith(VOCAB["metric/"])
    assert (concept, RDF.type, SKOS.Concept) in g
    assert (concept, RDF.type, MKG.Metric) in g
    assert (concept, SKOS.inScheme, VOCAB.metrics) in g
    assert g.value(concept, SKOS.notation) == Literal(metric)
    assert g.value(concept, SKOS.prefLabel) is not None
    assert g.value(concept, SKOS.definition) is not None


@pytest.mark.parametrize("metal, symbol", sorted(METALS.items()))
def test_metal_concepts(g: Graph, metal: str, symbol: str | None):
    concept = metal_iri(metal)
    assert (concept, RDF.type, SKOS.Concept) in g
    assert (concept, RDF.type, MKG.Metal) in g
    assert (concept, SKOS.inScheme, VOCAB.metals) in g
    assert g.value(concept, SKOS.notation) == Literal(metal)
    assert g.value(concept, SKOS.prefLabel) is not None
    assert g.value(concept, SKOS.definition) is not None
    if symbol:
        assert Literal(symbol) in set(g.objects(concept, SKOS.altLabel))


def test_concept_schemes(g: Graph):
    for scheme, cls in ((VOCAB.metrics, MKG.Metric), (VOCAB.metals, MKG.Metal), (VOCAB.roles, MKG.RoleKind)):
        assert (scheme, RDF.type, SKOS.ConceptScheme) in g
        members = set(g.subjects(SKOS.inScheme, scheme))
        assert members == set(g.subjects(RDF.type, cls))
        assert members == set(g.objects(scheme, SKOS.hasTopConcept))
    assert set(METRIC_CLASS) <= set(VOCABULARY_METRICS)
    assert len(set(g.subjects(SKOS.inScheme, VOCAB.metrics))) == len(VOCABULARY_METRICS)
    assert len(set(g.subjects(SKOS.inScheme, VOCAB.metals))) == len(METALS)
    assert set(METALS) == set(VOCABULARY_METALS)


@pytest.mark.parametrize(("scheme", "path"), [("metrics", "metric"), ("metals", "metal"), ("roles", "roleKind")])
def test_shapes_admit_exactly_the_ontology_vocabulary(g: Graph, scheme: str, path: str) -> None:
    """The measurement shape's controlled lists are the ontology's concept schemes: a new concept needs both."""
    shapes = Graph().parse(ONTOLOGY_PATH.parents[1] / "shapes" / "mining-shapes.ttl", format="turtle")
    SH = "http://www.w3.org/ns/shacl#"
    admitted: set[URIRef] = set()
    for prop in shapes.objects(None, URIRef(SH + "property")):
        if (prop, URIRef(SH + "path"), MKG[path]) in shapes:
            for listed in shapes.objects(prop, URIRef(SH + "in")):
                admitted |= {URIRef(str(x)) for x in Collection(shapes, listed)}
    concepts = {URIRef(str(c)) for c in g.subjects(SKOS.inScheme, VOCAB[scheme])}
    assert admitted == concepts
