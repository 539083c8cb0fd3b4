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

from functools import lru_cache
from importlib import resources

import regex

from namenorm.scripts import has_cyrillic
from namenorm.text import fold

__all__ = ["descriptor_variants", "initials_first", "is_junk", "name_variants", "strip_titles"]

_LETTER = regex.compile(r"\p{L}")

# Generic place words: "Kyiv City" is Kyiv; "Kyiv Oblast" is not the city.
_SETTLEMENT_WORDS = ("city of", "city", "town of", "town", "village", "місто", "м.", "город", "г.",
                     "село", "stadt", "ville de", "ville", "miasto", "the city of")
_REGION_WORDS = ("region", "oblast", "province", "area", "district", "область", "обл.", "край",
                 "регион", "регіон", "район", "okrug", "krai", "kraj", "obwód", "oblast'", "gebiet")
_DESCRIPTOR_ENDS = tuple(" " + w for w in _SETTLEMENT_WORDS + _REGION_WORDS)
_DESCRIPTOR_STARTS = tuple(w + " " for w in _SETTLEMENT_WORDS + _REGION_WORDS)
_REGION_SYNONYMS = ("oblast", "province", "region", "krai")
_REGION_SYNONYMS_CYR = ("область", "край", "регион")


@lru_cache(maxsize=4)
def _word_list(name: str) -> tuple[str, ...]:
    """The entries of the data file ``name`` beside this module, one a line, '#' lines skipped.

    >>> "n a" in _word_list("placeholders.txt"), _word_list("titles.txt")[:2]
    (True, ('president', 'prime minister'))
    """
    text = resources.files("namenorm").joinpath(name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _placeholders() -> frozenset[str]:
    return frozenset(_word_list("placeholders.txt"))


def _inflection(title: str) -> str:
    r"""What may follow a title word in the pattern: a Russian or Ukrainian case ending (a stem of
    five letters or more takes any ending of up to four: президентом, командующего, речниця; a short
    one only the usual noun endings: пана, мэром), nothing after a Latin title. So "Genrikh" and
    "Pantelii" keep their first letters, and "Панов" and "Мери" are names, not titles.

    >>> _inflection("gen"), _inflection("пан"), _inflection("президент") == r"\p{L}{0,4}"
    ('', '(?:а|у|ом|ем|е|ові)?', True)
    """
    if not has_cyrillic(title):
        return ""
    return r"\p{L}{0,4}" if len(title) >= 5 else "(?:а|у|ом|ем|е|ові)?"


@lru_cache(maxsize=1)
def _title_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Leading titles as written, and as folded (inflected title words joined by hyphens fold apart)."""
    alternatives = "|".join(regex.escape(t) + _inflection(t)
                            for t in sorted(_word_list("titles.txt"), key=len, reverse=True))
    title = regex.compile(r"^(?:(?:" + alternatives + r")\.?\s+)+", regex.IGNORECASE)
    return title, regex.compile(title.pattern.replace(r"\.?", ""))


def is_junk(cleaned: str) -> bool:
    """True for empty, letterless or placeholder values ("N/A", "null", "-", "нет данных")."""
    if not _LETTER.search(cleaned):
        return True
    return fold(cleaned) in _placeholders()


def strip_titles(s: str) -> str:
    """Remove leading titles and honorifics; the name itself is never emptied."""
    title, title_folded = _title_patterns()
    out = title.sub("", s + " ").strip()
    if not out:
        return s
    words = s.split()
    # inflected Cyrillic title words joined by hyphens are folded apart: try the folded form too
    if out == s and len(words) > 1:
        folded = fold(s)
        cut = title_folded.match(folded + " ")
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


_TRAILING_INITIALS = regex.compile(r"^(\p{L}[\p{L}'’-]*\p{L}),?\s+(\p{Lu})(?:\.\s*(\p{Lu}))?\.?$")


def initials_first(s: str) -> str | None:
    """A surname followed by one or two initials, the order of Russian documents and bylines
    ("Путин В.В.", "Lavrov S."; the last period may have been cleaned away), with the initials put
    first; None for any other text.

    >>> initials_first("Путин В.В."), initials_first("Lavrov, S. V"), initials_first("Kyiv")
    ('В. В. Путин', 'S. V. Lavrov', None)
    """
    m = _TRAILING_INITIALS.match(s)
    if not m:
        return None
    initials = " ".join(f"{c}." for c in m.group(2, 3) if c)
    return f"{initials} {m.group(1)}"


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
