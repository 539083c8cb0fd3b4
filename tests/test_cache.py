"""The on-disk index cache: what it refuses, what it rebuilds, who compiles, what it keeps."""

from __future__ import annotations

import fcntl
import logging
import os
import pickle
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from namenorm import Normalizer
from namenorm.cache import LOCK_FILE, cache_key
from namenorm.cache_entries import entries
from namenorm.index_store import CORE_FILE, LAZY_FILE

GAZ = """\
[t:zel] PER Volodymyr Zelenskyy
gender: m
country: UA
en: Volodymyr Zelenskyy
uk: Володимир Зеленський
ru: Владимир Зеленский

[t:kyiv] LOC Kyiv
country: UA
en: Kyiv | Kiev
uk: Київ
ru: Киев
"""
SRC = str(Path(__file__).resolve().parents[1] / "src")


@pytest.fixture
def gaz(tmp_path: Path) -> Path:
    path = tmp_path / "test.gaz"
    path.write_text(GAZ, encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NAMENORM_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _norm(gaz: Path) -> Normalizer:
    n = Normalizer(gazetteers=[gaz], include_bundled=False)
    n.index  # noqa: B018 (loads or compiles now)
    return n


def _entry(root: Path, gaz: Path) -> Path:
    return root / cache_key([gaz])


def _cache_versions(tmp_path: Path, n: int) -> list[str]:
    """Load ``n`` versions of the test gazetteer, one after another; their cache keys in that order."""
    keys = []
    for i in range(n):
        g = tmp_path / f"v{i}.gaz"
        g.write_text(GAZ + f"\n[t:{i}] LOC Town{i}\nen: Town{i}\n", encoding="utf-8")
        _norm(g)
        keys.append(cache_key([g]))
    return keys


def _env(root: Path) -> dict[str, str]:
    """The environment of a subprocess that imports this worktree's code and caches in ``root``."""
    return {**os.environ, "PYTHONPATH": SRC, "NAMENORM_CACHE_DIR": str(root)}


def _compiles(caplog: pytest.LogCaptureFixture) -> int:
    return sum("compiling the gazetteers" in r.getMessage() for r in caplog.records)


def _notices(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_stored_index_answers_like_a_fresh_one(gaz: Path, root: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, "namenorm")
    fresh = Normalizer(gazetteers=[gaz], include_bundled=False, use_cache=False)
    fresh.index  # noqa: B018 (compiles now)
    _norm(gaz)
    stored = _norm(gaz)
    assert _compiles(caplog) == 2  # the uncached one and the first cached one; the second loads
    assert "latin" not in stored.index.__dict__  # lazy tables not read yet
    for q in ("Kyiv", "Зеленского", "Kyyiv", "Selenskyj", "Kiew"):
        assert stored.normalize(q) == fresh.normalize(q), q
    assert stored.index == fresh.index
    assert _notices(caplog) == []


def test_permissions_are_0700_for_folders_and_0600_for_files(gaz: Path, root: Path) -> None:
    _norm(gaz)
    mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
    entry = _entry(root, gaz)
    assert (mode(root), mode(entry)) == (0o700, 0o700)
    assert {p.name: mode(p) for p in (entry / CORE_FILE, entry / LAZY_FILE, root / LOCK_FILE)} == {
        CORE_FILE: 0o600, LAZY_FILE: 0o600, LOCK_FILE: 0o600}


class _Planted:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.parametrize("name", [CORE_FILE, LAZY_FILE, "index.pickle"])
def test_a_planted_pickle_is_never_run(gaz: Path, root: Path, tmp_path: Path, name: str,
                                       caplog: pytest.LogCaptureFixture) -> None:
    marker = tmp_path / "ran"
    entry = _entry(root, gaz)
    entry.mkdir(parents=True)
    for part in (CORE_FILE, LAZY_FILE, "index.pickle", "index.pickle.extra"):
        fd = os.open(entry / part, os.O_WRONLY | os.O_CREAT, 0o600)
        with open(fd, "wb") as f:
            f.write(pickle.dumps(_Planted(str(marker))) if part == name else b"")
    n = _norm(gaz)
    assert n.normalize("Kyyiv") is not None and n.normalize("Kyyiv").id == "t:kyiv"  # type: ignore[union-attr]
    assert not marker.exists()
    assert len(_notices(caplog)) == 1 and "rebuilding" in _notices(caplog)[0]
    assert _norm(gaz).normalize("Kyiv") is not None and len(_notices(caplog)) == 1  # rebuilt for good


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset % len(data)] ^= 0x10
    path.write_bytes(data)


DAMAGE = {
    "flipped header bit": lambda p: _flip(p, 3),
    "flipped length bit": lambda p: _flip(p, 13),
    "flipped payload bit": lambda p: _flip(p, p.stat().st_size // 2),
    "flipped last bit": lambda p: _flip(p, -1),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
    "emptied": lambda p: p.write_bytes(b""),
    "deleted": lambda p: p.unlink(),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
@pytest.mark.parametrize("part", [CORE_FILE, LAZY_FILE])
def test_damage_before_a_run_means_a_rebuild_with_a_notice(gaz: Path, root: Path, part: str, damage: str,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    _norm(gaz)
    DAMAGE[damage](_entry(root, gaz) / part)
    caplog.set_level(logging.INFO, "namenorm")
    n = _norm(gaz)
    for q, want in (("Kyiv", "t:kyiv"), ("Kyyiv", "t:kyiv"), ("Зеленского", "t:zel")):
        m = n.normalize(q)
        assert m is not None and m.id == want
    assert len(_notices(caplog)) == 1 and "rebuilding it" in _notices(caplog)[0]
    assert _compiles(caplog) == 1
    caplog.clear()
    assert _norm(gaz).index.latin and _notices(caplog) == [] and _compiles(caplog) == 0  # stored again


@pytest.mark.parametrize("damage", ["flipped payload bit", "truncated", "deleted"])
def test_damage_to_the_lazy_part_after_the_core_was_read_is_rebuilt_at_first_use(
        gaz: Path, root: Path, damage: str, caplog: pytest.LogCaptureFixture) -> None:
    _norm(gaz)
    n = _norm(gaz)
    assert n.normalize("Kyiv") is not None and "latin" not in n.index.__dict__
    lazy = _entry(root, gaz) / LAZY_FILE
    if damage == "deleted":  # the loader holds the part open: a deleted file still reads
        lazy.unlink()
        assert n.normalize("Kyyiv") is not None and _notices(caplog) == []
        return
    DAMAGE[damage](lazy)
    m = n.normalize("Kyyiv")  # a romanisation: needs the lazy tables
    assert m is not None and m.id == "t:kyiv"
    assert len(_notices(caplog)) == 1 and LAZY_FILE in _notices(caplog)[0]


def test_a_part_writable_by_others_is_refused(gaz: Path, root: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    _norm(gaz)
    (_entry(root, gaz) / CORE_FILE).chmod(0o666)
    assert _norm(gaz).normalize("Kyiv") is not None
    assert "writable by others" in _notices(caplog)[0]
    assert stat.S_IMODE((_entry(root, gaz) / CORE_FILE).stat().st_mode) == 0o600  # replaced


def test_a_shared_cache_folder_is_used_through_a_private_subfolder(gaz: Path, root: Path) -> None:
    root.mkdir(mode=0o777)
    root.chmod(0o777)
    _norm(gaz)
    assert not _entry(root, gaz).exists()
    assert (root / f"user-{os.getuid()}" / cache_key([gaz]) / CORE_FILE).is_file()


def test_renamed_or_moved_gazetteers_keep_their_key_and_order_matters(gaz: Path, tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere" / "renamed.gaz"
    moved.parent.mkdir()
    moved.write_bytes(gaz.read_bytes())
    other = tmp_path / "other.gaz"
    other.write_text(GAZ.replace("Kiev", "Kiew"), encoding="utf-8")
    assert cache_key([gaz]) == cache_key([moved])
    assert cache_key([gaz, other]) != cache_key([other, gaz])
    assert cache_key([gaz]) != cache_key([other])


def test_a_held_lock_is_waited_for_then_compiled_without_the_cache(
        gaz: Path, root: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("NAMENORM_CACHE_LOCK_TIMEOUT", "0.3")
    root.mkdir(mode=0o700)
    with open(root / LOCK_FILE, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert _norm(gaz).normalize("Kyiv") is not None
    assert "NAMENORM_CACHE_LOCK_TIMEOUT" in _notices(caplog)[0]
    assert not _entry(root, gaz).exists()


def test_the_size_policy_keeps_the_most_recently_used(gaz: Path, root: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAMENORM_CACHE_KEEP", "2")
    versions = _cache_versions(tmp_path, 3)
    assert [e.key for e in entries(root)] == [versions[2], versions[1]]


STARTER = """\
import sys, time, logging
import namenorm.api
from namenorm import Normalizer
real = namenorm.api.build_index
def slow(*args, **kwargs):
    time.sleep(2)  # so that both processes start before the first one has stored its index
    return real(*args, **kwargs)
namenorm.api.build_index = slow
logging.basicConfig(level=logging.INFO, format="%(message)s")
print(Normalizer(gazetteers=[sys.argv[1]], include_bundled=False).normalize("Kyyiv").id)
"""


def test_processes_started_together_compile_once(gaz: Path, root: Path) -> None:
    env = _env(root)
    procs = [subprocess.Popen([sys.executable, "-c", STARTER, str(gaz)], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [out for out, _ in outs] == ["t:kyiv\n"] * 3
    logs = "".join(err for _, err in outs)
    assert logs.count("compiling the gazetteers") == 1, logs
    assert logs.count("waiting for another process") == 2, logs


def _cli(*args: str, root: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = _env(root)
    return subprocess.run([sys.executable, "-m", "namenorm.cli", *args], env=env, text=True,
                          capture_output=True, timeout=120, check=False, **kwargs)  # type: ignore[call-overload]


def test_the_cli_gives_a_one_line_notice_off_a_terminal(gaz: Path, root: Path) -> None:
    run = _cli("normalize", "Kyiv", "--no-header", "--no-bundled", "--gazetteer", str(gaz), root=root)
    assert run.returncode == 0 and run.stdout.startswith("Kyiv\tt:kyiv")
    assert run.stderr.count("\n") == 1 and "compiling the gazetteers" in run.stderr
    again = _cli("normalize", "Kyiv", "--no-header", "--no-bundled", "--gazetteer", str(gaz), root=root)
    assert again.stderr == ""


def test_progress_redraws_one_line_on_a_terminal(gaz: Path, tmp_path: Path) -> None:
    import pty
    script = textwrap.dedent(f"""
        import sys
        from namenorm.cli import main
        sys.exit(main(["normalize", "Kyiv", "--no-header", "--no-bundled", "--gazetteer", {str(gaz)!r}]))
    """)
    leader, follower = pty.openpty()
    env = _env(tmp_path / "c")
    proc = subprocess.run([sys.executable, "-c", script], env=env, stderr=follower, stdout=subprocess.PIPE,
                          timeout=120, check=False)
    os.close(follower)
    err = os.read(leader, 65536).decode()
    os.close(leader)
    assert proc.returncode == 0
    assert "compiling the gazetteers" in err and "\rnamenorm: compiled 2 of 2 entities (100%)" in err
    assert "index compiled in" in err


def test_cache_info_prune_and_clear(gaz: Path, root: Path, tmp_path: Path) -> None:
    keys = _cache_versions(tmp_path, 3)
    info = _cli("cache", "info", root=root)
    assert info.returncode == 0 and f"folder  {root}" in info.stdout
    assert all(k in info.stdout for k in keys) and "3 entries" in info.stdout
    pruned = _cli("cache", "prune", "--keep", "1", root=root)
    assert pruned.returncode == 0 and "removed 2 entries" in pruned.stdout
    assert [e.key for e in entries(root)] == [keys[2]]
    assert _cli("cache", "info", "--keep", "1", root=root).returncode == 2
    assert _cli("cache", "prune", "--keep", "-1", root=root).returncode == 2
    cleared = _cli("cache", "clear", root=root)
    assert cleared.returncode == 0 and "removed 1 entry" in cleared.stdout and entries(root) == []
    empty = _cli("cache", "info", root=tmp_path / "never")
    assert empty.returncode == 0 and "0 entries" in empty.stdout and not (tmp_path / "never").exists()


def test_the_notice_handler_is_installed_once_and_follows_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    from namenorm.cache import compile_progress
    from namenorm.compile_notice import show

    logger = logging.getLogger("namenorm")
    first, second = show(terminal=False), show(terminal=False)
    try:
        assert first not in logger.handlers and second in logger.handlers
        logging.getLogger("namenorm.cache").info("namenorm: compiling")
        compile_progress(1, 2)  # progress off a terminal: not shown
        assert capsys.readouterr().err == "namenorm: compiling\n"
    finally:
        logger.removeHandler(second)


def test_a_bad_keep_setting_is_named_and_nothing_is_stored(
        gaz: Path, root: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("NAMENORM_CACHE_KEEP", "three")
    assert _norm(gaz).normalize("Kyiv") is not None
    assert "NAMENORM_CACHE_KEEP='three' is not a whole number" in _notices(caplog)[0]
    assert entries(root) == [] and [p.name for p in root.iterdir()] == [LOCK_FILE]
    assert _cli("cache", "prune", root=root).returncode == 2
