"""Resolving each distinct value once: a bounded cache shared across the run, and ``--jobs`` workers.

A lookup is two steps, so that reading and writing can overlap the workers: :meth:`ValueLookup.request`
does the cache bookkeeping at once and sends the misses off (to the worker pool with ``--jobs``),
:meth:`ValueLookup.complete` waits for them.  A value sent off stays in the cache as its pending
:class:`Batch` until the outcome arrives, so a later request neither sends it again nor sees the
cache in any other state than if it had been resolved on the spot.

>>> cache = BoundedCache(maxsize=4)
>>> for k in "abcde":
...     cache[k] = k.upper()
>>> cache.get("e"), len(cache) <= 4
('E', True)
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import compress, repeat
from operator import is_
from typing import Any, Generic, TypeVar, cast

from namenorm._columns import (
    BatchNormalizer,
    FieldSpec,
    Outcome,
    Query,
    base_form_function,
    looked_up,
    resolve_values,
)
from namenorm.csvclean.errors import CleanError

__all__ = ["Batch", "BoundedCache", "Request", "ValueLookup"]

K = TypeVar("K")
V = TypeVar("V")
LOCAL_BELOW = 64  # fewer misses than this are resolved in this process until the workers are started
# How much the workers yield to this process, in nice steps (0 leaves them at its priority). This process
# reads, writes and keeps the order: whenever it waits for a core, the whole pipeline waits. On
# benchmarks/bench_clean.py's city column, --jobs 2 on 2 cores, the cores were busy 85% of the run with
# the workers at its priority and 92% with them 10 steps nicer, and the run took about 10% less time.
WORKER_NICENESS = 10
WORKER_LOST = ("a worker process stopped without finishing (killed by the system, most often for lack of "
               "memory); nothing was written. Rerun with fewer --jobs, or without --jobs")


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
_inherited: dict[int, tuple[BatchNormalizer, Query, FieldSpec, Callable[..., str] | None]] = {}
_worker: dict[str, Any] = {}


def _preload(resolver: BatchNormalizer) -> None:
    """Load what the resolver would load lazily (``Normalizer.preload``), once, before the workers
    need it: forked workers then share it instead of each loading its own copy mid-run."""
    preload = getattr(resolver, "preload", None)
    if callable(preload):
        preload()


def _yield_to_parent() -> None:
    """Lower this worker's priority by ``WORKER_NICENESS`` steps where the system allows it."""
    if WORKER_NICENESS and hasattr(os, "nice"):
        with contextlib.suppress(OSError):  # not permitted here: run at the parent's priority
            os.nice(WORKER_NICENESS)


def _exit_with_parent(parent: int) -> None:
    """Stop this worker within a second of its parent (pid ``parent``, taken before the fork: a parent
    that died before this runs is seen too) dying without shutting the pool down (SIGKILL, a crash):
    else it would wait on the task queue forever, since its siblings keep that pipe open."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="namenorm-parent-watch", daemon=True).start()


def _settle_worker(parent: int) -> None:
    """What every worker does first, under any start method: watch its parent, and yield to it."""
    _exit_with_parent(parent)
    _yield_to_parent()


@contextlib.contextmanager
def _worker_lost_is_an_error() -> Iterator[None]:
    """A pool broken by a worker's death (the out-of-memory killer, say) as a message for the user."""
    try:
        yield
    except BrokenProcessPool:
        raise CleanError(WORKER_LOST) from None


def _init_forked(parent: int) -> None:
    """A forked worker: the parent paused the collector while it cleans; here the inherited objects
    (the loaded index) are set aside for good and the collector runs over new objects only."""
    _settle_worker(parent)
    gc.freeze()
    gc.enable()


def _init_worker(payload: bytes, parent: int) -> None:
    _settle_worker(parent)
    resolver, query, spec, with_base = pickle.loads(payload)
    _preload(resolver)
    _worker.update(resolver=resolver, query=query, spec=spec,
                   base=base_form_function() if with_base else None)


def _work(token: int, values: list[str]) -> list[Outcome]:
    if token in _inherited:
        resolver, query, spec, base = _inherited[token]
        return resolve_values(resolver, values, query, spec, base)
    w = _worker
    return resolve_values(w["resolver"], values, w["query"], w["spec"], w["base"])


class Batch:
    """Values sent off together: futures of the worker pool, or (``futures`` None) values resolved in
    this process when first waited for.  ``outcomes`` is filled in by :meth:`ValueLookup.wait`."""

    __slots__ = ("futures", "outcomes", "values")

    def __init__(self, values: list[str], futures: list[Future[list[Outcome]]] | None) -> None:
        self.values, self.futures = values, futures
        self.outcomes: dict[str, Outcome] | None = None


def _each_once(items: Iterable[object]) -> list[Batch]:
    """The batches among ``items``, each once (many values share one)."""
    return list({id(b): b for b in items if isinstance(b, Batch)}.values())


class Request:
    """The outcome (or pending :class:`Batch`) of each distinct value of one request, in its order."""

    __slots__ = ("batches", "found", "pending")

    def __init__(self, found: dict[str, Outcome | Batch | None], pending: list[str]) -> None:
        self.found, self.pending = found, pending
        self.batches = _each_once(map(found.__getitem__, pending))  # what the pending values wait for


