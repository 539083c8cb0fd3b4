"""Peak memory of ``namenorm clean`` on a large CSV (2 GiB by default): the run must stream.

    python benchmarks/clean_rss.py               # 2 GiB, column "city", jobs=1
    python benchmarks/clean_rss.py --gib 0.2 --jobs 2
    python benchmarks/clean_rss.py --jobs 2 --floor   # and the csv module on the same file, after

The input repeats the 1,000,000-row table of ``bench_clean.py`` (a Zipf column drawn from ~50,000
variants, a column with a distinct string on every row) with a new ``id`` and ``uniq`` on each
repetition, so no two rows are equal. The real ``namenorm clean`` command runs in a child process
on the ``city`` column; its peak RSS (of the largest process, and summed over the command and its
worker processes) and PSS (summed, shared pages counted once), wall time and rows/s
are reported, and the output is checked to hold one line per input line. Not part of ``run_all.py``
(it writes about 5 GB to a temporary folder and takes minutes).
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_clean import csv_floor, generate


def make_input(path: Path, gib: float) -> int:
    """Write about ``gib`` GiB of CSV to ``path``; return its number of data rows."""
    block = path.with_suffix(".block")
    generate(block, 1_000_000)
    with block.open(encoding="utf-8", newline="") as f:
        header, *table = list(csv.reader(f))
    block.unlink()
    target, rows, rep = int(gib * 2**30), 0, 0
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        while f.tell() < target:
            # "id,city,uniq,note": a fresh id and a fresh uniq value on every repetition
            w.writerows([f"{rep}-{i}", city, f"{uniq} r{rep}", note] for i, city, uniq, note in table)
            rows += len(table)
            rep += 1
    return rows


def _tree_memory_mib(pid: int) -> tuple[float, float]:
    """Resident memory of process ``pid`` and all its descendants, as the sum of their RSS and of their
    PSS (pages shared between them counted once): (RSS MiB, PSS MiB), from Linux /proc (0 elsewhere)."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").glob("[0-9]*"):
        try:
            fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(d.name)] = int(fields[1])
        rss[int(d.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree, grew = {pid}, True
    while grew:
        more = {p for p, pp in parent.items() if pp in tree} - tree
        grew = bool(more)
        tree |= more
    return sum(rss.get(p, 0) for p in tree) / 2**20, sum(map(_pss_kib, tree)) / 1024


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _lines(path: Path) -> int:
    n = 0
    with path.open("rb") as f:
        while block := f.read(1 << 24):
            n += block.count(b"\n")
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gib", type=float, default=2.0, help="input size in GiB (default 2)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--column", default="city")
    ap.add_argument("--floor", action="store_true",
                    help="also time Python's csv module reading and writing the same file, right after")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "big.csv", Path(tmp) / "out.csv"
        t = time.perf_counter()
        rows = make_input(src, a.gib)
        print(f"generated {rows:,} rows, {src.stat().st_size / 2**30:.2f} GiB in "
              f"{time.perf_counter() - t:.0f} s", file=sys.stderr)
        exe = Path(sys.executable).with_name("namenorm")
        cmd = [str(exe) if exe.exists() else "namenorm", "clean", str(src), "--column", a.column,
               "-o", str(dst), "--jobs", str(a.jobs), "--quiet"]
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=os.environ.copy())
        tree_peak = tree_pss = 0.0
        while proc.poll() is None:
            rss_now, pss_now = _tree_memory_mib(proc.pid)
            tree_peak, tree_pss = max(tree_peak, rss_now), max(tree_pss, pss_now)
            time.sleep(0.5)
        if proc.returncode:
            raise SystemExit(f"namenorm clean failed with exit code {proc.returncode}")
        dt = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        out_lines, in_lines = _lines(dst), _lines(src)
        print(f"| input | {src.stat().st_size / 2**30:.2f} GiB, {rows:,} rows |")
        print(f"| clean --column {a.column} --jobs {a.jobs} | {dt:.0f} s, {rows / dt:,.0f} rows/s |")
        print(f"| peak RSS of the command (largest process) | {peak:,.0f} MiB |")
        if tree_peak:
            print(f"| peak RSS of the command and its workers, summed (sampled every 0.5 s) | "
                  f"{tree_peak:,.0f} MiB |")
            print(f"| peak PSS of the command and its workers, summed: shared pages counted once | "
                  f"{tree_pss:,.0f} MiB |")
        print(f"| output lines = input lines | {out_lines:,} = {in_lines:,}: {out_lines == in_lines} |")
        if a.floor:
            dst.unlink()
            t = time.perf_counter()
            csv_floor(src, dst)
            floor = rows / (time.perf_counter() - t)
            print(f"| csv module read+write of the same file (I/O floor) | {floor:,.0f} rows/s; clean at "
                  f"{rows / dt / floor:.2f}x |")
        return 0 if out_lines == in_lines else 1


if __name__ == "__main__":
    sys.exit(main())
