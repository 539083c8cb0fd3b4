"""The on-disk cache of compiled indexes, keyed by the gazetteers' content and the library's code.

Where: ``NAMENORM_CACHE_DIR``, else ``$XDG_CACHE_HOME/namenorm`` or ``~/.cache/namenorm``, created
0700. A folder that is not the user's own or that others can write is not used as is: the index is
then kept in its subfolder ``user-UID`` (itself checked the same way) or not cached at all.

What: one entry per gazetteer set, a folder named by :func:`cache_key` (a hash of the code that
builds indexes and of the gazetteers' content in load order, not of their names or paths) holding
the index as data (see :mod:`namenorm.index_store`: no code runs on load, every part is checked).
Files are created 0600. A missing, damaged, foreign or group-writable part is never trusted: it is
rebuilt, with a one-line notice on the ``namenorm`` logger.

When: one process compiles at a time under the lock file ``.lock`` in the cache folder; the others
wait for it (``NAMENORM_CACHE_LOCK_TIMEOUT`` seconds, 600 by default, then compile without the
cache) and load its result.

How much: each entry takes about 40 MB. After storing one, only the ``NAMENORM_CACHE_KEEP`` (default
3) most recently used entries are kept. ``namenorm cache info|clear|prune`` shows and manages them.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from namenorm import index_store
from namenorm.cache_entries import prune
from namenorm.index import Index

__all__ = ["cache_dir", "cache_key", "cached_index", "compile_lock", "compile_progress", "keep_limit",
           "private_root"]

log = logging.getLogger(__name__)
_FORMAT = f"index-v3-store-{index_store.FORMAT_VERSION}"
LOCK_FILE = ".lock"


def cache_dir() -> Path:
    """Where compiled indexes are stored (before the ownership checks of :func:`private_root`)."""
    env = os.environ.get("NAMENORM_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "namenorm"


def keep_limit() -> int:
    """How many entries pruning keeps: ``NAMENORM_CACHE_KEEP`` (default 3, at least 1)."""
    raw = os.environ.get("NAMENORM_CACHE_KEEP", "3")
    try:
        return max(1, int(raw))
    except ValueError:
        raise ValueError(f"NAMENORM_CACHE_KEEP={raw!r} is not a whole number; set it to e.g. 3") from None


def _lock_timeout() -> float:
    raw = os.environ.get("NAMENORM_CACHE_LOCK_TIMEOUT", "600")
    try:
        return float(raw)
    except ValueError:
        raise ValueError(f"NAMENORM_CACHE_LOCK_TIMEOUT={raw!r} is not a number of seconds") from None


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """A hash of the package's code and tables (every .py, .tsv, .txt and .json file in it): the
    index holds what the lookup code measured when it was built (the chance table runs the whole
    cascade), so an index built by any other code is not reused. A list of the files that "matter"
    went stale each time a module was split; the whole package cannot."""
    h = hashlib.sha256(_FORMAT.encode())
    root = Path(__file__).resolve().parent
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".json") and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def cache_key(paths: list[Path], extra: str = "") -> str:
    """A key over the code fingerprint, ``extra`` and the content of every path, in order; a file's
    name or folder plays no part.

    >>> import tempfile
    >>> a, b = (Path(tempfile.mkdtemp()) / name for name in ("a.gaz", "b.gaz"))
    >>> _ = a.write_text("x"), b.write_text("x")
    >>> cache_key([a]) == cache_key([b]) != cache_key([a, b])
    True
    """
    h = hashlib.sha256(_code_fingerprint().encode() + extra.encode())
    for p in paths:
        h.update(hashlib.sha256(p.read_bytes()).digest())  # fixed length: no two lists hash alike
    return h.hexdigest()[:32]


def _is_private(st: os.stat_result) -> bool:
    return stat.S_ISDIR(st.st_mode) and not index_store.sharing_problem(st)


def private_root(create: bool = True) -> Path | None:
    """The cache folder to use: :func:`cache_dir` if it is the user's own and no one else can write
    it, else its subfolder ``user-UID`` if that is; None (with a notice) when neither is."""
    root = cache_dir()
    try:
        if create:
            root.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _is_private(root.stat()):
            return root
        sub = root / f"user-{getattr(os, 'getuid', lambda: 0)()}"
        with contextlib.suppress(FileExistsError):
            if create:
                sub.mkdir(mode=0o700)
        if _is_private(sub.lstat()):
            return sub
        problem = f"{sub} is not a folder of yours that only you can write"
    except FileNotFoundError:
        if not create:
            return None  # nothing cached yet
        problem = f"{root} cannot be created"
    except OSError as e:
        problem = f"{e.filename}: {e.strerror}"
    log.warning("namenorm: not caching the compiled index (%s); set NAMENORM_CACHE_DIR to a folder "
                "that only you can write", problem)
    return None


@contextlib.contextmanager
def compile_lock(root: Path) -> Iterator[bool]:
    """Hold the cache's lock file; yields False (with a notice) when the wait timed out."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; concurrent starters may each compile
        yield True
        return
    try:
        fd = os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError as e:
        log.warning("namenorm: cannot open the lock file %s (%s); compiling without the cache",
                    root / LOCK_FILE, e.strerror)
        yield False
        return
    try:
        timeout = _lock_timeout()
        deadline, waiting = time.monotonic() + timeout, False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
            if time.monotonic() > deadline:
                log.warning("namenorm: another process has held %s for %.0f s; compiling without the "
                            "cache (raise NAMENORM_CACHE_LOCK_TIMEOUT to wait longer)",
                            root / LOCK_FILE, timeout)
                yield False
                return
            if not waiting:
                log.info("namenorm: waiting for another process that is compiling the index")
                waiting = True
            time.sleep(0.1)
        yield True
    finally:
        os.close(fd)  # releases the lock


