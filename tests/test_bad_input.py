"""Bad input: each bad file gets one line naming it and the reason, the rest of the batch lands, and
nothing of a rejected file stays in the store."""

from __future__ import annotations

import io
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLES

from kg.cli import main
from kg.errors import RejectedRelease
from kg.read.sources import MAX_BYTES, read_source
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
    "scanned.pdf": ((ROOT / "tests" / "fixtures" / "pdf" / "scanned_release.pdf").read_bytes(),
                    "PDF has no text layer (scanned image?)"),
    "menu.html": (b"<html><body><nav>Home | About</nav><script>var x=1;</script></body></html>", "HTML page holds no text"),
    "recipe.txt": (b"Preheat the oven to 180 degrees. Mix the flour and the butter, then bake it for twenty minutes.",
                   "not a mining release"),
}


def rejected_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("rejected:")]


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
        lines = rejected_lines(result.output)
        assert len(lines) == 1 and lines[0].startswith(f"rejected: {name}: ") and reason in lines[0]
        assert "0 ingested, 3 unchanged, 1 rejected" in result.output
    assert nquads(built) == before  # the store is as it was


def test_rest_of_the_batch_lands(tmp_path: Path, releases: Path, runner: CliRunner) -> None:
    for name, (data, _reason) in BAD.items():
        (releases / name).write_bytes(data)
    result = runner.invoke(main, ["build", str(releases), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 1
    assert f"3 ingested, 0 unchanged, {sum(1 for _, reason in BAD.values() if reason)} rejected" in result.output
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


BIG = 100 * 2**20


def write_big(path: Path, kind: str) -> None:
    """About 100 MB, quickly: a mining release written over and over, or a sparse file of zeros."""
    with path.open("wb") as out:
        if kind == "sparse":
            out.truncate(BIG)
            return
        block = (SAMPLES / GOOD[0]).read_bytes()
        block *= 2**20 // len(block) + 1
        for _ in range(BIG // len(block) + 1):
            out.write(block)


def test_a_100_mb_file_is_refused_by_its_size_without_being_read(tmp_path: Path, releases: Path,
                                                                  runner: CliRunner) -> None:
    big = {"huge.txt": "text", "zeros.pdf": "sparse"}
    for name, kind in big.items():
        write_big(releases / name, kind)
    result = runner.invoke(main, ["build", str(releases), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 1
    assert rejected_lines(result.output) == [
        f"rejected: {name}: file is {(releases / name).stat().st_size / 1e6:.0f} MB, over the "
        f"{MAX_BYTES // 2**20} MiB limit for one release" for name in sorted(big)]
    assert "3 ingested, 0 unchanged, 2 rejected" in result.output
    assert sorted(Store(tmp_path / "s", read_only=True).releases()) == GOOD
    assert not any(name.encode() in nquads(tmp_path / "s") for name in big)

    for name in big:  # the size is read from the file system: the file is never read into memory
        tracemalloc.start()
        started = time.monotonic()
        with pytest.raises(RejectedRelease, match="over the 20 MiB limit"):
            read_source(releases / name)
        elapsed, (_, peak) = time.monotonic() - started, tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert elapsed < 1.0 and peak < 2**20


def test_same_release_under_a_second_name_is_named_and_leaves_the_store_as_it_was(
        releases: Path, runner: CliRunner, built: Path) -> None:
    before = nquads(built)
    (releases / "copy.txt").write_bytes((releases / GOOD[0]).read_bytes())
    result = runner.invoke(main, ["build", str(releases), "--store", str(built), "-q"])
    assert result.exit_code == 1
    assert rejected_lines(result.output) == [f"rejected: copy.txt: same content as {GOOD[0]}, already in the store"]
    assert "0 ingested, 3 unchanged, 1 rejected" in result.output
    assert nquads(built) == before


def test_garbled_number_is_named_on_a_warning_line(tmp_path: Path, releases: Path, runner: CliRunner) -> None:
    path = releases / "000_de8b326c4e62c9a5.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("1,500,684 tonnes", "1,500,68 tonnes"), encoding="utf-8")
    result = runner.invoke(main, ["build", str(releases), "--store", str(tmp_path / "s"), "-q"])
    assert any(line.startswith(f"warning: {path.name}: ") and "1,500,68" in line for line in result.output.splitlines())
