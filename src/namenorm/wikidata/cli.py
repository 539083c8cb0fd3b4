"""``namenorm gazetteer from-wikidata DUMP -o pack.gaz``: the command and the streaming build.

The pack is written to a temporary file next to ``-o`` and renamed when complete, so an error or an
interruption leaves no partial pack. Progress goes to stderr: a line redrawn about five times a
second on a terminal, one summary line in any case.

>>> lang_list("en, RU,uk")
('en', 'ru', 'uk')
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

import regex

from namenorm.gazetteer.model import TYPES
from namenorm.wikidata.pack import DEFAULT_LANGS, Pack, one_line
from namenorm.wikidata.read import WikidataInputError, read_items

__all__ = ["build", "curated_countries", "lang_list", "run"]


def lang_list(value: str) -> tuple[str, ...]:
    """``--langs``: comma-separated two-letter language codes (the keys of ``.gaz`` alias lines)."""
    langs = tuple(dict.fromkeys(x.strip().lower() for x in value.split(",") if x.strip()))
    bad = [x for x in langs if not regex.fullmatch(r"[a-z]{2}", x) or x == "xx"]
    if bad or not langs:
        raise argparse.ArgumentTypeError(
            f"{', '.join(bad) or 'nothing'}: give two-letter ISO 639-1 codes separated by commas, such "
            "as en,uk,ru (a .gaz file keys names by such codes; Wikidata variants like zh-hans are not read)")
    return langs


def curated_countries() -> dict[str, str]:
    """Country QID -> ISO 3166-1 alpha-2, from the bundled curated entities with an ``iso3166:`` xref."""
    from namenorm.gazetteer.load import bundled_paths
    from namenorm.gazetteer.parse import parse_file

    out: dict[str, str] = {}
    for path in bundled_paths():
        if path.parent.name != "curated":
            continue
        for e in parse_file(path)[0]:
            for x in e.xrefs:
                if x.startswith("iso3166:") and len(x) == 10 and e.id.startswith("Q"):
                    out.setdefault(e.id, x[8:])
    return out


def build(source: Path, out: TextIO, pack: Pack, *, command: str = "", progress: TextIO | None = None,
          terminal: bool = False) -> None:
    """Stream the items of ``source`` into ``out`` as a ``.gaz`` pack; counts land in ``pack.counts``."""
    stat = source.stat()
    modified = datetime.fromtimestamp(stat.st_mtime, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out.write(
        f"# Wikidata pack built {now} by: {one_line(command)}\n"
        f"# Input: {one_line(source.name)} ({stat.st_size:,} bytes, modified {modified})\n"
        f"@source: Wikidata (CC0), {one_line(source.name)}\n"
        "@license: CC0-1.0\n"
        "@generated-by: namenorm gazetteer from-wikidata\n"
        "@priority: 1\n"
        "@ambiguous: allowed\n"
        "# GENERATED FILE. IDs are Wikidata QIDs; each entity cites its item on its source: line.\n"
        "# type: P31 (namenorm.wikidata.classes); prior: latest population (P1082), else the\n"
        "# number of sitelinks; former names: P1448 with an end time (P582), dated {former,until=...}.\n"
        f"# languages: {','.join(pack.langs)}; types: {','.join(pack.types)}"
        + (f"; only items named in {','.join(pack.required)}\n" if pack.required else "\n")
    )
    shown = 0.0
    for item in read_items(source, pack.needles()):
        if isinstance(item, str):
            pack.counts["read"] += 1
            pack.skip(item)
            continue
        text = pack.block(item, None if item.typed else _assumed_type(source, pack))
        if text is not None:
            out.write("\n" + text)
        if terminal and progress is not None and time.monotonic() - shown > 0.2:
            shown = time.monotonic()
            progress.write("\r" + _summary(pack, short=True))
            progress.flush()
    out.write(f"\n# {_summary(pack)}\n")
    if terminal and progress is not None:
        progress.write("\r\x1b[K")


def _assumed_type(source: Path, pack: Pack) -> str:
    """A SPARQL result without a ?type column takes its type from a single ``--types`` value."""
    if len(pack.types) != 1:
        raise WikidataInputError(f"{source}: the SPARQL result has no ?type column, so the items' types "
                                 "are unknown; select ?type (?item wdt:P31 ?type) or give one --types")
    return pack.types[0]


def _summary(pack: Pack, short: bool = False) -> str:
    c = pack.counts
    line = f"{c['read']:,} read, {c['written']:,} written, {c['skipped']:,} skipped"
    if short:
        return line
    why = sorted((k.removeprefix("skipped: "), v) for k, v in c.items() if k.startswith("skipped: "))
    if why:
        line += " (" + ", ".join(f"{v:,} {k}" for k, v in why) + ")"
    left = c["names left out (not representable in .gaz)"]
    return line + (f"; {left:,} names left out (not representable in .gaz)" if left else "")


def run(args: argparse.Namespace) -> int:
    """Run ``gazetteer from-wikidata`` with parsed ``args``; returns the exit code."""
    from namenorm.cli_args import UsageError

    source, target = Path(args.dump), Path(args.output)
    if not source.is_file():
        raise UsageError(f"{source}: no such file; give a Wikidata dump (.json, .json.gz, .json.bz2) "
                         "or a SPARQL JSON result")
    if not target.parent.is_dir():
        raise UsageError(f"-o {target}: the folder {target.parent} does not exist")
    pack = Pack(langs=args.langs, types=tuple(sorted(args.types)), countries=curated_countries(),
                required=args.require or ())
    command = (f"namenorm gazetteer from-wikidata {shlex.quote(str(source))} -o {shlex.quote(str(target))} "
               f"--langs {','.join(args.langs)} --types {','.join(sorted(args.types))}"
               + (f" --require {','.join(args.require)}" if args.require else ""))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            build(source, out, pack, command=command, progress=sys.stderr, terminal=sys.stderr.isatty())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as any new file (mkstemp made it private)
        os.replace(tmp, target)
    except (WikidataInputError, OSError) as e:
        raise UsageError(str(e)) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    print(f"namenorm gazetteer from-wikidata: {_summary(pack)}; wrote {target}", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], layout: dict[str, object]) -> None:
    """Add ``from-wikidata`` to the ``gazetteer`` subcommands."""
    p = sub.add_parser(
        "from-wikidata", help="build a .gaz pack from a Wikidata dump or SPARQL result", **layout,  # type: ignore[arg-type]
        description="Build a .gaz pack from a Wikidata JSON dump (latest-all.json[.gz|.bz2], streamed in\n"
        "constant memory) or a SPARQL JSON result (variables ?item, ?label, ?alias, ?type, ?population,\n"
        "?sitelinks, ?gender, ?country, ?officialName, ?officialNameEnd). IDs are QIDs; types come\n"
        "from P31 (items of other classes are skipped and counted); prior: population (P1082) or\n"
        "sitelink count; former names: P1448 with an end time. Use the pack with --gazetteer.")
    p.add_argument("dump", metavar="DUMP", help="Wikidata JSON dump or SPARQL JSON result")
    p.add_argument("-o", "--output", required=True, metavar="PACK", help="the .gaz file to write")
    p.add_argument("--langs", type=lang_list, default=DEFAULT_LANGS, metavar="L,L",
                   help=f"languages of the names kept (default: {','.join(DEFAULT_LANGS)})")
    p.add_argument("--require", type=lang_list, metavar="L,L",
                   help="keep only items with a name in one of these languages (--require ru,uk)")
    from namenorm.cli_args import type_list

    p.add_argument("--types", type=type_list, default=tuple(sorted(TYPES)), metavar="T,T",
                   help="entity types kept, among PER,LOC,ORG,EVT,PRO (default: all); with a SPARQL "
                   "result that has no ?type, a single type is given to every item")
