"""The lookup cascade behind ``normalize()``: exact, inflected, lemma, transliterated, cross-script,
name structure, descriptors, fuzzy; then ranking with hints and priors (DESIGN.md section 3)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache, partial

from rapidfuzz.distance import OSA

from namenorm.evidence import edit_kind
from namenorm.fuzzy import MAX_BUDGET, Cand, FuzzySearch, max_edits, same_numbers, typo_of
from namenorm.index import PREFERRED, TYPO_LANGS, WEAK, Index
from namenorm.keys import skeleton
from namenorm.match import Match
from namenorm.methods import Method
from namenorm.names import descriptor_variants, initials_first, is_junk, name_variants, strip_titles
from namenorm.options import LookupOptions as Hints  # what the caller knows (fuzzy set, not None)
from namenorm.ranking import rank
from namenorm.scripts import cyrillic_lang, dominant_script, has_cyrillic, has_latin
from namenorm.steps import STEP_TEXT, lemma_steps, surname_hits
from namenorm.stopwords import is_common_word
from namenorm.text import clean, fold, split_qualifier
from namenorm.weigh import Weigher, chance_step

__all__ = ["Hints", "Resolver", "with_chance"]


def _with_titles_removed(s: str) -> Iterator[tuple[str, str]]:
    """``s``, then ``s`` without its leading titles when it has any (stripped only if asked for)."""
    yield s, ""
    untitled = strip_titles(s)
    if untitled != s:
        yield untitled, "title removed"


def _same_first_name(given: str, listed: str) -> bool:
    """Whether a folded first name (or initial) can be a listed person's: an initial must be the
    first letter of the listed name (loosely: "V." for Volodymyr, "W." for Wladimir); a whole name
    must be a spelling of it, its loose keys at most two edits apart (Volodymyr and Vladimir,
    Sergei and Sergey), never just another name with the same first letter ("Attila" is not "Alexei").

    >>> _same_first_name("s", "sergey"), _same_first_name("sergei", "sergey")
    (True, True)
    >>> _same_first_name("volodymyr", "vladimir"), _same_first_name("attila", "alexei")
    (True, False)
    """
    a, b = skeleton(given), skeleton(listed)
    if not a or not b:
        return False
    if len(given) <= 2:
        return a[0] == b[0]
    return OSA.distance(a, b, score_cutoff=2) <= 2


class Resolver:
    """Runs the cascade over one :class:`~namenorm.index.Index`."""

    def __init__(self, index: Index, *, evidence: bool = True) -> None:
        self.ix = index
        self.fuzzy = FuzzySearch(index)
        self.evidence = evidence  # off only while the chance of loose hits is measured
        self.weigher = index.derived(Weigher)
        # a one-word query's surname lookup, made by the name-structure step and asked again when
        # every step missed (is it a surname that several people share?): the second time is free
        self._surname_hits = lru_cache(maxsize=256)(partial(surname_hits, index))

    # -- public -------------------------------------------------------------------------------
    def candidates(self, text: str, hints: Hints, limit: int = 5) -> list[Match]:
        """Ranked matches for ``text`` (the best first); empty when nothing acceptable matched."""
        if not isinstance(text, str):
            raise TypeError(f"normalize() takes a str, got {type(text).__name__}")
        s = clean(text)
        if is_junk(s):
            return []
        cands = self._cascade(s, hints)
        if cands and s.islower() and is_common_word(fold(s)):
            # "green" the word is not Green the town: a lower-case common word needs a lower-case alias
            cands = [c for c in cands if self.ix.alias(c.aid).islower()]
        if not cands:
            head, qual = split_qualifier(s)
            if qual is not None:
                cands, hints = self._qualified(head, qual, hints)
        return rank(self.ix, self.weigher, text, cands, lambda aid: self._fits(aid, hints), limit,
                    hints.as_of)

    # -- the cascade ----------------------------------------------------------------------------
    def _cascade(self, s: str, hints: Hints) -> list[Cand]:
        # Text that is exactly a weak alias ("Human", an alternate name of Uman that is mostly a
        # word; "Luc'k" folded) is a known name that needs a hint: no looser step may guess instead,
        # neither to that entity nor to another one ("Luck" is not a cross-script key of "Luuq").
        weakly_named = any(self.ix.flags(a) & WEAK for a in self.ix.exact_refs(fold(s)))

        def accept(cands: list[Cand]) -> list[Cand]:
            if not cands:
                return cands  # most tiers find nothing: no call further
            found = self._accept(cands, hints, lower=s.islower())
            found = self.weigher.weigh(s, found) if self.evidence else found
            return found if not weakly_named else [c for c in found if c.method is Method.EXACT]

        for variant, how in _with_titles_removed(s):
            for tier in (self._direct, self._structure, self._loose):
                found = accept(tier(variant, hints))
                if found:
                    return [c._replace(step=f"{how}; {c.step}") for c in found] if how else found
            if self._ambiguous_surname(variant):
                return []  # a surname that several people share: no guess, and no fuzzy either
        for variant, want_settlement in descriptor_variants(s):
            direct = self._direct(variant, hints) or self._loose(variant, hints)
            found = [c for c in accept(direct)
                     if want_settlement is None or self._is_settlement(c.aid) == want_settlement]
            if found:
                return [c._replace(method=Method.DESCRIPTOR, score=min(c.score, Method.DESCRIPTOR.cap))
                        for c in found]
        if hints.fuzzy and dominant_script(s) in ("Latin", "Cyrillic"):
            return accept(self.fuzzy.search(s))
        return []

    def _direct(self, s: str, hints: Hints) -> list[Cand]:
        """Exact alias, inflected form, lemma and transliteration, in order (see :mod:`namenorm.steps`)."""
        ix, key = self.ix, fold(s)
        if not key:
            return []
        hits = ix.lookup(key, strictest=True)
        if hits and hits[0][1] is not Method.TRANSLIT:
            # the text is a name as written (or a case form of one); another entity that it also
            # writes, as a case form or a romanisation ("Lytva": a village's name, and Литва
            # romanised), is a rival, not a looser match to skip
            ents = {ix.entity_index(a) for a, _ in hits}
            if hits[0][1] is Method.EXACT:
                hits += [(a, Method.INFLECTION) for a in ix.form_refs(key) if ix.entity_index(a) not in ents]
            hits += [(a, Method.TRANSLIT) for a in ix.rival_refs(key)]
            return [Cand(a, m.cap, m, STEP_TEXT[m]) for a, m in hits]
        cyr = has_cyrillic(s)
        if cyr:
            # base form, then romanisation, then the exact Latin alias: a loose step (the base form is
            # a guess of the morphology), weighed as LEMMA, the step that guesses; romanising is exact
            nom, roman, found = lemma_steps(ix, s, hints.lang or cyrillic_lang(s))
            step = f"base form {nom!r}" + (f" romanised as {roman!r}" if roman else "") + " of alias"
            if found:
                return [Cand(a, Method.LEMMA.cap, Method.LEMMA, step) for a in found]
        if has_latin(s):
            # Latin spellings of Cyrillic aliases in every scheme were indexed when compiling; Latin
            # spellings no scheme produces meet them through the loose key, later in the cascade
            return [Cand(a, m.cap, m, STEP_TEXT[m]) for a, m in hits]
        if cyr:
            from namenorm.translit import romanizations

            return [Cand(a, Method.TRANSLIT.cap, Method.TRANSLIT, f"romanised as {r!r}, alias")
                    for r in sorted(romanizations(s)) for a in ix.exact_refs(fold(r))]
        return []

    def _loose(self, s: str, hints: Hints) -> list[Cand]:
        """The loose cross-script key (Selenskyj = Zelenskyy = Зеленський). Between two strings of one
        script the key is fuzzy matching: scored by edit distance, and only when fuzzy matching is on."""
        key = fold(s)
        out: list[Cand] = []
        script = dominant_script(s)
        if script not in ("Latin", "Cyrillic"):
            return out
        sk = skeleton(s)
        if len(key.replace(" ", "")) >= 4 and len(sk) >= 3:
            step = f"cross-script key {sk!r} of alias"
            for a in self.ix.skeleton_refs(sk):
                other = fold(self.ix.alias(a))
                if not same_numbers(key, other):  # the key drops digits
                    continue
                if dominant_script(other) != script:
                    out.append(Cand(a, Method.CROSS_SCRIPT.cap, Method.CROSS_SCRIPT, step))
                elif hints.fuzzy and self.ix.lang(a) in TYPO_LANGS:
                    budget = max_edits(key)
                    d = OSA.distance(key, other, score_cutoff=budget)
                    if d <= budget and typo_of(key, other):
                        out.append(Cand(a, Method.FUZZY.cap, Method.FUZZY, f"{d} edit(s) from alias", d,
                                        kind=edit_kind(key, other) if d == 1 else ""))
        return out

    def _structure(self, s: str, hints: Hints) -> list[Cand]:
        """Name order ("Lavrov, Sergey"), initials ("S. Lavrov", "Лавров С.В."), surname alone,
        first-name variants."""
        for variant, how in name_variants(s):
            out = self._direct(variant, hints)
            if out:
                cap = Method.NAME_ORDER.cap
                return [Cand(c.aid, min(c.score, cap), Method.NAME_ORDER, f"{how}; {c.step}") for c in out]
        words = fold(initials_first(s) or s).split()  # "Путин В.В." as "В.В. Путин"
        if not words or len(words) > 4:
            return []
        compound = self.ix.surname_refs(" ".join(words)) if len(words) > 1 else ()
        if compound:  # a hyphenated surname alone: "Kosiniak-Kamysz", "аль-Асада"
            return self._surname_alone(compound)
        hits = self._surname_hits(words[-1])
        if not hits:
            return []
        if len(words) == 1:
            if self.ix.is_first_name(words[0]):
                return []  # "Gabriel": a surname, but also someone's first name
            return self._surname_alone(hits)
        return [Cand(a, Method.NAME_STRUCTURE.cap, Method.NAME_STRUCTURE, STEP_TEXT[Method.NAME_STRUCTURE])
                for a in hits if _same_first_name(words[0], fold(self.ix.alias(a)).split()[0])]

    def _surname_alone(self, hits: tuple[int, ...]) -> list[Cand]:
        """A surname without a first name: the person it clearly means, if one does (see _dominant)."""
        top = self._dominant(hits)
        return [Cand(a, Method.SURNAME.cap, Method.SURNAME, STEP_TEXT[Method.SURNAME]) for a in hits
                if self.ix.entity_index(a) == top]

    def _dominant(self, aids: tuple[int, ...]) -> int | None:
        """The entity that a shared surname means: one alone, or one at least 3x as prominent."""
        ents = sorted({self.ix.entity_index(a) for a in aids}, key=lambda e: -self.ix.entity_at(e).prior)
        if len(ents) == 1 or self.ix.entity_at(ents[0]).prior >= 3 * self.ix.entity_at(ents[1]).prior:
            return ents[0]
        return None

    def _ambiguous_surname(self, s: str) -> bool:
        words = fold(s).split()
        return len(words) == 1 and bool(self._surname_hits(words[0]))

    def _qualified(self, head: str, qual: str, hints: Hints) -> tuple[list[Cand], Hints]:
        """"Paris, Texas" / "Sumy (Ukraine)": the qualifier becomes a country or region hint."""
        q = self._accept(self._direct(qual, hints._replace(types=None)), hints._replace(types=None))
        q.sort(key=lambda c: -self.ix.entity(c.aid).rank)
        places = [self.ix.entity(c.aid) for c in q]
        places = [e for e in places if e.type == "LOC"]
        if not places:
            return [], hints
        country, admin = places[0].country, None
        for x in (places[0].id, *places[0].xrefs):
            if x.startswith("iso3166:"):
                country = x[8:]
            elif x.startswith("iso3166-2:"):
                country, admin = x[10:12], frozenset({x[10:], x[13:], places[0].name})
        new = hints._replace(country=country or hints.country, admin=admin)
        cands = self._cascade(head, new)
        ok = [c for c in cands if self._fits(c.aid, new)]
        return [c._replace(step=f"qualifier {qual!r} as a hint; {c.step}") for c in ok], new

    # -- acceptance and ranking -------------------------------------------------------------------
    def _fits(self, aid: int, hints: Hints) -> bool:
        e = self.ix.entity(aid)
        if hints.country and e.country != hints.country and f"iso3166:{hints.country}" not in e.xrefs:
            return False
        return not hints.admin or (e.admin1 in hints.admin)

    def _accept(self, cands: list[Cand], hints: Hints, lower: bool = False) -> list[Cand]:
        """Drop candidates of the wrong type, and weak aliases that no hint supports: a weak main
        name matches alone only written as a name, capitalised (``lower``: the query is not)."""
        out = []
        hinted = bool(hints.country or hints.types or hints.admin)
        for c in cands:
            e = self.ix.entity(c.aid)
            if hints.types and e.type not in hints.types:
                continue
            flags = self.ix.flags(c.aid)
            if flags & WEAK:
                if hinted and self._fits(c.aid, hints):
                    c = c._replace(score=c.score * 0.9)
                elif flags & PREFERRED and not lower:
                    c = c._replace(score=c.score * 0.6, step=c.step + " (a common word: weak)")
                else:
                    continue
            out.append(c)
        return out

    def chance_probe(self, text: str) -> Iterator[tuple[str, str]]:
        """``(step, entity type)`` of every loose hit of every step for ``text``, evidence aside: what
        :func:`namenorm.evidence.measure_chance` counts on random strings."""
        s = clean(text)
        if is_junk(s):
            return
        hints = Hints(fuzzy=True)
        found = [*self._direct(s, hints), *self._structure(s, hints), *self._loose(s, hints),
                 *self.fuzzy.search(s)]
        for c in self._accept(found, hints):
            etype, alias = self.ix.entity(c.aid).type, self.ix.alias(c.aid)
            if c.method is Method.FUZZY:  # a hit within d edits is also one within more
                if c.kind:
                    yield chance_step(c, alias), etype
                for d in range(c.edits, MAX_BUDGET + 1):
                    yield chance_step(c._replace(edits=d, kind=""), alias), etype
            elif c.method.loose:
                yield chance_step(c, alias), etype

    def _is_settlement(self, aid: int) -> bool:
        e = self.ix.entity(aid)
        return e.admin1 is not None


def with_chance(ix: Index) -> Index:
    """``ix`` with its chance table measured (see :func:`namenorm.evidence.measure_chance`)."""
    from namenorm.evidence import generic_names, measure_chance, real_names

    ix.chance = measure_chance(ix.exact, Resolver(ix, evidence=False).chance_probe, generic=generic_names(),
                               names=real_names(), known=ix.surname)
    return ix
