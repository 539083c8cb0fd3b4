"""Which GeoNames alternate names to keep, and how strongly: the one place these rules live.

GeoNames ``alternatenames`` are noisy: airport codes (``IEV``), lower-case romanisations of
non-Latin names (``ji fu``, ``kyiva``), foreign case forms (``Kievom``), links, names with digits,
and names that are also common words (``Nice``, ``Mobile``, ``Of``).  :func:`judge` decides every
alias of a city: ``strong`` (matches alone), ``weak`` (matches only with a country or type hint:
the ``{weak}`` flag) or ``drop``, with the reason.  The first rule that applies wins.

>>> ctx = Context(common_words=frozenset({"nice", "of"}), country_names=frozenset({"mexico", "tunis"}),
...               main_names={"paris": ((2138551, 2988507), (24782, 4717560))})
>>> tx = City(4717560, "Paris", "US", 24782)
>>> [classify(a, tx, ctx) for a in ("IEV", "ji fu", "Paris", "Mexico", "Nice", "Paříž")]
['drop', 'drop', 'weak', 'weak', 'weak', 'strong']
>>> classify("Tunis", City(2464470, "Tunis", "TN", 693210), ctx)  # Tunisia in Croatian, not English
'strong'
>>> judge("Paris", City(2988507, "Paris", "FR", 2138551), ctx)
Verdict(kind='strong', reason='name')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from _gazwrite import SYNTAX_CHARS, fold, scripts_of

# Longest alias kept: GeoNames' longest real names are ~55 characters (Welsh
# "Llanfairpwllgwyngyll..." is 58); longer strings are descriptions, not names.
MAX_LEN = 60
# A name this many times more populous makes a smaller namesake's alias weak.
HOMONYM_RATIO = 10
# An alternate name of a city under WORD_CITY_MAX inhabitants that is an English word at least
# FREQUENT_WORD frequent (Zipf scale: 3 = once per million words) and WORD_MARGIN more frequent (ten
# times) than the city's own name is mostly that word: "Human" for Uman, "Tender" for Tønder,
# "Cambridge" in a Ukrainian town's romanisation debris.  A city of a million or more is itself what
# its frequent names usually mean (Cologne, Odessa, Medina).
FREQUENT_WORD, WORD_MARGIN, WORD_CITY_MAX = 3.0, 1.0, 1_000_000
_URL = re.compile(r"https?:|www\.|\.(?:com|org|net|html?)\b|@", re.IGNORECASE)
_JOINERS = frozenset("\u200c\u200d")  # zero-width (non-)joiners are spelling in Persian and Indic scripts
_ALPHABETIC = frozenset({"Latin", "Cyrillic", "Greek"})
_CODE = re.compile(r"[A-Z]{2,4}")  # IATA (IEV) and ICAO (UKBB) airport codes, postal abbreviations


class City(NamedTuple):
    """What the rules need to know about the city an alias belongs to."""

    geonameid: int
    name: str
    country: str
    population: int


class Verdict(NamedTuple):
    """``kind`` is ``strong``, ``weak`` or ``drop``; ``reason`` names the rule that decided."""

    kind: str
    reason: str


@dataclass(frozen=True)
class Context:
    """World knowledge the rules consult.

    ``country_names``: folded names of countries in every CLDR language (checked for alternate
    names); ``main_country_names``: their English names only (checked for a city's main name: the
    Croatian name of Tunisia is "Tunis", which must not weaken the city of Tunis).
    ``word_frequencies`` gives a word's Zipf frequency in each of some languages, always in the
    same order (``wordfreq``, English only, in the build; zero when unknown).  ``main_names`` maps
    a folded main city name, ``city_names`` a folded city name (main or a well-formed alternate
    name), to the two most populous ``(population, geonameid)`` pairs bearing it (most populous
    first).  A main name is compared with main names only: GeoNames lists odd
    alternate names ("Franklin" for Columbus, Ohio) that must not weaken a real Franklin.
    """

    common_words: frozenset[str] = frozenset()
    country_names: frozenset[str] = frozenset()
    main_country_names: frozenset[str] = frozenset()
    main_names: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    city_names: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    word_frequencies: Callable[[str], tuple[float, ...]] = lambda word: ()


def drop_reason(alias: str) -> str | None:
    """Why an alias is noise, or None when it looks like a name.

    >>> [drop_reason(a) for a in ("IEV", "Kyiv 2", "kyiva", "K", "Kyiv", "www.kyiv.ua", "Kiev|Kyiv")]
    ['code', 'digits', 'romanization', 'too-short', None, 'url', 'syntax']
    """
    if any(c in SYNTAX_CHARS or (unicodedata.category(c) in ("Cc", "Cf", "Co") and c not in _JOINERS)
           for c in alias):
        return "syntax"
    if _URL.search(alias):
        return "url"
    if any(unicodedata.category(c) == "Nd" for c in alias):
        return "digits"
    if sum(c.isalpha() for c in alias) < 2:
        return "too-short"
    if len(alias) > MAX_LEN:
        return "too-long"
    if _CODE.fullmatch(alias):
        return "code"
    scripts = scripts_of(alias)
    if len(scripts) > 1:
        return "mixed-script"
    if scripts == {"Latin"} and (alias == alias.lower() or "=" in alias):
        # GeoNames' own romanisations of Chinese, Arabic, Indic... names are all lower case
        # ("ji fu", "kheiyf"); real Latin names are capitalised ("les Escaldes", "'s-Hertogenbosch").
        return "romanization"
    return None


def weak_reason(alias: str, city: City, ctx: Context) -> str | None:
    """Why a well-formed alias should need a hint, or None when it may match alone.

    A common word, a country's name, a one- or two-letter alternate name in an alphabet, an
    alternate name that is a frequent word much more frequent than the city's name, or a name
    (main or alternate) of a city ten times more populous elsewhere.

    >>> ctx = Context(main_names={"moscow": ((10381222, 524901), (25060, 5601538))})
    >>> weak_reason("Moscow", City(5601538, "Moscow", "US", 25060), ctx)
    'bigger-homonym'
    >>> weak_reason("Moscow", City(524901, "Moscow", "RU", 10381222), ctx) is None
    True
    >>> table = {"human": (5.4, 4.0), "uman": (2.0, 4.5), "lviv": (2.7, 2.4), "lvov": (2.1, 1.2)}
    >>> freq = Context(word_frequencies=lambda w: table.get(w, (0.0, 0.0)))
    >>> weak_reason("Human", City(691999, "Uman", "UA", 81525), freq)
    'frequent-word'
    >>> weak_reason("Lvov", City(702550, "Lviv", "UA", 717803), freq) is None
    True
    >>> weak_reason("Hu'man", City(691999, "Uman", "UA", 81525), freq)  # apostrophes fold away
    'frequent-word'
    """
    key = fold(alias)
    if key in ctx.common_words:
        return "common-word"
    if key != fold(city.name) and len(key) <= 2 and scripts_of(alias) & _ALPHABETIC:
        return "short"  # "Ko" (an alternate name of Kyiv) is more often anything else
    if key in (ctx.main_country_names if key == fold(city.name) else ctx.country_names):
        return "country-name"
    if key != fold(city.name) and city.population < WORD_CITY_MAX and _frequent_word(alias, city.name, ctx):
        return "frequent-word"
    for pop, gid in (ctx.main_names if key == fold(city.name) else ctx.city_names).get(key, ()):
        if gid != city.geonameid and pop >= HOMONYM_RATIO * max(city.population, 1):
            return "bigger-homonym"
    return None


def _frequent_word(alias: str, name: str, ctx: Context) -> bool:
    key = fold(alias)  # what a query meets: "Luc'k" (Lutsk) folds to the word "luck"
    if not (key.isalpha() and scripts_of(key) == {"Latin"}):
        return False  # one word in the Latin alphabet: the words wordfreq and the press share
    freqs = ctx.word_frequencies(key)
    if not freqs or max(freqs) < FREQUENT_WORD:
        return False
    own = [max(pair) for pair in zip(*(ctx.word_frequencies(fold(w)) for w in (name, strip_accents(name))),
                                     strict=True)]
    # language by language: a city's name may be a frequent word in another language
    return any(f >= FREQUENT_WORD and f - o >= WORD_MARGIN for f, o in zip(freqs, own, strict=True))


def strip_accents(text: str) -> str:
    """``text`` without combining marks ("Lárisa" -> "Larisa").

    >>> strip_accents("Lárisa"), strip_accents("Kyiv")
    ('Larisa', 'Kyiv')
    """
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def judge(alias: str, city: City, ctx: Context) -> Verdict:
    """The verdict on one alias of ``city``; the city's main name is never dropped."""
    is_main = fold(alias) == fold(city.name)
    if not is_main:
        why = drop_reason(alias)
        if why:
            return Verdict("drop", why)
    why = weak_reason(alias, city, ctx)
    if why:
        return Verdict("weak", why)
    return Verdict("strong", "name" if is_main else "alias")


