"""Input files of the command line: refusing what is not text, with a message that says so, and
reading a text file in the encoding ``clean`` would detect.

A file is taken for binary when its first bytes start like a known binary format (signatures made
of printable characters, such as ``MZ``, only with control characters after them), or hold a NUL
byte or more than 1% of control characters (tab, line breaks, form feed and escape excepted).
UTF-16 and UTF-32 with a byte order mark are text. Giving ``--encoding`` skips the test.

>>> binary_kind(b"\\x7fELF\\x02\\x01\\x01\\x00"), binary_kind("Київ,UA\\n".encode())
('an ELF executable', None)
>>> binary_kind(b"id\\x00name\\x00"), binary_kind(b"\\xff\\xfei\\x00d\\x00")
('binary data (it holds NUL bytes)', None)
"""

from __future__ import annotations

import codecs
import gzip
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from namenorm.cli_args import UsageError
from namenorm.csvclean.source import SAMPLE_BYTES, detect_encoding

__all__ = ["binary_kind", "check_text_file", "read_text", "refuse_binary", "text_inputs"]

_MAGIC = (
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable"),
    (b"PK\x03\x04", "a ZIP archive (an .xlsx, .docx or .zip file)"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PAR1", "a Parquet file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.xls, .doc)"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"BZh", "a bzip2 archive"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_CONTROLS = frozenset(range(32)) - _TEXT_CONTROLS
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def _printable(magic: bytes) -> bool:
    return magic.isascii() and magic.decode("ascii").isprintable()


def binary_kind(head: bytes) -> str | None:
    """What ``head`` (the first bytes of a file) looks like when it is not text, else None."""
    if head.startswith(_WIDE_BOMS):
        return None
    controls = sum(head.count(c) for c in _CONTROLS) if head else 0
    for magic, kind in _MAGIC:
        # a signature of printable characters ("MZ", "PAR1") could start a text: control bytes decide
        if head.startswith(magic) and (controls or not _printable(magic)):
            return kind
    if b"\x00" in head:
        return "binary data (it holds NUL bytes)"
    if controls * 100 > len(head):
        return "binary data (it holds control characters)"
    return None


def check_text_file(path: Path, name: str, want: str) -> None:
    """Raise :class:`UsageError` when ``path`` (gzip-compressed or not) is not a text file; ``want``
    names what to give instead ("a CSV or TSV file")."""
    with path.open("rb") as f:
        head = f.read(SAMPLE_BYTES)
    if head[:2] == b"\x1f\x8b":
        try:
            with gzip.open(path, "rb") as g:
                head = g.read(SAMPLE_BYTES)
        except (OSError, EOFError, zlib.error):
            return  # a damaged .gz: the reader reports it where it breaks
    refuse_binary(name, head, want)


def refuse_binary(name: str, head: bytes, want: str) -> None:
    """Raise :class:`UsageError` when ``head``, the first bytes of ``name``, are not text."""
    kind = binary_kind(head)
    if kind is not None:
        raise UsageError(f"{name} is not a text file: it looks like {kind}; give {want} (or, if it is "
                         f"text, its encoding with --encoding)")


def read_text(name: str, encoding: str | None) -> str:
    """The text of the file ``name`` (``-`` for stdin), decoded with ``encoding``, or with the encoding
    detected as ``clean`` does (a byte order mark, else UTF-8 when valid, else cp1251)."""
    if name == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        path = Path(name)
        if path.is_dir():
            raise UsageError(f"{name} is a folder; give a text file, or - to read stdin")
        if not path.is_file():
            raise UsageError(f"no such file: {name} (give a text file, or - to read stdin)")
        data = path.read_bytes()
    if encoding is None:
        refuse_binary(name, data[:SAMPLE_BYTES], "a text file")
    try:
        codecs.lookup(encoding or "utf-8")
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}; use utf-8, utf-8-sig, utf-16 or cp1251") from None
    enc = encoding or detect_encoding(data)
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        how = "given" if encoding else "detected"
        raise UsageError(f"cannot decode {name} as {enc} ({how}) at line {line}: {e.reason}; give the "
                         f"file's real encoding with --encoding") from None


def text_inputs(items: list[str]) -> Iterator[str]:
    """Command-line values, with ``-`` meaning one value per line of stdin (blank lines too)."""
    for item in items:
        if item != "-":
            yield item
            continue
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream put in place of stdin
            yield from (line.rstrip("\r\n") for line in sys.stdin)
            continue
        for n, raw in enumerate(stream, 1):
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as e:
                raise UsageError(f"stdin line {n} is not UTF-8 ({e.reason}); convert it first, e.g. "
                                 "iconv -f cp1251 -t utf-8") from None
            yield line.rstrip("\r\n")
