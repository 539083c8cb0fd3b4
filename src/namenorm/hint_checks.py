"""The form of the ``types`` and ``country`` hints, checked in one place for the API
(:class:`namenorm.Normalizer`) and the command line (``--types``, ``--country``); ``lang`` is
checked by :func:`namenorm.langs.check_lang`.

>>> type_set("loc, per") == {"LOC", "PER"}, type_set(None), country_code("ua")
(True, None, 'UA')
>>> try:
...     country_code("Ukraine")
... except ValueError as e:
...     print(e)
'Ukraine' is not an ISO 3166-1 alpha-2 country code such as UA or DE
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from namenorm.gazetteer.model import TYPES

__all__ = ["country_code", "type_set"]

_COUNTRY = regex.compile(r"[A-Za-z]{2}")


def type_set(types: object) -> frozenset[str] | None:
    """``types`` ("PER,LOC", a list of str, or None) as upper-case type names; None when none is
    given. A TypeError for another kind of value, a ValueError for an unknown type."""
    if types is None:
        return None
    if isinstance(types, str):
        names = [t.strip() for t in types.split(",") if t.strip()]
    else:
        if isinstance(types, (bytes, bytearray)) or not isinstance(types, Iterable):
            raise TypeError(f"types must be a str such as 'PER,LOC', a list of str, or None; got "
                            f"{type(types).__name__}")
        names = list(types)
        if not all(isinstance(t, str) for t in names):
            raise TypeError(f"types must hold str values such as 'PER'; got {names!r}")
    tset = frozenset(t.upper() for t in names)
    bad = sorted(tset - TYPES)
    if bad:
        raise ValueError(f"unknown type {', '.join(repr(t) for t in bad)}; give one or more of "
                         f"{','.join(sorted(TYPES))}, separated by commas")
    return tset or None


def country_code(country: object) -> str | None:
    """``country`` (an ISO 3166-1 alpha-2 code, any case, or None) upper-cased. A TypeError for a
    value that is not a str, a ValueError for one that is not two ASCII letters."""
    if country is None:
        return None
    if not isinstance(country, str):
        raise TypeError(f"country must be an ISO 3166-1 alpha-2 code such as 'UA', or None; got "
                        f"{type(country).__name__}")
    if not _COUNTRY.fullmatch(country):
        raise ValueError(f"{country!r} is not an ISO 3166-1 alpha-2 country code such as UA or DE")
    return country.upper()
