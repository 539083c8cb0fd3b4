"""Reading records in chunks, keeping each record's raw text (so untouched fields, their quotes and
each record's line ending are written back byte for byte, in every record of the file).

Records the csv module reads go through a tap that keeps their raw text, whatever the chunk.

>>> import io
>>> r = ChunkReader(io.StringIO('a,b\\n1,"x"\\r\\n2,y\\n', newline=""), ",")
>>> c = r.read(10)
>>> c.rows, c.raws
([['a', 'b'], ['1', 'x'], ['2', 'y']], ['a,b\\n', '1,"x"\\r\\n', '2,y\\n'])

Once the stream knows the header, :meth:`ChunkReader.scan_with` has plain records read in blocks
straight from the text (see :mod:`~namenorm.csvclean.scan`); the csv module reads whatever a block
starts with that the scanner does not take, one chunk at a time, and the blocks go on after it.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from namenorm.csvclean.errors import CleanError
from namenorm.csvclean.scan import RecordScanner, line_breaks, record_values

if TYPE_CHECKING:
    from _csv import Reader

__all__ = ["MAX_FIELD", "Chunk", "ChunkReader", "Records", "open_quote", "record_lines", "split_break"]

MAX_FIELD = 1 << 20  # characters in one field at most (``--max-field``): a stray quote stops early

_BREAK = re.compile(r"\r\n|\r|\n")
_READ = 8192  # characters per read of a block: about what the decoder decodes at a time


@dataclass
class Chunk:
    """Parsed rows, their raw text when kept, and the line number where the chunk starts (1-based)."""

    rows: list[list[str]]
    raws: list[str] | None
    first_line: int
    multiline: bool = True  # some record may span lines (a field holds a line break)
    records: Records | None = None  # the chunk as scanned text (rows and raws are then empty)

    def __len__(self) -> int:
        """The records in the chunk."""
        return len(self.rows) if self.records is None else len(self.records)


@dataclass
class Records:
    """Records scanned from the text: ``per`` pieces each (see :meth:`RecordScanner.scan`)."""

    pieces: list[str]
    per: int
    values: list[list[str]] = field(init=False)  # per cleaned column (left to right), each record's value

    def __post_init__(self) -> None:
        self.values = [record_values(self.pieces, self.per, i) for i in range((self.per - 2) // 3)]

    def __len__(self) -> int:
        return len(self.pieces) // self.per


class _Pushback:
    """A text stream with text put back in front of it, read in blocks or line by line (lines end at
    CR, LF or CRLF, as for a file opened with ``newline=""``)."""

    def __init__(self, text: TextIO) -> None:
        self.text = text
        self.head, self.pos = "", 0  # text put back, and how much of it was read again
        self.error: UnicodeDecodeError | None = None  # raised once the text before it is read

    def put_back(self, text: str) -> None:
        """Serve ``text`` before the rest of the stream (whatever was put back before is read)."""
        self.head, self.pos = text, 0

    def read(self, n: int) -> str:
        """About ``n`` characters (fewer at the end, or before undecodable bytes)."""
        parts = [self.head[self.pos :]]
        self.head, self.pos = "", 0
        want = n - len(parts[0])
        while want > 0 and self.error is None:
            try:  # in small reads: a decoding error loses only the text of the read that fails
                s = self.text.read(min(want, _READ))
            except UnicodeDecodeError as e:
                self.error = e
                break
            if not s:
                break
            parts.append(s)
            want -= len(s)
        return "".join(parts)

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        head, pos = self.head, self.pos
        if pos >= len(head):
            self.head = ""
            if self.error is not None:
                raise self.error
            return next(self.text)
        m = _BREAK.search(head, pos)
        if m is not None and (m.end() < len(head) or m.group() != "\r"):
            self.pos = m.end()
            return head[pos : m.end()]
        rest = head[pos:]
        self.head, self.pos = "", 0
        if self.error is not None:
            raise self.error
        more = self.text.readline()  # the rest of the line (after a CR: an LF, or the next line)
        if not rest.endswith("\r"):
            return rest + more
        if more.startswith("\n"):
            self.head = more[1:]
            return rest + "\n"
        self.head = more
        return rest


class _Tap:
    """An iterator over lines that remembers the lines handed out since the last :meth:`take`."""

    def __init__(self, lines: Iterator[str]) -> None:
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

    def __init__(self, text: TextIO, delimiter: str, *, max_field: int = MAX_FIELD) -> None:
        self.delimiter = delimiter
        self.max_field = max_field
        # the csv module iterates the file itself, at full speed, until scanning starts; from then on
        # it reads through a put-back buffer, to which the scanner returns the text it does not take
        self.text: TextIO | _Pushback = text
        self._tap = _Tap(text)
        self._reader = self._csv(self._tap)
        self._line_base = 0  # lines read by readers that were replaced
        self._scanner: RecordScanner | None = None
        self._block = 1 << 16  # characters per block, adapted to about one chunk of records
        self._at_end = False

    @property
    def line_num(self) -> int:
        """Physical lines read so far."""
        return self._line_base + self._reader.line_num

    def _csv(self, lines: Iterator[str] | TextIO) -> Reader:
        return csv.reader(lines, delimiter=self.delimiter, quotechar='"', doublequote=True, strict=False)

    def _read_from(self, lines: TextIO | _Pushback) -> None:
        """Go on reading from ``lines`` (records read so far end where it starts)."""
        self._line_base += self._reader.line_num
        self.text = lines
        self._tap = _Tap(lines)
        self._reader = self._csv(self._tap)

    def scan_with(self, scanner: RecordScanner) -> None:
        """Read plain records with ``scanner`` from now on (see :mod:`~namenorm.csvclean.scan`)."""
        if not isinstance(self.text, _Pushback):
            self._read_from(_Pushback(self.text))
        self._scanner = scanner

    def read(self, n: int) -> Chunk:
        """Up to ``n`` records (an empty chunk at the end of the input); scanned records may come in a
        chunk of about ``n`` records instead."""
        if self._scanner is not None and not self._at_end:
            chunk = self._scan(n)
            if chunk is not None:
                return chunk
        first = start = last = self.line_num + 1
        rows = []
        raws: list[str] = []
        try:
            for row in itertools.islice(self._reader, n):
                rows.append(row)
                raws.append(self._tap.take())
                last, start = start, self.line_num + 1
        except csv.Error as e:
            if "field limit" not in str(e):
                raise
            raise self._too_long(self._tap.take(), start) from None
        if raws and open_quote(raws[-1], self.delimiter) is not None:  # only the file's end closes it
            raise self._unclosed(raws[-1], last)
        return Chunk(rows, raws, first, self.line_num - first + 1 != len(rows))  # a field holds a line break

    def _too_long(self, text: str, start: int) -> CleanError:
        at = open_quote(text, self.delimiter)
        where = "" if at is None else f" (the quote opened on line {start + line_breaks(text, at)} is " \
                                       f"never closed?)"
        return CleanError(f"a field is longer than --max-field {self.max_field:,} characters{where}; fix "
                          f"the quoting, or raise --max-field if the field is real",
                          line=start if at is None else start + line_breaks(text, at))

    def _unclosed(self, raw: str, start: int) -> CleanError:
        at = open_quote(raw, self.delimiter)
        assert at is not None
        return CleanError("a quote opened here is never closed: the file ends inside it; close it with "
                          "another \" or remove it", line=start + line_breaks(raw, at))

    def _scan(self, n: int) -> Chunk | None:
        """A block of scanned records, or None when the text does not start with one (the csv module
        reads the next chunk) or has ended."""
        assert self._scanner is not None and isinstance(self.text, _Pushback)
        text = self.text.read(self._block)
        if not text:
            self._at_end = True
            return None
        if text[-1] == "\r":  # a CR that may start a CRLF: keep the pair together
            text += self.text.read(1)
        pieces, used = self._scanner.scan(text)
        if used > self.max_field and max(map(len, pieces), default=0) > self.max_field:
            # a record that may hold a field over the limit, and those after it: the csv module reads it
            long = next(i for i, p in enumerate(pieces) if len(p) > self.max_field)
            del pieces[long - long % self._scanner.per :]
            used = sum(map(len, pieces))
        self.text.put_back(text[used:])
        if not pieces:
            return None
        first = self.line_num + 1
        self._line_base += line_breaks(text, used)
        records = Records(pieces, self._scanner.per)
        self._block = max(256, min(used * n // len(records), 1 << 24))
        return Chunk([], None, first, False, records)


def open_quote(text: str, delimiter: str) -> int | None:
    """Where the quoted field that ``text`` (records, as the csv module reads them) ends inside
    begins; None when every quote closes.

    >>> open_quote('a,"b""c",d\\n', ","), open_quote('a,"b\\nc,d\\n', ","), open_quote('a"b,"c"x\\n', ",")
    (None, 2, None)
    """
    ends = _field_ends(delimiter)
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':  # a quoted field: up to a quote that is not doubled
            at = i
            i += 1
            while True:
                j = text.find('"', i)
                if j < 0:
                    return at
                if text.startswith('""', j):
                    i = j + 2
                    continue
                i = j + 1
                break
        m = ends.search(text, i)  # the rest of the field (after a closing quote: kept as it is)
        if m is None:
            return None
        i = m.end()
    return None


def _field_ends(delimiter: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(delimiter)}\r\n]")


def split_break(raw: str) -> tuple[str, str]:
    """A raw record as (text, line ending); the ending is empty for the last line of a file without one.

    >>> split_break("a,b\\r\\n"), split_break("a\\r"), split_break("a")
    (('a,b', '\\r\\n'), ('a', '\\r'), ('a', ''))
    """
    n = 2 if raw.endswith("\r\n") else 1 if raw.endswith(("\n", "\r")) else 0
    return raw[: len(raw) - n], raw[len(raw) - n :]


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
