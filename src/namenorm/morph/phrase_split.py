"""Split a name phrase into words and separators, and carry capitalisation from one form to another.

>>> split_phrase("«Северного потока-2»")
['«', 'Северного', ' ', 'потока', '-2»']
>>> copy_case("Зеленского", "зеленский"), copy_case("НАТО", "нато"), copy_case("МакКейна", "маккейн")
('Зеленский', 'НАТО', 'МакКейн')
"""

from __future__ import annotations

import re

from namenorm.chars import LETTER

# a word: letters, with inner apostrophes (Ukrainian "Мар'яна": one at a time, and not "`", unlike
# chars.WORD_CHAR) and combining accents
# (captured, so that re.split keeps the words between the separators)
_WORD = re.compile(rf"({LETTER}(?:{LETTER}|['ʼ’](?={LETTER})|\u0301)*)")


def split_phrase(text: str) -> list[str]:
    """Alternate separators and words: odd positions are words, even positions separators ('' allowed).

    >>> split_phrase("Ростов-на-Дону")
    ['', 'Ростов', '-', 'на', '-', 'Дону', '']
    """
    return _WORD.split(text)


def is_all_caps(word: str) -> bool:
    """True for an all-capitals word of two or more letters ("НАТО", "США").

    >>> is_all_caps("НАТО"), is_all_caps("Нато"), is_all_caps("Я")
    (True, False, False)
    """
    return len(word) > 1 and word.isupper()


def copy_case(template: str, word: str) -> str:
    """``word`` with the capitalisation pattern of ``template`` (all caps, or letter by letter).

    Letters past the end of the template follow its last letter's case unless the template is
    mixed-case, when they are lowercase.

    >>> copy_case("КИЄВІ", "київ"), copy_case("киеве", "Киев"), copy_case("Ростове-на-Дону", "ростов-на-дону")
    ('КИЇВ', 'киев', 'Ростов-на-Дону')
    """
    if is_all_caps(template):
        return word.upper()
    if template.islower():
        return word.lower()
    if template[:1].isupper() and (len(template) == 1 or template[1:].islower()) and "-" not in template:
        return word[:1].upper() + word[1:].lower()
    t_parts, w_parts = template.split("-"), word.split("-")
    if len(t_parts) > 1 and len(t_parts) == len(w_parts):
        return "-".join(copy_case(t, w) for t, w in zip(t_parts, w_parts, strict=False))
    chars = []
    for i, ch in enumerate(word):
        if i < len(template) and template[i].isupper():
            chars.append(ch.upper())
        elif i < len(template) and template[i].isalpha():
            chars.append(ch.lower())
        elif i < len(template):
            chars.append(ch)
        else:
            chars.append(ch.lower())
    return "".join(chars)


def keep_e(template: str, word: str) -> str:
    """Write ``ё`` as ``е`` in ``word`` unless ``template`` spells it (Russian usage leaves ё optional).

    >>> keep_e("Соединенных", "соединённые"), keep_e("Соединённых", "соединённые")
    ('соединенные', 'соединённые')
    >>> keep_e("Шрёдера", "шрёдёр")
    'шрёдер'
    """
    if not ("ё" in word or "Ё" in word or "ґ" in word or "Ґ" in word):
        return word
    t, w = template.lower(), word.lower()
    chars = list(word)
    for i in range(min(len(t), len(w))):
        if t[i] != w[i] and {t[i], w[i]} in _SPELLING_VARIANTS:
            chars[i] = t[i]
    if "ё" not in t:
        chars = [c.replace("ё", "е") for c in chars]
    if "ґ" not in t:
        chars = [c.replace("ґ", "г") for c in chars]
    return "".join(chars)


# letters pymorphy3 treats as one, kept as the input spells them
_SPELLING_VARIANTS = ({"е", "ё"}, {"г", "ґ"})
