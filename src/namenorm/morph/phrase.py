"""Read a name phrase: which words inflect together (adjectives agreeing with a head noun, a person's
first name + patronymic + surname), in which case and number, and which words stay fixed
(genitive dependents "Министерство иностранных дел", parts after a hyphenated preposition
"Ростов-на-Дону", indeclinables).

>>> r = read_phrase("ru", ("Нижнем", "Новгороде"), (" ",))[0]
>>> r.slot, [(i, role) for i, role, _, _ in r.words]
(('loct', 'sing'), [(0, 'adj'), (1, 'noun')])
"""

from __future__ import annotations

from typing import NamedTuple

from namenorm.morph.endings import Choice
from namenorm.morph.wordinfo import PERSON_TAGS, WordInfo, caps_kind, word_info

CASES = {
    "ru": ("nomn", "gent", "datv", "accs", "ablt", "loct"),
    "uk": ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct"),
}
# lowercase hyphen parts that make the rest of a compound fixed: "Ростов-на-Дону", "Франкфурт-на-Майне"
HYPHEN_PREPOSITIONS = frozenset({"на", "над", "под", "de", "де", "ла", "ле", "сюр", "ан", "аан", "при"})
_FREE_GENDERS = (None, "GNdr", "ms-f")
# lowercase particles of foreign names, which never inflect: "Отто фон Бисмарка", "Усамы бен Ладена"
NAME_PARTICLES = frozenset({
    "фон", "ван", "дер", "де", "ди", "да", "дель", "делла", "ла", "ле", "дю",  # European
    "бен", "бин", "ибн", "аль", "эль", "ель", "ал", "ар", "ад", "ас", "ан", "уль", "ул", "эд",  # Arabic
})
_MAX_WORDS = 8
NOMINATIVE_BONUS = 0.15  # ties go to reading the phrase as already nominative

Taken = tuple[tuple[int, str, int, str | None], ...]


class Reading(NamedTuple):
    """One grammatical reading of a phrase (a named tuple: the slot reader makes one for every better
    reading it finds, and a tuple is made four times faster than a frozen dataclass).

    ``words`` holds (word position, "adj" | "noun" | "fixed", parse index, gender) for the leading
    words that inflect together; later words are dependents and never change.
    """

    slot: tuple[str, str]
    score: float
    words: Taken
    gender: str | None  # pymorphy3 gender of the head ("masc", "femn", "neut") or None
    person: bool
    has_head: bool


def _compatible(a: str | None, b: str | None) -> bool:
    return a in _FREE_GENDERS or b in _FREE_GENDERS or a == b


def _is_noun(info: WordInfo, slot: tuple[str, str], c: Choice) -> bool:
    """True when choice ``c`` (its weight possibly changed) is one of the word's noun readings in ``slot``."""
    return any(n[1] == c[1] and n[3] == c[3] for n in info.nouns.get(slot, ()))


def _plainly_not_a_name(info: WordInfo, case: str | None = "nomn") -> bool:
    """True when the word has a strong dictionary noun reading that names no person (a place, a thing).

    ``case``: only its reading in that case (singular) counts; None: a reading in any singular case.
    """
    slots = [("nomn", "sing")] if case else [slot for slot in info.nouns if slot[1] == "sing"]
    for slot in slots:
        best = info.nouns.get(slot, ())[:1]
        if best and best[0][0] >= 0.5 and not best[0][3] & PERSON_TAGS and best[0][1] >= 0:
            return True
    return False


def _declinable(info: WordInfo) -> bool:
    """True when some pymorphy3 noun reading of the word is not indeclinable (guesses aside)."""
    return any("Fixd" not in c[3] and c[1] >= 0 for choices in info.nouns.values() for c in choices)


def _inflected_surname(info: WordInfo) -> bool:
    """True when the word reads as one person's name in an oblique case ("Джоэла", "Новинского")."""
    return any(c[3] & PERSON_TAGS or "Guess" in c[3] or "pos=ADJF" in c[3]
               for table in (info.nouns, info.adjs) for slot, choices in table.items()
               if slot[1] == "sing" and slot[0] != "nomn" for c in choices)


