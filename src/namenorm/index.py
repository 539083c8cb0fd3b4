"""The compiled index: every alias expanded into the keys that the lookup cascade probes.

Keys (all folded with :func:`namenorm.text.fold` unless said otherwise):
``exact`` (aliases as written), ``forms`` (Russian/Ukrainian case forms of Cyrillic aliases),
``latin`` (romanisations of Cyrillic aliases in every scheme and convention), ``skel`` (the loose
cross-script :func:`namenorm.keys.skeleton`), ``surname`` (last word of people's names, with its
case forms and skeleton), and a character 3- and 4-gram index over ``fuzzy_keys`` for fuzzy matching.
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar, cast

import regex

from namenorm.gazetteer.model import Entity
from namenorm.keys import fuzzy_grams, skeleton
from namenorm.methods import Method
from namenorm.scripts import dominant_script, has_cyrillic
from namenorm.text import fold

__all__ = [
    "LAZY_TABLES",
    "LITERAL",
    "PREFERRED",
    "WEAK",
    "Ent",
    "Index",
    "build_index",
    "lemma_gate",
    "rare_postings",
    "refs",
    "surname_gate",
]

WEAK, LITERAL, PREFERRED = 1, 2, 4
_T = TypeVar("_T")
Ref = int | tuple[int, ...]
_CYR_LANGS = frozenset({"uk", "ru", "be"})
_LOOSE_SCRIPTS = frozenset({"Latin", "Cyrillic"})
_TYPED = regex.compile(r"[a-z ąćęłńóśźżäöüßéèêçëïîôûœ]+")


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
        """The :data:`WEAK`, :data:`LITERAL` and :data:`PREFERRED` bits of alias ``aid``."""
        return self.alias_flags[aid]

    def exact_refs(self, key: str) -> tuple[int, ...]:
        """Aliases whose folded text is ``key``."""
        return refs(self.exact, key)

    def form_refs(self, key: str) -> tuple[int, ...]:
        """Aliases one of whose generated case forms is ``key``."""
        return refs(self.forms, key)

    def latin_refs(self, key: str) -> tuple[int, ...]:
        """Cyrillic aliases one of whose romanisations is ``key``."""
        return refs(self.latin, key)

    def lookup(self, key: str) -> list[tuple[int, Method]]:
        """Every alias whose folded text (:attr:`Method.EXACT`), generated case form
        (:attr:`Method.INFLECTION`) or romanisation (:attr:`Method.TRANSLIT`) is the folded ``key``, in
        that order (the cascade's); an alias once per table it is found in.

        >>> ix = Index(exact={"kyiv": 0}, forms={"киеве": 1}, latin={"kyiv": 1})
        >>> [(a, str(m)) for a, m in ix.lookup("kyiv")], ix.lookup("киеве")[0][1].value
        ([(0, 'exact'), (1, 'translit')], 'inflection')
        """
        return [(a, method) for table, method in ((self.exact, Method.EXACT), (self.forms, Method.INFLECTION),
                                                  (self.latin, Method.TRANSLIT))
                if key in table for a in refs(table, key)]

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
_DERIVED_LOCK = threading.RLock()


def refs(table: dict[str, Ref], key: str) -> tuple[int, ...]:
    """The alias ids stored under ``key`` (empty when absent)."""
    r = table.get(key)
    if r is None:
        return ()
    return (r,) if isinstance(r, int) else r


def _add(table: dict[str, Ref], key: str, aid: int) -> None:
    """Add ``aid`` under ``key``. Alias ids come in increasing order, so a repeat is the last one; a
    key with several ids holds a list while the index is built (appending to a tuple copied it, which
    made a key shared by n aliases cost n squared), made a tuple by :func:`_freeze`."""
    if not key:
        return
    r = table.get(key)
    if r is None:
        table[key] = aid
    elif isinstance(r, int):
        if r != aid:
            table[key] = cast(Ref, [r, aid])
    elif r[-1] != aid:
        cast(list[int], r).append(aid)


def _freeze(table: dict[str, Ref]) -> None:
    """Turn the lists that :func:`_add` grew into tuples."""
    for key, r in table.items():
        if isinstance(r, list):
            table[key] = tuple(r)


def build_index(entities: list[Entity], progress: Callable[[int, int], None] | None = None) -> Index:
    """Compile merged entities into an :class:`Index` (slow: expands and romanises every alias).

    ``progress(done, total)`` is called every 1,000 entities and at the end."""
    from namenorm.morph import expand
    from namenorm.translit import romanizations

    ix = Index()
    fuzzy_seen: set[str] = set()
    for ei, e in enumerate(entities):
        if progress is not None and ei % 1000 == 0 and ei:
            progress(ei, len(entities))
        ix.ents.append(Ent(e.id, e.type, e.name, e.country, e.prior, e.rank, e.admin1, e.gender,
                           tuple(sorted(e.keys - {e.id}))))
        for x in e.keys:
            if x.startswith("iso3166:") and e.type == "LOC":
                ix.country_codes.setdefault(x[8:], ei)
        seen_langs: set[str] = set()
        for a in e.aliases:
            aid = len(ix.alias_text)
            flags = (WEAK if a.weak else 0) | (LITERAL if a.literal else 0)
            if a.kind == "canonical" or (a.lang not in seen_langs and a.lang != "xx"):
                flags |= PREFERRED
            seen_langs.add(a.lang)
            ix.alias_ent.append(ei)
            ix.alias_text.append(a.text)
            ix.alias_lang.append(a.lang)
            ix.alias_flags.append(flags)
            key = fold(a.text)
            _add(ix.exact, key, aid)
            if a.literal:
                continue
            cyr = has_cyrillic(a.text)
            forms = {a.text}
            if cyr and not a.noinflect and a.lang in _CYR_LANGS:
                forms = expand(a.text, a.lang, e.type, e.gender)
                for f in forms:
                    _add(ix.forms, fold(f), aid)
            latin: set[str] = set()
            if cyr:
                latin = romanizations(a.text)
                for r in latin:
                    _add(ix.latin, fold(r), aid)
            if dominant_script(a.text) not in _LOOSE_SCRIPTS:
                continue  # loose keys and fuzzy matching only where romanisation is meaningful
            for k in {skeleton(a.text), *map(skeleton, latin)}:
                _add(ix.skel, k, aid)
            if e.type == "PER":
                _index_surname(ix, aid, forms, {a.text} | latin)
            if not a.weak and (flags & PREFERRED or (e.rank >= 1 and a.lang != "xx")):
                # fuzzy matching only against main names and language-tagged names of curated and
                # national data: a typo of one of GeoNames' untagged alternates is more often
                # another word ("Berlingo" is not "Berlino"); romanisations only in the letters
                # that people type (no ISO 9 "oleksandrìâ")
                for k in {key, *(fold(r) for r in latin)}:
                    if k == key or _TYPED.fullmatch(k):
                        _add_fuzzy(ix, fuzzy_seen, k, aid)
                if e.type == "PER":
                    for n in {a.text, *latin}:
                        words = fold(n).split()
                        if len(words) >= 2:
                            _add_fuzzy(ix, fuzzy_seen, words[-1], aid)
    gram_lists: dict[str, list[int]] = {}
    for kid, key in enumerate(ix.fuzzy_keys):
        for g in fuzzy_grams(key):
            gram_lists.setdefault(g, []).append(kid)
    lens = bytearray()
    for g, kids in gram_lists.items():
        kids.sort(key=lambda kid: len(ix.fuzzy_keys[kid]))
        ix.grams[g] = len(kids) << _SPAN_BITS | len(ix.gram_keys)
        ix.gram_keys.extend(ix.fuzzy_keys[kid] for kid in kids)
        lens.extend(min(len(ix.fuzzy_keys[kid]), 255) for kid in kids)
    ix.gram_lens = bytes(lens)
    for table in (ix.exact, ix.forms, ix.latin, ix.skel, ix.surname):
        _freeze(table)
    cyrillic = {lemma_gate(k) for table in (ix.exact, ix.forms) for k in table if has_cyrillic(k)}
    ix.lemma_gate = frozenset(cyrillic | {surname_gate(k) for k in ix.surnames()})
    if progress is not None:
        progress(len(entities), len(entities))
    return ix


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


_SPAN_BITS = 32
_SPAN_MASK = (1 << _SPAN_BITS) - 1


def rare_postings(ix: Index, query_grams: Iterable[str], n: int, shortest: int, longest: int) -> list[str]:
    """The keys in the postings of the ``n`` of ``query_grams`` that fewest keys have, whose length lies
    between ``shortest`` and ``longest``; a key once per gram it shares."""
    table, lens, keys = ix.grams, ix.gram_lens, ix.gram_keys
    shortest, longest = min(shortest, 255), min(longest, 255)
    out: list[str] = []
    for packed in sorted([table.get(g, 0) for g in query_grams])[:n]:  # packed sorts by posting size
        if packed:
            start = packed & _SPAN_MASK
            end = start + (packed >> _SPAN_BITS)
            lo = bisect_left(lens, shortest, start, end)
            out += keys[lo : bisect_right(lens, longest, lo, end)]
    return out


def _index_surname(ix: Index, aid: int, forms: set[str], nominatives: set[str]) -> None:
    """Last words of a person's names: every case form as written, nominatives also loosely; and
    first words under "^" (a surname alone is ambiguous when it is someone's first name). A last
    word joined by a hyphen is also a surname as a whole ("Kosiniak-Kamysz", "al-Assad")."""
    for n in forms | nominatives:
        words = fold(n).split()
        if len(words) >= 2 and len(words[-1]) > 2:
            _add(ix.surname, words[-1], aid)
            _add(ix.surname, "^" + words[0], aid)
            if n in nominatives:
                _add(ix.surname, "~" + skeleton(words[-1]), aid)
        parts = n.split()
        compound = fold(parts[-1]) if len(parts) >= 2 else ""
        if " " in compound:
            _add(ix.surname, compound, aid)


def _add_fuzzy(ix: Index, seen: set[str], key: str, aid: int) -> None:
    if len(key.replace(" ", "")) < 4 or key in seen:
        return
    seen.add(key)
    ix.fuzzy_keys.append(key)
    ix.fuzzy_alias.append(aid)
