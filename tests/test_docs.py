"""Every code example of README.md and docs/*.md runs, so the docs cannot drift from the code.

- ```` ```python ```` blocks with ``>>>`` prompts are doctests, collected by pytest itself
  (``--doctest-glob`` in pyproject.toml covers README.md and docs/*.md);
- the other ```` ```python ```` blocks are run here, each in a fresh namespace, and ```` ```bash ````
  blocks with ``bash -euo pipefail``; both in a new temporary directory that holds the files of
  ``tests/data/docs`` (``articles.csv``, ``my.gaz``), which the examples read;
- a block that needs something a test cannot have (a download, a cluster, a cloud bucket) is preceded by
  ``<!-- skip-test: REASON -->``: use it sparingly, and say where the feature is tested instead;
- a block whose optional package is missing (the light ``test`` extra has no pandas, polars, spaCy...)
  is skipped, naming the package; an import error of anything else fails.

Unlabelled blocks (command synopses, output, the ``.gaz`` format) are not run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DATA = Path(__file__).parent / "data" / "docs"
OPTIONAL = {"pandas", "polars", "pyarrow", "spacy", "dask", "distributed", "pyspark", "natasha", "stanza"}
_FENCE = re.compile(r"^```(\w*)\s*$")
_SKIP = re.compile(r"^<!--\s*skip-test:(.*?)-->\s*$")
_REQUIRE = re.compile(r"^(\S+) is not installed; install it with")  # namenorm.integrations.require


@dataclass(frozen=True)
class Block:
    """One fenced code block: where it is, its language, its text and its skip-test reason (if any)."""

    path: Path
    line: int
    lang: str
    code: str
    skip: str | None

    @property
    def where(self) -> str:
        shown = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{shown.as_posix()}:{self.line}"


def code_blocks(path: Path) -> list[Block]:
    """The fenced blocks of a markdown file, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if lines[j].rstrip() == "```"), None)
        if end is None:
            raise ValueError(f"{path.name}:{i + 1}: a code block that is never closed")
        marker = _SKIP.match(lines[i - 1]) if i else None
        found.append(Block(path, i + 1, opening.group(1), "\n".join(lines[i + 1:end]),
                           marker.group(1).strip() if marker else None))
        i = end + 1
    return found


def _blocks(*langs: str) -> list[Block]:
    return [b for f in FILES for b in code_blocks(f) if b.lang in langs]


PYTHON = [b for b in _blocks("python", "py") if ">>>" not in b.code]
BASH = _blocks("bash", "sh")


def _workdir(tmp_path: Path) -> Path:
    for f in DATA.iterdir():
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


def _skip_missing_optional(e: ImportError) -> None:
    """Skip when ``e`` is about an optional package; otherwise let the test fail on it."""
    m = _REQUIRE.match(str(e))
    name = e.name if isinstance(e, ModuleNotFoundError) and e.name else m.group(1) if m else ""
    if name.split(".")[0] in OPTIONAL:
        pytest.skip(f"needs {name} (an optional extra)")


@pytest.mark.parametrize("block", PYTHON, ids=[b.where for b in PYTHON])
def test_python_block_runs(block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if block.skip:
        pytest.skip(block.skip)
    monkeypatch.chdir(_workdir(tmp_path))
    try:
        exec(compile(block.code, block.where, "exec"), {"__name__": "__docs_example__"})
    except ImportError as e:
        _skip_missing_optional(e)
        raise


def _run_bash(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return subprocess.run(["bash", "-euo", "pipefail", "-c", code], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=600, check=False)


@pytest.mark.parametrize("block", BASH, ids=[b.where for b in BASH])
def test_bash_block_runs(block: Block, tmp_path: Path) -> None:
    if block.skip:
        pytest.skip(block.skip)
    done = _run_bash(block.code, _workdir(tmp_path))
    assert done.returncode == 0, f"{block.where} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"


def test_every_example_is_run_or_says_why_not() -> None:
    """Markers sit right above a block and give a reason; each file's examples are found."""
    for path in FILES:
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if "skip-test" in line:
                assert _SKIP.match(line), f"{path.name}:{i + 1}: write <!-- skip-test: REASON -->"
                assert _SKIP.match(line).group(1).strip(), f"{path.name}:{i + 1}: give the reason"  # type: ignore[union-attr]
                assert i + 1 < len(lines) and _FENCE.match(lines[i + 1]), \
                    f"{path.name}:{i + 1}: a skip-test marker goes on the line right above a code block"
    runnable = [b for b in PYTHON + BASH if not b.skip]
    assert {b.path.name for b in runnable} >= {"README.md", "performance.md", "extract-recipes.md"}
    skipped = [b for b in PYTHON + BASH if b.skip]
    assert len(skipped) < len(runnable)


def test_code_blocks_parser(tmp_path: Path) -> None:
    path = tmp_path / "example.md"
    path.write_text("Intro\n<!-- skip-test: needs a cluster -->\n```python\nimport x\n```\n"
                    "```\noutput\n```\n```bash\necho hi\n```\n", encoding="utf-8")
    got = [(b.line, b.lang, b.code, b.skip) for b in code_blocks(path)]
    assert got == [(3, "python", "import x", "needs a cluster"), (6, "", "output", None),
                   (9, "bash", "echo hi", None)]


def _readme_first_blocks() -> tuple[Block, Block]:
    first, table = code_blocks(ROOT / "README.md")[:2]
    return first, table


def test_readme_normalize_command_prints_the_table_shown() -> None:
    """The first README command (after its ``pip install . &&``) prints the table below it."""
    first, table = _readme_first_blocks()
    command = first.code.splitlines()[0].split("&&", 1)[1].strip()
    assert command.startswith("namenorm normalize ")
    done = _run_bash(command, ROOT)
    assert done.returncode == 0, done.stderr
    assert [" ".join(line.split()) for line in done.stdout.splitlines()] == \
        [" ".join(line.split()) for line in table.code.splitlines()]


def test_ci_runs_the_readme_test_command() -> None:
    """``.ci/run`` runs the second command of the README's first block (the full suite); the third is
    the light one."""
    first, _ = _readme_first_blocks()
    full, light = first.code.splitlines()[1:3]
    assert full == "pip install -e '.[dev]' && python -m pytest"
    assert light == "pip install -e '.[test]' && python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert full in [line.strip() for line in ci]
