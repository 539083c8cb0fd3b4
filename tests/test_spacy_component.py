"""The spaCy pipe "namenorm": linking existing entities and ruler mode (blank pipelines, no models)."""

from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

import namenorm.integrations.spacy  # noqa: E402,F401  (registers the factory)

HERE = Path(__file__).parent
GAZ = [str(HERE / "data" / "core" / "news.gaz"), str(HERE / "data" / "extract" / "extract.gaz")]
CONFIG = {"gazetteers": GAZ, "include_bundled": False}


def _ents(doc: object) -> list[tuple[str, str, str, str | None]]:
    return [(e.text, e.label_, e.kb_id_, e._.namenorm.id if e._.namenorm else None) for e in doc.ents]  # type: ignore[attr-defined]


def test_link_mode_sets_kb_id_on_existing_ents() -> None:
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    nlp.add_pipe("namenorm", config=CONFIG)
    doc = nlp.make_doc("Zelensky met Olaf Scholz in Kiev and Acme.")
    doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 2, 4, "PERSON"), Span(doc, 5, 6, "GPE"),
                Span(doc, 7, 8, "ORG")]
    doc = nlp.get_pipe("namenorm")(doc)
    assert _ents(doc) == [("Zelensky", "PERSON", "test:zelenskyy", "test:zelenskyy"),
                          ("Olaf Scholz", "PERSON", "test:scholz", "test:scholz"),
                          ("Kiev", "GPE", "test:kyiv", "test:kyiv"),
                          ("Acme", "ORG", "", None)]


def test_link_mode_adds_nothing() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("namenorm", config=CONFIG)
    assert list(nlp("Zelensky visited Kyiv.").ents) == []


def test_ruler_mode_ru() -> None:
    nlp = spacy.blank("ru")
    nlp.add_pipe("namenorm", config={**CONFIG, "mode": "ruler"})
    doc = nlp("Владимир Зеленский прибыл в Киев, а Сергей Лавров остался в «Одессе».")
    assert _ents(doc) == [("Владимир Зеленский", "PER", "test:zelenskyy", "test:zelenskyy"),
                          ("Киев", "LOC", "test:kyiv", "test:kyiv"),
                          ("Сергей Лавров", "PER", "test:lavrov", "test:lavrov"),
                          ("Одессе", "LOC", "test:odesa", "test:odesa")]


def test_ruler_mode_uk_keeps_existing_ents() -> None:
    from spacy.tokens import Span

    nlp = spacy.blank("uk")
    pipe = nlp.add_pipe("namenorm", config={**CONFIG, "mode": "ruler"})
    doc = nlp.make_doc("Олена Зеленська відвідала Харків і Київ.")
    doc.ents = [Span(doc, 0, 2, "MISC")]
    doc = pipe(doc)
    assert _ents(doc) == [("Олена Зеленська", "MISC", "test:zelenska", "test:zelenska"),
                          ("Харків", "LOC", "test:kharkiv", "test:kharkiv"),
                          ("Київ", "LOC", "test:kyiv", "test:kyiv")]


def test_ruler_does_not_overlap_existing() -> None:
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("namenorm", config={**CONFIG, "mode": "ruler"})
    doc = nlp.make_doc("New York and Kyiv")
    doc.ents = [Span(doc, 1, 2, "ORG")]  # "York": overlaps the mention "New York"
    doc = pipe(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("York", "ORG"), ("Kyiv", "LOC")]


def test_bad_mode() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="mode must be one of"):
        nlp.add_pipe("namenorm", config={**CONFIG, "mode": "nope"})


def test_factory_is_registered_under_its_name() -> None:
    from spacy.language import Language

    assert Language.has_factory("namenorm")
    meta = Language.get_factory_meta("namenorm")
    assert meta.default_config["mode"] == "link"
