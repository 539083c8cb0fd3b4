"""Build ``generated/subdivisions.gaz``: first-level ISO 3166-2 subdivisions (via pycountry).

Only subdivisions without a parent are written (states, provinces, oblasts, regions...).  Names
are ISO's (often in the local language: "Bayern", "Lvivska oblast"); curated files add the
Cyrillic and English names of Ukrainian and Russian regions and merge on ``iso3166-2:`` IDs.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from _gazwrite import SYNTAX_CHARS, Block, fold, package_version, tidy, write_gaz

_PAREN = re.compile(r"\s*\([^()]*\)")
_BRACKET = re.compile(r"\s*\[([^\[\]]*)\]")  # "Catalunya [Cataluña]", "Stockholms län [SE-01]"
_ISO_CODE = re.compile(r"\b[A-Z]{2}-[A-Z0-9]+\b")


def subdivision_names(name: str) -> list[str]:
    """Running-text forms of an ISO 3166-2 name: un-inverted, without parentheses.

    ISO writes some names inverted ("Madrid, Comunidad de", "wallonne, Région"); the part after
    the comma goes first when it ends in a lower-case word (a preposition: de, of, din) or is one
    word ("Région").  The bare head ("Madrid") is listed too when it is capitalised.

    >>> subdivision_names("Madrid, Comunidad de"), subdivision_names("wallonne, Région")
    (['Comunidad de Madrid', 'Madrid'], ['Région wallonne'])
    >>> subdivision_names("Southern Nations, Nationalities and Peoples")
    ['Southern Nations, Nationalities and Peoples']
    >>> subdivision_names("Guyane (française)"), subdivision_names("Catalunya [Cataluña]")
    (['Guyane'], ['Catalunya', 'Cataluña'])
    >>> subdivision_names("Wales [Cymru GB-CYM]"), subdivision_names("Stockholms län [SE-01]")
    (['Wales', 'Cymru'], ['Stockholms län'])
    """
    bracket = _BRACKET.search(name)
    extra = tidy(_ISO_CODE.sub("", bracket.group(1))) if bracket else ""
    name = tidy(_PAREN.sub("", _BRACKET.sub("", name)))
    head, sep, tail = name.partition(", ")
    out = [name]
    if sep and ", " not in tail:
        last = tail.split()[-1]
        if last[:1].islower() or " " not in tail:
            out = [f"{tail} {head}"]
            if head[:1].isupper():
                out.append(head)
    if extra[:1].isupper() and extra not in out:
        out.append(extra)
    return [n for n in out if n and not SYNTAX_CHARS & set(n)]


def build(out_dir: Path, country_names: set[str], big_city_names: dict[str, set[str]]) -> dict[str, int]:
    """Write ``subdivisions.gaz``; returns counts.

    ``country_names``: folded names of countries (a subdivision so named is weak: "Georgia");
    ``big_city_names``: country -> folded names of its cities over 100,000 (a subdivision named like
    a big city of its country is weak: "Madrid", "Sankt-Peterburg" are the cities first).
    """
    import pycountry
    from _alias_rules import load_common_words

    common = load_common_words(Path(__file__).with_name("weak_words.txt"))
    top = sorted((s for s in pycountry.subdivisions if s.parent_code is None), key=lambda s: s.code)
    names = {s.code: subdivision_names(s.name) for s in top}
    owners: dict[str, set[str]] = defaultdict(set)
    for s in top:
        for n in names[s.code]:
            owners[fold(n)].add(s.code)
    stats: Counter[str] = Counter()
    blocks = []
    for s in top:
        canonical, *others = names[s.code]
        b = Block(f"iso3166-2:{s.code}", canonical, fields=[("country", s.country_code)])
        for i, n in enumerate([canonical, *others]):
            key = fold(n)
            why = ("common-word" if key in common else "country-name" if key in country_names
                   else "shared" if len(owners[key]) > 1
                   else "city-name" if key in big_city_names.get(s.country_code, set()) else "")
            stats[f"weak:{why}" if why else "strong"] += 1
            if why or i:
                b.add("en" if i == 0 else "xx", n, "weak" if why else "")
        b.add("xx", s.code, "code")
        stats["code"] += 1
        blocks.append(b)
    stats["entities"] = len(blocks)
    meta = [
        ("source", f"ISO 3166-2 first-level subdivisions via pycountry {package_version('pycountry')}"),
        ("license", "ISO 3166 data of pycountry: LGPL-2.1-only"),
        ("generated-by", "gazetteers/build_subdivisions.py (run: python gazetteers/build_world.py)"),
        ("priority", "1"),
    ]
    comments = [
        "GENERATED FILE: do not edit; change the builder and re-run it (see gazetteers/README.md).",
        "IDs: iso3166-2:<code>; only subdivisions without a parent. A name is weak when it is a common",
        "word, a country's name, shared by subdivisions of several countries, or the name of a city over",
        "100,000 inhabitants in the same country.",
    ]
    write_gaz(out_dir / "subdivisions.gaz", meta, comments, blocks)
    return dict(stats)
