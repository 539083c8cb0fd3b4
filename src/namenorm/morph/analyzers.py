"""Lazily loaded pymorphy3 analyzers (Russian, Ukrainian) and cached per-word parses.

Nothing is loaded at import: the first call for a language builds its analyzer (~0.1 s) and keeps it.
Every per-word result is cached, so a phrase made of already-seen words costs a few dict look-ups.

>>> [p.normal_form for p in word_parses("ru", "киеве")][:1]
['киев']
>>> inflect_word("ru", "киеве", 0, frozenset({"nomn"}))
'киев'
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any, NamedTuple

LANGS = ("ru", "uk")
_NONSTANDARD = frozenset({"Dist", "Erro"})  # distorted / misspelt forms the dictionaries list
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen1", "gen2", "acc2", "loc1",
                    "loc2"})

# the only POS a name phrase is made of; anything else is a function word or a misreading
NOMINAL_POS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})


@cache
def get_analyzer(lang: str) -> Any:
    """The pymorphy3 ``MorphAnalyzer`` for ``lang`` ("ru" or "uk"), built once on first use.

    >>> get_analyzer("uk") is get_analyzer("uk")
    True
    """
    if lang not in LANGS:
        raise ValueError(f"no morphology for language {lang!r}: use one of {', '.join(LANGS)}")
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


class TagFacts(NamedTuple):
    """A pymorphy3 tag's attributes as plain strings (its attribute access is slow)."""

    pos: str | None
    case: str | None
    number: str | None
    gender: str | None
    grams: frozenset[str]
    voice: str | None
    tense: str | None


@lru_cache(maxsize=100_000)
def tag_facts(tag: Any) -> TagFacts:
    """The attributes of a pymorphy3 tag, computed once per distinct tag.

    >>> tag_facts(word_parses("ru", "киеве")[0].tag).case
    'loct'
    """

    def s(v: Any) -> str | None:
        return None if v is None else str(v)

    return TagFacts(s(tag.POS), s(tag.case), s(tag.number), s(tag.gender),
                    frozenset(str(g) for g in tag.grammemes), s(tag.voice), s(tag.tense))


def method_name(parse: Any) -> str:
    """The class name of the pymorphy3 unit that produced ``parse`` ("DictionaryAnalyzer", ...)."""
    return type(parse.methods_stack[0][0]).__name__


def is_dictionary_parse(parse: Any) -> bool:
    """True for a parse read straight from the dictionary (not guessed from an ending or prefix)."""
    return all(type(m[0]).__name__ == "DictionaryAnalyzer" for m in parse.methods_stack)


@lru_cache(maxsize=200_000)
def word_parses(lang: str, word: str, guess_more: bool = False) -> tuple[Any, ...]:
    """Every pymorphy3 parse of the lowercase ``word``, plus the ending predictor's guesses.

    With ``guess_more`` the predictor's guesses are added even for known words (pymorphy3 skips
    it once the dictionary answers): a rare dictionary homonym (the male "Асий") must not hide
    the reading of a name the dictionary lacks (the female "Асия"). Parse indexes of a word are
    the same with or without it (the guesses come last).
    """
    morph = get_analyzer(lang)
    if not guess_more:
        try:
            return tuple(morph.parse(word))
        except (ValueError, KeyError):  # pymorphy3's shape helpers fail on some unnamed characters
            return ()
    parses = list(word_parses(lang, word))  # cached as most callers ask for it: one parse of a word
    if len(word) >= 4 and parses and method_name(parses[-1]) != "KnownSuffixAnalyzer":
        seen = {(p.tag, p.normal_form) for p in parses}
        for unit in morph._units:
            if type(unit.analyzer).__name__ == "KnownSuffixAnalyzer":
                for raw in unit.analyzer.parse(word, word, set()):
                    p = morph._result_type(*raw)
                    if (p.tag, p.normal_form) not in seen:
                        seen.add((p.tag, p.normal_form))
                        parses.append(p._replace(score=p.score * 0.25))
    return tuple(parses)


def parse_at(lang: str, word: str, index: int) -> Any:
    """Parse number ``index`` of ``word`` (indexes past pymorphy3's own parses are extra guesses)."""
    parses = word_parses(lang, word)
    return parses[index] if index < len(parses) else word_parses(lang, word, True)[index]


