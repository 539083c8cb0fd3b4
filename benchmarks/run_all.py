"""Run every benchmark (benchmarks/bench_*.py) and print one markdown table of ratios.

    python benchmarks/run_all.py              # all
    python benchmarks/run_all.py normalize    # only bench_normalize.py

Each module exposes ``run() -> list[dict]``; a row has ``bench``, ``name``, ``value``, ``unit`` and
optionally ``ratio`` (against the baseline named in ``baseline``), all measured in the same process.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).parent


def _load(path: Path) -> object:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _fmt(v: object) -> str:
    if isinstance(v, float):
        return f"{v:,.3f}" if abs(v) < 100 else f"{v:,.0f}"
    return str(v)


def main(argv: list[str]) -> int:
    wanted = set(argv)
    rows: list[dict[str, object]] = []
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and path.stem.removeprefix("bench_") not in wanted:
            continue
        print(f"running {path.name} ...", file=sys.stderr)
        for row in _load(path).run():  # type: ignore[attr-defined]
            row.setdefault("bench", path.stem.removeprefix("bench_"))
            if "value" not in row and "ops/s" in row:
                row["value"], row["unit"] = row.pop("ops/s"), row.get("unit", "ops/s")
            rows.append(row)
    keys = ["bench", "name", "value", "unit", "ratio", "baseline"]
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for r in rows:
        print("| " + " | ".join(_fmt(r.get(k, "")) for k in keys) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
