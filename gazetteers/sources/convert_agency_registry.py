"""Government agencies and statistics offices with QIDs -> ``agency-registry/<cc>.tsv``.

Reads every ``_data/<cc>/<agency>/external/wikidata.json`` (the Wikidata entity JSON that
integrateddatasvc/agency-registry saved for an agency) at commit
053e7047751d3f31d5126f535559dfa2324202d1 and keeps the labels (not the aliases) in en, ru, uk and
de/fr/pl/be.  Left out: the open-data portals (websites, not bodies), the international bodies (no
country), items with no ru/uk label or only Latin-letter ones, QIDs of the curated files or of
other TSVs.  Country: the folder's code, upper-cased (``uk`` and ``ew`` are GB).  Re-run: fetch the
repository, then
``python gazetteers/sources/convert_agency_registry.py /work/.mirror/integrateddatasvc+agency-registry/repo``.

>>> country_of("uk"), country_of("ew"), country_of("ua")
('GB', 'GB', 'UA')
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

from _convert_common import HERE, QID, Snapshot, clean_names, cyrillic, other_cell, taken_qids, write_tsv

PINNED = "053e7047751d3f31d5126f535559dfa2324202d1"
OUT = HERE / "agency-registry"
LANGS = ("en", "ru", "uk", "de", "fr", "pl", "be")


def country_of(folder: str) -> str:
    """The ISO code of a registry country folder."""
    return {"uk": "GB", "ew": "GB"}.get(folder, folder.upper())


def main(git_dir: str) -> None:
    snap = Snapshot(git_dir, PINNED)
    own = sorted(OUT.glob("*.tsv"))
    taken = taken_qids(own)
    for path in own:
        path.unlink()
    by_folder: dict[str, list[list[str] | str]] = defaultdict(list)
    for path in snap.files("_data"):
        if not path.endswith("/external/wikidata.json"):
            continue
        folder, agency = path.split("/")[1:3]
        if agency.endswith("opendata") or folder == "int":
            continue
        text = snap.read(path)
        if not text:
            continue
        for key, entity in json.loads(text)["entities"].items():
            qid = entity.get("id", key)
            labels = {k: v["value"] for k, v in entity.get("labels", {}).items()}
            names = {lang: labels.get(lang, "") for lang in LANGS}
            if (not QID.fullmatch(qid) or qid in taken or not clean_names(names)
                    or not (cyrillic(names["ru"]) or cyrillic(names["uk"]))):
                continue
            taken.add(qid)
            by_folder[folder].append(f"from {path[len('_data/'):]}")
            cells = [qid, "ORG", country_of(folder), "", names["en"], names["ru"], names["uk"],
                     other_cell(names)]
            by_folder[folder].append(cells)
    total = 0
    for folder, rows in sorted(by_folder.items()):
        header = [
            f"source: integrateddatasvc/agency-registry _data/{folder}/*/external/wikidata.json (the "
            "Wikidata "
            f"entity JSON of each agency, saved by the registry) @ {snap.commit}",
            "licence: the repository carries no licence file; the entity JSON is Wikidata's (CC0-1.0)",
            "role: government agency or national statistics office",
            "names: the Wikidata labels (not the aliases) in en, ru, uk and de/fr/pl/be, as saved; the "
            "line above "
            "each row names its file (under _data/).",
            "Left out: the open-data portals (websites), the international bodies (no country), items with "
            "no "
            "ru/uk label or only Latin-letter ones, QIDs of the curated files or of other TSVs.",
        ]
        total += write_tsv(OUT / f"{folder}.tsv", header, rows)
    print(f"{total} rows in {len(by_folder)} files", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
