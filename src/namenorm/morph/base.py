"""Base (nominative, dictionary) forms of inflected Russian and Ukrainian name phrases.

>>> base_form("Йенсом Столтенбергом", lang="ru")
'Йенс Столтенберг'
>>> base_form("Государственной думы"), base_form("Нижнем Новгороде")
('Государственная дума', 'Нижний Новгород')
>>> base_form("Дмитром Кулебою", lang="uk"), base_form("Ірини Верещук")
('Дмитро Кулеба', 'Ірина Верещук')
>>> nominative_candidates("Зеленской", "ru")[0]
('Зеленская', 'f')
"""

from __future__ import annotations

import re
from functools import lru_cache

from namenorm.chars import APOSTROPHES, APOSTROPHES_AS_ASCII
from namenorm.langs import check_lang
from namenorm.limits import too_long
from namenorm.morph.analyzers import inflect_word, is_dictionary_parse, word_parses
from namenorm.morph.endings import stem_of
from namenorm.morph.phrase import Reading, read_phrase
from namenorm.morph.phrase_split import copy_case, keep_e, split_phrase
from namenorm.morph.surface import strip_enclosing_quotes, title_case_caps
from namenorm.morph.wordinfo import GENDER_CODE
from namenorm.scripts import cyrillic_lang, has_cyrillic


def resolve_langs(text: str, lang: str | None) -> tuple[str, ...]:
    """The morphology languages to try for ``text``: the given one, else detected, else ru then uk.

    >>> resolve_langs("Київ", None), resolve_langs("Киев", None), resolve_langs("Київ", "ru")
    (('uk',), ('ru', 'uk'), ('ru',))
    """
    if lang not in (None, "ru", "uk") or not has_cyrillic(text):
        return ()
    if lang is not None:
        return (lang,)
    detected = cyrillic_lang(text)
    if detected in ("ru", "uk"):
        return (detected,)
    return ("ru", "uk") if detected is None else ()


def _words(text: str, lang: str | None = None) -> tuple[list[str], tuple[str, ...], tuple[str, ...]]:
    """Separators and words of ``text``; hyphenated compounds the dictionary knows stay one word."""
    parts = split_phrase(text)
    if lang is not None and "-" in text:
        parts = _merge_compounds(lang, parts)
    words = tuple(parts[1::2])
    joins = tuple(parts[2:-1:2])
    return parts, words, joins


def _merge_compounds(lang: str, parts: list[str]) -> list[str]:
    """Join hyphenated words into one where the dictionary knows the compound ("Ростов-на-Дону")."""
    out = [parts[0]]
    i = 1
    while i < len(parts):
        end = i
        while end + 2 < len(parts) and parts[end + 1] == "-" and end - i < 6:
            end += 2
        while end > i:
            candidate = "-".join(parts[i : end + 1 : 2])
            key = candidate.lower().translate(APOSTROPHES_AS_ASCII)
            if any(is_dictionary_parse(p) for p in word_parses(lang, key)):
                break
            end -= 2
        out += ["-".join(parts[i : end + 1 : 2]), parts[end + 1]]
        i = end + 2
    return out


@lru_cache(maxsize=200_000)
def _form(lang: str, surface: str, index: int, grammemes: frozenset[str]) -> str | None:
    key = surface.lower().translate(APOSTROPHES_AS_ASCII)
    out = inflect_word(lang, key, index, grammemes)
    if out is None:
        return None
    out = copy_case(surface, keep_e(surface, out))
    apostrophe = next((c for c in surface if c in APOSTROPHES), None)
    return out.replace("'", apostrophe) if apostrophe else out


def _realise(lang: str, parts: list[str], words: tuple[str, ...], reading: Reading, lowercase: bool) -> str:
    """The phrase with the reading's words put in the nominative (singular for lowercase phrases)."""
    number = reading.slot[1]
    out = list(parts)
    for i, role, index, gender in reading.words:
        surface = words[i]
        guessed = stem_of(surface, index)
        if guessed is not None:
            out[2 * i + 1] = guessed
            continue
        if role == "fixed" or index < 0:
            continue
        target = {"nomn", number}
        if lowercase and not reading.has_head:
            target = {"nomn", "sing"}  # a lowercase adjective alone: its dictionary form
        if role == "adj" and "sing" in target:
            # a lowercase adjective alone: its dictionary form ("британской" -> "британский")
            alone = lowercase and not reading.has_head and len(reading.words) == 1
            target.add(gender if gender in GENDER_CODE and not alone else "masc")
        form = _form(lang, surface, index, frozenset(target))
        if form is None and lowercase:
            form = _form(lang, surface, index, frozenset({"nomn", number}))
        if form is None:
            form = _form(lang, surface, index, frozenset({"nomn"}))
        if form is not None:
            out[2 * i + 1] = form
    return "".join(out)


def _strip_abbreviation_ending(word: str) -> str:
    """ "МИДа" -> "МИД": an all-caps abbreviation with a lowercase case ending loses the ending."""
    caps = len(word) - len(word.lstrip("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐ"))
    if caps >= 2 and caps < len(word) and word[caps:].islower() and len(word) - caps <= 3:
        return word[:caps]
    return word


