"""Check the source TSVs of this folder: header lines, 8 cells, QIDs, Cyrillic names, no QID twice.

Rules (format: ``gazetteers/README.md``): ``# source:`` and ``# licence:`` header lines; the column
row ``qid type country gender en ru uk other``; then rows of 8 tab-separated cells: a QID, PER or ORG,
an ISO 3166-1 alpha-2 country (an ORG may leave it empty: a brand of several countries), gender m, f
or empty (empty for an ORG), at least one ru or uk name with a Cyrillic letter, names without
surrounding spaces, ``other`` as ``lang=name`` pairs (de, fr, pl, be) joined by ``|``.  An ORG QID is
in one row of one TSV only and in no curated file; a PER QID may be in several TSVs (the legislator
builder merges a person's files) but once per file.  Run ``python gazetteers/sources/check_sources.py``
(exit 0: all good; 1: the errors are printed, ``file:line: what``).

>>> check_row(["Q1", "ORG", "UA", "", "Naftogaz", "Нафтогаз", "Нафтогаз", "de=Naftogaz"])
[]
>>> check_row(["Q1", "ORG", "ua", "m", "Naftogaz", "", "", "xx=1"])  # doctest: +NORMALIZE_WHITESPACE
["country 'ua' is not an ISO alpha-2 code", "gender 'm' of an ORG", 'no Cyrillic ru or uk name',
 "other 'xx=1' is not lang=name (de, fr, pl, be)"]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

from _convert_common import COLUMNS, HERE, OTHER_LANGS, QID, curated_qids, cyrillic


def check_row(cells: Sequence[str]) -> list[str]:
    """The errors of one row's cells (empty when it is good)."""
    if len(cells) != len(COLUMNS):
        return [f"{len(cells)} cells, expected {len(COLUMNS)}"]
    qid, type_, country, gender, en, ru, uk, other = cells
    errors = []
    if not QID.fullmatch(qid):
        errors.append(f"'{qid}' is not a QID")
    if type_ not in ("PER", "ORG"):
        errors.append(f"type '{type_}' is not PER or ORG")
    if not (re.fullmatch(r"[A-Z]{2}", country) or (type_ == "ORG" and not country)):
        errors.append(f"country '{country}' is not an ISO alpha-2 code")
    if gender not in ("m", "f", "") or (type_ == "ORG" and gender):
        errors.append(f"gender '{gender}'" + (" of an ORG" if type_ == "ORG" else ""))
    if not (cyrillic(ru) or cyrillic(uk)):
        errors.append("no Cyrillic ru or uk name")
    names = [en, ru, uk]
    for pair in filter(None, other.split("|")):
        lang, sep, name = pair.partition("=")
        if not sep or lang not in OTHER_LANGS or not name.strip():
            errors.append(f"other '{pair}' is not lang=name ({', '.join(OTHER_LANGS)})")
        names.append(name)
    if any(n != n.strip() for n in names):
        errors.append("a name with surrounding spaces")
    return errors


def check_files(paths: Sequence[Path], curated: set[str]) -> list[str]:
    """The errors of these TSVs, ``file:line: what``; ``curated`` are the QIDs of the curated files."""
    errors: list[str] = []
    org_rows: dict[str, str] = {}
    for path in paths:
        lines = path.read_text(encoding="utf-8").split("\n")
        where = path.relative_to(HERE) if path.is_relative_to(HERE) else path
        if lines[-1] != "":
            errors.append(f"{where}: does not end with a newline")
        header = [line for line in lines if line.startswith("#")]
        for key in ("source", "licence"):
            if not any(line.startswith(f"# {key}:") for line in header):
                errors.append(f"{where}: no '# {key}:' header line")
        body = [(no, line) for no, line in enumerate(lines, 1) if line and not line.startswith("#")]
        if not body or body[0][1].split("\t") != list(COLUMNS):
            errors.append(f"{where}: the first row is not the column row {' '.join(COLUMNS)}")
            continue
        in_file: set[str] = set()
        for no, line in body[1:]:
            cells = line.split("\t")
            errors += [f"{where}:{no}: {e}" for e in check_row(cells)]
            qid, type_ = cells[0], cells[1] if len(cells) > 1 else ""
            if qid in in_file:
                errors.append(f"{where}:{no}: {qid} is twice in this file")
            in_file.add(qid)
            if type_ != "ORG":
                continue
            if qid in curated:
                errors.append(f"{where}:{no}: {qid} is in a curated file")
            if qid in org_rows:
                errors.append(f"{where}:{no}: {qid} is also in {org_rows[qid]}")
            org_rows.setdefault(qid, f"{where}:{no}")
    return errors


def source_tsvs() -> list[Path]:
    """Every TSV under this folder, sorted."""
    return sorted(HERE.rglob("*.tsv"))


def main() -> int:
    paths = source_tsvs()
    errors = check_files(paths, curated_qids())
    for error in errors:
        print(error)
    print(f"{len(paths)} TSVs, {len(errors)} errors", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
