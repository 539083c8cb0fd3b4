"""How compile time and ``cyrillize`` time grow with the input: 1x, 10x and 100x, in one process.

Run alone: ``python benchmarks/bench_scaling.py`` (prints run_all.py's markdown table), or through run_all.py.
``run()`` returns rows (bench, name, value, unit, ratio, baseline); value is seconds (best of 3 for
cyrillize, one run for compiles), ratio = (time at kx / time at 1x) / k: 1.0 is linear growth, 10 at
100x would be quadratic.
- compile: ``build_index`` over N person entities whose aliases all share the first name
  ("Ivan Petrenko17", "Ivan P17"): one surname-table key is shared by every alias. N = 400, 4,000,
  40,000 (the probe saw 0.41 s at 5,000 and 13.9 s at 40,000 before the fix).
- cyrillize: one call on Latin text of 200, 2,000 and 20,000 characters: one run of random letters
  without a break ("a long word"), and words of 4 to 10 random letters; the word cache cleared
  before each call (best of 3 at 1x and 10x, one call at 100x). The probe saw 2.9 s for
  ``'a' * 4000`` and over 30 s at 100,000 characters.
"""

from __future__ import annotations

import gc
import random
import tempfile
import time
from pathlib import Path
from typing import Any

SIZES = (1, 10, 100)


def _gazetteer(folder: Path, n: int) -> Path:
    path = folder / f"shared{n}.gaz"
    body = "".join(f"[t:{i}] PER Ivan Petrenko{i}\nen: Ivan Petrenko{i} | Ivan P{i}\n" for i in range(n))
    path.write_text("@priority: 1\n" + body, encoding="utf-8")
    return path


def _compile_seconds(path: Path) -> float:
    from namenorm.gazetteer import load
    from namenorm.index import build_index

    ents = load([path])
    gc.collect()
    start = time.perf_counter()
    build_index(ents)
    return time.perf_counter() - start


def _latin(n: int, words: bool, rng: random.Random) -> str:
    letters = "abcdefghijklmnoprstuvyz"
    if not words:
        return "".join(rng.choice(letters) for _ in range(n))
    out: list[str] = []
    size = 0
    while size < n:
        w = "".join(rng.choice(letters) for _ in range(rng.randint(4, 10)))
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:n]


def _cyrillize_seconds(text: str, repeat: int) -> float:
    from namenorm.translit import cyrillize
    from namenorm.translit.cyrillize import _cyrillize_word

    best = float("inf")
    for _ in range(repeat):
        _cyrillize_word.cache_clear()
        start = time.perf_counter()
        cyrillize(text, lang="uk")
        best = min(best, time.perf_counter() - start)
    return best


def _rows(bench: str, name: str, unit_size: str, seconds: dict[int, float]) -> list[dict[str, Any]]:
    base = seconds[SIZES[0]]
    return [{"bench": bench, "name": f"{name} {k}x ({unit_size})", "value": s, "unit": "s",
             "ratio": (s / base) / k if base > 0 else float("nan"), "baseline": f"{name} 1x, per unit"}
            for k, s in seconds.items()]


def run() -> list[dict[str, Any]]:
    from namenorm.translit import cyrillize

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        _compile_seconds(_gazetteer(Path(tmp), 50))  # imports and tables outside the timing
        compile_s = {k: _compile_seconds(_gazetteer(Path(tmp), 400 * k)) for k in SIZES}
    rows += _rows("scaling compile", "shared first name", "400 entities per 1x", compile_s)
    cyrillize("warm up", lang="uk")
    rng = random.Random(20)
    for label, words in (("a long word", False), ("words", True)):
        secs = {k: _cyrillize_seconds(_latin(200 * k, words, rng), 1 if k == 100 else 3) for k in SIZES}
        rows += _rows("scaling cyrillize", label, "200 characters per 1x", secs)
    return rows


if __name__ == "__main__":
    import sys

    from run_all import main  # run_all prints the table; this file's folder is on sys.path here

    sys.exit(main(["scaling"]))
