"""Companies, brands and operators with QIDs from the name-suggestion-index -> ``name-suggestion-index/``.

Reads the ``data/{brands,operators,transit}/**.json`` files of osmlab/name-suggestion-index at
commit c8b272ef0f882ee76c5ac8bd2912d5db4d63cf30.  An item whose QID is in ``<key>:wikidata`` (key =
brand, operator or network, the first present) gives a row; the name in language L is its
``<key>:L`` tag, else ``name:L`` when ``name`` equals ``<key>``.  One TSV per NSI file
(``brands/amenity/bank.json`` -> ``brands_amenity_bank.tsv``).

Kept: every item of any country with a Cyrillic ru or uk name (the protected areas among the
operators are places, not organisations); country = the locationSet when it is one country, else
empty.  Left out: QIDs of the curated files or of other TSVs, names holding a tab or ``|``, and the
items with a name that is one common word (:func:`common_word`): a shop called "Лента" or
"Victory" would be linked wherever the word is used.  Needs the pinned ``wordfreq`` and ``pymorphy3``
Russian dictionary (the ``data`` extra).  Re-run: fetch the repository, then
``python gazetteers/sources/convert_nsi.py SNAPSHOT_DIR`` (here
/work/.mirror/osmlab+name-suggestion-index/repo).

>>> names_of({"brand": "X", "brand:ru": "Икс", "name": "X", "name:uk": "Ікс"}, "brand")["uk"]
'Ікс'
>>> [common_word(n) for n in ("Лента", "Мартин", "Билайн", "Victory", "McDonald's", "Сільпо")]
[True, True, False, True, False, False]
>>> common_word("Детский мир"), common_word("Евразия")
(False, True)
>>> one_country({"include": ["ru"]}), one_country({"include": ["ru", "by"]}), one_country({"include": [1]})
('RU', None, None)
"""

from __future__ import annotations

import functools
import json
import re
import sys
from typing import Any

from _convert_common import HERE, QID, Snapshot, clean_names, cyrillic, other_cell, taken_qids, write_tsv

PINNED = "c8b272ef0f882ee76c5ac8bd2912d5db4d63cf30"
OUT = HERE / "name-suggestion-index"
LANGS = ("en", "ru", "uk", "de", "fr", "pl", "be")
KEYS = ("brand", "operator", "network")
FILES_LEFT_OUT = {"data/operators/boundary/protected_area.json"}
PINNED_PACKAGES = {"wordfreq": "3.1.1", "pymorphy3": "2.0.6", "pymorphy3-dicts-ru": "2.4.417150.4580142"}
# a known word whose best parse has one of these is a name of an organisation, an abbreviation or a
# trade mark, so it stays; any other known word (a noun, a first name, a place) is common
_ORG_TAGS = {"Orgn", "Abbr", "Trad"}
_COMMON_ZIPF = 3.0  # a one-word Latin name at least this frequent in English (wordfreq) is common
ROLES = {"brands": "company or brand (an OSM brand with its Wikidata item)",
         "operators": "operator (an OSM operator with its Wikidata item)",
         "transit": "transport network or operator (OSM transit)"}


def names_of(tags: dict[str, str], key: str) -> dict[str, str]:
    """The names per language of the entity behind ``key`` (brand, operator or network)."""
    out = {}
    for lang in LANGS:
        value = tags.get(f"{key}:{lang}")
        if value is None and key in tags and tags.get("name") == tags[key]:
            value = tags.get(f"name:{lang}")
        out[lang] = value or ""
    return out


def one_country(location_set: dict[str, Any]) -> str | None:
    """The ISO code when the locationSet includes exactly one country (or parts of it), else None."""
    codes = {re.split(r"[-.]", str(x))[0] for x in location_set.get("include", [])}
    if len(codes) != 1:
        return None
    code = next(iter(codes))
    return code.upper() if re.fullmatch(r"[a-z]{2}", code) else None


