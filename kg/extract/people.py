"""People who speak for a company or write about it: contact blocks, speakers and bylines.

Three mechanisms, one grammar of role phrases:

- a contact block (after ``For further information``, ``Enquiries:``, ``Contact``) is read
  as a sequence of fields (a name, a role, a phone, an email, anything else), split on the
  separators contact lists use (commas, dashes, tabs, column gaps, slashes, parentheses);
  a person starts at each name and takes the role, phone and email that follow it;
- a speaker is a name and a role phrase in apposition (``NAME, ROLE, said``, ``ROLE, NAME,
  said``, ``NAME, an analyst at FIRM, said``) or side by side next to a speech verb
  (``said [Org] ROLE NAME``, ``[Org] ROLE NAME said``);
- a byline or credit names a writer (``By NAME``, ``(Reporting by A; Editing by B)``).

Role phrases are built from :data:`ROLE_TITLES`, matched in any case (``chief executive``
as well as ``Chief Executive``). Mentions of one person in a release merge into one record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.document import ReleaseDoc
from kg.extract.names import PERSON_NAME, company_key, person_key
from kg.records import PersonRecord

# Head words of a role: a role phrase names at least one.
ROLE_TITLES = (
    "President", "CEO", "C.E.O.", "Chief", "Officer", "CFO", "COO", "CTO", "MD", "Chair", "Chairman", "Chairwoman",
    "Chairperson", "Director", "Vice-President", "Vice President", "VP", "SVP", "EVP", "Manager", "Treasurer",
    "Secretary", "Investor Relations", "Geologist", "Superintendent", "Controller", "Head", "Counsel", "Analyst",
    "Founder", "Communications", "Corporate Development", "Executive", "Principal", "Partner", "Spokesman",
    "Spokeswoman", "Spokesperson", "Coordinator", "Engineer", "Consultant", "Associate", "Specialist", "Adviser",
    "Advisor", "Editor", "Reporter", "Writer", "Correspondent", "Columnist", "Minister", "Commissioner",
    "Mayor", "Premier", "Governor", "Councillor", "Organiser", "Organizer", "Representative", "Photographer",
)
# Words that qualify a head word inside a role phrase ("Senior Vice President, Exploration").
ROLE_MODIFIERS = (
    "Senior", "Deputy", "Acting", "Interim", "Group", "General", "Managing", "Executive", "Non-Executive",
    "Financial", "Operating", "Operations", "Technical", "Commercial", "Exploration", "Finance", "Investor",
    "Relations", "Corporate", "Development", "Company", "Sustainability", "Legal", "Mining", "Business",
    "Strategy", "Marketing", "Media", "Public", "Affairs", "Country", "Project", "Projects", "Mine", "Resources",
)
# Credits of a byline: the verb names the role.
CREDIT_ROLES = {"by": "reporter", "reporting": "reporter", "additional reporting": "reporter", "writing": "writer",
                "editing": "editor", "edited": "editor", "written": "writer", "reported": "reporter", "compiled": "writer",
                "photo": "photographer", "photos": "photographer", "photograph": "photographer"}
SPEECH_VERBS = ("stated", "said", "says", "commented", "comments", "noted", "notes", "added", "adds", "remarked",
                "explained", "observed", "continued", "concluded", "told", "reported", "reports", "wrote", "writes",
                "indicated", "acknowledged", "emphasised", "emphasized", "estimates", "estimated", "explains", "observes",
                "continues", "concludes", "tells", "indicates", "stresses", "stressed", "insists", "insisted")
# Words that make a capitalised pair an organisation or a heading, not a person.
NOT_NAME_WORDS = (
    "Investor", "Relations", "Media", "Contact", "Contacts", "Information", "Corporate", "Office", "Toronto",
    "Vancouver", "Capital", "Partners", "Securities", "Markets", "Mining", "Resources", "Minerals", "Metals", "Gold",
    "Silver", "Copper", "Limited", "Group", "Bank", "Street", "Suite", "Floor", "Enquiries", "Queries", "Further",
    "Avenue", "Road", "Drive", "Boulevard", "Place", "Square", "Tower", "Centre", "Center", "Building", "House",
    "Level", "Columbia", "Canada", "Australia", "Africa", "Kingdom", "States", "Toll", "Free", "Website",
    "Press", "Staff", "Reuters", "Bloomberg", "Newswire", "Wire", "Agency", "Associated", "Desk", "Correspondent",
)


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


ROLE_WORD = rf"(?i:\b(?:{_words(ROLE_TITLES)})\b)"
_ROLE_TOKEN = rf"(?i:(?:{_words(ROLE_TITLES + ROLE_MODIFIERS)})\b)"
# A role phrase: role words joined by "and", "&", "of", "-" ("President and Chief Executive Officer").
ROLE_PHRASE = rf"{_ROLE_TOKEN}(?:(?:\s+|\s*&\s*|\s+(?i:and|of|-)\s+){_ROLE_TOKEN})*"
_SPEECH = rf"(?:{'|'.join(SPEECH_VERBS)})"
_ORG_WORD = rf"(?!{_ROLE_TOKEN})(?:[A-Z][\w&'’.-]*|\d+)"  # "Local 14 president NAME"
_NAME = rf"(?P<name>{PERSON_NAME})(?:,?\s+(?:Jr|Sr)\.)?"  # "Thomas R. Ellery, Jr.": the suffix is not the last name
# A speaker: name and role phrase in apposition, or side by side next to a speech verb.
SPEAKER_PATTERNS = (
    re.compile(rf"{_NAME},\s+(?:(?:the|an?)\s+)?(?:(?:Company|company|[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*)*)['’]s\s+)?"
               rf"(?P<role>[^,.\"“”]{{2,80}}?),?\s+{_SPEECH}\b"),
    re.compile(rf"\b{_SPEECH}\s+{_NAME},\s+(?:the\s+)?(?P<role>[^,.\"“”]{{2,80}}?)"
               rf"(?:\s+of\s+(?P<org>[A-Z][^,]+?(?:Inc\.|Ltd\.|Corp\.|Co\.)?))?(?:,|\.(?:\s|$|(?=[A-Z]))|$)"),
    re.compile(rf"\b{_SPEECH}\s+(?P<org>(?:{_ORG_WORD}\s+){{0,3}}?)(?P<role>{ROLE_PHRASE})\s+{_NAME}"),
    re.compile(rf"(?:^|(?<=[\s\"“”]))(?P<org>(?:{_ORG_WORD}\s+){{0,3}}?)(?P<role>{ROLE_PHRASE})\s+{_NAME}"
               rf"(?=\s+{_SPEECH}\b)"),
    # "The Company's CEO, NAME, said", "The CEO of VDM-JV, NAME, said"
    re.compile(rf"(?:\b|^)(?:[Tt]he\s+)?(?:(?:Company|company|[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*)*)['’]s\s+)?"
               rf"(?P<role>{ROLE_PHRASE})(?:\s+of\s+(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,4}}))?,\s+{_NAME}"
               rf"(?:,|:|\.(?:\s|$)|\s+{_SPEECH}\b)"),
    # "according to Boucan chief executive officer NAME"
    re.compile(rf"\b(?i:according\s+to)\s+(?P<org>(?:{_ORG_WORD}\s+){{0,3}}?)(?P<role>{ROLE_PHRASE})\s+{_NAME}"),

    re.compile(rf"\b(?i:according\s+to)\s+{_NAME},\s+(?:the\s+)?(?P<role>[^,.]{{2,80}}?)[,.]"),
)
# "NAME, a non-executive director of the Company, has retired", "NAME, Harlow's chairman, thanked": a role phrase in
# apposition in a clause that goes on with a verb (a contact line's "NAME, CEO, 416-555-0123" does not)
APPOSITIVE = re.compile(rf"{_NAME},\s+(?:(?:the|an?|its)\s+)?(?:(?:Company|company|[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*)*)['’]s\s+)?"
                        rf"(?P<role>{ROLE_PHRASE})(?:\s+of\s+(?P<org>(?:the\s+)?[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){{0,4}}))?"
                        rf",\s+(?=[a-z]{{2,}})")
# "the executive Directors are Mr. NAME, Mr. NAME and Ms. NAME": a board listed under one role
_TITLE_BEFORE = r"(?:Mr|Ms|Mrs|Dr|Madam|Professor)\.?\s+"
BOARD_LIST = re.compile(rf"(?P<role>(?i:(?:independent\s+)?(?:non-executive|executive)\s+Directors?|Directors?))\s+(?:is|are|comprise|comprises)\s+"
                        rf"(?P<names>(?:{_TITLE_BEFORE})?{PERSON_NAME}"
                        rf"(?:\s*(?:,|and|,\s*and)\s+(?:{_TITLE_BEFORE})?{PERSON_NAME})*)")
_HONORIFIC = re.compile(_TITLE_BEFORE)
# "the Board comprises Mr. NAME (Chairman), Mr. NAME and Ms. NAME as executive Directors; Mr. NAME ... as
# non-executive Directors": a board listed before its roles, as Hong Kong announcements close
BOARD_AS = re.compile(rf"(?P<names>{_TITLE_BEFORE}{PERSON_NAME}(?:\s*\([^)]*\))?(?:(?:\s*,\s*|\s+and\s+|,\s+and\s+)"
                      rf"{_TITLE_BEFORE}{PERSON_NAME}(?:\s*\([^)]*\))?)*)\s+as\s+"
                      rf"(?P<role>(?i:(?:independent\s+)?(?:non-executive|executive)\s+Directors?))")
# "The Board has appointed Dr. NAME as President and Chief Executive Officer", "the appointment of NAME as Vice President
# Operations", "NAME has joined the Company as Vice President Operations", "NAME will retire as Chief Financial Officer":
# the role a change of management gives or ends
_APPOINTED_ROLE = (rf"(?:(?:the|its|our)\s+)?(?:(?:Company|company|Group|group|Corporation)['’]s\s+)?(?:new\s+)?"
                   rf"(?P<role>{ROLE_PHRASE})")
APPOINTMENTS = (
    re.compile(rf"\b(?:appoint(?:ed|s|ing)|the\s+appointment\s+of|named|promoted|hired|elected)\s+(?:{_TITLE_BEFORE})?{_NAME}"
               rf"\s+(?:as|to\s+the\s+(?:role|position|post)\s+of)\s+{_APPOINTED_ROLE}"),
    re.compile(rf"(?:{_TITLE_BEFORE})?{_NAME}\s+(?:has|have|will|had)\s+(?:been\s+)?(?:joined|join|appointed|named|promoted"
               rf"|retired|retire|resigned|resign|stepped\s+down|step\s+down)(?:\s+(?:the\s+(?:Company|Board|Group)|us))?"
               rf"\s+(?:as|from\s+(?:(?:the\s+(?:role|position)\s+of|(?:his|her|their)\s+(?:role|position)\s+as)\s+)?)\s*"
               + _APPOINTED_ROLE),
)
# An honorific makes a person of a name that speaks without a role ("Mr. NAME reports").
HONORIFIC_SPEAKER = re.compile(rf"\b(?P<name>(?:Mr|Ms|Mrs|Dr)\.?\s+{PERSON_NAME})\s+{_SPEECH}\b")
# "By Jane Roe", "By Jane Roe - Senior Writer", "By Jane Roe | 21 October 2025 | 4 minute read"
BYLINE = re.compile(rf"(?m)^[^\S\n]*(?:[\w ,.]{{0,30}}?\s)?By:?\s+{_NAME}(?:\s*[-–—]\s*(?P<role>[^\n|]{{2,60}}))?"
                    rf"[^\S\n]*(?:\|[^\n]*)?$")
CREDIT = re.compile(rf"(?:(?:(?<=\()|(?<=;\s)|(?m:^))(?P<verb>(?i:additional\s+reporting|reporting|writing|editing|edited|written"
                    rf"|compiled)\s+by:?|(?<=\()By)|(?<=\w\s)(?P<photo>(?i:photos?|photograph))\s+by:?)"  # "(Courier photo by NAME)"
                    rf"\s+(?P<names>{PERSON_NAME}(?:[^\S\n]*(?:,|and|&)[^\S\n]*{PERSON_NAME})*)")

# "Jane Roe | November 7, 2023 | 4:12 pm": a writer's name opening a line of bars that gives the date
BYLINE_BAR = re.compile(rf"(?m)^[^\S\n]*(?!By\s){_NAME}[^\S\n]*\|[^\n]*?\b(?:19|20)\d\d\b")
# "information compiled by Mr Rhys Calder, a Competent Person who is a Member of the AusIMM": the release's
# competent (or qualified) person, named in the statement the JORC and NI 43-101 codes require
COMPETENT = re.compile(rf"(?i:compiled|reviewed|prepared|approved|verified)\s+(?i:by)\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?{_NAME}"
                       rf"(?=\s*,|\s+(?:who|a|an)\b)(?P<rest>[^\n]{{0,600}})", re.DOTALL)
# "reviewed by Jane Roe, P.Geo., Vice President Exploration, a qualified person": the QP of the release
_CREDENTIAL = r"(?:P\.\s?Geo|P\.\s?Eng|P\.\s?E\.|P\.\s?Geol|FAusIMM|MAusIMM|MAIG|FAIG|Pr\.\s?Sci\.\s?Nat|CPG|RM\s?SME|PhD|Ph\.D|M\.Sc|B\.Sc|FIMMM|MIMMM)\.?"
REVIEWED_BY = re.compile(rf"(?i:reviewed|approved|verified|prepared|authori[sz]ed)(?:\s+and\s+(?i:approved|verified))?"
                         rf"(?:\s+(?i:for\s+(?:release|issue|lodgement)))?\s+(?i:by):?\s+{_NAME}"
                         rf"(?:\s*,\s*{_CREDENTIAL}(?:\s*\([^)]*\))?)*\s*,\s*(?:the\s+)?(?P<role>{ROLE_PHRASE}(?:\s+[A-Z][a-z]+){{0,2}})")

# "NAME, P.Geo., Vice President, Geology, is a Qualified Person as defined by National Instrument 43-101", "NAME, P.E.,
# Chief Mine Engineer of the Company, a Qualified Person": the QP named before the statement that makes them one
QUALIFIED_NAMED = re.compile(rf"{_NAME}(?:,\s*{_CREDENTIAL})*(?:,\s*(?P<role>{ROLE_PHRASE}(?:,\s*[A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+)?)?)"
                             rf"(?:\s+of\s+the\s+(?:Company|Corporation))?)?,?\s+(?:(?:is|who\s+is|acts\s+as)\s+)?(?:a|the|our|its)\s+"
                             rf"(?:(?:Company['’]s|independent|designated)\s+)?(?P<kind>Qualified|Competent)\s+Person")

# a filing's signature block: "Name: Jane Roe" over "Title: Chief Financial Officer"
SIGNATURE = re.compile(rf"(?im)^[^\S\n]*Name:[^\S\n]*{_NAME}[^\S\n]*(?:\n[^\S\n]*|[^\S\n]+)Title:[^\S\n]*(?P<role>{ROLE_PHRASE}(?:,?[^\S\n]+[A-Z][a-z]+){{0,3}})")
PHONE = re.compile(r"(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?:\s*(?:x|ext\.?)\s*\d+)?|\+\d{1,3}[\s\d().-]{7,16}\d")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
CONTACT_HEAD = re.compile(
    r"(?i)for\s+(?:further|more|additional)\s+information|^[#*\s]*contacts?\b\s*:?|investor\s+(?:relations\s+)?contacts?"
    r"|media\s+contacts?|information\s+contact|please\s+contact|to\s+contact|^[#*\s]*(?:enquiries|queries)\b"
    r"|\b(?:investor|media|analyst)\s+(?:queries|enquiries)\b|^[#*\s]*investor\s+relations\s*:",
    re.MULTILINE,
)
_BLOCK_END = re.compile(r"(?im)^\W*(forward[- ]looking|cautionary|about\s+[A-Z]|safe harbou?r|neither the tsx)")
_FIELD_SEP = re.compile(r"\t+|\s*\|\s*| {2,}|\s+[–—-]\s+|\s*[–—]\s*|[,;:/]\s*|\s*[()]\s*|\*+")
_LABEL = re.compile(r"(?i)(?:tel|t|p|ph|phone|direct|office|mobile|cell|m|fax|f|e-?mail|e|web|w|www)\.?")


@dataclass(frozen=True)
class _Field:
    kind: str  # name, role, phone, email or other
    start: int  # offsets in the text the fields were read from
    end: int


def _person_name(text: str) -> str:
    """The name as written, on one line, without an honorific ("Mr. Ernest Mast" is "Ernest Mast")."""
    return re.sub(r"^(?:Mr|Ms|Mrs|Dr)\.?\s+", "", " ".join(text.split()))


def _is_name(name: str) -> bool:
    """A person's name, not a title or an organisation that looks like one ("Vice President")."""
    return not any(re.fullmatch(rf"{ROLE_WORD}|(?:{_words(NOT_NAME_WORDS)})", word, re.IGNORECASE)
                   for word in name.split())


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = re.sub(r"\s+", " ", role).strip(" ,.;:-–—*")
    role = re.sub(r"\s*(?:Tel|Phone|Fax|E-?mail)\b.*$", "", role, flags=re.IGNORECASE).strip(" ,.;:-–—")
    if not re.search(ROLE_WORD, role) or len(role) > 90:
        return None
    return role


