"""Common surnames, per script: a lone common surname must not link to one famous bearer.

The list (``surnames.tsv``, built by ``gazetteers/build_surnames.py``) holds the surnames of the
documented frequency rankings that the ``faker`` package ships for 19 countries (its header names
each source): 5,293 Latin-script and 500 Cyrillic (Russian) surnames, feminine forms included
where the source lists them.

A surname is common *in a script*: "scholz" is common in Latin (an Austrian list has it) but
"шольц" is not common in Cyrillic, so Russian text can still link "Шольц" to Olaf Scholz.

Matching, decided here and nowhere else:

- Latin: diacritics do not matter, and German umlauts also match their ``ae/oe/ue`` spelling:
  Müller, Muller, MÜLLER and Mueller are one surname (ß matches ss, ł matches l, via unidecode).
- Cyrillic: the folded word exactly (ё = е), no inflection: pass the nominative (Иванов, Иванова).
- A Latin word asked about in Cyrillic (``script="Cyrillic"``) matches the unidecode romanisation
  of a Cyrillic surname (ivanov, kuznetsov, solovev); other romanisations (Kuznetzov) do not.
- Any other pair of scripts, or a script without a source, gives False.

>>> is_common_surname("nowak"), is_common_surname("Müller"), is_common_surname("mueller")
(True, True, True)
>>> is_common_surname("иванов"), is_common_surname("иванова"), is_common_surname("stoltenberg")
(True, True, False)
>>> is_common_surname("scholz"), is_common_surname("шольц")
(True, False)
>>> is_common_surname("ivanov"), is_common_surname("ivanov", script="Cyrillic")
(False, True)
>>> is_common_surname("smith", script="Cyrillic")
False
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from functools import lru_cache
from importlib import resources

from unidecode import unidecode

from namenorm.scripts import dominant_script
from namenorm.text import fold

__all__ = ["is_common_surname", "surname_list"]

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _latin_key(word: str) -> str:
    """The loose Latin key: folded, then diacritics dropped (unidecode).

    >>> _latin_key("Müller"), _latin_key("Łukasik"), _latin_key("Strauß")
    ('muller', 'lukasik', 'strauss')
    """
    return fold(unidecode(fold(word)))


def _keys(surname: str, script: str) -> set[str]:
    """Every key under which a listed surname (already folded) is found in its own script."""
    if script == "Latin":
        keys = {_latin_key(surname)}
        if any(c in surname for c in "äöü"):
            keys.add(_latin_key(unicodedata.normalize("NFC", surname).translate(_UMLAUTS)))
        return keys
    if script == "Cyrillic":
        return {surname, "latin:" + _latin_key(surname)}
    return {surname}


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str], ...]:
    """``(folded surname, script)`` for every listed surname, in file order (read once)."""
    text = resources.files("namenorm").joinpath("surnames.tsv").read_text(encoding="utf-8")
    return tuple((line.split("\t")[0], line.split("\t")[1]) for line in text.splitlines()
                 if line and not line.startswith("#"))


def surname_list() -> tuple[str, ...]:
    """Every listed common surname, folded, in file order.

    >>> "nowak" in surname_list(), "иванов" in surname_list()
    (True, True)
    """
    return tuple(surname for surname, _ in _rows())


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[str]]:
    """script -> the keys of its common surnames (read once, on first use)."""
    out: dict[str, set[str]] = defaultdict(set)
    for surname, script in _rows():
        out[script] |= _keys(surname, script)
    return {script: frozenset(keys) for script, keys in out.items()}


def is_common_surname(word: str, script: str | None = None) -> bool:
    """True when ``word`` is a common surname among people who write it in ``script``.

    ``word`` is a surname (folded or not; it is folded here), ``script`` a script name as
    ``namenorm.scripts.dominant_script`` gives it ("Latin", "Cyrillic"); by default the word's own
    script.  Never raises on a ``str``; an empty or letterless word is not a surname.

    >>> is_common_surname("Smith"), is_common_surname("SMIRNOVA", "Cyrillic"), is_common_surname("")
    (True, True, False)
    >>> is_common_surname("zelenskyy"), is_common_surname("зеленский")
    (False, False)
    """
    key = fold(word)
    own = dominant_script(key)
    if own is None:
        return False
    want = own if script is None else script
    keys = _index().get(want)
    if keys is None:
        return False
    if own == want:
        return (_latin_key(key) if own == "Latin" else key) in keys
    if own == "Latin" and want == "Cyrillic":
        return "latin:" + _latin_key(key) in keys
    return False
