"""link() with labels as soft hints, and the composed base form -> romanisation -> Latin alias step.

The gazetteer entries here are made up for the rules they show (a company whose short name is weak
because it also names the company's pipeline, a generic ministry abbreviation, a town that shares a
person's surname)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namenorm.api import Normalizer
from namenorm.extract import link
from namenorm.extract.link import LABEL_TYPES, _through_weak_alias, type_hint
from namenorm.steps import lemma_hits, lemma_steps

_GAZ = """[t:mi] LOC Michigan
en: Michigan

[t:kyiv] LOC Kyiv
en: Kyiv
uk: Київ

[t:z] PER Volodymyr Zelenskyy
gender: m
en: Volodymyr Zelenskyy
ru: Владимир Зеленский

[t:eu] ORG European Union
en: European Union
ru: Евросоюз

[t:ac] ORG Acme Pipelines AG
en: Acme Pipelines AG | Acme {weak}

[t:mvs] ORG Ministry of Internal Affairs of Ukraine
country: UA
uk: Міністерство внутрішніх справ України | МВС України | МВС {abbreviation,weak}

[t:harlow] LOC Harlow
en: Harlow

[t:obama] LOC Obama
en: Obama

[t:bo] PER Barack Obama
gender: m
en: Barack Obama
"""
_WORDS = ["Kyiv", "Київ", "Києві", "Евросоюза", "Michigan", "Мичигане", "Зеленского", "Paris", "Ларри",
          "Владимир Зеленский", "12 мая", "the", "ЕС", " ", "Мичиган", "Acme", "Acme Pipelines AG", "МВС",
          "МВС України", "Harlow", "Obama", "Barack Obama"]


@pytest.fixture(scope="module")
def norm(tmp_path_factory: pytest.TempPathFactory) -> Normalizer:
    gaz = tmp_path_factory.mktemp("link") / "g.gaz"
    gaz.write_text(_GAZ, encoding="utf-8")
    return Normalizer(gazetteers=[gaz], include_bundled=False)


def test_inflected_form_of_a_latin_only_name(norm: Normalizer) -> None:
    nom, roman, found = lemma_steps(norm.index, "Мичигане", "ru")
    assert (nom, roman) == ("Мичиган", "Michigan")
    assert {norm.index.entity(a).id for a in found} == {"t:mi"}
    assert lemma_hits(norm.index, "Мичигане", "ru")[0] == "Мичиган"  # the shared step extract() runs
    m = norm.normalize("Мичигане", lang="ru")
    assert m is not None and (m.id, m.method) == ("t:mi", "lemma")
    assert "romanised as 'Michigan'" in m.steps[0]


def test_base_form_as_written_comes_first(norm: Normalizer) -> None:
    nom, roman, found = lemma_steps(norm.index, "Евросоюза", "ru")
    assert (nom, roman) == ("Евросоюз", "")
    assert {norm.index.entity(a).id for a in found} == {"t:eu"}


def test_labels_do_not_filter(norm: Normalizer) -> None:
    text = "ЕС и Мичиган"
    got = link("Евросоюз и Мичигане", [(0, 8, "LOC"), (11, 19, "PRO")], normalizer=norm)
    assert [m and m.id for m in got] == ["t:eu", "t:mi"]
    assert link(text, [(0, 2, "DATE")], normalizer=norm) == [None]


_spans = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([*LABEL_TYPES, "B-PER", "X", ""])),
                  min_size=1, max_size=5)


def _is_person_label(label: str) -> bool | None:
    hint = type_hint(label)
    return None if hint is None else "PER" in hint


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_spans)
def test_label_never_hides_what_normalize_resolves(norm: Normalizer, parts: list[tuple[str, str]]) -> None:
    """A label hides a name that ``normalize()`` resolves only when it says person and the name is
    no person's, or the reverse; a person label gives a person, any other label no person."""
    text, spans = "", []
    for word, label in parts:
        spans.append((len(text), len(text) + len(word), label))
        text += word + ". "
    got = link(text, spans, normalizer=norm)  # never raises on valid spans
    assert len(got) == len(spans)
    for (start, end, label), m in zip(spans, got, strict=True):
        person = _is_person_label(label)
        plain = norm.normalize(text[start:end], fuzzy=False)
        if LABEL_TYPES.get(label) == ():
            assert m is None  # dates, numbers are not looked up
        elif plain is not None and (person is None or person == (plain.type == "PER")):
            assert m is not None, (text[start:end], label)
        if m is not None and person is not None:
            assert person == (m.type == "PER"), (text[start:end], label, m.id)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(_WORDS), st.sampled_from([*LABEL_TYPES, "B-ORG", "X", ""]))
