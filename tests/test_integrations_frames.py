"""The pandas, polars and Dask helpers add the same columns as ``namenorm clean``."""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm.api import Normalizer

GAZ = Path(__file__).parent / "data" / "clean" / "places.gaz"
CITIES = ["Kiev", "Киеве", "Atlantis", None, "Lvov", "Kiev"]


def test_pandas_clean_frame() -> None:
    pd = pytest.importorskip("pandas")
    from namenorm.integrations.pandas import clean_frame

    df = pd.DataFrame({"city": CITIES, "n": range(6)})
    out = clean_frame(df, "city", Normalizer([GAZ], include_bundled=False))
    assert list(out.columns) == ["city", "city_id", "city_name", "city_type", "city_score", "city_method",
                                 "city_base", "n"]
    assert out["city_id"].tolist() == ["cleantest:kyiv", "cleantest:kyiv", None, None, "cleantest:lviv",
                                       "cleantest:kyiv"]
    assert out["city_score"].tolist()[:2] == [1.0, pytest.approx(0.97)]
    assert out["city"].tolist() == df["city"].tolist()
    assert list(df.columns) == ["city", "n"]  # the input frame is not changed
    again = clean_frame(out, "city", Normalizer([GAZ], include_bundled=False))
    assert again.columns.tolist() == out.columns.tolist() and again.equals(out)


def test_polars_clean_frame_and_min_score() -> None:
    pl = pytest.importorskip("polars")
    from namenorm.integrations.polars import clean_frame

    df = pl.DataFrame({"city": CITIES, "n": list(range(6))})
    out = clean_frame(df, "city", gazetteers=[GAZ], include_bundled=False, fields=["id", "score"],
                      min_score=0.99, suffixes={"id": "_qid"})
    assert out.columns == ["city", "city_qid", "city_score", "n"]
    kyiv, lviv = "cleantest:kyiv", "cleantest:lviv"
    assert out["city_qid"].to_list() == [kyiv, None, None, None, lviv, kyiv]  # Киеве scores 0.97
    assert out["city"].to_list() == CITIES


def test_frame_helpers_keep_the_normalizers_fuzzy_setting() -> None:
    """``clean_frame`` with a Normalizer made with ``fuzzy=False`` does no fuzzy matching unless asked."""
    pd = pytest.importorskip("pandas")
    from namenorm.integrations.pandas import clean_frame

    df = pd.DataFrame({"city": ["Khrakiv", "Kharkov"]})  # a typo, then an alias
    strict = Normalizer([GAZ], include_bundled=False, fuzzy=False)
    kharkiv = "cleantest:kharkiv"
    assert clean_frame(df, "city", strict, fields="id")["city_id"].tolist() == [None, kharkiv]
    assert clean_frame(df, "city", strict, fields="id", fuzzy=True)["city_id"].tolist() == [kharkiv, kharkiv]
    assert clean_frame(df, "city", gazetteers=[GAZ], include_bundled=False, fields="id")["city_id"].tolist() \
        == [kharkiv, kharkiv]


def test_suffixes_as_the_command_line_writes_them() -> None:
    """``suffixes="id=_qid"`` as ``--suffixes`` takes it, checked the same way (it raised AttributeError)."""
    pl = pytest.importorskip("polars")
    from namenorm.csvclean import CleanError
    from namenorm.integrations.polars import clean_frame

    df = pl.DataFrame({"city": CITIES})
    norm = Normalizer([GAZ], include_bundled=False)
    text = clean_frame(df, "city", norm, fields="id,name", suffixes="id=_qid")
    assert text.equals(clean_frame(df, "city", norm, fields="id,name", suffixes={"id": "_qid"}))
    assert text.columns == ["city", "city_qid", "city_name"]
    for bad in ("id", {"colour": "_x"}):
        with pytest.raises(CleanError, match="--suffixes"):
            clean_frame(df, "city", norm, suffixes=bad)


def test_missing_library_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from namenorm.integrations.pandas import clean_frame

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'namenorm\[pandas\]'"):
        clean_frame(object(), "city")


def test_dask_on_a_local_cluster() -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    pd = pytest.importorskip("pandas")
    from namenorm.integrations.dask import clean_dask, worker_stats

    pdf = pd.DataFrame({"city": CITIES * 20, "n": range(120)})
    ddf = dd.from_pandas(pdf, npartitions=8)
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) \
            as cluster, distributed.Client(cluster) as client:
        got = clean_dask(ddf, "city", [GAZ], include_bundled=False, fields="id,name").compute()
        built = client.run(worker_stats)
    from namenorm.integrations.pandas import clean_frame

    want = clean_frame(pdf, "city", Normalizer([GAZ], include_bundled=False), fields="id,name")
    def cells(df: object) -> dict[str, list[object]]:  # dask may store strings as pyarrow strings
        return {c: [None if pd.isna(x) else x for x in df[c].tolist()] for c in df.columns}  # type: ignore

    assert list(got.columns) == list(want.columns) == ["city", "city_id", "city_name", "n"]
    assert cells(got.sort_index()) == cells(want)
    # one Normalizer per worker process, not one per partition (8 partitions)
    assert 1 <= sum(s["built"] for s in built.values()) <= 2
    assert all(s["built"] <= 1 for s in built.values())
