"""Sentences and word tokens of running text, with offsets into the input string.

Words are runs of letters, marks and digits (Unicode word characters, via ``regex``) with inner
apostrophes kept (``Знам’янка``, ``O'Brien``); an English possessive ``'s`` is left outside the
word; dotted abbreviations (``U.S.``) are one token.

>>> [t.text for t in tokenize("Ukraine's U.S. envoy met Kyiv’s mayor.")]
['Ukraine', 'U.S.', 'envoy', 'met', 'Kyiv', 'mayor']
>>> text = "Dr. S. Lavrov arrived. Then he left!  Київ?\\nNew line"
>>> [text[a:b] for a, b in sentences(text)]
['Dr. S. Lavrov arrived.', 'Then he left!', 'Київ?', 'New line']
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from namenorm.chars import AFTER_TWO_LATIN_LETTERS, WORD_APOSTROPHES
from namenorm.text import fold

__all__ = ["Token", "joinable", "sentences", "tokenize"]

_WORD = regex.compile(
    r"(?:\p{Lu}\.){2,}"                                     # U.S., U.K., С.Ш.А.
    rf"|[\p{{L}}\p{{M}}\p{{N}}]+(?:[{WORD_APOSTROPHES}][\p{{L}}\p{{M}}\p{{N}}]+)*"  # inner apostrophes
)
_POSSESSIVE = regex.compile(AFTER_TWO_LATIN_LETTERS + r"['’]s$", regex.IGNORECASE)
_LAST_WORD = regex.compile(r"[\p{L}.]+$")
_END = regex.compile(r"[.!?…]+[\"'»”’)\]]*\s+|\n\s*")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "gen", "prof", "jr", "sr", "vs", "no", "col", "lt", "sgt", "rev",
    "gov", "sen", "rep", "co", "inc", "ltd", "corp", "mt", "ft", "approx", "etc", "e.g", "i.e",
    "г", "гг", "им", "ул", "т", "д", "св", "проф", "акад", "обл", "р", "пр", "ген", "т.е", "т.к",
})
# The gap between two words of one name: spaces, a hyphen or dash, an ampersand; a period only
# after an initial or inside an abbreviation (checked by the caller).
_JOIN = regex.compile(r"[ \t\u00a0]{1,3}|[ \u00a0]?[-‐‑‒–—&][ \u00a0]?|\.[ \u00a0]?")


class Token(NamedTuple):
    """A word: its offsets in the text, the text itself and its folded lookup key."""

    start: int
    end: int
    text: str
    key: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with offsets into ``text``."""
    out: list[Token] = []
    append, keys, find = out.append, _KEYS, text.find
    pos = start
    # findall and find are faster than match objects; a word's first occurrence at or after the
    # end of the previous match is where the pattern matched it, since the pattern finds the leftmost
    for word in _WORD.findall(text, start, len(text) if end is None else end):
        a = find(word, pos)
        b = pos = a + len(word)
        if "'" in word or "’" in word:
            p = _POSSESSIVE.search(word)
            if p is not None:
                b -= len(word) - p.start()
                word = word[: p.start()]
        key = keys.get(word)
        if key is None:
            key = _key(word)
        if key:
            append(Token(a, b, word, key))
    return out


_KEYS: dict[str, str] = {}


def _key(word: str) -> str:
    """The folded key of a word, remembered (a plain dict is the fastest cache for this hot path;
    :func:`~namenorm.text.fold` itself only lower-cases a word of plain letters).

    >>> _key("Зелёный"), _key("Ky1v"), _key("Kyïv")
    ('зеленый', 'ky1v', 'kyïv')
    """
    if len(_KEYS) > 500_000:
        _KEYS.clear()
    key = _KEYS[word] = fold(word)
    return key


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` ends an initial ("S.") or a common abbreviation ("Dr.")."""
    m = _LAST_WORD.search(text[max(0, dot - 12):dot])
    if m is None:
        return False
    word = m.group()
    if len(word) == 1 and word.isupper():
        return True
    return word.lower() in _ABBREVIATIONS


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, surrounding whitespace excluded.

    A sentence ends at a newline, or at ``.``, ``!``, ``?`` or ``…`` (closing quotes and brackets
    included) followed by whitespace and a character that is not a lowercase letter, unless the
    period ends an initial or a known abbreviation. Each decision looks only at the few characters
    around the boundary, so a sentence splits the same way whatever text surrounds it.
    """
    out: list[tuple[int, int]] = []
    begin = 0
    for m in _END.finditer(text):
        nxt = text[m.end():m.end() + 1]
        if m.group()[0] != "\n":
            if nxt and nxt.islower():
                continue
            if m.group()[0] == "." and _is_abbreviation(text, m.start()):
                continue
        stop = m.start() + len(m.group().rstrip())
        _add(text, begin, stop, out)
        begin = m.end()
    _add(text, begin, len(text), out)
    return out


def _add(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        out.append((a, b))


def joinable(text: str, left: Token, right: Token) -> bool:
    """True when the gap between two adjacent tokens can sit inside one name.

    >>> toks = tokenize("Ростов-на-Дону, S. Lavrov")
    >>> [joinable("Ростов-на-Дону, S. Lavrov", a, b) for a, b in zip(toks, toks[1:])]
    [True, True, False, True]
    """
    gap = text[left.end:right.start]
    if not _JOIN.fullmatch(gap):
        return False
    if gap[0] == ".":
        return len(left.text) == 1 or left.text.endswith(".")
    return True
