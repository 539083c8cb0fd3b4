"""Checks of the hand-transcribed legislator tables in ``gazetteers/sources/everypolitician/``.

Each ``<Country>_<House>.tsv`` copies names and Wikidata QIDs from one everypolitician-data
``sources/morph/wikidata.csv`` file. A typo in a QID is a wrong fact, so every file is checked for the
shape the builder expects: three comment lines (source with a commit, licence, role), the column
header, then rows of exactly eight cells with a well-formed QID (never twice in a file), type PER, an
ISO alpha-2 country, gender m/f/empty, a ru or uk name in Cyrillic, an en name in Latin letters, and
``other`` as ``lang=name`` pairs for de, fr, pl and be only.

The checks live in :func:`row_problems` and :func:`file_problems`, which return the problems they find;
the tests below also feed them broken rows, so a check that could never fail would show.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

FOLDER = Path(__file__).resolve().parents[1] / "gazetteers" / "sources" / "everypolitician"
# the legislator tables transcribed from everypolitician's Wikidata extracts (the party tables there
# are converted by sources/convert_everypolitician.py and checked by tests/test_source_tsvs.py)
FILES = sorted(p for p in FOLDER.glob("*.tsv") if "\tPER\t" in p.read_text(encoding="utf-8"))

HEADER = ["qid", "type", "country", "gender", "en", "ru", "uk", "other"]
QID = re.compile(r"Q[1-9][0-9]*")
COUNTRY = re.compile(r"[A-Z]{2}")
# Cyrillic letters (with the Belarusian ў, Ukrainian ґ/є/і/ї and Bashkir/Tatar extras), spaces,
# apostrophes, hyphens, dots, commas ("Фамилия, Имя") and brackets.
CYRILLIC = re.compile(r"[\u0400-\u052F][\u0400-\u052F\s'’ʼ.,()\-]*")
# Latin letters: ASCII, Latin-1 to Latin Extended-B, the Azerbaijani schwa ə (U+0259, an IPA-block
# letter that Azerbaijani spells names with: "Məmmədov") and Latin Extended Additional.
LATIN = re.compile(
    r"[A-Za-z\u00C0-\u024F\u0259\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u0259\u1E00-\u1EFF\s'’ʼ.,()\-]*"
)
OTHER_LANGS = {"de": LATIN, "fr": LATIN, "pl": LATIN, "be": CYRILLIC}
COMMENTS = ("# source: everypolitician/everypolitician-data data/", "# licence: ", "# role: ")


def row_problems(cells: list[str]) -> list[str]:
    """Return what is wrong with one data row (an empty list when nothing is).

    >>> row_problems(["Q131674", "PER", "RU", "m", "Anatoly Karpov", "Карпов, Анатолий Евгеньевич",
    ...               "Карпов Анатолій Євгенович", "de=Anatoli Jewgenjewitsch Karpow|pl=Anatolij Karpow"])
    []
    >>> row_problems(["Q0131674", "PER", "RU", "x", "", "", "", ""])
    ["qid 'Q0131674'", "gender 'x'", 'no ru and no uk name']
    """
    if len(cells) != len(HEADER):
        return [f"{len(cells)} cells, want {len(HEADER)}"]
    qid, kind, country, gender, en, ru, uk, other = cells
    problems = []
    if not QID.fullmatch(qid):
        problems.append(f"qid {qid!r}")
    if kind != "PER":
        problems.append(f"type {kind!r}")
    if not COUNTRY.fullmatch(country):
        problems.append(f"country {country!r}")
    if gender not in ("m", "f", ""):
        problems.append(f"gender {gender!r}")
    if not ru and not uk:
        problems.append("no ru and no uk name")
    for lang, value, pattern in (("en", en, LATIN), ("ru", ru, CYRILLIC), ("uk", uk, CYRILLIC)):
        if value and not pattern.fullmatch(value):
            problems.append(f"{lang} {value!r} is not in its script")
    if other:
        seen = set()
        for pair in other.split("|"):
            lang, sep, value = pair.partition("=")
            if not sep or lang not in OTHER_LANGS or not value or lang in seen:
                problems.append(f"other pair {pair!r}")
            elif not OTHER_LANGS[lang].fullmatch(value):
                problems.append(f"{lang} {value!r} is not in its script")
            seen.add(lang)
    for value in cells:
        if value != value.strip():
            problems.append(f"cell {value!r} has outer spaces")
    return problems


def file_problems(text: str) -> list[str]:
    """Return what is wrong with one TSV file's text, each problem prefixed by its line number.

    >>> file_problems("# source: everypolitician/everypolitician-data data/X/Y/sources/morph/wikidata.csv @ "
    ...               + "a" * 40 + "\\n# licence: CC0\\n# role: Deputy\\n" + "\\t".join(HEADER) + "\\n"
    ...               + "Q1\\tPER\\tRU\\tm\\t\\tИван\\t\\t\\nQ1\\tPER\\tRU\\tm\\t\\tИван\\t\\t\\n")
    ['line 6: Q1 is also on line 5']
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    problems = []
    # the comment lines first (the README's format: # source, # licence, # role, then any other
    # "# key: value" notes such as "# wrong:" errata), then the column header
    head = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    for number, prefix in enumerate(COMMENTS, 1):
        if head < number or not lines[number - 1].startswith(prefix):
            problems.append(f"line {number}: want a line starting {prefix!r}")
    if lines and not re.search(r" @ [0-9a-f]{40}$", lines[0]):
        problems.append("line 1: the source names no 40-hex commit")
    if head >= len(lines) or lines[head].split("\t") != HEADER:
        problems.append(f"line {head + 1}: want the header {HEADER}")
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines[head + 1:], head + 2):
        cells = line.split("\t")
        problems.extend(f"line {number}: {problem}" for problem in row_problems(cells))
        qid = cells[0]
        if qid in first_line:
            problems.append(f"line {number}: {qid} is also on line {first_line[qid]}")
        first_line.setdefault(qid, number)
    if len(lines) <= head + 1:
        problems.append("no data rows")
    return problems


