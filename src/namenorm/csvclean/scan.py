"""Reading plain records straight from the text: one regular expression splits a block of records
around the cleaned field, so they are written back by joining the pieces, with no row lists.

A record is taken this way only when the csv module would read it the same and write it back
byte for byte: exactly the header's number of fields, the file's line ending, and fields either
unquoted (no quote, delimiter, line break or NUL) or quoted because they must be (they hold the
delimiter, a line break or a quote; quotes doubled).  Anything else (a ragged row, a stray or an
unneeded quote, another line ending) stops the scan, and the csv module reads on from there.

>>> s = RecordScanner(",", "\\n", width=3, column=1)
>>> pieces, used = s.scan('1,Kyiv,a\\n2,"Lviv, UA",b\\n3,x\\n4,y,z\\n')
>>> pieces
['', '1,', 'Kyiv', '', ',a\\n', '', '2,', '"Lviv, UA"', '', ',b\\n']
>>> used, record_values(pieces)
(24, ['Kyiv', 'Lviv, UA'])
"""

from __future__ import annotations

import re

__all__ = ["RecordScanner", "line_breaks", "record_values"]


class RecordScanner:
    """Splits records of ``width`` fields into (before, field ``column``, after and line ending)."""

    def __init__(self, delimiter: str, terminator: str, *, width: int, column: int) -> None:
        d = re.escape(delimiter)
        plain = f'[^{d}"\\r\\n\\x00]' + ("+" if width == 1 else "*")  # one empty field is an empty line
        quoted = f'"[^"{d}\\r\\n\\x00]*(?:[{d}\\r\\n]|"")(?:[^"\\x00]|"")*"'
        field = f"(?:{plain}|{quoted})"
        end = re.escape(terminator) + ("(?!\n)" if terminator == "\r" else "")  # CR LF is one line end
        self._rx = re.compile(f"((?:{field}{d}){{{column}}})({field})()"  # () holds the new fields
                              f"((?:{d}{field}){{{width - column - 1}}}{end})")

    def scan(self, text: str) -> tuple[list[str], int]:
        """The pieces of the records that ``text`` starts with, five per record: an empty string, the
        fields before the cleaned one (delimiters included), the cleaned field as written, an empty
        string (where new fields go), the rest with the line ending; and the length of text they cover."""
        if not self._rx.match(text):
            return [], 0
        pieces = self._rx.split(text)
        used = len(text) - len(pieces.pop())  # after the last record: an incomplete or an odd record
        gaps = pieces[0::5]  # text between records: a record the scanner does not take
        if gaps.count("") < len(gaps):
            cut = 5 * list(map(bool, gaps)).index(True)
            used -= sum(map(len, pieces[cut:]))
            del pieces[cut:]
        return pieces, used


def record_values(pieces: list[str]) -> list[str]:
    """The cleaned field's value in each record of ``pieces`` (quotes removed)."""
    raw = pieces[2::5]
    if '"' not in "".join(raw):  # an unquoted field holds no quote
        return raw
    return [v[1:-1].replace('""', '"') if v[:1] == '"' else v for v in raw]


def line_breaks(text: str, end: int) -> int:
    """Lines that ``text[:end]`` ends, as a file read with ``newline=""`` counts them (CR, LF, CRLF).

    >>> line_breaks("a\\r\\nb\\rc\\nd", 8)
    3
    """
    return text.count("\n", 0, end) + text.count("\r", 0, end) - text.count("\r\n", 0, end)
