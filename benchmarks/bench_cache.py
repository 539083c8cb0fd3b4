"""Benchmark the index cache: loading the bundled index from the checked data format of
:mod:`namenorm.index_store` against the pickle format it replaces, in the same process.

Run alone: ``python benchmarks/bench_cache.py`` (prints a markdown table), or through run_all.py.
The bundled index is compiled once (or loaded from ``NAMENORM_CACHE_DIR``), then written in both
formats to a temporary folder: the old one is two pickles (core tables, lazy tables) read with the
garbage collector paused, as namenorm did before. Each load is timed ``ROUNDS`` times, the formats
alternating, and the median is reported; ``ratio`` is the data format's time over pickle's (below 1:
faster). Also the time to write each format and the files' sizes. The budget for the core tables is
1 s on the 2-core reference machine.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROUNDS = 5


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run() -> list[dict[str, Any]]:
    from namenorm import Normalizer
    from namenorm.gcpause import paused
    from namenorm.index import LAZY_TABLES, Index
    from namenorm.index_store import CORE_FILE, LAZY_FILE, StoreError, dump, load, open_checked, read_part

    ix = Normalizer().index
    ix.load_all()
    tables = {f.name: getattr(ix, f.name) for f in dataclasses.fields(Index)}
    folder = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    old, new = folder / "pickle", folder / "data"
    old.mkdir()
    new.mkdir()

    def write_pickles() -> None:
        for name, part in (("core", {k: v for k, v in tables.items() if k not in LAZY_TABLES}),
                           ("lazy", {k: v for k, v in tables.items() if k in LAZY_TABLES})):
            with open(old / name, "wb") as f:
                pickle.dump(part, f, protocol=pickle.HIGHEST_PROTOCOL)

    def unpickle(name: str) -> object:
        with paused(), open(old / name, "rb") as f:
            return pickle.load(f)

    def no_rebuild(error: StoreError) -> dict[str, object]:
        raise error

    def read_lazy() -> object:
        fd = open_checked(new / LAZY_FILE)
        try:
            return read_part(fd)
        finally:
            os.close(fd)

    write_old, write_new = _timed(write_pickles), _timed(lambda: dump(ix, new))
    times: dict[str, list[float]] = {k: [] for k in ("pickle core", "data core", "pickle lazy", "data lazy")}
    for _ in range(ROUNDS):
        times["pickle core"].append(_timed(lambda: unpickle("core")))
        times["data core"].append(_timed(lambda: load(new, no_rebuild)))
        times["pickle lazy"].append(_timed(lambda: unpickle("lazy")))
        times["data lazy"].append(_timed(read_lazy))
    med = {k: statistics.median(v) for k, v in times.items()}
    size = {k: (p / n).stat().st_size / 2**20 for k, p, n in (
        ("pickle core", old, "core"), ("pickle lazy", old, "lazy"), ("data core", new, CORE_FILE),
        ("data lazy", new, LAZY_FILE))}
    shutil.rmtree(folder)  # about 75 MB of index files (both formats) per run
    rows: list[dict[str, Any]] = []
    for part in ("core", "lazy"):
        base = med[f"pickle {part}"]
        rows.append({"name": f"load {part} tables, pickle ({size[f'pickle {part}']:.1f} MiB, baseline)",
                     "value": base, "unit": "s"})
        rows.append({"name": f"load {part} tables, checked data ({size[f'data {part}']:.1f} MiB)",
                     "value": med[f"data {part}"], "unit": "s", "ratio": med[f"data {part}"] / base,
                     "baseline": "pickle"})
    rows.append({"name": "write both parts, pickle (baseline)", "value": write_old, "unit": "s"})
    rows.append({"name": "write both parts, checked data", "value": write_new, "unit": "s",
                 "ratio": write_new / write_old, "baseline": "pickle"})
    for r in rows:
        r["bench"] = "cache"
    return rows


def main() -> int:
    keys = ["name", "value", "unit", "ratio", "baseline"]
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for r in run():
        print("| " + " | ".join(f"{r[k]:.3f}" if isinstance(r.get(k), float) else str(r.get(k, ""))
                                for k in keys) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
