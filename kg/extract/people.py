"""People who speak for a company: contact blocks and quotes.

Contact blocks come in many layouts (``Name – Role``, ``Name, Role``, a name
line then a role line, ``Contact: Name, Role, phone, email``); quotes name a
speaker (``Jim Excell, President and CEO stated``, ``said Jane Smith,
CEO``). Mentions of one person in a release merge into one record.
"""

from __future__ import annotations

import re

from kg.extract.document import ReleaseDoc
from kg.extract.names import PERSON_NAME, company_key, person_key
from kg.records import PersonRecord

ROLE_WORD = (
    r"(?:President|CEO|C\.E\.O\.|Chief|Officer|CFO|COO|CTO|Chair(?:man|woman|person)?|Director|Vice[- ]President|VP|SVP|EVP"
    r"|Manager|Treasurer|Secretary|Investor Relations|Geologist|Superintendent|Controller|Head|Counsel|Analyst|Founder"
    r"|Communications|Corporate Development|Executive|Senior|General|Principal|Partner|Spokes(?:man|woman|person)"
    r"|Coordinator|Engineer|Consultant|Associate|Specialist|Officer)"
)
PHONE = re.compile(r"(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?:\s*(?:x|ext\.?)\s*\d+)?|\+\d{1,3}[\s\d().-]{7,16}\d")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
CONTACT_HEAD = re.compile(
    r"(?i)for\s+(?:further|more|additional)\s+information|^\s*contacts?\s*:?|investor\s+(?:relations\s+)?contacts?|media\s+contacts?"
    r"|information\s+contact|please\s+contact|to\s+contact",
    re.MULTILINE,
)
_SEP = r"\s*(?:[,–—-]|\s-\s|:)\s*"
_NAME_ROLE = re.compile(rf"(?P<name>{PERSON_NAME}){_SEP}(?P<role>(?:[\w&.,'’/]+\s*){{0,10}}?)(?=\s*(?:Tel\b|T\.|Phone\b|P:|Ph\b|Direct\b|Office\b|Mobile\b|Cell\b|Fax\b|E-?mail\b|email\b|\(|\+|\d{{3}}|$|\n|\bor\b))", re.MULTILINE)
_SPEECH = r"(?:stated|said|says|commented|noted|added|remarked|explained|observed|continued|concluded)"
QUOTE_PATTERNS = [
    re.compile(rf"(?P<name>{PERSON_NAME}),\s+(?:the\s+)?(?:Company's\s+|[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*)*'s\s+)?(?P<role>[^,.\"“”]{{2,80}}?),?\s+{_SPEECH}\b"),
    re.compile(rf"\b{_SPEECH}\s+(?P<name>{PERSON_NAME}),\s+(?:the\s+)?(?P<role>[^,.\"“”]{{2,80}}?)(?:\s+of\s+(?P<org>[A-Z][^,]+?(?:Inc\.|Ltd\.|Corp\.|Co\.)?))?(?:,|\.(?:\s|$)|$)"),
    re.compile(rf"(?P<role>(?:[A-Z][\w&]*\s+){{0,5}}(?:{ROLE_WORD}))\s+(?P<name>{PERSON_NAME})\s+{_SPEECH}\b"),
    re.compile(rf"\b(?i:according\s+to)\s+(?P<name>{PERSON_NAME}),\s+(?:the\s+)?(?P<role>[^,.]{{2,80}}?)[,.]"),
]


def _is_name(name: str) -> bool:
    """A person's name, not a title that looks like one ("Vice President")."""
    return not any(re.fullmatch(ROLE_WORD + r"|Investor|Relations|Media|Contact|Corporate|Office|Toronto|Vancouver",
                                word, re.IGNORECASE) for word in name.split())


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = re.sub(r"\s+", " ", role).strip(" ,.;:-–—")
    role = re.sub(r"\s*(?:Tel|Phone|Fax|E-?mail)\b.*$", "", role, flags=re.IGNORECASE).strip(" ,.;:-–—")
    if not re.search(ROLE_WORD, role, re.IGNORECASE) or len(role) > 90:
        return None
    return role


def _contact_people(doc: ReleaseDoc) -> list[PersonRecord]:
    clean = doc.text.clean
    out: list[PersonRecord] = []
    for head in CONTACT_HEAD.finditer(clean):
        block_end = len(clean)
        boiler = re.search(r"(?im)^\W*(forward[- ]looking|cautionary|about\s+[A-Z]|safe harbou?r|neither the tsx)", clean[head.end():])
        if boiler:
            block_end = head.end() + boiler.start()
        block_end = min(block_end, head.end() + 1500)
        block = clean[head.end():block_end]
        matches = [m for m in _NAME_ROLE.finditer(block) if _clean_role(m.group("role")) and _is_name(m.group("name"))]
        stacked = [m for m in re.finditer(rf"^[ \t]*(?P<name>{PERSON_NAME})[ \t]*\n[ \t]*(?P<role>[^\n]+)", block, re.MULTILINE)
                   if _clean_role(m.group("role")) and _is_name(m.group("name"))]
        if len(stacked) > len(matches):
            matches = stacked
        for i, m in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(block)
            tail = block[m.end():end]
            phone = PHONE.search(tail)
            email = EMAIL.search(tail)
            start = head.end() + m.start("name")
            out.append(PersonRecord(
                span=doc.text.span(start, head.end() + m.end()),
                name=" ".join(m.group("name").split()),
                role=_clean_role(m.group("role")),
                organization=doc.info.issuer,
                phone=phone.group().strip() if phone else None,
                email=email.group() if email else None,
            ))
    return out


def _quoted_people(doc: ReleaseDoc) -> list[PersonRecord]:
    out: list[PersonRecord] = []
    for sentence in doc.text.sentences:
        for pattern in QUOTE_PATTERNS:
            for m in pattern.finditer(sentence.text):
                role = _clean_role(m.group("role"))
                if role is None or not _is_name(m.group("name")):
                    continue
                org = m.groupdict().get("org")
                out.append(PersonRecord(
                    span=doc.text.span(sentence.start + m.start(), sentence.start + m.end()),
                    name=" ".join(m.group("name").split()),
                    role=role,
                    organization=org.strip() if org else doc.info.issuer,
                    quoted=True,
                ))
    return out


def _is_company_name(name: str, doc: ReleaseDoc) -> bool:
    key = company_key(name)
    return bool(doc.info.issuer and key and key in company_key(doc.info.issuer)) or key in doc.mine_names


def extract_people(doc: ReleaseDoc) -> list[PersonRecord]:
    """One record per person in the release: contact details and role, merged across mentions."""
    merged: dict[str, PersonRecord] = {}
    for record in _contact_people(doc) + _quoted_people(doc):
        if _is_company_name(record.name, doc):
            continue
        key = person_key(record.name)
        seen = merged.get(key)
        if seen is None:
            merged[key] = record
            continue
        longer = record.name if len(record.name) > len(seen.name) else seen.name
        merged[key] = PersonRecord(
            span=seen.span,
            name=longer,
            role=seen.role or record.role,
            organization=seen.organization or record.organization,
            phone=seen.phone or record.phone,
            email=seen.email or record.email,
            quoted=seen.quoted or record.quoted,
        )
    return list(merged.values())
