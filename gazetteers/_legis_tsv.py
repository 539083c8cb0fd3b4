"""The source TSVs of the legislator builder: one row per person or party of an everypolitician file.

The format is in ``gazetteers/README.md``: ``# key: value`` header lines (``source`` and
``licence`` required), the column row ``qid type country gender en ru uk other``, then one row per
QID with the names as the source gives them.  A ``# wrong: QID<TAB>lang<TAB>name<TAB>reason``
header line is an erratum: that name of that row is left out (the cell stays as the source gives
it; the reason says why the name is not this person's).  An erratum that matches no row is an error,
so errata cannot go stale unnoticed.

>>> _apply_errata([Row("Q1", "PER", "UA", "m", (("ru", "A B"), ("uk", "C D")), "x.tsv")],
...               {("Q1", "uk", "C D")}, "x.tsv")
(Row(qid='Q1', type='PER', country='UA', gender='m', names=(('ru', 'A B'),), tsv='x.tsv'),)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

COLUMNS = ("qid", "type", "country", "gender", "en", "ru", "uk", "other")
OTHER_LANGS = ("be", "de", "fr", "pl")
_QID = re.compile(r"Q[1-9][0-9]*")


class SourceError(ValueError):
    """A source TSV that breaks the format; the message names the file and line."""


@dataclass(frozen=True)
class Row:
    """One person or organisation of a source TSV."""

    qid: str
    type: str
    country: str
    gender: str
    names: tuple[tuple[str, str], ...]  # (lang, name as the source gives it), non-empty names only
    tsv: str  # the TSV's file name


@dataclass(frozen=True)
class Source:
    """A parsed source TSV: its ``# key: value`` header lines and its rows."""

    name: str
    header: dict[str, str]
    rows: tuple[Row, ...]
    errata: int = 0  # names left out by ``# wrong:`` lines


def read_source(path: Path, name: str = "") -> Source:
    """Parse one TSV, named ``name`` (default: the file's name) in the rows and the output; raises
    :class:`SourceError` at the first malformed line."""
    name = name or path.name
    header: dict[str, str] = {}
    rows: list[Row] = []
    errata: set[tuple[str, str, str]] = set()
    seen_columns = False
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path}:{no}"
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep and key.strip() == "wrong":
                errata.add(_erratum(value.strip(), where))
            elif sep:
                header.setdefault(key.strip(), value.strip())
            continue
        if not line.strip():
            continue
        cells = line.split("\t")
        if not seen_columns:
            if tuple(cells) != COLUMNS:
                raise SourceError(f"{where}: the first row must be the column names {'|'.join(COLUMNS)}")
            seen_columns = True
            continue
        rows.append(_row(cells, name, where))
    for key in ("source", "licence"):
        if key not in header:
            raise SourceError(f"{path}: missing the '# {key}:' header line")
    return Source(name, header, _apply_errata(rows, errata, str(path)), len(errata))


def _row(cells: list[str], tsv: str, where: str) -> Row:
    if len(cells) != len(COLUMNS):
        raise SourceError(f"{where}: {len(cells)} cells, expected {len(COLUMNS)} separated by tabs")
    qid, type_, country, gender, en, ru, uk, other = cells
    if not _QID.fullmatch(qid):
        raise SourceError(f"{where}: '{qid}' is not a Wikidata QID (Q followed by digits)")
    if type_ not in ("PER", "ORG"):
        raise SourceError(f"{where}: type '{type_}' must be PER or ORG")
    if not re.fullmatch(r"[A-Z]{2}", country) and not (type_ == "ORG" and country == ""):
        raise SourceError(f"{where}: country '{country}' must be an ISO 3166-1 alpha-2 code (empty: an "
                          "organisation of several countries)")
    if gender not in ("m", "f", ""):
        raise SourceError(f"{where}: gender '{gender}' must be m, f or empty")
    names = [("en", en), ("ru", ru), ("uk", uk)]
    for pair in filter(None, other.split("|")):
        lang, sep, name = pair.partition("=")
        if not sep or lang not in OTHER_LANGS or not name.strip():
            langs = ", ".join(OTHER_LANGS)
            raise SourceError(f"{where}: other '{pair}' must be lang=name with lang in {langs}")
        names.append((lang, name))
    if not (ru or uk):
        raise SourceError(f"{where}: {qid} has neither a ru nor a uk name (leave such rows out)")
    return Row(qid, type_, country, gender, tuple((k, v) for k, v in names if v.strip()), tsv)




def _erratum(value: str, where: str) -> tuple[str, str, str]:
    parts = value.split("\t")
    if len(parts) != 4 or not _QID.fullmatch(parts[0]) or not all(p.strip() for p in parts):
        raise SourceError(f"{where}: '# wrong:' takes QID<TAB>lang<TAB>name<TAB>reason")
    return parts[0], parts[1], parts[2]


def _apply_errata(rows: list[Row], errata: set[tuple[str, str, str]], path: str) -> tuple[Row, ...]:
    """``rows`` without the names that ``errata`` mark as wrong; every erratum must match a row."""
    out, used = [], set()
    for row in rows:
        wrong = {(lang, name) for q, lang, name in errata if q == row.qid}
        kept = tuple(n for n in row.names if n not in wrong)
        used |= {(row.qid, lang, name) for lang, name in set(row.names) & wrong}
        out.append(replace(row, names=kept) if kept != row.names else row)
    for qid, lang, name in sorted(errata - used):
        raise SourceError(f"{path}: '# wrong:' {qid} {lang} '{name}' matches no row (remove the erratum)")
    return tuple(out)
