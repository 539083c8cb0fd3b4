"""``namenorm clean`` throughput against the I/O floor, on a generated CSV.

    python benchmarks/bench_clean.py                  # 1,000,000 rows, fake and real resolver
    python benchmarks/bench_clean.py --rows 100000 --resolver fake
    python benchmarks/bench_clean.py --resolver slow --jobs 2   # how much of resolution is hidden
    python benchmarks/bench_clean.py --resolver real --no-fuzzy  # what fuzzy matching costs

The file (generated in a temporary folder) has columns ``id,city,uniq,note``:
* ``city`` draws from ~50,000 distinct variants with a Zipf distribution (s = 1.1): gazetteer
  aliases as written, upper-cased and lower-cased, plus unknown made-up names;
* ``uniq`` holds a distinct string on every row (made-up words, no digits);
* ``note`` is "note", or "x, y" (quoted) on every seventh row; the fake resolver also cleans
  ``city`` and ``note`` together.
Baselines, measured in the same run: Python's csv module reading and writing the same file (the I/O
floor), the same writing six constant fields after ``city`` (the shape of clean's output, with no
lookup), and polars reading and writing it (if installed). Each clean is timed in ``--repeat`` rounds (3),
each right after a floor of its own: the median ratio and the range of the ratios are reported, since
on a shared machine the floor alone varies by a third from one minute to the next. Each round runs in a
fresh process forked from one that never resolved a value: cold caches, as a new command starts.
``fake`` is a dict lookup standing in for the Normalizer (the pipeline's own cost); ``slow`` is a
resolver of fixed cost (a busy loop of ``--slow-us`` microseconds of CPU per value, 90 by default, about
the bundled Normalizer's cost), to measure how much of resolution the pipeline hides behind reading and
writing (with ``--jobs`` > 1); ``real`` is the bundled Normalizer, timed from a fresh instance (loading
its index is part of the run) and, on the city column, also loaded before the clock starts (the
throughput alone; the load is timed on its own row). Fake and slow run with jobs 1 and ``--jobs``, on
the city column only for slow (the all-distinct column would take minutes at jobs 1).
"""

from __future__ import annotations

import argparse
import csv
import functools
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from itertools import accumulate
from pathlib import Path
from statistics import median

from namenorm.api import Normalizer
from namenorm.csvclean import clean_csv
from namenorm.match import Match

ROWS = int(os.environ.get("BENCH_CLEAN_ROWS", "1000000"))
VARIANTS = 50_000
SYLLABLES = ["ka", "lo", "mir", "zu", "ven", "dra", "shi", "pol", "ta", "rek", "nov", "gar", "bel", "ost"]


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


# The folder whose .gaz files give the city column's aliases (``--variants-from``): another
# tree's gazetteers, so that two trees clean the same values; None: the bundled ones.
VARIANTS_FROM: Path | None = None


def variants(n: int, seed: int = 7) -> list[str]:
    """Gazetteer aliases (as written, UPPER, lower) and made-up names: ``n`` distinct strings."""
    rng = random.Random(seed)
    try:
        from namenorm.gazetteer import bundled_paths, load

        paths: list[str | Path] = ([*sorted(VARIANTS_FROM.rglob("*.gaz"))] if VARIANTS_FROM is not None
                                   else [*bundled_paths()])
        aliases = sorted({a.text for e in load(paths) for a in e.aliases})
    except Exception:  # no bundled data: made-up names only
        aliases = []
    rng.shuffle(aliases)
    out: dict[str, None] = {}
    for a in aliases[: int(n * 0.5)]:
        out[a] = None
        if rng.random() < 0.3:
            out[a.upper()] = None
        if rng.random() < 0.2:
            out[a.lower()] = None
    while len(out) < n:
        out[_made_up(rng) + (" " + _made_up(rng) if rng.random() < 0.5 else "")] = None
    vs = list(out)[:n]
    rng.shuffle(vs)
    return vs


def generate(path: Path, rows: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    pool = variants(VARIANTS)
    cum = list(accumulate(1.0 / (k + 1) ** 1.1 for k in range(len(pool))))
    cities = rng.choices(pool, cum_weights=cum, k=rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "city", "uniq", "note"])
        w.writerows([i, c, f"{_made_up(rng)} {_spelled(i)}", "x, y" if i % 7 == 0 else "note"]
                    for i, c in enumerate(cities))


def _spelled(i: int) -> str:
    """``i`` written in syllables: distinct strings without digits (a number would skip fuzzy matching,
    see FuzzySearch.numbers, which would flatter the all-distinct column)."""
    out = SYLLABLES[i % len(SYLLABLES)]
    while i >= len(SYLLABLES):
        i //= len(SYLLABLES)
        out = SYLLABLES[i % len(SYLLABLES)] + out
    return out


