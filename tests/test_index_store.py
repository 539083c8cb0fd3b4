"""The index store: a round trip gives back equal tables of the same types; damage is detected."""

from __future__ import annotations

import dataclasses
import os
import stat
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm.index import LAZY_TABLES, Ent, Index
from namenorm.index_store import CORE_FILE, LAZY_FILE, StoreError, dump, load, read_part

texts = st.text(max_size=12)  # NUL and every other character included
opt_texts = st.none() | texts
ints = st.integers(-(2**63), 2**63 - 1)
refs = st.dictionaries(texts, ints | st.lists(ints, max_size=4).map(tuple), max_size=30)
ents = st.builds(Ent, texts, texts, texts, opt_texts, st.floats(allow_nan=False), st.integers(0, 9),
                 opt_texts, opt_texts, st.lists(texts, max_size=3).map(tuple))
index_arrays = st.lists(st.integers(-(2**31), 2**31 - 1), max_size=30).map(lambda xs: array("i", xs))
indexes = st.builds(
    Index, ents=st.lists(ents, max_size=10), alias_ent=index_arrays,
    alias_text=st.lists(texts, max_size=30),
    alias_lang=st.lists(st.sampled_from(["en", "uk", "xx"]), max_size=30),
    alias_flags=st.binary(max_size=30).map(bytearray), exact=refs, forms=refs, latin=refs, skel=refs,
    surname=refs, fuzzy_keys=st.lists(texts, max_size=30), fuzzy_alias=index_arrays,
    grams=st.dictionaries(texts, ints, max_size=30), gram_keys=st.lists(texts, max_size=30),
    gram_lens=st.binary(max_size=30), lemma_gate=st.frozensets(texts, max_size=30),
    country_codes=st.dictionaries(texts, st.integers(0, 10**6), max_size=10))


def _tables(ix: Index) -> dict[str, object]:
    return {f.name: getattr(ix, f.name) for f in dataclasses.fields(Index)}


def _no_rebuild(error: StoreError) -> dict[str, object]:
    raise AssertionError(f"unexpected rebuild: {error}")


@settings(max_examples=60, deadline=None)
@given(indexes)
def test_round_trip_gives_equal_tables_of_the_same_types(tmp_path_factory: pytest.TempPathFactory,
                                                          ix: Index) -> None:
    folder = tmp_path_factory.mktemp("entry")
    dump(ix, folder)
    back = _tables(load(folder, _no_rebuild))
    for name, value in _tables(ix).items():
        assert back[name] == value, name
        assert type(back[name]) is type(value), name
        if isinstance(value, array):
            assert back[name].typecode == value.typecode  # type: ignore[attr-defined]
        if name == "ents":
            assert all(type(a) is type(b) for row, brow in zip(value, back[name], strict=True)  # type: ignore[call-overload]
                       for a, b in zip(row, brow, strict=True))


def test_lazy_tables_are_read_on_first_use(tmp_path: Path) -> None:
    dump(Index(exact={"kyiv": 0}, latin={"kyyiv": 0}), tmp_path)
    ix = load(tmp_path, _no_rebuild)
    assert "latin" not in ix.__dict__ and ix.exact == {"kyiv": 0}
    assert ix.latin == {"kyyiv": 0} and ix.gram_lens == b""


def test_no_lazy_table_has_a_class_default_that_would_hide_it() -> None:
    # a class attribute is found before __getattr__ runs: the stored table would never be read
    assert [n for n in LAZY_TABLES if n in vars(Index)] == []
    assert set(LAZY_TABLES) <= {f.name for f in dataclasses.fields(Index)}


def test_an_unsupported_table_type_is_refused_on_write(tmp_path: Path) -> None:
    ix = Index(exact={"kyiv": "Q1899"})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="exact"):
        dump(ix, tmp_path)
    with pytest.raises(TypeError, match="ents"):
        dump(Index(ents=[{1}, {2}]), tmp_path)  # type: ignore[list-item]


def _part(tmp_path: Path, name: str) -> Path:
    dump(Index(exact={"kyiv": 0, "kiev": (0, 1)}, alias_text=["Kyiv", "Kiev"], latin={"kyyiv": 0}), tmp_path)
    return tmp_path / name


@pytest.mark.parametrize("name", [CORE_FILE, LAZY_FILE])
def test_every_flipped_bit_and_truncation_is_detected(tmp_path: Path, name: str) -> None:
    path = _part(tmp_path, name)
    data = path.read_bytes()
    for bit in range(len(data) * 8):
        damaged = bytearray(data)
        damaged[bit // 8] ^= 1 << bit % 8
        path.write_bytes(damaged)
        with pytest.raises(StoreError), open(path, "rb") as f:
            read_part(f.fileno())
    for size in range(len(data)):
        path.write_bytes(data[:size])
        with pytest.raises(StoreError), open(path, "rb") as f:
            read_part(f.fileno())


def test_a_part_that_others_can_write_or_that_is_a_symlink_is_refused(tmp_path: Path) -> None:
    path = _part(tmp_path, CORE_FILE)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o620)
    with pytest.raises(StoreError, match="writable by others"):
        load(tmp_path, _no_rebuild)
    path.chmod(0o600)
    os.rename(path, tmp_path / "real")
    path.symlink_to(tmp_path / "real")
    with pytest.raises(StoreError, match="cannot open"):
        load(tmp_path, _no_rebuild)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_a_part_owned_by_someone_else_is_refused(tmp_path: Path) -> None:
    os.chown(_part(tmp_path, CORE_FILE), 65534, 65534)
    with pytest.raises(StoreError, match="owned by uid 65534"):
        load(tmp_path, _no_rebuild)


def test_a_damaged_lazy_part_is_handed_to_the_rebuild_at_first_use(tmp_path: Path) -> None:
    path = _part(tmp_path, LAZY_FILE)
    rebuilt = {"latin": {"rebuilt": 1}, **{n: {} for n in LAZY_TABLES if n != "latin"}}
    ix = load(tmp_path, lambda error: rebuilt)
    path.write_bytes(path.read_bytes()[:-1])  # damaged after the core was read, before first use
    assert ix.latin == {"rebuilt": 1}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open descriptors through /proc")
def test_an_index_dropped_before_its_lazy_read_closes_its_descriptor(tmp_path: Path) -> None:
    import gc

    _part(tmp_path, CORE_FILE)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        load(tmp_path, _no_rebuild)
    read = load(tmp_path, _no_rebuild)
    assert read.latin == {"kyyiv": 0}
    gc.collect()
    assert len(os.listdir("/proc/self/fd")) == before
