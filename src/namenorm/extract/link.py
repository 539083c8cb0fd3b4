"""``link()``: resolve spans found by another recogniser (spaCy, natasha, stanza, ...) to entities.

Each span's label becomes a type hint: PER/PERSON -> PER, LOC/GPE/FAC -> LOC, ORG -> ORG,
EVENT -> EVT, PRODUCT/WORK_OF_ART/LAW -> PRO; NORP and unknown labels give no hint; MISC hints
EVT or PRO and is retried without a hint when that finds nothing; dates, numbers and the like are
not looked up. A one-word person span that resolves to nothing is linked to a person named in full
by an earlier span of the same text when the surname fits.

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
from namenorm.match import Match
from namenorm.methods import Method
from namenorm.steps import surname_hits
from namenorm.text import fold

__all__ = ["LABEL_TYPES", "link", "type_hint"]

LABEL_TYPES: dict[str, tuple[str, ...] | None] = {
    "PER": ("PER",), "PERSON": ("PER",), "PERS": ("PER",),
    "LOC": ("LOC",), "GPE": ("LOC",), "FAC": ("LOC",), "LOCATION": ("LOC",),
    "ORG": ("ORG",), "ORGANIZATION": ("ORG",), "ORGANISATION": ("ORG",),
    "EVT": ("EVT",), "EVENT": ("EVT",),
    "PRO": ("PRO",), "PRODUCT": ("PRO",), "WORK_OF_ART": ("PRO",), "LAW": ("PRO",),
    "MISC": ("EVT", "PRO"), "NORP": None,
}
_NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"})
_RETRY_WITHOUT_HINT = frozenset({"MISC"})


def type_hint(label: str | None) -> tuple[str, ...] | None:
    """Our types for an NER label (None: no hint).

    >>> type_hint("GPE"), type_hint("B-PER"), type_hint("NORP"), type_hint(None)
    (('LOC',), ('PER',), None, None)
    """
    if not label:
        return None
    label = label.upper().removeprefix("B-").removeprefix("I-").removeprefix("S-").removeprefix("E-")
    return LABEL_TYPES.get(label)


def link(text: str, spans: Iterable[tuple[int, int] | tuple[int, int, str]], *, lang: str | None = None,
         normalizer: Normalizer | None = None, fuzzy: bool = False) -> list[Match | None]:
    """One :class:`~namenorm.match.Match` (or None) per ``(start, end[, label])`` span of ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"link() takes a str text, got {type(text).__name__}")
    norm = normalizer if normalizer is not None else default_normalizer()
    out: list[Match | None] = []
    people: dict[str, Match] = {}   # entity id -> match, for people named in full
    for span in spans:
        start, end = int(span[0]), int(span[1])
        label = span[2] if len(span) > 2 else None
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span ({start}, {end}) is outside the text of length {len(text)}: "
                             "spans are character offsets into the same string")
        surface = text[start:end]
        tag = (label or "").upper().split("-")[-1]
        if tag in _NOT_NAMES or not surface.strip():
            out.append(None)
            continue
        hint = type_hint(label)
        m = norm.normalize(surface, lang=lang, types=hint, fuzzy=fuzzy)
        if m is None and hint is not None and tag in _RETRY_WITHOUT_HINT:
            m = norm.normalize(surface, lang=lang, fuzzy=fuzzy)
        if m is None and hint in (None, ("PER",)) and len(surface.split()) == 1:
            m = _known_surname(norm, surface, people)
        if m is not None and m.type == "PER" and len(surface.split()) > 1:
            people[m.id] = m
        out.append(m)
    return out


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
