"""Rebuild the common-surname list: ``python gazetteers/build_surnames.py [--out FILE]``.

Writes ``src/namenorm/surnames.tsv`` from the last-name lists of the pinned ``faker`` package (data
extra), keeping only the locales whose list is a documented frequency ranking of a country's
surnames (see ``SOURCES``; the rejected locales and why are listed in ``REJECTED``).  One line per
folded surname: ``surname<TAB>script<TAB>locales``, where ``locales`` is a comma-separated list of
``locale`` or ``locale:rank`` (rank 1 = most frequent, given where the source has weights).  The
output is byte-for-byte deterministic: sorted, no timestamps.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

OUTPUT = ROOT / "src" / "namenorm" / "surnames.tsv"
PINNED = {"faker": "40.63.0"}

# Where a list's weights are counts of living bearers (de_LU, fr_BE, nl_BE), a surname is kept only
# when at least this many people carry it: "common" means thousands of bearers, and Luxembourg's
# 350th surname has 205.  The other weights are shares of the list, which say nothing about counts.
MIN_BEARERS = 1000
COUNTED = frozenset({"de_LU", "fr_BE", "nl_BE"})

# locale -> (attributes of faker.providers.person.<locale>.Provider, the source the list cites)
SOURCES: dict[str, tuple[tuple[str, ...], str]] = {
    "cs_CZ": (("last_names_male", "last_names_female"),
              "most frequent Czech surnames (cs.wikipedia: Seznam nejčetnějších příjmení v Česku), m+f"),
    "de_AT": (("last_names",), "about 1000 most popular Austrian surnames (de.wiktionary: "
              "Verzeichnis:Deutsch/Namen/die häufigsten Nachnamen Österreichs)"),
    "de_LU": (("last_names",),
              "350 most frequent surnames of Luxembourg with counts (nachnamen.net/luxemburg)"),
    "en_NZ": (("last_names",), "600 New Zealand surnames weighted by count in NZ cemetery plot data"),
    "en_US": (("last_names",), "top 1000 US surnames, US Census, weighted by occurrences"),
    "es_AR": (("last_names",), "top 100 surnames of Argentina, weighted (apellidos.de/argentina)"),
    "es_CL": (("last_names",),
              "top 500 surnames of Chile, weighted (Servicio de Registro Civil e Identificación)"),
    "es_CO": (("last_names",),
              "300 most frequent surnames of Colombia, weighted (datos.gov.co Ciudadanía Digital)"),
    "et_EE": (("last_names_est",), "top 500 most common Estonian surnames (Eesti Ekspress)"),
    "fi_FI": (("last_names",), "most popular last names in Finland, weighted (avoindata.fi)"),
    "fr_BE": (("last_names",), "500 most common surnames of Wallonia with counts (Statbel 2022)"),
    "fr_CA": (("last_names",), "most common surnames in Québec (fr.wikipedia: Liste des noms de famille "
              "les plus courants au Québec)"),
    "hu_HU": (("last_names",),
              "100 most frequent Hungarian family names, weighted (Ministry of Interior, 2016)"),
    "nl_BE": (("last_names",), "500 most common surnames of Flanders with counts (Statbel 2022)"),
    "no_NO": (("last_names",), "100 most common Norwegian last names (Statistics Norway, ssb.no)"),
    "pt_BR": (("last_names",),
              "most common Brazilian family names (nomeschiques.com, nomescriativos.com.br)"),
    "ro_RO": (("last_names",), "most common Romanian surnames (ro.wikipedia: Lista celor mai uzuale nume "
              "de familie#România)"),
    "ru_RU": (("last_names_male", "last_names_female"),
              "250 Russian surnames, m+f, in rank order; faker cites no source, the list and its order are "
              "the 250 most frequent Russian surnames of A. F. Zhuravlev (2005) as in ru.wikipedia: "
              "Список общерусских фамилий"),
    "sv_SE": (("last_names",), "top 500 Swedish surnames, weighted (Skatteverket, 2025)"),
}

# Locales read and left out, with the reason (the builder never reads them).
REJECTED: dict[str, str] = {
    "en": "generic list of made-up and random names (has Stoltenberg), no source",
    "en_GB": "weighted but no source for the surnames (the ONS link is for first names)",
    "en_IE": "all surnames of a name database (duchas.ie), not a frequency ranking",
    "de_DE": "entries of a surname dictionary (namenforschung.net), not a frequency ranking",
    "de_CH": "no source for the surnames",
    "de_LI": "top 50 of Liechtenstein (39,000 inhabitants): a few hundred bearers each",
    "fr_CH": "a register of all Swiss family names, not a frequency ranking",
    "fr_FR, es_ES, es_MX, it_IT, nl_NL, pl_PL, pt_PT, da_DK, hr_HR, sl_SI, sk_SK, lt_LT, lv_LV, tr_TR":
        "no source, or a category of names (it_IT, sk_SK: Wikipedia categories)",
    "uk_UA": "a Wikipedia category of Ukrainian surnames, not a frequency ranking",
    "bg_BG": "no source; not frequency-ordered",
    "mk_MK": "official statistics mixed with a name-usage site, alphabetical: the frequent part is unknown",
}


def check_versions() -> list[str]:
    """Installed data packages that differ from the pinned versions (empty when all match)."""
    from _gazwrite import version_mismatches

    return version_mismatches(PINNED)


def ranked(names: Iterable[str] | Mapping[str, float], min_weight: float = 0) -> list[tuple[str, int | None]]:
    """The names of one list with their rank by weight (1 = most frequent), None when unweighted.

    Weighted names below ``min_weight`` are left out (their rank is still counted).

    >>> ranked({"B": 1.0, "A": 3.0, "C": 1.0})
    [('A', 1), ('B', 2), ('C', 3)]
    >>> ranked({"B": 900, "A": 5000}, min_weight=1000)
    [('A', 1)]
    >>> ranked(("Novák", "Novák", "Svoboda"))
    [('Novák', None), ('Svoboda', None)]
    """
    if isinstance(names, Mapping):
        order = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(name, rank) for rank, (name, weight) in enumerate(order, 1) if weight >= min_weight]
    return [(name, None) for name in dict.fromkeys(names)]


def collect(sources: Mapping[str, tuple[tuple[str, ...], str]] = SOURCES) -> dict[str, dict[str, int | None]]:
    """folded surname -> {locale: best rank or None}, from faker's lists named in ``sources``."""
    from namenorm.text import fold

    table: dict[str, dict[str, int | None]] = defaultdict(dict)
    for locale, (attrs, _) in sources.items():
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in attrs:
            floor = MIN_BEARERS if locale in COUNTED else 0
            for name, rank in ranked(getattr(provider, attr), floor):
                key = fold(name)
                if not key:
                    continue
                old = table[key].get(locale)
                table[key][locale] = rank if old is None else min(old, rank) if rank is not None else old
    return table


