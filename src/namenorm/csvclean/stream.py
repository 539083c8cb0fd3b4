"""The streaming cleaner: read a chunk, resolve its distinct values once, write the chunk.

With ``--jobs`` the next chunk is read and its new values sent to the workers while the current one
waits for its own and is written, and further chunks (up to ``READ_AHEAD``) while the workers are busy.
Memory stays constant: one chunk of rows (at most ``READ_AHEAD + 1`` with ``--jobs``), the bounded
value cache, and (with ``--report``) the counts of unmatched values.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress, filterfalse, repeat
from operator import attrgetter, eq, itemgetter
from typing import TextIO

from namenorm._columns import EMPTY, MATCHED, TOO_LONG, CleanError, Outcome
from namenorm.csvclean.layout import Layout, quote_minimal, raw_fields, select_columns, unquote
from namenorm.csvclean.lookup import Request, ValueLookup
from namenorm.csvclean.reader import MAX_FIELD, Chunk, ChunkReader, Records, record_lines, split_break
from namenorm.csvclean.scan import RecordScanner
from namenorm.csvclean.source import DAMAGED, Source, locate_read_error
from namenorm.csvclean.writer import Writer
from namenorm.gcpause import paused

__all__ = ["CleanStats", "clean_stream", "count_outcomes"]

BAD_LINES = ("error", "skip", "keep")
# chunks in memory at most, beyond the one being written, with --jobs. 3 and 6 ran at the same speed on
# bench_clean's city column (--jobs 2, niced workers, 8 alternating pairs), and the main process peaked
# at 390-398 MiB with 3 against 433-439 MiB with 6.
READ_AHEAD = 3
FIRST_CHUNK = 1000  # records in the first chunk, which holds the header and is read by the csv module


@dataclass
class CleanStats:
    """Counts for the summary: rows, non-empty cells, matched cells, distinct values looked up."""

    rows: int = 0
    cells: int = 0
    matched: int = 0
    distinct: int = 0
    skipped: int = 0
    kept_bad: int = 0
    too_long: int = 0  # cells over MAX_TEXT characters, not looked up
    unmatched: Counter[str] = field(default_factory=Counter)
    guesses: dict[str, str] = field(default_factory=dict)


def _parsed(body: str, delimiter: str) -> list[str]:
    """The fields the csv module reads from one record's text."""
    return next(csv.reader(io.StringIO(body, newline=""), delimiter=delimiter, strict=False), [])


def _spliced(row: list[str], raw: str, layout: Layout, quoted: list[tuple[str, ...]], w: Writer) -> str:
    """The raw record with the new fields spliced in; untouched fields keep their exact bytes."""
    body, end = split_break(raw)
    spans = raw_fields(body, w.delimiter) if row else []
    if len(spans) != len(row) or (any(unquote(s) != v for s, v in zip(spans, row, strict=False))
                                  and _parsed(body, w.delimiter) != row):  # a stray quote: "a""b"c
        values = [[unquote(q) or "" for q in t] for t in quoted]  # the new fields, unquoted again
        return w.line(layout.apply(list(row), values), end)
    return w.delimiter.join(layout.apply(spans, quoted)) + end


def clean_stream(source: Source, out: TextIO, lookup: ValueLookup, columns: Sequence[str], *,
                 header: bool = True, on_bad_lines: str = "error", chunk_size: int = 50_000,
                 report: bool = False, progress: Callable[[CleanStats], None] | None = None,
                 max_field: int = MAX_FIELD) -> CleanStats:
    """Clean ``columns`` of ``source`` into ``out``; raises :class:`CleanError` on bad input.

    With ``lookup.jobs`` > 1 the next chunk is read and its new values sent to the workers before the
    current chunk is written, so reading and writing overlap resolving.  Whatever the jobs, the
    output, the counts and the errors (raised once the rows before them are written) are the same.
    """
    with paused():  # chunks of row lists hold no cycles
        try:
            return _clean_stream(source, out, lookup, columns, header, on_bad_lines, chunk_size, report,
                                 progress, max_field)
        except BaseException:
            lookup.discard()  # no work in flight outlives the run
            raise


