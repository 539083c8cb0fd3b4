"""The polars side of the column model, shared by the polars helper (:mod:`namenorm.integrations.polars`)
and ``clean``'s Parquet path (:mod:`namenorm.csvclean.parquet`): the new columns of a DataFrame or a
LazyFrame. Callers pass polars frames, so polars is imported here only when they do.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from namenorm._columns import BatchNormalizer, FrameOptions, Outcome, check_columns, new_columns

__all__ = ["clean_lazy", "clean_with"]


def _added(text: Any, column: str, resolver: BatchNormalizer, opts: FrameOptions,
           observe: Callable[[Sequence[str], list[Outcome]], None] | None = None) -> list[Any]:
    """The new columns (polars Series) for ``text``, the cleaned column cast to strings."""
    import polars as pl
    distinct = text.drop_nulls().unique().to_list()
    added = []
    for suffix, cells in new_columns(distinct, resolver, opts, observe).items():
        dtype = pl.Float64 if suffix == opts.score_suffix else pl.String
        new = text.replace_strict(list(cells.keys()), list(cells.values()), default=None, return_dtype=dtype)
        added.append(new.alias(f"{column}{suffix}"))
    return added


def _placed(names: list[str], column: str, fresh: list[str]) -> list[str]:
    """The column order: the ``fresh`` columns right after ``column``, the others where they were."""
    rest = [c for c in names if c not in fresh]
    anchor = rest.index(column) + 1
    return rest[:anchor] + fresh + rest[anchor:]


def clean_with(df: Any, columns: list[str], resolver: BatchNormalizer, opts: FrameOptions,
               observe: Callable[[str, Sequence[str], list[Outcome]], None] | None = None) -> Any:
    """:func:`clean_frame` with the resolver and options already chosen; ``observe`` is shown each
    column's distinct values and their outcomes (see :func:`~namenorm._columns.new_columns`)."""
    import polars as pl
    check_columns(columns, df.columns)
    for column in columns:
        seen = None if observe is None else functools.partial(observe, column)
        added = _added(df.get_column(column).cast(pl.String), column, resolver, opts, seen)
        fresh = [s.name for s in added if s.name not in df.columns]
        df = df.with_columns(added)  # existing columns are refreshed where they are
        df = df.select(_placed(df.columns, column, fresh))
    return df


def clean_lazy(lf: Any, columns: list[str], resolver: BatchNormalizer, opts: FrameOptions) -> Any:
    """:func:`clean_frame` on a LazyFrame: a LazyFrame that resolves each batch's distinct values when
    it is collected (one struct column per cleaned column, unpacked into the new columns)."""
    import polars as pl
    names = lf.collect_schema().names()
    check_columns(columns, names)
    for column in columns:
        suffixes = list(new_columns([], resolver, opts))  # the new columns' suffixes, nothing resolved
        out = {f"{column}{s}": pl.Float64 if s == opts.score_suffix else pl.String for s in suffixes}
        packed = "__namenorm__"
        while packed in names:  # a name no column has
            packed += "_"
        to_struct = functools.partial(_struct_batch, column=column, resolver=resolver, opts=opts)
        lf = lf.with_columns(pl.col(column).cast(pl.String)
                             .map_batches(to_struct, return_dtype=pl.Struct(out), is_elementwise=True)
                             .alias(packed))
        lf = lf.with_columns([pl.col(packed).struct.field(n).alias(n) for n in out]).drop(packed)
        fresh = [n for n in out if n not in names]
        names = _placed(names + fresh, column, fresh)
        lf = lf.select(names)
    return lf


def _struct_batch(text: Any, *, column: str, resolver: BatchNormalizer, opts: FrameOptions) -> Any:
    import polars as pl
    return pl.DataFrame(_added(text, column, resolver, opts)).to_struct(text.name)
