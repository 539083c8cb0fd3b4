"""``clean`` keeps every record's untouched bytes, quotes and line ending, in every record of the file,
whatever the chunk size and ``--jobs``: property tests over files of 10,000+ records whose quoting
and line endings change well past the first 1,000 records."""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namenorm.csvclean import clean_csv
from namenorm.csvclean.layout import quote_minimal
from namenorm.match import Match

FIELDS = "id,name"


class EvenResolver:
    """A fake: values of even length match an entity whose name needs quoting."""

    def normalize_many(self, values: Iterable[str], **hints: object) -> list[Match | None]:
        return [Match(f"e:{len(v)}", f'{v}, "x"', "LOC", 1.0, "exact", v) if len(v) % 2 == 0 else None
                for v in values]


def new_fields(value: str, delim: str) -> list[str]:
    if not value.strip() or len(value) % 2:
        return ["", ""]
    return [quote_minimal(f"e:{len(value)}", delim), quote_minimal(f'{value}, "x"', delim)]


VALUES = ["Kiev", "Lviv", "a b", "", " ", 'say "hi"', "x,y", "x;y", "two\nlines", "cr\r\nlf", "Київ", "ab"]


@st.composite
def field_text(draw: st.DrawFn) -> tuple[str, str]:
    """A value and its raw text: minimally quoted, or quoted without need."""
    value = draw(st.sampled_from(VALUES) | st.text("ab ,\"\n", max_size=5))
    return value, draw(st.sampled_from(["min", "quoted"]))


@st.composite
def files(draw: st.DrawFn) -> tuple[str, str, list[tuple[list[str], list[str], str]], int]:
    """A delimiter, the file's first line ending, the records as (values, raw fields, ending), the
    cleaned column. The records are drawn from templates, chosen at random for 10,000+ records."""
    delim = draw(st.sampled_from([",", ";"]))
    width = draw(st.integers(1, 4))
    col = draw(st.integers(0, width - 1))
    first_end = draw(st.sampled_from(["\n", "\r\n"]))
    templates = []
    for _ in range(draw(st.integers(2, 12))):
        values, raws = [], []
        for _ in range(width):
            value, style = draw(field_text())
            values.append(value)
            raws.append('"' + value.replace('"', '""') + '"' if style == "quoted"
                        else quote_minimal(value, delim))
        if width == 1 and raws == [""]:
            raws = ['""']  # a lone empty field is written quoted, else the line is blank
        templates.append((values, raws))
    rng = random.Random(draw(st.integers(0, 2**32)))  # the structure is drawn; the 10,000 choices seeded
    records = [([f"h{i}" for i in range(width)], [f"h{i}" for i in range(width)], first_end)]
    for i in range(draw(st.integers(10_000, 12_000))):
        values, raws = templates[0] if i < 1_000 else rng.choice(templates)  # plain for the first 1,000
        end = first_end if i < 1_000 else rng.choice(["\n", "\r\n", "\r", first_end])
        records.append((values, raws, end))
    if rng.random() < 0.5:  # the last line without its line ending
        values, raws, _ = records[-1]
        records[-1] = (values, raws, "")
    return delim, first_end, records, col


def expected(records: list[tuple[list[str], list[str], str]], col: int, delim: str) -> str:
    out = []
    for n, (values, raws, end) in enumerate(records):
        added = [f"h{col}_id", f"h{col}_name"] if n == 0 else new_fields(values[col], delim)
        out.append(delim.join(raws[: col + 1] + added + raws[col + 1 :]) + end)
    return "".join(out)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(files(), st.sampled_from([3, 97, 1_000, 50_000]), st.sampled_from([1, 1, 2]))
def test_every_record_keeps_its_bytes(tmp_path: Path, file: tuple[str, str, list[tuple[list[str], list[str],
                                                                                        str]], int],
                                      chunk: int, jobs: int) -> None:
    delim, _, records, col = file
    text = "".join(delim.join(raws) + end for _, raws, end in records)
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_bytes(text.encode("utf-8"))
    clean_csv(src, out, columns=[f"h{col}"], resolver=EvenResolver(), fields=FIELDS, delimiter=delim,
              chunk_size=chunk, jobs=jobs)
    got = out.read_bytes().decode("utf-8")
    want = expected(records, col, delim)
    if got != want:
        at = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
                  min(len(got), len(want)))
        raise AssertionError(f"first difference at character {at}: got {got[at - 40:at + 40]!r}, "
                             f"want {want[at - 40:at + 40]!r}")


def test_unneeded_quotes_and_mixed_endings_after_record_1000_are_kept(tmp_path: Path) -> None:
    """The probe's finding: ``"Lviv","b"`` after 1,000 plain records came out as ``Lviv,b``."""
    text = "city,n\n" + "Kyiv,1\n" * 1_500 + '"Lviv","b"\r\n' + "Odesa,2\r" + "Kyiv,3\n"
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_bytes(text.encode())
    clean_csv(src, out, columns=["city"], resolver=EvenResolver(), fields=FIELDS, chunk_size=400)
    got = out.read_bytes().decode()
    assert got.endswith('"Lviv",e:4,"Lviv, ""x""","b"\r\nOdesa,,,2\rKyiv,e:4,"Kyiv, ""x""",3\n')
