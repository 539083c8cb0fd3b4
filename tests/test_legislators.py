"""Tests of the legislator builder: name reordering, the TSV format, curated QIDs left out, output.

The committed ``wikidata_sourced.gaz`` is compared with a fresh build by CI's
``gazetteers/check_generated.py``; here the builder runs on small TSVs written by the tests.
"""

from __future__ import annotations

import doctest
import importlib
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
GAZ = ROOT / "gazetteers"
sys.path.insert(0, str(GAZ))

names = importlib.import_module("_person_names")
legis = importlib.import_module("build_legislators")

HEAD = "# source: test file @ 0000\n# licence: CC0 (test)\nqid\ttype\tcountry\tgender\ten\tru\tuk\tother\n"


def _tsv(folder: Path, name: str, rows: list[str], head: str = HEAD) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(head + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


# --- reordering --------------------------------------------------------------------------------

@pytest.mark.parametrize(("source", "forms"), [
    # "Surname, Given Patronymic" (Russian Wikipedia titles)
    ("Гончаренко, Алексей Алексеевич", ["Алексей Гончаренко", "Алексей Алексеевич Гончаренко"]),
    # "Surname Given Patronymic" (Ukrainian Wikipedia titles)
    ("Гончаренко Олексій Олексійович", ["Олексій Гончаренко", "Олексій Олексійович Гончаренко"]),
    # female patronymics, both languages and both orders
    ("Сыроид, Оксана Ивановна", ["Оксана Сыроид", "Оксана Ивановна Сыроид"]),
    ("Сироїд Оксана Іванівна", ["Оксана Сироїд", "Оксана Іванівна Сироїд"]),
    ("Кошелева Ірина Миколаївна", ["Ірина Кошелева", "Ірина Миколаївна Кошелева"]),
    ("Ильина, Мария Кузьминична", ["Мария Ильина", "Мария Кузьминична Ильина"]),
    # hyphenated surname and given name stay one word
    ("Тимошенко-Бойко, Анна-Мария Петровна", ["Анна-Мария Тимошенко-Бойко",
                                              "Анна-Мария Петровна Тимошенко-Бойко"]),
    ("Шевченко-Олійник Ганна Петрівна", ["Ганна Шевченко-Олійник", "Ганна Петрівна Шевченко-Олійник"]),
    # no patronymic: only "Given Surname"
    ("Найем, Мустафа", ["Мустафа Найем"]),
    # already in the natural order
    ("Андрей Леонидович Деркач", ["Андрей Деркач", "Андрей Леонидович Деркач"]),
    # a surname that ends like a patronymic, in the surname-first order
    ("Ярошевич Сергій Петрович", ["Сергій Ярошевич", "Сергій Петрович Ярошевич"]),
    ("Шуфрич Нестор Іванович", ["Нестор Шуфрич", "Нестор Іванович Шуфрич"]),
    # Turkic patronymic particle
    ("Алиев, Гейдар Алирза оглы", ["Гейдар Алиев", "Гейдар Алирза оглы Алиев"]),
    # Belarusian
    ("Ігар Уладзіміравіч Гузь", ["Ігар Гузь", "Ігар Уладзіміравіч Гузь"]),
])
def test_press_forms(source: str, forms: list[str]) -> None:
    assert names.press_forms(source) == forms


@pytest.mark.parametrize(("source", "forms"), [
    ("Деркач", []),                      # a surname alone is never an alias
    ("Деркач,", []),
    ("Деркач, Андрій Леонідович Іванович", []),  # unknown shape after the comma
    ("Деркач Андрій", ["Деркач Андрій"]),  # order unknown: kept as given, never split
    ("Деркач Андрій Петро", ["Деркач Андрій Петро"]),  # no patronymic: order unknown, kept whole
])
def test_press_forms_unknown_shapes(source: str, forms: list[str]) -> None:
    assert names.press_forms(source) == forms


def test_an_english_label_written_surname_first_is_reordered() -> None:
    row = legis.Row("Q20067100", "PER", "UA", "m", (("en", "Zhurzhiy Andriy"),
                                                   ("uk", "Журжій Андрій Валерійович")), "t.tsv")
    assert legis.canonical_name([row]) == "Andriy Zhurzhiy"
    assert legis.aliases_of(row)[:2] == [("en", "Andriy Zhurzhiy"), ("en", "Zhurzhiy Andriy")]
    # already in the press order, or words that do not correspond: as given
    assert names.surname_first_latin("Andriy Zhurzhiy", "Журжій Андрій Валерійович") is None
    assert names.surname_first_latin("Ivan Petrenko", "Журжій Андрій Валерійович") is None
    assert names.surname_first_latin("Zhurzhiy Andriy", "Андрій") is None


_CYR = st.text(alphabet="абвгдежзийклмнопрстуфхцчшщыэюяієїґ", min_size=1, max_size=8)
_SURNAME = st.builds(lambda a, b: a.title() + ("-" + b.title() if b else ""),
                     _CYR, st.one_of(st.just(""), _CYR))
_NAME = st.one_of(
    st.builds(lambda s, g, p: f"{s}, {g.title()} {p.title()}ович", _SURNAME, _CYR, _CYR),
    st.builds(lambda s, g, p: f"{s} {g.title()} {p.title()}івна", _SURNAME, _CYR, _CYR),
    st.builds(lambda s, g: f"{s}, {g.title()}", _SURNAME, _CYR),
    st.lists(_CYR, min_size=1, max_size=5).map(lambda ws: " ".join(w.title() for w in ws)),
    st.text(max_size=30),
)


@settings(max_examples=300, deadline=None)
@given(_NAME)
def test_every_press_form_has_two_words_and_keeps_every_word(name: str) -> None:
    for form in names.press_forms(name):
        assert len(form.split()) >= 2
        assert set(form.split()) <= set(name.replace(",", " ").split())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["en", "ru", "uk", "be", "de", "fr", "pl"]), _NAME),
                min_size=1, max_size=6))
