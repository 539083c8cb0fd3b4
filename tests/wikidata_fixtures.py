"""Wikidata entities in the JSON dump format, for tests/test_wikidata.py and its fixture files.

``python tests/wikidata_fixtures.py`` rewrites tests/data/wikidata/ (dump.json, .json.gz, .json.bz2).
The shapes follow https://doc.wikimedia.org/Wikibase/master/php/docs_topics_json.html.
"""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "wikidata"


def _datavalue(value: Any) -> dict[str, Any]:
    if isinstance(value, str) and value.startswith("Q"):
        return {"value": {"entity-type": "item", "numeric-id": int(value[1:]), "id": value},
                "type": "wikibase-entityid"}
    if isinstance(value, (int, float)):
        return {"value": {"amount": f"+{value}", "unit": "1"}, "type": "quantity"}
    if isinstance(value, tuple):  # (language, text)
        return {"value": {"text": value[1], "language": value[0]}, "type": "monolingualtext"}
    if isinstance(value, str) and value[:1] in "+-":
        return {"value": {"time": value, "timezone": 0, "before": 0, "after": 0, "precision": 11,
                          "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}, "type": "time"}
    return {"value": value, "type": "string"}


def snak(prop: str, value: Any) -> dict[str, Any]:
    return {"snaktype": "value", "property": prop, "datavalue": _datavalue(value)}


def statement(prop: str, value: Any, rank: str = "normal", **qualifiers: Any) -> dict[str, Any]:
    s: dict[str, Any] = {"mainsnak": snak(prop, value), "type": "statement", "rank": rank}
    if qualifiers:
        s["qualifiers"] = {p: [snak(p, v)] for p, v in qualifiers.items()}
        s["qualifiers-order"] = list(qualifiers)
    return s


def entity(qid: str, labels: dict[str, str], aliases: dict[str, list[str]] | None = None,
           claims: list[dict[str, Any]] | None = None, sitelinks: int = 0) -> dict[str, Any]:
    by_prop: dict[str, list[dict[str, Any]]] = {}
    for s in claims or []:
        by_prop.setdefault(s["mainsnak"]["property"], []).append(s)
    return {
        "type": "item", "id": qid,
        "labels": {k: {"language": k, "value": v} for k, v in labels.items()},
        "descriptions": {},
        "aliases": {k: [{"language": k, "value": v} for v in vs] for k, vs in (aliases or {}).items()},
        "claims": by_prop,
        "sitelinks": {f"wiki{i}": {"site": f"wiki{i}", "title": "x", "badges": []} for i in range(sitelinks)},
        "lastrevid": 1,
    }


def dump_text(entities: list[dict[str, Any]]) -> str:
    """The dump layout: '[', one entity a line followed by ',' (not the last), ']'."""
    body = ",\n".join(json.dumps(e, ensure_ascii=False) for e in entities)
    return f"[\n{body}\n]\n"


def fixture_entities() -> list[dict[str, Any]]:
    return [
        entity("Q1899", {"en": "Kyiv", "uk": "Київ", "ru": "Киев", "de": "Kiew", "ja": "キーウ"},
               {"en": ["Kiev", "Kyiv city"], "ru": ["Киев-град"]},
               [statement("P31", "Q5119"), statement("P31", "Q515"), statement("P17", "Q212"),
                statement("P1082", 2_611_327, P585="+2001-12-05T00:00:00Z"),
                statement("P1082", 2_952_301, P585="+2022-01-01T00:00:00Z"),
                statement("P1082", 9_999_999, rank="deprecated", P585="+2030-01-01T00:00:00Z")],
               sitelinks=250),
        entity("Q48256", {"en": "Dnipro", "uk": "Дніпро", "ru": "Днепр"}, {"en": ["Dnipropetrovsk"]},
               [statement("P31", "Q515"), statement("P17", "Q212"), statement("P1082", 968_502),
                statement("P1448", ("uk", "Дніпропетровськ"), P580="+1926-07-20T00:00:00Z",
                          P582="+2016-05-19T00:00:00Z"),
                statement("P1448", ("uk", "Дніпро"), P580="+2016-05-19T00:00:00Z")], sitelinks=120),
        entity("Q3874799", {"en": "Volodymyr Zelenskyy", "uk": "Володимир Зеленський",
                            "ru": "Владимир Зеленский", "fr": "Volodymyr Zelensky"},
               {"en": ["Zelensky", "Zelenskyy | Zelensky"]},  # the second alias cannot be held in .gaz
               [statement("P31", "Q5"), statement("P21", "Q6581097"), statement("P27", "Q212")],
               sitelinks=180),
        entity("Q48283", {"en": "Yulia Tymoshenko", "uk": "Юлія Тимошенко"}, None,
               [statement("P31", "Q5"), statement("P21", "Q6581072")], sitelinks=95),
        entity("Q1128431", {"en": "Naftogaz", "uk": "Нафтогаз України"}, {"en": ["Naftogaz of Ukraine"]},
               [statement("P31", "Q783794"), statement("P17", "Q212")], sitelinks=30),
        entity("Q4167836", {"en": "Wikimedia category"}, None, [statement("P31", "Q4167836")], sitelinks=5),
        entity("Q99999001", {"ja": "名前だけ"}, None, [statement("P31", "Q5")]),  # no name in en,uk,ru
        {"type": "property", "id": "P31", "datatype": "wikibase-item",
         "labels": {"en": {"language": "en", "value": "instance of"}}, "claims": {}},
    ]


def sparql_result() -> dict[str, Any]:
    def uri(q: str) -> dict[str, str]:
        return {"type": "uri", "value": f"http://www.wikidata.org/entity/{q}"}

    def lit(text: str, lang: str | None = None, datatype: str | None = None) -> dict[str, str]:
        cell = {"type": "literal", "value": text}
        if lang:
            cell["xml:lang"] = lang
        if datatype:
            cell["datatype"] = datatype
        return cell

    num = "http://www.w3.org/2001/XMLSchema#integer"
    rows = [
        {"item": uri("Q706857"), "type": uri("Q515"), "label": lit("Bakhmut", "en"),
         "population": lit("73212", datatype=num), "sitelinks": lit("80", datatype=num),
         "officialName": lit("Артемівськ", "uk"),
         "officialNameEnd": lit("2016-02-04T00:00:00Z", datatype="http://www.w3.org/2001/XMLSchema#dateTime")},
        {"item": uri("Q706857"), "type": uri("Q515"), "label": lit("Бахмут", "uk"),
         "population": lit("73212", datatype=num), "sitelinks": lit("80", datatype=num)},
        {"item": uri("Q706857"), "type": uri("Q515"), "label": lit("Бахмут", "ru"),
         "alias": lit("Артёмовск", "ru")},
        {"item": uri("Q48283"), "type": uri("Q5"), "label": lit("Юлия Тимошенко", "ru"),
         "gender": uri("Q6581072"), "sitelinks": lit("95", datatype=num)},
        {"item": uri("Q4167836"), "type": uri("Q4167836"), "label": lit("Wikimedia category", "en")},
    ]
    variables = ["item", "type", "label", "alias", "population", "sitelinks", "gender",
                 "officialName", "officialNameEnd"]
    return {"head": {"vars": variables}, "results": {"bindings": rows}}


def write_fixtures() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    text = dump_text(fixture_entities())
    (DATA / "dump.json").write_text(text, encoding="utf-8")
    (DATA / "dump.json.gz").write_bytes(gzip.compress(text.encode(), mtime=0))
    (DATA / "dump.json.bz2").write_bytes(bz2.compress(text.encode()))
    (DATA / "sparql.json").write_text(json.dumps(sparql_result(), ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")


if __name__ == "__main__":
    write_fixtures()
