"""Tests of the common-surname list (namenorm.surnames) and its builder (gazetteers/build_surnames.py).

The expectations follow the bundled sources (faker's documented frequency rankings, named in the
header of src/namenorm/surnames.tsv), not a wish: Шевченко is absent because no Ukrainian frequency
ranking was found, Kowalski because faker's Polish list has no source.
"""

from __future__ import annotations

import doctest
import importlib
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm.surnames import is_common_surname
from namenorm.text import fold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "gazetteers"))
build_surnames = importlib.import_module("build_surnames")
check_generated = importlib.import_module("check_generated")


@pytest.mark.parametrize("word", [
    "Nowak", "Müller", "Smith", "Novák", "García", "Dubois", "Peeters", "Korhonen", "Andersson",
    "Nagy", "Schmidt", "Tremblay", "González", "Silva",
])
def test_common_latin_surnames(word: str) -> None:
    assert is_common_surname(fold(word))
    assert is_common_surname(fold(word), "Latin")


@pytest.mark.parametrize("word", ["Иванов", "Иванова", "Смирнов", "Кузнецова", "Павлов", "Соловьёв"])
def test_common_cyrillic_surnames(word: str) -> None:
    assert is_common_surname(fold(word))
    assert is_common_surname(fold(word), "Cyrillic")


@pytest.mark.parametrize("word", [
    "Stoltenberg", "Zelenskyy", "Zelensky", "Lavrov", "Лавров", "Зеленский", "Шольц", "Путин",
    "Qwxzv", "Abernathy",  # Abernathy: in faker's generic "en" list, which is rejected
])
def test_rare_or_famous_names_are_not_common(word: str) -> None:
    assert not is_common_surname(fold(word))


def test_known_gaps_of_the_sources() -> None:
    """No documented Ukrainian or Polish frequency list was found: these stay uncommon until one is."""
    assert not is_common_surname("шевченко")
    assert not is_common_surname("kowalski")


@pytest.mark.parametrize("variant", ["muller", "MÜLLER", "Mueller", "müller"])
def test_latin_diacritics_and_umlaut_spellings_do_not_matter(variant: str) -> None:
    assert is_common_surname(variant)


def test_strasse_and_polish_letters_fold_to_ascii() -> None:
    assert is_common_surname("gonzalez") == is_common_surname("gonzález") is True
    # an unlisted name stays unlisted whatever its diacritics
    assert not is_common_surname("stöltenberg")


def test_script_rule() -> None:
    # common in Latin only: a Latin-common name is not common in Cyrillic
    assert is_common_surname("smith", "Latin")
    assert not is_common_surname("smith", "Cyrillic")
    assert not is_common_surname("смит")
    assert is_common_surname("scholz") and not is_common_surname("шольц")
    # a Cyrillic-common name asked in Latin letters: common among Cyrillic writers, not Latin ones
    assert is_common_surname("ivanov", "Cyrillic")
    assert not is_common_surname("ivanov")
    # a Cyrillic word asked about in Latin: no Latin list is written in Cyrillic
    assert not is_common_surname("иванов", "Latin")
    # a script without a source
    assert not is_common_surname("σμιθ") and not is_common_surname("smith", "Greek")


@given(st.text())
def test_never_raises_and_returns_a_bool(word: str) -> None:
    assert isinstance(is_common_surname(word), bool)
    assert isinstance(is_common_surname(word, "Cyrillic"), bool)


@given(st.text())
def test_case_does_not_matter(word: str) -> None:
    assert is_common_surname(word) == is_common_surname(fold(word.upper()))


@given(st.sampled_from(["Nowak", "Müller", "Smith", "Иванов", "Смирнова", "Peeters", "Korhonen"]),
       st.sampled_from([str.upper, str.lower, str.title, lambda s: f"  {s} "]))
def test_listed_surnames_match_in_any_case_and_spacing(word: str, how: object) -> None:
    assert callable(how)
    assert is_common_surname(how(word))


# --- the data file and its builder -------------------------------------------------------------------

DATA = ROOT / "src" / "namenorm" / "surnames.tsv"


