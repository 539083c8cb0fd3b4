"""The one error type of ``namenorm clean``: a message for the user, with the line where it happened.

>>> str(CleanError("row has 3 fields, the header has 4", line=17))
'line 17: row has 3 fields, the header has 4'
>>> str(CleanError("no such file: in.csv"))
'no such file: in.csv'
"""

from __future__ import annotations

__all__ = ["CleanError"]


class CleanError(Exception):
    """Bad input or usage: the CLI prints the message and exits with code 2 (no traceback)."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)
