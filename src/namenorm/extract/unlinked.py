"""Proper-name spans that extraction could not link (``extract(..., unlinked=True)``).

A proper name here is a run of capitalised words of one sentence, joined by spaces, hyphens or an
initial's period ("Larry Page", "S. Page", "Эр-Рияд"), with the lowercase words that sit inside
names ("Bank of England", "Ростов-на-Дону"). A run is cut where a linked mention starts or ends,
and loses what says nothing about names: a first word that opens the sentence (or a quotation, a
bracket, a clause) and is a common or function word ("Сегодня", "The"), or is a lone Latin
word there ("Yesterday": no dictionary of English words is at hand), and titles before a name
("President", "министр"). A headline or a shouted sentence, where every word is
capitalised, gives none. Each span gets its base form (:func:`namenorm.base_form`) and the key
that :func:`namenorm.name_key` gives it, so that the inflected forms and spellings of one unknown
name share a key.

>>> from namenorm.api import Normalizer
>>> import tempfile, pathlib
>>> gaz = pathlib.Path(tempfile.mkdtemp()) / "g.gaz"
>>> _ = gaz.write_text("[t:kyiv] LOC Kyiv\\nen: Kyiv\\nru: Киев\\n", encoding="utf-8")
>>> n = Normalizer(gazetteers=[gaz], include_bundled=False)
>>> from namenorm.extract import extract
>>> text = "Сегодня в Киеве на большой конференции выступил Ларри Пейдж."
>>> for m in extract(text, lang="ru", normalizer=n, unlinked=True):
...     print(m.text, m.match and m.match.id, m.base, m.key)
Киеве t:kyiv None None
Ларри Пейдж None Ларри Пейдж ~pds
"""

from __future__ import annotations

from collections.abc import Iterator

from namenorm.api import Normalizer, default_normalizer
from namenorm.extract.context import is_common, is_function_word, is_title
from namenorm.extract.sentence import Sentence
from namenorm.extract.tokens import joinable
from namenorm.match import Mention
from namenorm.morph import base_form
from namenorm.name_keys import MIN_SCORE, name_key, unresolved_key
from namenorm.scripts import has_cyrillic

__all__ = ["unlinked_spans"]

# lowercase words inside names, between two capitalised words: "Bank of England", "Саиф уль-Малук"
_INSIDE = frozenset({
    "of", "the", "for", "de", "du", "des", "der", "für", "della", "di", "del", "la", "le", "les", "el",
    "los", "da", "do", "dos", "das", "van", "von", "bin", "ibn", "al", "на", "де", "дер", "ван", "фон",
    "аль", "эль", "бин", "ибн",
})


def unlinked_spans(s: Sentence, linked: list[Mention], norm: Normalizer) -> list[Mention]:
    """The proper-name spans of sentence ``s`` that overlap none of the ``linked`` mentions, as
    :class:`Mention` objects with ``match`` None, their base form and their key."""
    if s.caseless or s.shouted:
        return []
    out: list[Mention] = []
    for a, b in _runs(s, {(m.start, m.end) for m in linked}):
        start, end = s.toks[a].start, s.toks[b].end
        surface = s.text[start:end]
        lang = s.lang if s.lang in norm.languages else None
        base = base_form(surface, lang=lang)
        key = _key(norm, surface, base, lang)
        if key is not None:
            out.append(Mention(start, end, surface, None, base, key))
    return out


def _runs(s: Sentence, linked: set[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Token ranges of the proper-name runs, linked mentions left out."""
    toks = s.toks
    inside = {i for i, t in enumerate(toks) for a, b in linked if a <= t.start and t.end <= b}
    i, n = 0, len(toks)
    while i < n:
        if i in inside or not _name_word(s, i):
            i += 1
            continue
        j = i
        while j + 1 < n and j + 1 not in inside and joinable(s.text, toks[j], toks[j + 1]):
            if _name_word(s, j + 1):
                j += 1
            elif (j + 2 < n and toks[j + 1].key in _INSIDE and j + 2 not in inside
                  and _name_word(s, j + 2) and joinable(s.text, toks[j + 1], toks[j + 2])):
                j += 2
            else:
                break
        yield from _trimmed(s, i, j)
        i = j + 1


def _name_word(s: Sentence, i: int) -> bool:
    word = s.toks[i].text
    return word[:1].isupper() and word[:1].isalpha()


def _trimmed(s: Sentence, a: int, b: int) -> Iterator[tuple[int, int]]:
    """The run ``a..b`` without the titles that open it and without an opening word that says
    nothing about names."""
    toks = s.toks
    while a <= b and (is_title(toks[a].text)
                      or (s.initial(a) and (is_common(toks[a].key)
                                            or is_function_word(toks[a].text, s.morph_lang)))):
        a += 1
    while b >= a and toks[b].key in _INSIDE:
        b -= 1
    if a == b and s.initial(a) and not has_cyrillic(toks[a].text) and not toks[a].text.isupper():
        return  # one capitalised Latin word opening a sentence: no dictionary says it is no name
    if a <= b:
        yield a, b


def _key(norm: Normalizer, surface: str, base: str, lang: str | None) -> str | None:
    """:func:`namenorm.name_key` of the span, read with ``norm``'s gazetteers (the default
    normalizer's are name_key's own)."""
    if norm is default_normalizer():
        return name_key(surface, lang)
    m = norm.normalize(base, lang=lang, fuzzy=False, min_score=MIN_SCORE)
    return m.id if m is not None else unresolved_key(base, lang)
