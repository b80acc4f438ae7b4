"""Agreements: options, joint ventures, earn-ins, purchases, streams, with their terms.

An agreement starts at a sentence that says one was entered into (signed,
executed, announced) and runs to the end of its paragraph, plus the next
paragraph when that one continues it ("Under the terms of the agreement").
Terms are read from that scope: interest to be earned, spending and
payments with their currency, term in years, properties and operator.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.document import ReleaseDoc
from kg.extract.names import company_key, find_companies
from kg.extract.release import find_tickers, name_before_listing
from kg.periods import find_periods
from kg.quantities import find_quantities
from kg.records import Agreement, Money

TRIGGER = re.compile(
    r"\b(?:enter(?:s|ed)?\s+into|sign(?:s|ed)?|execut(?:es|ed)|conclud(?:es|ed)|reach(?:es|ed)|announc(?:es|ed)|complet(?:es|ed)"
    r"|clos(?:es|ed)"
    r"|has\s+agreed|have\s+agreed|agreed\s+to)\b[^.]{0,160}?\b(?:agreement|option|joint\s+venture|letter\s+of\s+intent"
    r"|memorandum\s+of\s+understanding|arrangement|earn[- ]in|farm[- ]in|stream(?:ing)?|offtake|acquisition|purchase|sale)\b",
    re.IGNORECASE,
)
# "by way of an option agreement with Rookery Gold Ltd", "a binding earn-in agreement with ...": an agreement named
# with its counterparty, whatever the verb
NAMED_WITH = re.compile(r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:agreement|joint\s+venture)\s+with\s+(?:[a-z]+\s+)?[A-Z]")
_PROPER = r"[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}"
# "Producer Harland Mining and junior Tessary Resources have entered into ...": two parties as the sentence's subject
_SUBJECT_PAIR = re.compile(rf"(?P<a>{_PROPER})\s+and\s+(?:(?:fellow[- ]\w+|junior|producer|explorer|partner|[a-z]+-listed)\s+)?"
                           rf"(?P<b>{_PROPER})\s+(?:have|had|will)\s+(?:entered|signed|agreed|executed|formed)")
CONTINUES = re.compile(r"^\W*(?:under\s+the\s+terms|pursuant\s+to|the\s+(?:agreement|option|transaction)|terms\s+of)", re.IGNORECASE)
_KIND = re.compile(
    r"\b(?:an?\s+|the\s+)?(?P<kind>(?:(?!an?\b|the\b|into\b|with\b)[\w-]+\s+){0,4}?)(?P<noun>agreement|letter\s+of\s+intent"
    r"|memorandum\s+of\s+understanding|arrangement)\b",
    re.IGNORECASE,
)
_ADJECTIVES = {"definitive", "binding", "formal", "new", "final", "non-binding", "firm", "previously", "announced"}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "twelve": 12, "fifteen": 15, "twenty": 20}


def _kind(text: str) -> str:
    m = _KIND.search(text)
    if not m:
        for word in ("joint venture", "option", "earn-in", "farm-in", "purchase", "acquisition", "streaming", "offtake",
                     "sale"):
            if word in text.lower():
                return word
        return "agreement"
    words = [w for w in m.group("kind").lower().split() if w not in _ADJECTIVES]
    return " ".join(words) or m.group("noun").lower()


def _money(text: str, cue: str, doc: ReleaseDoc) -> Money | None:
    m = re.search(cue, text, re.IGNORECASE)
    if not m:
        return None
    for q in find_quantities(text[m.start():m.end() + 120], doc.currency):
        if q.unit and q.unit.isupper() or q.unit == "$":
            return Money(q.value, q.unit)
    return None


def _term_years(text: str) -> float | None:
    m = re.search(r"\b(?:over|within|during)\s+(?:the\s+next\s+|a\s+(?:period\s+of\s+)?|an?\s+)?(?P<n>\w+)[- ](?:\(\d+\)\s+)?years?"
                  r"|\b(?P<n2>\w+)[- ]year\s+(?:period|term|option)", text, re.IGNORECASE)
    if not m:
        return None
    word = (m.group("n") or m.group("n2")).lower()
    if word.isdigit():
        return float(word)
    return float(_NUMBERS[word]) if word in _NUMBERS else None


def _properties(text: str, parties: list[str]) -> tuple[str, ...]:
    found: list[str] = []
    known = re.search(r"\bknown\s+as\s+(?:the\s+)?(?P<names>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*(?:\s*(?:,|and)\s+(?:the\s+)?"
                      r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)*)", text)
    if known:
        found += [n.strip() for n in re.split(r",|\band\b", known.group("names")) if n.strip()]
    for m in re.finditer(r"\b(?:the\s+)?(?P<name>(?:[A-Z][\w'-]*\s+){1,3})(?:property|properties|project|claims|concessions?|tenements?|licen[cs]es?)\b", text):
        name = m.group("name").strip()
        if name.lower() in {"the", "these", "this", "its", "our"}:
            continue
        if any(company_key(name) in company_key(p) or company_key(p).startswith(company_key(name)) for p in parties):
            continue
        found += [n.strip() for n in re.split(r"\band\b", name) if n.strip()]
    out: list[str] = []
    for name in found:
        if name not in out:
            out.append(name)
    return tuple(out)


def _scopes(doc: ReleaseDoc) -> list[tuple[int, int, int]]:
    """(clean start, clean end, trigger sentence end) of each agreement's text."""
    sentences = doc.text.sentences
    paragraphs = doc.text.paragraphs
    scopes = []
    for i, sentence in enumerate(sentences):
        if not (TRIGGER.search(sentence.text) or NAMED_WITH.search(sentence.text)):
            continue
        para = paragraphs[sentence.paragraph]
        end = para.end
        if sentence.paragraph + 1 < len(paragraphs) and CONTINUES.match(paragraphs[sentence.paragraph + 1].text):
            end = paragraphs[sentence.paragraph + 1].end
        nxt = next((s for s in sentences[i + 1:] if s.start < end and TRIGGER.search(s.text)), None)
        scopes.append((sentence.start, nxt.start if nxt else end, sentence.end))
    return scopes


