"""Parties with QIDs from everypolitician-data -> ``everypolitician/<Country>_<House>_parties.tsv``.

Reads, per legislature, the organisations of classification ``party`` that carry a ``wikidata``
identifier, and takes the first name per language of their ``other_names`` (en, ru, uk; de, fr, pl,
be go to ``other``).  Left out: the "independent" item (Q327591, not an organisation), rows with no
Cyrillic ru or uk name, names holding a tab or ``|``, QIDs of the curated files or of other TSVs.

Two inputs, two modes:

* ``popolo SNAPSHOT_DIR``: every ``ep-popolo-v1.0.json`` that ``countries.json`` lists, in a snapshot
  of the fork tijmenb/everypolitician-data, whose HEAD is the upstream commit
  0642e77ac8a13bcd8017b245825c3aba349d3e6a (2015-11-30).  Fetch the repository, then
  ``python gazetteers/sources/convert_everypolitician.py popolo SNAPSHOT_DIR`` (SNAPSHOT_DIR: the fetched
  git directory, here /work/.mirror/tijmenb+everypolitician-data/repo).
  It rewrites the TSVs whose source is an ep-popolo file.
* ``groups GROUPS_JSON COUNTRY PATH COMMIT [NOTE]``: one
  ``data/<Country>/<House>/sources/wikidata/groups.json``
  of everypolitician/everypolitician-data saved to GROUPS_JSON (the full repository is over 2 GB,
  so single files were read at the commit that the TSV header names), COUNTRY its ISO code, PATH
  its path in the repository and COMMIT the commit it was read at; NOTE, a header line that says
  how the file was read (e.g. only its first part).

>>> party_row("Q1", "PL", [{"lang": "en", "name": "X"}, {"lang": "ru", "name": "Икс"},
...                        {"lang": "ru", "name": "Другое"}, {"lang": "pl", "name": "Iks"}])
['Q1', 'ORG', 'PL', '', 'X', 'Икс', '', 'pl=Iks']
>>> party_row("Q2", "PL", [{"lang": "en", "name": "Y"}]) is None
True
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from _convert_common import HERE, QID, Snapshot, clean_names, cyrillic, other_cell, taken_qids, write_tsv

PINNED = "0642e77ac8a13bcd8017b245825c3aba349d3e6a"
OUT = HERE / "everypolitician"
NOT_AN_ORGANISATION = {"Q327591": "independent politician"}
LANGS = ("en", "ru", "uk", "de", "fr", "pl", "be")
LICENCE = ("licence: the repository carries no licence file and its README names none; the names and QIDs "
           "are "
           "Wikidata's (CC0-1.0), fetched by everypolitician into sources/wikidata/")


def party_row(qid: str, country: str, other_names: list[dict[str, Any]]) -> list[str] | None:
    """The TSV row of one party, or None when it has no Cyrillic ru/uk name or a name breaks the format."""
    names: dict[str, str] = {}
    for item in other_names:
        lang = item.get("lang")
        if lang in LANGS and lang not in names:
            names[lang] = item["name"]
    if not any(cyrillic(names.get(lang, "")) for lang in ("ru", "uk")) or not clean_names(names):
        return None
    return [qid, "ORG", country, "", names.get("en", ""), names.get("ru", ""), names.get("uk", ""),
            other_cell(names)]


def _wikidata_id(identifiers: list[dict[str, str]]) -> str | None:
    ids = [i["identifier"] for i in identifiers if i.get("scheme") == "wikidata"]
    return ids[0] if ids else None


def _keep(qid: str | None, taken: set[str], left_out: list[str]) -> bool:
    if qid is None:
        return False
    if not QID.fullmatch(qid):
        left_out.append(f"{qid} (not a QID)")
    elif qid in NOT_AN_ORGANISATION:
        left_out.append(f"{qid} ({NOT_AN_ORGANISATION[qid]}: not an organisation)")
    elif qid in taken:
        left_out.append(f"{qid} (curated, in another TSV or listed again)")
    else:
        return True
    return False


def popolo(git_dir: str) -> None:
    snap = Snapshot(git_dir, PINNED)
    own = [p for p in sorted(OUT.glob("*.tsv")) if "ep-popolo-v1.0.json" in p.read_text(encoding="utf-8")]
    taken = taken_qids(own)
    for path in own:
        path.unlink()
    total = 0
    for country in json.loads(snap.read("countries.json")):
        code = country["code"].split("-")[0]
        if not re.fullmatch(r"[A-Z]{2}", code):
            continue
        for leg in country["legislatures"]:
            text = snap.read(leg["popolo"])
            if not text:
                continue
            rows, left_out = [], []
            for org in json.loads(text).get("organizations", []):
                qid = _wikidata_id(org.get("identifiers", []))
                if org.get("classification") != "party" or not _keep(qid, taken, left_out):
                    continue
                assert qid is not None
                row = party_row(qid, code, org.get("other_names", []))
                if row is None:
                    continue
                taken.add(qid)
                rows.append(row)
            if not rows:
                continue
            country_dir, house = leg["popolo"].split("/")[1:3]
            header = [
                f"source: everypolitician/everypolitician-data {leg['popolo']} (organizations of "
                "classification "
                '"party" with a wikidata identifier; names: other_names, the first name per language) '
                f"@ {snap.commit}",
                "snapshot: read from the fork tijmenb/everypolitician-data, whose HEAD is that upstream "
                "commit "
                "(2015-11-30)",
                LICENCE,
                "role: political party",
            ]
            total += write_tsv(OUT / f"{country_dir}_{house}_parties.tsv", header, rows)
    print(f"{total} rows", file=sys.stderr)


def groups(groups_json: str, country: str, path: str, commit: str, note: str = "") -> None:
    country_dir, house = path.split("/")[1:3]
    out = OUT / f"{country_dir}_{house}_parties.tsv"
    taken = taken_qids([out])
    rows, left_out, no_cyrillic = [], [], []
    for group in json.loads(Path(groups_json).read_text(encoding="utf-8")).values():
        qid = _wikidata_id(group.get("identifiers", []))
        if not _keep(qid, taken, left_out):
            continue
        assert qid is not None
        row = party_row(qid, country, group.get("other_names", []))
        if row is None:
            no_cyrillic.append(qid)
            continue
        taken.add(qid)
        rows.append(row)
    header = [
        f"source: everypolitician/everypolitician-data {path} @ {commit}",
        "read one file at that commit; names: the first name per language of each group's other_names",
        LICENCE,
        "role: political party",
    ]
    if note:
        header.append(note)
    if left_out or no_cyrillic:
        no_names = [f"{q} (no Cyrillic ru/uk name)" for q in no_cyrillic]
        header.append("Left out: " + ", ".join(left_out + no_names))
    print(f"{write_tsv(out, header, rows)} rows -> {out.name}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "popolo":
        popolo(sys.argv[2])
    elif len(sys.argv) in (6, 7) and sys.argv[1] == "groups":
        groups(*sys.argv[2:])
    else:
        sys.exit(__doc__)
