"""Property tests for extract(): offsets, order, robustness, and independence from other sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from namenorm import Normalizer
from namenorm.extract import extract

HERE = Path(__file__).parent
NORM = Normalizer(gazetteers=[HERE / "data" / "core" / "news.gaz", HERE / "data" / "extract" / "extract.gaz"],
                  include_bundled=False)

# Words that make up sentences: names in several forms, and common words of three scripts' texts.
NAMES = ["Kyiv", "Kiev", "Києві", "Киеве", "Zelensky", "Зеленского", "Зеленська", "Ned Price", "Price", "US",
         "us", "U.S.", "Nice", "NATO", "New York", "Paris", "Texas", "Reading", "Ростов-на-Дону", "Лавров",
         "Сергея Лаврова", "Selenskyj", "МИД Украины", "Ukraine's", "iPhone", "May", "Харкова", "France",
         "Лавров С.В.", "Lavrov S.", "Зеленский В. О.", "US Embassy", "«Укрзалізниця»", "КИЕВ",
         "Государственная дума"]
FILLER = ["the", "talks", "ended", "late", "and", "in", "near", "said", "встреча", "прошла", "в", "и", "у",
          "заявив", "що", "not", "it", "a", "meeting", "з", "по", "on", "of", "то"]
SEPARATORS = [" ", " ", " ", ", ", " - ", " (", ") ", "; ", ": ", " «", "» ", ". ", "! "]
OPENERS = ["Then", "Сегодня", "Далі", "Later", "Потом", "Kyiv", "Зеленский", "Ned Price"]

word = st.sampled_from(NAMES + FILLER)
body = st.lists(st.tuples(st.sampled_from(SEPARATORS), word), max_size=12).map(
    lambda parts: "".join(sep + w for sep, w in parts))
sentence = st.tuples(st.sampled_from(OPENERS), body).map(lambda p: f"{p[0]}{p[1]} end.")
filler_sentence = st.lists(st.sampled_from(FILLER), min_size=1, max_size=8).map(
    lambda ws: "Also " + " ".join(ws) + " done.")
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_shape(text: str) -> None:
    found = extract(text, normalizer=NORM)
    last_end = -1
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.start < m.end
        assert m.start >= last_end, "mentions overlap or are out of order"
        last_end = m.end


@SETTINGS
@given(st.text(max_size=200))
def test_any_text_never_raises_and_offsets_index_input(text: str) -> None:
    _check_shape(text)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(NAMES + FILLER + SEPARATORS), st.text(max_size=5)), max_size=30))
@example(parts=["\U00017000", "Сергея Лаврова"])  # a letter with no Unicode name (see below)
def test_name_soup_offsets_sorted_disjoint(parts: list[str]) -> None:
    _check_shape("".join(parts))


def test_morphology_helpers_take_letters_that_have_no_unicode_name() -> None:
    from namenorm.extract.context import best_parse, is_first_name
    from namenorm.stopwords import is_common_word

    word = "\U00017000а"  # a Tangut letter, unnamed in Python 3.11's unicodedata, then a Cyrillic one
    assert best_parse(word, "ru") is None and not is_first_name(word) and not is_common_word(word)


def _relative(found: list, start: int, end: int) -> list[tuple[int, int, str, str]]:
    return [(m.start - start, m.end - start, m.text, m.match.id) for m in found
            if start <= m.start and m.end <= end]


@SETTINGS
@given(sentence, st.lists(filler_sentence, max_size=3), st.lists(filler_sentence, max_size=3))
def test_sentence_result_independent_of_neutral_context(s: str, before: list[str], after: list[str]) -> None:
    context = " ".join(before + after)
    assume(not context or not extract(context, normalizer=NORM))
    prefix = " ".join(before) + (" " if before else "")
    text = prefix + s + ("" if not after else " " + " ".join(after))
    alone = _relative(extract(s, normalizer=NORM), 0, len(s))
    inside = _relative(extract(text, normalizer=NORM), len(prefix), len(prefix) + len(s))
    assert inside == alone


@SETTINGS
@given(sentence, st.lists(sentence, max_size=2), st.lists(sentence, max_size=2))
def test_context_only_adds_spans(s: str, before: list[str], after: list[str]) -> None:
    """Other sentences may supply a full name or a remembered entity, but never remove a span of S."""
    prefix = " ".join(before) + (" " if before else "")
    text = prefix + s + ("" if not after else " " + " ".join(after))
    alone = {(a, b) for a, b, _, _ in _relative(extract(s, normalizer=NORM), 0, len(s))}
    found = extract(text, normalizer=NORM)
    inside = {(a, b) for a, b, _, _ in _relative(found, len(prefix), len(prefix) + len(s))}
    assert alone <= inside


@pytest.mark.parametrize("text", ["", " ", "\n\n", ".", "'s", "’", "U.", "-", "«»", "\x00", "A. B. C.",
                                  "ʼ" * 5])
def test_edge_inputs(text: str) -> None:
    _check_shape(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("AbZz09ЁёЖжЯяІіЇїЄєҐґҐЙйЪъ'’ -.ßİı") | st.characters(), max_size=30))
def test_token_keys_are_folded_words(text: str) -> None:
    # the plain-letter shortcut of the tokenizer's key gives what fold() gives
    from namenorm.extract.tokens import tokenize
    from namenorm.text import fold

    for t in tokenize(text):
        assert t.key == fold(t.text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Ukraine", "'s", "’s", " s", "s", " ", "U.S.", ".", "Київ", "O'Brien",
                                 "’", "-", "ab", "AB", "\n", "é"]), max_size=20).map("".join))
def test_tokens_index_the_text_in_order(text: str) -> None:
    from namenorm.extract.tokens import tokenize

    end = 0
    for t in tokenize(text):
        assert text[t.start:t.end] == t.text and t.start >= end and t.end > t.start
        end = t.end


dateline = st.lists(st.sampled_from(["12", "05", "2024", "8.11.2018,", "09:06", "14:54,"]), min_size=1,
                    max_size=3).map(" ".join)


@SETTINGS
@given(dateline, sentence)
@example("09:06", "Сегодня Государственная дума end.")
@example("12:05", "Reading is fun end.")
def test_a_dateline_of_numbers_changes_no_mention(stamp: str, text: str) -> None:
    """Numbers before a sentence (a dateline: "09:06 ...") leave its first word opening the prose:
    the mentions after them are those of the sentence alone, moved by the dateline's length."""
    alone = [(m.start, m.text, m.match and m.match.id) for m in extract(text, normalizer=NORM)]
    shift = len(stamp) + 1
    after = [(m.start - shift, m.text, m.match and m.match.id)
             for m in extract(f"{stamp} {text}", normalizer=NORM)]
    assert after == alone
