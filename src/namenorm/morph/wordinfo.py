"""Rank the parses of one word for its role in a name phrase, and index them by grammatical slot.

pymorphy3's first parse is not the best reading of a name: "Києві" comes first as the dative of the
name "Кий", "Харкові" as the dative of a surname "Харко". Parses are re-weighted here by the word's
capitalisation, the entity type, the gender, whether they were read from the dictionary or guessed
from the ending, and Ukrainian's -ів/-їв toponyms (Київ, Харків, Львів: "-ові" in oblique cases).

>>> info = word_info("uk", "Києві", "Cap", None, None)
>>> lemma_of(info.nouns[("loct", "sing")][0])
'київ'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from namenorm.chars import APOSTROPHES_AS_ASCII
from namenorm.morph.analyzers import is_dictionary_parse, method_name, tag_facts, word_parses
from namenorm.morph.endings import MASC_PARADIGM as MASC_PARADIGM  # re-exported: expansion, extract
from namenorm.morph.endings import UK_SOFTENED as UK_SOFTENED
from namenorm.morph.endings import VOWELS, Choice, ending_guesses
from namenorm.morph.endings import fem_a_form as fem_a_form
from namenorm.morph.endings import masc_name_form as masc_name_form

PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
TYPE_TAGS = {"PER": PERSON_TAGS, "LOC": frozenset({"Geox"}), "ORG": frozenset({"Orgn"})}
SLOT_CASE = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "gen1": "gent", "loc1": "loct"}
GENDER_CODE = {"masc": "m", "femn": "f", "neut": "n"}
# endings of a nominative a declinable name plausibly has (anything else: likely indeclinable)
_NAME_ENDINGS = ("а", "я", "й", "ь", "ія", "ия")
_VOWELS = VOWELS

_KEPT_TAGS = frozenset({"Fixd", "Pltm", "Abbr", "anim", "inan", "ms-f", "GNdr"})
_OBLIQUE_FINALS = frozenset("аяуюеыйм")  # last letters of Slavic oblique case endings
# oblique endings of adjectives and adjectival surnames ("Зеленского", "Зеленської")
_ADJ_OBLIQUE = ("ого", "его", "ому", "ему", "ої", "ім", "их", "ых", "ими", "ыми")
_ADJ_SURNAME = ("ский", "цкий", "ской", "цкой", "ський", "цький", "ская", "цкая", "ська", "цька")
_NOMINAL = frozenset({"NOUN", "ADJF", "PRTF"})


@dataclass(frozen=True)
class WordInfo:
    """The nominal readings of one word: per (case, number), ranked adjective and noun choices."""

    lang: str
    word: str  # lowercase
    adjs: dict[tuple[str, str], tuple[Choice, ...]]
    nouns: dict[tuple[str, str], tuple[Choice, ...]]
    predicted_only: bool
    # per slot: the best adjective choice of each gender, the best noun choice of each
    # (gender, indeclinable) pair (at most 4), and the best weight of any choice
    adj_heads: dict[tuple[str, str], tuple[Choice, ...]] = field(default_factory=dict)
    noun_heads: dict[tuple[str, str], tuple[Choice, ...]] = field(default_factory=dict)
    best: dict[tuple[str, str], float] = field(default_factory=dict)


def plausible_name_ending(word: str) -> bool:
    """True when a guessed (out-of-dictionary) word ends like a declinable Slavic name.

    >>> plausible_name_ending("столтенберг"), plausible_name_ending("шойгу"), plausible_name_ending("барклі")
    (True, False, False)
    """
    w = word.lower()
    return w[-1:] not in _VOWELS or w.endswith(_NAME_ENDINGS)


def lemma_of(choice: Choice) -> str:
    """Internal: the lemma stored in a choice's flags (a 'lemma=' entry)."""
    for f in choice[3]:
        if f.startswith("lemma="):
            return f[6:]
    return ""


