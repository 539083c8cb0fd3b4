"""``clean_csv``: the whole ``namenorm clean`` run as a function (input, lookup, output, report)."""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from namenorm._columns import BatchNormalizer, CleanError, FieldSpec, Query, base_form_function
from namenorm.csvclean.lookup import ValueLookup
from namenorm.csvclean.output import check_target, open_output
from namenorm.csvclean.progress import Progress
from namenorm.csvclean.reader import MAX_FIELD
from namenorm.csvclean.report import write_report
from namenorm.csvclean.source import open_source
from namenorm.csvclean.stream import CleanStats, clean_stream

__all__ = ["CleanResult", "clean_csv", "make_resolver"]


@dataclass
class CleanResult:
    """What a run did: the counts and the time it took."""

    stats: CleanStats
    seconds: float


def make_resolver(gazetteers: Sequence[str | Path] | None = None,
                  include_bundled: bool = True) -> BatchNormalizer:
    """A :class:`namenorm.Normalizer` over the bundled gazetteers plus ``gazetteers``."""
    from namenorm.api import Normalizer

    if not include_bundled and not gazetteers:
        raise CleanError("--no-bundled needs at least one --gazetteer PATH")
    return Normalizer(gazetteers=list(gazetteers or []), include_bundled=include_bundled)


def _checked(query: Query | None) -> Query:
    """``query`` parsed again (:meth:`~namenorm.options.LookupOptions.checked`), so that one built by
    hand gets the API's checks; its error as a :class:`CleanError` (the CLI's exit code 2)."""
    try:
        return (query or Query()).checked()
    except (TypeError, ValueError) as e:
        raise CleanError(str(e)) from None


def _warm_up(resolver: BatchNormalizer, query: Query) -> None:
    """Load the gazetteers and check the hints now, so errors come before any output."""
    try:
        resolver.normalize_many([], **query.hints())
    except (ValueError, FileNotFoundError) as e:
        raise CleanError(str(e)) from None


def _is_parquet(path: str | Path | None) -> bool:
    return path is not None and str(path).lower().endswith((".parquet", ".pq"))


def clean_csv(source: str | Path, output: str | Path | None = None, *, columns: Sequence[str],
              resolver: BatchNormalizer | None = None, gazetteers: Sequence[str | Path] | None = None,
              include_bundled: bool = True, query: Query | None = None,
              fields: str | Sequence[str] | None = None, suffixes: str | dict[str, str] | None = None,
              header: bool = True, delimiter: str | None = None,
              encoding: str | None = None, output_encoding: str | None = None, on_bad_lines: str = "error",
              jobs: int = 1, chunk_size: int = 50_000, cache_size: int = 300_000,
              report: str | Path | None = None, in_place: bool = False,
              progress: Progress | None = None, max_field: int = MAX_FIELD) -> CleanResult:
    """Clean ``columns`` (names from the header, or 1-based numbers; one as a plain string) of the CSV
    ``source`` into ``output`` (stdout when None).

    ``query`` holds the hints and the score floor (a :class:`~namenorm.options.LookupOptions`, which
    ``namenorm.csvclean`` exports as ``Query``): ``Query.parse(types="LOC", country="ua",
    min_score=0.8)``. A quoted field longer than ``max_field`` characters stops the run (a stray
    quote, most often); a value longer than :data:`namenorm.MAX_TEXT` is not looked up (counted as
    ``too_long``).
    Raises :class:`~namenorm.csvclean.errors.CleanError` for bad input or usage.
    """
    start = time.perf_counter()
    if isinstance(columns, str):  # one column by name: "city", not the letters of it
        columns = [columns]
    if not columns:
        raise CleanError("give at least one --column")
    if jobs < 1 or chunk_size < 1 or max_field < 1:
        raise CleanError(f"jobs, chunk_size and max_field must be at least 1 (got jobs={jobs}, "
                         f"chunk_size={chunk_size}, max_field={max_field})")
    query = _checked(query)
    base = base_form_function()
    spec = FieldSpec.parse(fields, suffixes, with_base=base is not None)
    if resolver is None:
        resolver = make_resolver(gazetteers, include_bundled)
    _warm_up(resolver, query)
    if report is not None:  # before the run, not after it
        _check_report(Path(report), None if str(source) == "-" else Path(source), output)
    if _is_parquet(source) or _is_parquet(output):
        from namenorm.csvclean.parquet import clean_parquet

        stats = clean_parquet(source, output, columns=columns, resolver=resolver, query=query, spec=spec,
                              in_place=in_place)
    else:
        lookup = ValueLookup(resolver, query, spec, jobs=jobs, cache_size=cache_size, base=base)
        stats = _clean_csv_stream(source, output, columns, lookup, header=header, delimiter=delimiter,
                                  encoding=encoding, output_encoding=output_encoding,
                                  on_bad_lines=on_bad_lines, chunk_size=chunk_size, report=report is not None,
                                  in_place=in_place, progress=progress, max_field=max_field)
    if report is not None:
        write_report(report, stats.unmatched, stats.guesses, _guesser(resolver, query))
    return CleanResult(stats, time.perf_counter() - start)


def _clean_csv_stream(source: str | Path, output: str | Path | None, columns: Sequence[str],
                      lookup: ValueLookup, *, header: bool, delimiter: str | None, encoding: str | None,
                      output_encoding: str | None, on_bad_lines: str, chunk_size: int, report: bool,
                      in_place: bool, progress: Progress | None, max_field: int) -> CleanStats:
    """The CSV path of :func:`clean_csv`: ``source`` streamed to ``output``; closes both and the lookup."""
    src = open_source(source, encoding=encoding, delimiter=delimiter)
    limit = csv.field_size_limit(min(max_field, 2**31 - 1))  # the csv module's limit is per process
    out_enc = output_encoding or src.encoding
    try:
        with open_output(output, encoding=out_enc, input_path=src.path, in_place=in_place) as out:
            return clean_stream(src, out, lookup, columns, header=header, on_bad_lines=on_bad_lines,
                                chunk_size=chunk_size, report=report, progress=progress, max_field=max_field)
    except UnicodeEncodeError as e:
        raise CleanError(f"a value cannot be written in {out_enc} ({e.object[e.start:e.end]!r}); "
                         f"rerun with --output-encoding utf-8") from None
    finally:
        csv.field_size_limit(limit)
        if progress is not None:
            progress.finish()
        src.close()
        lookup.close()


def _check_report(target: Path, input_path: Path | None, output: str | Path | None) -> None:
    """Refuse a report that would replace the input or the output, be a folder, or go in a missing folder."""
    check_target(target, input_path, in_place=False, option="--report")
    if output is not None and str(output) != "-" and target.resolve() == Path(output).resolve():
        raise CleanError(f"--report {target} is also the output (-o); give the report another name")


def _guesser(resolver: BatchNormalizer, query: Query) -> Callable[[str], str] | None:
    """The best fuzzy candidate of a value as ``"id name (score)"``, when the resolver lists candidates."""
    candidates = getattr(resolver, "candidates", None)
    if candidates is None:
        return None

    def guess(value: str) -> str:
        try:
            found = candidates(value, limit=1, **query._replace(fuzzy=True).hints())
        except (ValueError, TypeError):
            return ""
        return f"{found[0].id} {found[0].name} ({found[0].score:.2f})" if found else ""

    return guess
