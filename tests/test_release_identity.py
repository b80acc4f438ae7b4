"""A release's identity is its path relative to the folder built: two files are two releases whatever their names,
the graph IRI is that path percent-encoded (so nothing folds two names into one), and a rebuild changes nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from hypothesis import given
from hypothesis import strategies as st

from kg.cli import main
from kg.pipeline import build, release_files
from kg.store import Store
from kg.terms import Minter, release_key, release_name, slug

A, B, C = sorted(p.name for p in SAMPLES.iterdir())


def place(folder: Path, names: dict[str, str]) -> Path:
    """``folder`` holding each sample release (by its name) under the relative path given."""
    for target, sample in names.items():
        (folder / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / sample, folder / target)
    return folder


def built(inputs: list[Path], store: Path) -> tuple[list[str], list[str], list[str]]:
    with Store(store) as opened:
        report = build(inputs, opened, across=False)
    return sorted(report.ingested), sorted(report.unchanged), [str(r) for r in report.rejected]


def graphs(store: Path) -> dict[str, str]:
    with Store(store, read_only=True) as opened:
        return {name: r.graph for name, r in opened.releases().items()}


def test_the_same_file_name_in_two_sub_folders_is_two_releases(tmp_path: Path) -> None:
    corpus = place(tmp_path / "corpus", {"a/release.txt": A, "b/release.txt": B})
    assert built([corpus], tmp_path / "s") == (["a/release.txt", "b/release.txt"], [], [])
    stored = graphs(tmp_path / "s")
    assert stored == {"a/release.txt": "https://w3id.org/mining-kg/id/graph/a/release.txt",
                      "b/release.txt": "https://w3id.org/mining-kg/id/graph/b/release.txt"}
    assert built([corpus], tmp_path / "s") == ([], ["a/release.txt", "b/release.txt"], [])


def test_names_that_slug_alike_get_their_own_graphs_and_a_rebuild_changes_nothing(tmp_path: Path,
                                                                                   runner: CliRunner) -> None:
    assert slug("Q3 report.txt") == slug("q3-report.txt")  # what used to fold them into one graph
    corpus = place(tmp_path / "corpus", {"Q3 report.txt": A, "q3-report.txt": B})
    store = tmp_path / "s"
    first = runner.invoke(main, ["build", str(corpus), "--store", str(store), "-q", "--no-rules-across"])
    assert first.exit_code == 0, first.output
    assert "2 ingested, 0 unchanged, 0 rejected" in first.output
    assert graphs(store) == {"Q3 report.txt": "https://w3id.org/mining-kg/id/graph/Q3%20report.txt",
                             "q3-report.txt": "https://w3id.org/mining-kg/id/graph/q3-report.txt"}
    for _ in range(2):
        again = runner.invoke(main, ["build", str(corpus), "--store", str(store), "-q", "--no-rules-across"])
        assert "0 ingested, 2 unchanged, 0 rejected" in again.output
    sources = runner.invoke(main, ["query", "facts", "--store", str(store), "--format", "csv"]).output
    assert "Q3 report.txt" in sources and "q3-report.txt" in sources


def test_names_in_other_scripts_are_one_graph_each(tmp_path: Path) -> None:
    names = {"отчёт.txt": A, "报告.txt": B, "報告.txt": C}
    corpus = place(tmp_path / "corpus", names)
    assert built([corpus], tmp_path / "s") == (sorted(names), [], [])
    assert len(set(graphs(tmp_path / "s").values())) == 3


def test_the_same_bytes_under_two_paths_stay_refused(tmp_path: Path) -> None:
    corpus = place(tmp_path / "corpus", {"a/release.txt": A, "b/release.txt": A})
    ingested, _, rejected = built([corpus], tmp_path / "s")
    assert ingested == ["a/release.txt"]
    assert rejected == ["b/release.txt: same content as a/release.txt, already in the store"]


def test_a_file_named_alone_is_its_file_name_so_a_flat_folder_keeps_its_graph_iris(tmp_path: Path) -> None:
    corpus = place(tmp_path / "corpus", {A: A, B: B})
    assert built([corpus], tmp_path / "s")[0] == [A, B]
    assert built([corpus / A], tmp_path / "s")[1] == [A]  # the file alone is the same release, unchanged
    assert graphs(tmp_path / "s")[A] == str(Minter().release_graph(A)) == f"https://w3id.org/mining-kg/id/graph/{A}"


def test_two_folders_holding_the_same_path_say_which_file_replaces_which(tmp_path: Path) -> None:
    one = place(tmp_path / "one", {"release.txt": A})
    two = place(tmp_path / "two", {"release.txt": B})
    with Store(tmp_path / "s") as store:
        report = build([one, two], store, across=False)
    assert report.ingested == ["release.txt", "release.txt"]
    assert report.warnings[0] == (f"release.txt: {two / 'release.txt'} replaces {one / 'release.txt'}, the same "
                                  "release name in this build; to keep both, build the folder that holds both "
                                  "(each keeps its path as its name)")
    assert [f.name for f in release_files([tmp_path])] == ["one/release.txt", "two/release.txt"]
    assert [f.name for f in release_files([one, one / "release.txt"])] == ["release.txt"]  # one file, listed once


def test_a_release_stored_under_an_older_graph_iri_moves_to_its_new_one(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = place(tmp_path / "corpus", {"Q3 report.txt": A})
    with monkeypatch.context() as patch:  # the graph IRIs of earlier versions: a slug of the file name
        patch.setattr(Minter, "release_graph", lambda self, source: self.iri("graph", source))
        built([corpus], tmp_path / "s")
    assert list(graphs(tmp_path / "s").values()) == ["https://w3id.org/mining-kg/id/graph/q3-report-txt"]
    assert built([corpus], tmp_path / "s")[0] == ["Q3 report.txt"]
    with Store(tmp_path / "s", read_only=True) as store:
        assert [str(g.value) for g in store.graph_names()] == ["https://w3id.org/mining-kg/id/graph/Q3%20report.txt"]
    assert built([corpus], tmp_path / "s")[1] == ["Q3 report.txt"]


def test_a_symlinked_sub_folder_is_followed_and_a_loop_ends(tmp_path: Path) -> None:
    elsewhere = place(tmp_path / "elsewhere", {"linked.txt": B})
    corpus = place(tmp_path / "corpus", {"top.txt": A})
    os.symlink(elsewhere, corpus / "more")
    os.symlink(corpus, elsewhere / "back")  # corpus/more/back is corpus again
    assert [f.name for f in release_files([corpus])] == ["more/linked.txt", "top.txt"]


def test_an_empty_folder_is_one_line_and_exit_2(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.csv").write_text("a,b\n")
    result = runner.invoke(main, ["build", str(tmp_path / "empty"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"error: {tmp_path / 'empty'}: no release files in this folder or its sub-folders (looked for .htm, .html, "
        ".markdown, .md, .pdf, .text, .txt, .xhtml); name a folder that holds releases"]
    assert not (tmp_path / "s").exists()


@given(st.text(min_size=1))
def test_release_keys_are_reversible_and_valid_iris(name: str) -> None:
    key = release_key(name)
    assert release_name(key) == name
    Store.in_memory([(Minter().release(name), Minter().release_graph(name), Minter().release(name))])


def test_kg_remove_takes_a_path_and_refuses_a_name_that_fits_two_releases(tmp_path: Path, runner: CliRunner) -> None:
    corpus = place(tmp_path / "corpus", {"a/release.txt": A, "b/release.txt": B})
    store = tmp_path / "s"
    built([corpus], store)
    ambiguous = runner.invoke(main, ["remove", "release", "--store", str(store)])
    assert ambiguous.exit_code == 2
    assert ambiguous.output.splitlines() == ["error: 'release' fits 2 releases: a/release.txt, b/release.txt; give the "
                                             "one to remove by its name"]
    removed = runner.invoke(main, ["remove", "b/release", "--store", str(store)])
    assert removed.exit_code == 0, removed.output
    assert list(graphs(store)) == ["a/release.txt"]
