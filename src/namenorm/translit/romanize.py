"""All Latin spellings of a Cyrillic name across the schemes and reader conventions of its language.

The gazetteer compiler calls :func:`romanizations` for every Cyrillic alias so that a Latin query
in any convention (passport, BGN/PCGN, library, German, French or Polish press) meets it.  Each
scheme's output is added as is, without its apostrophe-like marks (’ ” ʹ ʺ ·), and folded to ASCII.

>>> wanted = {"Zelenskyi", "Zelenskyy", "Zelens’kyy", "Selenskyj", "Zełenski", "Zelenski", "Zelensky"}
>>> wanted <= romanizations("Зеленський")
True
>>> {"Kyiv", "Kyjiw", "Kijów", "Kijow"} <= romanizations("Київ")
True
"""

from __future__ import annotations

from unidecode import unidecode

from namenorm.scripts import cyrillic_lang
from namenorm.translit.engine import load

__all__ = ["LANG_SCHEMES", "ascii_fold", "clear_caches", "romanizations", "strip_marks"]

_UK = ("uk_national", "uk_bgn_pcgn", "uk_iso9", "uk_ala_lc", "uk_de", "uk_fr", "uk_pl", "uk_pl_traditional")
_RU = ("ru_wikipedia", "ru_icao", "ru_bgn_pcgn", "ru_iso9", "ru_gost_7034", "ru_ala_lc",
       "ru_de", "ru_fr", "ru_pl")

LANG_SCHEMES: dict[str | None, tuple[str, ...]] = {
    "uk": _UK,
    "ru": _RU,
    "be": ("be_national", "ru_icao", "ru_iso9"),
    "bg": ("bg_official", "ru_iso9"),
    "sr": ("sr_latin", "ru_iso9"),
    "mk": ("mk_latin", "ru_iso9"),
    # No distinctive letter (Шевчук, Зеленский): the name may be Russian or Ukrainian.
    None: _RU + _UK,
}
"""The schemes whose readings :func:`romanizations` collects for each language (``cyrillic_lang``)."""

_MARKS = str.maketrans("", "", "’”ʹʺ·'\u0361\u02bc")


class _AsciiFold(dict[int, str]):
    """A ``str.translate`` table that folds each non-ASCII character with unidecode, lazily."""

    def __missing__(self, cp: int) -> str:
        out: str = chr(cp) if 0xD800 <= cp <= 0xDFFF else unidecode(chr(cp))  # lone surrogates stay
        self[cp] = out
        return out


_FOLD = _AsciiFold({cp: chr(cp) for cp in range(128)})


def strip_marks(text: str) -> str:
    """Remove apostrophe-like marks and tie bars of romanized text ("Zelens’kyy" -> "Zelenskyy").

    >>> strip_marks("Zelens’kyy"), strip_marks("Pod”yarskiy"), strip_marks("t͡s")
    ('Zelenskyy', 'Podyarskiy', 'ts')
    """
    return text.translate(_MARKS)


def ascii_fold(text: str) -> str:
    """Fold text to ASCII letter by letter with unidecode ("Zełenski" -> "Zelenski").

    >>> ascii_fold("Zełenski"), ascii_fold("Kijów"), ascii_fold("Kyiv")
    ('Zelenski', 'Kijow', 'Kyiv')
    """
    return text if text.isascii() else text.translate(_FOLD)


# (language, word) -> for each scheme of the language: romanized, without marks, ASCII-folded.
# A name's romanization in a scheme is the join of its space-separated words' (no context rule looks
# across a space), and names share words, so this cache makes compiling many aliases fast.  It is
# cleared when it grows past the limit.
_WORD_CACHE: dict[tuple[str | None, str], tuple[str, ...]] = {}
_WORD_CACHE_LIMIT = 50_000


def _word_forms(lang: str | None, word: str) -> tuple[str, ...]:
    key = (lang, word)
    forms = _WORD_CACHE.get(key)
    if forms is None:
        out: list[str] = []
        for name in LANG_SCHEMES[lang]:
            roman = load(name)(word)
            bare = strip_marks(roman)
            out += (roman, bare, ascii_fold(bare))
        forms = tuple(out)
        if len(_WORD_CACHE) >= _WORD_CACHE_LIMIT:
            _WORD_CACHE.clear()
        _WORD_CACHE[key] = forms
    return forms


def _romanizations(text: str) -> set[str]:
    lang = cyrillic_lang(text)
    words = text.split(" ")
    if len(words) == 1:
        out = set(_word_forms(lang, text))
    else:  # join each distinct combination once
        out = set(map(" ".join, set(zip(*[_word_forms(lang, w) for w in words], strict=True))))
    out.discard("")
    return out


def preload_schemes() -> None:
    """Load the tables of every scheme :func:`romanizations` uses (they load on first use otherwise)."""
    for names in LANG_SCHEMES.values():
        for name in names:
            load(name)


def clear_caches() -> None:
    """Empty the romanization caches (for benchmarks and memory-conscious callers)."""
    _WORD_CACHE.clear()


def romanizations(text: str) -> set[str]:
    """The distinct Latin spellings of ``text`` in every scheme and convention of its language.

    The language comes from :func:`namenorm.scripts.cyrillic_lang`; Cyrillic without a distinctive
    letter gets both the Russian and the Ukrainian readings.  ASCII text gives ``{text}``;
    other text without Cyrillic gives itself and its ASCII fold.

    >>> sorted(romanizations("Харків") & {"Kharkiv", "Charkiw", "Charków", "Kharkov"})
    ['Charkiw', 'Charków', 'Kharkiv']
    >>> romanizations("Kyiv")
    {'Kyiv'}
    """
    if not isinstance(text, str):
        raise TypeError(f"romanizations() expects str, got {type(text).__name__}")
    if text.isascii():
        return {text} if text else set()
    return _romanizations(text)