def _line_fields(line: str, offset: int) -> list[_Field]:
    """The fields of one contact line: phones and emails first, then the pieces between separators."""
    found = sorted([(m.start(), m.end(), "phone") for m in PHONE.finditer(line)]
                   + [(m.start(), m.end(), "email") for m in EMAIL.finditer(line)])
    out: list[_Field] = []
    cursor = 0
    for start, end, kind in found + [(len(line), len(line), "")]:
        if start < cursor:
            continue
        pieces, last = [], cursor
        for sep in _FIELD_SEP.finditer(line, cursor, start):
            pieces.append((last, sep.start()))
            last = sep.end()
        pieces.append((last, start))
        for s, e in pieces:
            text = line[s:e].strip()
            if not text or _LABEL.fullmatch(text):
                continue
            s += len(line[s:e]) - len(line[s:e].lstrip())
            out.append(_Field(_field_kind(text), offset + s, offset + s + len(text)))
        if kind:
            out.append(_Field(kind, offset + start, offset + end))
        cursor = end
    return out


def _field_kind(text: str) -> str:
    if re.fullmatch(PERSON_NAME, text) and _is_name(text):
        return "name"
    return "role" if _clean_role(text) else "other"


def _contact_block(clean: str, start: int) -> tuple[int, int]:
    end = min(len(clean), start + 1500)
    boiler = _BLOCK_END.search(clean, start, end)
    return start, boiler.start() if boiler else end


