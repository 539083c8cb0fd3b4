"""Where extraction recall goes: recall by entity type, and how much of what is missed names an
entity that the bundled gazetteers do not have at all.

    python benchmarks/extract_recall.py MENTIONS.tsv RAW_DIR [--langs ru,uk]

MENTIONS.tsv has the BSNLP columns lang, topic, doc, start, end, surface, lemma, type, entity_id,
and RAW_DIR/<topic>/<lang>/<doc>.txt the texts (the layout of the BSNLP shared-task data). A gold
mention counts as found when ``extract()`` returns exactly its span. A missed mention is "absent"
when neither its surface nor its gold base form resolves with ``normalize()`` (the gazetteers do
not know the entity: only new data can find it), else "known" (a span, context or ambiguity rule
kept it out). No data ships with namenorm; point the script at your copy.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

import namenorm


def _mentions(path: Path, langs: set[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if not langs or r["lang"] in langs]


def breakdown(rows: list[dict[str, str]], raw: Path) -> dict[str, collections.Counter[str]]:
    """Per gold type: counts of "gold", "found", "missed-known" and "missed-absent" mentions."""
    docs: dict[tuple[str, str, str], list[dict[str, str]]] = collections.defaultdict(list)
    for r in rows:
        docs[(r["topic"], r["lang"], r["doc"])].append(r)
    out: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for (topic, lang, doc), gold in sorted(docs.items()):
        text = (raw / topic / lang / f"{doc.removesuffix('.txt')}.txt").read_text(encoding="utf-8")
        found = {(m.start, m.end) for m in namenorm.extract(text, lang=lang)}
        for r in gold:
            tally = out[r["type"]]
            tally["gold"] += 1
            if (int(r["start"]), int(r["end"])) in found:
                tally["found"] += 1
            elif namenorm.normalize(r["surface"], lang=lang) or namenorm.normalize(r["lemma"], lang=lang):
                tally["missed-known"] += 1
            else:
                tally["missed-absent"] += 1
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mentions", type=Path)
    ap.add_argument("raw", type=Path)
    ap.add_argument("--langs", default="ru,uk")
    args = ap.parse_args(argv)
    table = breakdown(_mentions(args.mentions, set(args.langs.split(","))), args.raw)
    total: collections.Counter[str] = sum(table.values(), collections.Counter())
    print("| type | gold | recall | missed, entity known | missed, entity absent | absent share of missed |")
    print("|---|---|---|---|---|---|")
    for name, t in [*sorted(table.items()), ("all", total)]:
        missed = t["missed-known"] + t["missed-absent"]
        print(f"| {name} | {t['gold']} | {t['found'] / max(t['gold'], 1):.1%} | {t['missed-known']} | "
              f"{t['missed-absent']} | {t['missed-absent'] / max(missed, 1):.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
