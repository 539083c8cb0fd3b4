"""Checks at the API edge (hints, over-long text) and in gazetteer files (priors, BOM, encoding, length)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import namenorm
from namenorm import base_form, candidates, normalize, normalize_many
from namenorm.csvclean import clean_csv
from namenorm.gazetteer import GazetteerError, check, load
from namenorm.limits import MAX_TEXT


@pytest.mark.parametrize(("kwargs", "error", "words"), [
    ({"types": b"Kyiv"}, TypeError, "types must be a str"),
    ({"types": [b"LOC"]}, TypeError, "types must hold str"),
    ({"types": 5}, TypeError, "types must be a str"),
    ({"types": "LOC,XYZ"}, ValueError, "unknown type 'XYZ'"),
    ({"lang": 42}, TypeError, "lang must be a language code"),
    ({"lang": "zz"}, ValueError, "unknown lang 'zz'; use None or one of: aa, ab"),
    ({"lang": "EN"}, ValueError, "unknown lang 'EN'"),
    ({"country": 1}, TypeError, "country must be an ISO"),
    ({"country": "UKR"}, ValueError, "'UKR' is not an ISO 3166-1 alpha-2"),
    ({"country": "ÜA"}, ValueError, "'ÜA' is not an ISO 3166-1 alpha-2"),
])
def test_bad_hints_raise_a_clear_error(kwargs: dict[str, object], error: type[Exception], words: str) -> None:
    for call in (lambda: normalize("Kyiv", **kwargs),  # type: ignore[arg-type]
                 lambda: candidates("Kyiv", **kwargs),  # type: ignore[arg-type]
                 lambda: normalize_many(["Kyiv"], **kwargs)):
        with pytest.raises(error) as e:
            call()
        assert words in str(e.value)


def test_the_accepted_languages_are_listed_and_work(tmp_path: Path) -> None:
    langs = namenorm.Normalizer().languages
    assert {"en", "uk", "ru", "de", "pl", "be", "bg"} <= langs and "xx" not in langs and "zz" not in langs
    mine = tmp_path / "q.gaz"  # a code the user's gazetteer uses is accepted too
    mine.write_text("[t:1] LOC Qworp\nqq: Qworp\n", encoding="utf-8")
    assert namenorm.Normalizer([mine], include_bundled=False).normalize("Qworp", lang="qq").id == "t:1"  # type: ignore[union-attr]
    with pytest.raises(ValueError) as e:
        normalize("Kyiv", lang="zz")
    assert "en, " in str(e.value) and "uk" in str(e.value)
    assert normalize("Києві", lang="uk").name == "Kyiv"  # type: ignore[union-attr]
    assert normalize("Kyiv", types=["loc"], lang=None, country="ua").id == "Q1899"  # type: ignore[union-attr]


@given(st.one_of(st.none(), st.integers(), st.text(max_size=8), st.lists(st.text(max_size=4), max_size=3),
                 st.binary(max_size=4)))
def test_hint_checks_raise_only_clear_errors(value: object) -> None:
    # one check of the types and country hints, for the API and the command line alike
    from namenorm.gazetteer.model import TYPES
    from namenorm.options import country_code, type_set

    try:
        types = type_set(value)
        assert types is None or (types and types <= TYPES)
    except (TypeError, ValueError):
        pass
    try:
        code = country_code(value)
        assert code is None or (len(code) == 2 and code.isascii() and code.isupper() and code.isalpha())
    except (TypeError, ValueError):
        pass


def test_base_form_checks_lang() -> None:
    with pytest.raises(TypeError, match="lang must be a language code"):
        base_form("Києві", lang=42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown lang 'zz'; use None or one of: aa, ab"):
        base_form("Києві", lang="zz")
    assert base_form("Києві", lang="uk") == "Київ"
    assert base_form("Kyiv’s", lang="en") == "Kyiv"  # a known language without morphology


@settings(max_examples=20, deadline=None)
@given(st.text(min_size=1, max_size=30), st.integers(1, 3))
def test_over_long_text_is_never_looked_up_and_never_raises(word: str, extra: int) -> None:
    text = (word * (MAX_TEXT // len(word) + 1))[: MAX_TEXT + extra]
    assert normalize(text) is None
    assert candidates(text) == []
    assert normalize_many([text, "Kyiv"])[0] is None
    assert base_form(text) == text


def test_clean_counts_over_long_cells_and_keeps_their_rows(tmp_path: Path) -> None:
    gaz = tmp_path / "c.gaz"
    gaz.write_text("[Q1899] LOC Kyiv\nen: Kyiv | Kiev\n", encoding="utf-8")
    long = "Kiev " * 3000
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text(f"city,n\nKiev,1\n{long},2\n,3\n,4\n{long},5\n", encoding="utf-8")
    r = clean_csv(src, out, columns=["city"], gazetteers=[gaz], include_bundled=False, fields="id",
                  report=tmp_path / "r.csv")
    want = f"city,city_id,n\nKiev,Q1899,1\n{long},,2\n,,3\n,,4\n{long},,5\n"
    assert out.read_text(encoding="utf-8") == want
    assert (r.stats.rows, r.stats.cells, r.stats.matched, r.stats.too_long) == (5, 3, 1, 2)
    assert r.stats.distinct == 1  # the empty cells and the over-long value are not looked up
    assert long not in (tmp_path / "r.csv").read_text(encoding="utf-8")
    from namenorm.csvclean.progress import summary

    assert "2 values over 10,000 characters not looked up" in summary(r.stats, 1.0)


def test_an_empty_cell_is_not_a_distinct_value(tmp_path: Path) -> None:
    gaz = tmp_path / "c.gaz"
    gaz.write_text("[Q1899] LOC Kyiv\nen: Kyiv | Kiev\n", encoding="utf-8")
    src = tmp_path / "in.csv"
    src.write_text("city,n\nKiev,1\n,2\n  ,3\nLviv,4\n", encoding="utf-8")
    r = clean_csv(src, tmp_path / "out.csv", columns=["city"], gazetteers=[gaz], include_bundled=False)
    assert r.stats.distinct == 2


def _gaz(tmp_path: Path, body: bytes) -> Path:
    path = tmp_path / "g.gaz"
    path.write_bytes(body)
    return path


@pytest.mark.parametrize("prior", ["nan", "-1", "inf", "-0.5", "NaN"])
def test_bad_priors_are_refused_with_file_and_line(tmp_path: Path, prior: str) -> None:
    path = _gaz(tmp_path, f"[t:1] LOC A\nen: A\n\n[t:2] LOC B\nprior: {prior}\n".encode())
    _, problems = check([path])
    assert problems == [f"{path}:5: prior must be a non-negative number, got '{prior}'"]
    with pytest.raises(GazetteerError, match=f"{path}:5"):
        load([path])


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = _gaz(tmp_path, b"\xef\xbb\xbf[t:1] LOC Alpha\nen: Alpha | Alfa\n")
    ents = load([path])
    assert [a.text for a in ents[0].aliases] == ["Alpha", "Alfa"]


def test_an_encoding_error_names_the_line(tmp_path: Path) -> None:
    path = _gaz(tmp_path, b"[t:1] LOC Alpha\nen: Alpha\nen: Al\xffpha\n")
    _, problems = check([path])
    assert len(problems) == 1 and problems[0].startswith(f"{path}:3: not UTF-8")


def test_over_long_aliases_are_reported_and_refused(tmp_path: Path) -> None:
    long = "a" * (MAX_TEXT + 1)
    path = _gaz(tmp_path, f"[t:1] LOC Alpha\nen: Alpha | {long}\n".encode())
    _, problems = check([path])
    assert len(problems) == 1 and problems[0].startswith(f"{path}:2: alias 'aaaa")
    assert f"{MAX_TEXT + 1:,} characters" in problems[0] and len(problems[0]) < 300
    with pytest.raises(GazetteerError, match=f"{path}:2"):
        load([path])
    ok = _gaz(tmp_path, f"[t:1] LOC Alpha\nen: Alpha | {'a' * MAX_TEXT}\n".encode())
    assert check([ok])[1] == []


def test_on_bad_lines_keep_writes_bad_rows_exactly_as_they_were(tmp_path: Path) -> None:
    gaz = tmp_path / "c.gaz"
    gaz.write_text("[Q1899] LOC Kyiv\nen: Kyiv | Kiev\n", encoding="utf-8")
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    text = 'city,n\nKiev,1\n"Kiev",2,extra\r\nKiev\n"Kiev" , 3,4\nKiev,5\n'
    src.write_bytes(text.encode())
    for chunk in (1, 2, 1000):
        r = clean_csv(src, out, columns=["city"], gazetteers=[gaz], include_bundled=False, fields="id",
                      on_bad_lines="keep", chunk_size=chunk)
        assert out.read_bytes().decode() == ('city,city_id,n\nKiev,Q1899,1\n"Kiev",2,extra\r\nKiev\n'
                                             '"Kiev" , 3,4\nKiev,Q1899,5\n')
        assert (r.stats.rows, r.stats.kept_bad, r.stats.cells, r.stats.matched) == (5, 3, 2, 2)


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r"])
def test_a_decode_error_on_stdin_names_its_line(tmp_path: Path, ending: bytes) -> None:
    import os
    import subprocess
    import sys

    gaz = tmp_path / "c.gaz"
    gaz.write_text("[Q1899] LOC Kyiv\nen: Kyiv | Kiev\n", encoding="utf-8")
    data = b"city" + ending + (b"Kiev" + ending) * 40_000 + b"L\xffviv" + ending + b"Kiev" + ending
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    r = subprocess.run([sys.executable, "-m", "namenorm.cli", "clean", "-", "-c", "city", "--no-bundled",
                        "--gazetteer", str(gaz), "-q", "-o", str(tmp_path / "out.csv")],
                       input=data, capture_output=True, env=env, timeout=120)
    assert r.returncode == 2
    assert "line 40002: cannot decode <stdin> as utf-8" in r.stderr.decode()