def test_every_alias_written_has_two_words(pairs: list[tuple[str, str]]) -> None:
    row = legis.Row("Q1", "PER", "UA", "m", tuple(pairs), "t.tsv")
    for lang, alias in legis.aliases_of(row):
        assert len(alias.split()) >= 2, (lang, alias)
        assert not legis.SYNTAX_CHARS & set(alias)


def _row(q: int, gender: str, en: str, ru: str, uk: str) -> Any:
    names = tuple(p for p in (("en", en), ("ru", ru), ("uk", uk)) if p[1])
    return legis.Row(f"Q{q}", "PER", "UA", gender, names, "t.tsv")


_ROW = st.builds(
    _row,
    st.integers(1, 10**9), st.sampled_from(["m", "f", ""]),
    st.one_of(st.just(""), st.builds(lambda a, b: f"{a.title()} {b.title()}",
                                     st.text(alphabet="abcdefghijklmnop", min_size=1, max_size=6),
                                     st.text(alphabet="abcdefghijklmnop", min_size=1, max_size=6))),
    _NAME, _NAME)


@settings(max_examples=100, deadline=None)
@given(st.lists(_ROW, max_size=8, unique_by=lambda r: r.qid), st.randoms(use_true_random=False))
def test_blocks_do_not_depend_on_row_order(rows: list[Any], rnd: random.Random) -> None:
    shuffled = list(rows)
    rnd.shuffle(shuffled)

    def render(rs: list[Any]) -> list[str]:
        blocks, _ = legis.blocks_of([legis.Source("t.tsv", {}, tuple(rs))], set())
        return [b.render() for b in blocks]

    assert render(rows) == render(shuffled)


# --- the TSV format ----------------------------------------------------------------------------

@pytest.mark.parametrize(("row", "message"), [
    ("Q1\tPER\tUA\tm\tA B\tБ, В\tБ В Г", "7 cells"),  # one cell short
    ("12085696\tPER\tUA\tm\t\tБ, В\t\t", "not a Wikidata QID"),
    ("Q1\tPERSON\tUA\tm\t\tБ, В\t\t", "PER or ORG"),
    ("Q1\tPER\tUkraine\tm\t\tБ, В\t\t", "alpha-2"),
    ("Q1\tPER\tUA\tmale\t\tБ, В\t\t", "m, f or empty"),
    ("Q1\tPER\tUA\tm\t\tБ, В\t\tes=Juan", "lang=name"),
    ("Q1\tPER\tUA\tm\tA B\t\t\t", "neither a ru nor a uk name"),
])
def test_bad_rows_are_named(tmp_path: Path, row: str, message: str) -> None:
    path = _tsv(tmp_path, "X_House.tsv", [row])
    with pytest.raises(legis.SourceError, match=message) as err:
        legis.read_source(path)
    assert f"{path}:4:" in str(err.value)


