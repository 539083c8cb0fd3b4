"""``extract()``: find and link the names in running text.

>>> from namenorm.api import Normalizer
>>> import tempfile, pathlib
>>> gaz = pathlib.Path(tempfile.mkdtemp()) / "news.gaz"
>>> _ = gaz.write_text('''[t:kyiv] LOC Kyiv
... en: Kyiv | Kiev {former}
... uk: Київ
... ru: Киев
...
... [t:us] LOC United States
... en: United States | US {abbreviation}
... ''', encoding="utf-8")
>>> n = Normalizer(gazetteers=[gaz], include_bundled=False)
>>> text = "Tell us about Kiev. Посол US прибыл в Киеве? Він повернувся до Києва."
>>> for m in extract(text, normalizer=n):
...     print(m.start, m.text, m.match.name, m.match.method)
14 Kiev Kyiv exact
26 US United States exact
38 Киеве Kyiv inflection
63 Києва Kyiv inflection
"""

from __future__ import annotations

from namenorm.api import Normalizer, default_normalizer
from namenorm.extract.decide import decide
from namenorm.extract.sentence import Sentence
from namenorm.extract.spans import SpanCand, scan_sentence
from namenorm.extract.tables import tables_for
from namenorm.extract.tokens import Token, sentences, tokenize
from namenorm.extract.unlinked import unlinked_spans
from namenorm.match import Mention
from namenorm.scripts import cyrillic_lang, has_cyrillic

__all__ = ["extract", "sentence_lang"]


def sentence_lang(sentence: str, lang: str | None) -> str | None:
    """The language to read a sentence in: the caller's, else a guess for Cyrillic text, else None.

    >>> sentence_lang("Він приїхав до Києва.", None), sentence_lang("Kyiv", None), sentence_lang("x", "ru")
    ('uk', None, 'ru')
    """
    if lang is not None:
        return lang
    return cyrillic_lang(sentence) if has_cyrillic(sentence) else None


def extract(text: str, *, lang: str | None = None, normalizer: Normalizer | None = None,
            unlinked: bool = False) -> list[Mention]:
    """The names in ``text`` that the gazetteers know, as :class:`~namenorm.match.Mention` objects.

    Mentions are sorted and never overlap, and ``text[m.start:m.end] == m.text``. Latin and
    Cyrillic may mix; ``lang`` ("en", "ru", "uk", ...) applies to every sentence, otherwise each
    sentence's language is guessed from its letters. Inflected (``Киеве``) and romanised
    (``Selenskyj``) forms are found through the pre-generated keys of the index; nothing is
    fuzzy-matched.

    ``unlinked=True`` also returns the proper names that no gazetteer entity was linked to, with
    ``match`` None, their base form (``base``) and their :func:`namenorm.name_key` (``key``): see
    :mod:`namenorm.extract.unlinked`. The linked mentions are the same either way.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, got {type(text).__name__}")
    if not isinstance(unlinked, bool):
        raise TypeError(f"extract(): unlinked must be True or False, got {type(unlinked).__name__}")
    norm = normalizer if normalizer is not None else default_normalizer()
    tabs = tables_for(norm.index)
    per_sentence: list[list[SpanCand]] = []
    kept: list[tuple[int, int, list[Token], str | None]] = []
    for a, b in sentences(text):
        toks = tokenize(text, a, b)
        if toks:
            s_lang = sentence_lang(text[a:b], lang)
            per_sentence.append(scan_sentence(text, toks, tabs, s_lang))
            kept.append((a, b, toks, s_lang))
    found = decide(text, per_sentence, tabs.ix)
    if not unlinked:
        return found
    extra: list[Mention] = []
    for a, b, toks, s_lang in kept:
        linked = [m for m in found if a <= m.start and m.end <= b]
        extra += unlinked_spans(Sentence(text, toks, tabs, s_lang), linked, norm)
    return sorted(found + extra, key=lambda m: m.start)
