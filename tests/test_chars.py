"""The character facts of namenorm.chars, and the word lists that names.py reads from data files."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from namenorm import chars
from namenorm.text import clean, fold

# clean() applies NFKC first, which decomposes the acute accent "´" into a space and a combining accent
_KEPT_BY_NFKC = [c for c in chars.APOSTROPHE_LIKE if unicodedata.normalize("NFKC", c) == c]


@given(st.sampled_from(_KEPT_BY_NFKC), st.sampled_from(["Знам", "O", "Мар"]),
       st.sampled_from(["янка", "Brien", "яна"]))
def test_clean_writes_every_apostrophe_as_ascii(mark: str, left: str, right: str) -> None:
    assert clean(left + mark + right) == left + "'" + right
    assert fold(left + mark + right) == fold(left + "'" + right)


@given(st.characters(min_codepoint=0x300, max_codepoint=0x600))
def test_basic_cyrillic_is_the_first_cyrillic_range(c: str) -> None:
    lo, hi = chars.CYRILLIC_RANGES[0]
    assert chars.is_basic_cyrillic(c) == (lo <= ord(c) <= hi)


def test_word_lists_are_read_on_first_use_not_at_import() -> None:
    code = ("import namenorm.names as n; before = n._word_list.cache_info().currsize; "
            "n.strip_titles('Minister Lavrov'); n.is_junk('N/A'); "
            "print(before, n._word_list.cache_info().currsize)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "2"]
