"""Reading ``.gaz`` gazetteer source files (format: docs/gazetteer-format.md).

>>> ents, meta, errs = parse_text('[Q1899] LOC Kyiv\\nen: Kyiv | Kiev {former}\\nuk: Київ\\n', "x.gaz")
>>> ents[0].id, [a.text for a in ents[0].aliases], errs
('Q1899', ['Kyiv', 'Kiev', 'Київ'], [])
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

import regex

from namenorm.gazetteer.model import ALIAS_FLAGS, ALIAS_KINDS, TYPES, Alias, Entity, is_date
from namenorm.limits import MAX_TEXT, too_long
from namenorm.scripts import has_cyrillic

__all__ = ["GazetteerError", "parse_file", "parse_text"]

_HEADER = regex.compile(r"^\[([^\]\s]+)\]\s+(\S+)\s*(.*)$")
_ID = regex.compile(r"^(Q[1-9]\d*|[a-z][a-z0-9_.-]*:\S+)$")
_LANG = regex.compile(r"^[a-z]{2}$")
_FLAGS = regex.compile(r"\s*\{([^{}]*)\}\s*$")
_COMMENT = regex.compile(r"(?:^|\s)#.*$")
_CYRILLIC_LANGS = frozenset({"uk", "ru", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn", "ba", "tt", "cv",
                             "ab", "ce", "cu", "os", "av", "kv", "sah"})
# written in Latin or Cyrillic letters: neither script is an error
_DUAL_SCRIPT = frozenset({"az", "bs", "uz", "sr", "kk", "tk", "ku", "mo"})
_SCALAR = frozenset({"country", "prior", "source", "gender", "admin1", "note", "xref"})


class GazetteerError(ValueError):
    """A gazetteer file has problems; ``problems`` holds one ``file:line: message`` per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__("invalid gazetteer:\n" + "\n".join(problems[:20]) + more)


def parse_file(path: str | Path) -> tuple[list[Entity], dict[str, str], list[str]]:
    """Parse one file; returns entities, file metadata (``@key: value``) and problems found."""
    p = Path(path)
    try:
        data = p.read_bytes()
        text = data.decode("utf-8")  # a byte order mark is dropped by parse_text
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        column = e.start - data.rfind(b"\n", 0, e.start)
        return [], {}, [f"{p}:{line}: not UTF-8 ({e.reason} at byte {column} of the line); save the file "
                        f"as UTF-8"]
    except OSError as e:
        return [], {}, [f"{p}: cannot read ({e.strerror})"]
    return parse_text(text, str(p))


def parse_text(text: str, name: str = "<string>") -> tuple[list[Entity], dict[str, str], list[str]]:
    """Parse gazetteer source text; ``name`` is used in error messages."""
    ents: list[Entity] = []
    meta: dict[str, str] = {}
    errs: list[str] = []
    cur: Entity | None = None
    text = text.removeprefix("\ufeff")  # a byte order mark is not part of the first line
    for no, raw in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", raw).strip() if "#" in raw else raw.strip()
        if not line:
            continue
        where = f"{name}:{no}"
        if not unicodedata.is_normalized("NFC", line):
            errs.append(f"{where}: text is not in Unicode NFC form; normalise the file to NFC")
            line = unicodedata.normalize("NFC", line)
        if line.startswith("@"):
            key, sep, value = line[1:].partition(":")
            if not sep:
                errs.append(f"{where}: metadata line needs '@key: value'")
            meta.setdefault(key.strip(), value.strip())
            continue
        if line.startswith("["):
            cur = _header(line, where, errs)
            if cur is not None:
                ents.append(cur)
            continue
        key, sep, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            errs.append(f"{where}: expected 'key: value', a '[ID] TYPE Name' header or a comment")
            continue
        if cur is None:
            errs.append(f"{where}: field '{key}' before the first '[ID] TYPE Name' header")
            continue
        if key in _SCALAR:
            _scalar(cur, key, value, where, errs)
        elif _LANG.match(key):
            cur.aliases.extend(_aliases(key, value, where, errs))
        else:
            errs.append(f"{where}: unknown field '{key}' (a two-letter language code, 'xx', or one of "
                        f"{', '.join(sorted(_SCALAR))})")
    for ent in ents:
        ent.aliases = _dedupe(ent.aliases)
    return ents, meta, errs


def _dedupe(aliases: list[Alias]) -> list[Alias]:
    """One alias per (text, language): the first keeps its place and kind, flags are united."""
    first: dict[tuple[str, str], int] = {}
    out: list[Alias] = []
    for a in aliases:
        i = first.setdefault((a.text, a.lang), len(out))
        if i == len(out):
            out.append(a)
        else:
            b = out[i]
            out[i] = Alias(b.text, b.lang, b.kind, b.weak or a.weak, b.exact or a.exact,
                           b.noinflect or a.noinflect, b.until or a.until)
    return out


