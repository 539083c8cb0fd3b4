"""The on-disk cache of compiled indexes, keyed by the gazetteers' content and the library's code.

Set ``NAMENORM_CACHE_DIR`` to move it; the default is ``$XDG_CACHE_HOME/namenorm`` or
``~/.cache/namenorm``. A stale or unreadable cache entry is rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import warnings
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from namenorm.index import Index

__all__ = ["cache_dir", "cache_key", "cached_index"]

_FORMAT = "index-v2"


def cache_dir() -> Path:
    """Where compiled indexes are stored."""
    env = os.environ.get("NAMENORM_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "namenorm"


# the code that decides what an index holds; a change anywhere else never invalidates the cache
_INDEX_CODE = ("index.py", "fuzzy.py", "keys.py", "text.py", "scripts.py", "chars.py", "gazetteer", "morph",
               "translit")


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """A hash of the code and tables that build indexes: an index built by other code is not reused."""
    h = hashlib.sha256(_FORMAT.encode())
    root = Path(__file__).resolve().parent
    files = [p for name in _INDEX_CODE for p in ([root / name] if name.endswith(".py") else
                                                  sorted((root / name).rglob("*")))]
    for p in files:
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


def cached_index(key: str, build: Callable[[], Index], *, enabled: bool = True) -> Index:
    """Load the index stored under ``key``, or build it and store it (atomically)."""
    folder = cache_dir() / key
    if enabled and (folder / "index.pickle").is_file():
        try:
            return Index.load(folder / "index.pickle")
        except Exception:  # a truncated or foreign entry: rebuild it
            shutil.rmtree(folder, ignore_errors=True)
    ix = build()
    if enabled:
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
            ix.dump(tmp / "index.pickle")
            try:
                tmp.rename(folder)  # atomic: readers see a whole entry or none
            except OSError:  # another process stored it first
                shutil.rmtree(tmp, ignore_errors=True)
        except OSError as e:
            warnings.warn(f"namenorm: cannot write the index cache in {folder.parent} ({e}); "
                          "set NAMENORM_CACHE_DIR to a writable folder", stacklevel=2)
    return ix
