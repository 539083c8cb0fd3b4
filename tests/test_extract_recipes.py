"""The natasha recipe of docs/extract-recipes.md, run against the fixture gazetteers."""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm import Normalizer
from namenorm.extract import link

HERE = Path(__file__).parent
GAZ = [HERE / "data" / "core" / "news.gaz", HERE / "data" / "extract" / "extract.gaz"]


def test_natasha_spans_link() -> None:
    natasha = pytest.importorskip("natasha")
    segmenter, ner = natasha.Segmenter(), natasha.NewsNERTagger(natasha.NewsEmbedding())
    norm = Normalizer(gazetteers=GAZ, include_bundled=False)
    text = "Владимир Зеленский прибыл в Харьков, где его встретил Сергей Лавров."
    doc = natasha.Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(ner)
    spans = [(s.start, s.stop, s.type) for s in doc.spans]
    matches = link(text, spans, normalizer=norm)
    found = {text[a:b]: (m.id if m else None) for (a, b, _), m in zip(spans, matches, strict=True)}
    assert found.get("Владимир Зеленский") == "test:zelenskyy"
    assert found.get("Харьков") == "test:kharkiv"
    assert found.get("Сергей Лавров") == "test:lavrov"