def classify(alias: str, city: City, ctx: Context) -> str:
    """``"strong"``, ``"weak"`` or ``"drop"`` (see :func:`judge` for the reason)."""
    return judge(alias, city, ctx).kind


# Case endings that GeoNames carries as separate "names" (Slavic instrumental, dative, locative
# forms such as "Kievom", "Киевом").  Only the instrumental endings are listed: measured on
# cities15000, the other endings (-a, -as, -i, -u, -у, -ie) mostly pair real names ("Praga"/"Prag",
# "Katmandou"/"Katmandu", "Могадишу"/"Могадиш", Czech "Florencie") rather than case forms.
INFLECTION_SUFFIXES = ("om", "em", "ом", "ем", "ою")


def inflected_of(alias: str, others: set[str]) -> str | None:
    """The alias among ``others`` that ``alias`` is a case form of, or None.

    >>> inflected_of("Kievom", {"Kiev", "Kyiv"}), inflected_of("Praga", {"Prag"})
    ('Kiev', None)
    """
    for suf in INFLECTION_SUFFIXES:
        if alias.endswith(suf) and len(alias) - len(suf) >= 3 and alias[: -len(suf)] in others:
            return alias[: -len(suf)]
    return None


def descriptor_of(alias: str, others: set[str]) -> str | None:
    """The alias among ``others`` that ``alias`` is followed by a lower-case descriptor, or None.

    GeoNames lists "Kalmar stad", "Moss kommun", "Варна хот", "Bratislava osh" ("city", "municipality"
    in some language) beside the bare name: the descriptor adds nothing to match on.

    >>> descriptor_of("Moss kommun", {"Moss"}), descriptor_of("Frankfurt am Main", {"Frankfurt"})
    ('Moss', None)
    """
    head, sep, tail = alias.rpartition(" ")
    if sep and head in others and tail.isalpha() and tail == tail.lower():
        return head
    return None


