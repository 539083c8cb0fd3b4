"""The column model shared by ``namenorm clean`` (:mod:`namenorm.csvclean`) and the dataframe helpers
(:mod:`namenorm.integrations`): what is added for a value (the fields id, name, type, score, method,
base), the new columns' names, the lookup options (:class:`Query`, that is
:class:`~namenorm.options.LookupOptions`), the :class:`Outcome` of resolving one
distinct value, and per-distinct-value cells for a frame (:func:`new_columns`). Neither package
reaches into the other for these: both import them from here.

>>> spec = FieldSpec.parse(fields="id,name", suffixes="id=_qid")
>>> spec.names("city")
['city_qid', 'city_name']
>>> from namenorm.match import Match
>>> m = Match(id="Q1899", name="Kyiv", type="LOC", score=0.97, method="inflection", alias="Київ")
>>> outcome(m, "Києві", Query(min_score=0.9), spec).fields
('Q1899', 'Kyiv')
>>> outcome(m, "Києві", Query(min_score=0.99), spec).status   # matched, but below --min-score
1
>>> class Fake:
...     def normalize_many(self, values, **hints):
...         return [Match("Q1899", "Kyiv", "LOC", 1.0, "exact", v) if v == "Kiev" else None for v in values]
>>> cols = new_columns(["Kiev", "Atlantis"], Fake(), FrameOptions(fields="id,score"))
>>> cols["_id"], cols["_score"]
({'Kiev': 'Q1899', 'Atlantis': None}, {'Kiev': 1.0, 'Atlantis': None})
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from namenorm.limits import too_long
from namenorm.match import Match
from namenorm.options import LookupOptions

__all__ = [
    "ALL_FIELDS",
    "BatchNormalizer",
    "CleanError",
    "FieldSpec",
    "FrameOptions",
    "Outcome",
    "Query",
    "base_form_function",
    "check_columns",
    "columns_of",
    "looked_up",
    "new_columns",
    "outcome",
    "resolve_values",
]

ALL_FIELDS = ("id", "name", "type", "score", "method", "base", "key", "former")
# Written when --fields is not given; "key" (namenorm.name_key's key) and "former" (the date until which
# a matched former name was in use, "yes" when the gazetteer gives none) only when asked for.
DEFAULT_FIELDS = ALL_FIELDS[:-2]


class CleanError(Exception):
    """Bad input or usage: the CLI prints the message and exits with code 2 (no traceback).

    >>> str(CleanError("row has 3 fields, the header has 4", line=17))
    'line 17: row has 3 fields, the header has 4'
    """

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


UNMATCHED, BELOW_MIN_SCORE, MATCHED, EMPTY, TOO_LONG = 0, 1, 2, 3, 4


class BatchNormalizer(Protocol):
    """What ``clean`` needs from :class:`namenorm.Normalizer` (tests pass a fake)."""

    def normalize_many(self, values: Iterable[str], *, lang: str | None = ...,
                       types: Iterable[str] | str | None = ..., country: str | None = ...,
                       fuzzy: bool | None = ..., as_of: str | None = ...) -> list[Match | None]: ...


Query = LookupOptions  # clean's name for the options of a run (``namenorm.csvclean.Query``)


@dataclass(frozen=True)
class FieldSpec:
    """Which fields are added, in which order, and the suffix of each new column."""

    fields: tuple[str, ...] = DEFAULT_FIELDS
    suffixes: dict[str, str] = field(default_factory=lambda: {f: "_" + f for f in ALL_FIELDS})

    @classmethod
    def parse(cls, fields: str | Sequence[str] | None = None, suffixes: str | dict[str, str] | None = None,
              *, with_base: bool = True) -> FieldSpec:
        """From ``--fields id,name`` and ``--suffixes id=_qid,name=_canonical``."""
        if isinstance(fields, str):
            fields = [f.strip() for f in fields.split(",") if f.strip()]
        chosen = tuple(fields) if fields else tuple(f for f in DEFAULT_FIELDS if with_base or f != "base")
        bad = [f for f in chosen if f not in ALL_FIELDS]
        if bad or not chosen or len(set(chosen)) != len(chosen):
            raise CleanError(f"--fields takes distinct names from {','.join(ALL_FIELDS)}; "
                             f"got {','.join(chosen)}")
        suf = {f: "_" + f for f in ALL_FIELDS}
        if isinstance(suffixes, str):
            pairs = [p.split("=", 1) for p in suffixes.split(",") if p.strip()]
            if any(len(p) != 2 for p in pairs):
                raise CleanError(f"--suffixes takes field=suffix pairs such as id=_qid,name=_canonical; "
                                 f"got {suffixes!r}")
            suffixes = {k.strip(): v for k, v in pairs}
        for k, v in (suffixes or {}).items():
            if k not in ALL_FIELDS or not v:
                raise CleanError(f"--suffixes: {k!r} is not one of {','.join(ALL_FIELDS)} "
                                 "(or its suffix is empty)")
            suf[k] = v
        return cls(chosen, suf)

    def names(self, column: str) -> list[str]:
        """The new column names for the cleaned column ``column``."""
        return [column + self.suffixes[f] for f in self.fields]


class Outcome(NamedTuple):
    """The result for one distinct value: the new fields as text, the status, a guess for the report."""

    fields: tuple[str, ...]
    status: int  # UNMATCHED, BELOW_MIN_SCORE, MATCHED, EMPTY or TOO_LONG (not looked up)
    guess: str = ""
    score: float | None = None  # the accepted match's score, unrounded


def _texts(m: Match, base: str) -> dict[str, str]:
    return {"id": m.id, "name": m.name, "type": m.type, "score": f"{m.score:.2f}", "method": m.method,
            "base": base, "key": m.id, "former": (m.until or "yes") if m.former else ""}


def accepted(m: Match | None, query: Query) -> bool:
    """Whether ``m`` counts as a match (it reaches ``min_score``)."""
    return m is not None and m.score >= query.min_score


def outcome(m: Match | None, base: str, query: Query, spec: FieldSpec, key: str = "") -> Outcome:
    """The new fields for a value whose match is ``m``; ``base`` (the value's base form) and ``key`` (its
    :func:`namenorm.name_keys.unresolved_key`) are written for values without an accepted match (a
    matched value's base form column stays empty, and its key is the entity ID)."""
    if m is not None and accepted(m, query):
        texts = _texts(m, "")
        return Outcome(tuple([texts[f] for f in spec.fields]), MATCHED, "", m.score)
    unmatched = {"base": base, "key": key}
    empty = tuple([unmatched.get(f, "") for f in spec.fields])
    if m is None:
        return Outcome(empty, UNMATCHED)
    return Outcome(empty, BELOW_MIN_SCORE, f"{m.id} {m.name} ({m.score:.2f})")


def base_form_function() -> Callable[..., str] | None:
    """``namenorm.morph.base_form`` when morphology is available, else None (no ``_base`` column)."""
    try:
        from namenorm.morph import base_form
    except ImportError:  # pragma: no cover - morph ships with namenorm, but may fail to load its data
        return None
    return base_form


def looked_up(value: str) -> bool:
    """Whether ``value`` is sent to the resolver: not blank, not over :data:`namenorm.limits.MAX_TEXT`.

    >>> looked_up("Kyiv"), looked_up("  "), looked_up("x" * 10_001)
    (True, False, False)
    """
    return bool(value.strip()) and not too_long(value)


def resolve_values(resolver: BatchNormalizer, values: Sequence[str], query: Query, spec: FieldSpec,
                   base: Callable[..., str] | None = None) -> list[Outcome]:
    """One :class:`Outcome` per value (distinct values expected); blank values and values over
    :data:`namenorm.limits.MAX_TEXT` characters are not looked up."""
    todo = [v for v in values if looked_up(v)]
    found = iter(resolver.normalize_many(todo, **query.hints())) if todo else iter(())
    want_base = base is not None and "base" in spec.fields
    want_key = "key" in spec.fields
    blank = Outcome(("",) * len(spec.fields), EMPTY)
    long = Outcome(blank.fields, TOO_LONG)
    same: dict[tuple[str, str, str, float, str, bool, str | None], Outcome] = {}  # matches of equal fields
    out: list[Outcome] = []
    for v in values:
        if not v.strip():
            out.append(blank)
            continue
        if too_long(v):
            out.append(long)
            continue
        m = next(found)
        if m is not None and m.score >= query.min_score:
            key = (m.id, m.name, m.type, m.score, m.method, m.former, m.until)
            o = same.get(key)
            if o is None:
                o = same[key] = outcome(m, "", query, spec)
            out.append(o)
            continue
        b = _safe_base(base, v, query.lang) if want_base and base is not None else ""
        out.append(outcome(m, b, query, spec, _safe_key(v, query.lang) if want_key else ""))
    return out


def _safe_base(base: Callable[..., str], value: str, lang: str | None) -> str:
    try:
        return base(value, lang=lang)
    except ValueError:  # an unsupported language hint: the base form of the text as it is
        return base(value)
    except Exception:  # one odd value must not stop a million-row run: no base form for it
        return ""


def _safe_key(value: str, lang: str | None) -> str:
    """The name key of an unmatched value; "" for no name (or when morphology cannot load)."""
    try:
        from namenorm.name_keys import unresolved_key

        return unresolved_key(value, lang) or ""
    except Exception:  # one odd value must not stop a million-row run: no key for it (as _safe_base)
        return ""


# -- the frame helpers' view: per-distinct-value cells of the new columns -------------------------
def columns_of(column: str | Sequence[str]) -> list[str]:
    """One column name or several, as a list."""
    return [column] if isinstance(column, str) else list(column)


def check_columns(columns: Iterable[str], available: Sequence[object]) -> None:
    """Raise a KeyError that lists the frame's columns when one of ``columns`` is not among them."""
    for column in columns:
        if column not in available:
            raise KeyError(f"unknown column {column!r}; the columns are: {', '.join(map(str, available))}")


@dataclass(frozen=True)
class FrameOptions:
    """The options of ``clean_frame``: lookup hints, ``min_score``, which fields, their suffixes."""

    query: LookupOptions = field(default_factory=LookupOptions)
    fields: str | tuple[str, ...] | None = None
    suffixes: tuple[tuple[str, str], ...] | None = None

    @classmethod
    def of(cls, query: LookupOptions, *, fields: str | Sequence[str] | None = None,
           suffixes: str | dict[str, str] | None = None) -> FrameOptions:
        """The options of ``clean_frame``: the parsed lookup options, and ``fields`` and ``suffixes``
        (a dict, or as the command line writes them: ``"id=_qid,name=_canonical"``) checked as
        ``--fields`` and ``--suffixes`` are."""
        chosen = FieldSpec.parse(None, suffixes).suffixes if suffixes else None
        return cls(query, fields if isinstance(fields, str) or fields is None else tuple(fields),
                   tuple(sorted(chosen.items())) if chosen else None)

    @property
    def score_suffix(self) -> str:
        """The suffix of the score column (the one column that holds numbers)."""
        return dict(self.suffixes or ()).get("score", "_score")

    def spec(self, with_base: bool) -> FieldSpec:
        """The fields and suffixes."""
        suffixes = dict(self.suffixes) if self.suffixes else None
        return FieldSpec.parse(self.fields, suffixes, with_base=with_base)


def new_columns(values: Sequence[str], resolver: BatchNormalizer, opts: FrameOptions,
                observe: Callable[[Sequence[str], list[Outcome]], None] | None = None,
                ) -> dict[str, dict[str, object]]:
    """For each new column (keyed by suffix): a mapping from each distinct value to its cell.

    Cells are ``None`` where there is no match (below ``min_score`` counts as none), the score is a float.
    ``observe`` is shown each value's :class:`Outcome` (``clean``'s Parquet path counts them for its summary).
    """
    base = base_form_function()
    spec = opts.spec(base is not None)
    outcomes = resolve_values(resolver, list(values), opts.query, spec, base)
    if observe is not None:
        observe(values, outcomes)
    cols: dict[str, dict[str, object]] = {}
    for i, f in enumerate(spec.fields):
        cells: dict[str, object] = {}
        for v, o in zip(values, outcomes, strict=True):
            if f in ("base", "key"):
                cells[v] = o.fields[i] or None
            elif o.status != MATCHED:
                cells[v] = None
            elif f == "former":
                cells[v] = o.fields[i] or None
            else:
                cells[v] = o.score if f == "score" else o.fields[i]
        cols[spec.suffixes[f]] = cells
    return cols
