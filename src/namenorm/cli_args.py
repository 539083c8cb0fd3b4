"""Options shared by the subcommands: hints (``--lang``, ``--types``, ``--country``), gazetteers, and
the :class:`~namenorm.Normalizer` they describe, checked so that a mistake is a usage error (exit 2)
that says what to type instead.

A hint is checked twice: its form when the command line is parsed (before anything loads; the
checks of :mod:`namenorm.options` that the API makes too, and :func:`lookup_options` builds the one
:class:`~namenorm.options.LookupOptions` of the run from them), then against the loaded gazetteers:
``--lang`` must be one of the Normalizer's :attr:`~namenorm.Normalizer.languages` (the API's own
check), ``--country`` a country some entity belongs to (a hint that no entity can satisfy would only
turn every answer into a miss).

>>> lang_code("UK"), country_code("ua"), sorted(type_list("loc, per"))
('uk', 'UA', ['LOC', 'PER'])
>>> try:
...     country_code("Ukraine")
... except argparse.ArgumentTypeError as e:
...     print(e)
'Ukraine' is not an ISO 3166-1 alpha-2 country code such as UA or DE
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

import regex

from namenorm.api import Normalizer
from namenorm.gazetteer.model import TYPES
from namenorm.langs import check_lang
from namenorm.options import LookupOptions, as_of_date, min_score_value, type_set
from namenorm.options import country_code as _country_code

__all__ = ["EXIT_CODES", "HELP_LAYOUT", "UsageError", "add_gazetteer_options", "add_hint_options",
           "add_lookup_options", "add_min_score_option", "check_hints", "country_code", "lang_code",
           "lookup_options", "make_normalizer", "positive_int", "score_floor", "type_list"]

_LANG = regex.compile(r"[a-z]{2,3}")
_ANY_LANG = "xx"  # the gazetteers' "any language" aliases: not a language to hint


EXIT_CODES = """exit codes:
  0    the command ran (inputs that match nothing are data, not errors)
  1    only on request: --fail-on-miss (normalize, clean) when some value matched nothing,
       and gazetteer check when it found problems
  2    usage or input error (the message says what to do)
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM)"""
# every parser's help: descriptions as written (wrapped in the code), then the exit codes
HELP_LAYOUT: dict[str, Any] = {"epilog": EXIT_CODES,
                               "formatter_class": argparse.RawDescriptionHelpFormatter}


class UsageError(Exception):
    """A mistake on the command line or in its input: the message says what to do (exit code 2)."""


def lang_code(value: str) -> str:
    """``--lang``: an ISO 639-1 language code, lowercased."""
    code = value.strip().lower()
    if not _LANG.fullmatch(code) or code == _ANY_LANG:
        raise argparse.ArgumentTypeError(f"{value!r} is not a language code such as en, uk or ru")
    return code


def country_code(value: str) -> str:
    """``--country``: an ISO 3166-1 alpha-2 code, uppercased."""
    try:
        return _country_code(value.strip()) or ""
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def type_list(value: str) -> frozenset[str]:
    """``--types``: a comma-separated list of entity types, as :func:`namenorm.options.type_set` reads it."""
    try:
        types = type_set(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    if types is None:
        raise argparse.ArgumentTypeError(f"no type given; give one or more of {','.join(sorted(TYPES))}, "
                                         "separated by commas")
    return types


def positive_int(value: str) -> int:
    """A whole number of at least 1 (``--jobs``, ``--candidates``)."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def score_floor(value: str) -> float:
    """A score from 0 to 1 (``--min-score``)."""
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    try:
        return min_score_value(x)  # the API's check
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def add_min_score_option(p: argparse.ArgumentParser) -> None:
    """``--min-score S``: matches scored lower count as no match (see docs/scores.md)."""
    p.add_argument("--min-score", type=score_floor, metavar="S",
                   help="treat matches scored below S (0-1, the estimated probability that a match is "
                        "right) as no match")


_HINT_HELP = {
    "lang": "language hint: en, uk, ru, de, fr, pl, ... (an ISO 639-1 code, or a code the gazetteers use)",
    "types": f"comma-separated type filter: {','.join(sorted(TYPES))}",
    "country": "country hint, ISO 3166-1 alpha-2 (UA)",
}


