"""Where the new columns go, and how one row is rewritten.

New columns are inserted after each cleaned column; a new column whose name already exists in the
header (the output of an earlier run) is refreshed in place instead, so cleaning twice gives the
same columns.  Rows are lists of fields as parsed, or, to keep the input's bytes exactly, the raw
text of each field (see :func:`raw_fields`).

>>> plan = Layout.plan(["id", "city", "n"], ["city"], ["_id", "_name"])
>>> plan.header(["id", "city", "n"])
['id', 'city', 'city_id', 'city_name', 'n']
>>> plan.apply(["1", "Kiev", "3"], [("Q1899", "Kyiv")])
['1', 'Kiev', 'Q1899', 'Kyiv', '3']
>>> Layout.plan(["city", "city_id"], ["city"], ["_id"]).apply(["Kiev", "old"], [("Q1899",)])
['Kiev', 'Q1899']
>>> raw_fields('1,"Kiev, ""the"" city",3', ",")
['1', '"Kiev, ""the"" city"', '3']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from namenorm.csvclean.errors import CleanError

__all__ = ["Layout", "quote_minimal", "raw_fields", "select_columns", "unquote"]


def select_columns(header: Sequence[str] | None, wanted: Sequence[str], width: int) -> list[tuple[int, str]]:
    """``(index, label)`` for each ``--column``: a header name, or a 1-based number.

    >>> select_columns(["a", "b"], ["b"], 2), select_columns(None, ["2"], 3)
    ([(1, 'b')], [(1, '2')])
    >>> try:
    ...     select_columns(["a", "a"], ["a"], 2)
    ... except CleanError as e:
    ...     print(e.message)
    column 'a' appears 2 times in the header (columns 1, 2); name one by its number: --column 1
    """
    out: list[tuple[int, str]] = []
    for w in wanted:
        if header is not None and w in header:
            where = [n for n, h in enumerate(header, 1) if h == w]
            if len(where) > 1:
                listed = ", ".join(map(str, where))
                raise CleanError(f"column {w!r} appears {len(where)} times in the header (columns {listed}); "
                                 f"name one by its number: --column {where[0]}", line=1)
            i = where[0] - 1
        elif w.isdigit() and 1 <= int(w) <= width:
            i = int(w) - 1
        elif w.isdigit():
            raise CleanError(f"--column {w}: out of range; the file has {width} columns, numbered 1 to "
                             f"{width}", line=None if header is None else 1)
        elif header is None:
            raise CleanError(f"--column {w}: without a header give a column number from 1 to {width}")
        elif not header:
            raise CleanError(f"unknown column {w!r}: the header line is blank; remove the blank lines above "
                             f"it, or give --no-header and a column number", line=1)
        else:
            shown = ", ".join(repr(h) for h in header[:50]) + (" ..." if len(header) > 50 else "")
            raise CleanError(f"unknown column {w!r}; the columns are: {shown}", line=1)
        label = header[i] if header is not None else str(i + 1)
        if i not in {j for j, _ in out}:
            out.append((i, label))
    return out


@dataclass(frozen=True)
class Layout:
    """How each row is rewritten: in-place refreshes, then insertions (right to left)."""

    width: int  # fields in an input row
    replace: tuple[tuple[int, int, int], ...]  # (target, field, column index)
    insert: tuple[tuple[int, int, tuple[int, ...]], ...]  # (position, target, fields), right to left
    names: tuple[tuple[str, ...], ...]  # new column names per target
    simple: int  # insert position when there is one target, all inserted; else -1

    @classmethod
    def plan(cls, header: Sequence[str], columns: Sequence[str] | Sequence[tuple[int, str]],
             suffixes: Sequence[str], *, refresh: bool = True) -> Layout:
        """The layout for cleaning ``columns`` (names, or ``(index, label)`` pairs) of ``header``."""
        targets = [c if isinstance(c, tuple) else (list(header).index(c), c) for c in columns]
        existing = {h: i for i, h in reversed(list(enumerate(header)))} if refresh else {}
        replace: list[tuple[int, int, int]] = []
        insert: list[tuple[int, int, tuple[int, ...]]] = []
        names: list[tuple[str, ...]] = []
        for t, (idx, label) in enumerate(targets):
            new = tuple(label + s for s in suffixes)
            names.append(new)
            fresh = []
            for f, name in enumerate(new):
                if name in existing and existing[name] != idx:
                    replace.append((t, f, existing[name]))
                else:
                    fresh.append(f)
            if fresh:
                insert.append((idx + 1, t, tuple(fresh)))
        insert.sort(key=lambda x: x[0], reverse=True)
        simple = insert[0][0] if len(targets) == 1 and not replace and insert else -1
        return cls(len(header), tuple(replace), tuple(insert), tuple(names), simple)

    @property
    def inserts_only(self) -> bool:
        """Whether every new field is inserted right after its column (none refreshes an old column)."""
        return not self.replace and bool(self.insert)

    @property
    def needs(self) -> int:
        """The fewest fields a row must have to be rewritten."""
        cols = [c for _, _, c in self.replace] + [p - 1 for p, _, _ in self.insert]
        return max(cols, default=-1) + 1

    def header(self, header: Sequence[str]) -> list[str]:
        """The output header."""
        return self.apply(list(header), self.names)

    def apply(self, row: list[str], values: Sequence[Sequence[str]]) -> list[str]:
        """Rewrite ``row`` in place with the new fields of each target; returns it."""
        for t, f, col in self.replace:
            row[col] = values[t][f]
        for pos, t, fields in self.insert:
            vals = values[t]
            row[pos:pos] = [vals[f] for f in fields]
        return row


@lru_cache(maxsize=16)
def _field_re(delim: str) -> re.Pattern[str]:
    d = re.escape(delim)
    return re.compile(f'"(?:[^"]|"")*"(?={d}|\\Z)|[^{d}]*', re.DOTALL)


_QUOTED = re.compile(r'"(?:[^"]|"")*"', re.DOTALL)


def unquote(span: str) -> str | None:
    """The value of one well-formed raw field; None when the csv module might read it otherwise.

    >>> unquote('"say ""hi"" now"'), unquote("plain"), unquote('a"b')
    ('say "hi" now', 'plain', 'a"b')
    >>> unquote('"' * 3) is None, unquote('"ab"c') is None
    (True, True)
    """
    if span[:1] == '"':
        return span[1:-1].replace('""', '"') if _QUOTED.fullmatch(span) else None
    return None if "\n" in span or "\r" in span else span


def raw_fields(body: str, delim: str) -> list[str]:
    """The raw text of each field of one record (without its line ending)."""
    rx = _field_re(delim)
    out: list[str] = []
    pos, n = 0, len(body)
    while True:
        m = rx.match(body, pos)
        assert m is not None  # the pattern matches the empty string
        out.append(m.group(0))
        pos = m.end()
        if pos >= n:
            return out
        pos += 1  # the delimiter


def quote_minimal(value: str, delim: str) -> str:
    """``value`` as the csv module writes it with minimal quoting.

    >>> quote_minimal('Kyiv, "the" city', ","), quote_minimal("Kyiv", ",")
    ('"Kyiv, ""the"" city"', 'Kyiv')
    """
    if delim in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value
