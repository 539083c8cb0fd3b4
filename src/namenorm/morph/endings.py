"""Case endings of names the dictionary lacks: forward (expansion) and backward (guessed base forms).

pymorphy3 guesses an unknown word from the words that end like it, which reads "Гренелла" as a
feminine "Гренелла" and "Укрзализныци" as an indeclinable. These rules add the readings a name
may also have: an oblique case of a consonant-final man's name ("Гренелл"), of a soft-stem one
("Скрипаль"), or of a first-declension noun in -а/-я ("Укрзализныця").

>>> [(slot, stem_of("Скрипаля", c[1])) for slot, c in ending_guesses("ru", "скрипаля", "Скрипаля")]
[(('gent', 'sing'), 'Скрипаль'), (('accs', 'sing'), 'Скрипаль')]
"""

from __future__ import annotations

VOWELS = frozenset("аеёиоуыэюяіїєґ")
_VOWELS = VOWELS
# Slot = (case, number); a choice = (weight, parse index, gender or None, flags)
Choice = tuple[float, int, str | None, frozenset[str]]
Slot = tuple[str, str]
STRIP_BASE = -100  # a choice index at or below this: drop (STRIP_BASE - index) final letters
SOFT_BASE = -200  # at or below this: drop (SOFT_BASE - index) final letters and add "ь"
FEM_BASE = -300  # at or below this: drop k final letters and add "а" (v=0) or "я" (v=1); FEM_BASE - 2k - v
_FEM_FINALS = ("а", "я")

# a consonant-final masculine name the dictionary lacks, in an oblique case: "Гренелла" <- "Гренелл"
_MASC_ENDINGS = {
    "ru": (("gent", "а"), ("accs", "а"), ("datv", "у"), ("ablt", "ом"), ("ablt", "ем"), ("loct", "е")),
    "uk": (("gent", "а"), ("accs", "а"), ("datv", "ові"), ("datv", "у"), ("ablt", "ом"), ("ablt", "ем"),
           ("loct", "і")),
}
# the same for a soft stem in -ь, whose endings cannot belong to a hard stem: "Скрипаля" <- "Скрипаль"
_SOFT_MASC_ENDINGS = {
    "ru": (("gent", "я"), ("accs", "я"), ("datv", "ю"), ("ablt", "ем")),
    "uk": (("gent", "я"), ("accs", "я"), ("datv", "ю"), ("datv", "еві"), ("ablt", "ем")),
}
# the same endings forward, for expanding an unknown consonant-final masculine name (2nd declension)
MASC_PARADIGM = {
    "ru": {"gent": "а", "datv": "у", "accs": "а", "ablt": "ом", "loct": "е"},
    "uk": {"gent": "а", "datv": "у", "accs": "а", "ablt": "ом", "loct": "і", "voct": "е"},
}
_HUSHING = frozenset("жшчщ")
_SOFTENABLE = frozenset("бвдзлмнпрстф")  # consonants that end a soft masculine stem in -ь
_SIBILANTS = _HUSHING | {"ц"}
# Ukrainian г, к, х soften to з, ц, с before the -і of the dative and locative (Ахтирка -> в Ахтирці)
UK_SOFTENED = {"г": "з", "к": "ц", "х": "с"}


def masc_name_form(lang: str, word: str, case: str) -> str | None:
    """An unknown consonant-final masculine name in ``case`` ("Шольц" -> "Шольцем"), or None.

    >>> masc_name_form("ru", "Шольц", "ablt"), masc_name_form("uk", "Шольц", "gent")
    ('Шольцем', 'Шольца')
    >>> masc_name_form("ru", "Бибо", "gent") is None
    True
    """
    low = word.lower()
    if case == "nomn":
        return word
    if (len(low) < 2 or low[-1] in _VOWELS or low[-1] in "йь'" or case not in MASC_PARADIGM[lang]
            or (word.isupper() and len(low) < 4)):  # "Ын" declines; "ЕС", "МВС" are abbreviations
        return None
    ending = MASC_PARADIGM[lang][case]
    if ending == "ом" and low[-1] in _SIBILANTS:
        ending = "ем"
    return _attach(word, ending, word)


# first-declension endings (the -а/-я nouns: "Хезболла", "Ахтирка") by the letter before the ending
_HARD_GUTTURAL, _SOFT_ALTERNATION = frozenset(UK_SOFTENED), str.maketrans(UK_SOFTENED)


