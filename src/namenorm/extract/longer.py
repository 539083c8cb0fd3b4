"""Is a matched span only part of a longer name that the gazetteers do not know?

Linking "Kyiv" inside "Kyiv Independent" or "Пакистана" inside "Верховный суд Пакистана" would be
wrong twice: a wrong span and a wrong entity. Precision first, so such spans are dropped when:

- a capitalised word that is no mention and no title touches the span with one space
  ("Kyiv Independent", "Нафтогаз Украины"), unless it opens the sentence as a common word;
- a hyphen, period, slash or @ glues the span to another word ("Інтерфакс-Україна",
  "INTERFAX.RU", "Усть-Лугу"), unless hyphens join three or more words that are all mentions:
  a list of parties, each a name of its own ("в формате ЕС-Россия-Украина");
- a one-word place or organisation that reads as an adjective is followed by a noun
  ("Северный поток", "Советский район");
- the span ends a noun phrase opened by a capitalised word ("Верховный суд Пакистана",
  "Supreme Court of Pakistan").

A code or abbreviation written in capitals ("US", "EU", "NATO") names its entity even when
capitalised words follow it in Latin script: English writes institutions that way ("the US Embassy",
"US Treasury Department", "EU Council"), while a word that only reads as a name ("New" of
"New Holland", "Kyiv" of "Kyiv Independent") is still dropped.
"""

from __future__ import annotations

from namenorm.extract.context import (
    best_parse,
    dictionary_form,
    is_common,
    is_common_opening,
    is_first_name,
    is_function_word,
    is_place_preposition,
    is_plain_word,
    is_time_noun,
    is_title,
    may_be_genitive,
    pos,
)
from namenorm.extract.sentence import Sentence
from namenorm.morph.analyzers import NOMINAL_POS
from namenorm.scripts import has_cyrillic

__all__ = ["part_of_longer_name"]

_GLUE = frozenset("-‐‑./@\\_")
_HYPHENS = frozenset("-‐‑–")
# Lowercase words inside Latin-script names: "Bank of England", "Corriere della Sera".
_LINKING_EN = frozenset({
    "of", "the", "for", "and", "de", "du", "des", "der", "für", "della", "delle", "di", "del", "la", "le",
    "les", "el", "los", "da", "do", "dos", "das", "van", "von", "y", "e",
})
_PHRASE_WORDS = 3
_ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"})


def part_of_longer_name(s: Sentence, a: int, b: int, person: bool, mentions: set[int], *,
                        code: bool = False) -> bool:
    """True when tokens ``a..b`` of the sentence are part of a longer unknown name (see module doc).

    ``person``: the span names only people (the adjective rule does not apply: "Зеленский заявил");
    ``mentions``: the words of the sentence's candidate mentions; ``code``: the span matched a code
    or an abbreviation (aliases that must keep their case).
    """
    glued = _glued(s, a, b) and not _hyphenated_list(s, a, b, mentions)
    if s.caseless or s.shouted:
        return glued or _numbered(s, b)
    return (glued or _numbered(s, b)
            or _capital_neighbour(s, a, b, mentions, person, _attributive_code(s, a, b, code))
            or (not person and a == b and _adjective_before_noun(s, a))
            or (not (person and a < b) and _ends_noun_phrase(s, a, mentions)))


def _glued(s: Sentence, a: int, b: int) -> bool:
    text, start, end = s.text, s.toks[a].start, s.toks[b].end
    before = start >= 2 and text[start - 1] in _GLUE and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] in _GLUE and text[end + 1].isalnum()
    if after and text[end] == "." and (end + 2 >= len(text) or not text[end + 1].isalpha()):
        after = False
    return before or after


def _hyphenated_list(s: Sentence, a: int, b: int, mentions: set[int]) -> bool:
    """Hyphens alone (no spaces) join the span to other words into a run of three or more words,
    all of them mentions: "ЕС-Россия-Украина" lists three parties. Two words may be one name
    ("Інтерфакс-Україна", "Баден-Вюртемберг"), which a gazetteer lists when it knows it."""
    first, last = a, b
    while first > 0 and s.gap(first) in _HYPHENS:
        first -= 1
    while last + 1 < len(s.toks) and s.gap(last + 1) in _HYPHENS:
        last += 1
    return last - first >= 2 and all(i in mentions for i in range(first, last + 1))


def _attributive_code(s: Sentence, a: int, b: int, code: bool) -> bool:
    """A code written in capitals, in Latin script, that may qualify the capitalised words after it."""
    word = s.toks[a].text
    return code and a == b and len(word) > 1 and word.isupper() and not has_cyrillic(word)


