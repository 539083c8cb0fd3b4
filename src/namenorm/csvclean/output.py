"""Where cleaned rows go: stdout, or a temporary file beside OUT renamed over it only when complete
(see :mod:`~namenorm.csvclean.safefile`); a device or a FIFO given as OUT is written straight.

An interrupted run (an error, Ctrl-C, a crash) leaves no half-written OUT, and the input is never
overwritten unless asked (``--in-place``).  ``OUT.gz`` is gzip-compressed.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import io
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from namenorm.csvclean.errors import CleanError
from namenorm.csvclean.safefile import is_special, open_atomic

__all__ = ["check_target", "open_output"]


def check_target(target: Path, input_path: Path | None, in_place: bool, *, option: str = "-o") -> None:
    """Refuse an OUT (or the file of another ``option``) that is the input (unless ``in_place``), a
    folder, or in a folder that is missing or cannot be written."""
    same = input_path is not None and target.exists() and target.resolve() == input_path.resolve()
    if same and not in_place:
        hint = ", or add --in-place to replace it" if option == "-o" else ""
        raise CleanError(f"{option} {target} is the input file; write elsewhere{hint}")
    if target.is_dir():
        raise CleanError(f"{option} {target} is a folder; give a file name")
    if is_special(target):  # a device or a FIFO: written straight, nothing is created beside it
        return
    if not target.parent.is_dir():
        raise CleanError(f"{option} {target}: folder {target.parent} does not exist")
    try:  # the file is written in that folder first, then renamed: see that it can be
        tempfile.TemporaryFile(dir=target.parent).close()
    except OSError as e:
        raise CleanError(f"{option} {target}: cannot write in folder {target.parent} ({e.strerror}); "
                         f"write elsewhere") from None


_NO_ROOM = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})  # a full disk, a size limit, a quota


@contextlib.contextmanager
def _room_checked(where: str, *, partial: bool) -> Iterator[None]:
    """Turn a write that found no room (disk full, file size limit, quota) into a :class:`CleanError`."""
    try:
        yield
    except OSError as e:
        if e.errno not in _NO_ROOM:
            raise
        left = "the output stops part-way" if partial else "nothing was written"
        raise CleanError(f"cannot write {where}: {e.strerror}; {left}. Free some space, or write "
                         f"elsewhere with -o") from None


@contextlib.contextmanager
def open_output(path: str | Path | None, *, encoding: str, input_path: Path | None = None,
                in_place: bool = False) -> Iterator[TextIO]:
    """A text stream for the cleaned rows (``newline=""``): stdout when ``path`` is None or ``-``."""
    if path is None or str(path) == "-":
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a replaced stdout without bytes underneath (some test runners)
            yield sys.stdout
            return
        sys.stdout.flush()
        out = io.TextIOWrapper(buffer, encoding=encoding, newline="")
        with _room_checked("to stdout", partial=True):
            try:
                yield out
            finally:
                out.flush()
                out.detach()
        return
    target = Path(path)
    check_target(target, input_path, in_place)
    with (_room_checked(str(target), partial=False),  # outermost: also a write failing on close
          open_atomic(target, mode_from=input_path if in_place else None) as fh):
        raw: BinaryIO = fh
        if target.name.lower().endswith(".gz"):
            raw = gzip.GzipFile(fileobj=fh, mode="wb", filename="")  # type: ignore[assignment]
        out = io.TextIOWrapper(raw, encoding=encoding, newline="")
        try:
            yield out
        finally:
            out.close()
