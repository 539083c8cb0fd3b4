"""Parquet in and out through polars (the ``polars`` extra).

Parquet is columnar: the file is read with polars, cleaned with the polars helper (each distinct
value resolved once) and written to a temporary file renamed when complete.  CSV to Parquet and
Parquet to CSV work too.  Unlike the CSV path this holds the table in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from namenorm._columns import (
    BatchNormalizer,
    CleanError,
    FieldSpec,
    FrameOptions,
    Outcome,
    Query,
    looked_up,
)
from namenorm.csvclean.output import check_target
from namenorm.csvclean.safefile import open_atomic
from namenorm.csvclean.stream import CleanStats, count_outcomes

__all__ = ["clean_parquet"]


def _polars() -> Any:
    try:
        import polars
    except ImportError:
        raise CleanError("Parquet needs polars; install it with: pip install 'namenorm[polars]'") from None
    return polars


def _read(pl: Any, path: str | Path) -> Any:
    p = Path(path)
    if str(path) == "-" or not p.exists():
        raise CleanError(f"no such file: {path}" if str(path) != "-" else "Parquet cannot be read from stdin")
    if p.name.lower().endswith((".parquet", ".pq")):
        return pl.read_parquet(p)
    return pl.read_csv(p, infer_schema=False)


def clean_parquet(source: str | Path, output: str | Path | None, *, columns: Sequence[str],
                  resolver: BatchNormalizer, query: Query, spec: FieldSpec,
                  in_place: bool = False) -> CleanStats:
    """Clean ``columns`` of a Parquet (or CSV) file into a Parquet (or CSV) file."""
    pl = _polars()
    from namenorm._polars_columns import clean_with

    if output is None or str(output) == "-":
        raise CleanError("Parquet output needs -o FILE.parquet")
    target = Path(output)
    check_target(target, Path(source), in_place)  # before the work, not after it
    table = _read(pl, source)
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CleanError(f"unknown column {missing[0]!r}; the columns are: {', '.join(table.columns)}")
    opts = FrameOptions(query, spec.fields, tuple(sorted(spec.suffixes.items())))
    stats = CleanStats(rows=table.height)

    def tally(column: str, values: Sequence[str], outcomes: list[Outcome]) -> None:
        """The summary's and the report's counts, from the outcomes the frame helper resolved."""
        counts = table.get_column(column).cast(pl.String).drop_nulls().value_counts()
        cells = zip(counts.get_column(column).to_list(), counts.get_column("count").to_list(), strict=True)
        stats.distinct += sum(map(looked_up, values))
        count_outcomes(Counter(dict(cells)), dict(zip(values, outcomes, strict=True)), stats, report=True)

    df = clean_with(table, list(columns), resolver, opts, tally)
    with open_atomic(target) as tmp:
        if target.name.lower().endswith((".parquet", ".pq")):
            df.write_parquet(tmp)
        else:
            df.write_csv(tmp)
    return stats