def _masculine_genitive_shape(word: str) -> bool:
    """True for an unknown word in consonant + "а", the genitive of a consonant-final man's name.

    >>> _masculine_genitive_shape("стармера"), _masculine_genitive_shape("петрова")
    (True, False)
    """
    return (len(word) > 3 and word[-1] == "а" and word[-2] not in "аеёиоуыэюяіїєйь'"
            and not word.endswith(_SLAVIC_FEMININE))


_VOWEL_OR_SOFT = frozenset("аеёиоуыэюяіїєйь'")
# the nominative endings of Slavic women's surnames, which a woman's name may well carry unknown
_SLAVIC_FEMININE = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ська", "цька", "іна", "їна")


def _boundary(words: tuple[str, ...], joins: tuple[str, ...], i: int) -> bool:
    if i >= len(words) or i >= _MAX_WORDS:
        return True
    join = joins[i - 1] if i else " "
    if i and not (join.isspace() or join == "-"):
        return True
    return join == "-" and words[i].lower() in HYPHEN_PREPOSITIONS


class _SlotReader:
    """Reads the phrase in one (case, number) slot, trying adjective and noun readings of each word."""

    __slots__ = ("best", "best_score", "caps", "infos", "joins", "person_hint", "plural", "slot", "stops",
                 "words")

    def __init__(self, words: tuple[str, ...], joins: tuple[str, ...], infos: list[WordInfo],
                 slot: tuple[str, str], caps: list[str], stops: list[bool],
                 person_hint: bool = False) -> None:
        self.words, self.joins, self.infos, self.slot = words, joins, infos, slot
        self.plural = slot[1] == "plur"
        self.best: Reading | None = None
        self.best_score = -1.0
        self.caps = caps
        self.stops = stops  # stops[i]: word i cannot continue the inflecting group (i <= len(words))
        self.person_hint = person_hint  # the phrase is known to be a person's name

    def offer(self, taken: Taken, score: float, gender: str | None, person: bool, head: bool) -> None:
        score += NOMINATIVE_BONUS if self.slot[0] == "nomn" else 0.0
        if score > self.best_score:
            self.best_score = score
            self.best = Reading(self.slot, score, taken, gender, person, head)

    def pre(self, i: int, adjs: tuple[tuple[int, Choice], ...], taken: Taken, score: float) -> None:
        """Word ``i`` before the head noun: an agreeing adjective, the head itself, or a fixed part."""
        stops = self.stops
        if stops[i]:
            self.finish_adjectives(adjs, taken, score)
            return
        info = self.infos[i]
        moved = False
        free_gender = self.plural or not adjs  # no adjective before: any gender agrees
        for c in info.adj_heads.get(self.slot, ()):
            if c[0] < 0.01 and _plainly_not_a_name(info, None):
                continue  # a far-fetched adjective reading of a plain noun ("Управлінні"): none
            if free_gender or all(_compatible(c[2], a[2]) for _, a in adjs):
                self.pre(i + 1, (*adjs, (i, c)), taken, score + 1.0 + c[0])
                moved = True
        hyphen_next = i + 1 < len(self.words) and self.joins[i] == "-"
        heads = () if hyphen_next else info.noun_heads.get(self.slot, ())
        # some reading of the word in this slot is animate (whichever head is taken)
        animate_word = bool(heads) and (info.predicted_only
                                        or any("anim" in n[3] for n in info.nouns.get(self.slot, ())))
        for c in heads:
            # the first part of an unknown hyphenated noun stays: "Алма-Аты", "Усть-Луги"
            if free_gender or all(_compatible(c[2], a[2]) for _, a in adjs):
                g = c[2]
                # an indeclinable first name shows no gender: when the surname has no reading of the
                # dictionary's gender, its form says it ("Ренато Бруннера")
                free = ("Fixd" in c[3] and "Name" in c[3] and not stops[i + 1]
                        and not _declinable(info))
                adj_g = g if not self.plural else None
                adj_taken = tuple((j, "adj", a[1], adj_g) for j, a in adjs) if adjs else ()
                person = (bool(c[3] & PERSON_TAGS) or (self.caps[i] == "Cap" and "anim" in c[3])
                          or self.person_hint)
                # an indeclinable word takes its case from the words after it ("Ларри Пейджа"), unless
                # it is also a form of a declinable name ("Анне": Anne, or Анна's dative)
                weight = c[0] * (0.5 if "Fixd" in c[3] and self.slot[0] != "nomn"
                                 and (stops[i + 1] or _declinable(info)) else 1.0)
                if self.plural and "Name" in c[3] and not stops[i + 1]:
                    weight *= 0.2  # a first name and surname name one person: "Анн Идальго" is no plural
                if i and self.joins[i - 1] == "-" and c[3] & PERSON_TAGS and info.predicted_only:
                    weight *= 0.3  # a guessed first name ends no hyphenated place: "Эр-Рияде" <- "Эр-Рияд"
                self.post(i + 1, (*taken, *adj_taken, (i, "noun", c[1], g)), score + 1.0 + weight, g, person,
                          "Fixd" in c[3], person or animate_word, free)
                moved = True
        if not moved or hyphen_next:
            if hyphen_next or (i and self.joins[i - 1] == "-"):
                self.pre(i + 1, adjs, (*taken, (i, "fixed", -1, None)), score)
            else:
                self.finish_adjectives(adjs, taken, score)

    def finish_adjectives(self, adjs: tuple[tuple[int, Choice], ...], taken: Taken, score: float) -> None:
        """A reading with no head noun: the adjectives alone (a lowercase "британских", a surname)."""
        if adjs:
            g = adjs[0][1][2]
            adj_taken = tuple((j, "adj", a[1], a[2]) for j, a in adjs)
            self.offer(tuple(sorted((*taken, *adj_taken))), score, g, False, False)

    def post(self, i: int, taken: Taken, score: float, g: str | None, person: bool, fixed: bool,
             animate: bool, free: bool = False) -> None:
        """Words after the head: hyphenated parts that agree, and the rest of a person's name.

        ``free``: the head's gender is only the dictionary's guess (an indeclinable first name), so a
        word with no reading of that gender may take another, at half weight.
        """
        skipped = False
        stops = self.stops
        while not stops[i]:
            info = self.infos[i]
            every = (*info.nouns.get(self.slot, ()), *info.adjs.get(self.slot, ()))
            if self.plural or g in _FREE_GENDERS:
                choices = list(every)
            else:
                choices = [c for c in every if c[2] in _FREE_GENDERS or c[2] == g]
            if free and not any(c[3] & PERSON_TAGS or "Guess" in c[3] for c in choices):
                choices = [(c[0] * 0.5, *c[1:]) for c in every]  # the other gender, at half weight
            hyphen = self.joins[i - 1] == "-"
            if hyphen:
                nouns = [c for c in choices if _is_noun(info, self.slot, c)]
                if nouns:
                    taken = (*taken, (i, "noun", nouns[0][1], g or nouns[0][2]))
                    score += 1.0 + nouns[0][0]
                elif choices:
                    return  # "Северо-Атлантический": a noun does not take an adjective after a hyphen
                else:
                    taken = (*taken, (i, "fixed", -1, None))
                i += 1
                continue
            if (person and self.caps[i] == "low" and info.word in NAME_PARTICLES and i + 1 < len(self.words)
                    and self.caps[i + 1] == "Cap" and not stops[i + 1]):
                # a particle inside a person's name stays, the name goes on: "Людвига ван Бетховена"
                taken = (*taken, (i, "fixed", -1, None))
                i += 1
                continue
            if self.caps[i] != "Cap" or self.caps[i - 1] not in ("Cap", "low") or not animate:
                break
            if self.caps[i - 1] == "low" and self.infos[i - 1].word not in NAME_PARTICLES:
                break
            named = [c for c in choices
                     if c[3] & PERSON_TAGS or ((person or "Guess" in c[3]) and "anim" in c[3])
                     or (person and "pos=ADJF" in c[3])]  # an adjectival surname: "Новинского"
            if _plainly_not_a_name(info):
                named = [c for c in named if c[0] >= 0.1]  # "Швейцария" is no genitive of "Швейцарий"
            if person and not named and info.predicted_only:
                named = choices  # an unknown surname after a first name: "Лайма Фокса"
            if person and not named and i + 1 < len(self.words) and self.joins[i] == "-":
                # a double-barrelled surname whose first part is no name: only its last part inflects
                # ("Джейкоба Рис-Могга"; "Кузнецовой-Петровой" inflects both)
                taken = (*taken, (i, "fixed", -1, None))
                i += 1
                continue
            if (self.slot[0] == "nomn" and g == "femn" and info.predicted_only
                    and _masculine_genitive_shape(info.word)):
                break  # a woman's foreign surname does not end in consonant + "а": "Кира Стармера"
            kept_ok = self.slot[0] == "nomn" or (g == "femn" and self.slot[0] != "voct"
                                                 and info.word[-1:] not in _VOWEL_OR_SOFT)
            if person and not named and not self.plural and stops[i + 1] and kept_ok and (
                    not _inflected_surname(info)):
                # a last word the dictionary reads otherwise, as an unchanged surname: any surname in
                # the nominative ("Николь Авант"), a woman's consonant-final one in any case ("Асии Норин")
                taken = (*taken, (i, "fixed", -1, None))
                score += 1.5
                i += 1
                continue
            if named and skipped and not person:
                break  # past a word left as it is, only a person's name goes on: not "… Швейцария АГ"
            if named:
                c = named[0]
                role = "noun" if _is_noun(info, self.slot, c) else "adj"
                taken = (*taken, (i, role, c[1], g or c[2]))
                score += 1.0 + c[0]
            elif self.slot == ("nomn", "sing") and info.predicted_only and any(c[1] >= 0 for c in choices):
                # unknown words in a row that pymorphy3 reads as nominatives: a foreign name ("Сайфул Малук")
                taken = (*taken, (i, "fixed", -1, None))
                score += max(c[0] for c in choices if c[1] >= 0)
            elif not (fixed or info.predicted_only):
                break
            else:
                skipped = True
            i += 1
        self.offer(tuple(sorted(taken)), score, g, person, True)


