"""extract() on generated news text (Russian and English) against exact multi-pattern matchers.

The text is generated deterministically: filler sentences written for this benchmark, and
templates whose slots take names of the bundled gazetteers' entities; in Russian each name is put
in a random case form (``namenorm.morph.expand``), so most mentions are inflected. Peers, run in
the same process over the same alias list (every alias of the index): pyahocorasick (longest
match, whole words, lowercased) and flashtext (Cyrillic letters added to its word characters);
neither can inflect. natasha's NER (Russian only, spans without linking) runs on a slice.
Recall = share of inserted mentions found with the exact span and the right entity (natasha:
the exact span only). Rates are MB/s by the wall clock (``value``, ``ratio``) and, for namenorm and
pyahocorasick, by the process's CPU time too (``cpu MB/s``, ``cpu ratio``), which other processes
on a shared machine do not inflate.

    python benchmarks/bench_extract.py
    python benchmarks/bench_extract.py --texts FOLDER... --lang ru   # first pass and warm over real files
"""

from __future__ import annotations

import gc
import random
import time
from typing import Any

from namenorm.api import default_normalizer
from namenorm.extract import extract
from namenorm.index import PREFERRED
from namenorm.morph import expand

RU_TEMPLATES = [
    "Встреча с {PER} прошла в {LOC}.", "По словам {PER}, {ORG} готова к переговорам.",
    "{PER} прибыл в {LOC} с официальным визитом.", "Представители {ORG} обсудили ситуацию вокруг {LOC}.",
    "Журналисты спросили {PER} о планах {ORG}.", "Делегация из {LOC} встретилась с {PER}.",
]
EN_TEMPLATES = [
    "{PER} met officials in {LOC} on Tuesday.", "A spokesman for {ORG} said {PER} would travel to {LOC}.",
    "Talks between {ORG} and {LOC} ended late.", "{PER} told reporters that {ORG} had not been consulted.",
]
RU_FILLER = [
    "Погода в выходные будет переменчивой, синоптики обещают дожди.",
    "Эксперты считают, что цены на продукты продолжат расти до конца года.",
    "Новый закон вступит в силу после публикации.", "На рынке наблюдается рост спроса на жильё.",
    "Участники совещания договорились продолжить работу в следующем месяце.",
    "По данным аналитиков, число туристов выросло на десять процентов.",
]
EN_FILLER = [
    "The weather will stay mild for the rest of the week.", "Prices for food rose again in the spring.",
    "The new rules take effect next month, officials said.", "Analysts expect demand to slow down.",
    "The committee agreed to meet again after the holidays.", "Traffic was heavy on the main roads.",
]
TARGET_CHARS = 150_000


def _entities(lang: str) -> dict[str, list[tuple[str, str, str, str | None]]]:
    """Per type: (alias in ``lang``, entity id, type, gender) of the most prominent entities."""
    ix = default_normalizer().index
    best: dict[int, tuple[str, float]] = {}
    for aid, text in enumerate(ix.aliases()):
        if ix.lang(aid) == lang and ix.flags(aid) & PREFERRED and len(text) > 3:
            e = ix.entity_index(aid)
            best.setdefault(e, (text, ix.entity_at(e).prior))
    out: dict[str, list[tuple[str, str, str, str | None]]] = {"PER": [], "LOC": [], "ORG": []}
    for e, (text, _) in sorted(best.items(), key=lambda kv: (-kv[1][1], kv[0])):
        ent = ix.entity_at(e)
        if ent.type in out and len(out[ent.type]) < 150:
            out[ent.type].append((text, ent.id, ent.type, ent.gender))
    return out


def make_text(lang: str, seed: int = 13) -> tuple[str, list[tuple[int, int, str, bool]]]:
    """Generated text and its inserted mentions (start, end, entity id, inflected?)."""
    rng = random.Random(seed)
    ents = _entities(lang)
    templates, filler = (RU_TEMPLATES, RU_FILLER) if lang == "ru" else (EN_TEMPLATES, EN_FILLER)
    parts: list[str] = []
    gold: list[tuple[int, int, str, bool]] = []
    size = 0
    while size < TARGET_CHARS:
        if rng.random() < 0.5:
            s = rng.choice(filler)
        else:
            s, spans = _fill(rng.choice(templates), ents, lang, rng)
            gold += [(size + a, size + b, eid, infl) for a, b, eid, infl in spans]
        parts.append(s)
        size += len(s) + 1
    return " ".join(parts), gold


