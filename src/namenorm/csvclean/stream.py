"""The streaming cleaner: read a chunk, resolve its distinct values once, write the chunk.

Memory stays constant: one chunk of rows, the bounded value cache, and (with ``--report``) the
counts of unmatched values.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from namenorm.csvclean.errors import CleanError
from namenorm.csvclean.fields import EMPTY, MATCHED, Outcome
from namenorm.csvclean.layout import Layout, quote_minimal, raw_fields, select_columns, unquote
from namenorm.csvclean.lookup import ValueLookup
from namenorm.csvclean.reader import Chunk, ChunkReader, record_lines
from namenorm.csvclean.source import Source, locate_decode_error

__all__ = ["CleanStats", "clean_stream"]

BAD_LINES = ("error", "skip", "keep")


@dataclass
class CleanStats:
    """Counts for the summary: rows, non-empty cells, matched cells, distinct values looked up."""

    rows: int = 0
    cells: int = 0
    matched: int = 0
    distinct: int = 0
    skipped: int = 0
    kept_bad: int = 0
    unmatched: Counter[str] = field(default_factory=Counter)
    guesses: dict[str, str] = field(default_factory=dict)


class _Writer:
    """Writes rows with the input's delimiter and line ending, quoting minimally (CR/LF always quoted)."""

    def __init__(self, out: TextIO, delimiter: str, terminator: str) -> None:
        self.out, self.delimiter, self.terminator = out, delimiter, terminator
        self.fast = csv.writer(out, delimiter=delimiter, quotechar='"', lineterminator=terminator)
        self._buf = io.StringIO()
        self._safe = csv.writer(self._buf, delimiter=delimiter, quotechar='"', lineterminator="\r\n")

    def line(self, row: Sequence[str], terminator: str | None = None) -> str:
        """One row as text, with ``terminator`` (default: the input's)."""
        self._buf.seek(0)
        self._buf.truncate()
        self._safe.writerow(row)
        return self._buf.getvalue()[:-2] + (self.terminator if terminator is None else terminator)

    def rows(self, rows: list[list[str]], multiline: bool) -> None:
        """Write rows; ``multiline`` when some field may hold a line break."""
        if not multiline or self.terminator == "\r\n":
            self.fast.writerows(rows)
            return
        for r in rows:
            if any("\n" in f or "\r" in f for f in r):
                self.out.write(self.line(r))
            else:
                self.fast.writerow(r)


def _terminator(raw: str) -> str:
    if raw.endswith("\r\n"):
        return "\r\n"
    return raw[-1] if raw.endswith(("\n", "\r")) else ""


def _split_end(raw: str, w: _Writer) -> tuple[str, str]:
    """``raw`` as (body, line ending); a lone CR in a file that ends lines otherwise becomes the file's
    line ending, so a later row written as a bare ending cannot merge with it into one CRLF."""
    end = _terminator(raw)
    body = raw[: len(raw) - len(end)]
    return body, w.terminator if end == "\r" and w.terminator != "\r" else end


def _spliced(row: list[str], raw: str, layout: Layout, quoted: list[tuple[str, ...]], w: _Writer) -> str:
    """The raw record with the new fields spliced in; untouched fields keep their exact bytes."""
    body, end = _split_end(raw, w)
    spans = raw_fields(body, w.delimiter) if row else []
    if len(spans) != len(row) or any(unquote(s) != v for s, v in zip(spans, row, strict=False)):
        values = [[unquote(q) or "" for q in t] for t in quoted]  # the new fields, unquoted again
        return w.line(layout.apply(list(row), values), end)
    return w.delimiter.join(layout.apply(spans, quoted)) + end


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: chunks of row lists (which hold no cycles) would otherwise
    trigger full collections that walk every live object, such as a loaded index, again and again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def clean_stream(source: Source, out: TextIO, lookup: ValueLookup, columns: Sequence[str], *,
                 header: bool = True, on_bad_lines: str = "error", chunk_size: int = 50_000,
                 report: bool = False, progress: Callable[[CleanStats], None] | None = None) -> CleanStats:
    """Clean ``columns`` of ``source`` into ``out``; raises :class:`CleanError` on bad input."""
    with _gc_paused():
        return _clean_stream(source, out, lookup, columns, header, on_bad_lines, chunk_size, report, progress)


