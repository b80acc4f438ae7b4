"""Names in text: companies, people and the keys that make them one entity.

``North American Palladium Ltd.`` = ``North American Palladium`` (company
keys drop legal suffixes); ``Jim Excell`` = ``James D. Excell`` (person keys
are the canonical first name and the last name).
"""

from __future__ import annotations

import re
import unicodedata

UPPER = r"[A-ZÀ-ÖØ-Þ]"
LOWER = r"[a-zß-öø-ÿ]"
CORPORATE_SUFFIX = (
    r"(?:Ltd\.?|Limited|Inc\.?|Incorporated|Corp\.?|Corporation|plc|PLC|Company|Co\.|LLC|L\.L\.C\.|S\.A\.(?:B\. de C\.V\.|C\.|A\.)?"
    r"|S\.A\. de C\.V\.|Ltda\.?|S\.R\.L\.|GmbH|N\.V\.|AG|NL|\(?Pty\)?\.? Ltd\.?|AB|ASA|SA)"
)
_GAP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"  # a space, or one line break of hard-wrapped text
_NAME_WORD = rf"(?:{UPPER}[\w&'’\-]*|{UPPER}\.|&|de|des|du|la|del|of)"
COMPANY = re.compile(
    rf"(?:(?<![\w-])|(?<=--))(?:The\s+)?(?P<name>{UPPER}[\w&'’\-]*(?:{_GAP}{_NAME_WORD}){{0,5}}?,?{_GAP}{CORPORATE_SUFFIX}(?:,?[ \t]+{CORPORATE_SUFFIX})?)(?![\w])"
)
_SUFFIX_WORDS = {
    "ltd", "limited", "inc", "incorporated", "corp", "corporation", "plc", "company", "co", "llc", "s", "a", "n", "v",
    "ag", "nl", "pty", "ab", "asa", "sa", "the", "l", "c",
}
_NOT_COMPANY_START = {
    "For", "In", "During", "Under", "With", "As", "At", "By", "On", "From", "And", "Of", "To", "If", "When", "This",
    "That", "These", "Its", "Our", "All", "Both", "Each", "Announces", "Reports", "Today", "Contact",
}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def company_key(name: str) -> str:
    """``North American Palladium Ltd.`` and ``North American Palladium`` share ``north american palladium``."""
    words = re.findall(r"[a-z0-9&]+", fold(name).lower())
    while words and words[-1] in _SUFFIX_WORDS:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def find_companies(text: str) -> list[tuple[int, int, str]]:
    """Company names with a legal suffix (``Inco Limited``, ``Stillwater Mining Company``)."""
    out = []
    for m in COMPANY.finditer(text):
        name = m.group("name")
        start = m.start("name")
        words = name.split()
        while words and words[0] in _NOT_COMPANY_START:
            start += text[start:].index(words[1]) if len(words) > 1 else 0
            words.pop(0)
        if len(words) < 2:
            continue
        name = " ".join(text[start:m.end("name")].split())
        out.append((start, m.end("name"), name))
    return out


NICKNAMES = {
    "jim": "james", "jimmy": "james", "jamie": "james", "bill": "william", "will": "william", "billy": "william",
    "bob": "robert", "rob": "robert", "bobby": "robert", "mike": "michael", "mick": "michael", "dave": "david",
    "dan": "daniel", "danny": "daniel", "tom": "thomas", "tommy": "thomas", "joe": "joseph", "chris": "christopher",
    "nick": "nicholas", "tony": "anthony", "andy": "andrew", "drew": "andrew", "ed": "edward", "ted": "edward",
    "eddie": "edward", "dick": "richard", "rick": "richard", "rich": "richard", "greg": "gregory", "jeff": "jeffrey",
    "ken": "kenneth", "larry": "lawrence", "pat": "patrick", "pete": "peter", "ron": "ronald", "sam": "samuel",
    "tim": "timothy", "doug": "douglas", "jack": "john", "johnny": "john", "liz": "elizabeth", "beth": "elizabeth",
    "kate": "katherine", "kathy": "katherine", "sue": "susan", "jenny": "jennifer", "jen": "jennifer",
    "alex": "alexander", "ben": "benjamin", "matt": "matthew", "steve": "stephen", "fred": "frederick",
    "charlie": "charles", "chuck": "charles", "gerry": "gerald", "jerry": "gerald", "len": "leonard",
    "phil": "philip", "ray": "raymond", "stan": "stanley", "vic": "victor", "walt": "walter", "al": "albert",
    "ian": "ian", "nic": "nicholas", "frank": "francis", "hank": "henry", "harry": "henry", "terry": "terence",
    "cathy": "catherine", "peggy": "margaret", "maggie": "margaret", "meg": "margaret", "debbie": "deborah",
    "barb": "barbara", "becky": "rebecca", "vicky": "victoria", "tina": "christina", "mandy": "amanda",
}
PERSON_NAME = (
    rf"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?{UPPER}{LOWER}+(?:[\-'’]{UPPER}?{LOWER}+)?"
    rf"(?:\s+(?:{UPPER}\.\s*)+|\s+{UPPER}{LOWER}+\s+(?={UPPER}))?"
    rf"(?:\s*(?:{UPPER}\.)\s*)?\s*(?:(?:de|van|von|der|da|di|le|la|du|Mc|Mac|O')\s*)*{UPPER}[\w'’\-]*{LOWER}"
)


def person_parts(name: str) -> tuple[str, str]:
    """(first, last) of a person's name, folded to lower case; titles and initials dropped."""
    words = [w for w in re.findall(r"[\w'’\-]+", fold(name).lower()) if w not in {"mr", "ms", "mrs", "dr"}]
    words = [w for w in words if len(w) > 1]
    if not words:
        return "", ""
    return words[0], words[-1]


def person_key(name: str) -> str:
    """``Jim Excell`` and ``James D. Excell`` share ``james excell``."""
    first, last = person_parts(name)
    return f"{NICKNAMES.get(first, first)} {last}".strip()
