"""The written surface of a name around its grammar: enclosing quotes, and all-caps words.

A name quoted as a whole («Нафтогаза», "Газпрома") is the name without its quotes, and a word
written in capitals for emphasis (a dateline "МОСКВА") is the word in title case, while real
abbreviations ("НАТО", "США", "ФСБ") keep their capitals.

>>> strip_enclosing_quotes("«Нафтогаза»"), strip_enclosing_quotes('"Газпрома"')
('Нафтогаза', 'Газпрома')
>>> title_case_caps("ru", "МОСКВА"), title_case_caps("ru", "НАТО"), title_case_caps("uk", "КИЇВ")
('Москва', 'НАТО', 'Київ')
"""

from __future__ import annotations

import re
from functools import lru_cache

from namenorm.morph.analyzers import is_dictionary_parse, tag_facts, word_parses
from namenorm.morph.phrase import HYPHEN_PREPOSITIONS
from namenorm.morph.phrase_split import is_all_caps, split_phrase

# each opening quote with the closing quotes that may pair with it (typographic conventions vary:
# German „…“, Russian «…» and „…“, English “…” and "…", French ‹…›, and mixed-up pairs)
_QUOTE_PAIRS = {
    "«": "»", "»": "«", "„": "“”\"", "“": "”\"", "”": "”", '"': "\"”“", "'": "'’", "‘": "’'",
    "‚": "‘’", "‹": "›", "›": "‹", "「": "」", "『": "』", "＂": "＂",
}
_QUOTES = frozenset(_QUOTE_PAIRS) | frozenset("".join(_QUOTE_PAIRS.values()))
_TWO_CAPITALS = re.compile(r"[А-ЯЁІЇЄҐA-Z]{2}")  # an all-caps word has two capitals in a row
_VOWELS = frozenset("аеёиоуыэюяіїєAEIOUYaeiouy")


def strip_enclosing_quotes(text: str) -> str:
    """``text`` without quotes around it as a whole, or an unpaired quote at one of its ends.

    Quotes inside the name stay: «Газпром нефть», Компания «Газпром», «Газпром» и «Роснефть».

    >>> strip_enclosing_quotes("„Українську правду“"), strip_enclosing_quotes('"Техрик Пакистан')
    ('Українську правду', 'Техрик Пакистан')
    >>> strip_enclosing_quotes("Компания «Газпром»"), strip_enclosing_quotes("«Газпром» и «Роснефть»")
    ('Компания «Газпром»', '«Газпром» и «Роснефть»')
    >>> strip_enclosing_quotes("«»"), strip_enclosing_quotes("Мар'яна")
    ('«»', "Мар'яна")
    """
    s = text.strip()
    if s[:1] not in _QUOTES and s[-1:] not in _QUOTES:
        return s or text
    while len(s) > 2 and s[0] in _QUOTE_PAIRS and s[-1] in _QUOTE_PAIRS[s[0]] and _encloses(s):
        s = s[1:-1].strip()
    quotes = [c for c in s if c in _QUOTES]
    if len(quotes) == 1 and len(s) > 1 and (s[0] in _QUOTES or s[-1] in _QUOTES):
        s = s[1:].lstrip() if s[0] in _QUOTES else s[:-1].rstrip()  # the span cut off its pair
    return s or text


def _encloses(s: str) -> bool:
    """True when the first and last characters of ``s`` are one pair of quotes around all of it."""
    inner = s[1:-1]
    if not inner.strip() or not any(c.isalnum() for c in inner):
        return False
    opening, closing = s[0], s[-1]
    if opening == closing:  # straight quotes: no other quote of the same kind inside
        return opening not in inner
    depth = 0
    for c in inner:  # «…» with inner «…»: balanced inside
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


@lru_cache(maxsize=50_000)
def is_abbreviation(lang: str, word: str) -> bool:
    """True when the all-caps ``word`` is an abbreviation, not a word written in capitals.

    Decided from pymorphy3's dictionary (an Abbr reading anywhere; an organisation name of four
    letters or less, like "ТАСС"), in either language, the letters (no vowel, three letters or less)
    and whether the dictionary knows the word at all (an unknown all-caps word stays as written).

    >>> [is_abbreviation("ru", w) for w in ("США", "ФСБ", "ТАСС", "МОСКВА", "ЛОНДОН")]
    [True, True, True, False, False]
    >>> is_abbreviation("uk", "США"), is_abbreviation("uk", "НАТО"), is_abbreviation("uk", "КИЇВ")
    (True, True, False)
    """
    low = word.lower()
    if len(low) <= 3 or not any(c in _VOWELS for c in low):
        return True  # "США", "МИД", "ЕС": too short to tell a word (a dateline "РИМ" keeps its capitals)
    parses = word_parses(lang, low)
    known = [p for p in parses if is_dictionary_parse(p) and tag_facts(p.tag).pos in ("NOUN", "ADJF")]
    if not known:
        return True
    other = "uk" if lang == "ru" else "ru"  # one dictionary may lack the Abbr tag the other has
    for p in (*parses, *word_parses(other, low)):
        grams = tag_facts(p.tag).grams
        if "Abbr" in grams or ("Orgn" in grams and len(low) <= 4):
            return True
    return False


def title_case_caps(lang: str, text: str) -> str:
    """``text`` with each all-caps word that is not an abbreviation in title case.

    >>> title_case_caps("ru", "МИД РОССИИ"), title_case_caps("ru", "РОСТОВ-НА-ДОНУ")
    ('МИД России', 'Ростов-на-Дону')
    """
    if not _TWO_CAPITALS.search(text):
        return text
    parts = split_phrase(text)
    prepositions = []
    for i in range(1, len(parts), 2):
        w = parts[i]
        if not is_all_caps(w):
            continue
        if parts[i - 1] == "-" and w.lower() in HYPHEN_PREPOSITIONS:
            prepositions.append(i)  # "РОСТОВ-НА-ДОНУ": lowercase once its name is title-cased
        elif not is_abbreviation(lang, w):
            parts[i] = w[:1] + w[1:].lower()
    if prepositions and "".join(parts) != text:
        for i in prepositions:
            parts[i] = parts[i].lower()
    return "".join(parts)
