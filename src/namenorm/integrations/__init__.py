"""Helpers that add namenorm's columns to dataframes: pandas, polars, and Dask and Spark for scale-out.

Each module imports its library lazily and says how to install it when it is missing:
:mod:`namenorm.integrations.pandas`, :mod:`namenorm.integrations.polars`,
:mod:`namenorm.integrations.dask`, :mod:`namenorm.integrations.spark`.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` or raise ImportError with the install hint for the ``extra``.

    >>> require("no_such_module_xyz", "pandas")
    Traceback (most recent call last):
    ...
    ImportError: no_such_module_xyz is not installed; install it with: pip install 'namenorm[pandas]'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        hint = f"pip install 'namenorm[{extra}]'"
        raise ImportError(f"{module} is not installed; install it with: {hint}") from None
