"""Phrase rules of the span matcher (:mod:`namenorm.extract.spans`) that look at the words around a
span: a place preposition before a list of names, the lowercase noun that heads an organisation's
name, and an organisation's code before a place.

>>> from namenorm.extract.tokens import tokenize
>>> from namenorm.extract.tables import tables_for
>>> from namenorm.index import Index
>>> text = "Протесты прошли в Карачи, Лахоре и Мултане, а не в городе Пешаваре."
>>> s = Sentence(text, tokenize(text), tables_for(Index()), "ru")
>>> [t.text for i, t in enumerate(s.toks) if s.capitalised(i) and after_place_preposition(s, i)]
['Карачи', 'Лахоре', 'Мултане']
>>> common_head_of("правительства Великобритании", "Правительство Великобритании", "ru")
True
>>> common_head_of("белый дом", "Белый дом", "ru")
False
>>> common_head_of("президента России", "Президент России", "ru")
False
"""

from __future__ import annotations

from namenorm.extract.context import is_place_preposition, is_title, pos
from namenorm.extract.sentence import Sentence
from namenorm.scripts import has_cyrillic

__all__ = ["after_place_preposition", "code_of_place", "common_head_of", "lowercase_head"]

# words that join the names of a list after one place preposition ("в Карачи и Лахоре")
_AND = frozenset({"и", "і", "й", "та", "and", "или", "або", "or"})
_LIST_WORDS = 8


def after_place_preposition(s: Sentence, i: int) -> bool:
    """True when word ``i`` follows a place preposition, directly or as a later item of a list of
    capitalised names that one preposition opens ("в Карачи, Лахоре и Мултане")."""
    toks = s.toks
    if i == 0:
        return False
    if is_place_preposition(toks[i - 1].key):
        return True
    if not (toks[i - 1].key in _AND or s.gap(i) == ", "):
        return False  # not the next item of a list ("из ЕС Дэвида Дэвиса")
    j = i - 1
    named = False  # a capitalised word seen between the preposition and word i
    while j >= 0 and i - j <= _LIST_WORDS:
        if is_place_preposition(toks[j].key):
            return j == i - 1 or named
        gap = s.gap(j + 1)
        if toks[j].key in _AND and gap == " ":
            j -= 1
        elif s.capitalised(j) and gap in (" ", ", ", "-") and (j + 1 == i or toks[j + 1].key in _AND
                                                             or s.capitalised(j + 1)):
            named = True
            j -= 1
        else:
            return False
    return False


def lowercase_head(s: Sentence, i: int) -> bool:
    """Word ``i`` is a lowercase Cyrillic word that opens some multi-word key and is followed by a
    capitalised word: it may be the common noun that heads an organisation's name, which Russian
    and Ukrainian write in lowercase ("правительство Великобритании"; see :func:`common_head_of`)."""
    toks = s.toks
    return (i + 1 < len(toks) and toks[i].key in s.tabs.prefixes and toks[i + 1].text[:1].isupper()
            and s.gap(i + 1) == " " and has_cyrillic(toks[i].text))


def common_head_of(surface: str, alias: str, lang: str) -> bool:
    """A lowercase ``surface`` matches an organisation's ``alias`` that is written with a capital
    when the first word is a common noun that is no title ("правительство", not "президент"), a
    later word is a name (capitalised in both), and the case of the later words agrees:
    "правительства Великобритании" names "Правительство Великобритании", "белый дом" is no
    "Белый дом"."""
    words, names = surface.split(" "), alias.split(" ")
    if len(words) != len(names) or len(words) < 2:
        return False
    if any(w[:1].isupper() != a[:1].isupper() for w, a in zip(words[1:], names[1:], strict=True)):
        return False
    return (any(a[:1].isupper() for a in names[1:]) and not is_title(words[0])
            and pos(words[0], lang) == "NOUN")


def code_of_place(s: Sentence, a: int, b: int, org_codes: set[int], places: set[int]) -> bool:
    """True for either half of an organisation's code in Cyrillic capitals followed by a place ("МИД
    Великобритании", "МВД Италии"): together they name an office of that place (the place in the
    genitive) that the gazetteers do not list; a listed one ("МИД Украины") is matched whole before.
    ``org_codes``: the words that are such codes; ``places``: the first words of places that may be
    in the genitive."""
    if a == b and a in org_codes and a + 1 in places and s.gap(a + 1) == " ":
        return True
    return a in places and a - 1 in org_codes and s.gap(a) == " "
