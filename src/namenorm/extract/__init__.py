"""Find and link names in running text (:func:`extract`), or link spans from another NER (:func:`link`).

Modules: :mod:`~namenorm.extract.tokens` (sentences and words), :mod:`~namenorm.extract.tables`
(per-index lookup data), :mod:`~namenorm.extract.spans` (the span matcher),
:mod:`~namenorm.extract.context` (case and context rules), :mod:`~namenorm.extract.decide`
(document-level choices), :mod:`~namenorm.extract.link` (external spans).
"""

from __future__ import annotations

from namenorm.extract.extractor import extract
from namenorm.extract.link import link, type_hint

__all__ = ["extract", "link", "type_hint"]
