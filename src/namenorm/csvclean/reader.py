"""Reading records in chunks, keeping each record's raw text while the input's quoting is not the
csv module's minimal style (so untouched fields are written back byte for byte).

The first records are read through a tap that keeps their raw text.  If every one of them is
written back identically by the csv module (minimal quoting, the common case), the rest of the
file is read by the csv module alone, at full speed; otherwise raw text is kept to the end.

>>> import io
>>> r = ChunkReader(io.StringIO('a,b\\n1,"x"\\n2,y\\n', newline=""), ",", probe=10)
>>> c = r.read(10)
>>> c.rows, c.raws, r.exact
([['a', 'b'], ['1', 'x'], ['2', 'y']], ['a,b\\n', '1,"x"\\n', '2,y\\n'], True)
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

__all__ = ["Chunk", "ChunkReader", "record_lines"]

_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Chunk:
    """Parsed rows, their raw text when kept, and the line number where the chunk starts (1-based)."""

    rows: list[list[str]]
    raws: list[str] | None
    first_line: int
    multiline: bool = True  # some record may span lines (a field holds a line break)


class _Tap:
    """An iterator over lines that remembers the lines handed out since the last :meth:`take`."""

    def __init__(self, lines: TextIO) -> None:
        self.lines = lines
        self.buf: list[str] = []

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.buf.append(line)
        return line

    def take(self) -> str:
        s = "".join(self.buf)
        self.buf.clear()
        return s


class ChunkReader:
    """Reads chunks of records from a text stream opened with ``newline=""``."""

    def __init__(self, text: TextIO, delimiter: str, *, probe: int = 1000) -> None:
        self.text, self.delimiter = text, delimiter
        self._tap = _Tap(text)
        self._reader = csv.reader(self._tap, delimiter=delimiter, quotechar='"', doublequote=True,
                                  strict=False)
        self._probe = probe
        self.exact = True  # raw text is being kept
        self._line_base = 0  # lines read by readers that were replaced
        out = io.StringIO()
        self._echo = csv.writer(out, delimiter=delimiter, quotechar='"', lineterminator="\r\n")
        self._echo_buf = out

    @property
    def line_num(self) -> int:
        """Physical lines read so far."""
        return self._line_base + self._reader.line_num

    def _minimal(self, row: list[str], raw: str) -> bool:
        buf = self._echo_buf
        buf.seek(0)
        buf.truncate()
        self._echo.writerow(row)
        return buf.getvalue()[:-2] == _strip_break(raw)

    def read(self, n: int) -> Chunk:
        """Up to ``n`` records (an empty chunk at the end of the input)."""
        first = self.line_num + 1
        if not self.exact:
            rows = list(itertools.islice(self._reader, n))
            # a field holds a line break when the rows took more lines than one each; the last row of
            # the input may end inside an unterminated quote (a line break in a field, no extra line)
            last = len(rows) < n and rows and any("\n" in f or "\r" in f for f in rows[-1])
            return Chunk(rows, None, first, self.line_num - first + 1 != len(rows) or bool(last))
        rows = []
        raws: list[str] = []
        if self._probe > 0:
            n = min(n, self._probe + 1)  # keep raw text only as long as needed to decide
        for row in itertools.islice(self._reader, n):
            rows.append(row)
            raws.append(self._tap.take())
        if self._probe > 0:
            probe = min(self._probe, len(rows))
            if all(self._minimal(rows[i], raws[i]) for i in range(probe)):
                self._probe -= probe
                if self._probe <= 0 or len(rows) < n:
                    self._go_fast()
            else:
                self._probe = 0  # not minimal quoting: keep raw text to the end
        return Chunk(rows, raws, first)

    def _go_fast(self) -> None:
        self._line_base += self._reader.line_num
        self._reader = csv.reader(self.text, delimiter=self.delimiter, quotechar='"', doublequote=True,
                                  strict=False)
        self.exact = False


def _strip_break(raw: str) -> str:
    if raw.endswith("\r\n"):
        return raw[:-2]
    if raw.endswith(("\n", "\r")):
        return raw[:-1]
    return raw


def record_lines(rows: list[list[str]], first_line: int) -> list[int]:
    """The line where each row starts, from the line breaks inside its fields (for messages).

    >>> record_lines([["a"], ["b\\nc", "d"], [], ["e"]], 10)
    [10, 11, 13, 14]
    """
    out = []
    line = first_line
    for r in rows:
        out.append(line)
        line += 1 + sum(len(_BREAK.findall(f)) for f in r if "\n" in f or "\r" in f)
    return out