# The letters of each alphabet (lower case); a name is a candidate for a language only when every
# Cyrillic letter in it belongs to that language's alphabet ("Кꙑѥвъ", Old Church Slavonic, is not
# Russian; "Кіеў" is not Ukrainian).
RU_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
UK_LETTERS = frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
BE_LETTERS = frozenset("абвгдеёжзійклмнопрстуўфхцчшыьэюя")
_RU_ONLY = frozenset("ыэёъ")  # in Russian, not in Ukrainian
_UK_MARK = frozenset("іїєґ")  # in Ukrainian, not in Russian
_BE_MARK = frozenset("іў")  # Belarusian writes і for и, and ў
# Countries where a Cyrillic city name is very likely Russian (Russian is an official or
# co-official language, or the dominant Cyrillic language of place names there).
RU_COUNTRIES = frozenset({"RU", "BY", "KZ", "KG"})
# Former Soviet countries whose GeoNames names in Cyrillic are Russian unless the letters say
# otherwise (Ukrainian names of Transnistrian villages; Abkhaz and Ossetian letters fit no alphabet).
RU_NAME_COUNTRIES = frozenset({"MD", "GE", "EE", "LV", "LT"})
_UK_ONLY = frozenset("їєґ")  # Ukrainian, neither Russian nor Belarusian


def _fits(alias: str, alphabet: frozenset[str]) -> bool:
    return all(c in alphabet for c in alias.lower() if c.isalpha())


