"""Dates at the precision a source gives them: a year, a month or a day, never more; and
one day somewhere in a range ("2024-11-03..2024-11-05", "..2024-11-05", "1937.."), the
one-of-a-range form of ISO 8601-2 (EDTF) without its brackets."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from enum import StrEnum

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_FINENESS = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2}
RANGE_RANK = -1
"""Where a range sorts among dates starting on its day: before a year (``sort_key``)."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to a year, a month or a day; it stands for every day it covers."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} does not exist")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(
                    f"{self.year:04d}-{self.month:02d}-{self.day:02d} does not exist"
                    f" ({calendar.month_name[self.month]} {self.year} has {last} days)"
                )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read "2024", "2024-06" or "2024-06-11"."""
        return _parse(text)

    @classmethod
    def coerce(cls, value: object) -> PartialDate:
        """Accept what TOML gives: a string, a bare year, or a TOML date."""
        if isinstance(value, str):
            return _parse(value)
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("a date must not carry a time of day")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool):
            raise ValueError("expected a date, got a boolean")
        if isinstance(value, int):
            return cls(value)
        raise ValueError(f'expected a date such as "2024-06", got {type(value).__name__}')

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def precision_rank(self) -> int:
        """0 for a year, 1 for a month, 2 for a day: larger is finer."""
        return _FINENESS[self.precision]

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, self.month, self.day)

    def contains(self, other: Dating) -> bool:
        """True when every day of ``other`` lies within this date."""
        return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()

    def overlaps(self, other: Dating) -> bool:
        return self.first_day() <= other.last_day() and other.first_day() <= self.last_day()

    def sort_key(self) -> tuple[dt.date, int]:
        """Chronological, a coarser date before the finer dates it contains."""
        return (self.first_day(), self.precision_rank)

    def __str__(self) -> str:
        return self.iso()


@functools.lru_cache(maxsize=1 << 16)
def _parse(text: str) -> PartialDate:
    """A store repeats the same few thousand dates: each is read once and its (immutable)
    value shared, which saves time and memory in a large store."""
    match = _ISO.match(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    return PartialDate(int(year), int(month) if month else None, int(day) if day else None)


@dataclass(frozen=True, slots=True)
class DateRange:
    """One day somewhere from ``low`` to ``high`` (either may be open): what a source says
    when it dates a thing only to within a range, as opposed to a span it lasted."""

    low: PartialDate | None
    high: PartialDate | None

    def __post_init__(self) -> None:
        if self.low is None and self.high is None:
            raise ValueError("a range needs at least one end, as in 2024.. or ..2024-11-05")
        if (
            self.low is not None
            and self.high is not None
            and self.high.last_day() < self.low.first_day()
        ):
            raise ValueError(f"{self.iso()}: the range ends before it starts")

    def iso(self) -> str:
        low = self.low.iso() if self.low is not None else ""
        high = self.high.iso() if self.high is not None else ""
        return f"{low}..{high}"

    def first_day(self) -> dt.date:
        return self.low.first_day() if self.low is not None else dt.date.min

    def last_day(self) -> dt.date:
        return self.high.last_day() if self.high is not None else dt.date.max

    def contains(self, other: Dating) -> bool:
        return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()

    def overlaps(self, other: Dating) -> bool:
        return self.first_day() <= other.last_day() and other.first_day() <= self.last_day()

    def sort_key(self) -> tuple[dt.date, int]:
        """By its earliest day, or by its latest when it has no start ("..2024-11-05")."""
        known = self.low if self.low is not None else self.high
        assert known is not None
        return (known.first_day() if self.low is not None else known.last_day(), RANGE_RANK)

    def __str__(self) -> str:
        return self.iso()


Dating = PartialDate | DateRange
"""A date as a source gives it: a calendar unit, or one day within a range."""


def parse_dating(text: str) -> Dating:
    """Read a date ("2024-06") or a one-of-a-range ("2024-11-03..2024-11-05", "..2024",
    "2024.."); each side of a range at any precision."""
    if ".." not in text:
        return _parse(text)
    low, _, high = text.strip().partition("..")
    if ".." in high:
        raise ValueError(f"{text!r} has more than one '..'")
    try:
        return DateRange(_parse(low) if low else None, _parse(high) if high else None)
    except ValueError as error:
        if "is not a date" in str(error):
            raise ValueError(
                f"{text!r} is not a date range of the form A..B, ..B or A.. with each side"
                " YYYY, YYYY-MM or YYYY-MM-DD"
            ) from None
        raise


def coerce_dating(value: object) -> Dating:
    """Accept what TOML gives for a date or a range: a string, a bare year, a TOML date."""
    if isinstance(value, DateRange):
        return value
    if isinstance(value, str) and ".." in value:
        return parse_dating(value)
    return PartialDate.coerce(value)


def days_wide(dating: Dating) -> int:
    """How many days a date may fall on, less one: 0 for a day, 30 for January; the measure
    by which one date is more precise than another, however it is written."""
    return (dating.last_day() - dating.first_day()).days


def span_text(date: Dating | str, end: Dating | str | None = None) -> str:
    """How a dated claim is written everywhere kzkr shows one: its date, or "date/end" for a
    thing that lasted (ISO 8601's interval), each side as written."""
    return str(date) if end is None or str(end) == str(date) else f"{date}/{end}"
