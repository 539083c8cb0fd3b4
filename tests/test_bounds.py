"""Bounds on bad input: a field over ``--max-field`` (a stray quote) stops the run early with its line,
in bounded memory; an unclosed quote at the end of the file is an error, not a merged row."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from namenorm.csvclean import CleanError, clean_csv

GAZ = "[Q1899] LOC Kyiv\nen: Kyiv | Kiev\n"
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}


@pytest.fixture
def gaz(tmp_path: Path) -> Path:
    path = tmp_path / "c.gaz"
    path.write_text(GAZ, encoding="utf-8")
    return path


def _clean(gaz: Path, text: str, **kw: object) -> str:
    src, out = gaz.parent / "in.csv", gaz.parent / "out.csv"
    src.write_text(text, encoding="utf-8", newline="")
    clean_csv(src, out, columns=["city"], gazetteers=[gaz], include_bundled=False, fields="id", **kw)  # type: ignore[arg-type]
    return out.read_text(encoding="utf-8")


def test_an_unclosed_quote_at_the_end_is_an_error_with_its_line(gaz: Path) -> None:
    with pytest.raises(CleanError, match="never closed") as e:
        _clean(gaz, 'id,city\n1,"Kiev\n2,Lviv\n')
    assert e.value.line == 2
    with pytest.raises(CleanError, match="never closed") as e:
        _clean(gaz, 'id,city\n' + "1,Kyiv\n" * 3000 + '2,x\n3,"Ki""ev\n4,Lviv', chunk_size=100)
    assert e.value.line == 3003
    assert not (gaz.parent / "out.csv").exists()


def test_closed_quotes_pass(gaz: Path) -> None:
    assert _clean(gaz, 'id,city\n1,"Kiev\nx"\n2,"a""b"c\n') == 'id,city,city_id\n1,"Kiev\nx",\n2,"a""b"c,\n'


@pytest.mark.parametrize("chunk", [5, 50_000])
def test_a_field_over_max_field_stops_with_the_line_where_the_quote_opened(gaz: Path, chunk: int) -> None:
    text = "id,city\n" + "1,Kyiv\n" * 2000 + '2,"Kiev\n' + "3,Lviv\n" * 500
    with pytest.raises(CleanError, match="longer than --max-field 1,000") as e:
        _clean(gaz, text, max_field=1000, chunk_size=chunk)
    assert e.value.line == 2002 and "line 2002 is never closed" in str(e.value)
    # a real long field passes with a higher limit, whichever path reads it
    long = "x" * 5000
    got = _clean(gaz, "id,city\n" + "1,Kyiv\n" * 2000 + f'2,"{long}, the city"\n', max_field=6000,
                 chunk_size=chunk)
    assert got.endswith(f'2,"{long}, the city",\n')
    with pytest.raises(CleanError, match="longer than --max-field"):
        _clean(gaz, "id,city\n" + "1,Kyiv\n" * 2000 + f'2,"{long}, the city"\n', max_field=4000,
               chunk_size=chunk)


PEAK = """
import sys
from namenorm.cli import main
code = main(sys.argv[1:])
peak = [l for l in open('/proc/self/status') if l.startswith('VmPeak')][0].split()[1]
print(int(peak) * 1024, file=sys.stderr)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_stray_quote_in_a_large_input_stops_early_in_bounded_memory(gaz: Path) -> None:
    """300 MB stream from stdin with a quote that never closes on line 3: exit 2 with the line, under
    an address-space limit of 256 MiB above what a small run takes (holding the stream would not fit)."""
    args = ["clean", "-", "-c", "city", "--no-bundled", "--gazetteer", str(gaz), "-q",
            "-o", str(gaz.parent / "out.csv")]
    small = subprocess.run([sys.executable, "-c", PEAK, *args], input="id,city\n1,Kiev\n" * 3,
                           capture_output=True, text=True, env=ENV, timeout=120)
    baseline = int(small.stderr.strip().splitlines()[-1])
    limit = baseline + (256 << 20)

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    proc = subprocess.Popen([sys.executable, "-m", "namenorm.cli", *args], stdin=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=ENV, preexec_fn=cap)
    assert proc.stdin is not None and proc.stderr is not None
    sent = [0]

    def feed() -> None:
        block = b"3,Lviv\n" * 150_000  # about 1 MB
        try:
            proc.stdin.write(b'id,city\n1,Kyiv\n2,"Kiev\n')  # type: ignore[union-attr]
            while sent[0] < 300 << 20:
                proc.stdin.write(block)  # type: ignore[union-attr]
                sent[0] += len(block)
            proc.stdin.close()  # type: ignore[union-attr]
        except (BrokenPipeError, OSError):
            pass

    feeder = threading.Thread(target=feed)
    feeder.start()
    err = proc.stderr.read().decode()
    proc.wait(timeout=300)
    feeder.join(timeout=60)
    assert proc.returncode == 2, err
    assert "line 3" in err and "--max-field" in err
    assert sent[0] < 100 << 20  # it stopped early, long before the end of the stream


def test_cyrillize_spells_a_long_word_in_pieces_and_keeps_every_gap() -> None:
    from namenorm.translit.cyrillize import MAX_WORD, cyrillize

    word = "Zelenskyy" * 20  # 180 letters: spelled MAX_WORD letters at a time
    pieces = [word[i : i + MAX_WORD] for i in range(0, len(word), MAX_WORD)]
    assert cyrillize(word, lang="uk")[0] == "".join(cyrillize(p, lang="uk")[0] for p in pieces)
    text = "Kyiv, Lviv - Odesa! " * 2_000
    got = cyrillize(text, lang="uk")
    assert len(got) == 16
    gaps = re.compile(r"[^\s,!-]")
    assert all(gaps.sub("", g) == gaps.sub("", text) for g in got)
