"""``python -m namenorm.gazetteer check PATH...``: validate gazetteer files."""

from __future__ import annotations

import sys

from namenorm.cli import main

if __name__ == "__main__":
    sys.exit(main(["gazetteer", *sys.argv[1:]]))
