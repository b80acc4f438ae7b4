"""The seed releases end to end, scored with the evaluation script against their gold facts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SAMPLES, SEED_GOLD

KG = str(Path(sys.executable).parent / "kg")


def test_seeds_score_perfectly() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "eval" / "score.py"), str(SAMPLES), str(SEED_GOLD), "--kg", KG],
        capture_output=True, text=True, check=True,
    )
    lines = result.stdout.splitlines()
    for name in ("facts", "people", "incidents", "agreements", "guidance"):
        line = next(line for line in lines if line.startswith(name))
        assert "F1=1.000" in line, line
    assert "lineage     70/70" in result.stdout
    assert "agreement   5/5" in result.stdout
    assert "releases    9/9" in result.stdout
