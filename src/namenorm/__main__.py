"""``python -m namenorm``: the ``namenorm`` command line."""

from __future__ import annotations

import sys

from namenorm.cli import main

if __name__ == "__main__":
    sys.exit(main())
