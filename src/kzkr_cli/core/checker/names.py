"""Numbers and years that are part of a name ("Terminal 2", "Boeing 787-9", "Expo 2017"):
neither a figure nor a date, for the checker and the drafting reader alike."""

from __future__ import annotations

import re

from kzkr_cli.core.checker.parties import countries
from kzkr_cli.core.checker.when import CALENDAR, When
from kzkr_cli.core.models import Qualifier
from kzkr_cli.core.numbers import Kind, Quantity

_NAMED = re.compile(r"(?:^|\s)(?P<word>[A-Z][\w-]*)\.?\s$")
NAME_REACH = 80
"""How far before a number the word that may name it is looked for: the word right before
it, so a long sentence is not searched from its start for every number."""


def number_in_name(text: str, quantity: Quantity) -> bool:
    """A plain whole number in digits right after a capitalised word inside the sentence,
    or joined by a hyphen to the number before it, is part of a name ("Terminal 2",
    "Boeing 787-9"), not a count; a month or weekday before it is a date, a country's name
    is no name's ("Across Kazakhstan 100,000 Koreans live"), and a number written with a
    thousands separator or a decimal point is a quantity."""
    if quantity.kind is not Kind.NUMBER or quantity.qualifier is not Qualifier.EXACT:
        return False
    if not quantity.text.isdigit():
        return False
    start = quantity.start
    if start >= 2 and text[start - 1] in "-–" and text[start - 2].isdigit():
        return True  # the second part of a code such as "787-9"
    return _names(text, start)


def year_in_name(text: str, when: When) -> bool:
    """A bare year right after a capitalised word inside the sentence is part of a name
    ("Expo 2017", "Vision 2050"), as a number is ("Terminal 2"); a month or season before
    it is a date ("June 2017", "Spring 2024"), and so is a code of a part of a year ("Q3
    2024", "H1 2024")."""
    if not re.fullmatch(r"\d{4}", when.text.strip()):
        return False
    return _names(text, when.start, year=True)


def _names(text: str, start: int, *, year: bool = False) -> bool:
    """Whether the word before ``start`` names what follows. A year after a country is still
    a name's ("the Kazakhstan 2050 Strategy"); a count after one is a count ("across
    Kazakhstan 100 ...")."""
    word = _naming_word(text, start)
    if word is None or word in CALENDAR:
        return False
    if year:
        return word.isalpha()
    words = text[max(0, start - NAME_REACH) : start].split()
    return not (words and countries(words[-1]))


def _naming_word(text: str, start: int) -> str | None:
    """The capitalised word right before ``start``, lower-cased, when it stands inside the
    sentence (the first word of a sentence is capitalised anyway)."""
    before = _NAMED.search(text, max(0, start - NAME_REACH), start)
    if before is None or before.start("word") == 0:
        return None
    return before.group("word").lower().rstrip(".")
