"""What scores mean, on labelled data of our own (never the evaluation sets).

Positives come from the bundled curated entities, changed the way real data changes names:
- ``typo``: one random edit (substitution, deletion, insertion, transposition) of a Latin name of
  six letters or more;
- ``romanised``: a Cyrillic alias romanised in a scheme picked at random;
- ``surname``: a person's surname alone (right when it is that person);
- ``inflected``: a Russian alias in a random oblique case (pymorphy3 inflects the last word).
Negatives are names that no gazetteer lists, so every link is wrong, except a hit on a listed
name as written (counted apart, as "same-name"):
- ``ru-surname`` / ``ru-surname-lat``: surnames from pymorphy3's **Russian** dictionary, in
  Cyrillic and romanised (ru_wikipedia scheme);
- ``ru-noun``: common Russian nouns, capitalised, as a column of free text would hold them;
- ``markov``: made-up words from a letter model of English words (not of our names).

    python benchmarks/reliability.py [--n 600] [--seed 7]

Prints each set's link rate, then the reliability table over all of them (positives and negatives
in the proportions above): matches scored at least t, and the share of them right.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
from collections import Counter, defaultdict

import namenorm
from namenorm import evidence, resolve
from namenorm.api import default_normalizer
from namenorm.reliability import format_table, reliability
from namenorm.text import fold

_SCHEMES = ("uk_bgn_pcgn", "uk_ala_lc", "uk_de", "uk_fr", "uk_pl", "ru_bgn_pcgn", "ru_de", "ru_fr", "ru_pl",
            "ru_icao", "ru_wikipedia")
_CASES = ("gent", "datv", "ablt", "loct")


def _edit(rng: random.Random, s: str) -> str:
    i = rng.randrange(1, len(s) - 1)
    op = rng.randrange(4)
    c = rng.choice(string.ascii_lowercase)
    if op == 0:
        return s[:i] + c + s[i + 1:]
    if op == 1:
        return s[:i] + s[i + 1:]
    if op == 2:
        return s[:i] + c + s[i:]
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]


def positives(rng: random.Random, n: int) -> dict[str, list[tuple[str, str]]]:
    """``kind -> [(input, expected id)]`` from the curated entities."""
    import pymorphy3

    ix = default_normalizer().index
    curated = [i for i, e in enumerate(ix.entities()) if e.rank == 2]
    aliases: dict[int, list[int]] = defaultdict(list)
    for aid in range(len(ix.aliases())):
        ei = ix.entity_index(aid)
        if ix.entity_at(ei).rank == 2:
            aliases[ei].append(aid)
    people = [ix.entity_at(i) for i in curated]
    surnames = Counter(fold(e.name).split()[-1] for e in people if e.type == "PER")
    morph = pymorphy3.MorphAnalyzer(lang="ru")
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    while min((len(out[k]) for k in ("typo", "romanised", "surname", "inflected")), default=0) < n:
        ei = rng.choice(curated)
        e = ix.entity_at(ei)
        texts = [ix.alias(a) for a in aliases[ei]]
        latin = [t for t in texts if t.isascii() and len(t) >= 6 and t.replace(" ", "").isalpha()]
        if latin and len(out["typo"]) < n:
            out["typo"].append((_edit(rng, rng.choice(latin)), e.id))
        cyr = [ix.alias(a) for a in aliases[ei] if ix.lang(a) in ("ru", "uk")]
        if cyr and len(out["romanised"]) < n:
            roman = namenorm.transliterate(rng.choice(cyr), scheme=rng.choice(_SCHEMES))
            out["romanised"].append((roman, e.id))
        if e.type == "PER" and len(out["surname"]) < n:
            last = e.name.split()[-1]
            if surnames[fold(last)] == 1 and fold(last) not in ix.exact:  # else it is another name too
                out["surname"].append((last, e.id))
        ru = [ix.alias(a) for a in aliases[ei]
              if ix.lang(a) == "ru" and " " not in ix.alias(a)]
        if ru and len(out["inflected"]) < n:
            word = rng.choice(ru)
            p = morph.parse(word)[0]
            form = p.inflect({rng.choice(_CASES)})
            if form is not None and form.word != word.lower():
                out["inflected"].append((form.word.capitalize(), e.id))
    return out


def negatives(rng: random.Random, n: int) -> dict[str, list[str]]:
    """``kind -> [input]``: names and words that no gazetteer lists (see the module docstring)."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang="ru")
    surn, nouns = set(), set()
    for w, tag, normal, _p, _i in morph.dictionary.iter_known_words(""):
        if tag.case != "nomn" or w != normal or "Fixd" in tag.grammemes:
            continue
        if "Surn" in tag.grammemes and "masc" in tag.grammemes:
            surn.add(w)
        elif tag.POS == "NOUN" and not ({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & tag.grammemes):
            nouns.add(w)
    surns = rng.sample(sorted(surn), n)
    english = [w for w in (fold(x) for x in _ENGLISH.split()) if w.isalpha()]
    follow: dict[str, list[str]] = defaultdict(list)
    for w in english:
        for a, b in zip("^" + w, w + "$", strict=False):
            follow[a].append(b)
    markov = []
    while len(markov) < n:
        w, prev = "", "^"
        while True:
            prev = rng.choice(follow[prev])
            if prev == "$":
                break
            w += prev
        if 4 <= len(w) <= 12:
            markov.append(w.capitalize())
    return {
        "ru-surname": [s.capitalize() for s in surns],
        "ru-surname-lat": [namenorm.transliterate(s.capitalize(), scheme="ru_wikipedia") for s in surns],
        "ru-noun": [w.capitalize() for w in rng.sample(sorted(nouns), n)],
        "markov": markov,
    }


_ENGLISH = """people history way art world information map family government health system computer
meat year thanks music person reading method data food understanding theory law bird literature
problem software control knowledge power ability economics love internet television science library
nature fact product idea temperature investment area society activity story industry media thing oven
community definition safety quality development language management player variety video week
security country exam movie organization equipment physics analysis policy series thought basis
boyfriend direction strategy technology army camera freedom paper environment child instance month
truth marketing university writing article department difference goal news audience fishing growth
income marriage user combination failure meaning medicine philosophy teacher communication night
chemistry disease disk energy nation road role soup advertising location success addition apartment
education math moment painting politics attention decision event property shopping student wood
competition distribution entertainment office population president unit category cigarette context
introduction opportunity performance driver flight length magazine newspaper relationship teaching
cell dealer finding lake member message phone scene appearance association concept customer death
discussion housing inflation insurance mood woman advice blood effort expression importance opinion
payment reality responsibility situation skill statement wealth application city county depth estate
foundation grandmother heart perspective photo recipe studio topic collection depression imagination
passion percentage resource setting ad agency college connection criticism debt description memory
patience secretary solution administration aspect attitude director personality psychology
recommendation response selection storage version alcohol argument complaint contract emphasis
highway loss membership possession preparation steak union agreement cancer currency employment
engineering entry interaction mixture preference region republic tradition virus actor classroom
delivery device difficulty drama election engine football guidance hotel owner priority protection
suggestion tension variation anxiety atmosphere awareness bath bread candidate climate comparison
confusion construction elevator emotion employee employer guest height leadership mall manager
operation recording sample transportation charity cousin disaster editor efficiency excitement extent
feedback guitar homework leader mom outcome permission presentation promotion reflection refrigerator
resolution revenue session singer tennis basket bonus cabinet childhood church clothes coffee dinner
drawing hair hearing initiative judgment lab measurement mode mud orange poetry police possibility
procedure queen ratio relation restaurant satisfaction sector signature significance song tooth town
vehicle volume wife accident airport appointment arrival assumption baseball chapter committee
conversation database enthusiasm error explanation farmer gate girl hall historian hospital injury
instruction maintenance manufacturer meal perception pie poem presence proposal reception replacement
revolution river son speech tea village warning winner worker writer assistance breath buyer chest
chocolate conclusion contribution cookie courage dad desk drawer establishment examination garbage
grocery honey impression improvement independence insect inspection inspector king ladder menu
penalty piano potato profession professor quantity reaction requirement salad sister supermarket
tongue weakness wedding affair ambition analyst apple assignment assistant bathroom bedroom beer
birthday celebration championship cheek client consequence departure diamond dirt ear fortune
friendship funeral gene girlfriend hat indication intention lady midnight negotiation obligation
passenger pizza platform poet pollution recognition reputation shirt sir speaker stranger surgery
sympathy tale throat trainer uncle youth garden window mountain silver summer winter spring autumn"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=600, help="inputs per set")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0, help="wrong links to list")
    ap.add_argument("--tau", type=float, help="try another evidence.TAU")
    ap.add_argument("--accept", type=float, help="try another evidence.ACCEPT")
    args = ap.parse_args(argv)
    if args.tau is not None:
        evidence.TAU = args.tau
    if args.accept is not None:
        resolve.ACCEPT = args.accept
    rng = random.Random(args.seed)
    outcomes: list[tuple[float | None, bool]] = []
    wrong: list[str] = []
    print("| set | inputs | linked | right | wrong | same-name |\n|---|---|---|---|---|---|")
    for kind, pairs in positives(rng, args.n).items():
        found = [(namenorm.normalize(t), want, t) for t, want in pairs]
        right = sum(m is not None and m.id == want for m, want, _ in found)
        bad = [(m, t) for m, want, t in found if m is not None and m.id != want]
        outcomes += [(None if m is None else m.score, m is not None and m.id == want) for m, want, _ in found]
        wrong += [f"{kind}\t{t}\t{m.name}\t{m.method}\t{m.score:.2f}" for m, t in bad]
        print(f"| {kind} (+) | {len(pairs)} | {right + len(bad)} | {right} | {len(bad)} | - |")
    for kind, texts in negatives(rng, args.n).items():
        linked, same = 0, 0
        for t in texts:
            m = namenorm.normalize(t)
            if m is None:
                continue
            if m.method in ("exact", "inflection") or (m.method in ("lemma", "translit") and m.type != "PER"):
                same += 1  # the string is a listed name as written
                continue
            linked += 1
            outcomes.append((m.score, False))
            wrong.append(f"{kind}\t{t}\t{m.name}\t{m.method}\t{m.score:.2f}")
        print(f"| {kind} (-) | {len(texts)} | {linked + same} | 0 | {linked} | {same} |")
    print()
    print(format_table(reliability(outcomes, (0.99, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5))))
    for w in wrong[: args.show]:
        print("WRONG", w, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
