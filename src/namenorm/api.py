"""The :class:`Normalizer` and the module-level functions that use a default instance."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from namenorm.cache import cache_key, cached_index, compile_progress
from namenorm.gazetteer import bundled_paths, expand_paths, load
from namenorm.index import Index, build_index
from namenorm.langs import ISO_639_1
from namenorm.limits import MAX_TEXT, too_long
from namenorm.match import Match
from namenorm.options import LookupOptions
from namenorm.resolve import Resolver, with_chance

__all__ = ["MAX_TEXT", "Normalizer", "candidates", "default_normalizer", "normalize", "normalize_many"]

_NO_HINTS = LookupOptions.parse()  # a lookup without hints, parsed once
_FUZZY_ONLY = _NO_HINTS._replace(fuzzy=True)  # ... as the resolver gets it from a fuzzy Normalizer


class Normalizer:
    """Resolves names against a set of gazetteers.

    The index is compiled on first use and cached on disk (see :mod:`namenorm.cache`), so a new
    process, or a worker that unpickles a Normalizer, loads it instead of recompiling.
    Thread-safe for lookups.

    >>> import tempfile, pathlib
    >>> src = pathlib.Path(tempfile.mkdtemp()) / "mine.gaz"
    >>> _ = src.write_text("[acme:1] ORG Acme Widgets\\nen: Acme | ACME Corp\\n", encoding="utf-8")
    >>> n = Normalizer(gazetteers=[src], include_bundled=False)
    >>> m = n.normalize("acme corp")
    >>> m.id, m.name, m.method
    ('acme:1', 'Acme Widgets', 'exact')
    >>> n.normalize("Globex") is None
    True
    """

    def __init__(self, gazetteers: Iterable[str | Path] | None = None, *, include_bundled: bool = True,
                 fuzzy: bool = True, use_cache: bool = True) -> None:
        self.gazetteers = [Path(p) for p in gazetteers or ()]
        self.include_bundled = include_bundled
        self.fuzzy = fuzzy
        self.use_cache = use_cache
        self._lock = threading.Lock()
        self._resolver: Resolver | None = None
        self._langs: frozenset[str] | None = None
        self._memo: dict[tuple[str, LookupOptions], Match | None] = {}

    # -- pickling: the configuration travels, the index is reloaded from the cache ---------------
    def __getstate__(self) -> dict[str, Any]:
        return {"gazetteers": self.gazetteers, "include_bundled": self.include_bundled,
                "fuzzy": self.fuzzy, "use_cache": self.use_cache}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["gazetteers"], include_bundled=state["include_bundled"],  # type: ignore[misc]
                      fuzzy=state["fuzzy"], use_cache=state["use_cache"])

    def __repr__(self) -> str:
        files = [str(p) for p in self.gazetteers]
        return f"Normalizer(gazetteers={files}, include_bundled={self.include_bundled})"

    @property
    def paths(self) -> list[Path]:
        """Every gazetteer file in load order (bundled first, then the user's)."""
        return (bundled_paths() if self.include_bundled else []) + expand_paths(list(self.gazetteers))

    @property
    def index(self) -> Index:
        """The compiled index (compiled or loaded on first access)."""
        return self._get().ix

    def _get(self) -> Resolver:
        if self._resolver is None:
            with self._lock:
                if self._resolver is None:
                    paths = self.paths
                    if not paths:
                        raise ValueError("no gazetteers: pass gazetteers=[...] or include_bundled=True")
                    ix = cached_index(cache_key(paths),
                                      lambda: with_chance(build_index(load(list(paths)), compile_progress)),
                                      enabled=self.use_cache)
                    self._resolver = Resolver(ix)
        return self._resolver

    def preload(self) -> Normalizer:
        """Load now what the first lookups would load lazily, and return ``self``.

        That is the index with every table, the Russian and Ukrainian morphology analyzers and the
        transliteration tables: a service or a worker then answers its first queries at full speed.

        >>> Normalizer().preload().normalize("Харкові").name
        'Kharkiv'
        """
        from namenorm.morph.analyzers import LANGS, get_analyzer
        from namenorm.steps import cyrillic_named
        from namenorm.translit.romanize import preload_schemes

        resolver = self._get()
        resolver.ix.load_all()
        resolver.fuzzy.preload()
        resolver.weigher.preload()
        resolver.ix.derived(cyrillic_named)  # the composed route's bar (see namenorm.steps)
        for lang in LANGS:
            get_analyzer(lang)
        preload_schemes()
        return self

    @property
    def languages(self) -> frozenset[str]:
        """The ``lang`` hints accepted: ISO 639-1 codes, and the languages of the gazetteers' names
        (not the untagged ``xx``).

        >>> {"uk", "ru", "en"} <= Normalizer().languages
        True
        """
        if self._langs is None:
            self._langs = ISO_639_1 | (frozenset(self._get().ix.alias_lang) - {"xx"})
        return self._langs

    def _options(self, lang: object, types: object, country: object, fuzzy: object,
                 min_score: object, as_of: object, region: object = None) -> LookupOptions:
        """The options of a lookup, parsed (``lang`` one of :attr:`languages`); ``fuzzy`` None stays
        None here: :meth:`_resolvable` gives it this Normalizer's setting."""
        if lang is None and types is None and country is None and min_score is None and as_of is None \
                and region is None:
            if fuzzy is None:  # the usual calls: nothing to check
                return _NO_HINTS
            if fuzzy is True:
                return _FUZZY_ONLY
        return LookupOptions.parse(lang=lang, types=types, country=country, fuzzy=fuzzy, min_score=min_score,
                                   as_of=as_of, admin=region,
                                   languages=self.languages if lang is not None else None)

    def _resolvable(self, opts: LookupOptions) -> LookupOptions:
        """What the resolver is given: ``fuzzy`` set, and no score floor (the caller applies it, and
        the memo of :meth:`normalize_many` is shared by every floor)."""
        if opts is _FUZZY_ONLY or (opts is _NO_HINTS and self.fuzzy is True):
            return _FUZZY_ONLY
        return opts._replace(fuzzy=self.fuzzy if opts.fuzzy is None else opts.fuzzy, min_score=0.0)

    # -- lookups ------------------------------------------------------------------------------------
    def normalize(self, text: str, *, lang: str | None = None, types: Iterable[str] | str | None = None,
                  country: str | None = None, fuzzy: bool | None = None,
                  min_score: float | None = None, as_of: str | date | None = None,
                  region: Iterable[str] | str | None = None) -> Match | None:
        """The best entity for ``text``, or None when nothing matches well enough (or ``text`` is over
        :data:`MAX_TEXT` characters).

        Hints: ``lang`` ("ru", "uk", ...: how to read Cyrillic), ``types`` ("PER", "LOC", "ORG",
        "EVT", "PRO", or several: a filter), ``country`` (ISO alpha-2: preferred, not required),
        ``region`` (first-level regions as the gazetteers' ``admin1`` writes them: an ISO 3166-2 code
        for Ukraine such as "UA-14", a state name in the US, else GeoNames' code such as "FR.11"; a
        comma-separated str or a list: places there are preferred, and their weak names match),
        ``fuzzy`` (typo matching; the Normalizer's setting when None), ``as_of`` (the date the text
        was written, ``"2015"`` or a :class:`datetime.date`: an entity named by a name in use then is
        preferred to one whose name it was only before; see :attr:`Match.former`) and ``min_score``
        (a match scored lower is None). The match's ``score`` is the estimated probability that it is right
        (see :mod:`namenorm.evidence` and docs/scores.md); ``method`` says which step found it (see
        :class:`namenorm.methods.Method`).

        Raises TypeError or ValueError for a wrong hint: ``lang`` one of :attr:`languages` or None,
        ``types`` a str ("PER,LOC") or a list of str among PER, LOC, ORG, EVT, PRO, ``country`` an
        ISO 3166-1 alpha-2 code, ``min_score`` a number from 0 to 1, ``as_of`` YYYY, YYYY-MM or
        YYYY-MM-DD.

        >>> n = Normalizer()
        >>> n.normalize("Kyiv").score, n.normalize("Kiev", min_score=0.99).method
        (1.0, 'exact')
        """
        if not isinstance(text, str):
            raise TypeError(f"normalize() takes a str, got {type(text).__name__}")
        opts = self._options(lang, types, country, fuzzy, min_score, as_of, region)
        if too_long(text):  # not a name (see namenorm.limits)
            return None
        found = self._get().candidates(text, self._resolvable(opts), limit=2)
        return found[0] if found and found[0].score >= opts.min_score else None

    def candidates(self, text: str, *, limit: int = 5, lang: str | None = None,
                   types: Iterable[str] | str | None = None, country: str | None = None,
                   fuzzy: bool | None = None, min_score: float | None = None,
                   as_of: str | date | None = None,
                   region: Iterable[str] | str | None = None) -> list[Match]:
        """Ranked candidate entities, for ambiguous names ("Washington", "Georgia"), the most likely
        first. An ambiguous name's candidates share its probability: each score is how often that
        entity is the one meant. Hints as for :meth:`normalize`.

        >>> [(c.id, c.score > 0.5) for c in Normalizer().candidates("Washington")][:2]
        [('Q61', True), ('iso3166-2:US-WA', False)]
        """
        if not isinstance(text, str):
            raise TypeError(f"candidates() takes a str, got {type(text).__name__}")
        opts = self._options(lang, types, country, fuzzy, min_score, as_of, region)
        if too_long(text):
            return []
        found = self._get().candidates(text, self._resolvable(opts), limit=limit)
        return [m for m in found if m.score >= opts.min_score]

    def normalize_many(self, values: Iterable[str], *, lang: str | None = None,
                       types: Iterable[str] | str | None = None, country: str | None = None,
                       fuzzy: bool | None = None, min_score: float | None = None,
                       as_of: str | date | None = None,
                       region: Iterable[str] | str | None = None) -> list[Match | None]:
        """:meth:`normalize` for many values; each distinct value is resolved once.

        >>> [m.name if m else None for m in Normalizer().normalize_many(["Kiev", "Київ", "N/A"])]
        ['Kyiv', 'Kyiv', None]
        """
        if isinstance(values, (str, bytes)):
            raise TypeError("normalize_many() takes an iterable of str, not one str: normalize() takes one")
        opts = self._options(lang, types, country, fuzzy, min_score, as_of, region)
        hints = self._resolvable(opts)
        resolver = self._get()
        memo = self._memo
        out: list[Match | None] = []
        for i, v in enumerate(values):
            if not isinstance(v, str):
                raise TypeError(f"normalize_many() takes str values; item {i} is a {type(v).__name__}")
            if too_long(v):
                out.append(None)
                continue
            key = (v, hints)
            if key not in memo:
                if len(memo) > 500_000:
                    memo.clear()
                found = resolver.candidates(v, hints, limit=2)
                memo[key] = found[0] if found else None
            m = memo[key]
            out.append(m if m is None or m.score >= opts.min_score else None)
        return out


@lru_cache(maxsize=1)
def default_normalizer() -> Normalizer:
    """The shared Normalizer over the bundled gazetteers used by the module-level functions."""
    return Normalizer()


def normalize(text: str, *, lang: str | None = None, types: Iterable[str] | str | None = None,
              country: str | None = None, fuzzy: bool = True, min_score: float | None = None,
              as_of: str | date | None = None,
              region: Iterable[str] | str | None = None) -> Match | None:
    """Resolve ``text`` to an entity of the bundled gazetteers; None when nothing matches (see
    :meth:`Normalizer.normalize` for the hints, the score and the methods).

    >>> m = normalize("Kyiv")
    >>> m.name, m.type
    ('Kyiv', 'LOC')
    >>> normalize("N/A") is None
    True
    """
    return default_normalizer().normalize(text, lang=lang, types=types, country=country, fuzzy=fuzzy,
                                          min_score=min_score, as_of=as_of, region=region)


def candidates(text: str, *, limit: int = 5, lang: str | None = None,
               types: Iterable[str] | str | None = None, country: str | None = None, fuzzy: bool = True,
               min_score: float | None = None, as_of: str | date | None = None,
               region: Iterable[str] | str | None = None) -> list[Match]:
    """Ranked candidates for ``text`` from the bundled gazetteers (see :meth:`Normalizer.candidates`);
    the hints of :func:`normalize`."""
    return default_normalizer().candidates(text, limit=limit, lang=lang, types=types, country=country,
                                           fuzzy=fuzzy, min_score=min_score, as_of=as_of, region=region)


def normalize_many(values: Iterable[str], *, lang: str | None = None,
                   types: Iterable[str] | str | None = None, country: str | None = None,
                   fuzzy: bool = True, min_score: float | None = None,
                   as_of: str | date | None = None,
                   region: Iterable[str] | str | None = None) -> list[Match | None]:
    """:func:`normalize` for many values, each distinct value resolved once; the same hints.

    >>> [m.name if m else None for m in normalize_many(["Kiev", "Київ", "N/A"], types="LOC")]
    ['Kyiv', 'Kyiv', None]
    """
    return default_normalizer().normalize_many(values, lang=lang, types=types, country=country, fuzzy=fuzzy,
                                               min_score=min_score, as_of=as_of, region=region)
