"""Shared parts of the ``convert_*.py`` scripts: read a git snapshot, the QIDs already taken, write a TSV.

The scripts read a fetched snapshot of a public repository (a git directory, no work tree) at a
pinned commit and write the source TSVs of this folder (format: ``gazetteers/README.md``).  No
network, no clock: the same snapshot and the same committed files give the same bytes.

>>> "\\t".join(COLUMNS)
'qid\\ttype\\tcountry\\tgender\\ten\\tru\\tuk\\tother'
>>> cyrillic("Газпром"), cyrillic("Gazprom")
(True, False)
>>> clean_names({"en": "A|B"}), clean_names({"en": "Ab", "ru": "Аб"})
(False, True)
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

from build_legislators import curated_qids  # noqa: E402  (one reader of the curated QIDs)

COLUMNS = ("qid", "type", "country", "gender", "en", "ru", "uk", "other")
OTHER_LANGS = ("de", "fr", "pl", "be")
QID = re.compile(r"Q[1-9][0-9]*")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def cyrillic(text: str) -> bool:
    """True when ``text`` has a Cyrillic letter."""
    return bool(_CYRILLIC.search(text))


def clean_names(names: dict[str, str]) -> bool:
    """False when a name holds a character that the TSV format uses (tab, newline, ``|``)."""
    return not any(ch in v for v in names.values() for ch in "\t\n\r|")


def other_cell(names: dict[str, str]) -> str:
    """The ``other`` cell: ``lang=name`` pairs of de, fr, pl and be, in that order."""
    return "|".join(f"{lang}={names[lang]}" for lang in OTHER_LANGS if names.get(lang))


class Snapshot:
    """A fetched git directory, read at its HEAD, which must be the ``pinned`` commit."""

    def __init__(self, git_dir: str, pinned: str) -> None:
        self.git_dir = git_dir
        self.commit = self._git("rev-parse", "HEAD").strip()
        if self.commit != pinned:
            sys.exit(f"error: {git_dir} is at {self.commit or '(not a git directory)'}, expected {pinned}; "
                     "fetch that commit of the repository (other commits give other rows)")

    def _git(self, *args: str) -> str:
        done = subprocess.run(["git", "-C", self.git_dir, *args], capture_output=True, text=True)
        return done.stdout

    def files(self, under: str = "") -> list[str]:
        """The paths of the commit's files (under a folder), sorted."""
        listing = self._git("ls-tree", "-r", "--name-only", self.commit, under)
        return sorted(f for f in listing.split("\n") if f)

    def read(self, path: str) -> str:
        """The text of one file at the commit ('' when absent)."""
        return self._git("show", f"{self.commit}:{path}")


def tsv_qids(paths: Iterable[Path]) -> set[str]:
    """The QIDs of the rows of these TSVs."""
    out: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if QID.match(line):
                out.add(line.split("\t", 1)[0])
    return out


def taken_qids(own: Sequence[Path]) -> set[str]:
    """QIDs that a converter must leave out: the curated ones and those of every TSV but ``own``."""
    mine = {p.resolve() for p in own}
    others = [p for p in sorted(HERE.rglob("*.tsv")) if p.resolve() not in mine]
    return curated_qids() | tsv_qids(others)


def write_tsv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """Write ``# header`` lines, the column row and the rows (LF line ends); return the row count."""
    lines = [f"# {h}" for h in header] + ["\t".join(COLUMNS)]
    count = 0
    for row in rows:
        if isinstance(row, str):  # a comment line kept with the row that follows it
            lines.append(f"# {row}")
            continue
        assert len(row) == len(COLUMNS), row
        lines.append("\t".join(row))
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count