def compile_progress(done: int, total: int) -> None:
    """Log compile progress (DEBUG records with a ``progress`` attribute: ``(done, total)``)."""
    log.debug("namenorm: compiled %d of %d entities", done, total, extra={"progress": (done, total)})


def _compile(build: Callable[[], Index]) -> Index:
    log.info("namenorm: compiling the gazetteers into an index (once per gazetteer version; under a minute "
             "for the bundled ones)")
    start = time.perf_counter()
    ix = build()
    log.info("namenorm: index compiled in %.1f s", time.perf_counter() - start, extra={"compile_end": True})
    return ix


def _warn_unusable(folder: Path, error: index_store.StoreError) -> None:
    log.warning("namenorm: the cached index in %s is not usable (%s); rebuilding it", folder, error)


def _try_load(folder: Path, rebuild: Callable[[index_store.StoreError], dict[str, object]],
              *, quiet: bool) -> Index | None:
    if not folder.exists():
        return None
    try:
        ix = index_store.load(folder, rebuild)
    except index_store.StoreError as e:
        if not quiet:
            _warn_unusable(folder, e)
        return None
    with contextlib.suppress(OSError):
        os.utime(folder)  # last use, for pruning
    return ix


def _store(ix: Index, root: Path, key: str) -> None:
    keep = keep_limit()  # a bad setting stops before anything is written
    tmp = Path(tempfile.mkdtemp(dir=root, prefix=".tmp-"))  # 0700
    try:
        index_store.dump(ix, tmp)
        folder = root / key
        if folder.exists():  # a damaged entry: replaced as a whole
            old = Path(tempfile.mkdtemp(dir=root, prefix=".tmp-"))
            folder.rename(old / key)
            shutil.rmtree(old, ignore_errors=True)
        tmp.rename(folder)  # atomic: readers see a whole entry or none
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    prune(root, keep)


def cached_index(key: str, build: Callable[[], Index], *, enabled: bool = True) -> Index:
    """Load the index stored under ``key``, or build it and store it (atomically, one process at a
    time). A part found damaged, now or when its lazy tables are first read, is rebuilt."""
    root = private_root() if enabled else None
    if root is None:
        return _compile(build)
    folder = root / key

    def rebuild(error: index_store.StoreError) -> dict[str, object]:
        _warn_unusable(folder, error)
        fresh = _build_and_store(root, key, build)
        return {name: getattr(fresh, name) for name in fresh.__dataclass_fields__}

    ix = _try_load(folder, rebuild, quiet=False)
    return ix if ix is not None else _build_and_store(root, key, build, rebuild=rebuild)


def _build_and_store(root: Path, key: str, build: Callable[[], Index], *,
                     rebuild: Callable[[index_store.StoreError], dict[str, object]] | None = None) -> Index:
    with compile_lock(root) as held:
        if held and rebuild is not None:  # another process may have stored it while we waited
            ix = _try_load(root / key, rebuild, quiet=True)
            if ix is not None:
                return ix
        ix = _compile(build)
        if held:
            try:
                _store(ix, root, key)
            except OSError as e:
                log.warning("namenorm: cannot store the index in %s (%s); set NAMENORM_CACHE_DIR to a "
                            "writable folder", root, e)
            except (TypeError, ValueError) as e:  # a table type the store lacks, a bad setting
                log.warning("namenorm: cannot store the index in %s (%s)", root, e)
    return ix
