"""A spaCy pipeline component: link ``doc.ents`` to namenorm entities, or find names itself.

Install with ``pip install 'namenorm[spacy]'``; the component registers as ``"namenorm"`` when
this module is imported, and through the ``spacy_factories`` entry point otherwise::

    import spacy
    nlp = spacy.blank("ru")
    nlp.add_pipe("namenorm", config={"mode": "ruler"})
    doc = nlp("Зеленский прибыл в Киев.")
    [(e.text, e.label_, e.kb_id_, e._.namenorm.name) for e in doc.ents]

Modes: ``"link"`` (default) sets ``ent.kb_id_`` and ``ent._.namenorm`` (the
:class:`~namenorm.match.Match`, or None) on the entities already in ``doc.ents``, with their labels
as type hints; ``"ruler"`` does the same and adds the mentions that :func:`namenorm.extract.extract`
finds where no entity is yet. Config: ``gazetteers`` (a list of paths added to the bundled ones),
``include_bundled``, ``fuzzy`` (for linking existing entities; default False). In ``"link"`` mode a
Doc that no NER has annotated (a pipeline such as ``spacy.blank("ru")``) gets a warning, once per pipe.

The Doc stores plain data, so that ``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and
``nlp.pipe(n_process=2)`` work: ``ent._.namenorm_data`` is a dict of str, float, bool and None (and
``steps``, a sequence of str), written by the pipe; ``ent._.namenorm`` rebuilds the Match from it on
each access.

>>> component_config()["mode"]
'link'
>>> m = Match(id="Q1899", name="Kyiv", type="LOC", score=1.0, method="exact", alias="Kiev")
>>> match_data(m)["id"], match_from_data(match_data(m)) == m
('Q1899', True)
"""

from __future__ import annotations

import warnings
from dataclasses import asdict
from typing import Any

from namenorm.api import Normalizer, default_normalizer
from namenorm.extract import extract, link
from namenorm.match import Match

__all__ = ["NamenormComponent", "component_config", "make_namenorm", "match_data", "match_from_data"]

_MODES = ("link", "ruler")


def match_data(m: Match) -> dict[str, Any]:
    """The Match as plain data (what ``ent._.namenorm_data`` holds): msgpack and pickle carry it."""
    data = asdict(m)
    data["steps"] = list(m.steps)
    return data


def match_from_data(data: dict[str, Any] | None) -> Match | None:
    """The Match back from :func:`match_data` (after a round-trip through bytes too), or None."""
    if data is None:
        return None
    return Match(**{**data, "steps": tuple(data.get("steps", ()))})


def component_config() -> dict[str, Any]:
    """The default configuration of the ``namenorm`` pipe."""
    return {"mode": "link", "gazetteers": [], "include_bundled": True, "fuzzy": False}


class NamenormComponent:
    """The pipe: call it on a ``Doc`` (spaCy calls it for you in ``nlp(text)``)."""

    def __init__(self, lang: str, mode: str = "link", gazetteers: list[str] | None = None,
                 include_bundled: bool = True, fuzzy: bool = False) -> None:
        if mode not in _MODES:
            raise ValueError(f"namenorm pipe: mode must be one of {', '.join(_MODES)}, got {mode!r}")
        self.lang = lang
        self.mode = mode
        self.fuzzy = fuzzy
        if gazetteers or not include_bundled:
            self.normalizer = Normalizer(gazetteers=gazetteers or [], include_bundled=include_bundled)
        else:
            self.normalizer = default_normalizer()
        self._warned = False
        _ensure_extension()

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Span

        if self.mode == "link" and not self._warned and not doc.has_annotation("ENT_IOB"):
            self._warned = True
            warnings.warn("namenorm pipe in 'link' mode got a Doc that no NER has annotated, so it has no "
                          "entities to link: add an 'ner' component before 'namenorm' (spacy.load(...) a "
                          "trained pipeline), or use config={'mode': 'ruler'} to find the names without one",
                          UserWarning, stacklevel=2)
        text = doc.text
        lang = self.lang if self.lang in ("ru", "uk", "be") else None
        old = list(doc.ents)
        found = link(text, [(e.start_char, e.end_char, e.label_) for e in old], lang=lang,
                     normalizer=self.normalizer, fuzzy=self.fuzzy)
        spans: list[Any] = []
        matches: dict[tuple[int, int], Match | None] = {}
        for e, m in zip(old, found, strict=True):
            kb = m.id if m is not None else e.kb_id_
            spans.append(Span(doc, e.start, e.end, label=e.label_, kb_id=kb or ""))
            matches[(e.start_char, e.end_char)] = m
        if self.mode == "ruler":
            taken = {i for e in old for i in range(e.start, e.end)}
            for mention in extract(text, lang=lang, normalizer=self.normalizer):
                if mention.match is None:  # only with extract(..., unlinked=True)
                    continue
                span = _char_span(doc, mention.start, mention.end, mention.match)
                if span is None or any(i in taken for i in range(span.start, span.end)):
                    continue
                taken.update(range(span.start, span.end))
                spans.append(span)
                matches[(span.start_char, span.end_char)] = mention.match
        doc.ents = sorted(spans, key=lambda s: s.start)
        for ent in doc.ents:
            m = matches.get((ent.start_char, ent.end_char))
            ent._.namenorm_data = match_data(m) if m is not None else None
        return doc


def _char_span(doc: Any, start: int, end: int, match: Match) -> Any:
    for mode in ("strict", "contract"):
        span = doc.char_span(start, end, label=match.type, kb_id=match.id, alignment_mode=mode)
        if span is not None and len(span):
            return span
    return None


def _ensure_extension() -> None:
    from spacy.tokens import Span

    if not Span.has_extension("namenorm_data"):
        Span.set_extension("namenorm_data", default=None)
    if not Span.has_extension("namenorm"):
        Span.set_extension("namenorm", getter=_span_match)


def _span_match(span: Any) -> Match | None:
    data: dict[str, Any] | None = span._.namenorm_data
    return match_from_data(data)


def make_namenorm(nlp: Any, name: str, mode: str, gazetteers: list[str], include_bundled: bool,
                  fuzzy: bool) -> NamenormComponent:
    """The ``spacy_factories`` entry point: builds the pipe for ``nlp.add_pipe("namenorm")``."""
    return NamenormComponent(nlp.lang, mode=mode, gazetteers=list(gazetteers),
                             include_bundled=include_bundled, fuzzy=fuzzy)


def _register() -> None:
    try:
        from spacy.language import Language
    except ImportError:  # the module stays importable (docs, doctests) without spaCy
        return
    if not Language.has_factory("namenorm"):
        Language.factory("namenorm", default_config=component_config())(make_namenorm)


_register()
