"""Reading when a sentence speaks of: dates, spans, durations and "as of" moments.

Dates come at the precision written ("in 1996", "in January 1992", "on 16-17 August 2021",
"January-April 2024" or "between January and April 2024", a span of whole months);
a date without a year ("on June 12", "in May") keeps only its month and days. A duration
("over the past 18 years") has a length and no place in the calendar.

Against the day a text was published, times relative to it are placed: "last year", "in
April last year", "last November", "on Tuesday", "in January-September"; a time the clause
gives in advance ("will open in January") falls on or after that day, the others on or
before it (or in its year).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from kzkr_cli.core import lexicon
from kzkr_cli.core.checker.sentences import CLAUSE_BOUNDARY
from kzkr_cli.core.dates import PartialDate
from kzkr_cli.core.numbers import find_quantities

_MONTHS = lexicon.MONTHS
_ABBREVIATIONS = lexicon.MONTH_ABBREVIATIONS
_WEEKDAYS = lexicon.WEEKDAYS
CALENDAR = lexicon.CALENDAR_WORDS
"""Capitalised words that name a time, never a party."""
_MONTH = (
    r"(?P<{name}>"
    + "|".join(_MONTHS)
    + r"|(?:"
    + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True))
    + r")\.?)"
)
_YEAR = r"(?P<{name}>(?:1[89]|20)\d\d)(?!\d|,\d|\.\d)"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|to|until|through|thru|and)\s*"
_NUMBER_WORD = r"\d+|[a-z]+(?:[- ][a-z]+)?"


def _month(name: str) -> str:
    return _MONTH.replace("{name}", name)


def _year(name: str) -> str:
    return _YEAR.replace("{name}", name)


def _day(name: str) -> str:
    return _DAY.replace("{name}", name)


_PARTS = lexicon.YEAR_PARTS
_OFFSETS = lexicon.YEAR_OFFSETS

_RELATIVE: list[tuple[str, re.Pattern[str]]] = [
    (
        "relative-year",
        re.compile(
            r"\b(?:(?:the|in)\s+)?(?P<which>" + "|".join(_OFFSETS) + r")\s+year\b",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(r"\b(?:on\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE),
    ),
]
"""Times that only a reference date places ("last year", "on Tuesday"): read only when the
caller gives one (a source's publication date), so a claim in free text is not placed in
a calendar it does not name."""

_OFFSET = r"(?P<which>" + "|".join(_OFFSETS) + r")"


def _named_month(name: str) -> str:
    """A month written with its capital ("May", not the verb "may"), whatever the case of
    the words around it."""
    names = [m.title() for m in _MONTHS] + [
        a.title() for a in sorted(_ABBREVIATIONS, key=len, reverse=True)
    ]
    return rf"(?P<{name}>(?-i:{'|'.join(names)})\.?)"


_ANCHORED: list[tuple[str, re.Pattern[str]]] = [
    (
        "month-of-relative-year",
        re.compile(
            r"\b(?:"
            + _named_month("m")
            + r"(?:\s+"
            + _day("d1")
            + r"(?:"
            + _DASH
            + _day("d2")
            + r")?)?"
            + r"|"
            + _day("d3")
            + r"(?:"
            + _DASH
            + _day("d4")
            + r")?(?:\s+of)?\s+"
            + _named_month("m2")
            + r"),?\s+(?:of\s+)?(?:the\s+)?"
            + _OFFSET
            + r"\s+year\b",
            re.IGNORECASE,
        ),
    ),
    (
        "relative-month",
        re.compile(r"\b" + _OFFSET + r"\s+" + _named_month("m") + r"(?![^\W_])", re.IGNORECASE),
    ),
]
"""Months placed by a year or a step counted from the reference date ("in April last year",
"last November"): read before the plain forms, so "April" and "last year" are one time."""

_UNPLACED: list[tuple[str, re.Pattern[str]]] = [
    (
        "relative",
        re.compile(
            rf"\b(?:{lexicon.alternation(lexicon.RELATIVE_WORDS)})\s+"
            rf"(?:{lexicon.alternation(lexicon.RELATIVE_UNITS)})\b",
            re.IGNORECASE,
        ),
    ),
]
"""The same times read with no reference date: a period the text does not place, which a
figure takes as its own so that it reaches for no other date of the sentence."""

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "part-of-year",
        re.compile(
            r"\b(?:in\s+|during\s+|over\s+)?the\s+(?P<part>" + "|".join(_PARTS) + r")"
            r"\s+(?P<unit>quarter|half)\s+of\s+(?:(?P<this>this\s+year)|" + _year("y") + r")",
            re.IGNORECASE,
        ),
    ),
    (
        "first-months",
        re.compile(
            r"\b(?:(?:in|during|over)\s+(?:the\s+)?|the\s+)first\s+(?P<n>" + _NUMBER_WORD + r")"
            r"\s+(?P<unit>months|quarters)"
            r"\s+of\s+(?:(?P<this>this\s+year)|" + _year("y") + r")",
            re.IGNORECASE,
        ),
    ),
    (
        "past-years",
        re.compile(
            r"\b(?:over|in|during|for)\s+(?:the\s+)?(?:past|last|previous)\s+(?P<n>"
            + _NUMBER_WORD
            + r")\s+(?P<unit>years|yrs|decades)\b"
            r"|\bover\s+(?P<n2>" + _NUMBER_WORD + r")\s+(?P<unit2>years|yrs|decades)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "decade",
        re.compile(
            rf"\b(?:(?P<part>{'|'.join(lexicon.DECADE_PARTS)})[- ])?"
            r"(?P<decade>(?:1[89]|20)\d0)['’]?s\b",
            re.IGNORECASE,
        ),
    ),
    (
        "month-range",
        re.compile(
            r"\b(?:(?P<between>between|from)\s+)?"
            + _month("m")
            + r"(?:,?\s+"
            + _year("y1")
            + r")?"
            + _DASH
            + _month("m2")
            + r",?\s+(?:of\s+)?"
            + _year("y"),
            re.IGNORECASE,
        ),
    ),
    (
        "day-range-across-months",
        re.compile(
            r"\b(?:(?P<between>between|from)\s+)?"
            + _day("d1")
            + r"(?:\s+of)?\s+"
            + _month("m")
            + _DASH
            + _day("d2")
            + r"(?:\s+of)?\s+"
            + _month("m2")
            + r",?\s+"
            + _year("y")
            + r"|\b(?:(?P<between2>between|from)\s+)?"
            + _month("m3")
            + r"\s+"
            + _day("d3")
            + _DASH
            + _month("m4")
            + r"\s+"
            + _day("d4")
            + r",?\s+"
            + _year("y2"),
            re.IGNORECASE,
        ),
    ),
    (
        "day-month-year",
        re.compile(
            r"\b"
            + _day("d1")
            + r"(?:"
            + _DASH
            + _day("d2")
            + r")?(?:\s+of)?\s+"
            + _month("m")
            + r",?\s+"
            + _year("y"),
            re.IGNORECASE,
        ),
    ),
    (
        "month-day-year",
        re.compile(
            r"\b"
            + _month("m")
            + r"\s+"
            + _day("d1")
            + r"(?:"
            + _DASH
            + _day("d2")
            + r")?,?\s+"
            + _year("y"),
            re.IGNORECASE,
        ),
    ),
    (
        "month-year",
        re.compile(r"\b" + _month("m") + r",?\s+(?:of\s+)?" + _year("y"), re.IGNORECASE),
    ),
    (
        "iso",
        re.compile(r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?\b(?!-\d)"),
    ),
    ("year-dot-month", re.compile(r"\b(?P<y>(?:1[89]|20)\d\d)\.(?P<m>[01]\d)\b")),
    (
        # "28.01.1992": day, month and year with dots, as much of Europe writes them
        "dotted-day",
        re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:1[89]|20)\d\d)\b(?!\.\d)"),
    ),
    (
        "month-day",
        re.compile(
            r"\b" + _month("m") + r"\s+" + _day("d1") + r"(?:" + _DASH + _day("d2") + r")?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "day-month",
        re.compile(
            r"\b"
            + _day("d1")
            + r"(?:"
            + _DASH
            + _day("d2")
            + r")?(?:\s+of)?\s+"
            + _month("m")
            + r"\b",
            re.IGNORECASE,
        ),
    ),
    (
        "year-range",
        re.compile(
            r"\b(?:(?P<between>between|from)\s+)?"
            + _year("y")
            + r"\s*(?:-|–|—|to|through|thru|and)\s*"
            + _year("y2"),
            re.IGNORECASE,
        ),
    ),
    ("as-of", re.compile(r"\bas\s+of\s+" + _year("y"), re.IGNORECASE)),
    ("year", re.compile(r"(?<![\d$€£.,])\b" + _year("y"))),
    (
        "month-span",
        re.compile(
            r"\b(?:(?P<between>between|from)\s+)?"
            + _month("m")
            + _DASH
            + _month("m2")
            + r"\b(?!,?\s+(?:of\s+)?(?:1[89]|20)\d\d)",
            re.IGNORECASE,
        ),
    ),
    (
        "month",
        re.compile(
            r"\b(?:in|since|from|by|until|during|early|late|mid)[- ]+(?P<m>"
            + "|".join(_MONTHS)
            + r")\b(?!\s+\d)",
            re.IGNORECASE,
        ),
    ),
]


@dataclass(frozen=True, slots=True)
class When:
    """One mention of time in a text, at the precision it was written."""

    text: str
    start: int
    end: int
    first: PartialDate | None = None
    last: PartialDate | None = None
    month: int | None = None
    days: tuple[int, int] | None = None
    months: tuple[int, int] | None = None
    years: float | None = None
    as_of: bool = False
    year_offset: int | None = None
    """Years from the reference date's ("last year": -1); placed by ``resolve``."""
    weekday: int | None = None
    """0 for Monday ("on Tuesday": 1); placed by ``resolve``."""
    month_step: int | None = None
    """A month counted from the reference month: the last one before it (-1, "last
    November"), the next after it (1), or the one of its year (0); placed by ``resolve``."""
    announced: bool = False
    """The clause gives the time in advance ("will open in January"): a time without a year
    is placed on or after the reference date, not on or before it."""
    relative: bool = False
    """A time counted from when the text was written ("last year"), read with no reference
    date to place it: a period, but not one the sentence places in the calendar."""

    @property
    def dated(self) -> bool:
        """A place in the calendar with a year."""
        return self.first is not None

    @property
    def is_duration(self) -> bool:
        return self.years is not None

    def label(self) -> str:
        if self.first is not None and self.last is not None:
            if self.last == self.first:
                return ("as of " if self.as_of else "") + self.first.iso()
            return f"{self.first.iso()}/{self.last.iso()}"
        if self.years is not None:
            return f"a span of {self.years:g} years"
        return self.text


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or _ABBREVIATIONS[key]


COUNT_DIGITS = 4
"""The most digits a count of months or years may have ("the first 9 months", "the past 18
years"); a longer run of digits counts no period."""


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word) if len(word) <= COUNT_DIGITS else None
    try:
        found = list(find_quantities(word))
    except ValueError:
        return None
    if len(found) != 1 or not found[0].placeable:
        return None
    return int(found[0].value)


