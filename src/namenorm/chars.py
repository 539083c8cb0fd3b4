"""Character facts that cleaning, morphology, transliteration and extraction share: which marks are
apostrophes, what a letter is in a pattern, where Cyrillic is in Unicode, when an ``'s`` is possessive.

The index is built with these: like any change to the package's code, a change here recompiles
cached indexes (see ``_code_fingerprint`` in :mod:`namenorm.cache`).

>>> "’" in APOSTROPHES, "ʹ" in APOSTROPHE_LIKE, "'" in WORD_APOSTROPHES
(True, True, True)
>>> is_basic_cyrillic("ї"), is_basic_cyrillic("i"), CYRILLIC_BASIC_CLASS == "\\u0400-\\u052f"
(True, False, True)
>>> import re
>>> re.findall(f"{LETTER}(?:{WORD_CHAR})*", "O'Brien, Знам’янка та 2 ''")
["O'Brien", 'Знам’янка', 'та']
"""

from __future__ import annotations

__all__ = [
    "AFTER_TWO_LATIN_LETTERS",
    "APOSTROPHES",
    "APOSTROPHES_AS_ASCII",
    "APOSTROPHE_LIKE",
    "CYRILLIC_BASIC_CLASS",
    "CYRILLIC_RANGES",
    "LETTER",
    "WORD_APOSTROPHES",
    "WORD_CHAR",
    "is_basic_cyrillic",
]

# -- apostrophes --------------------------------------------------------------------------------------
#: The marks typed for an apostrophe other than "'" itself: right and left single quotes, the modifier
#: letter apostrophe, grave and acute accents, the prime. Morphology reads each as "'".
APOSTROPHES = "’ʼ‘`´′"
#: APOSTROPHES and the modifier prime and turned comma of romanisations: what ``clean`` makes "'".
APOSTROPHE_LIKE = APOSTROPHES + "ʹʻ"
#: ``str.translate`` table: each of APOSTROPHES as "'" (the spelling of the morphology dictionaries).
APOSTROPHES_AS_ASCII = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))
#: The apostrophes that stand inside a word ("Знам’янка", "O'Brien") in transliteration and extraction.
WORD_APOSTROPHES = "'’ʼ`"

# -- letters and words in patterns (re and regex both read these) --------------------------------------
#: A letter: a word character that is neither a digit nor "_".
LETTER = r"[^\W\d_]"
#: A character of a word: a letter, or apostrophes followed by a letter.
WORD_CHAR = rf"(?:{LETTER}|[{WORD_APOSTROPHES}]+(?={LETTER}))"
#: Where an English possessive ending may start: after two Latin letters ("Ukraine's", not "O's"),
#: a ``regex`` look-behind.
AFTER_TWO_LATIN_LETTERS = r"(?<=\p{Latin}{2})"

# -- Cyrillic ------------------------------------------------------------------------------------------
#: All Cyrillic blocks (Cyrillic, Supplement, Extended-C, Extended-A, Extended-B, Extended-D) and the
#: Cyrillic characters elsewhere (phonetic ᴫ ᵸ, combining half marks), as inclusive code point ranges.
CYRILLIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F),
    (0x1D2B, 0x1D2B), (0x1D78, 0x1D78), (0xFE2E, 0xFE2F), (0x1E030, 0x1E08F),
)
_BASIC_FIRST, _BASIC_LAST = (chr(cp) for cp in CYRILLIC_RANGES[0])
#: Cyrillic and Cyrillic Supplement (U+0400-U+052F), the letters of the languages namenorm reads, as the
#: body of a character class: ``f"[{CYRILLIC_BASIC_CLASS}]"``.
CYRILLIC_BASIC_CLASS = f"{_BASIC_FIRST}-{_BASIC_LAST}"


def is_basic_cyrillic(c: str) -> bool:
    """True for a character of Cyrillic or Cyrillic Supplement (U+0400-U+052F)."""
    return _BASIC_FIRST <= c <= _BASIC_LAST