def fem_a_form(lang: str, word: str, case: str) -> str | None:
    """An unknown first-declension (-а/-я) name in ``case`` ("Хезболла" -> "Хезболлы"), or None.

    >>> fem_a_form("ru", "Хезболла", "gent"), fem_a_form("uk", "Ахтирка", "loct")
    ('Хезболлы', 'Ахтирці')
    >>> fem_a_form("ru", "Хамас", "gent") is None
    True
    """
    low = word.lower()
    if len(low) < 4 or low[-1] not in "ая" or (low[-2] in _VOWELS and low[-1] == "а"):
        return None
    if case == "nomn":
        return word
    stem, pre, soft = word[:-1], low[-2], low[-1] == "я"
    if lang == "ru":
        oblique = "и" if soft and pre == "и" else "е"
        endings = {"gent": "и" if soft or pre in _HARD_GUTTURAL or pre in _HUSHING else "ы", "datv": oblique,
                   "accs": "ю" if soft else "у", "ablt": "ей" if soft or pre in _SIBILANTS else "ой",
                   "loct": oblique}
    elif lang == "uk":
        iotated = soft and (pre in _VOWELS or pre == "'")  # "Марія": Марії, Марією, Маріє
        i, e = ("ї", "є") if iotated else ("і", "е")
        hush = pre in _HUSHING
        endings = {"gent": i if soft or hush else "и", "datv": i, "accs": "ю" if soft else "у",
                   "ablt": e + "ю" if soft or hush else "ою", "loct": i, "voct": e if soft or hush else "о"}
        if not soft and pre in _HARD_GUTTURAL and case in ("datv", "loct"):
            stem = stem[:-1] + stem[-1].translate(_SOFT_ALTERNATION)  # Ахтирка -> Ахтирці
    else:
        return None
    ending = endings.get(case)
    return None if ending is None else _attach(stem, ending, word)


def _attach(stem: str, ending: str, word: str) -> str:
    """``stem`` + ``ending``, the ending upper-cased when ``word`` is written in capitals."""
    return stem + (ending.upper() if word.isupper() else ending)




def ending_guesses(lang: str, word: str, surface: str) -> list[tuple[Slot, Choice]]:
    """Oblique-case readings of the unknown capitalised ``word`` (lowercase) as a declinable name.

    >>> w = "Укрзализныци"
    >>> [(slot[0], stem_of(w, c[1])) for slot, c in ending_guesses("ru", w.lower(), w)]
    [('gent', 'Укрзализныця')]
    """
    out: list[tuple[Slot, Choice]] = []
    for case, ending in _MASC_ENDINGS[lang]:
        stem = word[: -len(ending)]
        short_ok = len(stem) >= 3 or (len(stem) == 2 and surface[1:].islower())  # "Эла" <- "Эл"
        hard_ok = ending != "ем" or stem[-1:] in _SIBILANTS  # "Шольцем"; "Скрипалем" is soft
        if word.endswith(ending) and short_ok and hard_ok and stem[-1] not in _VOWELS | {"й", "ь"}:
            flags = frozenset({"anim", "lemma=" + stem, "pos=NOUN", "Guess"})
            out.append(((case, "sing"), (0.6, STRIP_BASE - len(ending), "masc", flags)))
    for case, ending in _SOFT_MASC_ENDINGS[lang]:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and stem[-1] in _SOFTENABLE:
            flags = frozenset({"anim", "lemma=" + stem + "ь", "pos=NOUN", "Guess"})
            out.append(((case, "sing"), (0.5, SOFT_BASE - len(ending), "masc", flags)))
    for k in (1, 2):  # the ending replaced: one letter ("-ы", "-е"), or two ("-ой", "-ею")
        stem = word[:-k]
        if len(stem) < 3:
            continue
        for v, final in enumerate(_FEM_FINALS):
            lemma = stem + final
            for case in _FEM_CASES[lang]:
                if fem_a_form(lang, lemma, case) == word:
                    flags = frozenset({"lemma=" + lemma, "pos=NOUN", "Guess"})
                    out.append(((case, "sing"), (0.5, FEM_BASE - 2 * k - v, "femn", flags)))
    return out


_FEM_CASES = {"ru": ("gent", "datv", "ablt", "loct"), "uk": ("gent", "datv", "ablt", "loct")}


def stem_of(surface: str, index: int) -> str | None:
    """The base form a guessed choice index stands for, spelt like ``surface``; None for a parse index.

    >>> stem_of("Гренелла", STRIP_BASE - 1), stem_of("Скрипаля", SOFT_BASE - 1)
    ('Гренелл', 'Скрипаль')
    >>> stem_of("Хезболлы", FEM_BASE - 2), stem_of("Гренелла", 3) is None
    ('Хезболла', True)
    """
    caps = surface.isupper()
    if index <= FEM_BASE:
        k, v = divmod(FEM_BASE - index, 2)
        final = _FEM_FINALS[v]
        return surface[: len(surface) - k] + (final.upper() if caps else final)
    if index <= SOFT_BASE:
        return surface[: len(surface) - (SOFT_BASE - index)] + ("Ь" if caps else "ь")
    if index <= STRIP_BASE:
        return surface[: len(surface) - (STRIP_BASE - index)]
    return None
