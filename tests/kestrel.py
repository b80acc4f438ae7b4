"""The invented issuer the extractor tests write releases for: Kestrel Gold Mines Inc. and its Moose Creek mine."""

from __future__ import annotations

import pytest

ISSUER = "Kestrel Gold Mines Inc."
MC = "Moose Creek"
TITLE = "Kestrel Gold Mines Inc. Reports Second Quarter 2011 Results"
ONE_MINE = (
    "Kestrel Gold Mines Inc. (TSX: KGM) is pleased to provide an operating update for its wholly owned Moose Creek "
    "mine in northern Quebec. All amounts are in US dollars unless otherwise stated. The results below are "
    "preliminary and remain subject to final reconciliation at year end."
)
TWO_MINES = (
    "Kestrel Gold Mines Inc. (TSX: KGM) operates the Moose Creek mine in Quebec and the Lynx mine in Ontario. All "
    "amounts are in US dollars unless otherwise stated. The results below are preliminary and remain subject to "
    "final reconciliation at year end."
)


def release(body: str, intro: str = ONE_MINE, title: str = TITLE, date: str = "July 18, 2011") -> str:
    """A release: the issuer, a dateline, a title, an introduction naming the mine(s), then ``body``."""
    return f"{ISSUER}\n\nNEWS RELEASE\n\n{date}\n\n{title}\n\n{intro}\n\n{body}\n"


def xfail(reason: str) -> pytest.MarkDecorator:
    """A known extractor bug: strict, so the fix shows up as a test to un-mark."""
    return pytest.mark.xfail(reason=reason, strict=True)
