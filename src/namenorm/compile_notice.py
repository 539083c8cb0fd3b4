"""What the command line shows on stderr while an index compiles: a progress line on a terminal, a
one-line notice otherwise; the cache's warnings always.

The library logs through the ``namenorm`` logger (see :mod:`namenorm.cache`); :func:`show` adds a
handler that writes these records to a stream.

>>> import io, logging
>>> out = io.StringIO()
>>> handler = show(out, terminal=False)
>>> from namenorm.cache import compile_progress
>>> logging.getLogger("namenorm.cache").info("namenorm: compiling")
>>> compile_progress(1000, 4000)
>>> out.getvalue()
'namenorm: compiling\\n'
>>> logging.getLogger("namenorm").removeHandler(handler)
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

__all__ = ["show"]


class _Notice(logging.Handler):
    def __init__(self, stream: TextIO | None, terminal: bool) -> None:
        super().__init__(logging.DEBUG if terminal else logging.INFO)
        self.out, self.terminal, self.open_line = stream, terminal, False

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "compile_end", False) and not self.terminal:
            return  # off a terminal the start notice is the one line
        stream = self.out if self.out is not None else sys.stderr  # the stderr of the moment
        progress = getattr(record, "progress", None)
        if progress is not None:  # DEBUG: reaches here on a terminal only
            done, total = progress
            stream.write(f"\r{record.getMessage()} ({done / max(total, 1):.0%})")
            self.open_line = True
        else:
            stream.write(("\n" if self.open_line else "") + record.getMessage() + "\n")
            self.open_line = False
        stream.flush()


def show(stream: TextIO | None = None, *, terminal: bool | None = None) -> logging.Handler:
    """Write the ``namenorm`` logger's notices to ``stream`` (default: stderr at the time of each
    notice); progress redraws one line when ``terminal`` (default: whether the stream is a
    terminal). Replaces the handler of an earlier call; returns the new one."""
    tty = (stream if stream is not None else sys.stderr).isatty() if terminal is None else terminal
    logger = logging.getLogger("namenorm")
    for old in [h for h in logger.handlers if isinstance(h, _Notice)]:
        logger.removeHandler(old)
    handler = _Notice(stream, tty)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if tty else logging.INFO)
    return handler
