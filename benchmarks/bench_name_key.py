"""Benchmark namenorm.name_key: distinct keys per second against base_form alone, in one process.

Run alone: ``python benchmarks/bench_name_key.py`` (prints a markdown table), or through
``benchmarks/run_all.py name_key``. The names are generated: every case form of bench_morph's
synthetic gazetteer (Russian and Ukrainian people, places, organisations), plus each nominative
romanised (``transliterate``), so that Latin input is measured too. The default Normalizer is
loaded before the clock starts.

- baseline: ``base_form`` of every distinct name, its caches cleared first (name_key calls it);
- name_key of every distinct name, with the morphology caches and name_key's own caches cleared
  (resolution through the index and the sound key are what it adds);
- name_key again over the same names: the memoised steady state of a column with repeats.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent


def _bench_morph() -> ModuleType:
    """bench_morph, for its synthetic gazetteer and its cache clearing (the benchmarks are no package)."""
    spec = importlib.util.spec_from_file_location("bench_morph", HERE / "bench_morph.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def generated_names() -> list[tuple[str, str | None]]:
    """(name, lang) pairs, distinct: case forms of synthetic aliases and romanised nominatives."""
    from namenorm import transliterate
    from namenorm.morph import expand

    out: set[tuple[str, str | None]] = set()
    for alias, lang, etype, gender in _bench_morph().synthetic_aliases():
        out.update((form, lang) for form in expand(alias, lang, etype, gender))
        out.add((transliterate(alias), None))
    return sorted(out, key=lambda x: (x[0], x[1] or ""))


def _clear_key_caches() -> None:
    from namenorm import keys, name_keys

    for f in (name_keys._cached_key, name_keys._key_of_base, name_keys._sound_word, keys.skeleton):
        f.cache_clear()


def _rate(fn: Any, items: list[tuple[str, str | None]]) -> float:
    t0 = time.perf_counter()
    for text, lang in items:
        fn(text, lang=lang)
    return len(items) / max(time.perf_counter() - t0, 1e-9)


def run() -> list[dict[str, Any]]:
    from namenorm import base_form, name_key
    from namenorm.api import default_normalizer

    default_normalizer().preload()
    names = generated_names()
    clear_morph = _bench_morph().clear_caches
    base_ps = key_ps = 0.0
    for _ in range(3):  # best of 3: the machine is shared
        clear_morph()
        base_ps = max(base_ps, _rate(base_form, names))
        clear_morph()
        _clear_key_caches()
        key_ps = max(key_ps, _rate(name_key, names))
    memo_ps = _rate(name_key, names)
    return [
        {"name": f"base_form, distinct generated names ({len(names)}), caches cold (baseline)",
         "ops/s": round(base_ps), "ratio": 1.0, "baseline": "base_form"},
        {"name": "name_key, same names, caches cold", "ops/s": round(key_ps),
         "ratio": round(key_ps / base_ps, 2), "baseline": "base_form"},
        {"name": "name_key, same names again (memoised)", "ops/s": round(memo_ps),
         "ratio": round(memo_ps / base_ps, 2), "baseline": "base_form"},
    ]


if __name__ == "__main__":
    rows = run()
    print("| name | keys/s | ratio |")
    print("|---|---|---|")
    for r in rows:
        print(f"| {r['name']} | {r['ops/s']:,} | {r['ratio']} |")