def cyrillic_label(alias: str, country: str, city_has_uk_name: bool) -> str:
    """The language code for a Cyrillic alias of a city in ``country`` ("uk", "ru", "be" or "xx").

    Ukrainian for cities in UA (a name in the Russian alphabet with ы э ё ъ is Russian; a name with no
    distinctive letter is Russian when the city already has a distinctly Ukrainian name, as in
    Київ/Киев, else Ukrainian).  In RU/BY/KZ/KG and the other former Soviet countries of
    ``RU_NAME_COUNTRIES`` the letters decide first: ї є ґ in the Ukrainian alphabet are Ukrainian, ў (or,
    in BY, і) in the Belarusian alphabet is Belarusian; then a name in the Russian alphabet is
    Russian; an і-name that fits only the Ukrainian (or only the Belarusian) alphabet is that
    language.  ``xx`` everywhere else (the country does not tell the language) and for letters
    outside these alphabets.

    >>> cyrillic_label("Київ", "UA", True), cyrillic_label("Киев", "UA", True)
    ('uk', 'ru')
    >>> cyrillic_label("Одеса", "UA", False), cyrillic_label("Мінск", "BY", False)
    ('uk', 'be')
    >>> cyrillic_label("Алматы", "KZ", False), cyrillic_label("Берлин", "DE", False)
    ('ru', 'xx')
    >>> cyrillic_label("Кꙑѥвъ", "UA", True), cyrillic_label("Қарағанды", "KZ", False)  # OCS; Kazakh
    ('xx', 'xx')
    >>> cyrillic_label("Бєлгород", "RU", False), cyrillic_label("Кишинёв", "MD", False)
    ('uk', 'ru')
    >>> cyrillic_label("Новоселиці", "MD", False), cyrillic_label("Рыбніца", "MD", False)  # і with и / ы
    ('uk', 'be')
    >>> cyrillic_label("Рибниця", "MD", False)  # Ukrainian, but every letter is Russian too
    'ru'
    >>> cyrillic_label("Мінськ", "LT", False)  # fits both alphabets: the letters do not tell
    'xx'
    """
    letters = set(alias.lower())
    if country == "UA":
        if _fits(alias, UK_LETTERS) and (letters & _UK_MARK or not city_has_uk_name):
            return "uk"
        return "ru" if _fits(alias, RU_LETTERS) else "xx"
    if country in RU_COUNTRIES or country in RU_NAME_COUNTRIES:
        fits_uk, fits_be = _fits(alias, UK_LETTERS), _fits(alias, BE_LETTERS)
        if fits_uk and letters & _UK_ONLY:
            return "uk"
        if fits_be and ("ў" in letters or (country == "BY" and letters & _BE_MARK)):
            return "be"
        if _fits(alias, RU_LETTERS):
            return "ru"
        if "і" in letters and fits_uk != fits_be:
            return "uk" if fits_uk else "be"
    return "xx"


def is_distinctly_ukrainian(alias: str) -> bool:
    """True for a name in the Ukrainian alphabet with a letter Russian lacks (і ї є ґ)."""
    return _fits(alias, UK_LETTERS) and bool(set(alias.lower()) & _UK_MARK)


# Places under SMALL_PLACE_MAX inhabitants (cities500 adds them for these countries only) keep their
# alternate names in their country's own scripts and in Cyrillic (Russian names across the former
# USSR): the other names of a village are romanisations of its Cyrillic names, which namenorm's
# transliteration produces itself, and other languages' spellings nobody writes.  Measured: they
# were two thirds of the small places' aliases, and every alias makes loose matches likelier.
SMALL_PLACE_MAX = 15_000
NATIVE_SCRIPTS = {
    "UA": frozenset({"Cyrillic"}), "RU": frozenset({"Cyrillic"}), "BY": frozenset({"Cyrillic"}),
    "KZ": frozenset({"Cyrillic"}), "MD": frozenset({"Latin", "Cyrillic"}),
    "GE": frozenset({"Georgian", "Cyrillic"}), "EE": frozenset({"Latin", "Cyrillic"}),
    "LV": frozenset({"Latin", "Cyrillic"}), "LT": frozenset({"Latin", "Cyrillic"}),
}


def small_place_reason(alias: str, city: City) -> str | None:
    """``"small-place-script"`` for an alternate name of a small place written in a script its
    country does not use, else None.

    >>> village = City(1, "Andriivka", "UA", 900)
    >>> small_place_reason("Andreevka", village), small_place_reason("Андріївка", village)
    ('small-place-script', None)
    >>> small_place_reason("Andreevka", City(2, "Avdiivka", "UA", 35826)) is None  # a town keeps it
    True
    """
    scripts = NATIVE_SCRIPTS.get(city.country)
    if scripts is None or city.population >= SMALL_PLACE_MAX or scripts_of(alias) <= scripts:
        return None
    return "small-place-script"


def load_common_words(path: Path) -> frozenset[str]:
    """The folded words of a stop-list file (``#`` comments, whitespace-separated words)."""
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        words.update(fold(w) for w in line.split("#", 1)[0].split())
    return frozenset(words)