def _weight(p: Any, lang: str, word: str, caps: str, etype: str | None, gender: str | None) -> float:
    tag = tag_facts(p.tag)
    grams = tag.grams
    method = method_name(p)
    guessed = method != "DictionaryAnalyzer" or len(p.methods_stack) > 1
    w = float(p.score) if lang == "ru" or guessed else 1.0
    if guessed:
        w *= 0.5 if lang == "uk" else 1.0
        if _prefix_guess(p):
            w *= 0.3  # "Рааба" read as "Ра" + "аба": the predictor's ending analysis is better
        if "Fixd" in grams:
            w *= 0.1  # an unknown word's indeclinability is better said by keeping it unchanged
    if "Dist" in grams or "Erro" in grams:
        w *= 0.05  # distorted or misspelt forms
    named = bool(grams & NAME_TAGS)
    if caps in ("Cap", "CAPS"):
        if named:
            w *= 2.5
        if "Abbr" in grams:
            w *= 3.0 if caps == "CAPS" else 0.5
        if lang == "uk" and tag.pos == "NOUN" and "inan" in grams:
            w *= 1.5
            if p.normal_form.endswith(("ів", "їв")) and word.endswith(("ові", "еві", "єві")):
                w *= 4.0
        if tag.pos in ("ADJF", "PRTF") and guessed:
            w *= 0.3
        if tag.number == "plur":
            w *= 0.6 if "Pltm" in grams else 0.3  # a name is rarely plural: "України" is genitive singular
        if guessed and not plausible_name_ending(p.normal_form):
            w *= 0.2
    elif named:
        w *= 0.1
    if etype is not None:
        wanted = TYPE_TAGS.get(etype, frozenset())
        if grams & wanted:
            w *= 4.0
        elif etype == "PER" and named:
            w *= 0.3
        elif etype in ("LOC", "ORG") and grams & PERSON_TAGS:
            w *= 0.2
        if etype != "PER" and "inan" in grams:
            w *= 1.5
        if etype == "PER" and "inan" in grams:
            w *= 0.3
        # an adjectival surname the dictionary lacks ("Новинский") is guessed as an adjective
        typed = bool(grams & wanted) or (etype == "PER" and tag.pos == "ADJF" and caps == "Cap"
                                         and p.normal_form.endswith(_ADJ_SURNAME))
        if guessed and not (typed and plausible_name_ending(p.normal_form)):
            w *= 0.01
    if gender is not None:
        g = str(tag.gender) if tag.gender else None
        if g is not None and g != gender and tag.number != "plur":
            w *= 0.02
    return w


def _prefix_guess(p: Any) -> bool:
    """True for pymorphy3's guess that splits off an unknown prefix ("Рааба" = "Ра" + "аба")."""
    return any(type(m[0]).__name__ == "UnknownPrefixAnalyzer" for m in p.methods_stack)


def _flags(p: Any) -> frozenset[str]:
    facts = tag_facts(p.tag)
    grams = facts.grams
    keep = {g for g in grams if g in NAME_TAGS or g in _KEPT_TAGS}
    keep.add("lemma=" + p.normal_form)
    keep.add("pos=" + str(facts.pos))
    return frozenset(keep)


