"""Case and context rules that keep extraction precise.

A name that is also a common word ("May", "Nice", "Price", "Мир") or a gazetteer alias marked
``weak`` is linked only with a stronger signal: a preposition of place before a place name, an
adjacent mention ("Nice, France"), or the same entity named elsewhere in the text. Codes and
abbreviations match with their case ("US" is the country, "us" is not).

>>> literal_ok("U.S.", "US"), literal_ok("us", "US"), literal_ok("Us", "US")
(True, False, False)
>>> is_place_preposition("near"), is_place_preposition("під"), is_place_preposition("the")
(True, True, False)
>>> is_title("President"), is_title("президента"), is_title("Kyiv")
(True, True, False)
>>> no_case_signal(["Zelensky", "Visits", "Kyiv", "Amid", "Heavy", "Shelling"])
True
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import regex

from namenorm.chars import WORD_APOSTROPHES
from namenorm.names import strip_titles
from namenorm.scripts import has_cyrillic
from namenorm.stopwords import is_common_word
from namenorm.text import fold

__all__ = ["best_parse", "dictionary_form", "inflected_literal_ok", "is_common", "is_common_opening",
           "is_first_name", "is_function_word", "is_month", "is_place_preposition", "is_plain_word",
           "is_reporting_verb", "is_time_noun", "is_time_word", "is_title", "letters", "literal_ok",
           "may_be_genitive", "no_case_signal", "pos"]

# Prepositions that put the next word in a place role (folded).
_PLACE_PREPOSITIONS = frozenset({
    "in", "at", "near", "outside", "from", "to", "into", "across", "around", "towards", "toward", "via",
    "в", "во", "у", "під", "под", "из", "із", "з", "зі", "біля", "возле", "около", "близ", "поблизу",
    "поблиз", "над", "до", "від", "от", "через", "к", "ко",
    "nach", "bei", "aus", "w", "we", "pod", "koło", "z", "près", "à",
})
# English words that are capitalised without being names, and that a preposition may precede.
_TIME_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "christmas", "easter",
})
# Short English words (the shared common-word list starts at five letters) that begin sentences
# or are also names: "May", "Will", "Bill", "Hope".
_SHORT_COMMON = frozenset({
    "a", "an", "the", "in", "on", "at", "to", "of", "and", "or", "but", "nor", "for", "so", "yet", "as",
    "by", "if", "it", "its", "he", "she", "we", "they", "us", "you", "i", "me", "my", "our", "your",
    "his", "her", "their", "this", "that", "these", "those", "there", "here", "then", "than", "when",
    "what", "who", "whom", "why", "how", "not", "no", "yes", "all", "any", "each", "few", "more",
    "most", "some", "such", "only", "own", "same", "very", "can", "will", "may", "might", "must",
    "shall", "should", "would", "could", "do", "did", "does", "done", "be", "is", "are", "was", "were",
    "been", "has", "had", "have", "new", "old", "big", "top", "last", "next", "one", "two", "first",
    "man", "men", "day", "days", "week", "year", "time", "war", "city", "home", "hope", "rose", "mark",
    "bill", "art", "sun", "star", "well", "good", "best", "live", "long", "young", "white",
    "black", "green", "brown", "park", "hill", "king", "bush", "gap",
})
_NON_LETTER = regex.compile(r"[^\p{L}\p{N}]+")


def letters(text: str) -> str:
    """``text`` without spaces, dots and other non-alphanumerics (case kept).

    >>> letters("U. S. A.")
    'USA'
    """
    return _NON_LETTER.sub("", text)


def literal_ok(surface: str, alias: str) -> bool:
    """A code or abbreviation matches only when its letters are written exactly as in the alias."""
    return letters(surface) == letters(alias)


def inflected_literal_ok(surface: str, alias: str) -> bool:
    """A case form of an abbreviation: the alias's letters as written, or all but the last (a
    nominative ending), then a short lowercase case ending ("Кабмина" of "Кабмин", "МИДа" of "МИД").

    >>> inflected_literal_ok("Кабмина", "Кабмин"), inflected_literal_ok("МИДа", "МИД")
    (True, True)
    >>> inflected_literal_ok("кабмина", "Кабмин"), inflected_literal_ok("МИДА", "МИД")
    (False, False)
    >>> inflected_literal_ok("Ми", "МИД")
    False
    """
    word, code = letters(surface), letters(alias)
    for stem in (code, code[:-1]) if len(code) > 3 else (code,):
        ending = word[len(stem):]
        if word.startswith(stem) and 0 < len(ending) <= 3 and ending.islower():
            return True
    return False


def is_common(key: str) -> bool:
    """True when a folded key is a common word, so that capitals alone do not make it a name.

    >>> is_common("may"), is_common("price"), is_common("сегодня"), is_common("kyiv"), is_common("київ")
    (True, True, True, False, False)
    >>> is_common("але"), is_common("тому"), is_common("королева"), is_common("москва")
    (True, True, True, False)
    """
    if key in _SHORT_COMMON or key in _TIME_WORDS:
        return True
    if has_cyrillic(key):
        return all(_ru_common(w) for w in key.split())
    return is_common_word(key)


def is_common_opening(word: str, lang: str | None) -> bool:
    """True when a word that opens a sentence is a common word (:func:`is_common`), or, in
    Ukrainian text, a common noun or a verb of the Ukrainian dictionary (:func:`is_plain_word`).

    >>> is_common_opening("Економіка", "uk"), is_common_opening("Економіка", "ru")
    (True, False)
    >>> is_common_opening("Прем'єр", "uk"), is_common_opening("Прем’єр", "uk")
    (True, True)
    """
    return is_common(fold(word)) or is_plain_word(dictionary_form(word), lang)


def dictionary_form(word: str) -> str:
    """A word as the dictionaries spell it: lowercase, its apostrophes the ASCII one (a folded key
    drops them, and "премєр" is no word).

    >>> dictionary_form("Прем’єр")
    "прем'єр"
    """
    return _APOSTROPHE.sub("'", word.lower())


_APOSTROPHE = regex.compile(f"[{WORD_APOSTROPHES}]")


def is_plain_word(key: str, lang: str | None, *, adjectives: bool = False) -> bool:
    """True for a folded word of Ukrainian text that the Ukrainian dictionary reads as a common noun,
    not a first name or a surname ("економіка", "мінфін"), or as a verb ("платити"). That dictionary
    tags no names of places or organisations ("київ" reads as a common noun), so callers ask only
    about words that matched no gazetteer alias; adjectives are left out, as they open names
    ("Північна Ірландія"), unless ``adjectives`` asks for them too (a word after a name, which
    no adjective continues: "у Швейцарії Вищий суд").

    >>> is_plain_word("економіка", "uk"), is_plain_word("бібі", "uk"), is_plain_word("північна", "uk")
    (True, False, False)
    >>> is_plain_word("платити", "uk"), is_plain_word("платити", "ru")
    (True, False)
    >>> is_plain_word("вищий", "uk"), is_plain_word("вищий", "uk", adjectives=True)
    (False, True)
    """
    if lang != "uk" or " " in key or not has_cyrillic(key):
        return False
    from namenorm.morph.analyzers import get_analyzer

    if not get_analyzer("uk").word_is_known(key):
        return False
    p = best_parse(key, "uk")
    return (p is not None and p.is_known and (p.tag.POS in _PLAIN_POS or (adjectives and p.tag.POS == "ADJF"))
            and not {"Name", "Surn", "Patr"} & set(p.tag.grammemes))


_PLAIN_POS = frozenset({"NOUN", "VERB", "INFN", "GRND"})


@lru_cache(maxsize=65536)
def may_be_genitive(word: str, lang: str) -> bool:
    """True when a reading of a Cyrillic word is in the genitive (or the word does not inflect); of
    its readings as a name when it has some ("Франция" is no genitive of "франций").

    >>> may_be_genitive("Пакистана", "ru"), may_be_genitive("Россия", "ru"), may_be_genitive("ФРГ", "ru")
    (True, False, True)
    >>> may_be_genitive("Франция", "ru"), may_be_genitive("Франции", "ru")
    (False, True)
    """
    from namenorm.morph.analyzers import word_parses

    parses = word_parses(lang, word.lower())
    names = [p for p in parses if _PROPER & p.tag.grammemes]
    return any("gent" in p.tag.grammemes or "Fixd" in p.tag.grammemes for p in names or parses)


_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
_FUNCTION_POS = frozenset({"CONJ", "PREP", "PRCL", "ADVB", "NPRO", "INTJ", "PRED", "COMP"})


@lru_cache(maxsize=65536)
def _ru_common(word: str) -> bool:
    """A Cyrillic word whose likeliest reading is a common word: the Russian dictionary's best parse
    is a known word that is no name, or the Ukrainian dictionary reads it as a function word.

    The Ukrainian dictionary tags no place or organisation names ("київ", "одеса" look like common
    nouns there), so for nouns only the Russian one is asked; Ukrainian-only nouns count as names.
    """
    from namenorm.morph.analyzers import get_analyzer

    # a dictionary lookup first: the full parse of a word the dictionary lacks (guessed by analogy)
    # is the slowest thing extraction does, and it could only say "not a known common word"
    if get_analyzer("ru").word_is_known(word):
        ru = best_parse(word, "ru")
        if ru is not None and ru.is_known and not _PROPER & set(ru.tag.grammemes):
            return True
    if not get_analyzer("uk").word_is_known(word):
        return False
    uk = best_parse(word, "uk")
    return uk is not None and uk.is_known and uk.tag.POS in _FUNCTION_POS


@lru_cache(maxsize=65536)
def best_parse(word: str, lang: str) -> Any:
    """pymorphy3's likeliest parse of a lowercase word in "ru" or "uk" (None when it has none)."""
    from namenorm.morph.analyzers import word_parses

    parses = word_parses(lang, word.lower())
    return parses[0] if parses else None


