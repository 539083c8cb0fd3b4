"""Former names: the ``{former,until=DATE}`` alias flag, ``Match.former``/``Match.until`` and the
``as_of`` hint (issue #18, item 3)."""

from __future__ import annotations

import datetime
import subprocess
import sys
from array import array
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namenorm import Normalizer
from namenorm.gazetteer.parse import parse_text
from namenorm.index import FORMER, Index
from namenorm.options import LookupOptions, as_of_date

# Two towns of the fixture share a name: Newtown was called Oldtown until 2000, and Oldtown (a smaller
# place) still is. A third was renamed in two steps.
GAZ = """\
@ambiguous: allowed

[t:newtown] LOC Newtown
prior: 5000000
en: Newtown | Oldtown {former,until=2000-06} | Firsttown {former}

[t:oldtown] LOC Oldtown
prior: 2000
en: Oldtown

[t:third] LOC Thirdville
prior: 10000
en: Thirdville | Secondville {former,until=1991} | Firstville {former,until=1924}
"""


@pytest.fixture(scope="module")
def norm(tmp_path_factory: pytest.TempPathFactory) -> Normalizer:
    path = tmp_path_factory.mktemp("former") / "towns.gaz"
    path.write_text(GAZ, encoding="utf-8")
    return Normalizer([path], include_bundled=False)


def test_until_is_parsed_with_the_former_kind() -> None:
    ents, _, errs = parse_text(GAZ, "towns.gaz")
    assert errs == []
    by_text = {(e.id, a.text): (a.kind, a.until) for e in ents for a in e.aliases}
    assert by_text["t:newtown", "Oldtown"] == ("former", "2000-06")
    assert by_text["t:oldtown", "Oldtown"] == ("canonical", None)  # the small town's current name
    assert by_text["t:third", "Secondville"] == ("former", "1991")
    assert by_text["t:newtown", "Firsttown"] == ("former", None)  # a former name without a date


@pytest.mark.parametrize(("line", "problem"), [
    ("en: X | Y {former,until=16.05.2016}", "bad date in 'until=16.05.2016'"),
    ("en: X | Y {former,until=2016-13}", "bad date"),
    ("en: X | Y {until=2016}", "is not a former name"),
    ("en: X | Y {official,until=2016}", "is not a former name"),
])
def test_bad_until_is_a_clear_error(line: str, problem: str) -> None:
    _, _, errs = parse_text(f"[t:x] LOC X\n{line}\n", "bad.gaz")
    assert len(errs) == 1 and problem in errs[0] and "bad.gaz:2" in errs[0], errs


def test_match_says_former_and_until(norm: Normalizer) -> None:
    m = norm.normalize("Secondville")
    assert m is not None and (m.id, m.former, m.until) == ("t:third", True, "1991")
    assert "a former name, in use until 1991" in m.explain()
    current = norm.normalize("Thirdville")
    assert current is not None and (current.former, current.until) == (False, None)
    undated = norm.normalize("Firsttown")
    assert undated is not None and (undated.id, undated.former, undated.until) == ("t:newtown", True, None)


def test_as_of_prefers_the_name_in_use_then(norm: Normalizer) -> None:
    # without a date the shared name is ambiguous, as any shared name is
    undated = norm.candidates("Oldtown")
    assert {c.id for c in undated} == {"t:newtown", "t:oldtown"} and all(c.ambiguous for c in undated)
    # in 1990 both places were called Oldtown: the same answer; the month of the change counts
    # as in use too (dates compare at the coarser precision)
    for early in ("1990", "2000", "2000-06-30"):
        assert norm.candidates("Oldtown", as_of=early) == undated, early
    # from July 2000 on, Oldtown is only the small town's name: no longer ambiguous
    for later in ("2000-07", "2001", datetime.date(2020, 1, 1)):
        m = norm.normalize("Oldtown", as_of=later)
        assert m is not None, later
        assert (m.id, m.former, m.ambiguous, m.score) == ("t:oldtown", False, False, 1.0), later
        assert [c.id for c in norm.candidates("Oldtown", as_of=later)] == ["t:oldtown", "t:newtown"]


def test_a_former_name_alone_still_resolves_after_its_date(norm: Normalizer) -> None:
    m = norm.normalize("Firstville", as_of="2024")
    assert m is not None and m.id == "t:third" and m.former and m.until == "1924"


