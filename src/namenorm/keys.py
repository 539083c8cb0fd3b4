"""Lookup keys beyond the folded alias: the loose cross-script skeleton and character n-grams.

The skeleton is deliberately lossy: it lets spellings from different romanisation conventions and
scripts meet (Selenskyj, Zelenskyy, Zelensky, Зеленський), and the resolver scores what meets.

>>> {skeleton(x) for x in ("Selenskyj", "Zelenskyy", "Zelensky", "Zelenskiy", "Зеленський", "Зеленский")}
{'selenski'}
>>> skeleton("Kharkiv") == skeleton("Харків"), skeleton("Kyiv") == skeleton("Kiev")
(True, False)
"""

from __future__ import annotations

from functools import lru_cache

import regex
from unidecode import unidecode

from namenorm.text import fold

__all__ = ["grams", "skeleton"]

# Applied in order to lower-case ASCII: digraphs of the common romanisation conventions first.
_RULES = (
    ("shch", "s"), ("szcz", "s"), ("chtch", "s"), ("tsch", "c"), ("sch", "s"), ("tch", "c"),
    ("kh", "h"), ("zh", "z"), ("sh", "s"), ("sz", "s"), ("cz", "c"), ("ch", "c"), ("ts", "c"),
    ("tz", "c"), ("ph", "f"), ("ck", "k"), ("w", "v"), ("q", "k"), ("x", "ks"), ("j", "i"),
    ("y", "i"), ("z", "s"), ("g", "h"), ("ie", "e"), ("iu", "u"), ("ia", "a"), ("io", "o"),
)
_NON_LETTER = regex.compile(r"[^a-z ]+")
_DOUBLE = regex.compile(r"(.)\1+")


@lru_cache(maxsize=131072)
def skeleton(text: str) -> str:
    """A loose Latin key for cross-script, cross-convention matching.

    >>> skeleton("Charkiw"), skeleton("Kharkiv"), skeleton("Lugansk") == skeleton("Luhansk")
    ('carkiv', 'harkiv', True)
    """
    s = fold(text)
    if not (s.isascii() and s.replace(" ", "").isalpha()):  # else already lower-case letters
        s = _NON_LETTER.sub("", unidecode(s).lower())
    for a, b in _RULES:
        if a in s:
            s = s.replace(a, b)
    return str(_DOUBLE.sub(r"\1", s)).strip() if _DOUBLE.search(s) else s.strip()


def grams(key: str, n: int = 3) -> set[str]:
    """Character n-grams of a key padded with spaces (the fuzzy index's blocking keys).

    >>> sorted(grams("kyiv"))
    [' ky', 'iv ', 'kyi', 'yiv']
    """
    s = f" {key} "
    return {s[i : i + n] for i in range(len(s) - n + 1)}
