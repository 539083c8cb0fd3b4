"""The command line through the real program (``python -m namenorm`` in a subprocess): version, the
subcommands, normalize's output, JSON Lines, exit codes, and messages that name the real problem.

Every run uses the small test gazetteer (``--no-bundled``), so no test loads the full index.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import namenorm

SRC = str(Path(namenorm.__file__).resolve().parent.parent)
GAZ = str(Path(__file__).parent / "data" / "core" / "news.gaz")
OWN = ("--gazetteer", GAZ, "--no-bundled")


def cli(*args: str, stdin: str | bytes = b"", code: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m namenorm ARGS`` (or ``python -c CODE``) with this checkout first on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (SRC, os.environ.get("PYTHONPATH")) if p)}
    cmd = [sys.executable, "-c", code] if code else [sys.executable, "-m", "namenorm", *args]
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    r = subprocess.run(cmd, input=data, capture_output=True, env=env, check=False)
    out, err = r.stdout.decode("utf-8"), r.stderr.decode("utf-8")
    return subprocess.CompletedProcess(r.args, r.returncode, out, err)


def tsv(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.split("\n")[:-1]]


# -- 1. version, python -m ----------------------------------------------------------------------
def test_version_and_python_m() -> None:
    from importlib import metadata

    r = cli("--version")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"namenorm {metadata.version('namenorm')}"
    r = cli()
    assert r.returncode == 2 and "usage: namenorm" in r.stderr and "COMMAND" in r.stderr


def test_version_falls_back_to_the_source_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    from namenorm.cli import package_version

    def missing(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    assert package_version() == namenorm.__version__


# -- 2. explicit subcommands -----------------------------------------------------------------------
def test_help_lists_every_subcommand_and_the_exit_codes() -> None:
    r = cli("--help")
    assert r.returncode == 0
    for command in ("normalize", "extract", "clean", "translit", "gazetteer"):
        assert command in r.stdout
    assert "exit codes:" in r.stdout and "--fail-on-miss" in r.stdout
    from namenorm.cli import build_parser

    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    for command, parser in commands.items():
        assert "exit codes:\n  0    the command ran" in parser.format_help(), command


@pytest.mark.parametrize("module", ["namenorm.csvclean.cli", "namenorm.extract.cli",
                                    "namenorm.normalize_cli"])
def test_a_broken_subcommand_import_fails_loudly(module: str) -> None:
    # a subcommand whose module cannot be imported must not silently vanish from the command line
    r = cli(code=f"import sys; sys.modules[{module!r}] = None; "
                 "from namenorm.cli import main; sys.exit(main(['--help']))")
    assert r.returncode == 1 and "ModuleNotFoundError" in r.stderr and module in r.stderr


# -- 3. normalize ----------------------------------------------------------------------------------
def test_normalize_header_ambiguous_and_misses() -> None:
    r = cli("normalize", "Kiev", "Paris", "Atlantis", *OWN)
    assert r.returncode == 0, r.stderr  # a miss is data, not an error
    rows = tsv(r.stdout)
    assert rows[0] == ["input", "id", "name", "type", "score", "method", "ambiguous"]
    assert rows[1] == ["Kiev", "test:kyiv", "Kyiv", "LOC", "1.00", "exact", "false"]
    assert rows[2][:2] == ["Paris", "test:paris"] and rows[2][6] == "true"
    assert rows[3] == ["Atlantis", "", "", "", "", "", ""]
    assert tsv(cli("normalize", "Kiev", "--no-header", *OWN).stdout) == [rows[1]]


def test_normalize_stdin_keeps_one_row_per_line() -> None:
    lines = ["Kiev", "", "Одессе", "   ", "Atlantis", "tab\there"]
    r = cli("normalize", "-", "--no-header", *OWN, stdin="\n".join(lines) + "\n")
    assert r.returncode == 0, r.stderr
    rows = tsv(r.stdout)
    assert [row[0] for row in rows] == ["Kiev", "", "Одессе", "   ", "Atlantis", "tab here"]
    assert [row[1] for row in rows] == ["test:kyiv", "", "test:odesa", "", "", ""]
    r = cli("normalize", "-", "--jsonl", *OWN, stdin="\r\n".join(lines))
    recs = [json.loads(x) for x in r.stdout.split("\n")[:-1]]
    assert [rec["input"] for rec in recs] == lines  # JSON keeps the input exactly


def test_normalize_stdin_that_is_not_utf8() -> None:
    r = cli("normalize", "-", *OWN, stdin="Kiev\nКиев\n".encode("cp1251"))
    assert r.returncode == 2 and "stdin line 2 is not UTF-8" in r.stderr and "iconv" in r.stderr


def test_normalize_explain_says_why_nothing_matched() -> None:
    r = cli("normalize", "Kiev", "Atlantis", "", "--explain", "--no-header", *OWN)
    rows = tsv(r.stdout)
    assert all(len(row) == 8 for row in rows)
    assert rows[0][7].startswith("'Kiev' -> exact alias 'Kiev'")
    assert rows[1][7] == "no alias, inflected form, romanisation or near spelling matched 'Atlantis'"
    assert rows[2][7] == "the input is blank"
    r = cli("normalize", "Kiev", "--types", "PER", "--country", "FR", "--explain", "--jsonl", *OWN)
    rec = json.loads(r.stdout)
    assert rec["match"] is None
    assert rec["explain"] == ("nothing matched 'Kiev' with --types PER --country FR; without those hints it "
                              "would be test:kyiv (Kyiv, LOC, UA)")
    r = cli("normalize", "Sergey Lavorv", "--no-fuzzy", "--explain", "--jsonl", *OWN)
    assert "with fuzzy matching it would be test:lavrov" in json.loads(r.stdout)["explain"]


def test_normalize_candidates() -> None:
    r = cli("normalize", "Paris", "Atlantis", "--candidates", "5", "--explain", *OWN)
    rows = tsv(r.stdout)
    assert rows[0][:3] == ["input", "rank", "id"] and rows[0][-1] == "explain"
    assert [row[:3] for row in rows[1:]] == [["Paris", "1", "test:paris"], ["Paris", "2", "test:paris-tx"],
                                             ["Atlantis", "", ""]]
    assert "see --candidates" in rows[1][-1] and "candidates()" not in r.stdout
    rec = json.loads(cli("normalize", "Paris", "--candidates", "1", "--jsonl", *OWN).stdout)
    assert [c["id"] for c in rec["candidates"]] == ["test:paris"] and rec["match"]["id"] == "test:paris"
    r = cli("normalize", "Paris", "--candidates", "0", *OWN)
    assert r.returncode == 2 and "--candidates: must be at least 1" in r.stderr


# -- 4. one JSON convention ------------------------------------------------------------------------
def test_jsonl_everywhere_and_json_as_a_hidden_alias() -> None:
    new = cli("normalize", "Kiev", "--jsonl", *OWN).stdout
    assert new == cli("normalize", "Kiev", "--json", *OWN).stdout
    assert json.loads(new)["match"]["id"] == "test:kyiv"
    text = "Зеленский прибыл в Киев.\n"
    assert cli("extract", "-", "--json", *OWN, stdin=text).stdout == cli("extract", "-", "--jsonl", *OWN,
                                                                        stdin=text).stdout
    for command in ("normalize", "extract"):
        shown = cli(command, "--help").stdout
        assert "--jsonl" in shown and "--json " not in shown and "--json\n" not in shown


def test_extract_types_country_and_encoding(tmp_path: Path) -> None:
    text = "Зеленский прибыл в Киев. Lavrov met USA officials.\n"
    src = tmp_path / "news.txt"
    src.write_bytes(text.encode("cp1251"))
    every = tsv(cli("extract", str(src), *OWN).stdout)
    assert [row[3] for row in every] == ["test:zelenskyy", "test:kyiv", "test:lavrov", "test:usa"]
    assert every == tsv(cli("extract", "-", *OWN, stdin=text).stdout)  # cp1251 detected as clean does
    assert [row[3] for row in tsv(cli("extract", str(src), "--types", "per", *OWN).stdout)] == \
        ["test:zelenskyy", "test:lavrov"]
    assert [row[3] for row in tsv(cli("extract", str(src), "--country", "UA", *OWN).stdout)] == \
        ["test:zelenskyy", "test:kyiv"]
    wrong = cli("extract", str(src), "--encoding", "utf-8", *OWN)
    assert wrong.returncode == 2 and "cannot decode" in wrong.stderr
    assert "as utf-8 (given) at line 1" in wrong.stderr
    src.write_bytes(text.encode("utf-16"))
    assert tsv(cli("extract", str(src), *OWN).stdout) == every


# -- 5. exit codes ---------------------------------------------------------------------------------
def test_exit_codes_misses_are_data_unless_asked(tmp_path: Path) -> None:
    assert cli("normalize", "Kiev", "Atlantis", *OWN).returncode == 0
    assert cli("normalize", "Kiev", "Atlantis", "--fail-on-miss", *OWN).returncode == 1
    assert cli("normalize", "Kiev", "--fail-on-miss", *OWN).returncode == 0
    src = tmp_path / "in.csv"
    src.write_text("city,n\nKiev,1\nAtlantis,2\n", encoding="utf-8")
    r = cli("clean", str(src), "-c", "city", "-q", *OWN)
    assert r.returncode == 0 and r.stdout.split("\n")[2].startswith("Atlantis,,")
    assert cli("clean", str(src), "-c", "city", "-q", "--fail-on-miss", *OWN).returncode == 1
    src.write_text("city\nKiev\n\n", encoding="utf-8")  # an empty cell is not a miss
    assert cli("clean", str(src), "-c", "city", "-q", "--fail-on-miss", *OWN).returncode == 0
    bad = tmp_path / "bad.gaz"
    bad.write_text("[Q1] LOC A\nen: Київ\n", encoding="utf-8")
    assert cli("gazetteer", "check", str(bad)).returncode == 1
    assert cli("gazetteer", "check", GAZ).returncode == 0


# -- 6. messages that name the real problem -------------------------------------------------------
def elf_file(tmp_path: Path) -> Path:
    exe = Path(sys.executable).resolve()
    if exe.read_bytes()[:4] == b"\x7fELF":
        return exe
    fake = tmp_path / "prog"
    fake.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    return fake


def test_binary_input_is_named_as_such(tmp_path: Path) -> None:
    noise = tmp_path / "noise.csv"
    noise.write_bytes(os.urandom(1 << 15))
    elf = elf_file(tmp_path)
    for command, want in (("clean", "give a CSV or TSV file"), ("extract", "give a text file")):
        extra = ("-c", "city") if command == "clean" else ()
        r = cli(command, str(noise), *extra, *OWN)
        assert r.returncode == 2 and "is not a text file" in r.stderr and want in r.stderr, r.stderr
        assert "cp1251" not in r.stderr
        r = cli(command, str(elf), *extra, *OWN)
        assert r.returncode == 2 and "it looks like an ELF executable" in r.stderr, r.stderr
        assert "unknown column" not in r.stderr
    r = cli("clean", "-", "-c", "city", *OWN, stdin=noise.read_bytes())
    assert r.returncode == 2 and "<stdin> is not a text file" in r.stderr


def test_a_failed_encoding_is_not_suggested_again(tmp_path: Path) -> None:
    src = tmp_path / "tilde.csv"  # cp1252's small tilde, 0x98, is the one byte cp1251 cannot decode
    src.write_bytes(b"city,n\nKiev \x98x,1\n")
    r = cli("clean", str(src), "-c", "city", *OWN)
    assert r.returncode == 2 and "cannot decode" in r.stderr and "as cp1251 (detected" in r.stderr
    assert "--encoding utf-16 or the file's real encoding" in r.stderr


def test_column_number_out_of_range(tmp_path: Path) -> None:
    src = tmp_path / "three.csv"
    src.write_text("a,b,c\nKiev,1,2\n", encoding="utf-8")
    r = cli("clean", str(src), "-c", "9", *OWN)
    assert r.returncode == 2
    assert "--column 9: out of range; the file has 3 columns, numbered 1 to 3" in r.stderr
    r = cli("clean", str(src), "-c", "9", "--no-header", *OWN)
    assert r.returncode == 2 and "out of range" in r.stderr


def test_no_bundled_without_gazetteer_in_cli_words(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("city\nKiev\n", encoding="utf-8")
    for argv in (["normalize", "Kiev"], ["extract", "-"], ["clean", str(src), "-c", "city"]):
        r = cli(*argv, "--no-bundled")
        assert r.returncode == 2, r.stderr
        assert "--no-bundled needs at least one --gazetteer PATH" in r.stderr
        assert "gazetteers=" not in r.stderr


def test_extract_on_a_folder_or_a_missing_file(tmp_path: Path) -> None:
    r = cli("extract", str(tmp_path), *OWN)
    assert r.returncode == 2 and f"{tmp_path} is a folder" in r.stderr
    r = cli("extract", str(tmp_path / "nope.txt"), *OWN)
    assert r.returncode == 2 and "no such file" in r.stderr


def test_jobs_zero_names_only_listed_options(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("city\nKiev\n", encoding="utf-8")
    r = cli("clean", str(src), "-c", "city", "--jobs", "0", *OWN)
    assert r.returncode == 2 and "--jobs/-j: must be at least 1, got 0" in r.stderr
    assert "--chunk-size" not in r.stderr and "--chunk-size" not in cli("clean", "--help").stdout


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--lang", "zz", "--lang zz: unknown lang 'zz'; use no --lang (the language guessed) or one of: "),
    ("--lang", "english", "'english' is not a language code such as en, uk or ru"),
    ("--country", "XX", "--country XX: no entity of the gazetteers is in 'XX'"),
    ("--country", "Ukraine", "'Ukraine' is not an ISO 3166-1 alpha-2 country code"),
    ("--types", "CITY", "unknown type 'CITY'; give one or more of EVT,LOC,ORG,PER,PRO"),
])
def test_hints_are_checked(tmp_path: Path, option: str, value: str, message: str) -> None:
    src = tmp_path / "in.csv"
    src.write_text("city\nKiev\n", encoding="utf-8")
    for argv in (["normalize", "Kiev"], ["extract", "-"], ["clean", str(src), "-c", "city"]):
        r = cli(*argv, option, value, *OWN, stdin="Kiev")
        assert r.returncode == 2 and message in r.stderr, (argv, r.stderr)
        assert "Traceback" not in r.stderr
    ok = cli("normalize", "Kiev", "--lang", "EN", "--country", "ua", *OWN)
    assert ok.returncode == 0 and tsv(ok.stdout)[1][1] == "test:kyiv"


def test_gazetteer_problems_and_missing_files() -> None:
    r = cli("normalize", "x", "--gazetteer", "/no/such.gaz", "--no-bundled")
    assert r.returncode == 2 and "gazetteer not found" in r.stderr
    r = cli("gazetteer", "stats", GAZ)
    assert r.returncode == 0 and "type\tLOC\t" in r.stdout and "lang\tuk\t" in r.stdout
    r = cli("gazetteer", "check", "/no/such.gaz")
    assert r.returncode == 2 and "gazetteer not found" in r.stderr


def test_translit_keeps_one_line_per_input() -> None:
    r = cli("translit", "-", "--scheme", "uk_national", stdin="Київ\n\nЛьвів\n")
    assert r.returncode == 0 and r.stdout == "Kyiv\n\nLviv\n"


# -- 8. the README's command-line section matches the parser -----------------------------------
def test_readme_command_line_section_matches_the_parser() -> None:
    import re

    from namenorm.cli import build_parser
    from namenorm.cli_args import EXIT_CODES

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```")[1]
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    usage: dict[str, set[str]] = {}
    command = ""
    for line in block.strip().splitlines():
        if line.startswith("namenorm "):
            command = line.split()[1]
        usage.setdefault(command, set()).update(re.findall(r"(?<![\w-])(-{1,2}[a-z][\w-]*)", line))
    assert set(usage) == {"normalize", "extract", "clean", "translit", "gazetteer", "cache", "--version"}
    for command, options in usage.items():
        known = commands.get(command, parser)
        nested = [p for a in known._actions if isinstance(a, argparse._SubParsersAction)
                  for p in a.choices.values()]  # gazetteer check|stats|from-wikidata
        listed = {s for p in (known, *nested) for a in p._actions for s in a.option_strings}
        assert options <= listed, (command, options - listed)
    table = {int(c) for row in re.findall(r"^\| ([\d /]+) \|", section, re.M) for c in row.split("/")}
    assert table == {int(c) for c in re.findall(r"(?:^ {2}|; )(\d+) ", EXIT_CODES, re.M)}


def test_min_score_on_normalize_and_extract() -> None:
    # "Zelenskky" is a loose match (scored below 1): a floor of 1 turns it into a miss, and says why
    rows = tsv(cli("normalize", "Zelenskky", "Kiev", *OWN).stdout)
    assert rows[1][1] == "test:zelenskyy" and float(rows[1][4]) < 1.0
    floored = cli("normalize", "Zelenskky", "Kiev", "--min-score", "1", "--explain", *OWN)
    rows = tsv(floored.stdout)
    assert rows[1][1] == "" and "below --min-score 1" in rows[1][-1]
    assert rows[2][1] == "test:kyiv"
    bad = cli("normalize", "Kiev", "--min-score", "1.5", *OWN)
    assert bad.returncode == 2 and "--min-score" in bad.stderr
    text = "Zelenskky met officials in Kiev."
    kept = cli("extract", "-", "--min-score", "0.99", *OWN, stdin=text.encode()).stdout
    assert "test:kyiv" in kept
    assert all(float(line.split("\t")[6]) >= 0.99 for line in kept.splitlines())
