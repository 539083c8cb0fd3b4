"""``namenorm clean`` end to end: encodings, delimiters, bad input (message + exit code 2), atomic
output, the report, ``--jobs``, stdin."""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from namenorm.api import Normalizer
from namenorm.csvclean import CleanError, clean_csv
from namenorm.csvclean.cli import main
from namenorm.csvclean.fields import Query

DATA = Path(__file__).parent / "data" / "clean"
GAZ = str(DATA / "places.gaz")
OPTS = ["--gazetteer", GAZ, "--no-bundled", "-q"]
ROWS = [["city", "note"], ["Kiev", "a, b"], ["Киеве", "x"], ["Львів", ""], ["Atlantis", "y"]]


def write(path: Path, rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ",",
          bom: bytes = b"") -> Path:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(rows)
    data = bom + buf.getvalue().encode(encoding)
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def read_rows(path: Path, encoding: str = "utf-8", delimiter: str = ",") -> list[list[str]]:
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return list(csv.reader(io.StringIO(raw.decode(encoding), newline=""), delimiter=delimiter))


@pytest.mark.parametrize(("name", "encoding", "bom", "delimiter"), [
    ("in.csv", "utf-8", b"", ","),
    ("in.csv", "utf-8", b"\xef\xbb\xbf", ";"),
    ("in.csv", "utf-16-le", b"\xff\xfe", ","),
    ("in.csv", "cp1251", b"", ";"),
    ("in.tsv", "utf-8", b"", "\t"),
    ("in.csv.gz", "utf-8", b"", "|"),
])
def test_encodings_and_delimiters_detected(tmp_path: Path, name: str, encoding: str, bom: bytes,
                                           delimiter: str) -> None:
    src = write(tmp_path / name, ROWS, encoding=encoding, delimiter=delimiter, bom=bom)
    out = tmp_path / "out.csv"
    assert main(["clean", str(src), "-c", "city", "-o", str(out), "--fields", "id,method", *OPTS]) == 0
    out_enc = {"utf-16-le": "utf-16"}.get(encoding, encoding)
    got = read_rows(out, "utf-8-sig" if bom == b"\xef\xbb\xbf" else out_enc, delimiter)
    assert got[0] == ["city", "city_id", "city_method", "note"]
    assert [r[1] for r in got[1:]] == ["cleantest:kyiv", "cleantest:kyiv", "cleantest:lviv", ""]
    assert [[r[0], r[3]] for r in got] == ROWS  # original fields kept
    assert out.read_bytes().startswith(bom)  # written back in the input's encoding


def test_output_is_byte_identical_for_untouched_fields(tmp_path: Path) -> None:
    text = '"id","city","note"\r\n"1","Kiev","say ""hi"""\r\n"2","Atlantis",""\r\n'
    src = tmp_path / "q.csv"
    src.write_bytes(text.encode())
    out = tmp_path / "o.csv"
    assert main(["clean", str(src), "-c", "city", "-o", str(out), "--fields", "id", *OPTS]) == 0
    assert out.read_bytes().decode() == ('"id","city",city_id,"note"\r\n'
                                         '"1","Kiev",cleantest:kyiv,"say ""hi"""\r\n'
                                         '"2","Atlantis",,""\r\n')


