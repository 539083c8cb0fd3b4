"""The lookup steps that both engines run: ``normalize()``'s cascade (:mod:`namenorm.resolve`) and
``extract()``'s span matcher (:mod:`namenorm.extract.spans`) call these, so a rule of a step holds
in both.

- keys: an alias as written, a generated case form, a romanisation (:meth:`Index.lookup`);
- the base form of an unseen inflected form, never of the other gender, as written or romanised
  (:func:`lemma_hits`, :func:`lemma_steps`);
- a person's surname as written, by its cross-script key, or in its base form (:func:`surname_hits`).

>>> from array import array
>>> from namenorm.index import Index, Ent
>>> per = Ent("t:z", "PER", "Volodymyr Zelenskyy", None, 1.0, 2, None, "m", ())
>>> ix = Index(ents=[per], alias_ent=array("i", [0]), alias_text=["Володимир Зеленський"],
...            alias_lang=["uk"], alias_flags=bytearray(b"\\x04"), surname={"зеленський": 0, "~selenski": 0})
>>> surname_hits(ix, "зеленський"), surname_hits(ix, "selenskyj"), surname_hits(ix, "шевченко")
((0,), (0,), ())
"""

from __future__ import annotations

from namenorm.index import Index, lemma_gate, surname_gate
from namenorm.keys import skeleton
from namenorm.methods import Method
from namenorm.scripts import has_cyrillic
from namenorm.text import fold

__all__ = ["STEP_TEXT", "cyrillic_named", "former_note", "gender_clash", "lemma_hits", "lemma_steps",
           "surname_hits"]

# how each step names what it found, in a match's ``steps`` (followed by the alias)
STEP_TEXT = {Method.EXACT: "exact alias", Method.INFLECTION: "inflected form of alias",
             Method.TRANSLIT: "romanisation of alias", Method.LEMMA: "base form of alias",
             Method.SURNAME: "surname of alias", Method.NAME_STRUCTURE: "first name and surname of alias"}


def former_note(former: bool, until: str | None) -> str:
    """What a match's step says of a former name.

    >>> former_note(True, "2016-05-19"), former_note(True, None), former_note(False, None)
    (', a former name, in use until 2016-05-19', ', a former name', '')
    """
    if not former:
        return ""
    return ", a former name" + (f", in use until {until}" if until else "")


def gender_clash(a: str | None, b: str | None) -> bool:
    """Whether two genders ("m", "f", "n" or None) are both known, male or female, and differ.

    >>> gender_clash("f", "m"), gender_clash("f", None), gender_clash("m", "m")
    (True, False, False)
    """
    return a in ("m", "f") and b in ("m", "f") and a != b


def lemma_hits(ix: Index, text: str, lang: str | None) -> tuple[str, tuple[int, ...]]:
    """The first base form of an inflected ``text`` (:func:`namenorm.morph.nominative_candidates`)
    that is an alias or a case form of one, else whose romanisation is a Latin alias (see
    :func:`lemma_steps`), with the aliases it finds; those of the other gender are left out
    (Зеленская is not Зеленский). ``("", ())`` when none is."""
    nom, _, found = lemma_steps(ix, text, lang)
    return nom, found


def lemma_steps(ix: Index, text: str, lang: str | None) -> tuple[str, str, tuple[int, ...]]:
    """The steps composed: base form, then romanisation, then the exact Latin alias. ``(base form,
    romanisation or "" when the base form itself is an alias or a case form, aliases)``, so that an
    inflected form of a name whose aliases are all Latin (Мичигане, Техаса: US states) resolves as
    its nominative does (Мичиган, romanised Michigan). Only entities without a Cyrillic name are
    reached so (see :func:`cyrillic_named`). The nominative of the text itself is left to
    the romanisation step of the cascade; ``("", "", ())`` when nothing is found."""
    from namenorm.morph import nominative_candidates

    key = fold(text)
    noms = nominative_candidates(text, lang) if has_cyrillic(text) else []
    if lemma_gate(key) in ix.lemma_gate:  # else no Cyrillic key starts as this text does
        for nom, gender in noms:
            k = fold(nom)
            found = tuple(a for a in (*ix.exact_refs(k), *ix.form_refs(k))
                          if not gender_clash(gender, ix.entity(a).gender))
            if found:
                return nom, "", found
    from namenorm.translit import romanizations

    inflected = ix.derived(cyrillic_named)
    for nom, gender in noms:
        if fold(nom) == key or not ix.skeleton_refs(skeleton(nom)):
            continue  # the text itself, or a base form that no alias meets even loosely (cheap first)
        for r in sorted(romanizations(nom)):
            found = tuple(a for a in ix.exact_refs(fold(r))
                          if not has_cyrillic(ix.alias(a)) and ix.entity_index(a) not in inflected
                          and not gender_clash(gender, ix.entity(a).gender))
            if found:
                return nom, r, found
    return "", "", ()


def cyrillic_named(ix: Index) -> frozenset[int]:
    """The entities that have a name in Cyrillic: their inflected forms are found through it (as
    written, or from its base form), so the composed route (a guessed base form, romanised) would
    only meet another word that happens to spell one of their Latin names (the Russian "Хина"
    romanised in the German way is "China", whose Russian name is "Китай"; "Васильева", a surname,
    guessed as "Васильів", is the romanised name of a village whose name is written so)."""
    return frozenset(ix.entity_index(aid) for aid, alias in enumerate(ix.aliases()) if has_cyrillic(alias))


def surname_hits(ix: Index, word: str, *, base_form: bool = True) -> tuple[int, ...]:
    """People whose surname is the folded ``word`` as written (in any indexed case form), else by its
    cross-script key, else in its base form (Макрону; of the same gender). ``base_form=False``: the
    caller has ruled out by a cheaper test that the base form is a surname."""
    hits = ix.surname_refs(word) or ix.loose_surname_refs(word)
    if hits or not base_form or not has_cyrillic(word) or surname_gate(word) not in ix.lemma_gate:
        return hits
    from namenorm.morph import nominative_candidates

    for nom, gender in nominative_candidates(word):
        found = tuple(a for a in ix.surname_refs(fold(nom)) if not gender_clash(gender, ix.entity(a).gender))
        if found:
            return found
    return ()
