"""Benchmark namenorm.translit against unidecode, anyascii, iuliia and translitua in one process.

Run alone: ``.venv/bin/python benchmarks/bench_translit.py`` (prints a markdown table).
``run()`` returns rows (bench, name, value, unit, ratio, baseline); ratio = value / the fastest peer's
value on the same input (peers: ``pip install namenorm[bench]``; a missing peer is skipped).
- names: 50,000 distinct "First Surname" names, half Ukrainian, half Russian, built deterministically
  from the lists below; each function is called once per name (best of 5 passes, interleaved with
  the other functions' passes so that load from other processes hits all alike; no result cache).
- text: 1 MB of Russian running text, generated deterministically from a word list; one call per
  line (about 80 characters), reported in MB/s.
- romanizations: every scheme reading of each of 20,000 names, all its caches cleared before each pass
  (names/s; the per-word cache fills during the pass, as it does when a gazetteer is compiled).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

UK_FIRST = ["Володимир", "Олександр", "Андрій", "Юрій", "Євген", "Ярослав", "Іван", "Петро", "Тарас",
            "Богдан", "Олексій", "Дмитро", "Сергій", "Микола", "Василь", "Григорій", "Юлія", "Оксана",
            "Ірина", "Олена", "Наталія", "Тетяна", "Людмила", "Ганна", "Катерина", "Марія", "Софія",
            "Анастасія", "Віталій", "Ігор", "Костянтин", "Денис", "Максим", "Роман", "Євгенія", "Яна",
            "Леся", "Орест", "Остап", "Зиновій"]
UK_SURN = ["Зеленський", "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Мельник",
           "Ковальчук", "Бойко", "Олійник", "Лисенко", "Гончаренко", "Руденко", "Савченко",
           "Згуровський", "Кличко", "Порошенко", "Тимошенко", "Яценюк", "Залужний", "Буданов",
           "Резніков", "Кулеба", "Шмигаль", "Стефанчук", "Єрмак", "Подоляк", "Арахамія", "Федоров",
           "Малюк", "Сирський", "Наєв", "Хомчак", "Ющенко", "Кучма", "Кравчук", "Янукович", "Турчинов",
           "Гройсман", "Зінченко", "Юрченко", "Щербак"]
RU_FIRST = ["Сергей", "Алексей", "Дмитрий", "Михаил", "Николай", "Андрей", "Владимир", "Евгений",
            "Юрий", "Пётр", "Фёдор", "Илья", "Григорий", "Анна", "Мария", "Ольга", "Елена", "Татьяна",
            "Наталья", "Юлия", "Ксения", "Дарья", "Екатерина", "Людмила", "Светлана", "Валентина",
            "Эдуард", "Эльвира", "Семён", "Аркадий", "Вячеслав", "Станислав", "Ярослав", "Игорь",
            "Олег", "Борис", "Глеб", "Кирилл"]
RU_SURN = ["Лавров", "Песков", "Медведев", "Шойгу", "Навальный", "Ельцин", "Горбачёв", "Хрущёв",
           "Соловьёв", "Подъярский", "Щукин", "Чайковский", "Достоевский", "Королёв", "Жуков", "Зайцев",
           "Воробьёв", "Кузнецов", "Смирнов", "Попов", "Соколов", "Лебедев", "Новиков", "Морозов",
           "Волков", "Васильев", "Павлов", "Семёнов", "Голубев", "Виноградов", "Богданов", "Яковлев",
           "Щербаков", "Эйдельман", "Цветков", "Шишкин", "Рыбаков", "Белоусов", "Мишустин",
           "Набиуллина", "Матвиенко", "Володин"]
_WORDS_TEXT = (
    "и в не на что с по как это он она они был была было быть год время человек дело жизнь день "
    "рука раз работа слово место лицо друг глаз вопрос дом сторона страна мир случай голова "
    "ребенок сила конец вид система часть город отношение женщина деньги земля машина вода отец "
    "проблема час право нога решение дверь образ история власть закон война бог голос тысяча "
    "книга возможность результат ночь стол имя область статья число компания народ жена группа "
    "развитие процесс суд условие средство начало свет пора путь душа уровень форма связь "
    "минута улица вечер качество мысль дорога мать действие месяц государство язык любовь "
    "взгляд мама век школа цель общество деятельность организация президент комната порядок "
    "момент театр письмо утро помощь ситуация роль рубль смысл состояние квартира орган "
    "внимание тело труд сын муж правительство объём съезд подъезд ёлка щука объявил заявил "
    "сообщил отметил подчеркнул министр губернатор председатель депутат "
)
RU_WORDS = _WORDS_TEXT.split()


def names(n: int = 50_000) -> list[str]:
    """``n`` distinct names, alternating Ukrainian and Russian, in a fixed pseudo-random order."""
    uk = [f"{a} {b}" for a in UK_FIRST for b in UK_SURN]
    ru = [f"{a} {b}" for a in RU_FIRST for b in RU_SURN]
    rng = random.Random(20261128)
    pool = uk + ru
    out = list(pool)
    while len(out) < n:  # add patronymic-like variety until n distinct names exist
        first, last = rng.choice(pool).split(" ")
        out.append(f"{first} {rng.choice(RU_FIRST + UK_FIRST)[:-1]}ович {last}")
    out = list(dict.fromkeys(out))
    while len(out) < n:
        out.append(f"{rng.choice(pool)} {rng.choice(RU_SURN + UK_SURN)}")
        out = list(dict.fromkeys(out))
    rng.shuffle(out)
    return out[:n]


def russian_text(size: int = 1_000_000) -> list[str]:
    """Lines of pseudo-random Russian text (about ``size`` bytes of UTF-8 in all)."""
    rng = random.Random(7)
    lines: list[str] = []
    total = 0
    while total < size:
        words = [rng.choice(RU_WORDS) for _ in range(rng.randint(8, 14))]
        words[0] = words[0].capitalize()
        if rng.random() < 0.3:
            words.insert(rng.randint(1, len(words) - 1), rng.choice(RU_SURN))
        line = " ".join(words) + rng.choice([".", ",", "!", "?", " —"])
        lines.append(line)
        total += len(line.encode()) + 1
    return lines


def _best_rate(fn: Callable[[str], Any], items: list[str], repeat: int = 3,
               before: Callable[[], None] | None = None) -> float:
    best = float("inf")
    for _ in range(repeat):
        if before is not None:
            before()
        t0 = time.perf_counter()
        for x in items:
            fn(x)
        best = min(best, time.perf_counter() - t0)
    return len(items) / best


def _interleaved_rates(
    fns: dict[str, Callable[[str], Any]], items: list[str], repeat: int = 5
) -> dict[str, float]:
    """Best-of-``repeat`` items/s for each function, the passes interleaved so that load from other
    processes on the machine affects every function alike."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(repeat):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            for x in items:
                fn(x)
            best[name] = min(best[name], time.perf_counter() - t0)
    return {name: len(items) / t for name, t in best.items()}