def _fill(template: str, ents: dict[str, list[tuple[str, str, str, str | None]]], lang: str,
          rng: random.Random) -> tuple[str, list[tuple[int, int, str, bool]]]:
    out, spans, pos = "", [], 0
    while True:
        i = template.find("{", pos)
        if i < 0:
            return out + template[pos:], spans
        j = template.index("}", i)
        alias, eid, etype, gender = rng.choice(ents[template[i + 1:j]])
        form = alias
        if lang == "ru":
            form = rng.choice(sorted(expand(alias, "ru", etype, gender)))
        out += template[pos:i]
        spans.append((len(out), len(out) + len(form), eid, form != alias))
        out += form
        pos = j + 1


def _recall(found: set[tuple[int, int, str]], gold: list[tuple[int, int, str, bool]]) -> tuple[float, float]:
    hit = [(a, b, e) in found for a, b, e, _ in gold]
    infl = [h for h, g in zip(hit, gold, strict=True) if g[3]]
    return sum(hit) / max(len(hit), 1), sum(infl) / max(len(infl), 1)


def _peers(aliases: list[tuple[str, str]]) -> dict[str, Any]:
    import ahocorasick
    from flashtext import KeywordProcessor

    auto = ahocorasick.Automaton()
    for a, eid in aliases:
        auto.add_word(a.lower(), (len(a), eid))
    auto.make_automaton()
    kp = KeywordProcessor(case_sensitive=False)
    kp.set_non_word_boundaries(set(kp.non_word_boundaries) | {chr(c) for c in range(0x400, 0x530)})
    for a, eid in aliases:
        kp.add_keyword(a, eid)
    return {"aho": auto, "flashtext": kp}


def _aho_scan(auto: Any, text: str) -> set[tuple[int, int, str]]:
    low = text.lower()
    out = set()
    for end, (n, eid) in auto.iter_long(low):
        a, b = end - n + 1, end + 1
        if (a == 0 or not low[a - 1].isalnum()) and (b == len(low) or not low[b].isalnum()):
            out.add((a, b, eid))
    return out


def _rate(fn: Any, text: str) -> tuple[float, Any]:
    """MB/s of ``fn(text)`` by the wall clock, and its result; the same by this process's CPU time
    is kept in :data:`CPU_RATES` (on a machine that other processes share, the wall clock also
    counts the time they take)."""
    t, c = time.perf_counter(), time.process_time()
    res = fn(text)
    size = len(text.encode()) / 1e6
    CPU_RATES[fn] = size / max(time.process_time() - c, 1e-9)
    return size / (time.perf_counter() - t), res


CPU_RATES: dict[Any, float] = {}


