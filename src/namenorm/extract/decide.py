"""Document-level decisions: which candidate mentions to keep and which entity each one names.

Strong candidates are kept first and remembered. Then a candidate that needs a stronger signal
(a weak alias, a common word, or a loose hit that does not beat chance on its own) is kept when its
entity was already named in the text or when it touches a kept mention ("Nice, France"), a place
when a conjunction joins it to a kept place ("Paris and Nice", "Карачи и Лахора"), and a lone
surname is kept when the person's full name appears in the text, or when the surname belongs to one
person only, is not a common word, and beats chance on its own; a word that is no common word and
is a case form of the first name of exactly one person named in full in the text is that person
("Терезу" after "Тереза Мэй"). Among several entities for one span,
an entity already named in the text wins, then the higher score, then the gazetteer's rank and prior.

**Scores.** A mention's ``match.score`` is on ``normalize()``'s scale, from the same sources: the
cap of its :class:`~namenorm.methods.Method` (exact 1.0, inflection 0.99, ...), and for a loose hit
(lemma, romanisation, surname alone) that cap times the probability the evidence gives it
(:mod:`namenorm.weigh`), so a mention and ``normalize()`` of the same text by the same step score
alike (but ``normalize()`` also shares the score among rival entities, see :mod:`namenorm.ranking`,
where extraction prefers the entity the text named). A weak alias scores 0.9 of that (its support
comes from the text), and a loose hit that only the text supports (the entity named earlier, its
full name, an adjacent mention) keeps its method's cap: the text, not chance, is its evidence.
``normalize()`` has no text around its query, so it drops such hits; and it runs steps that
extraction does not (fuzzy matching, the cross-script key of whole names, name order, descriptors),
so a name that only those reach has a ``normalize()`` score and no mention.

>>> from namenorm.api import Normalizer
>>> from namenorm.extract import extract
>>> import tempfile, pathlib
>>> gaz = pathlib.Path(tempfile.mkdtemp()) / "g.gaz"
>>> _ = gaz.write_text("[t:kyiv] LOC Kyiv\\nen: Kyiv\\nuk: Київ\\n", encoding="utf-8")
>>> n = Normalizer(gazetteers=[gaz], include_bundled=False)
>>> [(m.text, m.match.method, m.match.score) for m in extract("Він повернувся до Києва.", normalizer=n)]
[('Києва', 'inflection', 0.99)]
>>> n.normalize("Києва").score
0.99
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from namenorm.extract.context import is_common, is_title
from namenorm.extract.spans import Hit, SpanCand
from namenorm.index import FORMER, PREFERRED, WEAK, Index
from namenorm.match import Match, Mention
from namenorm.methods import Method
from namenorm.steps import STEP_TEXT, former_note
from namenorm.text import fold

__all__ = ["decide"]

Kept = dict[tuple[int, int], tuple[Mention, int]]  # (start, end) -> the mention and its entity index
# the steps extraction runs; the name structure text is resolve.py's, until steps.py lists it
_ADJACENT = regex.compile(r"[ \u00a0]?[,(/][ \u00a0]?")  # "Nice, France", "Paris (Texas)"
# places joined by a conjunction: "Карачи и Лахора", "Paris and Nice"
_COORDINATED = regex.compile(r"[ \u00a0](?:и|і|й|та|или|або|and|or)[ \u00a0]", regex.IGNORECASE)


def decide(text: str, sentences: Sequence[list[SpanCand]], ix: Index) -> list[Mention]:
    """The mentions of a text from its sentences' candidates, sorted by offset."""
    kept: Kept = {}
    named: set[int] = set()       # entities already named in the text
    full_names: set[int] = set()  # people named with more than one word
    strong: dict[tuple[int, int], SpanCand] = {}  # the candidates kept on their own
    for cands in sentences:
        for c in cands:
            hits = [h for h in c.hits if not h.needs_signal]
            if hits:
                kept[(c.start, c.end)] = _mention(text, c, hits, ix, named)
                strong[(c.start, c.end)] = c
    for (start, end), (_, ei) in kept.items():
        named.add(ei)
        if ix.entity_at(ei).type == "PER" and len(text[start:end].split()) > 1:
            full_names.add(ei)
    first_names: dict[int, tuple[int, set[str]]] | None = None  # worked out when first needed
    for cands in sentences:
        for c in cands:
            if (c.start, c.end) in kept:
                person = [h for h in c.hits
                          if h.method is Method.SURNAME and ix.entity_index(h.aid) in full_names]
                if person and kept[(c.start, c.end)][1] not in full_names:  # "May" after "Theresa May"
                    kept[(c.start, c.end)] = _mention(text, c, person, ix, named)
                continue
            hits = _supported(text, c, ix, kept, sentence_cands=cands, named=named, full_names=full_names)
            if hits:
                kept[(c.start, c.end)] = _mention(text, c, hits, ix, named)
                continue
            if first_names is None:
                first_names = _first_names(text, kept, strong, full_names, ix)
            first = _first_name_of(c, first_names)
            if first:
                kept[(c.start, c.end)] = _mention(text, c, first, ix, named, first_name=True)
    return [kept[k][0] for k in sorted(kept)]


