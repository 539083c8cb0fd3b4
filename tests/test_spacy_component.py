"""The spaCy pipe "namenorm": linking existing entities and ruler mode (blank pipelines, no models)."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

spacy = pytest.importorskip("spacy")

import namenorm.integrations.spacy  # noqa: E402,F401  (registers the factory)
from namenorm.integrations.spacy import match_data, match_from_data  # noqa: E402
from namenorm.match import Match  # noqa: E402

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
    with pytest.warns(UserWarning):
        assert list(nlp("Zelensky visited Kyiv.").ents) == []


def test_link_mode_without_ner_warns_once_per_pipe() -> None:
    nlp = spacy.blank("ru")
    nlp.add_pipe("namenorm", config=CONFIG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp("Зеленский прибыл в Киев.")
        nlp("Лавров остался в Москве.")
    messages = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    assert len(messages) == 1
    assert "no NER" in messages[0] and "'ruler'" in messages[0]
    other = spacy.blank("ru")
    other.add_pipe("namenorm", config=CONFIG)
    with pytest.warns(UserWarning, match="no NER"):  # another pipe warns once too
        other("Киев.")


def test_no_warning_when_ner_ran_or_in_ruler_mode() -> None:
    from spacy.tokens import Span

    linker = spacy.blank("en")
    pipe = linker.add_pipe("namenorm", config=CONFIG)
    ruler = spacy.blank("ru")
    ruler.add_pipe("namenorm", config={**CONFIG, "mode": "ruler"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = linker.make_doc("Nothing to see here.")
        found.ents = []  # what an NER that found no entity leaves: every token is "O"
        assert list(pipe(found).ents) == []
        named = linker.make_doc("Kiev")
        named.ents = [Span(named, 0, 1, "GPE")]
        assert [e.kb_id_ for e in pipe(named).ents] == ["test:kyiv"]
        assert len(ruler("Киев.").ents) == 1


RU_TEXT = "Владимир Зеленский прибыл в Киев, а Сергей Лавров остался в «Одессе»."
RU_ENTS = [("Владимир Зеленский", "PER", "test:zelenskyy", "test:zelenskyy"),
           ("Киев", "LOC", "test:kyiv", "test:kyiv"),
           ("Сергей Лавров", "PER", "test:lavrov", "test:lavrov"),
           ("Одессе", "LOC", "test:odesa", "test:odesa")]


def _ruler_ru() -> object:
    nlp = spacy.blank("ru")
    nlp.add_pipe("namenorm", config={**CONFIG, "mode": "ruler"})
    return nlp


def _full(doc: object) -> list[tuple[object, ...]]:
    """Each entity's text, label, kb_id, stored data and Match (steps included: Match equality skips them);
    msgpack gives the steps back as a list or (in a DocBin) a tuple."""
    return [(e.text, e.label_, e.kb_id_, {**e._.namenorm_data, "steps": tuple(e._.namenorm_data["steps"])},
             e._.namenorm, e._.namenorm.steps) for e in doc.ents]  # type: ignore[attr-defined]


def test_doc_to_bytes_round_trip() -> None:
    from spacy.tokens import Doc

    nlp = _ruler_ru()
    doc = nlp(RU_TEXT)  # type: ignore[operator]
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())  # type: ignore[attr-defined]
    assert _ents(back) == RU_ENTS
    assert _full(back) == _full(doc)
    assert all(isinstance(e._.namenorm, Match) and e._.namenorm.steps for e in back.ents)


def test_docbin_with_user_data_round_trip() -> None:
    from spacy.tokens import DocBin

    nlp = _ruler_ru()
    docs = [nlp(RU_TEXT), nlp("Харьков и Киев.")]  # type: ignore[operator]
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))  # type: ignore[attr-defined]
    assert [_full(d) for d in back] == [_full(d) for d in docs]
    assert _ents(back[0]) == RU_ENTS


def test_pipe_with_two_processes() -> None:
    """Worker processes send their Docs back as bytes: this is the path that failed on Match objects."""
    nlp = _ruler_ru()
    texts = [RU_TEXT, "Киев.", "Лавров."]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))  # type: ignore[attr-defined]
    assert _ents(docs[0]) == RU_ENTS
    assert [[e._.namenorm.id for e in d.ents] for d in docs[1:]] == [["test:kyiv"], ["test:lavrov"]]


_text = st.text(max_size=12)
_matches = st.builds(Match, id=_text, name=_text, type=_text, score=st.floats(0, 1), method=_text,
                     alias=_text, query=_text, lang=st.none() | _text, country=st.none() | _text,
                     ambiguous=st.booleans(), steps=st.lists(_text, max_size=3).map(tuple))


@given(_matches)
def test_match_data_round_trips_through_msgpack_and_pickle(m: Match) -> None:
    import srsly

    data = match_data(m)
    for back in (srsly.msgpack_loads(srsly.msgpack_dumps(data)), pickle.loads(pickle.dumps(data))):
        rebuilt = match_from_data(back)
        assert rebuilt == m and rebuilt is not None and rebuilt.steps == m.steps


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
    doc.ents = [Span(doc, 0, 2, "PERSON")]
    doc = pipe(doc)
    assert _ents(doc) == [("Олена Зеленська", "PERSON", "test:zelenska", "test:zelenska"),
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
