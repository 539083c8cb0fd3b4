"""``link()``: resolve spans found by another recogniser (spaCy, natasha, stanza, ...) to entities.

A span's label is a soft hint: the span is looked up as ``normalize()`` would look it up, and the
candidates of the label's types are preferred. A candidate of another type is kept when none of the
label's types is found, because places, organisations, products and events stand for one another
and label sets carve them differently (BSNLP labels media outlets PRO and the EU LOC; a loose
candidate whose score is low was already dropped by the evidence weighing). People and the rest do
not: every label set tells a person from a place, so "Harlow" labelled PER is not the town of
Harlow, and a span labelled LOC is no person. :data:`LABEL_TYPES`, the one table of labels, maps
each recogniser's label set onto namenorm's types:

============================  ======================================  ==================
label                         from                                    preferred types
============================  ======================================  ==================
PER, PERSON, PERS             natasha, BSNLP, spaCy, stanza            PER
LOC, LOCATION, GPE            natasha, BSNLP, spaCy, CoNLL             LOC
FAC                           spaCy (buildings, airports, bridges)    LOC, ORG
ORG, ORGANIZATION             natasha, BSNLP, spaCy, CoNLL             ORG
EVT, EVENT                    BSNLP, spaCy                            EVT
PRO, PRODUCT                  BSNLP, spaCy                            PRO, ORG
WORK_OF_ART, LAW              spaCy                                   PRO
MISC                          CoNLL, stanza, flair                    EVT, PRO
NORP                          spaCy (nationalities, groups)           no preference
DATE, TIME, PERCENT, MONEY,   spaCy                                   not looked up
QUANTITY, ORDINAL, CARDINAL,
LANGUAGE
============================  ======================================  ==================

An unknown label gives no preference; IOB prefixes (``B-PER``) are dropped. A label's first type is
its own, the others are fallbacks: BSNLP's PRO covers media outlets and companies' products, which
gazetteers often list as organisations, hence ORG after PRO.

A weak alias (a generic abbreviation such as "MFA", which names any country's foreign ministry; a
company's short name that also names its product) needs a hint that ``normalize()`` does not get
from the text alone, and a label is no such hint: it says what kind of thing the span names, not
which of the things so named it is. So a span resolved through a weak alias links only when the
same text named that entity earlier by a span that did not need a weak alias, and the label's own
type is the entity's ("MFA" after "the MFA of Ukraine", not "Acme" labelled PRO after "Acme
Pipelines AG").
A one-word person span that resolves to nothing, or only to another type, is linked to a person
named in full by an earlier span of the same text when the surname fits.

>>> from namenorm.api import Normalizer
>>> import tempfile, pathlib
>>> gaz = pathlib.Path(tempfile.mkdtemp()) / "news.gaz"
>>> _ = gaz.write_text("[t:z] PER Volodymyr Zelenskyy\\ngender: m\\nen: Volodymyr Zelenskyy\\n"
...                    "ru: Владимир Зеленский\\n", encoding="utf-8")
>>> n = Normalizer(gazetteers=[gaz], include_bundled=False)
>>> text = "Владимир Зеленский выступил. Зеленскому ответили. 5 мая."
>>> [m and m.name for m in link(text, [(0, 18, "PER"), (29, 39, "PER"), (51, 56, "DATE")], normalizer=n)]
['Volodymyr Zelenskyy', 'Volodymyr Zelenskyy', None]
"""

from __future__ import annotations

from collections.abc import Iterable

from namenorm.api import Normalizer, default_normalizer
from namenorm.index import WEAK
from namenorm.match import Match
from namenorm.methods import Method
from namenorm.steps import surname_hits
from namenorm.text import fold

__all__ = ["LABEL_TYPES", "link", "type_hint"]

# the table of the module docstring: label -> the types it prefers; None: no preference; (): not a
# name (dates, numbers), not looked up
LABEL_TYPES: dict[str, tuple[str, ...] | None] = {
    "PER": ("PER",), "PERSON": ("PER",), "PERS": ("PER",),
    "LOC": ("LOC",), "LOCATION": ("LOC",), "GPE": ("LOC",), "FAC": ("LOC", "ORG"),
    "ORG": ("ORG",), "ORGANIZATION": ("ORG",), "ORGANISATION": ("ORG",),
    "EVT": ("EVT",), "EVENT": ("EVT",),
    "PRO": ("PRO", "ORG"), "PRODUCT": ("PRO", "ORG"), "WORK_OF_ART": ("PRO",), "LAW": ("PRO",),
    "MISC": ("EVT", "PRO"), "NORP": None,
    "DATE": (), "TIME": (), "PERCENT": (), "MONEY": (), "QUANTITY": (), "ORDINAL": (), "CARDINAL": (),
    "LANGUAGE": (),
}
_RANKED = 10  # candidates looked at for one of the label's types


