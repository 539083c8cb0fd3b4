"""The ``--report`` file: values that did not match (or matched below ``--min-score``), grouped.

Variants are grouped by the key that ``--fields key`` writes for an unmatched value
(:func:`namenorm.name_keys.unresolved_key`): it joins inflected forms and scripts, so "Зеленского",
"Зеленский" and "Zelenskiy" share a row. A value that has no such key (no letters) is grouped by its
folded text.  Rows are CSV: key, count, variants (most frequent first), best guess.

>>> group_key("Киеве") == group_key("Киев") == group_key("  KIEV "), group_key("Атлантиды")
(True, '~atlntd')
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

from namenorm.csvclean.safefile import open_atomic

__all__ = ["group_key", "group_unmatched", "write_report"]

MAX_VARIANTS = 10


@lru_cache(maxsize=65536)
def group_key(value: str) -> str:
    """The grouping key of an unmatched value: its name key, else its folded text."""
    from namenorm.text import fold

    try:
        from namenorm.name_keys import unresolved_key

        key = unresolved_key(value)
    except ImportError:  # pragma: no cover - morphology ships with namenorm
        key = None
    return key if key is not None else fold(value)


def group_unmatched(counts: Counter[str]) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """``(key, total, [(variant, count), ...])``, the most frequent groups first."""
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for v, c in counts.items():
        groups[group_key(v)].append((v, c))
    out = [(k, sum(c for _, c in vs), sorted(vs, key=lambda x: (-x[1], x[0]))) for k, vs in groups.items()]
    out.sort(key=lambda g: (-g[1], g[0]))
    return out


def write_report(path: str | Path, counts: Counter[str], guesses: Mapping[str, str],
                 guess: Callable[[str], str] | None = None, *, max_lookups: int = 1000) -> int:
    """Write the report CSV; returns the number of groups.

    ``guesses`` holds the below-threshold match of a variant; otherwise ``guess(variant)`` (e.g. the
    best fuzzy candidate) is asked for the most frequent variant of the first ``max_lookups`` groups.
    """
    groups = group_unmatched(counts)
    target = Path(path)
    with open_atomic(target) as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["key", "count", "variants", "best_guess"])
        for n, (key, total, variants) in enumerate(groups):
            best = next((guesses[v] for v, _ in variants if v in guesses), "")
            if not best and guess is not None and n < max_lookups:
                best = guess(variants[0][0])
            shown = " | ".join(f"{v} ({c})" for v, c in variants[:MAX_VARIANTS])
            if len(variants) > MAX_VARIANTS:
                shown += f" | ... {len(variants) - MAX_VARIANTS} more"
            w.writerow([key, total, shown, best])
    return len(groups)
