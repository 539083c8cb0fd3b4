"""normalize() over the bundled gazetteers: exact hits and misses, against plain baselines.

- exact hits (uncached: a fresh Normalizer memo per pass; cached: normalize_many's memo) against a
  plain ``dict.get(x.casefold())`` over the same aliases;
- misses (typos and strings absent from the gazetteers) through the whole cascade, against
  brute-force ``rapidfuzz.process.extractOne`` with the same edit budget over every fuzzy key;
  recall = share of brute force's hits that the blocked search also finds (same distance);
- cold start: a fresh interpreter importing namenorm and running one normalize() with a warm cache.

    python benchmarks/bench_normalize.py
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import time

from rapidfuzz import process
from rapidfuzz.distance import OSA

import namenorm
from namenorm.api import default_normalizer
from namenorm.fuzzy import edit_budget
from namenorm.text import fold


def _rate(fn: object, items: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn(items)  # type: ignore[operator]
        best = min(best, time.perf_counter() - t)
    return len(items) / best


def _typo(rng: random.Random, s: str) -> str:
    i = rng.randrange(len(s))
    op = rng.choice("sdi")
    c = rng.choice("aeiounrst")
    return s[:i] + c + s[i + 1 :] if op == "s" else s[:i] + s[i + 1 :] if op == "d" else s[:i] + c + s[i:]


def run() -> list[dict[str, object]]:
    rng = random.Random(7)
    norm = default_normalizer()
    ix = norm.index
    aliases = [a for a in ix.aliases() if len(a) > 3]
    hits = rng.sample(aliases, min(5000, len(aliases)))
    table = {a.casefold(): i for i, a in enumerate(ix.aliases())}
    base = _rate(lambda xs: [table.get(x.casefold()) for x in xs], hits)

    def uncached(xs: list[str]) -> None:
        norm._memo.clear()
        for x in xs:
            norm.normalize(x)

    hit_rate = _rate(uncached, hits)
    cached_rate = _rate(lambda xs: norm.normalize_many(xs), hits)

    keys = ix.fuzzy_keys
    long_aliases = [a for a in aliases if 6 <= len(a) <= 20]
    misses = [_typo(rng, a) for a in rng.sample(long_aliases, 3000)]
    misses += ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(6, 14)))
               for _ in range(2000)]
    norm._memo.clear()
    # One-off loads (analyzers, transliteration tables, extra index tables) are timed in the
    # cold-start process below. Here: a first pass with the per-word caches (morphology,
    # romanisation) cold, as for never-seen strings; then the best of three with them warm.
    norm.preload()
    miss_rate = _rate(lambda xs: [norm.normalize(x) for x in xs], misses, repeat=1)
    miss_warm = _rate(lambda xs: [norm.normalize(x) for x in xs], misses, repeat=3)

    sample = misses[:40]  # brute force is slow: 40 queries time it
    all_keys = list(ix.exact)  # every alias, folded

    def brute_force(choices: list[str]) -> tuple[list[object], float]:
        t = time.perf_counter()
        out = []
        for q in sample:
            k = fold(q)
            b = edit_budget(k)
            out.append(process.extractOne(k, choices, scorer=OSA.distance, score_cutoff=b) if b else None)
        return out, len(sample) / (time.perf_counter() - t)

    _, brute_all_rate = brute_force(all_keys)
    sample = misses[:600]  # brute force over the fuzzy keys: about 100 queries/s
    brute, brute_rate = brute_force(keys)
    found = agree = 0
    for q, bf in zip(sample, brute, strict=True):
        if bf is None:
            continue
        found += 1
        k = fold(q)
        d, ours = norm._get().fuzzy.nearest(k, edit_budget(k), skip_pairs=False)
        agree += bool(ours) and d == int(bf[1])
    recall = agree / max(found, 1)

    # the child's peak RSS from /proc (ru_maxrss can carry the parent's peak across exec)
    cold = subprocess.run([sys.executable, "-c", "import time, re; t=time.perf_counter(); "
                           "import namenorm; namenorm.normalize('Kyiv'); d=time.perf_counter()-t; "
                           "from namenorm.api import default_normalizer; t=time.perf_counter(); "
                           "default_normalizer().preload(); p=time.perf_counter()-t; "  # every lazy load
                           "hwm=re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1); "
                           "print(d, p, int(hwm) / 1024)"],
                          capture_output=True, text=True, check=True)
    cold_s, preload_s, cold_rss = map(float, cold.stdout.split())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = ix.stats()
    return [
        {"bench": "normalize", "name": "dict.get(casefold) baseline", "value": base, "unit": "lookups/s"},
        {"bench": "normalize", "name": "exact hits, uncached", "value": hit_rate, "unit": "lookups/s",
         "ratio": hit_rate / base, "baseline": "dict.get"},
        {"bench": "normalize", "name": "exact hits, cached (normalize_many)", "value": cached_rate,
         "unit": "lookups/s", "ratio": cached_rate / base, "baseline": "dict.get"},
        {"bench": "normalize", "name": "misses, whole cascade, first pass", "value": miss_rate,
         "unit": "queries/s", "ratio": miss_rate / brute_all_rate,
         "baseline": "brute-force extractOne over all aliases"},
        {"bench": "normalize", "name": "misses, whole cascade, repeated", "value": miss_warm,
         "unit": "queries/s", "ratio": miss_warm / brute_all_rate,
         "baseline": "brute-force extractOne over all aliases"},
        {"bench": "normalize", "name": "brute-force extractOne (OSA) over all aliases",
         "value": brute_all_rate, "unit": "queries/s"},
        {"bench": "normalize", "name": "brute-force extractOne (OSA) over the fuzzy keys",
         "value": brute_rate, "unit": "queries/s"},
        {"bench": "normalize", "name": "blocked fuzzy recall vs brute force (same keys)", "value": recall,
         "unit": f"share of {found} hits"},
        {"bench": "normalize", "name": "cold start, warm cache (import + 1st call)",
         "value": cold_s, "unit": "s"},
        {"bench": "normalize", "name": "then Normalizer.preload() (extra tables, analyzers, schemes)",
         "value": preload_s, "unit": "s"},
        {"bench": "normalize", "name": "RSS of a fresh process with every table loaded", "value": cold_rss,
         "unit": "MiB"},
        {"bench": "normalize", "name": "peak RSS of this process", "value": rss, "unit": "MiB"},
        {"bench": "normalize", "name": "index size", "value": f"{n}", "unit": ""},
        {"bench": "normalize", "name": "namenorm version", "value": namenorm.__version__, "unit": ""},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
