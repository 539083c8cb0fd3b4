"""The options of a lookup in one form, :class:`LookupOptions`, and the one parser that checks them.

Every entry point takes the same options: the hints ``lang`` (how to read Cyrillic), ``types`` (a
filter: PER, LOC, ORG, EVT, PRO), ``country`` (ISO 3166-1 alpha-2: preferred, not required) and
``fuzzy`` (typo matching; None leaves it to the Normalizer's setting), the score floor ``min_score``
(a match scored lower counts as no match), and ``admin`` (first-level regions as the gazetteers'
``admin1`` writes them: the API's ``region`` hint, which the resolver also sets itself from a
qualifier such as "Andriivka, Donetska oblast"; ranking prefers the places there). The API
(:class:`namenorm.Normalizer`), the command line (:mod:`namenorm.cli_args`), ``clean``
(:mod:`namenorm.csvclean`) and the dataframe helpers (:mod:`namenorm.integrations`) all build
them with :meth:`LookupOptions.parse`, which turns user input ("PER,LOC", a list, a lower-case
country code) into the checked form, or raises a TypeError (a value of the wrong kind) or a
ValueError (a wrong value) that says what to give instead; the command line turns those into a
usage error (exit code 2).

>>> o = LookupOptions.parse(types="loc, per", country="ua", min_score=0.5)
>>> sorted(o.types), o.country, o.fuzzy, o.min_score
(['LOC', 'PER'], 'UA', None, 0.5)
>>> LookupOptions.parse(**o._asdict()) == o   # parsing a parsed value changes nothing
True
>>> try:
...     LookupOptions.parse(country="Ukraine")
... except ValueError as e:
...     print(e)
'Ukraine' is not an ISO 3166-1 alpha-2 country code such as UA or DE
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any, NamedTuple

import regex

from namenorm.gazetteer.model import TYPES, is_date
from namenorm.langs import ISO_639_1, check_lang

__all__ = ["LookupOptions", "as_of_date", "country_code", "min_score_value", "type_set"]

_COUNTRY = regex.compile(r"[A-Za-z]{2}")


def type_set(types: object) -> frozenset[str] | None:
    """``types`` ("PER,LOC", a list of str, or None) as upper-case type names; None when none is
    given. A TypeError for another kind of value, a ValueError for an unknown type.

    >>> type_set("loc, per") == {"LOC", "PER"}, type_set(None), type_set([])
    (True, None, None)
    """
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
    value that is not a str, a ValueError for one that is not two ASCII letters.

    >>> country_code("ua"), country_code(None)
    ('UA', None)
    """
    if country is None:
        return None
    if not isinstance(country, str):
        raise TypeError(f"country must be an ISO 3166-1 alpha-2 code such as 'UA', or None; got "
                        f"{type(country).__name__}")
    if not _COUNTRY.fullmatch(country):
        raise ValueError(f"{country!r} is not an ISO 3166-1 alpha-2 country code such as UA or DE")
    return country.upper()


def min_score_value(value: object) -> float:
    """The score floor: None is 0 (every match counts); else a number from 0 to 1 (ValueError).

    >>> min_score_value(None), min_score_value(1)
    (0.0, 1.0)
    """
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValueError("min_score must be a number from 0 to 1 (a match's estimated probability), "
                         f"got {value!r}")
    return float(value)


def as_of_date(value: object) -> str | None:
    """The ``as_of`` hint (the date a text was written: names in use then are preferred) as
    ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; from such a str, a :class:`datetime.date` or a
    :class:`datetime.datetime`. None stays None (no date: former names count as current ones).

    >>> import datetime
    >>> as_of_date("2015"), as_of_date(datetime.date(2016, 5, 19)), as_of_date(None)
    ('2015', '2016-05-19', None)
    """
    import datetime

    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()  # zero-padded: year 999 is 0999 (strftime's %Y would not pad it)
    if not isinstance(value, str):
        raise TypeError(f"as_of must be a date (datetime.date, or a str YYYY, YYYY-MM or YYYY-MM-DD) or "
                        f"None; got {type(value).__name__}")
    text = value.strip()
    if not is_date(text):
        raise ValueError(f"as_of must be a date written YYYY, YYYY-MM or YYYY-MM-DD (such as 2016-05-19), "
                         f"got {value!r}")
    return text


