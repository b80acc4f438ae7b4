"""Real triple stores for the tests: an Oxigraph server and Virtuoso Open Source, on loopback, random free ports.

Each starts in a throwaway directory and is stopped (SIGTERM, then wait) when its context ends.
When a server's program is missing, ``missing_reason`` says what to install; the tests skip with that reason.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

VIRTUOSO_PASSWORD = "kg-test-secret"


@dataclass(frozen=True)
class RunningServer:
    name: str
    query_url: str  # SPARQL 1.1 Protocol, anonymous reads
    store_url: str  # Graph Store Protocol
    user: str | None = None
    password: str | None = None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


def missing_reason(server: str) -> str | None:
    """Why ``server`` cannot run here (None when it can)."""
    if server == "oxigraph" and oxigraph_binary() is None:
        return "the Oxigraph server is not installed: pip install -e '.[test]' (PyPI package `oxigraph`)"
    if server == "virtuoso" and not (shutil.which("virtuoso-t") and shutil.which("isql-vt")):
        return ("Virtuoso is not installed and .ci/install-servers could not install it "
                "(apt-get install virtuoso-opensource-7-bin, as root)")
    if server == "rapper" and shutil.which("rapper") is None:
        return "rapper is not installed and .ci/install-servers could not install it (apt-get install raptor2-utils)"
    return None


def wait_until_answers(url: str, process: subprocess.Popen, log: Path, seconds: float = 60.0) -> None:
    ask = url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(ask, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"server did not answer {url} within {seconds} s: {log.read_text(errors='replace')[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[RunningServer]:
    binary = oxigraph_binary()
    assert binary is not None, missing_reason("oxigraph")
    port = free_port()
    log = folder / "oxigraph.log"
    with log.open("wb") as out:
        process = subprocess.Popen([binary, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_answers(base + "/query", process, log)
        yield RunningServer("oxigraph", base + "/query", base + "/store")
    finally:
        stop(process)


def virtuoso_ini(folder: Path, sql_port: int, http_port: int) -> str:
    return f"""[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
ServerThreads = 10
CheckpointInterval = 60
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {folder}/data
Charset = UTF-8

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 10
MaxClientConnections = 10
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 120
DefaultQuery = ASK {{}}
"""


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[RunningServer]:
    assert missing_reason("virtuoso") is None, missing_reason("virtuoso")
    folder = folder.resolve()
    (folder / "data").mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(virtuoso_ini(folder, sql_port, http_port), encoding="utf-8")
    log = folder / "stdout.log"
    with log.open("wb") as out:
        process = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(ini)], cwd=folder,
                                   stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "LC_ALL": "C.UTF-8"})
    try:
        base = f"http://127.0.0.1:{http_port}"
        wait_until_answers(base + "/sparql", process, log)
        subprocess.run(["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba",
                        f"exec=USER_SET_PASSWORD('dba', '{VIRTUOSO_PASSWORD}');"],
                       check=True, capture_output=True, timeout=60)
        yield RunningServer("virtuoso", base + "/sparql", base + "/sparql-graph-crud-auth", "dba",
                            VIRTUOSO_PASSWORD)
    finally:
        stop(process)
