"""The names ``clean`` has always imported from here; the column model itself lives in
:mod:`namenorm._columns`, shared with the dataframe helpers.

>>> FieldSpec.parse(fields="id,name", suffixes="id=_qid").names("city")
['city_qid', 'city_name']
"""

from __future__ import annotations

from namenorm._columns import (
    ALL_FIELDS,
    BELOW_MIN_SCORE,
    EMPTY,
    MATCHED,
    TOO_LONG,
    UNMATCHED,
    BatchNormalizer,
    FieldSpec,
    Outcome,
    Query,
    base_form_function,
    outcome,
    resolve_values,
)

__all__ = [
    "ALL_FIELDS",
    "BELOW_MIN_SCORE",
    "EMPTY",
    "MATCHED",
    "TOO_LONG",
    "UNMATCHED",
    "BatchNormalizer",
    "FieldSpec",
    "Outcome",
    "Query",
    "base_form_function",
    "outcome",
    "resolve_values",
]
