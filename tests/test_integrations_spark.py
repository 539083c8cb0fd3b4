"""The Spark helper adds the pandas helper's columns, batch by batch in ``mapInPandas``.

A local Spark session with two cores, when the ``spark`` extra (pyspark, pyarrow; part of ``dev``) and
Java are installed; skipped otherwise.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from namenorm.api import Normalizer

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Spark needs Java", allow_module_level=True)

# pyspark's own notices about pandas 3, raised inside pyspark: nothing this project can act on
pytestmark = [pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
              pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")]
GAZ = Path(__file__).parent / "data" / "clean" / "places.gaz"
CITIES = ["Kiev", "Киеве", "Atlantis", None, "Lvov", "Kiev"]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    before = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable  # Python workers that can import namenorm
    session = (SparkSession.builder.master("local[2]").appName("namenorm-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    try:
        yield session
    finally:
        session.stop()
        if before is None:
            del os.environ["PYSPARK_PYTHON"]
        else:
            os.environ["PYSPARK_PYTHON"] = before


def _cells(df: Any) -> dict[str, list[object]]:
    return {c: [None if pd.isna(x) else x for x in df[c].tolist()] for c in df.columns}


def test_spark_matches_the_pandas_helper(spark: Any) -> None:
    from pyspark.sql.types import DoubleType, LongType, StringType

    from namenorm.integrations.pandas import clean_frame
    from namenorm.integrations.spark import clean_spark

    pdf = pd.DataFrame({"city": CITIES * 10, "n": range(60)})
    sdf = spark.createDataFrame(pdf).repartition(4)
    out = clean_spark(sdf, "city", [GAZ], include_bundled=False, fields="id,name,score")
    types = {f.name: type(f.dataType) for f in out.schema.fields}
    assert types == {"city": StringType, "city_id": StringType, "city_name": StringType,
                     "city_score": DoubleType, "n": LongType}
    assert out.filter(out.city_id.isNull()).count() == out.filter(out.city_score.isNull()).count() == 20
    got = out.toPandas().sort_values("n").reset_index(drop=True)
    want = clean_frame(pdf, "city", Normalizer([GAZ], include_bundled=False), fields="id,name,score")
    assert list(got.columns) == list(want.columns)
    assert _cells(got) == _cells(want)
    assert _cells(got)["city_id"][:3] == ["cleantest:kyiv", "cleantest:kyiv", None]


def test_spark_refreshes_columns_of_an_earlier_run_and_checks_names(spark: Any) -> None:
    from namenorm.integrations.spark import clean_spark

    sdf = spark.createDataFrame(pd.DataFrame({"city": ["Kiev", "Lvov"], "city_id": ["old", "old"]}))
    out = clean_spark(sdf, "city", [GAZ], include_bundled=False, fields="id").toPandas()
    assert out.columns.tolist() == ["city", "city_id"]
    assert out["city_id"].tolist() == ["cleantest:kyiv", "cleantest:lviv"]
    with pytest.raises(KeyError, match="unknown column 'town'; the columns are: city, city_id"):
        clean_spark(sdf, "town", [GAZ], include_bundled=False)