def _contact_people(doc: ReleaseDoc) -> list[PersonRecord]:
    clean = doc.text.clean
    out: list[PersonRecord] = []
    for head in CONTACT_HEAD.finditer(clean):
        start, end = _contact_block(clean, head.end())
        fields: list[_Field] = []
        for line in re.finditer(r"[^\n]+", clean[start:end]):
            if len(line.group()) <= 200:
                fields.extend(_line_fields(line.group(), start + line.start()))
        out.extend(_people_of_fields(doc, clean, fields))
    return out


def _people_of_fields(doc: ReleaseDoc, clean: str, fields: list[_Field]) -> list[PersonRecord]:
    """A person per name field, with the first run of roles, the phone and the email that follow it."""
    out: list[PersonRecord] = []
    names = [i for i, f in enumerate(fields) if f.kind == "name"]
    for n, i in enumerate(names):
        j = i
        while j + 1 < len(fields) and fields[j + 1].kind == "name" and "\n" not in clean[fields[j].end:fields[j + 1].start]:
            j += 1  # "A / B, phone": names listed together share what follows them
        nxt = next((k for k in names if k > j), len(fields))
        own = fields[j + 1:nxt]
        roles: list[_Field] = []
        for f in own:
            if f.kind == "role" and (not roles or roles[-1] is own[own.index(f) - 1]):
                roles.append(f)
            elif roles:
                break
        if not roles:
            roles = _roles_before(clean, fields, i)
        phone = next((f for f in own if f.kind == "phone"), None)
        email = next((f for f in own if f.kind == "email"), None)
        if not (roles or phone or email):
            continue
        name = fields[i]
        last = max([name.end] + [f.end for f in (*roles, phone, email) if f])
        out.append(PersonRecord(
            span=doc.text.span(name.start, last),
            name=_person_name(clean[name.start:name.end]),
            role=_clean_role(clean[roles[0].start:roles[-1].end]) if roles else None,
            organization=doc.info.issuer,
            phone=clean[phone.start:phone.end].strip() if phone else None,
            email=clean[email.start:email.end] if email else None,
        ))
    return out


