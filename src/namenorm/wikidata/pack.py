"""Building a ``.gaz`` pack from Wikidata (``namenorm gazetteer from-wikidata``).

Each item of a dump or SPARQL result (read by :mod:`namenorm.wikidata.read`) becomes one
block: its ID is the QID (so it merges with curated entities of the same QID), its type comes from
P31 (table: :mod:`namenorm.wikidata.classes`), its prior is its latest population (P1082)
or else its number of sitelinks, its names are its labels and aliases in the chosen languages, its
gender comes from P21 (people), its country from P27 (people) or P17 when that country is a curated
entity with an ISO code. Official names (P1448) become ``{official}`` aliases, or ``{former}`` ones
when the statement has an end time (P582), with that date (``{former,until=2016-05-19}``; a date
the format cannot write, such as a year BC, goes in a comment after the name instead).

A name the format cannot hold as written (it contains ``|``, braces, a `` #`` that would start a
comment, a line break or a control character, mixes Latin and Cyrillic inside a word of a Cyrillic
language, ...) is left out and counted, never altered (besides NFC normalisation and trimming).

>>> import io
>>> from namenorm.wikidata.read import Item
>>> item = Item("Q1899", ["Q515"], {"en": ["Kyiv", "Kiev"], "uk": ["Київ"]}, population=2952301.0,
...             official=[("uk", "Київ", None)])
>>> pack = Pack(langs=("en", "uk"), types=("LOC",))
>>> print(pack.block(item), end="")
[Q1899] LOC Kyiv
source: wikidata:Q1899
prior: 2952301
en: Kyiv | Kiev
uk: Київ {official}
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from namenorm.gazetteer.model import TYPES, is_date
from namenorm.gazetteer.parse import _aliases as parse_aliases  # the parser's own alias rules
from namenorm.limits import too_long
from namenorm.wikidata.classes import CLASSES, GENDER, type_of
from namenorm.wikidata.read import Item

__all__ = ["DEFAULT_LANGS", "Pack", "one_line"]

DEFAULT_LANGS = ("en", "uk", "ru", "de", "fr", "pl")
_UNSAFE = regex.compile(r"[|{}\p{Cc}\p{Cs}]|(?:^|\s)#")


def one_line(text: str) -> str:
    """``text`` made safe for a comment or metadata line: NFC, control characters as ``?``.

    >>> one_line("a\\nb\\x00c")
    'a?b?c'
    """
    text = unicodedata.normalize("NFC", text)
    return "".join("?" if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") else c for c in text)


@dataclass
class Pack:
    """Turns items into ``.gaz`` blocks, counting what it writes and what it leaves out."""

    langs: tuple[str, ...] = DEFAULT_LANGS
    types: tuple[str, ...] = tuple(sorted(TYPES))
    countries: dict[str, str] = field(default_factory=dict)  # country QID -> ISO 3166-1 alpha-2
    required: tuple[str, ...] = ()  # keep only items with a name in one of these languages
    counts: Counter[str] = field(default_factory=Counter)
    _seen: bytearray = field(default_factory=bytearray)  # a bit per QID number below 2**28: duplicates
    _seen_big: set[int] = field(default_factory=set)  # QID numbers from 2**28 (none in Wikidata yet)

    def needles(self) -> tuple[bytes, ...]:
        """``b'"Q5"'`` for each class of the asked types: a dump line without any is not decoded."""
        return tuple(f'"{q}"'.encode() for q, t in CLASSES.items() if t in self.types)

    def block(self, item: Item, etype: str | None = None) -> str | None:
        """The ``.gaz`` block of ``item`` (type from P31 unless ``etype``), or None when skipped."""
        self.counts["read"] += 1
        etype = etype or type_of(item.classes)
        if etype is None:
            return self.skip("unmapped class")
        if etype not in self.types:
            return self.skip(f"type {etype} not asked for")
        if self.required and not any(item.names.get(lang) for lang in self.required):
            return self.skip("no name in " + ",".join(self.required))
        if self._duplicate(int(item.qid[1:])):
            return self.skip("duplicate QID")
        lines = self._names(item)
        if not lines:
            return self.skip("no name in " + ",".join(self.langs))
        head = lines.pop(0)
        out = [f"[{item.qid}] {etype} {head}", f"source: wikidata:{item.qid}"]
        prior = item.population if item.population is not None else item.sitelinks
        if prior is not None and prior == prior and 0 <= prior < float("inf"):
            out.append(f"prior: {prior:.15g}")
        gender = GENDER.get(item.gender or "") if etype == "PER" else None
        if gender:
            out.append(f"gender: {gender}")
        country = self._country(item)
        if country:
            out.append(f"country: {country}")
        self.counts["written"] += 1
        return "\n".join(out + lines) + "\n"

    def skip(self, why: str) -> str | None:
        """Count an item left out and why; returns None (no block)."""
        self.counts["skipped"] += 1
        self.counts[f"skipped: {why}"] += 1
        return None

    def _duplicate(self, n: int) -> bool:
        if n >= 1 << 28:  # the bitmap stays under 32 MiB whatever the input
            seen_big = n in self._seen_big
            self._seen_big.add(n)
            return seen_big
        byte, bit = divmod(n, 8)
        if byte >= len(self._seen):
            self._seen.extend(bytes(max(byte + 1 - len(self._seen), len(self._seen) // 2)))
        seen = self._seen[byte] >> bit & 1
        self._seen[byte] |= 1 << bit
        return bool(seen)

    def _names(self, item: Item) -> list[str]:
        """The canonical name, then one line per language; official names first, one a line."""
        head: str | None = None
        lines: list[str] = []
        for lang in sorted(self.langs, key=lambda lang: lang != "en"):  # the canonical name: en first
            names = self._fit(lang, item.names.get(lang, ()))
            label = names[0] if names else None
            head = head or label
            for olang, text, end in item.official:
                fit = self._fit(lang, [text]) if olang == lang else []
                if not fit or (end and fit[0] == label):  # no name, or the former name is current again
                    continue
                if end:
                    lines.append(f"{lang}: {fit[0]} {{former,until={end}}}" if is_date(end) else
                                 f"{lang}: {fit[0]} {{former}}  # P1448 official name until {one_line(end)}")
                else:
                    lines.append(f"{lang}: {fit[0]} {{official}}")
                    head = head or fit[0]
                names = [n for n in names if n != fit[0]]
            if names:
                lines.append(f"{lang}: " + " | ".join(names))
        return [head, *lines] if head else []

    def _fit(self, lang: str, names: Iterable[str]) -> list[str]:
        """The names the format holds as written (NFC, trimmed), once each; the others are counted."""
        out: list[str] = []
        for raw in names:
            text = unicodedata.normalize("NFC", raw).strip()
            errs: list[str] = []
            if (not text or _UNSAFE.search(text) or len(text.splitlines()) != 1 or too_long(text)
                    or (not text.isascii()  # the parser's script rules need non-ASCII letters to object
                        and ([a.text for a in parse_aliases(lang, text, "", errs)] != [text] or errs))):
                self.counts["names left out (not representable in .gaz)"] += 1
            elif text not in out:
                out.append(text)
        return out

    def _country(self, item: Item) -> str | None:
        if item.iso2 and regex.fullmatch(r"[A-Z]{2}", item.iso2):
            return item.iso2
        for c in item.countries:
            code = self.countries.get(c) or (c if regex.fullmatch(r"[A-Z]{2}", c) else None)
            if code:
                return code
        return None