def _safe(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _read(kind: str, match: re.Match[str]) -> When | None:
    text, start, end = match.group(0), match.start(), match.end()
    groups = match.groupdict()
    if kind == "part-of-year":
        size = 3 if groups["unit"].lower() == "quarter" else 6
        nth = _PARTS[groups["part"].lower()]
        if nth * size > 12:
            return None
        months = ((nth - 1) * size + 1, nth * size)
        if groups.get("this"):
            return When(text, start, end, months=months)
        year = int(groups["y"])
        return When(text, start, end, first=_safe(year, months[0]), last=_safe(year, months[1]))
    if kind == "relative-year":
        return When(text, start, end, year_offset=_OFFSETS[groups["which"].lower()])
    if kind == "month-of-relative-year":
        offset = _OFFSETS[groups["which"].lower()]
        month = _month_number(groups["m"] or groups["m2"])
        low, high = groups["d1"] or groups["d3"], groups["d2"] or groups["d4"]
        days = None if low is None else (int(low), int(high or low))
        if days is not None and not 1 <= days[0] <= days[1] <= 31:
            return None
        return When(text, start, end, month=month, days=days, year_offset=offset)
    if kind == "relative-month":
        step = max(-1, min(1, _OFFSETS[groups["which"].lower()]))
        return When(text, start, end, month=_month_number(groups["m"]), month_step=step)
    if kind == "weekday":
        return When(text, start, end, weekday=_WEEKDAYS.index(groups["wd"].lower()))
    if kind == "first-months":
        n = _count(groups["n"])
        if n is not None and groups["unit"].lower() == "quarters":
            n *= 3  # "the first three quarters": nine months
        if n is None or not 1 <= n <= 12:
            return None
        if groups.get("this"):
            return When(text, start, end, months=(1, n))
        year = int(groups["y"])
        return When(text, start, end, first=_safe(year, 1), last=_safe(year, n))
    if kind == "past-years":
        n = _count(groups["n"] or groups["n2"] or "")
        unit = (groups["unit"] or groups["unit2"] or "").lower()
        if n is None:
            return None
        return When(text, start, end, years=float(n * (10 if unit == "decades" else 1)))
    if kind == "decade":
        decade = int(groups["decade"])
        part = (groups["part"] or "").lower()
        low, high = lexicon.DECADE_PARTS.get(part, (0, 9))
        return When(text, start, end, first=_safe(decade + low), last=_safe(decade + high))
    if kind in ("day-month-year", "month-day-year", "month-day", "day-month"):
        month = _month_number(groups["m"])
        d1 = int(groups["d1"])
        d2 = int(groups["d2"]) if groups.get("d2") else d1
        if not (1 <= d1 <= 31 and d1 <= d2 <= 31):
            return None
        if groups.get("y"):
            year = int(groups["y"])
            first, last = _safe(year, month, d1), _safe(year, month, d2)
            if first is None or last is None:
                return None
            return When(text, start, end, first=first, last=last)
        return When(text, start, end, month=month, days=(d1, d2))
    if kind == "day-range-across-months":
        return _day_range(match)
    if (
        kind in ("month-range", "year-range")
        and re.search(r"\band\b", text, re.IGNORECASE)
        and not groups["between"]
    ):
        return None  # "in April and August 2024" names two months, not a span
    if kind == "month-span":
        if re.search(r"\band\b", text, re.IGNORECASE) and not groups["between"]:
            return None
        months = (_month_number(groups["m"]), _month_number(groups["m2"]))
        return When(text, start, end, months=months) if months[0] < months[1] else None
    if kind == "month-range":
        year = int(groups["y"])
        start_year = int(groups["y1"]) if groups.get("y1") else year
        first = _safe(start_year, _month_number(groups["m"]))
        last = _safe(year, _month_number(groups["m2"]))
        if first is None or last is None or last.first_day() <= first.first_day():
            return None
        return When(text, start, end, first=first, last=last)
    if kind in ("month-year", "year-dot-month", "iso", "dotted-day"):
        raw = groups["m"]
        month = int(raw) if raw.isdigit() else _month_number(raw)
        day = int(groups["d"]) if groups.get("d") else None
        date = _safe(int(groups["y"]), month, day)
        return None if date is None else When(text, start, end, first=date, last=date)
    if kind == "year-range":
        first, last = _safe(int(groups["y"])), _safe(int(groups["y2"]))
        if first is None or last is None or last.year < first.year:
            return None
        return When(text, start, end, first=first, last=last)
    if kind in ("as-of", "year"):
        date = _safe(int(groups["y"]))
        return When(text, start, end, first=date, last=date, as_of=kind == "as-of")
    if kind == "relative":
        return When(text, start, end, relative=True)
    if kind == "month":
        return When(text, start, end, month=_month_number(groups["m"]))
    return None


def _day_range(match: re.Match[str]) -> When | None:
    """ "From 11 June to 13 June 2024", "June 11 to June 13, 2024", "30 June - 2 July 2024":
    a span of days whose ends each name their month, in one year."""
    groups = match.groupdict()
    day_first = groups["d1"] is not None
    between = groups["between"] if day_first else groups["between2"]
    if re.search(r"\band\b", match.group(0), re.IGNORECASE) and not between:
        return None  # "on 11 June and 13 June 2024" names two days, not a span
    names = ("d1", "m", "d2", "m2", "y") if day_first else ("d3", "m3", "d4", "m4", "y2")
    d1, m1, d2, m2, y = (groups[n] for n in names)
    year = int(y)
    first = _safe(year, _month_number(m1), int(d1))
    last = _safe(year, _month_number(m2), int(d2))
    if first is None or last is None or last.first_day() < first.first_day():
        return None
    return When(match.group(0), match.start(), match.end(), first=first, last=last)


_AS_OF = re.compile(r"\bas\s+(?:of|at)\s+$", re.IGNORECASE)


def find_times(text: str, reference: PartialDate | None = None) -> Iterator[When]:
    """Every mention of time in ``text``, in order; longer, more specific forms win. With a
    ``reference`` date (when the text was published), times relative to it ("last year",
    "on Tuesday", "in May", "the first nine months of this year") are placed in its
    calendar, and those it cannot place are left out; without one, "last year" is a period
    the text does not place (``When.relative``). A time the clause gives in advance ("will
    open in January") is ``announced``; a day followed in its clause by "through" another
    ("on Tuesday for a visit through Thursday") is one span."""
    taken = bytearray(len(text))
    """The characters an earlier form has read: checking a match costs its own length, so
    finding every mention stays linear in the text."""
    found: list[When] = []
    patterns = (
        [*_PATTERNS, *_UNPLACED] if reference is None else [*_ANCHORED, *_PATTERNS, *_RELATIVE]
    )
    clauses = _Clauses(text)
    for kind, pattern in patterns:
        for match in pattern.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            when = _read(kind, match)
            if when is None:
                continue
            if when.first is not None and _AS_OF.search(text, max(0, when.start - 8), when.start):
                when = replace(when, as_of=True)
            if clauses.announces(when.start):
                when = replace(when, announced=True)
            if reference is not None:
                placed = resolve(when, reference)
                if placed is None:
                    continue
                when = placed
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            found.append(when)
    times = _same_span(text, _sharing_years(text, sorted(found, key=lambda w: w.start)))
    times = _a_year_earlier(text, times, taken)
    yield from _spans(text, times, clauses)


_SAME_SPAN = re.compile(
    r"\bthe\s+same\s+(?:months?|period|quarters?|span|time|day)\s+(?:of|in|last|a\s+year)?\s*$",
    re.IGNORECASE,
)


_YEAR_EARLIER = re.compile(r"\b(?:a|one)\s+year\s+(?:earlier|before)\b", re.IGNORECASE)
_AFTER_A_NUMBER = re.compile(
    rf"\d(?:\s*(?:%|{lexicon.alternation(lexicon.SCALE_WORDS)}|bn|mln|percent))?\s+$",
    re.IGNORECASE,
)
"""Right after a number, "a year earlier" is that number's time; after "than" or "compared
with" it is only the base of a comparison, no time a figure holds for."""


def _a_year_earlier(text: str, times: list[When], taken: bytearray) -> list[When]:
    """ "$1.4bn in January-April 2024, down from $2.4bn a year earlier": the same days,
    months or year as the time said before it, one year back."""
    found = list(times)
    starts = [t.start for t in times]
    stops = [m.start() for m in re.finditer(";", text)]
    for match in _YEAR_EARLIER.finditer(text):
        if any(taken[match.start() : match.end()]) or not _AFTER_A_NUMBER.search(
            text, max(0, match.start() - 16), match.start()
        ):
            continue
        at = bisect_left(starts, match.start())
        before = times[at - 1] if at > 0 else None
        if (
            before is None
            or before.first is None
            or before.last is None
            or bisect_left(stops, match.start()) > bisect_left(stops, before.end)
        ):
            continue  # "visited on 11-13 June 2024; trade had reached $6 billion a year earlier"
        moved = _in_year(before, before.first.year - 1)
        if moved is None:
            continue
        first, last = moved
        found.append(
            When(
                match.group(0),
                match.start(),
                match.end(),
                first=first,
                last=last,
                months=before.months,
            )
        )
    return sorted(found, key=lambda w: w.start)


def _in_year(when: When, year: int) -> tuple[PartialDate, PartialDate] | None:
    """The same months and days as a time within one year, in another year (None where
    a day does not exist there: 29 February)."""
    assert when.first is not None and when.last is not None
    first = _safe(year, when.first.month, when.first.day)
    last = _safe(year, when.last.month, when.last.day)
    return None if first is None or last is None else (first, last)


_SAME_SPAN_LOOKBACK = 4
"""Times before "the same period" that it may repeat: the nearest few, so it stays linear."""


def _same_span(text: str, times: list[When]) -> list[When]:
    """ "The same months of 2023" after "January-April 2024" is January-April 2023: a year
    said of "the same period" takes the months of the part of a year said before it. After
    anything else (a whole year, which may be "so far this year", a span across years,
    nothing) it cannot be placed, and is left out rather than read as the whole year."""
    kept: list[When] = []
    for when in times:
        same = (
            _SAME_SPAN.search(text, max(0, when.start - 40), when.start)
            if _whole_year(when)
            else None
        )
        if same is None:
            kept.append(when)
            continue
        earlier = next(
            (t for t in reversed(kept[-_SAME_SPAN_LOOKBACK:]) if t.first is not None), None
        )
        assert when.first is not None
        if (
            earlier is None
            or _whole_year(earlier)
            or earlier.first is None
            or earlier.last is None
            or earlier.first.year != earlier.last.year
        ):
            continue
        moved = _in_year(earlier, when.first.year)
        if moved is not None:
            first, last = moved
            kept.append(
                replace(
                    when,
                    text=text[same.start() : when.end],
                    start=same.start(),
                    first=first,
                    last=last,
                    months=earlier.months,
                )
            )
    return kept


_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$", re.IGNORECASE)
_ALL_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)


