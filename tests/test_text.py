"""Text cleaning and folding: golden cases and properties."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from unidecode import unidecode

from namenorm import text as text_module
from namenorm.keys import _DOUBLE, _NON_LETTER, _RULES, skeleton
from namenorm.scripts import has_cyrillic, has_latin
from namenorm.text import clean, fold, repair_homoglyphs, split_qualifier

GOLDEN = Path(__file__).parent / "golden"


def _cases(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (GOLDEN / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            a, b = line.split("\t")
            rows.append((a.replace("\\s", " "), b.replace("\\s", " ")))
    return rows


@pytest.mark.parametrize(("raw", "want"), _cases("clean.txt"))
def test_clean_golden(raw: str, want: str) -> None:
    assert clean(raw) == want


@pytest.mark.parametrize(("raw", "want"), _cases("fold.txt"))
def test_fold_golden(raw: str, want: str) -> None:
    assert fold(raw) == want


def test_homoglyphs_majority_wins() -> None:
    assert repair_homoglyphs("Mинск") == "Минск"
    assert repair_homoglyphs("Kharkіv") == "Kharkiv"
    # a minority letter without a lookalike leaves the word alone
    assert repair_homoglyphs("Zапорожье") == "Zапорожье"


def test_split_qualifier() -> None:
    assert split_qualifier("Alexandria, Virginia") == ("Alexandria", "Virginia")
    assert split_qualifier("Sumy [UA]") == ("Sumy", "UA")
    assert split_qualifier(", Kyiv") == ("Kyiv", None)


def test_clean_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        clean(5)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_clean_is_idempotent(s: str) -> None:
    once = clean(s)
    assert clean(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fold_is_idempotent_and_stable(s: str) -> None:
    k = fold(s)
    assert fold(k) == k
    assert k == k.strip()
    assert unicodedata.is_normalized("NFKC", k) or k == fold(unicodedata.normalize("NFKC", k))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(categories=["Lu", "Ll"]), min_size=1))
def test_fold_ignores_case(s: str) -> None:
    # homoglyphs are visual, so case matters for them (Latin B looks like Cyrillic В, b does not)
    assume(not (has_cyrillic(s) and has_latin(s)))
    assume(s.upper().casefold() == s.casefold() == s.lower().casefold())
    assert fold(s.upper()) == fold(s.lower()) == fold(s)


# the plain-text fast paths of clean, fold and skeleton must give what the general path gives
_PLAINISH = st.one_of(
    st.text(alphabet="abcXYZ ", max_size=12),
    st.text(alphabet="абвёЁіїєґІЇЄҐЯяй ", max_size=12),
    st.text(alphabet="abcабвёЁ ' -.1", max_size=12),
    st.from_regex(text_module._PLAIN, fullmatch=True),
    st.text(max_size=12),
)


@settings(max_examples=500, deadline=None)
@given(_PLAINISH)
def test_fast_paths_equal_the_general_path(s: str) -> None:
    assert clean(s) == text_module._clean(s)
    assert fold(s) == text_module._fold(s)
    general = _NON_LETTER.sub("", unidecode(text_module._fold(s)).lower())
    for a, b in _RULES:
        general = general.replace(a, b)
    assert skeleton(s) == _DOUBLE.sub(r"\1", general).strip()


@pytest.mark.parametrize("s", ["Kyiv", "KYIV", "Київ", "Ёлки Палки", "kyiv  kiev", " Kyiv", "Nürnberg"])
def test_fast_paths_examples(s: str) -> None:
    assert (clean(s), fold(s)) == (text_module._clean(s), text_module._fold(s))
