"""The table-driven transliteration engine: a compiled scheme applied to text.

A scheme compiles into two parts: a ``str.translate`` table for every Cyrillic code point (the
scheme's letters, unidecode for letters it does not cover, so the output never keeps a Cyrillic
letter) and one compiled regular expression for the context rules, applied before the table.

>>> t = load("uk_national")
>>> t("Згуровський"), t("ЗГУРОВСЬКИЙ"), t("Знам'янка")
('Zghurovskyi', 'ZGHUROVSKYI', 'Znamianka')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources

from unidecode import unidecode

from namenorm.chars import CYRILLIC_BASIC_CLASS, CYRILLIC_RANGES, LETTER, WORD_APOSTROPHES, WORD_CHAR
from namenorm.translit.schemefile import Rule, SchemeSpec, parse_scheme

__all__ = ["CYRILLIC_RANGES", "Transliterator", "is_cyrillic_char", "load", "scheme_spec"]

_APOSTROPHES = WORD_APOSTROPHES
_LETTER_BEFORE = rf"(?<!{LETTER})"
_LETTER_AFTER = rf"(?!{LETTER})"
_CYR_LETTER = CYRILLIC_BASIC_CLASS
_UPPER = re.escape("".join(
    chr(cp) for lo, hi in CYRILLIC_RANGES for cp in range(lo, hi + 1) if chr(cp).isupper()
))
_WORD_CHAR = WORD_CHAR
# Two upper-case Cyrillic letters in a row: the only case that needs word-by-word handling.
_CAPS = re.compile(f"[{_UPPER}][{_APOSTROPHES}]*[{_UPPER}]")
_CAPS_WORD = re.compile(f"{_WORD_CHAR}*[{_UPPER}][{_APOSTROPHES}]*[{_UPPER}]{_WORD_CHAR}*")


def is_cyrillic_char(ch: str) -> bool:
    """True for a code point in one of the Cyrillic blocks.

    >>> is_cyrillic_char("ї"), is_cyrillic_char("ꙮ"), is_cyrillic_char("ó")
    (True, True, False)
    """
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in CYRILLIC_RANGES)


_LIST_END = 0xA6A0  # the end of Cyrillic Extended-B
_HIGH_FIRST = chr(min(lo for lo, _ in CYRILLIC_RANGES if lo >= _LIST_END))


@cache
def _identity_table() -> tuple[str, ...]:
    """chr(cp) for every code point below _LIST_END, shared by all schemes' translate lists."""
    return tuple(map(chr, range(_LIST_END)))


def _title(out: str) -> str:
    """Upper-case the first letter of ``out`` ("zh" -> "Zh", "·e" -> "·E", "’" -> "’")."""
    for i, ch in enumerate(out):
        if ch.isalpha():
            return out[:i] + ch.upper() + out[i + 1:]
    return out


@cache  # the same for every scheme: about 500 code points, asked once per scheme
def _fallback(ch: str) -> str:
    """Latin for a Cyrillic code point the scheme does not cover (unidecode; '' when it has none)."""
    out: str = unidecode(ch)
    return "" if "[?]" in out or any(is_cyrillic_char(c) for c in out) else out


def _both_cases(letters: str) -> str:
    """A regex character-class body with every letter in both cases (no IGNORECASE: it is slower)."""
    chars = dict.fromkeys(c for ch in letters for c in (ch, ch.upper(), ch.lower()) if len(c) == 1)
    return re.escape("".join(chars))


def _condition_regex(cond: str) -> tuple[str, str]:
    """The (lookbehind, lookahead) regex text for one rule condition, both placed around the target."""
    if cond == "^":
        return _LETTER_BEFORE + "(?<!['’])", ""
    if cond == "$":
        return "", _LETTER_AFTER
    negated = cond.startswith("!")
    op, letters = cond.lstrip("!")[0], cond.lstrip("!")[1:]
    cls = "[" + _both_cases(letters) + "]"
    if op == "<":
        return ("(?<!" if negated else "(?<=") + cls + ")", ""
    return "", ("(?!" if negated else "(?=") + cls + ")"


def _split_output(rule: Rule, letters: dict[str, str]) -> tuple[str, str]:
    """Split a rule's output into the part for its first target letter and the rest (zgh -> z, gh)."""
    head = letters.get(rule.target[0], "")
    if len(rule.target) > 1 and head and rule.output.startswith(head):
        return head, rule.output[len(head):]
    return rule.output, ""


def _group_regex(rules: list[Rule]) -> str:
    """One capturing alternative for rules that share their conditions and target length.

    The whole pattern starts by consuming one character of a set (which lets the regex engine scan
    for candidates fast), so each alternative checks that first character and its left context in a
    lookbehind, then matches the rest of its target.
    """
    behind, ahead = "", ""
    for cond in rules[0].conditions:
        b, a = _condition_regex(cond)
        behind += b
        ahead += a
    if rules[0].target == "'":
        return f"((?<=[{_CYR_LETTER}][{_APOSTROPHES}]))(?=[{_CYR_LETTER}])"
    if len(rules[0].target) == 1:
        return f"((?<={behind}[{_both_cases(''.join(r.target for r in rules))}])){ahead}"
    body = "|".join(
        f"(?<={behind}[{_both_cases(r.target[0])}])" + "".join(f"[{_both_cases(c)}]" for c in r.target[1:])
        for r in rules
    )
    return f"({body}){ahead}"