def _roles_before(clean: str, fields: list[_Field], i: int) -> list[_Field]:
    """The roles just before a name on its line ("Firm (Nominated Adviser)  NAME / NAME  phone")."""
    while i > 0 and fields[i - 1].kind == "name":
        i -= 1
    roles: list[_Field] = []
    for f in reversed(fields[:i]):
        if f.kind != "role" or "\n" in clean[f.end:fields[i].start]:
            break
        roles.insert(0, f)
    return roles


def _organization(doc: ReleaseDoc, named: str | None) -> str | None:
    """The organisation a role names ("Canaccord analyst"), else (and for "the Company") the issuer."""
    named = (named or "").strip(" ,")
    issuer = doc.info.issuer
    if not named or re.fullmatch(r"(?i)(?:the\s+)?(?:company|corporation|group)", named) \
            or (issuer and company_key(named) and company_key(named) in company_key(issuer)):
        return issuer
    return named


def _role_and_org(role: str, org: str | None) -> tuple[str, str | None]:
    """"analyst at Harbourline Securities" is the role "analyst" at the organisation "Harbourline Securities"."""
    at = re.search(rf"\s+(?:at|with|of)\s+(?!{_ROLE_TOKEN})(?P<org>[A-Z].*)$", role)
    if at and org is None:
        return role[:at.start()], at.group("org")
    return role, org