def test_a_label_alone_never_links_a_weak_alias(norm: Normalizer, word: str, label: str) -> None:
    """A span that no earlier span introduces links only to what ``normalize()`` finds without a
    label, or to the label's types through an alias that is not weak."""
    m = link(word, [(0, len(word), label)], normalizer=norm)[0]
    if m is None:
        return
    plain = {c.id for c in norm.candidates(word, fuzzy=False, limit=10)}
    hint = type_hint(label)
    typed_not_weak = bool(hint) and m.type in hint and not _through_weak_alias(norm, m)
    assert m.id in plain or typed_not_weak, (word, label, m.id)


def test_weak_alias_links_to_the_entity_named_earlier(norm: Normalizer) -> None:
    text = "Acme Pipelines AG said Acme will be finished."
    assert link(text, [(23, 27, "ORG")], normalizer=norm) == [None]  # "Acme" alone is not enough
    got = link(text, [(0, 17, "ORG"), (23, 27, "ORG")], normalizer=norm)
    assert [m and m.id for m in got] == ["t:ac", "t:ac"]
    # labelled as a product, "Acme" is the pipeline, not the company named earlier
    got = link(text, [(0, 17, "ORG"), (23, 27, "PRO")], normalizer=norm)
    assert [m and m.id for m in got] == ["t:ac", None]
    # named later is not named earlier
    got = link(text, [(23, 27, "ORG"), (0, 17, "ORG")], normalizer=norm)
    assert [m and m.id for m in got] == [None, "t:ac"]
    text = "МВС України повідомило, що МВС перевірить"
    assert link(text, [(27, 30, "ORG")], normalizer=norm, lang="uk") == [None]
    got = link(text, [(0, 11, "ORG"), (27, 30, "ORG")], normalizer=norm, lang="uk")
    assert [m and m.id for m in got] == ["t:mvs", "t:mvs"]


@pytest.mark.parametrize(("word", "label", "want"), [
    ("Harlow", "PER", None), ("Harlow", "ORG", "t:harlow"), ("Harlow", "GPE", "t:harlow"),
    ("Harlow", "", "t:harlow"), ("Obama", "PER", "t:bo"), ("Obama", "LOC", "t:obama"),
    ("Obama", "NORP", "t:obama"), ("Barack Obama", "ORG", None), ("Barack Obama", "PERSON", "t:bo"),
])
def test_people_and_the_rest_do_not_stand_for_one_another(norm: Normalizer, word: str, label: str,
                                                          want: str | None) -> None:
    """A person label never gives a place (a town named as a person's surname), and a person label
    finds the person that a place of the same name hid from the untyped lookup."""
    m = link(word, [(0, len(word), label)], normalizer=norm)[0]
    assert (m and m.id) == want


@pytest.mark.parametrize(("gender", "found"), [("m", False), ("f", True)])
def test_composed_step_keeps_the_gender_check(tmp_path: Path, gender: str, found: bool) -> None:
    gaz = tmp_path / "g.gaz"
    gaz.write_text(f"[t:zl] PER Zelenska\ngender: {gender}\nen: Zelenska\n", encoding="utf-8")
    ix = Normalizer(gazetteers=[gaz], include_bundled=False).index
    nom, roman, aids = lemma_steps(ix, "Зеленською", "uk")  # a woman's name: never a man's
    assert bool(aids) is found
    if found:
        assert (nom, roman) == ("Зеленська", "Zelenska")
