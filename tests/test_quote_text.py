"""What a fact shows of its source: the text of an HTML release, not its markup, at offsets into the HTML as it is;
and its numbers as written (4.2 million is 4200000, not the float 4200000.000000001)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import kestrel
import pytest
from click.testing import CliRunner
from conftest import CORPUS
from hypothesis import given
from hypothesis import strategies as st

from kg.cli import main
from kg.rdf import decimal, decimal_text
from kg.read.sources import html_fragment_text, read_source

HTML = CORPUS / "releases" / "r13_northern_lights_q4_2016.html"


def rows(output: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output)))


@pytest.mark.parametrize(("fragment", "text"), [
    ("Head grade (g/t Au)</td><td>1.19</td><td>1.15", "Head grade (g/t Au) 1.19 1.15"),
    ('Copper grade (%)</td>\n  <td class="num">1.42', "Copper grade (%) 1.42"),
    ("470,000 &#8211; 490,000 ounces", "470,000 \u2013 490,000 ounces"),
    ("AT&amp;T said &lt;td&gt; is a tag", "AT&T said <td> is a tag"),
    ("one<br/>two&nbsp;three", "one two three"),
])
def test_an_html_fragment_reads_as_its_text(fragment: str, text: str) -> None:
    assert html_fragment_text(fragment) == text


def test_a_plain_text_quote_is_left_as_written(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Head grade (g/t)\t1.19  <b>\n")
    assert read_source(path).readable("Head grade (g/t)\t1.19  <b>") == "Head grade (g/t)\t1.19  <b>"


def test_a_fact_from_an_html_table_prints_its_text_and_keeps_the_characters_at_its_offsets(
        tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    shutil.copy(HTML, folder)
    store = tmp_path / "store"
    assert runner.invoke(main, ["build", str(folder), "--store", str(store), "-q"]).exit_code == 0
    html = HTML.read_text(encoding="utf-8")
    facts = rows(runner.invoke(main, ["query", "facts", "--store", str(store), "--format", "csv"]).output)
    grade = next(f for f in facts if f["metric"] == "head_grade" and f["period"] == "2015")
    start, end = int(grade["start"]), int(grade["end"])
    raw = "Head grade (g/t Au)</td><td>1.19</td><td>1.15</td><td>1.12</td><td>1.08</td><td>1.14</td><td>1.05"
    assert grade["evidence"] == html[start:end] == raw  # lineage: CSV and the store hold the file's characters

    table = runner.invoke(main, ["query", "facts", "--store", str(store)]).output
    assert "</td>" not in table and "&#" not in table
    assert "Head grade (g/t Au) 1.19 1.15 1.12 1.08 1.14 1.…" in table  # cut to the width of a column
    shown = runner.invoke(main, ["lineage", grade["fact"], "--store", str(store)]).output
    assert "Head grade (g/t Au) 1.19 1.15" in shown and "</td>" not in shown
    typed = json.loads(runner.invoke(main, ["lineage", grade["fact"], "--store", str(store), "--format", "json"]).output)
    assert [(r["quote"], r["start"], r["end"]) for r in typed] == [(raw, start, end)]

    extracted = json.loads(runner.invoke(main, ["extract", str(folder / HTML.name), "--format", "json"]).output)
    record = next(r for r in extracted[0]["records"] if r.get("quote") == raw)
    assert record["text"] == "Head grade (g/t Au) 1.19 1.15 1.12 1.08 1.14 1.05"
    assert html[record["start"]:record["end"]] == record["quote"]
    listed = runner.invoke(main, ["extract", str(folder / HTML.name)]).output
    assert "</td>" not in listed and "| Head grade (g/t Au) 1.19 1.15 1.12 1.08 1.14 1.05" in listed


def test_a_guidance_of_4_2_million_prints_4200000(tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "guidance.txt").write_text(kestrel.release(
        "Kestrel expects 2011 production of 4.2 to 4.6 million pounds of copper at Moose Creek."))
    store = tmp_path / "store"
    assert runner.invoke(main, ["build", str(folder), "--store", str(store), "-q"]).exit_code == 0
    guidance = rows(runner.invoke(main, ["query", "guidance", "--store", str(store), "--format", "csv"]).output)
    assert [(g["value_low"], g["value_high"]) for g in guidance] == [("4200000", "4600000")]
    typed = json.loads(runner.invoke(main, ["query", "guidance", "--store", str(store), "--format", "json"]).output)
    assert typed[0]["value_low"] == 4200000
    extracted = json.loads(runner.invoke(main, ["extract", str(folder / "guidance.txt"), "--format", "json"]).output)
    assert [(r["low"], r["high"]) for r in extracted[0]["records"] if r["kind"] == "Guidance"] == [(4200000, 4600000)]


@pytest.mark.parametrize(("value", "text"), [(4.2 * 1e6 + 1e-9, "4200000"), (4099999.9999999995, "4100000"),
                                             (0.1 + 0.2, "0.3"), (1.42, "1.42"), (-0.0, "0"), (1e-7, "0.0000001"),
                                             (2.5e20, "250000000000000000000"), (1088.0, "1088")])
def test_decimals_are_written_as_the_number_meant(value: float, text: str) -> None:
    assert decimal_text(value) == text
    assert str(decimal(value)) == text


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_a_written_decimal_is_the_float_to_15_digits(value: float) -> None:
    written = decimal_text(value)
    assert "e" not in written.lower()
    assert float(written) == pytest.approx(value, rel=1e-14, abs=1e-300)
