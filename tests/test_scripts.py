"""Script detection and the Cyrillic language guess."""

from __future__ import annotations

import pytest
from hypothesis import example, given
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
@example("\u1c8b")
@example("\u0485")
@example("\u1c8a")
def test_never_raises(s: str) -> None:
    cyrillic_lang(s)
    dominant_script(s)
    # the Cyrillic blocks, less two combining marks of the Inherited script (U+0485, U+0486) and the
    # code points of Cyrillic Extended-C that are unassigned (U+1C8B-U+1C8F, Unicode 16)
    assert has_cyrillic(s) == any(("\u0400" <= c <= "\u052f" and c not in "\u0485\u0486")
                                  or "\u1c80" <= c <= "\u1c8a"
                                  or "\u2de0" <= c <= "\u2dff" or "\ua640" <= c <= "\ua69f"
                                  or c in "\u1d2b\u1d78" for c in s)
