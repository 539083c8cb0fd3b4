"""The ``namenorm`` command line (also ``python -m namenorm``).

Subcommands: normalize (:mod:`namenorm.normalize_cli`), extract (:mod:`namenorm.extract.cli`),
clean (:mod:`namenorm.csvclean.cli`), translit and gazetteer check/stats (here), gazetteer
from-wikidata (:mod:`namenorm.wikidata.cli`).

Exit codes, the same for every subcommand:

- 0: the command ran. Inputs that match nothing are data, not errors (as with ``grep -c``).
- 1: only on request: ``--fail-on-miss`` (normalize, clean) when some value matched nothing, and
  ``gazetteer check`` when it found problems.
- 2: usage or input error; the message on stderr says what to do.
- 130: interrupted (Ctrl-C); 143: terminated (SIGTERM), for ``clean``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from namenorm import cache_cli, normalize_cli
from namenorm.cli_args import HELP_LAYOUT, UsageError
from namenorm.cli_input import text_inputs
from namenorm.compile_notice import show as show_compile_notices
from namenorm.csvclean import cli as clean_cli
from namenorm.extract import cli as extract_cli

__all__ = ["build_parser", "main", "package_version"]


def package_version() -> str:
    """The installed distribution's version, else the one in the source tree.

    >>> package_version().count(".") >= 1
    True
    """
    try:
        return metadata.version("namenorm")
    except metadata.PackageNotFoundError:
        from namenorm import __version__

        return __version__


def _cmd_translit(args: argparse.Namespace) -> int:
    from namenorm.translit import transliterate

    for text in text_inputs(args.text):
        print(transliterate(text, scheme=args.scheme))
    return 0


def _cmd_gazetteer(args: argparse.Namespace) -> int:
    from namenorm.gazetteer import bundled_paths, check

    if args.action == "from-wikidata":
        from namenorm.wikidata import cli as wikidata_cli

        return wikidata_cli.run(args)

    paths: list[str | Path] = list(args.paths) or list(bundled_paths())
    try:
        ents, problems = check(paths)
    except FileNotFoundError as e:
        raise UsageError(str(e)) from None
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


def _register_translit(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("translit", help="transliterate Cyrillic to Latin", **HELP_LAYOUT,
                       description="Transliterate each TEXT with a scheme (default: auto by language).")
    p.add_argument("text", nargs="+", metavar="TEXT", help="text, or - to read lines from stdin")
    p.add_argument("--scheme", default="auto", help="uk_national, ru_icao, ru_wikipedia, ... or auto")
    p.set_defaults(func=_cmd_translit)


def _register_gazetteer(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from namenorm.wikidata import cli as wikidata_cli

    p = sub.add_parser("gazetteer", help="check, describe or build gazetteer files", **HELP_LAYOUT,
                       description="check: validate .gaz files (exit 1 on problems); stats: counts;\n"
                       "from-wikidata: build a .gaz pack from a Wikidata dump or SPARQL result.")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    for action, text in (("check", "validate (exit 1 on problems)"), ("stats", "counts")):
        a = actions.add_parser(action, help=text, **HELP_LAYOUT, description=f"{action}: {text}.")
        a.add_argument("paths", nargs="*", help=".gaz files or folders (default: the bundled gazetteers)")
    wikidata_cli.register(actions, HELP_LAYOUT)
    p.set_defaults(func=_cmd_gazetteer)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    ap = argparse.ArgumentParser(prog="namenorm", description="Map names in any spelling, script or "
                                 "inflected form to canonical entity IDs.", **HELP_LAYOUT)
    ap.add_argument("--version", action="version", version=f"namenorm {package_version()}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    registrars = (
        normalize_cli.register,
        extract_cli.register,
        clean_cli.register,
        _register_translit,
        _register_gazetteer,
        cache_cli.register,
    )
    for register in registrars:
        register(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    show_compile_notices()
    try:
        return int(args.func(args))
    except (UsageError, ValueError, FileNotFoundError) as e:
        print(f"namenorm {args.command}: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
