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

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from namenorm._columns import BatchNormalizer, FrameOptions, columns_of
from namenorm._polars_columns import clean_lazy, clean_with
from namenorm.integrations import require
from namenorm.integrations._frames import pick_resolver
from namenorm.options import LookupOptions

__all__ = ["clean_frame", "clean_lazy", "clean_with"]


def clean_frame(df: Any, column: str | Sequence[str], normalizer: BatchNormalizer | None = None, *,
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
    opts = FrameOptions.of(LookupOptions.parse(lang=lang, types=types, country=country, fuzzy=fuzzy,
                                               min_score=min_score), fields=fields, suffixes=suffixes)
    if isinstance(df, pl.LazyFrame):
        return clean_lazy(df, columns_of(column), resolver, opts)
    return clean_with(df, columns_of(column), resolver, opts)
