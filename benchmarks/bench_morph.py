"""Benchmark namenorm.morph: base_form and expand throughput, analyzer load cost, natasha as a peer.

Run alone: ``.venv/bin/python benchmarks/bench_morph.py`` (prints a markdown table).
Rows (name, ops/s, ratio vs baseline) come from ``run()``. Measured in one process:
- base_form over distinct inflected phrases built from a shared word vocabulary, once with the
  per-word caches warm (the steady state of a long job) and once with every cache cleared;
  baseline: pymorphy3's plain first-parse lemma of every token (no phrase logic). Each rate is
  given by the wall clock and by the process's CPU time: on a shared machine the wall clock also
  counts the time that other processes hold the cores.
- expand over a synthetic gazetteer (first names x surnames, adjectives x nouns, genitive
  dependents), caches cleared first; baseline: the same aliases' every-word pymorphy3 lexemes.
- analyzer load time and RSS (a fresh subprocess).
- natasha (``pip install natasha``) on the BSNLP ru mentions in ../shared/eval, when both exist:
  accuracy and mentions/s, beside namenorm's on the same mentions.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MENTIONS = ROOT.parent / "shared" / "eval" / "bsnlp-dev" / "mentions.tsv"

RU_FIRST = ["Иван", "Пётр", "Сергей", "Алексей", "Михаил", "Николай", "Дмитрий", "Андрей", "Анна", "Мария",
            "Ольга", "Елена", "Татьяна", "Наталья", "Юрий", "Олег"]
RU_SURN_M = ["Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Новиков", "Морозов", "Волков",
             "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев", "Виноградов", "Богданов"]
RU_PLACES = ["Новосибирск", "Екатеринбург", "Казань", "Самара", "Омск", "Челябинск", "Уфа", "Воронеж",
             "Пермь", "Волгоград", "Краснодар", "Саратов", "Тюмень", "Тольятти", "Ижевск", "Барнаул"]
RU_ADJ = ["Центральный", "Северный", "Южный", "Западный", "Восточный", "Государственный", "Национальный",
          "Московский", "Российский", "Верховный", "Федеральный", "Областной"]
RU_NOUN = ["банк", "суд", "университет", "комитет", "совет", "институт", "театр", "музей", "союз", "фонд"]
RU_DEP = ["", " Российской Федерации", " по делам молодёжи", " иностранных дел", " Москвы"]
UK_FIRST = ["Іван", "Петро", "Тарас", "Олександр", "Андрій", "Микола", "Оксана", "Олена", "Ірина", "Юлія",
            "Богдан", "Василь", "Григорій", "Леся"]
UK_SURN = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Мельник", "Ковальчук",
           "Бойко", "Олійник", "Лисенко", "Гончаренко", "Руденко", "Мороз", "Савченко"]
UK_PLACES = ["Київ", "Харків", "Одеса", "Дніпро", "Львів", "Запоріжжя", "Вінниця", "Полтава", "Чернігів",
             "Житомир", "Суми", "Рівне", "Тернопіль", "Луцьк", "Ужгород", "Черкаси"]
UK_ADJ = ["Центральний", "Національний", "Державний", "Верховний", "Київський", "Український", "Обласний"]
UK_NOUN = ["банк", "суд", "університет", "комітет", "театр", "музей", "фонд", "інститут"]


def synthetic_aliases() -> list[tuple[str, str, str, str | None]]:
    """(alias, lang, etype, gender): a gazetteer-like mix of people, places and organisations."""
    out: list[tuple[str, str, str, str | None]] = []
    for first, surn in itertools.product(RU_FIRST, RU_SURN_M):
        female = first[-1] in "ая"
        out.append((f"{first} {surn + 'а' if female else surn}", "ru", "PER", "f" if female else "m"))
    out += [(p, "ru", "LOC", None) for p in RU_PLACES]
    for adj, noun, dep in itertools.product(RU_ADJ, RU_NOUN, RU_DEP):
        out.append((f"{adj} {noun}{dep}", "ru", "ORG", None))
    for first, surn in itertools.product(UK_FIRST, UK_SURN):
        female = first[-1] in "ая"
        out.append((f"{first} {surn}", "uk", "PER", "f" if female else "m"))
    out += [(p, "uk", "LOC", None) for p in UK_PLACES]
    for adj, noun in itertools.product(UK_ADJ, UK_NOUN):
        out.append((f"{adj} {noun}", "uk", "ORG", None))
    return out


def bundled_aliases() -> list[tuple[str, str, str, str | None]]:
    """(alias, lang, etype, gender) for every ru/uk alias of the .gaz files under gazetteers/."""
    out: list[tuple[str, str, str, str | None]] = []
    for path in sorted((ROOT / "gazetteers").rglob("*.gaz")):
        etype, gender = "LOC", None
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("[") and "]" in line:
                etype, gender = line.split("]", 1)[1].split()[0], None
            elif line.startswith("gender:"):
                gender = line.split(":", 1)[1].strip() or None
            elif line[:3] in ("ru:", "uk:"):
                for alias in line[3:].split(" | "):
                    alias = alias.split("{")[0].strip()
                    if alias:
                        out.append((alias, line[:2], etype, gender))
    return out


def clear_caches() -> None:
    from namenorm.morph import analyzers, base, expansion, wordinfo

    for f in (analyzers.word_parses, analyzers.inflect_word, analyzers.lexeme_forms, wordinfo.word_info,
              base._base_form_cyr, base._candidates, expansion._expand):
        f.cache_clear()


def _timed(fn: Any, items: list[Any]) -> float:
    return _timed2(fn, items)[0]


def _timed2(fn: Any, items: list[Any]) -> tuple[float, float]:
    """(items/s by the wall clock, items/s by this process's CPU time). On a shared machine the wall
    clock also counts the time other processes hold the cores; the CPU time is this code's own."""
    t0, c0 = time.perf_counter(), time.process_time()
    for x in items:
        fn(x)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return len(items) / max(wall, 1e-9), len(items) / max(cpu, 1e-9)


def load_cost() -> tuple[float, float]:
    """(seconds, MiB of RSS) to load the ru + uk analyzers, in a fresh interpreter."""
    code = (
        "import time,resource\n"
        "def rss():\n"
        "    return int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) / 1024\n"
        "import namenorm.morph.analyzers as a\n"
        "r0=rss(); t=time.perf_counter(); a.get_analyzer('ru'); a.get_analyzer('uk')\n"
        "print(time.perf_counter()-t, rss()-r0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    secs, mib = out.split()
    return float(secs), float(mib)


def bsnlp_ru() -> list[tuple[str, str]]:
    if not MENTIONS.exists():
        return []
    lines = MENTIONS.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    rows = [dict(zip(head, line.split("\t"), strict=False)) for line in lines[1:] if line]
    return [(r["surface"], r["lemma"]) for r in rows if r["lang"] == "ru"]


def natasha_normalizer() -> Any | None:
    try:
        from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsSyntaxParser, Segmenter
        from natasha.norm import normalize
    except ImportError:
        return None
    seg, vocab = Segmenter(), MorphVocab()
    emb = NewsEmbedding()
    tagger, parser = NewsMorphTagger(emb), NewsSyntaxParser(emb)

    def norm(text: str) -> str:
        doc = Doc(text)
        doc.segment(seg)
        doc.tag_morph(tagger)
        doc.parse_syntax(parser)
        return str(normalize(vocab, doc.tokens))

    return norm


def run() -> list[dict[str, Any]]:
    import pymorphy3

    from namenorm.morph import base_form, expand
    from namenorm.morph.analyzers import get_analyzer

    rows: list[dict[str, Any]] = []
    secs, mib = load_cost()
    rows.append({"name": "load ru+uk analyzers (s, RSS MiB)", "ops/s": round(1 / secs, 1),
                 "ratio": f"{secs:.2f} s, {mib:.0f} MiB"})
    aliases = synthetic_aliases()
    forms: list[tuple[str, str]] = []
    for alias, lang, etype, gender in aliases:
        forms += [(f, lang) for f in sorted(expand(alias, lang, etype, gender))]
    forms = sorted(set(forms))
    ru, uk = get_analyzer("ru"), get_analyzer("uk")

    def baseline_lemma(item: tuple[str, str]) -> str:
        m = ru if item[1] == "ru" else uk
        return " ".join(m.parse(w)[0].normal_form for w in item[0].split())

    clear_caches()
    base_ps, base_cpu = _timed2(baseline_lemma, forms)
    clear_caches()
    cold, cold_cpu = _timed2(lambda x: base_form(x[0], x[1]), forms)
    from namenorm.morph import base

    warm = warm_cpu = 0.0
    for _ in range(3):  # best of 3: the machine is shared
        base._base_form_cyr.cache_clear()  # per-word caches stay warm, phrase cache emptied
        w, c = _timed2(lambda x: base_form(x[0], x[1]), forms)
        warm, warm_cpu = max(warm, w), max(warm_cpu, c)
    rows.append({"name": f"pymorphy3 first-parse lemma per token ({len(forms)} forms, baseline)",
                 "ops/s": round(base_ps), "ratio": 1.0})
    rows.append({"name": "base_form distinct forms, per-word caches warm", "ops/s": round(warm),
                 "ratio": round(warm / base_ps, 2)})
    rows.append({"name": "base_form distinct forms, all caches cold", "ops/s": round(cold),
                 "ratio": round(cold / base_ps, 2)})
    # the same runs by CPU time (the wall clock of a shared machine also counts its other processes)
    rows.append({"name": "pymorphy3 first-parse lemma per token, CPU time (baseline)",
                 "ops/s": round(base_cpu), "ratio": 1.0})
    rows.append({"name": "base_form distinct forms, per-word caches warm, CPU time", "ops/s": round(warm_cpu),
                 "ratio": round(warm_cpu / base_cpu, 2)})
    rows.append({"name": "base_form distinct forms, all caches cold, CPU time", "ops/s": round(cold_cpu),
                 "ratio": round(cold_cpu / base_cpu, 2)})

    clear_caches()
    lex_ps = _timed(lambda a: [ru.parse(w)[0].lexeme if a[1] == "ru" else uk.parse(w)[0].lexeme
                               for w in a[0].split()], aliases)
    clear_caches()
    exp_ps = _timed(lambda a: expand(*a), aliases)
    rows.append({"name": f"pymorphy3 lexeme of every word ({len(aliases)} aliases, baseline)",
                 "ops/s": round(lex_ps), "ratio": 1.0})
    rows.append({"name": "expand aliases, caches cold", "ops/s": round(exp_ps),
                 "ratio": round(exp_ps / lex_ps, 2)})

    bundled = bundled_aliases()
    if bundled:
        clear_caches()
        b_ps = _timed(lambda a: expand(*a), bundled)
        rows.append({"name": f"expand bundled gazetteer aliases ({len(bundled)}), caches cold",
                     "ops/s": round(b_ps), "ratio": round(b_ps / lex_ps, 2)})

    mentions = bsnlp_ru()
    norm = natasha_normalizer() if mentions else None
    if mentions:
        distinct = sorted({s for s, _ in mentions})
        clear_caches()
        t0 = time.perf_counter()
        ours = {s: base_form(s, "ru") for s in distinct}
        ours_ps = len(distinct) / (time.perf_counter() - t0)
        acc = sum(ours[s] == gold for s, gold in mentions) / len(mentions)
        rows.append({"name": f"namenorm base_form on BSNLP ru ({len(distinct)} distinct), acc {acc:.3f}",
                     "ops/s": round(ours_ps), "ratio": 1.0})
        if norm is not None:
            t0 = time.perf_counter()
            theirs = {}
            for s in distinct:
                try:
                    theirs[s] = norm(s)
                except Exception:  # natasha fails on some inputs; count it as wrong
                    theirs[s] = ""
            nat_ps = len(distinct) / (time.perf_counter() - t0)
            nacc = sum(theirs[s] == gold for s, gold in mentions) / len(mentions)
            rows.append({"name": f"natasha full pipeline on BSNLP ru, acc {nacc:.3f} (peer)",
                         "ops/s": round(nat_ps), "ratio": round(nat_ps / ours_ps, 3)})
    del pymorphy3
    return rows


if __name__ == "__main__":
    print("| benchmark | ops/s | ratio |\n|---|---:|---:|")
    for row in run():
        print(f"| {row['name']} | {row['ops/s']:,} | {row['ratio']} |")
