"""Records to triples: the one module that turns extracted records into RDF.

Each release's triples go into its own named graph. Every fact carries its
lineage: the release it was derived from (``prov:wasDerivedFrom``), the
extraction activity (``prov:wasGeneratedBy``), and its text span as a W3C
Web Annotation ``oa:SpecificResource`` with a position and a quote
selector. A record whose quote is not found again at its offsets in the
source text is dropped, never emitted.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, TIME, XSD

from kg import __version__
from kg.extract.mines import mine_key
from kg.extract.names import company_key, person_key
from kg.periods import Period
from kg.read.sources import SourceFile
from kg.records import (
    Agreement,
    CompanyMention,
    Guidance,
    Incident,
    Measurement,
    MineRecord,
    Money,
    PersonRecord,
    Record,
    ReleaseInfo,
    Span,
)
from kg.roles import role_kinds
from kg.terms import (
    FOAF,
    METRIC_CLASS,
    MKG,
    OA,
    ORG,
    PERIOD_CLASS,
    QUDT,
    VCARD,
    Minter,
    currency_iri,
    metal_iri,
    metric_iri,
    role_kind_iri,
    unit_iri,
)

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def decimal_text(value: float) -> str:
    """A number as it was meant: the float to 15 significant digits (all a float holds for certain), in plain
    decimal notation, so 4.2 million read as ``4200000.000000001`` is ``4200000``."""
    number = Decimal(format(value, ".15g"))
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if text not in {"", "-0"} else "0"


def decimal(value: float) -> Literal:
    return Literal(decimal_text(value), datatype=XSD.decimal)


class GraphBuilder:
    """Collects the triples of one release."""

    def __init__(self, source: SourceFile, minter: Minter, extracted_at: datetime) -> None:
        self.source = source
        self.minter = minter
        self.release = minter.release(source.name)
        self.activity = minter.node("extraction", source.name, source.sha256, __version__)
        self.triples: list[Triple] = []
        self.issuer: URIRef | None = None
        self._named: dict[URIRef, str] = {}
        self._periods: dict[tuple[str, str | None], URIRef] = {}  # periods already described
        self._extracted_at = extracted_at

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is not None:
            self.triples.append((s, p, o))

    # ------------------------------------------------------------ entities

    def company(self, name: str) -> URIRef:
        iri = self.minter.company(company_key(name) or name)
        self.add(iri, RDF.type, MKG.Company)
        self._name(iri, MKG.name, name)
        alias = _without_suffix(name)
        if alias and alias != name:
            self.add(iri, SKOS.altLabel, Literal(alias))
        return iri

    def mine(self, name: str) -> URIRef:
        iri = self.minter.mine(mine_key(name) or name)
        self.add(iri, RDF.type, MKG.Mine)
        self._name(iri, MKG.name, name)
        return iri

    def _name(self, iri: URIRef, prop: URIRef, name: str) -> None:
        """One name per entity in a release graph; other spellings become alternative labels."""
        if iri in self._named:
            if self._named[iri] != name:
                self.add(iri, SKOS.altLabel, Literal(name))
            return
        self._named[iri] = name
        self.add(iri, prop, Literal(name))
        self.add(iri, RDFS.label, Literal(name))

    def period(self, period: Period) -> URIRef:
        if (period.key, period.fiscal_label) in self._periods:
            return self._periods[period.key, period.fiscal_label]
        iri = self._periods[period.key, period.fiscal_label] = self.minter.period(period.key)
        self.add(iri, RDF.type, PERIOD_CLASS[period.kind])
        self.add(iri, RDF.type, MKG.Period)
        self.add(iri, MKG.periodLabel, Literal(period.label))
        self.add(iri, RDFS.label, Literal(period.label))
        self.add(iri, MKG.days, Literal(period.days, datatype=XSD.integer))
        if period.fiscal_label:
            self.add(iri, MKG.fiscalLabel, Literal(period.fiscal_label))
        for prop, day in ((TIME.hasBeginning, period.start), (TIME.hasEnd, period.end)):
            instant = self.minter.instant(day.isoformat())
            self.add(iri, prop, instant)
            self.add(instant, RDF.type, TIME.Instant)
            self.add(instant, TIME.inXSDDate, Literal(day.isoformat(), datatype=XSD.date))
        return iri

    # ------------------------------------------------------------- lineage

    def fact(self, kind: str, cls: URIRef, span: Span, *identity: object) -> URIRef | None:
        """A fact node with its lineage, or None when its quote is not at its offsets."""
        if self.source.text[span.start:span.end] != span.quote:
            return None
        iri = self.minter.node(kind, self.source.name, span.start, span.end, *identity)
        self.add(iri, RDF.type, cls)
        self.add(iri, RDF.type, MKG.Fact)
        self.add(iri, PROV.wasDerivedFrom, self.release)
        self.add(iri, PROV.wasGeneratedBy, self.activity)
        self.add(iri, MKG.evidence, self.evidence(span))
        return iri

    def evidence(self, span: Span) -> URIRef:
        resource = self.minter.node("span", self.source.name, span.start, span.end)
        position = URIRef(f"{resource}/position")
        quote = URIRef(f"{resource}/quote")
        self.add(resource, RDF.type, OA.SpecificResource)
        self.add(resource, OA.hasSource, self.release)
        self.add(resource, OA.hasSelector, position)
        self.add(resource, OA.hasSelector, quote)
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, Literal(span.start, datatype=XSD.integer))
        self.add(position, OA.end, Literal(span.end, datatype=XSD.integer))
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(span.quote))
        page = self._page_of(span.start)
        if page is not None:
            self.add(resource, MKG.page, Literal(page, datatype=XSD.integer))
        return resource

    def _page_of(self, offset: int) -> int | None:
        if not self.source.page_starts:
            return None
        return sum(1 for start in self.source.page_starts if start <= offset)

    # --------------------------------------------------------------- records

    def release_info(self, info: ReleaseInfo) -> None:
        r = self.release
        self.add(r, RDF.type, MKG.Release)
        self.add(r, MKG.fileName, Literal(self.source.name))
        self.add(r, MKG.sha256, Literal(self.source.sha256))
        self.add(r, MKG.textLength, Literal(len(self.source.text), datatype=XSD.integer))
        self.add(r, RDFS.label, Literal(info.title or self.source.name))
        if info.title:
            self.add(r, DCTERMS.title, Literal(info.title))
        if info.date:
            self.add(r, DCTERMS.date, Literal(info.date, datatype=XSD.date))
        if info.issuer:
            self.issuer = self.company(info.issuer)
            self.add(r, DCTERMS.publisher, self.issuer)
        for ticker in info.tickers:
            self.add(r, MKG.ticker, Literal(ticker))
        if info.website:
            url = info.website if "://" in info.website else "http://" + info.website
            self.add(r, MKG.website, Literal(url, datatype=XSD.anyURI))
        if info.address:
            self.add(r, MKG.address, Literal(info.address))
        if info.dateline_place:
            self.add(r, MKG.dateline, Literal(info.dateline_place))
        if info.reporting_period:
            self.add(r, MKG.reportingPeriod, self.period(info.reporting_period))
        a = self.activity
        self.add(a, RDF.type, MKG.Extraction)
        self.add(a, RDF.type, PROV.Activity)
        self.add(a, PROV.used, r)
        self.add(a, MKG.toolVersion, Literal(__version__))
        self.add(a, PROV.endedAtTime, Literal(self._extracted_at.isoformat(), datatype=XSD.dateTime))
        agent = self.minter.iri("agent", f"kg-{__version__}")
        self.add(a, PROV.wasAssociatedWith, agent)
        self.add(agent, RDF.type, PROV.SoftwareAgent)
        self.add(agent, RDFS.label, Literal(f"mining-kg {__version__}"))

    def mine_record(self, record: MineRecord) -> None:
        iri = self.mine(record.name)
        if record.operator:
            self.add(iri, MKG.operatedBy, self.company(record.operator))
        if record.location:
            self.add(iri, MKG.location, Literal(record.location))
        for kind in record.kinds:
            self.add(iri, MKG.mineKind, Literal(kind))

    def measurement(self, m: Measurement) -> None:
        iri = self.fact("fact", METRIC_CLASS.get(m.metric, MKG.Measurement), m.span, m.metric, m.metal, m.period.key,
                        m.value, m.unit, m.site)
        if iri is None:
            return
        self.add(iri, RDF.type, MKG.Measurement)
        self._figure(iri, m.metric, m.metal, m.unit, m.period, m.site)
        self.add(iri, QUDT.numericValue, decimal(m.value))
        self.add(iri, MKG.basis, Literal(m.basis) if m.basis else None)

    def guidance(self, g: Guidance) -> None:
        iri = self.fact("guidance", MKG.Guidance, g.span, g.metric, g.metal, g.period.key, g.low, g.high, g.unit, g.site)
        if iri is None:
            return
        self._figure(iri, g.metric, g.metal, g.unit, g.period, g.site)
        self.add(iri, MKG.valueLow, decimal(g.low))
        self.add(iri, MKG.valueHigh, decimal(g.high))

    def _figure(self, iri: URIRef, metric: str, metal: str | None, unit: str, period: Period, site: str | None) -> None:
        self.add(iri, MKG.metric, metric_iri(metric))
        self.add(metric_iri(metric), SKOS.notation, Literal(metric))
        if metal:
            self.add(iri, MKG.metal, metal_iri(metal))
            self.add(metal_iri(metal), SKOS.notation, Literal(metal))
        self.add(iri, MKG.unitCode, Literal(unit))
        self.add(iri, QUDT.unit, unit_iri(unit))
        self.add(iri, MKG.period, self.period(period))
        if site:
            self.add(iri, MKG.site, self.mine(site))
        if self.issuer is not None:
            self.add(iri, MKG.company, self.issuer)

    def agreement(self, a: Agreement) -> None:
        iri = self.fact("agreement", MKG.Agreement, a.span, a.kind, a.parties)
        if iri is None:
            return
        self.add(iri, MKG.agreementType, Literal(a.kind))
        for party in a.parties:
            self.add(iri, MKG.party, self.company(party))
        for name in a.properties:
            prop = self.minter.property(name)
            self.add(prop, RDF.type, MKG.MineralProperty)
            self._name(prop, MKG.name, name)
            self.add(iri, MKG.mineralProperty, prop)
        if a.date:
            datatype = XSD.date if len(a.date) == 10 else XSD.gYearMonth if len(a.date) == 7 else XSD.gYear
            self.add(iri, DCTERMS.date, Literal(a.date, datatype=datatype))
        self.add(iri, MKG.dateText, Literal(a.date_text) if a.date_text else None)
        self.add(iri, MKG.interestPct, decimal(a.interest_pct) if a.interest_pct is not None else None)
        self._money(iri, MKG.spend, "spend", a.spend)
        self._money(iri, MKG.payments, "payments", a.payments)
        self.add(iri, MKG.termYears, decimal(a.term_years) if a.term_years is not None else None)
        if a.operator:
            self.add(iri, MKG.operator, self.company(a.operator))

    def _money(self, fact: URIRef, prop: URIRef, name: str, money: Money | None) -> None:
        if money is None:
            return
        node = URIRef(f"{fact}/{name}")
        self.add(fact, prop, node)
        self.add(node, RDF.type, MKG.MonetaryAmount)
        self.add(node, QUDT.numericValue, decimal(money.amount))
        self.add(node, MKG.currency, currency_iri(money.currency))

    def person(self, p: PersonRecord) -> None:
        key = person_key(p.name)
        post = self.fact("post", MKG.Post, p.span, key)
        if post is None:
            return
        person = self.minter.person(key)
        self.add(person, RDF.type, MKG.Person)
        self._name(person, FOAF.name, p.name)
        self.add(post, RDF.type, ORG.Membership)
        self.add(post, ORG.member, person)
        org = self.company(p.organization) if p.organization else self.issuer
        self.add(post, ORG.organization, org)
        if p.role:
            role = self.minter.iri("role", p.role.lower().replace("&", "and"))
            self.add(role, RDF.type, ORG.Role)
            self.add(role, RDFS.label, Literal(p.role))
            for kind in role_kinds(p.role):
                self.add(role, MKG.roleKind, role_kind_iri(kind))
                self.add(role_kind_iri(kind), SKOS.notation, Literal(kind))
            self.add(post, ORG.role, role)
        self.add(post, VCARD.hasTelephone, Literal(p.phone) if p.phone else None)
        self.add(post, VCARD.hasEmail, Literal(p.email) if p.email else None)
        self.add(post, MKG.quoted, Literal(p.quoted))

    def incident(self, i: Incident) -> None:
        iri = self.fact("incident", MKG.Incident, i.span, i.kind, i.site)
        if iri is None:
            return
        self.add(iri, MKG.incidentType, Literal(i.kind))
        if i.site:
            self.add(iri, MKG.site, self.mine(i.site))
        for effect in i.effects:
            self.add(iri, MKG.effect, Literal(effect))
        if i.date:
            self.add(iri, DCTERMS.date, Literal(i.date, datatype=XSD.date))
        if i.period:
            self.add(iri, MKG.period, self.period(i.period))
        self.add(iri, MKG.dateText, Literal(i.date_text) if i.date_text else None)


def _without_suffix(name: str) -> str:
    words = name.split()
    while words and company_key(words[-1]) == "":
        words.pop()
    return " ".join(words).rstrip(",")


def release_triples(source: SourceFile, records: list[Record], minter: Minter, extracted_at: datetime) -> list[Triple]:
    """All triples of one release, sorted and without duplicates."""
    builder = GraphBuilder(source, minter, extracted_at)
    for record in records:  # the release info comes first: it names the issuer
        if isinstance(record, ReleaseInfo):
            builder.release_info(record)
    for record in records:
        if isinstance(record, MineRecord):
            builder.mine_record(record)
        elif isinstance(record, Measurement):
            builder.measurement(record)
        elif isinstance(record, Guidance):
            builder.guidance(record)
        elif isinstance(record, Agreement):
            builder.agreement(record)
        elif isinstance(record, PersonRecord):
            builder.person(record)
        elif isinstance(record, Incident):
            builder.incident(record)
        elif isinstance(record, CompanyMention):
            builder.company(record.name)
    return sorted(set(builder.triples), key=_triple_key)


def _triple_key(triple: Triple) -> tuple[str, ...]:
    """A total order on triples that compares plain strings (rdflib's term comparisons are slow Python)."""
    s, p, o = map(str.__str__, triple)
    if isinstance(triple[2], Literal):
        return s, p, "L", o, str(triple[2].datatype or ""), triple[2].language or ""
    return s, p, "I", o, "", ""