class ValueLookup:
    """Outcomes for distinct values, cached; misses go to the resolver (or to ``jobs`` processes)."""

    def __init__(self, resolver: BatchNormalizer, query: Query, spec: FieldSpec, *, jobs: int = 1,
                 cache_size: int = 300_000, base: Callable[..., str] | None = None) -> None:
        self.resolver, self.query, self.spec, self.base = resolver, query, spec, base
        self.cache: BoundedCache[str, Outcome | Batch] = BoundedCache(cache_size)
        self.jobs = max(1, jobs)
        self._pool: Executor | None = None
        self._inflight: dict[str, Batch] = {}  # values sent off and not yet waited for
        self.resolved = 0  # lookups that missed the cache

    def _executor(self) -> Executor:
        if self._pool is None:
            ctx = multiprocessing.get_context()
            if ctx.get_start_method() == "fork":  # the workers start at once, inheriting the resolver
                _preload(self.resolver)
                _inherited[id(self)] = (self.resolver, self.query, self.spec, self.base)
                self._pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=_init_forked,
                                                 initargs=(os.getpid(),))
            else:
                payload = pickle.dumps((self.resolver, self.query, self.spec, self.base is not None))
                self._pool = ProcessPoolExecutor(self.jobs, mp_context=ctx, initializer=_init_worker,
                                                 initargs=(payload, os.getpid()))
        return self._pool

    def request(self, distinct: Collection[str]) -> Request:
        """Look ``distinct`` up in the cache and send the misses off; wait with :meth:`complete`."""
        cache = self.cache
        new, old = cache.new, cache.old
        got = list(map(new.get, distinct))
        found: dict[str, Outcome | Batch | None] = dict(zip(distinct, got, strict=True))
        holes = list(compress(distinct, map(is_, got, repeat(None))))
        missing: list[str] = []
        if len(new) + len(holes) < cache.half:  # no generation turns over: the same steps, fewer of them
            for v in holes:
                o = old.pop(v, None)
                if o is None:
                    missing.append(v)
                else:
                    new[v] = found[v] = o  # promoted
        else:  # step by step, as the cache was always used (a turnover mid-way changes later steps)
            found, get = dict.fromkeys(distinct), cache.get
            for v in distinct:
                o = new.get(v)  # the generation that was new when the request began
                if o is None:
                    o = get(v)  # the new one now, else the old one: promoted on a hit
                    if o is None:
                        missing.append(v)
                        continue
                found[v] = o
        # values that an earlier request sent off (none when nothing is in flight)
        pending = [] if not self._inflight else list(
            compress(found, map(isinstance, found.values(), repeat(Batch))))
        if missing:
            self.resolved += sum(map(looked_up, missing))
            inflight = self._inflight
            fresh = [v for v in missing if v not in inflight]  # a value evicted while in flight waits
            if fresh:
                batch = self._send(fresh)
                for v in fresh:
                    inflight[v] = batch
            for v in missing:
                cache[v] = found[v] = inflight[v]
            pending += missing
        return Request(found, pending)

    def _send(self, values: list[str]) -> Batch:
        if self.jobs == 1 or (len(values) < LOCAL_BELOW and self._pool is None):  # not worth starting it
            return Batch(values, None)
        step = -(-len(values) // (self.jobs * 4))
        ex = self._executor()
        with _worker_lost_is_an_error():  # a worker may have died before this batch was sent
            return Batch(values, [ex.submit(_work, id(self), values[i : i + step])
                                  for i in range(0, len(values), step)])

    def ready(self, req: Request) -> bool:
        """Whether :meth:`complete` would return without waiting for a worker."""
        return all(b.outcomes is not None or all(f.done() for f in b.futures or ()) for b in req.batches)

    def complete(self, req: Request) -> dict[str, Outcome]:
        """The outcome of every value of ``req``, waiting for those still being resolved."""
        found = req.found
        for v in req.pending:
            b = found[v]
            assert isinstance(b, Batch)
            found[v] = (b.outcomes if b.outcomes is not None else self.wait(b))[v]
        return cast("dict[str, Outcome]", found)  # every value has its outcome now

    def wait(self, batch: Batch) -> dict[str, Outcome]:
        """The outcomes of ``batch``; the cache entries still pending on it get them."""
        if batch.futures is None:
            outs = resolve_values(self.resolver, batch.values, self.query, self.spec, self.base)
        else:
            with _worker_lost_is_an_error():
                outs = [o for f in batch.futures for o in f.result()]
        batch.outcomes = got = dict(zip(batch.values, outs, strict=True))
        new, old, inflight = self.cache.new, self.cache.old, self._inflight
        for v, o in got.items():
            if new.get(v) is batch:
                new[v] = o
            elif old.get(v) is batch:
                old[v] = o
            if inflight.get(v) is batch:
                del inflight[v]
        return got

    def discard(self) -> None:
        """Forget the values in flight (after an error): cancel their work, drop their cache entries."""
        for b in _each_once(self._inflight.values()):
            for f in b.futures or ():
                f.cancel()
            for gen in (self.cache.new, self.cache.old):
                for v in b.values:
                    if gen.get(v) is b:
                        del gen[v]
        self._inflight.clear()

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        self.discard()
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        _inherited.pop(id(self), None)
