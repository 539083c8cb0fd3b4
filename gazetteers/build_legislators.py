"""Build ``generated/wikidata_sourced.gaz``: people and organisations from public files that pair
Wikidata QIDs with names (everypolitician's Wikidata extracts of legislatures, name-suggestion-index,
Party Facts, agency-registry, toponym).

``python gazetteers/build_legislators.py [--out DIR]`` (``build_world.py`` runs it too).  It reads
every ``sources/**/*.tsv`` (the format is in ``gazetteers/README.md``: one row per person or
organisation, its QID and its names in en/ru/uk as the source gives them, de/fr/pl/be under
``other``; ``sources/convert_*.py`` wrote the converted ones) and writes one block per QID.  No
network, no data package: the TSVs are in the repo.

- Canonical name: the English name, else the native name romanised "Given Surname"
  (``uk_national``, KMU 2010, for Ukrainian; ``ru_wikipedia``, the BGN/PCGN-based press
  spelling without apostrophes, for Russian).
- Aliases of a person: "Given Surname" and "Given Patronymic Surname" for ru/uk/be (reordered by
  ``_person_names.press_forms``), en/de/fr/pl as given.  Never a single word.  Organisations keep
  their names as given; a one-word one is ``{weak}`` (it matches only with a hint).
- A QID that a curated file already has is skipped (the curated block wins); a QID listed in
  several TSVs becomes one block (names looked for in file order for its canonical name).
- A name that a TSV's ``# wrong:`` line marks as not this person's is left out (``_legis_tsv``).
- prior: 10 (a backbencher sits well below the curated ministers, 20-90).  ``@priority: 1``.

The output is byte-for-byte deterministic (sorted by file and QID, no timestamps).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from _gazwrite import SYNTAX_CHARS, Block, scripts_of, tidy, write_gaz  # noqa: E402
from _legis_tsv import Row, Source, SourceError, read_source  # noqa: E402
from _person_names import press_forms, split_name, surname_first_latin  # noqa: E402

SOURCES = HERE / "sources"
CURATED = HERE / "curated"
OUTPUT = "wikidata_sourced.gaz"
PRIOR = 10
CYRILLIC_LANGS = ("be", "ru", "uk")
ROMANISATION = {"uk": "uk_national", "ru": "ru_wikipedia", "be": "be_national"}
MIN_WORDS = {"PER": 2, "ORG": 1}  # a person's surname or given name alone is never an alias
_CURATED_QID = re.compile(r"^\[(Q[1-9][0-9]*)\]|^xref:.*\bwikidata:(Q[1-9][0-9]*)", re.M)


def curated_qids(folder: Path = CURATED) -> set[str]:
    """Every QID that a curated ``.gaz`` file gives as an ID or a ``wikidata:`` cross-reference."""
    out: set[str] = set()
    for path in sorted(folder.glob("*.gaz")):
        for m in _CURATED_QID.finditer(path.read_text(encoding="utf-8")):
            out.add(m.group(1) or m.group(2))
    return out


def aliases_of(row: Row) -> list[tuple[str, str]]:
    """The (lang, alias) pairs of a row, free of ``.gaz`` syntax; a person's of at least two words.

    >>> r = Row("Q1", "PER", "UA", "m", (("en", "Maksym Burbak"), ("ru", "Бурбак, Максим Юрьевич")), "x.tsv")
    >>> aliases_of(r)
    [('en', 'Maksym Burbak'), ('ru', 'Максим Бурбак'), ('ru', 'Максим Юрьевич Бурбак')]
    """
    out: list[tuple[str, str]] = []
    names = dict(row.names)
    for lang, name in row.names:
        name = tidy(name)
        if not in_its_script(lang, name):
            continue
        forms = press_forms(name) if row.type == "PER" and lang in CYRILLIC_LANGS else [name]
        if row.type == "PER" and lang == "en":
            forms = [f for f in (reordered_en(names), name) if f]
        for form in forms:
            long_enough = len(form.split()) >= MIN_WORDS[row.type]
            if long_enough and not SYNTAX_CHARS & set(form) and (lang, form) not in out:
                out.append((lang, form))
    return out


def in_its_script(lang: str, name: str) -> bool:
    """Whether ``name`` is written in its language's script: sources sometimes file a Ukrainian name
    under ``name__en``; such a name is left out (the validator would refuse it, and it is no English
    name).

    >>> in_its_script("en", "Maksym Burbak"), in_its_script("en", "Безбах Яків Якович")
    (True, False)
    >>> in_its_script("uk", "Безбах Яків Якович"), in_its_script("ru", "Ivan Petrov")
    (True, False)
    """
    scripts = scripts_of(name)
    return scripts <= {"Cyrillic"} if lang in CYRILLIC_LANGS else "Cyrillic" not in scripts


def reordered_en(names: dict[str, str]) -> str | None:
    """The English name in the press order when the source writes it surname first (checked
    against the uk, else the ru name; see ``_person_names.surname_first_latin``), else None."""
    native = names.get("uk") or names.get("ru")
    return surname_first_latin(tidy(names["en"]), tidy(native)) if native and "en" in names else None


def canonical_name(rows: list[Row]) -> str:
    """The English name, else the romanised "Given Surname" of the uk, ru or be name, looked for in
    that order across the rows of one QID ("" when no name is written in its language's script)."""
    from namenorm.translit import transliterate

    names: dict[str, str] = {}
    for row in rows:
        for lang, name in row.names:
            if in_its_script(lang, name):
                names.setdefault(lang, name)
    kind = rows[0].type
    if "en" in names and (kind == "ORG" or len(names["en"].split()) >= 2):
        return reordered_en(names) or tidy(names["en"])
    for lang in ("uk", "ru", "be"):
        if lang in names:
            forms = press_forms(tidy(names[lang])) if kind == "PER" else [tidy(names[lang])]
            native = forms[0] if forms else tidy(names[lang]).replace(",", "")
            return transliterate(native, scheme=ROMANISATION[lang])
    return ""  # no name in its own script: the caller leaves the row out


def blocks_of(sources: list[Source], skip: set[str]) -> tuple[list[Block], dict[str, int]]:
    """One block per QID not in ``skip``, sorted by type then QID number; and the counts."""
    by_qid: dict[str, list[Row]] = {}
    stats = {"rows": 0, "skipped (curated)": 0,
             "names left out (# wrong:)": sum(src.errata for src in sources)}
    for src in sources:
        for row in src.rows:
            stats["rows"] += 1
            if row.qid in skip:
                stats["skipped (curated)"] += 1
                continue
            by_qid.setdefault(row.qid, []).append(row)
    blocks = []
    for qid in sorted(by_qid, key=lambda q: (by_qid[q][0].type, int(q[1:]))):
        rows = by_qid[qid]
        head = rows[0]
        name = canonical_name(rows)
        if len(name.split()) < (2 if head.type == "PER" else 1):
            stats["skipped (no full name)"] = stats.get("skipped (no full name)", 0) + 1
            continue
        block = Block(qid, name, head.type)
        if head.country:
            block.fields += [("country", head.country)]
        if head.type == "PER":
            block.fields += [("gender", next((r.gender for r in rows if r.gender), ""))]
        tsvs = ", ".join(dict.fromkeys(r.tsv for r in rows))
        block.fields += [("prior", str(PRIOR)), ("source", f"wikidata:{qid} via {tsvs}")]
        for row in rows:
            for lang, alias in aliases_of(row):
                # a one-word party name is often a common word ("Свобода"): it needs a hint
                block.add(lang, alias, "weak" if len(alias.split()) == 1 else "")
        blocks.append(block)
        stats[head.type] = stats.get(head.type, 0) + 1
    return blocks, stats


def build(out_dir: Path, sources_dir: Path = SOURCES, curated_dir: Path = CURATED) -> dict[str, int]:
    """Write ``out_dir/wikidata_sourced.gaz``; returns the counts."""
    paths = sorted(sources_dir.rglob("*.tsv"), key=lambda p: p.relative_to(sources_dir))
    sources = [read_source(p, p.relative_to(sources_dir).as_posix()) for p in paths]
    blocks, stats = blocks_of(sources, curated_qids(curated_dir))
    licences = sorted({src.header["licence"] for src in sources})
    meta = [("source", f"{len(sources)} public files that pair Wikidata QIDs with names (everypolitician-"
             "data, name-suggestion-index, Party Facts, agency-registry, toponym) at the commits the "
             "@source-N lines name, transcribed or converted into gazetteers/sources/**/*.tsv"),
            ("license", "; ".join(licences) or "none (no source files)"),
            ("generated-by", "gazetteers/build_legislators.py (run: python gazetteers/build_world.py)")]
    for n, src in enumerate(sources, 1):
        meta.append((f"source-{n}", f"{src.name}: {src.header['source']}"
                     + (f" ({src.header['role']})" if "role" in src.header else "")))
    meta += [("priority", "1"), ("ambiguous", "allowed")]
    comments = [
        "GENERATED FILE: do not edit; change the TSVs under gazetteers/sources/ or",
        "gazetteers/build_legislators.py and re-run the builder (see gazetteers/README.md).",
        "IDs: Wikidata QIDs as the source files give them; QIDs of the curated files are left out.",
        f"prior: {PRIOR} (below the curated people and organisations). Aliases: the source's names,",
        "ru/uk/be reordered as 'Given Surname' and 'Given Patronymic Surname'; never one word.",
    ]
    write_gaz(out_dir / OUTPUT, meta, comments, blocks)
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / "generated", help="output folder")
    ap.add_argument("--sources", type=Path, default=SOURCES, help="folder of the source TSVs")
    ap.add_argument("--curated", type=Path, default=CURATED, help="folder of the curated .gaz files")
    args = ap.parse_args(argv)
    try:
        stats = build(args.out, args.sources, args.curated)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for k in sorted(stats):
        print(f"{k}: {stats[k]:,}")
    return 0


__all__ = ["Row", "SourceError", "aliases_of", "build", "curated_qids", "read_source", "split_name"]

if __name__ == "__main__":
    sys.exit(main())
