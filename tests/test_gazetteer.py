"""The gazetteer format: parsing, validation messages, merging."""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm.gazetteer import GazetteerError, check, load, parse_text
from namenorm.gazetteer.load import bundled_paths

DATA = Path(__file__).parent / "data"


def _problems(text: str, tmp_path: Path) -> list[str]:
    p = tmp_path / "t.gaz"
    p.write_text(text, encoding="utf-8")
    return check([p])[1]


def test_parse_fields_and_flags() -> None:
    ents, meta, errs = parse_text(
        "@source: fixture\n[Q1] LOC Name  # comment\ncountry: UA\nprior: 5\nxref: geonames:1\n"
        "en: Name | Old {former} | NM {abbreviation,weak}\nuk: Назва\n", "f.gaz")
    assert errs == [] and meta == {"source": "fixture"}
    (e,) = ents
    assert (e.id, e.type, e.name, e.country, e.prior) == ("Q1", "LOC", "Name", "UA", 5.0)
    assert [(a.text, a.lang, a.kind, a.weak) for a in e.aliases] == [
        ("Name", "en", "canonical", False), ("Old", "en", "former", False),
        ("NM", "en", "abbreviation", True), ("Назва", "uk", "common", False)]
    assert "wikidata:Q1" in e.keys and "geonames:1" in e.keys


def test_canonical_alias_takes_flags_of_its_repeat() -> None:
    (e,), _, _ = parse_text("[x:1] LOC Nice\nen: Nice {weak}\n")
    assert [(a.text, a.kind, a.weak) for a in e.aliases] == [("Nice", "canonical", True)]


@pytest.mark.parametrize(("text", "needle"), [
    ("[Q1] LOC A\n[Q1] LOC B\n", "t.gaz:2: duplicate ID Q1"),
    ("[Q1] CITY A\n", "t.gaz:1: unknown type 'CITY'"),
    ("[Q1] LOC\n", "has no canonical name"),
    ("[Q1] LOC Georgia {weak}\n", "belong on the language lines"),
    ("[Q1] LOC A\nzzz: b\n", "t.gaz:2: unknown field 'zzz'"),
    ("[Q1] LOC A\nen: Київ\n", "t.gaz:2: alias 'Київ' is listed as 'en' but contains Cyrillic"),
    ("[Q1] LOC A\nru: Mосква\n", "mixes Latin and Cyrillic"),
    ("[Q1] LOC A\nen: B {sometimes}\n", "unknown alias flag 'sometimes'"),
    ("[Q1] LOC A\ncountry: Ukraine\n", "ISO 3166-1 alpha-2"),
    ("[Q1] LOC A\nprior: lots\n", "prior must be a non-negative number"),
    ("en: A\n", "t.gaz:1: field 'en' before the first"),
    ("[Q1] LOC Cafe\u0301\n", "t.gaz:1: text is not in Unicode NFC"),
    ("[Q1] LOC A\nen: Shared\n[Q2] LOC B\nen: Shared\n", "alias 'shared' is claimed by Q1"),
])
def test_validation_names_file_line_problem(text: str, needle: str, tmp_path: Path) -> None:
    problems = _problems(text, tmp_path)
    assert any(needle in p for p in problems), problems


def test_shared_alias_allowed_when_weak_or_noted(tmp_path: Path) -> None:
    assert _problems("[Q1] LOC A\nen: Shared\n[Q2] LOC B\nen: Shared {weak}\n", tmp_path) == []
    assert _problems("[Q1] LOC A\nen: Shared\n[Q2] LOC B\nnote: two towns\nen: Shared\n", tmp_path) == []
    assert _problems("[Q1] LOC A\nen: Shared\n[Q2] PER B\nen: Shared\n", tmp_path) == []


def test_load_raises_with_every_problem(tmp_path: Path) -> None:
    p = tmp_path / "bad.gaz"
    p.write_text("[Q1] XXX A\n[Q1] LOC\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        load([p])
    assert len(err.value.problems) == 3 and "bad.gaz:1" in str(err.value)


def test_merge_through_shared_xref(tmp_path: Path) -> None:
    a = tmp_path / "a.gaz"
    b = tmp_path / "b.gaz"
    a.write_text("[Q1899] LOC Kyiv\nxref: geonames:703448\nen: Kyiv\n", encoding="utf-8")
    b.write_text("@priority: 0\n[geonames:703448] LOC Kiev\nprior: 2800000\nxx: Kijev | Kiev\n",
                 encoding="utf-8")
    (e,) = load([a, b])
    assert e.id == "Q1899" and e.name == "Kyiv" and e.prior == 2800000
    assert {x.text for x in e.aliases} == {"Kyiv", "Kiev", "Kijev"}
    assert e.rank == 2


def test_merge_keeps_the_leading_entitys_weak_judgement(tmp_path: Path) -> None:
    # a curated entry marks a former name weak (another town has it); a generated source lists the
    # same name in another language and spelling: it stays weak, while its other names stay strong
    a = tmp_path / "a.gaz"
    b = tmp_path / "b.gaz"
    a.write_text("[Q9] LOC Newtown\nxref: geonames:9\nen: Newtown | Oldtown {former,weak}\n",
                 encoding="utf-8")
    b.write_text("@priority: 0\n[geonames:9] LOC Newtown\nxx: OLDTOWN | Old'town | Nowetown\n",
                 encoding="utf-8")
    (e,) = load([a, b])
    assert {x.text: x.weak for x in e.aliases} == {
        "Newtown": False, "Oldtown": True, "OLDTOWN": True, "Old'town": True, "Nowetown": False}


def test_merge_of_two_generated_sources_keeps_either_weak_judgement(tmp_path: Path) -> None:
    # GeoNames lists a village's name as a plain alternate name; the national codifier knows it is
    # also a common word and marks it weak: one source as good as the other, so the name stays weak
    a = tmp_path / "a.gaz"
    b = tmp_path / "b.gaz"
    a.write_text("@priority: 0\n[geonames:5] LOC Desna\nuk: Десна | Деснянка\n", encoding="utf-8")
    b.write_text("@priority: 0\n[katottg:UA1] LOC Desna\nxref: geonames:5\nuk: Десна {weak}\n",
                 encoding="utf-8")
    (e,) = load([a, b])
    assert {(x.text, x.lang): x.weak for x in e.aliases} == {
        ("Desna", "en"): False, ("Десна", "uk"): True, ("Деснянка", "uk"): False}


def test_merge_a_generated_weak_judgement_does_not_overrule_a_curated_entry(tmp_path: Path) -> None:
    a = tmp_path / "a.gaz"
    b = tmp_path / "b.gaz"
    a.write_text("[Q5] LOC Desna\nxref: geonames:5\nuk: Десна\n", encoding="utf-8")
    b.write_text("@priority: 0\n[geonames:5] LOC Desna\nuk: Десна {weak}\n", encoding="utf-8")
    (e,) = load([a, b])
    assert all(not x.weak for x in e.aliases)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="gazetteer not found"):
        check([tmp_path / "nope.gaz"])


def test_bundled_gazetteers_are_valid() -> None:
    paths = bundled_paths()
    assert paths, "no bundled gazetteers found"
    ents, problems = check(list(paths))
    assert problems == []
    assert len(ents) > 100


def test_fixture_is_valid() -> None:
    assert check([DATA / "core" / "news.gaz"])[1] == []
