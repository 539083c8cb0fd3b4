"""The progress line (on stderr, only when it is a terminal) and the end-of-run summary.

>>> from namenorm.csvclean.stream import CleanStats
>>> summary(CleanStats(rows=1000, cells=990, matched=900, distinct=40), 2.0)
'1,000 rows, 40 distinct values looked up, 90.9% of 990 non-empty values matched, 2.0 s (500 rows/s)'
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from namenorm.csvclean.stream import CleanStats
from namenorm.limits import MAX_TEXT

__all__ = ["Progress", "summary"]


def _share(stats: CleanStats) -> float:
    return stats.matched / stats.cells if stats.cells else 0.0


def summary(stats: CleanStats, seconds: float) -> str:
    """One line: rows, distinct values, matched share, time."""
    rate = stats.rows / seconds if seconds > 0 else 0.0
    s = (f"{stats.rows:,} rows, {stats.distinct:,} distinct values looked up, {_share(stats):.1%} of "
         f"{stats.cells:,} non-empty values matched, {seconds:.1f} s ({rate:,.0f} rows/s)")
    if stats.skipped:
        s += f"; {stats.skipped:,} bad rows skipped"
    if stats.kept_bad:
        s += f"; {stats.kept_bad:,} bad rows kept unchanged"
    if stats.too_long:
        s += f"; {stats.too_long:,} values over {MAX_TEXT:,} characters not looked up"
    return s


class Progress:
    """Redraws ``rows, rows/s, match rate`` at most every ``interval`` seconds."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool | None = None,
                 interval: float = 0.25) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.interval = interval
        self.start = time.perf_counter()
        self._last = 0.0
        self._drawn = False

    def __call__(self, stats: CleanStats) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self._last < self.interval:
            return
        self._last = now
        rate = stats.rows / max(now - self.start, 1e-9)
        self.stream.write(f"\r{stats.rows:>12,} rows  {rate:>10,.0f} rows/s  {_share(stats):6.1%} matched ")
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        """Clear the progress line."""
        if self._drawn:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()
            self._drawn = False