def add_hint_options(p: argparse.ArgumentParser, *, fuzzy: bool = True,
                     helps: dict[str, str] | None = None) -> None:
    """``--lang``, ``--types``, ``--country`` and (unless told not to) ``--no-fuzzy``; ``helps``
    replaces the help text of some of them (for a command that uses them otherwise)."""
    shown = {**_HINT_HELP, **(helps or {})}
    p.add_argument("--lang", type=lang_code, help=shown["lang"])
    p.add_argument("--types", type=type_list, help=shown["types"])
    p.add_argument("--country", type=country_code, help=shown["country"])
    if fuzzy:
        p.add_argument("--no-fuzzy", action="store_true", help="disable fuzzy matching")


def add_gazetteer_options(p: argparse.ArgumentParser) -> None:
    """``--gazetteer PATH`` (repeatable) and ``--no-bundled``."""
    p.add_argument("--gazetteer", action="append", metavar="PATH",
                   help="your own .gaz file or folder, added to the bundled ones (repeatable)")
    p.add_argument("--no-bundled", action="store_true", help="use only the --gazetteer files")


def as_of_value(value: str) -> str:
    """A date YYYY, YYYY-MM or YYYY-MM-DD (``--as-of``)."""
    try:
        return as_of_date(value) or ""  # the API's check
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def add_lookup_options(p: argparse.ArgumentParser) -> None:
    """The options of a command that looks values up (``normalize``, ``clean``): ``--min-score``, the
    hints with ``--no-fuzzy`` and ``--as-of``, and the gazetteer options, in that order."""
    add_min_score_option(p)
    add_hint_options(p)
    p.add_argument("--as-of", type=as_of_value, metavar="DATE",
                   help="the date the values were written (YYYY, YYYY-MM or YYYY-MM-DD): a place named "
                        "by a name in use then is preferred to one whose former name it is")
    add_gazetteer_options(p)


def lookup_options(args: argparse.Namespace) -> LookupOptions:
    """The lookup options of a run, built once from the parsed command line: the hints that
    ``--lang``, ``--types``, ``--country`` and ``--no-fuzzy`` give (each checked by its argparse
    type), ``--min-score`` and ``--as-of``. A command without one of them leaves it unset.

    >>> args = argparse.Namespace(lang="uk", types=frozenset({"LOC"}), country="UA", no_fuzzy=True,
    ...                           min_score=None)
    >>> o = lookup_options(args)
    >>> o.lang, o.types, o.country, o.fuzzy, o.min_score, o.as_of
    ('uk', frozenset({'LOC'}), 'UA', False, 0.0, None)
    """
    try:
        return LookupOptions.parse(lang=getattr(args, "lang", None), types=getattr(args, "types", None),
                                   country=getattr(args, "country", None),
                                   fuzzy=False if getattr(args, "no_fuzzy", False) else None,
                                   min_score=getattr(args, "min_score", None),
                                   as_of=getattr(args, "as_of", None))
    except (TypeError, ValueError) as e:
        raise UsageError(str(e)) from None


def make_normalizer(args: argparse.Namespace, opts: LookupOptions) -> Normalizer:
    """The Normalizer that ``--gazetteer``/``--no-bundled`` describe, loaded, with the hints of
    ``opts`` (``lang``, ``country``) checked against it."""
    if args.no_bundled and not args.gazetteer:
        raise UsageError("--no-bundled needs at least one --gazetteer PATH (a .gaz file or a folder of them)")
    norm = Normalizer(gazetteers=args.gazetteer or [], include_bundled=not args.no_bundled)
    try:
        norm.index  # noqa: B018 - loaded here: a gazetteer's problem is a usage error
    except (FileNotFoundError, ValueError) as e:  # a missing file, or a gazetteer with problems
        raise UsageError(str(e)) from None
    check_hints(norm, opts)
    return norm


def check_hints(norm: Normalizer, opts: LookupOptions) -> None:
    """Raise :class:`UsageError` for a language that ``norm`` does not take (the API's check) or a
    country that no entity of its gazetteers is in."""
    lang, country = opts.lang, opts.country
    try:
        check_lang(lang, f"--lang {lang}", norm.languages, omit="no --lang (the language guessed)")
    except ValueError as e:
        raise UsageError(str(e)) from None
    index = norm.index
    if country is not None:
        countries = set(index.country_codes) | {e.country for e in index.ents if e.country}
        if country not in countries:
            raise UsageError(f"--country {country}: no entity of the gazetteers is in {country!r}; "
                             f"give an ISO 3166-1 alpha-2 code such as {_listed(countries, 8)}")


def _listed(codes: Iterable[str], most: int = 40) -> str:
    ordered = sorted(codes)
    return ", ".join(ordered[:most]) + (", ..." if len(ordered) > most else "")
