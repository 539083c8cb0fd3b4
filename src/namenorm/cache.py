"""The on-disk cache of compiled indexes, keyed by the gazetteers' content and the library's code.

Set ``NAMENORM_CACHE_DIR`` to move it; the default is ``$XDG_CACHE_HOME/namenorm`` or
``~/.cache/namenorm``. A stale or unreadable cache entry is rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import warnings
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "cache_key", "cached"]

T = TypeVar("T")
_FORMAT = "index-v1"


def cache_dir() -> Path:
    """Where compiled indexes are stored."""
    env = os.environ.get("NAMENORM_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "namenorm"


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """A hash of namenorm's own code and tables: an index built by other code is not reused."""
    h = hashlib.sha256(_FORMAT.encode())
    root = Path(__file__).resolve().parent
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".json") and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def cache_key(paths: list[Path], extra: str = "") -> str:
    """A key over the code fingerprint, ``extra`` and the content of every path, in order."""
    h = hashlib.sha256(_code_fingerprint().encode() + extra.encode())
    for p in paths:
        h.update(p.name.encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:32]


def cached(key: str, build: Callable[[], T], *, enabled: bool = True) -> T:
    """Load the object stored under ``key``, or build it and store it (atomically)."""
    path = cache_dir() / f"{key}.pickle"
    if enabled and path.is_file():
        try:
            with path.open("rb") as f:
                obj: T = pickle.load(f)
            return obj
        except Exception:  # a truncated or foreign file: rebuild it
            path.unlink(missing_ok=True)
    obj = build()
    if enabled:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError as e:
            warnings.warn(f"namenorm: cannot write the index cache in {path.parent} ({e}); "
                          "set NAMENORM_CACHE_DIR to a writable folder", stacklevel=2)
    return obj
