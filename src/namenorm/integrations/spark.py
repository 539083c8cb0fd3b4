"""Clean a Spark DataFrame: the pandas helper's columns, computed batch by batch in ``mapInPandas``.

Each Python worker builds its Normalizer once (from the gazetteer paths, which must be readable on
the executors, and the on-disk index cache) and reuses it for every batch it gets. The new columns
are strings, but the score, which is a double; the original columns keep their types.

Example on a cluster (``namenorm`` installed on the executors)::

    from pyspark.sql import SparkSession
    from namenorm.integrations.spark import clean_spark

    spark = SparkSession.builder.getOrCreate()
    sdf = spark.read.csv("s3://bucket/articles/", header=True)
    clean_spark(sdf, "city", gazetteers=["/shared/my_places.gaz"]).write.parquet("s3://bucket/clean/")
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from namenorm._columns import FrameOptions, base_form_function, check_columns, columns_of
from namenorm.integrations import require
from namenorm.integrations._frames import NoLookups, gazetteer_key, worker_normalizer
from namenorm.options import LookupOptions

__all__ = ["clean_spark"]


def _clean_batches(batches: Iterable[Any], columns: list[str], gazetteers: tuple[str, ...] | None,
                   include_bundled: bool, opts: FrameOptions) -> Iterator[Any]:
    from namenorm.integrations.pandas import clean_with

    resolver = worker_normalizer(gazetteers, include_bundled)
    for pdf in batches:
        yield clean_with(pdf, columns, resolver, opts)


def clean_spark(sdf: Any, column: str | Sequence[str], gazetteers: Sequence[str | Path] | None = None, *,
                include_bundled: bool = True, lang: str | None = None,
                types: Iterable[str] | str | None = None, country: str | None = None,
                fuzzy: bool | None = None, min_score: float = 0.0, fields: str | Sequence[str] | None = None,
                suffixes: str | dict[str, str] | None = None) -> Any:
    """A Spark DataFrame with the new columns after each cleaned ``column`` (lazy, as Spark is).

    The options are those of :func:`namenorm.integrations.pandas.clean_frame`. A column that an
    earlier run added is replaced in place, as the pandas helper does.
    """
    require("pyspark.sql", "spark")
    pd = require("pandas", "spark")
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    from namenorm.integrations.pandas import clean_with

    opts = FrameOptions.of(LookupOptions.parse(lang=lang, types=types, country=country, fuzzy=fuzzy,
                                               min_score=min_score), fields=fields, suffixes=suffixes)
    columns = columns_of(column)
    check_columns(columns, sdf.columns)
    empty = pd.DataFrame({c: pd.Series([], dtype=object) for c in sdf.columns})
    names = list(clean_with(empty, columns, NoLookups(), opts).columns)
    spec = opts.spec(base_form_function() is not None)
    added = {c + spec.suffixes[f]: f for c in columns for f in spec.fields}
    given = {f.name: f for f in sdf.schema.fields}
    new_type = {f: DoubleType() if f == "score" else StringType() for f in spec.fields}
    schema = StructType([StructField(n, new_type[added[n]], True) if n in added else given[n] for n in names])
    batches = functools.partial(_clean_batches, columns=columns, gazetteers=gazetteer_key(gazetteers),
                                include_bundled=include_bundled, opts=opts)
    return sdf.mapInPandas(batches, schema=schema)