def _supported(text: str, c: SpanCand, ix: Index, kept: Kept, *,
               sentence_cands: list[SpanCand], named: set[int], full_names: set[int]) -> list[Hit]:
    """The hits of a candidate that needs more than itself, which the text supports."""
    remembered = [h for h in c.hits if ix.entity_index(h.aid) in named]
    if remembered:
        return remembered
    names = [h for h in c.hits if h.method is not Method.SURNAME]
    if names and _touches_mention(text, c, kept, sentence_cands, ix):
        return names
    places = [h for h in names if ix.entity(h.aid).type == "LOC"]
    if places and _touches_mention(text, c, kept, sentence_cands, ix, joined=_COORDINATED, etype="LOC"):
        return places
    surnames = [h for h in c.hits if h.method is Method.SURNAME]
    known = [h for h in surnames if ix.entity_index(h.aid) in full_names]
    if known:
        return known
    # a person's surname known to one person only, unless the word is a common word or a name
    # that stands on its own (a weak place name does not count: "Мей" is Theresa May, not Myeik)
    people = {ix.entity_index(h.aid) for h in surnames}
    if (surnames and all(h.needs_signal for h in names) and len(people) == 1
            and all(h.evident for h in surnames) and not is_common(c.key)):
        return surnames
    return []


def _first_names(text: str, kept: Kept, strong: dict[tuple[int, int], SpanCand], full_names: set[int],
                 ix: Index) -> dict[int, tuple[int, set[str]]]:
    """The people named in full by the candidates kept on their own: an alias id of each, and the
    first names (folded) that the text and the alias give them."""
    out: dict[int, tuple[int, set[str]]] = {}
    for span, c in strong.items():
        m, ei = kept[span]
        if ei not in full_names or m.match is None:
            continue
        words = text[span[0]:span[1]].split()
        if len(words) < 2:
            continue
        aid = next((h.aid for h in c.hits if ix.entity_index(h.aid) == ei), None)
        given = {w for w in (fold(words[0]), fold(m.match.alias).split()[0])
                 if ix.is_first_name(w) and not is_title(w)}
        if aid is not None and given:
            out.setdefault(ei, (aid, set()))[1].update(given)
    return out


def _first_name_of(c: SpanCand, first_names: dict[int, tuple[int, set[str]]]) -> list[Hit]:
    """A one-word candidate that is the first name, in any case form, of exactly one person the
    text names in full ("Асию" after "Асия Биби", "Терезы" after "Тереза Мэй"): that person."""
    if " " in c.key or len(c.key) < 3 or is_common(c.key):
        return []
    people = [aid for aid, given in first_names.values() if any(_case_form_of(c.key, g) for g in given)]
    if len(people) != 1:
        return []
    return [Hit(people[0], Method.NAME_STRUCTURE, False, Method.NAME_STRUCTURE.cap)]


def _case_form_of(word: str, given: str) -> bool:
    """A folded word is a case form of the folded first name ``given``: the same letters but for an
    ending of at most two ("терезу", "асии" of "тереза", "асия")."""
    stem = len(given) - 1 if len(given) < 6 else len(given) - 2
    return stem >= 3 and word[:stem] == given[:stem] and abs(len(word) - len(given)) <= 2


def _touches_mention(text: str, c: SpanCand, kept: Kept, cands: list[SpanCand], ix: Index, *,
                     joined: regex.Pattern[str] = _ADJACENT, etype: str | None = None) -> bool:
    """A kept mention of the sentence (of type ``etype`` when given) is next to ``c``, with only the
    gap ``joined`` matches between them."""
    for o in cands:
        if (o.start, o.end) not in kept or o is c:
            continue
        if etype is not None and ix.entity_at(kept[(o.start, o.end)][1]).type != etype:
            continue
        gap = text[o.end:c.start] if o.end <= c.start else text[c.end:o.start]
        if joined.fullmatch(gap):
            return True
    return False


def _mention(text: str, c: SpanCand, hits: list[Hit], ix: Index, named: set[int], *,
             first_name: bool = False) -> tuple[Mention, int]:
    """Pick the entity for a span and build its :class:`Mention` (``first_name``: the span is the
    first name of the person of ``hits``, whom the text names in full)."""

    def score(h: Hit) -> float:
        return h.score * 0.9 if ix.flags(h.aid) & WEAK else h.score

    def rank(h: Hit) -> tuple[bool, float, bool, int, float, str]:
        e = ix.entity(h.aid)
        return (ix.entity_index(h.aid) in named, score(h), bool(ix.flags(h.aid) & PREFERRED),
                e.rank, e.prior, e.id)

    ents = ix.entity_index
    if len(hits) == 1:  # the usual case: one alias, no rival
        best = hits[0]
        ei = ents(best.aid)
        rivals = {ei}
    else:
        ordered = sorted(hits, key=rank, reverse=True)
        best = ordered[0]
        ei = ents(best.aid)
        top = score(best) - 1e-9
        flags = ix.flags
        rivals = {ents(h.aid) for h in ordered if not flags(h.aid) & WEAK and score(h) >= top}
    e = ix.entity_at(ei)
    alias, lang = ix.alias(best.aid), ix.lang(best.aid)
    surface = text[c.start:c.end]
    former, until = bool(ix.flags(best.aid) & FORMER), ix.until(best.aid)
    steps = ((f"first name of {alias!r} ({lang}), whom the text names in full",) if first_name else
             (f"{STEP_TEXT[best.method]} {alias!r} ({lang}){former_note(former, until)}",))
    match = Match(e.id, e.name, e.type, round(score(best), 4), best.method.value, alias, surface, lang,
                  e.country, len(rivals - {ei}) > 0 and ei not in named, steps, former, until)
    return Mention(c.start, c.end, surface, match), ei
