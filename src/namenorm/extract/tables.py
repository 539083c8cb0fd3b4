"""What the span matcher needs from a compiled :class:`~namenorm.index.Index`, built once per index
and kept with it.

>>> from namenorm.index import Index
>>> ix = Index(exact={"new york": 0, "kyiv": 1, "de gaulle": 2}, alias_text=["New York", "Kyiv", "de Gaulle"])
>>> t = tables_for(ix)
>>> t.max_words, sorted(t.lower_first), sorted(t.prefixes)
(2, ['de'], ['de', 'new'])
>>> stem("Зеленского"), stem("Киеве"), "кие" in tables_for(Index(exact={"киев": 0})).stems
('зеленск', 'кие', True)
"""

from __future__ import annotations

from typing import NamedTuple

from namenorm.index import Index
from namenorm.methods import Method
from namenorm.scripts import has_cyrillic
from namenorm.text import fold

__all__ = ["Tables", "key_stem", "may_be_inflected", "phrase_gate", "stem", "tables_for"]

_MAX_WORDS = 10


class Tables(NamedTuple):
    """What the matcher probes besides the index itself.

    ``max_words``: the longest key in words; ``lower_first``: first words of lowercase aliases;
    ``prefixes``: every proper word prefix of a multi-word key ("new" for "new york"), so that
    the matcher stops extending an n-gram as soon as no key can continue it; ``stems`` and
    ``tail_stems``: the stems of the first and of the last words of Cyrillic aliases, so that the
    morphology fallback runs only for phrases that could be an inflected form of one of them;
    ``phrase_gates``: :func:`phrase_gate` of every Cyrillic alias of several words, a finer test of
    the same kind for phrases; ``surname_stems``: the same for people's Cyrillic surnames, so that a
    word is put into its base form only when that can be someone's surname;
    ``endings``: for one-word names, each case ending seen in the index's inflected forms and the
    nominative endings it replaces (see :func:`may_be_inflected`), None when the index has too few
    inflected forms to learn them from.
    """

    ix: Index
    max_words: int
    lower_first: frozenset[str]
    prefixes: frozenset[str]
    stems: frozenset[str]
    tail_stems: frozenset[str]
    phrase_gates: frozenset[str]
    surname_stems: frozenset[str]
    endings: dict[str, frozenset[str]] | None


def tables_for(ix: Index) -> Tables:
    """The :class:`Tables` of ``ix``: built with the index on first use, then kept with it
    (:meth:`Index.derived`)."""
    return ix.derived(_build)


def _build(ix: Index) -> Tables:
    prefixes: set[str] = set()
    longest = 1
    for method in (Method.EXACT, Method.INFLECTION, Method.TRANSLIT):
        for k in ix.keys(method):
            if " " in k:
                words = k.split(" ")
                longest = max(longest, len(words))
                for n in range(1, len(words)):
                    prefixes.add(" ".join(words[:n]))
    lower = frozenset(fold(a).split()[0] for a in ix.aliases() if a[:1].islower() and fold(a))
    stems: set[str] = set()
    tails: set[str] = set()
    gates: set[str] = set()
    for k in ix.keys(Method.EXACT):
        if has_cyrillic(k):
            words = k.split(" ")
            stems.update(_truncations(words[0]))
            if len(words) > 1:
                tails.update(_truncations(words[-1]))
                gates.add(phrase_gate(words))
    surname_stems = frozenset(t for k in ix.surnames() if has_cyrillic(k) for t in _truncations(k))
    t = Tables(ix, min(longest, _MAX_WORDS), lower, frozenset(prefixes), frozenset(stems),
               frozenset(tails), frozenset(gates), surname_stems, _endings(ix))
    if t.endings is not None and len(t.endings) < _MIN_ENDINGS:
        t = t._replace(endings=None)  # too few inflected forms to learn from: no shortcut
    return t


def phrase_gate(words: list[str]) -> str:
    """The word count and the first three letters of the first and of the last of a phrase's folded
    words: case endings leave them alone, so an inflected phrase has its nominative's gate.

    >>> phrase_gate(["северной", "ирландии"]) == phrase_gate(["северная", "ирландия"])
    True
    """
    return f"{len(words)}{words[0][:3]} {words[-1][:3]}"


def _endings(ix: Index) -> dict[str, frozenset[str]]:
    """Case ending -> nominative endings, from every one-word Cyrillic inflected form of the index and
    its alias: "киеве" of "киев" gives "е" -> "", "москвы" of "москва" gives "ы" -> "а".

    >>> sorted(_endings(Index())["ці"])
    ['к', 'ка']
    """
    from namenorm.morph.analyzers import shared_prefix
    from namenorm.morph.wordinfo import UK_SOFTENED

    # the Ukrainian consonant alternation too, which few of the index's forms may show (Гамбург ->
    # у Гамбурзі, Ахтирка -> в Ахтирці)
    pairs: dict[str, set[str]] = {soft + "і": {hard, hard + "а"} for hard, soft in UK_SOFTENED.items()}
    for form in ix.keys(Method.INFLECTION):
        if " " in form or not has_cyrillic(form):
            continue
        for aid in ix.form_refs(form):
            nom = fold(ix.alias(aid))
            if " " not in nom:
                p = shared_prefix(form, nom)
                pairs.setdefault(form[p:], set()).add(nom[p:])
    return {k: frozenset(v) for k, v in pairs.items()}


def may_be_inflected(key: str, ix: Index, endings: dict[str, frozenset[str]]) -> bool:
    """Whether a folded one-word ``key`` turns into a key of ``ix`` when one of its case endings is
    swapped for a nominative ending that ``endings`` pairs it with: a cheap test that rules out the
    morphology fallback for most unknown words.

    >>> ix = Index(exact={"киев": 0, "москва": 1})
    >>> endings = {"е": frozenset({""}), "ы": frozenset({"а"})}
    >>> may_be_inflected("киеве", ix, endings), may_be_inflected("москвы", ix, endings)
    (True, True)
    >>> may_be_inflected("биби", ix, endings), may_be_inflected("киевом", ix, endings)
    (False, False)
    """
    for p in range(max(1, len(key) - _LONGEST_ENDING), len(key) + 1):
        for nominative in endings.get(key[p:], ()):
            candidate = key[:p] + nominative
            if ix.is_alias_or_form(candidate):
                return True
    return False


_LONGEST_ENDING = 6
_MIN_ENDINGS = 50


def _truncations(w: str) -> list[str]:
    return [w[:n] for n in range(max(3, len(w) - 3), len(w) + 1)]


def stem(word: str) -> str:
    """A word without its last three letters (at least three kept), folded: case endings gone."""
    return key_stem(fold(word).split(" ", 1)[0])


def key_stem(key: str) -> str:
    """:func:`stem` of a word already folded (a token's key).

    >>> key_stem("зеленского") == stem("Зеленского")
    True
    """
    return key[: max(3, len(key) - 3)]
