"""namenorm: map every spelling, script and inflected form of a name to one canonical entity ID.

>>> import namenorm
>>> namenorm.normalize("Kyiv").id
'Q1899'
>>> namenorm.transliterate("Київ", scheme="uk_national")
'Kyiv'
"""

from __future__ import annotations

from namenorm.api import Normalizer, candidates, normalize, normalize_many
from namenorm.extract import extract, link
from namenorm.match import Match, Mention
from namenorm.morph import base_form
from namenorm.name_keys import name_key
from namenorm.translit import SCHEMES, cyrillize, romanizations, transliterate

__version__ = "0.1.0"

__all__ = [
    "SCHEMES",
    "Match",
    "Mention",
    "Normalizer",
    "__version__",
    "base_form",
    "candidates",
    "cyrillize",
    "extract",
    "link",
    "name_key",
    "normalize",
    "normalize_many",
    "romanizations",
    "transliterate",
]
