"""extract(..., unlinked=True): the proper names that no entity was linked to, with base form and key."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namenorm import Normalizer
from namenorm.extract import extract
from namenorm.name_keys import unresolved_key

HERE = Path(__file__).parent
GAZ = [HERE / "data" / "core" / "news.gaz", HERE / "data" / "extract" / "extract.gaz"]
NORM = Normalizer(gazetteers=GAZ, include_bundled=False)


def _golden_texts() -> list[tuple[str | None, str]]:
    rows = []
    for line in (HERE / "golden" / "extract_fixture.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, text, _ = line.split("\t")
            rows.append((None if lang == "-" else lang, text))
    return rows


def _unlinked(text: str, lang: str | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.base, m.key) for m in extract(text, lang=lang, normalizer=NORM, unlinked=True)
            if m.match is None]


@pytest.mark.parametrize(("lang", "text"), _golden_texts())
def test_linked_mentions_are_the_same_with_the_option(lang: str | None, text: str) -> None:
    plain = extract(text, lang=lang, normalizer=NORM)
    both = extract(text, lang=lang, normalizer=NORM, unlinked=True)
    assert [m for m in both if m.match is not None] == plain
    assert all(m.base is None and m.key is None for m in plain)


def test_off_by_default() -> None:
    text = "Вчера на большой конференции в Харькове выступил Ларри Пейдж."
    assert [m.text for m in extract(text, lang="ru", normalizer=NORM)] == ["Харькове"]


def test_unknown_names_get_base_form_and_key() -> None:
    text = ("Вчера на большой конференции в Харькове выступил Ларри Пейдж. Потом журналисты "
            "долго расспрашивали Ларри Пейджа о планах.")
    got = _unlinked(text, "ru")
    assert got == [("Ларри Пейдж", "Ларри Пейдж", "~pds"), ("Ларри Пейджа", "Ларри Пейдж", "~pds")]
    assert got[0][2] == unresolved_key("Larry Page")  # the same key in Latin script


def test_a_known_name_linked_inside_is_cut_out_and_openers_are_dropped() -> None:
    text = "Today the reporters of the Kyiv Post talked with Larry Page about his work."
    assert [t for t, _, _ in _unlinked(text, "en")] == ["Kyiv Post", "Larry Page"]
    text = "Сегодня президент Иван Петренко выступил в Харькове с докладом."
    assert [t for t, _, _ in _unlinked(text, "ru")] == ["Иван Петренко"]


def test_lowercase_words_inside_names() -> None:
    text = "Yesterday the chief of the Bank of Azeroth met the press in Kyiv."
    assert [t for t, _, _ in _unlinked(text, "en")] == ["Bank of Azeroth"]


def test_headlines_give_no_unlinked_names() -> None:
    assert _unlinked("Larry Page Visits Kyiv Amid Heavy Rain") == []


def test_bad_option_type() -> None:
    with pytest.raises(TypeError, match="unlinked must be True or False"):
        extract("Kyiv", normalizer=NORM, unlinked="yes")  # type: ignore[arg-type]


WORDS = ["Kyiv", "Ларри", "Пейджа", "Larry Page", "Bank of", "the", "Харкові", "в", "S.", "Lavrov", "ВВС",
         "Эр-Рияде", "Today", "Сегодня", "of", "and", "«Укрзалізниця»", "X", "-", "Президент"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from([" ", ". ", ", ", " - ", "\n"]),
                          st.text(max_size=4)), max_size=25).map("".join))
def test_offsets_slice_the_input_with_the_option(text: str) -> None:
    last = -1
    for m in extract(text, normalizer=NORM, unlinked=True):
        assert text[m.start:m.end] == m.text and m.start < m.end
        assert m.start >= last, "mentions overlap or are out of order"
        last = m.end
        assert (m.match is None) == (m.key is not None)
        assert (m.match is None) == (m.base is not None)


def test_cli_flag() -> None:
    gaz = [a for p in GAZ for a in ("--gazetteer", str(p))]
    text = "Вчера на большой конференции в Харькове выступил Ларри Пейдж.\n"
    cmd = [sys.executable, "-m", "namenorm.cli", "extract", "-", "--no-bundled", *gaz, "--lang", "ru"]
    run = lambda *a: subprocess.run([*cmd, *a], input=text, capture_output=True, text=True,  # noqa: E731
                                    encoding="utf-8", check=False)
    r = run("--unlinked")
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    assert rows == [["31", "39", "Харькове", "test:kharkiv", "Kharkiv", "LOC", "0.99", "inflection", "",
                     "test:kharkiv"],
                    ["49", "60", "Ларри Пейдж", "", "", "", "", "", "Ларри Пейдж", "~pds"]]
    recs = [json.loads(line) for line in run("--unlinked", "--jsonl").stdout.splitlines()]
    assert recs[1] == {"start": 49, "end": 60, "text": "Ларри Пейдж", "id": None, "name": None, "type": None,
                       "score": None, "method": None, "base": "Ларри Пейдж", "key": "~pds"}
    typed = run("--unlinked", "--jsonl", "--types", "LOC").stdout.splitlines()
    assert [json.loads(line)["text"] for line in typed] == ["Харькове"]
    assert len(run().stdout.splitlines()[0].split("\t")) == 8  # unchanged without the flag
