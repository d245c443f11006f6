"""Numbers as people write them: "$9.2 billion", "120 thousand", "44% less", "fifth", "top ten",
"twice".

One reader serves the store (a figure's ``as_written`` gives its precision) and the claim
checker (free text), so a claim and a stored figure become intervals by the same rules.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kzkr_cli.core import lexicon
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
    ordinal: bool = False
    """An ordinal that may count the years of an age: in digits ("15th"), or in words before
    a word of age ("the fifteenth anniversary", "the twenty-first year")."""
    narrow: bool = False
    """A bound said to be barely passed ("just over", "barely topped", "slightly under"):
    close to it, not anything beyond (how close is the claim reader's to say)."""

    @property
    def placeable(self) -> bool:
        """Whether the number fits a float: one of 310 digits is text, not a quantity any
        store records, and no interval can be made of it."""
        return math.isfinite(self.value) and math.isfinite(self.step)


_UNITS = lexicon.NUMBER_WORDS
_TENS = lexicon.TENS_WORDS
_ORDINALS = lexicon.ORDINAL_WORDS
_SCALES = {word: Decimal(10) ** power for word, power in lexicon.SCALE_WORDS.items()}
_TIMES = lexicon.TIMES_WORDS
_DENOMINATORS = lexicon.FRACTION_DENOMINATORS
_NUMERATORS = {"a": 1, **{w: n for w, n in _UNITS.items() if 1 <= n <= 9}}
_MULTIPLES = lexicon.MULTIPLE_WORDS
_VAGUE = lexicon.VAGUE_COUNTS

_WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(k for k in _UNITS if k != "zero")
    + r"))?|"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")(?![^\W_])"
)
"""A number written in words, ending where its word ends: "ten", never the "ten" of "tender"."""
_HUNDREDS = rf"(?:{_WORD_NUMBER}|an?)\s+hundred\s+(?:and\s+)?{_WORD_NUMBER}(?!\s+hundred\b)"
"""Hundreds and the rest in words: "one hundred and twenty(-five)", "a hundred and five"."""
_ORDINAL_WORD = rf"(?:(?:{'|'.join(_TENS)})[- ])?(?:{lexicon.alternation(_ORDINALS)})"
"""An ordinal in words: "fifth", "twentieth", "twenty-first"."""
_AGE_AFTER = re.compile(
    rf"\s+(?:[^\W\d_]+\s+)?(?:{lexicon.alternation(lexicon.AGE_WORDS)})\b", re.IGNORECASE
)
_SUPERLATIVES = lexicon.alternation(lexicon.SUPERLATIVES)
_OUTSIDE = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.NEGATED_RANKS)})\s+(?:the\s+|its\s+|[^\W\d_]+['’]s\s+)?$",
    re.IGNORECASE,
)
_HEDGE = rf"(?P<hedge>{lexicon.alternation(lexicon.HEDGES)})"
_HEDGES = lexicon.HEDGES
_OTHER_CURRENCY = rf"(?:{lexicon.alternation(lexicon.OTHER_CURRENCIES)})"
_USD_BEFORE = r"(?:us\s?\$|usd\s?|\$)"
_USD_AFTER = r"(?:us\s+dollars|u\.s\.\s+dollars|dollars|usd)"
_BIG_SCALES = lexicon.alternation(w for w in lexicon.SCALE_WORDS if len(w) > 3)
_ONE_BEFORE_SCALE = rf"(?:half\s+)?an?(?=\s+(?:{_BIG_SCALES})\b)"
"""'a thousand', 'a billion': one of the scale; 'half a billion': half of one."""
_SECOND_SCALES = lexicon.alternation(
    w for w, power in lexicon.SCALE_WORDS.items() if len(w) > 3 and 3 <= power <= 9
)
"""A scale after a scale ("seven hundred million")."""
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = rf"(?:{lexicon.alternation(lexicon.SCALE_WORDS)})\b"
_DOWN = lexicon.alternation(lexicon.FALL_WORDS)
_UP = lexicon.alternation(lexicon.RISE_WORDS)

_PATTERN = re.compile(
    rf"""
    (?:{_HEDGE}\s+(?:the\s+)?)?
    (?:
        (?P<top>(?:among\s+(?:the\s+)?)?top[-\s](?P<topn>\d+|{_WORD_NUMBER})
          | (?P<topn2>\d+|{_WORD_NUMBER})\s+(?:{_SUPERLATIVES})\b)
      | (?P<numbered>no\.\s?(?P<nonum>[1-9]\d{{0,2}})(?!\d|[.,]\d))
      | (?P<ordinal>(?P<ordnum>\d+)(?:st|nd|rd|th)|(?P<ordword>{_ORDINAL_WORD})(?![^\W_]))
        (?P<largest>[\s\-\u2010\u2011]+(?:largest|biggest|most\s+important|place|position))?
      | (?P<superlative>(?:the\s+)?(?:most\s+important|largest|biggest|oldest|leading)\b)
      | (?P<multiple>(?:more\s+than\s+)?(?:{"|".join(_MULTIPLES)}))
      | (?P<times>twice|thrice)(?!\s+as\b)
      | (?P<fraction>(?P<numerator>{"|".join(_NUMERATORS)})[-\s]+(?P<denominator>{
        "|".join(d for d in _DENOMINATORS if d != "half")
    })(?:s\b|\b(?=\s+(?:{lexicon.alternation(lexicon.PREPOSITIONS)})\b|\s*[.,;:!?)]|\s*$)))
      | (?P<half>half(?!\s+an?\s+(?:{_BIG_SCALES})\b))
      | (?P<few>(?:{lexicon.alternation(lexicon.FEW_WORDS)})\s+(?P<fewscale>{_BIG_SCALES}|dozen)\b
          (?:\s+(?P<fewscale2>{_SECOND_SCALES})\b)?(?:\s+(?P<fewcur>{_USD_AFTER})\b)?)
      | (?P<vague>{"|".join(_VAGUE)})
      | (?P<decades>(?P<decn>{_WORD_NUMBER}|\d+)\s+decades)
      | (?P<money>
            (?P<cur_before>{_USD_BEFORE}|{_OTHER_CURRENCY}\s?)?
            (?P<num>{_DIGITS}|{_HUNDREDS}|{_WORD_NUMBER}|{_ONE_BEFORE_SCALE})
            (?:\s*(?P<scale>{_SCALE}))?
            (?:\s+(?P<scale2>{_SECOND_SCALES})\b)?
            (?:\s+(?P<cur_after>{_USD_AFTER}|{_OTHER_CURRENCY})\b)?
            (?P<percent>\s*(?:%|percent\b|per\s+cent\b|pct\b))?
            (?P<years>\s+years?\b)?
        )
    )
    (?P<direction>\s+(?:{_DOWN}|{_UP})\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_SHARP = lexicon.alternation((*lexicon.SHARP_RISE_WORDS, *lexicon.SHARP_FALL_WORDS))
_BEFORE_DIRECTION = re.compile(
    rf"\b(?P<word>{_DOWN}|{_UP}|{_SHARP})(?:\s+by)?"
    rf"(?:\s+(?:{lexicon.alternation(lexicon.NARROW_WORDS)}))?\s*$",
    re.IGNORECASE,
)
_DOWN_WORDS = {*lexicon.FALL_WORDS, *lexicon.SHARP_FALL_WORDS}
_SHARP_AFTER = re.compile(rf"\s+(?P<word>{_SHARP})\b", re.IGNORECASE)
"""After a percentage, a sharp move's noun gives its direction ("the 44% slump")."""


def _words_to_int(text: str) -> int:
    total = 0
    for part in re.split(r"[-\s]+", text.lower()):
        if part == "hundred":
            total = (total or 1) * 100  # "a hundred", "one hundred and five"
        else:
            total += _TENS.get(part, 0) + _UNITS.get(part, 0)
    return total


def _ordinal_value(words: str) -> int:
    *tens, last = re.split(r"[- ]", words)
    return sum(_TENS[t] for t in tens) + _ORDINALS[last]


def _step_of(digits: str) -> Decimal:
    """The unit of the last significant digit. Trailing zeros of a whole number are read as
    rounding, but never coarser than its two leading digits ("120,000" → 10,000; "700" → 10;
    "10" → 1): a one-digit reading such as "10" meaning 5 to 15 is too loose to check."""
    plain = digits.replace(",", "")
    if "." in plain:
        return Decimal(1).scaleb(-len(plain.split(".")[1]))
    if not plain.strip("0."):
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
    added = _ADD.search(text, max(0, match.start() - 20), match.start())
    if qualifier is Qualifier.UP_TO and added is not None and not added.group("modal"):
        qualifier = Qualifier.EXACT  # "add up to $9.6 billion" is the sum, not a ceiling
    kind = Kind.NUMBER
    ordinal = False
    step = Decimal(0)
    exact: Decimal | None = None
    if match.group("top"):
        topn = match.group("topn") or match.group("topn2")
        value = Decimal(topn if topn.isdigit() else _words_to_int(topn))
        top = Qualifier.TOP
        before = text[max(0, match.start() - 40) : match.start()]
        among = match.group(0).lower().startswith("among")
        if _OUTSIDE.search(before) or (among and re.search(r"\bnot\s+$", before, re.I)):
            value, top = value + 1, Qualifier.AT_LEAST  # "not among the top ten": 11th or below
        return Quantity(
            float(value),
            0.0,
            top,
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
    elif match.group("numbered"):
        value, kind = Decimal(match.group("nonum")), Kind.RANK  # "the No. 4 partner"
    elif match.group("ordinal"):
        ordnum, ordword = match.group("ordnum"), match.group("ordword")
        value = Decimal(ordnum if ordnum else _ordinal_value(ordword.lower()))
        kind = Kind.RANK
        ordinal = not match.group("largest") and (
            bool(ordnum) or _AGE_AFTER.match(text, match.end()) is not None
        )
    elif match.group("multiple"):
        word = match.group("multiple").lower().split()[-1]
        value = Decimal(_MULTIPLES[word])
        kind = Kind.PERCENT
        if match.group("multiple").lower().startswith("more"):
            qualifier = Qualifier.MORE_THAN
    elif match.group("times"):
        value, step = Decimal(_TIMES[match.group("times").lower()]), Decimal(1)
    elif match.group("fraction"):
        numerator = _NUMERATORS[match.group("numerator").lower()]
        denominator = _DENOMINATORS[match.group("denominator").lower()]
        # a share in words is as precise as a quarter of its part ("two-fifths": 35-45 %)
        value, kind = Decimal(100 * numerator) / denominator, Kind.PERCENT
        step = Decimal(50) / denominator
    elif match.group("half"):
        value, kind = Decimal(50), Kind.PERCENT
    elif match.group("few"):
        # "a few hundred": two to nine hundred, read as the middle with that span.
        factor = (
            Decimal(12)
            if match.group("fewscale").lower() == "dozen"
            else _SCALES[match.group("fewscale").lower()]
        )
        if match.group("fewscale2"):
            factor *= _SCALES[match.group("fewscale2").lower()]
        low, high = lexicon.FEW_RANGE
        value, step = factor * (low + high) / 2, factor * (high - low)
        if match.group("fewcur"):
            kind = Kind.USD
    elif match.group("vague"):
        value = Decimal(_VAGUE[match.group("vague").lower()])
        qualifier = Qualifier.MORE_THAN
    elif match.group("decades"):
        decn = match.group("decn")
        value = Decimal(decn if decn.isdigit() else _words_to_int(decn)) * 10
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
            else "0.5"
            if num.lower().startswith("half")
            else str(_words_to_int(num))
        )
        value, step = Decimal(digits.replace(",", "")), _step_of(digits)
        exact = step if "." in digits else Decimal(1)
        if scale:
            factor = _SCALES[scale.lower()]
            if (
                scale.lower() in lexicon.BARE_LETTER_SCALES
                and not (match.group("cur_before") or match.group("cur_after"))
                and not (scale in lexicon.JOINED_SCALES and _joined(match, scale))
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
    narrow = (
        qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.LESS_THAN)
        and _NARROWLY.search(text, max(0, match.start() - 16), match.start()) is not None
    )
    return Quantity(
        float(sign * value),
        float(step),
        qualifier,
        kind,
        match.group(0).strip(),
        match.start(),
        match.end(),
        float(exact) if exact is not None and exact != step else None,
        ordinal,
        narrow,
    )


_ADD = re.compile(
    rf"(?P<modal>\b(?:{lexicon.alternation(lexicon.MODAL_WORDS)})\s+)?\badd(?:s|ed|ing)?\s+$",
    re.IGNORECASE,
)
"""Before "up to", a sum ("add up to $9.6 billion"), unless a modal makes it a ceiling ("could
add up to $20 billion")."""
_NARROWLY = re.compile(rf"\b(?:{lexicon.alternation(lexicon.NARROW_WORDS)})\s+$", re.IGNORECASE)


def _joined(match: re.Match[str], scale: str) -> bool:
    """Whether the scale letter is written joined to the digits ("120k")."""
    return match.group("num")[-1:].isdigit() and match.group(0).rstrip().lower().endswith(
        match.group("num").lower() + scale.lower()
    )


def _sign(match: re.Match[str], text: str) -> int:
    after = (match.group("direction") or "").strip().lower()
    if not after and match.group("percent"):
        sharp = _SHARP_AFTER.match(text, match.end())  # "the 44% slump", "a 125% jump"
        after = sharp.group("word").lower() if sharp else ""
    if after:
        return -1 if after in _DOWN_WORDS else 1
    multiple = match.group("multiple")
    if multiple and multiple.lower().endswith("halved"):
        return 1  # "halved" already carries its sign
    before = _BEFORE_DIRECTION.search(text[max(0, match.start() - 24) : match.start()])
    share = match.group("percent") or match.group("fraction") or match.group("half")
    if before and (share or multiple):
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
