"""Numbers as people write them: "$9.2 billion", "120 thousand", "44% less", "fifth", "top ten",
"twice".

One reader serves the store (a figure's ``as_written`` gives its precision) and the claim
checker (free text), so a claim and a stored figure become intervals by the same rules.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kzkr_cli.core.models import Qualifier


class Kind(StrEnum):
    """What a written quantity is, as far as its words tell."""

    USD = "USD"
    OTHER_CURRENCY = "other-currency"
    PERCENT = "percent"
    RANK = "rank"
    YEARS = "years"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number read from text: signed value in base units and the step of its last digit."""

    value: float
    step: float
    qualifier: Qualifier
    kind: Kind
    text: str
    start: int = 0
    end: int = 0
    exact_step: float | None = None
    """The step if a whole number's trailing zeros were significant ("1,000" exactly): the
    strict reading, where ``step`` is the generous one. None when both are the same."""


_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
}
_SCALES = {
    "hundred": Decimal(100),
    "thousand": Decimal(10) ** 3,
    "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
}
_TIMES = {"twice": 2, "thrice": 3}
"""How often something happened ("visited twice"); "twice as large" is a ratio, not a count."""
_FRACTIONS = {
    "half": Decimal(50),
    "third": Decimal(100) / 3,
    "quarter": Decimal(25),
    "twothirds": Decimal(200) / 3,
    "threequarters": Decimal(75),
}
"""Shares written as words, in percent ("more than half" is more than 50 %)."""
_MULTIPLES = {"doubled": 100, "tripled": 200, "quadrupled": 300, "halved": -50}
_VAGUE = {"dozens": 24, "hundreds": 200, "thousands": 1000, "millions": 10**6}

_WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(k for k in _UNITS if k != "zero")
    + r"))?|"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")"
)
_HEDGE = (
    r"(?P<hedge>about|approximately|approx\.|around|some|roughly|circa|nearly|almost|"
    r"more\s+than|over|above|in\s+excess\s+of|upwards\s+of|at\s+least|no\s+less\s+than|"
    r"less\s+than|fewer\s+than|under|below|up\s+to|as\s+many\s+as|as\s+much\s+as)"
)
_HEDGES = {
    "about": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "approx.": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "some": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
    "circa": Qualifier.ABOUT,
    "nearly": Qualifier.NEARLY,
    "almost": Qualifier.NEARLY,
    "more than": Qualifier.MORE_THAN,
    "over": Qualifier.MORE_THAN,
    "above": Qualifier.MORE_THAN,
    "in excess of": Qualifier.MORE_THAN,
    "upwards of": Qualifier.MORE_THAN,
    "at least": Qualifier.AT_LEAST,
    "no less than": Qualifier.AT_LEAST,
    "less than": Qualifier.LESS_THAN,
    "fewer than": Qualifier.LESS_THAN,
    "under": Qualifier.LESS_THAN,
    "below": Qualifier.LESS_THAN,
    "up to": Qualifier.UP_TO,
    "as many as": Qualifier.UP_TO,
    "as much as": Qualifier.UP_TO,
}
_OTHER_CURRENCY = r"(?:€|£|¥|₩|₸|₽|eur|euros?|won|krw|tenge|kzt|rubles?|roubles?|yuan|yen)"
_USD_BEFORE = r"(?:us\s?\$|usd\s?|\$)"
_USD_AFTER = r"(?:us\s+dollars|u\.s\.\s+dollars|dollars|usd)"
_ONE_BEFORE_SCALE = r"an?(?=\s+(?:hundred|thousand|million|billion|trillion)\b)"
"""'a thousand', 'a billion': one of the scale."""
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:hundred|thousand|million|billion|trillion|mln|bln|mn|bn|tn|k|m|b)\b"
_DOWN = (
    r"less|lower|fewer|decline|declined|decrease|decreased|drop|dropped|fall|fell|down|"
    r"shrank|shrunk|contracted|slid|sank|tumbled|plummeted"
)
_UP = r"increase|increased|rise|rose|growth|grew|up|more"

