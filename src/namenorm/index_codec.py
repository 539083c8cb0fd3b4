"""Encoding the tables of an :class:`~namenorm.index.Index` as plain data, by the type of each value.

Supported: ``list`` of str (or None), int, float, tuples of str, or NamedTuple rows (whose class is
taken from the field's declared type in :mod:`namenorm.index`, never from the data); ``array``;
``bytes``; ``bytearray``; ``frozenset`` of str; ``dict`` of str to int or tuple of ints. A new
field of one of these types needs no change here; any other type is refused with a ``TypeError``
that names the table. Every distinct string of a payload is stored once, in one table, so the
decoded tables share string objects (as unpickled ones did). Decoding builds only these types:
nothing in the data names a class or a function.

>>> payload = encode_tables({"exact": {"kyiv": 0, "kiev": (0, 1)}, "alias_text": ["Kyiv", "Kiev"]})
>>> decode_tables(memoryview(payload))
{'exact': {'kyiv': 0, 'kiev': (0, 1)}, 'alias_text': ['Kyiv', 'Kiev']}
"""

from __future__ import annotations

import json
import struct
import sys
from array import array, typecodes
from operator import itemgetter
from typing import Any

from namenorm.gcpause import paused
from namenorm.index import Index

__all__ = ["StoreError", "decode_tables", "encode_tables"]

_INT64 = (-(1 << 63), (1 << 63) - 1)
Blobs = list[bytes]  # written
Views = list[memoryview]  # read: slices of the payload, not copies
_GATHER = 1 << 16  # indices per itemgetter call: bounds the ints made at once


class StoreError(Exception):
    """A stored part is missing, damaged, of another format, or not safely owned."""


# -- strings: one table per part, every distinct string once (shared, as pickle's memo shares them) --
class _Strings:
    """The string table of a part being written; id 0 stands for None."""

    def __init__(self) -> None:
        self.ids: dict[str | None, int] = {None: 0}

    def add(self, items: list[Any]) -> tuple[dict[str, Any], Blobs]:
        """Store ``items`` (str or None): a slice of the table when all are new, else their ids."""
        start = len(self.ids)
        new = [s for s in dict.fromkeys(items) if s not in self.ids]
        self.ids.update(zip(new, range(start, start + len(new)), strict=True))
        if len(new) == len(items):
            return {"slice": [start, len(new)]}, []
        ids = array("I")
        for at in range(0, len(items), _GATHER):  # itemgetter: a lookup loop in C
            chunk = items[at : at + _GATHER]
            ids.extend(itemgetter(*chunk)(self.ids) if len(chunk) > 1 else [self.ids[chunk[0]]])
        return {}, [ids.tobytes()]

    def table(self) -> tuple[dict[str, Any], bytes]:
        pool = list(self.ids)[1:]
        text = "\0".join(pool)  # type: ignore[arg-type]
        nul = text.count("\0") != max(len(pool) - 1, 0)  # a string holds a NUL: JSON keeps it apart
        blob = (json.dumps(pool) if nul else text).encode("utf-8", "surrogatepass")
        return {"n": len(pool), "json": nul}, blob


def _read_table(meta: dict[str, Any], blob: memoryview) -> list[Any]:
    text = str(blob, "utf-8", "surrogatepass")
    pool: list[Any] = (json.loads(text) if meta["json"] else text.split("\0")) if meta["n"] else []
    if len(pool) != meta["n"]:
        raise StoreError("string table of the wrong length")
    pool.insert(0, None)
    return pool


def _dec_strs(meta: dict[str, Any], blobs: Views, pool: list[Any]) -> list[Any]:
    if "slice" in meta:
        start, n = meta["slice"]
        if start < 1 or start + n > len(pool):
            raise StoreError("string slice out of the table")
        return pool[start : start + n]
    idx = array("I")
    idx.frombytes(blobs[0])
    out: list[Any] = []
    for at in range(0, len(idx), _GATHER):  # a gather in C, twice as fast as map or a comprehension
        chunk = idx[at : at + _GATHER]
        out += itemgetter(*chunk)(pool) if len(chunk) > 1 else [pool[chunk[0]]]  # one index: no tuple
    return out