class DictResolver:
    """A stand-in for the Normalizer: one dict lookup per distinct value (measures the pipeline)."""

    def __init__(self) -> None:
        self.hit = Match("fake:1", "Kyiv", "LOC", 1.0, "exact", "Kyiv")

    def normalize_many(self, values: Iterable[str], **hints: object) -> list[Match | None]:
        return [self.hit if v[:1].isupper() else None for v in values]


class SlowResolver(DictResolver):
    """A resolver of fixed cost: ``us`` microseconds of CPU per value, then the fake's answer.  A module-level
    class, so that ``--jobs`` workers can unpickle it under any start method."""

    def __init__(self, us: float = 90.0) -> None:
        super().__init__()
        self.us = us

    def normalize_many(self, values: Iterable[str], **hints: object) -> list[Match | None]:
        values = list(values)
        end = time.thread_time() + self.us * 1e-6 * len(values)
        while time.thread_time() < end:
            pass
        return super().normalize_many(values)


def _rate(rows: int, fn: object) -> tuple[float, float]:
    t = time.perf_counter()
    fn()  # type: ignore[operator]
    dt = time.perf_counter() - t
    return rows / dt, dt


def csv_floor(src: Path, dst: Path, added: tuple[str, ...] = ()) -> None:
    """The csv module reading ``src`` and writing it to ``dst``; with ``added``, those constant fields after
    ``city`` on every row: the output's shape (clean writes about half again as many bytes as it reads), to
    say what that alone costs, with no lookup at all."""
    with src.open(encoding="utf-8", newline="") as f, dst.open("w", encoding="utf-8", newline="") as g:
        rows = csv.reader(f)
        shaped = ([r[0], r[1], *added, *r[2:]] for r in rows) if added else rows
        csv.writer(g, lineterminator="\n").writerows(shaped)


NEW_FIELDS = ("Q1899", "Kyiv", "LOC", "1.00", "exact", "")  # a match's id, name, type, score, method; no base


def polars_floor(src: Path, dst: Path) -> None:
    import polars as pl

    pl.read_csv(src, infer_schema=False).write_csv(dst)


def _in_child(fn: Callable[[], tuple[float, ...]]) -> tuple[float, ...]:
    """What ``fn`` returns, run in a forked child of this process. This process never resolves a value,
    so each child starts as a new command would: no index loaded, every cache of the library cold (a
    clean run in this process would leave warm caches to the next one, and to the workers it forks)."""
    try:
        ctx = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this system: in this process (later runs see warm caches)
        return fn()
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        send.send(fn())

    proc = ctx.Process(target=child)
    proc.start()
    send.close()
    try:
        result = receive.recv()
    except EOFError:  # the child died before sending
        result = None
    proc.join()
    if result is None:
        raise RuntimeError(f"the measuring process failed (exit code {proc.exitcode})")
    return tuple(result)


def _rss_mib() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(me, kids) / 1024