def _clean_stream(source: Source, out: TextIO, lookup: ValueLookup, columns: Sequence[str], header: bool,
                  on_bad_lines: str, chunk_size: int, report: bool,
                  progress: Callable[[CleanStats], None] | None, max_field: int) -> CleanStats:
    if on_bad_lines not in BAD_LINES:
        raise CleanError(f"--on-bad-lines takes one of {', '.join(BAD_LINES)}, got {on_bad_lines!r}")
    reader = ChunkReader(source.text, source.delimiter, max_field=max_field)
    w = Writer(out, source.delimiter, source.terminator)
    stats = CleanStats()
    try:
        chunk = reader.read(min(chunk_size, FIRST_CHUNK))  # small: plain records are scanned sooner
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
        cleaner = _Cleaner(layout, [i for i, _ in targets], width, lookup, w, stats, on_bad_lines, report)
        if layout.inserts_only:  # new fields right after their columns: plain records are read as text
            scanner = RecordScanner(source.delimiter, w.terminator, width=width, columns=cleaner.scanned)
            reader.scan_with(scanner)
        # with --jobs, one chunk is always read and sent off ahead of the one being written, and up to
        # READ_AHEAD while the workers are still busy with the oldest one: a column's new values come
        # mostly early in a file, and the main process reads on instead of waiting for them
        ahead = READ_AHEAD if lookup.jobs > 1 else 0
        todo = deque([cleaner.prepare(chunk)] if chunk.rows else [])
        error: Exception | None = None
        reading = True
        while True:
            while reading and len(todo) <= ahead and (len(todo) < 2 or not cleaner.ready(todo[0])):
                try:
                    chunk = reader.read(chunk_size)
                    if len(chunk):
                        todo.append(cleaner.prepare(chunk))
                    else:
                        reading = False
                except (CleanError, UnicodeDecodeError, csv.Error, *DAMAGED) as e:
                    if not todo:
                        raise
                    error, reading = e, False  # raised once the chunks before it are written
            if not todo:
                break
            cleaner.finish(todo.popleft())
            if progress is not None:
                progress(stats)
        if error is not None:
            raise error
    except (UnicodeDecodeError, *DAMAGED) as e:
        found = locate_read_error(source.path, source.encoding) if source.path else None
        kind, line = found or ("undecodable" if isinstance(e, UnicodeDecodeError) else "damaged", None)
        if found is None and isinstance(e, UnicodeDecodeError):  # stdin: from the bytes read
            line = source.error_line(e)
        if kind == "damaged":  # bad bytes from a broken .gz are a symptom, not the file's encoding
            raise CleanError(f"{source.name}: the gzip data is cut short or damaged; check it with "
                             f"`gzip -t`, then fetch or compress it again", line=line) from None
        raise CleanError(f"cannot decode {source.name} as {source.encoding}"
                         f"{' (detected from its first bytes)' if source.detected else ''}; "
                         f"rerun with --encoding {_other_encodings(source.encoding)} or the file's real "
                         "encoding",
                         line=line or reader.line_num + 1) from None
    except csv.Error as e:
        raise CleanError(f"{source.name}: {e}", line=reader.line_num) from None
    finally:
        stats.distinct = lookup.resolved
    return stats


def _other_encodings(failed: str) -> str:
    """The encodings to suggest after ``failed`` could not decode a file: never ``failed`` itself.

    >>> _other_encodings("cp1251"), _other_encodings("utf-8")
    ('utf-16', 'cp1251, utf-16')
    """
    return ", ".join(e for e in ("cp1251", "utf-16") if codecs.lookup(e).name != codecs.lookup(failed).name)


@dataclass
class _Job:
    """One chunk, read and looked up: waiting for its outcomes, to be counted and written."""

    rows: list[list[str]]
    raws: list[str] | None
    multiline: bool
    whole: bool  # every row has the fields to rewrite
    counts: list[Counter[str]]  # per cleaned column, its values
    requests: list[Request]
    skipped: int
    kept_bad: int
    records: Records | None = None  # the chunk as scanned text instead of rows
    kept: frozenset[int] = frozenset()  # rows with the wrong number of fields, written as they are