def _quoted_people(doc: ReleaseDoc) -> list[PersonRecord]:
    out: list[PersonRecord] = []
    for sentence in doc.text.sentences:
        for pattern in (*SPEAKER_PATTERNS, APPOSITIVE, *APPOINTMENTS):
            for m in pattern.finditer(sentence.text):
                role = _clean_role(m.group("role"))
                if role is None or not _is_name(m.group("name")):
                    continue
                role, org = _role_and_org(role, m.groupdict().get("org"))
                out.append(PersonRecord(
                    span=doc.text.span(sentence.start + m.start("name") if m.start("name") < m.start("role")
                                       else sentence.start + m.start("role"), sentence.start + m.end()),
                    name=_person_name(m.group("name")),
                    role=role,
                    organization=_organization(doc, org),
                    quoted=pattern in SPEAKER_PATTERNS,
                ))
        for pattern, members in ((BOARD_AS, _titled_names), (BOARD_LIST, _listed_names)):
            for m in pattern.finditer(sentence.text):
                role = " ".join(m.group("role").split()).rstrip("s")
                for offset, name in members(m.group("names")):
                    start = sentence.start + m.start("names") + offset
                    out.append(PersonRecord(span=doc.text.span(start, start + len(name)), name=_person_name(name),
                                            role=role, organization=doc.info.issuer, quoted=False))
        for m in HONORIFIC_SPEAKER.finditer(sentence.text):
            out.append(PersonRecord(span=doc.text.span(sentence.start + m.start(), sentence.start + m.end()),
                                    name=_person_name(m.group("name")), organization=doc.info.issuer, quoted=True))
    return out


