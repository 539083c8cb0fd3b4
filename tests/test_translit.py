"""Unit tests of the transliteration API: errors, auto selection, romanizations, cyrillize, scheme files."""

from __future__ import annotations

from importlib import resources

import pytest

from namenorm.translit import AUTO_SCHEMES, SCHEMES, cyrillize, romanizations, transliterate
from namenorm.translit.cyrillize import MAX_CANDIDATES
from namenorm.translit.engine import load, scheme_spec
from namenorm.translit.schemefile import SchemeFormatError, parse_scheme


def test_unknown_scheme_lists_valid_names() -> None:
    with pytest.raises(ValueError, match=r"uk_national.*ru_icao"):
        transliterate("Київ", scheme="uk_kmu")
    with pytest.raises(ValueError, match="ru_wikipedia"):
        transliterate("Kyiv", scheme="nope")  # checked even for ASCII input


@pytest.mark.parametrize("func", [transliterate, romanizations, cyrillize])
def test_non_str_input_is_a_type_error(func: object) -> None:
    with pytest.raises(TypeError, match="expects str"):
        func(b"Kyiv")  # type: ignore[operator]


def test_cyrillize_unknown_language() -> None:
    with pytest.raises(ValueError, match="ru, uk"):
        cyrillize("Kyiv", lang="xx")


def test_every_scheme_loads_and_romanizes() -> None:
    for name in SCHEMES:
        assert scheme_spec(name).lang, name
        assert load(name)("Щ").isascii() or not any("\u0400" <= c <= "\u04ff" for c in load(name)("Щ"))


def test_scheme_files_ship_in_the_package_and_cite_a_standard() -> None:
    folder = resources.files("namenorm.translit.schemes")
    for name in SCHEMES:
        text = folder.joinpath(f"{name}.txt").read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first.startswith("# "), name
        assert f"@name {name}" in text


@pytest.mark.parametrize(
    ("text", "scheme"),
    [("Харків", "uk_national"), ("Объект", "ru_wikipedia"), ("Шевчук", "ru_wikipedia"),
     ("Ўсход", "be_national"), ("Ђоковић", "sr_latin"), ("Ѓорѓе", "mk_latin")],
)
def test_auto_picks_by_language(text: str, scheme: str) -> None:
    assert transliterate(text) == transliterate(text, scheme)
    assert scheme in AUTO_SCHEMES.values()


def test_case_preservation_examples() -> None:
    assert transliterate("ЗГУРОВСЬКИЙ", "uk_national") == "ZGHUROVSKYI"
    assert transliterate("Згуровский", "uk_national") == "Zghurovskyi"
    assert transliterate("ЩУКА щука Щука", "ru_icao") == "SHCHUKA shchuka Shchuka"


def test_non_cyrillic_text_is_unchanged() -> None:
    for text in ["Kijów", "Zürich", "Αθήνα", "東京", "", "Kyiv 2024"]:
        assert transliterate(text, "uk_national") == text


def test_mixed_script_converts_only_cyrillic() -> None:
    assert transliterate("Kijów = Київ", "uk_national") == "Kijów = Kyiv"


def test_uncovered_cyrillic_falls_back_to_unidecode() -> None:
    out = transliterate("Ђоковић Ѳома ꙮ", "uk_national")
    assert out.startswith("Dj")
    assert not any("\u0400" <= c <= "\u04ff" or "\ua640" <= c <= "\ua69f" for c in out)


@pytest.mark.parametrize(
    ("name", "spellings"),
    [
        ("Зеленський", {"Zelenskyi", "Zelenskyy", "Selenskyj", "Zełenski", "Zelenski", "Zelensky"}),
        ("Харків", {"Kharkiv", "Charkiw", "Charków", "Charkow"}),
        ("Київ", {"Kyiv", "Kyjiw", "Kijów", "Kijow", "Kyïv"}),
        ("Ельцин", {"Yeltsin", "Jelzin", "Jelcyn", "Eltsin"}),
    ],
)
def test_romanizations_cover_conventions(name: str, spellings: set[str]) -> None:
    got = romanizations(name)
    assert spellings <= got, spellings - got
    assert len(got) <= 40
    assert not any("\u0400" <= c <= "\u04ff" for s in got for c in s)


def test_romanizations_returns_a_fresh_set() -> None:
    first = romanizations("Київ")
    first.add("junk")
    assert "junk" not in romanizations("Київ")


@pytest.mark.parametrize(
    ("latin", "lang", "cyrillic"),
    [("Zelenskyy", "uk", "Зеленський"), ("Zelensky", "ru", "Зеленский"), ("Kyiv", "uk", "Київ"),
     ("Charkiw", "uk", "Харків"), ("Medvedev", "ru", "Медведев"),
     ("Shchekino", "ru", "Щекино"), ("SERGEY LAVROV", "ru", "СЕРГЕЙ ЛАВРОВ")],
)
def test_cyrillize_ranks_the_name_first(latin: str, lang: str, cyrillic: str) -> None:
    assert cyrillize(latin, lang)[0] == cyrillic


def test_cyrillize_inverts_reader_conventions() -> None:
    assert "Зеленський" in cyrillize("Selenskyj", "uk")  # German s for з
    assert "Зеленський" in cyrillize("Zełenski", "uk")[:2]
    assert "Київ" in cyrillize("Kijów", "uk")[:4]


def test_cyrillize_is_bounded() -> None:
    assert 1 <= len(cyrillize("Oleksandr Shcherbakovskyi-Yevtushenko", "uk")) <= MAX_CANDIDATES
    assert cyrillize("2024", "ru") == ["2024"]


def test_scheme_file_errors_name_the_line() -> None:
    with pytest.raises(SchemeFormatError, match="line 2"):
        parse_scheme("@name x\nа a <@NOPE\n", "x")
    with pytest.raises(SchemeFormatError, match="lower case"):
        parse_scheme("@name x\nА a\n", "x")
    with pytest.raises(SchemeFormatError, match="does not match"):
        parse_scheme("@name y\n", "x")
