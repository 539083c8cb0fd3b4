"""Expand a nominative Russian/Ukrainian alias into all its case forms (gazetteer compile time).

Only the words that inflect together change: adjectives agreeing with the head noun, a person's
first name, patronymic and surname; genitive dependents, abbreviations and indeclinables stay.

>>> sorted(expand("Нижний Новгород", "ru", "LOC"))[:3]
['Нижнего Новгорода', 'Нижнем Новгороде', 'Нижнему Новгороду']
>>> "Министерства иностранных дел" in expand("Министерство иностранных дел", "ru", "ORG")
True
>>> sorted(expand("Ким Чен Ын", "ru", "PER", "m"))[:2]
['Ким Чен Ын', 'Ким Чен Ына']
>>> expand("НАТО", "uk", "ORG"), expand("Kyiv", "uk", "LOC")
({'НАТО'}, {'Kyiv'})
"""

from __future__ import annotations

from functools import lru_cache

from namenorm.chars import APOSTROPHES_AS_ASCII
from namenorm.morph.base import _form, _words
from namenorm.morph.phrase import CASES, Taken, read_phrase
from namenorm.morph.wordinfo import GENDER_CODE, fem_a_form, masc_name_form

_GENDERS = {"m": "masc", "f": "femn"}
_ETYPES = ("PER", "LOC", "ORG", "EVT", "PRO")


def expand(alias: str, lang: str, etype: str, gender: str | None = None) -> set[str]:
    """Every case form of ``alias`` (itself included), its capitalisation pattern kept.

    ``lang`` is "ru" or "uk" (anything else returns ``{alias}``); ``etype`` one of PER, LOC, ORG,
    EVT, PRO picks the dictionary reading ("Зеленский" the surname, not the adjective);
    ``gender`` "m"/"f" keeps a person's gender ("Зеленская" never yields "Зеленский").

    >>> {"Дмитра Кулеби", "Дмитром Кулебою"} <= expand("Дмитро Кулеба", "uk", "PER", "m")
    True
    """
    if not isinstance(alias, str):
        raise TypeError(f"expand() needs a str alias, got {type(alias).__name__}")
    if etype not in _ETYPES:
        raise ValueError(f"unknown entity type {etype!r}: use one of {', '.join(_ETYPES)}")
    if gender not in (None, "m", "f"):
        raise ValueError(f"gender must be 'm', 'f' or None, got {gender!r}")
    if lang not in ("ru", "uk"):
        return {alias}
    return set(_expand(alias, lang, etype, gender))


@lru_cache(maxsize=100_000)
def _expand(alias: str, lang: str, etype: str, gender: str | None) -> frozenset[str]:
    from namenorm.scripts import dominant_script

    if dominant_script(alias) != "Cyrillic":
        return frozenset({alias})
    parts, words, joins = _words(alias, lang)
    if not words:
        return frozenset({alias})
    readings = read_phrase(lang, words, joins, etype, _GENDERS.get(gender or ""), cases=("nomn",))
    last, person = len(words) - 1, etype == "PER" and gender != "f"
    if not readings or not any(i == last and role != "fixed" and (index >= 0 or (person and role == "noun"))
                               for i, role, index, _ in readings[0].words):
        # no reading, or one that leaves the last word undeclined ("Кима Чен Ин", "Хезболла")
        fallback = _last_word_declined(alias, parts, lang, etype, gender)
        if fallback is not None:
            return fallback
        if not readings:
            return frozenset({alias})
    reading = readings[0]
    number = reading.slot[1]
    head_anim = _head_animacy(lang, words, reading.words)
    out = {alias}
    for case in CASES[lang]:
        forms = list(parts)
        ok = True
        for i, role, index, g in reading.words:
            if role == "noun" and etype == "PER" and gender != "f" and _unknown(lang, words[i]):
                guessed = masc_name_form(lang, words[i], case)  # "Олаф Шольц" -> "Олафа Шольца"
                if guessed is not None:
                    forms[2 * i + 1] = guessed
                    continue
            if role == "fixed" or index < 0 or (etype == "PER" and gender == "f" and _hard_final(words[i])):
                continue  # a woman's consonant-final name does not inflect: "Ингрид Стармер"
            target = {case, number}
            if role == "adj":
                if number == "sing" and g in GENDER_CODE:
                    target.add(g)
                if case == "accs" and (number == "plur" or g == "masc"):
                    target.add(head_anim)
            form = _form(lang, words[i], index, frozenset(target))
            if form is None and role == "adj" and case == "accs":
                form = _form(lang, words[i], index, frozenset({case, number} | ({g} if g else set())))
            if form is None:
                ok = False
                break
            forms[2 * i + 1] = form
        if ok:
            out.add("".join(forms))
    return frozenset(out)


def _last_word_declined(alias: str, parts: list[str], lang: str, etype: str,
                        gender: str | None) -> frozenset[str] | None:
    """The case forms of a phrase whose last word is a name the dictionary lacks, declined alone as
    Russian and Ukrainian do with East Asian names and foreign -а nouns ("Ким Чен Ын" -> "Ким Чен
    Ына", "Хезболла" -> "Хезболлы"); None when that word is known or does not decline so."""
    word = parts[-2]
    if etype == "PER" and gender != "f" and masc_name_form(lang, word, "gent") is not None:
        guess = masc_name_form  # a man's last name ends in a consonant: it declines ("Мин" too)
    elif _unknown(lang, word) and fem_a_form(lang, word, "gent") is not None:
        guess = fem_a_form
    else:
        return None
    forms = (guess(lang, word, case) for case in CASES[lang])
    return frozenset({alias} | {"".join([*parts[:-2], f, parts[-1]]) for f in forms if f is not None})


def _unknown(lang: str, word: str) -> bool:
    from namenorm.morph.analyzers import is_dictionary_parse, word_parses

    key = word.lower().translate(APOSTROPHES_AS_ASCII)
    return not any(is_dictionary_parse(p) for p in word_parses(lang, key))


def _head_animacy(lang: str, words: tuple[str, ...], taken: Taken) -> str:
    from namenorm.morph.analyzers import parse_at

    for i, role, index, _ in taken:
        if role == "noun" and index >= 0:
            grams = parse_at(lang, words[i].lower().translate(APOSTROPHES_AS_ASCII), index).tag.grammemes
            return "anim" if "anim" in grams else "inan"
    return "inan"


def _hard_final(word: str) -> bool:
    """True for a word ending in a consonant letter (not ь or й).

    >>> _hard_final("Стармер"), _hard_final("Любовь"), _hard_final("Анна")
    (True, False, False)
    """
    return word[-1:].lower() not in "аеёиоуыэюяіїєьй'" and word[-1:].isalpha()
