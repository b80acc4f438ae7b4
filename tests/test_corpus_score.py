"""The fixture corpus (18 self-written releases in varied styles, tests/fixtures/corpus) scored end to end.

The floors are today's measured scores, rounded down: a change that loses ground fails here.
The target for this corpus is facts F1 >= 0.95 (see the robustness issue).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS, ROOT

KG = str(Path(sys.executable).parent / "kg")
FLOORS = {"facts": 0.91, "people": 0.89, "incidents": 0.63, "agreements": 0.90, "guidance": 0.90}


def test_corpus_scores_hold() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "eval" / "score.py"), str(CORPUS / "releases"), str(CORPUS / "gold"),
         "--kg", KG], capture_output=True, text=True, check=True)
    for name, floor in FLOORS.items():
        f1 = float(re.search(rf"^{name}\s.*F1=([0-9.]+)", result.stdout, re.M).group(1))  # type: ignore[union-attr]
        assert f1 >= floor, f"{name} F1 {f1} fell below {floor}\n{result.stdout}"
    matched, total = map(int, re.search(r"lineage\s+(\d+)/(\d+)", result.stdout).groups())  # type: ignore[union-attr]
    assert matched / total >= 0.98
