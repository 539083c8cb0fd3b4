"""Add namenorm's columns to a pandas DataFrame.

``clean_frame(df, "city")`` returns a copy of ``df`` with ``city_id``, ``city_name``, ``city_type``,
``city_score``, ``city_method`` and ``city_base`` inserted after ``city`` (columns of those names
that already exist are refreshed in place).  Each distinct value is resolved once.  The score column
is ``float64``; the other new columns take the dtype of the cleaned column when it is a string dtype
(``str``, ``string[python]``, ``string[pyarrow]``, an Arrow string), else ``object``.

>>> import pytest, tempfile, pathlib
>>> pd = pytest.importorskip("pandas")  # the 'pandas' extra
>>> gaz = pathlib.Path(tempfile.mkdtemp()) / "cities.gaz"
>>> _ = gaz.write_text("[Q1899] LOC Kyiv\\nen: Kyiv | Kiev\\nuk: Київ\\n", encoding="utf-8")
>>> df = pd.DataFrame({"city": pd.Series(["Kiev", "Atlantis", None], dtype="string"), "n": [1, 2, 3]})
>>> out = clean_frame(df, "city", gazetteers=[gaz], include_bundled=False, fields="id,name,score")
>>> list(out.columns)
['city', 'city_id', 'city_name', 'city_score', 'n']
>>> out["city_id"].tolist(), str(out["city_id"].dtype), str(out["city_score"].dtype)
(['Q1899', <NA>, <NA>], 'string', 'float64')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from namenorm._columns import BatchNormalizer, FrameOptions, check_columns, columns_of, new_columns
from namenorm.integrations import require
from namenorm.integrations._frames import pick_resolver
from namenorm.options import LookupOptions

__all__ = ["clean_frame"]


def clean_frame(df: Any, column: str | Sequence[str], normalizer: BatchNormalizer | None = None, *,
                gazetteers: Sequence[str | Path] | None = None, include_bundled: bool = True,
                lang: str | None = None, types: Iterable[str] | str | None = None, country: str | None = None,
                fuzzy: bool | None = None, min_score: float = 0.0, fields: str | Sequence[str] | None = None,
                suffixes: str | dict[str, str] | None = None) -> Any:
    """A copy of the pandas DataFrame ``df`` with the new columns after each cleaned ``column``."""
    pd = require("pandas", "pandas")
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"clean_frame() takes a pandas DataFrame, got {type(df).__name__}")
    resolver = pick_resolver(normalizer, gazetteers, include_bundled)
    opts = FrameOptions.of(LookupOptions.parse(lang=lang, types=types, country=country, fuzzy=fuzzy,
                                               min_score=min_score), fields=fields, suffixes=suffixes)
    return clean_with(df, columns_of(column), resolver, opts)


def clean_with(df: Any, columns: list[str], resolver: BatchNormalizer, opts: FrameOptions) -> Any:
    """:func:`clean_frame` with the resolver and options already chosen (used by the Dask helper)."""
    pd = require("pandas", "pandas")
    out = df.copy()
    check_columns(columns, list(out.columns))
    for column in columns:
        series = out[column]
        distinct = [v for v in series.dropna().unique()]
        keys = {v: v if isinstance(v, str) else str(v) for v in distinct}
        cols = new_columns(list(dict.fromkeys(keys.values())), resolver, opts)
        pos = list(out.columns).index(column) + 1
        for suffix, cells in cols.items():
            name = f"{column}{suffix}"
            mapping = {v: cells[k] for v, k in keys.items()}
            cells_in_order = [mapping.get(v) for v in series.tolist()]
            dtype = "float64" if suffix == opts.score_suffix else text_dtype(pd, series.dtype)
            values = pd.Series(cells_in_order, index=series.index, dtype=dtype)
            if name in out.columns:
                out[name] = values
            else:
                out.insert(pos, name, values)
                pos += 1
    return out if isinstance(out, pd.DataFrame) else pd.DataFrame(out)


def text_dtype(pd: Any, dtype: Any) -> Any:
    """The dtype of the new text columns for a cleaned column of ``dtype``: the same string dtype (its
    storage and missing-value marker included), or ``object`` when the column does not hold strings."""
    if isinstance(dtype, pd.StringDtype):
        return dtype
    if isinstance(dtype, pd.ArrowDtype) and str(dtype.pyarrow_dtype) in ("string", "large_string"):
        return dtype
    return object
