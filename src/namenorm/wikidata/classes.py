"""Which Wikidata classes become which namenorm types, for ``namenorm gazetteer from-wikidata``.

An item's type comes from its *direct* ``instance of`` (P31) values, preferred-rank statements
first: the first value listed here decides. A dump is read in one pass, so subclasses are not
followed (an item whose classes are all missing here is skipped and counted as "unmapped class").
Each key is a Wikidata item, ``https://www.wikidata.org/wiki/<QID>``; the comment is its English
label.

>>> type_of(["Q5"]), type_of(["Q99999999", "Q515"]), type_of(["Q99999999"])
('PER', 'LOC', None)
>>> GENDER["Q6581072"]
'f'
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["CLASSES", "GENDER", "type_of"]

_PER = {
    "Q5": "human",
}
_LOC = {
    # settlements
    "Q486972": "human settlement", "Q515": "city", "Q1549591": "big city",
    "Q1637706": "city with millions of inhabitants", "Q200250": "metropolis", "Q5119": "capital city",
    "Q7930989": "city/town", "Q3957": "town", "Q532": "village", "Q15284": "municipality",
    "Q1093829": "city in the United States", "Q484170": "commune of France",
    "Q747074": "comune of Italy", "Q262166": "municipality of Germany",
    "Q12131624": "city in Ukraine", "Q21672098": "village of Ukraine",
    # countries and administrative regions
    "Q6256": "country", "Q3624078": "sovereign state", "Q7275": "state",
    "Q35657": "state of the United States", "Q34876": "province",
    "Q10864048": "first-level administrative country subdivision",
    "Q13220204": "second-level administrative country subdivision",
    "Q13221722": "third-level administrative country subdivision",
    "Q56061": "administrative territorial entity", "Q28575": "county",
    # regions and geographic features
    "Q82794": "geographic region", "Q1620908": "historical region", "Q5107": "continent",
    "Q165": "sea", "Q9430": "ocean", "Q37901": "strait", "Q4022": "river", "Q23397": "lake",
    "Q23442": "island", "Q34763": "peninsula", "Q8502": "mountain", "Q46831": "mountain range",
    "Q39816": "valley",
}
_ORG = {
    "Q43229": "organization", "Q4830453": "business", "Q783794": "company",
    "Q891723": "public company", "Q6881511": "enterprise", "Q22687": "bank",
    "Q1331793": "media company", "Q7278": "political party", "Q7210356": "political organization",
    "Q163740": "nonprofit organization", "Q48204": "voluntary association",
    "Q484652": "international organization", "Q245065": "intergovernmental organization",
    "Q327333": "government agency", "Q2659904": "government organization", "Q192350": "ministry",
    "Q11032": "newspaper", "Q1110794": "daily newspaper", "Q41298": "magazine",
    "Q192283": "news agency", "Q1616075": "television station", "Q15265344": "broadcaster",
    "Q8473": "military", "Q176799": "military unit", "Q3918": "university",
    "Q2385804": "educational institution", "Q31855": "research institute",
    "Q476028": "association football club", "Q847017": "sports club", "Q215380": "musical group",
}
_EVT = {
    "Q1656682": "event", "Q1190554": "occurrence", "Q198": "war", "Q178561": "battle",
    "Q645883": "military operation", "Q40231": "election", "Q3839081": "disaster",
    "Q8065": "natural disaster", "Q16510064": "sporting event", "Q132241": "festival",
}
_PRO = {
    "Q2424752": "product", "Q431289": "brand", "Q7397": "software", "Q9143": "programming language",
    "Q7889": "video game", "Q11424": "film", "Q5398426": "television series",
    "Q15416": "television program", "Q571": "book", "Q7725634": "literary work", "Q482994": "album",
    "Q3231690": "automobile model", "Q11436": "aircraft", "Q728": "weapon",
}

#: class QID -> namenorm type
CLASSES: dict[str, str] = {q: t for t, table in (("PER", _PER), ("LOC", _LOC), ("ORG", _ORG),
                                                  ("EVT", _EVT), ("PRO", _PRO)) for q in table}

#: sex or gender (P21) -> the .gaz ``gender`` field: male, female, trans man, trans woman
GENDER: dict[str, str] = {"Q6581097": "m", "Q6581072": "f", "Q2449503": "m", "Q1052281": "f"}


def type_of(classes: Iterable[str]) -> str | None:
    """The namenorm type of the first class that has one, else None."""
    for q in classes:
        t = CLASSES.get(q)
        if t is not None:
            return t
    return None
