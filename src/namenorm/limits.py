"""Limits on what is looked up.

A text longer than :data:`MAX_TEXT` characters is not a name: ``normalize`` gives None for it,
``candidates`` an empty list, ``base_form`` the text unchanged, and ``clean`` keeps its row, leaves
its new fields empty and counts it in the summary. None of them raises on it.

>>> too_long("x" * MAX_TEXT), too_long("x" * (MAX_TEXT + 1))
(False, True)
"""

from __future__ import annotations

__all__ = ["MAX_TEXT", "too_long"]

MAX_TEXT = 10_000  # characters


def too_long(text: str) -> bool:
    """Whether ``text`` is over :data:`MAX_TEXT` characters (and is not looked up)."""
    return len(text) > MAX_TEXT
