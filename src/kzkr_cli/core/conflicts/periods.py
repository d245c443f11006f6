"""Periods as the conflict engine names and nests them."""

from __future__ import annotations

import datetime as dt

from kzkr_cli.core.dates import PartialDate, Precision


def containing(date: PartialDate) -> list[PartialDate]:
    """The coarser dates that contain ``date``: its month and its year."""
    if date.precision is Precision.DAY:
        return [PartialDate(date.year, date.month), PartialDate(date.year)]
    if date.precision is Precision.MONTH:
        return [PartialDate(date.year)]
    return []


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
