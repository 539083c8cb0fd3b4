"""The index's accessors agree with its tables, and extraction scores on normalize()'s scale."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.api import Normalizer
from namenorm.extract import extract
from namenorm.index import Index
from namenorm.methods import Method
from namenorm.text import fold

HERE = Path(__file__).parent
GAZ = [HERE / "data" / "core" / "news.gaz", HERE / "data" / "extract" / "extract.gaz"]


@pytest.fixture(scope="module")
def norm() -> Normalizer:
    return Normalizer(gazetteers=GAZ, include_bundled=False)


@pytest.fixture(scope="module")
def ix(norm: Normalizer) -> Index:
    return norm.index


def _keys(ix: Index) -> list[str]:
    return sorted({*ix.keys(Method.EXACT), *ix.keys(Method.INFLECTION), *ix.keys(Method.TRANSLIT)})


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_lookup_is_the_cascade_over_the_key_tables(ix: Index, data: st.DataObject) -> None:
    key = data.draw(st.sampled_from(_keys(ix)) | st.text(max_size=8))
    hits = ix.lookup(key)
    order = [Method.EXACT, Method.INFLECTION, Method.TRANSLIT]
    assert [m for _, m in hits] == sorted((m for _, m in hits), key=order.index)
    for method in order:
        assert {a for a, m in hits if m is method} == set(
            ix.exact_refs(key) if method is Method.EXACT else
            ix.form_refs(key) if method is Method.INFLECTION else ix.latin_refs(key))
    strict = ix.lookup(key, strictest=True)
    assert strict == [h for h in hits if h[1] is hits[0][1]] if hits else strict == []


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_alias_accessors_agree(ix: Index, data: st.DataObject) -> None:
    aid = data.draw(st.integers(0, len(ix.aliases()) - 1))
    e = ix.entity(aid)
    assert e == ix.entity_at(ix.entity_index(aid)) == ix.entities()[ix.entity_index(aid)]
    assert ix.alias(aid) == ix.aliases()[aid] and aid in ix.exact_refs(fold(ix.alias(aid)))
    assert ix.alias_counts()[ix.entity_index(aid)] >= 1


def test_surname_accessors(ix: Index) -> None:
    assert ix.surnames() and all(ix.surname_refs(s) for s in ix.surnames())
    assert all(ix.entity(a).type == "PER" for s in ix.surnames() for a in ix.surname_refs(s))
    assert ix.is_first_name("volodymyr") and not ix.is_first_name("zelenskyy")
    assert set(ix.loose_surname_refs("Selenskyj")) & set(ix.surname_refs("zelenskyy"))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["Зеленского", "Kyiv", "Киеве", "Нижнем Новгороде", "Selenskyj", "Lavrov", "Nice"]),
       st.sampled_from(["{} said.", "Yesterday, {} met them.", "Мы были в {}.", "В {} прошла встреча."]))
def test_mention_scores_are_on_the_method_scale(norm: Normalizer, name: str, template: str) -> None:
    for m in extract(template.format(name), normalizer=norm):
        assert m.match is not None
        assert 0.0 < m.match.score <= Method(m.match.method).cap
