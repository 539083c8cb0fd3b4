"""Invariants of the command line's helpers, by property: ``normalize -`` prints one row per input
line, text is never taken for binary, hint values parse the same whatever their case."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.cli import main
from namenorm.cli_args import country_code, lang_code, type_list
from namenorm.cli_input import binary_kind
from namenorm.gazetteer.model import TYPES

GAZ = str(Path(__file__).parent / "data" / "core" / "news.gaz")
# a line of stdin: anything but the line break itself, and no byte order mark (an encoding mark)
LINE = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\n\r\ufeff"), max_size=30)


def run_stdin(lines: list[str], *options: str) -> str:
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    out = io.StringIO()
    with mock.patch.object(sys, "stdin", stdin), contextlib.redirect_stdout(out):
        assert main(["normalize", "-", "--gazetteer", GAZ, "--no-bundled", *options]) == 0
    return out.getvalue()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(LINE, st.sampled_from(["Kiev", "", "Одессе", " ", "Paris"])), max_size=8))
def test_normalize_stdin_one_row_per_line(lines: list[str]) -> None:
    rows = run_stdin(lines, "--no-header").split("\n")[:-1]
    assert len(rows) == len(lines)
    assert [r.split("\t")[0] for r in rows] == [x.replace("\t", " ") for x in lines]
    assert all(r.count("\t") == 6 for r in rows)
    recs = [json.loads(r) for r in run_stdin(lines, "--jsonl").split("\n")[:-1]]
    assert [rec["input"] for rec in recs] == lines


TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r"), max_size=200)


@given(TEXT)
def test_text_is_never_binary(text: str) -> None:
    assert binary_kind(text.encode("utf-8")) is None
    assert binary_kind(text.encode("utf-16")) is None  # with its byte order mark
    with contextlib.suppress(UnicodeEncodeError):
        assert binary_kind(text.encode("cp1251")) is None


@given(st.binary(max_size=200), st.binary(max_size=200))
def test_nul_bytes_are_binary(before: bytes, after: bytes) -> None:
    data = b"x" + before + b"\x00" + after  # "x": no byte order mark can start it
    assert binary_kind(data) is not None


LETTERS = st.characters(min_codepoint=65, max_codepoint=122).filter(str.isalpha)


@given(st.text(LETTERS, min_size=2, max_size=2))
def test_country_code_ignores_case(code: str) -> None:
    assert country_code(code) == country_code(code.lower()) == code.upper()
    assert country_code(f" {code} ") == code.upper()


@given(st.text(max_size=6))
def test_hint_parsers_raise_only_argument_errors(value: str) -> None:
    for parse in (country_code, lang_code, type_list):
        try:
            parsed = parse(value)
        except argparse.ArgumentTypeError:
            continue
        assert parse(parsed if isinstance(parsed, str) else ",".join(parsed)) == parsed


@given(st.lists(st.sampled_from(sorted(TYPES)), min_size=1, unique=True), st.booleans())
def test_type_list_round_trip(types: list[str], lower: bool) -> None:
    text = " , ".join(t.lower() if lower else t for t in types)
    assert type_list(text) == frozenset(types)


def test_type_list_refuses_empty() -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="no type given"):
        type_list(" , ")
