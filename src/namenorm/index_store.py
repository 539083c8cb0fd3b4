"""An :class:`~namenorm.index.Index` on disk as plain data: loading one runs no code from the file.

The tables are split in two parts, each a file of its own: the core tables, read when the index is
loaded, and the :data:`~namenorm.index.LAZY_TABLES`, read on first use; every dataclass field of
the index goes to one of them, encoded by :mod:`namenorm.index_codec`. A part starts with a header
(magic, format version, payload length, CRC-32 of the payload); a wrong header, length or checksum,
or a file that is not the user's own regular file or that others can write, raises
:class:`StoreError`. Files are created 0600, never over an existing file.

>>> import tempfile
>>> from pathlib import Path
>>> from namenorm.index import Index
>>> folder = Path(tempfile.mkdtemp())
>>> dump(Index(exact={"kyiv": 0, "kiev": (0, 1)}, alias_text=["Kyiv", "Kiev"]), folder)
>>> ix = load(folder, on_damaged=lambda error: {})
>>> ix.exact, ix.alias_text
({'kyiv': 0, 'kiev': (0, 1)}, ['Kyiv', 'Kiev'])
"""

from __future__ import annotations

import dataclasses
import os
import stat
import struct
import sys
import weakref
import zlib
from collections.abc import Callable
from pathlib import Path

from namenorm.index import LAZY_TABLES, Index
from namenorm.index_codec import StoreError, decode_tables, encode_tables

__all__ = ["CORE_FILE", "LAZY_FILE", "StoreError", "dump", "encode_part", "load", "open_checked", "read_part",
           "sharing_problem", "write_part"]

CORE_FILE, LAZY_FILE = "index.core", "index.lazy"
FORMAT_VERSION = 1
_MAGIC = b"NNINDEX" + (b"L" if sys.byteorder == "little" else b"B")  # arrays are stored as in memory
_HEAD = struct.Struct("<8sIQI")  # magic, format version, payload length, CRC-32 of the payload


# -- parts: a header, then the payload ---------------------------------------------------------------
def encode_part(tables: dict[str, object]) -> bytes:
    """The bytes of a part holding ``tables``: the header, then :func:`encode_tables`' payload."""
    payload = encode_tables(tables)
    return _HEAD.pack(_MAGIC, FORMAT_VERSION, len(payload), zlib.crc32(payload)) + payload


def write_part(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file at ``path``, created 0600 (an existing file is an error)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with open(fd, "wb") as f:
        f.write(data)


def sharing_problem(st: os.stat_result) -> str:
    """Why a file or folder with status ``st`` is not safely the user's own ("" when it is): owned by
    someone else, or writable by others."""
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return f"owned by uid {st.st_uid}"
    return "writable by others" if st.st_mode & 0o022 else ""


def open_checked(path: Path) -> int:
    """A read-only descriptor of ``path``, refused unless it is the user's own regular file that no
    one else can write (as ssh checks its keys)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as e:
        raise StoreError(f"cannot open {path.name} ({e.strerror})") from None
    st = os.fstat(fd)
    problem = "not a regular file" if not stat.S_ISREG(st.st_mode) else sharing_problem(st)
    if problem:
        os.close(fd)
        raise StoreError(f"{path.name} is {problem}")
    return fd


def read_part(fd: int) -> dict[str, object]:
    """Decode the part open at ``fd`` (read from its start; the descriptor stays open)."""
    data = os.pread(fd, os.fstat(fd).st_size, 0)
    if len(data) < _HEAD.size:
        raise StoreError("truncated header")
    magic, version, length, crc = _HEAD.unpack_from(data)
    if magic != _MAGIC or version != FORMAT_VERSION:
        raise StoreError(f"not an index part of format {FORMAT_VERSION}")
    payload = memoryview(data)[_HEAD.size :]
    if len(payload) != length:
        raise StoreError(f"{len(payload)} bytes instead of {length}")
    if zlib.crc32(payload) != crc:
        raise StoreError("checksum mismatch")
    return decode_tables(payload)


# -- an index: the core part now, the lazy part on first use -----------------------------------------
def dump(ix: Index, folder: Path) -> None:
    """Write ``ix`` into ``folder`` as :data:`CORE_FILE` and :data:`LAZY_FILE`."""
    names = [f.name for f in dataclasses.fields(Index)]
    lazy = encode_part({n: getattr(ix, n) for n in names if n in LAZY_TABLES})
    core = encode_part({n: getattr(ix, n) for n in names if n not in LAZY_TABLES})
    write_part(folder / LAZY_FILE, lazy)
    write_part(folder / CORE_FILE, core)


def load(folder: Path, on_damaged: Callable[[StoreError], dict[str, object]]) -> Index:
    """Read the core part of the index in ``folder``; the lazy part is read on first use, and if it
    is damaged then, ``on_damaged(error)`` gives the tables instead. Raises :class:`StoreError`."""
    core_fd = open_checked(folder / CORE_FILE)
    try:
        lazy_fd = open_checked(folder / LAZY_FILE)  # held open: a later replaced entry is no matter
        try:
            tables = read_part(core_fd)
        except StoreError:
            os.close(lazy_fd)
            raise
    finally:
        os.close(core_fd)
    missing = {f.name for f in dataclasses.fields(Index)} - set(LAZY_TABLES) - set(tables)
    if missing:
        os.close(lazy_fd)
        raise StoreError(f"no table {sorted(missing)[0]} in {CORE_FILE}")

    fds = [lazy_fd]

    def read_lazy() -> dict[str, object]:
        try:
            if not fds:
                raise StoreError("read already")
            fd = fds.pop()
            try:
                lazy = read_part(fd)
            finally:
                os.close(fd)
            absent = set(LAZY_TABLES) - set(lazy)
            if absent:
                raise StoreError(f"no table {sorted(absent)[0]}")
        except (StoreError, OSError) as e:
            return on_damaged(StoreError(f"{LAZY_FILE}: {e}"))
        return lazy

    ix = Index.__new__(Index)
    ix.__dict__.update(tables)
    ix.__dict__["_load_lazy"] = read_lazy
    weakref.finalize(ix, _close_all, fds)  # an index dropped before its first lazy read
    return ix


def _close_all(fds: list[int]) -> None:
    while fds:
        os.close(fds.pop())
