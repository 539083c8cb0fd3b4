"""The lookup options in one form (:mod:`namenorm.options`): the parser's good and bad inputs, its
properties, and the same message from every entry point (API, command line, clean, a frame helper)."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import namenorm
from namenorm.csvclean import CleanError, Query, clean_csv
from namenorm.gazetteer.model import TYPES
from namenorm.options import LookupOptions

GAZ = Path(__file__).parent / "data" / "core" / "news.gaz"
OWN = ("--gazetteer", str(GAZ), "--no-bundled")
SRC = str(Path(namenorm.__file__).resolve().parent.parent)

BAD_COUNTRY = "'Ukraine' is not an ISO 3166-1 alpha-2 country code such as UA or DE"
BAD_TYPES = "unknown type 'CITY'; give one or more of EVT,LOC,ORG,PER,PRO, separated by commas"


# -- the parser -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("given_", "want"), [
    ({}, LookupOptions()),
    ({"types": "PER,LOC"}, LookupOptions(types=frozenset({"PER", "LOC"}))),
    ({"types": " loc , per ,"}, LookupOptions(types=frozenset({"PER", "LOC"}))),
    ({"types": ["per", "PER"]}, LookupOptions(types=frozenset({"PER"}))),
    ({"types": ("ORG",)}, LookupOptions(types=frozenset({"ORG"}))),
    ({"types": ""}, LookupOptions()),  # no type given: no filter
    ({"types": []}, LookupOptions()),
    ({"country": "ua"}, LookupOptions(country="UA")),
    ({"country": "De"}, LookupOptions(country="DE")),
    ({"lang": "uk", "fuzzy": False}, LookupOptions(lang="uk", fuzzy=False)),
    ({"fuzzy": True, "min_score": 1}, LookupOptions(fuzzy=True, min_score=1.0)),
    ({"min_score": None}, LookupOptions(min_score=0.0)),
    ({"admin": "UA-30, UA-32"}, LookupOptions(admin=frozenset({"UA-30", "UA-32"}))),
    ({"admin": []}, LookupOptions()),
])
def test_parse_turns_user_input_into_the_checked_form(given_: dict[str, object], want: LookupOptions) -> None:
    got = LookupOptions.parse(**given_)  # type: ignore[arg-type]
    assert got == want
    assert isinstance(got.min_score, float)


@pytest.mark.parametrize(("given_", "error", "message"), [
    ({"country": "Ukraine"}, ValueError, BAD_COUNTRY),
    ({"country": "U1"}, ValueError, "'U1' is not an ISO 3166-1 alpha-2"),
    ({"country": ""}, ValueError, "'' is not an ISO 3166-1 alpha-2"),
    ({"country": 7}, TypeError, "country must be an ISO 3166-1 alpha-2 code such as 'UA', or None; got int"),
    ({"types": "CITY"}, ValueError, BAD_TYPES),
    ({"types": "LOC,XYZ,ABC"}, ValueError, "unknown type 'ABC', 'XYZ'; give one or more of"),
    ({"types": 5}, TypeError, "types must be a str such as 'PER,LOC', a list of str, or None; got int"),
    ({"types": b"LOC"}, TypeError, "types must be a str"),
    ({"types": [1]}, TypeError, "types must hold str values such as 'PER'"),
    ({"lang": 42}, TypeError, "lang hint: lang must be a language code such as 'uk', or None; got int"),
    ({"fuzzy": "no"}, TypeError, "fuzzy must be True, False or None (the Normalizer's setting); got str"),
    ({"fuzzy": 0}, TypeError, "fuzzy must be True, False or None"),
    ({"min_score": 1.5}, ValueError, "min_score must be a number from 0 to 1"),
    ({"min_score": float("nan")}, ValueError, "min_score must be a number from 0 to 1"),
    ({"min_score": True}, ValueError, "min_score must be a number from 0 to 1"),
    ({"min_score": "0.5"}, ValueError, "min_score must be a number from 0 to 1"),
    ({"admin": 3}, TypeError, "admin must be a str of comma-separated region codes"),
    ({"admin": [None]}, TypeError, "admin must hold str region codes"),
])
def test_parse_refuses_bad_input_with_a_clear_error(given_: dict[str, object], error: type[Exception],
                                                    message: str) -> None:
    with pytest.raises(error) as e:
        LookupOptions.parse(**given_)  # type: ignore[arg-type]
    assert message in str(e.value)


def test_lang_is_checked_against_the_languages_given() -> None:
    assert LookupOptions.parse(lang="qq").lang == "qq"  # a gazetteer's own code: only a Normalizer knows
    assert LookupOptions.parse(lang="qq", languages={"qq", "en"}).lang == "qq"
    with pytest.raises(ValueError, match="lang hint: unknown lang 'EN'; use None or one of: en, qq"):
        LookupOptions.parse(lang="EN", languages={"qq", "en"})


def test_checked_refuses_options_built_by_hand_with_a_wrong_value() -> None:
    assert LookupOptions(types=("LOC",), country="ua").checked() == \
        LookupOptions(types=frozenset({"LOC"}), country="UA")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown type 'CITY'"):
        LookupOptions(types=frozenset({"CITY"})).checked()


def test_hints_are_keywords_that_every_lookup_takes() -> None:
    o = LookupOptions.parse(lang="uk", types="LOC", country="ua", fuzzy=False, min_score=0.5)
    assert o.hints() == {"lang": "uk", "types": frozenset({"LOC"}), "country": "UA", "fuzzy": False}
    assert "fuzzy" not in LookupOptions().hints()  # None: the Normalizer's own setting
    norm = namenorm.Normalizer
    for fn in (namenorm.normalize, namenorm.candidates, namenorm.normalize_many,
               norm.normalize, norm.candidates, norm.normalize_many):
        assert set(o.hints()) | {"min_score"} <= set(inspect.signature(fn).parameters), fn


def test_clean_query_is_the_one_options_type() -> None:
    from namenorm import _columns, resolve

    assert Query is LookupOptions is _columns.Query is resolve.Hints


def test_clean_and_a_frame_helper_apply_the_parsed_options(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("city\nKiev\n", encoding="utf-8")
    norm = namenorm.Normalizer([GAZ], include_bundled=False)

    def ids(query: LookupOptions) -> list[str]:
        clean_csv(src, tmp_path / "out.csv", columns=["city"], resolver=norm, query=query, fields="id")
        return (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()

    assert ids(Query.parse()) == ["city,city_id", "Kiev,test:kyiv"]
    assert ids(Query.parse(types="per")) == ["city,city_id", "Kiev,"]  # the type filter applies
    assert ids(Query(types="loc")) == ["city,city_id", "Kiev,test:kyiv"]  # type: ignore[arg-type]
    assert ids(Query.parse(min_score=1)) == ["city,city_id", "Kiev,test:kyiv"]
    pd = pytest.importorskip("pandas")
    from namenorm.integrations.pandas import clean_frame

    df = pd.DataFrame({"city": ["Kiev"]})
    assert clean_frame(df, "city", norm, types="LOC", fields="id")["city_id"].tolist() == ["test:kyiv"]
    assert clean_frame(df, "city", norm, types=["per"], fields="id")["city_id"].isna().all()


# -- properties -------------------------------------------------------------------------------------
_type_names = st.lists(st.sampled_from(sorted(TYPES)), max_size=5).map(
    lambda ts: [t.lower() if i % 2 else t for i, t in enumerate(ts)])
_valid = {
    "lang": st.one_of(st.none(), st.sampled_from(["uk", "ru", "en", "qq"])),
    "types": st.one_of(st.none(), _type_names, _type_names.map(", ".join), _type_names.map(frozenset)),
    "country": st.one_of(st.none(), st.from_regex(r"[A-Za-z]{2}", fullmatch=True)),
    "fuzzy": st.one_of(st.none(), st.booleans()),
    "min_score": st.one_of(st.none(), st.floats(0, 1), st.integers(0, 1)),
    "admin": st.one_of(st.none(), st.lists(st.text(max_size=6), max_size=3),
                       st.text(alphabet="UA-0123,", max_size=12)),
}
_anything = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8),
                      st.binary(max_size=4), st.frozensets(st.text(max_size=4), max_size=3),
                      st.lists(st.one_of(st.text(max_size=4), st.integers()), max_size=3))


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries(_valid))
def test_parsing_is_idempotent(given_: dict[str, object]) -> None:
    once = LookupOptions.parse(**given_)  # type: ignore[arg-type]
    assert LookupOptions.parse(**once._asdict()) == once == once.checked()
    assert once.types is None or (once.types and once.types <= TYPES)
    assert once.country is None or (once.country.isupper() and len(once.country) == 2)
    assert 0.0 <= once.min_score <= 1.0


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(_valid)), _anything))
def test_parse_raises_only_type_or_value_errors(given_: dict[str, object]) -> None:
    try:
        once = LookupOptions.parse(**given_)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return
    assert LookupOptions.parse(**once._asdict()) == once


# -- every entry point: the same message for a bad country or types ---------------------------------
def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (SRC, os.environ.get("PYTHONPATH")) if p)}
    return subprocess.run([sys.executable, "-m", "namenorm", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, check=False, input="Kiev\n")


@pytest.mark.parametrize(("hint", "value", "message"), [
    ("country", "Ukraine", BAD_COUNTRY),
    ("types", "CITY", BAD_TYPES),
])
def test_every_entry_point_refuses_a_bad_hint_with_the_same_message(tmp_path: Path, hint: str, value: str,
                                                                    message: str) -> None:
    src = tmp_path / "in.csv"
    src.write_text("city\nKiev\n", encoding="utf-8")
    norm = namenorm.Normalizer([GAZ], include_bundled=False)
    seen: list[str] = []
    for call in (lambda: norm.normalize("Kiev", **{hint: value}),  # type: ignore[arg-type]
                 lambda: namenorm.normalize_many(["Kiev"], **{hint: value}),  # type: ignore[arg-type]
                 lambda: LookupOptions.parse(**{hint: value})):
        with pytest.raises(ValueError) as e:
            call()
        seen.append(str(e.value))
    with pytest.raises(CleanError) as ce:  # clean from Python: a query built by hand is checked too
        clean_csv(src, tmp_path / "out.csv", columns=["city"], resolver=norm,
                  query=Query(**{hint: frozenset({value}) if hint == "types" else value}))  # type: ignore[arg-type]
    seen.append(str(ce.value))
    assert not (tmp_path / "out.csv").exists()
    pd = pytest.importorskip("pandas")
    from namenorm.integrations.pandas import clean_frame

    with pytest.raises(ValueError) as e:
        clean_frame(pd.DataFrame({"city": ["Kiev"]}), "city", norm, **{hint: value})  # type: ignore[arg-type]
    seen.append(str(e.value))
    assert seen == [message] * len(seen)
    for argv in (["normalize", "Kiev"], ["extract", "-"], ["clean", str(src), "-c", "city"]):
        r = _cli(*argv, f"--{hint}", value, *OWN)
        assert r.returncode == 2, (argv, r.stderr)
        assert f"argument --{hint}: {message}" in r.stderr and "Traceback" not in r.stderr, (argv, r.stderr)