class _Cleaner:
    """Rewrites chunks: :meth:`prepare` checks the rows and looks their values up, :meth:`finish`
    waits for the outcomes, counts and writes."""

    def __init__(self, layout: Layout, cols: list[int], width: int, lookup: ValueLookup, w: Writer,
                 stats: CleanStats, on_bad_lines: str, report: bool) -> None:
        self.layout, self.cols, self.width, self.lookup, self.w = layout, cols, width, lookup, w
        self.stats, self.on_bad_lines, self.report = stats, on_bad_lines, report
        self._texts: dict[str, str] = {}  # each value's new fields as written (scanned records)
        self.scanned = sorted(cols)  # the cleaned columns from left to right, as scanned records hold them

    def prepare(self, chunk: Chunk) -> _Job:
        """Check the rows of ``chunk`` (raises on a bad row with ``--on-bad-lines error``) and send the
        values not yet known off to be resolved."""
        if chunk.records is not None:  # scanned: every record has the header's fields
            by_col = dict(zip(self.scanned, chunk.records.values, strict=True))
            counts = [Counter(by_col[k]) for k in self.cols]
            requests = [self.lookup.request(c.keys()) for c in counts]  # one request per column
            return _Job([], None, False, True, counts, requests, 0, 0, chunk.records)
        rows, raws, width = chunk.rows, chunk.raws, self.width
        lengths = set(map(len, rows))
        bad = [i for i, r in enumerate(rows) if len(r) != width and r] if lengths != {width} else []
        skipped = kept = 0
        if bad:
            if self.on_bad_lines == "error":
                i = bad[0]
                line = record_lines(rows, chunk.first_line)[i]
                raise CleanError(f"row has {len(rows[i])} fields, the header has {width}; fix the file "
                                 f"or rerun with --on-bad-lines skip (drop such rows) or keep (keep them as "
                                 f"they are)", line=line)
            if self.on_bad_lines == "skip":
                drop = set(bad)
                rows = [r for i, r in enumerate(rows) if i not in drop]
                raws = [r for i, r in enumerate(raws) if i not in drop] if raws is not None else None
                skipped = len(bad)
            else:
                kept = len(bad)
        needs = self.layout.needs
        keep = frozenset(bad) if kept else frozenset()
        whole = not keep and (min(lengths, default=0) >= needs or all(len(r) >= needs for r in rows))
        looked = rows if not keep else [r for i, r in enumerate(rows) if i not in keep]
        counts = [Counter(map(itemgetter(k), rows) if whole else [r[k] for r in looked if len(r) >= needs])
                  for k in self.cols]
        requests = [self.lookup.request(c.keys()) for c in counts]
        return _Job(rows, raws, chunk.multiline, whole, counts, requests, skipped, kept, kept=keep)

    def ready(self, job: _Job) -> bool:
        """Whether every outcome of ``job`` is known (finishing it waits for no worker)."""
        return all(self.lookup.ready(r) for r in job.requests)

    def finish(self, job: _Job) -> None:
        """Wait for the outcomes of ``job``'s values, count them and write its rows."""
        founds = [self.lookup.complete(r) for r in job.requests]
        stats, layout, cols, w = self.stats, self.layout, self.cols, self.w
        stats.skipped += job.skipped
        stats.kept_bad += job.kept_bad
        stats.rows += len(job.rows) if job.records is None else len(job.records)
        for counts, found in zip(job.counts, founds, strict=True):
            count_outcomes(counts, found, stats, self.report)
        if job.records is not None:
            self._write_records(job.records, founds)
            return
        rows, raws, needs = job.rows, job.raws, layout.needs
        if raws is not None and (job.kept or not self._as_written(rows, raws, job.multiline)):
            quoted: dict[str, tuple[str, ...]] = {}
            kept = job.kept
            for i, (r, raw) in enumerate(zip(rows, raws, strict=True)):
                if len(r) < needs or (kept and i in kept):  # short, or a bad row kept: as it was
                    w.out.write(raw)
                    continue
                vals = []
                for k, found in zip(cols, founds, strict=True):
                    q = quoted.get(r[k])
                    if q is None:
                        q = quoted[r[k]] = tuple(quote_minimal(x, w.delimiter) for x in found[r[k]].fields)
                    vals.append(q)
                w.out.write(_spliced(r, raw, layout, vals, w))
            return
        if layout.simple >= 0 and job.whole:
            pos, k, found = layout.simple, cols[0], founds[0]
            fields = dict(zip(found, map(attrgetter("fields"), found.values()), strict=True))
            for r in rows:
                r[pos:pos] = fields[r[k]]
        else:
            for r in rows:
                if len(r) >= needs:
                    layout.apply(r, [found[r[k]].fields for k, found in zip(cols, founds, strict=True)])
        w.rows(rows, multiline=job.multiline)

    def _as_written(self, rows: list[list[str]], raws: list[str], multiline: bool) -> bool:
        """Whether the csv module writes ``rows`` back as exactly ``raws`` (minimal quoting, the file's
        line ending everywhere): then the rows, rewritten, are written by the csv module, faster than
        splicing their raw text, with the same bytes in every original field. A lone empty field
        (written ``""``) is quoted only while it is alone: such chunks are spliced."""
        return [""] not in rows and "".join(self.w.texts(rows, multiline)) == "".join(raws)

    def _write_records(self, records: Records, founds: list[dict[str, Outcome]]) -> None:
        """Write scanned records, the new fields of each cleaned value in the slot after it."""
        d, texts, pieces, per = self.w.delimiter, self._texts, records.pieces, records.per
        if len(texts) > 300_000:
            texts.clear()
        for found in founds:  # a value's outcome is the same in every column
            for v in filterfalse(texts.__contains__, found):
                texts[v] = "".join([d + quote_minimal(x, d) for x in found[v].fields])
        for i, values in enumerate(records.values):
            pieces[3 + 3 * i :: per] = map(texts.__getitem__, values)
        self.w.out.write("".join(pieces))


def count_outcomes(counts: Counter[str], found: dict[str, Outcome], stats: CleanStats, report: bool) -> None:
    """Add the cells of ``counts`` (value -> cells) to ``stats`` by the outcome of each value, and with
    ``report`` the values that did not match (and their guesses) for ``--report``."""
    ns = list(counts.values())
    outs = list(map(found.__getitem__, counts))
    status = list(map(attrgetter("status"), outs))
    stats.cells += sum(ns) - sum(compress(ns, map(eq, status, repeat(EMPTY))))
    stats.matched += sum(compress(ns, map(eq, status, repeat(MATCHED))))
    if TOO_LONG in status:
        stats.too_long += sum(compress(ns, map(eq, status, repeat(TOO_LONG))))
    if not report:
        return
    unmatched = stats.unmatched
    for v, c, o in zip(counts, ns, outs, strict=True):
        if o.status < MATCHED and (v in unmatched or len(unmatched) < 2_000_000):
            unmatched[v] += c
            if o.guess:
                stats.guesses[v] = o.guess
