"""The ``namenorm normalize`` subcommand: each TEXT resolved to an entity, one output row per input.

TSV output (the default) starts with a header line (``--no-header`` leaves it out) and has the
columns input, id, name, type, score, method, ambiguous (``true``/``false``); an input that matches
nothing gets a row with empty fields, so that the rows line up with the inputs, also with ``-``
(one value per line of stdin, blank lines included). ``--explain`` adds an ``explain`` column (for
a miss: why nothing matched); ``--candidates N`` gives up to N ranked rows per input with a ``rank``
column after input. Tabs and line breaks inside an input become spaces in the TSV input column;
``--jsonl`` (one JSON object per input) keeps the input exactly.
"""

from __future__ import annotations

import argparse
import json

from namenorm.api import Normalizer
from namenorm.cli_args import (
    HELP_LAYOUT,
    add_lookup_options,
    lookup_options,
    make_normalizer,
    positive_int,
)
from namenorm.cli_input import text_inputs
from namenorm.match import Match
from namenorm.options import LookupOptions

__all__ = ["register", "run", "why_no_match"]

_MATCH_FIELDS = ("id", "name", "type", "score", "method", "alias", "ambiguous")
_TSV_FIELDS = ("id", "name", "type", "score", "method", "ambiguous")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``normalize`` subcommand to the main parser's subparsers."""
    p = subparsers.add_parser(
        "normalize", help="resolve names to entities", **HELP_LAYOUT,
        description="Resolve each TEXT to an entity. Prints a header line, then one tab-separated row\n"
        "per input: input, id, name, type, score, method, ambiguous (empty fields when nothing\n"
        "matched).")
    p.add_argument("text", nargs="+", metavar="TEXT",
                   help="a name, or - to read one per line from stdin (UTF-8; every line gives one row)")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per input (JSON Lines)")
    p.add_argument("--json", action="store_true", dest="jsonl", help=argparse.SUPPRESS)  # the old spelling
    p.add_argument("--no-header", action="store_true", help="no header line on TSV output")
    p.add_argument("--explain", action="store_true",
                   help="add an explain column: how each match was found, or why nothing matched")
    p.add_argument("--candidates", type=positive_int, metavar="N",
                   help="up to N ranked candidates per input, one row each after a rank column "
                   "(with --jsonl: a candidates list)")
    p.add_argument("--fail-on-miss", action="store_true", help="exit with 1 when some input matched nothing")
    add_lookup_options(p)
    p.set_defaults(func=run)


def why_no_match(norm: Normalizer, text: str, opts: LookupOptions) -> str:
    """Why ``text`` matched nothing with ``opts``: what was tried, and what the hints ruled out.

    >>> import tempfile, pathlib
    >>> src = pathlib.Path(tempfile.mkdtemp()) / "mine.gaz"
    >>> _ = src.write_text("[acme:1] ORG Acme Widgets\\nen: Acme\\n", encoding="utf-8")
    >>> n = Normalizer(gazetteers=[src], include_bundled=False)
    >>> print(why_no_match(n, "Acme", LookupOptions.parse(types="LOC")))
    nothing matched 'Acme' with --types LOC; without those hints it would be acme:1
    (Acme Widgets, ORG, no country)
    >>> print(why_no_match(n, "Globex", LookupOptions()))
    no alias, inflected form, romanisation or near spelling matched 'Globex'
    >>> print(why_no_match(n, "Acme Widgetz", LookupOptions(fuzzy=False)))
    no alias, inflected form or romanisation (fuzzy matching is off) matched 'Acme Widgetz';
    with fuzzy matching it would be acme:1 (Acme Widgets)
    """
    if not text.strip():
        return "the input is blank"
    fuzzy = norm.fuzzy if opts.fuzzy is None else opts.fuzzy
    tried = "no alias, inflected form, romanisation or near spelling" if fuzzy else \
        "no alias, inflected form or romanisation (fuzzy matching is off)"
    given = [f"--{k} {','.join(sorted(v)) if k == 'types' else v}" for k in ("lang", "types", "country")
             if (v := getattr(opts, k))]
    if given:
        unhinted = norm.normalize(text, fuzzy=fuzzy)
        if unhinted is not None:
            return (f"nothing matched {text!r} with {' '.join(given)}; without those hints it would be "
                    f"{unhinted.id} ({unhinted.name}, {unhinted.type}, {unhinted.country or 'no country'})")
    if opts.min_score:
        low = norm.normalize(text, **opts.hints())
        if low is not None:
            return (f"the best match, {low.id} ({low.name}), scored {low.score:.2f}, below --min-score "
                    f"{opts.min_score:g}")
    if not fuzzy:
        near = norm.normalize(text, fuzzy=True)
        if near is not None:
            return f"{tried} matched {text!r}; with fuzzy matching it would be {near.id} ({near.name})"
    return f"{tried} matched {text!r}"


def _explain(m: Match) -> str:
    # Match.explain() points Python users to candidates(); on the command line that is --candidates
    return m.explain().replace("see candidates()", "see --candidates N")


def _record(m: Match) -> dict[str, object]:
    return {k: getattr(m, k) for k in _MATCH_FIELDS}


def _cells(m: Match | None) -> list[str]:
    if m is None:
        return [""] * len(_TSV_FIELDS)
    return [m.id, m.name, m.type, f"{m.score:.2f}", m.method, "true" if m.ambiguous else "false"]


def _lines(text: str, m: Match | None, cands: list[Match] | None, args: argparse.Namespace,
           why: str | None) -> list[str]:
    """The output lines for one input: one JSON object, or its TSV rows."""
    if args.jsonl:
        rec: dict[str, object] = {"input": text, "match": _record(m) if m else None}
        if cands is not None:
            rec["candidates"] = [_record(c) for c in cands]
        if args.explain:
            rec["explain"] = _explain(m) if m else why
        return [json.dumps(rec, ensure_ascii=False)]
    shown = text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    if cands is None:
        rows = [[shown, *_cells(m)]]
        notes = [_explain(m) if m else why or ""]
    else:
        rows = [[shown, str(r), *_cells(c)] for r, c in enumerate(cands, 1)] or [[shown, "", *_cells(None)]]
        notes = [_explain(c) for c in cands] or [why or ""]
    return ["\t".join(row + ([note] if args.explain else [])) for row, note in zip(rows, notes, strict=True)]


def run(args: argparse.Namespace) -> int:
    """Handler of ``namenorm normalize``; returns the exit code (see ``namenorm --help``)."""
    opts = lookup_options(args)
    norm = make_normalizer(args, opts)
    hints = opts.hints()
    if not args.jsonl and not args.no_header:
        rank, explain = ["rank"] if args.candidates else [], ["explain"] if args.explain else []
        print("\t".join(["input", *rank, *_TSV_FIELDS, *explain]))
    misses = 0
    for text in text_inputs(args.text):
        m = norm.normalize(text, min_score=opts.min_score, **hints)
        misses += m is None
        cands = norm.candidates(text, limit=args.candidates, min_score=opts.min_score, **hints) \
            if args.candidates else None
        why = why_no_match(norm, text, opts) if args.explain and m is None else None
        for line in _lines(text, m, cands, args, why):
            print(line)
    return 1 if args.fail_on_miss and misses else 0
