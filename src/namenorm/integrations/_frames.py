"""What the dataframe helpers share beyond the column model (:mod:`namenorm._columns`): the resolver,
one per worker process on a cluster (Dask, Spark).

>>> pick_resolver(None, [], include_bundled=False)
Normalizer(gazetteers=[], include_bundled=False)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from namenorm._columns import BatchNormalizer

__all__ = ["NoLookups", "gazetteer_key", "pick_resolver", "worker_normalizer", "worker_stats"]


def pick_resolver(normalizer: BatchNormalizer | None, gazetteers: Sequence[str | Path] | None,
                  include_bundled: bool) -> BatchNormalizer:
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
def worker_normalizer(gazetteers: tuple[str, ...] | None, include_bundled: bool) -> BatchNormalizer:
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
