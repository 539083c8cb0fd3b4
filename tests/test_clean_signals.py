"""``clean --jobs`` stopped from outside: SIGTERM cleans up as Ctrl-C does, and the workers of a
process killed outright (SIGKILL) do not outlive it.

Each test runs the command in a subprocess whose resolver sleeps on every batch, so the run is still
going when the signal comes; the workers are found by a marker in their command line (forked workers
keep their parent's).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

_FORK = "fork" in multiprocessing.get_all_start_methods()
pytestmark = pytest.mark.skipif(not (_FORK and Path("/proc").is_dir()), reason="needs /proc and fork")

SCRIPT = str(Path(__file__).with_name("slow_clean.py"))


def _start(tmp: Path) -> tuple[subprocess.Popen[str], str, Path]:
    src, out = tmp / "in.csv", tmp / "out.csv"
    src.write_text("n,city\n" + "".join(f"{i},place {i}\n" for i in range(40_000)), encoding="utf-8")
    marker = f"marker-{uuid.uuid4().hex}"
    proc = subprocess.Popen([sys.executable, SCRIPT, marker, "clean", str(src), "-c", "city", "-o",
                             str(out), "--jobs", "2", "--chunk-size", "500", "-q"],
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(_with_marker(marker)) < 3:  # the command and its two workers
        assert proc.poll() is None and time.monotonic() < deadline, "the run did not start its workers"
        time.sleep(0.05)
    return proc, marker, out


def _with_marker(marker: str) -> list[int]:
    pids = []
    for d in Path("/proc").iterdir():
        try:
            if d.name.isdigit() and marker.encode() in (d / "cmdline").read_bytes():
                pids.append(int(d.name))
        except OSError:  # gone meanwhile
            continue
    return pids


def _none_left(marker: str, within: float) -> bool:
    deadline = time.monotonic() + within
    while _with_marker(marker):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_sigterm_stops_the_run_as_ctrl_c_does(tmp_path: Path) -> None:
    proc, marker, out = _start(tmp_path)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM and "terminated; no output written" in err, err
    assert _none_left(marker, within=10)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]  # no OUT, no temporary file
    assert not out.exists()


def test_workers_do_not_outlive_a_killed_command(tmp_path: Path) -> None:
    proc, marker, _ = _start(tmp_path)
    workers = [p for p in _with_marker(marker) if p != proc.pid]
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert workers and _none_left(marker, within=10)


def test_a_worker_whose_parent_died_before_it_started_watching_exits() -> None:
    """The parent's pid is taken before the fork: a command killed between forking a worker and the
    worker's first look at its parent does not leave the worker waiting forever."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    code = (f"import time\nfrom namenorm.csvclean.lookup import _exit_with_parent\n"
            f"_exit_with_parent({gone.pid})\ntime.sleep(60)\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    start = time.monotonic()
    r = subprocess.run([sys.executable, "-c", code], env=env, timeout=50)
    assert r.returncode == 1 and time.monotonic() - start < 40
