"""Fuzzy matching over a character 3- and 4-gram index, with length-aware edit budgets.

Distances are optimal string alignment (Levenshtein plus adjacent transpositions: "Zelesnky").
One edit touches at most ``q + 1`` of a string's q-grams (a transposition: the grams over either
letter), so a key within ``d`` edits of the query shares at least one of any ``(q + 1)d + 1`` of the
query's distinct q-grams. The keys in the postings of that many of the query's rarest grams therefore
include every key that brute force would accept: the blocking loses no hit. 4-grams are rarer than
3-grams, so they serve every query long enough to have more than ``5d`` of them (:func:`by_fours`);
shorter queries use 3-grams. On unknown names, that shortens the shortlist from about 470 keys to
about 190 (``benchmarks/bench_clean.py``'s city column). Postings are read only for keys whose length is
within ``d`` of the query's, and they list the keys themselves, so the whole shortlist is verified by
rapidfuzz in one call (at about 0.15 µs a key: cheaper than counting shared grams in Python).
"""

from __future__ import annotations

from functools import cached_property
from typing import NamedTuple

import regex
from rapidfuzz import process
from rapidfuzz.distance import OSA

from namenorm.evidence import edit_kind
from namenorm.index import Index, rare_postings
from namenorm.keys import MAX_BUDGET, by_fours, grams
from namenorm.methods import Method
from namenorm.scripts import has_cyrillic
from namenorm.text import fold

__all__ = ["MAX_BUDGET", "Cand", "FuzzySearch", "by_fours", "edit_budget", "max_edits",
           "same_numbers", "typo_of"]

# digits typed for letters inside a word ("Lukashenk0", "Ky1v")
_DIGIT_LETTERS = {"0": "o", "1": "l", "3": "e", "5": "s"}
_DIGIT_IN_WORD = regex.compile(r"(?<=\p{L})[0135]|[0135](?=\p{L})")


class Cand(NamedTuple):
    """A candidate alias found by one step of the cascade (``edits``: a fuzzy hit's edit distance,
    ``kind``: a one-edit hit's :func:`namenorm.evidence.edit_kind`; ``note``: what the evidence said
    of a loose hit)."""

    aid: int
    score: float
    method: Method
    step: str
    edits: int = 0
    note: str = ""
    kind: str = ""


def edit_budget(key: str) -> int:
    """Edits allowed for a folded query: none under 5 letters, then 1, 2, 3 as names grow.

    >>> [edit_budget(k) for k in ("kyiv", "odessa", "zaporizhzhia", "dnipropetrovsk oblast")]
    [0, 1, 2, 3]
    """
    n = len(key.replace(" ", ""))
    return 0 if n < 5 else 1 if n < 10 else 2 if n < 16 else MAX_BUDGET


def max_edits(key: str) -> int:
    """The most edits any folded key may be from a name: one word is allowed two, as surnames share
    their endings ("-enko", "-ytskyi") and a third edit in the stem makes another name, not a typo
    ("Lukianchenko" is not "Lukashenko"); several words, :data:`MAX_BUDGET`.

    >>> max_edits("lukianchenko"), max_edits("dnipropetrovsk oblast")
    (2, 3)
    """
    return MAX_BUDGET if " " in key else 2


def _gender_pair(a: str, b: str) -> bool:
    """True for two forms of one name that differ in gender or case, not by a typo:
    Lavrov/Lavrova, Zelenski/Zelenska, Зеленский/Зеленскую.

    >>> _gender_pair("lavrova", "lavrov"), _gender_pair("zelenska", "zelenski"), _gender_pair("kyiv", "kyv")
    (True, True, False)
    >>> _gender_pair("зеленскую", "зеленский"), _gender_pair("зеленський", "зеленский")
    (True, False)
    """
    cyr = has_cyrillic(a)
    ending = _ENDING_CYR if cyr else _ENDING
    ea, eb = ending.search(a), ending.search(b)
    sa, sb = a[: ea.start()] if ea else a, b[: eb.start()] if eb else b
    ta, tb = ea.group(0) if ea else "", eb.group(0) if eb else ""
    return sa == sb and ta != tb and (cyr or "a" in ta + tb)


_ENDING = regex.compile(r"[aiyj]+$")
_ENDING_CYR = regex.compile(r"[аяийыоеуюьэєії]+$")


def typo_of(query: str, key: str) -> bool:
    """Whether the edits from a folded ``key`` to ``query`` read as typing errors, not as another name:
    the numbers are the same ("Apollo 13" is not "Apollo 11"), and when both have the same number of
    words, no word changed beyond its own edit budget (at least one edit): "Konstantina Holt" is not
    "Konstantina Kolb", though the whole names are close.

    >>> typo_of("sergey lavorv", "sergey lavrov"), typo_of("apollo 13", "apollo 11")
    (True, False)
    >>> typo_of("konstantina holt", "konstantina kolb"), typo_of("jon snow", "john snow")
    (False, True)

    A word whose first letter changed is another word (see :func:`_same_start`):

    >>> typo_of("vetrov", "petrov"), typo_of("jon snow", "jon know")
    (False, False)
    """
    if not same_numbers(query, key):
        return False
    qw, kw = query.split(), key.split()
    if len(qw) == len(kw) == 1:
        return _same_start(query, key) and _stem_typo(query, key)
    if len(qw) != len(kw):
        return True
    allowed = [max(1, edit_budget(b)) for b in kw]
    return all(_same_start(a, b) and OSA.distance(a, b, score_cutoff=n) <= n
               for a, b, n in zip(qw, kw, allowed, strict=True))