@lru_cache(maxsize=65536)
def is_first_name(word: str) -> bool:
    """True when a Cyrillic word may be a first name in any case (pymorphy3's "Name" tag, ru or uk).

    >>> is_first_name("Асии"), is_first_name("Дэвид"), is_first_name("Германии")
    (True, True, False)
    """
    from namenorm.morph.analyzers import word_parses

    w = word.lower()
    return any("Name" in p.tag.grammemes for lang in ("ru", "uk") for p in word_parses(lang, w))


def is_function_word(word: str, lang: str) -> bool:
    """True for a preposition, conjunction, particle, pronoun or adverb: a word that no name of a
    place or an organisation opens, even when a capital letter starts it ("В", "Эту", "Ранее").

    >>> is_function_word("В", "ru"), is_function_word("Эту", "ru"), is_function_word("Власти", "ru")
    (True, True, False)
    >>> is_function_word("In", "en"), is_function_word("Kyiv", "en")
    (True, False)
    """
    key = word.lower()
    if is_place_preposition(key):
        return True
    if not has_cyrillic(word):
        return False
    p = best_parse(word, lang)
    return p is not None and (p.tag.POS in _FUNCTION_POS or "Apro" in p.tag.grammemes)


def pos(word: str, lang: str) -> str | None:
    """The likeliest part of speech of a Cyrillic word ("NOUN", "ADJF", "VERB", ...).

    >>> pos("Верховный", "ru"), pos("суд", "ru"), pos("заявил", "ru")
    ('ADJF', 'NOUN', 'VERB')
    """
    p = best_parse(word, lang)
    return None if p is None else p.tag.POS


