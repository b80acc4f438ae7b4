"""Worker processes end with their parent: a ``kg build --jobs 2`` killed (SIGTERM or ``kill -9``) leaves none."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_interrupted_build import write_batch

from kg.engines import ProcessEngine

KG = str(Path(sys.executable).parent / "kg")
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")


def alive(pid: int) -> bool:
    """Whether the process runs (a zombie, ended and not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in {"Z", "X"}


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            if int(fields[1]) == pid and fields[0] not in {"Z", "X"}:
                found.append(int(entry.name))
    return sorted(found)


def wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return bool(condition())


# kg build with prctl unavailable, so only the watchdog (the parent's pipe) can end the workers.
WATCHDOG_ONLY = """
import ctypes
def refused(*args, **kwargs):
    raise OSError("no prctl here")
ctypes.CDLL = refused
from kg.cli import main
main()
"""


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
@pytest.mark.parametrize("guard", ["prctl", "watchdog"])
def test_no_worker_outlives_a_killed_build(tmp_path: Path, sig: signal.Signals, guard: str) -> None:
    write_batch(tmp_path / "releases", 120)
    command = [KG] if guard == "prctl" else [sys.executable, "-c", WATCHDOG_ONLY]
    build = subprocess.Popen([*command, "build", str(tmp_path / "releases"), "--store", str(tmp_path / "store"),
                              "--jobs", "2", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: len(children(build.pid)) >= 2, 60), "the build started no workers"
        time.sleep(1.0)  # the workers busy extracting, results queued
        workers = children(build.pid)
        assert build.poll() is None, "the build ended before it could be killed: give it more input"
        os.kill(build.pid, sig)
        build.wait(timeout=30)
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
    try:
        assert wait_for(lambda: not any(alive(pid) for pid in workers), 5), \
            f"workers {[pid for pid in workers if alive(pid)]} outlived their parent"
    finally:
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def square(batch: list[int]) -> list[int]:
    return [n * n for n in batch]


def test_workers_still_do_their_work() -> None:
    assert list(ProcessEngine(2).run(square, range(100), 7)) == [n * n for n in range(100)]