def test_data_file_lines_are_well_formed_and_sorted() -> None:
    lines = [ln for ln in DATA.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    keys = []
    for line in lines:
        surname, script, locales = line.split("\t")
        assert surname == fold(surname) and script in {"Latin", "Cyrillic"}
        for loc in locales.split(","):
            assert loc.split(":")[0] in build_surnames.SOURCES
        keys.append(surname)
    assert keys == sorted(set(keys))
    header = DATA.read_text(encoding="utf-8").split("\n# Sources, per locale:\n")[1]
    for loc in build_surnames.SOURCES:
        assert f"# {loc}: " in header  # every source is named


def test_builder_writes_the_committed_file(tmp_path: Path) -> None:
    if build_surnames.check_versions():
        pytest.skip("faker is not the pinned version: pip install -e '.[data]'")
    out = tmp_path / "surnames.tsv"
    build_surnames.build(out)
    assert out.read_bytes() == DATA.read_bytes(), "stale: run python gazetteers/build_surnames.py"


def test_rejected_locales_are_never_read() -> None:
    rejected = {loc.strip() for key in build_surnames.REJECTED for loc in key.split(",")}
    assert {"en", "pl_PL", "uk_UA", "de_DE", "it_IT"} <= rejected
    assert not rejected & set(build_surnames.SOURCES)


def test_builder_doctests() -> None:
    assert doctest.testmod(build_surnames).failed == 0


def test_ranked_uses_weights_and_keeps_order_of_unweighted() -> None:
    assert build_surnames.ranked({"x": 0.1, "y": 0.5}) == [("y", 1), ("x", 2)]
    assert build_surnames.ranked(["b", "a", "b"]) == [("b", None), ("a", None)]
    assert build_surnames.ranked({"x": 999, "y": 1000}, 1000) == [("y", 1)]


def test_counted_lists_keep_only_surnames_with_enough_bearers() -> None:
    # Luxembourg (counts of bearers): Muller (5,784) is kept, Kintziger (205, rank 350) is not
    assert is_common_surname("muller") and not is_common_surname("kintziger")
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if "de_LU:" in line and not line.startswith("#"):
            rank = int(line.split("de_LU:")[1].split(",")[0])
            assert rank <= 45, line  # the 45 surnames of Luxembourg with 1,000+ bearers


def test_check_main_names_a_stale_surname_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    def fake_build_all(out: Path) -> dict[str, dict[str, int]]:
        for n in check_generated.OUTPUTS:
            (out / n).write_text(f"fresh {n}\n", encoding="utf-8")
        return {}

    def fake_build_surnames(out: Path) -> dict[str, int]:
        out.write_text("nowak\tLatin\tde_AT\n", encoding="utf-8")
        return {}

    monkeypatch.setattr(check_generated, "build_all", fake_build_all)
    monkeypatch.setattr(check_generated, "check_versions", lambda: [])
    monkeypatch.setattr(build_surnames, "check_versions", lambda: [])
    monkeypatch.setattr(build_surnames, "build", fake_build_surnames)
    committed = tmp_path / "gen"
    committed.mkdir()
    fake_build_all(committed)
    surnames = tmp_path / "surnames.tsv"
    args = ["--committed", str(committed), "--surnames", str(surnames)]
    assert check_generated.main(args) == 1
    assert "surnames.tsv: missing" in capsys.readouterr().err
    fake_build_surnames(surnames)
    assert check_generated.main(args) == 0
    surnames.write_text("nowak\tLatin\tde_AT\nzz\tLatin\tde_AT\n", encoding="utf-8")
    assert check_generated.main(args) == 1
    err = capsys.readouterr().err
    assert "surnames.tsv: stale (first difference at line 2)" in err and "cities.gaz" not in err


def test_check_main_exits_2_when_faker_is_not_pinned(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(check_generated, "check_versions", lambda: [])
    monkeypatch.setattr(build_surnames, "check_versions", lambda: ["faker 1.0 (need 40.63.0)"])
    assert check_generated.main([]) == 2
    assert "faker 1.0 (need 40.63.0)" in capsys.readouterr().err
