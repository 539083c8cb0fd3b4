"""Add namenorm's columns to a polars DataFrame.

Same columns as :func:`namenorm.integrations.pandas.clean_frame`; each distinct value is resolved once
and the results are joined back with ``replace_strict``.

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
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from namenorm.csvclean.fields import Outcome, Resolver
from namenorm.integrations import require
from namenorm.integrations._frames import FrameOptions, check_columns, columns_of, new_columns, pick_resolver

__all__ = ["clean_frame", "clean_with"]


def clean_frame(df: Any, column: str | Sequence[str], normalizer: Resolver | None = None, *,
                gazetteers: Sequence[str | Path] | None = None, include_bundled: bool = True,
                lang: str | None = None, types: Iterable[str] | str | None = None, country: str | None = None,
                fuzzy: bool | None = None, min_score: float = 0.0, fields: str | Sequence[str] | None = None,
                suffixes: str | dict[str, str] | None = None) -> Any:
    """``df`` (a polars DataFrame) with the new columns after each cleaned ``column``."""
    pl = require("polars", "polars")
    if not isinstance(df, pl.DataFrame):
        raise TypeError(f"clean_frame() takes a polars DataFrame, got {type(df).__name__}")
    resolver = pick_resolver(normalizer, gazetteers, include_bundled)
    opts = FrameOptions.of(lang=lang, types=types, country=country, fuzzy=fuzzy, min_score=min_score,
                           fields=fields, suffixes=suffixes)
    return clean_with(df, columns_of(column), resolver, opts)


def clean_with(df: Any, columns: list[str], resolver: Resolver, opts: FrameOptions,
               observe: Callable[[str, Sequence[str], list[Outcome]], None] | None = None) -> Any:
    """:func:`clean_frame` with the resolver and options already chosen; ``observe`` is shown each
    column's distinct values and their outcomes (see :func:`~namenorm.integrations._frames.new_columns`)."""
    pl = require("polars", "polars")
    check_columns(columns, df.columns)
    for column in columns:
        text = df.get_column(column).cast(pl.String)
        distinct = text.drop_nulls().unique().to_list()
        seen = None if observe is None else functools.partial(observe, column)
        cols = new_columns(distinct, resolver, opts, seen)
        added = []
        for suffix, cells in cols.items():
            dtype = pl.Float64 if suffix == opts.score_suffix else pl.String
            new = text.replace_strict(list(cells.keys()), list(cells.values()), default=None,
                                      return_dtype=dtype)
            added.append(new.alias(f"{column}{suffix}"))
        fresh = [s.name for s in added if s.name not in df.columns]
        df = df.with_columns(added)  # existing columns are refreshed where they are
        rest = [c for c in df.columns if c not in fresh]
        anchor = rest.index(column) + 1
        df = df.select(rest[:anchor] + fresh + rest[anchor:])
    return df

