"""``clean --jobs``: reading ahead while the workers resolve changes nothing but the speed.

Output bytes, counts, the report, errors (message, line, what was written before them) are the same
as with one process; the cache steps are those of resolving each chunk on the spot.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import signal
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namenorm.csvclean import CleanError, Query, clean_csv, lookup
from namenorm.csvclean.fields import FieldSpec, Outcome
from namenorm.csvclean.lookup import BoundedCache, ValueLookup
from namenorm.csvclean.source import open_source
from namenorm.csvclean.stream import CleanStats, clean_stream
from namenorm.match import Match


class ScoreResolver:
    """A fake with every kind of outcome: the score falls with the value's length (below --min-score
    gives a guess in the report), values with a "z" do not match; names may need quoting."""

    def normalize_many(self, values: Iterable[str], **hints: object) -> list[Match | None]:
        return [None if "z" in v else Match(f"t:{len(v)}", f"{v[:3]}, \"{len(v)}\"", "LOC",
                                            1.0 - len(v) / 20, "exact", v) for v in values]


@pytest.fixture(autouse=True)
def _all_to_the_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """Send even a single miss to the workers, so that small chunks exercise the pool."""
    monkeypatch.setattr(lookup, "LOCAL_BELOW", 1)


def _stats(s: CleanStats) -> tuple[object, ...]:
    return s.rows, s.cells, s.matched, s.distinct, s.skipped, s.kept_bad, dict(s.unmatched), s.guesses


def _run(tmp: Path, text: str, jobs: int, **kw: object) -> tuple[bytes, tuple[object, ...], bytes]:
    src, out, rep = tmp / "in.csv", tmp / f"out{jobs}.csv", tmp / f"rep{jobs}.csv"
    src.write_bytes(text.encode("utf-8"))
    r = clean_csv(src, out, columns=["city"], resolver=ScoreResolver(), fields="id,name,score", jobs=jobs,
                  report=rep, query=Query(min_score=0.6), **kw)  # type: ignore[arg-type]
    return out.read_bytes(), _stats(r.stats), rep.read_bytes()


words = st.sampled_from(["Kiev", "Lviv", "Odesa", "zz", "", " ", "a,b", 'q"q', "Київ", "x\ny", "Kharkiv"]) | \
    st.text("abcz", min_size=1, max_size=12)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(words, words), min_size=1, max_size=120), st.sampled_from([1, 3, 7, 50]),
       st.sampled_from([2, 6, 300_000]), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_jobs_two_writes_and_counts_the_same(tmp_path: Path, rows: list[tuple[str, str]], chunk: int,
                                             cache: int, term: str, ragged: bool) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=term)
    w.writerow(["n", "city"])
    for i, (city, other) in enumerate(rows):
        w.writerow([other, city] if not (ragged and i % 9 == 4) else [other])  # bad rows kept as they are
    text = buf.getvalue()
    kw = {"chunk_size": chunk, "cache_size": cache, "on_bad_lines": "keep"}
    assert _run(tmp_path, text, 2, **kw) == _run(tmp_path, text, 1, **kw)
    assert not multiprocessing.active_children()


def _lines(n: int) -> list[str]:
    return [f"{i % 7},{['Kiev', 'Lviv', 'z'][i % 3]}{i % 40}\n" for i in range(n)]


def _partial(src: Path, jobs: int, chunk: int) -> tuple[str, int | None, str]:
    """The error of cleaning ``src`` (message, line) and what was written before it."""
    written = io.StringIO()
    source = open_source(src, encoding="utf-8")
    look = ValueLookup(ScoreResolver(), Query(), FieldSpec.parse("id,name"), jobs=jobs)
    try:
        with pytest.raises(CleanError) as e:
            clean_stream(source, written, look, ["city"], chunk_size=chunk)
        assert not look._inflight  # nothing left in flight, nothing pending in the cache
        gens = (look.cache.new, look.cache.old)
        assert not any(isinstance(o, lookup.Batch) for g in gens for o in g.values())
    finally:
        look.close()
        source.close()
    return str(e.value), e.value.line, written.getvalue()


@pytest.mark.parametrize(("bad", "before", "chunk", "message"), [
    ("a,b,c\n", 53, 5, "row has 3 fields"),
    ("ok,Ky\udcffiv\n", 4000, 150, "cannot decode"),  # past the first blocks the decoder reads
])
def test_errors_mid_file_as_with_one_process(tmp_path: Path, bad: str, before: int, chunk: int,
                                            message: str) -> None:
    """A ragged row or undecodable bytes after several chunks: the same message and line, no output
    file, no worker left; the rows before it are written exactly as with one process."""
    text = "n,city\n" + "".join(_lines(before)) + bad + "".join(_lines(30))
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_bytes(text.encode("utf-8", "surrogateescape"))
    for jobs in (1, 2):
        with pytest.raises(CleanError) as e:
            clean_csv(src, out, columns=["city"], resolver=ScoreResolver(), jobs=jobs, chunk_size=chunk,
                      encoding="utf-8")
        assert e.value.line == before + 2 and message in str(e.value) and not out.exists()
        assert not multiprocessing.active_children() and not lookup._inherited
    one, two = _partial(src, 1, chunk), _partial(src, 2, chunk)
    assert one == two
    assert one[2].count("\n") > 2 * chunk  # whole chunks were written before the error


class Exploding(ScoreResolver):
    """Fails on the value "BOOM"."""

    def normalize_many(self, values: Iterable[str], **hints: object) -> list[Match | None]:
        values = list(values)
        if "BOOM" in values:
            raise RuntimeError("resolver crashed")
        return super().normalize_many(values)


def test_worker_failure_leaves_no_output(tmp_path: Path) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("n,city\n" + "".join(_lines(60)) + "1,BOOM\n" + "".join(_lines(60)), encoding="utf-8")
    with pytest.raises(RuntimeError, match="resolver crashed"):
        clean_csv(src, out, columns=["city"], resolver=Exploding(), jobs=2, chunk_size=10)
    assert not out.exists() and not multiprocessing.active_children()


class Dying(ScoreResolver):
    """Kills its own process on the value "DIE", as the system's out-of-memory killer would."""

    def normalize_many(self, values: Iterable[str], **hints: object) -> list[Match | None]:
        values = list(values)
        if "DIE" in values:
            os.kill(os.getpid(), signal.SIGKILL)
        return super().normalize_many(values)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL") or "fork" not in multiprocessing.get_all_start_methods(),
                    reason="needs fork and SIGKILL")
