"""Pausing Python's cyclic garbage collector around work that makes many objects and no cycles.

Loading a compiled index makes millions of small objects, and cleaning a CSV keeps chunks of row
lists alive: the collector would walk them again and again and find nothing to free.

>>> import gc
>>> with paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused"]


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Disable the collector inside the block; afterwards it is on again only if it was on before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