def _clean_stream(source: Source, out: TextIO, lookup: ValueLookup, columns: Sequence[str], header: bool,
                  on_bad_lines: str, chunk_size: int, report: bool,
                  progress: Callable[[CleanStats], None] | None) -> CleanStats:
    if on_bad_lines not in BAD_LINES:
        raise CleanError(f"--on-bad-lines takes one of {', '.join(BAD_LINES)}, got {on_bad_lines!r}")
    reader = ChunkReader(source.text, source.delimiter, probe=min(1000, chunk_size))
    w = _Writer(out, source.delimiter, source.terminator)
    stats = CleanStats()
    try:
        chunk = reader.read(chunk_size)
        if not chunk.rows:
            return stats
        first = chunk.rows[0]
        width = len(first)
        targets = select_columns(first if header else None, columns, width)
        names = first if header else [str(i + 1) for i in range(width)]
        layout = Layout.plan(names, targets, [lookup.spec.suffixes[f] for f in lookup.spec.fields],
                             refresh=header)
        if header:
            hdr_quoted = [tuple(quote_minimal(n, w.delimiter) for n in t) for t in layout.names]
            if chunk.raws is not None:
                out.write(_spliced(first, chunk.raws[0], layout, hdr_quoted, w))
            else:
                w.rows([layout.header(first)], True)
            chunk.rows, chunk.first_line = chunk.rows[1:], chunk.first_line + 1
            chunk.raws = chunk.raws[1:] if chunk.raws is not None else None
        cols = [i for i, _ in targets]
        while True:
            if chunk.rows:
                _clean_chunk(chunk, layout, cols, width, lookup, w, stats, on_bad_lines, report)
                if progress is not None:
                    progress(stats)
            chunk = reader.read(chunk_size)
            if not chunk.rows:
                break
    except UnicodeDecodeError:
        line = locate_decode_error(source.path, source.encoding) if source.path else reader.line_num + 1
        raise CleanError(f"cannot decode {source.name} as {source.encoding}"
                         f"{' (detected from its first bytes)' if source.detected else ''}; "
                         f"rerun with --encoding cp1251, utf-16 or the file's real encoding",
                         line=line) from None
    except csv.Error as e:
        raise CleanError(f"{source.name}: {e}", line=reader.line_num) from None
    finally:
        stats.distinct = lookup.resolved
    return stats


def _clean_chunk(chunk: Chunk, layout: Layout, cols: list[int], width: int, lookup: ValueLookup,
                 w: _Writer, stats: CleanStats, on_bad_lines: str, report: bool) -> None:
    rows, raws = chunk.rows, chunk.raws
    lengths = set(map(len, rows))
    bad = [i for i, r in enumerate(rows) if len(r) != width and r] if lengths != {width} else []
    if bad:
        if on_bad_lines == "error":
            i = bad[0]
            line = record_lines(rows, chunk.first_line)[i]
            raise CleanError(f"row has {len(rows[i])} fields, the header has {width}; fix the file or rerun "
                             f"with --on-bad-lines skip (drop such rows) or keep (keep them as they are)",
                             line=line)
        if on_bad_lines == "skip":
            drop = set(bad)
            rows = [r for i, r in enumerate(rows) if i not in drop]
            raws = [r for i, r in enumerate(raws) if i not in drop] if raws is not None else None
            stats.skipped += len(bad)
        else:
            stats.kept_bad += len(bad)
    stats.rows += len(rows)
    needs = layout.needs
    whole = min(lengths, default=0) >= needs or all(len(r) >= needs for r in rows)
    per_target: list[dict[str, Outcome]] = []
    for k in cols:
        col = [r[k] for r in rows] if whole else [r[k] for r in rows if len(r) >= needs]
        counts = Counter(col)
        found = lookup.lookup(counts.keys())
        per_target.append(found)
        _count(counts, found, stats, report)
    if raws is not None:
        quoted: dict[str, tuple[str, ...]] = {}
        for r, raw in zip(rows, raws, strict=True):
            if len(r) < needs:
                w.out.write("".join(_split_end(raw, w)))
                continue
            vals = []
            for k, found in zip(cols, per_target, strict=True):
                q = quoted.get(r[k])
                if q is None:
                    q = quoted[r[k]] = tuple(quote_minimal(x, w.delimiter) for x in found[r[k]].fields)
                vals.append(q)
            w.out.write(_spliced(r, raw, layout, vals, w))
        return
    if layout.simple >= 0 and whole:
        pos, k, fields = layout.simple, cols[0], {v: o.fields for v, o in per_target[0].items()}
        for r in rows:
            r[pos:pos] = fields[r[k]]
    else:
        for r in rows:
            if len(r) >= needs:
                layout.apply(r, [found[r[k]].fields for k, found in zip(cols, per_target, strict=True)])
    w.rows(rows, multiline=chunk.multiline)


def _count(counts: Counter[str], found: dict[str, Outcome], stats: CleanStats, report: bool) -> None:
    for v, c in counts.items():
        o = found[v]
        if o.status == EMPTY:
            continue
        stats.cells += c
        if o.status == MATCHED:
            stats.matched += c
        elif report and (v in stats.unmatched or len(stats.unmatched) < 2_000_000):
            stats.unmatched[v] += c
            if o.guess:
                stats.guesses[v] = o.guess
