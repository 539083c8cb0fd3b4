"""The ``namenorm`` command line: normalize, translit, gazetteer check/stats, clean, extract.

Exit codes: 0 ok, 1 no match for some input (or problems found by ``gazetteer check``), 2 usage
or input error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from namenorm.compile_notice import show as show_compile_notices

__all__ = ["main"]


def _inputs(items: list[str]) -> Iterator[str]:
    """Command-line values, with ``-`` meaning one value per line of stdin."""
    for item in items:
        if item == "-":
            for line in sys.stdin:
                if line.strip():
                    yield line.rstrip("\r\n")
        else:
            yield item


def _cmd_normalize(args: argparse.Namespace) -> int:
    from namenorm.api import Normalizer

    norm = Normalizer(gazetteers=args.gazetteer or None, include_bundled=not args.no_bundled)
    types = args.types.split(",") if args.types else None
    missing = 0
    for text in _inputs(args.text):
        m = norm.normalize(text, lang=args.lang, types=types, country=args.country, fuzzy=not args.no_fuzzy)
        missing += m is None
        if args.json:
            rec: dict[str, object] = {"input": text, "match": None}
            if m is not None:
                rec["match"] = {k: getattr(m, k) for k in
                                ("id", "name", "type", "score", "method", "alias", "ambiguous")}
                if args.explain:
                    rec["explain"] = m.explain()
            print(json.dumps(rec, ensure_ascii=False))
        elif m is None:
            print(f"{text}\t-")
        else:
            print(f"{text}\t{m.id}\t{m.name}\t{m.type}\t{m.score:.2f}\t{m.method}")
            if args.explain:
                print(f"  {m.explain()}")
    return 1 if missing else 0


def _cmd_translit(args: argparse.Namespace) -> int:
    from namenorm.translit import transliterate

    for text in _inputs(args.text):
        print(transliterate(text, scheme=args.scheme))
    return 0


def _cmd_gazetteer(args: argparse.Namespace) -> int:
    from namenorm.gazetteer import bundled_paths, check

    paths: list[str | Path] = list(args.paths) or list(bundled_paths())
    try:
        ents, problems = check(paths)
    except FileNotFoundError as e:
        print(f"namenorm: {e}", file=sys.stderr)
        return 2
    if args.action == "check":
        for p in problems:
            print(p)
        n_alias = sum(len(e.aliases) for e in ents)
        print(f"{len(ents)} entities, {n_alias} aliases, {len(problems)} problems", file=sys.stderr)
        return 1 if problems else 0
    by_type = Counter(e.type for e in ents)
    by_lang = Counter(a.lang for e in ents for a in e.aliases)
    by_origin = Counter(e.origin.rsplit(":", 1)[0] for e in ents)
    print(f"entities\t{len(ents)}")
    print(f"aliases\t{sum(by_lang.values())}")
    for title, counter in (("type", by_type), ("lang", by_lang), ("source", by_origin)):
        for k, v in counter.most_common():
            print(f"{title}\t{k}\t{v}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    ap = argparse.ArgumentParser(prog="namenorm", description="Map names in any spelling, script or "
                                 "inflected form to canonical entity IDs.")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("normalize", help="resolve names to entities", description="Resolve each TEXT "
                       "to an entity; prints input, id, name, type, score, method (tab-separated).")
    p.add_argument("text", nargs="+", metavar="TEXT", help="a name, or - to read one per line from stdin")
    p.add_argument("--json", action="store_true", help="one JSON object per input")
    p.add_argument("--explain", action="store_true", help="show how each match was found")
    p.add_argument("--lang", help="language hint (en, uk, ru, de, fr, pl, ...)")
    p.add_argument("--types", help="comma-separated type filter: PER,LOC,ORG,EVT,PRO")
    p.add_argument("--country", help="country hint, ISO 3166-1 alpha-2 (UA)")
    p.add_argument("--no-fuzzy", action="store_true", help="disable fuzzy matching")
    _gazetteer_opts(p)
    p.set_defaults(func=_cmd_normalize)

    p = sub.add_parser("translit", help="transliterate Cyrillic to Latin",
                       description="Transliterate each TEXT with a scheme (default: auto by language).")
    p.add_argument("text", nargs="+", metavar="TEXT", help="text, or - to read lines from stdin")
    p.add_argument("--scheme", default="auto", help="uk_national, ru_icao, ru_wikipedia, ... or auto")
    p.set_defaults(func=_cmd_translit)

    p = sub.add_parser("gazetteer", help="check or describe gazetteer files")
    p.add_argument("action", choices=["check", "stats"], help="check: validate; stats: counts")
    p.add_argument("paths", nargs="*", help=".gaz files or folders (default: the bundled gazetteers)")
    p.set_defaults(func=_cmd_gazetteer)

    for mod in ("namenorm.csvclean.cli", "namenorm.extract_cli", "namenorm.cache_cli"):
        try:
            register = __import__(mod, fromlist=["register"]).register
        except ImportError:
            continue
        register(sub)
    return ap


def _gazetteer_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gazetteer", action="append", metavar="PATH",
                   help="your own .gaz file or folder, added to the bundled ones (repeatable)")
    p.add_argument("--no-bundled", action="store_true", help="use only the --gazetteer files")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    ap = build_parser()
    args = ap.parse_args(argv)
    show_compile_notices()
    try:
        return int(args.func(args))
    except (ValueError, FileNotFoundError) as e:
        print(f"namenorm: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
