"""Russian and Ukrainian morphology for names: base forms, alias expansion, query-time lemmas.

pymorphy3 analyzers load lazily on first use and every per-word result is cached.

>>> base_form("Ирины Верещук", lang="ru")
'Ирина Верещук'
>>> "Зеленского" in expand("Зеленский", "ru", "PER", "m")
True
"""

from __future__ import annotations

from namenorm.morph.base import base_form, nominative_candidates
from namenorm.morph.expansion import expand

__all__ = ["base_form", "expand", "nominative_candidates"]