@lru_cache(maxsize=200_000)
def word_info(lang: str, surface: str, caps: str, etype: str | None, gender: str | None) -> WordInfo:
    """Rank and index the nominal parses of ``surface`` (caps: "low", "Cap" or "CAPS")."""
    word = surface.lower().translate(APOSTROPHES_AS_ASCII)
    parses = word_parses(lang, word, caps == "Cap" and etype is None)
    adjs: dict[tuple[str, str], list[Choice]] = {}
    nouns: dict[tuple[str, str], list[Choice]] = {}
    weights = _same_weight_in_every_case([(_weight(p, lang, word, caps, etype, gender), i, p)
                                          for i, p in enumerate(parses)])
    top = max((w for w, _, p in weights if tag_facts(p.tag).pos in _NOMINAL), default=0.0)
    predicted_only = not any(is_dictionary_parse(p) for p in parses)
    if predicted_only:  # guesses keep their penalties: normalise by the raw score, not the best weight
        top = max((float(p.score) for p in parses if tag_facts(p.tag).pos in _NOMINAL), default=0.0)
    if predicted_only and caps != "low":
        # an unknown name: it may well be a nominative already (foreign surnames, brands)
        nominative = any(p.tag.case == "nomn" and p.tag.number != "plur" and "Fixd" not in p.tag.grammemes
                         and not _prefix_guess(p) for p in parses)
        # consonant-final, or a vowel that ends foreign indeclinables ("Барклі", "Монтедуро")
        oblique = (word[-1:] in _OBLIQUE_FINALS or word.endswith(_ADJ_OBLIQUE)
                   # Russian writes ц + и in no ending of its own: "Укрзализныци" is a Ukrainian -ця noun
                   or (lang == "ru" and word.endswith(("ци", "ии")))
                   # "Асії", "Марії": an -ія noun's oblique; "Ґазпромові": a masculine dative
                   or (lang == "uk" and word.endswith(("ї", "ові", "еві", "єві"))))
        keep = 0.3 if oblique and not nominative else 1.0
        if etype is not None:
            keep = 0.5  # a typed alias: a guess carrying the type's tag may beat "indeclinable"
        if caps == "CAPS":
            weights = []  # an unknown all-caps word is an abbreviation: never inflected
            keep = 1.0
        kept = (keep, -1, None, frozenset({"Fixd", "lemma=" + word, "pos=NOUN"}))
        nouns[("nomn", "sing")] = [kept]
        if caps == "Cap" and not oblique and word[-1:] in _VOWELS:
            # ends like a foreign indeclinable ("Рикки", "Пачино"): the same word in every case
            for case in MASC_PARADIGM[lang]:
                nouns[(case, "sing")] = [kept]
        if caps == "Cap":
            for slot, guess in ending_guesses(lang, word, surface):
                nouns.setdefault(slot, []).append(guess)
    for w, i, p in weights:
        tag = tag_facts(p.tag)
        if tag.pos not in _NOMINAL or tag.case is None or top <= 0:
            continue
        case = SLOT_CASE.get(tag.case, tag.case)
        grams = tag.grams
        number = tag.number or ("plur" if "Pltm" in grams else "sing")
        gen = "ms-f" if "ms-f" in grams else "GNdr" if "GNdr" in grams else tag.gender
        if number != "sing" and tag.pos != "NOUN":
            gen = None
        if case == "loct" and grams & PERSON_TAGS and caps != "low":
            w *= 0.5  # a person is rarely named in the locative (after "о", "при"); a place often is
        choice: Choice = (min(w / top, 1.0), i, gen, _flags(p))
        bucket = nouns if tag.pos == "NOUN" else adjs
        bucket.setdefault((case, number), []).append(choice)
    if caps == "Cap" and not predicted_only and _woman_name_only(nouns):
        # a woman's name in consonant + а is also a man's name in the genitive: "Лайма Фокса" <- "Лайм Фокс"
        # (his guessed reading weighs little: the surname has to make the case)
        for slot, guess in ending_guesses(lang, word, surface):
            if guess[2] == "masc" and slot[0] in ("gent", "accs") and word.endswith("а"):
                nouns.setdefault(slot, []).append((0.1, *guess[1:]))
    adj_t = {k: tuple(sorted(v, key=lambda c: -c[0])) for k, v in adjs.items()}
    noun_t = {k: tuple(sorted(v, key=lambda c: -c[0])) for k, v in nouns.items()}
    best = {k: v[0][0] for k, v in adj_t.items()}
    for k, v in noun_t.items():
        best[k] = max(best.get(k, 0.0), v[0][0])
    return WordInfo(lang, word, adj_t, noun_t, predicted_only,
                    {k: _distinct(v, lambda c: c[2], 3) for k, v in adj_t.items()},
                    {k: _distinct(v, _head_key, 6) for k, v in noun_t.items()},
                    best)


def _woman_name_only(nouns: dict[tuple[str, str], list[Choice]]) -> bool:
    """True when the word reads as a woman's first name and as no man's name."""
    names = [c for choices in nouns.values() for c in choices if c[3] & PERSON_TAGS]
    return any(c[2] == "femn" and "Name" in c[3] for c in names) and all(c[2] == "femn" for c in names)


def _same_weight_in_every_case(weights: list[tuple[float, int, Any]]) -> list[tuple[float, int, Any]]:
    """An indeclinable (Fixd) reading weighs the same in every case: its form says nothing of the case.

    pymorphy3 scores "Ларри" as a nominative four times more than as a genitive; in "Ларри Пейджа"
    the case is the surname's to say.
    """
    best: dict[tuple[str, str | None], float] = {}
    for w, _, p in weights:
        facts = tag_facts(p.tag)
        if "Fixd" in facts.grams and facts.number != "plur":
            key = (p.normal_form, facts.gender)
            best[key] = max(best.get(key, 0.0), w)
    if not best:
        return weights
    out = []
    for w, i, p in weights:
        facts = tag_facts(p.tag)
        if "Fixd" in facts.grams and facts.number != "plur":
            w = best[(p.normal_form, facts.gender)]
        out.append((w, i, p))
    return out


def _head_key(c: Choice) -> tuple[str | None, bool, bool, bool]:
    return c[2], "Fixd" in c[3], "anim" in c[3], bool(c[3] & PERSON_TAGS)


def _distinct(choices: tuple[Choice, ...], key: Any, limit: int) -> tuple[Choice, ...]:
    seen: set[Any] = set()
    out: list[Choice] = []
    for c in choices:
        k = key(c)
        if k not in seen and len(out) < limit:
            seen.add(k)
            out.append(c)
    return tuple(out)


def caps_kind(word: str) -> str:
    """ "CAPS" (all capitals, 2+ letters), "Cap" (initial capital) or "low".

    >>> caps_kind("НАТО"), caps_kind("Київ"), caps_kind("союз")
    ('CAPS', 'Cap', 'low')
    """
    if len(word) > 1 and word.isupper():
        return "CAPS"
    return "Cap" if word[:1].isupper() else "low"
