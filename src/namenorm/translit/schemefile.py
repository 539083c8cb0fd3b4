"""Parse one transliteration scheme data file (``schemes/<name>.txt``) into a :class:`SchemeSpec`.

The format is line based; ``#`` starts a comment line.  Header lines start with ``@``::

    @name uk_national            # the scheme name (must equal the file name)
    @lang uk                     # the language whose alphabet the scheme covers
    @class V аеєиіїоуюя          # a named letter class, used as @V in conditions

Every other line is ``TARGET OUTPUT [CONDITION ...]`` with lower-case Cyrillic ``TARGET`` (one
letter, a letter sequence, or ``'`` for an apostrophe between letters) and Latin ``OUTPUT``
(``-`` for nothing).  Upper case is derived.  Conditions restrict where the rule applies:

    @include uk_pl               # start from another scheme's table and rules, then override

    ^      at the start of a word          $      at the end of a word
    <SET   after a letter of SET           !<SET  not after a letter of SET
    >SET   before a letter of SET          !>SET  not before a letter of SET

``SET`` is literal letters or ``@NAME`` of a class.  A single letter without conditions is a plain
letter mapping; everything else is a context rule.  The first matching rule wins; rules are tried
longest target first, conditional rules before unconditional ones, otherwise in file order.

>>> spec = parse_scheme("@name demo\\n@lang uk\\nа a\\nя ia\\nя ya ^\\nзг zgh\\n", "demo")
>>> spec.letters["я"], spec.rules[0]
('ia', Rule(target='зг', output='zgh', conditions=()))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Rule", "SchemeFormatError", "SchemeSpec", "parse_scheme"]


class SchemeFormatError(ValueError):
    """A scheme data file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Rule:
    """One context rule: ``target`` becomes ``output`` where all ``conditions`` hold."""

    target: str
    output: str
    conditions: tuple[str, ...] = ()


@dataclass
class SchemeSpec:
    """The parsed content of one scheme file."""

    name: str
    lang: str = ""
    letters: dict[str, str] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    classes: dict[str, str] = field(default_factory=dict)


_CONDITION_PREFIXES = ("!<", "!>", "<", ">")


def _expand(value: str, classes: dict[str, str], where: str) -> str:
    """Replace ``@NAME`` class references in a condition's letter set by their letters."""
    if not value.startswith("@"):
        return value
    try:
        return classes[value[1:]]
    except KeyError:
        hint = "define it with '@class NAME letters'"
        raise SchemeFormatError(f"{where}: unknown class {value!r}; {hint}") from None


def parse_scheme(text: str, name: str, include: Callable[[str], SchemeSpec] | None = None) -> SchemeSpec:
    """Parse the text of a scheme file; ``name`` is used in error messages and checked against @name.

    ``include`` resolves ``@include OTHER`` headers: the other scheme's letters, rules and classes are
    copied, and this file's lines then override letters and rules with the same target and conditions.
    """
    spec = SchemeSpec(name=name)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"scheme {name}, line {number}"
        parts = line.split()
        if parts[0].startswith("@"):
            key = parts[0][1:]
            if key == "class" and len(parts) == 3:
                spec.classes[parts[1]] = parts[2]
            elif key == "name" and len(parts) == 2:
                if parts[1] != name:
                    raise SchemeFormatError(f"{where}: @name {parts[1]} does not match the file name {name}")
            elif key == "lang" and len(parts) == 2:
                spec.lang = parts[1]
            elif key == "include" and len(parts) == 2 and include is not None:
                base = include(parts[1])
                spec.letters.update(base.letters)
                spec.rules.extend(base.rules)
                spec.classes.update(base.classes)
                spec.lang = spec.lang or base.lang
            else:
                hint = "use @name, @lang, @class or @include"
                raise SchemeFormatError(f"{where}: unknown header {line!r}; {hint}")
            continue
        if len(parts) < 2:
            raise SchemeFormatError(f"{where}: expected 'TARGET OUTPUT [CONDITIONS]', got {line!r}")
        target, output, conds = parts[0], parts[1], parts[2:]
        if target != target.lower():
            hint = "upper case is derived"
            raise SchemeFormatError(f"{where}: write targets in lower case ({target!r}); {hint}")
        output = "" if output == "-" else output
        conditions: list[str] = []
        for cond in conds:
            if cond in ("^", "$"):
                conditions.append(cond)
                continue
            prefix = next((p for p in _CONDITION_PREFIXES if cond.startswith(p)), None)
            if prefix is None or len(cond) == len(prefix):
                raise SchemeFormatError(f"{where}: bad condition {cond!r}; use ^ $ <SET !<SET >SET !>SET")
            conditions.append(prefix + _expand(cond[len(prefix):], spec.classes, where))
        if len(target) == 1 and target != "'" and not conditions:
            spec.letters[target] = output
        else:
            rule = Rule(target, output, tuple(conditions))
            spec.rules = [r for r in spec.rules if (r.target, r.conditions) != (rule.target, rule.conditions)]
            spec.rules.append(rule)
    # Longest target first, then conditional before unconditional; sorted() keeps file order otherwise.
    spec.rules = sorted(spec.rules, key=lambda r: (-len(r.target), not r.conditions))
    return spec
