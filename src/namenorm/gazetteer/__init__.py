"""Gazetteers: the source format, its validator, and merging (see docs/gazetteer-format.md)."""

from namenorm.gazetteer.load import bundled_paths, check, expand_paths, load
from namenorm.gazetteer.model import Alias, Entity
from namenorm.gazetteer.parse import GazetteerError, parse_file, parse_text

__all__ = [
    "Alias",
    "Entity",
    "GazetteerError",
    "bundled_paths",
    "check",
    "expand_paths",
    "load",
    "parse_file",
    "parse_text",
]
