"""The result types: :class:`Match` (a resolved entity) and :class:`Mention` (a span in text)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Match", "Mention"]


@dataclass(frozen=True)
class Match:
    """One entity that a string resolved to.

    >>> m = Match(id="Q1899", name="Kyiv", type="LOC", score=1.0, method="exact", alias="Kiev")
    >>> m.id, m.name, m.type
    ('Q1899', 'Kyiv', 'LOC')
    >>> print(m.explain())
    'Kiev' -> exact alias 'Kiev' -> Q1899 (Kyiv, LOC), score 1.00

    ``former`` says that the alias is a former name of the entity, and ``until`` the last date it was
    in use, when the gazetteer gives one (``{former,until=2016-05-19}``; see the ``as_of`` hint of
    :func:`namenorm.normalize`).
    """

    id: str
    name: str
    type: str
    score: float
    method: str
    alias: str
    query: str = ""
    lang: str | None = None
    country: str | None = None
    ambiguous: bool = False
    steps: tuple[str, ...] = field(default=(), compare=False)
    former: bool = False  # the alias is a former name of the entity (Dnipropetrovsk of Dnipro)
    until: str | None = None  # ... in use until this date (YYYY, YYYY-MM or YYYY-MM-DD), when known

    def explain(self) -> str:
        """A human-readable chain from the input to the entity."""
        how = " -> ".join(self.steps) if self.steps else f"{self.method} alias {self.alias!r}"
        q = self.query or self.alias
        amb = " (ambiguous: see candidates())" if self.ambiguous else ""
        return f"{q!r} -> {how} -> {self.id} ({self.name}, {self.type}), score {self.score:.2f}{amb}"


@dataclass(frozen=True)
class Mention:
    """A span of a text that links to an entity: ``text[start:end] == mention.text``.

    ``match`` is None only for a proper name that :func:`namenorm.extract` could not link, which it
    returns when asked (``unlinked=True``); such a mention has the name's ``base`` form and its
    ``key`` (:func:`namenorm.name_key`), which linked mentions leave None.

    >>> Mention(0, 4, "Kyiv", Match("Q1899", "Kyiv", "LOC", 1.0, "exact", "Kyiv")).key is None
    True
    """

    start: int
    end: int
    text: str
    match: Match | None
    base: str | None = None
    key: str | None = None