def _titled_names(names: str) -> list[tuple[int, str]]:
    """The names of a board list that writes each with its honorific ("Mr. NAME (Chairman), Ms. NAME"), with offsets."""
    return [(n.start("name"), n.group("name")) for n in re.finditer(rf"{_TITLE_BEFORE}(?P<name>{PERSON_NAME})", names)
            if _is_name(n.group("name"))]


def _listed_names(names: str) -> list[tuple[int, str]]:
    """The names of a board list ("Mr. NAME, NAME and Ms. NAME"), honorifics or not, with offsets."""
    return [(n.start(), n.group()) for n in re.finditer(PERSON_NAME, _HONORIFIC.sub(lambda h: " " * len(h.group()), names))
            if _is_name(n.group()) and not re.fullmatch(r"(?:and|Mr|Ms|Mrs|Dr)", n.group())]


def _is_heading(text: str) -> bool:
    """Capitalised words, as an organisation is written ("Avino Silver & Gold Mines Ltd."), not a clause."""
    return all(re.match(r"[A-Z&]|(?:of|and|de|du|la)$", word) for word in text.split())


def _signed_people(doc: ReleaseDoc) -> list[PersonRecord]:
    """A line that is a name then its role ("NAME, ROLE, Company"), as under a quote or a letter."""
    clean = doc.text.clean
    out: list[PersonRecord] = []
    for line in re.finditer(r"[^\n]{5,120}", clean):
        fields = _line_fields(line.group(), line.start())
        if (2 <= len(fields) <= 5 and fields[0].kind == "name" and fields[1].kind == "role"
                and all(_is_heading(clean[f.start:f.end]) for f in fields if f.kind == "other")):
            out.extend(_people_of_fields(doc, clean, fields))
    return out