def run(rows: int = ROWS, resolvers: tuple[str, ...] = ("fake", "real"), jobs: int = 2,
        gazetteers: list[str] | None = None, uniq_real: bool = True,
        slow_us: float = 90.0, repeat: int = 3, fuzzy: bool = True) -> list[dict[str, object]]:
    """Rows/s of ``clean`` per column and resolver, each against a csv-module floor measured just before it
    (the machine is shared, so a floor from minutes earlier is not comparable). Each is measured in
    ``repeat`` rounds of floor then clean, and reported as the median rate and median ratio with the
    range of the ratios (one round for the real resolver on the all-distinct column: minutes each).
    ``fuzzy=False`` runs the real resolver without fuzzy matching (``--no-fuzzy``): what typo tolerance
    costs."""
    out: list[dict[str, object]] = []

    def row(name: str, value: float, unit: str, ratio: float | None = None, base: str = "") -> None:
        r: dict[str, object] = {"bench": "clean", "name": name, "value": value, "unit": unit}
        if ratio is not None:
            r["ratio"], r["baseline"] = ratio, base
        out.append(r)
        shown = f"  {name}: {value:,.1f} {unit}" + (f" ({ratio:.2f}x {base})" if ratio else "")
        print(shown, file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.csv", Path(tmp) / "out.csv"
        t = time.perf_counter()
        generate(src, rows)
        print(f"generated {rows:,} rows ({src.stat().st_size / 2**20:.0f} MiB) in "
              f"{time.perf_counter() - t:.1f} s", file=sys.stderr)
        floor, _ = _rate(rows, lambda: csv_floor(src, dst))
        row("csv module read+write (I/O floor)", floor, "rows/s")
        wide, _ = _rate(rows, lambda: csv_floor(src, dst, NEW_FIELDS))
        row("csv module read+write, six constant fields added after city (the output's shape)", wide,
            "rows/s", wide / floor, "csv floor")
        try:
            pol, _ = _rate(rows, lambda: polars_floor(src, dst))
            row("polars read+write", pol, "rows/s", pol / floor, "csv floor")
        except ImportError:
            pass
        for kind in resolvers:
            fields: str | None = None  # the real run writes every field, base forms included
            make: Callable[[], DictResolver | Normalizer]
            if kind == "fake":
                make = DictResolver
                fields = "id,name,type,score,method"  # the pipeline's own cost: no morphology
            elif kind == "slow":
                make = functools.partial(SlowResolver, slow_us)
                fields = "id,name,type,score,method"
            else:

                def make_real() -> Normalizer:
                    if gazetteers:
                        return Normalizer(gazetteers, include_bundled=False, fuzzy=fuzzy)
                    return Normalizer(fuzzy=fuzzy)

                def first_load() -> tuple[float]:
                    t = time.perf_counter()
                    make_real().normalize("Kyiv")
                    return (time.perf_counter() - t,)

                row("real Normalizer first load (compiles the index if the on-disk cache is stale)",
                    _in_child(first_load)[0], "s")
                make = make_real
            job_counts = (1, jobs) if jobs > 1 else (1,)
            columns = ("city", "uniq") if kind != "slow" else ("city",)
            runs = [(c, j, False) for c in columns for j in job_counts]
            if kind == "real":  # also with the resolver loaded before the clock starts: throughput alone
                runs += [("city", j, True) for j in job_counts]
            if kind == "fake":  # two columns cleaned at once
                runs.append(("city,note", 1, False))
            for column, j, loaded in runs:
                if kind == "real" and column == "uniq" and (not uniq_real or (j == 1 and rows > 200_000)):
                    continue  # one lookup per row: minutes; measured with --jobs only

                def one_round(col: str = column, n: int = j, fs: str | None = fields, preload: bool = loaded,
                              new: Callable[[], DictResolver | Normalizer] = make) -> tuple[float, float]:
                    res = new()
                    if isinstance(res, Normalizer) and preload:
                        res.preload()
                    near_floor, _ = _rate(rows, lambda: csv_floor(src, dst))
                    rate, _ = _rate(rows, lambda: clean_csv(src, dst, columns=col.split(","), resolver=res,
                                                            jobs=n, fields=fs))
                    return near_floor, rate

                rates, ratios = [], []
                for _ in range(1 if kind == "real" and column == "uniq" else repeat):
                    near_floor, rate = _in_child(one_round)
                    rates.append(rate)
                    ratios.append(rate / near_floor)
                label = {"city": "Zipf ~50k variants", "uniq": f"{rows:,} distinct",
                         "city,note": "Zipf and a column of two values"}[column]
                when = (", fuzzy off" if kind == "real" and not fuzzy else "") + (
                    ", loaded before timing" if loaded else "")
                spread = (f"median of {len(ratios)} rounds, {min(ratios):.2f}-{max(ratios):.2f}x; "
                          if len(ratios) > 1 else "")
                row(f"clean {column} ({label}), {kind} resolver{when}, jobs={j}", median(rates), "rows/s",
                    median(ratios), f"{spread}csv floor measured just before")
    row("peak RSS (max of this process and its children)", _rss_mib(), "MiB")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=ROWS)
    ap.add_argument("--resolver", choices=["fake", "slow", "real", "both"], default="both",
                    help="both: fake and real")
    ap.add_argument("--slow-us", type=float, default=90.0, help="slow resolver: CPU microseconds per value")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--gazetteer", action="append",
                    help="real resolver: these .gaz files instead of the bundled ones")
    ap.add_argument("--skip-uniq-real", action="store_true",
                    help="skip the all-distinct column with the real resolver")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of floor then clean per measurement")
    ap.add_argument("--no-fuzzy", action="store_true", help="real resolver without fuzzy matching")
    ap.add_argument("--variants-from", type=Path,
                    help="draw the city column's aliases from this folder's .gaz files (e.g. another "
                         "tree's gazetteers/, to compare two trees on the same values)")
    a = ap.parse_args()
    global VARIANTS_FROM
    VARIANTS_FROM = a.variants_from
    kinds = ("fake", "real") if a.resolver == "both" else (a.resolver,)
    for r in run(a.rows, kinds, a.jobs, a.gazetteer, not a.skip_uniq_real, a.slow_us, max(1, a.repeat),
                 not a.no_fuzzy):
        ratio = f" | {r['ratio']:.2f}x {r['baseline']}" if "ratio" in r else ""
        print(f"| {r['name']} | {r['value']:,.1f} {r['unit']}{ratio} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
