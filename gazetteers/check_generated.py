"""Fail when the committed generated gazetteers differ from what the builders produce now.

``python gazetteers/check_generated.py``: re-runs every builder into a temporary folder and compares
byte for byte with ``gazetteers/generated`` and ``src/namenorm/surnames.tsv``.  Exit 0 when up to
date, 1 when a file is stale, missing or unexpected (each one named), 2 when the pinned data packages
are not installed.  CI runs it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import build_surnames  # noqa: E402
from build_world import OUTPUTS, build_all, check_versions  # noqa: E402


def first_difference(a: bytes, b: bytes) -> int:
    """The 1-based line number where two texts first differ.

    >>> first_difference(b"x\\ny\\nz\\n", b"x\\ny\\nZ\\n")
    3
    """
    for no, (la, lb) in enumerate(zip(a.splitlines(), b.splitlines(), strict=False), 1):
        if la != lb:
            return no
    return min(len(a.splitlines()), len(b.splitlines())) + 1


def compare_dirs(committed: Path, fresh: Path, names: tuple[str, ...] = OUTPUTS) -> list[str]:
    """One message per file of ``committed`` that is not byte-identical to its fresh build.

    Also reports ``.gaz`` files in ``committed`` that no builder writes (left over from a rename).
    """
    problems = []
    for name in names:
        old, new = committed / name, fresh / name
        if not old.exists():
            problems.append(f"{old}: missing (the builder writes it)")
        elif old.read_bytes() != new.read_bytes():
            line = first_difference(old.read_bytes(), new.read_bytes())
            problems.append(f"{old}: stale (first difference at line {line})")
    for extra in sorted(p.name for p in committed.glob("*.gaz") if p.name not in names):
        problems.append(f"{committed / extra}: unexpected (no builder writes it; delete it or add a builder)")
    return problems


def compare_file(committed: Path, fresh: Path) -> list[str]:
    """A one-message list when ``committed`` is missing or not byte-identical to ``fresh``, else []."""
    if not committed.exists():
        return [f"{committed}: missing (the builder writes it)"]
    old, new = committed.read_bytes(), fresh.read_bytes()
    if old != new:
        return [f"{committed}: stale (first difference at line {first_difference(old, new)})"]
    return []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--committed", type=Path, default=HERE / "generated", help="folder to check")
    ap.add_argument("--surnames", type=Path, default=build_surnames.OUTPUT, help="surname list to check")
    args = ap.parse_args(argv)
    from _gazwrite import refuse_mismatches

    if refuse_mismatches(check_versions() + build_surnames.check_versions(), "cannot check: "):
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        build_all(Path(tmp))
        problems = compare_dirs(args.committed, Path(tmp))
        fresh = Path(tmp) / build_surnames.OUTPUT.name
        build_surnames.build(fresh)
        surnames = compare_file(args.surnames, fresh)
    if problems or surnames:
        print("generated data is out of date:\n  " + "\n  ".join(problems + surnames)
              + "\nrebuild with: python gazetteers/build_world.py; python gazetteers/build_surnames.py"
              + "  (and commit the result)", file=sys.stderr)
        return 1
    print(f"generated data is up to date ({', '.join(OUTPUTS)}, {args.surnames.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
