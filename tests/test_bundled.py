"""normalize() over the bundled gazetteers: golden and negative cases, and properties."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import namenorm
from namenorm.api import default_normalizer
from namenorm.names import is_junk
from namenorm.text import clean

GOLDEN = Path(__file__).parent / "golden"


def _lines(name: str) -> list[str]:
    text = (GOLDEN / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _golden() -> list[object]:
    """The golden lines ``TEXT<TAB>ID``; a third field ``xfail: REASON`` marks a known failure (strict)."""
    out: list[object] = []
    for line in _lines("normalize_bundled.txt"):
        text, want, *note = line.split("\t")
        if note and note[0].startswith("xfail:"):
            reason = note[0].removeprefix("xfail:").strip()
            out.append(pytest.param(text, want, marks=pytest.mark.xfail(strict=True, reason=reason)))
        else:
            out.append((text, want))
    return out


@pytest.mark.parametrize(("text", "want"), _golden())
def test_golden(text: str, want: str) -> None:
    m = namenorm.normalize(text)
    assert m is not None, text
    assert m.id == want, m.explain()


def _negatives() -> list[object]:
    """The negative golden lines; ``TEXT<TAB>xfail: REASON`` marks a known failure (strict)."""
    out: list[object] = []
    for line in _lines("normalize_negative.txt"):
        text, _, note = line.partition("\t")
        if note.startswith("xfail:"):
            out.append(pytest.param(text, marks=pytest.mark.xfail(strict=True, reason=note[6:].strip())))
        else:
            out.append(text)
    return out


@pytest.mark.parametrize("text", _negatives())
def test_negative(text: str) -> None:
    m = namenorm.normalize(text)
    assert m is None, m.explain()


def test_ambiguous_names_say_so() -> None:
    m = namenorm.normalize("Washington")
    assert m is not None and m.ambiguous
    assert len({c.id for c in namenorm.candidates("Washington")}) >= 2


def test_hints_decide() -> None:
    m = namenorm.normalize("Georgia", country="US")
    assert m is not None and m.id == "iso3166-2:US-GA"
    assert namenorm.normalize("Paris", country="US") != namenorm.normalize("Paris")


def test_a_city_never_beats_a_country_unhinted() -> None:
    for name in ("Georgia", "Luxembourg", "Mexico"):
        m = namenorm.normalize(name)
        assert m is not None and any(x.startswith("iso3166:") for x in _xrefs(m.id)), m.explain()


def _xrefs(eid: str) -> set[str]:
    ix = default_normalizer().index
    for e in ix.entities():
        if e.id == eid:
            return {e.id, *e.xrefs}
    return set()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_never_raises_and_is_deterministic(s: str) -> None:
    a = namenorm.normalize(s)
    assert a == namenorm.normalize(s)
    if a is not None:
        assert 0 < a.score <= 1


@lru_cache(maxsize=1)
def _sample_aliases() -> list[str]:
    ix = default_normalizer().index
    aliases = ix.aliases()
    step = max(1, len(aliases) // 400)
    return [aliases[i] for i in range(0, len(aliases), step)]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_canonical_name_resolves_to_itself(data: st.DataObject) -> None:
    alias = data.draw(st.sampled_from(_sample_aliases()))
    m = namenorm.normalize(alias)
    if m is None or m.method not in ("exact", "inflection") or is_junk(clean(m.name)):
        return  # a canonical name that is a placeholder ("Nan", a Thai town) is refused by design
    again = namenorm.normalize(m.name)
    assert again is not None, m.explain()
    # a homonym's own name may rank another entity first: then it is listed among the candidates
    assert again.id == m.id or m.id in {c.id for c in namenorm.candidates(m.name, limit=50)}