def _peers() -> dict[str, Callable[[str], str]]:
    peers: dict[str, Callable[[str], str]] = {}
    try:
        from unidecode import unidecode
        peers["unidecode"] = unidecode
    except ImportError:
        pass
    try:
        from anyascii import anyascii
        peers["anyascii"] = anyascii
    except ImportError:
        pass
    try:
        import iuliia
        peers["iuliia (wikipedia)"] = iuliia.WIKIPEDIA.translate
    except ImportError:
        pass
    try:
        from translitua import translit
        peers["translitua (KMU 2010)"] = translit
    except ImportError:
        pass
    return peers


def run() -> list[dict[str, Any]]:
    from namenorm.translit import romanizations, transliterate
    from namenorm.translit import romanize as romanize_module

    ns = names()
    text = russian_text()
    mb = sum(len(line.encode()) + 1 for line in text) / 1e6
    ours: dict[str, Callable[[str], str]] = {
        f"namenorm {scheme}": (lambda s, scheme=scheme: transliterate(s, scheme))
        for scheme in ("uk_national", "ru_icao", "ru_wikipedia", "ru_bgn_pcgn", "auto")
    }
    peers = _peers()
    for fn in (*ours.values(), *peers.values()):
        fn(ns[0])  # load tables outside the timing
    rows: list[dict[str, Any]] = []
    for label, unit, items, scale in (("names", "names/s", ns, 1.0), ("text", "MB/s", text, mb / len(text))):
        rates = {name: r * scale for name, r in _interleaved_rates({**peers, **ours}, items).items()}
        fastest = max((rates[p] for p in peers), default=1.0)
        best_peer = max(peers, key=rates.__getitem__) if peers else "-"
        for name, rate in rates.items():
            rows.append({"bench": f"translit {label}", "name": name, "value": rate, "unit": unit,
                         "ratio": rate / fastest, "baseline": best_peer})
    sample = ns[:20_000]
    rate = _best_rate(romanizations, sample, before=romanize_module.clear_caches)
    rows.append({"bench": "translit romanizations", "name": "namenorm romanizations (cold cache)",
                 "value": rate, "unit": "names/s", "ratio": rate / 20_000, "baseline": "target 20k/s"})
    return rows


def main() -> None:
    rows = run()
    print("| bench | name | value | unit | ratio | baseline |")
    print("|---|---|---:|---|---:|---|")
    for r in rows:
        cells = [r["bench"], r["name"], f"{r['value']:,.2f}", r["unit"], f"{r['ratio']:.2f}", r["baseline"]]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
