"""Issue #18's budgets for the bundled data, measured against a baseline tree in the same run.

Run: ``python benchmarks/bench_budgets.py [--baseline DIR] [--rounds N]`` from the project root,
where ``DIR`` is a checkout of the baseline commit (``git worktree add --detach /tmp/base <rev>``);
without it only this tree is measured. Prints a markdown table. Each measurement runs in a fresh
Python process with its own empty cache folder (first compile) or a warm one (the rest), the two
trees alternating round by round, and reports the median:

- first compile: ``Normalizer().preload()`` with an empty cache (parse, compile, chance table, save);
- index load: the index with every table, from the cache written, in a fresh process (after
  ``import namenorm``);
- preload: that, and what ``Normalizer.preload()`` adds (morphology analyzers, transliteration
  tables, the evidence tables);
- RSS: the process's peak resident set after the preload (``ru_maxrss``);
- misses/s: ``normalize`` over 2,000 random strings of letters that name nothing (memo cleared);
- hits/s: ``normalize`` over 2,000 names that both trees know (a fixed sample of the baseline's
  aliases), memo cleared.

The budgets (issue #18): first compile <= 120 s, load <= 1 s, RSS <= 500 MB, misses >= 2,000/s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROBE = r"""
import json, random, resource, sys, time
from namenorm.api import Normalizer
t0 = time.perf_counter()
n = Normalizer()
n.index.load_all()
load = time.perf_counter() - t0
n.preload()
preload = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out = {"load": load, "preload": preload, "rss": rss}
if sys.argv[1] == "full":
    rng = random.Random(18)
    letters = "bcdfghjklmnpqrstvwxz"
    misses = ["".join(rng.choice(letters) for _ in range(rng.randint(6, 12))) for _ in range(2000)]
    hits = json.loads(sys.argv[2])
    for name, queries in (("misses", misses), ("hits", hits)):
        n._memo.clear()
        t = time.perf_counter()
        for q in queries:
            n._memo.clear()
            n.normalize(q)
        out[name] = len(queries) / (time.perf_counter() - t)
print(json.dumps(out))
"""


def _run(tree: Path, cache: Path, mode: str, hits: list[str]) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree / "src"), "NAMENORM_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", _PROBE, mode, json.dumps(hits)], env=env,
                          capture_output=True, text=True, check=True, timeout=1800)
    return dict(json.loads(done.stdout.splitlines()[-1]))


def _sample_hits(tree: Path, cache: Path) -> list[str]:
    code = ("import json, random\nfrom namenorm.api import Normalizer\n"
            "a = sorted({x for x in Normalizer().index.aliases() if len(x) > 3})\n"
            "print(json.dumps(random.Random(7).sample(a, 2000)))")
    env = {**os.environ, "PYTHONPATH": str(tree / "src"), "NAMENORM_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return list(json.loads(done.stdout.splitlines()[-1]))


def measure(trees: dict[str, Path], rounds: int) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    with tempfile.TemporaryDirectory() as tmp:
        caches = {name: Path(tmp) / name for name in trees}
        for _ in range(rounds):
            for name, tree in trees.items():
                cold = Path(tmp) / f"{name}-cold"
                shutil.rmtree(cold, ignore_errors=True)
                t = time.perf_counter()
                _run(tree, cold, "load", [])
                results[name].setdefault("first compile (s)", []).append(time.perf_counter() - t)
                if not caches[name].exists():
                    shutil.copytree(cold, caches[name])
        first = next(iter(trees))
        hits = _sample_hits(trees[first], caches[first])
        for _ in range(rounds):
            for name, tree in trees.items():
                row = _run(tree, caches[name], "full", hits)
                for key, label in (("load", "index load (s)"), ("preload", "preload (s)"),
                                   ("rss", "RSS (MiB)"), ("misses", "misses/s"),
                                   ("hits", "hits/s (same names)")):
                    results[name].setdefault(label, []).append(row[key])
    return {name: {k: statistics.median(v) for k, v in rows.items()} for name, rows in results.items()}


def run() -> list[dict[str, object]]:
    """This tree alone, one round (for run_all.py; run the script with --baseline for ratios)."""
    table = measure({"this tree": ROOT}, 1)["this tree"]
    return [{"bench": "budgets", "name": label, "value": value, "unit": ""} for label, value in table.items()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", type=Path, help="a checkout of the baseline commit")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    trees = {"this tree": ROOT}
    if args.baseline is not None:
        trees = {"baseline": args.baseline.resolve(), "this tree": ROOT}
    table = measure(trees, args.rounds)
    names = list(table)
    print("| measure | " + " | ".join(names) + (" | ratio |" if len(names) == 2 else " |"))
    print("|---" * (len(names) + 1 + (len(names) == 2)) + "|")
    for label in table[names[-1]]:
        cells = [f"{table[n][label]:,.2f}" for n in names]
        ratio = f" | {table[names[1]][label] / table[names[0]][label]:.2f}" if len(names) == 2 else ""
        print(f"| {label} | " + " | ".join(cells) + ratio + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