# -- columns: a list of values of one kind, as (kind, meta, blobs) -----------------------------------
def _enc_column(values: list[Any], strings: _Strings) -> tuple[str, dict[str, Any], Blobs]:
    kinds = set(map(type, values))
    if kinds <= {str, type(None)}:
        meta, blobs = strings.add(values)
        return "strs", meta, blobs
    if kinds == {int} and _INT64[0] <= min(values) and max(values) <= _INT64[1]:
        return "ints", {}, [array("q", values).tobytes()]
    if kinds == {float}:
        return "floats", {}, [array("d", values).tobytes()]
    if kinds == {tuple} and all(type(s) is str for t in values for s in t):
        meta, blobs = strings.add([s for t in values for s in t])
        return "str_tuples", meta, [array("I", map(len, values)).tobytes(), *blobs]
    if kinds <= {str, int, float, bool, type(None)}:  # mixed scalars: JSON keeps each one's type
        return "json", {}, [json.dumps(values).encode()]
    raise TypeError(f"cannot store a list of {sorted(k.__name__ for k in kinds)}")


def _dec_column(kind: str, meta: dict[str, Any], blobs: Views, pool: list[Any]) -> list[Any]:
    if kind == "strs":
        return _dec_strs(meta, blobs, pool)
    if kind in ("ints", "floats"):
        a = array("q" if kind == "ints" else "d")
        a.frombytes(blobs[0])
        return a.tolist()
    if kind == "str_tuples":
        lens = array("I")
        lens.frombytes(blobs[0])
        flat, out, start = _dec_strs(meta, blobs[1:], pool), [], 0
        for n in lens:
            out.append(tuple(flat[start : start + n]))
            start += n
        return out
    if kind == "json":
        values: list[Any] = json.loads(bytes(blobs[0]))
        return values
    raise StoreError(f"unknown column kind {kind!r}")


# -- fields: one table of the index --------------------------------------------------------------
def _row_type(name: str) -> Any:
    """The NamedTuple class of a ``list[Row]`` field, from the declared type (never from the file)."""
    hint = str(Index.__dataclass_fields__[name].type)
    if not (hint.startswith("list[") and hint.endswith("]")):
        raise StoreError(f"{name} is declared {hint}, not a list of rows")
    cls = getattr(sys.modules[Index.__module__], hint[5:-1], None)
    if not (isinstance(cls, type) and issubclass(cls, tuple) and hasattr(cls, "_fields")):
        raise StoreError(f"{name}: {hint[5:-1]} is not a NamedTuple of the index module")
    return cls


def _enc_field(value: object, strings: _Strings) -> tuple[str, dict[str, Any], Blobs]:
    if isinstance(value, array):
        return "array", {"typecode": value.typecode}, [value.tobytes()]
    if type(value) in (bytes, bytearray):
        return type(value).__name__, {}, [bytes(value)]  # type: ignore[call-overload]
    if type(value) is frozenset:
        kind, meta, blobs = _enc_column(sorted(value), strings)
        if kind != "strs":
            raise TypeError(f"cannot store a frozenset of {kind}")
        return "frozenset", meta, blobs
    if type(value) is list and value and hasattr(value[0], "_fields"):
        if any(type(r) is not type(value[0]) for r in value):
            raise TypeError("rows of more than one type")
        columns = [_enc_column(list(col), strings) for col in zip(*value, strict=True)]
        meta = {"n": len(value), "fields": list(value[0]._fields), "columns": [[k, m, len(b)] for k, m, b
                                                                              in columns]}
        return "rows", meta, [blob for _, _, blobs in columns for blob in blobs]
    if type(value) is list:
        kind, meta, blobs = _enc_column(value, strings)
        return "list", {"kind": kind, **meta}, blobs
    if type(value) is dict and all(type(k) is str for k in value):
        keys_meta, key_blobs = strings.add(list(value))
        values = list(value.values())
        types = list(map(type, values))
        tuples = [(i, values[i]) for i, t in enumerate(types) if t is not int] if set(types) - {int} else []
        for i, _ in tuples:
            values[i] = 0
        vals = array("q", values)
        if any(type(v) is not tuple or any(type(x) is not int for x in v) for _, v in tuples):
            raise TypeError("dict values must be int or tuple of int")
        meta = {"keys": keys_meta, "n_key_blobs": len(key_blobs)}
        return "refs", meta, [*key_blobs, vals.tobytes(), array("I", (i for i, _ in tuples)).tobytes(),
                              array("I", (len(v) for _, v in tuples)).tobytes(),
                              array("q", (x for _, v in tuples for x in v)).tobytes()]
    raise TypeError(f"cannot store a {type(value).__name__}")


