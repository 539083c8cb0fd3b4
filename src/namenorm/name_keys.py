"""One key per entity: the entity ID of a name the gazetteers know, else a key of its base form.

:func:`name_key` gives every mention of one entity the same string, whether a gazetteer lists it or
not, so that a column or a list of extracted names can be grouped by entity:

- a name that :func:`namenorm.normalize` resolves (without fuzzy matching, with a score of at
  least :data:`MIN_SCORE`) gets the entity's ID, as it is: ``"Q7747"``;
- any other name gets ``"~"`` followed by a sound key of its base form (:func:`namenorm.base_form`,
  see :func:`sound_key`): lower-case ASCII words built from the romanised base form with the loose
  cross-script rules of :func:`namenorm.keys.skeleton`, vowels dropped after a word's first
  letter, a few English spellings read as Russian and Ukrainian write them ("Page" as "Пейдж"),
  a company's legal form ("AG", "ООО") left out. Inflected forms share their base form; Cyrillic
  and Latin spellings share the sound key. A text shaped like a person's name (two or three
  capitalised words, or initials and a surname: see :func:`person_surname`) is keyed by its
  surname alone, so that "Дэвид Дэвис", "Д. Дэвис" and "Дэвиса" meet; namesakes meet too.
  An ID never starts with "~", so the two kinds of key cannot meet;
- a value that is no name (empty, only digits or punctuation, a placeholder such as "N/A", or longer
  than :data:`namenorm.limits.MAX_TEXT`) gets None.

>>> name_key("Путина", lang="ru") == name_key("Putin") == name_key("Путін", lang="uk")
True
>>> name_key("Ларри Пейджа", lang="ru"), name_key("Пейджем", lang="ru")
('~pds', '~pds')
>>> name_key("Larry Page"), name_key("Ларрі Пейдж", lang="uk"), name_key("Ларри Кинг", lang="ru")
('~pds', '~pds', '~knh')
>>> name_key("12345") is None, name_key(" -- ") is None, name_key("N/A") is None
(True, True, True)
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from namenorm.api import default_normalizer
from namenorm.keys import skeleton
from namenorm.langs import check_lang
from namenorm.limits import too_long
from namenorm.morph import base_form
from namenorm.names import is_junk
from namenorm.text import clean, fold

__all__ = ["MIN_SCORE", "UNRESOLVED_PREFIX", "name_key", "person_surname", "sound_key", "unresolved_key"]

MIN_SCORE = 0.5
"""The lowest :func:`namenorm.normalize` score that gives an entity ID: a match that is more likely
right than wrong. A lower-scored match gets the base-form key instead."""

UNRESOLVED_PREFIX = "~"
"""The first character of the key of a name that no gazetteer resolves (entity IDs never start so)."""

_BASE_ROUNDS = 3  # base_form is applied until it stops changing the text, at most this many times
_CACHED_LEN = 200  # longer texts are keyed without the memo (it must not hold 10,000-character values)

# English spellings of names, read the way Russian and Ukrainian transcribe them, for Latin words
# only (applied to the lower-cased word before the skeleton rules): Page -> Пейдж, Jobs -> Джобс,
# Thatcher -> Тэтчер, Cambridge -> Кембридж. Other spellings are read letter by letter: John and
# Джон, Scholz and Шольц do not meet (a silent h is not silent in Masih, Масих).
_LATIN_RULES = (
    (regex.compile(r"dge|ge$"), "dzh"),
    (regex.compile(r"^j(?=[aeiouy])"), "dzh"),
    (regex.compile(r"th"), "t"),
    (regex.compile(r"c(?=[eiy])"), "s"),
    (regex.compile(r"c(?!h|z)"), "k"),
)
_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# A word of a person's name: capitalised, letters (parts joined by a hyphen or an apostrophe); an
# initial is one capital and a dot.
_NAME_WORD = regex.compile(r"\p{Lu}\p{Ll}+(?:['-]\p{Lu}?\p{Ll}+)*")
_INITIAL = regex.compile(r"\p{Lu}\.")
_NAME_TOKENS = regex.compile(r"\p{Lu}\.|[^\s.]+")
# Lower-case particles inside a person's name ("Guido van Rossum", "Саиф уль-Малук"): allowed after
# the first word, and left out of the surname's key when joined to it by a hyphen ("аль-Асад").
_PARTICLES = ("van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos",
              "das", "bin", "ibn", "al", "el", "ul", "ван", "фон", "де", "дер", "ден", "да", "ди", "дю",
              "ла", "ле", "дель", "бен", "бин", "ибн", "аль", "ал", "эль", "ель", "уль", "ул")
_PARTICLE_PREFIX = regex.compile(r"^(?:" + "|".join(_PARTICLES) + r")-(?=\p{Lu})")
_VOWELS = regex.compile(r"(?<=.)[aeiouy]+")


# Legal forms of companies, dropped at the end of a name: "Nord Stream 2 AG" is keyed as "Nord
# Stream 2", "Б.В." as nothing.
_LEGAL_FORMS = ("ag", "gmbh", "ltd", "llc", "inc", "corp", "plc", r"b\.?\s*v", r"n\.?\s*v", r"s\.?\s*a",
                "spa",
                "аг", "гмбх", r"б\.?\s*в", "ооо", "оао", "пао", "зао", "ао", "тов", "пат", "ват", "ат")
_LEGAL_FORM_END = regex.compile(r"(?<=\w)[\s,]+(?:" + "|".join(_LEGAL_FORMS) + r")\.?$", regex.IGNORECASE)


@lru_cache(maxsize=65536)
def _sound_word(word: str) -> str:
    """The sound key of one lower-case word (see :func:`sound_key`); a number stays a number."""
    if word.isdecimal():
        return "".join(str(unicodedata.decimal(c)) for c in word)
    if word.isascii():
        for pattern, repl in _LATIN_RULES:
            word = pattern.sub(repl, word)
    s = skeleton(word).replace(" ", "")
    return _VOWELS.sub("", s).replace("ts", "c") if s else ""  # Gates: Гейтс


def sound_key(text: str) -> str:
    """A loose, script-independent sound key of a name: one part per word, vowels dropped.

    >>> sound_key("Larry Page"), sound_key("Ларри Пейдж"), sound_key("Ларрі Пейдж")
    ('lr pds', 'lr pds', 'lr pds')
    >>> sound_key("Theresa May") == sound_key("Тереза Мэй"), sound_key("Kharkiv") == sound_key("Харків")
    (True, True)
    >>> sound_key("Gates") == sound_key("Гейтс"), sound_key("Jackson") == sound_key("Джексон")
    (True, True)
    >>> sound_key("Nord Stream 2 AG"), sound_key("Acme B.V."), sound_key("Acme S.A.")
    ('nrd strm 2', 'akm', 'akm')
    >>> sound_key("---")
    ''
    """
    parts = (_sound_word(w) for w in _WORDS.findall(fold(_LEGAL_FORM_END.sub("", text))))
    return " ".join(p for p in parts if p)


def person_surname(name: str) -> str | None:
    """The surname of a text shaped like a person's name, else None: two or three capitalised
    words, or initials and a surname ("Д. Дэвис", "T. May").

    >>> person_surname("Ларри Пейдж"), person_surname("Т.Мэй"), person_surname("Верховный суд")
    ('Пейдж', 'Мэй', None)
    >>> person_surname("Guido van Rossum"), person_surname("Саиф уль-Малук")
    ('Rossum', 'Малук')
    >>> person_surname("Трамп"), person_surname("Nord Stream 2")
    (None, None)
    """
    tokens: list[str] = _NAME_TOKENS.findall(name)
    names = [t for t in tokens[1:] if t not in _PARTICLES]
    if not 1 <= len(names) <= 2 or len(tokens) > 4 or tokens[-1] != names[-1]:
        return None
    surname = _PARTICLE_PREFIX.sub("", tokens[-1])
    if not _NAME_WORD.fullmatch(surname):
        return None
    if all(_NAME_WORD.fullmatch(t) or _INITIAL.fullmatch(t) for t in [tokens[0], *names[:-1]]):
        return surname
    return None


def _stable_base_form(text: str, lang: str | None) -> str:
    """base_form applied until the text stops changing (a base form is its own base form)."""
    for _ in range(_BASE_ROUNDS):
        nxt = base_form(text, lang=lang)
        if nxt == text:
            break
        text = nxt
    return text


def _name_base(text: str, lang: str | None) -> str | None:
    """The cleaned base form that the key is made of (a name and its base form share it), or None
    for a value that is no name."""
    if too_long(text):  # not a name (see namenorm.limits)
        return None
    base = clean(_stable_base_form(text, lang))
    return None if not base or is_junk(base) else base


def _key(text: str, lang: str | None) -> str | None:
    if len(text) <= _CACHED_LEN:
        return _cached_key(text, lang)
    base = _name_base(text, lang)
    return None if base is None else _key_of_base.__wrapped__(base, lang)


@lru_cache(maxsize=131072)
def _cached_key(text: str, lang: str | None) -> str | None:
    base = _name_base(text, lang)
    return None if base is None else _key_of_base(base, lang)


@lru_cache(maxsize=65536)
def _key_of_base(base: str, lang: str | None) -> str | None:
    """The key of a cleaned base form: a name's inflected forms are resolved once."""
    normalizer = default_normalizer()
    match = normalizer.normalize(base, lang=lang, fuzzy=False, min_score=MIN_SCORE)
    if match is not None:
        return match.id
    return _unresolved_of_base(base)


