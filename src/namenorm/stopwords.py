"""Common words that are never fuzzy-matched (and make weak aliases in extraction).

>>> is_common_word("house"), is_common_word("kharkiv"), is_common_word("дом"), is_common_word("харьков")
(True, False, True, False)
>>> is_common_word("київ")
False
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from namenorm.scripts import cyrillic_lang, has_cyrillic

__all__ = ["common_latin_words", "is_common_word"]

_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


@lru_cache(maxsize=1)
def common_latin_words() -> frozenset[str]:
    """The hand-picked common Latin-script words (``common_words.txt``)."""
    text = resources.files("namenorm").joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=65536)
def _common_cyrillic(word: str, lang: str) -> bool:
    from namenorm.morph.analyzers import word_parses

    parses = word_parses(lang, word)
    known = [p for p in parses if p.is_known]
    return bool(known) and not any(_PROPER & set(p.tag.grammemes) for p in parses)


def is_common_word(key: str) -> bool:
    """True when every word of a folded key is a common (non-name) word."""
    words = key.split()
    if not words:
        return False
    if has_cyrillic(key):
        # Russian only: the Ukrainian dictionary has no place or organisation tags, so it would
        # call "київ" a common word; Ukrainian-specific spellings make no claim
        if (cyrillic_lang(key) or "ru") != "ru":
            return False
        return all(_common_cyrillic(w, "ru") for w in words)
    common = common_latin_words()
    return all(w in common for w in words)