def test_normalize_many_keeps_as_of_apart(norm: Normalizer) -> None:
    early = norm.normalize_many(["Oldtown"], as_of="1990")
    late = norm.normalize_many(["Oldtown"], as_of="2010")
    assert early == [norm.normalize("Oldtown")] and [m.id for m in late if m] == ["t:oldtown"]


@pytest.mark.parametrize("bad", ["yesterday", "2016-5-1", "20160519", " ", "2016-00"])
def test_as_of_bad_value_is_a_value_error(norm: Normalizer, bad: str) -> None:
    with pytest.raises(ValueError, match="as_of must be a date written YYYY"):
        norm.normalize("Oldtown", as_of=bad)


def test_as_of_wrong_kind_is_a_type_error(norm: Normalizer) -> None:
    with pytest.raises(TypeError, match="as_of must be a date"):
        norm.normalize("Oldtown", as_of=2016)  # type: ignore[arg-type]


def test_cli_as_of(tmp_path: Path) -> None:
    gaz = tmp_path / "towns.gaz"
    gaz.write_text(GAZ, encoding="utf-8")
    run = [sys.executable, "-m", "namenorm.cli", "normalize", "--no-bundled", "--gazetteer", str(gaz),
           "Oldtown"]
    late = subprocess.run([*run, "--as-of", "2010"], capture_output=True, text=True, check=True)
    assert "t:oldtown" in late.stdout and "t:newtown" not in late.stdout and "false" in late.stdout
    bad = subprocess.run([*run, "--as-of", "May 2016"], capture_output=True, text=True)
    assert bad.returncode == 2 and "--as-of" in bad.stderr and "YYYY" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_bundled_former_names() -> None:
    m = Normalizer().normalize("Днепропетровска")  # an inflected form of a dated former name
    assert m is not None and (m.id, m.former, m.until) == ("Q48256", True, "2016")


_dates = st.builds(lambda d, n: d.isoformat()[:n], st.dates(), st.sampled_from([4, 7, 10]))


@given(until=_dates, a=_dates, b=_dates)
def test_in_use_is_monotone_in_time(until: str, a: str, b: str) -> None:
    ix = Index(alias_flags=bytearray([FORMER]), former_aids=array("i", [0]), former_until=[until])
    early, late = sorted((a, b))
    if ix.in_use(0, late):  # a name in use at a date was in use at every earlier one
        assert ix.in_use(0, early)


@given(st.dates())
def test_as_of_date_round_trips(d: datetime.date) -> None:
    assert as_of_date(d) == d.isoformat() == as_of_date(datetime.datetime.combine(d, datetime.time(23, 59)))
    assert LookupOptions.parse(as_of=d.isoformat()).as_of == d.isoformat()
    assert as_of_date(d.isoformat()[:4]) == d.isoformat()[:4]


def test_clean_writes_former_and_takes_as_of(tmp_path: Path) -> None:
    from namenorm.csvclean.cli import main

    gaz = tmp_path / "towns.gaz"
    gaz.write_text(GAZ, encoding="utf-8")
    src = tmp_path / "in.csv"
    rows = ["Secondville,1", "Firsttown,2", "Thirdville,3", "Oldtown,4", "Nowhere,5"]
    src.write_text("place,n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    opts = ["--gazetteer", str(gaz), "--no-bundled", "-q", "--fields", "id,former"]
    out = tmp_path / "out.csv"
    assert main(["clean", str(src), "-c", "place", "-o", str(out), "--as-of", "2010", *opts]) == 0
    assert out.read_text(encoding="utf-8").splitlines() == [
        "place,place_id,place_former,n",
        "Secondville,t:third,1991,1",  # a dated former name: its date
        "Firsttown,t:newtown,yes,2",  # an undated one
        "Thirdville,t:third,,3",  # a current name: empty
        "Oldtown,t:oldtown,,4",  # in 2010, the small town's current name
        "Nowhere,,,5",
    ]


def test_extract_mentions_say_former(norm: Normalizer) -> None:
    from namenorm import extract

    text = "Trains ran from Secondville to Thirdville."
    found = {m.text: m.match for m in extract(text, normalizer=norm)}
    assert found["Secondville"] is not None and found["Secondville"].former
    assert found["Secondville"].until == "1991" and "a former name" in found["Secondville"].explain()
    assert found["Thirdville"] is not None and not found["Thirdville"].former