def test_multiline_fields_no_header_and_two_columns(tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", [["Kiev", "line1\nline2", "Odessa"], ["Lvov", "x\r\ny", "Kharkov"]])
    out = tmp_path / "o.csv"
    assert main(["clean", str(src), "--no-header", "-c", "1", "-c", "3", "--fields", "name", "-o", str(out),
                 *OPTS]) == 0
    assert read_rows(out) == [["Kiev", "Kyiv", "line1\nline2", "Odessa", "Odesa"],
                              ["Lvov", "Lviv", "x\r\ny", "Kharkov", "Kharkiv"]]


def test_suffixes_min_score_and_base(tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", ROWS)
    out = tmp_path / "o.csv"
    assert main(["clean", str(src), "-c", "city", "-o", str(out), "--fields", "id,score,base",
                 "--suffixes", "id=_qid", "--min-score", "0.995", *OPTS]) == 0
    got = read_rows(out)
    assert got[0][:4] == ["city", "city_qid", "city_score", "city_base"]
    assert got[1][1:3] == ["cleantest:kyiv", "1.00"]
    assert got[2][1:4] == ["", "", "Киев"]  # an inflected form scores below 0.99: no match, base form kept


def test_fuzzy_follows_the_normalizer_unless_the_run_sets_it(tmp_path: Path) -> None:
    """A Normalizer made with ``fuzzy=False`` keeps to it in ``clean_csv`` (the run's default used to
    switch fuzzy matching back on); ``Query(fuzzy=...)`` and ``--no-fuzzy`` decide when given."""
    src = write(tmp_path / "in.csv", [["city"], ["Khrakiv"], ["Kharkov"]])  # a typo, then an alias
    out = tmp_path / "out.csv"

    def ids(resolver: Normalizer, query: Query | None = None) -> list[str]:
        clean_csv(src, out, columns="city", resolver=resolver, query=query, fields="id")
        return [r[1] for r in read_rows(out)[1:]]

    on, off = (Normalizer([GAZ], include_bundled=False, fuzzy=f) for f in (True, False))
    kharkiv = "cleantest:kharkiv"
    assert ids(on) == [kharkiv, kharkiv]
    assert ids(off) == ["", kharkiv]
    assert ids(off, Query(fuzzy=True)) == [kharkiv, kharkiv]
    assert ids(on, Query(fuzzy=False)) == ["", kharkiv]
    for flags, want in (([], kharkiv), (["--no-fuzzy"], "")):
        assert main(["clean", str(src), "-c", "city", "-o", str(out), "--fields", "id", *flags, *OPTS]) == 0
        assert read_rows(out)[1][1] == want


def test_stdin_to_stdout(tmp_path: Path) -> None:
    data = b"city\nKiev\nAtlantis\n"
    cmd = [sys.executable, "-m", "namenorm.csvclean", "clean", "-", "-c", "city", "--fields", "id",
           "--gazetteer", GAZ, "--no-bundled"]
    r = subprocess.run(cmd, input=data, capture_output=True, check=False)
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == "city,city_id\nKiev,cleantest:kyiv\nAtlantis,\n"
    assert r.stderr.decode().startswith("namenorm clean: 2 rows, 2 distinct values looked up, 50.0% of 2 ")


def bad(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 2
    return capsys.readouterr().err


def test_unknown_column_lists_the_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "in.csv", ROWS)
    err = bad(capsys, ["clean", str(src), "-c", "town", *OPTS])
    assert "line 1: unknown column 'town'" in err and "'city', 'note'" in err
    src.write_text("\ncity\nKiev\n", encoding="utf-8")
    err = bad(capsys, ["clean", str(src), "-c", "city", *OPTS])
    assert "line 1: unknown column 'city': the header line is blank" in err and "--no-header" in err


def test_ragged_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "r.csv"
    src.write_text('city,n\nKiev,1\n"Od\nesa",2\nLviv\nKharkiv,4\n', encoding="utf-8")
    err = bad(capsys, ["clean", str(src), "-c", "city", *OPTS])
    assert "line 5: row has 1 fields, the header has 2" in err and "--on-bad-lines" in err
    out = tmp_path / "o.csv"
    assert main(["clean", str(src), "-c", "city", "--fields", "id", "--on-bad-lines", "skip", "-o", str(out),
                 *OPTS]) == 0
    assert [r[0] for r in read_rows(out)] == ["city", "Kiev", "Od\nesa", "Kharkiv"]
    assert main(["clean", str(src), "-c", "city", "--fields", "id", "--on-bad-lines", "keep", "-o", str(out),
                 *OPTS]) == 0
    assert read_rows(out)[3] == ["Lviv"]  # kept exactly as it was: no new fields


def test_a_column_name_twice_in_the_header_is_ambiguous(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Two columns with the name asked for: an error that says which, not a silent pick; the number
    chooses one."""
    src = write(tmp_path / "in.csv", [["city", "n", "city"], ["Kiev", "1", "Lvov"]])
    err = bad(capsys, ["clean", str(src), "-c", "city", *OPTS])
    assert "line 1: column 'city' appears 2 times in the header (columns 1, 3)" in err and "--column 1" in err
    out = tmp_path / "o.csv"
    assert main(["clean", str(src), "-c", "3", "--fields", "id", "-o", str(out), *OPTS]) == 0
    assert read_rows(out) == [["city", "n", "city", "city_id"], ["Kiev", "1", "Lvov", "cleantest:lviv"]]


def test_undecodable_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "u.csv"
    src.write_bytes(b"city\n" + b"Kyiv\n" * 20000 + b"Ky\xffiv\n")  # bad bytes after the detection sample
    err = bad(capsys, ["clean", str(src), "-c", "city", *OPTS])
    assert "line 20002: cannot decode" in err and "utf-8" in err and "--encoding" in err


@pytest.mark.parametrize("damage", ["cut short", "bad checksum"])
def test_damaged_gzip(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                      damage: str) -> None:
    """A .gz that breaks off (an interrupted download) or fails its checksum: a message naming the
    problem, the line near where it begins and how to check, exit code 2, no output; from stdin too.
    Damage within the first bytes is found when the file is opened."""
    lines = [f"{i},Kyiv {i}\n" for i in range(60_000)]
    packed = gzip.compress(("n,city\n" + "".join(lines)).encode("utf-8"), mtime=0)
    cut = len(packed) // 2
    crc = bytes(b ^ 0xFF for b in packed[-8:-4])  # found wrong once every line has been read
    data = packed[:cut] if damage == "cut short" else packed[:-8] + crc + packed[-4:]
    src, out = tmp_path / "in.csv.gz", tmp_path / "out.csv"
    src.write_bytes(data)
    good = 0  # lines that gzip itself can still give
    with gzip.open(src, "rb") as f, contextlib.suppress(EOFError, OSError, zlib.error):
        while block := f.read(512):
            good += block.count(b"\n")
    for jobs in ("1", "2"):
        err = bad(capsys, ["clean", str(src), "-c", "city", "-o", str(out), "--jobs", jobs, *OPTS])
        assert "gzip data is cut short or damaged" in err and "gzip -t" in err and not out.exists()
        line = int(err.split("line ")[1].split(":")[0])
        assert good - 700 <= line <= good + 1  # within the 8 KiB of text read before the break
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert "gzip data is cut short or damaged" in bad(capsys, ["clean", "-", "-c", "city", *OPTS])
    broken = bytearray(packed)
    broken[10] |= 0b110  # the first block's type is 3, which does not exist: fails in the first bytes read
    src.write_bytes(bytes(broken))
    assert "not a valid gzip file" in bad(capsys, ["clean", str(src), "-c", "city", *OPTS])


@pytest.mark.skipif(sys.platform == "win32", reason="no file size limits there")
def test_a_full_disk_is_a_clear_error(tmp_path: Path) -> None:
    """A write that finds no room (here a file size limit, which fails a write as a full disk does):
    a message that says so and what to do, exit code 2, no output file and no temporary file left."""
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("n,city\n" + "".join(f"{i},Kyiv {i}\n" for i in range(50_000)), encoding="utf-8")
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000)); "
            "from namenorm.csvclean.cli import main; sys.exit(main(sys.argv[1:]))")
    run = subprocess.run([sys.executable, "-c", code, "clean", str(src), "-c", "city", "-o", str(out), *OPTS],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 2, run.stderr
    assert "cannot write" in run.stderr and "nothing was written" in run.stderr and "-o" in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_utf16_without_a_byte_order_mark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "u16.csv"
    src.write_bytes("city\nKiev\n".encode("utf-16-le"))
    err = bad(capsys, ["clean", str(src), "-c", "city", "--encoding", "utf-16", *OPTS])
    assert "cannot decode" in err and "utf-16-le or utf-16-be" in err
    if Path("/proc/self/fd").is_dir():  # the refused file is closed, not left to the collector
        from namenorm.csvclean.source import open_source

        before = len(list(Path("/proc/self/fd").iterdir()))
        with pytest.raises(CleanError) as refused:  # its traceback keeps the frames (and their files) alive
            open_source(src, encoding="utf-16")
        assert len(list(Path("/proc/self/fd").iterdir())) == before and refused.value.__traceback__
    out = tmp_path / "o.csv"
    assert main(["clean", str(src), "-c", "city", "--encoding", "utf-16-le", "--fields", "id", "-o", str(out),
                 *OPTS]) == 0
    assert out.read_bytes().decode("utf-16-le") == "city,city_id\nKiev,cleantest:kyiv\n"


def test_api_arguments(tmp_path: Path) -> None:
    """clean_csv refuses a chunk size or a job count below 1 (a chunk size of 0 once wrote no rows and
    reported success), and takes one column as a plain string."""
    src = write(tmp_path / "in.csv", ROWS)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    for bad_args in ({"chunk_size": 0}, {"jobs": 0}, {"jobs": -2}):
        with pytest.raises(CleanError, match="must be at least 1"):
            clean_csv(src, one, columns=["city"], gazetteers=[GAZ], include_bundled=False,
                      **bad_args)  # type: ignore[arg-type]
        assert not one.exists()
    clean_csv(src, one, columns="city", gazetteers=[GAZ], include_bundled=False)
    clean_csv(src, two, columns=["city"], gazetteers=[GAZ], include_bundled=False)
    assert one.read_bytes() == two.read_bytes() and read_rows(one)[1][1] == "cleantest:kyiv"


def test_missing_file_and_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "no such file" in bad(capsys, ["clean", str(tmp_path / "nope.csv"), "-c", "city", *OPTS])
    src = write(tmp_path / "in.csv", ROWS)
    assert "--fields" in bad(capsys, ["clean", str(src), "-c", "city", "--fields", "id,colour", *OPTS])
    assert "gazetteer not found" in bad(capsys, ["clean", str(src), "-c", "city", "--gazetteer",
                                                 str(tmp_path / "x.gaz"), "--no-bundled"])
    assert "unknown encoding" in bad(capsys, ["clean", str(src), "-c", "city", "--encoding", "klingon",
                                              *OPTS])


def test_output_equal_to_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "in.csv", ROWS)
    before = src.read_bytes()
    assert "--in-place" in bad(capsys, ["clean", str(src), "-c", "city", "-o", str(src), *OPTS])
    assert src.read_bytes() == before
    assert main(["clean", str(src), "-c", "city", "-o", str(src), "--in-place", "--fields", "id", *OPTS]) == 0
    assert read_rows(src)[1] == ["Kiev", "cleantest:kyiv", "a, b"]


class ExplodingResolver:
    """Fails on the value "BOOM" (somewhere in the middle of the file)."""

    def normalize_many(self, values: list[str], **hints: object) -> list[None]:
        if "BOOM" in values:
            raise RuntimeError("resolver crashed")
        return [None for _ in values]


def test_interrupted_run_leaves_no_output(tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", [["city"], *[[f"v{i}"] for i in range(5000)], ["BOOM"], ["after"]])
    out = tmp_path / "out.csv"
    with pytest.raises(RuntimeError):
        clean_csv(src, out, columns=["city"], resolver=ExplodingResolver(), chunk_size=100)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.csv"]  # no temporary file left behind either
    out.write_text("old result\n")
    with pytest.raises(CleanError):
        clean_csv(src, out, columns=["nope"], resolver=ExplodingResolver())
    assert out.read_text() == "old result\n"  # an earlier OUT is not touched by a failed run


def test_report_groups_variants(tmp_path: Path) -> None:
    rows = [["city"], *[["Atlantis"]] * 3, ["ATLANTIS"], ["Атлантида"], ["Gondor"], ["Kiev"], [""]]
    src = write(tmp_path / "in.csv", rows)
    report, out = tmp_path / "report.csv", tmp_path / "o.csv"
    assert main(["clean", str(src), "-c", "city", "-o", str(out), "--report", str(report), *OPTS]) == 0
    got = read_rows(report)
    assert got[0] == ["key", "count", "variants", "best_guess"]
    assert got[1][:3] == ["~atlnc", "4", "Atlantis (3) | ATLANTIS (1)"]  # grouped by name_key's key
    assert {r[0] for r in got[2:]} == {"~hndr", "~atlntd"}
    assert all("Kiev" not in r[2] for r in got)


def test_a_bad_report_path_is_refused_before_the_run(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A report that cannot be written, or would replace the input or the output, stops the run before
    it starts: no output is written for a report that would then fail."""
    src = write(tmp_path / "in.csv", ROWS)
    out = tmp_path / "o.csv"
    before = src.read_bytes()
    for report, says in ((tmp_path / "missing" / "r.csv", "does not exist"), (tmp_path, "is a folder"),
                         (src, "is the input file"), (out, "is also the output")):
        err = bad(capsys, ["clean", str(src), "-c", "city", "-o", str(out), "--report", str(report), *OPTS])
        assert f"--report {report}" in err and says in err and "--in-place" not in err
        assert not out.exists() and src.read_bytes() == before


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs a folder no one can create files in")
def test_an_unwritable_folder_is_refused_before_the_run(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """/proc takes no new files, even from root: -o or --report there stops the run before it starts."""
    src, out = write(tmp_path / "in.csv", ROWS), tmp_path / "o.csv"
    for args in (["-o", "/proc/o.csv"], ["-o", str(out), "--report", "/proc/r.csv"]):
        err = bad(capsys, ["clean", str(src), "-c", "city", *args, *OPTS])
        assert f"{args[-2]} {args[-1]}: cannot write in folder /proc" in err and "write elsewhere" in err
        assert not out.exists()


def test_report_from_parquet(tmp_path: Path) -> None:
    pl = pytest.importorskip("polars")
    src, out, report = tmp_path / "in.parquet", tmp_path / "out.parquet", tmp_path / "r.csv"
    pl.DataFrame({"city": ["Atlantis", "Kiev", "ATLANTIS", "Atlantis", None]}).write_parquet(src)
    assert main(["clean", str(src), "-c", "city", "-o", str(out), "--report", str(report), *OPTS]) == 0
    assert read_rows(report)[1][:3] == ["~atlnc", "3", "Atlantis (2) | ATLANTIS (1)"]


def test_jobs_gives_the_same_output(tmp_path: Path) -> None:
    names = ["Kiev", "Киеве", "Odessa", "Atlantis", "Lvov", "Харькове", "Zelensky"]
    rows = [[names[i % 7]] if i % 3 else [f"x{i}"] for i in range(3000)]
    src = write(tmp_path / "in.csv", [["city"], *rows])
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert main(["clean", str(src), "-c", "city", "-o", str(one), *OPTS]) == 0
    assert main(["clean", str(src), "-c", "city", "-o", str(two), "--jobs", "2", "--chunk-size", "500",
                 *OPTS]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert read_rows(one)[2][1] == "cleantest:kyiv"


def test_parquet_round_trip(tmp_path: Path) -> None:
    pl = pytest.importorskip("polars")
    src = tmp_path / "in.parquet"
    pl.DataFrame({"city": ["Kiev", "Atlantis", None], "n": [1, 2, 3]}).write_parquet(src)
    out = tmp_path / "out.parquet"
    assert main(["clean", str(src), "-c", "city", "-o", str(out), "--fields", "id,score", *OPTS]) == 0
    df = pl.read_parquet(out)
    assert df.columns == ["city", "city_id", "city_score", "n"]
    assert df["city_id"].to_list() == ["cleantest:kyiv", None, None] and df["n"].to_list() == [1, 2, 3]


def test_output_encoding_error_and_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gaz = tmp_path / "pl.gaz"
    gaz.write_text("@source: test fixture\n\n[cleantest:krakow] LOC Kraków\nen: Kraków | Krakow\n",
                   encoding="utf-8")
    src = write(tmp_path / "in.csv", [["city"], ["Krakow"], ["Київ"]], encoding="cp1251")
    out = tmp_path / "o.csv"
    args = ["clean", str(src), "-c", "city", "-o", str(out), "--fields", "name", "--gazetteer", str(gaz),
            "--no-bundled", "-q"]
    err = bad(capsys, args)
    assert "cannot be written in cp1251" in err and "--output-encoding utf-8" in err and not out.exists()
    assert main([*args, "--output-encoding", "utf-8"]) == 0
    assert read_rows(out) == [["city", "city_name"], ["Krakow", "Kraków"], ["Київ", ""]]


def test_parquet_without_polars_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)
    src = write(tmp_path / "in.csv", ROWS)
    err = bad(capsys, ["clean", str(src), "-c", "city", "-o", str(tmp_path / "o.parquet"), *OPTS])
    assert "pip install 'namenorm[polars]'" in err


def test_progress_line_and_summary() -> None:
    from namenorm.csvclean.progress import Progress, summary
    from namenorm.csvclean.stream import CleanStats

    buf = io.StringIO()
    p = Progress(buf, enabled=True, interval=0.0)
    p(CleanStats(rows=1000, cells=1000, matched=250))
    assert "1,000 rows" in buf.getvalue() and "25.0% matched" in buf.getvalue()
    p.finish()
    assert buf.getvalue().endswith("\r")
    quiet = io.StringIO()
    Progress(quiet)(CleanStats(rows=5))  # not a terminal: nothing drawn
    assert quiet.getvalue() == ""
    assert "3 bad rows skipped" in summary(CleanStats(rows=10, skipped=3), 1.0)


def test_lead_cli_wires_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from namenorm.cli import main as namenorm_main

    src = write(tmp_path / "in.csv", ROWS)
    assert namenorm_main(["clean", str(src), "-c", "city", "--fields", "id", *OPTS]) == 0
    assert capsys.readouterr().out.splitlines()[1] == 'Kiev,cleantest:kyiv,"a, b"'


def test_jobs_under_spawn_gives_the_same_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # forked workers inherit the resolver; under spawn (or forkserver) each worker unpickles it
    import multiprocessing

    from namenorm.csvclean import lookup

    names = ["Kiev", "Киеве", "Odessa", "Atlantis", "Lvov"]
    rows = [[names[i % 5]] if i % 2 else [f"y{i}"] for i in range(600)]
    src = write(tmp_path / "in.csv", [["city"], *rows])
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert main(["clean", str(src), "-c", "city", "-o", str(one), *OPTS]) == 0
    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(lookup.multiprocessing, "get_context", lambda *a: spawn)
    assert main(["clean", str(src), "-c", "city", "-o", str(two), "--jobs", "2", *OPTS]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert not lookup._inherited
