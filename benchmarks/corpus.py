"""A deterministic generator of synthetic mining releases, for speed measurements only.

Extraction quality is measured on real releases (tests/fixtures, the seeds), never on these: the
generator writes a handful of sentence and table shapes the extractors already read, with figures
that are arithmetically consistent (throughput x days = ore, ore x grade x recovery = ounces), so
validation finds nothing and every stage does its normal work.

Every 50th release restates one quarter of its table with another figure, so the rules across releases
have something to find. Files are written one at a time (``write_releases`` streams), so a corpus of any
size costs no memory.

    python benchmarks/corpus.py OUT_DIR N
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

COMPANIES = ["Aurora", "Boreal", "Cobalt Ridge", "Dune", "Eagle Crest", "Falcon", "Granite", "Harbour", "Iron Gate",
             "Juniper", "Kestrel", "Larch", "Marten", "Nimbus", "Osprey", "Pine Point", "Quartz Hill", "Raven",
             "Summit", "Tamarack", "Umber", "Vega", "Willow", "Yukon Star", "Zenith"]
SUFFIXES = ["Mines Ltd.", "Gold Corp.", "Resources Inc.", "Mining Limited", "Metals Corp."]
PLACES = ["Atlas", "Beacon", "Canyon", "Delta", "Ember", "Frontier", "Glacier", "Horizon", "Island", "Jasper",
          "Keystone", "Lakeshore", "Meridian", "Northgate", "Orion", "Prairie", "Quest", "Ridgeline", "Sierra", "Timber",
          "Upland", "Valley", "Westmount", "Yellowhead", "Zephyr", "Arctic", "Bluewater", "Coastal", "Dominion",
          "Eastern", "Fjord", "Golden", "Highland", "Interior", "Jade", "Kingsway", "Lodestar", "Mesa", "Nordic",
          "Oakridge"]
QUARTERS_PER_COMPANY = 120  # thirty years of quarterly reports, one a quarter
MINES = ["North Star", "Blue Lake", "Red Creek", "Silver Fox", "Cedar Hill", "Granite Falls", "Bear Paw", "Long Ridge"]
METALS = [("gold", "Au"), ("palladium", "Pd"), ("silver", "Ag"), ("platinum", "Pt")]
ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}
QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
QUARTER_DAYS = {1: 90, 2: 91, 3: 92, 4: 92}


def quarter_figures(company: int, year: int, q: int) -> tuple[int, float, float]:
    """(throughput t/d, head grade g/t, recovery %) of a company's mine in a quarter: the same in every release."""
    rng = random.Random(company * 100_000 + year * 10 + q)
    return rng.randint(2_000, 40_000), round(rng.uniform(0.8, 9.0), 2), round(rng.uniform(80, 96), 1)


def release(i: int) -> tuple[str, str]:
    rng = random.Random(i)
    # each company reports each quarter once, as real producers do: a figure is stated by its own release and
    # restated in the next few quarters' tables, however large the corpus (the rules across releases stay linear)
    k, quarter_index = divmod(i, QUARTERS_PER_COMPANY)
    c = k % len(COMPANIES)
    name = COMPANIES[c] if k < len(COMPANIES) else f"{COMPANIES[c]} {PLACES[(k // len(COMPANIES)) % len(PLACES)]}"
    company = f"{name} {SUFFIXES[k % len(SUFFIXES)]}"
    ticker = "".join(w[0] for w in company.split())[:3].upper() + str(i % 10)
    series = k * 100 + (i // 7) % len(MINES)  # one company's one mine: its figures agree in every release
    mine = f"{COMPANIES[c].split()[0]} {MINES[(i // 7) % len(MINES)]}"
    metal, _symbol = METALS[k % len(METALS)]
    year = 1995 + quarter_index // 4
    q = quarter_index % 4 + 1
    end = date(year, *QUARTER_END[q])
    released = end + timedelta(days=14 + rng.randint(0, 20))
    days = QUARTER_DAYS[q] + (1 if q == 1 and year % 4 == 0 else 0)
    rate, grade, recovery = quarter_figures(series, year, q)
    ore = rate * days
    ounces = round(ore * grade * recovery / 100 / 31.1035)
    prev_q, prev_year = (q - 1, year) if q > 1 else (4, year - 1)
    prev_rate = quarter_figures(series, prev_year, prev_q)[0]
    prev_ore = prev_rate * (QUARTER_DAYS[prev_q] + (1 if prev_q == 1 and prev_year % 4 == 0 else 0))
    rows = []
    for k in range(4):
        qq, yy = (q - k - 1) % 4 + 1, year - (1 if q - k <= 0 else 0)
        figures = quarter_figures(series, yy, qq)
        restated = i % 50 == 49 and k == 1  # a restatement (or a typo) the rules across releases report
        rows.append((f"Q{qq} {yy}", figures[0] + (100 if restated else 0), figures[2]))
    table = "\t" + "\t".join(r[0] for r in rows) + "\n"
    table += "Mill throughput (tonnes per day)\t" + "\t".join(f"{r[1]:,}" for r in rows) + "\n"
    table += f"{metal.title()} recovery (%)\t" + "\t".join(f"{r[2]}" for r in rows) + "\n"
    cash_cost = rng.randint(300, 1200)
    text = f"""{company}

NEWS RELEASE

{released.strftime('%B')} {released.day}, {released.year}

Trading Symbol: TSX - {ticker}

{company} Announces Operating Results for the {ORDINAL[q].title()} Quarter of {year}

During the {ORDINAL[q]} quarter of {year}, the {mine} mill processed {ore:,} tonnes of ore or an average of {rate:,} tonnes per day with a {metal} head grade of {grade:.2f} grams per tonne, producing {ounces:,} ounces of {metal} at a recovery rate of {recovery}%. This compares to the {ORDINAL[prev_q]} quarter of {prev_year} when the mill processed {prev_ore:,} tonnes of ore or {prev_rate:,} tonnes per day.

Cash costs were US${cash_cost} per ounce of {metal} for the quarter. The {mine} mine is expected to produce {round(ounces * 4, -3):,.0f} ounces of {metal} in {year + 1}.

The following table outlines the operating results for the past four quarters:

{table}
In {released.strftime('%B')} {released.year}, {company} entered into an option agreement with {COMPANIES[(i + 3) % len(COMPANIES)]} Exploration Inc. under which the Company can earn a 60% interest in the {MINES[(i + 2) % len(MINES)]} property by spending C${rng.randint(1, 9)}.0 million over the next {rng.randint(2, 5)} years.

On {(released - timedelta(days=3)).strftime('%B')} {(released - timedelta(days=3)).day}, {released.year}, a conveyor fire at the {mine} mill stopped milling for two shifts.

For further information contact:

{["John", "Mary", "Peter", "Anne"][i % 4]} {["Smith", "Tremblay", "Nguyen", "Okafor"][i % 4]} – President & CEO
Tel: (416) 555-{1000 + i % 9000:04d} E-mail: info{i}@example.com
"""
    return f"synthetic_{i:06d}.txt", text


def write_releases(out: Path, n: int) -> Iterator[Path]:
    """Write releases 0..n-1 into ``out``, one at a time, yielding each path."""
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        name, text = release(i)
        path = out / name
        path.write_text(text, encoding="utf-8")
        yield path


def write_corpus(out: Path, n: int) -> list[Path]:
    return list(write_releases(out, n))


if __name__ == "__main__":
    for _path in write_releases(Path(sys.argv[1]), int(sys.argv[2])):
        pass
