"""The ``clean`` subcommand: ``namenorm clean IN --column COL [--column COL2 ...] [-o OUT]``.

Exit codes: 0 when the file was processed (unmatched values are normal; with ``--fail-on-miss``, 1
when some value matched nothing), 2 for usage or input errors (the message names the line and says
how to fix it), 130 when interrupted (Ctrl-C), 143 when terminated (SIGTERM); either way no output
and no worker is left behind.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from namenorm.cli_args import (
    HELP_LAYOUT,
    UsageError,
    add_lookup_options,
    lookup_options,
    make_normalizer,
    positive_int,
)
from namenorm.cli_input import check_text_file, refuse_binary
from namenorm.csvclean.errors import CleanError
from namenorm.csvclean.progress import Progress, summary
from namenorm.csvclean.reader import MAX_FIELD
from namenorm.csvclean.run import clean_csv
from namenorm.csvclean.source import SAMPLE_BYTES

__all__ = ["build_parser", "register", "run"]

_DESCRIPTION = """Add COL_id, COL_name, COL_type, COL_score, COL_method and COL_base after each cleaned
column of a CSV/TSV file (.gz too; Parquet with the polars extra). Every original row and field is
kept, with its bytes; unmatched values get empty fields, and values over 10,000 characters are not
looked up. Streams in constant memory; each distinct value is looked up once."""


def register(subparsers: Any) -> None:
    """Add the ``clean`` subcommand to an argparse subparsers object."""
    p = subparsers.add_parser("clean", help="add entity IDs to columns of a CSV file",
                              description=_DESCRIPTION, **HELP_LAYOUT)
    p.add_argument("input", metavar="IN", help="a .csv, .tsv, .csv.gz or .parquet file, or - for stdin")
    p.add_argument("--column", "-c", action="append", required=True, metavar="COL",
                   help="a column to clean: its header name, or its 1-based number (repeatable)")
    p.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout); written to a "
                   "temporary file beside it and renamed when complete (a device or FIFO such as "
                   "/dev/null is written straight); .gz compresses, .parquet needs polars")
    p.add_argument("--in-place", action="store_true", help="allow -o to be the input file")
    p.add_argument("--fields", help="which new fields, comma-separated, among id,name,type,score,method,"
                   "base,key,former (default: id,name,type,score,method,base; key: the entity ID, or for "
                   "an unmatched value a key its inflected forms and spellings share, see name_key; "
                   "former: the date until which a matched former name was in use, or yes)")
    p.add_argument("--suffixes", help="new column suffixes, e.g. id=_qid,name=_canonical "
                   "(default: _id, _name, ...)")
    p.add_argument("--no-header", action="store_true",
                   help="the file has no header row: --column takes numbers")
    p.add_argument("--delimiter", help="field delimiter (default: sniffed among , tab ; |); 'tab' for tab")
    p.add_argument("--encoding",
                   help="input encoding (default: detected among utf-8, utf-8-sig, utf-16, cp1251)")
    p.add_argument("--output-encoding", help="output encoding (default: the input's)")
    p.add_argument("--on-bad-lines", choices=["error", "skip", "keep"], default="error",
                   help="rows with the wrong number of fields: stop (default), drop them, or keep "
                   "them exactly as they are (their bytes unchanged, no new fields, not looked up)")
    p.add_argument("--report", metavar="FILE", help="write the unmatched values, grouped, with counts (CSV)")
    add_lookup_options(p)
    p.add_argument("--jobs", "-j", type=positive_int, default=1,
                   help="processes for looking up distinct values (at a lower priority than the reader)")
    p.add_argument("--max-field", type=positive_int, default=MAX_FIELD, metavar="CHARS",
                   help=f"longest field allowed, in characters (default: {MAX_FIELD:,}); a longer one, "
                   "most often a quote that never closes, stops the run with its line")
    p.add_argument("--chunk-size", type=positive_int, default=50_000, help=argparse.SUPPRESS)
    p.add_argument("--fail-on-miss", action="store_true", help="exit with 1 when some value matched nothing")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress line and no summary")
    p.set_defaults(func=run)


def build_parser() -> argparse.ArgumentParser:
    """A parser with only the ``clean`` subcommand (``python -m namenorm.csvclean``)."""
    ap = argparse.ArgumentParser(prog="namenorm")
    register(ap.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    return ap


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, ``timeout``, a container stopping) during a run: stops it as Ctrl-C does."""


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM raises :class:`Terminated`, so that the run cleans up as after
    Ctrl-C (no temporary output left, workers stopped) instead of dying on the spot."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread gets signals
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _refuse_binary_input(args: argparse.Namespace) -> None:
    """A binary file (an executable, a spreadsheet) is named as such, not read as cp1251 text."""
    if args.encoding is not None:
        return
    if args.input == "-":
        # what the reader will read first, left unread (a stand-in stdin may have no buffer to peek at)
        peek = getattr(getattr(sys.stdin, "buffer", None), "peek", None)
        if peek is not None:
            refuse_binary("<stdin>", peek(SAMPLE_BYTES), "a CSV or TSV file")
        return
    path = Path(args.input)
    if path.is_file() and not path.name.lower().endswith((".parquet", ".pq")):
        check_text_file(path, args.input, "a CSV or TSV file")


def run(args: argparse.Namespace) -> int:
    """Run ``clean``; returns the exit code (messages go to stderr)."""
    progress = None if args.quiet else Progress()
    try:
        with _terminate_as_interrupt():
            query = lookup_options(args)
            _refuse_binary_input(args)
            resolver = make_normalizer(args, query)
            result = clean_csv(args.input, args.output, columns=args.column, resolver=resolver,
                               query=query, fields=args.fields, suffixes=args.suffixes,
                               header=not args.no_header, delimiter=args.delimiter,
                               encoding=args.encoding, output_encoding=args.output_encoding,
                               on_bad_lines=args.on_bad_lines, jobs=args.jobs, chunk_size=args.chunk_size,
                               report=args.report, in_place=args.in_place, progress=progress,
                               max_field=args.max_field)
    except (CleanError, UsageError) as e:
        print(f"namenorm clean: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as e:
        stopped = "terminated" if isinstance(e, Terminated) else "interrupted"
        print(f"namenorm clean: {stopped}; no output written", file=sys.stderr)
        return 128 + signal.SIGTERM if isinstance(e, Terminated) else 130
    if not args.quiet:
        print(f"namenorm clean: {summary(result.stats, result.seconds)}", file=sys.stderr)
    return 1 if args.fail_on_miss and result.stats.matched < result.stats.cells else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m namenorm.csvclean``."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))
