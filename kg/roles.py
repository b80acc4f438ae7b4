"""Role kinds: the small vocabulary of posts (CEO, CFO, chair, investor relations ...) a role as written names.

The kinds are the concepts of the scheme ``vocab:roles`` in ``ontology/mining.ttl``, each with its notation
and the words releases write for it (``skos:prefLabel``, ``skos:altLabel``, ``skos:hiddenLabel``); adding a
kind is adding a concept there. A role names every kind whose words it holds, the longest words first and
each word read once, so "Vice President Finance & CFO" is a vice-president and a CFO, never a president.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "mining.ttl"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_ROLES = "https://w3id.org/mining-kg/vocab/roles"


@lru_cache(maxsize=1)
def role_cues() -> tuple[tuple[str, str], ...]:
    """(words, kind notation) of every role kind in the ontology, the longest words first."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE)
    query = f"""SELECT ?notation ?label WHERE {{
        ?kind <{_SKOS}inScheme> <{_ROLES}> ; <{_SKOS}notation> ?notation ;
              <{_SKOS}prefLabel>|<{_SKOS}altLabel>|<{_SKOS}hiddenLabel> ?label }}"""
    rows = store.query(query)
    assert isinstance(rows, ox.QuerySolutions)
    cues = {(" ".join(row["label"].value.lower().split()), row["notation"].value) for row in rows}
    return tuple(sorted(cues, key=lambda cue: (-len(cue[0]), cue)))


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    words = (r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", cue))) for cue, _ in role_cues())
    return re.compile(r"(?<![\w])(?:" + "|".join(words) + r")(?![\w])", re.IGNORECASE)


def role_kinds(role: str) -> tuple[str, ...]:
    """The notations of the kinds a role as written names, in the order it names them ("President & CEO":
    president, ceo); none for a role outside the vocabulary ("Senior Geologist")."""
    kind_of = dict(role_cues())
    kinds: list[str] = []
    for match in _cue_pattern().finditer(role):
        kind = kind_of[" ".join(re.split(r"[\s-]+", match.group().lower()))]
        if kind not in kinds:
            kinds.append(kind)
    return tuple(kinds)
