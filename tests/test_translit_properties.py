"""Hypothesis properties of transliteration: no Cyrillic out, never raises, ASCII unchanged, case kept,
and cyrillize() inverting transliterate()."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.translit import SCHEMES, cyrillize, romanizations, transliterate
from namenorm.translit.engine import is_cyrillic_char

_BLOCKS = [(0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)]
cyrillic_chars = st.one_of(*[st.characters(min_codepoint=lo, max_codepoint=hi) for lo, hi in _BLOCKS])
any_text = st.text(st.one_of(cyrillic_chars, st.characters(), st.sampled_from("'’ʼ-· \u0301\u0483")),
                   max_size=30)
schemes = st.sampled_from(("auto", *SCHEMES))

RU = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
UK = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
# Words as the alphabet writes them: no soft or hard sign first (their output may be empty).
ru_words = st.text(st.sampled_from(RU), min_size=1, max_size=10).filter(lambda w: w[0] not in "ьъ")
uk_words = st.text(st.sampled_from(UK + "'’ʼ"), min_size=1, max_size=10).filter(lambda w: w[0] not in "ь'’ʼ")


def _cased(text: str) -> list[str]:
    return [c for c in text if c.lower() != c.upper()]


@settings(max_examples=300, deadline=None)
@given(any_text, schemes)
def test_no_cyrillic_in_output_and_never_raises(text: str, scheme: str) -> None:
    out = transliterate(text, scheme)
    assert not any(is_cyrillic_char(c) for c in out)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(max_codepoint=127)), schemes)
def test_ascii_unchanged(text: str, scheme: str) -> None:
    assert transliterate(text, scheme) == text


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)).filter(lambda c: not is_cyrillic_char(c))),
       schemes)
def test_non_cyrillic_unchanged(text: str, scheme: str) -> None:
    assert transliterate(text, scheme) == text


@settings(max_examples=200, deadline=None)
@given(st.one_of(ru_words, uk_words), st.sampled_from(SCHEMES))
def test_case_pattern_preserved(word: str, scheme: str) -> None:
    lower = _cased(transliterate(word, scheme))
    assert all(c.islower() for c in lower)
    title = _cased(transliterate(word.capitalize(), scheme))
    assert not title or (title[0].isupper() and all(c.islower() for c in title[1:]))
    caps = _cased(transliterate(word.upper(), scheme))
    assert all(c.isupper() for c in caps) if len(_cased(word)) > 1 else True


def _roundtrip(word: str, scheme: str, lang: str) -> None:
    latin = transliterate(word, scheme)
    assert latin in {transliterate(c, scheme) for c in cyrillize(latin, lang)}, (word, latin)


# Names as syllables (consonant + vowel, optionally a closing consonant), the shape of real names.
def _names(consonants: str, vowels: str) -> st.SearchStrategy[str]:
    syllable = st.tuples(st.sampled_from(consonants), st.sampled_from(vowels),
                         st.sampled_from(["", *consonants])).map("".join)
    return st.lists(syllable, min_size=1, max_size=4).map(lambda s: "".join(s).capitalize())


uk_names = _names("бвгджзклмнпрстфхцчшщ", "аеиіоуюяє")
ru_names = _names("бвгджзклмнпрстфхцчшщ", "аеиоуыэюяё")


@settings(max_examples=60, deadline=None)
@given(uk_names)
def test_cyrillize_inverts_uk_national(word: str) -> None:
    _roundtrip(word, "uk_national", "uk")


@settings(max_examples=60, deadline=None)
@given(ru_names, st.sampled_from(["ru_icao", "ru_wikipedia"]))
def test_cyrillize_inverts_russian_schemes(word: str, scheme: str) -> None:
    _roundtrip(word, scheme, "ru")


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_romanizations_never_contain_cyrillic(text: str) -> None:
    assert not any(is_cyrillic_char(c) for s in romanizations(text) for c in s)


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(max_codepoint=0x24F), max_size=20), st.sampled_from(["ru", "uk", "be", "bg"]))
def test_cyrillize_bounded_and_never_raises(text: str, lang: str) -> None:
    assert 1 <= len(cyrillize(text, lang)) <= 16
