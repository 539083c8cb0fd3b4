"""The pandas, polars and Dask helpers add the same columns as ``namenorm clean``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.api import Normalizer

GAZ = Path(__file__).parent / "data" / "clean" / "places.gaz"
CITIES = ["Kiev", "Киеве", "Atlantis", None, "Lvov", "Kiev"]
_NORMALIZER: list[Normalizer] = []


def _places() -> Normalizer:
    """One Normalizer over the test gazetteer for the property tests (built on first use)."""
    if not _NORMALIZER:
        _NORMALIZER.append(Normalizer([GAZ], include_bundled=False))
    return _NORMALIZER[0]


def _listed(series: object) -> list[object]:
    """A pandas Series as a list, its missing values (None, NaN or NA, as the dtype has them) as None."""
    import pandas as pd

    return [None if pd.isna(x) else x for x in series.tolist()]  # type: ignore[attr-defined]


def test_pandas_clean_frame() -> None:
    pd = pytest.importorskip("pandas")
    from namenorm.integrations.pandas import clean_frame

    df = pd.DataFrame({"city": CITIES, "n": range(6)})
    out = clean_frame(df, "city", Normalizer([GAZ], include_bundled=False))
    assert list(out.columns) == ["city", "city_id", "city_name", "city_type", "city_score", "city_method",
                                 "city_base", "n"]
    assert _listed(out["city_id"]) == ["cleantest:kyiv", "cleantest:kyiv", None, None, "cleantest:lviv",
                                       "cleantest:kyiv"]
    assert out["city_score"].tolist()[:2] == [1.0, pytest.approx(0.99)]
    assert out["city"].tolist() == df["city"].tolist()
    assert list(df.columns) == ["city", "n"]  # the input frame is not changed
    again = clean_frame(out, "city", Normalizer([GAZ], include_bundled=False))
    assert again.columns.tolist() == out.columns.tolist() and again.equals(out)


def _string_dtypes() -> list[object]:
    """The string dtypes a pandas frame may hold: the default ``str`` (pandas 3), ``string[python]``, and
    with pyarrow ``string[pyarrow]`` and the Arrow string types."""
    pd = pytest.importorskip("pandas")
    dtypes: list[object] = [pd.StringDtype("python")]
    if pd.api.types.is_string_dtype(pd.Series(["a"]).dtype) and pd.Series(["a"]).dtype != object:
        dtypes.append(pd.Series(["a"]).dtype)  # pandas 3's default "str"
    try:
        import pyarrow as pa
    except ImportError:
        return dtypes
    return [*dtypes, pd.StringDtype("pyarrow"), pd.ArrowDtype(pa.string()), pd.ArrowDtype(pa.large_string())]


def test_pandas_new_text_columns_take_the_string_dtype_of_the_column() -> None:
    pd = pytest.importorskip("pandas")
    from namenorm.integrations.pandas import clean_frame

    norm = _places()
    plain = clean_frame(pd.DataFrame({"city": pd.Series(CITIES, dtype=object)}), "city", norm)
    assert {str(t) for c, t in plain.dtypes.items() if c != "city_score"} == {"object"}
    for dtype in _string_dtypes():
        df = pd.DataFrame({"city": pd.Series(CITIES, dtype=dtype), "n": range(6)})  # type: ignore[call-overload]
        out = clean_frame(df, "city", norm)
        assert out["city_score"].dtype == "float64", dtype
        for name in ("city_id", "city_name", "city_type", "city_method", "city_base"):
            assert out[name].dtype == dtype, (name, dtype)
            assert _listed(out[name]) == _listed(plain[name]), (name, dtype)
        again = clean_frame(out, "city", norm)  # refreshed columns keep the dtype too
        assert (again.dtypes == out.dtypes).all()


def test_pandas_numbers_are_looked_up_as_text_into_object_columns() -> None:
    pd = pytest.importorskip("pandas")
    from namenorm.integrations.pandas import clean_frame

    out = clean_frame(pd.DataFrame({"code": [1, 2]}), "code", _places(), fields="id,score")
    assert str(out["code_id"].dtype) == "object" and str(out["code_score"].dtype) == "float64"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([*CITIES, "", " ", "Київ", "kyiv"]), max_size=12),
       st.integers(0, 3))
def test_pandas_string_dtypes_agree_with_object(cities: list[str | None], which: int) -> None:
    """Whatever the string dtype, the new columns hold what they hold from an object column."""
    pd = pytest.importorskip("pandas")
    from namenorm.integrations.pandas import clean_frame

    dtypes = _string_dtypes()
    dtype = dtypes[which % len(dtypes)]
    plain = clean_frame(pd.DataFrame({"city": pd.Series(cities, dtype=object)}), "city", _places())
    typed = clean_frame(pd.DataFrame({"city": pd.Series(cities, dtype=dtype)}), "city", _places())  # type: ignore[call-overload]
    assert list(typed.columns) == list(plain.columns)
    for name in plain.columns:
        assert _listed(typed[name]) == _listed(plain[name])


def test_polars_clean_frame_and_min_score() -> None:
    pl = pytest.importorskip("polars")
    from namenorm.integrations.polars import clean_frame

    df = pl.DataFrame({"city": CITIES, "n": list(range(6))})
    out = clean_frame(df, "city", gazetteers=[GAZ], include_bundled=False, fields=["id", "score"],
                      min_score=0.995, suffixes={"id": "_qid"})
    assert out.columns == ["city", "city_qid", "city_score", "n"]
    kyiv, lviv = "cleantest:kyiv", "cleantest:lviv"
    assert out["city_qid"].to_list() == [kyiv, None, None, None, lviv, kyiv]  # Киеве: 0.99
    assert out["city"].to_list() == CITIES


def test_polars_lazy_frame_gives_a_lazy_frame() -> None:
    pl = pytest.importorskip("polars")
    from namenorm.integrations.polars import clean_frame

    calls: list[list[str]] = []

    class Counting:
        def normalize_many(self, values: list[str], **hints: object) -> list[object]:
            calls.append(list(values))
            return _places().normalize_many(values, **hints)  # type: ignore[arg-type]

    df = pl.DataFrame({"n": list(range(6)), "city": CITIES, "city_id": ["old"] * 6})
    lazy = clean_frame(df.lazy().filter(pl.col("n") < 5), "city", Counting(), fields="id,name,score")
    assert isinstance(lazy, pl.LazyFrame) and calls == []  # nothing is resolved before collect()
    # new columns right after "city", the refreshed "city_id" where it was (as on a DataFrame)
    assert lazy.collect_schema() == pl.Schema({"n": pl.Int64, "city": pl.String, "city_name": pl.String,
                                               "city_score": pl.Float64, "city_id": pl.String})
    got = lazy.collect()
    assert got.equals(clean_frame(df.filter(pl.col("n") < 5), "city", _places(), fields="id,name,score"))
    assert got["city_id"].to_list() == ["cleantest:kyiv", "cleantest:kyiv", None, None, "cleantest:lviv"]
    assert sorted(v for batch in calls for v in batch) == ["Atlantis", "Kiev", "Lvov", "Киеве"]
    with pytest.raises(KeyError, match="unknown column 'town'"):
        clean_frame(df.lazy(), "town", _places())


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([*CITIES, "", "Київ", "kyiv"]), max_size=12),
       st.lists(st.sampled_from(["city", "other"]), min_size=1, max_size=2, unique=True))
def test_polars_lazy_equals_eager(cities: list[str | None], columns: list[str]) -> None:
    pl = pytest.importorskip("polars")
    from namenorm.integrations.polars import clean_frame

    df = pl.DataFrame({"city": cities, "other": list(reversed(cities))}, schema={"city": pl.String,
                                                                                 "other": pl.String})
    eager = clean_frame(df, columns, _places())
    assert clean_frame(df.lazy(), columns, _places()).collect().equals(eager)


def test_frame_helpers_keep_the_normalizers_fuzzy_setting() -> None:
    """``clean_frame`` with a Normalizer made with ``fuzzy=False`` does no fuzzy matching unless asked."""
    pd = pytest.importorskip("pandas")
    from namenorm.integrations.pandas import clean_frame

    df = pd.DataFrame({"city": ["Khrakiv", "Kharkov"]})  # a typo, then an alias
    strict = Normalizer([GAZ], include_bundled=False, fuzzy=False)
    kharkiv = "cleantest:kharkiv"
    assert _listed(clean_frame(df, "city", strict, fields="id")["city_id"]) == [None, kharkiv]
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


def test_csvclean_and_integrations_share_the_column_model_without_importing_each_other() -> None:
    """Both import the column model from namenorm._columns; neither imports the other package."""
    import ast

    import namenorm._columns as model
    import namenorm.csvclean as csvclean
    import namenorm.csvclean.errors as errors
    import namenorm.csvclean.fields as fields

    src = Path(model.__file__).parent
    for package, other in (("integrations", "namenorm.csvclean"), ("csvclean", "namenorm.integrations")):
        for path in sorted((src / package).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                    [a.name for a in node.names] if isinstance(node, ast.Import) else []
                assert not any(n.startswith(other) for n in names), f"{path.name} imports {names}"
    # the documented names are still where they were, and are the same objects
    assert csvclean.FieldSpec is fields.FieldSpec is model.FieldSpec
    assert csvclean.Query is fields.Query is model.Query and fields.Outcome is model.Outcome
    assert csvclean.CleanError is errors.CleanError is model.CleanError
