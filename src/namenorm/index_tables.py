"""The compiled index's tables, and the accessors through which every engine reads them.

:func:`namenorm.index.build_index` fills an :class:`Index`; :mod:`namenorm.index_store` stores and
loads it. Other modules read it only through its methods (:meth:`Index.entity`,
:meth:`Index.lookup`, :meth:`Index.surname_refs`, ...), never its parallel arrays or the marker keys
of its surname table, so that the format can change in one place.
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar, cast

from namenorm.keys import skeleton
from namenorm.methods import Method

__all__ = ["FORMER", "LAZY_TABLES", "LITERAL", "PREFERRED", "SPAN_BITS", "TYPO_LANGS", "WEAK", "Ent", "Index",
           "Ref", "lemma_gate", "rare_postings", "refs", "surname_gate", "surname_named"]

WEAK, LITERAL, PREFERRED, FORMER = 1, 2, 4, 8


def surname_named(etype: str, rank: int) -> bool:
    """Whether a surname alone may name this entity: a person of curated data (source rank 2). A
    generated list of thousands of members of parliament, or a Wikidata pack, holds most surnames,
    and each of them names many others; those people are reached by their full names.

    >>> surname_named("PER", 2), surname_named("PER", 1), surname_named("ORG", 2)
    (True, False, False)
    """
    return etype == "PER" and rank >= 2
# The languages whose names typing errors are matched against (fuzzy keys, and same-script hits of
# the loose key): the project's languages (the curated data's en, uk, ru, de, fr, pl, and be). The
# names of the other CLDR locales (150 of them, many in Cyrillic: Bashkir, Chuvash, Mongolian,
# Tajik) still match as written, inflected, romanised or across scripts, but one edit from one of
# them is more often a word of another language (Mongolian "Герман" is Germany, Russian "Герман" a
# first name) than a typo.
TYPO_LANGS = frozenset({"en", "uk", "ru", "be", "de", "fr", "pl"})
_T = TypeVar("_T")
Ref = int | tuple[int, ...]


class Ent(NamedTuple):
    """The compiled form of an entity."""

    id: str
    type: str
    name: str
    country: str | None
    prior: float
    rank: int
    admin1: str | None
    gender: str | None
    xrefs: tuple[str, ...]


@dataclass
class Index:
    """All lookup tables; built by :func:`build_index`, stored by :mod:`namenorm.index_store`."""

    ents: list[Ent] = field(default_factory=list)
    alias_ent: array[int] = field(default_factory=lambda: array("i"))
    alias_text: list[str] = field(default_factory=list)
    alias_lang: list[str] = field(default_factory=list)
    alias_flags: bytearray = field(default_factory=bytearray)
    exact: dict[str, Ref] = field(default_factory=dict)
    forms: dict[str, Ref] = field(default_factory=dict)
    latin: dict[str, Ref] = field(default_factory=dict)
    # the romanisations (latin keys) that are also exact or inflected keys of other entities: read
    # with the core, so a name as written meets the entities it also romanises ("Lytva") without
    # loading the lazy latin table
    rivals: dict[str, Ref] = field(default_factory=dict)
    skel: dict[str, Ref] = field(default_factory=dict)
    surname: dict[str, Ref] = field(default_factory=dict)
    fuzzy_keys: list[str] = field(default_factory=list)
    fuzzy_alias: array[int] = field(default_factory=lambda: array("i"))
    # 3-gram or 4-gram (see keys.fuzzy_grams) -> the span of the fuzzy keys that contain it in
    # gram_keys, packed in one int (see rare_postings): one flat list instead of a hundred thousand
    # small ones that the garbage collector walks. The keys themselves are listed (the same string
    # objects as fuzzy_keys), so a query's candidates are slices handed to rapidfuzz at once. Within a
    # span the keys are ordered by length, and gram_lens holds each one's length (capped at 255): a
    # length window is one bisected slice
    grams: dict[str, int] = field(default_factory=dict)
    gram_keys: list[str] = field(default_factory=list)
    gram_lens: bytes = field(default_factory=bytes)
    # lemma_gate(key) of every Cyrillic exact or inflected key and surname_gate(word) of every
    # surname: a base form can only hit when the inflected text passes this gate (see lemma_gate)
    lemma_gate: frozenset[str] = field(default_factory=frozenset)
    country_codes: dict[str, int] = field(default_factory=dict)  # ISO alpha-2 -> entity of that country
    # the former names (FORMER aliases) in order, and the last date each was in use (None: not given)
    former_aids: array[int] = field(default_factory=lambda: array("i"))
    former_until: list[str | None] = field(default_factory=list)
    # hits per million random strings of each loose step, script, length and type (namenorm.evidence)
    chance: dict[str, int] = field(default_factory=dict)

    def __getattr__(self, name: str) -> object:
        # called only for attributes that are not set: the lazy tables of a stored index, which its
        # loader (see namenorm.index_store) reads on first use
        load = self.__dict__.get("_load_lazy")
        if name in LAZY_TABLES and load is not None:
            with _LOAD_LOCK:
                if name not in self.__dict__:
                    self.__dict__.update(load())
            return self.__dict__[name]
        raise AttributeError(name)

    def load_all(self) -> None:
        """Read the extra tables now instead of on first use (a no-op when they are loaded)."""
        for name in LAZY_TABLES:
            getattr(self, name)

    # -- the interface: the only way other modules read the tables and their marker keys ----------
    def entity_index(self, aid: int) -> int:
        """The position in :attr:`ents` of the entity that alias ``aid`` names."""
        return self.alias_ent[aid]

    def derived(self, build: Callable[[Index], _T]) -> _T:
        """``build(self)``, made once per index and kept while it lives: the tables and helpers that
        engines derive from an index (``build`` is the key, so pass the same callable each time).

        >>> ix = Index(alias_text=["Kyiv"])
        >>> ix.derived(Index.aliases) is ix.derived(Index.aliases), ix.derived(Index.aliases)
        (True, ['Kyiv'])
        """
        memo: dict[object, object] = self.__dict__.setdefault("_derived", {})
        if build not in memo:
            with _DERIVED_LOCK:  # reentrant: a build may read lazy tables or derive others
                if build not in memo:
                    memo[build] = build(self)
        return cast(_T, memo[build])

    def entity_at(self, ei: int) -> Ent:
        """The entity at position ``ei`` (see :meth:`entity_index`)."""
        return self.ents[ei]

    def entities(self) -> Sequence[Ent]:
        """Every entity, by position."""
        return self.ents

    def aliases(self) -> Sequence[str]:
        """Every alias's text, by alias id."""
        return self.alias_text

    def alias_counts(self) -> list[int]:
        """How many aliases each entity has, by entity position."""
        counts = [0] * len(self.ents)
        for ei in self.alias_ent:
            counts[ei] += 1
        return counts

    def entity(self, aid: int) -> Ent:
        """The entity that alias ``aid`` names."""
        return self.ents[self.alias_ent[aid]]

    def alias(self, aid: int) -> str:
        """The text of alias ``aid`` as the gazetteer writes it."""
        return self.alias_text[aid]

    def lang(self, aid: int) -> str:
        """The language tag of alias ``aid`` ("xx": none)."""
        return self.alias_lang[aid]

    def flags(self, aid: int) -> int:
        """The :data:`WEAK`, :data:`LITERAL`, :data:`PREFERRED` and :data:`FORMER` bits of alias ``aid``."""
        return self.alias_flags[aid]

    def until(self, aid: int) -> str | None:
        """The last date a former name was in use (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); None for
        a current name, or a former one whose date the gazetteer does not give.

        >>> ix = Index(alias_flags=bytearray([0, FORMER]), former_aids=array("i", [1]),
        ...            former_until=["2016-05-19"])
        >>> ix.until(0), ix.until(1)
        (None, '2016-05-19')
        """
        if not self.alias_flags[aid] & FORMER:
            return None
        i = bisect_left(self.former_aids, aid)
        return self.former_until[i] if i < len(self.former_aids) and self.former_aids[i] == aid else None

    def in_use(self, aid: int, as_of: str | None) -> bool:
        """Whether alias ``aid`` was a name in use at the date ``as_of`` (a prefix of YYYY-MM-DD,
        compared at the coarser of the two precisions); True when either date is unknown.

        >>> ix = Index(alias_flags=bytearray([0, FORMER]), former_aids=array("i", [1]), former_until=["2016"])
        >>> ix.in_use(1, "2016-03"), ix.in_use(1, "2017-01-01"), ix.in_use(0, "2020"), ix.in_use(1, None)
        (True, False, True, True)
        """
        until = self.until(aid) if as_of else None
        if until is None or as_of is None:
            return True
        n = min(len(until), len(as_of))
        return as_of[:n] <= until[:n]

    def exact_refs(self, key: str) -> tuple[int, ...]:
        """Aliases whose folded text is ``key``."""
        return refs(self.exact, key)

    def form_refs(self, key: str) -> tuple[int, ...]:
        """Aliases one of whose generated case forms is ``key``."""
        return refs(self.forms, key)

    def latin_refs(self, key: str) -> tuple[int, ...]:
        """Cyrillic aliases one of whose romanisations is ``key``."""
        return refs(self.latin, key)

    def rival_refs(self, key: str) -> tuple[int, ...]:
        """Cyrillic aliases of other entities that romanise as ``key`` when ``key`` is also an exact
        or inflected key (see :attr:`rivals`)."""
        return refs(self.rivals, key)

    def lookup(self, key: str, *, strictest: bool = False) -> list[tuple[int, Method]]:
        """Every alias whose folded text (:attr:`Method.EXACT`), generated case form
        (:attr:`Method.INFLECTION`) or romanisation (:attr:`Method.TRANSLIT`) is the folded ``key``, in
        that order (the cascade's); an alias once per table it is found in. ``strictest``: only those
        of the first table that has ``key`` (the later tables are not read: a stored index loads
        them on first use).

        >>> ix = Index(exact={"kyiv": 0}, forms={"киеве": 1}, latin={"kyiv": 1})
        >>> [(a, str(m)) for a, m in ix.lookup("kyiv")]
        [(0, 'exact'), (1, 'translit')]
        >>> [(a, str(m)) for a, m in ix.lookup("kyiv", strictest=True)]
        [(0, 'exact')]
        >>> ix.lookup("киеве")[0][1].value
        'inflection'
        """
        out: list[tuple[int, Method]] = []
        for name, method in _KEY_TABLES:
            r = getattr(self, name).get(key)  # read here: "latin" may not be loaded yet
            if r is not None:
                if isinstance(r, int):
                    out.append((r, method))
                else:
                    out += [(a, method) for a in r]
                if strictest:
                    break
        return out

    def keys(self, method: Method) -> Iterable[str]:
        """Every key of the table that ``method`` (exact, inflection or translit) probes.

        >>> sorted(Index(exact={"kyiv": 0, "kiev": 0}).keys(Method.EXACT))
        ['kiev', 'kyiv']
        """
        return cast("dict[str, Ref]", getattr(self, _KEY_TABLES_BY_METHOD[method]))

    def is_alias_or_form(self, key: str) -> bool:
        """Whether ``key`` is a folded alias or a generated case form of one."""
        return key in self.exact or key in self.forms

    def skeleton_refs(self, sk: str) -> tuple[int, ...]:
        """Aliases whose loose cross-script key (:func:`namenorm.keys.skeleton`) is ``sk``."""
        return refs(self.skel, sk)

    def surname_refs(self, word: str) -> tuple[int, ...]:
        """People's aliases whose folded last word (in any case form) is ``word``; a hyphenated
        surname is looked up with a space for the hyphen ("kosiniak kamysz")."""
        return refs(self.surname, word)

    def loose_surname_refs(self, word: str) -> tuple[int, ...]:
        """People's aliases whose nominative surname has the cross-script key of ``word``."""
        return refs(self.surname, "~" + skeleton(word))

    def surnames(self) -> list[str]:
        """Every folded surname of the surname table (as written, in every case form).

        >>> Index(surname={"^theresa": 0, "may": 0, "~mai": 0}).surnames()
        ['may']
        """
        return [k for k in self.surname if k[:1] not in "^~"]

    def is_first_name(self, word: str) -> bool:
        """Whether a folded ``word`` is the first word of some person's name.

        >>> ix = Index(surname={"^theresa": 0, "may": 0})
        >>> ix.is_first_name("theresa"), ix.is_first_name("may")
        (True, False)
        """
        return "^" + word in self.surname

    def stats(self) -> dict[str, int]:
        """Sizes of the tables (entities, aliases, keys)."""
        return {"entities": len(self.ents), "aliases": len(self.alias_text), "exact": len(self.exact),
                "forms": len(self.forms), "latin": len(self.latin), "skel": len(self.skel),
                "surname": len(self.surname), "fuzzy": len(self.fuzzy_keys)}


