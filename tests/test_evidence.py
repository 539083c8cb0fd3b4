"""Loose matches need evidence: the chance table, prominence, scores and min_score."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namenorm import Normalizer
from namenorm.evidence import ACCEPT, PROBES, Prominence, bucket, chance_rate, measure_chance, posterior
from namenorm.methods import Method
from namenorm.reliability import reliability

HERE = Path(__file__).parent
GAZ = HERE / "data" / "core" / "news.gaz"


@pytest.fixture(scope="module")
def norm() -> Normalizer:
    return Normalizer(gazetteers=[GAZ], include_bundled=False)


def test_measure_chance_counts_hits_per_bucket() -> None:
    # a probe that "hits" every five-letter string (none is listed): that bucket is certain, no other is there
    table = measure_chance(["kyiv", "lviv", "kharkiv", "mykolaiv"],
                           lambda t: [("fuzzy:1", "LOC")] if len(t) == 5 else [])
    assert table[bucket("fuzzy:1", "Latin", 1, 5, "LOC")] == 1_000_000
    assert bucket("fuzzy:1", "Latin", 1, 6, "LOC") not in table
    assert measure_chance(["kyiv", "odesa"], lambda t: []) == {}


def test_measure_chance_is_deterministic() -> None:
    keys = ["kyiv", "odesa", "lviv", "kharkiv", "київ", "одеса"]
    def probe(t: str) -> list[tuple[str, str]]:
        return [("cross-script", "LOC")] if t[:1] in "KК" else []
    assert measure_chance(keys, probe) == measure_chance(keys, probe)


def test_chance_rate_is_smoothed_and_posterior_falls_with_chance() -> None:
    assert 0 < chance_rate({}, "x") < 1 / PROBES
    assert posterior(0.0) == 1.0
    assert posterior(0.001) > posterior(0.01) > posterior(0.1)


def test_prominence_counts_alias_mass() -> None:
    p = Prominence([("LOC", 2, 1e6, 100), ("LOC", 2, 1e5, 1), ("LOC", 0, 1e3, 1)])
    # the first entity has most aliases: a random hit on a place lands on it most of the time
    assert p.quantile(0) == pytest.approx(100 / 102)
    assert p.quantile(1) == pytest.approx(101 / 102)
    assert p.quantile(2) == 1.0


def test_method_caps_order_strict_before_loose() -> None:
    strict = [m for m in Method if not m.loose]
    loose = [m for m in Method if m.loose]
    assert Method.EXACT.cap == 1.0
    assert min(m.cap for m in strict if m is not Method.DESCRIPTOR) >= max(m.cap for m in loose)


def test_min_score(norm: Normalizer) -> None:
    assert norm.normalize("Kiev", min_score=1.0) is not None
    typo = norm.normalize("Zelenskky")
    assert typo is not None and Method(typo.method).loose and typo.score < 1.0
    assert norm.normalize("Zelenskky", min_score=1.0) is None
    assert all(c.score >= 0.9 for c in norm.candidates("Zelenskky", min_score=0.9))
    assert norm.normalize_many(["Kiev", "Zelenskky"], min_score=1.0)[1] is None
    for bad in (-0.1, 1.5, "0.5", True):
        with pytest.raises(ValueError, match="min_score"):
            norm.normalize("Kiev", min_score=bad)  # type: ignore[arg-type]


def test_loose_hits_below_acceptance_are_dropped(norm: Normalizer) -> None:
    for text in ("Kyiv", "Zelenskky", "Volodymyr Zelenskyy"):
        m = norm.normalize(text)
        assert m is not None
        assert m.score >= ACCEPT * Method(m.method).cap or m.ambiguous


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_score_in_range_and_candidates_agree(norm: Normalizer, s: str) -> None:
    m = norm.normalize(s)
    cands = norm.candidates(s)
    if m is None:
        assert cands == []
    else:
        assert 0.0 < m.score <= 1.0
        assert cands and cands[0] == m
        assert all(a.score >= b.score for a, b in itertools.pairwise(cands))


_ALIASES = ["Volodymyr Zelenskyy", "Zelenskyy", "Kyiv Oblast", "United States", "Odesa", "Sergey Lavrov"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_ALIASES), st.integers(0, 30), st.sampled_from("aeiouxyz"))
def test_a_looser_step_never_scores_above_a_stricter_one(norm: Normalizer, alias: str, pos: int,
                                                         letter: str) -> None:
    strict = norm.normalize(alias)
    assert strict is not None
    i = pos % len(alias)
    edited = alias[:i] + letter + alias[i + 1:]
    loose = norm.normalize(edited)
    if loose is not None and loose.id == strict.id and edited.casefold() != alias.casefold():
        assert loose.score <= strict.score, (loose.explain(), strict.explain())


def test_reliability_on_a_fixture() -> None:
    rows = [(1.0, True)] * 99 + [(0.95, False)] + [(0.85, True)] * 30 + [(0.82, False)] + [(None, False)] * 5
    table = {t: (n, right) for t, n, right in reliability(rows, (0.9, 0.8))}
    assert table[0.9] == (100, 0.99)
    assert table[0.8] == (131, pytest.approx(129 / 131))


def test_real_names_raise_the_chance_where_they_hit_more_than_random_strings() -> None:
    keys = ["kyiv", "lviv", "kharkiv", "mykolaiv"]
    def probe(t: str) -> list[tuple[str, str]]:
        return [("fuzzy:1", "LOC")] if t.endswith("iv") else []
    plain = measure_chance(keys, probe)
    with_names = measure_chance(keys, probe, names=["markiv", "vasylkiv", "petrenko", "shevchenko"])
    # the six- and eight-letter names end in -iv: their buckets rise above the random strings' rate
    b6, b8 = bucket("fuzzy:1", "Latin", 1, 6, "LOC"), bucket("fuzzy:1", "Latin", 1, 8, "LOC")
    assert with_names[b6] > plain.get(b6, 0) and with_names[b8] > plain.get(b8, 0)
    # a real name that is a listed key or a known surname is a namesake, not chance
    assert measure_chance(keys, probe, names=["markiv"], known=["markiv"]) == plain


def test_transpositions_are_their_own_bucket() -> None:
    from namenorm.evidence import edit_kind

    assert edit_kind("zelesnky", "zelensky") == "t"
    assert edit_kind("zelenzky", "zelensky") == ""
    assert bucket(f"fuzzy:1{edit_kind('kiyv', 'kyiv')}", "Latin", 1, 4, "LOC") == "fuzzy:1t|Latin|1|4|LOC"


def test_an_exact_name_that_romanises_another_entity_is_ambiguous(tmp_path: Path) -> None:
    # "Lytva" is the name of a village, and Литва (Lithuania) romanised: the text names either
    gaz = tmp_path / "t.gaz"
    gaz.write_text("[t:village] LOC Lytva\nen: Lytva\n\n[t:lt] LOC Lithuania\nen: Lithuania\nuk: Литва\n",
                   encoding="utf-8")
    n = Normalizer(gazetteers=[gaz], include_bundled=False)
    found = n.candidates("Lytva")
    assert {m.id for m in found} == {"t:village", "t:lt"}
    assert all(m.ambiguous and m.score < 0.9 for m in found)
