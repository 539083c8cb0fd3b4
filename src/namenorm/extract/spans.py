"""The span matcher: longest match of word n-grams against the index's alias keys in one sentence.

For each word that may start a name (capitalised, or the first word of a lowercase alias), the
matcher joins up to :attr:`Tables.max_words` words (across spaces, hyphens and initials' periods)
and probes the ``exact``, ``forms`` (inflected) and ``latin`` (romanised) tables; the longest
n-gram with an acceptable alias wins. Capitalised Cyrillic words that no table knows are put
into the nominative with :func:`namenorm.morph.nominative_candidates` and probed again; a single
capitalised word may be a person's surname (the ``surname`` table). Nothing is fuzzy.

Rules that need only the sentence are applied here (case of codes, lowercase starts, place
prepositions, words inside a longer unknown capitalised name); rules that need the whole text
(adjacent mentions, a full name seen before) are left to :mod:`namenorm.extract.decide`.
"""

from __future__ import annotations

from typing import NamedTuple

from namenorm.extract.context import (
    inflected_literal_ok,
    is_common,
    is_first_name,
    is_reporting_verb,
    is_time_word,
    literal_ok,
    may_be_genitive,
    pos,
)
from namenorm.extract.longer import part_of_longer_name
from namenorm.extract.phrases import (
    after_place_preposition,
    code_of_place,
    common_head_of,
    lowercase_head,
)
from namenorm.extract.sentence import Sentence
from namenorm.extract.tables import Tables, key_stem, may_be_inflected, phrase_gate, stem
from namenorm.extract.tokens import Token, joinable
from namenorm.fuzzy import Cand
from namenorm.index import LITERAL, PREFERRED, WEAK, Index
from namenorm.methods import Method
from namenorm.resolve import _same_first_name as same_first_name
from namenorm.scripts import has_cyrillic
from namenorm.steps import lemma_hits, surname_hits
from namenorm.text import fold
from namenorm.weigh import Weigher

__all__ = ["Hit", "SpanCand", "scan_sentence"]

_MORPH_RUN = 3
_HYPHENS = frozenset("-‐‑")
# Languages whose romanisation conventions the ``latin`` table follows for running text.
_ROMANISED_LANGS = frozenset({"ru", "uk", "be"})


class Hit(NamedTuple):
    """An alias that a span matched, how, and whether it still needs a stronger signal; ``score``:
    the method's cap, for a loose hit weighed as ``normalize()`` weighs it (:mod:`namenorm.weigh`);
    ``evident``: False for a loose hit that does not beat chance on its own, which the text must
    then support (see :mod:`namenorm.extract.decide`)."""

    aid: int
    method: Method
    needs_signal: bool
    score: float
    evident: bool = True


def _hit(aid: int, method: Method, needs_signal: bool) -> Hit:
    return Hit(aid, method, needs_signal, method.cap)