def _grouped(rules: list[Rule]) -> list[list[Rule]]:
    """Consecutive rules (already in priority order) with equal conditions and target length."""
    groups: list[list[Rule]] = []
    for rule in rules:
        key = (rule.conditions, len(rule.target), rule.target == "'")
        last = groups[-1][0] if groups else None
        if last is not None and (last.conditions, len(last.target), last.target == "'") == key:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    return groups


class Transliterator:
    """A compiled scheme; call it with text.  Thread-safe (immutable after construction)."""

    def __init__(self, spec: SchemeSpec) -> None:
        self.name = spec.name
        self.lang = spec.lang
        self.spec = spec
        table: dict[int, str] = {}
        for lo, hi in CYRILLIC_RANGES:
            for cp in range(lo, hi + 1):
                ch = chr(cp)
                low = ch.lower()
                if ch in spec.letters:
                    table[cp] = spec.letters[ch]
                elif low != ch and len(low) == 1 and low in spec.letters:
                    table[cp] = _title(spec.letters[low])
                else:
                    table[cp] = _fallback(ch)
        self.table = table
        # str.translate looks a list up faster than a dict: one list up to U+A69F (unmapped code
        # points map to themselves), and a small dict for the Cyrillic code points above it.
        fast = list(_identity_table())
        for cp, out in table.items():
            if cp < _LIST_END:
                fast[cp] = out
        self._fast = fast
        self._high = {cp: out for cp, out in table.items() if cp >= _LIST_END}
        # For each capturing group (1-based): matched lower-case text -> (lower, title, first, rest).
        self._outputs: list[dict[str, tuple[str, str, str, str]]] = [{}]
        # The common cases precomputed: exact matched text (lower case or Title case) -> output.
        self._exact: list[dict[str, str]] = [{}]
        patterns = []
        for group in _grouped(spec.rules):
            patterns.append(_group_regex(group))
            outputs = {}
            for rule in group:
                entry = (rule.output, _title(rule.output), *_split_output(rule, spec.letters))
                for key in (_APOSTROPHES if rule.target == "'" else [rule.target]):
                    outputs[key] = entry
            self._outputs.append(outputs)
            exact = {key: entry[0] for key, entry in outputs.items()}
            exact.update({key[0].upper() + key[1:]: entry[1] for key, entry in outputs.items()})
            self._exact.append(exact)
        self._rules = None
        if patterns:
            firsts = "".join(sorted({r.target[0] for r in spec.rules} - {"'"}))
            if any(r.target == "'" for r in spec.rules):
                firsts += _APOSTROPHES
            self._rules = re.compile(f"[{_both_cases(firsts)}](?:{'|'.join(patterns)})")

    def _replace(self, m: re.Match[str]) -> str:
        s = m.group()
        index = m.lastindex or 0
        hit = self._exact[index].get(s)
        if hit is not None:
            return hit
        lower, title, first, rest = self._outputs[index][s.lower()]
        if len(s) == 1 or s[1:].islower():
            return title if s[0].isupper() else lower
        # Upper case after the first letter inside a mixed-case word ("ЗГуровский" -> "ZGhurovskyi"):
        # case the part of the output that belongs to the first letter and the rest separately.
        first = _title(first) if s[0].isupper() else first
        return first + (_title(rest) if any(c.isupper() for c in s[1:]) else rest)

    def _simple(self, text: str) -> str:
        """Rules then table, with Title-case outputs for upper-case letters."""
        if self._rules is not None:
            text = self._rules.sub(self._replace, text)
        out = text.translate(self._fast)
        if out.isascii() or max(out) < _HIGH_FIRST:
            return out
        return out.translate(self._high)

    def _word(self, m: re.Match[str]) -> str:
        word = m.group()
        low = word.lower()
        if word.isupper() and len(low) == len(word) and low != word and len(word) > 1 \
                and all(is_cyrillic_char(c) or not c.isalpha() or c in _APOSTROPHES for c in word):
            return self._simple(low).upper()
        return self._simple(word)

    def __call__(self, text: str) -> str:
        if text.isascii():
            return text
        # istitle() treats an apostrophe as a word break ("П'ЯТ" is "title"), so it only decides alone
        # for text without one; otherwise look for two upper-case Cyrillic letters in a row.
        if text.islower() or (
            text.istitle() and "'" not in text and "’" not in text and "ʼ" not in text and "`" not in text
        ) or _CAPS.search(text) is None:
            return self._simple(text)
        return self._simple(_CAPS_WORD.sub(self._word, text))


def _scheme_text(name: str) -> str:
    return resources.files("namenorm.translit.schemes").joinpath(f"{name}.txt").read_text(encoding="utf-8")


@cache
def scheme_spec(name: str) -> SchemeSpec:
    """The parsed data file of scheme ``name`` (cached)."""
    return parse_scheme(_scheme_text(name), name, include=scheme_spec)


@cache
def load(name: str) -> Callable[[str], str]:
    """The compiled transliterator of scheme ``name`` (cached; the data file is read on first use)."""
    return Transliterator(scheme_spec(name))