def test_a_source_without_its_licence_is_refused(tmp_path: Path) -> None:
    head = "# source: x\nqid\ttype\tcountry\tgender\ten\tru\tuk\tother\n"
    path = _tsv(tmp_path, "X_House.tsv", [], head=head)
    with pytest.raises(legis.SourceError, match="licence"):
        legis.read_source(path)


def test_an_erratum_leaves_out_the_name_it_marks(tmp_path: Path) -> None:
    head = HEAD.replace("qid\t", "# wrong: Q7\tuk\tБатько Петро Іванович\tthe father's name\nqid\t", 1)
    path = _tsv(tmp_path, "X_House.tsv", ["Q7\tPER\tUA\tm\t\tСын, Павел Петрович\tБатько Петро Іванович\t"],
                head=head)
    src = legis.read_source(path)
    assert src.errata == 1 and src.rows[0].names == (("ru", "Сын, Павел Петрович"),)
    blocks, stats = legis.blocks_of([src], set())
    assert blocks[0].name == "Pavel Syn" and "uk" not in blocks[0].aliases  # canonical from ru now
    assert stats["names left out (# wrong:)"] == 1


@pytest.mark.parametrize(("line", "message"), [
    ("# wrong: Q8\tuk\tБатько Петро Іванович\twhy\n", "matches no row"),
    ("# wrong: Q7\tuk\tБатько Петро Іванович\n", "QID<TAB>lang<TAB>name<TAB>reason"),
])
def test_a_bad_or_stale_erratum_is_refused(tmp_path: Path, line: str, message: str) -> None:
    path = _tsv(tmp_path, "X_House.tsv", ["Q7\tPER\tUA\tm\t\t\tБатько Петро Іванович\t"], head=line + HEAD)
    with pytest.raises(legis.SourceError, match=message):
        legis.read_source(path)


def test_the_canonical_name_comes_from_any_file_of_the_qid(tmp_path: Path) -> None:
    a = legis.Row("Q5", "PER", "UA", "m", (("ru", "Загорий, Глеб Владимирович"),), "a.tsv")
    b = legis.Row("Q5", "PER", "UA", "m", (("uk", "Загорій Гліб Володимирович"),), "b.tsv")
    assert legis.canonical_name([a, b]) == "Hlib Zahorii"  # uk (from b) before ru (from a)