def listed_years(text: str, times: list[When], i: int) -> When | None:
    """Years listed together from ``times[i]`` on ("in 1995, 2003, 2010, 2012 and 2016"), as
    one span from the first to the last: what a count of them ("five visits") is over. None
    unless at least two whole years are listed (not "or": alternatives are no span)."""
    last = i
    while (
        last + 1 < len(times)
        and _whole_year(times[last])
        and _whole_year(times[last + 1])
        and _ALL_LISTED.fullmatch(text, times[last].end, times[last + 1].start) is not None
    ):
        last += 1
    if last == i:
        return None
    first, end = times[i], times[last]
    return replace(first, text=text[first.start : end.end], end=end.end, last=end.last, as_of=False)


def _whole_year(when: When) -> bool:
    return (
        when.first is not None
        and when.last is not None
        and when.first.month is None
        and when.first == when.last
    )


def _sharing_years(text: str, times: list[When]) -> list[When]:
    """Months listed before one with a year share it ("in March and August 2024": March
    2024), whatever a reference date would have placed them in."""
    for i in range(len(times) - 2, -1, -1):
        when, following = times[i], times[i + 1]
        year_of = following.first if following.month is None else None
        if (
            when.month is None
            or when.year_offset is not None
            or when.month_step is not None
            or year_of is None
            or year_of.month is None
            or following.first != following.last
            or _LISTED.fullmatch(text, when.end, following.start) is None
        ):
            continue
        days = when.days or (None, None)
        first, last = (
            _safe(year_of.year, when.month, days[0]),
            _safe(year_of.year, when.month, days[1]),
        )
        if first is not None and last is not None:
            times[i] = replace(when, first=first, last=last, month=None, days=None)
    return times


