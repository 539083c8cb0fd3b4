"""link() with labels as soft hints, and the composed base form -> romanisation -> Latin alias step."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namenorm.api import Normalizer
from namenorm.extract import link
from namenorm.extract.link import LABEL_TYPES
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
"""
_WORDS = ["Kyiv", "Київ", "Києві", "Евросоюза", "Michigan", "Мичигане", "Зеленского", "Paris", "Ларри",
          "Владимир Зеленский", "12 мая", "the", "ЕС", " ", "Мичиган"]


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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_spans)
def test_label_never_hides_what_normalize_resolves(norm: Normalizer, parts: list[tuple[str, str]]) -> None:
    text, spans = "", []
    for word, label in parts:
        spans.append((len(text), len(text) + len(word), label))
        text += word + ". "
    got = link(text, spans, normalizer=norm)  # never raises on valid spans
    assert len(got) == len(spans)
    for (start, end, label), m in zip(spans, got, strict=True):
        if LABEL_TYPES.get(label) == ():
            assert m is None  # dates, numbers are not looked up
        elif norm.normalize(text[start:end], fuzzy=False) is not None:
            assert m is not None, (text[start:end], label)


@pytest.mark.parametrize(("gender", "found"), [("m", False), ("f", True)])
def test_composed_step_keeps_the_gender_check(tmp_path: Path, gender: str, found: bool) -> None:
    gaz = tmp_path / "g.gaz"
    gaz.write_text(f"[t:zl] PER Zelenska\ngender: {gender}\nen: Zelenska\n", encoding="utf-8")
    ix = Normalizer(gazetteers=[gaz], include_bundled=False).index
    nom, roman, aids = lemma_steps(ix, "Зеленською", "uk")  # a woman's name: never a man's
    assert bool(aids) is found
    if found:
        assert (nom, roman) == ("Зеленська", "Zelenska")
