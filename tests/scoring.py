"""Running the evaluation script (tests/eval/score.py, a copy of ../shared/eval/score.py) on a folder of
releases and its gold, and reading its report."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

KG = str(Path(sys.executable).parent / "kg")
SCORE = ROOT / "tests" / "eval" / "score.py"


def score_report(releases: Path, gold: Path) -> str:
    """The script's report: builds the releases with `kg build` into a fresh store and scores its answers."""
    return subprocess.run([sys.executable, str(SCORE), str(releases), str(gold), "--kg", KG, "-v"],
                          capture_output=True, text=True, check=True).stdout


def f1(report: str, name: str) -> float:
    """The F1 of one category (facts, people, incidents, agreements, guidance)."""
    return float(re.search(rf"^{name}\s.*F1=([0-9.]+)", report, re.MULTILINE).group(1))  # type: ignore[union-attr]


def lineage(report: str) -> tuple[int, int]:
    """Matched facts whose evidence stands verbatim in the release, and matched facts."""
    matched, total = re.search(r"^lineage\s+(\d+)/(\d+)", report, re.MULTILINE).groups()  # type: ignore[union-attr]
    return int(matched), int(total)