@lru_cache(maxsize=400_000)
def inflect_word(lang: str, word: str, index: int, grammemes: frozenset[str]) -> str | None:
    """Parse number ``index`` of ``word`` inflected to ``grammemes`` (lowercase), or None."""
    parse = parse_at(lang, word, index)
    if lang == "uk":
        grammemes = grammemes - {"sing"}  # the Ukrainian dictionary marks only the plural
    facts = tag_facts(parse.tag)
    have = facts.grams
    if "Fixd" in have and "plur" not in grammemes:
        return str(parse.word)  # indeclinable: every case is the word itself ("Ларри", not "Ларра")
    if grammemes <= have or ((grammemes - {"sing"}) <= have and not facts.number):
        return str(parse.word)  # already in that form: pymorphy3 might pick a variant ("высший")
    # the form of the lexeme closest to the word: "высшим" -> "высший", not its variant "высочайший"
    best: tuple[int, int, str] | None = None
    wanted = set(grammemes) | {g for g in (facts.pos, facts.voice, facts.tense) if g}
    if facts.pos == "NOUN" and facts.gender and "plur" not in grammemes:
        wanted.add(facts.gender)  # "Путина" (his genitive) -> "Путин", not the feminine "Путина"
    plural = "plur" in grammemes
    for order, (form, grams, shared) in enumerate(lexeme_forms(lang, word, index)):
        if not grams & _CASES:  # the Ukrainian dictionary leaves some nominatives untagged ("газовий")
            grams = grams | {"nomn"}
        if (wanted <= grams and (plural or "plur" not in grams) and not grams & _NONSTANDARD
                and (best is None or (-shared, order) < best[:2])):
            best = (-shared, order, form)
    if best is not None:
        return best[2]
    if grammemes == {"nomn"} | ({"sing"} if lang == "ru" else set()) and facts.pos == "NOUN":
        return str(parse.normal_form)  # a lexeme split in two (uk "арбітраж"): its dictionary form
    try:
        out = parse.inflect(set(grammemes))
    except (ValueError, KeyError, IndexError):  # pragma: no cover - pymorphy3 edge cases
        return None
    return None if out is None else str(out.word)


def shared_prefix(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` share from the start."""
    n = min(len(a), len(b))
    for k in range(n):
        if a[k] != b[k]:
            return k
    return n


@lru_cache(maxsize=200_000)
def lexeme_forms(lang: str, word: str, index: int) -> tuple[tuple[str, frozenset[str], int], ...]:
    """Every (form, grammemes, letters shared with ``word`` from the start) of parse ``index``'s lexeme."""
    from pymorphy3.units import DictionaryAnalyzer, KnownSuffixAnalyzer

    parse = parse_at(lang, word, index)
    stack = parse.methods_stack
    if isinstance(stack[0][0], DictionaryAnalyzer) and all(
            isinstance(m[0], KnownSuffixAnalyzer) for m in stack[1:]):
        # a dictionary word, or an unknown one read like a dictionary word with the same ending: its
        # paradigm spelled out directly, as pymorphy3's lexeme does, without a Parse object per form
        unit, fixed_word, para_id, idx = stack[0]
        stem = unit.dict.build_stem(unit.dict.paradigms[para_id], idx, fixed_word)
        forms = [(prefix + stem + suffix, grams) for prefix, grams, suffix in _paradigm(lang, para_id)]
        return tuple((form, grams, shared_prefix(form, word)) for form, grams in forms)
    try:
        lex = parse.lexeme
    except (ValueError, KeyError, IndexError):  # pragma: no cover
        return ((parse.word, frozenset(parse.tag.grammemes), len(parse.word)),)
    return tuple((str(p.word), tag_facts(p.tag).grams, shared_prefix(str(p.word), word)) for p in lex)


@lru_cache(maxsize=20_000)
def _paradigm(lang: str, para_id: int) -> tuple[tuple[str, frozenset[str], str], ...]:
    """(prefix, grammemes, suffix) of each form of a pymorphy3 dictionary paradigm."""
    info = get_analyzer(lang).dictionary.build_paradigm_info(para_id)
    return tuple((prefix, tag_facts(tag).grams, suffix) for prefix, tag, suffix in info)
