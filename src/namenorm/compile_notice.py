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
    def __init__(self, stream: TextIO, terminal: bool) -> None:
        super().__init__(logging.DEBUG if terminal else logging.INFO)
        self.stream, self.terminal, self.open_line = stream, terminal, False

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "compile_end", False) and not self.terminal:
            return  # off a terminal the start notice is the one line
        progress = getattr(record, "progress", None)
        if progress is not None:  # DEBUG: reaches here on a terminal only
            done, total = progress
            self.stream.write(f"\r{record.getMessage()} ({done / max(total, 1):.0%})")
            self.open_line = True
        else:
            self.stream.write(("\n" if self.open_line else "") + record.getMessage() + "\n")
            self.open_line = False
        self.stream.flush()


def show(stream: TextIO | None = None, *, terminal: bool | None = None) -> logging.Handler:
    """Write the ``namenorm`` logger's notices to ``stream`` (default stderr); progress redraws one
    line when ``terminal`` (default: whether the stream is a terminal). Returns the handler."""
    out = stream if stream is not None else sys.stderr
    tty = out.isatty() if terminal is None else terminal
    handler = _Notice(out, tty)
    logger = logging.getLogger("namenorm")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if tty else logging.INFO)
    return handler
