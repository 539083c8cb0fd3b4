"""Writing cleaned rows exactly as the csv module writes them: minimal quoting, the input's line ending.

Most rows need no quoting (no field holds the delimiter, a quote or a line break): a chunk's rows are
joined with ``str.join`` and written at once, and only the rows that need more go through the csv
module, so the bytes are the csv module's.

>>> import io
>>> out = io.StringIO()
>>> w = Writer(out, ",", "\\n")
>>> w.rows([["a", "b"], ["x, y", 'a "b" c'], [""], []], multiline=False)
>>> print(out.getvalue().replace("\\n", "|"))
a,b|"x, y","a ""b"" c"|""||
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from itertools import compress, repeat
from operator import contains, ne, not_
from typing import TextIO

__all__ = ["Writer"]

BLOCK = 2048  # rows joined and checked at a time: the text stays in the processor's cache


class _Sink:
    """A file for the csv module that keeps what it writes, one string per row."""

    __slots__ = ("write",)

    def __init__(self, write: Callable[[str], object]) -> None:
        self.write = write


class Writer:
    """Writes rows with the input's delimiter and line ending, quoting minimally (CR/LF always quoted)."""

    def __init__(self, out: TextIO, delimiter: str, terminator: str) -> None:
        self.out, self.delimiter, self.terminator = out, delimiter, terminator
        self._texts: list[str] = []
        self.fast = csv.writer(_Sink(self._texts.append), delimiter=delimiter, quotechar='"',
                               lineterminator=terminator)
        self._buf = io.StringIO()
        self._safe = csv.writer(self._buf, delimiter=delimiter, quotechar='"', lineterminator="\r\n")

    def line(self, row: Sequence[str], terminator: str | None = None) -> str:
        """One row as text, with ``terminator`` (default: the input's)."""
        self._buf.seek(0)
        self._buf.truncate()
        self._safe.writerow(row)
        return self._buf.getvalue()[:-2] + (self.terminator if terminator is None else terminator)

    def texts(self, rows: Sequence[Sequence[str]], multiline: bool) -> list[str]:
        """Each row as the csv module writes it, line ending included; ``multiline`` when some field may
        hold a line break (such a row is quoted as for CRLF whatever the input's line ending)."""
        if not multiline or self.terminator == "\r\n":
            self.fast.writerows(rows)
        else:
            for r in rows:
                if any("\n" in f or "\r" in f for f in r):
                    self._texts.append(self.line(r))
                else:
                    self.fast.writerow(r)
        out = self._texts[:]
        self._texts.clear()
        return out

    def rows(self, rows: list[list[str]], multiline: bool) -> None:
        """Write rows; ``multiline`` when some field may hold a line break."""
        for i in range(0, len(rows), BLOCK):
            self._block(rows[i : i + BLOCK], multiline)

    def _block(self, rows: list[list[str]], multiline: bool) -> None:
        d, term = self.delimiter, self.terminator
        lines = list(map(d.join, rows))
        body = term.join(lines)
        n = len(rows)
        quotes = '"' in body
        breaks = body.count("\n") + body.count("\r") != (n - 1) * len(term)
        empty = "" in lines
        if quotes or breaks or empty or body.count(d) != sum(map(len, rows)) - n:
            at = range(n)
            # a field holding the delimiter (or an empty row) shows as a row with more (fewer) delimiters
            less_one = (-1).__add__
            counts = map(str.count, lines, repeat(d))
            found = list(compress(at, map(ne, counts, map(less_one, map(len, rows)))))
            marks = [found]
            for c in ('"',) * quotes + ("\n", "\r") * breaks:
                marks.append(list(compress(at, map(contains, lines, repeat(c)))))
            if empty:
                marks.append(list(compress(at, map(not_, lines))))
            special = sorted(set().union(*marks)) if len(marks) > 1 else found
            for i, text in zip(special, self.texts([rows[i] for i in special], multiline), strict=True):
                lines[i] = text[: -len(term)]
            body = term.join(lines)
        self.out.write(body)
        self.out.write(term)
