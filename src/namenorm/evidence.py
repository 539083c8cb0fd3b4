"""Evidence for loose matches: how often a random string would hit the index by chance.

A loose step (romanisation, base form, surname alone, the cross-script key, fuzzy matching) finds
*something* for many strings that name nothing listed, and more often the larger the gazetteer. So a
loose hit counts only as far as it beats chance:

1. **Chance rate.** When an index is compiled, :func:`measure_chance` sends a few thousand random
   pronounceable strings (a letter model of the index's own names and of common surnames, so they
   look like names; in Latin and in Cyrillic, one and two words, every length) through the cascade
   with evidence switched off, and counts how often each loose step hits an entity of each type.
   Real names are denser than random strings: "Vetrov" is one letter from "Petrov", as many
   surnames are from other surnames and from the places named after families. So the common surnames of
   :mod:`namenorm.surnames` (and the romanisations of the Cyrillic ones) are sent through too, and
   a bucket's rate is the larger of the two estimates (the surnames of one script shrunk towards
   those of both scripts where a length has few of them). The table is stored in the index (hits per million
   probes), so it grows with the gazetteer by itself.
2. **Prominence.** A random hit lands on a random entity; the chance that it lands on one at least
   as prominent as the candidate is the candidate's quantile among entities of its type (curated
   before national before GeoNames data, then by prior). "Kiyv" is one transposition from Kyiv, the
   most prominent place there is: no random four-letter string would do that often.
3. **Posterior.** ``chance = rate(step, script, words, length, type) * quantile(entity)``, and the
   probability that the hit is right is ``1 / (1 + chance / TAU)``: the odds of a real variant
   against a chance hit. The match's score is the step's cap times that probability, divided among
   the entities that the step found equally well (an ambiguous hit is no evidence for either).

``TAU`` was fitted on labelled data of our own (``benchmarks/reliability.py``), never on the
evaluation sets; the reliability table in docs/scores.md shows what the scores mean.

>>> bucket("fuzzy:1t", "Latin", 1, 7, "LOC")
'fuzzy:1t|Latin|1|7|LOC'
>>> bucket("surname", "Cyrillic", 1, 23, "PER")
'surname|Cyrillic|1|16|PER'
>>> round(posterior(0.0), 3), round(posterior(TAU), 3), posterior(1.0) < 0.05
(1.0, 0.5, True)
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from namenorm.scripts import dominant_script

__all__ = ["ACCEPT", "PROBES", "TAU", "Prominence", "bucket", "chance_rate", "edit_kind", "generic_names",
           "measure_chance", "posterior", "real_names"]

TAU = 0.008  # the chance at which a loose hit is a coin toss (fitted: benchmarks/reliability.py)
ACCEPT = 0.7  # loose hits less likely than this to be right are dropped
PROBES = 150  # random strings per script, word count and length when an index is compiled
SHRINK = 30  # how many surnames of one script and length outweigh the rate of both scripts
_LENGTHS = range(3, 17)
_SCRIPTS = ("Latin", "Cyrillic")
_ALPHABETS = {"Latin": "abcdefghijklmnopqrstuvwxyz", "Cyrillic": "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"}


def bucket(step: str, script: str, words: int, length: int, etype: str) -> str:
    """The key of the chance table: step, query script, one or more words, length (capped), type."""
    return f"{step}|{script}|{min(words, 2)}|{min(max(length, 3), 16)}|{etype}"


def edit_kind(query: str, key: str) -> str:
    """What kind of single edit turns ``key`` into ``query``: "t" for two neighbouring letters swapped
    (the typing error par excellence: Kiyv, Zelesnky; unrelated names seldom differ so), "" for any
    other. The chance table counts transpositions apart, so the data say how often they join
    unrelated names.

    >>> edit_kind("kiyv", "kyiv"), edit_kind("kyiw", "kyiv"), edit_kind("kiev", "kyiv")
    ('t', '', '')
    """
    if len(query) == len(key):
        diff = [i for i, (a, b) in enumerate(zip(query, key, strict=True)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and query[diff[0]] == key[diff[1]] \
                and query[diff[1]] == key[diff[0]]:
            return "t"
    return ""


def posterior(chance: float) -> float:
    """The probability that a loose hit is right, given the chance of such a hit on a random string."""
    return 1.0 / (1.0 + chance / TAU)


def chance_rate(table: dict[str, int], key: str) -> float:
    """Hits per probe for a bucket, smoothed (half a hit) so that an unseen bucket is not certain."""
    return (table.get(key, 0) + 0.5e6 / PROBES) / 1e6


class Prominence:
    """Each entity's share of the index's aliases held by entities of its type at least as prominent
    as it: the chance that a random hit on that type lands on one of them. The most prominent
    entities are near 0, unless they have so many aliases (a country's name in a hundred languages)
    that random strings often land on them.

    ``entities`` are ``(type, rank, prior, aliases)``; rank orders the sources (curated 2, national 1,
    GeoNames 0) before the prior does.

    >>> p = Prominence([("LOC", 2, 3e6, 2), ("LOC", 0, 5e4, 1), ("LOC", 0, 1e3, 1), ("PER", 2, 10.0, 3)])
    >>> [round(p.quantile(i), 2) for i in range(4)]
    [0.5, 0.75, 1.0, 1.0]
    >>> [round(Prominence([("LOC", 0, 0.0, 1)] * 2 + [("LOC", 1, 0.0, 2)]).quantile(i), 2) for i in range(3)]
    [1.0, 1.0, 0.5]
    """

    def __init__(self, entities: Sequence[tuple[str, int, float, int]]) -> None:
        totals: Counter[str] = Counter()
        held: Counter[tuple[str, int, float]] = Counter()  # aliases per type and prominence
        for t, r, p, n in entities:
            totals[t] += n
            held[t, r, p] += n
        # entities as prominent as one another (the same source and prior) are all "at least as
        # prominent": each gets the share of the whole group, whatever their order in the files
        seen: Counter[str] = Counter()
        share: dict[tuple[str, int, float], float] = {}
        for t, r, p in sorted(held, key=lambda k: (k[1], k[2]), reverse=True):
            seen[t] += held[t, r, p]
            share[t, r, p] = seen[t] / max(totals[t], 1)
        self._q = [share[t, r, p] for t, r, p, _n in entities]

    def quantile(self, ei: int) -> float:
        """The share of aliases of ``ei``'s type held by entities at least as prominent as it."""
        return max(self._q[ei], 1e-9)


def _letter_model(names: Iterable[str], alphabet: str) -> dict[str, list[str]]:
    """Letter successors after each two letters seen in ``names`` ("^" pads a word's start), each
    as often as it was seen: strings drawn from it share the syllables and endings of real names."""
    follow: dict[str, list[str]] = defaultdict(list)
    letters = set(alphabet)
    for name in names:
        for word in name.split():
            if len(word) >= 3 and set(word) <= letters:
                padded = "^^" + word
                for i in range(len(word)):
                    follow[padded[i:i + 2]].append(word[i])
    return follow


def _random_word(rng: random.Random, follow: dict[str, list[str]], length: int) -> str:
    """A word of ``length`` letters from the model; where the model has no way on (a small corpus
    has few long words), the next letter is any letter that follows the word's first one."""
    out: list[str] = []
    for _ in range(50):
        out, prev = [], "^^"
        for _ in range(length):
            nxt = follow.get(prev)
            if not nxt:
                break
            c = rng.choice(nxt)
            out.append(c)
            prev = prev[1] + c
        if len(out) == length:
            return "".join(out)
    letters = follow["^^"]
    while len(out) < length:
        out.append(rng.choice(letters))
    return "".join(out)


@lru_cache(maxsize=1)
def generic_names() -> tuple[str, ...]:
    """Words that show what names and words look like whatever the gazetteer: the common surnames
    of :mod:`namenorm.surnames` (Latin and Cyrillic) and the common words of :mod:`namenorm.stopwords`.
    Mixed into the letter model, they keep a small gazetteer's random strings from being copies of
    its own few names."""
    from namenorm.stopwords import common_latin_words
    from namenorm.surnames import surname_list

    return (*surname_list(), *sorted(common_latin_words()))


@lru_cache(maxsize=1)
def real_names() -> tuple[str, ...]:
    """Real one-word names to probe the index with: the common surnames of :mod:`namenorm.surnames`
    in their own script, and the Cyrillic ones romanised (Ivanov, Kuznetsov) as Latin text has them."""
    from unidecode import unidecode

    from namenorm.surnames import surname_list

    names = surname_list()
    latin = {unidecode(n) for n in names if not n.isascii()} - set(names)
    return (*names, *sorted(latin))


def measure_chance(keys: Iterable[str], probe: Callable[[str], Iterable[tuple[str, str]]],
                   seed: int = 20261206, generic: Iterable[str] = (),
                   names: Iterable[str] = (), known: Iterable[str] = ()) -> dict[str, int]:
    """Hits per million probes for every bucket (see :func:`bucket`).

    ``keys`` are the index's folded names: the letter model is trained on them and on ``generic``
    words (see :func:`generic_names`), and a string that is a key is skipped (that is a listed name,
    not chance); ``probe(text)`` runs the cascade with evidence off and yields ``(step, entity
    type)`` for each hit. ``names`` are real one-word names (see :func:`real_names`): where they hit
    a bucket more often than random strings do, their rate counts. A name that is a key or one of
    the ``known`` words (listed people's surnames) is skipped: that is a namesake, which the
    common-surname rule and the ranking deal with, not chance.

    >>> hit = lambda text: [("fuzzy:1", "PER")] if text.startswith("Ma") else []
    >>> table = measure_chance(["kyiv"], hit, generic=["marko", "petro"], names=["marko", "petrov"])
    >>> table["fuzzy:1|Latin|1|5|PER"] > table.get("fuzzy:1|Latin|1|6|PER", 0) > 0
    True
    """
    keys = list(keys)
    listed = set(keys)
    corpus = [*keys, *generic]
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    for script in _SCRIPTS:
        follow = _letter_model(corpus, _ALPHABETS[script])
        if not follow.get("^^"):
            continue
        for words in (1, 2):
            for length in _LENGTHS:
                for _ in range(PROBES):
                    if words == 1:
                        text = _random_word(rng, follow, length)
                    else:
                        first = rng.randint(3, max(3, length - 3))
                        rest = max(3, length - first)
                        text = f"{_random_word(rng, follow, first)} {_random_word(rng, follow, rest)}"
                    if text in listed:
                        continue  # a listed name, not chance: counted as a probe that hit nothing loose
                    for step, etype in set(probe(text.title())):
                        counts[bucket(step, script, words, len(text.replace(" ", "")), etype)] += 1
    rates = {k: v / PROBES for k, v in counts.items()}
    real, seen = Counter[str](), Counter[tuple[str, int]]()
    listed.update(known)
    for name in names:
        name_script = dominant_script(name)
        if name in listed or name_script not in _SCRIPTS:
            continue
        length = min(max(len(name), 3), 16)
        seen[name_script, length] += 1
        for step, etype in set(probe(name.title())):
            real[bucket(step, name_script, 1, length, etype)] += 1
    # the surnames of one script and length are few (500 Cyrillic ones in all): each bucket's rate
    # is shrunk towards the rate of that step, length and type over both scripts' surnames
    pooled, pooled_n = Counter[str](), Counter[int]()
    for (_script, length), n in seen.items():
        pooled_n[length] += n
    for k, hits in real.items():
        step, _script, _words, size, etype = k.split("|")
        pooled[f"{step}|{size}|{etype}"] += hits
    for pk, hits in pooled.items():
        step, plen, etype = pk.split("|")
        length = int(plen)
        prior = hits / pooled_n[length]
        for name_script in _SCRIPTS:  # a script with no surname of this length takes the pooled rate
            k = bucket(step, name_script, 1, length, etype)
            shrunk = (real[k] + SHRINK * prior) / (seen[name_script, length] + SHRINK)
            rates[k] = max(rates.get(k, 0.0), shrunk)
    return {k: round(v * 1e6) for k, v in sorted(rates.items())}
