"""Golden cases and properties of namenorm.name_key (one key per entity, known or not)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pymorphy3
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import namenorm
from namenorm import base_form, name_key
from namenorm.limits import MAX_TEXT
from namenorm.name_keys import UNRESOLVED_PREFIX

GOLDEN = Path(__file__).parent / "golden" / "name_key.txt"


def _golden() -> list[tuple[str, list[tuple[str, str | None]]]]:
    rows = []
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, values = line.split("\t", 1)
        parsed = [(v[3:], v[:2]) if v[:3] in ("ru:", "uk:") else (v, None) for v in values.split(" | ")]
        rows.append((kind, parsed))
    return rows


@pytest.mark.parametrize(("kind", "values"), _golden(), ids=lambda x: x if isinstance(x, str) else x[0][0])
def test_golden(kind: str, values: list[tuple[str, str | None]]) -> None:
    keys = {text: name_key(text, lang=lang) for text, lang in values}
    if kind == "same":
        assert None not in keys.values(), keys
        assert len(set(keys.values())) == 1, keys
    elif kind == "differ":
        assert None not in keys.values(), keys
        assert len(set(keys.values())) == len(values), keys
    else:
        assert kind == "none"
        assert set(keys.values()) == {None}, keys


def test_exported() -> None:
    assert "name_key" in namenorm.__all__
    assert namenorm.name_key is name_key


def test_resolved_names_get_the_entity_id_and_others_a_marked_key() -> None:
    kyiv = namenorm.normalize("Kyiv")
    assert kyiv is not None
    assert name_key("Kyiv") == kyiv.id
    assert not kyiv.id.startswith(UNRESOLVED_PREFIX)
    unknown = name_key("Мухосранск", lang="ru")
    assert unknown is not None and unknown.startswith(UNRESOLVED_PREFIX)
    assert namenorm.normalize("Мухосранск", lang="ru", fuzzy=False) is None


def test_bad_arguments_are_clear_errors() -> None:
    with pytest.raises(TypeError, match="takes a str"):
        name_key(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown lang"):
        name_key("Kyiv", lang="xx")


def test_too_long_is_no_name() -> None:
    assert name_key("a" * (MAX_TEXT + 1)) is None


# -- properties ------------------------------------------------------------------------------------
_NAMEISH = st.lists(
    st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ'-", min_size=1, max_size=10).map(str.capitalize),
    min_size=1, max_size=3).map(" ".join)
_ANY = st.one_of(st.text(max_size=40), _NAMEISH)
_LANGS = st.sampled_from([None, "ru", "uk", "en"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ANY, _LANGS)
def test_never_raises_and_is_deterministic(text: str, lang: str | None) -> None:
    key = name_key(text, lang=lang)
    assert key is None or (isinstance(key, str) and key.strip() == key and key not in ("", UNRESOLVED_PREFIX))
    assert name_key(text, lang=lang) == key


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ANY, _LANGS)
def test_same_key_as_the_base_form(text: str, lang: str | None) -> None:
    assert name_key(text, lang=lang) == name_key(base_form(text, lang=lang), lang=lang)


# Two-word Russian names written for this test: (first name, surname), both masculine or both
# feminine; every case form is made with pymorphy3's inflect.
_MALE_FIRST = ["Иван", "Олег", "Глеб", "Андрей", "Степан"]
_MALE_SURNAMES = ["Соколов", "Громов", "Белкин", "Зайцев", "Вишневский", "Кравцов"]
_FEMALE_FIRST = ["Анна", "Ольга", "Марина", "Светлана"]
_FEMALE_SURNAMES = ["Соколова", "Громова", "Белкина", "Зайцева", "Вишневская", "Кравцова"]
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


def _case_forms(morph: pymorphy3.MorphAnalyzer, word: str, gender: str, tag: str) -> dict[str, str]:
    """The word's singular case forms, from its parse tagged ``tag`` (Name or Surn) and ``gender``."""
    parses = [p for p in morph.parse(word) if tag in p.tag and gender in p.tag and "nomn" in p.tag
              and "sing" in p.tag]
    assert parses, f"pymorphy3 has no {tag} {gender} parse of {word}"
    out = {}
    for case in _CASES:
        form = parses[0].inflect({case, "sing"})
        assert form is not None, (word, case)
        out[case] = form.word.capitalize()
    return out


_PEOPLE = ([(f, s, "masc") for f in _MALE_FIRST for s in _MALE_SURNAMES]
           + [(f, s, "femn") for f in _FEMALE_FIRST for s in _FEMALE_SURNAMES])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_PEOPLE))
def test_every_case_form_of_a_generated_name_has_the_nominative_key(person: tuple[str, str, str]) -> None:
    first, surname, gender = person
    morph = _morph()
    firsts = _case_forms(morph, first, gender, "Name")
    surnames = _case_forms(morph, surname, gender, "Surn")
    nominative = name_key(f"{first} {surname}", lang="ru")
    assert nominative is not None
    for case in _CASES:
        assert name_key(f"{firsts[case]} {surnames[case]}", lang="ru") == nominative, case
