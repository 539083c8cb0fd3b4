"""The ``region`` hint: first-level regions, as ``admin1`` writes them (ISO 3166-2 codes in Ukraine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import namenorm
from namenorm import Normalizer
from namenorm.options import LookupOptions

# Three places called Foo: a town, and two villages whose main name is weak (ten times smaller).
SMALL_WORLD = """@priority: 0
@ambiguous: allowed
[t:1] LOC Foo
country: UA
prior: 35000
admin1: UA-14

[t:2] LOC Foo
country: UA
prior: 2000
admin1: UA-74
en: Foo {weak}

[t:3] LOC Foo
country: UA
prior: 900
admin1: UA-32
en: Foo {weak}
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Normalizer:
    path = Path(tmp_path_factory.mktemp("gaz")) / "small.gaz"
    path.write_text(SMALL_WORLD, encoding="utf-8")
    return Normalizer([path], include_bundled=False, use_cache=False)


def test_without_a_region_the_largest_namesake_leads(small: Normalizer) -> None:
    m = small.normalize("Foo")
    assert m is not None and m.id == "t:1" and m.ambiguous


def test_region_hint_picks_the_namesake_there(small: Normalizer) -> None:
    m = small.normalize("Foo", region="UA-74")
    assert m is not None and m.id == "t:2"
    assert [c.id for c in small.candidates("Foo", region=["UA-32", "UA-74"])][:2] in (["t:2", "t:3"],
                                                                                      ["t:3", "t:2"])
    assert small.normalize_many(["Foo"], region="UA-32")[0].id == "t:3"  # type: ignore[union-attr]


def test_region_hint_rejects_wrong_kinds(small: Normalizer) -> None:
    with pytest.raises(TypeError, match="region codes"):
        small.normalize("Foo", region=14)  # type: ignore[arg-type]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["UA-14", "UA-74", "UA-32", "UA-05"]), min_size=1, max_size=3))
def test_property_region_hint_prefers_only_places_there(small: Normalizer, regions: list[str]) -> None:
    admin1 = {"t:1": "UA-14", "t:2": "UA-74", "t:3": "UA-32"}
    found = small.candidates("Foo", region=regions)
    inside = [c.id for c in found if admin1[c.id] in regions]
    # the places in the hinted regions come first
    assert [c.id for c in found][: len(inside)] == inside


def test_region_travels_in_the_options_hints() -> None:
    hints = LookupOptions.parse(admin="UA-14").hints()
    assert hints["region"] == frozenset({"UA-14"})


def test_bundled_region_hint_reaches_katottg_villages() -> None:
    ix = namenorm.api.default_normalizer().index
    found = namenorm.candidates("Andriivka", region="UA-14", limit=5)
    admin1 = {ix.entity_at(i).id: ix.entity_at(i).admin1 for i in range(len(ix.ents))}
    assert found and all(admin1[m.id] == "UA-14" for m in found)
    q = namenorm.normalize("Andriivka, Donetska oblast")  # the qualifier names the ISO subdivision
    assert q is not None and admin1[q.id] == "UA-14"
