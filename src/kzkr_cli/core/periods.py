"""When two figures speak of the same time, so that comparing them means something."""

from __future__ import annotations

import datetime as dt

from kzkr_cli.core.dates import Dating, PartialDate, Precision, days_wide
from kzkr_cli.core.models import Period


def span_days(period: Period) -> tuple[dt.date, dt.date]:
    """The first and last day a span covers: two spans are the same period when these are."""
    return period.first.first_day(), period.last.last_day()


def same_period(a: Period, b: Period) -> bool:
    """Spans coincide when they cover exactly the same days ("2023" and "2023-01".."2023-12");
    two as-of dates when they may be the same moment (``same_moment``). A span and a moment
    never coincide. The conflict engine groups figures by the same rule."""
    if a.is_span != b.is_span:
        return False
    if a.is_span:
        return span_days(a) == span_days(b)
    return same_moment(a.first, b.first)


MOMENT_SPAN_DAYS = 365
"""The most days two moments may span together and still be compared: a year's, as from
the first to the last day of 2024."""


def same_moment(a: Dating, b: Dating) -> bool:
    """Two as-of moments that may be the same: some day is possible for both, and together
    they lie within a year ("2024" and "2024-11-05"; "2024-05..2024-06-10" and "2024-06"). A
    moment known only to within more than that ("no later than 2024-06-10") may be years
    from any other, so it is compared with none but its like."""
    if a == b:
        return True
    if not a.overlaps(b):
        return False
    first, last = min(a.first_day(), b.first_day()), max(a.last_day(), b.last_day())
    return (last - first).days <= MOMENT_SPAN_DAYS


def vague(moment: Dating) -> bool:
    """A moment known only to within more than a year."""
    return days_wide(moment) > MOMENT_SPAN_DAYS


def containing(date: PartialDate) -> list[PartialDate]:
    """The coarser dates that contain ``date``, its month and its year: the moments that
    may be the same as it."""
    if date.precision is Precision.DAY:
        return [PartialDate(date.year, date.month), PartialDate(date.year)]
    if date.precision is Precision.MONTH:
        return [PartialDate(date.year)]
    return []


def covers(period: Period, when: PartialDate) -> bool:
    """A span covers ``when`` when it includes all of it; a moment when it falls within it,
    every day it may be ("2024-05..2024-06-10" is within 2024, "..2024-06-10" within no year)."""
    if period.is_span:
        return (
            period.first.first_day() <= when.first_day()
            and when.last_day() <= period.last.last_day()
        )
    return when.contains(period.first)


def span_years(period: Period) -> float:
    """The length of a span in years (a moment has none)."""
    if not period.is_span:
        return 0.0
    days = (period.last.last_day() - period.first.first_day()).days + 1
    return days / 365.2425


def span_label(first_day: dt.date, last_day: dt.date) -> str:
    """A span of days in the fewest words: "2023", "2006/2023", "2024-01/2024-04"."""
    start = next(
        d for d in _dates_of(first_day) if d.first_day() == first_day and d.last_day() <= last_day
    )
    end = next(
        d for d in _dates_of(last_day) if d.last_day() == last_day and d.first_day() >= first_day
    )
    return str(start) if start == end else f"{start}/{end}"


def _dates_of(day: dt.date) -> tuple[PartialDate, PartialDate, PartialDate]:
    """The year, the month and the day that contain ``day``, coarsest first."""
    return (
        PartialDate(day.year),
        PartialDate(day.year, day.month),
        PartialDate(day.year, day.month, day.day),
    )