@lru_cache(maxsize=100_000)
def _base_form_cyr(text: str, langs: tuple[str, ...]) -> str:
    best: tuple[int, float, str, str] | None = None
    for order, lang in enumerate(langs):
        parts, words, joins = _words(text, lang)
        if not words:
            return text
        lowercase = not any(w[:1].isupper() for w in words)
        readings = read_phrase(lang, words, joins, best_only=True)
        if not readings:
            unknown, score, result = len(words), 0.0, text
        else:
            unknown = _unknown_words(lang, words, readings[0]) if len(langs) > 1 else 0
            score = readings[0].score - 0.5 * order
            result = _realise(lang, parts, words, readings[0], lowercase)
        if best is None or (unknown, -score) < best[:2]:
            best = (unknown, -score, result, lang)
    if best is None:
        return text
    return title_case_caps(best[3], _fix_abbreviations(best[2]))


def _unknown_words(lang: str, words: tuple[str, ...], reading: Reading) -> int:
    """How many words of the phrase ``lang``'s dictionary does not know (to choose ru or uk)."""
    del reading
    n = 0
    for w in words:
        parses = word_parses(lang, w.lower().translate(APOSTROPHES_AS_ASCII))
        n += not any(is_dictionary_parse(p) for p in parses)
    return n


_CAPS_WITH_ENDING = re.compile(r"[А-ЯЁІЇЄҐ]{2}[а-яёіїєґ]")


def _fix_abbreviations(text: str) -> str:
    if not _CAPS_WITH_ENDING.search(text):
        return text
    parts = split_phrase(text)
    parts[1::2] = [_strip_abbreviation_ending(w) for w in parts[1::2]]
    return "".join(parts)


def base_form(text: str, lang: str | None = None) -> str:
    """The nominative (dictionary) form of a name phrase, as written otherwise.

    Russian and Ukrainian phrases are parsed with pymorphy3: adjectives agree with their head
    noun, a person's names inflect together, genitive dependents stay; quotes around the whole
    name stay, the name inside takes its base form («Нафтогаза» -> «Нафтогаз»: a base form changes
    the grammar, not the writing; :func:`namenorm.name_key` ignores quotes), and an all-caps word
    that is not an abbreviation comes back in title case ("МОСКВЫ" -> "Москва", "НАТО" stays).
    Other scripts come back cleaned but unchanged.
    ``lang`` is "ru" or "uk" (another ISO 639-1 code: no morphology); None detects it; anything
    else is a TypeError or ValueError.
    A text over :data:`namenorm.limits.MAX_TEXT` characters comes back unchanged.

    >>> base_form("Государственной думы", lang="ru"), base_form("Kyiv’s")
    ('Государственная дума', 'Kyiv')
    >>> base_form("Министерства иностранных дел")
    'Министерство иностранных дел'
    >>> base_form("«Нафтогаза»"), base_form("МОСКВЫ"), base_form("СБУ", lang="uk")
    ('«Нафтогаз»', 'Москва', 'СБУ')
    """
    if not isinstance(text, str):
        raise TypeError(f"base_form() needs a str, got {type(text).__name__}")
    check_lang(lang, "base_form()")  # morphology for ru and uk; another language: the text cleaned
    if too_long(text):  # not a name: returned as it is (see namenorm.limits)
        return text
    stripped = " ".join(text.split())
    langs = resolve_langs(stripped, lang)
    if not langs:
        from namenorm.text import clean

        return clean(text)
    inner = strip_enclosing_quotes(stripped)
    if inner == stripped or not inner:
        return _base_form_cyr(stripped, langs)
    # quotes around the whole name stay as written, the name inside takes its base form
    at = stripped.find(inner)
    return stripped[:at] + _base_form_cyr(inner, langs) + stripped[at + len(inner):]


@lru_cache(maxsize=50_000)
def _candidates(text: str, langs: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    seen: dict[str, str | None] = {}
    for lang in langs:
        parts, words, joins = _words(text, lang)
        lowercase = not any(w[:1].isupper() for w in words)
        for reading in read_phrase(lang, words, joins):
            for variant in _variants(lang, words, reading):
                phrase = _fix_abbreviations(_realise(lang, parts, words, variant, lowercase))
                if phrase not in seen:
                    number = variant.slot[1]
                    seen[phrase] = GENDER_CODE.get(variant.gender or "") if number == "sing" else None
    return tuple(seen.items())


def _variants(lang: str, words: tuple[str, ...], reading: Reading) -> list[Reading]:
    """The reading, then the same slot read with each other parse of a one-word phrase."""
    out = [reading]
    if len(reading.words) == 1 and reading.words[0][1] != "fixed":
        i, role, _index, _ = reading.words[0]
        from namenorm.morph.wordinfo import caps_kind, word_info

        info = word_info(lang, words[i], caps_kind(words[i]), None, None)
        table = info.nouns if role == "noun" else info.adjs
        for c in table.get(reading.slot, ())[1:]:
            out.append(Reading(reading.slot, reading.score, ((i, role, c[1], c[2]),), c[2], reading.person,
                               reading.has_head))
    return out


def nominative_candidates(text: str, lang: str | None = None) -> list[tuple[str, str | None]]:
    """Ranked nominative readings of a possibly inflected phrase, each with the gender it keeps.

    The gender is "m", "f", "n" or None (plural or unknown). Every parse is tried: the caller
    keeps the first candidate found in its gazetteer.

    >>> nominative_candidates("Києві", "uk")[0]
    ('Київ', 'm')
    >>> nominative_candidates("Paris")
    []
    """
    if not isinstance(text, str):
        raise TypeError(f"nominative_candidates() needs a str, got {type(text).__name__}")
    stripped = " ".join(text.split())
    langs = resolve_langs(stripped, lang)
    if not langs:
        return []
    return list(_candidates(stripped, langs))
