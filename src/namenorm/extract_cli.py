"""The ``namenorm extract`` subcommand: the names in a text file, one mention per line.

Default output is tab-separated: start, end, text, id, name, type, score, method. ``--jsonl``
prints one JSON object per mention with the same fields. Offsets count characters of the decoded
file (Python string indices).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["register"]

_FIELDS = ("start", "end", "text", "id", "name", "type", "score", "method")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``extract`` subcommand to the main parser's subparsers."""
    p = subparsers.add_parser("extract", help="find and link names in running text",
                              description="Find the names in FILE (or stdin with -) and link them to "
                              "entities; prints start, end, text, id, name, type, score, method.")
    p.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for stdin")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per mention")
    p.add_argument("--lang", help="language of the text (en, uk, ru, ...); default: guessed per sentence")
    p.add_argument("--gazetteer", action="append", metavar="PATH",
                   help="your own .gaz file or folder, added to the bundled ones (repeatable)")
    p.add_argument("--no-bundled", action="store_true", help="use only the --gazetteer files")
    p.set_defaults(func=run)


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {name} (give a text file, or - to read stdin)")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"{name} is not UTF-8 text ({e.reason} at byte {e.start}); convert it first, "
                         "e.g. iconv -f cp1251 -t utf-8") from None


def run(args: argparse.Namespace) -> int:
    """Handler of ``namenorm extract``; returns the exit code (0, or 2 for bad input)."""
    from namenorm.api import Normalizer, default_normalizer
    from namenorm.extract import extract

    text = _read(args.file)
    if args.gazetteer or args.no_bundled:
        norm = Normalizer(gazetteers=args.gazetteer or [], include_bundled=not args.no_bundled)
    else:
        norm = default_normalizer()
    out = sys.stdout
    for m in extract(text, lang=args.lang, normalizer=norm):
        row = (m.start, m.end, m.text, m.match.id, m.match.name, m.match.type, m.match.score, m.match.method)
        if args.jsonl:
            out.write(json.dumps(dict(zip(_FIELDS, row, strict=True)), ensure_ascii=False) + "\n")
        else:
            cells = [str(c) for c in row]
            cells[2] = cells[2].replace("\t", " ").replace("\n", " ")
            out.write("\t".join(cells) + "\n")
    return 0