def _header(line: str, where: str, errs: list[str]) -> Entity | None:
    m = _HEADER.match(line)
    if not m:
        errs.append(f"{where}: bad header; expected '[ID] TYPE Canonical Name'")
        return None
    eid, etype, name = m.group(1), m.group(2), m.group(3).strip()
    if not _ID.match(eid):
        errs.append(f"{where}: bad ID '{eid}'; use a Wikidata QID (Q123) or 'prefix:value'")
    if etype not in TYPES:
        errs.append(f"{where}: unknown type '{etype}'; use one of {', '.join(sorted(TYPES))}")
    if too_long(name):
        errs.append(f"{where}: canonical name '{name[:40]}...' has {len(name):,} characters, more than "
                    f"the {MAX_TEXT:,} looked up; shorten it")
        name = name[:MAX_TEXT]
    if not name:
        errs.append(f"{where}: entity {eid} has no canonical name")
    elif set(name) & set("{}|"):
        errs.append(f"{where}: canonical name '{name}' contains '{{', '}}' or '|'; flags and alias lists "
                    "belong on the language lines (en: Name {weak})")
    ent = Entity(id=eid, type=etype, name=name, origin=where)
    if name:
        ent.aliases.append(Alias(name, "en", "canonical"))
    return ent


def _scalar(ent: Entity, key: str, value: str, where: str, errs: list[str]) -> None:
    if key == "prior":
        try:
            ent.prior = float(value)
            if not (math.isfinite(ent.prior) and ent.prior >= 0):  # nan would make ranking depend on order
                raise ValueError
        except ValueError:
            ent.prior = 0.0
            errs.append(f"{where}: prior must be a non-negative number, got '{value}'")
    elif key == "xref":
        for x in value.split():
            if ":" not in x:
                errs.append(f"{where}: xref '{x}' needs the form scheme:value (wikidata:Q1899)")
            ent.xrefs.append(x)
    elif key == "country":
        if not regex.fullmatch(r"[A-Z]{2}", value):
            errs.append(f"{where}: country must be an ISO 3166-1 alpha-2 code such as UA, got '{value}'")
        ent.country = value
    elif key == "gender":
        if value not in ("m", "f"):
            errs.append(f"{where}: gender must be 'm' or 'f', got '{value}'")
        ent.gender = value
    else:
        setattr(ent, key, value)


def _aliases(lang: str, value: str, where: str, errs: list[str]) -> list[Alias]:
    out = []
    for part in value.split("|"):
        text, kind, flags, until = part.strip(), "common", set(), None
        m = _FLAGS.search(text)
        if m:
            text = text[: m.start()].strip()
            for f in filter(None, (x.strip() for x in m.group(1).split(","))):
                if f in ALIAS_KINDS and f != "canonical":
                    kind = f
                elif f in ALIAS_FLAGS:
                    flags.add(f)
                elif f.startswith("until="):
                    until = f[6:].strip()
                    if not is_date(until):
                        errs.append(f"{where}: bad date in '{f}' on '{text}'; write until=YYYY, "
                                    "until=YYYY-MM or until=YYYY-MM-DD")
                        until = None
                else:
                    kinds = ", ".join(sorted(ALIAS_KINDS - {"canonical"}))
                    errs.append(f"{where}: unknown alias flag '{f}' on '{text}'; kinds: {kinds}; "
                                "flags: weak, exact, noinflect, until=DATE (with former)")
            if until and kind != "former":
                errs.append(f"{where}: '{text}' has until={until} but is not a former name; write "
                            f"{{former,until={until}}}")
                until = None
        if not text:
            errs.append(f"{where}: empty alias in the {lang} list")
            continue
        if too_long(text):
            errs.append(f"{where}: alias '{text[:40]}...' has {len(text):,} characters, more than the "
                        f"{MAX_TEXT:,} looked up; shorten it or remove it")
            continue
        if lang not in _CYRILLIC_LANGS | _DUAL_SCRIPT and lang != "xx" and has_cyrillic(text):
            errs.append(f"{where}: alias '{text}' is listed as '{lang}' but contains Cyrillic letters")
        if lang in _CYRILLIC_LANGS and regex.search(r"\p{Latin}", text) and regex.search(
            r"(?:\p{Cyrillic}\p{Latin}|\p{Latin}\p{Cyrillic})", text
        ):
            errs.append(f"{where}: alias '{text}' mixes Latin and Cyrillic letters inside a word")
        out.append(Alias(text, lang, kind, "weak" in flags, "exact" in flags, "noinflect" in flags, until))
    return out
