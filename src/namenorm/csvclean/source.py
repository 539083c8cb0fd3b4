"""Opening the input of ``namenorm clean``: a path or ``-``, gzip, encoding detection, dialect sniffing.

The encoding is detected among UTF-8, UTF-8 with BOM, UTF-16 with BOM and cp1251 (UTF-8 is
tried first; cp1251 is chosen only when the first 64 KiB are not valid UTF-8).  The delimiter is
sniffed among ``,``, tab, ``;`` and ``|`` (``.tsv`` files default to tab).

>>> sniff_delimiter("name;count\\nKyiv;3\\nLviv;4\\n")
';'
>>> detect_encoding(b"\\xef\\xbb\\xbfname\\n"), detect_encoding("Київ".encode("cp1251"))
('utf-8-sig', 'cp1251')
>>> line_terminator("a,b\\r\\n1,2\\r\\n")
'\\r\\n'
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from namenorm.csvclean.errors import CleanError

__all__ = ["DAMAGED", "Source", "detect_encoding", "line_terminator", "locate_read_error", "open_source",
           "sniff_delimiter"]

SAMPLE_BYTES = 1 << 16
_DELIMITERS = ",\t;|"
DAMAGED = (EOFError, zlib.error, gzip.BadGzipFile)  # what a truncated or corrupt .gz raises mid-read
_NAMED_DELIMITERS = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


@dataclass
class Source:
    """A decoded input stream (opened with ``newline=""`` for the csv module) and what was detected."""

    text: TextIO
    name: str
    encoding: str
    delimiter: str
    terminator: str
    path: Path | None
    detected: bool = True  # the encoding was detected, not given
    counter: _Counted | None = None  # the bytes under ``text``, their lines counted

    def error_line(self, e: UnicodeDecodeError) -> int | None:
        """The line (1-based) of the bytes that ``e`` could not decode, when they were read from
        :attr:`text` (stdin too, which cannot be read again)."""
        return self.counter.line_of(e) if self.counter is not None else None

    def close(self) -> None:
        """Close the decoded stream (and the file under it)."""
        if self.path is not None:
            self.text.close()


class _Prefixed(io.RawIOBase):
    """A raw stream that serves ``head`` (bytes already read for detection) and then ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        if len(self._head):
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read1 = getattr(self._rest, "read1", None)
        data = read1(len(b)) if read1 is not None else self._rest.read(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._rest.close()
        super().close()


class _Counted(io.BufferedReader):
    """A buffered reader that counts the line breaks (LF, CR, CRLF) in what it hands out, so that a
    decoding error in the last block handed out can name its line."""

    def __init__(self, raw: io.RawIOBase, buffer_size: int) -> None:
        super().__init__(raw, buffer_size=buffer_size)
        self.before = 0  # line breaks before the last block
        self.last = b""

    def _step(self, data: bytes) -> bytes:
        self.before += _breaks(self.last)
        self.last = data
        return data

    def read1(self, size: int = -1) -> bytes:
        return self._step(super().read1(size))

    def read(self, size: int | None = -1) -> bytes:
        return self._step(super().read(size))

    def line_of(self, e: UnicodeDecodeError) -> int | None:
        """The line of ``e``'s bad bytes, when they come from the last block (else None)."""
        data = e.object
        if not isinstance(data, (bytes, bytearray)) or not self.last.endswith(bytes(data[-64:])):
            return None
        return self.before + _breaks(bytes(data[: e.start])) + 1


def _breaks(data: bytes) -> int:
    crs = data.count(b"\r")
    return data.count(b"\n") + crs - (data.count(b"\r\n") if crs else 0)


def detect_encoding(head: bytes) -> str:
    """The codec for a file that starts with ``head``: a BOM decides, else UTF-8 if valid, else cp1251."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "cp1251"
    return "utf-8"


def _check_encoding(name: str, head: bytes) -> str:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise CleanError(f"unknown encoding {name!r}; use utf-8, utf-8-sig, utf-16 or cp1251") from None
    if codec == "utf-8" and head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"  # the BOM is not part of the first column's name
    return name


def sniff_delimiter(sample: str) -> str:
    """The candidate delimiter that splits the sample's rows most consistently (``,`` when unsure)."""
    cut = max(sample.rfind("\n"), sample.rfind("\r"))
    if cut > 0:
        sample = sample[:cut]  # drop a partial last line
    best, best_score = ",", (0.0, 0)
    for d in _DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=d) if r][:500]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        n = len(rows[0])
        score = (sum(len(r) == n for r in rows) / len(rows), n)
        if score > best_score:
            best, best_score = d, score
    return best


