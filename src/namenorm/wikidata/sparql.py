"""SPARQL query results (``application/sparql-results+json`` from query.wikidata.org) as items.

The result is read whole (the query service bounds its size); rows are grouped by item. The
variables read are

- ``item`` (required): the item URI, ``http://www.wikidata.org/entity/Q…``;
- ``label`` (or ``itemLabel``) and ``alias``: names, literals with ``xml:lang``;
- ``type``: an ``instance of`` (P31) class URI (without this column, the items' type is unknown:
  ``--types`` then has to name one type);
- ``population``, ``sitelinks``: numbers (the largest value of an item is kept);
- ``gender``: a P21 value URI; ``country``: a country item URI or an ISO 3166-1 alpha-2 literal;
- ``officialName`` (literal with ``xml:lang``) and ``officialNameEnd`` (its P582 end time).

Other variables are ignored.

>>> row = {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1899"},
...        "label": {"type": "literal", "value": "Kyiv", "xml:lang": "en"}}
>>> [(it.qid, it.names) for it in sparql_items({"head": {"vars": ["item", "label"]},
...                                             "results": {"bindings": [row]}}, "x.json")]
[('Q1899', {'en': ['Kyiv']})]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from namenorm.wikidata.read import Item, WikidataInputError, day

__all__ = ["sparql_items"]

_ENTITY_URI = regex.compile(r"https?://www\.wikidata\.org/entity/(Q[1-9]\d*)")


def sparql_items(result: Any, where: str) -> Iterator[Item | str]:
    try:
        head_vars = result["head"]["vars"]
        rows = result["results"]["bindings"]
        if not isinstance(rows, list) or not isinstance(head_vars, list):
            raise TypeError("'vars' and 'bindings' must be lists")
    except (KeyError, TypeError) as e:
        what = f"no {e}" if isinstance(e, KeyError) else str(e)
        raise WikidataInputError(f"{where}: JSON, but neither a dump (one entity with an 'id' per line) nor "
                                 f"a SPARQL result ({what}); a SPARQL result is {{\"head\": {{\"vars\": "
                                 "[...]}, \"results\": {\"bindings\": [...]}}") from None
    if "item" not in head_vars:
        raise WikidataInputError(f"{where}: the SPARQL result has no ?item column; select the items "
                                 "as ?item (see the variables in namenorm.wikidata.sparql)")
    items: dict[str, Item] = {}
    typed = "type" in head_vars
    for n, row in enumerate(rows, 1):
        try:
            _add_row(items, row, typed)
        except (KeyError, TypeError, AttributeError, ValueError) as e:
            raise WikidataInputError(f"{where}: row {n} of the SPARQL result is malformed "
                                     f"({type(e).__name__}: {e})") from None
    yield from items.values()


def _qid_of(uri: Any) -> str:
    """The QID of a Wikidata entity URI, else ``""``."""
    m = _ENTITY_URI.fullmatch(str(uri))
    return m.group(1) if m else ""


def _add_row(items: dict[str, Item], row: dict[str, Any], typed: bool) -> None:
    m = _ENTITY_URI.fullmatch(row["item"]["value"])
    if not m:
        raise ValueError(f"?item {row['item']['value']!r} is not a Wikidata item URI")
    it = items.setdefault(m.group(1), Item(m.group(1), typed=typed))
    for var in ("label", "itemLabel", "alias"):
        cell = row.get(var)
        if cell and cell.get("xml:lang"):
            names = it.names.setdefault(cell["xml:lang"], [])
            if cell["value"] not in names:
                names.append(str(cell["value"]))
    entity = {var: _qid_of(row[var]["value"]) for var in ("type", "gender", "country") if var in row}
    if entity.get("type") and entity["type"] not in it.classes:
        it.classes.append(entity["type"])
    if entity.get("gender"):
        it.gender = entity["gender"]
    if "country" in row:
        c = entity["country"] or str(row["country"]["value"])
        if c not in it.countries:
            it.countries.append(c)
    if "population" in row:
        pop = float(row["population"]["value"])
        it.population = max(pop, it.population or pop)
    if "sitelinks" in row:
        it.sitelinks = max(int(row["sitelinks"]["value"]), it.sitelinks or 0)
    cell = row.get("officialName")
    if cell and cell.get("xml:lang"):
        end = row["officialNameEnd"]["value"] if "officialNameEnd" in row else None
        entry = (str(cell["xml:lang"]), str(cell["value"]), day(end) if end else None)
        if entry not in it.official:
            it.official.append(entry)
