"""Ranking of the candidates the cascade found (:class:`namenorm.resolve.Resolver`): one match per
entity, hinted entities first, ambiguity shared by prominence (DESIGN.md section 3)."""

from __future__ import annotations

import math
from collections.abc import Callable

from namenorm.fuzzy import Cand
from namenorm.index import FORMER, PREFERRED, WEAK, Index
from namenorm.match import Match
from namenorm.steps import former_note
from namenorm.weigh import Weigher

__all__ = ["MIN_SHARE", "rank"]

# A rival whose share of an ambiguous name's probability is below this is no rival: the score
# it would take is within the estimate's own error.
MIN_SHARE = 0.01


def rank(ix: Index, weigher: Weigher, query: str, cands: list[Cand], fits: Callable[[int], bool],
         limit: int, as_of: str | None = None) -> list[Match]:
    """The best candidate of each entity, ranked, as at most ``limit`` matches of ``query``.

    Entities that ``fits`` (the caller's hints) come first, then those named by a name in use at
    ``as_of`` (a former name is not, after its date), then by score, source, and weight (prior, a
    main name counting a hundredfold). When another entity is as good a rival, the match is
    ambiguous and the score is shared among the rivals by prominence.
    """
    if not cands:
        return []  # a miss: most queries of a large column
    best: dict[int, Cand] = {}
    for c in cands:
        ei = ix.entity_index(c.aid)
        if ei not in best or c.score > best[ei].score:
            best[ei] = c

    def main_name(aid: int) -> bool:
        # an entity's main name, unless it is weak (a village named as thousands of things are)
        return ix.flags(aid) & (PREFERRED | WEAK) == PREFERRED

    def key(item: tuple[int, Cand]) -> tuple[bool, bool, float, int, float, str]:
        # hint, then how it matched, then source; then weight: an entity's main name counts as
        # a hundredfold prior, so "Franklin" is the town of that name, not a namesake's alias,
        # while "Roma" stays Rome, a hundred times larger than any town called Roma
        ei, c = item
        e = ix.entity_at(ei)
        weight = math.log10(e.prior + 1) + (2.0 if main_name(c.aid) else 0.0)
        return (fits(c.aid), ix.in_use(c.aid, as_of), round(c.score, 3), e.rank, weight, e.id)

    ranked = sorted(best.items(), key=key, reverse=True) if len(best) > 1 else list(best.items())
    def tier(aid: int) -> tuple[bool, bool]:  # the sort key's first two parts
        return fits(aid), ix.in_use(aid, as_of)

    # another entity that the same text names, in the top's tier (hint fit, name in use): only a weak
    # alias that is not its main name is no rival
    top = tier(ranked[0][1].aid)
    rivals = [] if len(ranked) == 1 else [
        (ei, c) for ei, c in ranked if (ix.flags(c.aid) & (WEAK | PREFERRED)) != WEAK and tier(c.aid) == top]
    ambiguous = len(rivals) > 1 and rivals[0][0] == ranked[0][0]
    if ambiguous:
        # one text, several entities: each is right only as often as it is the one meant, so the
        # score is shared by prominence (see evidence.Prominence), a main name counting thrice
        quantile = weigher.prominence.quantile  # built on first need: most queries have one entity
        weights = {ei: (3.0 if main_name(c.aid) else 1.0) / quantile(ei)
                   for ei, c in rivals}
        total = sum(weights.values())
        # a namesake meant less than once in a hundred (a village called Kyiv) keeps its small share
        # but takes none from the others, and leaves the name unambiguous when it is the only rival
        shares = {ei: w / total for ei, w in weights.items()}
        kept = sum(w for ei, w in weights.items() if shares[ei] >= MIN_SHARE)
        shares.update({ei: w / kept for ei, w in weights.items() if shares[ei] >= MIN_SHARE})
        ambiguous = sum(share >= MIN_SHARE for share in shares.values()) > 1
        ranked = sorted(((ei, c._replace(score=c.score * shares[ei]) if ei in shares else c)
                         for ei, c in ranked), key=key, reverse=True)
    out = []
    for ei, c in ranked[:limit]:
        e = ix.entity_at(ei)
        alias = ix.alias(c.aid)
        former = bool(ix.flags(c.aid) & FORMER)
        until = ix.until(c.aid)
        note = f" ({c.note})" if c.note else ""
        steps = (f"{c.step} {alias!r} ({ix.lang(c.aid)}){note}{former_note(former, until)}",)
        out.append(Match(e.id, e.name, e.type, round(c.score, 4), c.method.value, alias, query,
                         ix.lang(c.aid), e.country, ambiguous, steps, former, until))
    return out
