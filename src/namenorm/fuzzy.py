"""Fuzzy matching over a character 3-gram index, with length-aware edit budgets.

A key within ``d`` edits of the query shares at least one of any ``3d + 1`` of the query's
3-grams (one edit touches at most three grams), so the union of the postings of the query's
``3d + 1`` rarest grams holds every key that brute force would accept: the blocking loses no hit.
"""

from __future__ import annotations

from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from namenorm.index import Index, refs
from namenorm.keys import grams
from namenorm.text import fold

__all__ = ["Cand", "FuzzySearch", "edit_budget"]


class Cand(NamedTuple):
    """A candidate alias found by one step of the cascade."""

    aid: int
    score: float
    method: str
    step: str


def edit_budget(key: str) -> int:
    """Edits allowed for a folded query: none under 5 letters, then 1, 2, 3 as names grow.

    >>> [edit_budget(k) for k in ("kyiv", "odessa", "zaporizhzhia", "dnipropetrovsk oblast")]
    [0, 1, 2, 3]
    """
    n = len(key.replace(" ", ""))
    return 0 if n < 5 else 1 if n < 9 else 2 if n < 16 else 3


class FuzzySearch:
    """Blocked fuzzy search over an index's ``fuzzy_keys``."""

    def __init__(self, index: Index) -> None:
        self.ix = index

    def shortlist(self, key: str, budget: int) -> set[int]:
        """Ids of keys that can lie within ``budget`` edits of ``key``."""
        qg = sorted(grams(key), key=lambda g: len(self.ix.grams.get(g, ())))
        out: set[int] = set()
        for g in qg[: 3 * budget + 1]:
            out.update(self.ix.grams.get(g, ()))
        return out

    def nearest(self, key: str, budget: int) -> tuple[int, list[tuple[str, int]]]:
        """The smallest edit distance (<= ``budget``) from a folded ``key``, and every key at it."""
        best, hits = budget + 1, list[tuple[str, int]]()
        keys = self.ix.fuzzy_keys
        for kid in self.shortlist(key, budget):
            k = keys[kid]
            if abs(len(k) - len(key)) > budget:
                continue
            d = Levenshtein.distance(key, k, score_cutoff=budget)
            if d > budget or d > best:
                continue
            if d < best:
                best, hits = d, []
            hits.append((k, kid))
        return best, sorted(hits)

    def search(self, text: str) -> list[Cand]:
        """Candidates within the edit budget, the closest first (ties kept: they are ambiguous)."""
        from namenorm.stopwords import is_common_word

        key = fold(text)
        budget = edit_budget(key)
        if budget == 0 or is_common_word(key):
            return []
        best, hits = self.nearest(key, budget)
        score = round(0.9 * (1 - best / max(len(key), 1)), 4)
        out: list[Cand] = []
        for k, kid in hits:
            for a in (*refs(self.ix.exact, k), *refs(self.ix.latin, k)) or (self.ix.fuzzy_alias[kid],):
                out.append(Cand(a, score, "fuzzy", f"{best} edit(s) from {k!r}, alias"))
        return out
