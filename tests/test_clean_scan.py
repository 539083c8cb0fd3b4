"""Records scanned from the text (csvclean.scan) are exactly what the csv module reads and writes, and
cleaning with the scanner writes the same bytes, counts and errors as cleaning through the csv module."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from namenorm.csvclean import CleanError, Query, clean_csv
from namenorm.csvclean.reader import ChunkReader, _Pushback
from namenorm.csvclean.scan import RecordScanner, line_breaks, record_values
from namenorm.csvclean.writer import Writer
from test_clean_pipeline import ScoreResolver, _stats

piece = st.sampled_from(["a", "Kyiv", "", " ", '"', '""', ",", ";", "\t", "\n", "\r", "\r\n", "x y", "Київ",
                         "\x00"])
field = st.lists(piece, max_size=3).map("".join)
DELIMS = st.sampled_from([",", ";", "\t", "|"])
TERMS = st.sampled_from(["\n", "\r\n", "\r"])


def _quoted(f: str, how: str, d: str) -> str:
    if how == "all" or (how == "minimal" and any(c in f for c in (d, '"', "\r", "\n"))):
        return '"' + f.replace('"', '""') + '"'
    return f  # "raw": as it is, whatever the csv module makes of it


@st.composite
def csv_texts(draw: st.DrawFn) -> tuple[str, str, str, int, list[int]]:
    """Text of records of mostly ``width`` fields, mostly quoted minimally, with odd records among them,
    and the columns to clean (in any order)."""
    d, term = draw(DELIMS), draw(TERMS)
    width = draw(st.integers(1, 4))
    cols = draw(st.lists(st.integers(0, width - 1), min_size=1, max_size=width, unique=True))
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        n = draw(st.sampled_from([width] * 6 + [width - 1, width + 1]))
        how = draw(st.sampled_from(["minimal"] * 5 + ["all", "raw"]))
        end = draw(st.sampled_from([term] * 8 + ["\n", "\r\n", ""]))
        lines.append(d.join(_quoted(f, how, d) for f in draw(st.lists(field, min_size=n, max_size=n))) + end)
    return "".join(lines), d, term, width, cols


@settings(max_examples=1500, deadline=None)
@given(csv_texts())
def test_scanned_records_are_what_the_csv_module_reads_and_writes(case: tuple[str, str, str, int, list[int]],
                                                                  ) -> None:
    text, d, term, width, cols = case
    cols = sorted(cols)
    scanner = RecordScanner(d, term, width=width, columns=cols)
    per = scanner.per
    pieces, used = scanner.scan(text)
    taken = text[:used]
    slots = [p for i in range(len(cols)) for p in pieces[3 + 3 * i :: per]]
    assert "".join(pieces) == taken and len(pieces) % per == 0 and not any(pieces[0::per] + slots)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=d, strict=False)
    rows = [next(reader) for _ in range(len(pieces) // per)]  # read from the whole text: what follows counts
    assert all(len(r) == width for r in rows)
    assert reader.line_num == line_breaks(text, used)
    rest = csv.reader(io.StringIO(text[used:], newline=""), delimiter=d, strict=False)
    assert list(reader) == list(rest)  # the text left starts where the csv module starts a record
    for i, c in enumerate(cols):
        assert record_values(pieces, per, i) == [r[c] for r in rows]
    assert all(p.endswith(term) for p in pieces[per - 1 :: per])
    out = io.StringIO()
    Writer(out, d, term).rows(rows, multiline=True)
    assert out.getvalue() == taken  # written back byte for byte, as the cleaner writes rows


def test_scanner_stops_at_what_it_does_not_take() -> None:
    s = RecordScanner(",", "\n", width=2, columns=[1])
    for odd in ('1,"Kyiv"\n', "1,Ky\"iv\n", "1,2,3\n", "1\n", "1,Kyiv\r\n", '1,"a,b"c\n', "1,Kyiv"):
        pieces, used = s.scan("0,Lviv\n" + odd + "2,Odesa\n")
        assert (len(pieces), used) == (5, 7), odd


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "bc", "\n", "\r", "\r\n", ","]), max_size=20).map("".join),
       st.integers(0, 30), st.integers(0, 30))
def test_pushback_reads_lines_as_a_file_does(text: str, n: int, back: int) -> None:
    """Text read in a block, partly put back, then read line by line: the lines a file would give."""
    src = _Pushback(io.StringIO(text, newline=""))
    block = src.read(n)
    back = min(back, len(block))
    src.put_back(block[len(block) - back :])
    rest = text[len(block) - back :]
    assert list(src) == io.StringIO(rest, newline="").readlines()


def test_pushback_raises_a_decoding_error_after_the_text_before_it() -> None:
    raw = io.BytesIO(b"a,b\n" * 5000 + b"\xff\n")
    src = _Pushback(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
    text = src.read(1 << 20)
    assert text and text == "a,b\n" * (len(text) // 4) and src.error is not None
    with pytest.raises(UnicodeDecodeError):
        next(src)


def test_reader_switches_between_scanning_and_the_csv_module() -> None:
    text = "n,city\n1,Kyiv\n2,Lviv\n3,a,b\n4,Odesa\n5,Kyiv"
    r = ChunkReader(io.StringIO(text, newline=""), ",")
    first = r.read(2)
    assert first.rows == [["n", "city"], ["1", "Kyiv"]]
    r.scan_with(RecordScanner(",", "\n", width=2, columns=[1]))
    got = []
    while len(chunk := r.read(2)):
        got.append((chunk.first_line, chunk.records.values[0] if chunk.records else chunk.rows))
    # scanned up to the ragged row; the csv module reads two rows; scanned again; the csv module reads
    # the last line, which has no line ending
    assert got == [(3, ["Lviv"]), (4, [["3", "a", "b"], ["4", "Odesa"]]), (6, [["5", "Kyiv"]])]


def _clean(tmp: Path, text: str, d: str, cols: list[str], scan: bool, chunk: int, bad: str,
           monkeypatch: pytest.MonkeyPatch, header: bool = True) -> tuple[object, ...]:
    src, out, rep = tmp / "in.csv", tmp / "out.csv", tmp / "rep.csv"
    src.write_bytes(text.encode("utf-8"))
    with monkeypatch.context() as m:
        if not scan:
            m.setattr(ChunkReader, "scan_with", lambda self, scanner: None)
        try:
            r = clean_csv(src, out, columns=cols, resolver=ScoreResolver(), fields="id,name,score",
                          delimiter=d, chunk_size=chunk, on_bad_lines=bad, report=rep,
                          query=Query(min_score=0.6), header=header)
        except CleanError as e:
            return ("error", str(e), e.line)
    return out.read_bytes(), _stats(r.stats), rep.read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(csv_texts(), st.sampled_from([1, 2, 5, 10_000]), st.sampled_from(["error", "skip", "keep"]),
       st.booleans())
def test_scanning_cleans_as_the_csv_module_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                case: tuple[str, str, str, int, list[int]], chunk: int,
                                                bad: str, header: bool) -> None:
    text, d, term, width, cols = case
    if header:
        text = d.join(f"h{i}" for i in range(width)) + term + text
    else:  # the first record sets the width
        assume(text)
    try:
        list(csv.reader(io.StringIO(text, newline=""), delimiter=d))
    except csv.Error:
        assume(False)
    args = (text, d, [f"h{c}" if header else str(c + 1) for c in cols])
    with_scan = _clean(tmp_path, *args, True, chunk, bad, monkeypatch, header)
    without = _clean(tmp_path, *args, False, chunk, bad, monkeypatch, header)
    assert with_scan == without


def test_scanning_cleans_a_large_file_as_the_csv_module_does(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Many blocks, a multi-line field across block ends, quoted values, an odd row now and then."""
    lines = []
    for i in range(20_000):
        city = ["Kiev", "Lviv, UA", 'the "Odesa"', "a\nb", "Київ"][i % 5]
        other = "note" if i % 97 else '"needless quotes"'
        lines.append(f"{i},{csv_field(city)},{other}\n" if i % 1009 else f"{i},{csv_field(city)}\n")
    text = "n,city,other\n" + "".join(lines)
    for chunk, cols in ((50, ["city"]), (3_000, ["city"]), (700, ["other", "city"])):
        assert _clean(tmp_path, text, ",", cols, True, chunk, "keep", monkeypatch) == \
            _clean(tmp_path, text, ",", cols, False, chunk, "keep", monkeypatch)


@pytest.mark.parametrize("scan", [False, True])
def test_a_bad_row_after_scanned_multibyte_text_is_reported_at_its_line(
        tmp_path: Path, scan: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "id,city\n" + "".join(f"{i},Київ Житомир Чернігів\n" for i in range(6)) + "6,a,b\n7,c\n8,d\n"
    assert _clean(tmp_path, text, ",", ["city"], scan, 3, "error", monkeypatch)[::2] == ("error", 8)


@pytest.mark.parametrize("header", [True, False])
def test_a_byte_order_mark_is_written_once_whatever_the_scanner_reads(tmp_path: Path, header: bool) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    cities = ["Kyiv", "Київ", '"x, y"']
    rows = "".join(f"{i},{cities[i % 3]}\n" for i in range(40))
    src.write_bytes((("id,city\n" if header else "") + rows).encode("utf-8-sig"))
    clean_csv(src, out, columns=["city" if header else "2"], resolver=ScoreResolver(), fields="id",
              chunk_size=4, header=header)
    written = out.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf") and written.count(b"\xef\xbb\xbf") == 1
    assert len(written.decode("utf-8-sig").splitlines()) == 40 + header


def csv_field(value: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([value])
    return out.getvalue()
