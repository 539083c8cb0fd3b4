"""How a name was found: the steps of the lookup cascade, from the strictest to the loosest.

Every engine (``normalize``, ``candidates``, ``extract``, ``link``, ``clean``) names its steps with
:class:`Method`, so a rule keyed on a step holds everywhere. ``Match.method`` carries the value.

>>> Method.EXACT.value, str(Method.CROSS_SCRIPT), Method("fuzzy") is Method.FUZZY
('exact', 'cross-script', True)
>>> Method.SURNAME.loose, Method.INFLECTION.loose
(True, False)
>>> [m.value for m in sorted(Method, key=lambda m: -m.cap)][:3]
['exact', 'inflection', 'name-order']
"""

from __future__ import annotations

from enum import Enum

__all__ = ["Method"]


class Method(str, Enum):
    """A step of the cascade. ``cap`` is the highest score the step can give (a stricter step never
    scores below a looser one); ``loose`` steps are accepted only on evidence (see
    :mod:`namenorm.evidence`)."""

    EXACT = "exact"                    # an alias as written (folded: case, ё/е, apostrophes)
    INFLECTION = "inflection"          # a Russian/Ukrainian case form generated from an alias
    NAME_ORDER = "name-order"          # another order of a listed name: "Lavrov, Sergey"
    DESCRIPTOR = "descriptor"          # a generic place word removed or swapped: "Kyiv City"
    LEMMA = "lemma"                    # the base form of an unseen form: "Зеленской" -> "Зеленская"
    TRANSLIT = "translit"              # a romanisation of an alias in a published scheme
    NAME_STRUCTURE = "name-structure"  # first-name initial and surname of a listed person
    SURNAME = "surname"                # a surname alone, when it is not common and one person fits
    CROSS_SCRIPT = "cross-script"      # the loose cross-script key: Selenskyj = Зеленський
    FUZZY = "fuzzy"                    # typing errors, within an edit budget that grows with length

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    @property
    def cap(self) -> float:
        """The score of a hit by this step before any evidence is weighed."""
        return _CAPS[self]

    @property
    def loose(self) -> bool:
        """Whether a random string can hit this step by chance often enough to need evidence."""
        return self in _LOOSE


_CAPS = {
    Method.EXACT: 1.0, Method.INFLECTION: 0.99, Method.NAME_ORDER: 0.97, Method.DESCRIPTOR: 0.96,
    Method.LEMMA: 0.97, Method.TRANSLIT: 0.97, Method.NAME_STRUCTURE: 0.95, Method.SURNAME: 0.95,
    Method.CROSS_SCRIPT: 0.95, Method.FUZZY: 0.95,
}
_LOOSE = frozenset({Method.LEMMA, Method.TRANSLIT, Method.NAME_STRUCTURE, Method.SURNAME, Method.CROSS_SCRIPT,
                    Method.FUZZY})