# Verbs that a news source follows as their subject ("сообщает RT", "пише The Guardian"), by their
# base form (pymorphy3's normal form), Russian then Ukrainian.
_REPORTING_VERBS = frozenset({
    "сообщать", "сообщить", "писать", "написать", "передавать", "передать", "информировать",
    "проинформировать", "напоминать", "напомнить", "цитировать", "процитировать", "уточнять", "уточнить",
    "повідомляти", "повідомити", "писати", "написати", "передавати", "передати", "інформувати",
    "поінформувати", "нагадувати", "нагадати", "цитувати", "процитувати", "уточнювати", "уточнити",
})


def is_reporting_verb(word: str, lang: str) -> bool:
    """True for a Cyrillic verb of reporting in the third person or the past tense, which in news
    text precedes its source: "сообщает RT", "повідомляє Reuters".

    >>> is_reporting_verb("сообщает", "ru"), is_reporting_verb("пише", "uk")
    (True, True)
    >>> is_reporting_verb("сообщение", "ru"), is_reporting_verb("пишу", "ru")
    (False, False)
    """
    if not has_cyrillic(word):
        return False
    p = best_parse(word, lang)
    return (p is not None and p.tag.POS == "VERB" and p.normal_form in _REPORTING_VERBS
            and ("3per" in p.tag.grammemes or "past" in p.tag.grammemes))


