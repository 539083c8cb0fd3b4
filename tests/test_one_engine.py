"""One lookup engine: a precision rule holds in normalize, candidates, extract, link and clean at once.

The rule tested: a common surname alone (namenorm.surnames) names no one person, even when the
gazetteer lists just one person who carries it; the person's full name, or the surname after the
full name in the same text, still links. A rare surname alone links in every engine (the control
that shows the test can fail).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.api import Normalizer
from namenorm.csvclean import clean_csv
from namenorm.extract import extract, link
from namenorm.surnames import is_common_surname

GAZ = """\
[t:nowak] PER Jan Nowak
gender: m
en: Jan Nowak
ru: Ян Новак

[t:ivanov] PER Sergei Ivanov
gender: m
en: Sergei Ivanov
ru: Сергей Иванов

[t:stolt] PER Olaf Stoltenberg
gender: m
en: Olaf Stoltenberg
ru: Олаф Столтенберг
"""
# (lone surname, the entity it would name): the first two are common in their script
COMMON = [("Nowak", "t:nowak"), ("Иванов", "t:ivanov")]
RARE = ("Stoltenberg", "t:stolt")
FULL = {"t:nowak": "Jan Nowak", "t:ivanov": "Сергей Иванов", "t:stolt": "Olaf Stoltenberg"}


@pytest.fixture(scope="module")
def norm(tmp_path_factory: pytest.TempPathFactory) -> Normalizer:
    gaz = tmp_path_factory.mktemp("one_engine") / "people.gaz"
    gaz.write_text(GAZ, encoding="utf-8")
    return Normalizer(gazetteers=[gaz], include_bundled=False)


def test_the_fixture_surnames_are_what_the_test_says() -> None:
    assert all(is_common_surname(s) for s, _ in COMMON) and not is_common_surname(RARE[0])


def _linked_alone(n: Normalizer, surname: str) -> dict[str, str | None]:
    """The entity each engine links a lone ``surname`` to (None: not linked)."""
    m = n.normalize(surname)
    cands = n.candidates(surname)
    text = f"Yesterday, {surname} met the press."
    start = text.index(surname)
    mentions = [x for x in extract(text, normalizer=n) if x.start == start]
    linked = link(text, [(start, start + len(surname), "PER")], normalizer=n)[0]
    return {"normalize": m and m.id, "candidates": cands[0].id if cands else None,
            "extract": mentions[0].match.id if mentions and mentions[0].match else None,
            "link": linked and linked.id}


@pytest.mark.parametrize(("surname", "eid"), COMMON)
def test_a_lone_common_surname_links_in_no_engine(norm: Normalizer, surname: str, eid: str) -> None:
    assert _linked_alone(norm, surname) == dict.fromkeys(("normalize", "candidates", "extract", "link"))


def test_a_lone_rare_surname_links_in_every_engine(norm: Normalizer) -> None:
    surname, eid = RARE
    assert _linked_alone(norm, surname) == dict.fromkeys(("normalize", "candidates", "extract", "link"), eid)


@pytest.mark.parametrize(("surname", "eid"), [*COMMON, RARE])
def test_after_the_full_name_the_surname_links_in_text(norm: Normalizer, surname: str, eid: str) -> None:
    full = FULL[eid]
    text = f"{full} arrived on Monday. Later {surname} met the press."
    found = {(x.text, x.match.id) for x in extract(text, normalizer=norm) if x.match}
    assert (full, eid) in found and (surname, eid) in found
    start = text.rindex(surname)
    spans = [(0, len(full), "PER"), (start, start + len(surname), "PER")]
    assert [m and m.id for m in link(text, spans, normalizer=norm)] == [eid, eid]


def test_clean_agrees(norm: Normalizer, tmp_path: Path) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    names = [s for s, _ in COMMON] + [RARE[0], FULL["t:nowak"]]
    src.write_text("name\n" + "\n".join(names) + "\n", encoding="utf-8")
    clean_csv(src, out, columns=["name"], resolver=norm, fields="id")
    rows = [line.split(",") for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert [(name, eid) for name, eid in rows] == [("Nowak", ""), ("Иванов", ""), ("Stoltenberg", "t:stolt"),
                                                   ("Jan Nowak", "t:nowak")]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(COMMON), st.lists(st.booleans(), min_size=8, max_size=8))
def test_any_casing_of_a_lone_common_surname_is_linked_by_no_engine(
        norm: Normalizer, common: tuple[str, str], upper: list[bool]) -> None:
    surname = "".join(c.upper() if up or i == 0 else c.lower()  # capitalised: extraction reads those
                      for i, (c, up) in enumerate(zip(common[0], upper, strict=False)))
    assert common[1] not in _linked_alone(norm, surname).values()
