"""``python -m namenorm.csvclean clean IN --column COL``: the ``clean`` command on its own."""

import sys

from namenorm.csvclean.cli import main

sys.exit(main())