@functools.cache
def _russian() -> Any:
    import pymorphy3  # the data extra; imported here so that the doctests of the rest need nothing

    return pymorphy3.MorphAnalyzer(lang="ru")


def common_word(name: str) -> bool:
    """True when ``name`` is one word that is common, so that a text using the word would link it.

    A Cyrillic word that pymorphy3's Russian dictionary knows other than as an organisation,
    abbreviation or trade mark (its best parse: a noun, a first name, a place), or a Latin word of
    letters only at least ``_COMMON_ZIPF`` frequent in English.  Names of several words are not
    judged (the dictionary also knows first names and surnames, so "Бургер Кинг" would look common).
    A word with і/ї/є/ґ/ў is never common here: the Ukrainian dictionary lists companies (Київстар,
    Ощадбанк) as plain nouns, so it cannot tell them from words.
    """
    word = name.strip().rstrip("!.").lower()
    if not word or not word.isalpha() or set(word) & set("іїєґў"):
        return False
    if not cyrillic(word):
        from wordfreq import zipf_frequency

        return bool(zipf_frequency(word, "en") >= _COMMON_ZIPF)
    morph = _russian()
    return bool(morph.word_is_known(word) and not _ORG_TAGS & set(morph.parse(word)[0].tag.grammemes))


def _check_packages() -> None:
    from importlib.metadata import PackageNotFoundError, version

    for package, pinned in PINNED_PACKAGES.items():
        try:
            found = version(package)
        except PackageNotFoundError:
            found = "none"
        if found != pinned:
            sys.exit(f"error: {package} {found} is installed, the converter needs {pinned} "
                     "(pip install -e '.[data]'; other versions give other rows)")


def rows_of(items: list[dict[str, Any]], taken: set[str]) -> list[list[str]]:
    rows = []
    for item in items:
        tags = item.get("tags", {})
        key = next((k for k in KEYS if f"{k}:wikidata" in tags), None)
        if key is None:
            continue
        qid, names = tags[f"{key}:wikidata"], names_of(tags, key)
        country = one_country(item.get("locationSet", {})) or ""
        if (not QID.fullmatch(qid) or qid in taken or not clean_names(names)
                or not (cyrillic(names["ru"]) or cyrillic(names["uk"]))
                or any(common_word(n) for n in names.values())):
            continue
        taken.add(qid)
        rows.append([qid, "ORG", country, "", names["en"], names["ru"], names["uk"], other_cell(names)])
    return rows


def main(git_dir: str) -> None:
    _check_packages()
    snap = Snapshot(git_dir, PINNED)
    own = sorted(OUT.glob("*.tsv"))
    taken = taken_qids(own)
    for path in own:
        path.unlink()
    total = 0
    for path in snap.files("data"):
        if not path.endswith(".json") or path in FILES_LEFT_OUT:
            continue
        rows = rows_of(json.loads(snap.read(path)).get("items", []), taken)
        if not rows:
            continue
        header = [
            f"source: osmlab/name-suggestion-index {path} @ {snap.commit}",
            'licence: BSD-3-Clause (LICENSE.md of osmlab/name-suggestion-index, "Copyright 2026, '
            "name-suggestion-index contributors\"); the QIDs are Wikidata's (CC0-1.0)",
            f"role: {ROLES[path.split('/')[1]]}",
            "names: for an item whose QID is in <key>:wikidata (key = brand, operator or network), the "
            "cell of "
            "language L is its <key>:L tag, else name:L when name equals <key>.",
            "Left out: items without a Cyrillic ru/uk name, QIDs of the curated files or already in another "
            "TSV, items with a name that is one common word (convert_nsi.common_word). Country: the "
            "locationSet when it is one country, else empty.",
        ]
        total += write_tsv(OUT / (path[len("data/"): -len(".json")].replace("/", "_") + ".tsv"), header, rows)
    print(f"{total} rows", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
