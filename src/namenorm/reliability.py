"""Reliability tables: what a score means, measured on labelled lookups.

A score is meant as the probability that the match is right. :func:`reliability` groups labelled
outcomes by score and reports, for each threshold, how many matches scored at least that much and
the share of them that were right (``benchmarks/reliability.py`` builds the labelled data).

>>> rows = [(0.99, True), (0.95, True), (0.92, False), (0.85, True), (0.6, False), (None, False)]
>>> for t, n, right in reliability(rows, (0.9, 0.8, 0.5)):
...     print(t, n, f"{right:.2f}")
0.9 3 0.67
0.8 4 0.75
0.5 5 0.60
>>> print(format_table(reliability(rows, (0.9,))))
| score at least | matches | right |
|---|---|---|
| 0.90 | 3 | 66.7% |
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["format_table", "reliability"]


def reliability(outcomes: Iterable[tuple[float | None, bool]],
                thresholds: Sequence[float] = (0.95, 0.9, 0.8, 0.7, 0.5)) -> list[tuple[float, int, float]]:
    """``(threshold, matches scored at least threshold, share of them right)`` for each threshold.

    ``outcomes`` are ``(score, right)`` per lookup; a score of None (no match) counts nowhere. A
    threshold that no match reaches has a share of 1.0 (no wrong match)."""
    scored = [(s, ok) for s, ok in outcomes if s is not None]
    out = []
    for t in thresholds:
        hits = [ok for s, ok in scored if s >= t]
        out.append((t, len(hits), sum(hits) / len(hits) if hits else 1.0))
    return out


def format_table(rows: Iterable[tuple[float, int, float]]) -> str:
    """A Markdown table of :func:`reliability`'s rows."""
    lines = ["| score at least | matches | right |", "|---|---|---|"]
    lines += [f"| {t:.2f} | {n} | {right:.1%} |" for t, n, right in rows]
    return "\n".join(lines)