class _Clauses:
    """Where the text's clauses begin and where it uses a word announcing a date in advance,
    read once, so asking of any place whether its clause announces it costs a lookup."""

    def __init__(self, text: str) -> None:
        self.starts = [m.end() for m in CLAUSE_BOUNDARY.finditer(text)]
        self.words = [start for start, _ in lexicon.announcing(text)]
        self.relatives = [m.start() for m in _RELATIVE_WORD.finditer(text)]

    def start_of(self, at: int) -> int:
        i = bisect_right(self.starts, at)
        return self.starts[i - 1] if i else 0

    def announces(self, at: int) -> bool:
        """Whether a word announcing in advance stands before ``at`` in its clause, with no
        relative clause opening between them ("will resume flights that were suspended on
        Tuesday" announces the resumption, not the suspension)."""
        i = bisect_left(self.words, at)
        if i == 0 or self.words[i - 1] < self.start_of(at):
            return False
        r = bisect_left(self.relatives, at)
        return r == 0 or self.relatives[r - 1] < self.words[i - 1]


_RELATIVE_WORD = re.compile(rf"\b(?:{lexicon.alternation(lexicon.RELATIVE_PRONOUNS)})\b", re.I)
_UNTIL = re.compile(r"\b(?:through|thru)\s+$", re.IGNORECASE)
_UNTIL_AFTER_FROM = re.compile(r"\b(?:until|till|to)\s+$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
SPAN_GAP = 60
"""How far apart, at most, a day and the "through ..." day ending its span may stand."""


def _spans(text: str, times: list[When], clauses: _Clauses) -> Iterator[When]:
    """Join a day and a later "through" day of its clause into one span ("from" one day
    "until" or "to" another too); a weekday ending it is the first such day on or after the
    start. ("Until" alone as often says how long something else waits: "talks held on
    Monday were postponed until Friday".)"""
    i = 0
    while i < len(times):
        when = times[i]
        if i + 1 < len(times):
            joined = _joined(text, when, times[i + 1], clauses)
            if joined is not None:
                yield joined
                i += 2
                continue
        yield when
        i += 1


def _joined(text: str, start: When, end: When, clauses: _Clauses) -> When | None:
    first, last = start.first, end.last
    if first is None or last is None or first.day is None or last.day is None:
        return None
    if end.start - start.end > SPAN_GAP or clauses.start_of(end.start) > start.start:
        return None
    through = _UNTIL.search(text, max(0, end.start - 8), end.start) is not None
    from_until = (
        _UNTIL_AFTER_FROM.search(text, max(0, end.start - 8), end.start) is not None
        and _FROM.search(text, max(0, start.start - 6), start.start) is not None
    )
    if not (through or from_until):
        return None
    if end.weekday is not None:
        day = dt.date(first.year, first.month or 1, first.day)
        ahead = (end.weekday - day.weekday()) % 7
        if day > dt.date.max - dt.timedelta(days=ahead):
            return None
        placed = day + dt.timedelta(days=ahead)
        last = PartialDate(placed.year, placed.month, placed.day)
    if last.first_day() < first.first_day() or start.end > end.start:
        return None
    return replace(
        start,
        text=text[start.start : end.end],
        end=end.end,
        last=last,
        weekday=None,
        announced=start.announced or end.announced,
    )


def resolve(when: When, reference: PartialDate) -> When | None:
    """A time placed against a reference date: a relative year, a month counted from it
    ("last November"), a weekday (the last such day on or before the reference day), or a
    month or days without a year (in the reference year). A time given in advance
    (``announced``) is placed on or after the reference instead: the next such weekday,
    the next such month. Dated times and durations come back as they are; None when the
    reference is too coarse to place it (a weekday against a month)."""
    if when.dated or when.is_duration:
        return when
    year = reference.year
    if when.year_offset is not None and when.month is None:
        date = _safe(year + when.year_offset)
        return replace(when, first=date, last=date)
    if when.year_offset is not None:
        year += when.year_offset
    elif when.month_step is not None and when.month is not None:
        if reference.month is None and when.month_step:
            return None
        if when.month_step < 0 and when.month >= (reference.month or 0):
            year -= 1
        if when.month_step > 0 and when.month <= (reference.month or 13):
            year += 1
    elif when.announced and reference.month is not None:
        first_month = when.months[0] if when.months else when.month
        first_day = (when.days or (31,))[0]
        if first_month is not None and (first_month, first_day) < (
            reference.month,
            reference.day or 1,
        ):
            year += 1
    if when.weekday is not None:
        if reference.day is None or reference.month is None:
            return None
        day = dt.date(year, reference.month, reference.day)
        if not dt.date.min + dt.timedelta(days=7) <= day <= dt.date.max - dt.timedelta(days=7):
            return None  # the calendar's ends: no week to count in
        step = (
            (when.weekday - day.weekday()) % 7
            if when.announced
            else -((day.weekday() - when.weekday) % 7)
        )
        placed = day + dt.timedelta(days=step)
        date = _safe(placed.year, placed.month, placed.day)
        return replace(when, first=date, last=date)
    if when.months is not None:
        return replace(when, first=_safe(year, when.months[0]), last=_safe(year, when.months[1]))
    if when.month is not None and when.days is not None:
        first, last = _safe(year, when.month, when.days[0]), _safe(year, when.month, when.days[1])
        return None if first is None or last is None else replace(when, first=first, last=last)
    if when.month is not None:
        date = _safe(year, when.month)
        return replace(when, first=date, last=date)
    return None
