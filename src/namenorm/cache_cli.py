"""The ``namenorm cache`` subcommand: ``info`` lists the cached indexes, ``clear`` removes them all,
``prune`` keeps only the most recently used (``--keep N``, default ``NAMENORM_CACHE_KEEP`` or 3).

>>> import tempfile
>>> from namenorm.cache_entries import Entry
>>> print(_table([Entry("ab" * 16, Path("/c/ab"), 38_500_000, 0.0)], Path("/c")))
folder  /c
abababababababababababababababab  36.7 MiB  last used 1970-01-01 00:00
1 entry, 36.7 MiB
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from namenorm.cache import cache_dir, compile_lock, keep_limit, private_root
from namenorm.cache_entries import Entry, clear, entries, prune
from namenorm.cli_args import HELP_LAYOUT

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``cache`` subcommand to the main parser's subparsers."""
    p = subparsers.add_parser("cache", help="show or remove the compiled indexes cached on disk",
                              description="The cache of compiled indexes (NAMENORM_CACHE_DIR, default "
                              "~/.cache/namenorm).\ninfo: list entries; clear: remove all; prune: keep "
                              "the most recently used.", **HELP_LAYOUT)
    p.add_argument("action", choices=["info", "clear", "prune"])
    p.add_argument("--keep", type=_count, metavar="N",
                   help="prune: how many entries to keep (default: NAMENORM_CACHE_KEEP, else 3)")
    p.set_defaults(func=_cmd_cache)


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number of entries (0 or more), got {text!r}")
    return int(text)


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def _entries(found: list[Entry]) -> str:
    return f"{len(found)} entr{'y' if len(found) == 1 else 'ies'}"


def _table(found: list[Entry], root: Path) -> str:
    lines = [f"folder  {root}"]
    for e in found:
        used = time.strftime("%Y-%m-%d %H:%M", time.gmtime(e.last_use))
        lines.append(f"{e.key}  {_mib(e.size)}  last used {used}")
    total = sum(e.size for e in found)
    lines.append(f"{_entries(found)}, {_mib(total)}")
    return "\n".join(lines)


def _cmd_cache(args: argparse.Namespace) -> int:
    if args.keep is not None and args.action != "prune":
        raise ValueError("--keep applies to 'namenorm cache prune' only")
    root = private_root(create=False)
    if root is None:
        print(_table([], cache_dir()))
        return 0
    if args.action == "info":
        print(_table(entries(root), root))
        return 0
    keep = keep_limit() if args.keep is None else args.keep
    with compile_lock(root):
        removed = clear(root) if args.action == "clear" else prune(root, keep)
    size = _mib(sum(e.size for e in removed))
    print(f"removed {_entries(removed)} ({size}) from {root}")
    return 0
