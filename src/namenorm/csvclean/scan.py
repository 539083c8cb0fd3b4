"""Reading plain records straight from the text: one regular expression splits a block of records
around the cleaned field, so they are written back by joining the pieces, with no row lists.

A record is taken this way only when the csv module would read it the same and write it back
byte for byte: exactly the header's number of fields, the file's line ending, and fields either
unquoted (no quote, delimiter, line break or NUL) or quoted because they must be (they hold the
delimiter, a line break or a quote; quotes doubled).  Anything else (a ragged row, a stray or an
unneeded quote, another line ending) stops the scan, and the csv module reads on from there.

>>> s = RecordScanner(",", "\\n", width=3, columns=[1])
>>> pieces, used = s.scan('1,Kyiv,a\\n2,"Lviv, UA",b\\n3,x\\n4,y,z\\n')
>>> pieces
['', '1,', 'Kyiv', '', ',a\\n', '', '2,', '"Lviv, UA"', '', ',b\\n']
>>> used, record_values(pieces, s.per)
(24, ['Kyiv', 'Lviv, UA'])
>>> RecordScanner(",", "\\n", width=4, columns=[0, 2]).scan("a,b,c,d\\n")[0]
['', '', 'a', '', ',b,', 'c', '', ',d\\n']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["RecordScanner", "line_breaks", "record_values"]


class RecordScanner:
    """Splits records of ``width`` fields around the cleaned fields ``columns`` (ascending indices)."""

    def __init__(self, delimiter: str, terminator: str, *, width: int, columns: Sequence[int]) -> None:
        d = re.escape(delimiter)
        # possessive runs (*+, ++): a field's run is never given back (no shorter run could make a
        # record match), so the engine keeps no backtracking points for it: about 10% faster
        plain = f'[^{d}"\\r\\n\\x00]' + ("++" if width == 1 else "*+")  # one empty field is an empty line
        quoted = f'"[^"{d}\\r\\n\\x00]*(?:[{d}\\r\\n]|"")(?:[^"\\x00]|"")*+"'
        field = f"(?:{plain}|{quoted})"
        end = re.escape(terminator) + ("(?!\n)" if terminator == "\r" else "")  # CR LF is one line end
        parts, after = [], -1  # after: the field the text so far ends with
        for c in columns:  # the fields up to the cleaned one, the cleaned one, a slot for its new fields
            before = f"(?:{field}{d}){{{c}}}" if after < 0 else f"(?:{d}{field}){{{c - after - 1}}}{d}"
            parts.append(f"({before})({field})()")
            after = c
        parts.append(f"((?:{d}{field}){{{width - after - 1}}}{end})")
        self._rx = re.compile("".join(parts))
        self.per = 3 * len(columns) + 2  # pieces per record

    def scan(self, text: str) -> tuple[list[str], int]:
        """The pieces of the records that ``text`` starts with, and the length of text they cover.

        Each record has :attr:`per` pieces: an empty string (the gap before it); then for each cleaned
        field, the text before it (delimiters included), the field as written and an empty string (the
        slot where its new fields go); and last the rest of the record with its line ending."""
        if not self._rx.match(text):
            return [], 0
        per = self.per
        pieces = self._rx.split(text)
        used = len(text) - len(pieces.pop())  # after the last record: an incomplete or an odd record
        gaps = pieces[0::per]  # text between records: a record the scanner does not take
        if gaps.count("") < len(gaps):
            cut = per * list(map(bool, gaps)).index(True)
            used -= sum(map(len, pieces[cut:]))
            del pieces[cut:]
        return pieces, used


def record_values(pieces: list[str], per: int, i: int = 0) -> list[str]:
    """The ``i``-th cleaned field's value in each record of ``pieces`` (quotes removed)."""
    raw = pieces[2 + 3 * i :: per]
    if '"' not in "".join(raw):  # an unquoted field holds no quote
        return raw
    return [v[1:-1].replace('""', '"') if v[:1] == '"' else v for v in raw]


def line_breaks(text: str, end: int) -> int:
    """Lines that ``text[:end]`` ends, as a file read with ``newline=""`` counts them (CR, LF, CRLF).

    >>> line_breaks("a\\r\\nb\\rc\\nd", 8)
    3
    """
    crs = text.count("\r", 0, end)
    return text.count("\n", 0, end) + crs - (text.count("\r\n", 0, end) if crs else 0)