def _dec_field(name: str, kind: str, meta: dict[str, Any], blobs: Views, pool: list[Any]) -> object:
    if kind == "array":
        if meta["typecode"] not in typecodes:
            raise StoreError(f"{name}: unknown array type {meta['typecode']!r}")
        a = array(meta["typecode"])
        a.frombytes(blobs[0])
        return a
    if kind in ("bytes", "bytearray"):
        return bytes(blobs[0]) if kind == "bytes" else bytearray(blobs[0])
    if kind == "frozenset":
        return frozenset(_dec_strs(meta, blobs, pool))
    if kind == "rows":
        cls, cols, at = _row_type(name), [], 0
        if list(cls._fields) != meta["fields"]:
            raise StoreError(f"{name}: stored fields {meta['fields']} are not {list(cls._fields)}")
        for ckind, cmeta, n in meta["columns"]:
            cols.append(_dec_column(ckind, cmeta, blobs[at : at + n], pool))
            at += n
        return list(map(cls, *cols)) if cols else []
    if kind == "list":
        return _dec_column(meta["kind"], meta, blobs, pool)
    if kind == "refs":
        nk = meta["n_key_blobs"]
        keys = _dec_strs(meta["keys"], blobs[:nk], pool)
        vals, pos, lens, flat = array("q"), array("I"), array("I"), array("q")
        for a, blob in zip((vals, pos, lens, flat), blobs[nk:], strict=True):
            a.frombytes(blob)
        if len(vals) != len(keys):
            raise StoreError(f"{name}: {len(keys)} keys but {len(vals)} values")
        table: dict[str, Any] = dict(zip(keys, vals, strict=True))
        flat_list, start = flat.tolist(), 0
        for i, n in zip(pos, lens, strict=True):
            table[keys[i]] = tuple(flat_list[start : start + n])
            start += n
        if start != len(flat_list):
            raise StoreError(f"{name}: {len(flat_list) - start} values in no tuple")
        return table
    raise StoreError(f"{name}: unknown field kind {kind!r}")


# -- payloads: a JSON manifest, the string table, the blobs ------------------------------------------
def encode_tables(tables: dict[str, object]) -> bytes:
    """The payload holding ``tables``: manifest length, JSON manifest, string table, blobs."""
    fields, blobs, strings = [], [], _Strings()
    for name, value in tables.items():
        try:
            kind, meta, field_blobs = _enc_field(value, strings)
        except TypeError as e:
            raise TypeError(f"table {name}: {e}") from None
        fields.append([name, kind, meta, [len(b) for b in field_blobs]])
        blobs += field_blobs
    table_meta, table = strings.table()
    head = json.dumps({"strings": [table_meta, len(table)], "fields": fields}).encode()
    return b"".join([struct.pack("<I", len(head)), head, table, *blobs])


def decode_tables(payload: memoryview) -> dict[str, object]:
    """The tables of a payload made by :func:`encode_tables`; raises :class:`StoreError`."""
    try:
        (n,) = struct.unpack_from("<I", payload)
        manifest = json.loads(bytes(payload[4 : 4 + n]))
        table_meta, size = manifest["strings"]
        at, out = 4 + n + size, {}
        with paused():  # millions of small objects, no cycles
            pool = _read_table(table_meta, payload[4 + n : at])
            for name, kind, meta, sizes in manifest["fields"]:
                blobs = []
                for size in sizes:
                    blobs.append(payload[at : at + size])
                    at += size
                out[name] = _dec_field(name, kind, meta, blobs, pool)
        if at != len(payload):
            raise StoreError(f"{len(payload) - at} bytes after the last table")
    except StoreError:
        raise
    except Exception as e:  # a payload this code did not write (its checksum is checked before)
        raise StoreError(f"undecodable payload ({type(e).__name__}: {e})") from None
    return out
