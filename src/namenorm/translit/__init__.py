"""Transliteration of Cyrillic names into Latin, the reverse, and all spellings of a name.

Each scheme is one data file under ``schemes/`` citing its standard; the engine applies letter
tables and context rules (word-initial forms, digraphs such as KMU 2010's зг -> zgh, endings,
apostrophe and soft-sign handling) and keeps the case pattern of each word (Title, ALL CAPS).

* ``scheme="auto"`` picks by :func:`namenorm.scripts.cyrillic_lang`: Ukrainian -> ``uk_national``,
  Russian -> ``ru_wikipedia``, Belarusian -> ``be_national``, Bulgarian -> ``bg_official``,
  Serbian -> ``sr_latin``, Macedonian -> ``mk_latin``; Cyrillic without a distinctive letter is
  read as Russian (``ru_wikipedia``).
* Cyrillic letters a scheme does not cover fall back to unidecode, so the output of every scheme
  has no Cyrillic letter.  Only Cyrillic characters (and apostrophes between Cyrillic letters) are
  converted: ASCII and other text, such as "Kijów", is returned unchanged.

>>> transliterate("Київ"), transliterate("Володимир Зеленський", scheme="uk_national")
('Kyiv', 'Volodymyr Zelenskyi')
>>> transliterate("Владимир Зеленский")  # no distinctive letter: read as Russian
'Vladimir Zelensky'
>>> transliterate("Ельцин", scheme="ru_wikipedia"), transliterate("ЩЁКИНО", scheme="ru_icao")
('Yeltsin', 'SHCHEKINO')
>>> transliterate("Kijów")
'Kijów'
"""

from __future__ import annotations

from collections.abc import Callable

from namenorm.scripts import cyrillic_lang
from namenorm.translit.cyrillize import cyrillize
from namenorm.translit.engine import load
from namenorm.translit.romanize import romanizations

__all__ = ["AUTO_SCHEMES", "SCHEMES", "cyrillize", "romanizations", "transliterate"]

SCHEMES: tuple[str, ...] = (
    "uk_national", "uk_bgn_pcgn", "uk_iso9", "uk_ala_lc",
    "ru_icao", "ru_bgn_pcgn", "ru_iso9", "ru_gost_7034", "ru_ala_lc", "ru_wikipedia",
    "be_national", "bg_official", "sr_latin", "mk_latin",
    "ru_de", "uk_de", "ru_fr", "uk_fr", "ru_pl", "uk_pl",
)
"""The valid ``scheme`` names (besides ``"auto"``)."""

AUTO_SCHEMES: dict[str | None, str] = {
    "uk": "uk_national", "ru": "ru_wikipedia", "be": "be_national", "bg": "bg_official",
    "sr": "sr_latin", "mk": "mk_latin", None: "ru_wikipedia",
}
"""The scheme ``"auto"`` uses for each language guessed by ``cyrillic_lang``."""

_VALID = frozenset(SCHEMES)
_LOADED: dict[str, Callable[[str], str]] = {}  # scheme name -> compiled transliterator, filled on use


def _check_scheme(scheme: str) -> None:
    if scheme not in _VALID:
        valid = ", ".join(SCHEMES)
        raise ValueError(f"unknown transliteration scheme {scheme!r}; use 'auto' or one of: {valid}")


def transliterate(text: str, scheme: str = "auto") -> str:
    """Romanize the Cyrillic letters of ``text`` with ``scheme`` (see :data:`SCHEMES`).

    >>> transliterate("Згорани", "uk_national"), transliterate("Подъярский", "ru_wikipedia")
    ('Zghorany', 'Podyarsky')
    >>> transliterate("Київ", "uk_de"), transliterate("България")
    ('Kyjiw', 'Bulgaria')
    >>> transliterate("Київ", "klingon")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown transliteration scheme 'klingon'; use 'auto' or one of: uk_national, ...
    """
    compiled = _LOADED.get(scheme)
    if compiled is not None and type(text) is str:  # the fast path: a scheme already in use
        return compiled(text)
    if not isinstance(text, str):
        raise TypeError(f"transliterate() expects str, got {type(text).__name__}")
    if text.isascii():
        if scheme != "auto":
            _check_scheme(scheme)
        return text
    if scheme == "auto":
        scheme = AUTO_SCHEMES.get(cyrillic_lang(text), "ru_wikipedia")
    else:
        _check_scheme(scheme)
    compiled = _LOADED[scheme] = load(scheme)
    return compiled(text)