# Nouns of units of time, by their base form, Russian then Ukrainian: a phrase they end ("Следующей
# недели", "Наступного тижня") is an adverbial of time, which heads no name.
_TIME_NOUNS = frozenset({
    "секунда", "минута", "час", "день", "сутки", "неделя", "месяц", "квартал", "год", "утро", "вечер",
    "ночь", "хвилина", "година", "доба", "тиждень", "місяць", "рік", "ранок", "вечір", "ніч",
})
# Names of the months, by their base form, Russian then Ukrainian.
_MONTHS = frozenset({
    "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
    "декабрь", "січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень",
    "вересень", "жовтень", "листопад", "грудень",
})


def is_time_noun(word: str, lang: str) -> bool:
    """True for a Cyrillic noun of a unit of time in any case form.

    >>> is_time_noun("тижня", "uk"), is_time_noun("году", "ru"), is_time_noun("суда", "ru")
    (True, True, False)
    """
    p = best_parse(word, lang) if has_cyrillic(word) else None
    return p is not None and p.tag.POS == "NOUN" and p.normal_form in _TIME_NOUNS


def is_month(word: str, lang: str) -> bool:
    """True for the name of a month in any case form, in English, Russian or Ukrainian.

    >>> is_month("Ноябрь", "ru"), is_month("листопада", "uk"), is_month("May", "en"), is_month("Мая", "ru")
    (True, True, True, True)
    """
    if not has_cyrillic(word):
        return word.lower() in _TIME_WORDS and word.lower() not in _DAYS_AND_HOLIDAYS
    p = best_parse(word, lang)
    return p is not None and p.normal_form in _MONTHS


_DAYS_AND_HOLIDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                "christmas", "easter"})


def is_place_preposition(key: str) -> bool:
    """True for a folded word such as "in", "near", "в", "під" that introduces a place."""
    return key in _PLACE_PREPOSITIONS


def is_time_word(key: str) -> bool:
    """True for months, weekdays and holidays ("May" after "in" is a month, not a place)."""
    return key in _TIME_WORDS


@lru_cache(maxsize=8192)
def is_title(word: str) -> bool:
    """True for a title or honorific that may stand right before a name ("President", "министра")."""
    return strip_titles(f"{word} x") == "x"


def no_case_signal(words: Sequence[str]) -> bool:
    """True for a headline or shouted sentence, where capitals say nothing about names.

    That is: at least three words of four letters or more, and 70% of them capitalised.
    """
    long = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    if len(long) < 3:
        return False
    caps = sum(1 for w in long if w[0].isupper())
    return caps >= 0.7 * len(long)
