"""Document-level decisions: which candidate mentions to keep and which entity each one names.

Strong candidates are kept first and remembered. Then a candidate that needs a stronger signal
(a weak alias or a common word) is kept when its entity was already named in the text or when it
touches a kept mention ("Nice, France"), and a lone surname is kept when the person's full name
appears in the text, or when the surname belongs to one person only and is not a common word.
Among several entities for one span, an entity already named in the text wins, then the better
method, then the gazetteer's rank and prior.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from namenorm.extract.context import is_common
from namenorm.extract.spans import Hit, SpanCand
from namenorm.index import PREFERRED, WEAK, Index
from namenorm.match import Match, Mention

__all__ = ["decide"]

_SCORE = {"exact": 1.0, "inflection": 0.97, "translit": 0.95, "lemma": 0.93, "surname": 0.85}
_STEP = {"exact": "exact alias", "inflection": "inflected form of alias", "translit": "romanisation of alias",
         "lemma": "base form of alias", "surname": "surname of alias"}
Kept = dict[tuple[int, int], tuple[Mention, int]]  # (start, end) -> the mention and its entity index
_ADJACENT = regex.compile(r"[ \u00a0]?[,(/][ \u00a0]?")  # "Nice, France", "Paris (Texas)"


def decide(text: str, sentences: Sequence[list[SpanCand]], ix: Index) -> list[Mention]:
    """The mentions of a text from its sentences' candidates, sorted by offset."""
    kept: Kept = {}
    named: set[int] = set()       # entities already named in the text
    full_names: set[int] = set()  # people named with more than one word
    for cands in sentences:
        for c in cands:
            hits = [h for h in c.hits if not h.needs_signal]
            if hits:
                kept[(c.start, c.end)] = _mention(text, c, hits, ix, named)
    for (start, end), (_, ei) in kept.items():
        named.add(ei)
        if ix.entity_at(ei).type == "PER" and len(text[start:end].split()) > 1:
            full_names.add(ei)
    for cands in sentences:
        for c in cands:
            if (c.start, c.end) in kept:
                person = [h for h in c.hits if h.method == "surname" and ix.entity_index(h.aid) in full_names]
                if person and kept[(c.start, c.end)][1] not in full_names:  # "May" after "Theresa May"
                    kept[(c.start, c.end)] = _mention(text, c, person, ix, named)
                continue
            hits = _supported(text, c, ix, kept, sentence_cands=cands, named=named, full_names=full_names)
            if hits:
                kept[(c.start, c.end)] = _mention(text, c, hits, ix, named)
    return [kept[k][0] for k in sorted(kept)]


def _supported(text: str, c: SpanCand, ix: Index, kept: Kept, *,
               sentence_cands: list[SpanCand], named: set[int], full_names: set[int]) -> list[Hit]:
    """The hits of a candidate that needs more than itself, which the text supports."""
    remembered = [h for h in c.hits if ix.entity_index(h.aid) in named]
    if remembered:
        return remembered
    names = [h for h in c.hits if h.method != "surname"]
    if names and _touches_mention(text, c, kept, sentence_cands):
        return names
    surnames = [h for h in c.hits if h.method == "surname"]
    known = [h for h in surnames if ix.entity_index(h.aid) in full_names]
    if known:
        return known
    # a person's surname known to one person only, unless the word is a common word or a name
    # that stands on its own (a weak place name does not count: "Мей" is Theresa May, not Myeik)
    people = {ix.entity_index(h.aid) for h in surnames}
    if surnames and all(h.needs_signal for h in names) and len(people) == 1 and not is_common(c.key):
        return surnames
    return []


def _touches_mention(text: str, c: SpanCand, kept: Kept, cands: list[SpanCand]) -> bool:
    for o in cands:
        if (o.start, o.end) not in kept or o is c:
            continue
        gap = text[o.end:c.start] if o.end <= c.start else text[c.end:o.start]
        if _ADJACENT.fullmatch(gap):
            return True
    return False


def _mention(text: str, c: SpanCand, hits: list[Hit], ix: Index, named: set[int]) -> tuple[Mention, int]:
    """Pick the entity for a span and build its :class:`Mention`."""

    def score(h: Hit) -> float:
        s = _SCORE[h.method]
        return s * 0.9 if ix.flags(h.aid) & WEAK else s

    def rank(h: Hit) -> tuple[bool, float, bool, int, float, str]:
        e = ix.entity(h.aid)
        return (ix.entity_index(h.aid) in named, score(h), bool(ix.flags(h.aid) & PREFERRED),
                e.rank, e.prior, e.id)

    ordered = sorted(hits, key=rank, reverse=True)
    best = ordered[0]
    ei = ix.entity_index(best.aid)
    top = score(best) - 1e-9
    flags, ents = ix.alias_flags, ix.alias_ent
    rivals = {ents[h.aid] for h in ordered if not flags[h.aid] & WEAK and _SCORE[h.method] >= top}
    e = ix.entity_at(ei)
    alias, lang = ix.alias(best.aid), ix.lang(best.aid)
    surface = text[c.start:c.end]
    steps = (f"{_STEP[best.method]} {alias!r} ({lang})",)
    match = Match(e.id, e.name, e.type, round(score(best), 4), best.method, alias, surface, lang, e.country,
                  len(rivals - {ei}) > 0 and ei not in named, steps)
    return Mention(c.start, c.end, surface, match), ei
