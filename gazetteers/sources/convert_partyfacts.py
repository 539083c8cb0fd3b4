"""Russian, Ukrainian and Belarusian parties with QIDs from Party Facts -> ``partyfacts/*.tsv``.

Reads ``import/wikipedia/wikidata.csv`` of hdigital/partyfactsdata at commit
764de8978f84ba41a1c88752d6a00b9a4d05f599 (columns country, partyfacts_id, wikidata_id, name,
name_short, name_native).  ``name`` is the English name; ``name_native`` goes to the column of its
language, told by its letters (see :func:`native_column`).  Left out: rows with neither a ru nor a
uk name, QIDs of the curated files or of other TSVs.  Re-run: fetch the repository, then
``python gazetteers/sources/convert_partyfacts.py /work/.mirror/hdigital+partyfactsdata/repo``.

>>> native_column("RUS", "Яблоко"), native_column("UKR", "Свобода"), native_column("UKR", "Ёлка")
('ru', 'uk', '')
>>> native_column("BLR", "Белорусская партия"), native_column("BLR", "Беларускі фронт")
('ru', 'be')
>>> native_column("RUS", "Yabloko")
''
"""

from __future__ import annotations

import csv
import io
import sys

from _convert_common import HERE, Snapshot, clean_names, cyrillic, other_cell, taken_qids, write_tsv

PINNED = "764de8978f84ba41a1c88752d6a00b9a4d05f599"
OUT = HERE / "partyfacts" / "wikidata_ru_ua_by.tsv"
COUNTRIES = {"RUS": "RU", "UKR": "UA", "BLR": "BY"}
_UK, _RU, _BE = set("іїєґІЇЄҐ"), set("ыэёъЫЭЁЪ"), set("ўЎ")


def native_column(country: str, native: str) -> str:
    """The language (ru, uk, be) of a Cyrillic native name, or '' when its letters do not tell.

    RUS: no і/ї/є/ґ/ў -> ru.  UKR: no ы/э/ё/ъ/ў -> uk.  BLR: ў or і and no и/щ/ъ -> be; и/щ/ъ and
    no ў/і -> ru.
    """
    if not cyrillic(native):
        return ""
    letters = set(native)
    if country == "RUS":
        return "" if letters & (_UK | _BE) else "ru"
    if country == "UKR":
        return "" if letters & (_RU | _BE) else "uk"
    be_letters, ru_letters = bool(letters & set("ўЎіІ")), bool(letters & set("иИщЩъЪ"))
    if be_letters != ru_letters:
        return "be" if be_letters else "ru"
    return ""


def main(git_dir: str) -> None:
    snap = Snapshot(git_dir, PINNED)
    taken = taken_qids([OUT])
    rows = []
    for rec in csv.DictReader(io.StringIO(snap.read("import/wikipedia/wikidata.csv"))):
        if rec["country"] not in COUNTRIES:
            continue
        qid, native = rec["wikidata_id"], rec["name_native"]
        names = {"en": rec["name"], "ru": "", "uk": "", "be": ""}
        lang = native_column(rec["country"], native)
        if lang:
            names[lang] = native
        if not (names["ru"] or names["uk"]) or qid in taken or not clean_names(names):
            continue
        taken.add(qid)
        rows.append([qid, "ORG", COUNTRIES[rec["country"]], "", names["en"], names["ru"], names["uk"],
                     other_cell(names)])
    header = [
        "source: hdigital/partyfactsdata import/wikipedia/wikidata.csv (Party Facts: country, partyfacts_id, "
        f"wikidata_id, name, name_short, name_native) @ {snap.commit}",
        'licence: MIT (LICENSE.md of hdigital/partyfactsdata, "Copyright (c) 2022 Party Facts authors"); '
        'the QIDs '
        "and names come from English Wikipedia infoboxes and Wikidata (CC0-1.0)",
        "role: political party",
        "rows: the parties of RUS, UKR and BLR; en = name; name_native goes to the column of its language, "
        "told "
        "by its letters:",
        "  RUS Cyrillic without і/ї/є/ґ/ў -> ru; UKR Cyrillic without ы/э/ё/ъ/ў -> uk; BLR with ў/і and no "
        "и/щ/ъ -> be, with и/щ/ъ and no ў/і -> ru, else unassigned.",
        "  Left out: rows with neither a ru nor a uk name, QIDs of the curated files or of the "
        "everypolitician "
        "TSVs. name_short is not used.",
    ]
    print(f"{write_tsv(OUT, header, rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