def _fuzzy_flag(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise TypeError(f"fuzzy must be True, False or None (the Normalizer's setting); got "
                    f"{type(value).__name__}")


def _lang_hint(lang: object, languages: Collection[str] | None) -> str | None:
    """``lang`` checked against ``languages`` when they are known (a Normalizer's, which depend on its
    gazetteers); without them only its kind is checked (a str or None)."""
    if languages is None and (lang is None or isinstance(lang, str)):
        return lang
    return check_lang(lang, "lang hint", ISO_639_1 if languages is None else languages)


def _region_set(admin: object) -> frozenset[str] | None:
    if admin is None:
        return None
    if isinstance(admin, str):
        names = [a.strip() for a in admin.split(",")]
    elif isinstance(admin, Iterable) and not isinstance(admin, (bytes, bytearray)):
        names = list(admin)
    else:
        raise TypeError(f"admin must be a str of comma-separated region codes, a list of str, or None; "
                        f"got {type(admin).__name__}")
    if not all(isinstance(a, str) for a in names):
        raise TypeError(f"admin must hold str region codes; got {names!r}")
    return frozenset(a for a in names if a) or None


class LookupOptions(NamedTuple):
    """The hints and the score floor of a lookup, checked (build one with :meth:`parse`; the
    constructor trusts its arguments). ``types`` and ``admin`` are frozensets or None, ``country``
    upper-case, ``fuzzy`` None for the Normalizer's own setting, ``min_score`` from 0 to 1.

    >>> LookupOptions(lang="uk").hints(), LookupOptions(fuzzy=False).hints()["fuzzy"]
    ({'lang': 'uk', 'types': None, 'country': None}, False)
    """

    lang: str | None = None
    types: frozenset[str] | None = None
    country: str | None = None
    fuzzy: bool | None = None
    min_score: float = 0.0
    admin: frozenset[str] | None = None
    as_of: str | None = None

    @classmethod
    def parse(cls, *, lang: object = None, types: object = None, country: object = None,
              fuzzy: object = None, min_score: object = None, admin: object = None,
              as_of: object = None, languages: Collection[str] | None = None) -> LookupOptions:
        """The options from user input, checked in this order: ``lang`` (a str; one of
        ``languages`` when given), ``types``, ``country``, ``fuzzy``, ``min_score``, ``admin``, ``as_of``.
        Raises TypeError for a value of the wrong kind, ValueError for a wrong value.

        >>> LookupOptions.parse(types=["per"], fuzzy=False, min_score=1)[1:]
        (frozenset({'PER'}), None, False, 1.0, None, None)
        >>> LookupOptions.parse(lang="zz", languages={"en", "uk"})
        Traceback (most recent call last):
        ...
        ValueError: lang hint: unknown lang 'zz'; use None or one of: en, uk
        """
        return cls(_lang_hint(lang, languages), type_set(types), country_code(country), _fuzzy_flag(fuzzy),
                   min_score_value(min_score), _region_set(admin), as_of_date(as_of))

    def checked(self, languages: Collection[str] | None = None) -> LookupOptions:
        """These options parsed again: the same value when they came from :meth:`parse`; a raised
        error when they were built by hand with a wrong value."""
        return LookupOptions.parse(**self._asdict(), languages=languages)

    def hints(self) -> dict[str, Any]:
        """The hints as keyword arguments of ``normalize``, ``candidates`` and ``normalize_many``
        (``fuzzy``, ``as_of`` and ``region`` only when set; ``min_score`` is not a hint: the caller
        applies it).

        >>> LookupOptions.parse(admin="UA-14, UA-09").hints()["region"] == frozenset({"UA-14", "UA-09"})
        True
        """
        out: dict[str, Any] = {"lang": self.lang, "types": self.types, "country": self.country}
        if self.fuzzy is not None:
            out["fuzzy"] = self.fuzzy
        if self.as_of is not None:
            out["as_of"] = self.as_of
        if self.admin is not None:
            out["region"] = self.admin
        return out
