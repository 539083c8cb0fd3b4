"""What the dataframe helpers share: options, the resolver (one per worker process on a cluster), and
per-distinct-value new columns.

>>> from namenorm.match import Match
>>> class Fake:
...     def normalize_many(self, values, **hints):
...         return [Match("Q1899", "Kyiv", "LOC", 1.0, "exact", v) if v == "Kiev" else None for v in values]
>>> cols = new_columns(["Kiev", "Atlantis"], Fake(), FrameOptions(fields="id,score"))
>>> cols["_id"], cols["_score"]
({'Kiev': 'Q1899', 'Atlantis': None}, {'Kiev': 1.0, 'Atlantis': None})
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from namenorm.csvclean.fields import (
    MATCHED,
    FieldSpec,
    Outcome,
    Query,
    Resolver,
    base_form_function,
    resolve_values,
)

__all__ = ["FrameOptions", "NoLookups", "check_columns", "columns_of", "gazetteer_key", "new_columns",
           "pick_resolver", "worker_normalizer", "worker_stats"]


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

    query: Query = field(default_factory=Query)
    fields: str | tuple[str, ...] | None = None
    suffixes: tuple[tuple[str, str], ...] | None = None

    @classmethod
    def of(cls, *, lang: str | None = None, types: Iterable[str] | str | None = None,
           country: str | None = None, fuzzy: bool | None = None, min_score: float = 0.0,
           fields: str | Sequence[str] | None = None,
           suffixes: str | dict[str, str] | None = None) -> FrameOptions:
        """Normalise the keyword arguments of ``clean_frame`` (``suffixes`` as a dict, or as the
        command line writes them: ``"id=_qid,name=_canonical"``)."""
        if isinstance(types, str):
            types = [t.strip() for t in types.split(",") if t.strip()]
        chosen = FieldSpec.parse(None, suffixes).suffixes if suffixes else None  # checked as --suffixes is
        return cls(Query(lang, tuple(types) if types else None, country, fuzzy, min_score),
                   fields if isinstance(fields, str) or fields is None else tuple(fields),
                   tuple(sorted(chosen.items())) if chosen else None)

    @property
    def score_suffix(self) -> str:
        """The suffix of the score column (the one column that holds numbers)."""
        return dict(self.suffixes or ()).get("score", "_score")

    def spec(self, with_base: bool) -> FieldSpec:
        """The fields and suffixes."""
        suffixes = dict(self.suffixes) if self.suffixes else None
        return FieldSpec.parse(self.fields, suffixes, with_base=with_base)


def pick_resolver(normalizer: Resolver | None, gazetteers: Sequence[str | Path] | None,
                  include_bundled: bool) -> Resolver:
    """``normalizer``, else a Normalizer over ``gazetteers``, else the shared default one."""
    if normalizer is not None:
        return normalizer
    from namenorm.api import Normalizer, default_normalizer

    if gazetteers is None and include_bundled:
        return default_normalizer()
    return Normalizer(gazetteers=list(gazetteers or []), include_bundled=include_bundled)


# -- one Normalizer per worker process of a cluster (Dask, Spark) -------------------------------------
_BUILT: list[int] = []  # one entry per Normalizer built in this process (see worker_stats)


def gazetteer_key(gazetteers: Sequence[str | Path] | None) -> tuple[str, ...] | None:
    """Gazetteer paths made absolute (as the driver sees them) and hashable, for :func:`worker_normalizer`."""
    return tuple(str(Path(p).resolve()) for p in gazetteers) if gazetteers is not None else None


@lru_cache(maxsize=8)
def worker_normalizer(gazetteers: tuple[str, ...] | None, include_bundled: bool) -> Resolver:
    """The Normalizer of this process for a gazetteer configuration, built on first use."""
    _BUILT.append(os.getpid())
    return pick_resolver(None, list(gazetteers) if gazetteers is not None else None, include_bundled)


def worker_stats() -> dict[str, int]:
    """How many Normalizers this process built (for checking that workers load them once)."""
    return {"pid": os.getpid(), "built": len(_BUILT)}


class NoLookups:
    """A resolver for computing the output schema on an empty frame: it is never asked anything."""

    def normalize_many(self, values: Iterable[str], **hints: Any) -> list[Any]:
        return [None for _ in values]


def new_columns(values: Sequence[str], resolver: Resolver, opts: FrameOptions,
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
            if f == "base":
                cells[v] = o.fields[i] or None
            elif o.status != MATCHED:
                cells[v] = None
            else:
                cells[v] = o.score if f == "score" else o.fields[i]
        cols[spec.suffixes[f]] = cells
    return cols
