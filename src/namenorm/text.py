"""Text cleaning: the first step of every lookup, and the folded key that aliases are stored under.

>>> clean("  “Zelensky’s”  ")
'Zelensky'
>>> clean("Mинск")          # a Latin M inside a Cyrillic word
'Минск'
>>> fold("Знам’янка"), fold("ЁЛКИ-ПАЛКИ"), fold("U.S.A.")
('знамянка', 'елки палки', 'usa')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

from namenorm.chars import AFTER_TWO_LATIN_LETTERS, APOSTROPHE_LIKE, CYRILLIC_BASIC_CLASS, is_basic_cyrillic

__all__ = ["clean", "fold", "repair_homoglyphs", "split_qualifier", "strip_possessive"]

_DOUBLE_QUOTES = "«»„“”‟″〝〞＂"
_DASHES = "‐‑‒–—―−"
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_TABLE = {
    **{ord(c): "'" for c in APOSTROPHE_LIKE},
    **{ord(c): '"' for c in _DOUBLE_QUOTES},
    **{ord(c): "-" for c in _DASHES},
    **_INVISIBLE,
}

# Latin letters that look like Cyrillic ones, and the reverse.
_LAT_TO_CYR = dict(zip("aceiopxyABCEHIKMOPTXYïÏ", "асеіорхуАВСЕНІКМОРТХУїЇ", strict=True))
_CYR_TO_LAT = {v: k for k, v in _LAT_TO_CYR.items()} | {"ѕ": "s", "ј": "j", "Ј": "J"}
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_HAS_CYR = regex.compile(f"[{CYRILLIC_BASIC_CLASS}]")
_HAS_LOOKALIKE_LAT = regex.compile(r"[A-Za-zïÏ]")
_SPACE = regex.compile(r"\s+")
_POSSESSIVE = regex.compile(AFTER_TWO_LATIN_LETTERS + r"'s?(?=$|[\s,.;:!?)])", regex.IGNORECASE)
_EDGE_PUNCT = " \t\"'.,;:!?…·*•-_/\\|"
_QUALIFIER_PAREN = regex.compile(r"^(.+?)\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]$")


def repair_homoglyphs(text: str) -> str:
    """Make each word single-script where it mixes lookalike Latin and Cyrillic letters.

    The majority script of the word wins; a word is changed only when every minority letter has
    a lookalike in the majority script.

    >>> repair_homoglyphs("Xарків"), repair_homoglyphs("Kиїв"), repair_homoglyphs("Kyiv")
    ('Харків', 'Київ', 'Kyiv')
    >>> repair_homoglyphs("Lvіv")   # a Cyrillic і inside a Latin word
    'Lviv'
    """

    if not (_HAS_CYR.search(text) and _HAS_LOOKALIKE_LAT.search(text)):
        return text

    def fix(m: regex.Match[str]) -> str:
        word = m.group(0)
        cyr = sum(1 for c in word if is_basic_cyrillic(c))
        lat = sum(1 for c in word if c.isascii() or c in "ïÏ")
        if not cyr or not lat:
            return word
        table = _LAT_TO_CYR if cyr >= lat else _CYR_TO_LAT
        minority = [c for c in word if (c.isascii() or c in "ïÏ") == (cyr >= lat)]
        if all(c in table for c in minority):
            return "".join(table.get(c, c) for c in word)
        return word

    return _WORD.sub(fix, text)


def strip_possessive(text: str) -> str:
    """Drop an English possessive ending from Latin words.

    >>> strip_possessive("Ukraine's army"), strip_possessive("Ivano-Frankivs'k")
    ('Ukraine army', "Ivano-Frankivs'k")
    """
    return _POSSESSIVE.sub("", text)


@lru_cache(maxsize=65536)
def clean(text: str) -> str:
    """Normalise a name for lookup without changing what it says.

    NFKC; apostrophes, quotes and dashes to their ASCII forms; invisible characters removed;
    whitespace collapsed; homoglyphs repaired; possessive 's and surrounding punctuation dropped.

    >>> clean("Kyiv’s "), clean("«Газпром»"), clean("Ростов–на–Дону."), clean("  ")
    ('Kyiv', 'Газпром', 'Ростов-на-Дону', '')
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    if _PLAIN.fullmatch(text):
        return text  # words of plain letters of one script (and digits), single spaces: nothing to clean
    return _clean(text)


def _clean(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).translate(_TABLE)
    s = _SPACE.sub(" ", s).strip(_EDGE_PUNCT)
    s = repair_homoglyphs(strip_possessive(s) if "'" in s else s)
    s = s.strip(_EDGE_PUNCT)
    if s.count('"') % 2:  # an unpaired quote is noise: drop every quote, and the space it leaves
        s = _SPACE.sub(" ", s.replace('"', "")).strip(_EDGE_PUNCT)
    return s


_FOLD_PUNCT = regex.compile(r"[^\p{L}\p{M}\p{N}]+")
_ABBREV_DOTS = regex.compile(r"(?<=(?:^|[\s.])\p{L})\.(?=\p{L}(?:\.|$|\s))")


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """The exact-match key: cleaned, case-folded, ё as е, apostrophes dropped, punctuation as spaces.

    >>> fold("Kyiv"), fold("KYIV"), fold("Ростов-на-Дону"), fold("S. Lavrov")
    ('kyiv', 'kyiv', 'ростов на дону', 's lavrov')
    """
    if isinstance(text, str) and _PLAIN.fullmatch(text):
        return text.lower().replace("ё", "е")  # what the general path does to such text
    return _fold(text)


def _fold(text: str) -> str:
    s = unicodedata.normalize("NFC", clean(text).casefold()).replace("ё", "е").replace("'", "")
    s = _ABBREV_DOTS.sub("", s)
    return _FOLD_PUNCT.sub(" ", s).strip()


# Words of plain ASCII letters and digits, or of Russian and Ukrainian letters and digits, joined by
# single spaces: the common case, which clean leaves as it is and fold only lower-cases (tests check
# both against the general path); the standard library's re matches it faster than regex
_PLAIN = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*|[0-9а-яёіїєґА-ЯЁІЇЄҐ]+(?: [0-9а-яёіїєґА-ЯЁІЇЄҐ]+)*")


def split_qualifier(text: str) -> tuple[str, str | None]:
    """Split "Odesa, Ukraine" or "Sumy (Ukraine)" into the name and its qualifier.

    >>> split_qualifier("Paris, Texas"), split_qualifier("Sumy (Ukraine)"), split_qualifier("Kyiv")
    (('Paris', 'Texas'), ('Sumy', 'Ukraine'), ('Kyiv', None))
    """
    s = clean(text)
    if "," not in s and "(" not in s and "[" not in s:
        return s, None  # most names: no qualifier to look for
    m = _QUALIFIER_PAREN.match(s)
    if m:
        return m.group(1).strip(), m.group(2)
    head, sep, tail = s.rpartition(",")
    if sep and head.strip() and tail.strip():
        return head.strip(" ,"), tail.strip()
    return s, None
