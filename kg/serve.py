"""``kg serve``: the built store as a local SPARQL endpoint, run by the Oxigraph server (PyPI ``oxigraph``).

The server does not open the store itself: a store directory is opened by one writer at a time, and
reading it while ``kg build`` writes is undefined. ``kg serve`` takes a snapshot instead (an Oxigraph
backup: hard links to the store's immutable files, so it is cheap), serves the snapshot read-only with
the union of the release graphs as the default graph, and deletes it when the server stops. A build
can run meanwhile; the endpoint shows the store as it was when ``kg serve`` started.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

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


STARTUP_SECONDS = 60  # how long the server may take to answer on its port


def snapshot(store_path: Path, target: Path) -> None:
    """Copy the store into ``target`` (which must not exist) as a backup the server can open alone.

    A store on a read-only file system (or not ours to write) cannot change under the copy, so it is copied
    from a read-only open; any other is opened as a writer, which is refused while ``kg build`` writes it.
    """
    if not store_path.is_dir():
        raise ServeError(f"no store at {store_path}: run `kg build DOCS --store {store_path}` first")
    with Store(store_path, read_only=not os.access(store_path, os.W_OK)) as store:
        store.backup(target)


def work_folder(store_path: Path) -> Path:
    """A new folder for the snapshot: beside the store (so the copy is hard links), else in the temporary folder
    (a read-only store's folder cannot hold it)."""
    try:
        return Path(tempfile.mkdtemp(prefix=".kg-serve-", dir=store_path.resolve().parent))
    except OSError:
        try:
            return Path(tempfile.mkdtemp(prefix="kg-serve-"))
        except OSError as exc:
            raise ServeError(f"no folder to hold a snapshot of {store_path}: {exc.strerror or exc} "
                             "(set TMPDIR to a writable folder)") from exc


def check_port_free(bind: str, port: int) -> None:
    """ServeError when another program listens on the port (the server would fail after starting)."""
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((bind, port))
        except OSError as exc:
            raise ServeError(port_message(bind, port, exc.strerror or str(exc))) from exc


def port_message(bind: str, port: int, reason: str) -> str:
    return f"cannot listen on {bind} port {port}: {reason}; is another server on it? choose another with --port"


class ServerLog:
    """The server's stderr: kept while it starts (to name why it could not), passed on to ours once it serves."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[str] = []
        self.serving = False
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            if self.serving:
                sys.stderr.write(line)
            else:
                self.lines.append(line)

    def reason(self) -> str:
        """The server's own one-line error (``Error: ...``), without its backtrace."""
        self._thread.join(timeout=5)
        errors = [line.strip() for line in self.lines if line.startswith("Error")]
        return (errors[0] if errors else next((line.strip() for line in self.lines if line.strip()), "no message"))


def answers(bind: str, port: int) -> bool:
    """Whether an HTTP server answers on the port (a program that only holds the port does not)."""
    connection = http.client.HTTPConnection(bind, port, timeout=1)
    try:
        connection.request("HEAD", "/")
        connection.getresponse()
        return True
    except (OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()


def wait_until_serving(process: subprocess.Popen, log: ServerLog, bind: str, port: int) -> None:
    """Return once the server answers on its port; ServeError with its reason when it exits first."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            reason = log.reason()
            if "in use" in reason:
                raise ServeError(port_message(bind, port, reason.removeprefix("Error: ")))
            raise ServeError(f"the Oxigraph server stopped at once (exit {process.returncode}): {reason}")
        if answers(bind, port):
            log.serving = True
            return
        time.sleep(0.1)
    raise ServeError(f"the Oxigraph server did not answer on {bind} port {port} within {STARTUP_SECONDS} s")


def server_command(binary: Path, location: Path, bind: str, port: int, cors: bool) -> list[str]:
    host = f"[{bind}]" if ":" in bind else bind
    command = [str(binary), "serve-read-only", "--location", str(location), "--bind", f"{host}:{port}",
               "--union-default-graph"]
    return command + ["--cors"] if cors else command


def serve(store_path: Path, bind: str, port: int, cors: bool, announce: Callable[[str], None]) -> int:
    """Serve a snapshot of the store until the server stops or this process is interrupted; its exit status."""
    binary = oxigraph_binary()
    check_version(binary)
    check_port_free(bind, port)
    workdir = work_folder(store_path)
    process: subprocess.Popen | None = None
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        snapshot(store_path, workdir / "snapshot")
        process = subprocess.Popen(server_command(binary, workdir / "snapshot", bind, port, cors),
                                   stderr=subprocess.PIPE, text=True, errors="replace",
                                   env={**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"})
        assert process.stderr is not None
        wait_until_serving(process, ServerLog(process.stderr), bind, port)
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