def type_hint(label: str | None) -> tuple[str, ...] | None:
    """The types that an NER label prefers (None: no preference; an empty tuple: not a name).

    >>> type_hint("GPE"), type_hint("B-PER"), type_hint("NORP"), type_hint(None), type_hint("DATE")
    (('LOC',), ('PER',), None, None, ())
    """
    if not label:
        return None
    label = label.upper().removeprefix("B-").removeprefix("I-").removeprefix("S-").removeprefix("E-")
    return LABEL_TYPES.get(label)


def link(text: str, spans: Iterable[tuple[int, int] | tuple[int, int, str]], *, lang: str | None = None,
         normalizer: Normalizer | None = None, fuzzy: bool = False) -> list[Match | None]:
    """One :class:`~namenorm.match.Match` (or None) per ``(start, end[, label])`` span of ``text``.

    The label ranks the candidates and never hides the only plausible one: "Paris" labelled ORG is
    still Paris when no organisation of that name is known, but not when labelled PER (see the module
    docstring for the labels).
    """
    if not isinstance(text, str):
        raise TypeError(f"link() takes a str text, got {type(text).__name__}")
    norm = normalizer if normalizer is not None else default_normalizer()
    out: list[Match | None] = []
    people: dict[str, Match] = {}   # entity id -> match, for people named in full
    named: set[str] = set()         # entities named by earlier spans without a weak alias
    for span in spans:
        start, end = int(span[0]), int(span[1])
        label = span[2] if len(span) > 2 else None
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span ({start}, {end}) is outside the text of length {len(text)}: "
                             "spans are character offsets into the same string")
        surface = text[start:end]
        hint = type_hint(label)
        if hint == () or not surface.strip():
            out.append(None)
            continue
        m = _best(norm, surface, hint, lang, fuzzy, people, named)
        if m is not None:
            named.add(m.id)  # a weak alias links only to an entity already in ``named``
        if m is not None and m.type == "PER" and len(surface.split()) > 1:
            people[m.id] = m
        out.append(m)
    return out


def _best(norm: Normalizer, surface: str, hint: tuple[str, ...] | None, lang: str | None, fuzzy: bool,
          people: dict[str, Match], named: set[str]) -> Match | None:
    """The candidate of ``surface`` that its label prefers: the best of the label's types (through
    a weak alias only for an entity in ``named``), else the person named earlier whose surname it
    is (a one-word person span), else the best of any type."""
    cands = norm.candidates(surface, lang=lang, fuzzy=fuzzy, limit=_RANKED if hint else 1)
    if hint is None:
        m = cands[0] if cands else None
    else:
        m = next((c for c in cands if c.type in hint), None)
        if m is None and (not cands or Method(cands[0].method).loose or not _may_stand_for(hint, cands[0])):
            # the untyped cascade stopped at a loose hit of another type, at one that the label rules
            # out, or found nothing: a step it did not reach may find one of the label's types; a name
            # written exactly as an alias of a type that may stand for the label's is that entity
            typed = norm.candidates(surface, lang=lang, types=hint, fuzzy=fuzzy, limit=_RANKED)
            # the label alone is no hint for a weak alias (see the module docstring)
            m = next((c for c in typed
                      if (c.type == hint[0] and c.id in named) or not _through_weak_alias(norm, c)), None)
    if m is None and (hint is None or "PER" in hint) and len(surface.split()) == 1:
        m = _known_surname(norm, surface, people)
    if m is None:
        m = next((c for c in cands if _may_stand_for(hint, c)), None)
    return m


def _may_stand_for(hint: tuple[str, ...] | None, m: Match) -> bool:
    """Whether ``m`` may be what a span of a label preferring ``hint`` names: places, organisations,
    products and events stand for one another (metonymy, and label sets that carve them differently);
    people and the rest do not."""
    return hint is None or ("PER" in hint) == (m.type == "PER")


def _through_weak_alias(norm: Normalizer, m: Match) -> bool:
    """Whether ``m`` was found through an alias that its entity lists only as weak."""
    ix = norm.index
    own = [a for a in ix.exact_refs(fold(m.alias)) if ix.entity(a).id == m.id]
    return bool(own) and all(ix.flags(a) & WEAK for a in own)


def _known_surname(norm: Normalizer, surface: str, people: dict[str, Match]) -> Match | None:
    """The person named in full earlier whose surname is ``surface`` (in any case form, by its
    cross-script key or in its base form: the surname step that ``normalize()`` runs)."""
    ix = norm.index
    ids = {ix.entity(a).id for a in surname_hits(ix, fold(surface))}
    found = [people[i] for i in sorted(ids & people.keys())]
    if len(found) != 1:
        return None
    m = found[0]
    return Match(m.id, m.name, m.type, Method.SURNAME.cap, Method.SURNAME.value, m.alias, surface, m.lang,
                 m.country, False, (f"surname of {m.query!r} named earlier in the text",))
