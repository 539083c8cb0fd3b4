"""Reorder Russian and Ukrainian full names as sources list them into the forms the press writes.

Reference sources list a person "Surname, Given Patronymic" (Russian Wikipedia titles) or
"Surname Given Patronymic" (Ukrainian Wikipedia titles); news writes "Given Surname" and
"Given Patronymic Surname".  :func:`split_name` finds the parts, :func:`press_forms` writes the two
forms.  A part is never written alone: a surname or a given name on its own names too many people.

>>> press_forms("Бурбак, Максим Юрьевич")
['Максим Бурбак', 'Максим Юрьевич Бурбак']
>>> press_forms("Іонова Марія Миколаївна")
['Марія Іонова', 'Марія Миколаївна Іонова']
>>> press_forms("Савченко, Надежда")
['Надежда Савченко']
"""

from __future__ import annotations

from typing import NamedTuple

# Endings of East Slavic patronymics (masculine -ович/-евич and the -ич of Ильич/Кузьмич/Ілліч;
# feminine -овна/-евна/-івна/-ївна/-ична/-ічна; Belarusian -авіч/-евіч, -аўна/-еўна).  A surname
# can end so too (Ярошевич, Шуфрич), which is why the position of the word decides, not the
# ending alone (see split_name).
PATRONYMIC_ENDINGS = ("ович", "евич", "ьевич", "йович", "овна", "евна", "ьевна", "івна", "ївна",
                      "ична", "ічна", "ильич", "ілліч", "зьмич", "омич", "укич",
                      "авіч", "евіч", "аўна", "еўна")  # the last four: Belarusian
# Turkic patronymic particles written after the father's name ("Алиев Гейдар Алирза оглы").
PATRONYMIC_PARTICLES = ("оглы", "огли", "кызы", "кизи")


class NameParts(NamedTuple):
    """The parts of a full name; ``patronymic`` is "" when the source gives none."""

    given: str
    patronymic: str
    surname: str


def is_patronymic(word: str) -> bool:
    """Whether ``word`` has the ending of a Russian or Ukrainian patronymic.

    >>> is_patronymic("Юрійович"), is_patronymic("Миколаївна"), is_patronymic("Ильич")
    (True, True, True)
    >>> is_patronymic("Бурбак"), is_patronymic("Ірина")
    (False, False)
    """
    return word.lower().endswith(PATRONYMIC_ENDINGS)


def split_name(name: str) -> NameParts | None:
    """The parts of a Cyrillic full name in one of the orders sources use, or None when the order
    cannot be told (a single word, two words without a comma, an unknown shape).

    - "Surname, Given [Patronymic]": the comma marks the surname (Russian Wikipedia titles);
    - "Surname Given Patronymic": three words, the last a patronymic (Ukrainian Wikipedia titles);
    - "Given Patronymic Surname": three words, the middle a patronymic and the last not.
    A patronymic followed by оглы/кызы is kept as two words.  Hyphenated parts are one word.

    >>> split_name("Тимошенко-Іванова Ольга Петрівна")
    NameParts(given='Ольга', patronymic='Петрівна', surname='Тимошенко-Іванова')
    >>> split_name("Андрей Леонидович Деркач")
    NameParts(given='Андрей', patronymic='Леонидович', surname='Деркач')
    >>> split_name("Деркач Андрій") is None  # two words, no comma: the order is unknown
    True
    """
    if "," in name:
        surname, _, rest = name.partition(",")
        words = rest.split()
        if "," in rest or len(surname.split()) != 1 or not words:
            return None
        return _given_and_patronymic(words, surname.strip())
    words = name.split()
    if len(words) >= 3 and words[-1].lower() in PATRONYMIC_PARTICLES:
        words = [*words[:-2], f"{words[-2]} {words[-1]}"]
    if len(words) != 3:
        return None
    if is_patronymic(words[2]) or words[2].endswith(PATRONYMIC_PARTICLES):
        return NameParts(words[1], words[2], words[0])
    if is_patronymic(words[1]):
        return NameParts(words[0], words[1], words[2])
    return None


def _given_and_patronymic(words: list[str], surname: str) -> NameParts | None:
    """The parts after the comma: "Given", "Given Patronymic" or "Given Patronymic оглы"."""
    if len(words) == 1:
        return NameParts(words[0], "", surname)
    if len(words) == 2 and is_patronymic(words[1]):
        return NameParts(words[0], words[1], surname)
    if len(words) == 3 and words[2].lower() in PATRONYMIC_PARTICLES:
        return NameParts(words[0], f"{words[1]} {words[2]}", surname)
    return None


def press_forms(name: str) -> list[str]:
    """"Given Surname" and, when there is a patronymic, "Given Patronymic Surname"; the name as
    given when its order cannot be told and it has at least two words; else nothing.

    >>> press_forms("Деркач Андрій"), press_forms("Деркач")
    (['Деркач Андрій'], [])
    """
    parts = split_name(name)
    if parts is None:
        return [" ".join(name.split())] if len(name.split()) >= 2 and "," not in name else []
    forms = [f"{parts.given} {parts.surname}"]
    if parts.patronymic:
        forms.append(f"{parts.given} {parts.patronymic} {parts.surname}")
    return forms


def surname_first_latin(latin: str, native: str) -> str | None:
    """"Given Surname" in Latin letters when ``latin`` writes the person of ``native`` surname first
    (labels such as "Zhurzhiy Andriy" for Журжій Андрій Валерійович); None when it is in the press
    order already or the words do not correspond.  Words are compared by the library's cross-script
    key (:func:`namenorm.keys.skeleton`).

    >>> surname_first_latin("Zhurzhiy Andriy", "Журжій Андрій Валерійович")
    'Andriy Zhurzhiy'
    >>> surname_first_latin("Ivchenko Vadym Eugenovych", "Ивченко Вадим Евгеньевич")
    'Vadym Ivchenko'
    >>> surname_first_latin("Andriy Zhurzhiy", "Журжій Андрій Валерійович") is None
    True
    """
    from namenorm.keys import skeleton

    parts, words = split_name(native), latin.split()
    if parts is None or len(words) not in (2, 3):
        return None
    first, second = skeleton(words[0]), skeleton(words[1])
    if first == skeleton(parts.surname) and second == skeleton(parts.given) and first != second:
        return f"{words[1]} {words[0]}"
    return None
