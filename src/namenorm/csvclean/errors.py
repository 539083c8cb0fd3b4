"""The one error type of ``namenorm clean``: a message for the user, with the line where it happened.

It is defined with the column model (:mod:`namenorm._columns`), whose option checks raise it for the
dataframe helpers too.

>>> str(CleanError("no such file: in.csv"))
'no such file: in.csv'
"""

from __future__ import annotations

from namenorm._columns import CleanError

__all__ = ["CleanError"]
