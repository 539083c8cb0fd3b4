"""What the span matcher needs from a compiled :class:`~namenorm.index.Index`, computed once per index.

>>> from namenorm.index import Index
>>> ix = Index(exact={"new york": 0, "kyiv": 1, "de gaulle": 2}, alias_text=["New York", "Kyiv", "de Gaulle"])
>>> t = tables_for(ix)
>>> t.max_words, sorted(t.lower_first), sorted(t.prefixes)
(2, ['de'], ['de', 'new'])
>>> stem("Зеленского"), stem("Киеве"), "кие" in tables_for(Index(exact={"киев": 0})).stems
('зеленск', 'кие', True)
"""

from __future__ import annotations

import threading
from typing import NamedTuple

from namenorm.index import Index
from namenorm.scripts import has_cyrillic
from namenorm.text import fold

__all__ = ["Tables", "stem", "tables_for"]

_MAX_WORDS = 10


class Tables(NamedTuple):
    """What the matcher probes besides the index itself.

    ``max_words``: the longest key in words; ``lower_first``: first words of lowercase aliases;
    ``prefixes``: every proper word prefix of a multi-word key ("new" for "new york"), so that
    the matcher stops extending an n-gram as soon as no key can continue it; ``stems`` and
    ``tail_stems``: the stems of the first and of the last words of Cyrillic aliases, so that the
    morphology fallback runs only for phrases that could be an inflected form of one of them.
    """

    ix: Index
    max_words: int
    lower_first: frozenset[str]
    prefixes: frozenset[str]
    stems: frozenset[str]
    tail_stems: frozenset[str]


_CACHE: dict[int, Tables] = {}
_LOCK = threading.Lock()


def tables_for(ix: Index) -> Tables:
    """The :class:`Tables` of ``ix`` (built on first use, then cached while the index lives)."""
    t = _CACHE.get(id(ix))
    if t is not None and t.ix is ix:
        return t
    with _LOCK:
        prefixes: set[str] = set()
        longest = 1
        for table in (ix.exact, ix.forms, ix.latin):
            for k in table:
                if " " in k:
                    words = k.split(" ")
                    longest = max(longest, len(words))
                    for n in range(1, len(words)):
                        prefixes.add(" ".join(words[:n]))
        lower = frozenset(fold(a).split()[0] for a in ix.alias_text if a[:1].islower() and fold(a))
        stems: set[str] = set()
        tails: set[str] = set()
        for k in ix.exact:
            if has_cyrillic(k):
                words = k.split(" ")
                stems.update(_truncations(words[0]))
                if len(words) > 1:
                    tails.update(_truncations(words[-1]))
        t = Tables(ix, min(longest, _MAX_WORDS), lower, frozenset(prefixes), frozenset(stems),
                   frozenset(tails))
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[id(ix)] = t
    return t


def _truncations(w: str) -> list[str]:
    return [w[:n] for n in range(max(3, len(w) - 3), len(w) + 1)]


def stem(word: str) -> str:
    """A word without its last three letters (at least three kept), folded: case endings gone."""
    k = fold(word).split(" ", 1)[0]
    return k[: max(3, len(k) - 3)]
