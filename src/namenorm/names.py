"""Name structure: junk detection, titles, word-order variants and place descriptors.

>>> is_junk("N/A"), is_junk(" -- "), is_junk("12345"), is_junk("Kyiv")
(True, True, True, False)
>>> strip_titles("Foreign Minister Sergey Lavrov"), strip_titles("президента Зеленского")
('Sergey Lavrov', 'Зеленского')
>>> name_variants("Lavrov, Sergey")
[('Sergey Lavrov', 'name order swapped')]
>>> descriptor_variants("Kyiv City")
[('Kyiv', True)]
"""

from __future__ import annotations

import regex

from namenorm.scripts import has_cyrillic
from namenorm.text import fold

__all__ = ["descriptor_variants", "is_junk", "name_variants", "strip_titles"]

_PLACEHOLDERS = frozenset({
    "na", "n a", "null", "none", "nil", "nan", "unknown", "tbd", "tba", "test", "xxx", "empty",
    "not available", "not applicable", "missing", "undefined", "other", "various", "no data",
    "нет", "не указано", "неизвестно", "нет данных", "невідомо", "немає", "не вказано", "немає даних",
    "brak", "unbekannt", "inconnu", "keine angabe",
})
_LETTER = regex.compile(r"\p{L}")

# Title words (folded prefixes, so inflected forms match: президента, министра, міністром).
_TITLE_STEMS = (
    "president", "prime minister", "foreign minister", "defence minister", "defense minister",
    "minister", "chancellor", "secretary general", "secretary", "general", "gen", "mr", "mrs", "ms",
    "dr", "sir", "lord", "herr", "frau", "monsieur", "madame", "mme", "pan", "pani", "premier",
    "mayor", "senator", "ambassador", "commander", "spokesman", "spokeswoman", "spokesperson",
    "президент", "премьер министр", "премьер", "прем єр міністр", "премєр міністр", "министр",
    "міністр", "канцлер", "генерал", "глава", "голова", "мэр", "мер", "посол", "спикер", "спікер",
    "господин", "госпожа", "пан", "пані", "сенатор", "губернатор", "командующ", "командувач",
    "пресс секретар", "прес секретар", "речни", "генсек", "генеральн секретар",
)
_TITLE_ALT = "|".join(regex.escape(t) for t in sorted(_TITLE_STEMS, key=len, reverse=True))
_TITLE = regex.compile(r"^(?:(?:" + _TITLE_ALT + r")\p{L}*\.?\s+)+", regex.IGNORECASE)
_TITLE_FOLDED = regex.compile(_TITLE.pattern.replace(r"\.?", ""))

# Generic place words: "Kyiv City" is Kyiv; "Kyiv Oblast" is not the city.
_SETTLEMENT_WORDS = ("city of", "city", "town of", "town", "village", "місто", "м.", "город", "г.",
                     "село", "stadt", "ville de", "ville", "miasto", "the city of")
_REGION_WORDS = ("region", "oblast", "province", "area", "district", "область", "обл.", "край",
                 "регион", "регіон", "район", "okrug", "krai", "kraj", "obwód", "oblast'", "gebiet")
_DESCRIPTOR_ENDS = tuple(" " + w for w in _SETTLEMENT_WORDS + _REGION_WORDS)
_DESCRIPTOR_STARTS = tuple(w + " " for w in _SETTLEMENT_WORDS + _REGION_WORDS)
_REGION_SYNONYMS = ("oblast", "province", "region", "krai")
_REGION_SYNONYMS_CYR = ("область", "край", "регион")


def is_junk(cleaned: str) -> bool:
    """True for empty, letterless or placeholder values ("N/A", "null", "-", "нет данных")."""
    if not _LETTER.search(cleaned):
        return True
    return fold(cleaned) in _PLACEHOLDERS


def strip_titles(s: str) -> str:
    """Remove leading titles and honorifics; the name itself is never emptied."""
    out = _TITLE.sub("", s + " ").strip()
    if not out:
        return s
    words = s.split()
    # inflected Cyrillic title words joined by hyphens are folded apart: try the folded form too
    if out == s and len(words) > 1:
        folded = fold(s)
        cut = _TITLE_FOLDED.match(folded + " ")
        if cut:
            n = len(cut.group(0).split())
            rest = " ".join(words[n:]) if n < len(words) else ""
            return rest or s
    return out


def name_variants(s: str) -> list[tuple[str, str]]:
    """Other word orders of a person's name: "Lavrov, Sergey" and "Putin Vladimir"."""
    if s.count(",") == 1:
        a, b = (p.strip() for p in s.split(","))
        if a and b and len(b.split()) <= 3:
            return [(f"{b} {a}", "name order swapped")]
        return []
    words = s.split()
    if 2 <= len(words) <= 3:
        return [(" ".join([words[-1], *words[:-1]]), "surname moved last"),
                (" ".join([*words[1:], words[0]]), "surname moved last")][: 1 if len(words) == 2 else 2]
    return []


def descriptor_variants(s: str) -> list[tuple[str, bool | None]]:
    """Other ways to say a place name with a generic word: without it, or with a synonym.

    The flag says whether a settlement (True), a region (False) or either (None) is meant.

    >>> descriptor_variants("Lviv region")[:2]
    [('Lviv oblast', None), ('Lviv province', None)]
    """
    out: list[tuple[str, bool | None]] = []
    low = s.lower()
    if not (low.endswith(_DESCRIPTOR_ENDS) or low.startswith(_DESCRIPTOR_STARTS)):
        return out  # most names: no generic word to try without
    for words, settlement in ((_SETTLEMENT_WORDS, True), (_REGION_WORDS, False)):
        for w in words:
            head = ""
            if low.endswith(" " + w) and len(s) > len(w) + 1:
                head = s[: -len(w) - 1].strip(" ,")
            elif low.startswith(w + " ") and len(s) > len(w) + 1:
                head = s[len(w) + 1 :].strip(" ,")
            if not head:
                continue
            if not settlement:
                syns = _REGION_SYNONYMS_CYR if has_cyrillic(head) else _REGION_SYNONYMS
                out.extend((f"{head} {syn}", None) for syn in syns if syn != w)
            out.append((head, settlement))
    return out
