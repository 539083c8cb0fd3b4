"""The gazetteer data model: :class:`Entity` and :class:`Alias`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ALIAS_FLAGS", "ALIAS_KINDS", "TYPES", "Alias", "Entity", "is_date"]

TYPES = frozenset({"PER", "LOC", "ORG", "EVT", "PRO"})
ALIAS_KINDS = frozenset({"official", "common", "former", "abbreviation", "misspelling", "code", "canonical"})
ALIAS_FLAGS = frozenset({"weak", "exact", "noinflect"})
_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


def is_date(text: str) -> bool:
    """Whether ``text`` is a date as the format writes one (a former name's ``until=``, the
    ``as_of`` hint): ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    >>> is_date("2016"), is_date("2016-05-19"), is_date("2016-13"), is_date("19.05.2016")
    (True, True, False, False)
    """
    return _DATE.fullmatch(text) is not None


@dataclass(frozen=True, slots=True)
class Alias:
    """One name of an entity in one language (``xx`` = any language)."""

    text: str
    lang: str
    kind: str = "common"
    weak: bool = False
    exact: bool = False
    noinflect: bool = False
    until: str | None = None  # a former name: the last date it was in use (YYYY, YYYY-MM or YYYY-MM-DD)

    @property
    def literal(self) -> bool:
        """True when the alias is only ever matched as written (codes, abbreviations, ``exact``)."""
        return self.exact or self.kind in ("code", "abbreviation")


@dataclass(slots=True)
class Entity:
    """A real thing with a stable ID, its names and cross-references."""

    id: str
    type: str
    name: str
    aliases: list[Alias] = field(default_factory=list)
    country: str | None = None
    prior: float = 0.0
    xrefs: list[str] = field(default_factory=list)
    source: str | None = None
    gender: str | None = None
    admin1: str | None = None
    note: str | None = None
    origin: str = ""  # "file:line" of the block that defined it
    rank: int = 0  # source rank: 2 curated, 1 generated national data (countries, regions), 0 cities

    @property
    def keys(self) -> set[str]:
        """The ID and every cross-reference: what merging compares."""
        return {self.id, *self.xrefs} | ({f"wikidata:{self.id}"} if _is_qid(self.id) else set())


def _is_qid(s: str) -> bool:
    return len(s) > 1 and s[0] == "Q" and s[1:].isdigit()