def _credited_people(doc: ReleaseDoc) -> list[PersonRecord]:
    """Writers and editors named in a byline or a credit line."""
    clean = doc.text.clean
    out: list[PersonRecord] = []
    for m in BYLINE.finditer(clean):
        if _is_name(m.group("name")):
            below = re.match(rf"\n[^\S\n]*(?:[^\n]{{0,40}}?)(?P<role>{ROLE_PHRASE})[^\S\n]*$", clean[m.end():m.end() + 80],
                             re.MULTILINE)  # the writer's title on the line below the byline
            role = _clean_role(m.group("role")) or (_clean_role(below.group("role")) if below else None)
            out.append(PersonRecord(span=doc.text.span(m.start("name"), m.end()), name=_person_name(m.group("name")),
                                    role=role or "reporter"))
    for m in BYLINE_BAR.finditer(clean):
        if _is_name(m.group("name")):
            out.append(PersonRecord(span=doc.text.span(m.start("name"), m.end("name")), name=_person_name(m.group("name")),
                                    role="reporter"))
    for m in (m for pattern in (SIGNATURE, REVIEWED_BY) for m in pattern.finditer(clean)):  # a name, then its role
        if _is_name(m.group("name")):
            out.append(PersonRecord(span=doc.text.span(m.start("name"), m.end("role")), name=_person_name(m.group("name")),
                                    role=_clean_role(m.group("role"))))
    for m in QUALIFIED_NAMED.finditer(clean):
        if _is_name(m.group("name")):
            out.append(PersonRecord(span=doc.text.span(m.start("name"), m.end()), name=_person_name(m.group("name")),
                                    role=_clean_role(m.group("role")) or f"{m.group('kind')} Person"))
    for m in COMPETENT.finditer(clean):
        # "... compiled by Mr NAME ... to qualify as a Competent Person", under a "Competent person" heading or statement
        said = re.search(r"(?i)\b(competent|qualified)\s+person", m.group("rest")) or re.search(
            r"(?i)\b(competent|qualified)\s+persons?\b(?:['’]?s?\s+statement)?", clean[max(0, m.start() - 250):m.start()])
        if said and _is_name(m.group("name")):
            out.append(PersonRecord(span=doc.text.span(m.start("name"), m.end("name")), name=_person_name(m.group("name")),
                                    role=f"{said.group(1).title()} Person"))
    for m in CREDIT.finditer(clean):
        verb = m.group("verb") or m.group("photo") or ""
        role = CREDIT_ROLES.get(re.sub(r"\s+", " ", verb.lower().strip("(:")).removesuffix(" by"), "reporter")
        for name in re.finditer(PERSON_NAME, m.group("names").split("\n")[0]):
            if _is_name(name.group()):
                start = m.start("names") + name.start()
                out.append(PersonRecord(span=doc.text.span(start, start + len(name.group())),
                                        name=_person_name(name.group()), role=role))
    return out


def _is_company_name(name: str, doc: ReleaseDoc) -> bool:
    key = company_key(name)
    return bool(doc.info.issuer and key and key in company_key(doc.info.issuer)) or key in doc.mine_names


def _fuller_role(first: str | None, other: str | None) -> str | None:
    """Of two roles of one person, the one written out ("Chief Executive Officer" over "CEO"); the first on a tie."""
    if first and other and len(other.split()) > len(first.split()):
        return other
    return first or other


def extract_people(doc: ReleaseDoc) -> list[PersonRecord]:
    """One record per person in the release: contact details and role, merged across mentions."""
    merged: dict[str, PersonRecord] = {}
    for record in _contact_people(doc) + _quoted_people(doc) + _signed_people(doc) + _credited_people(doc):
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
            role=_fuller_role(seen.role, record.role),
            organization=seen.organization or record.organization,
            phone=seen.phone or record.phone,
            email=seen.email or record.email,
            quoted=seen.quoted or record.quoted,
        )
    return list(merged.values())
