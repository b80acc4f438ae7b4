"""``kg serve`` under bad conditions: a port in use and a read-only store are one line each, never a backtrace."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from servers import free_port, missing_reason

import kg.serve
from kg.cli import main

pytestmark = pytest.mark.skipif(missing_reason("oxigraph") is not None, reason=missing_reason("oxigraph") or "")
KG = str(Path(sys.executable).parent / "kg")


@pytest.fixture
def taken_port() -> int:  # type: ignore[misc]
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield listener.getsockname()[1]


def test_a_port_in_use_is_one_line_before_serving(built: Path, taken_port: int, runner: CliRunner) -> None:
    result = runner.invoke(main, ["serve", "--store", str(built), "--port", str(taken_port)])
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"error: cannot listen on 127.0.0.1 port {taken_port}: Address already in "
                                          "use; is another server on it? choose another with --port"]


def test_a_port_taken_as_the_server_starts_is_its_one_line_error(built: Path, taken_port: int, runner: CliRunner,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.serve, "check_port_free", lambda bind, port: None)  # lost the race to another program
    monkeypatch.setenv("RUST_BACKTRACE", "1")
    result = runner.invoke(main, ["serve", "--store", str(built), "--port", str(taken_port)])
    assert result.exit_code == 2
    assert len(result.output.splitlines()) == 1
    assert result.output.startswith(f"error: cannot listen on 127.0.0.1 port {taken_port}: Address already in use")
    assert "serving" not in result.output and "backtrace" not in result.output.lower()
    assert not list(built.parent.glob(".kg-serve-*"))


def test_a_store_on_a_read_only_file_system_is_served(built: Path, tmp_path: Path) -> None:
    """The store and the folder around it mounted read-only (in a user namespace of its own, so no root needed)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    shutil.copytree(built, folder / "store")
    if subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("cannot make a read-only mount here (unshare -rm is not permitted)")
    port = free_port()
    script = f'mount --bind -o ro "$1" "$1" && touch "$1/x" 2>/dev/null && exit 99; exec "{KG}" serve --store "$1/store" --port {port}'
    server = subprocess.Popen(["unshare", "-rm", "sh", "-c", script, "sh", str(folder)], stderr=subprocess.PIPE,
                              text=True)
    try:
        assert server.stderr is not None
        first = server.stderr.readline()
        assert first.startswith(f"serving {folder / 'store'} at http://127.0.0.1:{port}/query"), first
        query = urllib.parse.urlencode(
            {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?r a <https://w3id.org/mining-kg/ontology#Release> }"})
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/query?{query}", timeout=10) as answer:
            rows = json.load(answer)["results"]["bindings"]
        assert rows[0]["n"]["value"] == "3"
    finally:
        server.terminate()
        _, rest = server.communicate(timeout=30)
    assert server.returncode == 0, rest
    assert "Traceback" not in rest