def test_the_folder_has_tables() -> None:
    assert FILES, f"no .tsv files in {FOLDER}"


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_table_is_well_formed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "\r" not in text, "use LF line ends"
    assert file_problems(text) == []


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_file_name_is_country_and_house(path: Path) -> None:
    # the country may itself hold underscores, as the source's folders do ("South_Africa")
    countries = [path.stem[:i] for i, ch in enumerate(path.stem) if ch == "_" and i > 0]
    assert countries, "name the file <Country>_<House>.tsv"
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert any(f" data/{c}/" in first for c in countries), "the file name's country must be its folder's"


def test_one_person_is_in_one_country() -> None:
    """A QID listed in two files must give the same country (one person, one citizenship here)."""
    countries: dict[str, set[str]] = {}
    for path in FILES:
        for line in path.read_text(encoding="utf-8").split("\n")[4:]:
            cells = line.split("\t")
            if len(cells) == len(HEADER):
                countries.setdefault(cells[0], set()).add(cells[2])
    assert {qid: sorted(c) for qid, c in countries.items() if len(c) > 1} == {}


GOOD = ["Q42", "PER", "RU", "f", "Anna Example", "Анна Пример", "Ганна Приклад", "de=Anna Beispiel"]


@given(st.text(max_size=12).filter(lambda s: not QID.fullmatch(s)))
def test_a_malformed_qid_is_reported(qid: str) -> None:
    assert any(problem.startswith("qid ") for problem in row_problems([qid, *GOOD[1:]]))


@given(st.integers(min_value=1, max_value=10**9))
def test_a_wellformed_row_passes(number: int) -> None:
    assert row_problems([f"Q{number}", *GOOD[1:]]) == []


@given(st.integers(min_value=0, max_value=12).filter(lambda n: n != len(HEADER)))
def test_a_row_of_the_wrong_width_is_reported(width: int) -> None:
    assert row_problems((GOOD * 2)[:width]) != []


@pytest.mark.parametrize(
    ("column", "value"),
    [
        (4, "Иван Петров"),  # Cyrillic in the en column
        (5, "Ivan Petrov"),  # Latin in the ru column
        (6, "OӀga"),  # mixed scripts in the uk column
        (7, "es=Ana Ejemplo"),  # a language that does not belong in other
        (7, "de="),  # an empty name
        (7, "de=Anna|de=Anne"),  # one language twice
        (7, "be=Anna"),  # Latin for Belarusian
        (1, "ORG"),
        (2, "Russia"),
        (4, " Anna"),
    ],
)
def test_a_bad_cell_is_reported(column: int, value: str) -> None:
    cells = list(GOOD)
    cells[column] = value
    assert row_problems(cells) != []
