"""Bad input: each bad file gets one line naming it and the reason, the rest of the batch lands, and
nothing of a rejected file stays in the store."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from kg.cli import main
from kg.store import Store

GOOD = sorted(p.name for p in SAMPLES.glob("*.txt"))


def _pdf_truncated() -> bytes:
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa"


BAD = {
    "empty.txt": (b"", "file is empty"),
    "blank.txt": (b"   \n\n\t \n", "file is empty"),
    "binary.txt": (bytes(range(256)) * 40, "binary file"),
    "image.png": (b"\x89PNG\r\n\x1a\n" + bytes(200), None),  # not a release suffix: not even read
    "truncated.pdf": (_pdf_truncated(), "broken or truncated PDF"),
    "menu.html": (b"<html><body><nav>Home | About</nav><script>var x=1;</script></body></html>", "HTML page holds no text"),
    "recipe.txt": (b"Preheat the oven to 180 degrees. Mix the flour and the butter, then bake it for twenty minutes.",
                   "not a mining release"),
}


def nquads(path: Path) -> bytes:
    out = io.BytesIO()
    Store(path, read_only=True).export("nquads", out)
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_named_rejected_and_leaves_nothing(name: str, tmp_path: Path, releases: Path,
                                                       runner: CliRunner, built: Path) -> None:
    before = nquads(built)
    data, reason = BAD[name]
    (releases / name).write_bytes(data)
    result = runner.invoke(main, ["build", str(releases), "--store", str(built), "-q"])
    if reason is None:
        assert result.exit_code == 0 and name not in result.output
    else:
        assert result.exit_code == 1
        lines = [line for line in result.output.splitlines() if line.startswith("rejected:")]
        assert len(lines) == 1 and lines[0].startswith(f"rejected: {name}: ") and reason in lines[0]
        assert "0 ingested, 3 unchanged, 1 rejected" in result.output
    assert nquads(built) == before  # the store is as it was


def test_rest_of_the_batch_lands(tmp_path: Path, releases: Path, runner: CliRunner) -> None:
    for name, (data, _reason) in BAD.items():
        (releases / name).write_bytes(data)
    result = runner.invoke(main, ["build", str(releases), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 1
    assert "3 ingested, 0 unchanged, 6 rejected" in result.output
    assert sorted(Store(tmp_path / "s", read_only=True).releases()) == GOOD


def test_garbled_numbers_do_not_become_facts(tmp_path: Path, releases: Path, runner: CliRunner) -> None:
    path = releases / "000_de8b326c4e62c9a5.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("1,500,684 tonnes", "1,500,68 tonnes"), encoding="utf-8")
    runner.invoke(main, ["build", str(releases), "--store", str(tmp_path / "s"), "-q"])
    facts = runner.invoke(main, ["query", "facts", "--store", str(tmp_path / "s"), "--format", "csv"]).output
    assert "150068," not in facts and ",1500684," not in facts.split("000_de8b326c4e62c9a5.txt,2004-01-06")[0]


def test_windows_1252_text_is_read(tmp_path: Path, releases: Path, runner: CliRunner) -> None:
    text = (SAMPLES / "000_de8b326c4e62c9a5.txt").read_text(encoding="utf-8")
    (releases / "000_de8b326c4e62c9a5.txt").write_bytes(text.replace("’", "'").encode("cp1252", errors="replace"))
    result = runner.invoke(main, ["build", str(releases), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 0
    people = runner.invoke(main, ["query", "people", "--store", str(tmp_path / "s"), "--format", "csv"]).output
    assert "André J. Douchane" in people