def _unresolved_of_base(base: str) -> str | None:
    name = _LEGAL_FORM_END.sub("", base)
    key = sound_key(person_surname(name) or name)
    return UNRESOLVED_PREFIX + key if key else None


def unresolved_key(text: str, lang: str | None = None) -> str | None:
    """The key :func:`name_key` gives a name that no gazetteer resolves, without looking it up
    (``namenorm clean`` writes it for values its own gazetteers do not match); None for no name.

    >>> unresolved_key("Kyiv"), unresolved_key("Києва", lang="uk"), unresolved_key("N/A")
    ('~kv', '~kv', None)
    """
    if not isinstance(text, str):
        raise TypeError(f"unresolved_key() takes a str, got {type(text).__name__}")
    check_lang(lang, "unresolved_key()")
    base = _name_base(text, lang)
    return None if base is None else _unresolved_of_base(base)


def name_key(text: str, lang: str | None = None) -> str | None:
    """One key per entity: its ID when the bundled gazetteers know the name, else ``"~"`` and a
    sound key of its base form; None for a value that is no name. Never raises on a str.

    ``lang`` ("ru", "uk", ...) says how to read Cyrillic, as for :func:`namenorm.normalize`; None
    detects it. Inflected forms of a name and its Cyrillic and Latin spellings share the key.
    The key is the same for a name and its base form: ``name_key(x) == name_key(base_form(x))``.

    >>> name_key("Kyiv"), name_key("Києва", lang="uk"), name_key("Kiev")
    ('Q1899', 'Q1899', 'Q1899')
    >>> name_key("Ларри Пейджа", lang="ru") == name_key("Larry Page") != name_key("Ларри Кинг")
    True
    >>> name_key("???") is None
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"name_key() takes a str, got {type(text).__name__}")
    check_lang(lang, "name_key()", default_normalizer().languages)
    return _key(text, lang)