def render(table: Mapping[str, Mapping[str, int | None]],
           sources: Mapping[str, tuple[tuple[str, ...], str]] = SOURCES) -> str:
    r"""The TSV text: a commented header naming each source, then one sorted line per surname.

    >>> text = render({"nowak": {"pl_XX": 1, "de_AT": None}, "иванов": {"ru_RU": None}},
    ...               {"pl_XX": ((), "a list"), "ru_RU": ((), "another")})
    >>> text.splitlines()[-4:]
    ['# pl_XX: a list', '# ru_RU: another', 'nowak\tLatin\tde_AT,pl_XX:1', 'иванов\tCyrillic\tru_RU']
    """
    from namenorm.scripts import dominant_script

    lines = [
        "# Common surnames: folded surname, script, locales whose list of most frequent surnames has it",
        "# (locale:rank where the source gives weights, 1 = most frequent).",
        f"# Generated by gazetteers/build_surnames.py from faker {PINNED['faker']} (MIT); do not edit.",
        "# Sources, per locale:",
    ]
    lines += [f"# {loc}: {desc}" + (f"; kept: {MIN_BEARERS:,}+ bearers" if loc in COUNTED else "")
              for loc, (_, desc) in sorted(sources.items())]
    for key in sorted(table):
        script = dominant_script(key) or "None"
        locs = ",".join(loc if rank is None else f"{loc}:{rank}" for loc, rank in sorted(table[key].items()))
        lines.append(f"{key}\t{script}\t{locs}")
    return "\n".join(lines) + "\n"


def build(out: Path = OUTPUT) -> dict[str, int]:
    """Write the TSV to ``out``; returns counts per locale and per script."""
    table = collect()
    out.parent.mkdir(parents=True, exist_ok=True)
    text = render(table)
    out.write_bytes(text.encode("utf-8"))
    counts: dict[str, int] = defaultdict(int)
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        _, script, locs = line.split("\t")
        counts[f"script {script}"] += 1
        for loc in locs.split(","):
            counts[f"locale {loc.split(':')[0]}"] += 1
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUTPUT, help="output file")
    ap.add_argument("--quiet", action="store_true", help="print nothing but errors")
    args = ap.parse_args(argv)
    from _gazwrite import refuse_mismatches

    if refuse_mismatches(check_versions()):
        return 2
    counts = build(args.out)
    if not args.quiet:
        print(f"{args.out}: {sum(v for k, v in counts.items() if k.startswith('script'))} surnames")
        for k in sorted(counts):
            print(f"  {k}: {counts[k]:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
