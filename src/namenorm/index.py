"""The compiled index: every alias expanded into the keys that the lookup cascade probes.

Keys (all folded with :func:`namenorm.text.fold` unless said otherwise):
``exact`` (aliases as written), ``forms`` (Russian/Ukrainian case forms of Cyrillic aliases),
``latin`` (romanisations of Cyrillic aliases in every scheme and convention), ``skel`` (the loose
cross-script :func:`namenorm.keys.skeleton`), ``surname`` (last word of people's names, with its
case forms and skeleton), and a character 3- and 4-gram index over ``fuzzy_keys`` for fuzzy matching.

:func:`build_index` compiles them; the :class:`Index` type and its accessors live in
:mod:`namenorm.index_tables` and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import regex

from namenorm.gazetteer.model import Entity
from namenorm.index_tables import (
    FORMER,
    LAZY_TABLES,
    LITERAL,
    PREFERRED,
    SPAN_BITS,
    TYPO_LANGS,
    WEAK,
    Ent,
    Index,
    Ref,
    lemma_gate,
    rare_postings,
    refs,
    surname_gate,
    surname_named,
)
from namenorm.keys import fuzzy_grams, skeleton
from namenorm.scripts import dominant_script, has_cyrillic
from namenorm.text import fold

__all__ = [
    "FORMER",
    "LAZY_TABLES",
    "LITERAL",
    "PREFERRED",
    "TYPO_LANGS",
    "WEAK",
    "Ent",
    "Index",
    "build_index",
    "lemma_gate",
    "rare_postings",
    "refs",
    "surname_gate",
    "surname_named",
]

_CYR_LANGS = frozenset({"uk", "ru", "be"})
_LOOSE_SCRIPTS = frozenset({"Latin", "Cyrillic"})
_TYPED = regex.compile(r"[a-z ąćęłńóśźżäöüßéèêçëïîôûœ]+")


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
        by_surname = surname_named(e.type, e.rank)
        for a in e.aliases:
            aid = len(ix.alias_text)
            flags = (WEAK if a.weak else 0) | (LITERAL if a.literal else 0)
            if a.kind == "canonical" or (a.lang not in seen_langs and a.lang != "xx"):
                flags |= PREFERRED
            if a.kind == "former":
                flags |= FORMER
                ix.former_aids.append(aid)
                ix.former_until.append(a.until)
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
            if by_surname:
                _index_surname(ix, aid, forms, {a.text} | latin)
            if not a.weak and a.lang in TYPO_LANGS and (flags & PREFERRED or e.rank >= 1):
                # fuzzy matching only against names in TYPO_LANGS: main names, and the names of
                # curated and national data: a typo of one of GeoNames' untagged alternates is more often
                # another word ("Berlingo" is not "Berlino"); romanisations only in the letters
                # that people type (no ISO 9 "oleksandrìâ")
                for k in {key, *(fold(r) for r in latin)}:
                    if k == key or _TYPED.fullmatch(k):
                        _add_fuzzy(ix, fuzzy_seen, k, aid)
                if by_surname:  # typos of the surname alone, as for the surname table
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
        ix.grams[g] = len(kids) << SPAN_BITS | len(ix.gram_keys)
        ix.gram_keys.extend(ix.fuzzy_keys[kid] for kid in kids)
        lens.extend(min(len(ix.fuzzy_keys[kid]), 255) for kid in kids)
    ix.gram_lens = bytes(lens)
    for table in (ix.exact, ix.forms, ix.latin, ix.skel, ix.surname):
        _freeze(table)
    for key in ix.latin:
        if key in ix.exact or key in ix.forms:
            named = {ix.alias_ent[n] for n in (*refs(ix.exact, key), *refs(ix.forms, key))}
            for rival in refs(ix.latin, key):
                if ix.alias_ent[rival] not in named:
                    _add(ix.rivals, key, rival)
    _freeze(ix.rivals)
    cyrillic = {lemma_gate(k) for table in (ix.exact, ix.forms) for k in table if has_cyrillic(k)}
    ix.lemma_gate = frozenset(cyrillic | {surname_gate(k) for k in ix.surnames()})
    if progress is not None:
        progress(len(entities), len(entities))
    return ix


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