_PATTERN = re.compile(
    rf"""
    (?:{_HEDGE}\s+(?:the\s+)?)?
    (?:
        (?P<top>(?:among\s+(?:the\s+)?)?top[-\s](?P<topn>\d+|{_WORD_NUMBER}))
      | (?P<ordinal>(?P<ordnum>\d+)(?:st|nd|rd|th)|(?P<ordword>{"|".join(_ORDINALS)}))
        (?P<largest>(?:\s+|-)(?:largest|biggest|most\s+important|place|position))?
      | (?P<superlative>(?:the\s+)?(?:most\s+important|largest|biggest|oldest|leading)\b)
      | (?P<multiple>(?:more\s+than\s+)?(?:{"|".join(_MULTIPLES)}))
      | (?P<times>twice|thrice)(?!\s+as\b)
      | (?P<half>(?:a|one)\s+(?:third|quarter)\b|two[-\s]thirds|three[-\s]quarters|half)
      | (?P<vague>{"|".join(_VAGUE)})
      | (?P<decades>(?P<decn>{_WORD_NUMBER}|\d+)\s+decades)
      | (?P<money>
            (?P<cur_before>{_USD_BEFORE}|{_OTHER_CURRENCY}\s?)?
            (?P<num>{_DIGITS}|{_WORD_NUMBER}|{_ONE_BEFORE_SCALE})
            (?:\s*(?P<scale>{_SCALE}))?
            (?:\s+(?P<scale2>thousand|million|billion)\b)?
            (?:\s+(?P<cur_after>{_USD_AFTER}|{_OTHER_CURRENCY})\b)?
            (?P<percent>\s*(?:%|percent\b|per\s+cent\b|pct\b))?
            (?P<years>\s+years?\b)?
        )
    )
    (?P<direction>\s+(?:{_DOWN}|{_UP})\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_BEFORE_DIRECTION = re.compile(
    rf"\b(?P<word>{_DOWN}|{_UP}|increased|decreased|jumped|surged|plunged|slumped)"
    rf"(?:\s+by)?\s*$",
    re.IGNORECASE,
)
_DOWN_WORDS = set(_DOWN.split("|")) | {"plunged", "slumped"}


def _words_to_int(text: str) -> int:
    total = 0
    for part in re.split(r"[- ]", text.lower()):
        total += _TENS.get(part, 0) + _UNITS.get(part, 0)
    return total


def _step_of(digits: str) -> Decimal:
    """The unit of the last significant digit. Trailing zeros of a whole number are read as
    rounding, but never coarser than its two leading digits ("120,000" → 10,000; "700" → 10;
    "10" → 1): a one-digit reading such as "10" meaning 5 to 15 is too loose to check."""
    plain = digits.replace(",", "")
    if "." in plain:
        return Decimal(1).scaleb(-len(plain.split(".")[1]))
    if int(plain) == 0:
        return Decimal(1)
    zeros = len(plain) - len(plain.rstrip("0"))
    return Decimal(10) ** max(0, min(zeros, len(plain) - 2))


def _looks_like_year(match: re.Match[str]) -> bool:
    num = match.group("num") or ""
    return (
        re.fullmatch(r"(1[89]|20)\d\d", num) is not None
        and not any(match.group(g) for g in ("cur_before", "cur_after", "scale", "percent"))
        and not match.group("hedge")
    )


def _quantity(match: re.Match[str], text: str) -> Quantity | None:
    hedge = match.group("hedge")
    qualifier = _HEDGES[re.sub(r"\s+", " ", hedge.lower())] if hedge else Qualifier.EXACT
    kind = Kind.NUMBER
    step = Decimal(0)
    exact: Decimal | None = None
    if match.group("top"):
        topn = match.group("topn")
        value = Decimal(int(topn) if topn.isdigit() else _words_to_int(topn))
        return Quantity(
            float(value),
            0.0,
            Qualifier.TOP,
            Kind.RANK,
            match.group(0).strip(),
            match.start(),
            match.end(),
        )
    if match.group("superlative"):
        before = text[max(0, match.start() - 40) : match.start()].lower()
        if "one of" in before or "among" in before:
            return None
        value, kind = Decimal(1), Kind.RANK
    elif match.group("ordinal"):
        ordnum, ordword = match.group("ordnum"), match.group("ordword")
        value = Decimal(int(ordnum) if ordnum else _ORDINALS[ordword.lower()])
        kind = Kind.RANK
    elif match.group("multiple"):
        word = match.group("multiple").lower().split()[-1]
        value = Decimal(_MULTIPLES[word])
        kind = Kind.PERCENT
        if match.group("multiple").lower().startswith("more"):
            qualifier = Qualifier.MORE_THAN
    elif match.group("times"):
        value, step = Decimal(_TIMES[match.group("times").lower()]), Decimal(1)
    elif match.group("half"):
        share = re.sub(r"^(?:a|one)\s+|[-\s]+", "", match.group("half").lower())
        value, kind = _FRACTIONS[share], Kind.PERCENT
    elif match.group("vague"):
        value = Decimal(_VAGUE[match.group("vague").lower()])
        qualifier = Qualifier.MORE_THAN
    elif match.group("decades"):
        decn = match.group("decn")
        value = Decimal(int(decn) if decn.isdigit() else _words_to_int(decn)) * 10
        kind, step = Kind.YEARS, Decimal(10)
    else:
        if _looks_like_year(match):
            return None
        num, scale = match.group("num"), match.group("scale")
        digits = (
            num
            if num[0].isdigit()
            else "1"
            if num.lower() in ("a", "an")
            else str(_words_to_int(num))
        )
        value, step = Decimal(digits.replace(",", "")), _step_of(digits)
        exact = step if "." in digits else Decimal(1)
        if scale:
            factor = _SCALES[scale.lower()]
            if scale.lower() in {"m", "b", "k"} and not (
                match.group("cur_before") or match.group("cur_after")
            ):
                return None
            if match.group("scale2"):  # "seven hundred million"
                factor *= _SCALES[match.group("scale2").lower()]
            value, step, exact = value * factor, step * factor, exact * factor
        currency = (match.group("cur_before") or "") + (match.group("cur_after") or "")
        if re.search(_OTHER_CURRENCY, currency, re.IGNORECASE):
            kind = Kind.OTHER_CURRENCY
        elif currency:
            kind = Kind.USD
        elif match.group("percent"):
            kind = Kind.PERCENT
        elif match.group("years"):
            kind = Kind.YEARS
    sign = _sign(match, text)
    return Quantity(
        float(sign * value),
        float(step),
        qualifier,
        kind,
        match.group(0).strip(),
        match.start(),
        match.end(),
        float(exact) if exact is not None and exact != step else None,
    )


def _sign(match: re.Match[str], text: str) -> int:
    after = (match.group("direction") or "").strip().lower()
    if after:
        return -1 if after in _DOWN_WORDS else 1
    multiple = match.group("multiple")
    if multiple and multiple.lower().endswith("halved"):
        return 1  # "halved" already carries its sign
    before = _BEFORE_DIRECTION.search(text[max(0, match.start() - 24) : match.start()])
    if before and (match.group("percent") or multiple):
        return -1 if before.group("word").lower() in _DOWN_WORDS else 1
    return 1


_ONE_OF = re.compile(r"\s+of\b", re.IGNORECASE)
"""After a lone "one": "one of the key projects" names a member of a group, not a count."""


def find_quantities(text: str) -> Iterator[Quantity]:
    """Every quantity in free text, in order; bare years are dates, not quantities."""
    for match in _PATTERN.finditer(text):
        if not match.group(0).strip():
            continue
        if match.start() > 0 and (text[match.start() - 1].isalnum()):
            continue
        if match.group(0).strip().lower() == "one" and _ONE_OF.match(text, match.end()):
            continue
        quantity = _quantity(match, text)
        if quantity is not None:
            yield quantity


@functools.lru_cache(maxsize=1 << 14)
def parse_quantity(text: str) -> Quantity:
    """The one quantity a short phrase such as a figure's ``as_written`` states (the same
    phrase recurs across sources, so each is read once)."""
    found = list(find_quantities(text))
    if not found:
        raise ValueError(f"no number in {text!r}")
    if len(found) > 1:
        listed = ", ".join(repr(q.text) for q in found)
        raise ValueError(f"{text!r} holds more than one number ({listed})")
    return found[0]
