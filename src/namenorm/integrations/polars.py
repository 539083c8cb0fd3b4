"""Add namenorm's columns to a polars DataFrame.

Same columns as :func:`namenorm.integrations.pandas.clean_frame` (strings, the score a Float64); each
distinct value is resolved once and the results are joined back with ``replace_strict``.  A LazyFrame
gives a LazyFrame: nothing is resolved until it is collected, then each batch's distinct values.

>>> import pytest, tempfile, pathlib
>>> pl = pytest.importorskip("polars")  # the 'polars' extra
>>> gaz = pathlib.Path(tempfile.mkdtemp()) / "cities.gaz"
>>> _ = gaz.write_text("[Q1899] LOC Kyiv\\nen: Kyiv | Kiev\\nuk: Київ\\n", encoding="utf-8")
>>> df = pl.DataFrame({"city": ["Київ", "Atlantis", None], "n": [1, 2, 3]})
>>> out = clean_frame(df, "city", gazetteers=[gaz], include_bundled=False, fields="id,score")
>>> out.columns
['city', 'city_id', 'city_score', 'n']
>>> out["city_id"].to_list(), out["city_score"].to_list()
(['Q1899', None, None], [1.0, None, None])
>>> lazy = clean_frame(df.lazy(), "city", gazetteers=[gaz], include_bundled=False, fields="id,score")
>>> type(lazy).__name__, lazy.collect().equals(out)
('LazyFrame', True)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from namenorm.csvclean.fields import Outcome, Resolver
from namenorm.integrations import require
from namenorm.integrations._frames import FrameOptions, check_columns, columns_of, new_columns, pick_resolver

__all__ = ["clean_frame", "clean_lazy", "clean_with"]


def clean_frame(df: Any, column: str | Sequence[str], normalizer: Resolver | None = None, *,
                gazetteers: Sequence[str | Path] | None = None, include_bundled: bool = True,
                lang: str | None = None, types: Iterable[str] | str | None = None, country: str | None = None,
                fuzzy: bool | None = None, min_score: float = 0.0, fields: str | Sequence[str] | None = None,
                suffixes: str | dict[str, str] | None = None) -> Any:
    """``df`` (a polars DataFrame) with the new columns after each cleaned ``column``; from a LazyFrame,
    a LazyFrame whose values are resolved when it is collected (batch by batch)."""
    pl = require("polars", "polars")
    if not isinstance(df, pl.DataFrame | pl.LazyFrame):
        raise TypeError(f"clean_frame() takes a polars DataFrame or LazyFrame, got {type(df).__name__}")
    resolver = pick_resolver(normalizer, gazetteers, include_bundled)
    opts = FrameOptions.of(lang=lang, types=types, country=country, fuzzy=fuzzy, min_score=min_score,
                           fields=fields, suffixes=suffixes)
    if isinstance(df, pl.LazyFrame):
        return clean_lazy(df, columns_of(column), resolver, opts)
    return clean_with(df, columns_of(column), resolver, opts)


def _added(text: Any, column: str, resolver: Resolver, opts: FrameOptions,
           observe: Callable[[Sequence[str], list[Outcome]], None] | None = None) -> list[Any]:
    """The new columns (polars Series) for ``text``, the cleaned column cast to strings."""
    pl = require("polars", "polars")
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


def clean_with(df: Any, columns: list[str], resolver: Resolver, opts: FrameOptions,
               observe: Callable[[str, Sequence[str], list[Outcome]], None] | None = None) -> Any:
    """:func:`clean_frame` with the resolver and options already chosen; ``observe`` is shown each
    column's distinct values and their outcomes (see :func:`~namenorm.integrations._frames.new_columns`)."""
    pl = require("polars", "polars")
    check_columns(columns, df.columns)
    for column in columns:
        seen = None if observe is None else functools.partial(observe, column)
        added = _added(df.get_column(column).cast(pl.String), column, resolver, opts, seen)
        fresh = [s.name for s in added if s.name not in df.columns]
        df = df.with_columns(added)  # existing columns are refreshed where they are
        df = df.select(_placed(df.columns, column, fresh))
    return df


def clean_lazy(lf: Any, columns: list[str], resolver: Resolver, opts: FrameOptions) -> Any:
    """:func:`clean_frame` on a LazyFrame: a LazyFrame that resolves each batch's distinct values when
    it is collected (one struct column per cleaned column, unpacked into the new columns)."""
    pl = require("polars", "polars")
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


def _struct_batch(text: Any, *, column: str, resolver: Resolver, opts: FrameOptions) -> Any:
    pl = require("polars", "polars")
    return pl.DataFrame(_added(text, column, resolver, opts)).to_struct(text.name)
