"""The blocked fuzzy search loses no hit: it finds what brute force over every fuzzy key finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from namenorm import Normalizer
from namenorm.fuzzy import MAX_BUDGET, FuzzySearch, by_fours, edit_budget

GAZ = Path(__file__).parent / "data" / "core" / "news.gaz"


@pytest.fixture(scope="module")
def fuzzy() -> FuzzySearch:
    return FuzzySearch(Normalizer(gazetteers=[GAZ], include_bundled=False).index)


def brute_force(fz: FuzzySearch, key: str, budget: int) -> tuple[int, list[str]]:
    dist = {k: OSA.distance(key, k) for k in fz.ix.fuzzy_keys}
    best = min([d for d in dist.values() if d <= budget], default=budget + 1)
    return best, sorted(k for k, d in dist.items() if d == best <= budget)


def _edit(key: str, ops: list[tuple[int, int, str]]) -> str:
    for op, pos, ch in ops:
        i = pos % (len(key) + 1)
        if op == 0:
            key = key[:i] + ch + key[i:]  # insert
        elif key and op == 1:
            key = key[: i % len(key)] + key[i % len(key) + 1 :]  # delete
        elif key and op == 2:
            key = key[: i % len(key)] + ch + key[i % len(key) + 1 :]  # substitute
        elif len(key) > 1:
            j = i % (len(key) - 1)
            key = key[:j] + key[j + 1] + key[j] + key[j + 2 :]  # swap neighbours
    return key


_OPS = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 40), st.sampled_from("aeiosnkvyzh ")),
                max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.data(), _OPS)
def test_blocked_search_equals_brute_force_on_typos(fuzzy: FuzzySearch, data: st.DataObject,
                                                    ops: list[tuple[int, int, str]]) -> None:
    key = _edit(data.draw(st.sampled_from(fuzzy.ix.fuzzy_keys)), ops)
    budget = edit_budget(key)
    if budget == 0:
        return
    best, hits = fuzzy.nearest(key, budget, skip_pairs=False)
    assert (best, sorted(k for k, _ in hits)) == brute_force(fuzzy, key, budget)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdehiklmnoprstuvyz киевлох", min_size=5, max_size=24))
def test_blocked_search_equals_brute_force_on_any_text(fuzzy: FuzzySearch, key: str) -> None:
    budget = edit_budget(key)
    if budget == 0:
        return
    best, hits = fuzzy.nearest(key, budget, skip_pairs=False)
    assert (best, sorted(k for k, _ in hits)) == brute_force(fuzzy, key, budget)


def test_a_typo_is_found(fuzzy: FuzzySearch) -> None:
    key = next(k for k in fuzzy.ix.fuzzy_keys if len(k) >= 8)
    best, hits = fuzzy.nearest(key[:3] + key[4:], edit_budget(key), skip_pairs=False)
    assert best == 1 and key in [k for k, _ in hits]


def test_fuzzy_keeps_typos_and_refuses_other_names(tmp_path: Path) -> None:
    gaz = tmp_path / "made_up.gaz"
    gaz.write_text("[t:kk] PER Konstantina Kolb\nen: Konstantina Kolb\n\n"
                   "[t:nh] ORG Nordmark Holding AG\nen: Nordmark Holding AG\n", encoding="utf-8")
    n = Normalizer(gazetteers=[gaz], include_bundled=False)
    typo, same_first_name = n.normalize("Konstantina Kolv"), n.normalize("Konstantina Holt")
    assert typo is not None and typo.id == "t:kk" and typo.method == "fuzzy"
    assert same_first_name is None  # two letters of a four-letter surname: another person
    near = n.normalize("Nordmark Holdin AG")
    assert near is not None and near.id == "t:nh"
    assert n.normalize("Nordmark Holding 2") is None  # a number is no typo of a word


@given(st.text(min_size=0, max_size=60))
def test_no_query_gets_more_than_max_budget(text: str) -> None:
    assert edit_budget(text) <= MAX_BUDGET


def test_the_gram_index_reaches_keys_at_both_length_bounds(tmp_path: Path) -> None:
    """A query searched by 3-grams reaches keys of up to 6d + 1 characters, and one searched by 4-grams
    keys of as few as 4d + 2: the index must list the 3-grams and 4-grams of such keys (fuzzy_grams)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    cases = []
    for d in (1, 2, 3):
        long_key = letters[: 6 * d + 1]
        cases.append((long_key, long_key[d:]))  # d letters dropped: 5d + 1 characters, by 3-grams
        short_key = letters[6 : 6 + 4 * d + 2]
        cases.append((short_key, short_key + "z" * d))  # d letters added: 5d + 2 characters, by 4-grams
    gaz = tmp_path / "bounds.gaz"
    gaz.write_text("".join(f"[t:{i}] LOC {k.title()}\nen: {k.title()}\n\n" for i, (k, _) in enumerate(cases)),
                   encoding="utf-8")
    fz = FuzzySearch(Normalizer(gazetteers=[gaz], include_bundled=False).index)
    searched_by_fours = []
    for key, query in cases:
        budget = edit_budget(query)
        searched_by_fours.append(by_fours(len(query), budget))
        assert fz.nearest(query, budget, skip_pairs=False) == (budget, [(key, fz._kid[key])])
    assert searched_by_fours == [False, True] * 3