def read_phrase(
    lang: str,
    words: tuple[str, ...],
    joins: tuple[str, ...],
    etype: str | None = None,
    gender: str | None = None,
    cases: tuple[str, ...] | None = None,
    best_only: bool = False,
) -> list[Reading]:
    """The best reading of the phrase in each grammatical slot, best first.

    ``joins[i]`` is the separator between words i and i+1; ``cases`` limits the slots tried;
    ``best_only`` skips slots that cannot beat the best reading found (the list may be shorter).
    """
    caps = [caps_kind(w) for w in words]
    stops = [_boundary(words, joins, i) for i in range(len(words) + 1)]
    infos = [word_info(lang, w, c, etype, gender) for w, c in zip(words[:_MAX_WORDS], caps, strict=False)]
    slots: set[tuple[str, str]] = set(infos[0].adjs) | set(infos[0].nouns) if infos else set()
    if len(infos) > 1 and (not slots or joins[0] == "-"):
        slots.update(infos[1].adjs)
        slots.update(infos[1].nouns)
    bounds = []
    # a capitalised word after the first: a surname kept unchanged scores 1.5 (_SlotReader.post)
    bests = [(info.best, k > 0 and caps[k] == "Cap") for k, info in enumerate(infos)]
    lang_cases = CASES[lang]
    for slot in slots:
        if slot[0] not in lang_cases or (cases is not None and slot[0] not in cases):
            continue
        bound = NOMINATIVE_BONUS if slot[0] == "nomn" else 0.0
        for table, kept in bests:
            best = table.get(slot)
            if kept:
                best = max(best or 0.0, 0.5)
            if best is not None:
                bound += 1.0 + best
        bounds.append((-bound, slot))
    bounds.sort()
    out: list[Reading] = []
    top = -1.0
    for neg_bound, slot in bounds:
        if best_only and -neg_bound < top - 1e-9:
            break
        reader = _SlotReader(words, joins, infos, slot, caps, stops, etype == "PER")
        reader.pre(0, (), (), 0.0)
        if reader.best is not None:
            out.append(reader.best)
            top = max(top, reader.best.score)
    out.sort(key=lambda r: (-r.score, r.slot))
    return out
