"""Evidence weighing of loose hits, shared by ``normalize()`` (:mod:`namenorm.resolve`) and
``extract()`` (:mod:`namenorm.extract.spans`): the same hit gets the same score in both.

A loose hit (:attr:`Method.loose`) is scored by how far it beats chance (see :mod:`namenorm.evidence`
for the model and its numbers): the step's cap times the probability that the hit is right; hits
less likely than ``ACCEPT`` to be right, and a lone common surname, are dropped. Hits of strict
steps pass unchanged.

>>> from namenorm.api import Normalizer
>>> ix = Normalizer().index
>>> w = ix.derived(Weigher)
>>> w is ix.derived(Weigher)
True
>>> exact = Cand(ix.exact_refs("kyiv")[0], Method.EXACT.cap, Method.EXACT, "exact alias")
>>> w.weigh("Kyiv", [exact]) == [exact]
True
"""

from __future__ import annotations

from functools import cached_property

from namenorm.evidence import ACCEPT, Prominence, bucket, chance_rate, posterior
from namenorm.fuzzy import Cand
from namenorm.index import Ent, Index, surname_named
from namenorm.methods import Method
from namenorm.scripts import dominant_script, has_cyrillic
from namenorm.surnames import is_common_surname
from namenorm.text import fold

__all__ = ["Weigher", "chance_step"]


def chance_step(c: Cand, alias: str) -> str:
    """The chance table's name for the step that found ``c`` (at ``alias``): fuzzy hits by their edit
    distance and, for one edit, its kind (see :func:`namenorm.evidence.edit_kind`). A base form that
    met a Latin alias was romanised first (:func:`namenorm.steps.lemma_steps`): ``lemma:translit``,
    a step of its own, as random Cyrillic words meet village names far more often than Latin ones.

    >>> hit = Cand(0, 0.97, Method.LEMMA, "")
    >>> chance_step(hit, "Michigan"), chance_step(hit, "Мичиган")
    ('lemma:translit', 'lemma')
    """
    if c.method is Method.FUZZY:
        return f"fuzzy:{c.edits}{c.kind}"
    if c.method is Method.LEMMA and not has_cyrillic(alias):
        return "lemma:translit"
    return str(c.method.value)


class Weigher:
    """Weighs the loose hits found in one :class:`~namenorm.index.Index` (one per index: get it
    with ``index.derived(Weigher)``)."""

    def __init__(self, index: Index) -> None:
        self.ix = index

    @cached_property
    def _counted(self) -> list[tuple[Ent, int]]:
        """Each entity with its number of aliases (one pass over the aliases for both tables)."""
        return list(zip(self.ix.entities(), self.ix.alias_counts(), strict=True))

    @cached_property
    def prominence(self) -> Prominence:
        """Each entity's quantile among its type (see :mod:`namenorm.evidence`)."""
        return Prominence([(e.type, e.rank, e.prior, n) for e, n in self._counted])

    @cached_property
    def surname_prominence(self) -> Prominence:
        """Each person's quantile among the people a surname alone can name
        (:func:`namenorm.index.surname_named`); the others, in a group of their own, count for none."""
        return Prominence([(e.type if surname_named(e.type, e.rank) else "", e.rank, e.prior, n)
                           for e, n in self._counted])

    def quantile(self, c: Cand, ei: int) -> float:
        """Entity ``ei``'s quantile among those the step that found ``c`` can reach."""
        table = self.surname_prominence if c.method is Method.SURNAME else self.prominence
        return table.quantile(ei)

    def preload(self) -> None:
        """Make now what the first loose hit would make: the prominence tables and the common-surname
        list."""
        _ = self.prominence, self.surname_prominence
        is_common_surname("Smith", "Latin")

    def weigh(self, s: str, cands: list[Cand]) -> list[Cand]:
        """Loose candidates scored by how far they beat chance (see :mod:`namenorm.evidence`): the
        step's cap times the probability that the hit is right, shared among the entities the step
        found (the more prominent, the larger its share). Those below ``ACCEPT`` are dropped."""
        if not any(c.method.loose for c in cands):
            return cands
        ix = self.ix
        key = fold(s)
        script = dominant_script(s)
        script = script if script in ("Latin", "Cyrillic") else "Latin"
        words, length = len(key.split()), len(key.replace(" ", ""))
        loose = {ix.entity_index(c.aid): c for c in cands if c.method.loose}
        total = sum(1.0 / self.quantile(c, ei) for ei, c in loose.items())
        common_query: bool | None = None  # whether the one-word query is a common surname (asked once)
        out = []
        for c in cands:
            if not c.method.loose:
                out.append(c)
                continue
            ei = ix.entity_index(c.aid)
            if words == 1 and ix.entity_at(ei).type == "PER":
                if common_query is None:
                    common_query = is_common_surname(key, script)
                if common_query or self._common_surname(c.aid, script):
                    continue  # thousands carry it: a lone common surname names no one person
            etype = ix.entity_at(ei).type
            step = chance_step(c, ix.alias(c.aid))
            rate = chance_rate(ix.chance, bucket(step, script, words, length, etype))
            q = self.quantile(c, ei)
            chance = rate * q
            p = posterior(chance) * (1.0 / q) / total
            if p < ACCEPT:
                continue
            odds = f"1 in {1 / chance:,.0f}" if chance > 0 else "never"
            out.append(c._replace(score=c.score * p, note=f"a random string does this {odds}"))
        return out

    def _common_surname(self, aid: int, script: str) -> bool:
        """Whether the surname of the alias a one-word query reached (its nominative, when the query
        is inflected) is a common surname in the query's script (:mod:`namenorm.surnames`)."""
        alias_words = fold(self.ix.alias(aid)).split()
        return bool(alias_words) and is_common_surname(alias_words[-1], script)