def _weighed(s: Sentence, key: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` of the span ``key`` with their loose ones weighed by the evidence (as
    :meth:`namenorm.weigh.Weigher.weigh` scores them for ``normalize()``); a name's weighing is
    remembered, as running text repeats its names."""
    if not any(h.method.loose for h in hits):
        return hits
    memo = s.ix.derived(_WeighMemo)
    sig = (key, tuple((h.aid, h.method, h.score) for h in hits))
    kept = memo.get(sig)
    if kept is None:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        cands = [Cand(h.aid, h.score, h.method, "") for h in hits]
        kept = memo[sig] = {c.aid: c.score for c in s.ix.derived(Weigher).weigh(key, cands)}
    return [h._replace(score=kept[h.aid]) if h.aid in kept else h._replace(needs_signal=True, evident=False)
            for h in hits]


class _WeighMemo(dict[tuple[str, tuple[tuple[int, Method, float], ...]], dict[int, float]]):
    """The weighed scores of the spans seen, per index (:meth:`Index.derived`)."""

    def __init__(self, _ix: Index) -> None:
        super().__init__()


_MEMO_SIZE = 50_000


class SpanCand(NamedTuple):
    """A candidate mention: character offsets, the aliases it matched, and its kind."""

    start: int
    end: int
    hits: tuple[Hit, ...]
    kind: str  # "name", "surname" (as written) or "loose surname" (by its cross-script key or base form)
    key: str


def scan_sentence(text: str, toks: list[Token], tabs: Tables, lang: str | None) -> list[SpanCand]:
    """Candidate mentions of one sentence (``toks`` are its words), left to right, not overlapping."""
    s = Sentence(text, toks, tabs, lang)
    out: list[SpanCand] = []
    taken: list[tuple[int, int]] = []  # token ranges of the candidates
    i, n = 0, len(toks)
    lower_first, prefixes, stems = tabs.lower_first, tabs.prefixes, tabs.stems
    while i < n:
        t = toks[i]
        cap = t.text[:1].isupper()
        if not (cap or t.key in lower_first or (t.key in prefixes and lowercase_head(s, i))):
            i += 1
            continue
        found = _longest(s, i)
        if cap:
            if found is None:
                if key_stem(t.key) in stems:
                    found = _lemma(s, i)
            elif found[0] == i and _continues(s, i, i) and key_stem(t.key) in stems:
                # a word that names something on its own may open a longer name in another case
                # form ("Доминика Рааба" is Dominic Raab, not Dominica and a surname)
                longer = _lemma(s, i, shortest=i + 1)
                if longer is not None:
                    found = longer
            if found is None or found[0] == i:
                # a first name alone names no one when a listed person's surname follows it
                # ("Домінік Раб", "Доминика Рааба"): the two words are that person
                full = _first_name_and_surname(s, i)
                if full is not None:
                    found = full
            sur = _surname(s, i)
            if found is None or (sur is not None and sur[0] > found[0] and sur[1].kind == "name"):
                found = sur  # a surname followed by initials is longer than the name it starts
            elif sur is not None and found[0] == sur[0] and sur[1].kind == "surname":
                # one word: a name, or a person's surname as written ("May"); not a surname that
                # only its cross-script key reaches ("Cameroon" is not "Cameron")
                found = (found[0], found[1]._replace(hits=found[1].hits + sur[1].hits))
        if found is None:
            i += 1
            continue
        j, cand = found
        out.append(cand)
        taken.append((i, j))
        i = j + 1
    if not out:
        return out
    ix = tabs.ix
    entity, flags = ix.entity, ix.flags
    types = [{entity(h.aid).type for h in c.hits} for c in out]
    # codes of organisations ("МИД", "МВД") and the first words of places: "МИД Великобритании" is
    # one name, of neither
    org_codes = {a for (a, b), ts in zip(taken, types, strict=True)
                 if a == b and ts == {"ORG"} and len(toks[a].text) > 1 and toks[a].text.isupper()
                 and has_cyrillic(toks[a].text)}
    places = {a for (a, _), ts, c in zip(taken, types, out, strict=True)
              if ts == {"LOC"} and not all(h.needs_signal for h in c.hits)
              and may_be_genitive(toks[a].text, s.morph_lang)} if org_codes else set()
    mentions = {x for a, b in taken for x in range(a, b + 1)}
    return [c for c, (a, b), ts in zip(out, taken, types, strict=True)
            if not part_of_longer_name(s, a, b, ts == {"PER"}, mentions,
                                       code=any(flags(h.aid) & LITERAL for h in c.hits))
            and not (org_codes and code_of_place(s, a, b, org_codes, places))]


def _hits_of(s: Sentence, i: int, j: int, raw: list[tuple[int, Method]]) -> list[Hit]:
    """Apply the sentence-level rules to the aliases that matched tokens ``i..j``."""
    ix, toks = s.ix, s.toks
    surface = s.text[toks[i].start:toks[j].end]
    key = " ".join(t.key for t in toks[i:j + 1])
    lower_start = not toks[i].text[:1].isupper()
    # a Cyrillic word is no English word opening a sentence: the common-word test below is enough
    cyrillic = has_cyrillic(surface)
    common: bool | None = None
    prep: bool | None = None  # after a place preposition (asked only where it matters)
    source: bool | None = None  # after a verb of reporting (the same)
    out: list[Hit] = []
    seen: set[int] = set()
    for aid, method in raw:
        if aid in seen:
            continue
        seen.add(aid)
        alias, flags = ix.alias(aid), ix.flags(aid)
        if (lower_start and not (alias[:1].islower() and literal_ok(surface, alias))
                and not (ix.entity(aid).type == "ORG" and common_head_of(surface, alias, s.morph_lang))):
            continue
        if flags & LITERAL and not (literal_ok(surface, alias) or (
                method in (Method.INFLECTION, Method.LEMMA) and inflected_literal_ok(surface, alias))):
            continue
        if method is Method.TRANSLIT and ix.lang(aid) not in _ROMANISED_LANGS:
            continue  # "German" is no romanisation of Mongolian "Герман" (Germany) in English text
        needs = bool(flags & WEAK) or (flags & LITERAL and s.shouted)
        if not needs and i == j and ix.lang(aid) == "xx" and not flags & PREFERRED and not cyrillic:
            needs = s.initial(i)  # "Tell ..." opening a sentence is no alternate name of At Tall
        # capitals at a sentence start say nothing about one word, but a phrase of several words
        # that an alias names is evidence enough ("Государственная дума приняла ..."), except in a
        # headline or a shouted sentence, where every word is capitalised
        if (not needs and not flags & LITERAL and (s.initial(i) or s.shouted)
                and (i == j or s.caseless or s.shouted)):
            if common is None:  # asked only where capitals say nothing (it may parse the words)
                common = is_common(key)
            needs = common
        if needs and not lower_start and ix.entity(aid).type == "LOC":
            if prep is None:
                prep = after_place_preposition(s, i) and not is_time_word(key)
            needs = not prep  # a preposition of place says a place follows ("near Nice")
        elif needs and not lower_start and ix.entity(aid).type == "ORG":
            if source is None:
                source = i > 0 and s.gap(i) == " " and is_reporting_verb(toks[i - 1].text, s.morph_lang)
            needs = not source  # a verb of reporting says its source follows ("сообщает RT")
        out.append(_hit(aid, method, bool(needs)))
    weighed = _weighed(s, key, out)
    if not all(h.evident for h in weighed) and toks[i].text.istitle() and (
            prep if prep is not None else after_place_preposition(s, i) and not is_time_word(key)):
        # a loose hit that does not beat chance on its own, of a place after a place preposition
        # ("в Лахоре", "в Карачи и Лахоре"): the preposition is the text's support for it
        weighed = [h._replace(needs_signal=False) if not h.evident and ix.entity(h.aid).type == "LOC" else h
                   for h in weighed]
    return weighed


def _longest(s: Sentence, i: int) -> tuple[int, SpanCand] | None:
    """The longest n-gram from token ``i`` in the exact/forms/latin tables with an acceptable alias."""
    ix, toks, text, prefixes = s.ix, s.toks, s.text, s.tabs.prefixes
    probes: list[tuple[int, str, list[tuple[int, Method]]]] = []
    key = ""
    for j in range(i, min(len(toks), i + s.tabs.max_words)):
        if j > i and not (key in prefixes and joinable(text, toks[j - 1], toks[j])):
            break
        key = toks[j].key if j == i else f"{key} {toks[j].key}"
        raw = ix.lookup(key)
        if not raw and key not in prefixes:
            break
        if raw:
            probes.append((j, key, raw))
    for j, key, raw in reversed(probes):
        hits = _hits_of(s, i, j, raw)
        if hits:
            return j, SpanCand(toks[i].start, toks[j].end, tuple(hits), "name", key)
    return None


def _lemma(s: Sentence, i: int, shortest: int | None = None) -> tuple[int, SpanCand] | None:
    """Capitalised Cyrillic words put into the nominative and looked up again (longest run first,
    down to the word ``shortest``, by default ``i`` itself)."""
    ix, toks, text = s.ix, s.toks, s.text
    j = i
    while j + 1 - i < _MORPH_RUN and _continues(s, i, j):
        j += 1
    endings = s.tabs.endings
    for end in range(j, (i if shortest is None else shortest) - 1, -1):
        if end > i and (stem(toks[end].text) not in s.tabs.tail_stems
                        or phrase_gate([t.key for t in toks[i:end + 1]]) not in s.tabs.phrase_gates):
            continue
        if end == i and endings is not None and not may_be_inflected(toks[i].key, ix, endings):
            continue
        phrase = text[toks[i].start:toks[end].end]
        _, found = lemma_hits(ix, phrase, s.lang if s.lang in ("ru", "uk") else None)
        hits = _hits_of(s, i, end, [(a, Method.LEMMA) for a in found]) if found else []
        if hits:
            return end, SpanCand(toks[i].start, toks[end].end, tuple(hits), "name", fold(phrase))
    return None


def _continues(s: Sentence, i: int, j: int) -> bool:
    """Word ``j + 1`` may continue a run of Cyrillic words ``i..j`` that opens with a capital, for
    the morphology fallback: a capitalised word, or a lowercase one inside a hyphenated name
    ("Франкфурте-на-Майне", "Ростове-на-Дону"), or the lowercase noun after an opening adjective
    ("Європейському союзі": a second word of a name is often written in lowercase)."""
    toks, k = s.toks, j + 1
    if k >= len(toks) or not has_cyrillic(toks[k].text) or not joinable(s.text, toks[j], toks[k]):
        return False
    hyphen = s.gap(k) in _HYPHENS
    if s.capitalised(k):
        return s.capitalised(j) or hyphen
    if hyphen:
        return k + 1 < len(toks) and s.gap(k + 1) in _HYPHENS and s.capitalised(k + 1)
    return j == i and s.gap(k) == " " and pos(toks[i].text, s.morph_lang) == "ADJF"


def _surname(s: Sentence, i: int) -> tuple[int, SpanCand] | None:
    """A capitalised word found among people's surnames; "S. Lavrov" keeps only matching initials."""
    ix, toks = s.ix, s.toks
    initial = ""
    j = i
    if len(toks[i].text) == 1 and i + 1 < len(toks) and s.text[toks[i].end:toks[i].end + 1] == ".":
        if not joinable(s.text, toks[i], toks[i + 1]) or not s.capitalised(i + 1):
            return None
        initial, j = toks[i].key, i + 1
    key = toks[j].key
    if j + 1 < len(toks) and s.gap(j + 1) == "-" and s.capitalised(j + 1):
        compound = f"{key} {toks[j + 1].key}"  # a hyphenated surname: "Kosiniak-Kamysz"
        if ix.surname_refs(compound):
            key, j = compound, j + 1
    if len(key) < 3:
        return None
    aids = surname_hits(ix, key, base_form=False)
    if not aids and key_stem(key) in s.tabs.surname_stems:  # its base form may be someone's surname
        aids = surname_hits(ix, key)
    if not aids:
        return None
    trailing = None if initial else _trailing_initials(s, j)
    if trailing is not None:
        initial, j, end = trailing
    if initial:
        aids = tuple(a for a in aids if fold(ix.alias(a))[:1] == initial)
    if not aids:
        return None
    if trailing is not None:
        # "Лавров С.В.": the surname and the initials of a listed person, read as normalize() reads them
        surface = s.text[toks[i].start:end]
        hits = [_hit(a, Method.NAME_STRUCTURE, True) for a in aids if not ix.flags(a) & WEAK]
        if not hits:
            return None
        weighed = tuple(h._replace(needs_signal=not h.evident) for h in _weighed(s, surface, hits))
        return j, SpanCand(toks[i].start, end, weighed, "name", fold(surface))
    hits = [_hit(a, Method.SURNAME, True) for a in aids if not ix.flags(a) & WEAK]
    if not hits:
        return None
    kind = "surname" if ix.surname_refs(key) else "loose surname"
    return j, SpanCand(toks[i].start, toks[j].end, tuple(_weighed(s, key, hits)), kind, key)


def _first_name_and_surname(s: Sentence, i: int) -> tuple[int, SpanCand] | None:
    """Word ``i``, a first name, and the next word, the surname of a listed person whose first name
    is a spelling of it (in any case form, by its cross-script key or in its base form), read as
    ``normalize()``'s name-structure step reads them: "Домінік Раб" is Dominic Raab."""
    ix, toks = s.ix, s.toks
    k = i + 1
    if (k >= len(toks) or s.gap(k) != " " or not s.capitalised(k) or not has_cyrillic(toks[i].text)
            or not (ix.is_first_name(toks[i].key) or is_first_name(toks[i].text))):
        return None
    key = toks[k].key
    if len(key) < 3:
        return None
    aids = surname_hits(ix, key, base_form=key_stem(key) in s.tabs.surname_stems)
    hits = [_hit(a, Method.NAME_STRUCTURE, True) for a in aids
            if not ix.flags(a) & WEAK and same_first_name(toks[i].key, fold(ix.alias(a)).split()[0])]
    if not hits:
        return None
    surface = s.text[toks[i].start:toks[k].end]
    weighed = tuple(h._replace(needs_signal=not h.evident) for h in _weighed(s, fold(surface), hits))
    return k, SpanCand(toks[i].start, toks[k].end, weighed, "name", fold(surface))


def _trailing_initials(s: Sentence, j: int) -> tuple[str, int, int] | None:
    """One or two initials after the surname at word ``j`` ("Путин В.В.", "Лавров С. В.", "Putin V."):
    the folded first initial, the last word of the initials and the end offset (its period included)."""
    toks, text = s.toks, s.text
    k = j + 1
    if k >= len(toks) or s.gap(k) not in (" ", "\u00a0"):
        return None
    word = toks[k].text
    if len(word) in (2, 4) and word.endswith(".") and all(c.isupper() for c in word[::2]):
        return toks[k].key[:1], k, toks[k].end  # the tokenizer keeps "В.В." as one word
    last = -1
    while (k < len(toks) and k - j <= 2 and len(toks[k].text) == 1 and toks[k].text.isupper()
           and text[toks[k].end:toks[k].end + 1] == "." and (k == j + 1 or s.gap(k) in (".", ". "))):
        last = k
        k += 1
    if last < 0:
        return None
    return toks[j + 1].key, last, toks[last].end + 1
