"""Lookup keys beyond the folded alias: the loose cross-script skeleton and character n-grams (the
fuzzy index's blocking keys, which :func:`namenorm.index.build_index` lists and
:mod:`namenorm.fuzzy` searches; this module reads no index).

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

__all__ = ["MAX_BUDGET", "by_fours", "fuzzy_grams", "grams", "skeleton"]

MAX_BUDGET = 3  # the edit budget of the longest names in fuzzy matching (namenorm.fuzzy)

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


def by_fours(length: int, budget: int) -> bool:
    """Whether a query of ``length`` characters is searched by its 4-grams: when it has more than
    ``5 * budget`` of them (``length - 1``, padded with a space at each end). Shorter ones have more
    than ``4 * budget`` 3-grams (``length``), as every query that gets a budget does.

    >>> by_fours(len("kyiv oblast"), 2), by_fours(len("zelenskyy"), 1)
    (False, True)
    """
    return length - 1 > 5 * budget


def fuzzy_grams(key: str) -> set[str]:
    """The grams under which the index lists a fuzzy key. A query of ``n`` characters with a budget
    of ``d`` edits reaches keys of ``n - d`` to ``n + d`` characters. Queries searched by 3-grams have
    at most ``5d + 1`` characters, so they reach keys of at most ``6d + 1``; those searched by 4-grams
    have at least ``5d + 2``, so they reach keys of at least ``4d + 2`` (6, as ``d`` >= 1). A key gets
    the 3-grams only up to ``6 * MAX_BUDGET + 1`` characters, and the 4-grams from 6 on.

    >>> sorted(fuzzy_grams("kyiv"))
    [' ky', 'iv ', 'kyi', 'yiv']
    """
    short = grams(key) if len(key) <= 6 * MAX_BUDGET + 1 else set()
    return short | grams(key, 4) if len(key) >= 6 else short