def run() -> list[dict[str, object]]:
    norm = default_normalizer()
    ix = norm.index
    texts = {lang: make_text(lang) for lang in ("ru", "en")}
    one_off = _load_all()
    ours: dict[str, tuple[float, float, tuple[float, float]]] = {}
    cpu: dict[str, tuple[float, float]] = {}  # first pass and warm MB/s by CPU time
    for lang, (text, gold) in texts.items():  # before the peers' millions of objects slow the GC down
        run = lambda t, lg=lang: extract(t, lang=lg)  # noqa: E731
        cold, res = _rate(run, text)
        cpu_cold = CPU_RATES[run]
        warm, res = _rate(run, text)
        ours[lang] = (cold, warm, _recall({(m.start, m.end, m.match.id) for m in res if m.match}, gold))
        cpu[lang] = (cpu_cold, CPU_RATES[run])
    aliases = [(a, ix.entity(i).id) for i, a in enumerate(ix.aliases()) if len(a) > 1]
    peers = _peers(aliases)
    gc.collect()
    gc.freeze()
    first = "one-off loading before the first extract()"
    rows: list[dict[str, object]] = [{"bench": "extract", "name": first, "value": one_off, "unit": "s"}]
    for lang, (text, gold) in texts.items():
        cold, warm, our_rec = ours[lang]
        aho_fn = lambda t: _aho_scan(peers["aho"], t)  # noqa: E731
        aho_rate, aho = _rate(aho_fn, text)
        aho_cpu = CPU_RATES[aho_fn]
        ft_rate, ft = _rate(lambda t: peers["flashtext"].extract_keywords(t, span_info=True), text)
        aho_rec = _recall(aho, gold)
        ft_rec = _recall({(a, b, e) for e, a, b in ft}, gold)
        base = {"bench": "extract", "unit": "MB/s", "baseline": "pyahocorasick"}
        n_infl = sum(g[3] for g in gold)
        rows += [
            {**base, "name": f"{lang}: namenorm extract, first pass", "value": cold,
             "ratio": cold / aho_rate, "cpu MB/s": cpu[lang][0], "cpu ratio": cpu[lang][0] / aho_cpu},
            {**base, "name": f"{lang}: namenorm extract, warm", "value": warm, "ratio": warm / aho_rate,
             "cpu MB/s": cpu[lang][1], "cpu ratio": cpu[lang][1] / aho_cpu},
            {**base, "name": f"{lang}: pyahocorasick exact (whole words)", "value": aho_rate, "ratio": 1.0,
             "cpu MB/s": aho_cpu},
            {**base, "name": f"{lang}: flashtext exact", "value": ft_rate, "ratio": ft_rate / aho_rate},
        ]
        for who, (rec, infl) in (("namenorm", our_rec), ("pyahocorasick", aho_rec), ("flashtext", ft_rec)):
            rows.append({"bench": "extract", "name": f"{lang}: {who} recall (all / inflected of {n_infl})",
                         "value": f"{rec:.3f} / {infl:.3f}", "unit": f"of {len(gold)} mentions"})
        if lang == "ru":
            rows += _natasha(text[:30_000], [g for g in gold if g[1] <= 30_000])
    gc.unfreeze()
    return rows


def _natasha(text: str, gold: list[tuple[int, int, str, bool]]) -> list[dict[str, object]]:
    try:
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError:
        return [{"bench": "extract", "name": "ru: natasha NER", "value": "not installed", "unit": ""}]
    seg, ner = Segmenter(), NewsNERTagger(NewsEmbedding())

    def tag(t: str) -> list[tuple[int, int]]:
        doc = Doc(t)
        doc.segment(seg)
        doc.tag_ner(ner)
        return [(s.start, s.stop) for s in doc.spans]

    rate, spans = _rate(tag, text)
    found = set(spans)
    rec = sum((a, b) in found for a, b, _, _ in gold) / max(len(gold), 1)
    return [{"bench": "extract", "name": "ru: natasha NER (spans only, no linking)", "value": rate,
             "unit": "MB/s", "baseline": "pyahocorasick"},
            {"bench": "extract", "name": "ru: natasha span recall", "value": f"{rec:.3f}",
             "unit": f"of {len(gold)} mentions"}]


def _load_all() -> float:
    """Seconds to make the one-off loads (extra index tables, analyzers, the matcher's tables), so that
    a first pass measures never-seen text with only the per-word caches cold."""
    from namenorm.extract.context import is_title
    from namenorm.surnames import is_common_surname

    t = time.perf_counter()
    default_normalizer().preload()
    extract("Встреча прошла в Киеве. Talks ended in Kyiv.")
    is_common_surname("Smith"), is_title("President")  # tables read on first use
    return time.perf_counter() - t


def real_text(folders: list[str], lang: str) -> list[dict[str, object]]:
    """First-pass and warm MB/s of extract() over every .txt file under ``folders`` (a news corpus)."""
    from pathlib import Path

    docs = [p.read_text(encoding="utf-8") for f in folders for p in sorted(Path(f).rglob("*.txt"))]
    size = sum(len(d.encode()) for d in docs) / 1e6
    _load_all()
    out: list[dict[str, object]] = []
    for name in ("first pass", "warm"):
        t = time.perf_counter()
        for d in docs:
            extract(d, lang=lang)
        out.append({"bench": "extract", "name": f"{lang}: {len(docs)} files, {size:.2f} MB, {name}",
                    "value": size / (time.perf_counter() - t), "unit": "MB/s"})
    return out


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", nargs="+", help="folders of .txt files to time instead of the generated text")
    ap.add_argument("--lang", default="ru", help="the language of --texts (default ru)")
    a = ap.parse_args()
    for row in real_text(a.texts, a.lang) if a.texts else run():
        print(row)
