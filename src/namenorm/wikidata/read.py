"""Reading Wikidata: the JSON dump (streamed) and SPARQL query results, as :class:`Item` records.

**Dump.** ``latest-all.json`` (also ``.json.gz`` or ``.json.bz2``; the compression is recognised by
its first bytes): a top-level array with one entity per line (``[``, ``{...},``, ..., ``]``). Lines
without the array (one entity per line, as filtering tools write them) are read too. It is read line
by line: memory stays constant whatever the size of the dump.

**SPARQL result** (``application/sparql-results+json`` from query.wikidata.org): read whole, by
:mod:`namenorm.wikidata.sparql` (which lists the variables it reads).

>>> item = item_from_entity({"id": "Q1", "labels": {"en": {"language": "en", "value": "X"}}})
>>> item.qid, item.names
('Q1', {'en': ['X']})
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

__all__ = ["NOT_ITEM", "PREFILTERED", "Item", "WikidataInputError", "item_from_entity", "read_items"]

_QID = regex.compile(r"Q[1-9]\d*")
_TIME = regex.compile(r"([+-]?)(\d+)-(\d\d)-(\d\d)")


NOT_ITEM = "not an item (property or lexeme)"
PREFILTERED = "no class of the asked types (line not decoded)"


class WikidataInputError(ValueError):
    """The input is not a Wikidata dump or SPARQL JSON result (the message says where and what)."""


@dataclass(slots=True)
class Item:
    """What the pack builder needs of one Wikidata item."""

    qid: str
    classes: list[str] = field(default_factory=list)  # P31 values, preferred rank first
    names: dict[str, list[str]] = field(default_factory=dict)  # lang -> [label, aliases...]
    population: float | None = None  # P1082, latest
    sitelinks: int | None = None
    gender: str | None = None  # a P21 value QID
    countries: list[str] = field(default_factory=list)  # P17 / P27 QIDs, or ISO codes
    iso2: str | None = None  # P297: the item is a country with this code
    official: list[tuple[str, str, str | None]] = field(default_factory=list)  # P1448: lang, text, end
    typed: bool = True  # False: from a SPARQL result without a ?type column


def open_binary(path: Path) -> io.BufferedIOBase:
    """``path`` opened for reading, decompressed when it starts like a gzip or bzip2 file."""
    with path.open("rb") as f:
        magic = f.read(3)
    if magic[:2] == b"\x1f\x8b":
        return gzip.GzipFile(path, "rb")
    if magic == b"BZh":
        return bz2.BZ2File(path, "rb")
    return path.open("rb")


def read_items(path: Path, needles: Collection[bytes] = ()) -> Iterator[Item | str]:
    """Every entity of a dump or SPARQL result, or why it was left out (a property or lexeme).

    ``needles``: a dump line that holds none of these byte strings (such as ``b'"Q5"'``, the classes
    asked for) is not decoded; it still has to look like an entity (``{"...id"...}``), else it is
    decoded and its error reported (so is a line that is not UTF-8).
    """
    where = str(path)
    try:
        with open_binary(path) as f:
            lines = enumerate(f, 1)
            no = 0
            for no, raw in lines:  # noqa: B007 (no: the line number of the first non-blank line)
                first = raw.strip()
                if first:
                    break
            else:
                raise WikidataInputError(f"{where}: the file is empty; give a Wikidata JSON dump or a "
                                         "SPARQL JSON result")
            if first == b"[":
                yield from _dump_lines(lines, where, needles, array=True)
                return
            if not first.startswith(b"{"):
                raise _not_json(where, no, "it does not start with '[' or '{'")
            entity = _loads_or_none(first.rstrip(b","))
            if isinstance(entity, dict) and "head" not in entity and "id" in entity:
                yield _item_at(entity, where, no)
                yield from _dump_lines(lines, where, needles, array=False)
                return
            rest = b"".join(raw for _, raw in lines)
            result = _loads_or_none(first + b"\n" + rest if entity is None else first)
            if result is None:
                raise _not_json(where, no, "it is neither one entity per line nor one JSON document")
            from namenorm.wikidata.sparql import sparql_items

            yield from sparql_items(result, where)
    except (OSError, EOFError) as e:  # unreadable, damaged or truncated compressed data
        raise WikidataInputError(f"{where}: cannot read ({e}); give a readable .json, .json.gz or "
                                 ".json.bz2 file") from None


def _dump_lines(lines: Iterator[tuple[int, bytes]], where: str, needles: Collection[bytes], *,
                array: bool) -> Iterator[Item | str]:
    wanted = re.compile(b"|".join(re.escape(n) for n in needles)) if needles else None  # one scan a line
    for no, raw in lines:
        line = raw.strip()
        if not line:
            continue
        if (wanted is not None and line[:1] == b"{" and line.rstrip(b",")[-1:] == b"}" and b'"id"' in line
                and not wanted.search(line) and _utf8(line)):
            yield PREFILTERED
            continue
        if line == b"]":
            for later, after in lines:
                if after.strip():
                    raise _not_json(where, later, "text after the closing ']' of the dump")
            return
        entity = _loads_or_none(line.rstrip(b","))
        if entity is None:
            raise _not_json(where, no, "a line of a Wikidata dump holds one entity: {...},")
        yield _item_at(entity, where, no)
    if array:
        raise WikidataInputError(f"{where}: the dump ends without its closing ']': the file is truncated; "
                                 "download it again")


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _loads_or_none(data: bytes) -> Any:
    try:
        return json.loads(data)
    except ValueError:  # JSONDecodeError or UnicodeDecodeError
        return None


def _not_json(where: str, no: int, why: str) -> WikidataInputError:
    return WikidataInputError(f"{where}:{no}: not a Wikidata JSON dump or SPARQL JSON result ({why}); "
                              "download a dump such as latest-all.json.gz or save a SPARQL result as JSON")


def _item_at(entity: Any, where: str, no: int) -> Item | str:
    try:
        return item_from_entity(entity)
    except (KeyError, TypeError, AttributeError, ValueError) as e:
        raise WikidataInputError(f"{where}:{no}: not a Wikidata entity ({type(e).__name__}: {e}); each "
                                 "line of a dump is an object with an 'id' and 'labels'/'claims'") from None


def item_from_entity(e: dict[str, Any]) -> Item | str:
    """An :class:`Item` from one dump entity; for properties and lexemes, why they are left out."""
    qid = e["id"]
    if not isinstance(qid, str):
        raise TypeError(f"'id' is {qid!r}, not a string")
    if not _QID.fullmatch(qid):
        return NOT_ITEM
    it = Item(qid)
    for lang, v in (e.get("labels") or {}).items():
        it.names.setdefault(lang, []).append(str(v["value"]))
    for lang, vs in (e.get("aliases") or {}).items():
        it.names.setdefault(lang, []).extend(str(v["value"]) for v in vs)
    claims = e.get("claims") or {}
    it.classes = [_item_id(v) for v in _values(claims, "P31")]
    pops = [(_date_key(_qualifier(s, "P585")), float(v["amount"])) for s, v in _statements(claims, "P1082")]
    if pops:
        it.population = max(pops)[1]
    it.sitelinks = len(e.get("sitelinks") or {})
    genders = [_item_id(v) for v in _values(claims, "P21")]
    it.gender = genders[0] if genders else None
    it.countries = [_item_id(v) for p in ("P27", "P17") for v in _values(claims, p)]
    codes = [str(v) for v in _values(claims, "P297")]
    it.iso2 = codes[0] if codes else None
    for s, v in _statements(claims, "P1448"):
        end = _qualifier(s, "P582")
        it.official.append((str(v["language"]), str(v["text"]), day(end) if end else None))
    return it


def _item_id(value: dict[str, Any]) -> str:
    """The QID of an item value (older dumps give only its ``numeric-id``)."""
    return str(value["id"]) if "id" in value else f"Q{int(value['numeric-id'])}"


def _statements(claims: dict[str, Any], prop: str) -> list[tuple[dict[str, Any], Any]]:
    """(statement, value) of ``prop``: preferred rank first, deprecated and no-value ones left out."""
    out = []
    for s in claims.get(prop) or []:
        snak = s["mainsnak"]
        if s.get("rank") != "deprecated" and snak.get("snaktype") == "value":
            out.append((s, snak["datavalue"]["value"]))
    out.sort(key=lambda sv: sv[0].get("rank") != "preferred")
    return out


def _values(claims: dict[str, Any], prop: str) -> list[Any]:
    return [v for _, v in _statements(claims, prop)]


def _qualifier(statement: dict[str, Any], prop: str) -> str | None:
    for q in (statement.get("qualifiers") or {}).get(prop) or []:
        if q.get("snaktype") == "value":
            return str(q["datavalue"]["value"]["time"])
    return None


def _date_key(time: str | None) -> tuple[int, int, int]:
    m = _TIME.match(time or "")
    if not m:
        return (-(10**9), 0, 0)  # undated values count as the oldest
    return (int(m.group(1) + m.group(2)), int(m.group(3)), int(m.group(4)))


def day(time: str) -> str:
    """``+2016-05-19T00:00:00Z`` -> ``2016-05-19`` (a year alone when month and day are 00)."""
    m = _TIME.match(time)
    if not m:
        return time
    sign = "-" if m.group(1) == "-" else ""
    year = sign + m.group(2).lstrip("0").rjust(4, "0")
    return year if m.group(3) == "00" else f"{year}-{m.group(3)}" if m.group(4) == "00" else \
        f"{year}-{m.group(3)}-{m.group(4)}"