def line_terminator(sample: str) -> str:
    """The line ending of the first line of ``sample`` (``\\n`` when there is none)."""
    i = sample.find("\n")
    j = sample.find("\r")
    if j >= 0 and (i < 0 or j < i):
        return "\r\n" if sample[j + 1 : j + 2] == "\n" else "\r"
    return "\n"


def _parse_delimiter(value: str) -> str:
    d = _NAMED_DELIMITERS.get(value.lower(), value)
    if len(d) != 1 or d in "\r\n\"":
        raise CleanError(f"--delimiter must be one character (or 'tab'), got {value!r}")
    return d


def open_source(path: str | Path, *, encoding: str | None = None, delimiter: str | None = None) -> Source:
    """Open ``path`` (``"-"`` for stdin; ``.gz`` is decompressed) and detect what was not given."""
    name = str(path)
    fs_path: Path | None = None
    if name == "-":
        raw: BinaryIO = sys.stdin.buffer
        name = "<stdin>"
    else:
        fs_path = Path(path)
        if not fs_path.exists():
            raise CleanError(f"no such file: {name}")
        if fs_path.is_dir():
            raise CleanError(f"{name} is a folder; give a .csv, .tsv or .csv.gz file")
        raw = fs_path.open("rb")
    try:
        return _detect(raw, name, fs_path, encoding, delimiter)
    except BaseException:
        if fs_path is not None:  # a file this call opened (never stdin)
            raw.close()
        raise


def _detect(raw: BinaryIO, name: str, fs_path: Path | None, encoding: str | None,
            delimiter: str | None) -> Source:
    """The :class:`Source` over ``raw``: gzip, the encoding and the delimiter found in its first bytes."""
    head = raw.read(SAMPLE_BYTES)
    if head[:2] == b"\x1f\x8b":
        raw = gzip.GzipFile(fileobj=_Prefixed(head, raw), mode="rb")  # type: ignore[assignment]
        try:
            head = raw.read(SAMPLE_BYTES)
        except (OSError, *DAMAGED) as e:
            raise CleanError(f"{name}: not a valid gzip file ({e})") from None
    enc = _check_encoding(encoding, head) if encoding else detect_encoding(head)
    try:
        sample = codecs.getincrementaldecoder(enc)(errors="replace").decode(head, final=False)
    except UnicodeError as e:  # not a bad byte, which "replace" covers: UTF-16 without its byte order mark
        raise CleanError(f"cannot decode {name} as {enc} ({e}); give the file's real encoding with "
                         f"--encoding (utf-16-le or utf-16-be for UTF-16 without a byte order mark)"
                         ) from None
    buffered = _Counted(_Prefixed(head, raw), buffer_size=SAMPLE_BYTES)
    text = io.TextIOWrapper(buffered, encoding=enc, errors="strict", newline="")
    if delimiter:
        delim = _parse_delimiter(delimiter)
    elif name.lower().endswith((".tsv", ".tsv.gz", ".tab")):
        delim = "\t"
    else:
        delim = sniff_delimiter(sample)
    return Source(text, name, enc, delim, line_terminator(sample), fs_path, not encoding, buffered)


def locate_read_error(path: Path, encoding: str) -> tuple[str, int] | None:
    """The first place where ``path`` cannot be read as text: ``("damaged", line)`` where its gzip data
    breaks off or goes bad (the first line not wholly read; the break lies within the next 8 KiB it
    decompresses to), ``("undecodable", line)`` at the first bytes ``encoding`` cannot decode (1-based lines);
    None when it reads through."""
    decoder = codecs.getincrementaldecoder(encoding)()
    newlines = 0
    with path.open("rb") as probe:
        gz = probe.read(2) == b"\x1f\x8b"
    with (gzip.open(path, "rb") if gz else path.open("rb")) as f:
        while True:
            try:
                block = f.read(1 << 13 if gz else SAMPLE_BYTES)  # a failed read returns nothing of its block
            except DAMAGED:
                return "damaged", newlines + 1
            if not block:
                return None
            try:
                newlines += decoder.decode(block).count("\n")
            except UnicodeDecodeError as e:
                good = e.object[: e.start].decode(encoding, errors="replace")
                return "undecodable", newlines + good.count("\n") + 1
