"""Golden transliteration cases: tests/golden/translit_*.txt, one `scheme<TAB>input<TAB>expected` a line.

Each file cites the standard its cases come from in its header comment.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from namenorm.translit import SCHEMES, transliterate

GOLDEN = Path(__file__).parent / "golden"


def _cases() -> list[tuple[str, str, str, str]]:
    cases = []
    for path in sorted(GOLDEN.glob("translit_*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            scheme, text, expected = line.split("\t")
            cases.append((f"{path.name}:{number}", scheme, text, expected))
    return cases


CASES = _cases()


@pytest.mark.parametrize(("where", "scheme", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_golden(where: str, scheme: str, text: str, expected: str) -> None:
    assert transliterate(text, scheme=scheme) == expected, where


def test_every_golden_file_cites_its_source() -> None:
    for path in GOLDEN.glob("translit_*.txt"):
        header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        assert header, f"{path.name} has no header comment citing its source"


def test_every_scheme_has_golden_cases() -> None:
    covered = {scheme for _, scheme, _, _ in CASES}
    assert set(SCHEMES) <= covered, sorted(set(SCHEMES) - covered)


def test_national_and_icao_cover_every_letter() -> None:
    alphabets = {
        "uk_national": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
        "ru_icao": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    }
    for scheme, alphabet in alphabets.items():
        text = "".join(t.lower() for _, s, t, _ in CASES if s == scheme)
        assert not [c for c in alphabet if c not in text], scheme
