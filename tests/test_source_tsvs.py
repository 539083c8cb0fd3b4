"""The source TSVs under ``gazetteers/sources/``: every committed file passes ``check_sources``.

The checker itself is tested on small files written here, so a check that cannot fail would show.
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
SOURCES = ROOT / "gazetteers" / "sources"
sys.path.insert(0, str(SOURCES))

check = importlib.import_module("check_sources")
common = importlib.import_module("_convert_common")

HEAD = "# source: test file @ 0000\n# licence: CC0 (test)\nqid\ttype\tcountry\tgender\ten\tru\tuk\tother\n"
GOOD = "Q5\tORG\tUA\t\tNaftogaz\tНафтогаз\tНафтогаз\tde=Naftogaz\n"


def _tsv(folder: Path, name: str, body: str, head: str = HEAD) -> Path:
    path = folder / name
    path.write_text(head + body, encoding="utf-8")
    return path


def test_every_committed_tsv_passes() -> None:
    paths = check.source_tsvs()
    assert len(paths) >= 100  # the folders of the organisation sources are all read
    assert check.check_files(paths, common.curated_qids()) == []


def test_committed_org_rows_are_many_and_unique() -> None:
    qids = [line.split("\t", 2)[:2] for p in check.source_tsvs()
            for line in p.read_text(encoding="utf-8").splitlines() if common.QID.match(line)]
    orgs = [q for q, t in qids if t == "ORG"]
    assert len(orgs) >= 500
    assert len(set(orgs)) == len(orgs)


def test_a_good_file_passes(tmp_path: Path) -> None:
    assert check.check_files([_tsv(tmp_path, "a.tsv", GOOD)], set()) == []


def test_a_qid_in_two_files_or_in_curated_is_an_error(tmp_path: Path) -> None:
    a, b = _tsv(tmp_path, "a.tsv", GOOD), _tsv(tmp_path, "b.tsv", GOOD)
    errors = check.check_files([a, b], set())
    assert len(errors) == 1 and "Q5 is also in" in errors[0] and errors[0].startswith(str(b))
    assert any("Q5 is in a curated file" in e for e in check.check_files([a], {"Q5"}))


def test_a_person_may_be_in_two_files_but_once_per_file(tmp_path: Path) -> None:
    row = "Q7\tPER\tUA\tm\tIvan Petrenko\tИван Петренко\tІван Петренко\t\n"
    a, b = _tsv(tmp_path, "a.tsv", row), _tsv(tmp_path, "b.tsv", row + row)
    errors = check.check_files([a, b], set())
    assert len(errors) == 1 and "twice in this file" in errors[0]


@pytest.mark.parametrize(("head", "wanted"), [
    ("# licence: CC0\nqid\ttype\tcountry\tgender\ten\tru\tuk\tother\n", "no '# source:' header line"),
    ("# source: x\nqid\ttype\tcountry\tgender\ten\tru\tuk\tother\n", "no '# licence:' header line"),
    ("# source: x\n# licence: y\nqid\ttype\tcountry\ten\tru\tuk\tother\n", "is not the column row"),
])
def test_a_broken_header_is_an_error(tmp_path: Path, head: str, wanted: str) -> None:
    errors = check.check_files([_tsv(tmp_path, "a.tsv", GOOD, head)], set())
    assert any(wanted in e for e in errors), errors


def test_a_missing_final_newline_is_an_error(tmp_path: Path) -> None:
    path = _tsv(tmp_path, "a.tsv", GOOD.rstrip("\n"))
    assert any("newline" in e for e in check.check_files([path], set()))


_latin = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABC-'", max_size=20).map(str.strip)
_cyrillic = st.text(alphabet="абвгдежзийклмнопрстуфхцчшщыэюяіїєґ", min_size=1, max_size=20)
_qids = st.integers(1, 10**9).map(lambda n: f"Q{n}")
_countries = st.sampled_from(["UA", "RU", "US", "GB", "DE", ""])


@settings(max_examples=200)
@given(_qids, _countries, _latin, _cyrillic, st.booleans(),
       st.dictionaries(st.sampled_from(common.OTHER_LANGS), _cyrillic | _latin.filter(bool)))
def test_a_well_formed_org_row_passes(qid: str, country: str, en: str, cyr: str, in_uk: bool,
                                      other: dict[str, str]) -> None:
    ru, uk = ("", cyr) if in_uk else (cyr, "")
    cells = [qid, "ORG", country, "", en, ru, uk, common.other_cell(other)]
    assert check.check_row(cells) == []


@settings(max_examples=200)
@given(_qids, _latin, _latin, _latin)
def test_a_row_without_a_cyrillic_ru_or_uk_name_fails(qid: str, en: str, ru: str, uk: str) -> None:
    assert "no Cyrillic ru or uk name" in check.check_row([qid, "ORG", "UA", "", en, ru, uk, ""])


@settings(max_examples=200)
@given(st.lists(st.text(alphabet="Qabc1\u0430", max_size=5), max_size=12).filter(lambda c: len(c) != 8))
def test_a_row_of_other_than_eight_cells_fails(cells: list[str]) -> None:
    assert check.check_row(cells) == [f"{len(cells)} cells, expected 8"]


@settings(max_examples=200)
@given(st.text(max_size=12).filter(lambda s: not common.QID.fullmatch(s)))
def test_a_bad_qid_fails(qid: str) -> None:
    assert any("is not a QID" in e for e in check.check_row([qid, "ORG", "UA", "", "", "Газ", "", ""]))


@pytest.mark.parametrize("module", ["_convert_common", "check_sources", "convert_everypolitician",
                                    "convert_partyfacts", "convert_agency_registry", "convert_nsi",
                                    "convert_toponym"])
def test_converter_doctests(module: str) -> None:
    if module == "convert_nsi":
        pytest.importorskip("wordfreq")  # the data extra: common_word() reads English word frequencies
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
