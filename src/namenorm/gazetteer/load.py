"""Loading gazetteers: bundled paths, validation across files, and merging of shared entities."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from importlib import resources
from pathlib import Path

from namenorm.gazetteer.model import Entity
from namenorm.gazetteer.parse import GazetteerError, parse_file
from namenorm.text import fold

__all__ = ["bundled_paths", "check", "expand_paths", "load"]


def _data_root() -> Path:
    pkg = Path(str(resources.files("namenorm"))) / "data"
    if pkg.is_dir():
        return pkg
    return Path(__file__).resolve().parents[3] / "gazetteers"  # source checkout / editable install


def bundled_paths() -> list[Path]:
    """The ``.gaz`` files shipped with namenorm: curated first, then generated world data."""
    root = _data_root()
    return sorted((root / "curated").glob("*.gaz")) + sorted((root / "generated").glob("*.gaz"))


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Files for a list of files and folders (folders: every ``*.gaz`` inside, sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(p.rglob("*.gaz")))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"gazetteer not found: {p} (give a .gaz file or a folder of them)")
    return out


def check(paths: list[str | Path]) -> tuple[list[Entity], list[str]]:
    """Parse and validate; returns the merged entities and every problem as ``file:line: message``."""
    ents: list[Entity] = []
    problems: list[str] = []
    shared_ok: set[int] = set()
    for path in expand_paths(paths):
        got, meta, errs = parse_file(path)
        problems.extend(errs)
        rank = _rank(meta.get("priority", "2"), path, problems)
        ids: dict[str, str] = {}
        for e in got:
            e.rank = rank
            if e.id in ids:
                problems.append(f"{e.origin}: duplicate ID {e.id} (first at {ids[e.id]})")
            ids.setdefault(e.id, e.origin)
            if meta.get("ambiguous") == "allowed":
                shared_ok.add(id(e))
        ents.extend(got)
    problems.extend(_shared_aliases(ents, shared_ok))
    return merge(ents), problems


def load(paths: list[str | Path]) -> list[Entity]:
    """Parse, validate and merge; raises :class:`GazetteerError` listing every problem."""
    ents, problems = check(paths)
    if problems:
        raise GazetteerError(problems)
    return ents


def _rank(value: str, path: Path, problems: list[str]) -> int:
    if value in ("0", "1", "2"):
        return int(value)
    problems.append(f"{path}: @priority must be 0, 1 or 2, got '{value}'")
    return 2


def _shared_aliases(ents: list[Entity], shared_ok: set[int]) -> list[str]:
    """An alias claimed by two hand-edited entities of one type needs a ``weak`` flag or a ``note``.

    Generated data (``@priority`` 0 or 1) may share names with anything: homonyms are facts of
    the world there, and ranking (curated data first, then priors) decides between them.
    """
    owners: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for e in ents:
        if id(e) in shared_ok or e.note or e.rank < 2:
            continue
        for key in {fold(a.text) for a in e.aliases if not a.weak}:
            owners[(e.type, key)].append(e)
    out = []
    for (_, key), es in owners.items():
        distinct = {e.id for e in es}
        if len(distinct) > 1 and not _same_thing(es):
            where = ", ".join(f"{e.id} ({e.origin})" for e in es[:4])
            out.append(f"{es[1].origin}: alias '{key}' is claimed by {where}; mark it "
                       "{weak} on the less likely entity or add a note: line")
    return out


def _same_thing(es: list[Entity]) -> bool:
    keys = [e.keys for e in es]
    return all(keys[0] & k for k in keys[1:])


def merge(ents: list[Entity]) -> list[Entity]:
    """Merge entities that share an ID or cross-reference; the first-loaded one leads."""
    parent = list(range(len(ents)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, e in enumerate(ents):
        for k in e.keys:
            j = first.setdefault(k, i)
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[Entity]] = defaultdict(list)
    for i, e in enumerate(ents):
        groups[find(i)].append(e)
    return [_combine(g) for _, g in sorted(groups.items())]


def _combine(group: list[Entity]) -> Entity:
    head = group[0]
    if len(group) == 1:
        return head
    seen = {(a.text, a.lang) for a in head.aliases}
    # the leading (first-loaded, usually hand-curated) entity's {weak} judgement of a name holds
    # whatever script variant or language another source files it under
    weak = {fold(a.text) for a in head.aliases if a.weak}
    # a source of the head's rank (two generated sources: GeoNames and KATOTTG) knows as much: its
    # {weak} judgement holds too ("Десна", a Ukrainian word, is weak in KATOTTG, not in GeoNames)
    peers = {fold(a.text) for other in group[1:] if other.rank >= head.rank for a in other.aliases if a.weak}
    if peers - weak:
        head.aliases = [replace(a, weak=True) if not a.weak and fold(a.text) in peers else a
                        for a in head.aliases]
        weak |= peers
    for other in group[1:]:
        for a in other.aliases:
            if (a.text, a.lang) not in seen:
                seen.add((a.text, a.lang))
                kind = "common" if a.kind == "canonical" else a.kind
                head.aliases.append(replace(a, kind=kind, weak=a.weak or fold(a.text) in weak))
        head.xrefs.extend(x for x in other.keys if x not in head.keys)
        head.country = head.country or other.country
        head.prior = max(head.prior, other.prior)
        head.admin1 = head.admin1 or other.admin1
        head.gender = head.gender or other.gender
        head.rank = max(head.rank, other.rank)
    return head
