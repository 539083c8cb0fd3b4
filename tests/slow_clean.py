"""``namenorm clean`` with a resolver that sleeps 0.05 s on every batch, so a test can stop a run midway.

    python tests/slow_clean.py LABEL clean in.csv -c city -o out.csv

LABEL is not used: it is there so a test can find the process (and its forked workers) by a marker
in the command line.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable

from namenorm.match import Match


class Slow:
    def normalize_many(self, values: Iterable[str], **hints: object) -> list[Match]:
        time.sleep(0.05)
        return [Match("t:1", "T", "LOC", 1.0, "exact", v) for v in values]


if __name__ == "__main__":
    import namenorm.csvclean.cli as clean_cli

    # the CLI builds its resolver with make_normalizer: the slow one must replace that
    clean_cli.make_normalizer = lambda *a, **k: Slow()  # type: ignore[attr-defined,assignment]
    main = clean_cli.main
    sys.exit(main(sys.argv[2:]))
