"""The metric lexicon: loaded from the ontology's SKOS labels, read by dimension."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract.lexicon import metric_concepts, metric_names
from kg.extract.tables import read_label
from kg.vocabulary import METRICS

KG = Path(__file__).resolve().parent.parent / "kg"


def test_every_metric_of_the_ontology_is_in_the_lexicon_with_a_dimension() -> None:
    assert set(metric_names()) == set(METRICS)
    assert all(c.dimension for c in metric_concepts())
    rates = {c.notation: c.daily_rate_of for c in metric_concepts() if c.dimension == "rate"}
    assert rates and all(quantity in metric_names() for quantity in rates.values())


@pytest.mark.parametrize("label, expected", [
    ("Tons sold (000)", ("sales", None, "t", 1e3)),
    ("Realized price per ton sold ($)", ("realized_price", None, "$/t", 1)),
    ("Cash cost per ton sold ($)", ("cash_cost", None, "$/t", 1)),
    ("Revenue ($mm)", ("revenue", None, "$", 1e6)),
    ("Realized gold price (US$/oz)", ("realized_price", "gold", "USD/oz", 1)),
    ("AISC per silver ounce (US$)", ("aisc", "silver", "USD/oz", 1)),
    ("Payable copper sold (t)", ("sales", "copper", "t", 1)),
    ("Average daily throughput (tonnes)", ("throughput", None, "t/d", 1)),
    ("Mill throughput (t)", ("ore_processed", None, "t", 1)),
    ("Concentrate grade (% Li2O)", ("concentrate_grade", "lithium", "%", 1)),
    ("Spodumene concentrate shipped", ("sales", "lithium", "t", 1)),
    ("Platinum (oz)", ("production", "platinum", "oz", 1)),
    ("Head grade (g/t Au)", ("head_grade", "gold", "g/t", 1)),
    ("Adjusted EBITDA ($mm)", None),
    ("Net income ($000)", None),
])
def test_table_labels_read_by_the_lexicon(label: str, expected: tuple | None) -> None:
    read = read_label(label)
    got = None if read is None else (read[0].metric, read[0].metal, read[0].unit, read[1])
    assert got == expected


def test_no_metric_name_is_spelled_in_the_table_reader() -> None:
    """Table labels are read through the lexicon: the reader names no metric of its own."""
    source = (KG / "extract" / "tables.py").read_text()
    spelled = {m for m in metric_names() if re.search(rf"[\"']{m}[\"']", source)}
    assert spelled == set()