def test_a_killed_worker_is_a_clear_error_with_no_output(tmp_path: Path) -> None:
    """A worker killed mid-run (out of memory, say) stops the run with a message that says what to do,
    not a BrokenProcessPool traceback; no output file, no worker left."""
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("n,city\n" + "".join(_lines(60)) + "1,DIE\n" + "".join(_lines(60)), encoding="utf-8")
    with pytest.raises(CleanError, match=r"worker process stopped .* fewer --jobs"):
        clean_csv(src, out, columns=["city"], resolver=Dying(), jobs=2, chunk_size=10)
    assert not out.exists() and not multiprocessing.active_children() and not lookup._inherited


class PriorityResolver:
    """Names each value with the scheduling priority of the process that resolved it."""

    def normalize_many(self, values: Iterable[str], **hints: object) -> list[Match | None]:
        nice = os.getpriority(os.PRIO_PROCESS, 0)
        return [Match("t:1", str(nice), "LOC", 1.0, "exact", v) for v in values]


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="no process priorities on this system")
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_yield_to_the_reading_process(tmp_path: Path, method: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers run ``WORKER_NICENESS`` steps nicer than the process that reads and writes (capped at
    the system's 19), under either start method; this process keeps its own priority."""
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    ctx = multiprocessing.get_context(method)
    monkeypatch.setattr(multiprocessing, "get_context", lambda *a: ctx)
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("n,city\n" + "".join(_lines(40)), encoding="utf-8")
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    clean_csv(src, out, columns=["city"], resolver=PriorityResolver(), fields="name", jobs=2, chunk_size=10)
    with out.open(encoding="utf-8", newline="") as f:
        seen = {row[-1] for row in list(csv.reader(f))[1:]}
    assert seen == {str(min(19, mine + lookup.WORKER_NICENESS))} and (mine == 19 or int(seen.pop()) > mine)
    assert os.getpriority(os.PRIO_PROCESS, 0) == mine


class _Sequential:
    """The lookup as it was: each request resolved on the spot (the reference for the cache steps)."""

    def __init__(self, size: int) -> None:
        self.cache: BoundedCache[str, Outcome] = BoundedCache(size)
        self.resolved = 0

    def lookup(self, distinct: list[str]) -> None:
        missing = []
        new, get = self.cache.new, self.cache.get
        for v in distinct:
            if new.get(v) is None and get(v) is None:
                missing.append(v)
        for v in missing:
            self.cache[v] = Outcome((v,), 2)
        self.resolved += len(missing)


class Echo:
    def normalize_many(self, values: Iterable[str], **hints: object) -> list[Match | None]:
        return [Match("e", v, "LOC", 1.0, "exact", v) for v in values]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdefghijklmnop"), unique=True, max_size=12), max_size=12),
       st.integers(2, 20), st.integers(0, 2))
def test_requests_ahead_take_the_same_cache_steps(batches: list[list[str]], size: int, ahead: int) -> None:
    ref = _Sequential(size)
    look = ValueLookup(Echo(), Query(), FieldSpec.parse("name"), cache_size=size)
    pending = []
    for b in batches:
        ref.lookup(b)
        pending.append((b, look.request(b)))
        assert look.resolved == ref.resolved
        assert {k: None for k in look.cache.new} == {k: None for k in ref.cache.new}
        assert set(look.cache.old) == set(ref.cache.old)
        while len(pending) > ahead:
            vals, req = pending.pop(0)
            assert {v: o.fields for v, o in look.complete(req).items()} == {v: (v,) for v in vals}
    for _, req in pending:
        look.complete(req)
    assert not look._inflight
    assert all(isinstance(o, Outcome) for g in (look.cache.new, look.cache.old) for o in g.values())


class _CsvWriter:
    """The writer as it was: the csv module for every row (the reference for the bytes)."""

    def __init__(self, out: io.StringIO, d: str, term: str) -> None:
        self.out, self.term = out, term
        self.fast = csv.writer(out, delimiter=d, lineterminator=term)
        self.safe = csv.writer(io.StringIO(), delimiter=d, lineterminator="\r\n")
        self.d = d

    def rows(self, rows: list[list[str]], multiline: bool) -> None:
        if not multiline or self.term == "\r\n":
            self.fast.writerows(rows)
            return
        for r in rows:
            if any("\n" in f or "\r" in f for f in r):
                buf = io.StringIO()
                csv.writer(buf, delimiter=self.d, lineterminator="\r\n").writerow(r)
                self.out.write(buf.getvalue()[:-2] + self.term)
            else:
                self.fast.writerow(r)


field = st.lists(st.sampled_from([*'ab,;"\r\n é\t', "Київ", "\U0001e945"]), max_size=4).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(field, max_size=4), max_size=30), st.sampled_from([",", ";", "\t"]),
       st.sampled_from(["\n", "\r\n", "\r"]), st.booleans(), st.sampled_from([1, 3, 2048]))
def test_writer_writes_the_csv_modules_bytes(rows: list[list[str]], d: str, term: str, multiline: bool,
                                             block: int) -> None:
    from namenorm.csvclean import writer

    got, want = io.StringIO(), io.StringIO()
    was, writer.BLOCK = writer.BLOCK, block
    try:
        writer.Writer(got, d, term).rows([list(r) for r in rows], multiline)
    finally:
        writer.BLOCK = was
    _CsvWriter(want, d, term).rows([list(r) for r in rows], multiline)
    assert got.getvalue() == want.getvalue()
