"""Latin -> Cyrillic candidates: invert every scheme of a language, then verify by transliterating back.

Used to match a Latin query against gazetteer entries that only have Cyrillic names.  The inverse
table is built from the scheme data files themselves (letters and context-rule outputs, plus their
ASCII folds), weighted by how many schemes use a spelling; a beam search over the query proposes
spellings and candidates that some scheme of the language turns back into the query rank first.

>>> cyrillize("Zelenskyy", lang="uk")[0], cyrillize("Zelensky", lang="ru")[0]
('Зеленський', 'Зеленский')
>>> cyrillize("KHARKIV", lang="uk")[0]
'ХАРКІВ'
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter

from namenorm.chars import LETTER
from namenorm.translit.engine import load, scheme_spec
from namenorm.translit.romanize import LANG_SCHEMES, ascii_fold, strip_marks

__all__ = ["MAX_CANDIDATES", "MAX_WORD", "cyrillize"]

MAX_CANDIDATES = 16
MAX_WORD = 40  # letters spelled at once: a longer run is spelled in pieces (linear time)
_BEAM = 64
_SCHEME_BEAM = 12
_CHUNK_PENALTY = 0.3
_SOFT_SIGN_COST = 2.0
# Scheme weights: the primary romanization of a language counts most.
_PRIMARY = {"uk_national": 3.0, "ru_wikipedia": 3.0, "ru_icao": 2.0, "be_national": 3.0, "bg_official": 3.0}
_CONSONANTS = frozenset("бвгґджзклмнпрстфхцчшщ")
_ALPHABETS = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
}
# Spelling plausibility: (pattern, cost) pairs.  Letter sequences the orthography does not write
# (ы after к г х, й between a consonant and a vowel, ї after a consonant, doubled и) cost much;
# rare letters cost a little, so that a common spelling wins among candidates that all verify.
_C = "бвгґджзклмнпрстфхцчшщ"
_COMMON: tuple[tuple[str, float], ...] = (
    (f"[кгхґ]ы|[{_C}]й|[аеёиіїоуыэюя]ы|^[ыьъй](?![аеёєоуюя])|[ьъ][ьъ]|ии|иі|іи", 3.0),
    ("цг|кг|сг|іі|[аеёоуыэюя]ий", 2.0),
    (f"ий(?=[{_C}])|[аеёоуыэюя]и", 1.0),
)
_PRIORS: dict[str, tuple[tuple[str, float], ...]] = {
    "ru": (*_COMMON, ("(?<!^)(?<![аеёиоуыэюя])э", 1.5), ("ё", 0.7), ("ъ", 2.0)),
    "uk": (*_COMMON, (f"[{_C}]ї|ь[аеєиіїуюя]", 3.0), ("ґ", 1.2), ("є", 0.6), ("ї", 0.3)),
}
_WORD = re.compile(rf"(?:{LETTER}|[’”ʹʺ'·\u0300-\u036f])+")


def _fold(text: str) -> str:
    return ascii_fold(strip_marks(text)).casefold()


@lru_cache(maxsize=64)
def _inverse(lang: str, only: str | None = None) -> tuple[dict[str, dict[str, float]], int]:
    """Latin chunk -> {Cyrillic: cost} for one language (or only the pairs of scheme ``only``, with
    the language's costs), and the longest chunk length.

    Keys starting with ``^`` apply only at the start of a word and ending with ``$`` only at its end.
    """
    if only is not None:
        full, _ = _inverse(lang)
        mine, _ = _inverse_weights(lang, (only,))
        sub = {key: {cyr: full[key][cyr] for cyr in options} for key, options in mine.items()}
        return sub, max(len(k.strip("^$")) for k in sub)
    weights, _ = _inverse_weights(lang, LANG_SCHEMES[lang])
    table: dict[str, dict[str, float]] = {}
    for key, options in weights.items():
        total = sum(options.values())
        table[key] = {cyr: _CHUNK_PENALTY - math.log(wt / total) for cyr, wt in options.items()}
    longest = max(len(k.strip("^$")) for k in table)
    return table, longest


def _inverse_weights(lang: str, names: tuple[str, ...]) -> tuple[dict[str, dict[str, float]], int]:
    """Latin chunk -> {Cyrillic: summed scheme weight} over the schemes ``names``."""
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for name in names:
        spec = scheme_spec(name)
        w = _PRIMARY.get(name, 1.0)
        pairs = [(cyr, lat, "") for cyr, lat in spec.letters.items()]
        pairs += [(r.target, r.output, "^" if "^" in r.conditions else "$" if "$" in r.conditions else "")
                  for r in spec.rules if r.target != "'"]
        alphabet = _ALPHABETS.get(lang, "")
        for cyr, lat, where in pairs:
            if alphabet and not set(cyr) <= set(alphabet):
                continue
            for variant in {lat, strip_marks(lat), _fold(lat)}:
                if variant:
                    key = (where == "^") * "^" + variant.casefold() + (where == "$") * "$"
                    weights[key][cyr] += w
    return weights, 0


def _soft_sign_cost(before: str, after: str, lang: str) -> float:
    """Cost of a silent soft sign between two consonants: cheap where the spelling often has one."""
    if before == "л" or (lang == "uk" and before in "сцз" and after == "к"):
        return _SOFT_SIGN_COST / 2.5
    return _SOFT_SIGN_COST


def _word_candidates(
    word: str, lang: str, only: str | None = None, beam: int = _BEAM
) -> list[tuple[float, str]]:
    """Beam search over one lower-case Latin word: (cost, Cyrillic) pairs, cheapest first.

    With ``only``, the search inverts that scheme alone (a narrow beam is enough), so that every
    scheme's own spelling of the word is among the candidates.
    """
    table, longest = _inverse(lang, only)
    n = len(word)
    beams: list[dict[str, float]] = [dict() for _ in range(n + 1)]
    beams[0][""] = 0.0
    for i in range(n):
        if not beams[i]:
            continue
        states = sorted(beams[i].items(), key=lambda kv: kv[1])[:beam]
        for length in range(1, min(longest, n - i) + 1):
            chunk = word[i:i + length]
            keys = [chunk]
            if i == 0:
                keys.append("^" + chunk)
            if i + length == n:
                keys.append(chunk + "$")
            for key in keys:
                for cyr, cost in table.get(key, {}).items():
                    target = beams[i + length]
                    for prefix, base in states:
                        text = prefix + cyr
                        total = base + cost
                        if prefix[-1:] in _CONSONANTS and cyr[:1] in _CONSONANTS:
                            # the soft sign is silent in many schemes: offer it between consonants
                            soft = prefix + "ь" + cyr
                            if soft not in target:
                                target[soft] = total + _soft_sign_cost(prefix[-1], cyr[0], lang)
                        if total < target.get(text, math.inf):
                            target[text] = total
    # a silent soft sign at the end of a word (Ukrainian -ць, -нь, -ль; Russian -ль, -ть)
    final = beams[n]
    for text, cost in list(final.items()):
        if text[-1:] in "лнтцсдз" and text[-1:] != "":
            final.setdefault(text + "ь", cost + _SOFT_SIGN_COST)
    priors = _priors(lang)
    scored = [(cost + sum(w * len(rx.findall(text)) for rx, w in priors), text)
              for text, cost in final.items()]
    return sorted(scored)[:beam]


@lru_cache(maxsize=16)
def _priors(lang: str) -> tuple[tuple[re.Pattern[str], float], ...]:
    return tuple((re.compile(rx), w) for rx, w in _PRIORS.get(lang, _COMMON))


def _verify(cyr: str, latin: str, lang: str) -> tuple[int, frozenset[str]]:
    """How well ``cyr`` romanizes back to ``latin`` under the schemes of ``lang``.

    Returns the tier (0: some scheme gives ``latin`` back, ignoring case and marks; 1: only after
    ASCII folding; 2: none) and the schemes that give it back exactly (ignoring case).
    """
    bare = strip_marks(latin).casefold()
    folded = ascii_fold(bare)
    tier, exact = 2, []
    for name in LANG_SCHEMES[lang]:
        back = load(name)(cyr).casefold()
        if back == latin.casefold():
            exact.append(name)
        back = strip_marks(back)
        if back == bare:
            tier = 0
        elif tier == 2 and ascii_fold(back) == folded:
            tier = 1
    return tier, frozenset(exact)


def _apply_case(cyr: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return cyr.upper()
    if model[:1].isupper():
        return cyr[:1].upper() + cyr[1:]
    return cyr


@lru_cache(maxsize=4096)
def _cyrillize_word(word: str, lang: str) -> tuple[tuple[float, str], ...]:
    """The best candidates for one word: the cheapest verified one first, then for each scheme of the
    language the cheapest candidate it romanizes back to ``word`` exactly, then the rest by cost."""
    ranked = []
    folded = word.casefold()
    pool = dict((cyr, cost) for cost, cyr in _word_candidates(folded, lang))
    for name in LANG_SCHEMES[lang]:
        for cost, cyr in _word_candidates(folded, lang, only=name, beam=_SCHEME_BEAM):
            pool.setdefault(cyr, cost)
    for cyr, cost in pool.items():
        tier, exact = _verify(cyr, word, lang)
        ranked.append((tier * 100.0 + cost, cyr, exact))
    ranked.sort(key=lambda r: (r[0], r[1]))
    chosen = ranked[:1]
    for name in LANG_SCHEMES[lang]:
        pick = next((r for r in ranked if name in r[2]), None)
        if pick is not None and pick not in chosen:
            chosen.append(pick)
    chosen += [r for r in ranked if r not in chosen]
    return tuple((cost, cyr) for cost, cyr, _ in chosen[:MAX_CANDIDATES])


def cyrillize(text: str, lang: str = "ru") -> list[str]:
    """Ranked Cyrillic spellings (at most 16, best first) that romanize to the Latin ``text``.

    ``lang`` is "ru", "uk", "be", "bg", "sr" or "mk".  Words are spelled separately; the best
    combinations of their candidates are returned.  Text without Latin letters gives ``[text]``.

    >>> cyrillize("Kyiv", lang="uk")[0], cyrillize("Charkiw", lang="uk")[0]
    ('Київ', 'Харків')
    """
    if not isinstance(text, str):
        raise TypeError(f"cyrillize() expects str, got {type(text).__name__}")
    if lang not in LANG_SCHEMES or lang is None:
        raise ValueError(f"unknown language {lang!r}; use one of: ru, uk, be, bg, sr, mk")
    pieces = list(_pieces(text))
    if not pieces:
        return [text]
    # each combination is a chain (earlier chain, text added): extending it copies nothing, so the
    # work grows linearly with the text; the strings are built once, at the end
    combos: list[tuple[int, _Chain]] = [(0, None)]
    end = 0
    for start, stop in pieces:
        gap, word = text[end:start], text[start:stop]
        options = _cyrillize_word(word, lang) or ((0.0, word),)
        combos = heapq.nsmallest(  # stable: as sorted(...)[:MAX_CANDIDATES]
            MAX_CANDIDATES,
            ((rank + r, (chain, gap + _apply_case(cyr, word)))
             for rank, chain in combos for r, (_, cyr) in enumerate(options)),
            key=itemgetter(0),
        )
        end = stop
    return [_spelled(chain) + text[end:] for _, chain in combos]


_Chain = tuple["_Chain", str] | None


def _spelled(chain: _Chain) -> str:
    parts = []
    while chain is not None:
        chain, part = chain
        parts.append(part)
    return "".join(reversed(parts))


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """Where the words of ``text`` are; a word longer than :data:`MAX_WORD` letters (no name has one)
    is spelled in pieces of that length, so that the time stays linear in the length of the text."""
    for m in _WORD.finditer(text):
        for start in range(m.start(), m.end(), MAX_WORD):
            yield start, min(start + MAX_WORD, m.end())
