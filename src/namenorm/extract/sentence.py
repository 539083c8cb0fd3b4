"""One sentence being scanned: its words, and what its capitals say.

>>> from namenorm.extract.tokens import tokenize
>>> from namenorm.index import Index
>>> from namenorm.extract.tables import tables_for
>>> text = 'He said: "Kyiv is calm" today.'
>>> s = Sentence(text, tokenize(text), tables_for(Index()), "en")
>>> [s.initial(i) for i in range(len(s.toks))], s.caseless
([True, False, True, False, False, False], False)
"""

from __future__ import annotations

from namenorm.extract.context import is_month, no_case_signal
from namenorm.extract.tables import Tables
from namenorm.extract.tokens import Token

__all__ = ["Sentence"]

_OPENERS = frozenset("«“„\"'(")


def _dateline_word(word: str, lang: str) -> bool:
    """A number, a word of two or more capitals (an agency's name) or a month: "09", "2018",
    "REGNUM", "Ноябрь"."""
    return word.isdecimal() or (len(word) > 1 and word.isupper()) or is_month(word, lang)


class Sentence:
    """The words of a sentence (offsets into the whole text), the tables, and the sentence's language.

    ``caseless`` marks a headline in title case; ``shouted`` a sentence mostly in capitals: in
    both, capitals are no evidence of a name.
    """

    __slots__ = ("_caseless", "_first_prose", "_shouted", "ix", "lang", "tabs", "text", "toks")

    def __init__(self, text: str, toks: list[Token], tabs: Tables, lang: str | None) -> None:
        self.text, self.toks, self.tabs, self.ix, self.lang = text, toks, tabs, tabs.ix, lang
        self._caseless: bool | None = None
        self._shouted: bool | None = None
        self._first_prose: int | None = None

    @property
    def caseless(self) -> bool:
        """A headline in title case (worked out on first use: the matcher asks for few sentences)."""
        if self._caseless is None:
            self._caseless = no_case_signal([t.text for t in self.toks]) and not self._ends_as_prose()
        return self._caseless

    def _ends_as_prose(self) -> bool:
        """The sentence ends with a full stop, "!" or "?" (after any closing quotes or brackets):
        prose, where a short sentence with several names is still written in sentence case. A
        title-case headline ends without one."""
        if not self.toks:
            return False
        end = self.toks[-1].end
        tail = self.text[end:end + 4].lstrip("\"'»”’)]")
        return tail[:1] in (".", "!", "?", "…")

    @property
    def shouted(self) -> bool:
        """Most words in capitals."""
        if self._shouted is None:
            toks = self.toks
            caps = sum(1 for t in toks if t.text.isupper() and len(t.text) > 1)
            self._shouted = caps > max(2, len(toks) // 2)
        return self._shouted

    def initial(self, i: int) -> bool:
        """True when word ``i`` opens the sentence, a quotation, a bracket or a clause after a colon
        or a dash (a hyphen between spaces too), where a capital letter says nothing about names."""
        if i == 0 or self.caseless:
            return True
        gap = self.text[self.toks[i - 1].end:self.toks[i].start]
        return (gap[-1:] in _OPENERS or any(c in gap for c in ":—–") or gap.strip() == "-" != gap
                or i <= self._dateline)

    @property
    def _dateline(self) -> int:
        """The index of the first word that is no number, no word in capitals and no month: the
        words before it ("8.11.2018, 8:18", "09:06 REGNUM", "2 Ноябрь, 2018") are a dateline that
        opens the sentence, so that word opens the sentence's prose."""
        if self._first_prose is None:
            lang, toks = self.morph_lang, self.toks
            self._first_prose = next((i for i, t in enumerate(toks) if not _dateline_word(t.text, lang)), 0)
        return self._first_prose

    def capitalised(self, i: int) -> bool:
        """True when word ``i`` starts with a capital letter."""
        return self.toks[i].text[:1].isupper()

    def gap(self, i: int) -> str:
        """The characters between word ``i - 1`` and word ``i``."""
        return self.text[self.toks[i - 1].end:self.toks[i].start]

    @property
    def morph_lang(self) -> str:
        """The pymorphy3 dictionary for this sentence's Cyrillic words ("ru" unless Ukrainian)."""
        return "uk" if self.lang == "uk" else "ru"
