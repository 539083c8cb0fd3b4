"""The language codes that the ``lang`` hints accept: ISO 639-1 (two letters), or None.

Morphology exists for Russian and Ukrainian (:data:`namenorm.morph.analyzers.LANGS`); another
known language is a valid hint that simply has no morphology. An unknown code is a ValueError
that lists the accepted ones.

>>> check_lang("uk", "base_form()"), check_lang(None, "base_form()")
('uk', None)
>>> try:
...     check_lang("zz", "base_form()")
... except ValueError as e:
...     print(str(e)[:58])
base_form(): unknown lang 'zz'; use None or one of: aa, ab
"""

from __future__ import annotations

from collections.abc import Collection

__all__ = ["ISO_639_1", "check_lang"]

_CODES = """
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz
ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik
io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn
mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg
si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa
wo xh yi yo za zh zu
"""
ISO_639_1 = frozenset(_CODES.split())


def check_lang(lang: object, who: str, known: Collection[str] = ISO_639_1, *,
               omit: str = "None") -> str | None:
    """``lang`` when it is None or one of ``known``; else a TypeError (not a str) or a ValueError
    (``omit`` names the way to give no language, in the message)."""
    if lang is None:
        return None
    if not isinstance(lang, str):
        raise TypeError(f"{who}: lang must be a language code such as 'uk', or None; got "
                        f"{type(lang).__name__}")
    if lang not in known:
        raise ValueError(f"{who}: unknown lang {lang!r}; use {omit} or one of: {', '.join(sorted(known))}")
    return lang
