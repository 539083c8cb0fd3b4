"""``namenorm clean --fields ...,key`` and the dataframe helpers' ``_key`` column (name_key's key)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from namenorm._columns import FrameOptions, new_columns
from namenorm.api import Normalizer
from namenorm.csvclean.cli import main
from namenorm.csvclean.report import group_key
from namenorm.name_keys import unresolved_key
from namenorm.options import LookupOptions

GAZ = str(Path(__file__).parent / "data" / "clean" / "places.gaz")
OPTS = ["--gazetteer", GAZ, "--no-bundled", "-q"]
VALUES = ["Kiev", "Киеве", "Ларри Пейджа", "Larry Page", "Ларрі Пейдж", "Ларри Кинг", "", "???"]


def _clean(tmp_path: Path, *args: str) -> list[list[str]]:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\n").writerows([["who"], *[[v] for v in VALUES]])
    src.write_text(buf.getvalue(), encoding="utf-8")
    assert main(["clean", str(src), "-c", "who", "-o", str(out), *args, *OPTS]) == 0
    return list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))


def test_key_field_is_the_id_or_the_unresolved_key(tmp_path: Path) -> None:
    rows = _clean(tmp_path, "--fields", "id,key")
    assert rows[0] == ["who", "who_id", "who_key"]
    got = {r[0]: r[2] for r in rows[1:]}
    assert got["Kiev"] == got["Киеве"] == "cleantest:kyiv"
    assert got["Ларри Пейджа"] == got["Larry Page"] == got["Ларрі Пейдж"] == unresolved_key("Larry Page")
    assert got["Ларри Пейджа"].startswith("~") and got["Ларри Кинг"] not in ("", got["Larry Page"])
    assert got[""] == "" and got["???"] == ""  # no name: no key (and the row is kept)
    assert len(rows) == len(VALUES) + 1


def test_key_is_not_written_unless_asked_for(tmp_path: Path) -> None:
    default = ["who", "who_id", "who_name", "who_type", "who_score", "who_method", "who_base"]
    assert _clean(tmp_path)[0] == default
    assert _clean(tmp_path, "--fields", "key", "--suffixes", "key=_entity")[0] == ["who", "who_entity"]


def test_report_groups_by_the_key(tmp_path: Path) -> None:
    report = tmp_path / "r.csv"
    _clean(tmp_path, "--report", str(report))
    rows = list(csv.reader(io.StringIO(report.read_text(encoding="utf-8"))))
    page = next(r for r in rows[1:] if r[0] == unresolved_key("Larry Page"))
    assert page[1] == "3"
    assert set(page[2].split(" | ")) == {"Ларри Пейджа (1)", "Larry Page (1)", "Ларрі Пейдж (1)"}
    assert group_key("???") == "" and group_key("Ларри Кинг") != page[0]


def test_frame_key_column() -> None:
    n = Normalizer(gazetteers=[GAZ], include_bundled=False)
    cols = new_columns(VALUES, n, FrameOptions.of(LookupOptions.parse(), fields="id,key"))
    assert cols["_key"]["Kiev"] == "cleantest:kyiv"
    assert cols["_key"]["Ларри Пейджа"] == cols["_key"]["Larry Page"] == unresolved_key("Larry Page")
    assert cols["_key"][""] is None and cols["_id"]["Larry Page"] is None
