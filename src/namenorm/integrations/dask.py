"""Clean a Dask DataFrame: the same columns as the pandas helper, computed partition by partition.

Each worker process builds its Normalizer once (from the gazetteer paths, which must be readable
on the workers, and the on-disk index cache) and reuses it for every partition it gets.

Example against a running cluster (``tcp://scheduler:8786`` is your scheduler's address)::

    from distributed import Client
    import dask.dataframe as dd
    from namenorm.integrations.dask import clean_dask

    client = Client("tcp://scheduler:8786")
    ddf = dd.read_csv("s3://bucket/articles-*.csv", dtype=str)
    clean_dask(ddf, "city", gazetteers=["/shared/my_places.gaz"]).to_parquet("s3://bucket/clean/")
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from namenorm._columns import FrameOptions, columns_of
from namenorm.integrations import require
from namenorm.integrations._frames import NoLookups, gazetteer_key, worker_normalizer, worker_stats
from namenorm.options import LookupOptions

__all__ = ["clean_dask", "worker_normalizer", "worker_stats"]


def _clean_partition(pdf: Any, columns: list[str], gazetteers: tuple[str, ...] | None, include_bundled: bool,
                     opts: FrameOptions) -> Any:
    from namenorm.integrations.pandas import clean_with

    return clean_with(pdf, columns, worker_normalizer(gazetteers, include_bundled), opts)


def clean_dask(ddf: Any, column: str | Sequence[str], gazetteers: Sequence[str | Path] | None = None, *,
               include_bundled: bool = True, lang: str | None = None,
               types: Iterable[str] | str | None = None, country: str | None = None,
               fuzzy: bool | None = None, min_score: float = 0.0, fields: str | Sequence[str] | None = None,
               suffixes: str | dict[str, str] | None = None) -> Any:
    """A lazy Dask DataFrame with the new columns after each cleaned ``column``.

    >>> import pytest, tempfile, pathlib
    >>> dd, pd = pytest.importorskip("dask.dataframe"), pytest.importorskip("pandas")  # the 'dask' extra
    >>> gaz = pathlib.Path(tempfile.mkdtemp()) / "cities.gaz"
    >>> _ = gaz.write_text("[Q1899] LOC Kyiv\\nen: Kyiv | Kiev\\n", encoding="utf-8")
    >>> ddf = dd.from_pandas(pd.DataFrame({"city": ["Kiev", "Rome"]}), npartitions=2)
    >>> out = clean_dask(ddf, "city", [gaz], include_bundled=False, fields="id").compute()
    >>> [None if pd.isna(v) else v for v in out["city_id"]], out["city_id"].dtype == out["city"].dtype
    (['Q1899', None], True)
    """
    require("dask.dataframe", "dask")
    from namenorm.integrations.pandas import clean_with

    opts = FrameOptions.of(LookupOptions.parse(lang=lang, types=types, country=country, fuzzy=fuzzy,
                                               min_score=min_score), fields=fields, suffixes=suffixes)
    columns = columns_of(column)
    meta = clean_with(ddf._meta, columns, NoLookups(), opts)
    return ddf.map_partitions(_clean_partition, columns, gazetteer_key(gazetteers), include_bundled, opts,
                              meta=meta)
