"""The command line: subcommands, stdin, JSON, exit codes, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from namenorm.cli import main

GAZ = str(Path(__file__).parent / "data" / "core" / "news.gaz")


def test_normalize_tsv_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "Kiev", "--gazetteer", GAZ, "--no-bundled"]) == 0
    out = capsys.readouterr().out
    assert out.split("\t")[:4] == ["Kiev", "test:kyiv", "Kyiv", "LOC"]
    assert main(["normalize", "Kiev", "Atlantis", "--gazetteer", GAZ, "--no-bundled"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == "Atlantis\t-"


def test_normalize_json_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "Одессе", "--json", "--explain", "--gazetteer", GAZ, "--no-bundled"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["match"]["id"] == "test:odesa" and "Одесс" in rec["explain"]


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("Kiev\n\nOdessa\n"))
    assert main(["normalize", "-", "--gazetteer", GAZ, "--no-bundled"]) == 0
    ids = [line.split("\t")[1] for line in capsys.readouterr().out.splitlines()]
    assert ids == ["test:kyiv", "test:odesa"]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as e:
        main(["normalize"])
    assert e.value.code == 2
    assert main(["normalize", "x", "--gazetteer", str(tmp_path / "missing.gaz"), "--no-bundled"]) == 2
    assert "gazetteer not found" in capsys.readouterr().err
    assert main(["normalize", "x", "--types", "CITY", "--gazetteer", GAZ, "--no-bundled"]) == 2
    assert "unknown type" in capsys.readouterr().err


def test_gazetteer_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "check", GAZ]) == 0
    bad = tmp_path / "bad.gaz"
    bad.write_text("[Q1] LOC A\nen: Київ\n", encoding="utf-8")
    assert main(["gazetteer", "check", str(bad)]) == 1
    assert f"{bad}:2:" in capsys.readouterr().out


def test_gazetteer_stats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "stats", GAZ]) == 0
    out = capsys.readouterr().out
    assert "type\tLOC\t" in out and "lang\tuk\t" in out


def test_console_script_help() -> None:
    r = subprocess.run([sys.executable, "-m", "namenorm.cli", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "normalize" in r.stdout and "gazetteer" in r.stdout