def _same_start(a: str, b: str) -> bool:
    """Whether two words begin alike: the same first letter, or the first two swapped. Few
    misspellings get the first letter wrong (Pollock and Zamora, "Automatic spelling correction in
    scientific and scholarly text", CACM 27(4), 1984), while names that differ only there are
    everywhere: Petrov and Vetrov, Mason and Jason, Ветров and Петров.

    >>> _same_start("zelesnky", "zelensky"), _same_start("ykiv", "kyiv"), _same_start("ветров", "петров")
    (True, True, False)
    """
    return a[:1] == b[:1] or (a[:2] == b[1::-1] and len(a) > 1)


def _stem_typo(a: str, b: str) -> bool:
    """For one word: the edits fall in what the words do not share at their end, and a name's
    ending is shared by thousands of names ("-enko", "-ytskyi"): at most one edit per four letters
    of the shorter stem, so "Lukianchenko" is not "Lukashenko" while "Zelesnky" is "Zelensky".

    >>> _stem_typo("lukianchenko", "lukachenko"), _stem_typo("zelesnky", "zelensky")
    (False, True)
    """
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    if n < 3:
        return True
    sa, sb = a[: len(a) - n], b[: len(b) - n]
    return OSA.distance(sa, sb) * 4 <= max(min(len(sa), len(sb)), 4)


def same_numbers(a: str, b: str) -> bool:
    """Whether two strings write the same numbers, in the same order ("Kyiv 2" and "Kyiv" do not).

    >>> same_numbers("terminal 2", "terminal 2"), same_numbers("kiev 2", "kiev"), same_numbers("a", "b")
    (True, False, True)
    """
    return _NUMBER.findall(a) == _NUMBER.findall(b)


_NUMBER = regex.compile(r"\d+")


class FuzzySearch:
    """Blocked fuzzy search over an index's ``fuzzy_keys``."""

    def __init__(self, index: Index) -> None:
        self.ix = index

    def preload(self) -> None:
        """Build now the tables that the first queries would build (see :meth:`Normalizer.preload`)."""
        for table in ("numbers", "_kid"):
            getattr(self, table)

    @cached_property
    def numbers(self) -> frozenset[str]:
        """Every number written in a fuzzy key (read on the first query that has one)."""
        return frozenset(n for k in self.ix.fuzzy_keys if not k.isalpha() for n in _NUMBER.findall(k))

    @cached_property
    def _kid(self) -> dict[str, int]:
        """Each fuzzy key's position in ``fuzzy_keys`` (read on the first hit)."""
        return {k: i for i, k in enumerate(self.ix.fuzzy_keys)}

    def shortlist(self, key: str, budget: int) -> list[str]:
        """Keys that can lie within ``budget`` edits of ``key``, a key once per shared gram.

        A key within ``budget`` edits keeps all but at most ``(q + 1) * budget`` of the query's
        q-gram occurrences, so it shares one of any ``(q + 1) * budget + 1`` of its distinct q-grams
        (or any of them, when there are fewer): the postings of that many of the query's rarest grams,
        within the length window, hold every key that brute force would accept. 4-grams when the
        query has enough of them (see :func:`by_fours`), else 3-grams.

        >>> from namenorm import Normalizer
        >>> fz = FuzzySearch(Normalizer().index)
        >>> "zelensky" in fz.shortlist("zelenskyy", 1)
        True
        >>> typo = "volodymyr zelenksyy"  # searched by its 4-grams
        >>> by_fours(len(typo), 3), "volodymyr zelenskyy" in fz.shortlist(typo, 3)
        (True, True)
        """
        q = 4 if by_fours(len(key), budget) else 3
        n = (q + 1) * budget + 1  # one edit touches at most q + 1 grams
        return rare_postings(self.ix, grams(key, q), n, len(key) - budget, len(key) + budget)

    def nearest(self, key: str, budget: int, *, skip_pairs: bool = True) -> tuple[int, list[tuple[str, int]]]:
        """The smallest edit distance (<= ``budget``) from a folded ``key``, and every key at it;
        ``skip_pairs`` leaves out gender and case pairs of one name (see ``_gender_pair``)."""
        found = process.extract(key, self.shortlist(key, budget), scorer=OSA.distance,
                                score_cutoff=budget, limit=None)  # the closest first
        best, hits = budget + 1, dict[str, int]()
        for k, d, _ in found:
            if d > best or k in hits or (skip_pairs and _gender_pair(key, k)):
                continue
            if d < best:
                best, hits = int(d), {}
            hits[k] = self._kid[k]
        return best, sorted(hits.items())

    def search(self, text: str) -> list[Cand]:
        """Candidates within the edit budget, the closest first (ties kept: they are ambiguous)."""
        from namenorm.stopwords import is_common_word

        key = fold(text)
        if _NUMBER.search(key):
            key = _DIGIT_IN_WORD.sub(lambda m: _DIGIT_LETTERS[m.group(0)], key)
            if not self.numbers.issuperset(_NUMBER.findall(key)):
                return []  # a number no key has: no hit could pass typo_of
        budget = min(edit_budget(key), max_edits(key))
        if budget == 0 or is_common_word(key):
            return []
        best, hits = self.nearest(key, budget)
        out: list[Cand] = []
        for k, kid in hits:
            if not typo_of(key, k):
                continue
            kind = edit_kind(key, k) if best == 1 else ""
            for a in (*self.ix.exact_refs(k), *self.ix.latin_refs(k)) or (self.ix.fuzzy_alias[kid],):
                out.append(Cand(a, Method.FUZZY.cap, Method.FUZZY, f"{best} edit(s) from {k!r}, alias", best,
                                kind=kind))
        return out
