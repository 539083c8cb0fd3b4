"""Writing an output file so that nobody can hijack it and no special file is destroyed.

A regular target (or a new one) is written through a temporary file created beside it with
``O_CREAT | O_EXCL | O_NOFOLLOW``: the work is done on the open descriptor (``fchmod``, ``fsync``),
and the file is renamed over the target last, only once its name is checked to still be that very
file. A symlink planted under the temporary name is never followed, and a swapped temporary file
stops the run with an error instead of publishing someone else's file. The process umask is never
changed: the new file's mode is the one the kernel gives ``0o666`` (the umask, or a default ACL,
applied), or the existing target's mode.

A target that is not a regular file (a device such as ``/dev/null``, a FIFO, ``/dev/stdout``) is
written straight, never replaced.

Temporary files are named ``.OUT.<host>.<pid>.<random>.part``; those of runs that died on this
host (their pid is gone) and belong to this user are removed when the next run writes ``OUT``.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with open_atomic(d / "out.txt") as f:
...     _ = f.write(b"done\\n")
>>> (d / "out.txt").read_bytes(), sorted(p.name for p in d.iterdir())
(b'done\\n', ['out.txt'])
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from namenorm.csvclean.errors import CleanError

__all__ = ["is_special", "open_atomic", "remove_stale_parts"]

_HOST = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]
# test hook: called with the temporary path once the data is written, before the rename
_before_rename: Callable[[Path], None] | None = None


def is_special(target: Path) -> bool:
    """Whether ``target`` is written straight rather than replaced: it exists and is not a regular file
    (a device, a FIFO, a socket), or it is in (or links into) ``/dev`` or ``/proc``: ``/dev/stdout``
    redirected to a file.

    >>> is_special(Path("/dev/null")), is_special(Path("/tmp/no-such-file.csv"))
    (True, False)
    """
    try:
        st = os.stat(target)
    except OSError:
        return False
    system = ("/dev/", "/proc/")
    return (not stat.S_ISREG(st.st_mode) or os.path.abspath(target).startswith(system)
            or os.path.realpath(target).startswith(system))


def _part_prefix(target: Path) -> str:
    return f".{target.name}.{_HOST}."


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    return True


def remove_stale_parts(target: Path) -> list[Path]:
    """Remove the temporary files that dead runs on this host left for ``target``; returns them.

    Only this user's regular files whose pid no longer runs are removed (never a symlink, never a
    live run's file, never one written from another host)."""
    prefix, removed = _part_prefix(target), []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".part")):
            continue
        pid = name[len(prefix):].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid() or _pid_alive(int(pid)):
            continue
        path = target.parent / name
        with contextlib.suppress(OSError):
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode) and st.st_uid == os.geteuid():
                path.unlink()
                removed.append(path)
    return removed


def _create_part(target: Path) -> tuple[int, Path]:
    """A new, empty temporary file beside ``target`` (never an existing file, never through a link)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = target.parent / f"{_part_prefix(target)}{os.getpid()}.{secrets.token_hex(4)}.part"
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise CleanError(f"cannot create a temporary file beside {target}; remove the .{target.name}.*.part "
                     f"files in {target.parent}")


def _same_file(path: Path, st: os.stat_result) -> bool:
    try:
        now = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(now.st_mode) and (now.st_dev, now.st_ino) == (st.st_dev, st.st_ino)


@contextlib.contextmanager
def open_atomic(target: Path, *, mode_from: Path | None = None) -> Iterator[BinaryIO]:
    """A binary file for ``target``: replaced only if the block ends normally (see the module doc).

    The new file gets ``mode_from``'s permission bits when given, else the existing regular target's,
    else the default for a new file. A non-regular target is opened and written straight."""
    if is_special(target):
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "wb") as f:
            yield f
        return
    remove_stale_parts(target)
    fd, tmp = _create_part(target)
    created = os.fstat(fd)
    try:
        with os.fdopen(fd, "wb", closefd=False) as f:  # the block may close it: the descriptor stays
            yield f
        _settle(fd, target, mode_from)
        if _before_rename is not None:
            _before_rename(tmp)
        if not _same_file(tmp, created):
            raise CleanError(f"the temporary file {tmp} was replaced by someone else during the run; "
                             f"{target} was not written. Write to a folder that only you can change")
        os.replace(tmp, target)
        if not _same_file(target, created):  # swapped between the check and the rename
            raise CleanError(f"{target} was replaced by someone else as it was written; check it, and "
                             f"write to a folder that only you can change")
    finally:
        os.close(fd)
        if _same_file(tmp, created):  # never remove what someone else put under the name
            with contextlib.suppress(OSError):
                tmp.unlink()


def _settle(fd: int, target: Path, mode_from: Path | None) -> None:
    """Give the open file its final mode and put its data on disk."""
    source = mode_from if mode_from is not None else target
    try:
        st = os.stat(source)
        if stat.S_ISREG(st.st_mode):
            os.fchmod(fd, stat.S_IMODE(st.st_mode))
    except FileNotFoundError:
        pass  # a new file: the mode the kernel gave it
    try:
        os.fsync(fd)
    except OSError as e:
        if e.errno not in (errno.EINVAL, errno.EROFS):  # file systems that cannot sync
            raise
