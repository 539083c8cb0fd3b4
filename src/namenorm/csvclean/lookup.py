"""Resolving each distinct value once: a bounded cache shared across the run, and ``--jobs`` workers.

>>> cache = BoundedCache(maxsize=4)
>>> for k in "abcde":
...     cache[k] = k.upper()
>>> cache.get("e"), len(cache) <= 4
('E', True)
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable, Collection
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any, Generic, TypeVar

from namenorm.csvclean.fields import FieldSpec, Outcome, Query, Resolver, base_form_function, resolve_values

__all__ = ["BoundedCache", "ValueLookup"]

K = TypeVar("K")
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """An approximate LRU in two generations: a hit in the old generation is promoted; when the
    new generation is full the old one is dropped.  At most ``maxsize`` entries, O(1) per access."""

    def __init__(self, maxsize: int = 300_000) -> None:
        self.half = max(1, maxsize // 2)
        self.new: dict[K, V] = {}
        self.old: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        """The cached value, or None."""
        v = self.new.get(key)
        if v is None:
            v = self.old.pop(key, None)
            if v is not None:
                self[key] = v
        return v

    def __setitem__(self, key: K, value: V) -> None:
        if len(self.new) >= self.half:
            self.old, self.new = self.new, {}
        self.new[key] = value

    def __len__(self) -> int:
        return len(self.new) + len(self.old)


# -- worker side of --jobs: one resolver per process ---------------------------------------------
# Forked workers find their lookup's resolver in _inherited, with the parent's memory: its loaded
# index and warm caches are shared copy-on-write, nothing is reloaded. Under other start methods
# (spawn, forkserver) each worker unpickles the resolver once, into _worker.
_inherited: dict[int, tuple[Resolver, Query, FieldSpec, Callable[..., str] | None]] = {}
_worker: dict[str, Any] = {}


def _init_worker(payload: bytes) -> None:
    resolver, query, spec, with_base = pickle.loads(payload)
    _worker.update(resolver=resolver, query=query, spec=spec,
                   base=base_form_function() if with_base else None)


def _work(token: int, values: list[str]) -> list[Outcome]:
    if token in _inherited:
        resolver, query, spec, base = _inherited[token]
        return resolve_values(resolver, values, query, spec, base)
    w = _worker
    return resolve_values(w["resolver"], values, w["query"], w["spec"], w["base"])


class ValueLookup:
    """Outcomes for distinct values, cached; misses go to the resolver (or to ``jobs`` processes)."""

    def __init__(self, resolver: Resolver, query: Query, spec: FieldSpec, *, jobs: int = 1,
                 cache_size: int = 300_000, base: Callable[..., str] | None = None) -> None:
        self.resolver, self.query, self.spec, self.base = resolver, query, spec, base
        self.cache: BoundedCache[str, Outcome] = BoundedCache(cache_size)
        self.jobs = max(1, jobs)
        self._pool: Executor | None = None
        self.resolved = 0  # lookups that missed the cache

    def _executor(self) -> Executor:
        if self._pool is None:
            ctx = multiprocessing.get_context()
            if ctx.get_start_method() == "fork":  # the workers start at once, inheriting the resolver
                _inherited[id(self)] = (self.resolver, self.query, self.spec, self.base)
                self._pool = ProcessPoolExecutor(self.jobs, mp_context=ctx)
            else:
                payload = pickle.dumps((self.resolver, self.query, self.spec, self.base is not None))
                self._pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=_init_worker,
                                                 initargs=(payload,))
        return self._pool

    def lookup(self, distinct: Collection[str]) -> dict[str, Outcome]:
        """An outcome for every value in ``distinct``."""
        out: dict[str, Outcome] = {}
        missing: list[str] = []
        new, get = self.cache.new, self.cache.get
        for v in distinct:
            o = new.get(v)
            if o is None:
                o = get(v)  # the old generation: promoted on a hit
                if o is None:
                    missing.append(v)
                    continue
            out[v] = o
        if missing:
            for v, o in zip(missing, self._resolve(missing), strict=True):
                out[v] = o
                self.cache[v] = o
            self.resolved += len(missing)
        return out

    def _resolve(self, values: list[str]) -> list[Outcome]:
        if self.jobs == 1 or len(values) < 64:
            return resolve_values(self.resolver, values, self.query, self.spec, self.base)
        step = -(-len(values) // (self.jobs * 4))
        parts = [values[i : i + step] for i in range(0, len(values), step)]
        return [o for part in self._executor().map(_work, [id(self)] * len(parts), parts) for o in part]

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        _inherited.pop(id(self), None)
