"""Companies, brands and operators with QIDs from the name-suggestion-index -> ``name-suggestion-index/``.

Reads the ``data/{brands,operators,transit}/**.json`` files of osmlab/name-suggestion-index at
commit c8b272ef0f882ee76c5ac8bd2912d5db4d63cf30.  An item whose QID is in ``<key>:wikidata`` (key =
brand, operator or network, the first present) gives a row; the name in language L is its
``<key>:L`` tag, else ``name:L`` when ``name`` equals ``<key>``.  One TSV per NSI file
(``brands/amenity/bank.json`` -> ``brands_amenity_bank.tsv``).  Re-run: fetch the repository, then
``python gazetteers/sources/convert_nsi.py /work/.mirror/osmlab+name-suggestion-index/repo``.

>>> names_of({"brand": "X", "brand:ru": "Икс", "name": "X", "name:uk": "Ікс"}, "brand")["uk"]
'Ікс'
>>> one_country({"include": ["ru"]}), one_country({"include": ["ru", "by"]}), one_country({"include": [1]})
('RU', None, None)
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from _convert_common import HERE, QID, Snapshot, clean_names, cyrillic, other_cell, taken_qids, write_tsv

PINNED = "c8b272ef0f882ee76c5ac8bd2912d5db4d63cf30"
OUT = HERE / "name-suggestion-index"
LANGS = ("en", "ru", "uk", "de", "fr", "pl", "be")
KEYS = ("brand", "operator", "network")
COUNTRIES = {"RU", "UA", "BY", "MD", "KZ"}
BRAND_FILES = {"amenity/bank", "amenity/atm", "amenity/bureau_de_change", "amenity/money_transfer",
               "amenity/fuel",
               "amenity/charging_station", "amenity/payment_terminal", "amenity/parcel_locker",
               "amenity/post_office", "office/insurance", "office/telecommunication", "office/government",
               "shop/mobile_phone", "shop/telecommunication", "shop/ticket"}
OPERATOR_FILES_LEFT_OUT = {"boundary/protected_area", "man_made/surveillance"}
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


def wanted(path: str) -> bool:
    """Whether an NSI data file is read (its kind and category)."""
    kind, rest = path.split("/", 2)[1], path.split("/", 2)[2][: -len(".json")]
    if kind == "brands":
        return rest in BRAND_FILES
    if kind == "operators":
        return rest not in OPERATOR_FILES_LEFT_OUT
    return kind == "transit"


def rows_of(items: list[dict[str, Any]], taken: set[str]) -> list[list[str]]:
    rows = []
    for item in items:
        tags = item.get("tags", {})
        key = next((k for k in KEYS if f"{k}:wikidata" in tags), None)
        if key is None:
            continue
        qid, names = tags[f"{key}:wikidata"], names_of(tags, key)
        country = one_country(item.get("locationSet", {}))
        if (not QID.fullmatch(qid) or qid in taken or not clean_names(names)
                or not (cyrillic(names["ru"]) or cyrillic(names["uk"])) or country not in COUNTRIES):
            continue
        taken.add(qid)
        rows.append([qid, "ORG", country, "", names["en"], names["ru"], names["uk"], other_cell(names)])
    return rows


def main(git_dir: str) -> None:
    snap = Snapshot(git_dir, PINNED)
    own = sorted(OUT.glob("*.tsv"))
    taken = taken_qids(own)
    for path in own:
        path.unlink()
    total = 0
    for path in snap.files("data"):
        if not path.endswith(".json") or not wanted(path):
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
            "Left out: items without a Cyrillic ru/uk name, items whose locationSet is not exactly one of "
            "RU/UA/BY/MD/KZ (country = that locationSet), QIDs of the curated files or already in another "
            "TSV.",
            "Read only: banks, ATMs, exchange and money transfer, fuel and charging, payment terminals, "
            "parcel "
            "lockers, post, insurance, telecoms, government offices, tickets; all operators but protected "
            "areas "
            "and surveillance; all transit (retail, food and service chains left out).",
        ]
        total += write_tsv(OUT / (path[len("data/"): -len(".json")].replace("/", "_") + ".tsv"), header, rows)
    print(f"{total} rows", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