def _capital_neighbour(s: Sentence, a: int, b: int, mentions: set[int], person: bool,
                       code: bool = False) -> bool:
    """A capitalised word that is no mention touches the span.

    Before the span: not when the span is a person's full name (a genitive place often precedes
    one: "премьер Британии Борис Джонсон"), nor for a common word opening the sentence, nor for an
    abbreviation in Cyrillic capitals, which qualifies the name after it ("ГТС Украины", "ПАО
    Газпром"; a listed organisation's code is :func:`namenorm.extract.spans` business). After the
    span: in Latin script ("Kyiv Independent"), never a word in the other script ("The Guardian На
зустрічі", a sentence whose full stop is missing); in Cyrillic only when the span is one word that
    reads as a first name or the next word is no common word, and that word ends the run of
    capitalised words ("Асии Биби", "Дэвид Дэвис"), since a genitive place is often followed by
    a person's full name ("посол США в Германии Ричард Гренелл", "премьер Дании Ларс Расмуссен").
    """
    toks = s.toks
    full_name = person and a < b
    if a > 0 and (a - 1) not in mentions and s.gap(a) == " " and s.capitalised(a - 1) and not full_name:
        prev = toks[a - 1]
        if not (is_title(prev.text) or is_function_word(prev.text, s.morph_lang)
                or has_cyrillic(prev.text) != has_cyrillic(toks[a].text)  # "Brexit Джонсон"
                or (len(prev.text) > 1 and prev.text.isupper() and has_cyrillic(prev.text))
                or (s.initial(a - 1) and is_common_opening(prev.text, s.lang))):
            return True
    if b + 1 < len(toks) and (b + 1) not in mentions and s.gap(b + 1) == " " and s.capitalised(b + 1):
        if code or is_title(toks[b + 1].text) or has_cyrillic(toks[b + 1].text) != has_cyrillic(toks[b].text):
            return False  # a word in another script is no part of the name ("The Guardian На ...")
        if not has_cyrillic(toks[b].text):
            return True
        return a == b and _ends_run(s, b + 1) and (is_first_name(toks[a].text)
                                                   or (not person and _no_common_word(s, b + 1)))
    return False


def _ends_run(s: Sentence, i: int) -> bool:
    """No capitalised word follows word ``i`` across a space or a hyphen ("Жан-Клод Юнкер")."""
    return i + 1 >= len(s.toks) or s.gap(i + 1) not in (" ", "-") or not s.capitalised(i + 1)


def _no_common_word(s: Sentence, i: int) -> bool:
    """Word ``i`` is a Cyrillic word that is no common word: a name, or unknown to the dictionaries
    ("Азии Биби" is a woman, not Asia)."""
    w = s.toks[i]
    return (has_cyrillic(w.text) and not is_common(w.key)
            and not is_plain_word(dictionary_form(w.text), s.lang, adjectives=True))


def _numbered(s: Sentence, b: int) -> bool:
    """A Latin-script name followed by a number: a name of its own ("Nord Stream 2", "Windows 10")."""
    toks = s.toks
    if b + 1 >= len(toks) or s.gap(b + 1) != " " or has_cyrillic(toks[b].text):
        return False
    nxt = toks[b + 1].text
    return (nxt.isdecimal() and len(nxt) <= 4) or nxt in _ROMAN


def _adjective_before_noun(s: Sentence, a: int) -> bool:
    toks = s.toks
    if a + 1 >= len(toks) or s.gap(a + 1) != " " or s.capitalised(a + 1) or not has_cyrillic(toks[a].text):
        return False
    return pos(toks[a].text, s.morph_lang) == "ADJF" and pos(toks[a + 1].text, s.morph_lang) == "NOUN"


def _ends_noun_phrase(s: Sentence, a: int, mentions: set[int]) -> bool:
    """A capitalised word, then up to three lowercase nominal words, then the span; not when a
    preposition, a title, a noun that names people or a unit of time comes between ("через море до
    Німеччини", "премьер Тереза Мэй", "Официальный представитель МИД России": institutions are not
    animate; "Наступного тижня Мей поїде": a time, not a name),
    nor when the capitalised word is a function word ("В ряде городов Пакистана")."""
    toks = s.toks
    i = a - 1
    while i >= 0 and a - i <= _PHRASE_WORDS and s.gap(i + 1) == " " and not s.capitalised(i):
        w = toks[i]
        if is_place_preposition(w.key) or is_title(w.text):
            return False
        if has_cyrillic(w.text):
            if (pos(w.text, s.morph_lang) not in NOMINAL_POS or _person_noun(w.text, s.morph_lang)
                    or is_time_noun(w.text, s.morph_lang)):
                return False
        elif w.key not in _LINKING_EN:
            return False
        i -= 1
    if i < 0 or i == a - 1 or i in mentions or not s.capitalised(i) or s.gap(i + 1) != " ":
        return False
    head = toks[i]
    if is_title(head.text) or is_function_word(head.text, s.morph_lang):
        return False
    if has_cyrillic(toks[a].text) != has_cyrillic(head.text):
        return False  # "агентство Reuters": a name in another script is no complement of the phrase
    if has_cyrillic(toks[a].text) and not may_be_genitive(toks[a].text, s.morph_lang):
        return False  # a complement of the phrase is in the genitive ("суде Россия" is none)
    if not s.initial(i):
        return True
    if is_common_opening(head.text, s.lang):
        # a common word opening the sentence heads a name only as a singular adjective that is no
        # superlative, before one noun ("Верховный суд Пакистана", not "Крупнейшие города
        # Пакистана" nor "Полный вариант стратегии правительства Великобритании")
        p = best_parse(head.text, s.morph_lang) if has_cyrillic(head.text) else None
        return (i == a - 2 and p is not None and p.tag.POS == "ADJF"
                and not {"plur", "Supr"} & set(p.tag.grammemes))
    return True


def _person_noun(word: str, lang: str) -> bool:
    """A noun whose likeliest reading is animate ("представитель", "сторонники"), which heads no
    name of a place or an institution."""
    p = best_parse(word, lang)
    return p is not None and p.tag.POS == "NOUN" and "anim" in p.tag.grammemes
