"""Script detection and a language guess for Cyrillic text from its distinctive letters.

>>> dominant_script("Київ"), dominant_script("Kyiv"), dominant_script("2024")
('Cyrillic', 'Latin', None)
>>> cyrillic_lang("Київ"), cyrillic_lang("Объект"), cyrillic_lang("Минск")
('uk', 'ru', None)
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

import regex

from namenorm.chars import is_basic_cyrillic

__all__ = ["cyrillic_lang", "dominant_script", "has_cyrillic", "has_latin", "script_of"]

_CYRILLIC = regex.compile(r"\p{Script=Cyrillic}")
_LATIN = regex.compile(r"\p{Script=Latin}")

# Letters that occur in one Cyrillic alphabet and not in the others (lower case).  Ordered from the
# most to the least distinctive; the first language with a hit wins, ties broken by counts.
_DISTINCTIVE: tuple[tuple[str, frozenset[str]], ...] = (
    ("sr", frozenset("ђћџљњ")),  # љ њ are shared with Macedonian; ђ ћ are Serbian only
    ("mk", frozenset("ѓќѕ")),
    ("be", frozenset("ў")),
    ("uk", frozenset("єїґ")),
    ("bg", frozenset("ѝ")),
    ("ru", frozenset("ыэё")),
)
_SHARED_SR_MK = frozenset("љњј")
# Russian writes ъ only as a separator before е ё ю я; Bulgarian uses it as a vowel elsewhere.
_BG_HARD_SIGN = regex.compile(r"ъ(?![еёюя])")
_UK_SOFT_K = regex.compile(r"[сцз]ьк")
_ASCII_LETTER = regex.compile(r"[A-Za-z]")


def has_cyrillic(text: str) -> bool:
    """True when ``text`` contains at least one Cyrillic character.

    >>> has_cyrillic("Kyiv"), has_cyrillic("Kyiv / Київ")
    (False, True)
    """
    return _CYRILLIC.search(text) is not None


def has_latin(text: str) -> bool:
    """True when ``text`` contains at least one Latin letter.

    >>> has_latin("Київ"), has_latin("Kijów")
    (False, True)
    """
    return _LATIN.search(text) is not None


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str | None:
    """The Unicode script name of a letter ("Latin", "Cyrillic", ...), None for a non-letter.

    >>> script_of("ї"), script_of("ó"), script_of("7")
    ('Cyrillic', 'Latin', None)
    """
    if not unicodedata.category(ch).startswith("L"):
        return None
    name = unicodedata.name(ch, "")
    for script in ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "GEORGIAN", "ARMENIAN",
                   "DEVANAGARI", "HANGUL", "HIRAGANA", "KATAKANA", "THAI"):
        if name.startswith(script):
            return script.capitalize()
    if name.startswith("CJK"):
        return "Han"
    return "Other"


def dominant_script(text: str) -> str | None:
    """The script of most letters in ``text``; None when it has no letters.

    >>> dominant_script("Xарків")  # one Latin X among Cyrillic letters
    'Cyrillic'
    """
    if text.isascii():  # the usual case, without a look at each character's script
        return "Latin" if _ASCII_LETTER.search(text) else None
    counts = Counter(s for s in map(script_of, text) if s is not None)
    if not counts:
        return None
    return max(sorted(counts), key=counts.__getitem__)


def cyrillic_lang(text: str) -> str | None:
    """Guess the language of Cyrillic ``text``: "uk", "ru", "be", "bg", "sr" or "mk".

    Only distinctive letters count (і and ї mean Ukrainian or Belarusian, ы э ё Russian or
    Belarusian, ў Belarusian, ђ ћ Serbian, ѓ ќ Macedonian); text with none returns None rather than
    a guess.

    >>> cyrillic_lang("Харків"), cyrillic_lang("Объект"), cyrillic_lang("Шевчук")
    ('uk', 'ru', None)
    >>> cyrillic_lang("Зеленський"), cyrillic_lang("Зеленский")
    ('uk', None)
    >>> cyrillic_lang("Рэспубліка Беларусь"), cyrillic_lang("Ўсход"), cyrillic_lang("България")
    ('be', 'be', 'bg')
    """
    low = set(text.lower())
    if not any(map(is_basic_cyrillic, low)):
        return None
    for lang, letters in _DISTINCTIVE:
        if low & letters:
            if lang == "uk" and "ы" in low:
                return "ru"
            if lang == "ru" and "і" in low:
                return "be"  # Belarusian has і and ы/э/ё, Russian has no і
            return lang
    if "і" in low or _UK_SOFT_K.search(text.lower()):
        return "uk"  # і, or the Ukrainian soft adjective suffix -ськ-/-цьк-/-зьк- (Russian: -ск-)
    if "ъ" in low:
        return "bg" if _BG_HARD_SIGN.search(text.lower()) else "ru"
    if low & _SHARED_SR_MK:
        return "sr"
    return None

