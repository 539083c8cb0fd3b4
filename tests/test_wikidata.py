"""``namenorm gazetteer from-wikidata``: dump and SPARQL fixtures in the real formats (written by
tests/wikidata_fixtures.py), types, priors, languages, former names, skips, bad input, and the
round trip of generated entities into a pack that ``gazetteer check`` accepts."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from namenorm import Normalizer
from namenorm.cli import main
from namenorm.gazetteer import check, load
from namenorm.gazetteer.model import Entity
from namenorm.wikidata.classes import CLASSES, GENDER, type_of
from namenorm.wikidata.cli import build
from namenorm.wikidata.pack import Pack
from namenorm.wikidata.read import item_from_entity
from wikidata_fixtures import DATA, dump_text, entity, fixture_entities, sparql_result, statement

ROOT = Path(__file__).resolve().parents[1]
DUMPS = ["dump.json", "dump.json.gz", "dump.json.bz2"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "namenorm.cli", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def build_pack(tmp_path: Path, source: str, *options: str) -> tuple[Path, dict[str, Entity]]:
    out = tmp_path / "pack.gaz"
    assert main(["gazetteer", "from-wikidata", str(DATA / source), "-o", str(out), *options]) == 0
    ents, problems = check([out])
    assert problems == []
    return out, {e.id: e for e in ents}


def names(e: Entity, lang: str | None = None) -> set[str]:
    return {a.text for a in e.aliases if lang is None or a.lang == lang}


def test_fixtures_are_current() -> None:
    assert (DATA / "dump.json").read_text(encoding="utf-8") == dump_text(fixture_entities())
    assert json.loads((DATA / "sparql.json").read_text(encoding="utf-8")) == sparql_result()


@pytest.mark.parametrize("source", DUMPS)
def test_dump_formats_give_the_same_pack(tmp_path: Path, source: str) -> None:
    (tmp_path / "plain").mkdir()
    out, ents = build_pack(tmp_path, source)
    plain, _ = build_pack(tmp_path / "plain", "dump.json")

    def body(pack: Path) -> list[str]:  # all but the lines naming the input
        lines = pack.read_text("utf-8").splitlines()
        return [line for line in lines if not line.startswith(("#", "@source"))]

    assert body(out) == body(plain)
    assert sorted(ents) == ["Q1128431", "Q1899", "Q3874799", "Q48256", "Q48283"]


def test_types_priors_gender_country(tmp_path: Path) -> None:
    _, ents = build_pack(tmp_path, "dump.json")
    kyiv, zel, tym, naf = ents["Q1899"], ents["Q3874799"], ents["Q48283"], ents["Q1128431"]
    assert (kyiv.type, zel.type, naf.type) == ("LOC", "PER", "ORG")
    assert kyiv.prior == 2_952_301  # the latest population; the deprecated 9,999,999 is ignored
    assert zel.prior == 180 and naf.prior == 30  # no population: sitelink count
    assert (zel.gender, tym.gender, kyiv.gender) == ("m", "f", None)
    assert (kyiv.country, zel.country, tym.country) == ("UA", "UA", None)  # Q212 is a curated country
    assert kyiv.source == "wikidata:Q1899" and kyiv.name == "Kyiv"


def test_skipped_items_are_counted(tmp_path: Path) -> None:
    out, ents = build_pack(tmp_path, "dump.json", "--langs", "en,uk,ru")
    assert "Q4167836" not in ents and "Q99999001" not in ents  # category class; name only in ja
    footer = out.read_text(encoding="utf-8").splitlines()[-1]
    assert footer == ("# 8 read, 5 written, 3 skipped (2 no class of the asked types (line not decoded), "
                      "1 no name in en,uk,ru); 1 names left out (not representable in .gaz)")


def test_lines_decoded_without_the_prefilter_are_skipped_for_the_same_reasons(tmp_path: Path) -> None:
    from namenorm.wikidata.read import NOT_ITEM, read_items

    got = list(read_items(DATA / "dump.json"))
    assert [x if isinstance(x, str) else x.qid for x in got] == [
        "Q1899", "Q48256", "Q3874799", "Q48283", "Q1128431", "Q4167836", "Q99999001", NOT_ITEM]
    pack = Pack(types=("LOC", "PER"))
    blocks = [pack.block(x) for x in got if not isinstance(x, str)]
    assert [b.split("]")[0] for b in blocks if b] == ["[Q1899", "[Q48256", "[Q3874799", "[Q48283"]
    assert pack.counts["skipped: unmapped class"] == 1 and pack.counts["skipped: type ORG not asked for"] == 1
    # a line is decoded when an asked class's QID appears anywhere in it: the P31 decides
    src = tmp_path / "d.json"
    src.write_text(dump_text([entity("Q7", {"en": "A"}, None, [statement("P31", "Q4167836"),
                                                               statement("P361", "Q5")])]))
    assert [type(x).__name__ for x in read_items(src, Pack(types=("PER",)).needles())] == ["Item"]


def test_language_filter(tmp_path: Path) -> None:
    _, ents = build_pack(tmp_path, "dump.json", "--langs", "uk,ja")
    kyiv = ents["Q1899"]
    assert names(kyiv, "uk") == {"Київ"} and names(kyiv, "ja") == {"キーウ"}
    assert not names(kyiv, "ru") and not names(kyiv, "de")
    assert kyiv.name == "Київ"  # no en label kept: the first language's label is the canonical name
    assert "Q99999001" in ents  # its only name is in ja
    _, ents = build_pack(tmp_path, "dump.json")  # default en,uk,ru,de,fr,pl
    assert names(ents["Q1899"], "de") == {"Kiew"} and not names(ents["Q1899"], "ja")


def test_duplicate_qids_are_written_once(tmp_path: Path) -> None:
    src = tmp_path / "twice.json"
    ents = [entity(q, {"en": f"Name {i}"}, None, [statement("P31", "Q5")])
            for i, q in enumerate(["Q7", "Q99999999999", "Q7", "Q99999999999", "Q8"])]
    src.write_text(dump_text(ents), encoding="utf-8")
    pack = Pack()
    with (tmp_path / "p.gaz").open("w", encoding="utf-8") as out:
        build(src, out, pack)
    assert pack.counts["written"] == 3 and pack.counts["skipped: duplicate QID"] == 2
    assert len(pack._seen) < 64  # the bitmap covers small QID numbers only
    assert check([tmp_path / "p.gaz"])[1] == []


def test_require_languages(tmp_path: Path) -> None:
    out, ents = build_pack(tmp_path, "dump.json", "--langs", "en,ru,uk", "--require", "ru")
    assert sorted(ents) == ["Q1899", "Q3874799", "Q48256"]  # Tymoshenko, Naftogaz, Q99999001: no ru name
    assert names(ents["Q1899"], "en") == {"Kyiv", "Kiev", "Kyiv city"}  # other languages still kept
    assert "3 no name in ru" in out.read_text("utf-8").splitlines()[-1]
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_former_and_official_names(tmp_path: Path) -> None:
    out, ents = build_pack(tmp_path, "dump.json")
    kinds = {(a.text, a.lang): a.kind for a in ents["Q48256"].aliases}
    assert kinds[("Дніпропетровськ", "uk")] == "former"
    assert kinds[("Дніпро", "uk")] == "official"
    assert "uk: Дніпропетровськ {former,until=2016-05-19}" in out.read_text("utf-8")
    until = {(a.text, a.lang): a.until for a in ents["Q48256"].aliases}
    assert until[("Дніпропетровськ", "uk")] == "2016-05-19"
    _, ents = build_pack(tmp_path, "sparql.json")
    bakhmut = ents["Q706857"]
    assert {(a.text, a.lang): a.kind for a in bakhmut.aliases}[("Артемівськ", "uk")] == "former"
    assert names(bakhmut, "ru") == {"Бахмут", "Артёмовск"} and bakhmut.prior == 73212


def test_entities_one_a_line_without_the_array(tmp_path: Path) -> None:
    src = tmp_path / "lines.json"
    src.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in fixture_entities()), "utf-8")
    (tmp_path / "a").mkdir()
    _, from_lines = build_pack(tmp_path, str(src))
    _, from_dump = build_pack(tmp_path / "a", "dump.json")
    assert {k: names(e) for k, e in from_lines.items()} == {k: names(e) for k, e in from_dump.items()}


def test_item_values_with_only_a_numeric_id() -> None:
    old = entity("Q7", {"en": "Old Dump"}, None, [statement("P31", "Q5"), statement("P21", "Q6581072")])
    for s in old["claims"].values():
        del s[0]["mainsnak"]["datavalue"]["value"]["id"]  # the layout of dumps before 2015
    item = item_from_entity(old)
    assert not isinstance(item, str) and item.classes == ["Q5"] and item.gender == "Q6581072"


def test_types_option(tmp_path: Path) -> None:
    _, ents = build_pack(tmp_path, "dump.json", "--types", "per")
    assert sorted(ents) == ["Q3874799", "Q48283"]


def test_sparql_result(tmp_path: Path) -> None:
    out, ents = build_pack(tmp_path, "sparql.json")
    assert sorted(ents) == ["Q48283", "Q706857"]
    assert ents["Q48283"].gender == "f" and ents["Q48283"].prior == 95
    assert out.read_text("utf-8").splitlines()[-1] == "# 3 read, 2 written, 1 skipped (1 unmapped class)"


def test_sparql_without_type_column(tmp_path: Path) -> None:
    result = sparql_result()
    result["head"]["vars"].remove("type")
    for row in result["results"]["bindings"]:
        row.pop("type")
    src = tmp_path / "notype.json"
    src.write_text(json.dumps(result), encoding="utf-8")
    r = cli("gazetteer", "from-wikidata", str(src), "-o", str(tmp_path / "a.gaz"))
    assert r.returncode == 2 and "no ?type column" in r.stderr and "Traceback" not in r.stderr
    r = cli("gazetteer", "from-wikidata", str(src), "-o", str(tmp_path / "b.gaz"), "--types", "LOC")
    assert r.returncode == 0, r.stderr
    ents = {e.id: e for e in load([tmp_path / "b.gaz"])}
    assert {e.type for e in ents.values()} == {"LOC"} and len(ents) == 3


def test_pack_resolves_with_namenorm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAMENORM_CACHE_DIR", str(tmp_path / "cache"))
    out, _ = build_pack(tmp_path, "dump.json")
    nn = Normalizer(gazetteers=[out], include_bundled=False)
    for text in ("Kiev", "Дніпропетровськ", "Владимира Зеленского"):
        m = nn.normalize(text)
        assert m is not None, text
    assert [nn.normalize(t).id for t in ("Kiev", "Дніпропетровськ", "Владимира Зеленского")] == [  # type: ignore[union-attr]
        "Q1899", "Q48256", "Q3874799"]
    # a pack is generated data (@priority: 1): a surname alone names none of its people, as a
    # surname is shared by many of a large pack's people
    assert nn.normalize("Зеленского") is None


BAD_INPUTS: dict[str, bytes] = {
    "text.json": b"hello, world\n",
    "empty.json": b"",
    "shape.json": b'{"a": 1}\n',
    "sparql-shape.json": b'{"head": {"vars": ["x"]}, "results": {"bindings": []}}\n',
    "broken-line.json": b'[\n{"type": "item", "id": "Q1", "labels": {}},\n{"type": "item", "id": \n]\n',
    "not-entity.json": b'[\n{"id": "Q1", "labels": {"en": "flat"}, "claims": {"P31": "Q5"}}\n]\n',
    "no-id.json": b'[\n{"type": "item", "labels": {}}\n]\n',
    "no-end.json": dump_text(fixture_entities()).removesuffix("]\n").encode(),
    "ndjson-broken.json": b'{"type": "item", "id": "Q1", "labels": {}}\n{"type": "item", "id": "Q2"\n',
    "after-end.json": b'[\n{"type": "item", "id": "Q1"}\n]\nmore\n',
    "latin1.json": '[\n{"id": "Q1", "labels": {"en": {"value": "Café"}}}\n]\n'.encode("latin-1"),
    "truncated.json.gz": gzip.compress(dump_text(fixture_entities()).encode())[:500],
    "damaged.json.bz2": b"BZh9" + bytes(64),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_a_usage_error(tmp_path: Path, name: str) -> None:
    src = tmp_path / name
    src.write_bytes(BAD_INPUTS[name])
    r = cli("gazetteer", "from-wikidata", str(src), "-o", str(tmp_path / "pack.gaz"))
    assert r.returncode == 2, r.stderr
    assert r.stderr.startswith("namenorm gazetteer: ") and str(src) in r.stderr
    assert "Traceback" not in r.stderr
    assert os.listdir(tmp_path) == [name]  # no pack, no temporary file left behind


@pytest.mark.parametrize(("args", "message"), [
    (["--types", "PER,CITY"], "CITY"),
    (["--langs", "en,zh-hans"], "zh-hans"),
    (["--langs", ","], "two-letter"),
])
def test_bad_options(tmp_path: Path, args: list[str], message: str) -> None:
    r = cli("gazetteer", "from-wikidata", str(DATA / "dump.json"), "-o", str(tmp_path / "p.gaz"), *args)
    assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "p.gaz").exists()


def test_unreadable_and_missing_paths(tmp_path: Path) -> None:
    r = cli("gazetteer", "from-wikidata", str(tmp_path / "nope.json"), "-o", str(tmp_path / "p.gaz"))
    assert r.returncode == 2 and "no such file" in r.stderr
    r = cli("gazetteer", "from-wikidata", str(tmp_path), "-o", str(tmp_path / "p.gaz"))
    assert r.returncode == 2 and "no such file" in r.stderr
    r = cli("gazetteer", "from-wikidata", str(DATA / "dump.json"), "-o", str(tmp_path / "no" / "p.gaz"))
    assert r.returncode == 2 and "does not exist" in r.stderr
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.json"
        locked.write_text("[\n]\n")
        locked.chmod(0)
        r = cli("gazetteer", "from-wikidata", str(locked), "-o", str(tmp_path / "p.gaz"))
        assert r.returncode == 2 and "cannot read" in r.stderr


def test_summary_off_a_terminal_and_check_still_works(tmp_path: Path) -> None:
    r = cli("gazetteer", "from-wikidata", str(DATA / "dump.json.bz2"), "-o", str(tmp_path / "p.gaz"))
    assert r.returncode == 0
    assert r.stderr.splitlines() == [
        "namenorm gazetteer from-wikidata: 8 read, 5 written, 3 skipped (2 no class of the asked types "
        "(line not decoded), 1 no name in en,uk,ru,de,fr,pl); 1 names left out (not representable in "
        f".gaz); wrote {tmp_path / 'p.gaz'}"]
    assert cli("gazetteer", "check", str(tmp_path / "p.gaz")).returncode == 0
    assert cli("gazetteer", "stats", str(tmp_path / "p.gaz")).stdout.startswith("entities\t5\n")


def test_progress_on_a_terminal(tmp_path: Path) -> None:
    progress = io.StringIO()
    with (tmp_path / "p.gaz").open("w", encoding="utf-8") as out:
        build(DATA / "dump.json", out, Pack(), progress=progress, terminal=True)
    assert progress.getvalue().startswith("\r1 read, 1 written, 0 skipped")


# -- property: any generated entity round-trips --------------------------------------------------

_ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.",
    "de": "abcdefghijklmnopqrstuvwxyzäöüßÄÖÜ",
    "pl": "aąbcćdeęfghijklłmnńoóprsśtuwyzźżŁŚŻ",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЄІЇЮЯ'",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюяЁЭЫ",
    "el": "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔ",
    "ja": "あいうえおかきくけこアイウエオカキク東京大阪",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "ka": "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
}
_LANGS = tuple(_ALPHABETS)


@st.composite
def _names(draw: st.DrawFn, lang: str) -> str:
    word = st.text(_ALPHABETS[lang], min_size=1, max_size=10)
    return draw(st.lists(word, min_size=1, max_size=3).map(lambda ws: " ".join(ws)))


@st.composite
def _entities(draw: st.DrawFn, qid: str) -> dict[str, Any]:
    langs = draw(st.lists(st.sampled_from(_LANGS), min_size=1, max_size=4, unique=True))
    labels = {lang: draw(_names(lang)) for lang in langs}
    aliases = {lang: draw(st.lists(_names(lang), max_size=2)) for lang in langs}
    classes = draw(st.lists(st.sampled_from([*sorted(CLASSES)[:20], "Q5", "Q515", "Q4167836", "Q13442814"]),
                            min_size=1, max_size=3))
    claims = [statement("P31", q) for q in classes]
    for pop, year in draw(st.lists(st.tuples(st.integers(0, 10**8), st.integers(1000, 2030)), max_size=3)):
        claims.append(statement("P1082", pop, P585=f"+{year}-01-01T00:00:00Z"))
    if draw(st.booleans()):
        claims.append(statement("P21", draw(st.sampled_from(sorted(GENDER)))))
    for lang in langs[:1]:
        if draw(st.booleans()):
            claims.append(statement("P1448", (lang, draw(_names(lang))), P582="+2016-05-19T00:00:00Z"))
    return entity(qid, labels, aliases, claims, sitelinks=draw(st.integers(0, 300)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.lists(st.sampled_from(_LANGS), min_size=1, max_size=5, unique=True))
def test_generated_entities_round_trip(data: st.DataObject, langs: list[str]) -> None:
    ents = [data.draw(_entities(f"Q{100 + i}")) for i in range(data.draw(st.integers(1, 4)))]
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "dump.json.bz2", Path(tmp) / "pack.gaz"
        src.write_bytes(bz2.compress(dump_text(ents).encode()))
        with out.open("w", encoding="utf-8") as f:
            build(src, f, Pack(langs=tuple(langs)))
        loaded, problems = check([out])
    assert problems == []
    by_id = {e.id: e for e in loaded}
    for e in ents:
        classes = [s["mainsnak"]["datavalue"]["value"]["id"] for s in e["claims"]["P31"]]
        kept = {(v["value"], lang) for lang, v in e["labels"].items() if lang in langs}
        kept |= {(a["value"], lang) for lang, vs in e["aliases"].items() if lang in langs for a in vs}
        if type_of(classes) is None or not kept:
            assert e["id"] not in by_id
            continue
        got = by_id[e["id"]]
        assert got.type == type_of(classes)
        assert kept <= {(a.text, a.lang) for a in got.aliases}
        kinds = {(a.text, a.lang): a.kind for a in got.aliases}
        for s in e["claims"].get("P1448", []):
            value = s["mainsnak"]["datavalue"]["value"]
            lang, text = value["language"], value["text"]
            if lang in langs and text != e["labels"][lang]["value"]:
                assert kinds[(text, lang)] == "former"
        pops = sorted((s["qualifiers"]["P585"][0]["datavalue"]["value"]["time"],
                       float(s["mainsnak"]["datavalue"]["value"]["amount"]))
                      for s in e["claims"].get("P1082", []))
        assert got.prior == (max(pops)[1] if pops else len(e["sitelinks"]))


@settings(max_examples=60, deadline=None)
@example([("en", "Kyiv {former}"), ("en", "a | b"), ("en", "C# and F #"), ("en", "Київ"), ("ru", "Kиев"),
          ("uk", "Ки\nїв"), ("uk", "\ud800"), ("ja", "e\u0301"), ("ru", "  "), ("uk", "Київ")])
@given(st.lists(st.tuples(st.sampled_from(["en", "uk", "ru", "ja"]), st.text(max_size=20)), min_size=1,
                max_size=6))
def test_any_text_gives_a_valid_pack_and_nothing_silently_lost(labels: list[tuple[str, str]]) -> None:
    """Arbitrary label text (braces, bars, ' #', line breaks, mixed scripts...) never breaks the pack:
    each name is in it, or counted as left out."""
    aliases: dict[str, list[str]] = {}
    for lang, text in labels:
        aliases.setdefault(lang, []).append(text)
    ent = entity("Q42", {}, aliases, [statement("P31", "Q5")])
    pack = Pack(langs=("en", "uk", "ru", "ja"))
    item = item_from_entity(ent)
    assert item is not None
    block = pack.block(item)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "p.gaz"
        out.write_text("@ambiguous: allowed\n" + (block or ""), encoding="utf-8")
        loaded, problems = check([out])
    assert problems == []
    have = {(a.text, a.lang) for e in loaded for a in e.aliases if a.kind != "canonical"}
    if block and "\nen: " in block:  # the canonical name is an en label (the parser keeps it as canonical)
        have |= {(e.name, "en") for e in loaded}
    missing = [(lang, raw) for lang, raw in labels
               if (unicodedata.normalize("NFC", raw).strip(), lang) not in have]
    assert len(missing) == pack.counts["names left out (not representable in .gaz)"]
    assert (block is None) == (not have)


def test_help_documents_the_subcommand() -> None:
    r = cli("gazetteer", "--help")
    assert r.returncode == 0 and "from-wikidata" in r.stdout and "check" in r.stdout
    r = cli("gazetteer", "from-wikidata", "--help")
    assert r.returncode == 0
    for option in ("--langs", "--types", "--require", "-o PACK", "?officialNameEnd"):
        assert option in r.stdout
    r = cli("gazetteer", "from-wikidata", str(DATA / "dump.json"))
    assert r.returncode == 2 and "-o" in r.stderr
