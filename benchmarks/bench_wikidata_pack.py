"""What a Wikidata pack costs: build it, compile it, load it, look names up in it.

    python benchmarks/bench_wikidata_pack.py [--n 1000000] [--n 100000 ...] [--keep DIR]

For each N: a synthetic ``.json.gz`` dump of N humans in the real dump layout (en labels, ru and uk
labels for most, some de, an alias or two, P31/P21/P27 claims, descriptions, sitelinks; about 1.2 kB
an entity, like the humans of ``latest-all.json``) is generated, then each step runs in a fresh
child process (its peak RSS is its own):

- ``parse``: ``json.loads`` of every line of the dump (the floor of any Python dump reader: the
  baseline of ``build``);
- ``build``: ``namenorm gazetteer from-wikidata DUMP -o pack.gaz --langs en,ru,uk --types PER``;
- ``compile``: ``Normalizer([pack], include_bundled=False).preload()`` with an empty cache folder;
- ``load``: the same in a new process with the cache filled: time to the first answer, then
  ``preload()`` (every table) and lookups: hits (names of the pack, nominative, en/ru/uk) and misses
  (random Latin and Cyrillic words), each query new to the process;
- ``bundled`` (once, the baseline of ``load``): the bundled gazetteers, loaded from a filled cache,
  looked up the same way with their own names.

``run()`` (for run_all.py) measures N = 10,000 only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_LAT = ["an", "dr", "ko", "va", "le", "mi", "sh", "ch", "en", "ko", "ol", "ga", "ry", "ts", "iv",
        "pe", "tr", "os", "ul", "ba", "de", "ni", "zh", "ka", "ro", "vo", "lo", "ma", "sa", "ti"]
_CYR = ["ан", "др", "ко", "ва", "ле", "ми", "ш", "ч", "ен", "ко", "ол", "га", "ры", "ц", "ив",
        "пе", "тр", "ос", "ул", "ба", "де", "ни", "ж", "ка", "ро", "во", "ло", "ма", "са", "ти"]
_ENDS = [("enko", "енко", "енко"), ("ov", "ов", "ов"), ("sky", "ский", "ський"), ("uk", "ук", "ук"),
         ("in", "ин", "ін"), ("ich", "ич", "ич"), ("yak", "як", "як"), ("", "", "")]
_COUNTRIES = ["Q212", "Q159", "Q184", "Q36", "Q183", "Q30", "Q142", "Q145"]


def _word(rng: random.Random, ends: bool) -> tuple[str, str, str]:
    idx = [rng.randrange(len(_LAT)) for _ in range(rng.randint(2, 4))]
    end = rng.choice(_ENDS) if ends else ("", "", "")
    lat = ("".join(_LAT[i] for i in idx) + end[0]).capitalize()
    cyr = "".join(_CYR[i] for i in idx)
    return lat, (cyr + end[1]).capitalize(), (cyr.replace("ы", "и") + end[2]).capitalize()


def _entity(i: int, rng: random.Random) -> dict[str, Any]:
    first, last = _word(rng, False), _word(rng, True)
    en, ru, uk = (f"{first[k]} {last[k]}" for k in range(3))
    labels = {"en": en}
    if rng.random() < 0.9:
        labels["ru"] = ru
    if rng.random() < 0.6:
        labels["uk"] = uk
    if rng.random() < 0.3:
        labels["de"] = en
    aliases = {"en": [f"{first[0][0]}. {last[0]}"]} if rng.random() < 0.5 else {}
    if "ru" in labels and rng.random() < 0.3:
        aliases["ru"] = [f"{last[1]} {first[1]}"]

    def claim(prop: str, qid: str) -> dict[str, Any]:
        value = {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}
        return {"mainsnak": {"snaktype": "value", "property": prop, "hash": f"{rng.getrandbits(64):016x}",
                             "datavalue": {"value": value, "type": "wikibase-entityid"},
                             "datatype": "wikibase-item"},
                "type": "statement", "id": f"Q{i}${rng.getrandbits(64):016x}", "rank": "normal"}

    claims = {"P31": [claim("P31", "Q5")], "P21": [claim("P21", rng.choice(["Q6581097", "Q6581072"]))],
              "P27": [claim("P27", rng.choice(_COUNTRIES))], "P106": [claim("P106", "Q82955")]}
    return {"type": "item", "id": f"Q{i}",
            "labels": {k: {"language": k, "value": v} for k, v in labels.items()},
            "descriptions": {"en": {"language": "en", "value": "politician"},
                             "ru": {"language": "ru", "value": "политик"}},
            "aliases": {k: [{"language": k, "value": v} for v in vs] for k, vs in aliases.items()},
            "claims": claims, "lastrevid": rng.randint(10**8, 10**9),
            "sitelinks": {f"{w}wiki": {"site": f"{w}wiki", "title": en, "badges": []}
                          for w in ("en", "ru", "uk", "de", "fr", "pl")[:rng.randint(0, 6)]}}


def write_dump(path: Path, n: int, seed: int = 1) -> None:
    """A synthetic dump of ``n`` humans, in the layout of latest-all.json.gz."""
    rng = random.Random(seed)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as f:
        f.write("[\n")
        for i in range(1, n + 1):
            f.write(json.dumps(_entity(i, rng), ensure_ascii=False, separators=(",", ":")))
            f.write(",\n" if i < n else "\n")
        f.write("]\n")


def _child(phase: str, *args: str, cache: Path | None = None) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    if cache is not None:
        env["NAMENORM_CACHE_DIR"] = str(cache)
    out = subprocess.run([sys.executable, __file__, "--phase", phase, *args], env=env, check=True,
                         capture_output=True, text=True)
    return dict(json.loads(out.stdout.splitlines()[-1]))


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _phase_parse(dump: str) -> dict[str, Any]:
    start, n = time.perf_counter(), 0
    with gzip.open(dump, "rb") as f:
        for line in f:
            line = line.strip().rstrip(b",")
            if line not in (b"[", b"]", b""):
                json.loads(line)
                n += 1
    return {"seconds": time.perf_counter() - start, "entities": n, "rss_mib": _rss_mib()}


def _phase_build(dump: str, pack: str, types: str = "PER") -> dict[str, Any]:
    from namenorm.cli import main

    start = time.perf_counter()
    code = main(["gazetteer", "from-wikidata", dump, "-o", pack, "--langs", "en,ru,uk", "--types", types])
    assert code == 0
    return {"seconds": time.perf_counter() - start, "rss_mib": _rss_mib(), "bytes": Path(pack).stat().st_size}


def _phase_compile(pack: str) -> dict[str, Any]:
    from namenorm import Normalizer

    start = time.perf_counter()
    nn = Normalizer([pack], include_bundled=False).preload()
    return {"seconds": time.perf_counter() - start, "rss_mib": _rss_mib(), "entities": len(nn.index.ents)}


def _queries(pack: str | None, n: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """``n`` names of the pack (a reservoir sample of its en/ru/uk names with a space, read line by
    line so the sample costs no memory) and ``n`` random words that name nothing."""
    from namenorm.gazetteer import bundled_paths

    hits: list[str] = []
    seen = 0
    for path in [Path(pack)] if pack else bundled_paths():
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line[:4] not in ("en: ", "ru: ", "uk: "):
                    continue
                for name in line[4:].split("#")[0].split(" | "):
                    name = name.strip()
                    if " " not in name or "{" in name:
                        continue
                    seen += 1
                    if len(hits) < n:
                        hits.append(name)
                    elif (j := rng.randrange(seen)) < n:
                        hits[j] = name
    misses = []
    for _ in range(n):
        lat = "".join(rng.choice("bcdfghjklmnpqrstvwxz") + rng.choice("aeiou") for _ in range(5))
        cyr = "".join(rng.choice("бвгджзкл") + rng.choice("аеиоу") for _ in range(5))
        misses.append(f"Qx{lat}" if rng.random() < 0.5 else f"Жъ{cyr}")
    return list(dict.fromkeys(hits)), misses


def _phase_load(pack: str | None) -> dict[str, Any]:
    from namenorm import Normalizer

    rng = random.Random(7)
    hits, misses = _queries(pack, 2000, rng)
    start = time.perf_counter()
    nn = Normalizer([pack], include_bundled=False) if pack else Normalizer()
    nn.normalize("Zzzz Qqqq")
    first = time.perf_counter() - start
    nn.preload()
    out: dict[str, Any] = {"load_seconds": first, "rss_mib_all_loaded": 0.0}
    for name, queries in (("hits", hits), ("misses", misses)):
        start = time.perf_counter()
        found = sum(nn.normalize(q) is not None for q in queries)
        out[f"{name}_per_s"] = len(queries) / (time.perf_counter() - start)
        out[f"{name}_found"] = found / len(queries)
    out["rss_mib_all_loaded"] = _rss_mib()
    return out


def measure(n: int, folder: Path) -> dict[str, Any]:
    dump, pack, cache = folder / f"dump{n}.json.gz", folder / f"pack{n}.gaz", folder / f"cache{n}"
    start = time.perf_counter()
    write_dump(dump, n)
    res: dict[str, Any] = {"n": n, "generate_s": time.perf_counter() - start}
    res["dump_bytes"] = dump.stat().st_size
    res["parse"] = _child("parse", str(dump))
    res["build"] = _child("build", str(dump), str(pack))
    res["scan"] = _child("build", str(dump), str(folder / "none.gaz"), "LOC")
    res["compile"] = _child("compile", str(pack), cache=cache)
    res["load"] = _child("load", str(pack), cache=cache)
    return res


def _bundled(folder: Path) -> dict[str, Any]:
    cache = Path(os.environ.get("NAMENORM_CACHE_DIR", folder / "cache-bundled"))
    _child("compile-bundled", cache=cache)  # fills the cache (a no-op when it is filled)
    return _child("load", cache=cache)


def _report(res: dict[str, Any], bundled: dict[str, Any]) -> str:
    b, p, c, ld, sc = res["build"], res["parse"], res["compile"], res["load"], res["scan"]
    n, mib = res["n"], 2**20
    rss, brss = ld["rss_mib_all_loaded"], bundled["rss_mib_all_loaded"]
    hits, misses = ld["hits_per_s"] / bundled["hits_per_s"], ld["misses_per_s"] / bundled["misses_per_s"]
    return "\n".join([
        f"## N = {n:,} humans (dump {res['dump_bytes'] / mib:,.1f} MiB gz)",
        f"build: {b['seconds']:.1f} s, {n / b['seconds']:,.0f} entities/s, peak RSS {b['rss_mib']:,.0f} MiB, "
        f"pack {b['bytes'] / mib:,.1f} MiB; json.loads alone {p['seconds']:.1f} s "
        f"(ratio build/parse {b['seconds'] / p['seconds']:.2f}); --types LOC (no line decoded) "
        f"{sc['seconds']:.1f} s",
        f"compile: {c['seconds']:.1f} s, peak RSS {c['rss_mib']:,.0f} MiB",
        f"load: {ld['load_seconds']:.2f} s to the first answer (bundled: {bundled['load_seconds']:.2f} s); "
        f"RSS with every table {rss:,.0f} MiB (bundled: {brss:,.0f})",
        f"lookups: hits {ld['hits_per_s']:,.0f}/s ({ld['hits_found']:.0%} found), misses "
        f"{ld['misses_per_s']:,.0f}/s; ratio to the bundled index: hits {hits:.2f}, misses {misses:.2f}",
    ])


def run(n: int = 10_000) -> list[dict[str, Any]]:
    """Rows for run_all.py at one size."""
    with tempfile.TemporaryDirectory() as tmp:
        bundled = _bundled(Path(tmp))
        r = measure(n, Path(tmp))
    name = f"{n:,} humans"
    return [
        {"name": f"build {name}", "value": n / r["build"]["seconds"], "unit": "entities/s",
         "ratio": r["parse"]["seconds"] / r["build"]["seconds"], "baseline": "json.loads of the dump"},
        {"name": f"compile {name}", "value": r["compile"]["seconds"], "unit": "s"},
        {"name": f"load {name}", "value": r["load"]["load_seconds"], "unit": "s",
         "ratio": r["load"]["load_seconds"] / bundled["load_seconds"], "baseline": "bundled index"},
        {"name": f"RSS {name}", "value": r["load"]["rss_mib_all_loaded"], "unit": "MiB",
         "ratio": r["load"]["rss_mib_all_loaded"] / bundled["rss_mib_all_loaded"],
         "baseline": "bundled index"},
        {"name": f"misses {name}", "value": r["load"]["misses_per_s"], "unit": "queries/s",
         "ratio": r["load"]["misses_per_s"] / bundled["misses_per_s"], "baseline": "bundled index"},
        {"name": f"hits {name}", "value": r["load"]["hits_per_s"], "unit": "queries/s",
         "ratio": r["load"]["hits_per_s"] / bundled["hits_per_s"], "baseline": "bundled index"},
    ]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, action="append", help="entities (repeatable; default 1,000,000)")
    ap.add_argument("--keep", type=Path, help="keep dumps, packs and caches in this folder")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    args, rest = ap.parse_known_args(argv)
    if args.phase:
        phases = {"parse": _phase_parse, "build": _phase_build, "compile": _phase_compile,
                  "load": _phase_load}
        if args.phase == "compile-bundled":
            from namenorm import Normalizer

            Normalizer().preload()
            result: dict[str, Any] = {}
        else:
            result = phases[args.phase](*(rest or [None]))
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        bundled = _bundled(folder)
        for n in args.n or [1_000_000]:
            print(_report(measure(n, folder), bundled), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
