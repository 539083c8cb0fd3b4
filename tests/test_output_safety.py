"""Output files of ``clean`` (``-o``, ``--report``, ``clean_csv``) cannot be hijacked and never destroy
a special file: devices and FIFOs are written straight, a swapped temporary file stops the run, the
umask is never touched, and the temporary files of dead runs are removed."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from namenorm.csvclean import CleanError, clean_csv, safefile
from namenorm.csvclean.safefile import open_atomic, remove_stale_parts

GAZ = "[Q1899] LOC Kyiv\nen: Kyiv | Kiev\nuk: Київ\n"
EXPECTED = "city,city_id,city_name,n\nKiev,Q1899,Kyiv,1\nAtlantis,,,2\n"


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "c.gaz").write_text(GAZ, encoding="utf-8")
    (tmp_path / "in.csv").write_text("city,n\nKiev,1\nAtlantis,2\n", encoding="utf-8")
    return tmp_path


def _clean(d: Path, out: Path | str, **kw: object) -> None:
    clean_csv(d / "in.csv", out, columns=["city"], gazetteers=[d / "c.gaz"], include_bundled=False,
              fields="id,name", **kw)  # type: ignore[arg-type]


def test_a_fifo_is_written_straight_and_stays_a_fifo(files: Path) -> None:
    fifo = files / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    _clean(files, fifo)
    reader.join(timeout=30)
    assert got == [EXPECTED.encode()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in files.iterdir() if p.name.endswith(".part")] == []


def test_a_character_device_is_written_straight_and_stays_a_device(files: Path) -> None:
    dev = files / "null"
    try:
        os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the numbers of /dev/null
    except (PermissionError, OSError) as e:
        pytest.skip(f"cannot make a device here: {e}")
    _clean(files, dev, report=files / "r.csv")
    _clean(files, files / "out.csv", report=dev)
    st = os.lstat(dev)
    assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)
    assert (files / "out.csv").read_text(encoding="utf-8") == EXPECTED


def test_a_swapped_temporary_file_fails_safely(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = files / "secret"
    secret.write_text("root only\n")
    os.chmod(secret, 0o600)
    swapped: list[Path] = []

    def swap(tmp: Path) -> None:  # what another user does in a writable folder, between write and rename
        tmp.rename(files / "ours.moved")
        tmp.symlink_to(secret)
        swapped.append(tmp)

    monkeypatch.setattr(safefile, "_before_rename", swap)
    with pytest.raises(CleanError, match="replaced by someone else"):
        _clean(files, files / "out.csv")
    assert swapped
    assert not (files / "out.csv").exists() and not (files / "out.csv").is_symlink()
    assert secret.read_text() == "root only\n" and stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert swapped[0].is_symlink()  # someone else's entry is left alone, not followed


def test_a_symlink_under_a_temporary_name_is_never_followed(files: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    secret = files / "secret"
    secret.write_text("keep\n")
    names = iter(["aaaa", "bbbb"])
    monkeypatch.setattr(safefile.secrets, "token_hex", lambda n: next(names))
    planted = files / f".out.csv.{safefile._HOST}.{os.getpid()}.aaaa.part"
    planted.symlink_to(secret)
    _clean(files, files / "out.csv")
    assert secret.read_text() == "keep\n" and planted.is_symlink()
    assert (files / "out.csv").read_text(encoding="utf-8") == EXPECTED


def test_the_umask_is_never_changed_and_modes_are_right(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = os.umask(0o027)
    try:
        def forbidden(mask: int) -> int:
            raise AssertionError("os.umask was called")

        monkeypatch.setattr(os, "umask", forbidden)
        errors: list[BaseException] = []

        def run(i: int) -> None:
            try:
                _clean(files, files / f"out{i}.csv", report=files / f"r{i}.csv")
            except BaseException as e:  # reported below
                errors.append(e)

        threads = [threading.Thread(target=run, args=(i,)) for i in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        for i in range(12):
            assert stat.S_IMODE((files / f"out{i}.csv").stat().st_mode) == 0o640
            assert stat.S_IMODE((files / f"r{i}.csv").stat().st_mode) == 0o640
    finally:
        monkeypatch.undo()
        os.umask(old)


def test_an_existing_target_keeps_its_mode(files: Path) -> None:
    out = files / "out.csv"
    out.write_text("old\n")
    os.chmod(out, 0o600)
    _clean(files, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.read_text(encoding="utf-8") == EXPECTED


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_stale_parts_of_dead_runs_are_removed(files: Path) -> None:
    target = files / "out.csv"
    prefix = f".out.csv.{safefile._HOST}."
    dead = files / f"{prefix}{_dead_pid()}.dead.part"
    dead.write_bytes(b"x" * 1000)
    alive = files / f"{prefix}{os.getppid()}.live.part"  # a run that still goes on
    alive.write_bytes(b"y")
    other_host = files / f".out.csv.00000000.{_dead_pid()}.away.part"
    other_host.write_bytes(b"z")
    link = files / f"{prefix}{_dead_pid()}.link.part"
    link.symlink_to(files / "in.csv")
    _clean(files, target)
    assert not dead.exists()
    assert alive.exists() and other_host.exists() and link.is_symlink()
    assert remove_stale_parts(target) == []


def test_a_failed_block_leaves_nothing(files: Path) -> None:
    with pytest.raises(RuntimeError), open_atomic(files / "x.csv") as f:
        f.write(b"half")
        raise RuntimeError("stop")
    assert sorted(p.name for p in files.iterdir()) == ["c.gaz", "in.csv"]


def test_cli_to_a_device_exits_0_and_keeps_it(files: Path) -> None:
    dev = files / "null"
    try:
        os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as e:
        pytest.skip(f"cannot make a device here: {e}")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    r = subprocess.run([sys.executable, "-m", "namenorm.cli", "clean", str(files / "in.csv"), "-c", "city",
                        "--no-bundled", "--gazetteer", str(files / "c.gaz"), "-o", str(dev), "-q"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISCHR(os.lstat(dev).st_mode)


SLOW = str(Path(__file__).with_name("slow_clean.py"))  # the resolver sleeps on every batch


def test_the_part_file_of_a_killed_run_is_removed_by_the_next_run(files: Path) -> None:
    import signal
    import time

    src = files / "big.csv"
    src.write_text("n,city\n" + "".join(f"{i},place {i}\n" for i in range(20_000)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, SLOW, "slow", "clean", str(src), "-c", "city", "-o",
                             str(files / "out.csv"), "--chunk-size", "200", "-q"], env=env)
    deadline = time.monotonic() + 60
    while not list(files.glob(".out.csv.*.part")):
        assert proc.poll() is None and time.monotonic() < deadline, "the run made no temporary file"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    left = list(files.glob(".out.csv.*.part"))
    assert len(left) == 1 and f".{proc.pid}." in left[0].name
    _clean(files, files / "out.csv")
    assert list(files.glob(".out.csv.*.part")) == []
    assert (files / "out.csv").read_text(encoding="utf-8") == EXPECTED