def extract_agreements(doc: ReleaseDoc) -> list[Agreement]:
    """One agreement per counterparty: mentions in highlights and in the body merge, the fuller terms win."""
    merged: dict[tuple[str, ...], Agreement] = {}
    issuer = company_key(doc.info.issuer or "")
    for agreement in _agreement_mentions(doc):
        counterparties = tuple(sorted(company_key(p) for p in agreement.parties if company_key(p) != issuer))
        if not counterparties:
            continue  # an agreement with nobody is a mention, not an agreement
        seen = merged.get(counterparties)
        merged[counterparties] = agreement if seen is None else _merge(seen, agreement)
    return list(merged.values())


def _merge(a: Agreement, b: Agreement) -> Agreement:
    """The mention with more terms stated, completed by the other."""
    def filled(x: Agreement) -> int:
        return sum(v is not None and v != () for v in (x.interest_pct, x.spend, x.payments, x.term_years, x.date,
                                                         x.properties, x.operator))
    main, other = (a, b) if filled(a) >= filled(b) else (b, a)
    return replace(
        main,
        kind=main.kind if main.kind != "agreement" else other.kind,
        properties=main.properties or other.properties,
        date=main.date or other.date,
        date_text=main.date_text or other.date_text,
        interest_pct=main.interest_pct if main.interest_pct is not None else other.interest_pct,
        spend=main.spend or other.spend,
        payments=main.payments or other.payments,
        term_years=main.term_years if main.term_years is not None else other.term_years,
        operator=main.operator or other.operator,
    )


def _agreement_mentions(doc: ReleaseDoc) -> list[Agreement]:
    out = []
    clean = doc.text.clean
    for start, end, trigger_end in _scopes(doc):
        scope = clean[start:end]
        trigger = clean[start:trigger_end]
        parties = [doc.info.issuer] if doc.info.issuer else []
        for _s, _e, name in find_companies(trigger) + find_companies(scope):
            if all(company_key(name) != company_key(p) for p in parties):
                parties.append(name)
        with_party = re.search(r"\bwith\s+(?P<name>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3})", trigger)
        named = [with_party.group("name")] if with_party else []
        pair = _SUBJECT_PAIR.search(trigger)
        named += [pair.group("a"), pair.group("b")] if pair else []
        named += [n for n in (name_before_listing(trigger, t_start) for t_start, _e, _t in find_tickers(trigger)) if n]
        for name in named:  # parties named without a legal suffix: "with NAME", a subject pair, a name before its ticker
            name = re.sub(r"^(?:Producer|Explorer|Junior|Miner|Developer)\s+", "", name)
            if re.fullmatch(r"[A-Z0-9.]{1,6}", name):
                continue  # "TSX.V: PWX, OTCPINK: PWXEF": a symbol before the next listing, no party
            if all(company_key(name) not in company_key(p) and company_key(p) not in company_key(name) for p in parties):
                parties.append(name)
        interest = re.search(r"\b(?:earn|acquire|obtain|vest|hold|own)\w*\s+(?:an?\s+|the\s+)?(?:initial\s+|additional\s+)?"
                             r"(?:undivided\s+)?(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per\s?cent)", scope, re.IGNORECASE)
        operator = re.search(r"(?P<who>[A-Z][\w ]{2,60}?|the Company)\s+will\s+(?:be|act\s+as|remain)\s+(?:the\s+)?operator", scope)
        who = operator.group("who").strip() if operator else None
        if who and (who.lower() in {"the company", "it"} or company_key(who) in company_key(doc.info.issuer or "")):
            who = doc.info.issuer
        date_text = None
        date = None
        mentions = [m for m in find_periods(trigger, doc.period_context()) if m.period.kind in {"month", "year"}]
        if mentions and mentions[0].start < 40:
            date_text = trigger[mentions[0].start:mentions[0].end]
            period = mentions[0].period
            date = period.label
        out.append(Agreement(
            span=doc.text.span(start, end),
            kind=_kind(trigger),
            parties=tuple(parties),
            properties=_properties(scope, parties),
            date=date,
            date_text=date_text,
            interest_pct=float(interest.group("pct")) if interest else None,
            spend=_money(scope, r"\b(?:spending|spend|expenditures?|incurring|incur|fund(?:ing)?)\b", doc),
            payments=_money(scope, r"\b(?:payments?|paying|pay)\b", doc),
            term_years=_term_years(scope),
            operator=who,
        ))
    return out
