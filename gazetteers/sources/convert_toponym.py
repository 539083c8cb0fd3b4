"""Russian federal executive bodies with QIDs from unhexx/toponym -> ``toponym/agencies-foiv.tsv``.

Reads ``data/curated/agencies-foiv.csv`` of unhexx/toponym at commit
ca2dd27037d0f204062afe109fd687742d84255b (one row per body of ukase 326 of 2024; columns used:
``id``, ``wd`` -> qid, ``name_en`` -> en, ``name_ru`` -> ru; ``abbr`` and ``name_yo`` are not used).
Left out: rows without a ``wd`` QID, QIDs of the curated files or of other TSVs (they are named in
the header).  The file is small and the repository was read one file at a time: save that file,
then ``python gazetteers/sources/convert_toponym.py agencies-foiv.csv``.

>>> row_of({"id": "foiv:x", "wd": "Q1", "name_en": "X", "name_ru": "Икс"})
['Q1', 'ORG', 'RU', '', 'X', 'Икс', '', '']
>>> row_of({"id": "foiv:y", "wd": "", "name_en": "", "name_ru": "Игрек"}) is None
True
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from _convert_common import HERE, QID, clean_names, cyrillic, taken_qids, write_tsv

COMMIT = "ca2dd27037d0f204062afe109fd687742d84255b"
OUT = HERE / "toponym" / "agencies-foiv.tsv"


def row_of(rec: dict[str, str]) -> list[str] | None:
    """The TSV row of one CSV record, or None when it has no QID or no Cyrillic Russian name."""
    names = {"en": rec["name_en"], "ru": rec["name_ru"]}
    if not QID.fullmatch(rec["wd"]) or not cyrillic(names["ru"]) or not clean_names(names):
        return None
    return [rec["wd"], "ORG", "RU", "", names["en"], names["ru"], "", ""]


def main(csv_path: str) -> None:
    taken = taken_qids([OUT])
    rows, no_qid, elsewhere = [], [], []
    with Path(csv_path).open(encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            row = row_of(rec)
            short = rec["id"].split(":", 1)[-1]
            if row is None:
                no_qid.append(short)
            elif row[0] in taken:
                elsewhere.append(f"{short} ({row[0]})")
            else:
                taken.add(row[0])
                rows.append(row)
    header = [
        f"source: unhexx/toponym data/curated/agencies-foiv.csv @ {COMMIT}",
        "read one file at that commit; columns used: wd -> qid, name_en -> en, name_ru -> ru",
        'licence: MIT (LICENSE of unhexx/toponym, "Copyright (c) 2026 Unhandled Exception"); the QIDs are '
        "Wikidata's (CC0-1.0)",
        "role: Russian federal executive body (ministry, service or agency; ukase 326 of 2024)",
        f"Left out: rows without a wd QID ({', '.join(no_qid)}),",
        f"  QIDs of the curated files or of other TSVs: {', '.join(elsewhere)}. The abbr column is not used.",
    ]
    print(f"{write_tsv(OUT, header, rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
