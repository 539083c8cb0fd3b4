"""namenorm: multilingual transliteration and entity normalisation."""

from __future__ import annotations

from namenorm.match import Match, Mention

__version__ = "0.1.0"

__all__ = ["Match", "Mention", "__version__"]
