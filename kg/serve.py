"""``kg serve``: the built store as a local SPARQL endpoint, run by the Oxigraph server (PyPI ``oxigraph``).

The server does not open the store itself: a store directory is opened by one writer at a time, and
reading it while ``kg build`` writes is undefined. ``kg serve`` takes a snapshot instead (an Oxigraph
backup: hard links to the store's immutable files, so it is cheap), serves the snapshot read-only with
the union of the release graphs as the default graph, and deletes it when the server stops. A build
can run meanwhile; the endpoint shows the store as it was when ``kg serve`` started.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.store import Store


class ServeError(KgError):
    """The endpoint cannot be started."""


def oxigraph_binary() -> Path:
    """The ``oxigraph`` server program: beside this Python (a virtualenv) or on PATH."""
    beside_python = Path(sys.executable).parent / "oxigraph"
    if beside_python.is_file():
        return beside_python
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the Oxigraph server is not installed: pip install 'oxigraph>=0.5,<0.6' "
                         "(or pip install -e '.[serve]')")
    return Path(found)


def check_version(binary: Path) -> None:
    """The server must read the store format pyoxigraph wrote: the same minor version (0.5.x with 0.5.x)."""
    answer = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=30)
    match = re.search(r"(\d+)\.(\d+)\.\d+", answer.stdout)
    ours = ox.__version__.split(".")[:2]
    if match is None or list(match.groups()) != ours:
        raise ServeError(f"{binary} is {answer.stdout.strip() or 'of unknown version'}, but the store was written by "
                         f"pyoxigraph {ox.__version__}: install oxigraph=={'.'.join(ours)}.*")


def snapshot(store_path: Path, target: Path) -> None:
    """Copy the store into ``target`` (which must not exist) as a backup the server can open alone."""
    if not store_path.is_dir():
        raise ServeError(f"no store at {store_path}: run `kg build DOCS --store {store_path}` first")
    with Store(store_path) as store:  # a writer's lock: refused while kg build runs, released at once
        store.backup(target)


def server_command(binary: Path, location: Path, bind: str, port: int, cors: bool) -> list[str]:
    host = f"[{bind}]" if ":" in bind else bind
    command = [str(binary), "serve-read-only", "--location", str(location), "--bind", f"{host}:{port}",
               "--union-default-graph"]
    return command + ["--cors"] if cors else command


def serve(store_path: Path, bind: str, port: int, cors: bool, announce: Callable[[str], None]) -> int:
    """Serve a snapshot of the store until the server stops or this process is interrupted; its exit status."""
    binary = oxigraph_binary()
    check_version(binary)
    workdir = Path(tempfile.mkdtemp(prefix=".kg-serve-", dir=store_path.resolve().parent))
    process: subprocess.Popen | None = None
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        snapshot(store_path, workdir / "snapshot")
        process = subprocess.Popen(server_command(binary, workdir / "snapshot", bind, port, cors))
        host = f"[{bind}]" if ":" in bind else bind
        announce(f"serving {store_path} at http://{host}:{port}/query (SPARQL; a query editor at "
                 f"http://{host}:{port}/); Ctrl-C stops")
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if process is not None and process.poll() is None:
            process.terminate()
            process.wait()
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(workdir, ignore_errors=True)


def _exit_on_sigterm(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt
