"""Script detection and the Cyrillic language guess."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm.scripts import cyrillic_lang, dominant_script, has_cyrillic


@pytest.mark.parametrize(("text", "lang"), [
    ("Львів", "uk"), ("Ґдиня", "uk"), ("Європа", "uk"),
    ("Объединённые", "ru"), ("Мэрия", "ru"), ("Крым", "ru"),
    ("Магілёў", "be"), ("Рэспубліка", "be"),
    ("Благоевград", None), ("Пъзел", "bg"),
    ("Ђорђе", "sr"), ("Ќерка", "mk"),
    ("Минск", None), ("Kyiv", None), ("", None),
])
def test_cyrillic_lang(text: str, lang: str | None) -> None:
    assert cyrillic_lang(text) == lang


def test_dominant_script() -> None:
    assert dominant_script("Tбилиси") == "Cyrillic"
    assert dominant_script("東京") == "Han"
    assert dominant_script("--") is None


@given(st.text())
def test_never_raises(s: str) -> None:
    cyrillic_lang(s)
    dominant_script(s)
    assert has_cyrillic(s) == any("\u0400" <= c <= "\u052f" or "\u1c80" <= c <= "\u1c8f"
                                  or "\u2de0" <= c <= "\u2dff" or "\ua640" <= c <= "\ua69f"
                                  or c in "\u1d2b\u1d78" for c in s)
