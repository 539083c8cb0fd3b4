"""The ``namenorm extract`` subcommand: the names in a text file, one mention per line.

Default output is tab-separated: start, end, text, id, name, type, score, method. ``--jsonl``
prints one JSON object per mention with the same fields. Offsets count characters of the decoded
file (Python string indices). The file's encoding is detected as ``clean`` detects it (a byte order
mark, else UTF-8 when valid, else cp1251) unless ``--encoding`` gives it. ``--types`` and
``--country`` keep only the mentions of entities of those types, or of that country.

``--unlinked`` also prints the proper names that no entity was linked to (``extract(...,
unlinked=True)``), and two more fields, base and key: a linked mention's key is its entity ID, an
unlinked name's key is its :func:`namenorm.name_key`; its id, name, type, score and method are
empty (null in JSON Lines). ``--types`` and ``--country`` leave unlinked names out (they have
neither); ``--min-score`` applies to linked mentions only.
"""

from __future__ import annotations

import argparse
import json
import sys

from namenorm.cli_args import (
    HELP_LAYOUT,
    add_gazetteer_options,
    add_hint_options,
    add_min_score_option,
    lookup_options,
    make_normalizer,
)
from namenorm.cli_input import read_text
from namenorm.match import Mention
from namenorm.options import LookupOptions

__all__ = ["register", "run"]

_FIELDS = ("start", "end", "text", "id", "name", "type", "score", "method")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``extract`` subcommand to the main parser's subparsers."""
    p = subparsers.add_parser("extract", help="find and link names in running text", **HELP_LAYOUT,
                              description="Find the names in FILE (or stdin with -) and link them to "
                              "entities; prints\nstart, end, text, id, name, type, score, method.")
    p.add_argument("file", metavar="FILE", help="a text file, or - for stdin")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per mention (JSON Lines)")
    p.add_argument("--json", action="store_true", dest="jsonl", help=argparse.SUPPRESS)
    p.add_argument("--unlinked", action="store_true", help="also print the proper names that no entity "
                   "was linked to,\nwith two more fields: base (base form) and key (namenorm.name_key)")
    p.add_argument("--encoding", help="the file's encoding (default: detected among utf-8, utf-8-sig, "
                   "utf-16, cp1251)")
    add_hint_options(p, fuzzy=False, helps={
        "lang": "language of the text (en, uk, ru, ...); default: guessed per sentence",
        "types": "keep only the mentions of entities of these types (comma-separated: PER,LOC,...)",
        "country": "keep only the mentions of entities in this country, ISO 3166-1 alpha-2 (UA)"})
    add_min_score_option(p)
    add_gazetteer_options(p)
    p.set_defaults(func=run)


def _kept(m: Mention, opts: LookupOptions) -> bool:
    if m.match is None:
        return not opts.types and not opts.country
    if m.match.score < opts.min_score:
        return False
    if opts.types and m.match.type not in opts.types:
        return False
    return not opts.country or m.match.country == opts.country


def _row(m: Mention, unlinked: bool) -> tuple[object, ...]:
    """The output fields of a mention (base and key only with ``--unlinked``)."""
    x = m.match
    row: tuple[object, ...] = (m.start, m.end, m.text) + (
        (x.id, x.name, x.type, x.score, x.method) if x is not None else (None,) * 5)
    if unlinked:
        row += (m.base, m.key if x is None else x.id)
    return row


def run(args: argparse.Namespace) -> int:
    """Handler of ``namenorm extract``; returns the exit code (0, or 2 for bad input)."""
    from namenorm.extract import extract

    opts = lookup_options(args)
    text = read_text(args.file, args.encoding)
    norm = make_normalizer(args, opts)
    out = sys.stdout
    fields = (*_FIELDS, "base", "key") if args.unlinked else _FIELDS
    for m in extract(text, lang=opts.lang, normalizer=norm, unlinked=args.unlinked):
        if not _kept(m, opts):
            continue
        row = _row(m, args.unlinked)
        if args.jsonl:
            out.write(json.dumps(dict(zip(fields, row, strict=True)), ensure_ascii=False) + "\n")
        else:
            cells = ["" if c is None else str(c) for c in row]
            for i in (2, 8):  # the text and the base form
                if i < len(cells):
                    cells[i] = cells[i].replace("\t", " ").replace("\n", " ")
            out.write("\t".join(cells) + "\n")
    return 0
