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

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from namenorm.csvclean.fields import Resolver
from namenorm.integrations import require
from namenorm.integrations._frames import FrameOptions, columns_of, pick_resolver

__all__ = ["clean_dask", "worker_normalizer", "worker_stats"]

_BUILT: list[int] = []  # one entry per Normalizer built in this process (see worker_stats)


@lru_cache(maxsize=8)
def worker_normalizer(gazetteers: tuple[str, ...] | None, include_bundled: bool) -> Resolver:
    """The Normalizer of this process for a gazetteer configuration, built on first use."""
    _BUILT.append(os.getpid())
    return pick_resolver(None, list(gazetteers) if gazetteers is not None else None, include_bundled)


def worker_stats() -> dict[str, int]:
    """How many Normalizers this process built (for checking that workers load them once)."""
    return {"pid": os.getpid(), "built": len(_BUILT)}


def _clean_partition(pdf: Any, columns: list[str], gazetteers: tuple[str, ...] | None, include_bundled: bool,
                     opts: FrameOptions) -> Any:
    from namenorm.integrations.pandas import clean_with

    return clean_with(pdf, columns, worker_normalizer(gazetteers, include_bundled), opts)


class _NoLookups:
    """A resolver for computing the output schema on an empty frame: it is never asked anything."""

    def normalize_many(self, values: Iterable[str], **hints: Any) -> list[Any]:
        return [None for _ in values]


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
    >>> clean_dask(ddf, "city", [gaz], include_bundled=False, fields="id").compute()["city_id"].tolist()
    ['Q1899', None]
    """
    require("dask.dataframe", "dask")
    from namenorm.integrations.pandas import clean_with

    opts = FrameOptions.of(lang=lang, types=types, country=country, fuzzy=fuzzy, min_score=min_score,
                           fields=fields, suffixes=suffixes)
    columns = columns_of(column)
    meta = clean_with(ddf._meta, columns, _NoLookups(), opts)
    gaz = tuple(str(Path(p).resolve()) for p in gazetteers) if gazetteers is not None else None
    return ddf.map_partitions(_clean_partition, columns, gaz, include_bundled, opts, meta=meta)
