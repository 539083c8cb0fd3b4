"""The entries of the index cache: listing them, and the size policy that prunes them.

An entry is a folder named by a 32-digit key; its last use is the folder's modification time (a
load touches it). :func:`prune` keeps the ``keep`` most recently used entries and removes the rest,
with any half-written ``.tmp-*`` folder left by a killed compile; it runs under the cache's lock.

>>> import os, tempfile
>>> root = Path(tempfile.mkdtemp())
>>> for i, key in enumerate(("a" * 32, "b" * 32, "c" * 32)):
...     (root / key).mkdir()
...     _ = (root / key / "index.core").write_bytes(b"x" * 10)
...     os.utime(root / key, (i, i))
>>> [e.key[0] for e in entries(root)]
['c', 'b', 'a']
>>> [e.key[0] for e in prune(root, keep=2)], [e.key[0] for e in entries(root)]
(['a'], ['c', 'b'])
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import NamedTuple

__all__ = ["Entry", "clear", "entries", "prune"]

_KEY = re.compile(r"[0-9a-f]{32}")


class Entry(NamedTuple):
    """One cached index: its folder, size in bytes and last use (seconds since the epoch)."""

    key: str
    path: Path
    size: int
    last_use: float


def entries(root: Path) -> list[Entry]:
    """The entries in ``root``, most recently used first."""
    out = []
    for p in root.iterdir() if root.is_dir() else ():
        if _KEY.fullmatch(p.name) and p.is_dir() and not p.is_symlink():
            size = sum(f.stat().st_size for f in p.iterdir() if f.is_file())
            out.append(Entry(p.name, p, size, p.stat().st_mtime))
    return sorted(out, key=lambda e: e.last_use, reverse=True)


def _leftovers(root: Path) -> list[Path]:
    return [p for p in root.iterdir() if p.name.startswith(".tmp-")] if root.is_dir() else []


def prune(root: Path, keep: int) -> list[Entry]:
    """Remove all but the ``keep`` most recently used entries (and leftovers); returns the removed.
    Call it under the cache's lock (see :func:`namenorm.cache.cached_index`)."""
    if keep < 0:
        raise ValueError(f"keep must be 0 or more, not {keep}")
    removed = entries(root)[keep:]
    for e in removed:
        shutil.rmtree(e.path, ignore_errors=True)
    for p in _leftovers(root):
        shutil.rmtree(p, ignore_errors=True)
    return removed


def clear(root: Path) -> list[Entry]:
    """Remove every entry; returns them."""
    return prune(root, 0)