# the tables that a stored index reads only when a lookup first needs them (none has a class-level
# default, which would hide it from __getattr__)
LAZY_TABLES = ("latin", "skel", "surname", "fuzzy_keys", "fuzzy_alias", "grams", "gram_keys", "gram_lens",
               "lemma_gate")
_LOAD_LOCK = threading.Lock()
_KEY_TABLES = (("exact", Method.EXACT), ("forms", Method.INFLECTION), ("latin", Method.TRANSLIT))
_KEY_TABLES_BY_METHOD = {method: name for name, method in _KEY_TABLES}
_DERIVED_LOCK = threading.RLock()


def refs(table: dict[str, Ref], key: str) -> tuple[int, ...]:
    """The alias ids stored under ``key`` (empty when absent)."""
    r = table.get(key)
    if r is None:
        return ()
    return (r,) if isinstance(r, int) else r


def lemma_gate(key: str) -> str:
    """The word count and first three letters of a folded key. Inflection changes endings, so the
    base form of a phrase has the same gate as the phrase: a gate no key has rules out a lookup.

    >>> lemma_gate("зеленского"), lemma_gate("нижнем новгороде")
    ('1зел', '2ниж')
    """
    return f"{len(key.split())}{key[:3]}"


def surname_gate(word: str) -> str:
    """:func:`lemma_gate` for one folded surname: it shares no entries with phrase gates."""
    return "@" + word[:3]


SPAN_BITS = 32  # a posting span packs its length above this many bits of its start
_SPAN_MASK = (1 << SPAN_BITS) - 1


def rare_postings(ix: Index, query_grams: Iterable[str], n: int, shortest: int, longest: int) -> list[str]:
    """The keys in the postings of the ``n`` of ``query_grams`` that fewest keys have, whose length lies
    between ``shortest`` and ``longest``; a key once per gram it shares."""
    table, lens, keys = ix.grams, ix.gram_lens, ix.gram_keys
    shortest, longest = min(shortest, 255), min(longest, 255)
    out: list[str] = []
    for packed in sorted([table.get(g, 0) for g in query_grams])[:n]:  # packed sorts by posting size
        if packed:
            start = packed & _SPAN_MASK
            end = start + (packed >> SPAN_BITS)
            lo = bisect_left(lens, shortest, start, end)
            out += keys[lo : bisect_right(lens, longest, lo, end)]
    return out