def test_main_reports_a_bad_source_with_exit_code_2(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    _tsv(src, "X_House.tsv", ["Q1\tPER\tUA\tboth\t\tБ, В\t\t"])
    argv = ["--out", str(tmp_path / "out"), "--sources", str(src), "--curated", str(tmp_path)]
    assert legis.main(argv) == 2
    assert "X_House.tsv:4: gender 'both'" in capsys.readouterr().err


# --- the builder -------------------------------------------------------------------------------

ROWS = [
    "Q12085696\tPER\tUA\tm\tMaksym Burbak\tБурбак, Максим Юрьевич\tБурбак Максим Юрійович\t"
    "de=Maksym Burbak|pl=Maksym Burbak",
    "Q12074921\tPER\tUA\tf\t\tИонова, Мария Николаевна\tІонова Марія Миколаївна\tfr=Marija Ionowa",
    "Q3874799\tPER\tUA\tm\tVolodymyr Zelenskyy\tЗеленский, Владимир Александрович\t"
    "Зеленський Володимир Олександрович\t",
    "Q1100750\tPER\tUA\t\t\t\tБакулін Євген Миколайович\t",
    "Q99\tPER\tRU\tm\t\tИванов, Пётр Сергеевич\t\t",
    "Q98\tPER\tUA\tm\t\t\tБакулін\t",
    "Q8521847\tPER\tUA\tm\tБезбах Яків Якович\tБезбах, Яков Яковлевич\tБезбах Яків Якович\t",
]


def _build(tmp_path: Path, rows: list[str] = ROWS,
           curated: str = "[Q3874799] PER Volodymyr Zelenskyy\n") -> str:
    src, cur, out = tmp_path / "src", tmp_path / "curated", tmp_path / "out"
    _tsv(src, "Ukraine_Test.tsv", rows)
    cur.mkdir(exist_ok=True)
    (cur / "people.gaz").write_text(curated + "en: Volodymyr Zelenskyy\n\n[namenorm:x] PER X Y\n"
                                    "xref: wikidata:Q99\n", encoding="utf-8")
    stats = legis.build(out, src, cur)
    assert stats["rows"] == sum(len(legis.read_source(p).rows) for p in src.glob("*.tsv"))
    assert stats["skipped (curated)"] == 2 and stats["skipped (no full name)"] == 1
    return (out / legis.OUTPUT).read_text(encoding="utf-8")


def test_curated_qids_are_left_out(tmp_path: Path) -> None:
    text = _build(tmp_path)
    assert "[Q3874799]" not in text  # the curated block's ID
    assert "[Q99]" not in text        # a curated block's wikidata: cross-reference
    assert "[Q12085696] PER Maksym Burbak" in text


def test_blocks_carry_the_reordered_names_and_provenance(tmp_path: Path) -> None:
    text = _build(tmp_path)
    burbak = text.split("[Q12085696]")[1].split("\n\n")[0]
    assert "ru: Максим Бурбак | Максим Юрьевич Бурбак" in burbak
    assert "uk: Максим Бурбак | Максим Юрійович Бурбак" in burbak
    assert "de: Maksym Burbak" in burbak and "pl: Maksym Burbak" in burbak
    assert "source: wikidata:Q12085696 via Ukraine_Test.tsv" in burbak
    assert "prior: 10" in burbak and "gender: m" in burbak and "country: UA" in burbak
    # no English name: the Ukrainian one romanised with KMU 2010 (uk_national)
    assert "[Q12074921] PER Mariia Ionova" in text
    assert "[Q1100750] PER Yevhen Bakulin" in text
    # a Cyrillic name filed under en is no English name: left out, the canonical name is romanised
    block = text.split("[Q8521847]")[1].split("\n\n")[0]
    assert block.startswith(" PER Yakiv Bezbakh\n") and "en:" not in block
    # a surname alone gives no full name: no block
    assert "[Q98]" not in text
    assert text.startswith("@source: 1 public files that pair Wikidata QIDs with names")
    assert "@source-1: Ukraine_Test.tsv: test file @ 0000" in text


def test_a_qid_in_two_sources_is_one_block(tmp_path: Path) -> None:
    src = tmp_path / "src"
    _tsv(src, "Z_Other.tsv", ["Q12085696\tPER\tUA\tm\t\tБурбак, Максим Юрьевич\t\tbe=Максім Бурбак"])
    text = _build(tmp_path)
    assert text.count("[Q12085696]") == 1
    assert "be: Максім Бурбак" in text
    assert "source: wikidata:Q12085696 via Ukraine_Test.tsv, Z_Other.tsv" in text


def test_a_party_keeps_its_names_as_given(tmp_path: Path) -> None:
    row = "Q18015490\tORG\tUA\t\tPeople's Front\tНародный фронт\tНародний фронт\tde=Volksfront"
    text = _build(tmp_path, rows=[*ROWS, row])
    block = text.split("[Q18015490]")[1].split("\n\n")[0]
    assert block.startswith(" ORG People's Front\n") and "gender:" not in block
    assert "ru: Народный фронт" in block and "uk: Народний фронт" in block
    assert "de: Volksfront {weak}" in block  # one word: it needs a hint


def test_the_build_is_deterministic(tmp_path: Path) -> None:
    assert _build(tmp_path / "a") == _build(tmp_path / "b", rows=list(reversed(ROWS)))


def test_the_output_passes_the_validator(tmp_path: Path) -> None:
    from namenorm.gazetteer import check

    _build(tmp_path)
    _, problems = check([tmp_path / "out" / legis.OUTPUT])
    assert problems == []


def test_committed_sources_parse_and_their_qids_are_unique() -> None:
    paths = sorted(legis.SOURCES.rglob("*.tsv"))
    assert paths
    for path in paths:
        src = legis.read_source(path)
        qids = [r.qid for r in src.rows]
        assert len(qids) == len(set(qids)), path
        if path.parent.name == "everypolitician" and src.rows[0].type == "PER":
            assert src.header["source"].startswith("everypolitician/everypolitician-data data/")


@pytest.mark.parametrize("module", ["_person_names", "_legis_tsv", "build_legislators"])
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
